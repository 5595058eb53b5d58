/* Search on demand: the search index and the search worker load when a
   reader first uses the search, not with every page.

   Material's bundle asks for search/search_index.json and starts its search
   worker as soon as a page loads; both grow with the text, and the index is
   then read into lunr on every page view. Without patching that bundle, this
   script (loaded before it, see overrides/main.html) holds both back:

   - The request for search_index.json is opened as usual but sent only when
     search is first used; Material waits for its answer as for a slow
     network and then goes on as always.
   - The search worker is created on the first message Material sends it,
     which is the index, so also only after first use.

   "First use" is focus on the search field (also through Material's keys
   s, f and /), a press on the search button or field, or opening the search
   on a small screen. A page opened from a search result (?h=…, for the
   highlighting) or with a query (?q=…) loads at once.

   Only those two resources are touched; every other request and worker goes
   through unchanged. From file:// (the offline bundle) Material already
   loads the index only when search is opened, and this script does nothing.
   Classic script (no modules). */
(function () {
  "use strict";

  if (location.protocol === "file:") return;

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(?:[?#]|$)/;
  var used = false;
  var waiting = [];

  function firstUse() {
    if (used) return;
    used = true;
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
    if (this.kpSucheBeiBedarf && !used) {
      var request = this, args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

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
      target.postMessage = function () {
        var real = worker || start();
        return real.postMessage.apply(real, arguments);
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
