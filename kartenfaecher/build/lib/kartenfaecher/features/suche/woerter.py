"""German words for the search: compound parts, base forms, inflections, synonyms (no MkDocs).

Material's search (lunr) matches the beginning of a word only, so „Vereinbarung“
misses the Kooperationsvereinbarung and „Gremium“ misses „Gremien“. At build
time this module finds, for the words of a text, the words a reader may type
instead:

- compound parts, split with the German dictionary of Debian's hunspell-de-de
  (igerman98, maintained by Björn Jacke): its affix rules mark which word forms
  may begin, continue or end a compound, and a word is split only into such forms
  („Kooperations|vereinbarung“, „Handlungs|spiel|räume“);
- base forms (lemmas) from simplemma („Gremien“ → „Gremium“, „Räume“ → „Raum“);
- the other forms of a noun from the dictionary's affix rules („Konflikt“ →
  „Konflikte“, „Konflikten“), so a query in the plural finds the singular;
- words written with a hyphen or the gender colon, joined („E-Mail-Verteiler“ →
  „emailverteiler“, „Partner:innen“ → „partnerinnen“), as readers also type them;
- synonyms that authors list in mkdocs.yml under ``kartenfaecher.synonyme``
  („Videokonferenz: online“: a text that says „online“ is found by „Videokonferenz“).

The module beside this (``__init__.py``) puts these words into two fields of the search index
that lunr searches and the results never show.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import os
import pickle
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Callable

from kartenfaecher import NAME as ENGINE  # its cache folder is the engine's: shared by every handbook

from ... import between_builds
from ...errors import ContentError
from ...sources.synonyme import WORD

# Debian's hunspell-de-de; `make build` installs it when missing.
DICTIONARY = Path("/usr/share/hunspell/de_DE")
PACKAGE = "hunspell-de-de"
# Shorter parts are too often not the word readers mean ("Reflex|ion").
MIN_PART = 4
# Words shorter than this are not split.
MIN_COMPOUND = 7
# A word written with a hyphen or the gender colon („Co-Working“, „Partner:innen“): readers
# also type it as one („Coworking“, „Partnerinnen“).
JOINED = re.compile(rf"{WORD.pattern}(?:[-:]{WORD.pattern})+")
TAG = re.compile(r"<[^>]+>")
# Small words that are never worth a search term of their own.
STOPWORDS = frozenset("""
aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin
bis bist da dabei damit dann das dass dem den denn der des dich die dies diese diesem diesen
dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwa für gegen hat
hatte hier ich ihr ihre im in ins ist ja jede jedem jeden jeder jedes kann kein keine man mehr
mit muss nach nicht noch nur ob oder ohne sehr sein seine sich sie sind so soll sollen sowie
über um und uns unter viel vom von vor war was weil wenn wer werden wie wir wird wo zu zum zur
""".split())


# -- the dictionary -------------------------------------------------------------------------


class Dictionary:
    """The word forms of a hunspell dictionary, with the compound positions they may take."""

    def __init__(self, begin: set[str], middle: set[str], end: set[str], families: dict[str, frozenset]):
        self.begin, self.middle, self.end = begin, middle, end
        self.families = families  # a noun's form -> every standalone form of that noun

    @classmethod
    def read(cls, base: Path = DICTIONARY) -> Dictionary:
        require(base)
        aff, dic = base.with_suffix(".aff"), base.with_suffix(".dic")
        rules = _read_affixes(aff.read_text(encoding="utf-8", errors="replace"))
        flag = rules.pop("flags")
        begin, middle, end = set(), set(), set()
        families: dict[str, set] = defaultdict(set)
        lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
        for line in lines:
            if not line or line[0] in "\t #":
                continue
            stem, _, flags = line.partition("/")
            stem, flags = stem.strip(), flags.split()[0] if flags.strip() else ""
            if flag["forbidden"] in flags or "-" in stem or "." in stem:
                continue
            noun = stem[:1].isupper()
            standalone = set()
            for form, form_flags in _forms(stem, flags, rules):
                if "-" in form or len(form) < 2:
                    continue
                low = form.lower()
                if flag["begin"] in form_flags:
                    begin.add(low)
                if flag["middle"] in form_flags:
                    middle.add(low)
                if flag["end"] in form_flags:
                    end.add(low)
                if noun and flag["only_in_compound"] not in form_flags and \
                        not (form == stem and flag["needs_affix"] in flags):
                    standalone.add(low)
            # Genitives (Konflikts, Konfliktes, Anforderns) are not what readers type.
            standalone = {f for f in standalone if not (f.endswith("s") and
                                                        (f[:-1] in standalone or f[:-2] in standalone))}
            if len(standalone) > 1:
                family = frozenset(standalone)
                for form in standalone:
                    families[form] |= family
        return cls(begin, middle, end, {form: frozenset(forms) for form, forms in families.items()})

    def split(self, word: str) -> list[str]:
        """A compound's parts as written („kooperations“, „vereinbarung“); [] when it is none."""
        word = word.lower()
        if len(word) < MIN_COMPOUND:
            return []
        best = _best_split(word, self.begin, self.middle, self.end)
        return list(best) if best and len(best) > 1 else []


