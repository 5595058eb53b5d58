/* Search on paste and drop: text that arrives in the search field without a
   key (pasted from the context menu, dropped with the mouse, chosen from the
   browser's suggestions) searches as typed text does.

   Material reads the search field on "keyup" (and on focus), not on "input":
   a paste or a drop changes the field but fires no key, so no search ran and
   the field showed words without results (seen in the offline bundle from
   file:// and on the website alike). This script answers each "input" event
   of the search field that no key caused with a "keyup" of its own; Material
   then reads the field as after a key. A key's own input is left alone (its
   keyup follows anyway). Classic script, no texts. */
(function () {
  "use strict";

  var keyDown = false;
  document.addEventListener("keydown", function () { keyDown = true; }, true);
  document.addEventListener("keyup", function () { keyDown = false; }, true);

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (keyDown || !field || !field.classList || !field.classList.contains("md-search__input")) return;
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }, true);
})();
