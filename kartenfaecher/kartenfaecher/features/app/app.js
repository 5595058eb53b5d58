/* The website as an app: registers the service worker that keeps the handbook on
   the device, says in the footer that it is kept (and how much space that takes),
   and offers a reload when a new build has arrived.

   The worker (sw.js, written by kartenfaecher/features/app/) lies at the site's root,
   beside the manifest that every page links, so both are found from that link
   under any base path. Without the link (the offline zip, opened from file://,
   where no worker can run) or without service workers, this script does nothing.

   Where the browser saves data (navigator.connection.saveData, a cellular
   connection), it writes „sparen“ into the cache the worker reads at install,
   and the worker keeps only what the reader opens; the footer then offers the
   whole handbook, with its size, and the reader's choice („alles“) holds for
   the next builds. Its texts stand in the footer (theme/partials/
   copyright.html). A classic script (no modules). */
(function () {
  "use strict";

  var link = document.querySelector('link[rel="manifest"]');
  if (!link || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  var root = new URL(".", link.href).href;
  var status = document.querySelector(".app-stand");
  var TEXTE = status ? status.dataset : {};
  var SHORT = window.Kartenfaecher.kurzname; // the handbook's, in every page's head
  var WAHL = SHORT + ".wahl"; // read by the worker (kartenfaecher/features/app/app-worker.js)
  var net = navigator.connection || {};
  var saving = net.saveData || net.type === "cellular";
  var all = document.querySelector(".app-alles");

  // `size`: the handbook's, as the worker writes it („3,7 MB“).
  function say(text, size, element) {
    element = element || status;
    if (element) {
      element.textContent = text.replace("{groesse}", size);
      element.hidden = false;
    }
  }

  /* Ask the active worker what it keeps (`type` "stand"), or to keep all ("alles"). */
  function reportKept(worker, type) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      var data = event.data, whole = data.kept >= data.files;
      if (!whole && !saving && !type) {
        reportKept(worker, "alles"); // no longer saving data: as without
        return;
      }
      say(whole ? TEXTE.gespeichert : TEXTE.sparen, data.size);
      if (all && !whole) {
        say(all.dataset.text, data.size, all);
        all.onclick = function () {
          all.hidden = true;
          say(TEXTE.wirdGespeichert);
          reportKept(worker, "alles");
        };
      }
      document.documentElement.setAttribute("data-app", whole ? "bereit" : "sparsam");
    };
    worker.postMessage({ type: type || "stand" }, [channel.port2]);
  }

  /* The notice in the footer's markup: a new build waits for the reader's reload. */
  function offerReload(waiting) {
    var notice = document.querySelector(".app-hinweis");
    var button = notice && notice.querySelector("button");
    if (!button) {
      return;
    }
    notice.hidden = false;
    button.onclick = function () {
      button.disabled = true;
      if (waiting.state === "installed") {
        waiting.postMessage({ type: "neu-laden" }); // it takes over; controllerchange reloads
      } else {
        // Another tab's „neu laden“ let it take over already (or a newer one came): nothing
        // will change hands any more, so reload into what serves now.
        reloading = true;
        location.reload();
      }
    };
  }

  /* A worker being installed: once installed, it is either the first (the
     handbook is kept now) or a new build waiting for the reader's reload. */
  function follow(worker, registration) {
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) {
        offerReload(worker);
      } else if (worker.state === "activated" && !registration.waiting) {
        reportKept(worker);
      } else if (worker.state === "redundant" && !registration.active) {
        say(TEXTE.abgelehnt);
      }
    });
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only after the reader asked for it: the first worker taking over changes nothing.
    if (document.querySelector(".app-hinweis button[disabled]") && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  /* Storage blocked by a policy (cookies off): a worker would be refused too, and Firefox
     reports the refusal as an error even when it is handled, so do not ask. */
  function storageAllowed() {
    try {
      window.localStorage.getItem(SHORT + ".app");
      return true;
    } catch (e) {
      return false;
    }
  }

  function register() {
    if (!storageAllowed()) {
      say(TEXTE.abgelehnt);
      return;
    }
    var go = function () {
      navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root }).then(watch, function () {
        say(TEXTE.abgelehnt);
      });
    };
    // Saving data, unless the reader asked for the whole handbook: the worker keeps what is opened.
    (saving ? caches.open(WAHL).then(function (cache) {
      return cache.match(root + "alles").then(function (chosen) {
        return chosen ? cache.delete(root + "sparen") : cache.put(root + "sparen", new Response(""));
      });
    }) : caches.delete(WAHL)).then(go, go);
  }

  /* The browser asks whether sw.js is new with the validators of its HTTP cache, and a host
     that compares dates answers "304 not modified" for a file with an older date: the kill
     switch copied with its date kept (cp -p, rsync -a) was never seen. Fetched once past the
     cache, sw.js is in the HTTP cache as the host has it, and the check compares that; at most
     every ten minutes a tab, and only where a worker serves the page (else nothing to replace). */
  var LOOKED = SHORT + ".app.nachgesehen";
  function lookForNewWorker(registration) {
    var now = Date.now();
    try {
      if (now - Number(sessionStorage.getItem(LOOKED) || 0) < 600000) {
        return;
      }
      sessionStorage.setItem(LOOKED, String(now));
    } catch (e) {
      // no session storage: look on every page
    }
    fetch(new URL("sw.js", root).href, { cache: "reload", credentials: "same-origin" }).then(function () {
      return registration.update();
    }).catch(function () {
      // offline, or the host unreachable: the browser looks again on the next visit
    });
  }

  function watch(registration) {
    if (!registration) {
      return; // a browser that blocks workers by policy may answer without one
    }
    if (navigator.serviceWorker.controller) {
      lookForNewWorker(registration);
    }
    if (registration.waiting && navigator.serviceWorker.controller) {
      offerReload(registration.waiting);
    }
    if (registration.active && !registration.installing) {
      reportKept(registration.active);
    } else {
      say(TEXTE.wirdGespeichert);
    }
    if (registration.installing) {
      follow(registration.installing, registration);
    }
    registration.addEventListener("updatefound", function () {
      follow(registration.installing, registration);
    });
  }

  // After the page has loaded: keeping the handbook must not slow its first paint.
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }
})();
