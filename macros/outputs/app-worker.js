/* The service worker: keeps the whole handbook on the device after one visit.

   The build (macros/outputs/app.py) puts in the list of files with their
   content hashes, and writes this file as sw.js at the site's root, so its
   scope is the whole site under any base path. On install it fetches every
   listed file into a cache named after the build, each checked against its
   hash; the page it serves comes
   from that cache, with the network only for what is not listed. A new build
   is a new sw.js: the new worker fills its own cache while the old one keeps
   serving, and takes over only when the reader reloads on the notice (or
   closes every tab), then deletes the old cache. So a reader never sees old
   and new pages mixed. Nothing is fetched from or cached for another host. */
"use strict";

var BUILD = /*BUILD*/null;
var PREFIX = "ko-produktion-";
var CACHE = PREFIX + BUILD.version;
var SCOPE = self.registration.scope;

/* A request's address as the list names it: relative to the scope, without
   query or fragment, "index.html" folded into its folder. */
function listed(url) {
  var u = new URL(url);
  u.search = "";
  u.hash = "";
  if (u.href.indexOf(SCOPE) !== 0) {
    return null;
  }
  var path = u.href.slice(SCOPE.length).replace(/(^|\/)index\.html$/, "$1");
  return path === "" ? "./" : path;
}

/* Whether the build leaves this file out of the cache (the downloads: large, and the reader's
   to keep), by the rules macros/outputs/app.py puts into BUILD. */
function notKept(path) {
  return BUILD.notKept.folders.some(function (folder) { return path.indexOf(folder) === 0; }) ||
    BUILD.notKept.endings.some(function (ending) { return path.slice(-ending.length) === ending; });
}

/* Offline, for a file the app does not keep: a page that says so, in the site's own styles
   (from the cache), instead of „Seite nicht gefunden“ for a file that does exist. */
function offlinePage(path) {
  var name = path.split("/").pop();
  try {
    name = decodeURIComponent(name);
  } catch (e) { /* the name as it was asked for */ }
  name = name.replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  var styles = BUILD.files.filter(function (entry) {
    return /^assets\/(stylesheets\/main|css\/site)\.[0-9a-f]+\.min\.css$/.test(entry[0]);
  }).map(function (entry) {
    return '<link rel="stylesheet" href="' + new URL(entry[0], SCOPE).href + '">';
  }).join("");
  var html = '<!doctype html><html lang="de"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    "<title>Ohne Netz nicht verfügbar</title>" + styles + "</head>" +
    '<body><main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">' +
    "<h1>Ohne Netz nicht verfügbar</h1>" +
    "<p>„" + name + "“ ist nicht auf diesem Gerät gespeichert. Die Website bewahrt ihre Seiten und " +
    "Karten für die Nutzung ohne Netz auf, aber keine Dateien zum Herunterladen: Sie sind groß.</p>" +
    "<p>Öffnen Sie die Datei wieder, sobald Sie mit dem Internet verbunden sind. Wenn Sie sie dann " +
    "herunterladen, liegt sie auf Ihrem Gerät und öffnet sich auch ohne Netz.</p>" +
    '<p><a href="' + SCOPE + '">Zur Startseite</a></p></article></div></main></body></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/* The first 12 hex digits of the SHA-256 of a response's body, as the list gives them. */
function hashOf(response) {
  return response.clone().arrayBuffer().then(function (body) {
    return crypto.subtle.digest("SHA-256", body);
  }).then(function (digest) {
    return Array.prototype.map.call(new Uint8Array(digest), function (byte) {
      return (byte < 16 ? "0" : "") + byte.toString(16);
    }).join("").slice(0, 12);
  });
}

/* Every listed file, each checked against its hash: an upload that sent sw.js before the
   pages (or a host still serving some old files) would otherwise fill this build's cache
   with the last build's pages, and serve them until the next build. Then the install fails,
   the last build's worker keeps serving its own files, and the browser tries again on a
   later visit, when the upload is complete. */
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(BUILD.files.map(function (entry) {
      // Past the browser's HTTP cache: the list's hashes belong to this build's files.
      var request = new Request(new URL(entry[0], SCOPE).href, { cache: "reload", credentials: "same-origin" });
      return fetch(request).then(function (response) {
        if (!response.ok) {
          throw new Error(entry[0] + ": " + response.status);
        }
        return hashOf(response).then(function (hash) {
          if (hash !== entry[1]) {
            throw new Error(entry[0] + " is not this build's (" + hash + ", listed " + entry[1] + ")");
          }
          return cache.put(request, response);
        });
      });
    }));
  }).catch(function (error) {
    // Not enough space, a file missing or another build's: leave nothing half-filled behind.
    return caches.delete(CACHE).then(function () {
      throw error;
    });
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return;
  }
  var path = listed(request.url);
  if (path === null) {
    return; // another host, or outside the site: the browser's own business
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(new URL(path, SCOPE).href).then(function (kept) {
      if (kept) {
        return kept;
      }
      return fetch(request).catch(function (error) {
        if (request.mode === "navigate" && notKept(path)) {
          return offlinePage(path);
        }
        if (request.mode === "navigate") {
          return cache.match(new URL("404.html", SCOPE).href).then(function (page) {
            if (page) {
              return page;
            }
            throw error;
          });
        }
        throw error;
      });
    });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "neu-laden") {
    self.skipWaiting();
  } else if (data.type === "stand" && event.ports[0]) {
    event.ports[0].postMessage({ version: BUILD.version, bytes: BUILD.bytes, files: BUILD.files.length });
  }
});
