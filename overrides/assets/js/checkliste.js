/* Checklists: ticks that stay, progress, reset; on the page "Checklisten" also
   export (Markdown, JSON), printing, import and sharing as a link.

   The HTML works without this script: the questions are labelled checkboxes
   (macros/checklists.py). This script keeps the ticks in localStorage under one
   versioned key, as {"version": 1, "geklaert": ["21-3f9a2c1b", …]}: the keys
   are card number and a hash of the question's text, so ticks survive new
   versions of the site. Nothing leaves the browser unless the reader exports
   it or shares a link (the state then travels in the URL fragment, which is
   never sent to a server).

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  var STORE = "ko-produktion.checklisten.v1";
  var FORMAT = "ko-produktion.checklisten";
  var VERSION = 1;
  var KEY = /^[1-9][0-9]{0,3}-[0-9a-f]{8}$/;
  var SHARE = "#teilen=";
  var MAX_IMPORT = 1024 * 1024;

  var blocks = [].slice.call(document.querySelectorAll(".admonition.checkliste[data-karte]"));
  var tools = document.querySelector(".checklisten-werkzeuge");
  if (!blocks.length && !tools) {
    return;
  }

  // -- the ticks and where they are kept ---------------------------------------------

  var area = null; // window.localStorage, when it can be read
  var persistent = false; // whether writing to it works
  var ticks = {}; // key -> true: the ticks as this page knows them
  var notices = {}; // which calm notices were shown already

  function openStorage() {
    try {
      area = window.localStorage;
      area.getItem(STORE);
    } catch (e) {
      area = null;
      return;
    }
    try {
      area.setItem(STORE + ".probe", "1");
      area.removeItem(STORE + ".probe");
      persistent = true;
    } catch (e) {
      persistent = false;
    }
  }

  /* Read a stored value: the valid keys, and whether anything had to be dropped. */
  function parseStored(raw) {
    var result = { ticks: {}, damaged: false, unreadable: false };
    if (raw === null || raw === undefined) {
      return result;
    }
    var data;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      result.damaged = result.unreadable = true;
      return result;
    }
    var list = Array.isArray(data) ? data : data && typeof data === "object" ? data.geklaert : null;
    if (!data || data.version !== VERSION || !Array.isArray(data.geklaert)) {
      result.damaged = true;
    }
    if (Array.isArray(list)) {
      list.forEach(function (key) {
        if (typeof key === "string" && KEY.test(key)) {
          result.ticks[key] = true;
        } else {
          result.damaged = true;
        }
      });
    }
    return result;
  }

  function serialise(state) {
    return JSON.stringify({ version: VERSION, geklaert: Object.keys(state).sort() });
  }

  /* The stored ticks, repaired in place if damaged (the unreadable original is kept aside). */
  function load() {
    if (!area) {
      return ticks;
    }
    var raw;
    try {
      raw = area.getItem(STORE);
    } catch (e) {
      return ticks;
    }
    var parsed = parseStored(raw);
    if (parsed.damaged) {
      if (persistent) {
        try {
          if (parsed.unreadable) {
            area.setItem(STORE + ".unlesbar", raw);
          }
          area.setItem(STORE, serialise(parsed.ticks));
        } catch (e) {
          persistent = false;
        }
      }
      notice("repariert", "Ein Teil der hier gespeicherten Häkchen war nicht lesbar und wurde " +
        "übergangen. Alle lesbaren Häkchen sind erhalten.");
    }
    return parsed.ticks;
  }

  function save() {
    if (!persistent) {
      unavailable();
      return;
    }
    try {
      area.setItem(STORE, serialise(ticks));
    } catch (e) {
      persistent = false;
      unavailable();
    }
  }

  function unavailable() {
    notice("nicht-gespeichert", "Dieser Browser lässt die Seite gerade nichts speichern (zum " +
      "Beispiel im privaten Modus oder wenn der Speicher voll ist). Sie können die Fragen " +
      "trotzdem abhaken, aber die Häkchen werden nicht gemerkt, wenn Sie die Seite verlassen." +
      (tools ? " Sichern Sie Ihren Stand vorher als Datei oder Link." : ""));
  }

  /* Change ticks: re-read first, so another tab's ticks are not overwritten. */
  function update(change) {
    if (persistent) {
      ticks = load();
    }
    change(ticks);
    save();
    render();
  }

  function replaceAll(state) {
    ticks = {};
    Object.keys(state).forEach(function (key) {
      ticks[key] = true;
    });
    save();
    render();
  }

  // -- what the page shows -------------------------------------------------------------

  function boxesIn(root) {
    return [].slice.call(root.querySelectorAll("input[data-checkliste-punkt]"));
  }

  function keyOf(box) {
    return box.getAttribute("data-checkliste-punkt");
  }

  function counted(root) {
    var boxes = boxesIn(root);
    var done = boxes.filter(function (box) {
      return ticks[keyOf(box)];
    }).length;
    return { done: done, total: boxes.length };
  }

  function progressText(count) {
    return count.done + " von " + count.total + " geklärt";
  }

  function render() {
    boxesIn(document).forEach(function (box) {
      box.checked = !!ticks[keyOf(box)];
    });
    blocks.forEach(function (block) {
      var count = counted(block);
      var progress = block.querySelector(".checkliste-fortschritt");
      if (progress && progress.textContent !== progressText(count)) {
        progress.textContent = progressText(count);
      }
      var reset = block.querySelector(".checkliste-zuruecksetzen");
      if (reset) {
        reset.setAttribute("aria-disabled", count.done ? "false" : "true");
      }
    });
    if (tools) {
      renderTools();
    }
  }

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

  function cardLabel(number) {
    var heading = document.getElementById("karte-" + number);
    var title = heading && heading.querySelector(".karte-titel");
    if (!title) {
      title = document.querySelector(".karte-kopf .karte-titel");
    }
    return "Karte " + number + (title ? " „" + title.textContent.trim() + "“" : "");
  }

  function enhanceBlock(block) {
    var foot = element("div", "checkliste-fuss");
    var progress = element("p", "checkliste-fortschritt");
    progress.setAttribute("aria-live", "polite");
    var reset = element("button", "checkliste-zuruecksetzen", "Zurücksetzen");
    reset.type = "button";
    var title = block.querySelector(".admonition-title");
    var context = element("span", "visually-hidden", " (" + (title ? title.textContent.trim() : "Checkliste") +
      ", " + cardLabel(block.getAttribute("data-karte")) + ")");
    reset.appendChild(context);
    reset.addEventListener("click", function () {
      if (reset.getAttribute("aria-disabled") === "true") {
        return;
      }
      ask({
        title: "Checkliste zurücksetzen?",
        text: [para("Alle Häkchen dieser Checkliste werden entfernt (" +
          progressText(counted(block)) + "). Das lässt sich nicht rückgängig machen.")],
        choices: [{ value: "ja", label: "Häkchen entfernen" }, { value: "", label: "Abbrechen", focus: true }]
      }, reset).then(function (answer) {
        if (answer !== "ja") {
          return;
        }
        var keys = boxesIn(block).map(keyOf);
        update(function (state) {
          keys.forEach(function (key) {
            delete state[key];
          });
        });
      });
    });
    foot.appendChild(progress);
    if (!tools && overviewLink()) {
      var overview = element("a", "checkliste-alle", "Alle Checklisten");
      overview.href = overviewLink();
      foot.appendChild(overview);
    }
    foot.appendChild(reset);
    block.appendChild(foot);
  }

  /* The page "Checklisten", from the site navigation (its address differs between the
     website and the offline bundle, so it is not written into the script). */
  function overviewLink() {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].textContent.trim() === "Checklisten") {
        return links[i].href;
      }
    }
    return "";
  }

  function notice(id, text) {
    if (notices[id]) {
      return;
    }
    notices[id] = true;
    var note = element("p", "checkliste-hinweis", text);
    note.setAttribute("role", "status");
    note.setAttribute("data-hinweis", id);
    if (tools) {
      tools.insertBefore(note, tools.querySelector(".checklisten-gesamt"));
    } else if (blocks.length) {
      var title = blocks[0].querySelector(".admonition-title");
      blocks[0].insertBefore(note, title ? title.nextSibling : blocks[0].firstChild);
    }
  }

  // -- a dialog that asks (reset, merge or replace) --------------------------------------

  function para(text) {
    return element("p", "", text);
  }

  var dialog = null;

  /* Ask with a modal <dialog>; resolves with the chosen value ("" for cancel or Escape). */
  function ask(options, opener) {
    if (typeof HTMLDialogElement !== "function") {
      var plain = options.text.map(function (node) {
        return node.textContent;
      }).join("\n\n");
      var first = options.choices[0];
      return Promise.resolve(window.confirm(options.title + "\n\n" + plain + "\n\nOK: " + first.label) ? first.value : "");
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
    options.text.forEach(function (node) {
      body.appendChild(node);
    });
    var buttons = element("div", "checkliste-dialog-knoepfe");
    var focus = null;
    options.choices.forEach(function (choice) {
      var button = element("button", "md-button", choice.label);
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

  // -- the page "Checklisten": export, print, import, share -------------------------------

  var toolsReady = false;

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
          title: heading ? heading.textContent.trim() : "Checkliste",
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
    return Object.keys(ticks).filter(function (key) {
      return known[key];
    }).sort();
  }

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
    var count = counted(document);
    return "Insgesamt " + count.done + " von " + count.total + " Fragen geklärt.";
  }

  function renderTools() {
    if (!toolsReady) {
      return;
    }
    tools.querySelector(".checklisten-gesamt").textContent = totalText();
    tools.querySelector(".checklisten-stand").textContent = "Stand: " + today() + " · " + totalText();
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
    var lines = ["# Checklisten – Ko-Produktion", "", "Stand: " + today() + " · " + totalText()];
    var chapter = null;
    pageCards.forEach(function (card) {
      if (card.chapter !== chapter) {
        chapter = card.chapter;
        lines.push("", "## " + chapter);
      }
      lines.push("", "### Karte " + card.number + ": " + card.title, "", card.href);
      card.blocks.forEach(function (block) {
        lines.push("", "#### " + block.title + " (" + progressText(counted(block.node)) + ")", "");
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
    var keys = tickedKnown();
    return JSON.stringify({
      format: FORMAT,
      version: VERSION,
      exportiert: new Date().toISOString(),
      geklaert: keys,
      fragen: keys.map(function (key) {
        return { schluessel: key, karte: Number(key.split("-")[0]), frage: known[key].text };
      })
    }, null, 2) + "\n";
  }

  /* Check a state from a file or link; returns {ticks} or {error: text}. */
  function readTransfer(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return { error: "Sie enthält keinen Checklisten-Stand." };
    }
    if (data.format !== undefined && data.format !== FORMAT) {
      return { error: "Sie enthält keinen Checklisten-Stand dieser Website." };
    }
    if (typeof data.version !== "number") {
      return { error: "Ihr fehlt die Versionsangabe." };
    }
    if (data.version !== VERSION) {
      return { error: "Sie stammt aus einer anderen Fassung der Website (Version " + data.version + ")." };
    }
    if (!Array.isArray(data.geklaert)) {
      return { error: "Ihr fehlt die Liste der geklärten Fragen." };
    }
    var state = {};
    for (var i = 0; i < data.geklaert.length; i += 1) {
      var key = data.geklaert[i];
      if (typeof key !== "string" || !KEY.test(key)) {
        return { error: "Der Eintrag Nr. " + (i + 1) + " ist keine gültige Frage." };
      }
      state[key] = true;
    }
    return { ticks: state };
  }

  function encodeShare(keys) {
    var json = JSON.stringify({ version: VERSION, geklaert: keys });
    return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeShare(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) {
      return { error: "Er enthält Zeichen, die nicht dazugehören (vielleicht wurde er beim Kopieren abgeschnitten oder umbrochen)." };
    }
    var json;
    try {
      var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
      json = atob(base64 + "===".slice((base64.length + 3) % 4));
    } catch (e) {
      return { error: "Er ist unvollständig (vielleicht wurde er beim Kopieren abgeschnitten)." };
    }
    var data;
    try {
      data = JSON.parse(json);
    } catch (e) {
      return { error: "Er ist unvollständig (vielleicht wurde er beim Kopieren abgeschnitten)." };
    }
    return readTransfer(data);
  }

  function shareLink() {
    return location.href.split("#")[0] + SHARE + encodeShare(tickedKnown());
  }

  function fillShare() {
    var link = shareLink();
    tools.querySelector("#checklisten-link").value = link;
    var count = tickedKnown().length;
    var mail = tools.querySelector("[data-aktion='link-mail']");
    mail.href = "mailto:?subject=" + encodeURIComponent("Unser Stand der Checklisten (Ko-Produktion)") +
      "&body=" + encodeURIComponent("Hier ist mein Stand der Checklisten aus dem Handlungsleitfaden " +
        "„Ko-Produktion“ (" + count + " Fragen geklärt). Wenn du den Link öffnest, kannst du ihn mit " +
        "deinem Stand zusammenführen:\n\n" + link + "\n");
  }

  function clearFragment() {
    try {
      history.replaceState(history.state, "", location.href.split("#")[0]);
    } catch (e) {
      // Some browsers refuse this on file://; the fragment then stays, harmlessly.
    }
  }

  /* Show what an incoming state holds, then merge, replace or cancel. */
  function offer(state, source, opener) {
    var known = knownKeys();
    var keys = Object.keys(state);
    var unknown = keys.filter(function (key) {
      return !known[key];
    });
    var text = [];
    var knownCount = keys.length - unknown.length;
    text.push(para(source + " enthält " + (knownCount === 1 ? "eine geklärte Frage" :
      (knownCount || "keine") + " geklärte Fragen") + (knownCount ? ":" : ".")));
    if (knownCount) {
      var list = element("ul", "checkliste-dialog-liste");
      pageCards.forEach(function (card) {
        var items = [];
        card.blocks.forEach(function (block) {
          items = items.concat(block.items);
        });
        var ticked = items.filter(function (item) {
          return state[item.key];
        });
        if (!ticked.length) {
          return;
        }
        var entry = element("li", "", "Karte " + card.number + " „" + card.title + "“: " +
          ticked.length + " von " + items.length + " geklärt");
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
      text.push(para(unknown.length === 1 ? "Dazu kommt eine Frage, die es in dieser Fassung der Website nicht gibt." :
        "Dazu kommen " + unknown.length + " Fragen, die es in dieser Fassung der Website nicht gibt."));
    }
    text.push(para("Bei Ihnen sind zurzeit " + counted(document).done + " von " + counted(document).total +
      " Fragen geklärt. Zusammenführen: Was in einem der beiden Stände abgehakt ist, bleibt abgehakt. " +
      "Ersetzen: Ihr bisheriger Stand wird durch diesen ersetzt."));
    return ask({
      title: "Stand übernehmen?",
      text: text,
      choices: [{ value: "zusammenfuehren", label: "Zusammenführen", focus: true },
        { value: "ersetzen", label: "Ersetzen" }, { value: "", label: "Abbrechen" }]
    }, opener).then(function (answer) {
      if (answer === "zusammenfuehren") {
        update(function (current) {
          keys.forEach(function (key) {
            current[key] = true;
          });
        });
        message("Zusammengeführt. " + totalText());
      } else if (answer === "ersetzen") {
        replaceAll(state);
        message("Ersetzt. " + totalText());
      } else {
        message("Nichts übernommen. Ihre Häkchen sind unverändert.");
      }
      return answer;
    });
  }

  function openShared() {
    if (location.hash.indexOf(SHARE) !== 0) {
      return;
    }
    var result = decodeShare(location.hash.slice(SHARE.length));
    clearFragment();
    if (result.error) {
      message("Der geöffnete Link enthält keinen lesbaren Checklisten-Stand. " + result.error +
        " Ihre Häkchen sind unverändert.", true);
      return;
    }
    offer(result.ticks, "Der geöffnete Link", null);
  }

  function importFile(file) {
    var name = "„" + file.name + "“";
    if (file.size > MAX_IMPORT) {
      message("Die Datei " + name + " ist zu groß für einen Checklisten-Stand. Ihre Häkchen sind unverändert.", true);
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () {
      message("Die Datei " + name + " ließ sich nicht lesen. Ihre Häkchen sind unverändert.", true);
    };
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(String(reader.result).replace(/^\uFEFF/, ""));
      } catch (e) {
        message("Die Datei " + name + " ist keine JSON-Datei dieser Website und wurde nicht eingelesen. " +
          "Ihre Häkchen sind unverändert.", true);
        return;
      }
      var result = readTransfer(data);
      if (!result.error && data.format !== FORMAT) {
        result = { error: "Sie enthält keinen Checklisten-Stand dieser Website." };
      }
      if (result.error) {
        message("Die Datei " + name + " wurde nicht eingelesen. " + result.error +
          " Ihre Häkchen sind unverändert.", true);
        return;
      }
      offer(result.ticks, "Die Datei " + name, tools.querySelector("[data-aktion='json-import']"));
    };
    reader.readAsText(file);
  }

  function copyLink(button) {
    var field = tools.querySelector("#checklisten-link");
    var done = function () {
      message("Der Link ist in der Zwischenablage.");
    };
    var manual = function () {
      field.focus();
      field.select();
      message("Kopieren ging hier nicht automatisch. Der Link ist markiert: Kopieren Sie ihn mit Strg+C (Mac: ⌘+C).");
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

  var actions = {
    "markdown": function () {
      download("checklisten-ko-produktion-" + isoDay() + ".md", "text/markdown", markdownExport());
      message("Die Checklisten werden als Markdown-Datei heruntergeladen.");
    },
    "drucken": function () {
      renderTools();
      window.print();
    },
    "json-export": function () {
      download("checklisten-ko-produktion-" + isoDay() + ".json", "application/json", jsonExport());
      message("Ihr Stand wird als JSON-Datei heruntergeladen. Mit „JSON-Datei einlesen“ holen Sie ihn zurück.");
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
      ask({
        title: "Alle Häkchen entfernen?",
        text: [para("Alle Häkchen aller Checklisten werden entfernt (zurzeit " + counted(document).done + " von " +
          counted(document).total + " Fragen geklärt). Sichern Sie Ihren Stand vorher als Datei, wenn Sie ihn " +
          "noch brauchen.")],
        choices: [{ value: "ja", label: "Alle entfernen" }, { value: "", label: "Abbrechen", focus: true }]
      }, button).then(function (answer) {
        if (answer === "ja") {
          replaceAll({});
          message("Alle Häkchen wurden entfernt.");
        }
      });
    }
  };

  function enhanceTools() {
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
    toolsReady = true;
  }

  // -- start ---------------------------------------------------------------------------

  openStorage();
  ticks = load();
  blocks.forEach(enhanceBlock);
  if (tools) {
    enhanceTools();
  }
  if (!persistent) {
    unavailable();
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-checkliste-punkt]")) {
      return;
    }
    var key = keyOf(box);
    var on = box.checked;
    update(function (state) {
      if (on) {
        state[key] = true;
      } else {
        delete state[key];
      }
    });
  });
  // Another tab ticked something, or the page came back from the back/forward cache.
  window.addEventListener("storage", function (event) {
    if (event.key === STORE || event.key === null) {
      ticks = load();
      render();
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && persistent) {
      ticks = load();
      render();
    }
  });
  render();
  if (tools) {
    openShared();
  }
})();
