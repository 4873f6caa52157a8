// Keeps the guide pages readable without a connection: registers the service worker of /guide/ (sw.js),
// and asks it to keep the page now shown when this page was loaded before the worker controlled it.
// Nothing here is needed to read or download: without it the pages work as plain HTML.
(function () {
  var workers = navigator.serviceWorker;
  if (!workers) return;
  var firstVisit = !workers.controller;
  workers.register('/guide/sw.js', { scope: '/guide/' }).then(function () {
    return workers.ready;
  }).then(function (registration) {
    if (firstVisit && registration.active) registration.active.postMessage({ keep: location.pathname });
    var ready = document.getElementById('offline-ready');
    if (ready) ready.hidden = false;
  }).catch(function () { /* private mode or blocked: the page still works online */ });
})();
