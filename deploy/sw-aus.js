/* The kill switch for the website's service worker (see deploy/README.md).

   If a deploy went wrong and readers' devices keep serving a broken build from
   their cache, publish this file as sw.js in place of the built one (same
   address, at the site's root). Every browser that checks for a new worker,
   at the latest on its next visit, gets this one: it takes over at once,
   deletes the handbook's caches, unregisters itself and reloads the open
   pages, which then come from the network as on a site without a worker.
   Deploy a normal build again once the problem is fixed. */
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("ko-produktion-") === 0;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.registration.unregister();
  }).then(function () {
    return self.clients.matchAll({ type: "window" });
  }).then(function (clients) {
    clients.forEach(function (client) {
      client.navigate(client.url);
    });
  }));
});
