/* The service worker: keeps the whole handbook on the device after one visit.

   The build (kartenfaecher/features/app/) puts in the list of files with their
   content hashes, and writes this file as sw.js at the site's root, so its
   scope is the whole site under any base path. On install it fetches every
   listed file into a cache named after the build, each checked against its
   hash; the page it serves comes
   from that cache, with the network only for what is not listed. A new build
   is a new sw.js: the new worker fills its own cache while the old one keeps
   serving, and takes over only when the reader reloads on the notice (or
   closes every tab), then deletes the old cache. So a reader never sees old
   and new pages mixed. Nothing is fetched from or cached for another host.

   Where the browser saves data (Save-Data, a metered connection), app.js says
   so before it registers this worker, in the cache WAHL, and the reader has
   not asked for the whole handbook: then it keeps only what the reader opens,
   each file checked against its hash as it passes, beginning with the pages
   open now and the files they use, and what an earlier build kept. Asked for
   the whole handbook („alles“), it fetches the rest. */
"use strict";

var BUILD = /*BUILD*/null;
var PREFIX = BUILD.kurzname + "-"; // the handbook's short name: two handbooks on a host keep apart
var CACHE = PREFIX + BUILD.version;
var SCOPE = self.registration.scope;
var WAHL = BUILD.kurzname + ".wahl"; // outside PREFIX: not a build's cache
var HASHES = {};
BUILD.files.forEach(function (entry) {
  HASHES[entry[0]] = entry[1];
});

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
   to keep), by the rules kartenfaecher/features/app/ puts into BUILD. */
function notKept(path) {
  return BUILD.notKept.folders.some(function (folder) { return path.indexOf(folder) === 0; }) ||
    BUILD.notKept.endings.some(function (ending) { return path.slice(-ending.length) === ending; });
}

/* Offline, for a file the app does not keep (a download, or a page not opened while saving
   data: `page`): a page that says so, in the site's own styles (from the cache), instead of
   „Seite nicht gefunden“ for a file that does exist. */
