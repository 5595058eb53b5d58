/* Checklists: ticks that stay, with progress and reset, on the cards and on the
   page "Checklisten", so that partners can work through the questions over days.

   The HTML works without this script: the questions are labelled checkboxes
   (kaestchen.py). This script keeps the ticks (in the format of
   checkliste-speicher.js), shows how many are settled, offers a reset that asks
   first (the shared dialog, Kartenfaecher.dialog), and says calmly when the browser keeps nothing.
   Nothing leaves the browser. The page "Checklisten" adds its tools on top
   (checkliste-uebersicht.js), through Kartenfaecher.checkliste.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var speicher = window.Kartenfaecher && window.Kartenfaecher.checklisteSpeicher;
  var ui = window.Kartenfaecher && window.Kartenfaecher.dialog;
  var blocks = [].slice.call(document.querySelectorAll(".admonition.checkliste[data-karte]"));
  // the page "Checklisten": its tools hold the notices there
  var tools = document.querySelector(".checklisten-werkzeuge");
  if (!speicher || !ui || (!blocks.length && !tools)) {
    return;
  }
  var element = ui.element;

  // -- the ticks and where they are kept ---------------------------------------------

  var storage = null; // speicher.openStorage()
  var ticks = {}; // key -> true: the ticks as this page knows them
  var notices = {}; // which calm notices were shown already
  var afterRender = []; // what else shows the ticks (the page "Checklisten")

  /* The stored ticks (repaired if damaged); the page's own while nothing can be read. */
  function load() {
    var parsed = storage.read();
    if (!parsed) {
      return ticks;
    }
    if (parsed.damaged) {
      notice("repariert", TEXTE.repariert);
    }
    return parsed.ticks;
  }

  function save() {
    if (!storage.write(ticks)) {
      unavailable();
    }
  }

  function unavailable() {
    notice("nicht-gespeichert", TEXTE.nichtGespeichert + (tools ? TEXTE.nichtGespeichertSichern : ""));
  }

  /* Change ticks: re-read first, so another tab's ticks are not overwritten. */
  function update(change) {
    if (storage.persistent) {
      ticks = load();
    }
    change(ticks);
    save();
    render();
  }

  function replaceAll(state) {
    ticks = speicher.merge({}, state);
    save();
    render();
  }

  // -- what the page shows -------------------------------------------------------------

  function boxesIn(root) {
    return [].slice.call(root.querySelectorAll("input[data-checkliste-punkt]"));
  }

  function keyOf(box) {
    return box.getAttribute("data-checkliste-punkt");
  }

  function counted(root) {
    var boxes = boxesIn(root);
    var done = boxes.filter(function (box) {
      return ticks[keyOf(box)];
    }).length;
    return { done: done, total: boxes.length };
  }

  /* „3 von 5 geklärt“ for counted(…). */
  function progressText(count) {
    return TEXTE.fortschritt({ geklaert: count.done, gesamt: count.total });
  }

  function render() {
    boxesIn(document).forEach(function (box) {
      box.checked = !!ticks[keyOf(box)];
    });
    blocks.forEach(function (block) {
      var count = counted(block);
      var progress = block.querySelector(".checkliste-fortschritt");
      if (progress && progress.textContent !== progressText(count)) {
        progress.textContent = progressText(count);
      }
      var reset = block.querySelector(".checkliste-zuruecksetzen");
      if (reset) {
        reset.setAttribute("aria-disabled", count.done ? "false" : "true");
      }
    });
    afterRender.forEach(function (show) {
      show();
    });
  }

  function cardLabel(number) {
    var heading = document.getElementById("karte-" + number);
    var title = heading && heading.querySelector(".karte-titel");
    if (!title) {
      title = document.querySelector(".karte-kopf .karte-titel");
    }
    return title ? TEXTE.karte({ nummer: number, titel: title.textContent.trim() }) : TEXTE.karteNummer({ nummer: number });
  }

  function enhanceBlock(block) {
    var foot = element("div", "checkliste-fuss");
    var progress = element("p", "checkliste-fortschritt");
    progress.setAttribute("aria-live", "polite");
    var reset = element("button", "checkliste-zuruecksetzen knopf", TEXTE.zuruecksetzen);
    reset.type = "button";
    var title = block.querySelector(".admonition-title");
    var context = element("span", "visually-hidden", " (" + (title ? title.textContent.trim() : TEXTE.checkliste) +
      ", " + cardLabel(block.getAttribute("data-karte")) + ")");
    reset.appendChild(context);
    reset.addEventListener("click", function () {
      if (reset.getAttribute("aria-disabled") === "true") {
        return;
      }
      ui.ask({
        title: TEXTE.zuruecksetzenFrage,
        text: [TEXTE.zuruecksetzenText({ stand: progressText(counted(block)) })],
        choices: [{ value: "ja", label: TEXTE.zuruecksetzenJa }, { value: "", label: TEXTE.abbrechen, focus: true }]
      }, reset).then(function (answer) {
        if (answer !== "ja") {
          return;
        }
        var keys = boxesIn(block).map(keyOf);
        update(function (state) {
          keys.forEach(function (key) {
            delete state[key];
          });
        });
      });
    });
    foot.appendChild(progress);
    if (!tools && overviewLink()) {
      var overview = element("a", "checkliste-alle", TEXTE.alleChecklisten);
      overview.href = overviewLink();
      foot.appendChild(overview);
    }
    foot.appendChild(reset);
    block.appendChild(foot);
  }

  /* The page "Checklisten", from the site navigation (its address differs between the
     website and the offline bundle, so it is not written into the script). */
  function overviewLink() {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].textContent.trim() === TEXTE.navigation) {
        return links[i].href;
      }
    }
    return "";
  }

  function notice(id, text) {
    if (notices[id]) {
      return;
    }
    notices[id] = true;
    var note = element("p", "checkliste-hinweis", text);
    note.setAttribute("role", "status");
    note.setAttribute("data-hinweis", id);
    if (tools) {
      tools.insertBefore(note, tools.querySelector(".checklisten-gesamt"));
    } else if (blocks.length) {
      var title = blocks[0].querySelector(".admonition-title");
      blocks[0].insertBefore(note, title ? title.nextSibling : blocks[0].firstChild);
    }
  }

  // -- start ---------------------------------------------------------------------------

  storage = speicher.openStorage();
  ticks = load();
  blocks.forEach(enhanceBlock);
  if (!storage.persistent) {
    unavailable();
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-checkliste-punkt]")) {
      return;
    }
    var key = keyOf(box);
    var on = box.checked;
    update(function (state) {
      if (on) {
        state[key] = true;
      } else {
        delete state[key];
      }
    });
  });
  // Another tab ticked something, or the page came back from the back/forward cache.
  storage.changed(function () {
    ticks = load();
    render();
  });
  render();

  /* What the page "Checklisten" builds on. */
  window.Kartenfaecher.checkliste = {
    ticks: function () {
      return ticks;
    },
    update: update,
    replaceAll: replaceAll,
    counted: counted,
    progressText: progressText,
    // show(): called whenever the ticks are shown anew
    onRender: function (show) {
      afterRender.push(show);
    }
  };
})();
