/* Checklists: before a state from a file or link is taken over, show what it holds, card by
   card, and ask whether to merge it with the reader's, replace the reader's, or leave
   everything as it is, so that nothing is taken over unseen. Asked with the shared dialog
   (Kartenfaecher.dialog, kartenfaecher/features/gemeinsam/dialog.js); the page „Checklisten“
   (checkliste-uebersicht.js) asks it (Kartenfaecher.checklisteUebernehmen).

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var ui = window.Kartenfaecher && window.Kartenfaecher.dialog;
  if (!ui) {
    return;
  }
  var element = ui.element;
  var ask = ui.ask;

  /* Show what a state from a file or link holds, card by card, and ask whether to merge
     it with the reader's, replace the reader's, or leave everything as it is. Resolves
     with "zusammenfuehren", "ersetzen" or "".
     incoming: {state: key -> true, notes: how many notes come with it, source: text,
     cards: the page's cards (with blocks and items), known: key -> item on this page,
     current: the reader's count}. */
  function askTakeOver(incoming, opener) {
    var keys = Object.keys(incoming.state);
    var unknown = keys.filter(function (key) {
      return !incoming.known[key];
    });
    var knownCount = keys.length - unknown.length;
    var text = [(knownCount ? TEXTE.enthaelt : TEXTE.enthaeltKeine)({ quelle: incoming.source, anzahl: knownCount })];
    if (knownCount) {
      var list = element("ul", "dialog-liste");
      incoming.cards.forEach(function (card) {
        var items = [];
        card.blocks.forEach(function (block) {
          items = items.concat(block.items);
        });
        var ticked = items.filter(function (item) {
          return incoming.state[item.key];
        });
        if (!ticked.length) {
          return;
        }
        var entry = element("li", "", TEXTE.karteGeklaert({ nummer: card.number, titel: card.title, geklaert: ticked.length, gesamt: items.length }));
        var questions = element("ul");
        ticked.forEach(function (item) {
          questions.appendChild(element("li", "", item.text.replace(/\*+/g, "")));
        });
        entry.appendChild(questions);
        list.appendChild(entry);
      });
      text.push(list);
    }
    if (unknown.length) {
      text.push(TEXTE.unbekannt({ anzahl: unknown.length }));
    }
    if (incoming.notes) {
      text.push(TEXTE.notizen({ anzahl: incoming.notes }));
    }
    text.push(TEXTE.bisher({ geklaert: incoming.current.done, gesamt: incoming.current.total }));
    return ask({
      title: TEXTE.uebernehmenFrage,
      text: text,
      choices: [{ value: "zusammenfuehren", label: TEXTE.zusammenfuehren, focus: true },
        { value: "ersetzen", label: TEXTE.ersetzen }, { value: "", label: TEXTE.abbrechen }]
    }, opener);
  }

  window.Kartenfaecher.checklisteUebernehmen = { askTakeOver: askTakeOver };
})();
