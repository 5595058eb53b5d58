/* What readers type, as the search index has it. suche-bei-bedarf.js hands this the
   search index when Material's search worker is set up, and every query before the
   worker sees it; the reader's words stay in the search field.

   The index knows the cards' words, their compound parts, base forms and other forms
   and the joined forms of „Co-Working“ and „Partner:innen“ (kartenfaecher/features/suche/woerter.py).
   A word of the query that no word of the index begins with is read again:
   - a gender form „Partner:innen“, „Partner*innen“, „Partner_innen“, „PartnerInnen“:
     as „Partner“ (lunr would read the colon as a field, the star as a wildcard);
   - ae, oe, ue and ss for ä, ö, ü and ß („Buergerbeteiligung“), where the index has them;
   - a noun the cards do not use, as the noun of the same meaning that names a card's
     topic, from the thesaurus the build read (the index's config.verwandt: OpenThesaurus,
     kartenfaecher/features/suche/thesaurus.py), also in the plural: „Zoff“ as „Konflikt“,
     „Fördermittel“ as „Förderung“; a noun found in a page or two only is read with it
     („Streit“, which only the accessibility statement has);
   - a compound the cards do not use, as its parts that they do („Stadtverwaltung“:
     Stadt, Verwaltung; with a linking s, es, n or en between), or else as its longest
     beginning that begins a word of the index („Vertrauensbasis“: Vertrauens…);
   - a small typo: the index's words one letter off (two in words of nine letters or
     more): „Legitimaton“, „Gremiem“.
   Search syntax (+, -, ~, ^, quotes) passes unchanged. Classic script (no modules). */
