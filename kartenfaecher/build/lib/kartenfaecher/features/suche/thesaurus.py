"""Readers' words from OpenThesaurus, for the search (no MkDocs).

Readers look for a card in their own words: an administration's („Fördermittel“), a
movement's („Zoff“), where the authors wrote others („Förderung“, „Konflikt“).
OpenThesaurus (openthesaurus.de, LGPL), the German thesaurus of LibreOffice, written and kept
up by its users since 2003, lists the words of each meaning; Debian packages it as
``mythes-de`` in MyThes's format, which `make` installs beside the dictionary: in the ``.dat``
file each meaning is a line ``-|Wort|Synonym|Synonym (ugs.)|Oberbegriff (Oberbegriff)|…``,
under each of its words. Only single nouns are taken (a phrase is no search term).

``reader_words`` gives the search (``__init__.py`` beside this) what it ships with the index: for
each noun a reader may type that no word of the index begins with, a noun of the same meaning
that names what a card is about (``topics``: its title's nouns and those that stand out in
its text). suche-woerter.js reads a query's word as that only where the word itself finds
nothing, so a card's own words always come first. Mapped to every word of the text (tried),
readers' words found the neighbours of the card meant as often as the card, and the file
was as large as the index; mapped to the topics, it is a third of it. Left out as words
readers type: a meaning's broader terms („Dokument (Oberbegriff)“ is no name for a press
release), and words marked old, coarse or regional, which would make the file larger for few
readers. A broader term is what a word stands for only where it is near (``NEAR_BROADER``).
The meanings are read from the 28 MB file once per thesaurus and kept between builds.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from ...errors import ContentError
from . import woerter

# Debian's mythes-de; `make build` installs it when missing.
THESAURUS = Path("/usr/share/mythes/th_de_DE_v2")
PACKAGE = "mythes-de"
# A noun of a meaning, with its notes: „Zoff (ugs.)“, „Konflikt (Oberbegriff)“.
NOUN = re.compile(r"([A-ZÄÖÜ][a-zäöüß]+)(?:\s*\(([^)]*)\))?")
BROADER = "Oberbegriff"
# Words with these notes are not offered as words readers type.
RARE = frozenset({"veraltet", "veraltend", "derb", "vulg.", "historisch", "selten", "scherzhaft",
                  "schweiz.", "österr.", "regional", "Jargon", "abwertend"})
MIN_READER_WORD = 4  # shorter: too often part of an unrelated word
# A broader term is taken for a meaning's words where it is that of a few meanings only:
# „Konflikt“ for „Zoff“ (broader for 17 meanings), not „Mensch“ for „Bäcker“ (307).
NEAR_BROADER = 20
SELDOM = 2  # a word in this many entries or fewer is read with its meaning too (suche-woerter.js)
TOPICS = 10  # the nouns that stand out most in an entry's text, taken as its topics
CAPITALIZED = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{4,}\b")
LOWERED = re.compile(r"\b[a-zäöüß]{5,}\b")


class Thesaurus:
    """The meanings of OpenThesaurus's ``.dat`` file, each a line ``-|Wort|Synonym (ugs.)|…``."""

    def __init__(self, data: Path, encoding: str):
        self.data, self.encoding = data, encoding

    @classmethod
    def open(cls, base: Path = THESAURUS) -> Thesaurus:
        data = base.with_suffix(".dat")
        if not data.is_file():
            raise ContentError(str(data), None, "the German thesaurus for the search is missing.",
                               f"install Debian's {PACKAGE} (`make build` does it: apt-get install {PACKAGE}).")
        with data.open("rb") as first:  # the first line names the encoding
            encoding = first.readline().decode("ascii").strip() or "UTF-8"
        return cls(data, encoding)

    def meanings(self) -> list[tuple[frozenset[str], frozenset[str]]]:
        """Each meaning once, as its nouns (lower case) that readers may type and those it names
        as broader terms (rare words left out); kept between builds (reading it takes seconds)."""
        kept = woerter.cache_file("bedeutungen", self.data, Path(__file__).read_bytes())
        earlier = woerter.load_kept(kept)
        if isinstance(earlier, list):
            return earlier
        found = []
        with self.data.open("rb") as data:
            for line in data:
                if not line.startswith(b"-|"):
                    continue
                typed, broader = set(), set()
                for member in line.decode(self.encoding).rstrip("\n").split("|")[1:]:
                    noun = NOUN.fullmatch(member.strip())
                    if noun:
                        notes = {note.strip() for note in (noun.group(2) or "").split(",")}
                        if BROADER in notes:
                            broader.add(noun.group(1).lower())
                        elif not notes & RARE:
                            typed.add(noun.group(1).lower())
                if typed:
                    found.append((frozenset(typed), frozenset(broader - typed)))
        found = list(dict.fromkeys(found))  # each meaning stands under each of its words
        woerter.save_kept(kept, found)
        return found