function offlinePage(path, page) {
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
    "<h1>Ohne Netz nicht verfügbar</h1>" + (page ?
      "<p>Diese Seite ist nicht auf diesem Gerät gespeichert. Ihr Browser spart Datenvolumen, deshalb " +
      "bewahrt die Website für die Nutzung ohne Netz nur die Seiten auf, die Sie geöffnet haben.</p>" +
      "<p>Öffnen Sie die Seite wieder, sobald Sie mit dem Internet verbunden sind. Das ganze Handbuch " +
      "speichern Sie dann mit der Schaltfläche „Ganzes Handbuch speichern“ unten auf jeder Seite.</p>" :
      "<p>„" + name + "“ ist nicht auf diesem Gerät gespeichert. Die Website bewahrt ihre Seiten und " +
      "Karten für die Nutzung ohne Netz auf, aber keine Dateien zum Herunterladen: Sie sind groß.</p>" +
      "<p>Öffnen Sie die Datei wieder, sobald Sie mit dem Internet verbunden sind. Wenn Sie sie dann " +
      "herunterladen, liegt sie auf Ihrem Gerät und öffnet sich auch ohne Netz.</p>") +
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

/* One listed file, fetched and checked against its hash, kept in `cache`; the response. An
   upload that sent sw.js before the pages (or a host still serving some old files) would
   otherwise fill this build's cache with the last build's pages, and serve them until the next
   build. `mode` "reload" goes past the browser's HTTP cache; "force-cache" takes what the page
   loaded from it (however old: the hash tells whether it is this build's, else it is fetched). */
function keep(cache, address, mode) {
  var request = new Request(new URL(address, SCOPE).href, { cache: mode, credentials: "same-origin" });
  return fetch(request).then(function (response) {
    if (!response.ok) {
      throw new Error(address + ": " + response.status);
    }
    return store(cache, address, response).then(function (hash) {
      if (hash === HASHES[address]) {
        return response;
      }
      if (mode !== "reload") {
        return keep(cache, address, "reload");
      }
      throw new Error(address + " is not this build's (" + hash + ", listed " + HASHES[address] + ")");
    });
  });
}

/* Puts a copy of `response` into `cache` as `address` if it is this build's file; its hash. */
function store(cache, address, response) {
  var copy = response.clone();
  return hashOf(copy).then(function (hash) {
    return hash === HASHES[address] ? cache.put(new URL(address, SCOPE).href, copy).then(function () {
      return hash;
    }) : hash;
  });
}

/* The caches of earlier builds of ours. */
function earlier(names) {
  return names.filter(function (name) {
    return name.indexOf(PREFIX) === 0 && name !== CACHE;
  });
}

/* The addresses of this build's list among `addresses`, each once: its pages, or its other files. */
function listedOnce(addresses, pages) {
  return addresses.filter(function (address, at) {
    return HASHES[address] && isPage(address) === pages && addresses.indexOf(address) === at;
  });
}

/* Every listed file not kept yet. */
function keepAll(cache) {
  return cache.keys().then(function (requests) {
    var kept = requests.map(function (request) { return listed(request.url); });
    return Promise.all(BUILD.files.filter(function (entry) {
      return kept.indexOf(entry[0]) < 0;
    }).map(function (entry) {
      return keep(cache, entry[0], "reload");
    }));
  });
}

function isPage(address) {
  return address === "./" || /(\/|\.html)$/.test(address);
}

/* Saving data: the pages open now, what an earlier build kept that this one lists, the page
   „Seite nicht gefunden“, and the files those pages use (not the pages they link). */
function keepOpened(cache) {
  return Promise.all([
    self.clients.matchAll({ includeUncontrolled: true, type: "window" }),
    caches.keys().then(function (names) {
      return Promise.all(earlier(names).map(function (name) {
        return caches.open(name).then(function (before) { return before.keys(); });
      }));
    })
  ]).then(function (found) {
    var addresses = ["404.html"].concat(found[0].map(function (client) { return listed(client.url); }));
    found[1].forEach(function (requests) {
      addresses = addresses.concat(requests.map(function (request) { return listed(request.url); }));
    });
    var others = addresses;
    return Promise.all(listedOnce(addresses, true).map(function (address) {
      return keep(cache, address, "force-cache").then(function (response) {
        return response.text().then(function (html) {
          var used = html.match(/(?:href|src)="[^"]+"/g) || [];
          others = others.concat(used.map(function (attribute) {
            return listed(new URL(attribute.slice(attribute.indexOf('"') + 1, -1), new URL(address, SCOPE)).href);
          }));
        });
      });
    })).then(function () {
      return Promise.all(listedOnce(others, false).map(function (address) {
        return keep(cache, address, "force-cache");
      }));
    });
  });
}

/* Every listed file (or, saving data, what the reader opened), each checked against its hash.
   When one fails, the install fails, the last build's worker keeps serving its own files, and
   the browser tries again on a later visit, when the upload is complete. */
self.addEventListener("install", function (event) {
  event.waitUntil(Promise.all([caches.open(CACHE), caches.match(SCOPE + "sparen", { cacheName: WAHL })]).then(function (both) {
    return both[1] ? keepOpened(both[0]) : keepAll(both[0]);
  }).catch(function (error) {
    // Not enough space, a file missing or another build's: leave nothing half-filled behind.
    return caches.delete(CACHE).then(function () {
      throw error;
    });
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(earlier(names).map(function (name) {
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
      return fetch(request).then(function (response) {
        // Saving data: what the reader opens is kept, if it is this build's.
        if (response.ok && HASHES[path]) {
          event.waitUntil(store(cache, path, response));
        }
        return response;
      }, function (error) {
        if (request.mode === "navigate" && (notKept(path) || HASHES[path])) {
          return offlinePage(path, !!HASHES[path]);
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
    event.waitUntil(stand().then(function (answer) {
      event.ports[0].postMessage(answer);
    }));
  } else if (data.type === "alles" && event.ports[0]) {
    // The reader's choice holds for the next builds, though the browser saves data (app.js).
    var chosen = caches.open(WAHL).then(function (cache) {
      return cache.put(SCOPE + "alles", new Response(""));
    });
    event.waitUntil(chosen.then(function () {
      return caches.open(CACHE);
    }).then(keepAll).then(stand, function () {
      return stand().then(function (answer) {
        answer.fehler = true;
        return answer;
      });
    }).then(function (answer) {
      event.ports[0].postMessage(answer);
    }));
  }
});

/* What this build keeps, and of it, how many files and pages are kept now. */
function stand() {
  return caches.open(CACHE).then(function (cache) {
    return cache.keys();
  }).then(function (requests) {
    var kept = requests.map(function (request) { return listed(request.url); }).filter(function (address) {
      return HASHES[address];
    });
    var mb = BUILD.bytes / (1024 * 1024);
    return { version: BUILD.version, bytes: BUILD.bytes, files: BUILD.files.length, kept: kept.length,
      size: (mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10).toLocaleString("de-DE") + " MB" };
  });
}
