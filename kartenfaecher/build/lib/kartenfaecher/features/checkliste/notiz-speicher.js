/* Notes: the format the answers under checklist questions and the free notes on
   cards are kept and passed on in, in one place, so that the cards, the pages
   „Checklisten“ and „Meine Auswahl“, the files and the links read and write the same.

   In localStorage, under their own key, as
   {"version": 1,
    "fragen": {"21-3f9a2c1b": {"frage": "In welchem **Verhältnis** …?", "notiz": "…"}},
    "karten": {"21": "…"}}.
   An answer is keyed as its question's tick is (card number and a hash of the
   question's text, kartenfaecher/sources/checkliste.py), so it survives reordering; it
   also keeps the question's wording, so that when the wording changes (and the
   key with it) the note still shows under the words it answered, until the reader
   moves or deletes it. A JSON file and a shared link carry the same object as
   "notizen" beside the ticks. Empty notes are not kept. The scripts hold them in English
   ({questions: {key: {question, note}}, cards: {number: note}}): clean() reads the German
   keys, german() writes them.

   Pure functions, and the notes' store in the one every feature keeps its values in
   (Kartenfaecher.speicher, kartenfaecher/features/gemeinsam/speicher.js); all on
   Kartenfaecher.notizSpeicher. A classic script (no modules): the offline bundle is
   opened from file://. */
