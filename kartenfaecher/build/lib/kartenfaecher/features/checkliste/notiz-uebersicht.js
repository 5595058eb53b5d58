/* Notes on the page "Checklisten": each card's own note after its checklists; notes
   whose question has changed its wording in a newer version of the site (its key
   changed with it), shown under the old wording and marked as such until the
   reader moves them to a question or deletes them; and the notes to cards that have
   no checklist here, at the end. So that no note is ever out of sight, and the
   worksheet and the Markdown download hold them all.

   Builds on notiz.js (the notes and their fields) and checkliste-uebersicht.js (the
   page as data). A classic script (no modules): the offline bundle is opened from
   file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var ns = window.Kartenfaecher || {};
  var page = ns.checklisteUebersicht;
  var notiz = ns.notiz;
  var ui = ns.dialog;
  if (!page || !notiz || !ui) {
    return;
  }
  var element = ui.element;
  var article = document.querySelector(".checklisten-werkzeuge").closest("article") || document.body;
  var places = {}; // card number -> the element its earlier notes go into
  var shown = ""; // which earlier notes and other cards are shown, to rebuild only on a change

  function cardOf(key) {
    return key.split("-")[0];
  }

  function earlier() {
    var known = page.knownKeys();
    return Object.keys(notiz.notes().questions).filter(function (key) {
      return !known[key];
    }).sort();
  }

  /* One note kept under its old wording, with what the reader can do with it. */
  function earlierNote(key, targets) {
    var entry = notiz.notes().questions[key];
    var question = (entry.question || TEXTE.unbekannt).replace(/\*+/g, "");
    var box = element("div", "notiz-frueher");
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "frueher-" + key);
    var title = element("p", "notiz-frueher-titel");
    title.id = "frueher-" + key;
    title.appendChild(element("strong", "", TEXTE.frueher));
    title.appendChild(document.createTextNode(" „" + question + "“"));
    box.appendChild(title);
    box.appendChild(element("p", "notiz-frueher-hinweis", TEXTE.frueherHinweis));
    box.appendChild(element("p", "notiz-frueher-text", entry.note));
    var tools = element("div", "notiz-frueher-knoepfe");
    if (targets.length) {
      var label = element("label", "", TEXTE.ziel);
      label.htmlFor = "ziel-" + key;
      var select = element("select");
      select.id = "ziel-" + key;
      targets.forEach(function (target) {
        var option = element("option", "", target.label);
        option.value = target.value;
        select.appendChild(option);
      });
      var move = element("button", "knopf", TEXTE.verschieben);
      move.type = "button";
      move.addEventListener("click", function () {
        moveNote(key, select.value, question);
      });
      tools.appendChild(label);
      tools.appendChild(select);
      tools.appendChild(move);
    }
    var remove = element("button", "knopf", TEXTE.loeschen);
    remove.type = "button";
    remove.addEventListener("click", function () {
      ui.ask({
        title: TEXTE.loeschenFrage,
        text: [TEXTE.loeschenText({ frage: question })],
        choices: [{ value: "ja", label: TEXTE.loeschenJa }, { value: "", label: TEXTE.abbrechen, focus: true }]
      }, remove).then(function (answer) {
        if (answer === "ja") {
          notiz.update(function (state) {
            delete state.questions[key];
          });
        }
      });
    });
    tools.appendChild(remove);
    box.appendChild(tools);
    return box;
  }

  function moveNote(key, target, question) {
    notiz.update(function (state) {
      var text = state.questions[key].note;
      var add = function (mine) {
        return mine ? mine + "\n\n" + TEXTE.verschoben({ frage: question }) + "\n" + text : text;
      };
      if (target.indexOf("karte:") === 0) {
        var card = target.slice(6);
        state.cards[card] = add(state.cards[card] || "");
      } else {
        var mine = state.questions[target];
        state.questions[target] = { question: notiz.wording(target) || "", note: add(mine ? mine.note : "") };
      }
      delete state.questions[key];
    });
    var field = document.querySelector(target.indexOf("karte:") === 0 ?
      "textarea[data-notiz-karte='" + target.slice(6) + "']" : "textarea[data-notiz-frage='" + target + "']");
    if (field) {
      field.focus();
    }
  }

  function targetsOf(card) {
    var targets = [];
    card.blocks.forEach(function (block) {
      block.items.forEach(function (item) {
        targets.push({ value: item.key, label: item.text.replace(/\*+/g, "") });
      });
    });
    targets.push({ value: "karte:" + card.number, label: TEXTE.zielKarte({ nummer: card.number }) });
    return targets;
  }

  function renderEarlier() {
    var keys = earlier();
    var onPage = {};
    page.cards().forEach(function (card) {
      onPage[card.number] = true;
    });
    var others = notiz.otherCards(onPage);
    var now = keys.map(function (key) {
      return key + ":" + notiz.notes().questions[key].note.length;
    }).join(",") + "|" + others.map(function (card) {
      return card.number;
    }).join(",");
    if (now === shown) {
      return;
    }
    shown = now;
    Object.keys(places).forEach(function (number) {
      places[number].textContent = "";
    });
    var section = article.querySelector(".notiz-weitere");
    if (section) {
      section.remove();
    }
    var byCard = {};
    page.cards().forEach(function (card) {
      byCard[card.number] = card;
    });
    keys.forEach(function (key) {
      var card = byCard[cardOf(key)];
      if (card) {
        places[card.number].appendChild(earlierNote(key, targetsOf(card)));
      }
    });
    if (!others.length) {
      return;
    }
    section = element("section", "notiz-weitere");
    section.setAttribute("aria-labelledby", "notiz-weitere");
    var heading = element("h2", "", TEXTE.weitere);
    heading.id = "notiz-weitere";
    section.appendChild(heading);
    section.appendChild(element("p", "", TEXTE.weitereText));
    others.forEach(function (other) {
      var title = element("h3");
      var text = other.title ? TEXTE.karte({ nummer: other.number, titel: other.title }) :
        TEXTE.karteNummer({ nummer: other.number });
      if (other.href) {
        var link = element("a", "", text);
        link.href = other.href;
        title.appendChild(link);
      } else {
        title.textContent = text;
      }
      section.appendChild(title);
      keys.filter(function (key) {
        return cardOf(key) === other.number;
      }).forEach(function (key) {
        section.appendChild(earlierNote(key, [{ value: "karte:" + other.number, label: TEXTE.zielKarte({ nummer: other.number }) }]));
      });
      section.appendChild(notiz.cardField(other.number));
    });
    article.appendChild(section);
  }

  // The card's own note and the place for earlier notes, after the card's last checklist.
  page.cards().forEach(function (card) {
    var last = card.blocks[card.blocks.length - 1].node;
    var place = element("div", "notiz-frueher-liste");
    places[card.number] = place;
    last.parentNode.insertBefore(place, last.nextSibling);
    place.parentNode.insertBefore(notiz.cardField(card.number), place.nextSibling);
  });
  notiz.onRender(renderEarlier);
  notiz.render();
})();
