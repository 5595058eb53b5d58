/* One way to ask the reader before something is lost or overwritten (resetting checklists,
   taking over a state or a selection from a file or link, moving or deleting a note), so
   that every such question looks, reads and returns focus alike; and the small node builder
   the scripts that ask share. A shared part: the checklists, the notes and the selection
   use it (Kartenfaecher.dialog).

   A modal <dialog> that names itself by its heading and text; where a browser has no
   <dialog>, window.confirm asks instead. Its look: dialog.css beside this.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

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
  // The answer of the last question, while its close event is still to come: a dialog fires
  // "close" a moment after it closes, and a question asked in that moment must not take it.
  var pending = null;

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
      return Promise.resolve(window.confirm(options.title + "\n\n" + plain + "\n\n" + TEXTE.ersteWahl({ wahl: first.label })) ?
        first.value : "");
    }
    if (pending) {
      pending();  // the last question is answered now, with what it was answered
    }
    if (!dialog) {
      dialog = element("dialog", "dialog");
      dialog.setAttribute("aria-labelledby", "dialog-titel");
      dialog.setAttribute("aria-describedby", "dialog-text");
      document.body.appendChild(dialog);
    }
    dialog.textContent = "";
    var form = element("form");
    form.method = "dialog";
    var heading = element("h2", "", options.title);
    heading.id = "dialog-titel";
    var body = element("div", "dialog-text");
    body.id = "dialog-text";
    parts.forEach(function (node) {
      body.appendChild(node);
    });
    var buttons = element("div", "dialog-knoepfe");
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
    if (dialog.open) {
      dialog.close();  // a question still on screen is replaced: answered as cancelled
    }
    dialog.returnValue = "";
    return new Promise(function (resolve) {
      function answered() {
        dialog.removeEventListener("close", closed);
        pending = null;
        resolve(dialog.returnValue);
      }
      function closed() {
        if (dialog.open) {
          return;  // the close of an earlier question, come late: this one is still asked
        }
        answered();
        if (opener && document.contains(opener)) {
          opener.focus();
        }
      }
      pending = answered;
      dialog.addEventListener("close", closed);
      dialog.showModal();
      (focus || buttons.firstChild).focus();
    });
  }

  window.Kartenfaecher = window.Kartenfaecher || {};
  window.Kartenfaecher.dialog = { ask: ask, element: element };
})();
