/* Previews: a link to a card shows that card's title and first lines without
   leaving the page (the printed references, the backlinks, links in running
   text and the defined terms: a.karte-link[data-auszug]).

   The text comes with the link (data-titel, data-auszug, data-kapitel-titel,
   written at build time by kartenfaecher/features/vorschau/__init__.py), so previews need no request
   and work from file:// in the offline bundle as on a web server.

   - Mouse: hovering a link opens its preview after a moment; it stays while
     the pointer is on the link or on the preview (WCAG 1.4.13), and closes
     shortly after the pointer has left both.
   - Keyboard: focusing a link opens its preview at once; leaving the link
     closes it. The preview never takes focus.
   - Touch: the first tap on a link shows its preview, a second tap on the same
     link opens the card; a tap elsewhere closes the preview.
   - Escape closes the preview; focus stays where it is.
   While open, the preview is the link's description (role="tooltip",
   aria-describedby), so screen readers read it after the link's name.
   Classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  var LINKS = "a.karte-link[data-auszug]";
  var OPEN_DELAY = 300;  // ms the pointer rests on a link before its preview opens
  var CLOSE_DELAY = 300; // ms to move the pointer from the link onto the preview
  var GAP = 8;           // px between link and preview
  var FOOT = "nav.karte-verweise, nav.karte-rueckverweise, nav.karte-blaettern";

  var box, number, title, chapter, text;
  var current = null;    // the link whose preview is open
  var pointer = "mouse"; // the kind of the last pointer pressed
  var wasOpen = false;   // whether the tapped link's preview was open before the tap
  var openTimer = 0, closeTimer = 0;

  function build() {
    box = document.createElement("div");
    box.id = "karte-vorschau";
    box.className = "karte-vorschau md-typeset";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    var head = document.createElement("p");
    head.className = "karte-vorschau-kopf";
    number = document.createElement("span");
    number.className = "karte-nummer";
    title = document.createElement("span");
    title.className = "karte-vorschau-titel";
    head.appendChild(number);
    head.appendChild(document.createTextNode(" "));
    head.appendChild(title);
    chapter = document.createElement("p");
    chapter.className = "karte-vorschau-kapitel";
    text = document.createElement("p");
    text.className = "karte-vorschau-text";
    box.appendChild(head);
    box.appendChild(chapter);
    box.appendChild(text);
    box.addEventListener("pointerenter", function () { clearTimeout(closeTimer); clearTimeout(openTimer); });
    box.addEventListener("pointerleave", function (event) {
      if (event.pointerType !== "touch") closeSoon();
    });
    document.body.appendChild(box);
  }

  function linkOf(node) {
    var link = node && node.closest ? node.closest(LINKS) : null;
    return link && link.closest(".md-content") ? link : null;
  }

  function open(link) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (link === current && !box.hidden) return;
    if (current) current.removeAttribute("aria-describedby");
    current = link;
    number.textContent = link.getAttribute("data-karte");
    title.textContent = link.getAttribute("data-titel") || "";
    chapter.textContent = "Kapitel " + (link.getAttribute("data-kapitel-titel") || "");
    text.textContent = link.getAttribute("data-auszug") || "";
    box.setAttribute("data-kapitel", link.getAttribute("data-kapitel") || "");
    box.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", box.id);
  }

  function close() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    box.hidden = true;
  }

  function closeSoon() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, CLOSE_DELAY);
  }

  // A link in running text: its preview goes below it, or above where there is no room
  // below. A link at a card's foot (references, backlinks, previous and next): above
  // all of them, or below all of them where there is no room above, so that it covers
  // none of the others. Inside the window, below Material's header, which stays on top.
  function place(link) {
    var rects = link.getClientRects();
    var at = rects.length ? rects[0] : link.getBoundingClientRect();
    var last = rects.length ? rects[rects.length - 1] : at;
    var upper = at.top, lower = last.bottom; // what the preview leaves free
    var foot = link.closest(FOOT) ? document.querySelectorAll(FOOT) : [];
    if (foot.length) {
      upper = foot[0].getBoundingClientRect().top;
      lower = foot[foot.length - 1].getBoundingClientRect().bottom;
    }
    var width = box.offsetWidth, height = box.offsetHeight;
    var view = document.documentElement.clientWidth;
    var header = document.querySelector(".md-header");
    var ceiling = Math.max(0, header ? header.getBoundingClientRect().bottom : 0) + GAP;
    var floor = window.innerHeight - GAP;
    var above = upper - GAP - height, below = lower + GAP;
    var fitsAbove = above >= ceiling, fitsBelow = below + height <= floor;
    var top;
    if (foot.length ? fitsAbove : fitsAbove && !fitsBelow) {
      top = above;
    } else if (fitsBelow) {
      top = below;
    } else { // room on neither side: the larger one, inside the window
      top = upper - ceiling > floor - lower ? Math.max(ceiling, above) : Math.min(below, floor - height);
    }
    var left = Math.max(GAP, Math.min(at.left, view - width - GAP));
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
  }

  build();

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    var link = linkOf(event.target);
    if (!link) return;
    clearTimeout(closeTimer);
    if (link === current && !box.hidden) return;
    clearTimeout(openTimer);
    openTimer = setTimeout(function () { open(link); }, OPEN_DELAY);
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var link = linkOf(event.target);
    if (!link || link.contains(event.relatedTarget)) return;
    clearTimeout(openTimer);
    if (link === current && !box.contains(event.relatedTarget)) closeSoon();
  });

  document.addEventListener("focusin", function (event) {
    var link = linkOf(event.target);
    if (link) open(link);
  });

  document.addEventListener("focusout", function (event) {
    if (current && event.target === current && !box.contains(event.relatedTarget)) close();
  });

  document.addEventListener("keydown", function (event) {
    pointer = "keyboard";
    if (event.key === "Escape" && current) close();
  });

  document.addEventListener("pointerdown", function (event) {
    pointer = event.pointerType;
    if (pointer !== "touch") return;
    var link = linkOf(event.target);
    // Decided now: the tap focuses the link (and so opens its preview) before its click.
    wasOpen = !!link && link === current && !box.hidden;
    if (current && !box.contains(event.target) && link !== current) close();
  }, true);

  // Touch: the first tap previews, the second (on the open preview's link) follows it.
  document.addEventListener("click", function (event) {
    var link = linkOf(event.target);
    if (!link || pointer !== "touch") return;
    if (!wasOpen) {
      event.preventDefault();
      open(link);
    }
    wasOpen = true;
  });

  window.addEventListener("resize", function () {
    if (current) place(current);
  });
})();
