// The service worker of the public guide pages (scope /guide/; the workspace's /sw.js is another one).
// - the pages, their stylesheet and script: from the network first; when it cannot be reached, or the
//   gateway refuses (5xx, 429), the copy kept from the last visit, with its "saved copy" line shown;
// - edition files (/guide/<lang>/<number>.<ext>): from the cache first, they never change once published.
// Everything here is public: no personal data is kept.
var PAGES = 'guide-pages-v1';
var FILES = 'guide-files-v1';
var EDITION_FILE = /^\/guide\/[a-z]{2}\/\d+\.[a-z]+$/;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(PAGES)
    .then(function (cache) { return cache.addAll(['/guide/guide.css', '/guide/guide.js']); })
    .catch(function () { /* kept on the next visit instead */ })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf('guide-') === 0 && name !== PAGES && name !== FILES;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page loaded before this worker controlled it asks to be kept.
self.addEventListener('message', function (event) {
  var path = event.data && event.data.keep;
  if (typeof path === 'string' && path.indexOf('/guide') === 0) {
    event.waitUntil(fetch(path).then(function (answer) {
      if (answer.status === 200) return caches.open(PAGES).then(function (cache) { return cache.put(path, answer); });
    }).catch(function () {}));
  }
});

function refused(answer) {
  return answer.status >= 500 || answer.status === 429;
}

function savedCopy(kept) {
  if ((kept.headers.get('Content-Type') || '').indexOf('text/html') !== 0) return kept;
  return kept.text().then(function (html) {
    var headers = new Headers(kept.headers);
    headers.delete('Content-Length');
    return new Response(html.replace('<p id="saved-copy" class="saved" hidden>', '<p id="saved-copy" class="saved">'),
      { status: 200, headers: headers });
  });
}

function networkFirst(request) {
  return caches.open(PAGES).then(function (cache) {
    var key = new URL(request.url).pathname; // a ?v= of the stylesheet or script still finds the copy
    function fallback(answerOrError) {
      return cache.match(key).then(function (kept) {
        if (kept) return savedCopy(kept);
        if (answerOrError instanceof Response) return answerOrError;
        throw answerOrError;
      });
    }
    return fetch(request).then(function (answer) {
      if (refused(answer)) return fallback(answer);
      if (answer.status === 200) cache.put(key, answer.clone());
      return answer;
    }, fallback);
  });
}

function cacheFirst(request) {
  return caches.open(FILES).then(function (cache) {
    return cache.match(request.url).then(function (kept) {
      return kept || fetch(request).then(function (answer) {
        if (answer.status === 200) cache.put(request.url, answer.clone());
        return answer;
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/guide') !== 0) return;
  if (url.pathname === '/guide/sw.js') return;
  event.respondWith(EDITION_FILE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