(function () {
  "use strict";

  // Its texts: the table in the engine (kartenfaecher/texte/), written in by the build.
  var TEXTE = /*TEXTE*/{};

  var STORE = "notizen.v1"; // after the handbook's short name (gemeinsam/speicher.js)
  var VERSION = 1;
  // A note holds at most this many characters (a pasted megabyte is refused, with a message).
  var LIMIT = 10000;
  // What a file or link may bring per note: two full notes joined, and a marker.
  var TRANSFER_LIMIT = 3 * LIMIT;
  var KEY = /^[1-9][0-9]{0,3}-[0-9a-f]{8}$/;
  var CARD = /^[1-9][0-9]{0,3}$/;

  /* The notes as the scripts hold them: {questions: {key: {question, note}}, cards: {number: note}}.
     The format's German keys are read in clean() and written in german(), nowhere else. */
  function empty() {
    return { questions: {}, cards: {} };
  }

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /* Notes from any object: what is valid is kept, the rest reported as damaged. */
  function clean(data) {
    var result = { notes: empty(), damaged: false };
    if (!isObject(data)) {
      result.damaged = data !== undefined && data !== null;
      return result;
    }
    var fragen = isObject(data.fragen) ? data.fragen : {};
    var karten = isObject(data.karten) ? data.karten : {};
    Object.keys(fragen).forEach(function (key) {
      var entry = fragen[key];
      if (KEY.test(key) && isObject(entry) && typeof entry.notiz === "string" &&
        (entry.frage === undefined || typeof entry.frage === "string")) {
        if (entry.notiz) {
          result.notes.questions[key] = { question: entry.frage || "", note: entry.notiz };
        }
      } else {
        result.damaged = true;
      }
    });
    Object.keys(karten).forEach(function (card) {
      if (CARD.test(card) && typeof karten[card] === "string") {
        if (karten[card]) {
          result.notes.cards[card] = karten[card];
        }
      } else {
        result.damaged = true;
      }
    });
    return result;
  }

  /* A stored value, as the store (Kartenfaecher.speicher) reads it. */
  function parseStored(raw) {
    if (raw === null || raw === undefined) {
      return { notes: empty(), damaged: false };
    }
    var data;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      return { notes: empty(), damaged: true, unreadable: true };
    }
    var result = clean(data);
    if (!isObject(data) || data.version !== VERSION) {
      result.damaged = true;
    }
    return result;
  }

  /* Only the notes that hold text, in the format's German keys; sorted, so that equal notes
     give equal text. */
  function german(notes) {
    var out = { fragen: {}, karten: {} };
    Object.keys(notes.questions).sort().forEach(function (key) {
      var entry = notes.questions[key];
      if (entry.note) {
        out.fragen[key] = { frage: entry.question, notiz: entry.note };
      }
    });
    Object.keys(notes.cards).sort(function (a, b) {
      return a - b;
    }).forEach(function (card) {
      if (notes.cards[card]) {
        out.karten[card] = notes.cards[card];
      }
    });
    return out;
  }

  function serialise(notes) {
    var out = german(notes);
    return JSON.stringify({ version: VERSION, fragen: out.fragen, karten: out.karten });
  }

  function count(notes) {
    var out = german(notes);
    return Object.keys(out.fragen).length + Object.keys(out.karten).length;
  }

  /* The notes of a file or link ("notizen" beside the ticks); {notes} or {error: text}.
     Stricter than stored notes: a file with one bad note is refused whole. */
  function readTransfer(data) {
    if (data === undefined) {
      return { notes: empty() };
    }
    if (!isObject(data)) {
      return { error: TEXTE.keineNotizen };
    }
    var fragen = data.fragen === undefined ? {} : data.fragen;
    var karten = data.karten === undefined ? {} : data.karten;
    if (!isObject(fragen) || !isObject(karten)) {
      return { error: TEXTE.keineNotizen };
    }
    var bad = Object.keys(fragen).filter(function (key) {
      var entry = fragen[key];
      return !KEY.test(key) || !isObject(entry) || typeof entry.notiz !== "string" ||
        entry.notiz.length > TRANSFER_LIMIT || (entry.frage !== undefined && typeof entry.frage !== "string");
    })[0];
    if (bad !== undefined) {
      return { error: TEXTE.ungueltigeFrage({ frage: bad.slice(0, 40) }) };
    }
    var badCard = Object.keys(karten).filter(function (card) {
      return !CARD.test(card) || typeof karten[card] !== "string" || karten[card].length > TRANSFER_LIMIT;
    })[0];
    if (badCard !== undefined) {
      return { error: TEXTE.ungueltigeKarte({ karte: badCard.slice(0, 40) }) };
    }
    return { notes: clean(data).notes };
  }

  /* What a file or link carries: the notes that hold text, or nothing. */
  function transfer(notes) {
    return count(notes) ? german(notes) : undefined;
  }

  /* One note beside another: an empty or equal one gives way; two different ones are
     both kept, the incoming below a marked line. */
  function joined(mine, theirs, marker) {
    if (!theirs || theirs === mine || (mine && mine.indexOf(theirs) >= 0)) {
      return mine;
    }
    if (!mine) {
      return theirs;
    }
    return mine + "\n\n" + marker + "\n" + theirs;
  }

  /* Take `from` into `into`: nothing of either is lost. source: who brought `from`
     ("der Datei „stand.json“"), for the marker line. */
  function merge(into, from, source, when) {
    var day = (when || new Date()).toLocaleDateString("de-DE", { day: "numeric", month: "long", year: "numeric" });
    var marker = TEXTE.dazu({ quelle: source, tag: day });
    Object.keys(from.questions).forEach(function (key) {
      var mine = into.questions[key];
      into.questions[key] = {
        question: mine && mine.question ? mine.question : from.questions[key].question,
        note: joined(mine ? mine.note : "", from.questions[key].note, marker)
      };
    });
    Object.keys(from.cards).forEach(function (card) {
      into.cards[card] = joined(into.cards[card] || "", from.cards[card], marker);
    });
    return into;
  }

  function openStorage() {
    return window.Kartenfaecher.speicher.open({ key: STORE, parse: parseStored, serialise: serialise, field: "notes" });
  }

  window.Kartenfaecher = window.Kartenfaecher || {};
  window.Kartenfaecher.notizSpeicher = {
    LIMIT: LIMIT,
    empty: empty,
    serialise: serialise,
    count: count,
    readTransfer: readTransfer,
    transfer: transfer,
    merge: merge,
    openStorage: openStorage
  };
})();
