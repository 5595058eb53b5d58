/* Search on demand: the search index and the search worker load when a
   reader first uses the search, not with every page; and every query goes to the
   worker as the index has its words (suche-woerter.js).

   Material's bundle asks for search/search_index.json and starts its search
   worker as soon as a page loads; both grow with the text, and the index is
   then read into lunr on every page view. Without patching that bundle, this
   script (loaded before it, see theme/main.html) holds both back:

   - The request for search_index.json is opened as usual but sent only when
     search is first used; Material waits for its answer as for a slow
     network and then goes on as always.
   - The search worker is created on the first message Material sends it,
     which is the index, so also only after first use.

   "First use" is focus on the search field (also through Material's keys
   s, f and /), a press on the search button or field, or opening the search
   on a small screen. A page opened from a search result (?h=…, for the
   highlighting) or with a query (?q=…) loads at once.

   The worker's messages pass through here on their way: the index (SETUP)
   is handed to Kartenfaecher.sucheWoerter to learn its words, and each query
   (QUERY) is handed over as that reads it. The field keeps the reader's words.
   suche-woerter.js itself loads on first use too (its address is in the
   page's meta "ko-suche-woerter"); a query waits for it, two seconds at most.

   Only those two resources are touched; every other request and worker goes
   through unchanged. From file:// (the offline bundle) Material already
   loads the index only when search is opened: there only the queries are read
   again. Classic script (no modules). */
(function () {
  "use strict";

  var lazy = location.protocol !== "file:";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(?:[?#]|$)/;
  var used = false;
  var waiting = [];

  function firstUse() {
    if (used) return;
    used = true;
    loadWords();
    var ready = waiting;
    waiting = [];
    ready.forEach(function (go) { go(); });
  }

  // -- The index: the request waits until first use ----------------------------
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kpSucheBeiBedarf = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.kpSucheBeiBedarf && !used && lazy) {
      var request = this, args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // -- What readers type: suche-woerter.js, loaded on first use ---------------
  var wordsState = "";   // "", "loading", "ready"
  var index = null;      // the index Material sent its worker, for the words to learn
  var held = [];         // queries that came while the words were loading

  function words() {
    return window.Kartenfaecher && window.Kartenfaecher.sucheWoerter;
  }

  function loadWords() {
    if (wordsState) return;
    var meta = document.querySelector('meta[name="ko-suche-woerter"]');
    if (!meta) {
      wordsState = "ready";
      return;
    }
    wordsState = "loading";
    var script = document.createElement("script");
    var ready = function () {
      if (wordsState === "ready") return;
      wordsState = "ready";
      learn();
      var waiting = held;
      held = [];
      waiting.forEach(function (send) { send(); });
    };
    script.onload = script.onerror = ready;
    script.src = meta.content;
    document.head.appendChild(script);
    setTimeout(ready, 2000);
  }

  function learn() {
    try {
      if (index && words()) words().learn(index);
    } catch (e) {
      // the queries go as typed
    }
  }

  // Material's messages to its worker: 0 sets up the index, 2 asks a query.
  function reread(message) {
    if (!message || typeof message !== "object") return message;
    if (message.type === 0 && message.data && message.data.docs) {
      index = message.data;
      learn();
    } else if (message.type === 2 && typeof message.data === "string" && words()) {
      try {
        return { type: 2, data: words().rewrite(message.data) };
      } catch (e) {
        // the query as typed, rather than none
      }
    }
    return message;
  }

  // -- The worker: started on its first message --------------------------------
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function" && typeof EventTarget === "function") {
    var LazyWorker = function (url, options) {
      var target = new EventTarget();
      var worker = null;
      function start() {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          var copy = new MessageEvent("message", { data: event.data });
          if (typeof target.onmessage === "function") target.onmessage(copy);
          target.dispatchEvent(copy);
        });
        worker.addEventListener("error", function (event) {
          var copy = new ErrorEvent("error", { message: event.message, filename: event.filename,
            lineno: event.lineno, colno: event.colno, error: event.error });
          if (typeof target.onerror === "function") target.onerror(copy);
          target.dispatchEvent(copy);
        });
        return worker;
      }
      target.postMessage = function (message) {
        var real = worker || start();
        var args = [].slice.call(arguments);
        loadWords();
        var send = function () {
          args[0] = reread(message);
          real.postMessage.apply(real, args);
        };
        if (wordsState !== "ready" && message && message.type === 2) {
          held.push(send);
        } else {
          send();
        }
      };
      target.terminate = function () {
        if (worker) worker.terminate();
      };
      return target;
    };
    window.Worker = function Worker(url, options) {
      if (WORKER.test(String(url))) return LazyWorker(url, options);
      return new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  // -- First use ---------------------------------------------------------------
  if (!lazy) return;
  if (/[?&][hq]=/.test(location.search)) {
    firstUse();
    return;
  }
  function isSearch(node) {
    return !!(node && node.closest && (node.closest(".md-search") ||
      node.closest('label[for="__search"]') || node.id === "__search"));
  }
  function onEvent(event) {
    if (isSearch(event.target)) firstUse();
  }
  ["focusin", "pointerdown", "change"].forEach(function (type) {
    document.addEventListener(type, onEvent, true);
  });
})();
