/* The selection („Meine Auswahl“) on every page: where the kept cards are stored,
   the „Merken“ button on a card, and, for a card opened from the selection
   (its address ends in ?auswahl), previous and next within the selection.

   The selection lives in localStorage, in the reader's browser only, as
   {"version": 1, "karten": [{"karte": 21, "adresse": "karten/21-…/", "titel": "…"}, …]}
   in the reader's order (the scripts read it as {number, address, title}: parse()); "adresse" is relative to the site's root, which differs
   between the website and the offline bundle and is read from Material's __config.
   It is kept in the store every feature keeps its values in (Kartenfaecher.speicher,
   kartenfaecher/features/gemeinsam/speicher.js): when storage is blocked or full, the selection
   lasts for the visit, while the tab stays on the site; a damaged one is repaired.
   The page „Meine Auswahl“ (auswahl.js) builds on Kartenfaecher.auswahl. On a card, the
   build writes the bar with the button (hidden until the selection is read), the link to
   the page „Meine Auswahl“ and the texts shown here (bar() in kartenfaecher/features/auswahl/).

   Small on purpose: it loads on every page. A classic script (no modules): the
   offline bundle is opened from file://. */
(function () {
  "use strict";

  var STORE = "auswahl.v1"; // after the handbook's short name (gemeinsam/speicher.js)
  var PARAM = "auswahl";
  // A kept card's address: relative to the site's root, never another host or a script.
  var ADDRESS = /^(?![a-z][a-z0-9+.-]*:|[\/\\])[^:?#]*$/i;

  /* The stored selection as {cards: a list of {number, address, title}, damaged, unreadable}:
     the stored format's German keys are read here and written in serialise(), nowhere else. Bad
     entries are dropped (the store then keeps the rest), and an address that would lead off the
     site („javascript:…“, „https://…“) is forgotten. */
  function parse(raw) {
    var data = null;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      return { cards: [], damaged: true, unreadable: true };
    }
    var list = data && Array.isArray(data.karten) ? data.karten : [];
    var seen = {};
    var cards = list.filter(function (entry) {
      var ok = entry && typeof entry.karte === "number" && entry.karte > 0 && entry.karte % 1 === 0 &&
        !seen[entry.karte];
      if (ok) {
        seen[entry.karte] = true;
      }
      return ok;
    }).map(function (entry) {
      return {
        number: entry.karte,
        address: typeof entry.adresse === "string" && ADDRESS.test(entry.adresse) ? entry.adresse : "",
        title: typeof entry.titel === "string" ? entry.titel : ""
      };
    });
    return { cards: cards, damaged: serialise(cards) !== JSON.stringify({ version: 1, karten: list }) };
  }

  function serialise(cards) {
    return JSON.stringify({ version: 1, karten: cards.map(function (card) {
      return { karte: card.number, adresse: card.address, titel: card.title };
    }) });
  }

  var store = window.Kartenfaecher.speicher.open({ key: STORE, parse: parse, serialise: serialise, field: "cards" });

  function read() {
    var kept = store.read();
    return kept ? kept.cards : [];
  }
  // store.write(list): false when the browser would not keep it (it then lasts for the visit).
  var write = store.write;

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

  window.Kartenfaecher = window.Kartenfaecher || {};
  window.Kartenfaecher.auswahl = { PARAM: PARAM, read: read, write: write, keeps: store.keeps,
    changed: store.changed, root: root, address: address };

  // -- on a card page ----------------------------------------------------------------------

  var head = document.querySelector(".karte-kopf");
  var heading = head && head.querySelector("h1[id^='karte-']");
  if (!heading) {
    return;
  }
  var number = Number(heading.id.replace("karte-", ""));
  var own = {
    number: number,
    address: location.href.split(/[?#]/)[0].replace(root(), ""),
    title: heading.querySelector(".karte-titel").textContent.trim()
  };

  function place(list) {
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].number === number) {
        return i;
      }
    }
    return -1;
  }

  var bar = head.querySelector("[data-karte-merken]");  // written by the build, its height kept
  if (!bar) {
    return;
  }
  // Its texts, as the build wrote them (kartenfaecher/features/auswahl/, BAR_TEXTS).
  var TEXTE = bar.dataset;
  var button = bar.querySelector(".karte-merken-knopf");
  var link = bar.querySelector(".karte-merken-auswahl"); // to the page „Meine Auswahl“, where the site has one
  var note = bar.querySelector(".karte-merken-hinweis");

  function show() {
    var list = read();
    button.setAttribute("aria-pressed", place(list) >= 0 ? "true" : "false");
    link.textContent = TEXTE.auswahl.replace("{anzahl}", list.length);
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
  store.changed(show);
  show();
  button.hidden = false;

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
    a.href = address(entry.address) + "?" + PARAM;
    a.setAttribute("data-karte", entry.number);
    var direction = document.createElement("span");
    direction.className = "karte-richtung";
    direction.textContent = label;
    a.appendChild(direction);
    a.appendChild(document.createTextNode(" " + entry.number + " " + entry.title));
    return a;
  }
  var stelle = TEXTE.stelle.replace("{stelle}", at + 1).replace("{anzahl}", list.length);
  steps.textContent = "";
  steps.setAttribute("aria-label", stelle);
  if (at > 0 && list[at - 1].address) {
    steps.appendChild(step(list[at - 1], "karte-zurueck", TEXTE.zurueck));
  }
  var where = document.createElement("a");
  where.className = "karte-auswahl-stelle";
  where.href = link.href;
  where.textContent = stelle;
  steps.appendChild(where);
  if (at + 1 < list.length && list[at + 1].address) {
    steps.appendChild(step(list[at + 1], "karte-weiter", TEXTE.weiter));
  }
})();
