/* Where the features keep what a reader does, in this browser only: the ticks and notes of
   the checklists, the selection („Meine Auswahl“). One store for all of them, each saying what
   it keeps: open(kind), kind = {key, parse, serialise, field}; parse(raw text or null) gives
   {damaged, unreadable, [field]: the value}, serialise(value) the text to keep.

   localStorage as far as this browser allows it: it may be missing, read-only or throw (private
   mode, blocked by an office's policy, a full disk). A store says whether it keeps values
   (`persistent`: false where storage is blocked or full, and once a write fails). Where storage will not
   keep a value, the visit keeps it (Kartenfaecher.besuch, partials/speicher-schutz.html: while
   the tab stays on the site), and read() prefers that; keeps() tells whether the value lasts
   beyond the visit; changed(callback) tells when another tab or page may have kept a new
   one. A damaged value is repaired in place; an unreadable one is kept aside
   under key + ".unlesbar", so nothing a reader had is lost unseen.

   Small on purpose: it loads on every page (the „Merken“ button keeps the selection through
   it). A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  function open(kind) {
    // after the handbook's short name: two handbooks on one host keep apart (both in every page's head, before this)
    var key = window.Kartenfaecher.kurzname + "." + kind.key;
    var visit = window.Kartenfaecher.besuch;
    var store = { persistent: false, read: read, write: write, keeps: keeps, changed: changed };
    var area = null, readable = false;
    try {
      area = window.localStorage;
      area.getItem(key);
      readable = true;
      area.setItem(key + ".probe", "1"); // a full disk refuses this: say so before the first tick
      area.removeItem(key + ".probe");
      store.persistent = true;
    } catch (e) {
      // what failed stays false
    }

    /* The value as kind.parse gives it: what this visit keeps, or the stored value, repaired
       in place if damaged; null when nothing can be read. */
    function read() {
      var raw = visit.read(key);
      if (raw !== null) {
        return kind.parse(raw);
      }
      if (!readable) {
        return null;
      }
      try {
        raw = area.getItem(key);
      } catch (e) {
        return null;
      }
      var parsed = kind.parse(raw);
      if (parsed.damaged && store.persistent) {
        try {
          if (parsed.unreadable) {
            area.setItem(key + ".unlesbar", raw);
          }
          area.setItem(key, kind.serialise(parsed[kind.field]));
        } catch (e) {
          store.persistent = false;
        }
      }
      return parsed;
    }

    /* Keep the value; false when storage could not keep it (the visit then does). */
    function write(value) {
      var text = kind.serialise(value);
      if (store.persistent) {
        try {
          area.setItem(key, text);
          visit.write(key, null);
          return true;
        } catch (e) {
          store.persistent = false;
        }
      }
      visit.write(key, text);
      return false;
    }

    /* Whether the value lasts beyond this visit (the visit holds none of its own). */
    function keeps() {
      return visit.read(key) === null;
    }

    /* Call ``callback`` whenever the value may have changed elsewhere: another tab kept a new one,
       or the page came back from the back/forward cache, having missed what other pages kept
       meanwhile (Chromium hands it the storage events it missed; the standard does not ask that). */
    function changed(callback) {
      window.addEventListener("storage", function (event) {
        if (event.key === key || event.key === null) {
          callback();
        }
      });
      window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
          callback();
        }
      });
    }

    return store;
  }

  window.Kartenfaecher.speicher = { open: open };
})();
