/* Checklists, the page "Checklisten": the Markdown download, and the same as a document
   an office PC opens (HTML: every browser shows and prints it, on A4, and Word and
   LibreOffice open it; an office PC has no program for Markdown). Card by card the
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

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  // The document's look: A4, plain type, ticks as ☑ and ☐, answers as indented quotes.
  var DOKUMENT_STIL = "@page{size:A4;margin:18mm 20mm}" +
    "body{max-width:46em;margin:1em auto;color:#000;font:11pt/1.4 Arial,Helvetica,sans-serif}" +
    "h1{font-size:18pt}h2{margin-top:1.4em;font-size:14pt}h3{font-size:12pt}h4{font-size:11pt}" +
    "ul.fragen{padding-left:0;list-style:none}ul.fragen>li{margin:0.4em 0}.haken{font-size:13pt}" +
    "blockquote{margin:0.3em 0 0.6em 1.6em;padding-left:0.6em;border-left:2pt solid #777}";

  var ns = window.Kartenfaecher || {};
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
    var lines = [TEXTE.markdownTitel, "", TEXTE.stand({ tag: page.today(), gesamt: page.totalText() }), "", TEXTE.markdownHerkunft];
    var chapter = null;
    var shown = {};
    page.cards().forEach(function (card) {
      if (card.chapter !== chapter) {
        chapter = card.chapter;
        lines.push("", "## " + chapter);
      }
      shown[card.number] = true;
      lines.push("", TEXTE.markdownKarte({ nummer: card.number, titel: card.title }), "", card.href);
      card.blocks.forEach(function (block) {
        lines.push("", "#### " + block.title + " (" + liste.progressText(liste.counted(block.node)) + ")", "");
        block.items.forEach(function (item) {
          lines.push("- [" + (ticks[item.key] ? "x" : " ") + "] " + item.text);
          lines = lines.concat(item.nested);
          var answer = notes.questions[item.key];
          if (answer && answer.note) {
            lines = lines.concat([""], quoted(answer.note, "    ", TEXTE.notiz));
          }
        });
      });
      if (notes.cards[card.number]) {
        lines = lines.concat(["", TEXTE.kartenNotiz({ nummer: card.number }), ""], quoted(notes.cards[card.number], "", ""));
      }
      var earlier = Object.keys(notes.questions).filter(function (key) {
        return !known[key] && key.split("-")[0] === card.number;
      });
      if (earlier.length) {
        lines.push("", TEXTE.frueher, "");
        earlier.forEach(function (key) {
          lines = lines.concat([TEXTE.frueherFrage({ frage: notes.questions[key].question || TEXTE.wortlautUnbekannt }), ""],
            quoted(notes.questions[key].note, "    ", TEXTE.notiz), [""]);
        });
        lines.pop();
      }
    });
    var others = notiz.otherCards(shown);
    if (others.length) {
      lines.push("", TEXTE.weitere);
      others.forEach(function (card) {
        lines.push("", TEXTE.markdownKarte({ nummer: card.number, titel: card.title }), "");
        if (card.href) {
          lines.push(card.href, "");
        }
        Object.keys(notes.questions).forEach(function (key) {
          if (!known[key] && key.split("-")[0] === card.number) {
            lines = lines.concat([TEXTE.frueherFrage({ frage: notes.questions[key].question || TEXTE.wortlautUnbekannt }), ""],
              quoted(notes.questions[key].note, "    ", TEXTE.notiz), [""]);
          }
        });
        if (notes.cards[card.number]) {
          lines = lines.concat(quoted(notes.cards[card.number], "", TEXTE.kartenNotiz({ nummer: card.number }) + " "));
        }
      });
    }
    return lines.join("\n").replace(/\n+$/, "") + "\n";
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function inline(text) {
    return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");
  }

  /* The Markdown above as an HTML document. It reads only the forms markdownExport writes:
     headings, lines of addresses, list items (with a tick box, or nested by four spaces),
     quotes (the answers and notes, within the item above them) and paragraphs. */
  function documentOf(markdown) {
    var lines = markdown.replace(/\n$/, "").split("\n");
    var out = [];
    var open = []; // the levels of the lists open
    var quote = null;
    function closeTo(level) {
      while (open.length && open[open.length - 1] > level) {
        out.push("</li></ul>");
        open.pop();
      }
    }
    function flushQuote() {
      if (quote) {
        out.push("<blockquote><p>" + quote.map(inline).join("<br>") + "</p></blockquote>");
        quote = null;
      }
    }
    lines.forEach(function (line) {
      var quoted = /^ *>(?: (.*))?$/.exec(line);
      if (quoted) {
        (quote = quote || []).push(quoted[1] || "");
        return;
      }
      flushQuote();
      var item = /^( *)- (\[[ x]\] )?(.*)$/.exec(line);
      var heading = /^(#{1,4}) (.*)$/.exec(line);
      if (item) {
        var level = item[1].length / 4;
        closeTo(level);
        if (open.length && open[open.length - 1] === level) {
          out.push("</li>");
        } else {
          out.push(item[2] ? '<ul class="fragen">' : "<ul>");
          open.push(level);
        }
        out.push("<li>" + (item[2] ? '<span class="haken">' + (item[2][1] === "x" ? "☑" : "☐") + "</span> " : "") +
          inline(item[3]));
      } else if (line) {
        closeTo(-1);
        if (heading) {
          out.push("<h" + heading[1].length + ">" + inline(heading[2]) + "</h" + heading[1].length + ">");
        } else if (/^(https?|file):\/\/\S+$/.test(line)) {
          out.push('<p><a href="' + escapeHtml(line) + '">' + escapeHtml(line) + "</a></p>");
        } else {
          out.push("<p>" + inline(line) + "</p>");
        }
      }
    });
    flushQuote();
    closeTo(-1);
    return "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      escapeHtml(TEXTE.markdownTitel.replace(/^# /, "")) + "</title>\n<style>" + DOKUMENT_STIL +
      "</style>\n</head>\n<body>\n" + out.join("\n") + "\n</body>\n</html>\n";
  }

  page.actions.dokument = function () {
    page.download(".html", "text/html", documentOf(markdownExport()));
    page.message(TEXTE.dokumentLaedt);
  };

  page.actions.markdown = function () {
    page.download(".md", "text/markdown", markdownExport());
    page.message(TEXTE.markdownLaedt);
  };
})();
