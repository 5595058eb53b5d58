/* The page „Meine Auswahl“: the cards a reader keeps for a meeting, in the reader's
   order. Reordering by keyboard (the buttons „Nach oben“ and „Nach unten“) and by
   dragging; a note per card (notiz.js); sharing as a link and as a QR code made here
   in the browser (qrcode-generator, copied from npm at build time; no request); a
   shared selection that comes in is shown first, then taken over, merged or left;
   and „Vorführen“ for the projector view.

   The page carries every card as data (macros/features/auswahl.py); the selection
   itself is kept by auswahl-merken.js (KoProduktion.auswahl), in this browser only.
   A shared link carries the card numbers in its fragment, which is never sent to a
   server: "#teilen=21.8.40-3", the numbers in order and, after "-", how many there
   are, so that a link cut short is noticed.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  var TEXTE = {
    nachOben: "Nach oben",
    nachUnten: "Nach unten",
    entfernen: "Entfernen",
    karte: function (card) {
      return "Karte " + card.karte + " „" + card.titel + "“";
    },
    stelle: function (card, place, count) {
      return "Karte " + card.karte + " steht jetzt an Stelle " + place + " von " + count + ".";
    },
    entfernt: function (card) {
      return "Karte " + card.karte + " ist nicht mehr in Ihrer Auswahl.";
    },
    nichtGespeichert: "Dieser Browser lässt die Seite gerade nichts speichern (zum Beispiel im privaten " +
      "Modus). Ihre Auswahl gilt nur, solange diese Seite offen ist.",
    mailBetreff: "Karten für unser nächstes Treffen (Ko-Produktion)",
    mailText: function (count, link) {
      return "Hier ist meine Auswahl von " + count + (count === 1 ? " Karte" : " Karten") + " aus dem " +
        "Handlungsleitfaden „Ko-Produktion“ für unser nächstes Treffen:\n\n" + link + "\n";
    },
    kopiert: "Der Link ist in der Zwischenablage.",
    vonHandKopieren: "Kopieren ging hier nicht automatisch. Der Link ist markiert: " +
      "Kopieren Sie ihn mit Strg+C (Mac: ⌘+C).",
    qr: function (count) {
      return "QR-Code des Links zu Ihrer Auswahl (" + count + (count === 1 ? " Karte)" : " Karten)");
    },
    linkUnlesbar: "Der geöffnete Link enthält keine lesbare Auswahl (vielleicht wurde er beim Kopieren " +
      "abgeschnitten). Ihre Auswahl ist unverändert.",
    linkEnthaelt: function (count) {
      return "Der geöffnete Link enthält eine Auswahl von " + count + (count === 1 ? " Karte:" : " Karten:");
    },
    linkLeer: "Der geöffnete Link enthält keine Karte, die es in dieser Fassung der Website gibt.",
    unbekannt: function (numbers) {
      return (numbers.length === 1 ? "Eine Karte " + numbers[0] + " gibt" : "Karten mit den Nummern " +
        numbers.join(", ") + " gibt") + " es in dieser Fassung der Website nicht; " +
        (numbers.length === 1 ? "sie wird" : "sie werden") + " übergangen.";
    },
    bisher: function (count) {
      return "Ihre Auswahl hat zurzeit " + count + (count === 1 ? " Karte" : " Karten") + ". Übernehmen: " +
        "Ihre Auswahl wird durch diese ersetzt. Zusammenführen: Die neuen Karten kommen hinten an Ihre dazu.";
    },
    frage: "Auswahl übernehmen?",
    uebernehmen: "Übernehmen",
    zusammenfuehren: "Zusammenführen",
    abbrechen: "Abbrechen",
    uebernommen: "Die Auswahl aus dem Link wurde übernommen.",
    zusammengefuehrt: "Die Auswahl aus dem Link wurde mit Ihrer zusammengeführt.",
    nichtsUebernommen: "Nichts übernommen. Ihre Auswahl ist unverändert.",
    uebergangen: function (numbers) {
      return " Übergangen, weil es sie nicht gibt: " + (numbers.length === 1 ? "Karte " : "Karten ") +
        numbers.join(", ") + ".";
    },
    leerenFrage: "Auswahl leeren?",
    leerenText: function (count) {
      return "Alle " + count + " Karten werden aus Ihrer Auswahl genommen. Ihre Notizen zu den Karten bleiben erhalten.";
    },
    leerenJa: "Auswahl leeren",
    geleert: "Ihre Auswahl ist leer."
  };

  var SHARE = "#teilen=";
  var ns = window.KoProduktion || {};
  var auswahl = ns.auswahl;
  var ui = ns.checklisteDialog;
  var root = document.querySelector("[data-auswahl-seite]");
  if (!root || !auswahl || !ui) {
    return;
  }
  var element = ui.element;
  var listNode = root.querySelector(".auswahl-liste");
  var tools = root.querySelector(".auswahl-werkzeuge");

  // Every card of the site, from the page: number -> {karte, titel, adresse, href, kapitel}.
  var cards = {};
  [].forEach.call(root.querySelectorAll(".auswahl-karten li[data-karte]"), function (item) {
    var link = item.querySelector("a");
    cards[item.getAttribute("data-karte")] = {
      karte: Number(item.getAttribute("data-karte")),
      titel: link.querySelector(".karte-titel").textContent.trim(),
      adresse: link.href.replace(auswahl.root(), ""),
      kapitel: link.getAttribute("data-kapitel"),
      link: link
    };
  });

  function entry(number) {
    var card = cards[number];
    return { karte: card.karte, adresse: card.adresse, titel: card.titel };
  }

  /* The kept cards that exist, with their current address and title. */
  function selection() {
    return auswahl.read().filter(function (kept) {
      return cards[kept.karte];
    }).map(function (kept) {
      return entry(kept.karte);
    });
  }

  function message(text, isError) {
    root.querySelector(".auswahl-meldung").textContent = isError ? "" : text;
    root.querySelector(".auswahl-fehler").textContent = isError ? text : "";
  }

  function save(list) {
    if (!auswahl.write(list)) {
      message(TEXTE.nichtGespeichert);
    }
    render();
  }

  // -- the list ------------------------------------------------------------------------------

  var items = {}; // number -> its <li>, kept across renders (its note field with it)

  function button(label, card, action) {
    var node = element("button", "auswahl-knopf", label);
    node.type = "button";
    node.setAttribute("data-schritt", action);
    node.appendChild(element("span", "visually-hidden", " (" + TEXTE.karte(card) + ")"));
    return node;
  }

  function item(card) {
    var li = element("li", "auswahl-karte");
    li.setAttribute("data-karte", card.karte);
    li.setAttribute("data-kapitel", cards[card.karte].kapitel);
    li.draggable = true;
    var head = element("div", "auswahl-kopf");
    var link = cards[card.karte].link.cloneNode(true);
    link.href = cards[card.karte].link.href + "?" + auswahl.PARAM;
    link.draggable = false;
    head.appendChild(link);
    var steps = element("div", "auswahl-schritte");
    steps.appendChild(button(TEXTE.nachOben, card, "hoch"));
    steps.appendChild(button(TEXTE.nachUnten, card, "runter"));
    steps.appendChild(button(TEXTE.entfernen, card, "entfernen"));
    head.appendChild(steps);
    li.appendChild(head);
    if (ns.notiz) {
      li.appendChild(ns.notiz.cardField(card.karte));
    }
    return li;
  }

  function render() {
    var list = selection();
    var focused = document.activeElement;
    var keep = {};
    list.forEach(function (card, i) {
      var li = items[card.karte] || (items[card.karte] = item(card));
      keep[card.karte] = true;
      if (listNode.children[i] !== li) {
        listNode.insertBefore(li, listNode.children[i] || null);
      }
      li.querySelector("[data-schritt='hoch']").setAttribute("aria-disabled", i === 0 ? "true" : "false");
      li.querySelector("[data-schritt='runter']").setAttribute("aria-disabled", i === list.length - 1 ? "true" : "false");
    });
    Object.keys(items).forEach(function (number) {
      if (!keep[number]) {
        items[number].remove();
        delete items[number];
      }
    });
    if (focused && focused !== document.activeElement && document.contains(focused)) {
      focused.focus();
    }
    listNode.hidden = !list.length;
    tools.hidden = !list.length;
    root.querySelector(".auswahl-anleitung").hidden = list.length < 2;
    root.querySelector(".auswahl-leer").hidden = !!list.length;
    var numbers = list.map(function (card) {
      return card.karte;
    }).join(".");
    root.querySelector("[data-aktion='vorfuehren']").href =
      root.querySelector("[data-aktion='vorfuehren']").href.split("#")[0] + "#auswahl=" + numbers;
    if (!root.querySelector(".auswahl-teilen").hidden) {
      fillShare(list);
    }
    if (ns.notiz) {
      ns.notiz.render();
    }
  }

  function move(number, by) {
    var list = selection();
    var at = list.map(function (card) {
      return card.karte;
    }).indexOf(number);
    var to = at + by;
    if (at < 0 || to < 0 || to >= list.length) {
      return;
    }
    var card = list.splice(at, 1)[0];
    list.splice(to, 0, card);
    save(list);
    message(TEXTE.stelle(card, to + 1, list.length));
  }

  listNode.addEventListener("click", function (event) {
    var step = event.target.closest("[data-schritt]");
    if (!step || step.getAttribute("aria-disabled") === "true") {
      return;
    }
    var number = Number(step.closest("li").getAttribute("data-karte"));
    var action = step.getAttribute("data-schritt");
    if (action === "entfernen") {
      var list = selection();
      var at = list.map(function (card) {
        return card.karte;
      }).indexOf(number);
      var gone = list.splice(at, 1)[0];
      save(list);
      message(TEXTE.entfernt(gone));
      var next = listNode.children[Math.min(at, listNode.children.length - 1)];
      var target = next ? next.querySelector("a") : root.querySelector(".auswahl-leer");
      if (!next) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
      return;
    }
    move(number, action === "hoch" ? -1 : 1);
    step.focus();
  });

  // Dragging: a card is dropped before the card it is let go over (or after the last).
  var dragged = null;
  listNode.addEventListener("dragstart", function (event) {
    var li = event.target.closest && event.target.closest("li.auswahl-karte");
    if (!li || event.target.matches("textarea")) {
      return;
    }
    dragged = Number(li.getAttribute("data-karte"));
    li.classList.add("auswahl-karte--gezogen");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", String(dragged));
  });
  listNode.addEventListener("dragover", function (event) {
    if (dragged !== null) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
  });
  listNode.addEventListener("drop", function (event) {
    if (dragged === null) {
      return;
    }
    event.preventDefault();
    var over = event.target.closest("li.auswahl-karte");
    var list = selection();
    var numbers = list.map(function (card) {
      return card.karte;
    });
    var from = numbers.indexOf(dragged);
    var card = list.splice(from, 1)[0];
    var to = list.length;
    if (over) {
      var target = Number(over.getAttribute("data-karte"));
      var box = over.getBoundingClientRect();
      to = list.map(function (c) {
        return c.karte;
      }).indexOf(target) + (event.clientY > box.top + box.height / 2 ? 1 : 0);
    }
    list.splice(to, 0, card);
    save(list);
    message(TEXTE.stelle(card, to + 1, list.length));
  });
  listNode.addEventListener("dragend", function () {
    [].forEach.call(listNode.querySelectorAll(".auswahl-karte--gezogen"), function (li) {
      li.classList.remove("auswahl-karte--gezogen");
    });
    dragged = null;
  });

  // -- sharing: a link and its QR code --------------------------------------------------------

  function shareLink(list) {
    var here = location.protocol === "file:" && root.getAttribute("data-adresse") ?
      root.getAttribute("data-adresse") : location.href.split("#")[0];
    return here + SHARE + list.map(function (card) {
      return card.karte;
    }).join(".") + "-" + list.length;
  }

  /* The QR code as an SVG of one path (qrcode-generator computes the modules). */
  function qrSvg(text) {
    var code = window.qrcode(0, "M");
    code.addData(text, "Byte");
    code.make();
    var size = code.getModuleCount();
    var quiet = 4;
    var path = "";
    for (var y = 0; y < size; y += 1) {
      for (var x = 0; x < size; x += 1) {
        if (code.isDark(y, x)) {
          var start = x;
          while (x + 1 < size && code.isDark(y, x + 1)) {
            x += 1;
          }
          path += "M" + (start + quiet) + " " + (y + quiet) + "h" + (x - start + 1) + "v1h-" + (x - start + 1) + "z";
        }
      }
    }
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("viewBox", "0 0 " + (size + 2 * quiet) + " " + (size + 2 * quiet));
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("role", "img");
    var back = document.createElementNS(svgNS, "rect");
    back.setAttribute("width", "100%");
    back.setAttribute("height", "100%");
    back.setAttribute("fill", "#fff");
    var modules = document.createElementNS(svgNS, "path");
    modules.setAttribute("d", path);
    modules.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(modules);
    return svg;
  }

  function fillShare(list) {
    var link = shareLink(list);
    var field = root.querySelector("#auswahl-link");
    field.value = link;
    root.querySelector("[data-aktion='link-mail']").href = "mailto:?subject=" +
      encodeURIComponent(TEXTE.mailBetreff) + "&body=" + encodeURIComponent(TEXTE.mailText(list.length, link));
    var picture = root.querySelector(".auswahl-qr-bild");
    if (picture.getAttribute("data-link") !== link && typeof window.qrcode === "function") {
      var svg = qrSvg(link);
      svg.setAttribute("aria-label", TEXTE.qr(list.length));
      picture.textContent = "";
      picture.appendChild(svg);
      picture.setAttribute("data-link", link);
    }
  }

  function copyLink(trigger) {
    var field = root.querySelector("#auswahl-link");
    var manual = function () {
      field.focus();
      field.select();
      message(TEXTE.vonHandKopieren);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(function () {
        message(TEXTE.kopiert);
        trigger.focus();
      }, manual);
    } else {
      manual();
    }
  }

  // -- a shared selection that comes in ---------------------------------------------------------

  /* The numbers in a link's text, or null when it is malformed or cut short. */
  function parseShared(text) {
    var match = /^((?:[1-9][0-9]{0,3})(?:\.[1-9][0-9]{0,3})*)-([1-9][0-9]{0,3})$/.exec(text);
    if (!match) {
      return null;
    }
    var numbers = match[1].split(".").map(Number);
    return numbers.length === Number(match[2]) ? numbers : null;
  }

  function openShared() {
    if (location.hash.indexOf(SHARE) !== 0) {
      return;
    }
    var text = location.hash.slice(SHARE.length);
    try {
      history.replaceState(history.state, "", location.href.split("#")[0]);
    } catch (e) {
      // Some browsers refuse this on file://; the fragment then stays, harmlessly.
    }
    var numbers = parseShared(decodeURIComponent(text));
    if (!numbers) {
      message(TEXTE.linkUnlesbar, true);
      return;
    }
    var seen = {};
    var known = [];
    var unknown = [];
    numbers.forEach(function (number) {
      if (seen[number]) {
        return;
      }
      seen[number] = true;
      (cards[number] ? known : unknown).push(number);
    });
    var text2 = [known.length ? TEXTE.linkEnthaelt(known.length) : TEXTE.linkLeer];
    if (known.length) {
      var preview = element("ol", "checkliste-dialog-liste");
      known.forEach(function (number) {
        preview.appendChild(element("li", "", TEXTE.karte(entry(number))));
      });
      text2.push(preview);
    }
    if (unknown.length) {
      text2.push(TEXTE.unbekannt(unknown));
    }
    text2.push(TEXTE.bisher(selection().length));
    var skipped = unknown.length ? TEXTE.uebergangen(unknown) : "";
    if (!known.length) {
      message(TEXTE.linkLeer + skipped + " " + TEXTE.nichtsUebernommen, true);
      return;
    }
    ui.ask({
      title: TEXTE.frage,
      text: text2,
      choices: [{ value: "uebernehmen", label: TEXTE.uebernehmen, focus: true },
        { value: "zusammenfuehren", label: TEXTE.zusammenfuehren }, { value: "", label: TEXTE.abbrechen }]
    }, null).then(function (answer) {
      var incoming = known.map(entry);
      if (answer === "uebernehmen") {
        save(incoming);
        message(TEXTE.uebernommen + skipped);
      } else if (answer === "zusammenfuehren") {
        var list = selection();
        var have = {};
        list.forEach(function (card) {
          have[card.karte] = true;
        });
        save(list.concat(incoming.filter(function (card) {
          return !have[card.karte];
        })));
        message(TEXTE.zusammengefuehrt + skipped);
      } else {
        message(TEXTE.nichtsUebernommen + skipped);
      }
    });
  }

  // -- the buttons and start -------------------------------------------------------------------

  var actions = {
    "teilen": function (trigger) {
      var panel = root.querySelector(".auswahl-teilen");
      panel.hidden = !panel.hidden;
      trigger.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
      if (!panel.hidden) {
        fillShare(selection());
        root.querySelector("#auswahl-link").focus();
      }
    },
    "link-kopieren": copyLink,
    "leeren": function (trigger) {
      ui.ask({
        title: TEXTE.leerenFrage,
        text: [TEXTE.leerenText(selection().length)],
        choices: [{ value: "ja", label: TEXTE.leerenJa }, { value: "", label: TEXTE.abbrechen, focus: true }]
      }, trigger).then(function (answer) {
        if (answer === "ja") {
          save([]);
          message(TEXTE.geleert);
        }
      });
    }
  };

  tools.addEventListener("click", function (event) {
    var trigger = event.target.closest("[data-aktion]");
    var action = trigger && actions[trigger.getAttribute("data-aktion")];
    if (action) {
      event.preventDefault();
      action(trigger);
    }
  });
  root.querySelector("#auswahl-link").addEventListener("focus", function (event) {
    event.target.select();
  });
  window.addEventListener("storage", function (event) {
    if (event.key === auswahl.STORE || event.key === null) {
      render();
    }
  });
  window.addEventListener("hashchange", openShared);
  // Keep the stored addresses and titles current (a card may have moved in a new version).
  var current = selection();
  if (JSON.stringify(current) !== JSON.stringify(auswahl.read())) {
    auswahl.write(current);
  }
  render();
  openShared();
})();
