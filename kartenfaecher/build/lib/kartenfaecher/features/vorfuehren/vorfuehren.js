/* The projector view („Vorführen“): the reader's selection, or a chapter, card by
   card on the whole screen, for a meeting room. Keys as presenter clickers send
   them: arrows and PageUp/PageDown (and Space) move, Home/End jump to the first and
   last card, B or . blacks the screen out (any key or a click brings the card back),
   F switches full screen, Escape leaves; no mouse needed. On a touchscreen a swipe
   turns the slides. The address names what is
   shown and where ("#auswahl=21.8.40@8"), so a reload keeps the place. Full screen
   through the Fullscreen API where the browser allows it; otherwise (or before the
   first key, since a browser grants full screen only on a click or key) the view
   fills the window. Slide changes fade, except with reduced motion.

   The slides are written into the page at build time (kartenfaecher/features/vorfuehren/__init__.py);
   which to show comes from the address ("#auswahl=21.8.40", "#kapitel=legitimation"),
   from the reader's selection (Kartenfaecher.auswahl) or from the buttons of the page.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var root = document.querySelector("[data-vorfuehren]");
  if (!root) {
    return;
  }
  var choice = root.querySelector(".vorfuehren-wahl");
  var stage = root.querySelector(".vorfuehren-buehne");
  // Without a prototype: a link's "#auswahl=constructor" names no slide.
  var slides = Object.create(null);
  [].forEach.call(root.querySelectorAll(".vorfuehren-folie"), function (slide) {
    slides[slide.getAttribute("data-karte")] = slide;
  });
  var auswahl = window.Kartenfaecher && window.Kartenfaecher.auswahl;
  var black = stage.querySelector(".vorfuehren-schwarz");
  var shown = []; // the slides of this showing, in order
  var source = ""; // what is shown, as the address says it: "auswahl=21.8.40", "kapitel=legitimation"
  var at = 0; // the card shown
  var part = 0; // its part shown, and how many it has (a long card continues on further slides)
  var parts = 1;
  var LAST = -1;
  var opener = null;
  var switching = false; // full screen switched by this script, not by the browser's Escape
  var back = null; // where focus returns once full screen has ended

  function kept() {
    return auswahl ? auswahl.read().map(function (entry) {
      return entry.number;
    }) : [];
  }

  function chapterCards(id) {
    return [].filter.call(root.querySelectorAll(".vorfuehren-folie"), function (slide) {
      return slide.getAttribute("data-kapitel") === id;
    }).map(function (slide) {
      return slide.getAttribute("data-karte");
    });
  }

  /* The card's text in the largest type the screen allows (as the stylesheet sets it),
     smaller where that saves a further slide, but not below 24 px (2.2 % of the
     screen's height on a larger one: 48 px in 4K, where a pixel is half as large on
     the wall; CSS px, so the browser's zoom enlarges this too). What still does not fit continues on further slides: the text runs in
     columns of its box's size (vorfuehren.css), and each slide shows one. Returns how
     many slides it takes. */
  function fit(slide) {
    var text = slide.querySelector(".vorfuehren-text");
    text.style.fontSize = "";
    var base = parseFloat(getComputedStyle(text).fontSize);
    var floor = Math.min(base, Math.max(24, 0.022 * window.innerHeight));
    var size = base;
    while (columns(text) > 1 && size > floor) {
      size = Math.max(floor, size - 0.5);
      text.style.fontSize = size.toFixed(2) + "px";
    }
    return columns(text);
  }

  function columnStep(text) {
    return text.getBoundingClientRect().width + (parseFloat(getComputedStyle(text).columnGap) || 0);
  }

  function columns(text) {
    var by = columnStep(text);
    return Math.max(1, Math.round((text.scrollWidth + by - text.getBoundingClientRect().width) / by));
  }

  /* Show the card at `index`, at its part `toPart` (LAST: its last). */
  function show(index, toPart) {
    if (!shown.length) {
      return;
    }
    at = Math.max(0, Math.min(shown.length - 1, index));
    shown.forEach(function (slide, i) {
      slide.hidden = i !== at;
    });
    var slide = shown[at];
    parts = fit(slide);
    part = toPart === LAST ? parts - 1 : Math.max(0, Math.min(parts - 1, toPart || 0));
    present();
  }

  /* One step on: the card's next part, or the next card; nothing past either end. */
  function step(by) {
    if (part + by >= 0 && part + by < parts) {
      part += by;
      present();
    } else if (at + by >= 0 && at + by < shown.length) {
      show(at + by, by < 0 ? LAST : 0);
    }
  }

  /* The slide's number and title as read aloud: without the places where the title may break. */
  function title(slide) {
    return slide.querySelector("h2").textContent.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
  }

  function present() {
    var slide = shown[at];
    var text = slide.querySelector(".vorfuehren-text");
    text.scrollLeft = part * columnStep(text);
    // the card's place; of a card that takes more than one slide, the part too
    var place = { stelle: at + 1, anzahl: shown.length, titel: title(slide), teil: part + 1, teile: parts };
    stage.setAttribute("data-kapitel", slide.getAttribute("data-kapitel"));
    stage.querySelector(".vorfuehren-stelle").textContent = (parts > 1 ? TEXTE.stelleTeil : TEXTE.stelle)(place);
    stage.querySelector(".vorfuehren-ansage").textContent =
      (parts > 1 ? TEXTE.ansageTeil : TEXTE.ansage)(place);
    stage.querySelector("[data-schritt='zurueck']").setAttribute("aria-disabled",
      at === 0 && part === 0 ? "true" : "false");
    stage.querySelector("[data-schritt='weiter']").setAttribute("aria-disabled",
      at === shown.length - 1 && part === parts - 1 ? "true" : "false");
    remember();
  }

  /* The showing and its place in the address, for a reload (no new history entry). */
  function remember() {
    var place = shown[at].getAttribute("data-karte") + (part ? "-" + (part + 1) : "");
    try {
      history.replaceState(history.state, "", "#" + source + "@" + place);
    } catch (e) {
      // file:// in some browsers: a reload starts from the choice
    }
  }

  function blackOut(on) {
    black.hidden = !on;
    if (on) {
      stage.querySelector(".vorfuehren-ansage").textContent = TEXTE.schwarz;
    } else {
      present(); // the card as it was: a change of size meanwhile was laid out then
    }
  }

  function fullscreen() {
    return document.fullscreenElement || document.webkitFullscreenElement || null;
  }

  function enterFullscreen() {
    var request = stage.requestFullscreen || stage.webkitRequestFullscreen;
    if (!request || fullscreen()) {
      return;
    }
    switching = true;
    try {
      var result = request.call(stage);
      if (result && result.catch) {
        result.catch(function () {
          switching = false; // refused: the view fills the window instead
        });
      }
    } catch (e) {
      switching = false;
    }
  }

  function exitFullscreen() {
    var exit = document.exitFullscreen || document.webkitExitFullscreen;
    if (fullscreen() && exit) {
      switching = true;
      exit.call(document);
    }
  }

  function start(numbers, trigger, what, place) {
    shown = numbers.map(String).filter(function (number) {
      return slides[number];
    }).map(function (number) {
      return slides[number];
    });
    if (!shown.length) {
      return false;
    }
    opener = trigger || null;
    source = what;
    choice.hidden = true;
    stage.hidden = false;
    document.documentElement.classList.add("vorfuehren-an");
    stage.appendChild(root.querySelector(".vorfuehren-folien"));
    var where = String(place || "").split("-");
    var from = shown.indexOf(slides[where[0]]);
    show(from < 0 ? 0 : from, from < 0 ? 0 : (Number(where[1]) || 1) - 1);
    stage.focus();
    if (trigger) {
      enterFullscreen(); // a click: the browser allows full screen now
    }
    return true;
  }

  function stop() {
    exitFullscreen();
    black.hidden = true;
    shown.forEach(function (slide) {
      slide.hidden = true;
    });
    shown = [];
    stage.hidden = true;
    choice.hidden = false;
    document.documentElement.classList.remove("vorfuehren-an");
    root.appendChild(root.querySelector(".vorfuehren-folien"));
    if (location.hash) {
      try {
        history.replaceState(history.state, "", location.href.split("#")[0]);
      } catch (e) {
        // file:// in some browsers: the fragment stays
      }
    }
    renderChoice();
    back = opener && document.contains(opener) && !opener.hidden ? opener : choice.querySelector("button:not([hidden])");
    if (!fullscreen()) {
      back.focus();
      back = null;
    } // else: after full screen has ended (what is outside the full-screen stage cannot take focus)
  }

  var keys = {
    ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1,
    ArrowLeft: -1, ArrowUp: -1, PageUp: -1
  };

  stage.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || /^(Shift|Control|Alt|Meta|AltGraph)$/.test(event.key)) {
      return;
    }
    var by = keys[event.key];
    if (!black.hidden) {
      blackOut(false); // any key brings the card back, without moving on
    } else if (event.key === "b" || event.key === "B" || event.key === ".") {
      blackOut(true);
    } else
    if (by && !(event.key === " " && event.target.matches("button, a"))) {
      step(by);
    } else if (event.key === "Home") {
      show(0, 0);
    } else if (event.key === "End") {
      show(shown.length - 1, 0);
    } else if (event.key === "Escape") {
      stop();
    } else if (event.key === "f" || event.key === "F") {
      if (fullscreen()) {
        exitFullscreen();
      } else {
        enterFullscreen();
      }
    } else {
      return;
    }
    event.preventDefault();
  });

  stage.addEventListener("click", function (event) {
    if (!black.hidden) {
      blackOut(false);
      return;
    }
    var button = event.target.closest("[data-schritt]");
    if (!button || button.getAttribute("aria-disabled") === "true") {
      return;
    }
    var action = button.getAttribute("data-schritt");
    if (action === "weiter") {
      step(1);
    } else if (action === "zurueck") {
      step(-1);
    } else if (action === "vollbild") {
      if (fullscreen()) {
        exitFullscreen();
      } else {
        enterFullscreen();
      }
    } else {
      stop();
    }
  });

  /* On a touchscreen, a finger drawn across the stage turns the slides (right to left: on). */
  var swipeFrom = null;
  stage.addEventListener("pointerdown", function (event) {
    swipeFrom = event.pointerType === "touch" ? { x: event.clientX, y: event.clientY } : null;
  });
  stage.addEventListener("pointerup", function (event) {
    if (!swipeFrom || event.pointerType !== "touch") {
      return;
    }
    var dx = event.clientX - swipeFrom.x, dy = event.clientY - swipeFrom.y;
    swipeFrom = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) {
      if (black.hidden) {
        step(dx < 0 ? 1 : -1);
      } else {
        blackOut(false);
      }
    }
  });

  /* The browser's own Escape leaves full screen without a key event: leave the view too. */
  function fullscreenChanged() {
    stage.querySelector("[data-schritt='vollbild']").setAttribute("aria-pressed", fullscreen() ? "true" : "false");
    if (!fullscreen() && !switching && shown.length) {
      stop();
    }
    switching = false;
    if (back && !fullscreen()) {
      back.focus();
      back = null;
    }
    if (shown.length) {
      show(at, part);
      stage.focus();
    }
  }
  document.addEventListener("fullscreenchange", fullscreenChanged);
  document.addEventListener("webkitfullscreenchange", fullscreenChanged);
  window.addEventListener("resize", function () {
    if (shown.length) {
      show(at, part);
    }
  });

  function renderChoice() {
    var count = kept().length;
    choice.querySelector(".vorfuehren-auswahl-text").textContent = count ? TEXTE.auswahl({ anzahl: count }) : TEXTE.auswahlLeer;
    choice.querySelector("[data-start='auswahl']").hidden = !count;
  }

  choice.addEventListener("click", function (event) {
    var button = event.target.closest("[data-start]");
    if (!button) {
      return;
    }
    var what = button.getAttribute("data-start");
    var numbers = what === "auswahl" ? kept() : chapterCards(what.slice("kapitel:".length));
    start(numbers, button, what === "auswahl" ? "auswahl=" + numbers.join(".") : what.replace(":", "="));
  });

  /* "#auswahl=21.8.40" or "#kapitel=legitimation", with the card to start at after an "@"
     ("#auswahl=21.8.40@8"): start at once (in the window). A link that cannot be read, or
     names no card, says so and leaves the choice as it is. */
  function fromAddress() {
    var hash;
    try {
      hash = decodeURIComponent(location.hash);
    } catch (e) {
      hash = null; // a cut or mistyped escape ("#%")
    }
    var message = choice.querySelector(".vorfuehren-meldung");
    message.textContent = "";
    if (hash === null || hash.indexOf("#auswahl=") === 0 || hash.indexOf("#kapitel=") === 0) {
      var parts = (hash || "").slice(1).split("@");
      var numbers = hash === null ? [] : hash.indexOf("#auswahl=") === 0 ? parts[0].slice(8).split(".") :
        chapterCards(parts[0].slice(8));
      if (!start(numbers, null, parts[0], parts[1])) {
        message.textContent = TEXTE.keineKarte;
      }
    }
  }

  choice.hidden = false;
  renderChoice();
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
