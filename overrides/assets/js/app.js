/* The website as an app: registers the service worker that keeps the handbook on
   the device, says in the footer that it is kept (and how much space that takes),
   and offers a reload when a new build has arrived.

   The worker (sw.js, written by macros/outputs/app.py) lies at the site's root,
   beside the manifest that every page links, so both are found from that link
   under any base path. Without the link (the offline zip, opened from file://,
   where no worker can run) or without service workers, this script does nothing.
   A classic script (no modules). */
(function () {
  "use strict";

  var TEXTE = {
    gespeichert: function (groesse) {
      return "Das Handbuch ist auf diesem Gerät für die Nutzung ohne Netz gespeichert (" + groesse + ").";
    },
    wirdGespeichert: "Das Handbuch wird für die Nutzung ohne Netz gespeichert …",
    abgelehnt: "Der Browser erlaubt nicht, das Handbuch für die Nutzung ohne Netz zu speichern " +
      "(Speicher gesperrt, zu wenig Platz oder privates Fenster). Mit Netz funktioniert alles wie gewohnt.",
    neueFassung: "Neue Fassung verfügbar",
    neuLaden: "neu laden"
  };

  var link = document.querySelector('link[rel="manifest"]');
  if (!link || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  var root = new URL(".", link.href).href;
  var status = document.querySelector(".app-stand");

  function say(text) {
    if (status) {
      status.textContent = text;
      status.hidden = false;
    }
  }

  function size(bytes) {
    var mb = bytes / (1024 * 1024);
    return (mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10).toLocaleString("de-DE") + " MB";
  }

  /* Ask the active worker what it keeps. */
  function reportKept(worker) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      say(TEXTE.gespeichert(size(event.data.bytes)));
      document.documentElement.setAttribute("data-app", "bereit");
    };
    worker.postMessage({ type: "stand" }, [channel.port2]);
  }

  function offerReload(waiting) {
    if (document.querySelector(".app-hinweis")) {
      return;
    }
    var notice = document.createElement("div");
    notice.className = "app-hinweis";
    notice.setAttribute("role", "status");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = TEXTE.neuLaden;
    button.addEventListener("click", function () {
      button.disabled = true;
      if (waiting.state === "installed") {
        waiting.postMessage({ type: "neu-laden" }); // it takes over; controllerchange reloads
      } else {
        // Another tab's „neu laden“ let it take over already (or a newer one came): nothing
        // will change hands any more, so reload into what serves now.
        reloading = true;
        location.reload();
      }
    });
    notice.appendChild(document.createTextNode(TEXTE.neueFassung + " – "));
    notice.appendChild(button);
    document.body.appendChild(notice);
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
      window.localStorage.getItem("ko-produktion.app");
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
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root }).then(watch, function () {
      say(TEXTE.abgelehnt);
    });
  }

  /* The browser asks whether sw.js is new with the validators of its HTTP cache, and a host
     that compares dates answers "304 not modified" for a file with an older date: the kill
     switch copied with its date kept (cp -p, rsync -a) was never seen. Fetched once past the
     cache, sw.js is in the HTTP cache as the host has it, and the check compares that; at most
     every ten minutes a tab, and only where a worker serves the page (else nothing to replace). */
  var LOOKED = "ko-produktion.app.nachgesehen";
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
