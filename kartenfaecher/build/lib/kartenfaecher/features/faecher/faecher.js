/* The card fan: turns each list of cards marked [data-faecher] into a fan
   (faecher.css draws it; __init__.py beside it writes the list).

   Without this script the list of links is the whole feature. With it:
   - Pointer: hovering a card lifts it and shows its number, title and chapter
     below the rivet; a click opens it.
   - Keyboard: the fan is one stop in the Tab order (roving tabindex): Tab
     enters it on the card last chosen, the arrow keys move to the previous or
     next card (Home/End: first/last), Enter opens it, Tab leaves the fan.
     So 52 cards do not stand between a keyboard user and the rest of the
     page, and screen readers still find every link in browse mode.
   - Touch, when the cards are fanned out: the first tap lifts a card and
     shows its title, a second tap opens it; sliding a finger along the fan
     lifts the card under it. On a narrow screen the cards stand in a strip
     with their titles, which scrolls sideways; a tap opens a card.
   The angles come from CSS (--i, --n), and the fan's opening is a CSS
   animation: the script adds classes and handles events only, so opening the
   fan costs no layout work of its own.
   Classic script (no modules): the offline bundle is opened from file://. It is
   written into the page after each fan (see the end), never loaded as a file. */
(function () {
  "use strict";

  // User Timing marks for `make bench` (tools/transfer.py): the script's own
  // time, apart from the page layout it reads the fans' widths from.
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }
  mark("faecher-start");

  var HINTS = {
    fan: "Zeigen Sie auf eine Karte, um ihren Titel zu sehen, oder wählen Sie sie mit Tab und den " +
      "Pfeiltasten. Ein Klick oder die Eingabetaste öffnet sie.",
    fanTouch: "Tippen Sie auf eine Karte, um ihren Titel zu sehen; ein zweites Tippen öffnet sie. " +
      "Streichen Sie über den Fächer, um die Karten nacheinander anzuheben.",
    strip: "Wischen Sie durch die Karten oder blättern Sie mit den Pfeiltasten; Tippen, Klick oder " +
      "Eingabetaste öffnet eine Karte.",
    stripTouch: "Wischen Sie durch die Karten; Tippen öffnet eine Karte."
  };
  var noHover = window.matchMedia("(hover: none)");
  // A touchscreen without mouse or keyboard (a phone, a tablet): as .bei-touch in basis.css.
  var touchOnly = window.matchMedia("(hover: none) and (pointer: coarse)");
  // The fan's figures, as in faecher.css: card length min(44 % of the width,
  // 24rem), spread min(180°, 20° a card). It is fanned out when the free strip
  // at each card's tip holds its number (MIN_STRIP) and the fan is not narrower
  // than MIN_WIDTH; otherwise the cards stand in a strip.
  var LENGTH_SHARE = 0.44, LENGTH_MAX = 24, SPREAD_MAX = 180, SPREAD_STEP = 20;
  var MIN_STRIP = 1.15, MIN_WIDTH = 22;
  // With this much free strip a card shows its title along its length, like a book's spine.
  var TITLE_STRIP = 3;
  // The forms a title along its card may take, best first: size (rem) and lines.
  // A title that does not fit in two lines takes a third or a smaller size, never
  // below 10 px (Material's root font is at least 20 px); one that fits in none is
  // left to the readout below the rivet. Never cut off.
  var TITLE_FORMS = [["0.65rem", 2], ["0.65rem", 3], ["0.6rem", 2], ["0.6rem", 3], ["0.55rem", 2],
    ["0.55rem", 3], ["0.5rem", 2], ["0.5rem", 3]];

  // The free strip at each card's tip, in rem, or 0 where the fan does not fit.
  function freeStrip(width, count) {
    // Material sets the root font size by the window's width.
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    if (width < MIN_WIDTH * rem) return 0;
    if (count < 2) return Infinity;
    var length = Math.min(LENGTH_SHARE * width, LENGTH_MAX * rem);
    var step = Math.min(SPREAD_MAX, (count - 1) * SPREAD_STEP) / (count - 1);
    var strip = length * Math.sin(step * Math.PI / 180) / rem;
    return strip >= MIN_STRIP ? strip : 0;
  }

  function enhance(fan, number, width) {
    var list = fan.querySelector(".faecher-karten");
    var links = list ? Array.prototype.slice.call(list.querySelectorAll("a.faecher-karte")) : [];
    if (!links.length) return;
    var items = links.map(function (link) { return link.parentNode; });
    // Each card's place and the count, for faecher.css (set here, not as style
    // attributes in the HTML: the Content-Security-Policy forbids inline styles).
    fan.style.setProperty("--n", String(items.length));
    items.forEach(function (item, i) { item.style.setProperty("--i", String(i)); });
    var selected = -1;     // the lifted card, or -1
    var current = 0;       // the card that Tab enters the fan on
    var arrowsUsed = false;
    var pointer = "mouse"; // the kind of the last pointer pressed on the fan
    var wasLifted = false; // whether the tapped card was lifted before the tap

    var display = document.createElement("p");
    display.className = "faecher-anzeige";
    display.setAttribute("aria-hidden", "true"); // it repeats the focused link's name
    var shownNumber = document.createElement("span");
    shownNumber.className = "karte-nummer";
    var shownTitle = document.createElement("span");
    shownTitle.className = "faecher-anzeige-titel";
    var shownChapter = document.createElement("span");
    shownChapter.className = "faecher-anzeige-kapitel";
    display.appendChild(shownNumber);
    display.appendChild(document.createTextNode(" "));
    display.appendChild(shownTitle);
    display.appendChild(shownChapter);

    var hint = document.createElement("p");
    hint.className = "faecher-hinweis";
    hint.id = "faecher-hinweis-" + number;
    fan.appendChild(display);
    fan.appendChild(hint);

    links.forEach(function (link, i) { link.tabIndex = i === current ? 0 : -1; });
    // Cards left of the middle read from the tip down, the others from the rivet up.
    items.forEach(function (item, i) { if (2 * i < items.length - 1) item.classList.add("links"); });
    links[current].setAttribute("aria-describedby", hint.id);

    function form() {
      return fan.classList.contains("faecher--gefaechert") ? "faecher" : "streifen";
    }

    function layout(width) {
      var strip = freeStrip(width, links.length);
      fan.classList.toggle("faecher--gefaechert", strip > 0);
      fan.classList.toggle("faecher--beschriftet", strip >= TITLE_STRIP);
      if (strip >= TITLE_STRIP) fitTitles();
      updateHint();
    }

    // Each title in the first form in which it fits its card. One layout per form
    // tried, for a few cards: only fans with titles along their cards (a chapter's
    // cards, not the whole handbook) do this.
    function fitTitles() {
      var titles = links.map(function (link) { return link.querySelector(".karte-titel"); })
        .filter(Boolean);
      titles.forEach(function (title) {
        title.classList.remove("nur-unten");
        title.style.removeProperty("--titel-schrift");
        title.style.removeProperty("--titel-zeilen");
      });
      for (var f = 0; f < TITLE_FORMS.length && titles.length; f++) {
        if (f > 0) {
          titles.forEach(function (title) {
            title.style.setProperty("--titel-schrift", TITLE_FORMS[f][0]);
            title.style.setProperty("--titel-zeilen", String(TITLE_FORMS[f][1]));
          });
        }
        titles = titles.filter(overflows);
      }
      titles.forEach(function (title) { title.classList.add("nur-unten"); });
    }

    function overflows(title) {
      return title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1;
    }

    function updateHint() {
      var text = form() === "streifen" ? (touchOnly.matches ? HINTS.stripTouch : HINTS.strip) :
        noHover.matches ? HINTS.fanTouch : HINTS.fan;
      if (hint.textContent !== text) hint.textContent = text;
    }

    function select(i) {
      if (i === selected) return;
      if (selected >= 0) items[selected].classList.remove("ist-gewaehlt");
      selected = i;
      if (i < 0) {
        display.classList.remove("ist-sichtbar");
        return;
      }
      var link = links[i];
      items[i].classList.add("ist-gewaehlt");
      shownNumber.textContent = link.getAttribute("data-karte");
      var title = link.querySelector(".karte-titel");
      shownTitle.textContent = title ? title.textContent : "";
      shownChapter.textContent = "Kapitel " + (link.getAttribute("data-kapitel-titel") || "");
      display.setAttribute("data-kapitel", link.getAttribute("data-kapitel") || "");
      display.classList.add("ist-sichtbar");
    }

    function moveTo(i) {
      i = Math.max(0, Math.min(links.length - 1, i));
      links[current].tabIndex = -1;
      links[current].removeAttribute("aria-describedby");
      current = i;
      links[i].tabIndex = 0;
      if (!arrowsUsed) links[i].setAttribute("aria-describedby", hint.id);
      links[i].focus();
    }

    function indexOf(node) {
      var link = node && node.closest ? node.closest("a.faecher-karte") : null;
      return link ? links.indexOf(link) : -1;
    }

    list.addEventListener("keydown", function (event) {
      var i = indexOf(event.target);
      if (i < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var to;
      switch (event.key) {
        case "ArrowRight": case "ArrowDown": to = i + 1; break;
        case "ArrowLeft": case "ArrowUp": to = i - 1; break;
        case "Home": to = 0; break;
        case "End": to = links.length - 1; break;
        default: return;
      }
      event.preventDefault();
      if (!arrowsUsed) {
        arrowsUsed = true; // the hint has been heard; do not repeat it on every card
        links[current].removeAttribute("aria-describedby");
      }
      moveTo(to);
    });

    list.addEventListener("focusin", function (event) {
      var i = indexOf(event.target);
      if (i < 0) return;
      if (i !== current) {
        links[current].tabIndex = -1;
        links[current].removeAttribute("aria-describedby");
        current = i;
        links[i].tabIndex = 0;
      }
      select(i);
    });

    list.addEventListener("focusout", function (event) {
      if (!list.contains(event.relatedTarget)) select(-1);
    });

    list.addEventListener("pointerover", function (event) {
      if (event.pointerType === "touch") return;
      var i = indexOf(event.target);
      if (i >= 0) select(i);
    });

    list.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "touch") return;
      select(list.contains(document.activeElement) ? current : -1);
    });

    list.addEventListener("pointerdown", function (event) {
      pointer = event.pointerType;
      // Decided now: the tap focuses the card (and so lifts it) before its click.
      wasLifted = selected >= 0 && selected === indexOf(event.target);
    });

    // Sliding a finger along the fan lifts the card under it ("spreading").
    list.addEventListener("pointermove", function (event) {
      if (event.pointerType !== "touch" || form() !== "faecher") return;
      var i = indexOf(document.elementFromPoint(event.clientX, event.clientY));
      if (i >= 0) select(i);
    });

    // Touch on the fan: the first tap lifts a card, the second opens it.
    list.addEventListener("click", function (event) {
      var i = indexOf(event.target);
      if (i < 0 || pointer !== "touch" || form() !== "faecher") return;
      if (!wasLifted || selected !== i) {
        event.preventDefault();
        links[i].focus();
        select(i);
      }
      wasLifted = true;
    });

    // The form is chosen before the fan is drawn, from the width the page
    // gives it: deciding later (in the resize observer's first call) would
    // draw it twice and make the page's height jump, which costs Material's
    // own layout code a second run.
    layout(width);
    fan.classList.add("faecher--an");
    if ("ResizeObserver" in window) {
      new ResizeObserver(function (entries) {
        layout(entries[entries.length - 1].contentRect.width);
      }).observe(fan);
    }
    noHover.addEventListener("change", updateHint);
  }

  // Set up where the script stands: kartenfaecher/features/faecher/ writes it into the
  // page right after each fan, so the fan takes its final form while the page is
  // read, before it is first drawn; nothing below it moves when it fans out. Each
  // copy sets up the fans above it that are not set up yet. Reading the widths
  // lays out the page read so far, which the first paint needs anyway.
  var done = document.querySelectorAll("[data-faecher].faecher--an").length;
  var fans = document.querySelectorAll("[data-faecher]:not(.faecher--an)");
  var widths = Array.prototype.map.call(fans, function (fan) { return fan.clientWidth; });
  mark("faecher-breite");
  for (var n = 0; n < fans.length; n++) enhance(fans[n], done + n + 1, widths[n]);
  mark("faecher-bereit");
})();