def require(base: Path = DICTIONARY) -> None:
    """Refuse a build without the dictionary before it starts, not after every page."""
    for path in (base.with_suffix(".aff"), base.with_suffix(".dic")):
        if not path.is_file():
            raise ContentError(str(path), None, "the German dictionary for the search is missing.",
                               f"install Debian's {PACKAGE} (`make build` does it: "
                               f"apt-get install {PACKAGE}).")


def _read_affixes(text: str) -> dict:
    """The SFX and PFX rules of an .aff file, and the flags that govern compounds."""
    rules = {"SFX": defaultdict(list), "PFX": defaultdict(list), "cross": {}}
    flag = {"begin": "\0", "middle": "\0", "end": "\0", "only_in_compound": "\0",
            "needs_affix": "\0", "forbidden": "\0"}
    names = {"COMPOUNDBEGIN": "begin", "COMPOUNDMIDDLE": "middle", "COMPOUNDEND": "end",
             "ONLYINCOMPOUND": "only_in_compound", "NEEDAFFIX": "needs_affix",
             "FORBIDDENWORD": "forbidden"}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0] in names:
            flag[names[fields[0]]] = fields[1]
        elif len(fields) == 4 and fields[0] in ("SFX", "PFX") and fields[2] in ("Y", "N"):
            rules["cross"][fields[0], fields[1]] = fields[2] == "Y"
        elif len(fields) >= 5 and fields[0] in ("SFX", "PFX"):
            kind, name, strip, add, condition = fields[:5]
            add, _, continuation = add.partition("/")
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            if "-" in add:  # hyphenated forms: the search splits words at hyphens anyway
                continue
            pattern = re.compile(condition + "$" if kind == "SFX" else "^" + condition)
            rules[kind][name].append((strip, add, pattern, continuation))
    rules["flags"] = flag
    return rules


def _forms(stem: str, flags: str, rules: dict):
    """Every form of a dictionary entry with its flags: the stem, suffixed, prefixed, both."""
    yield stem, flags
    suffixed = [(stem, flags)]
    for name in flags:
        for strip, add, pattern, continuation in rules["SFX"].get(name, ()):
            if stem.endswith(strip) and pattern.search(stem):
                form = stem[:len(stem) - len(strip)] + add
                yield form, flags + continuation
                if rules["cross"].get(("SFX", name)):
                    suffixed.append((form, flags + continuation))
    for name in flags:
        for strip, add, pattern, continuation in rules["PFX"].get(name, ()):
            for base, base_flags in suffixed:
                if base.startswith(strip) and pattern.search(base):
                    yield add + base[len(strip):], base_flags + continuation


def _best_split(word: str, begin: set, middle: set, end: set):
    """The split of ``word`` into the fewest dictionary parts (begin, middles, end)."""
    n = len(word)
    # best[i]: the fewest parts covering word[i:] and ending the compound, as a tuple.
    best: list[tuple | None] = [None] * (n + 1)
    for i in range(n - MIN_PART, -1, -1):
        candidates = []
        if word[i:] in end and i > 0:
            candidates.append((word[i:],))
        for j in range(i + MIN_PART, n - MIN_PART + 1):
            rest = best[j]
            part = word[i:j]
            if rest is not None and (part in middle or i == 0):
                candidates.append((part,) + rest)
        if i == 0:
            candidates = [c for c in candidates if len(c) > 1 and c[0] in begin]
        if candidates:
            best[i] = min(candidates, key=lambda c: (len(c), -len(c[-1])))
    return best[0]