(function () {
  "use strict";

  var LETTERS = /[a-zäöüß]+/g;
  var WORD = /^[A-Za-zÄÖÜäöüß]+$/;
  // „Partner:innen“ and its other spellings; „PartnerInnen“ is told by the capital I.
  var GENDER = /^([A-Za-zÄÖÜäöüß]+?)(?:[:*_/]innen|[:*_/]in|Innen|In)$/;
  // „Partnerinnen“ typed as one word.
  var PLURAL = /^([A-Za-zÄÖÜäöüß]{3,}?)innen$/;
  var LINKS = ["", "s", "es", "n", "en"];
  // What a plural or other case adds to the thesaurus's singular („Subventionen“: „Subvention“).
  var ENDINGS = ["", "e", "n", "en", "s", "es", "er", "ern", "nen"];
  var MIN_PART = 4; // shorter parts are too often not the word meant
  var words = []; // every word of the index, sorted
  var counts = Object.create(null); // how often each occurs: a typo goes to the common word
  var related = Object.create(null); // a reader's noun -> the topics' nouns of the same meaning

  function learn(index) {
    var all = Object.create(null);
    (index && index.docs || []).forEach(function (doc) {
      ["title", "text", "suchtitel", "suchwoerter"].forEach(function (field) {
        if (typeof doc[field] !== "string") {
          return;
        }
        (doc[field].replace(/<[^>]*>/g, " ").toLowerCase().match(LETTERS) || []).forEach(function (word) {
          all[word] = (all[word] || 0) + 1;
        });
      });
    });
    counts = all;
    words = Object.keys(all).sort();
    related = Object.create(null);
    var groups = index && index.config && index.config.verwandt;
    Object.keys(groups && typeof groups === "object" ? groups : {}).forEach(function (meant) {
      String(groups[meant]).split(" ").forEach(function (word) {
        related[word] = meant.split(" ");
      });
    });
  }

  /* The topics' nouns of the same meaning as `word`, in any of its forms; null if none. */
  function meaning(word) {
    for (var e = 0; e < ENDINGS.length; e += 1) {
      var stem = word.slice(0, word.length - ENDINGS[e].length);
      if (stem + ENDINGS[e] === word && stem.length >= MIN_PART && related[stem]) {
        return related[stem];
      }
    }
    return null;
  }

  /* Where the first word of the index not before `prefix` stands. */
  function at(prefix) {
    var low = 0, high = words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < prefix) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /* Whether a word of the index begins with `prefix` (lunr matches beginnings). */
  function begins(prefix) {
    var first = at(prefix);
    return first < words.length && words[first].indexOf(prefix) === 0;
  }

  /* The longest beginning of `word` that begins a word of the index, of five letters and two
     fifths of the word at least: „Vertrauensbasis“ as „Vertrauens“ (Vertrauensverhältnisse). */
  function beginning(word) {
    for (var end = word.length - 1; end >= Math.max(5, word.length * 0.4); end -= 1) {
      if (begins(word.slice(0, end))) {
        return word.slice(0, end);
      }
    }
    return null;
  }

  function umlauts(word) {
    return word.replace(/ae/g, "ä").replace(/oe/g, "ö").replace(/ue/g, "ü");
  }

  /* The word as parts the index has whole, the longest first part first; null if none. */
  function split(word) {
    for (var end = word.length - MIN_PART; end >= MIN_PART; end -= 1) {
      var head = word.slice(0, end);
      if (!counts[head]) {
        continue;
      }
      for (var l = 0; l < LINKS.length; l += 1) {
        var rest = word.slice(end);
        if (rest.indexOf(LINKS[l]) !== 0 || rest.length - LINKS[l].length < MIN_PART) {
          continue;
        }
        rest = rest.slice(LINKS[l].length);
        var tail = counts[rest] || begins(rest) ? [rest] : split(rest);
        if (tail) {
          return [head].concat(tail);
        }
      }
    }
    return null;
  }

  /* Whether a and b differ by at most `most` letters changed, added, left out or swapped. */
  function near(a, b, most) {
    if (Math.abs(a.length - b.length) > most) {
      return false;
    }
    var before = null, row = [];
    for (var j = 0; j <= b.length; j += 1) {
      row.push(j);
    }
    for (var i = 1; i <= a.length; i += 1) {
      var next = [i], least = i;
      for (j = 1; j <= b.length; j += 1) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        next.push(value);
        least = Math.min(least, value);
      }
      if (least > most) {
        return false;
      }
      before = row;
      row = next;
    }
    return row[b.length] <= most;
  }

  /* The index's most common words near `word`, at most three. */
  function corrected(word) {
    var most = word.length >= 9 ? 2 : 1;
    return words.filter(function (candidate) {
      return candidate.length >= MIN_PART && near(word, candidate, most);
    }).sort(function (a, b) {
      return counts[b] - counts[a];
    }).slice(0, 3);
  }

  /* A word of the query as the words of the index it means. */
  function read(word) {
    var gender = GENDER.exec(word) || PLURAL.exec(word);
    // „Partner:innen“ as „Partner“: its text's own word, where the joined form is only implied
    var low = (gender && begins(gender[1].toLowerCase()) ? gender[1] : word).toLowerCase();
    var same = meaning(low);
    if (begins(low) && same) { // the build left it in: found in a page or two only
      return [low].concat(same); // „Streit“: in the accessibility statement alone
    }
    if (begins(low) || low.length < MIN_PART) {
      return [low];
    }
    var spelled = umlauts(low);
    var variants = [spelled, spelled.replace(/ss/g, "ß"), low.replace(/ss/g, "ß")];
    for (var v = 0; v < variants.length; v += 1) {
      if (begins(variants[v])) {
        return [variants[v]];
      }
    }
    for (v = 0; v < variants.length && !same; v += 1) {
      same = meaning(variants[v]);
    }
    if (same) { // „Steuerung“ first as it is typed (`low`): no „Steürung“
      return same;
    }
    var parts = split(spelled) || [beginning(low)];
    if (parts[0]) {
      return parts;
    }
    var close = corrected(spelled);
    return close.length ? close : [low];
  }

  function rewrite(query) {
    if (typeof query !== "string") {
      return query;
    }
    query = query.replace(/\u00ad/g, ""); // a title copied with the places where it may break
    if (!words.length || query.indexOf("\"") >= 0) {
      return query;
    }
    return query.split(/(\s+)/).map(function (part) {
      return WORD.test(part) || GENDER.test(part) ? read(part).join(" ") : part;
    }).join("");
  }

  window.Kartenfaecher = window.Kartenfaecher || {};
  window.Kartenfaecher.sucheWoerter = { learn: learn, rewrite: rewrite };
})();
