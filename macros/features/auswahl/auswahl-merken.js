/* The selection („Meine Auswahl“) on every page: where the kept cards are stored,
   the „Merken“ button on a card, and, for a card opened from the selection
   (its address ends in ?auswahl), previous and next within the selection.

   The selection lives in localStorage, in the reader's browser only, as
   {"version": 1, "karten": [{"karte": 21, "adresse": "karten/21-…/", "titel": "…"}, …]}
   in the reader's order; "adresse" is relative to the site's root, which differs
   between the website and the offline bundle and is read from Material's __config.
   When storage is blocked or full, the selection lasts for the visit: while the tab
   stays on the site (KoProduktion.besuch, partials/speicher-schutz.html).
   The page „Meine Auswahl“ (auswahl.js) builds on KoProduktion.auswahl.

   Small on purpose: it loads on every page. A classic script (no modules): the
   offline bundle is opened from file://. */
(function () {
  "use strict";

  var TEXTE = {
    merken: "Merken",
    zurAuswahl: function (count) {
      return "Meine Auswahl (" + count + ")";
    },
    // the entry of the page „Meine Auswahl“ in the site navigation
    navigation: "Meine Auswahl",
    nichtGespeichert: "Dieser Browser lässt die Seite nichts dauerhaft speichern: Ihre Auswahl gilt nur " +
      "für diesen Besuch, solange Sie in diesem Tab auf dieser Website bleiben.",
    zurueck: "← Vorherige Karte Ihrer Auswahl",
    weiter: "Nächste Karte Ihrer Auswahl →",
    stelle: function (place, count) {
      return "Karte " + place + " von " + count + " Ihrer Auswahl";
    }
  };

  var STORE = "ko-produktion.auswahl.v1";
  var PARAM = "auswahl";
  // Where storage will not keep the selection, the visit keeps it (set up in the page's head).
  var visit = (window.KoProduktion && window.KoProduktion.besuch) || pageOnly();

  function pageOnly() {
    var kept = {};
    return {
      read: function (key) { return kept.hasOwnProperty(key) ? kept[key] : null; },
      write: function (key, text) { kept[key] = text; }
    };
  }

  // A kept card's address: relative to the site's root, never another host or a script.
  var ADDRESS = /^(?![a-z][a-z0-9+.-]*:|[\/\\])[^:?#]*$/i;

  /* The stored selection as a list of {karte, adresse, titel}; bad entries are dropped, and an
     address that would lead off the site („javascript:…“, „https://…“) is forgotten. */
  function parse(raw) {
    var data;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      return [];
    }
    var list = data && Array.isArray(data.karten) ? data.karten : [];
    var seen = {};
    return list.filter(function (entry) {
      var ok = entry && typeof entry.karte === "number" && entry.karte > 0 && entry.karte % 1 === 0 &&
        !seen[entry.karte];
      if (ok) {
        seen[entry.karte] = true;
      }
      return ok;
    }).map(function (entry) {
      return {
        karte: entry.karte,
        adresse: typeof entry.adresse === "string" && ADDRESS.test(entry.adresse) ? entry.adresse : "",
        titel: typeof entry.titel === "string" ? entry.titel : ""
      };
    });
  }

  function read() {
    var kept = visit.read(STORE);
    if (kept !== null) {
      return parse(kept);
    }
    try {
      var raw = window.localStorage.getItem(STORE);
      return raw === null ? [] : parse(raw);
    } catch (e) {
      return [];
    }
  }

  /* Keep the selection; false when the browser would not keep it (it then lasts
     for the visit). */
  function write(list) {
    var text = JSON.stringify({ version: 1, karten: list });
    try {
      window.localStorage.setItem(STORE, text);
      visit.write(STORE, null);
      return true;
    } catch (e) {
      visit.write(STORE, text);
      return false;
    }
  }

  /* Whether the selection is kept beyond this visit. */
  function keeps() {
    return visit.read(STORE) === null;
  }

  /* The site's root as an absolute address (Material writes it into every page). */
  function root() {
    var config = document.getElementById("__config");
    var base = ".";
    try {
      base = JSON.parse(config.textContent).base || ".";
    } catch (e) {
      // keep "."
    }
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  function address(path) {
    return new URL(path, root()).href;
  }

  /* A page of the site by its entry in the navigation (its address differs between
     the website and the offline bundle). */
  function navLink(text) {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].textContent.trim() === text) {
        return links[i].href;
      }
    }
    return "";
  }

  window.KoProduktion = window.KoProduktion || {};
  window.KoProduktion.auswahl = { STORE: STORE, PARAM: PARAM, read: read, write: write, keeps: keeps,
    parse: parse, root: root, address: address };

  // -- on a card page ----------------------------------------------------------------------

  var head = document.querySelector(".karte-kopf");
  var heading = head && head.querySelector("h1[id^='karte-']");
  if (!heading) {
    return;
  }
  var number = Number(heading.id.replace("karte-", ""));
  var own = {
    karte: number,
    adresse: location.href.split(/[?#]/)[0].replace(root(), ""),
    titel: heading.querySelector(".karte-titel").textContent.trim()
  };

  function place(list) {
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].karte === number) {
        return i;
      }
    }
    return -1;
  }

  var bar = head.querySelector("[data-karte-merken]");  // written by the build, its height kept
  if (!bar) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "karte-merken-knopf knopf";
  button.textContent = TEXTE.merken;
  var link = document.createElement("a");
  link.className = "karte-merken-auswahl";
  var note = document.createElement("p");
  note.className = "karte-merken-hinweis";
  note.setAttribute("role", "status");
  bar.appendChild(button);
  bar.appendChild(link);
  bar.appendChild(note);

  function show() {
    var list = read();
    button.setAttribute("aria-pressed", place(list) >= 0 ? "true" : "false");
    link.href = navLink(TEXTE.navigation);
    link.textContent = TEXTE.zurAuswahl(list.length);
    link.hidden = !list.length || !link.href;
  }

  button.addEventListener("click", function () {
    var list = read();
    var at = place(list);
    if (at >= 0) {
      list.splice(at, 1);
    } else {
      list.push(own);
    }
    note.textContent = write(list) ? "" : TEXTE.nichtGespeichert;
    show();
  });
  window.addEventListener("storage", function (event) {
    if (event.key === STORE || event.key === null) {
      show();
    }
  });
  window.addEventListener("pageshow", show);
  show();

  /* Read from the selection: previous and next follow it. */
  var steps = document.querySelector(".karte-blaettern");
  var list = read();
  var at = place(list);
  if (!steps || !new URLSearchParams(location.search).has(PARAM) || at < 0) {
    return;
  }
  function step(entry, css, label) {
    var a = document.createElement("a");
    a.className = css;
    a.href = address(entry.adresse) + "?" + PARAM;
    a.setAttribute("data-karte", entry.karte);
    var direction = document.createElement("span");
    direction.className = "karte-richtung";
    direction.textContent = label;
    a.appendChild(direction);
    a.appendChild(document.createTextNode(" " + entry.karte + " " + entry.titel));
    return a;
  }
  steps.textContent = "";
  steps.setAttribute("aria-label", TEXTE.stelle(at + 1, list.length));
  if (at > 0 && list[at - 1].adresse) {
    steps.appendChild(step(list[at - 1], "karte-zurueck", TEXTE.zurueck));
  }
  var where = document.createElement("a");
  where.className = "karte-auswahl-stelle";
  where.href = navLink(TEXTE.navigation);
  where.textContent = TEXTE.stelle(at + 1, list.length);
  steps.appendChild(where);
  if (at + 1 < list.length && list[at + 1].adresse) {
    steps.appendChild(step(list[at + 1], "karte-weiter", TEXTE.weiter));
  }
})();
