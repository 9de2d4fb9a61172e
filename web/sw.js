// W7: after the first visit Bridgework opens and works with the network gone.
// This worker keeps the built files in a cache named by the build's version
// (cmake/service_worker.cmake writes VERSION and FILES into the copy in the
// site). A new version installs beside the old one and waits: the page offers
// to reload into it once every change is saved (web/page.js).
'use strict';
const VERSION = '@VERSION@';
const CACHE = 'bridgework-' + VERSION;
const FILES = [@FILES@];

self.addEventListener('install', event => {
  // Straight from the server, never from the browser's HTTP cache: the files of one build only.
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(FILES.map(f => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key.startsWith('bridgework-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();  // the first visit's page works offline at once
  })());
});

self.addEventListener('message', event => {
  if (event.data === 'take-over') self.skipWaiting();
  else if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION });
});

// The built files from the cache; anything else from the network as usual.
self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
