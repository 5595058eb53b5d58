/* Checklists, the page "Checklisten": a state the partners can keep, print and pass
   on, because ticks and notes otherwise live in one browser only. Export as Markdown
   (card by card the questions with ticks, answers and notes: raw material for a
   cooperation agreement) or JSON, a printed worksheet, and import of a JSON file; a
   state that comes in is shown first and only taken over when the reader says so.
   Sharing as a link is checkliste-teilen.js, which builds on what this script offers
   (Kartenfaecher.checklisteUebersicht).

   The tools are written hidden by werkzeuge.html beside this
   (without JavaScript they could do nothing); this script shows them. It builds on
   checkliste.js (the ticks), notiz.js (the notes), checkliste-speicher.js and
   notiz-speicher.js (the formats), the shared dialog (Kartenfaecher.dialog,
   kartenfaecher/features/gemeinsam/dialog.js) and checkliste-uebernehmen.js (showing what a file or
   link holds).

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var MAX_IMPORT = 1024 * 1024;

  var tools = document.querySelector(".checklisten-werkzeuge");
  var ns = window.Kartenfaecher || {};
  var speicher = ns.checklisteSpeicher;
  var notizSpeicher = ns.notizSpeicher;
  var ui = ns.dialog;
  var liste = ns.checkliste;
  var notiz = ns.notiz;
  if (!tools || !speicher || !notizSpeicher || !ui || !ns.checklisteUebernehmen || !liste || !notiz) {
    return;
  }
  var element = ui.element;
  var itemText = notiz.markdownOf;

  // -- the page as data ------------------------------------------------------------------

  /* Nested lists below a question (card 21's pros and cons) as Markdown lines. */
  function nestedLines(list, depth) {
    var lines = [];
    [].forEach.call(list.children, function (li) {
      var own = li.cloneNode(true);
      [].forEach.call(own.querySelectorAll("ul, ol"), function (nested) {
        nested.remove();
      });
      lines.push(new Array(depth + 1).join("    ") + "- " + itemText(own));
      [].forEach.call(li.children, function (child) {
        if (child.matches("ul, ol")) {
          lines = lines.concat(nestedLines(child, depth + 1));
        }
      });
    });
    return lines;
  }

  /* The page as data: chapters, cards and their checklists, in page order. */
  function model() {
    var cards = [];
    var chapter = "";
    var article = tools.closest("article") || document.body;
    [].forEach.call(article.querySelectorAll("h2, h3[id^='karte-'], .admonition.checkliste[data-karte]"), function (node) {
      if (node.matches("h2")) {
        if (!tools.contains(node)) {
          chapter = node.textContent.trim();
        }
      } else if (node.matches("h3")) {
        var link = node.querySelector("a");
        var title = node.querySelector(".karte-titel");
        cards.push({
          number: node.id.replace("karte-", ""),
          title: title ? title.textContent.trim() : node.textContent.trim(),
          href: link ? link.href : "",
          chapter: chapter,
          blocks: []
        });
      } else if (cards.length) {
        var heading = node.querySelector(".admonition-title");
        cards[cards.length - 1].blocks.push({
          title: heading ? heading.textContent.trim() : TEXTE.checkliste,
          node: node,
          items: [].slice.call(node.querySelectorAll("li[data-checkliste-punkt]")).map(function (li) {
            var label = li.querySelector("label");
            var nested = [].filter.call(li.children, function (child) {
              return child.matches("ul, ol");
            });
            return {
              key: li.getAttribute("data-checkliste-punkt"),
              text: label ? itemText(label) : li.textContent.trim(),
              nested: nested.length ? nestedLines(nested[0], 1) : []
            };
          })
        });
      }
    });
    return cards;
  }

  var pageCards = null;

  function knownKeys() {
    var keys = {};
    pageCards.forEach(function (card) {
      card.blocks.forEach(function (block) {
        block.items.forEach(function (item) {
          keys[item.key] = item;
        });
      });
    });
    return keys;
  }

  function tickedKnown() {
    var known = knownKeys();
    return Object.keys(liste.ticks()).filter(function (key) {
      return known[key];
    }).sort();
  }

  // -- what the tools show ---------------------------------------------------------------

  function today() {
    return new Date().toLocaleDateString("de-DE", { day: "numeric", month: "long", year: "numeric" });
  }

  function isoDay() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  var afterTools = []; // what else shows the state (checkliste-teilen.js)

  /* The values of the texts that count ticks, from liste.counted(…). */
  function counts(count) {
    return { geklaert: count.done, gesamt: count.total };
  }

  function totalText() {
    return TEXTE.insgesamt(counts(liste.counted(document)));
  }

  function renderTools() {
    tools.querySelector(".checklisten-gesamt").textContent = totalText();
    tools.querySelector(".checklisten-stand").textContent = TEXTE.stand({ tag: today(), gesamt: totalText() });
    afterTools.forEach(function (show) {
      show();
    });
  }

  function message(text, isError) {
    var status = tools.querySelector(".checklisten-meldung");
    var alert = tools.querySelector(".checklisten-fehler");
    status.textContent = isError ? "" : text;
    alert.textContent = isError ? text : "";
  }

  // -- export ----------------------------------------------------------------------------

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    var link = element("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }

  function jsonExport() {
    var known = knownKeys();
    return speicher.exportFile(tickedKnown().map(function (key) {
      return { key: key, text: known[key].text };
    }), new Date(), notizSpeicher.transfer(notiz.notes()));
  }

  // -- a state that comes in: from a link or a file --------------------------------------

  /* Show what an incoming state holds (checkliste-uebernehmen.js), then merge, replace or cancel.
     incoming: {ticks, notes}; source: who brought it ("Die Datei „…“"), from: the same
     for the marker of a note taken over beside the reader's ("der Datei „…“"). */
  function offer(incoming, source, from, opener) {
    return ns.checklisteUebernehmen.askTakeOver({
      state: incoming.ticks,
      notes: notizSpeicher.count(incoming.notes),
      source: source,
      cards: pageCards,
      known: knownKeys(),
      current: liste.counted(document)
    }, opener).then(function (answer) {
      if (answer === "zusammenfuehren") {
        liste.update(function (current) {
          speicher.merge(current, incoming.ticks);
        });
        notiz.update(function (current) {
          notizSpeicher.merge(current, incoming.notes, from);
        });
        message(TEXTE.zusammengefuehrt + totalText());
      } else if (answer === "ersetzen") {
        liste.replaceAll(incoming.ticks);
        notiz.replaceAll(incoming.notes);
        message(TEXTE.ersetzt + totalText());
      } else {
        message(TEXTE.nichtsUebernommen);
      }
      return answer;
    });
  }

  /* A file's text: UTF-8, as this site writes it; UTF-16 where a byte-order mark says so;
     otherwise Windows-1252 (and so Latin-1), as an editor on an office PC may save it
     („Köln“ with the byte 0xf6). Read as UTF-8 regardless, its umlauts became replacement
     characters and were stored so, without a word. */
  function textOf(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return new TextDecoder("utf-16le").decode(bytes);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return new TextDecoder("utf-16be").decode(bytes);
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {
      return new TextDecoder("windows-1252").decode(bytes);
    }
  }

  function importFile(file) {
    var name = TEXTE.datei({ datei: file.name });
    if (file.size > MAX_IMPORT) {
      message(TEXTE.zuGross({ datei: name }), true);
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () {
      message(TEXTE.nichtLesbar({ datei: name }), true);
    };
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(textOf(reader.result));
      } catch (e) {
        message(TEXTE.keinJson({ datei: name }), true);
        return;
      }
      var result = speicher.readTransfer(data, true);
      var notes = result.error ? result : notizSpeicher.readTransfer(data.notizen);
      if (notes.error) {
        message(TEXTE.nichtEingelesen({ datei: name, grund: notes.error }), true);
        return;
      }
      offer({ ticks: result.ticks, notes: notes.notes }, name, TEXTE.ausDatei({ datei: file.name }),
        tools.querySelector("[data-aktion='json-import']"));
    };
    reader.readAsArrayBuffer(file);
  }

  // -- the buttons -----------------------------------------------------------------------

  var actions = {
    "drucken": function () {
      renderTools();
      window.print();
    },
    "json-export": function () {
      download(TEXTE.dateiname + isoDay() + ".json", "application/json", jsonExport());
      message(TEXTE.jsonLaedt);
    },
    "json-import": function () {
      var input = tools.querySelector("#checklisten-datei");
      input.value = "";
      input.click();
    },
    "alle-zuruecksetzen": function (button) {
      ui.ask({
        title: TEXTE.alleFrage,
        text: [TEXTE.alleText(counts(liste.counted(document)))],
        choices: [{ value: "ja", label: TEXTE.alleJa }, { value: "", label: TEXTE.abbrechen, focus: true }]
      }, button).then(function (answer) {
        if (answer === "ja") {
          liste.replaceAll({});
          message(TEXTE.alleEntfernt);
        }
      });
    }
  };

  // -- start -----------------------------------------------------------------------------

  pageCards = model();
  tools.hidden = false;
  tools.querySelector(".checklisten-stand").hidden = false;
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("[data-aktion]");
    var action = button && actions[button.getAttribute("data-aktion")];
    if (action) {
      event.preventDefault();
      action(button);
    }
  });
  tools.querySelector("#checklisten-datei").addEventListener("change", function (event) {
    if (event.target.files && event.target.files[0]) {
      importFile(event.target.files[0]);
    }
  });
  liste.onRender(renderTools);
  notiz.onRender(renderTools);
  renderTools();

  /* What checkliste-teilen.js and notiz-uebersicht.js build on. */
  ns.checklisteUebersicht = {
    cards: function () {
      return pageCards;
    },
    knownKeys: knownKeys,
    tickedKnown: tickedKnown,
    totalText: totalText,
    message: message,
    today: today,
    download: function (extension, type, text) {
      download(TEXTE.dateiname + isoDay() + extension, type, text);
    },
    offer: offer,
    actions: actions,
    onRender: function (show) {
      afterTools.push(show);
    }
  };
})();