# -- a cache between builds -------------------------------------------------------------------
#
# Reading the dictionary takes a second, and so does loading simplemma's German
# data; both give the same for the same input. Builds keep them in the user's
# cache folder, keyed by the dictionary files, this module and simplemma's version. That folder
# is shared by every copy of the project on the machine, so this module and simplemma are keyed
# by their content, not their files' times: two checkouts (or virtual envs) with the same code
# share one cache instead of replacing each other's on every build. The thesaurus's meanings
# (thesaurus.py) are kept the same way, through these three functions.


def cache_file(name: str, *inputs, folder: Path | None = None) -> Path:
    """In ``folder``, or else in the user's cache folder (shared by every project on the machine)."""
    root = folder or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / ENGINE
    return root / f"{name}-{between_builds.key(*inputs, _code())}.pickle"


@lru_cache(maxsize=1)
def _code() -> str:
    """This module's and simplemma's code, as a key (read once per process, not per cache file)."""
    return between_builds.key(Path(__file__).read_bytes(), between_builds.package_file("simplemma").read_bytes())


def load_kept(path: Path):
    """What an earlier build kept at ``path``; None if nothing whole is there."""
    try:
        return pickle.loads(between_builds.read(path) or b"")
    except Exception:  # noqa: BLE001 - damaged bytes raise any of a dozen errors: made anew
        return None


def save_kept(path: Path, value) -> None:
    """Keep ``value`` for the next build, in place of the one an earlier dictionary or version
    of this module made."""
    between_builds.write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
               older=path.name.rsplit("-", 1)[0] + "-*.pickle")


@lru_cache(maxsize=2)
def dictionary(base: Path = DICTIONARY) -> Dictionary:
    """The dictionary, read once per process (mkdocs serve rebuilds in one) and cached between builds."""
    require(base)
    cache = cache_file("woerterbuch", base.with_suffix(".aff"), base.with_suffix(".dic"))
    words = load_kept(cache)
    if not isinstance(words, Dictionary):
        words = Dictionary.read(base)
        save_kept(cache, words)
    return words


class Lemmas:
    """simplemma's base forms, kept between builds: its German data takes a second to load."""

    def __init__(self):
        self.cache = cache_file("lemmata")
        self.known = load_kept(self.cache)
        self.known = self.known if isinstance(self.known, dict) else {}
        self.added = False

    def __call__(self, word: str) -> str:
        lemma = self.known.get(word)
        if lemma is None:
            import simplemma

            lemma = self.known[word] = simplemma.lemmatize(word, lang="de").lower()
            self.added = True
        return lemma

    def save(self) -> None:
        if self.added:
            save_kept(self.cache, self.known)
            self.added = False


# -- the words a reader may type --------------------------------------------------------------


def plain_text(markup: str) -> str:
    """A search entry's title or text (which hold a little HTML) as plain text."""
    return html.unescape(TAG.sub(" ", markup))


