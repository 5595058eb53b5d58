/* Checklists, the page "Checklisten": the Markdown download. Card by card the
   questions with their ticks, the answers written under them, the card's note, and
   notes kept for questions whose wording has changed; then notes to cards without a
   checklist. Raw material for a cooperation agreement (card 6 recommends one): the
   questions are the authors', marked as theirs; the answers are the reader's; our
   own words are only the headings and labels.

   Builds on checkliste-uebersicht.js (the page as data, the download) and on
   checkliste.js and notiz.js (ticks and notes). A classic script (no modules): the
   offline bundle is opened from file://. */
(function () {
  "use strict";

  var TEXTE = {
    markdownTitel: "# Checklisten – Ko-Produktion",
    markdownKarte: function (card) {
      return "### Karte " + card.number + ": " + card.title;
    },
    markdownHerkunft: "Die Fragen stammen aus dem Handlungsleitfaden „Ko-Produktion“ (Vollmer, Calbet i Elias, " +
      "Raab, Zanders, Kleine 2023, KoopWohl, CC BY-NC-SA 4.0). Häkchen, Antworten und Notizen sind Ihre eigenen.",
    notiz: "**Notiz:** ",
    kartenNotiz: function (number) {
      return "**Notiz zu Karte " + number + ":**";
    },
    frueher: "#### Frühere Fassungen von Fragen dieser Karte",
    frueherFrage: function (text) {
      return "- „" + (text || "Wortlaut unbekannt") + "“ (so nicht mehr auf der Karte)";
    },
    weitere: "## Notizen zu weiteren Karten",
    stand: function (day, total) {
      return "Stand: " + day + " · " + total;
    },
    markdownLaedt: "Die Checklisten werden als Markdown-Datei heruntergeladen."
  };

  var ns = window.KoProduktion || {};
  var page = ns.checklisteUebersicht;
  var liste = ns.checkliste;
  var notiz = ns.notiz;
  if (!page || !liste || !notiz) {
    return;
  }

  /* A note as Markdown below a question: a quote, indented into the list item. */
  function quoted(text, indent, first) {
    return text.split("\n").map(function (line, i) {
      return indent + ">" + (i ? (line ? " " + line : "") : " " + first + line);
    });
  }

  function markdownExport() {
    var ticks = liste.ticks();
    var notes = notiz.notes();
    var known = page.knownKeys();
    var lines = [TEXTE.markdownTitel, "", TEXTE.stand(page.today(), page.totalText()), "", TEXTE.markdownHerkunft];
    var chapter = null;
    var shown = {};
    page.cards().forEach(function (card) {
      if (card.chapter !== chapter) {
        chapter = card.chapter;
        lines.push("", "## " + chapter);
      }
      shown[card.number] = true;
      lines.push("", TEXTE.markdownKarte(card), "", card.href);
      card.blocks.forEach(function (block) {
        lines.push("", "#### " + block.title + " (" + liste.progressText(liste.counted(block.node)) + ")", "");
        block.items.forEach(function (item) {
          lines.push("- [" + (ticks[item.key] ? "x" : " ") + "] " + item.text);
          lines = lines.concat(item.nested);
          var answer = notes.fragen[item.key];
          if (answer && answer.notiz) {
            lines = lines.concat([""], quoted(answer.notiz, "    ", TEXTE.notiz));
          }
        });
      });
      if (notes.karten[card.number]) {
        lines = lines.concat(["", TEXTE.kartenNotiz(card.number), ""], quoted(notes.karten[card.number], "", ""));
      }
      var earlier = Object.keys(notes.fragen).filter(function (key) {
        return !known[key] && key.split("-")[0] === card.number;
      });
      if (earlier.length) {
        lines.push("", TEXTE.frueher, "");
        earlier.forEach(function (key) {
          lines = lines.concat([TEXTE.frueherFrage(notes.fragen[key].frage), ""],
            quoted(notes.fragen[key].notiz, "    ", TEXTE.notiz), [""]);
        });
        lines.pop();
      }
    });
    var others = notiz.otherCards(shown);
    if (others.length) {
      lines.push("", TEXTE.weitere);
      others.forEach(function (card) {
        lines.push("", TEXTE.markdownKarte(card), "");
        if (card.href) {
          lines.push(card.href, "");
        }
        Object.keys(notes.fragen).forEach(function (key) {
          if (!known[key] && key.split("-")[0] === card.number) {
            lines = lines.concat([TEXTE.frueherFrage(notes.fragen[key].frage), ""],
              quoted(notes.fragen[key].notiz, "    ", TEXTE.notiz), [""]);
          }
        });
        if (notes.karten[card.number]) {
          lines = lines.concat(quoted(notes.karten[card.number], "", TEXTE.kartenNotiz(card.number) + " "));
        }
      });
    }
    return lines.join("\n").replace(/\n+$/, "") + "\n";
  }

  page.actions.markdown = function () {
    page.download(".md", "text/markdown", markdownExport());
    page.message(TEXTE.markdownLaedt);
  };
})();
