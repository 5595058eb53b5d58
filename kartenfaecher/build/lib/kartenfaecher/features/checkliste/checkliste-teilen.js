/* Checklists, the page "Checklisten": the state (ticks and notes) shared as a link.
   The state travels in the URL fragment, which is never sent to a server,
   compressed (the browser's CompressionStream, deflate-raw) and base64url-encoded
   behind "#teilen=z."; links without notes from before that ("#teilen=" and plain
   base64url JSON) still open. A link with many notes grows long: past what
   messengers and mail programs pass on whole, the page says so calmly and offers
   the file instead. A link that comes in is shown first (checkliste-uebernehmen.js) and
   only taken over when the reader says so; a malformed or cut-off link changes
   nothing and says why.

   Builds on checkliste-uebersicht.js (Kartenfaecher.checklisteUebersicht). A classic
   script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var SHARE = "#teilen=";
  var PACKED = "z.";
  // Longer links are cut by some messengers and mail programs.
  var LONG = 2000;

  var ns = window.Kartenfaecher || {};
  var page = ns.checklisteUebersicht;
  var speicher = ns.checklisteSpeicher;
  var notizSpeicher = ns.notizSpeicher;
  var tools = document.querySelector(".checklisten-werkzeuge");
  if (!page || !speicher || !notizSpeicher || !ns.notiz || !tools) {
    return;
  }

  // -- the link's text: JSON, compressed, base64url --------------------------------------

  function toBase64url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 1) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function through(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  function encode(state) {
    var bytes = new TextEncoder().encode(JSON.stringify(state));
    if (typeof CompressionStream !== "function") {
      return Promise.resolve(toBase64url(bytes));
    }
    return through(bytes, new CompressionStream("deflate-raw")).then(function (packed) {
      return PACKED + toBase64url(packed);
    });
  }

  /* The state in a link's text: resolves with {ticks, notes} or {error}. */
  function decode(text) {
    var packed = text.indexOf(PACKED) === 0;
    var body = packed ? text.slice(PACKED.length) : text;
    if (!/^[A-Za-z0-9_-]*$/.test(body)) {
      return Promise.resolve({ error: TEXTE.linkZeichen });
    }
    if (packed && typeof DecompressionStream !== "function") {
      return Promise.resolve({ error: TEXTE.nichtEntpacken });
    }
    var bytes;
    try {
      bytes = fromBase64url(body);
    } catch (e) {
      return Promise.resolve({ error: TEXTE.linkUnvollstaendig });
    }
    var unpacked = packed ? through(bytes, new DecompressionStream("deflate-raw")) : Promise.resolve(bytes);
    return unpacked.then(function (plain) {
      var data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain));
      var result = speicher.readTransfer(data, false);
      var notes = result.error ? result : notizSpeicher.readTransfer(data.notizen);
      return notes.error ? notes : { ticks: result.ticks, notes: notes.notes };
    }).catch(function () {
      return { error: TEXTE.linkUnvollstaendig };
    });
  }

  // -- the panel -------------------------------------------------------------------------

  var filled = 0; // the latest filling wins: compressing takes a moment

  function fillShare() {
    var notes = ns.notiz.notes();
    var ticked = page.tickedKnown();
    // The link's format, with its German keys (as the JSON file's: checkliste-speicher.js).
    var state = { version: 1, geklaert: ticked, notizen: notizSpeicher.transfer(notes) };
    var mine = filled += 1;
    return encode(state).then(function (text) {
      if (mine !== filled) {
        return;
      }
      var link = location.href.split("#")[0] + SHARE + text;
      tools.querySelector("#checklisten-link").value = link;
      var mail = tools.querySelector("[data-aktion='link-mail']");
      var noted = notizSpeicher.count(notes);
      var body = (noted ? TEXTE.mailTextNotizen : TEXTE.mailText)({ geklaert: ticked.length, notizen: noted, link: link });
      mail.href = "mailto:?subject=" + encodeURIComponent(TEXTE.mailBetreff) + "&body=" + encodeURIComponent(body);
      var long = tools.querySelector(".checklisten-lang");
      long.hidden = link.length <= LONG;
      long.querySelector("p").textContent = link.length > LONG ? TEXTE.zuLang({ laenge: link.length.toLocaleString(document.documentElement.lang) }) : "";
    });
  }

  function clearFragment() {
    try {
      history.replaceState(history.state, "", location.href.split("#")[0]);
    } catch (e) {
      // Some browsers refuse this on file://; the fragment then stays, harmlessly.
    }
  }

  function copyLink(button) {
    var field = tools.querySelector("#checklisten-link");
    var done = function () {
      page.message(TEXTE.kopiert);
    };
    var manual = function () {
      field.focus();
      field.select();
      page.message(TEXTE.vonHandKopieren);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, manual);
      return;
    }
    field.select();
    try {
      if (document.execCommand("copy")) {
        done();
        button.focus();
        return;
      }
    } catch (e) {
      // fall through
    }
    manual();
  }

  function openShared() {
    if (location.hash.indexOf(SHARE) !== 0) {
      return;
    }
    var text = location.hash.slice(SHARE.length);
    clearFragment();
    decode(text).then(function (result) {
      if (result.error) {
        page.message(TEXTE.linkUnlesbar({ grund: result.error }), true);
        return;
      }
      page.offer(result, TEXTE.linkQuelle, TEXTE.ausLink, null);
    });
  }

  page.actions.teilen = function (button) {
    var panel = tools.querySelector(".checklisten-teilen");
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
    if (!panel.hidden) {
      var field = tools.querySelector("#checklisten-link");
      field.focus();
      fillShare().then(function () {
        if (document.activeElement === field) {
          field.select();
        }
      });
    }
  };
  page.actions["link-kopieren"] = copyLink;
  // The device's share sheet, where the browser has one; copying stays beside it.
  var ui = ns.teilen;
  var shareButton = tools.querySelector("[data-aktion='link-teilen']");
  shareButton.hidden = !(ui && ui.canShare({ title: TEXTE.mailBetreff, url: location.href }));
  page.actions["link-teilen"] = function (button) {
    var field = tools.querySelector("#checklisten-link");
    ui.share({ title: TEXTE.mailBetreff, url: field.value }).catch(function () {
      copyLink(button);
    });
  };
  page.onRender(function () {
    if (!tools.querySelector(".checklisten-teilen").hidden) {
      fillShare();
    }
  });
  tools.querySelector("#checklisten-link").addEventListener("focus", function (event) {
    event.target.select();
  });
  window.addEventListener("hashchange", openShared);
  openShared();
})();
