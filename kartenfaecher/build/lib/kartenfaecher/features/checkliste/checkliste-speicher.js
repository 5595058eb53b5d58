/* Checklists: the format the ticks are kept and passed on in, in one place, so
   that the card pages, the page "Checklisten", its files and its links read and
   write exactly the same thing.

   The ticks live in localStorage under one versioned key, as
   {"version": 1, "geklaert": ["21-3f9a2c1b", …]}: the keys are card number and a
   hash of the question's text (kartenfaecher/sources/checkliste.py), so ticks survive new
   versions of the site. A JSON file adds "format"; a shared link carries the same
   object in the URL fragment (never sent to a server), compressed
   (checkliste-teilen.js). Both carry the notes beside the ticks (notiz-speicher.js).

   Pure functions, and the ticks' store in the one every feature keeps its values in
   (Kartenfaecher.speicher, kartenfaecher/features/gemeinsam/speicher.js: localStorage as far as
   the browser allows it, else the visit). Everything sits on the one global
   Kartenfaecher.checklisteSpeicher.

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var STORE = "checklisten.v1"; // after the handbook's short name (gemeinsam/speicher.js)
  var FORMAT = window.Kartenfaecher.kurzname + ".checklisten"; // a file's: this handbook's ticks
  var VERSION = 1;
  var KEY = /^[1-9][0-9]{0,3}-[0-9a-f]{8}$/;

  function isKey(key) {
    return typeof key === "string" && KEY.test(key);
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
        if (isKey(key)) {
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

  /* Tick in `into` whatever is ticked in `from`: a tick in either stays a tick. */
  function merge(into, from) {
    Object.keys(from).forEach(function (key) {
      into[key] = true;
    });
    return into;
  }

  /* Check a state from a file or link; returns {ticks} or {error: text}. A file must
     name its format (fileFormat), a link need not. */
  function readTransfer(data, fileFormat) {
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return { error: TEXTE.keinStand };
    }
    if (data.format !== undefined && data.format !== FORMAT) {
      return { error: TEXTE.fremderStand };
    }
    if (typeof data.version !== "number") {
      return { error: TEXTE.ohneVersion };
    }
    if (data.version !== VERSION) {
      return { error: TEXTE.andereVersion({ version: data.version }) };
    }
    if (!Array.isArray(data.geklaert)) {
      return { error: TEXTE.ohneListe };
    }
    var state = {};
    for (var i = 0; i < data.geklaert.length; i += 1) {
      var key = data.geklaert[i];
      if (!isKey(key)) {
        return { error: TEXTE.ungueltigerEintrag({ nummer: i + 1 }) };
      }
      state[key] = true;
    }
    if (fileFormat && data.format !== FORMAT) {
      return { error: TEXTE.fremderStand };
    }
    return { ticks: state };
  }

  /* The JSON file: the keys, and each question's text for the people who read it.
     questions: [{key, text}], in the order the file lists them; notes: the notes as
     notiz-speicher.js passes them on, or undefined. */
  function exportFile(questions, when, notes) {
    return JSON.stringify({
      format: FORMAT,
      version: VERSION,
      exportiert: when.toISOString(),
      geklaert: questions.map(function (question) {
        return question.key;
      }),
      fragen: questions.map(function (question) {
        return { schluessel: question.key, karte: Number(question.key.split("-")[0]), frage: question.text };
      }),
      notizen: notes
    }, null, 2) + "\n";
  }

  /* The ticks' store, in the one every feature keeps its values in (Kartenfaecher.speicher). */
  function openStorage() {
    return window.Kartenfaecher.speicher.open({ key: STORE, parse: parseStored, serialise: serialise, field: "ticks" });
  }

  window.Kartenfaecher = window.Kartenfaecher || {};
  window.Kartenfaecher.checklisteSpeicher = {
    serialise: serialise,
    merge: merge,
    readTransfer: readTransfer,
    exportFile: exportFile,
    openStorage: openStorage
  };
})();