def topics(entries: list[tuple[str, str]], most: int = TOPICS) -> set[str]:
    """The nouns (lower case) that name what each entry, a title with its text, is about: those
    of its title, and the ``most`` that stand out in its text, by how often they stand there
    and how few other entries have them. A noun is a word of five letters or more that is
    written capitalized wherever it stands („Deshalb“ at a sentence's start is not)."""
    capitalized = [[word.lower() for word in CAPITALIZED.findall(title + " " + text)] for title, text in entries]
    lowered = {word for title, text in entries for word in LOWERED.findall(title + " " + text)}
    nouns = [[word for word in words if word not in lowered] for words in capitalized]
    spread = Counter(word for words in nouns for word in set(words))
    found: set[str] = set()
    for (title, _), words in zip(entries, nouns):
        found |= {word.lower() for word in CAPITALIZED.findall(title)} - lowered
        weight = Counter(words)
        found |= set(sorted(weight, key=lambda word: (-weight[word] * math.log(len(entries) / spread[word]),
                                                      word))[:most])
    return found


def reader_words(thesaurus: Thesaurus, texts: list[set[str]], topics: set[str],
                 stopwords: frozenset[str] = frozenset()) -> dict[str, str]:
    """Nouns a reader may type, grouped by the noun of a topic they stand for: ``{"kontroverse":
    "zank zoff …"}``. ``texts`` are the words of each entry of the index (lower case), ``topics``
    what ``topics`` found. A noun that words of more than ``SELDOM`` entries begin with is found
    already and not taken. Of the topics' nouns of the same meaning, it stands for the one in the fewest entries,
    which names a card's topic rather than the field („Förderung“, not „Unterstützung“).
    """
    ordered = sorted(set().union(*texts))
    entries = Counter(word for words in texts for word in words)

    def found(word: str) -> bool:
        """Whether the words that begin with ``word`` stand in more than SELDOM entries (each counted)."""
        at, seen = bisect.bisect_left(ordered, word), 0
        while at < len(ordered) and ordered[at].startswith(word) and seen <= SELDOM:
            seen += entries[ordered[at]]
            at += 1
        return seen > SELDOM

    meanings = thesaurus.meanings()
    broadest = Counter(word for _, broader in meanings for word in broader)
    meant: dict[str, set[str]] = defaultdict(set)
    named = {word for word in topics if entries[word] and word not in stopwords}  # what a target can be
    for typed, broader in meanings:
        if typed.isdisjoint(named) and broader.isdisjoint(named):
            continue  # most meanings: none of their words names a topic here
        near = {word for word in broader if broadest[word] <= NEAR_BROADER}
        targets = (typed | near) & named
        for word in typed - targets:
            if targets and len(word) >= MIN_READER_WORD and not found(word):
                meant[word] |= targets
    groups: dict[str, list[str]] = defaultdict(list)
    for word, targets in meant.items():
        groups[min(targets, key=lambda target: (entries[target], target))].append(word)
    return {target: " ".join(sorted(words)) for target, words in sorted(groups.items())}