class Finder:
    """The extra search terms of a text: compound parts, base forms, other forms, synonyms.

    With ``keep`` (the project's folder for what builds keep), the terms of each word are kept
    between builds in the user's cache folder (they depend only on the dictionary, simplemma
    and this module): a build whose words were all seen before reads neither the dictionary
    nor simplemma's data (``save`` keeps the new ones). The terms of each whole text (with
    the synonyms too), which a build of 2,000 cards took half a second to put together from
    its words, are kept in ``keep`` itself: a build keeps only its own texts, so a file shared
    by every project was replaced by each project built in turn.
    """

    def __init__(self, words: Dictionary | Callable[[], Dictionary], synonyms: dict[str, list[str]],
                 lemmas: Lemmas | None = None, keep: Path | None = None):
        self._words = words  # or the function that reads it, at the first word not kept
        self.lemma = lemmas or Lemmas()
        self.synonyms = synonyms
        self._kept = cache_file("suchwoerter", DICTIONARY.with_suffix(".aff"),
                                 DICTIONARY.with_suffix(".dic")) if keep else None
        earlier = load_kept(self._kept) if keep else None
        self._cache: dict[str, frozenset] = earlier if isinstance(earlier, dict) else {}
        self._added = False
        self._kept_texts = cache_file("suchtexte", DICTIONARY.with_suffix(".aff"),
                                       DICTIONARY.with_suffix(".dic"),
                                       repr(sorted(synonyms.items())), folder=keep) if keep else None
        earlier = load_kept(self._kept_texts) if keep else None
        self._texts_before: dict[bytes, list[str]] = earlier if isinstance(earlier, dict) else {}
        self._texts: dict[bytes, list[str]] = {}  # this build's, by a hash of the text

    @property
    def words(self) -> Dictionary:
        if not isinstance(self._words, Dictionary):
            self._words = self._words()
        return self._words

    def save(self) -> None:
        """Keep the terms of the words this build met first, for the next build."""
        if self._kept and self._added:
            save_kept(self._kept, self._cache)
            self._added = False
        if self._kept_texts and self._texts.keys() != self._texts_before.keys():
            save_kept(self._kept_texts, self._texts)  # this build's texts only: old ones go
            self._texts_before = dict(self._texts)

    def terms_of_word(self, word: str) -> frozenset:
        """What a reader may type to mean this word, beside the word itself."""
        if word in self._cache:
            return self._cache[word]
        low = word.lower()
        found = {self.lemma(word)}
        parts = self.words.split(low)
        # Every run of neighbouring parts but the whole: „handlungsspiel“, „spielräume“, „räume“.
        for i in range(len(parts)):
            for j in range(i + 1, len(parts) + 1):
                if (i, j) != (0, len(parts)):
                    span = "".join(parts[i:j])
                    found.add(span)
                    if j == len(parts):
                        found.add(self.lemma(span.capitalize()))
        # Other forms of the same word (Konflikt: Konflikte, Konflikten), not derived words
        # (Einbinden: Einbindungen): simplemma must give them the same base form.
        for term in list(found) + [low]:
            found |= self._forms(term)
        # A compound takes the forms of its last part (Kooperationsvereinbarungen).
        if parts:
            found |= {"".join(parts[:-1]) + form for form in self._forms(parts[-1])}
        found = frozenset(t for t in found if len(t) >= MIN_PART and t not in STOPWORDS and t != low)
        self._cache[word], self._added = found, True
        return found

    def _forms(self, word: str) -> set[str]:
        base = self.lemma(word.capitalize())
        return {f for f in self.words.families.get(word, ()) if self.lemma(f.capitalize()) == base}

    def terms(self, markup: str) -> list[str]:
        """The extra terms of a title or text, without those its own words already begin with.

        Material matches the beginning of a word, so a term that one of the text's
        words begins with is found already; of the rest, a term that another
        begins with is left out too. Synonyms come once for each mention.
        """
        if self._kept_texts is None:
            return self._terms(markup)
        key = hashlib.blake2b(markup.encode(), digest_size=16).digest()
        found = self._texts_before.get(key)
        if not isinstance(found, list):
            found = self._terms(markup)
        self._texts[key] = found
        return list(found)

    def _terms(self, markup: str) -> list[str]:
        text = plain_text(markup)
        words = WORD.findall(text)
        own = {w.lower() for w in words}
        extra: set[str] = set()
        for word in set(words):
            extra |= self.terms_of_word(word)
        extra |= {re.sub(r"[-:]", "", w).lower() for w in JOINED.findall(text)}
        known = sorted(own | extra)
        chosen = [t for t in sorted(extra - own) if not _begins_another(known, t)]
        for reader_word, text_words in self.synonyms.items():
            targets = set(text_words)
            mentions = sum(1 for w in words if w.lower() in targets or self.lemma(w) in targets)
            if not mentions and targets & extra:  # a part of a compound
                mentions = 1
            if mentions:
                chosen += [reader_word.lower()] * min(mentions, 3)
                chosen += sorted(self.terms_of_word(reader_word))
        return chosen


def _begins_another(ordered: list[str], word: str) -> bool:
    """Whether a word of the sorted list other than ``word`` begins with it."""
    at = bisect.bisect_right(ordered, word)
    return at < len(ordered) and ordered[at].startswith(word)
