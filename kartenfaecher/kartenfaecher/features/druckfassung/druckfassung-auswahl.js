/* The Druckfassung as the cards of a selection (#auswahl=21.8.40, the link on the page „Meine
   Auswahl“): only those cards, in that order, for the browser's print; a line above them says
   so and leads back to the whole fan. A link that names no card of this fan shows the whole fan
   and says that. Nothing is stored; the address alone says what is shown.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var fan = document.querySelector("[data-druckfassung]");
  var status = document.querySelector(".druckfassung-auswahl");
  if (!fan || !status) {
    return;
  }
  var cards = [].slice.call(fan.querySelectorAll("section.druckfassung-karte"));

  function card(number) {
    return fan.querySelector("section[aria-labelledby='karte-" + number + "']");
  }

  function show() {
    cards.forEach(function (section) {  // the whole fan, in its order
      section.hidden = false;
      fan.appendChild(section);
    });
    status.textContent = "";
    var named = /^#auswahl=(.*)$/.exec(location.hash);
    if (!named) {
      return;
    }
    var chosen = named[1].split(".").filter(function (part) {
      return /^[0-9]{1,4}$/.test(part);
    }).map(card).filter(function (section, i, all) {
      return section && all.indexOf(section) === i;
    });
    if (!chosen.length) {
      status.textContent = TEXTE.keine;
      return;
    }
    cards.forEach(function (section) {
      section.hidden = chosen.indexOf(section) < 0;
    });
    chosen.slice().reverse().forEach(function (section) {  // first: no page break before the first
      fan.insertBefore(section, fan.firstChild);
    });
    status.appendChild(document.createTextNode(TEXTE.nurAuswahl({ anzahl: chosen.length }) + " "));
    var all = document.createElement("a");
    all.href = location.pathname + location.search;
    all.textContent = TEXTE.alle;
    status.appendChild(all);
  }

  window.addEventListener("hashchange", show);
  show();
})();
