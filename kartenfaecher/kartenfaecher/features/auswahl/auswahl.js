/* The page „Meine Auswahl“: the cards a reader keeps for a meeting, in the reader's
   order. Reordering by keyboard (the buttons „Nach oben“ and „Nach unten“) and by
   dragging; a note per card (notiz.js); emptying it (asked first); and „Vorführen“
   for the projector view. Sharing as a link and a QR code is auswahl-teilen.js,
   which builds on Kartenfaecher.auswahlSeite.

   The page carries every card as data (kartenfaecher/features/auswahl/); the selection
   itself is kept by auswahl-merken.js (Kartenfaecher.auswahl), in this browser only.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var SHARE = "#teilen=";
  var ns = window.Kartenfaecher || {};
  var auswahl = ns.auswahl;
  var ui = ns.dialog;
  var root = document.querySelector("[data-auswahl-seite]");
  if (!root || !auswahl || !ui) {
    return;
  }
  var element = ui.element;
  var listNode = root.querySelector(".auswahl-liste");
  var tools = root.querySelector(".auswahl-werkzeuge");

  // Every card of the site, from the page: number -> {number, title, address, chapter, link}.
  var cards = {};
  [].forEach.call(root.querySelectorAll(".auswahl-karten li[data-karte]"), function (item) {
    var link = item.querySelector("a");
    cards[item.getAttribute("data-karte")] = {
      number: Number(item.getAttribute("data-karte")),
      title: link.querySelector(".karte-titel").textContent.trim(),
      address: link.href.replace(auswahl.root(), ""),
      chapter: link.getAttribute("data-kapitel"),
      short: item.getAttribute("data-kurzadresse"),
      link: link
    };
  });

  function entry(number) {
    var card = cards[number];
    return { number: card.number, address: card.address, title: card.title };
  }

  /* The kept cards that exist, with their current address and title. */
  function selection() {
    return auswahl.read().filter(function (kept) {
      return cards[kept.number];
    }).map(function (kept) {
      return entry(kept.number);
    });
  }

  function message(text, isError) {
    root.querySelector(".auswahl-meldung").textContent = isError ? "" : text;
    root.querySelector(".auswahl-fehler").textContent = isError ? text : "";
  }

  function save(list) {
    if (!auswahl.write(list)) {
      message(TEXTE.nichtGespeichert);
    }
    render();
  }

  // -- the list ------------------------------------------------------------------------------

  var items = {}; // number -> its <li>, kept across renders (its note field with it)
  var afterRender = []; // what else shows the selection (auswahl-teilen.js)

  function button(label, card, action) {
    var node = element("button", "knopf", label);
    node.type = "button";
    node.setAttribute("data-schritt", action);
    node.appendChild(element("span", "visually-hidden", " (" + TEXTE.karte({ nummer: card.number, titel: card.title }) + ")"));
    return node;
  }

  function item(card) {
    var li = element("li", "auswahl-karte");
    li.setAttribute("data-karte", card.number);
    li.setAttribute("data-kapitel", cards[card.number].chapter);
    li.draggable = true;
    var head = element("div", "auswahl-kopf");
    var link = cards[card.number].link.cloneNode(true);
    link.href = cards[card.number].link.href + "?" + auswahl.PARAM;
    link.draggable = false;
    head.appendChild(link);
    var steps = element("div", "auswahl-schritte");
    steps.appendChild(button(TEXTE.nachOben, card, "hoch"));
    steps.appendChild(button(TEXTE.nachUnten, card, "runter"));
    steps.appendChild(button(TEXTE.entfernen, card, "entfernen"));
    head.appendChild(steps);
    li.appendChild(head);
    if (cards[card.number].short) {  // printed only: to open the card from the handout
      li.appendChild(element("p", "auswahl-kurzadresse", cards[card.number].short));
    }
    if (ns.notiz) {
      li.appendChild(ns.notiz.cardField(card.number));
    }
    return li;
  }

  function render() {
    var list = selection();
    var focused = document.activeElement;
    var keep = {};
    list.forEach(function (card, i) {
      var li = items[card.number] || (items[card.number] = item(card));
      keep[card.number] = true;
      if (listNode.children[i] !== li) {
        listNode.insertBefore(li, listNode.children[i] || null);
      }
      li.querySelector("[data-schritt='hoch']").setAttribute("aria-disabled", i === 0 ? "true" : "false");
      li.querySelector("[data-schritt='runter']").setAttribute("aria-disabled", i === list.length - 1 ? "true" : "false");
    });
    Object.keys(items).forEach(function (number) {
      if (!keep[number]) {
        items[number].remove();
        delete items[number];
      }
    });
    if (focused && focused !== document.activeElement && document.contains(focused)) {
      focused.focus();
    }
    listNode.hidden = !list.length;
    tools.hidden = !list.length;
    root.querySelector(".auswahl-anleitung").hidden = list.length < 2;
    root.querySelector(".auswahl-leer").hidden = !!list.length;
    var numbers = list.map(function (card) {
      return card.number;
    }).join(".");
    ["vorfuehren", "karten-drucken"].forEach(function (name) {
      var link = root.querySelector("[data-aktion='" + name + "']");
      link.href = link.href.split("#")[0] + "#auswahl=" + numbers;
    });
    afterRender.forEach(function (show) {
      show(list);
    });
    if (ns.notiz) {
      ns.notiz.render();
    }
  }

  function move(number, by) {
    var list = selection();
    var at = list.map(function (card) {
      return card.number;
    }).indexOf(number);
    var to = at + by;
    if (at < 0 || to < 0 || to >= list.length) {
      return;
    }
    var card = list.splice(at, 1)[0];
    list.splice(to, 0, card);
    save(list);
    message(TEXTE.stelle({ nummer: card.number, stelle: to + 1, anzahl: list.length }));
  }

  listNode.addEventListener("click", function (event) {
    var step = event.target.closest("[data-schritt]");
    if (!step || step.getAttribute("aria-disabled") === "true") {
      return;
    }
    var number = Number(step.closest("li").getAttribute("data-karte"));
    var action = step.getAttribute("data-schritt");
    if (action === "entfernen") {
      var list = selection();
      var at = list.map(function (card) {
        return card.number;
      }).indexOf(number);
      var gone = list.splice(at, 1)[0];
      save(list);
      message(TEXTE.entfernt({ nummer: gone.number }));
      var next = listNode.children[Math.min(at, listNode.children.length - 1)];
      var target = next ? next.querySelector("a") : root.querySelector(".auswahl-leer");
      if (!next) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
      return;
    }
    move(number, action === "hoch" ? -1 : 1);
    step.focus();
  });

  // Dragging: a card is dropped before the card it is let go over (or after the last).
  var dragged = null;
  listNode.addEventListener("dragstart", function (event) {
    var li = event.target.closest && event.target.closest("li.auswahl-karte");
    if (!li || event.target.matches("textarea")) {
      return;
    }
    dragged = Number(li.getAttribute("data-karte"));
    li.classList.add("auswahl-karte--gezogen");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", String(dragged));
  });
  listNode.addEventListener("dragover", function (event) {
    if (dragged !== null) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
  });
  listNode.addEventListener("drop", function (event) {
    if (dragged === null) {
      return;
    }
    event.preventDefault();
    var over = event.target.closest("li.auswahl-karte");
    var list = selection();
    var numbers = list.map(function (card) {
      return card.number;
    });
    var from = numbers.indexOf(dragged);
    var card = list.splice(from, 1)[0];
    var to = list.length;
    if (over) {
      var target = Number(over.getAttribute("data-karte"));
      var box = over.getBoundingClientRect();
      to = list.map(function (c) {
        return c.number;
      }).indexOf(target) + (event.clientY > box.top + box.height / 2 ? 1 : 0);
    }
    list.splice(to, 0, card);
    save(list);
    message(TEXTE.stelle({ nummer: card.number, stelle: to + 1, anzahl: list.length }));
  });
  listNode.addEventListener("dragend", function () {
    [].forEach.call(listNode.querySelectorAll(".auswahl-karte--gezogen"), function (li) {
      li.classList.remove("auswahl-karte--gezogen");
    });
    dragged = null;
  });

  // -- the buttons and start -------------------------------------------------------------------

  /* What emptying a selection of `count` cards does, said before it is done. */
  function emptying(count) {
    return count === 1 ? TEXTE.leerenEine : (count === 2 ? TEXTE.leerenBeide : TEXTE.leerenAlle({ anzahl: count }));
  }

  var actions = {
    "drucken": function () {  // the handout: the list, the short addresses, the notes (auswahl.css)
      window.print();
    },
    "leeren": function (trigger) {
      ui.ask({
        title: TEXTE.leerenFrage,
        text: [emptying(selection().length)],
        choices: [{ value: "ja", label: TEXTE.leerenJa }, { value: "", label: TEXTE.abbrechen, focus: true }]
      }, trigger).then(function (answer) {
        if (answer === "ja") {
          save([]);
          message(TEXTE.geleert);
        }
      });
    }
  };

  tools.addEventListener("click", function (event) {
    var trigger = event.target.closest("[data-aktion]");
    var action = trigger && actions[trigger.getAttribute("data-aktion")];
    if (action) {
      event.preventDefault();
      action(trigger);
    }
  });
  auswahl.changed(render);
  // Keep the stored addresses and titles current (a card may have moved in a new version).
  var current = selection();
  if (JSON.stringify(current) !== JSON.stringify(auswahl.read())) {
    auswahl.write(current);
  }
  render();
  if (!auswahl.keeps()) {
    message(TEXTE.nichtGespeichert);
  }

  /* What auswahl-teilen.js builds on. */
  ns.auswahlSeite = {
    root: root,
    cards: cards,
    entry: entry,
    selection: selection,
    save: save,
    message: message,
    actions: actions,
    onRender: function (show) {
      afterRender.push(show);
    }
  };
})();
