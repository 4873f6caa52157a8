// The service worker: the shell opens offline and shows what was last loaded, read-only.
// - the page and the built files: precached at install (the list comes from /precache.json, written by the
//   build), hashed files served from the cache first (they never change), the page from the network first;
// - GET answers of the API and /auth/me: from the network; when it cannot be reached, the last answer kept
//   is served, marked with the header X-Civic-Offline-Copy so the page shows "offline" and offers no changes;
// - anything else (every change) goes to the network only.
// Kept answers are personal data on this device: the page deletes them at sign-out (message "forget") and
// when the session turns out to have ended.
const SHELL = 'civic-shell-v1';
const DATA = 'civic-data-v1';
const OFFLINE_HEADER = 'X-Civic-Offline-Copy';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const listed = await fetch('/precache.json', { cache: 'no-store' });
    const files = listed.ok ? await listed.json() : [];
    await precache(cache, ['/', ...files]);
    await self.skipWaiting();
  })());
});

/**
 * Two files at a time, not all at once (cache.addAll would start about a hundred requests together): the browser
 * opens only a few connections to one host, and the page's own requests — signing in, the area the person opened —
 * must not queue behind the files kept for later. One failed file fails the install, as addAll would.
 */
async function precache(cache, urls) {
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const answer = await fetch(url);
      if (!answer.ok) throw new Error(`precache: ${url} answered ${answer.status}`);
      await cache.put(url, answer);
    }
  };
  await Promise.all([worker(), worker()]);
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // only the workspace's own earlier caches: the public guide's worker (/guide/sw.js) keeps its own on this origin
    for (const name of await caches.keys()) {
      if (name.startsWith('civic-') && name !== SHELL && name !== DATA) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'forget') event.waitUntil(caches.delete(DATA));
});

function isData(url) {
  return url.pathname.startsWith('/api/') || url.pathname === '/auth/me';
}

/** Keeps a copy of an answer without holding the answer back from the page (event.waitUntil keeps the worker alive). */
function keep(event, cacheName, request, answer) {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.put(request, answer)).catch(() => undefined));
}

/** JSON answers and the page are kept; files (downloads) and streams are not. */
function keepable(answer, isPage) {
  const type = answer.headers.get('Content-Type') || '';
  return answer.status === 200 && (isPage ? type.startsWith('text/html') : type.includes('json'));
}

async function networkFirst(event, request, cacheName, markCopy) {
  const cache = await caches.open(cacheName);
  try {
    const answer = await fetch(request);
    if (keepable(answer, !markCopy)) keep(event, cacheName, request, answer.clone());
    return answer;
  } catch (unreachable) {
    const kept = await cache.match(request);
    if (!kept) throw unreachable;
    if (!markCopy) return kept;
    const headers = new Headers(kept.headers);
    headers.set(OFFLINE_HEADER, '1');
    return new Response(await kept.blob(), { status: kept.status, statusText: kept.statusText, headers });
  }
}

async function cacheFirst(event, request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) keep(event, SHELL, request, answer.clone());
  return answer;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // a live stream (the inbox's events) goes straight to the network: passing it through the worker would hold
  // a connection per reconnection attempt, and the browser's few connections per host then starve every other call
  if ((request.headers.get('Accept') || '').includes('text/event-stream')) return;
  if (request.mode === 'navigate' && url.pathname === '/') {
    event.respondWith(networkFirst(event, new Request('/'), SHELL, false));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(event, request));
  } else if (isData(url)) {
    event.respondWith(networkFirst(event, request, DATA, true));
  }
});
