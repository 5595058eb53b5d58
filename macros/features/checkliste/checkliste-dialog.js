/* Checklists: one way to ask the reader before ticks are lost or overwritten
   (resetting a checklist or all of them, taking over a state from a file or a
   link), so that every such question looks, reads and returns focus alike; and
   for a state from a file or link, a preview of what it holds, so that nothing is
   taken over unseen.

   A modal <dialog> that names itself by its heading and text; where a browser has
   no <dialog>, window.confirm asks instead. Also the small node builder the other
   checklist scripts share. All sit on KoProduktion.checklisteDialog.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  var TEXTE = {
    ersteWahl: function (label) {
      return "OK: " + label;
    },
    enthaelt: function (source, count) {
      return source + " enthält " + (count === 1 ? "eine geklärte Frage" : (count || "keine") + " geklärte Fragen") +
        (count ? ":" : ".");
    },
    karteGeklaert: function (card, ticked, total) {
      return "Karte " + card.number + " „" + card.title + "“: " + ticked + " von " + total + " geklärt";
    },
    unbekannt: function (count) {
      return count === 1 ? "Dazu kommt eine Frage, die es in dieser Fassung der Website nicht gibt." :
        "Dazu kommen " + count + " Fragen, die es in dieser Fassung der Website nicht gibt.";
    },
    notizen: function (count) {
      return count === 1 ? "Dazu kommt eine Notiz." : "Dazu kommen " + count + " Notizen.";
    },
    bisher: function (count) {
      return "Bei Ihnen sind zurzeit " + count.done + " von " + count.total + " Fragen geklärt. " +
        "Zusammenführen: Was in einem der beiden Stände abgehakt ist, bleibt abgehakt; sagen zwei Notizen " +
        "Verschiedenes, bleiben beide erhalten, die dazugekommene markiert. " +
        "Ersetzen: Ihr bisheriger Stand, Häkchen und Notizen, wird durch diesen ersetzt.";
    },
    uebernehmenFrage: "Stand übernehmen?",
    zusammenfuehren: "Zusammenführen",
    ersetzen: "Ersetzen",
    abbrechen: "Abbrechen"
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /* A string stands for a paragraph of its own. */
  function asNode(part) {
    return typeof part === "string" ? element("p", "", part) : part;
  }

  var dialog = null;

  /* Ask with a modal <dialog>; resolves with the chosen value ("" for cancel or Escape).
     options: {title, text: [string or node], choices: [{value, label, focus}]}; focus
     goes back to `opener` when the dialog closes. */
  function ask(options, opener) {
    var parts = options.text.map(asNode);
    if (typeof HTMLDialogElement !== "function") {
      var plain = parts.map(function (node) {
        return node.textContent;
      }).join("\n\n");
      var first = options.choices[0];
      return Promise.resolve(window.confirm(options.title + "\n\n" + plain + "\n\n" + TEXTE.ersteWahl(first.label)) ?
        first.value : "");
    }
    if (!dialog) {
      dialog = element("dialog", "checkliste-dialog");
      dialog.setAttribute("aria-labelledby", "checkliste-dialog-titel");
      dialog.setAttribute("aria-describedby", "checkliste-dialog-text");
      document.body.appendChild(dialog);
    }
    dialog.textContent = "";
    var form = element("form");
    form.method = "dialog";
    var heading = element("h2", "", options.title);
    heading.id = "checkliste-dialog-titel";
    var body = element("div", "checkliste-dialog-text");
    body.id = "checkliste-dialog-text";
    parts.forEach(function (node) {
      body.appendChild(node);
    });
    var buttons = element("div", "checkliste-dialog-knoepfe");
    var focus = null;
    options.choices.forEach(function (choice) {
      var button = element("button", "knopf", choice.label);
      button.value = choice.value;
      if (choice.focus) {
        focus = button;
      }
      buttons.appendChild(button);
    });
    form.appendChild(heading);
    form.appendChild(body);
    form.appendChild(buttons);
    dialog.appendChild(form);
    dialog.returnValue = "";
    return new Promise(function (resolve) {
      dialog.addEventListener("close", function closed() {
        dialog.removeEventListener("close", closed);
        var answer = dialog.returnValue;
        if (opener && document.contains(opener)) {
          opener.focus();
        }
        resolve(answer);
      });
      dialog.showModal();
      (focus || buttons.firstChild).focus();
    });
  }

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
    var text = [TEXTE.enthaelt(incoming.source, knownCount)];
    if (knownCount) {
      var list = element("ul", "checkliste-dialog-liste");
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
        var entry = element("li", "", TEXTE.karteGeklaert(card, ticked.length, items.length));
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
      text.push(TEXTE.unbekannt(unknown.length));
    }
    if (incoming.notes) {
      text.push(TEXTE.notizen(incoming.notes));
    }
    text.push(TEXTE.bisher(incoming.current));
    return ask({
      title: TEXTE.uebernehmenFrage,
      text: text,
      choices: [{ value: "zusammenfuehren", label: TEXTE.zusammenfuehren, focus: true },
        { value: "ersetzen", label: TEXTE.ersetzen }, { value: "", label: TEXTE.abbrechen }]
    }, opener);
  }

  /* The device's own share sheet (Web Share API: phones, Windows, macOS), where the browser
     has one for data like `data`. */
  function canShare(data) {
    try {
      return typeof navigator.share === "function" &&
        (typeof navigator.canShare !== "function" || navigator.canShare(data));
    } catch (e) {
      return false;
    }
  }

  /* Share `data` ({title, text, url}) there: resolves true once shared, false when the reader
     closed the sheet; rejects when sharing failed (the caller then offers copying). */
  function share(data) {
    return navigator.share(data).then(function () {
      return true;
    }, function (error) {
      if (error && error.name === "AbortError") {
        return false;
      }
      throw error;
    });
  }

  window.KoProduktion = window.KoProduktion || {};
  window.KoProduktion.checklisteDialog = { ask: ask, askTakeOver: askTakeOver, element: element,
    canShare: canShare, share: share };
})();
