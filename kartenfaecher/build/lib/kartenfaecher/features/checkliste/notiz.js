/* Notes: a field for the answer („Notiz“) under every checklist question, and one
   free note per card, saved as the reader types; so that partners who answer the
   questions together take their answers home, not only their ticks.

   Where: on a card with checklists (under each question, and the card's note after
   its checklists), on the page „Checklisten“ (the same, card by card) and on the page
   „Meine Auswahl“ (a card's note for every kept card, through
   Kartenfaecher.notiz.cardField). The notes stay in this browser (notiz-speicher.js);
   nothing leaves it unless the reader exports or shares them. A note longer than the
   limit is refused with a message, the note as it was kept. When the browser keeps
   nothing, the notes work for the visit and the page says so.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var ns = window.Kartenfaecher || {};
  var speicher = ns.notizSpeicher;
  if (!speicher || !ns.checklisteSpeicher) {
    return;
  }
  var LIMIT = speicher.LIMIT;
  var storage = speicher.openStorage();
  var notes = speicher.empty();
  var afterRender = [];
  var told = {};
  var fromElsewhere = false; // while render() shows what another tab wrote

  function load() {
    var parsed = storage.read();
    if (!parsed) {
      return notes;
    }
    if (parsed.damaged) {
      notice("notiz-repariert", TEXTE.repariert);
    }
    return parsed.notes;
  }

  /* Change notes: re-read first, so that another tab's notes are not overwritten. */
  function update(change) {
    if (storage.persistent) {
      notes = load();
    }
    change(notes);
    if (!storage.write(notes)) {
      unavailable();
    }
    render();
  }

  function replaceAll(next) {
    notes = next;
    if (!storage.write(notes)) {
      unavailable();
    }
    render();
  }

  function unavailable() {
    // the checklists say it already on pages with checklists (checkliste.js names notes too)
    if (!document.querySelector("[data-hinweis='nicht-gespeichert']")) {
      notice("nicht-gespeichert", TEXTE.nichtGespeichert);
    }
  }

  function notice(id, text) {
    if (told[id]) {
      return;
    }
    told[id] = true;
    var note = document.createElement("p");
    note.className = "checkliste-hinweis notiz-hinweis";
    note.setAttribute("role", "status");
    note.setAttribute("data-hinweis", id);
    note.textContent = text;
    var place = document.querySelector(".checklisten-werkzeuge, .auswahl-werkzeuge, .admonition.checkliste, .notiz");
    if (place && place.matches(".admonition.checkliste")) {
      place.insertBefore(note, place.querySelector(".admonition-title").nextSibling);
    } else if (place) {
      place.parentNode.insertBefore(note, place);
    }
  }

  // -- the fields --------------------------------------------------------------------------

  function textOf(field) {
    var key = field.getAttribute("data-notiz-frage");
    if (key) {
      return notes.questions[key] ? notes.questions[key].note : "";
    }
    return notes.cards[field.getAttribute("data-notiz-karte")] || "";
  }

  /* As tall as its text (a hidden field has no height to measure: left as it is). An empty
     field keeps its one row without measuring: measuring makes the browser lay the page out
     anew, and the page „Checklisten“ has a hundred fields. */
  function fit(field) {
    if (!field.value) {
      field.style.height = "";
      return;
    }
    if (!field.offsetParent) {
      return;
    }
    field.style.height = "auto";
    field.style.height = field.scrollHeight + 2 + "px";
  }

  function showField(field) {
    var text = textOf(field);
    var editing = document.activeElement === field;
    if (fromElsewhere && field.mine && text !== field.last) {
      changedElsewhere(field, editing, field.last || "");
    }
    if (!editing && field.value !== text) {
      field.value = text;
    }
    field.last = field.value;
    var printed = field.parentNode.querySelector(".notiz-druck");
    printed.textContent = field.value;
    field.parentNode.classList.toggle("notiz--leer", !field.value);
    var item = field.closest("li[data-checkliste-punkt]");
    if (item) {
      item.classList.toggle("hat-notiz", !!field.value);
    }
    fit(field);
  }

  function render() {
    [].forEach.call(document.querySelectorAll("textarea.notiz-feld"), showField);
    afterRender.forEach(function (show) {
      show();
    });
  }

  /* Another tab wrote over a note this tab wrote (both are open on the same note; the last
     to write is kept): say so at the field, so that no word goes silently. While the reader
     is in the field, their text stays in view, to keep or to give up for the other; after,
     the field shows the other text, and the reader's own can be brought back. */
  function changedElsewhere(field, editing, own) {
    var box = field.parentNode;
    var old = box.querySelector(".notiz-anderswo");
    if (old) {
      old.parentNode.removeChild(old);
    }
    var note = document.createElement("div");
    note.className = "notiz-anderswo";
    note.setAttribute("role", "status");
    var words = document.createElement("p");
    words.textContent = editing ? TEXTE.anderswoHier : TEXTE.anderswoDort;
    note.appendChild(words);
    var choices = editing ? [[TEXTE.meinenSpeichern, function () {
      save(field);
    }], [TEXTE.dortUebernehmen, function () {
      field.mine = false;
      field.value = textOf(field);
      showField(field);
    }]] : [[TEXTE.meinenWiederherstellen, function () {
      field.value = own;
      save(field);
    }]];
    choices.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "knopf";
      button.textContent = choice[0];
      button.addEventListener("click", function () {
        note.parentNode.removeChild(note);
        choice[1]();
        field.focus();
      });
      note.appendChild(button);
    });
    box.insertBefore(note, box.querySelector(".notiz-druck"));
  }

  /* Keep what a field holds, as the reader typed it. */
  function save(area) {
    var text = area.value;
    var key = area.getAttribute("data-notiz-frage");
    var card = area.getAttribute("data-notiz-karte");
    area.mine = true;
    update(function (state) {
      if (key) {
        state.questions[key] = { question: wording(key) || (state.questions[key] || {}).question || "", note: text };
      } else {
        state.cards[card] = text;
      }
    });
  }

  /* A field: label, textarea, its text for print, and where the limit is said. */
  function field(id, label, hidden, data) {
    var box = document.createElement("div");
    box.className = data[0] === "data-notiz-karte" ? "notiz notiz--karte" : "notiz";
    var caption = document.createElement("label");
    caption.className = "notiz-titel";
    caption.htmlFor = id;
    caption.textContent = label;
    if (hidden) {
      var more = document.createElement("span");
      more.className = "visually-hidden";
      more.textContent = hidden;
      caption.appendChild(more);
    }
    var area = document.createElement("textarea");
    area.id = id;
    area.className = "notiz-feld";
    area.rows = 1;
    area.setAttribute(data[0], data[1]);
    var printed = document.createElement("p");
    printed.className = "notiz-druck";
    printed.setAttribute("aria-hidden", "true");
    var limit = document.createElement("p");
    limit.className = "notiz-grenze";
    limit.setAttribute("role", "status");
    box.appendChild(caption);
    box.appendChild(area);
    box.appendChild(printed);
    box.appendChild(limit);
    showField(area);
    return box;
  }

  function questionText(item) {
    var label = item.querySelector("label");
    return (label ? label.textContent : item.textContent).replace(/\s+/g, " ").trim();
  }

  function questionField(item) {
    var key = item.getAttribute("data-checkliste-punkt");
    return field("notiz-" + key, TEXTE.notiz, TEXTE.zurFrage({ frage: questionText(item) }), ["data-notiz-frage", key]);
  }

  function cardField(number, label) {
    return field("notiz-karte-" + number, label || TEXTE.karte({ nummer: number }), "", ["data-notiz-karte", String(number)]);
  }

  /* A label's text as Markdown (bold and emphasis kept, the box left out); the page
     „Checklisten“ writes its download with it too. */
  function markdownOf(label) {
    var out = "";
    [].forEach.call(label.childNodes, function walk(node) {
      if (node.nodeType === 3) {
        out += node.nodeValue;
      } else if (node.nodeType === 1 && !node.matches("input, .task-list-indicator")) {
        var mark = node.matches("strong, b") ? "**" : node.matches("em, i") ? "*" : "";
        out += mark;
        [].forEach.call(node.childNodes, walk);
        out += mark;
      }
    });
    return out.replace(/\s+/g, " ").trim();
  }

  /* The question's wording as the card's Markdown has it, for a note that outlives a
     change of wording. */
  function wording(key) {
    var label = document.querySelector("li[data-checkliste-punkt='" + key + "'] > label, " +
      "li[data-checkliste-punkt='" + key + "'] > p > label");
    return label ? markdownOf(label) : "";
  }

  /* Cards with notes that are not among ``shown`` (number -> true), in number order,
     with title and address where the reader's selection knows them. */
  function otherCards(shown) {
    var numbers = {};
    Object.keys(notes.cards).concat(Object.keys(notes.questions).map(function (key) {
      return key.split("-")[0];
    })).forEach(function (number) {
      if (!shown[number]) {
        numbers[number] = true;
      }
    });
    var kept = {};
    (ns.auswahl ? ns.auswahl.read() : []).forEach(function (entry) {
      kept[entry.number] = entry;
    });
    return Object.keys(numbers).sort(function (a, b) {
      return a - b;
    }).map(function (number) {
      var entry = kept[number];
      return { number: number, title: entry ? entry.title : "",
        href: entry && entry.address ? ns.auswahl.address(entry.address) : "" };
    });
  }

  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area.matches || !area.matches("textarea.notiz-feld")) {
      return;
    }
    var message = area.parentNode.querySelector(".notiz-grenze");
    if (area.value.length > LIMIT && area.value.length > (area.last || "").length) {
      var length = area.value.length;
      var caret = Math.min(area.selectionStart, (area.last || "").length);
      area.value = area.last || "";
      area.setSelectionRange(caret, caret);
      message.textContent = TEXTE.zuLang({ grenze: LIMIT.toLocaleString(document.documentElement.lang),
        laenge: length.toLocaleString(document.documentElement.lang) });
      return;
    }
    message.textContent = "";
    var conflict = area.parentNode.querySelector(".notiz-anderswo");
    if (conflict) {
      conflict.parentNode.removeChild(conflict); // typing on keeps this text, as „Meinen Text speichern“ does
    }
    save(area);
  });

  // -- start -------------------------------------------------------------------------------

  notes = load();
  [].forEach.call(document.querySelectorAll("li[data-checkliste-punkt]"), function (item) {
    item.appendChild(questionField(item));
  });
  // The card's own note after its last checklist (on the card, and per card on „Checklisten“).
  var head = document.querySelector(".karte-kopf h1[id^='karte-']");
  if (head) {
    var blocks = document.querySelectorAll(".admonition.checkliste[data-karte]");
    if (blocks.length) {
      var last = blocks[blocks.length - 1];
      last.parentNode.insertBefore(cardField(head.id.replace("karte-", ""), TEXTE.zuDieserKarte), last.nextSibling);
    }
  }
  if (!storage.persistent) {
    unavailable();
  }
  storage.changed(function () {
    notes = load();
    fromElsewhere = true;
    try {
      render();
    } finally {
      fromElsewhere = false;
    }
  });
  render();

  window.Kartenfaecher.notiz = {
    notes: function () {
      return notes;
    },
    update: update,
    replaceAll: replaceAll,
    cardField: cardField,
    wording: wording,
    markdownOf: markdownOf,
    otherCards: otherCards,
    render: render,
    onRender: function (show) {
      afterRender.push(show);
    }
  };
})();
