/* The page „Meine Auswahl“: the selection shared as a link and as a QR code, and a
   shared selection that comes in. The link carries the card numbers in its fragment,
   which is never sent to a server: "#teilen=21.8.40-3", the numbers in order and,
   after "-", how many there are, so that a link cut short is noticed. From file://
   the link and its code point to the public site (a path on the reader's disk would
   help nobody). The QR code is drawn here, in the browser, with qrcode-generator
   (from npm, copied at build time: kartenfaecher/outputs/vendor.py); no request. A shared
   selection is shown first, then taken over, merged, only looked at (its cards above
   the reader's own, which stays as it is) or left; cards it names that do not exist
   are left out, and the page says which. Where the browser has the Web Share API, the
   link also goes to the device's share sheet.

   Builds on auswahl.js (Kartenfaecher.auswahlSeite), the shared dialog and sharing
   (Kartenfaecher.dialog, Kartenfaecher.teilen: kartenfaecher/features/gemeinsam/). A classic
   script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var SHARE = "#teilen=";
  var ns = window.Kartenfaecher || {};
  var page = ns.auswahlSeite;
  var ui = ns.dialog;
  if (!page || !ui || !ns.teilen) {
    return;
  }
  var root = page.root;
  var element = ui.element;

  // -- sharing: a link and its QR code --------------------------------------------------------

  function shareLink(list) {
    var here = location.protocol === "file:" && root.getAttribute("data-adresse") ?
      root.getAttribute("data-adresse") : location.href.split("#")[0];
    return here + SHARE + list.map(function (card) {
      return card.number;
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
      encodeURIComponent(TEXTE.mailBetreff) + "&body=" + encodeURIComponent(TEXTE.mailText({ anzahl: list.length, link: link }));
    var picture = root.querySelector(".auswahl-qr-bild");
    if (picture.getAttribute("data-link") !== link && typeof window.qrcode === "function") {
      var svg = qrSvg(link);
      svg.setAttribute("aria-label", TEXTE.qr({ anzahl: list.length }));
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
      page.message(TEXTE.vonHandKopieren);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(function () {
        page.message(TEXTE.kopiert);
        trigger.focus();
      }, manual);
    } else {
      manual();
    }
  }

  // -- a shared selection that comes in ---------------------------------------------------------

  /* The numbers in a link's (percent-encoded) text, or null when it is malformed, cut short
     or a cut or a typo broke an escape ("%E0%A4%A"). */
  function parseShared(text) {
    try {
      text = decodeURIComponent(text);
    } catch (e) {
      return null;
    }
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
    var numbers = parseShared(text);
    if (!numbers) {
      page.message(TEXTE.linkUnlesbar, true);
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
      (page.cards[number] ? known : unknown).push(number);
    });
    var text2 = [known.length ? TEXTE.linkEnthaelt({ anzahl: known.length }) : TEXTE.linkLeer];
    if (known.length) {
      var preview = element("ol", "dialog-liste");
      known.forEach(function (number) {
        var entry = page.entry(number);
        preview.appendChild(element("li", "", TEXTE.karte({ nummer: entry.number, titel: entry.title })));
      });
      text2.push(preview);
    }
    if (unknown.length) {
      text2.push(TEXTE.unbekannt({ anzahl: unknown.length, nummern: unknown.join(", ") }));
    }
    text2.push(TEXTE.bisher({ anzahl: page.selection().length }));
    var skipped = unknown.length ? TEXTE.uebergangen({ anzahl: unknown.length, nummern: unknown.join(", ") }) : "";
    if (!known.length) {
      page.message(TEXTE.linkLeer + skipped + " " + TEXTE.nichtsUebernommen, true);
      return;
    }
    ui.ask({
      title: TEXTE.frage,
      text: text2,
      // Looking first: it changes nothing, so it is what Enter does.
      choices: [{ value: "ansehen", label: TEXTE.ansehen, focus: true },
        { value: "uebernehmen", label: TEXTE.uebernehmen },
        { value: "zusammenfuehren", label: TEXTE.zusammenfuehren }, { value: "", label: TEXTE.abbrechen }]
    }, null).then(function (answer) {
      if (answer === "ansehen") {
        look(known, skipped);
      } else {
        take(answer, known, skipped);
      }
    });
  }

  /* The cards of a link taken over ("uebernehmen"), added to the reader's ("zusammenfuehren"),
     or neither. */
  function take(answer, known, skipped) {
    var incoming = known.map(page.entry);
    if (answer === "uebernehmen") {
      page.save(incoming);
      page.message(TEXTE.uebernommen + skipped);
    } else if (answer === "zusammenfuehren") {
      var list = page.selection();
      var have = {};
      list.forEach(function (card) {
        have[card.number] = true;
      });
      page.save(list.concat(incoming.filter(function (card) {
        return !have[card.number];
      })));
      page.message(TEXTE.zusammengefuehrt + skipped);
    } else {
      page.message(TEXTE.nichtsUebernommen + skipped);
    }
  }

  /* „Nur ansehen“: the link's cards above the reader's own selection, as links to the cards,
     with the projector view of them, and taking them over after all; nothing is stored. */
  function look(known, skipped) {
    var old = root.querySelector(".auswahl-ansicht");
    if (old) {
      old.parentNode.removeChild(old);
    }
    var view = element("section", "auswahl-ansicht");
    view.setAttribute("aria-labelledby", "auswahl-ansicht-titel");
    var heading = element("h2", "", TEXTE.ansicht({ anzahl: known.length }));
    heading.id = "auswahl-ansicht-titel";
    heading.tabIndex = -1;
    view.appendChild(heading);
    view.appendChild(element("p", "", TEXTE.ansichtText + skipped));
    var list = element("ol", "auswahl-ansicht-liste");
    known.forEach(function (number) {
      var item = element("li", "");
      item.setAttribute("data-karte", String(number));
      item.appendChild(page.cards[number].link.cloneNode(true));
      list.appendChild(item);
    });
    view.appendChild(list);
    var buttons = element("div", "auswahl-knoepfe");
    var show = element("a", "knopf", TEXTE.vorfuehren);
    show.href = root.querySelector("[data-aktion='vorfuehren']").href.split("#")[0] + "#auswahl=" + known.join(".");
    buttons.appendChild(show);
    [["uebernehmen", TEXTE.uebernehmen], ["zusammenfuehren", TEXTE.zusammenfuehren], ["", TEXTE.schliessen]]
      .forEach(function (choice) {
        var button = element("button", "knopf", choice[1]);
        button.type = "button";
        button.addEventListener("click", function () {
          view.parentNode.removeChild(view);
          if (choice[0]) {
            take(choice[0], known, skipped);
          }
          var back = root.querySelector("[data-aktion='teilen']");
          if (back && !back.closest("[hidden]")) {
            back.focus();
          }
        });
        buttons.appendChild(button);
      });
    view.appendChild(buttons);
    root.insertBefore(view, root.firstChild);
    heading.focus();
  }

  page.actions.teilen = function (trigger) {
    var panel = root.querySelector(".auswahl-teilen");
    panel.hidden = !panel.hidden;
    trigger.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
    if (!panel.hidden) {
      fillShare(page.selection());
      root.querySelector("#auswahl-link").focus();
    }
  };
  page.actions["link-kopieren"] = copyLink;
  // The device's share sheet, where the browser has one; copying stays beside it.
  root.querySelector("[data-aktion='link-teilen']").hidden =
    !ns.teilen.canShare({ title: TEXTE.mailBetreff, url: location.href });
  page.actions["link-teilen"] = function (trigger) {
    var list = page.selection();
    ns.teilen.share({ title: TEXTE.mailBetreff, text: TEXTE.teilenText({ anzahl: list.length }), url: shareLink(list) })
      .catch(function () {
        copyLink(trigger);
      });
  };
  page.onRender(function (list) {
    if (!root.querySelector(".auswahl-teilen").hidden) {
      fillShare(list);
    }
  });
  root.querySelector("#auswahl-link").addEventListener("focus", function (event) {
    event.target.select();
  });
  window.addEventListener("hashchange", openShared);
  openShared();
})();
