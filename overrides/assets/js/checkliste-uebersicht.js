/* Checklists, the page "Checklisten": a state the partners can keep, print and pass
   on, because the ticks otherwise live in one browser only. Export as Markdown or
   JSON, a printed worksheet, import of a JSON file, and sharing as a link (the state
   travels in the URL fragment, which is never sent to a server); a state that comes
   in is shown first and only taken over when the reader says so.

   The tools are written hidden by overrides/partials/checkliste-werkzeuge.html
   (without JavaScript they could do nothing); this script shows them. It builds on checkliste.js (the ticks),
   checkliste-speicher.js (the format) and checkliste-dialog.js (asking, and showing
   what a file or link holds).

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  var TEXTE = {
    insgesamt: function (count) {
      return "Insgesamt " + count.done + " von " + count.total + " Fragen geklärt.";
    },
    stand: function (day, total) {
      return "Stand: " + day + " · " + total;
    },
    dateiname: "checklisten-ko-produktion-",
    markdownTitel: "# Checklisten – Ko-Produktion",
    markdownKarte: function (card) {
      return "### Karte " + card.number + ": " + card.title;
    },
    checkliste: "Checkliste",
    mailBetreff: "Unser Stand der Checklisten (Ko-Produktion)",
    mailText: function (count, link) {
      return "Hier ist mein Stand der Checklisten aus dem Handlungsleitfaden „Ko-Produktion“ (" + count +
        " Fragen geklärt). Wenn du den Link öffnest, kannst du ihn mit deinem Stand zusammenführen:\n\n" + link + "\n";
    },
    abbrechen: "Abbrechen",
    zusammengefuehrt: "Zusammengeführt. ",
    ersetzt: "Ersetzt. ",
    nichtsUebernommen: "Nichts übernommen. Ihre Häkchen sind unverändert.",
    linkUnlesbar: function (why) {
      return "Der geöffnete Link enthält keinen lesbaren Checklisten-Stand. " + why + " Ihre Häkchen sind unverändert.";
    },
    linkQuelle: "Der geöffnete Link",
    datei: function (name) {
      return "Die Datei „" + name + "“";
    },
    zuGross: function (datei) {
      return datei + " ist zu groß für einen Checklisten-Stand. Ihre Häkchen sind unverändert.";
    },
    nichtLesbar: function (datei) {
      return datei + " ließ sich nicht lesen. Ihre Häkchen sind unverändert.";
    },
    keinJson: function (datei) {
      return datei + " ist keine JSON-Datei dieser Website und wurde nicht eingelesen. Ihre Häkchen sind unverändert.";
    },
    nichtEingelesen: function (datei, why) {
      return datei + " wurde nicht eingelesen. " + why + " Ihre Häkchen sind unverändert.";
    },
    kopiert: "Der Link ist in der Zwischenablage.",
    vonHandKopieren: "Kopieren ging hier nicht automatisch. Der Link ist markiert: " +
      "Kopieren Sie ihn mit Strg+C (Mac: ⌘+C).",
    markdownLaedt: "Die Checklisten werden als Markdown-Datei heruntergeladen.",
    jsonLaedt: "Ihr Stand wird als JSON-Datei heruntergeladen. Mit „JSON-Datei einlesen“ holen Sie ihn zurück.",
    alleFrage: "Alle Häkchen entfernen?",
    alleText: function (count) {
      return "Alle Häkchen aller Checklisten werden entfernt (zurzeit " + count.done + " von " + count.total +
        " Fragen geklärt). Sichern Sie Ihren Stand vorher als Datei, wenn Sie ihn noch brauchen.";
    },
    alleJa: "Alle entfernen",
    alleEntfernt: "Alle Häkchen wurden entfernt."
  };

  var SHARE = "#teilen=";
  var MAX_IMPORT = 1024 * 1024;

  var tools = document.querySelector(".checklisten-werkzeuge");
  var ns = window.KoProduktion || {};
  var speicher = ns.checklisteSpeicher;
  var ui = ns.checklisteDialog;
  var liste = ns.checkliste;
  if (!tools || !speicher || !ui || !liste) {
    return;
  }
  var element = ui.element;

  // -- the page as data ------------------------------------------------------------------

  function itemText(label) {
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

  function totalText() {
    return TEXTE.insgesamt(liste.counted(document));
  }

  function renderTools() {
    tools.querySelector(".checklisten-gesamt").textContent = totalText();
    tools.querySelector(".checklisten-stand").textContent = TEXTE.stand(today(), totalText());
    var panel = tools.querySelector(".checklisten-teilen");
    if (!panel.hidden) {
      fillShare();
    }
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

  function markdownExport() {
    var ticks = liste.ticks();
    var lines = [TEXTE.markdownTitel, "", TEXTE.stand(today(), totalText())];
    var chapter = null;
    pageCards.forEach(function (card) {
      if (card.chapter !== chapter) {
        chapter = card.chapter;
        lines.push("", "## " + chapter);
      }
      lines.push("", TEXTE.markdownKarte(card), "", card.href);
      card.blocks.forEach(function (block) {
        lines.push("", "#### " + block.title + " (" + liste.progressText(liste.counted(block.node)) + ")", "");
        block.items.forEach(function (item) {
          lines.push("- [" + (ticks[item.key] ? "x" : " ") + "] " + item.text);
          lines = lines.concat(item.nested);
        });
      });
    });
    return lines.join("\n") + "\n";
  }

  function jsonExport() {
    var known = knownKeys();
    return speicher.exportFile(tickedKnown().map(function (key) {
      return { key: key, text: known[key].text };
    }), new Date());
  }

  // -- sharing as a link -----------------------------------------------------------------

  function shareLink() {
    return location.href.split("#")[0] + SHARE + speicher.encodeShare(tickedKnown());
  }

  function fillShare() {
    var link = shareLink();
    tools.querySelector("#checklisten-link").value = link;
    var mail = tools.querySelector("[data-aktion='link-mail']");
    mail.href = "mailto:?subject=" + encodeURIComponent(TEXTE.mailBetreff) +
      "&body=" + encodeURIComponent(TEXTE.mailText(tickedKnown().length, link));
  }

  function clearFragment() {
    try {
      history.replaceState(history.state, "", location.href.split("#")[0]);
    } catch (e) {
      // Some browsers refuse this on file://; the fragment then stays, harmlessly.
    }
  }

  function copyLink(button) {
    var field = tools.querySelector("#checklisten-link");
    var done = function () {
      message(TEXTE.kopiert);
    };
    var manual = function () {
      field.focus();
      field.select();
      message(TEXTE.vonHandKopieren);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, manual);
      return;
    }
    field.select();
    try {
      if (document.execCommand("copy")) {
        done();
        button.focus();
        return;
      }
    } catch (e) {
      // fall through
    }
    manual();
  }

  // -- a state that comes in: from a link or a file --------------------------------------

  /* Show what an incoming state holds (checkliste-dialog.js), then merge, replace or cancel. */
  function offer(state, source, opener) {
    return ui.askTakeOver({
      state: state,
      source: source,
      cards: pageCards,
      known: knownKeys(),
      current: liste.counted(document)
    }, opener).then(function (answer) {
      if (answer === "zusammenfuehren") {
        liste.update(function (current) {
          speicher.merge(current, state);
        });
        message(TEXTE.zusammengefuehrt + totalText());
      } else if (answer === "ersetzen") {
        liste.replaceAll(state);
        message(TEXTE.ersetzt + totalText());
      } else {
        message(TEXTE.nichtsUebernommen);
      }
      return answer;
    });
  }

  function openShared() {
    if (location.hash.indexOf(SHARE) !== 0) {
      return;
    }
    var result = speicher.decodeShare(location.hash.slice(SHARE.length));
    clearFragment();
    if (result.error) {
      message(TEXTE.linkUnlesbar(result.error), true);
      return;
    }
    offer(result.ticks, TEXTE.linkQuelle, null);
  }

  function importFile(file) {
    var name = TEXTE.datei(file.name);
    if (file.size > MAX_IMPORT) {
      message(TEXTE.zuGross(name), true);
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () {
      message(TEXTE.nichtLesbar(name), true);
    };
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(String(reader.result).replace(/^\uFEFF/, ""));
      } catch (e) {
        message(TEXTE.keinJson(name), true);
        return;
      }
      var result = speicher.readTransfer(data, true);
      if (result.error) {
        message(TEXTE.nichtEingelesen(name, result.error), true);
        return;
      }
      offer(result.ticks, name, tools.querySelector("[data-aktion='json-import']"));
    };
    reader.readAsText(file);
  }

  // -- the buttons -----------------------------------------------------------------------

  var actions = {
    "markdown": function () {
      download(TEXTE.dateiname + isoDay() + ".md", "text/markdown", markdownExport());
      message(TEXTE.markdownLaedt);
    },
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
    "teilen": function (button) {
      var panel = tools.querySelector(".checklisten-teilen");
      panel.hidden = !panel.hidden;
      button.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
      if (!panel.hidden) {
        fillShare();
        var field = tools.querySelector("#checklisten-link");
        field.focus();
        field.select();
      }
    },
    "link-kopieren": copyLink,
    "alle-zuruecksetzen": function (button) {
      ui.ask({
        title: TEXTE.alleFrage,
        text: [TEXTE.alleText(liste.counted(document))],
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
  tools.querySelector("#checklisten-link").addEventListener("focus", function (event) {
    event.target.select();
  });
  window.addEventListener("hashchange", openShared);
  liste.onRender(renderTools);
  renderTools();
  openShared();
})();
