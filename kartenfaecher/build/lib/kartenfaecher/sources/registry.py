"""The card registry: every card of the fan, read from its file's front matter.

A card file lives in ``docs/karten/`` and starts with::

    ---
    karte: 15
    titel: Warum Legitimation wichtig ist
    kapitel: legitimation
    ---

Its printed cross-references are macro calls in its text (``{{ siehe(8, 11) }}``,
or ``{{ karte(8) }}`` for a link in running text). The registry reads all card
files once per build, checks them, and derives what the site shows about them:
chapters, printed order, outgoing references and backlinks. It knows nothing of
MkDocs, so it can be tested and reused on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable

import jinja2
import yaml

from . import text
from .text import shown_path
from .calls import has_macros, scan, split_front_matter
from ..errors import ContentError

CARD_DIR = "karten"
# libyaml's parser where installed (it is with PyYAML's wheels): ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Macros whose arguments are card numbers; each such call is a reference.
REFERENCE_MACROS = ("siehe", "karte")
# The largest card number: a shared selection's link carries numbers of at most four digits
# (parseShared in kartenfaecher/features/auswahl/auswahl-teilen.js), so a larger card could not be shared.
LARGEST_NUMBER = 9999
GREY = "#595959"  # a chapter's colour where mkdocs.yml gives none (7:1 under white text)
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
MIN_CONTRAST = 4.5  # white text on a chapter's colour (WCAG 2.1 AA, 1.4.3)


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    colour: str = GREY  # its cards' band and number, under white text (kartenfaecher.kapitel's farbe)


@dataclass
class Card:
    number: int
    title: str
    chapter: Chapter
    src_uri: str  # path below docs/, e.g. "karten/15-warum-legitimation-wichtig-ist.md"
    path: str  # path as shown in messages, e.g. "docs/karten/15-….md"
    excerpt: str = ""  # the card's first paragraph as plain text ("" for overview cards)
    body: str = ""  # the Markdown below the front matter, for other readers of the card text
    body_offset: int = 0  # lines of the file above the body (the front matter)
    meta_keys: frozenset[str] = frozenset()  # the front matter's keys: names its macros may read
    refs: list[int] = field(default_factory=list)  # outgoing, in order of appearance
    backrefs: list[int] = field(default_factory=list)  # incoming, ascending
    druck: str | None = None  # "eng": printed in tighter type to fit one card, as the paper did

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def first_sentence(self) -> str:
        """The excerpt's first sentence (for descriptions); the excerpt if it has one only."""
        match = _SENTENCE_END.search(self.excerpt)
        return self.excerpt[:match.end()].strip() if match else self.excerpt


class Registry:
    """All cards in printed order, with lookups by number, file and chapter."""

    def __init__(self, cards: list[Card], chapters: list[Chapter]):
        self.cards = sorted(cards, key=lambda c: c.number)
        self.chapters = chapters
        self._by_number = {c.number: c for c in self.cards}
        self._by_src = {c.src_uri: c for c in self.cards}
        self._index = {c.number: i for i, c in enumerate(self.cards)}
        self._chapter_cards: dict[str, list[Card]] = {c.id: [] for c in chapters}
        for card in self.cards:
            self._chapter_cards[card.chapter.id].append(card)

    def __len__(self) -> int:
        return len(self.cards)

    def __contains__(self, number: int) -> bool:
        return number in self._by_number

    def card(self, number: int) -> Card:
        return self._by_number[number]

    def card_for_page(self, src_uri: str) -> Card | None:
        return self._by_src.get(src_uri)

    def previous(self, card: Card) -> Card | None:
        i = self._index[card.number]
        return self.cards[i - 1] if i > 0 else None

    def next(self, card: Card) -> Card | None:
        i = self._index[card.number]
        return self.cards[i + 1] if i + 1 < len(self.cards) else None

    def check_references(self, refs: dict[int, int], shown: str, own: int | None = None) -> None:
        """Every referenced card exists (``refs``: number -> line, from references_in)."""
        for number, line in refs.items():
            if number not in self:
                who = f"card {own}" if own is not None else "this page"
                raise ContentError(shown, line, f"{who} refers to card {number}, which does not exist.",
                                   f"use one of the card numbers {ranges(self.numbers())}, "
                                   f"or add a card file with 'karte: {number}'.")

    def numbers(self) -> list[int]:
        return [c.number for c in self.cards]

    def chapter_cards(self, chapter: Chapter) -> list[Card]:
        """The chapter's cards in printed order; the first is its overview card."""
        return self._chapter_cards[chapter.id]

    def nav(self) -> list:
        """MkDocs nav entries: a page per one-card chapter, a section per other chapter.

        Titles in the navigation are HTML to MkDocs and the theme (the page's title, header,
        navigation and search index take them as they are), so the cards' and chapters' titles,
        which are text, go in escaped: „Warum <Legitimation> & Co“ keeps its words, and a title
        holding markup shows it instead of running it."""
        entries = []
        for chapter in self.chapters:
            cards = self.chapter_cards(chapter)
            pages = [{escape(c.label): c.src_uri} for c in cards]
            entries.append(pages[0] if len(pages) == 1 else {escape(chapter.title): pages})
        return entries


def load_chapters(config: list, source: str = "mkdocs.yml") -> list[Chapter]:
    """Chapters from the ``kartenfaecher.kapitel`` list of mkdocs.yml."""
    chapters = []
    for entry in config or []:
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("titel"):
            raise ContentError(source, None, f"the chapter entry {entry!r} in kartenfaecher.kapitel "
                               "lacks an id or a titel.",
                               "write each chapter as {id: kurzname, titel: Kapitelname, farbe: '#rrggbb'} "
                               "(the colour may be left out: grey).")
        chapters.append(Chapter(id=str(entry["id"]), title=str(entry["titel"]),
                                colour=_colour(entry.get("farbe"), str(entry["id"]), source)))
    if not chapters:
        raise ContentError(source, None, "kartenfaecher.kapitel lists no chapters.",
                           "list the handbook's chapters under kartenfaecher.kapitel in mkdocs.yml.")
    return chapters


def _colour(given, chapter: str, source: str) -> str:
    """A chapter's colour, checked: #rrggbb (lower case), dark enough for the white text on it."""
    if given is None:
        return GREY
    where = f"kartenfaecher.kapitel: the colour {given!r} of the chapter '{chapter}'"
    if not isinstance(given, str) or not _HEX.fullmatch(given):
        raise ContentError(source, None, f"{where} is no colour written #rrggbb.",
                           "write it as six hex digits after #, e.g. farbe: '#1f5f8b' (quoted: YAML "
                           "reads # as a comment).")
    channels = [int(given[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    contrast = 1.05 / (0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] + 0.05)
    if contrast < MIN_CONTRAST:
        raise ContentError(source, None, f"{where} is too light for the white text on it "
                           f"({contrast:.1f}:1, at least {MIN_CONTRAST}:1).",
                           "choose a darker shade of it (the card's number and the band's text are white).")
    return given.lower()


def load_registry(docs_dir: str | Path, chapters: list[Chapter],
                  shown_root: str | Path | None = None,
                  excluded: Callable[[str], bool] = lambda src_uri: False) -> Registry:
    """Read and check every card file below ``docs_dir/karten``.

    ``shown_root`` is the folder paths in messages are relative to (the project);
    ``excluded`` tells the files the site leaves out (by their path below ``docs_dir``:
    mkdocs.yml's exclude_docs), which are no cards of it.
    Raises ContentError on the first mistake found.
    """
    docs_dir = Path(docs_dir)
    shown_root = Path(shown_root) if shown_root else docs_dir.parent
    chapter_by_id = {c.id: c for c in chapters}
    cards: list[Card] = []
    ref_lines: dict[int, dict[int, int]] = {}  # card -> referenced card -> line
    number_lines: dict[int, int] = {}
    seen: dict[int, Card] = {}

    files = [file for file in sorted((docs_dir / CARD_DIR).glob("**/*.md"))
             if not excluded(file.relative_to(docs_dir).as_posix())]
    if not files:
        raise ContentError(shown_path(docs_dir / CARD_DIR, shown_root), None,
                           "there are no card files.",
                           f"put one Markdown file per card into {CARD_DIR}/.")
    for file in files:
        shown = shown_path(file, shown_root)
        src_uri = file.relative_to(docs_dir).as_posix()
        yaml_text, body, offset = split_front_matter(text.read(file, shown))
        meta = _front_matter(yaml_text, shown)
        number, number_line = _number(meta, yaml_text, shown)
        title = _field(meta, yaml_text, shown, "titel", "the card's printed title")
        chapter_id = _field(meta, yaml_text, shown, "kapitel", "the id of its chapter")
        chapter = chapter_by_id.get(chapter_id)
        if chapter is None:
            raise ContentError(shown, key_line(yaml_text, "kapitel"),
                               f"card {number} names the chapter '{chapter_id}', which does not exist.",
                               "use one of the chapter ids listed under kartenfaecher.kapitel in mkdocs.yml: "
                               + ", ".join(c.id for c in chapters) + ".")
        if number in seen:
            other = seen[number]
            raise ContentError(shown, number_line,
                               f"card number {number} is taken twice: here and in {other.path}.",
                               "give each card file the number printed on its card.")
        card = Card(number=number, title=title, chapter=chapter, src_uri=src_uri, path=shown,
                    excerpt=first_paragraph(body), body=body, body_offset=offset, meta_keys=frozenset(meta),
                    druck=_print_setting(meta, yaml_text, shown))
        seen[number] = card
        number_lines[number] = number_line
        ref_lines[number] = references_in(body, offset, shown, own=number)
        cards.append(card)

    registry = Registry(cards, chapters)
    _check_chapters(registry)
    _link(registry, ref_lines)
    return registry


# A sentence ends at . ! or ? before a capital letter ("z.B. eine" and "D.h. die" go on).
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÄÖÜ„])")
_NOT_PROSE = ("{{", "{%", "<", "#", "-", "*", "|", ">", "!!!", "???")


def first_paragraph(body: str) -> str:
    """The first paragraph of running text in a card body, as plain text."""
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if block and not block.startswith(_NOT_PROSE) or block.startswith("**"):
            return plain_text(block)
    return ""


def plain_text(markdown: str) -> str:
    """Markdown inline markup removed: links keep their text, emphasis its words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# -- reading one card -------------------------------------------------------------


def _front_matter(yaml_text: str, shown: str) -> dict:
    if not yaml_text.strip():
        raise ContentError(shown, 1, "the card file has no front matter.",
                           "start it with ---, then lines karte: <Nummer>, titel: <Titel>, "
                           "kapitel: <Kapitel-id>, then ---.")
    try:
        meta = yaml.load(yaml_text, Loader=_Loader)
    except _KeyTwice as twice:
        raise ContentError(shown, twice.lines[1], f"{twice.key} is written twice in the front matter "
                           f"(lines {twice.lines[0]} and {twice.lines[1]}).", "keep one of the two lines.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise ContentError(shown, line, f"the front matter is not valid YAML ({error.problem if hasattr(error, 'problem') else error}).",
                           "write one key: value per line; put titles containing a colon in quotes.") from None
    if not isinstance(meta, dict):
        raise ContentError(shown, 2, "the front matter is not a list of key: value lines.",
                           "write karte: <Nummer>, titel: <Titel> and kapitel: <Kapitel-id>, one per line.")
    return meta


class _KeyTwice(Exception):
    def __init__(self, key: str, lines: tuple[int, int]):
        super().__init__(key)
        self.key, self.lines = key, lines


class _Loader(_YAML_LOADER):
    """PyYAML's safe loader, which refuses a key written twice (it would keep the last silently)."""

    def construct_mapping(self, node, deep=False):
        first: dict = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 2  # the front matter begins in the file's second line
                if key.value in first:
                    raise _KeyTwice(key.value, (first[key.value], line))
                first[key.value] = line
        return super().construct_mapping(node, deep=deep)


def key_line(yaml_text: str, key: str) -> int:
    """Line in the file of ``key:`` in the front matter (line 1 is the opening ---)."""
    for i, line in enumerate(yaml_text.split("\n")):
        if line.split(":", 1)[0].strip() == key:
            return i + 2
    return 1


def _number(meta: dict, yaml_text: str, shown: str) -> tuple[int, int]:
    line = key_line(yaml_text, "karte")
    if "karte" not in meta:
        raise ContentError(shown, 1, "the card file has no card number.",
                           "add a line 'karte: <Nummer>' with the number printed on the card "
                           "to the front matter.")
    value = meta["karte"]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ContentError(shown, line, f"the card number {value!r} is not a positive whole number.",
                           "write the number as printed, e.g. 'karte: 15'.")
    if value > LARGEST_NUMBER:
        raise ContentError(shown, line, f"the card number {value} is larger than {LARGEST_NUMBER}, the "
                           "largest a shared selection's link carries.",
                           f"number the cards from 1 to {LARGEST_NUMBER}.")
    return value, line


# The card's print setting (front matter ``druck:``): how the printed card is typeset.
PRINT_SETTINGS = {"eng": "tighter type (8 pt), so that a long card fits on one card as on paper"}


def _print_setting(meta: dict, yaml_text: str, shown: str) -> str | None:
    value = meta.get("druck")
    if value is None:
        return None
    if value not in PRINT_SETTINGS:
        raise ContentError(shown, key_line(yaml_text, "druck"), f"'druck: {value}' is no print setting.",
                           "write 'druck: eng' (" + PRINT_SETTINGS["eng"] + ") or leave the line out.")
    return value


# What YAML made of a value that should have been text, as messages name it.
_KINDS = ((bool, "true or false"), (int, "a number"), (float, "a number"), (list, "a list"),
          (dict, "a set of key: value pairs"))


def _field(meta: dict, yaml_text: str, shown: str, key: str, what: str) -> str:
    """The text of ``key``: one line, written as text (YAML reads [a, b] as a list, 2023 as a number)."""
    value = meta.get(key)
    line = key_line(yaml_text, key) if key in meta else 1
    if value is None or isinstance(value, str) and not value.strip():
        raise ContentError(shown, line, f"the card file has no {key} ({what}).",
                           f"add a line '{key}: …' to the front matter.")
    if not isinstance(value, str):
        kind = next((name for type_, name in _KINDS if isinstance(value, type_)), "no text")
        raise ContentError(shown, line, f"the {key} is {kind}, not a text.",
                           f"write it as one line of text in quotes: {key}: \"…\".")
    if "\n" in value.strip():
        raise ContentError(shown, line, f"the {key} runs over more than one line.",
                           f"write it as one line of text in quotes: {key}: \"…\".")
    if has_macros(value):
        raise ContentError(shown, line, f"the {key} holds template syntax ('{{{{', '{{%' or '{{#'), "
                           "which the macros plugin would run as a template.",
                           f"write the {key} as plain text.")
    return value.strip()


def references_in(body: str, offset: int, shown: str, own: int | None = None) -> dict[int, int]:
    """Card numbers a page body refers to, each with the line of its first mention.

    Checks the form of every reference macro call; ``own`` is the page's card
    number, if it is a card, which it must not refer to.
    """
    if not has_macros(body):
        return {}
    try:
        found = scan(body, offset)
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(shown, error.lineno, f"malformed macro call: {error.message}.",
                           "write references as {{ siehe(15, 16) }} and inline links as "
                           "{{ karte(15) }}, with matching braces and parentheses.") from None
    refs: dict[int, int] = {}
    for call in found.calls:
        if call.name not in REFERENCE_MACROS:
            continue
        numbers = call.args if call.name == "siehe" else call.args[:1]
        extra = call.args[1:] if call.name == "karte" else ()
        if not numbers or not call.constant or any(
                isinstance(n, bool) or not isinstance(n, int) for n in numbers) or any(
                not isinstance(x, str) for x in extra) or len(extra) > 1:
            usage = "{{ siehe(15, 16, 18) }}" if call.name == "siehe" else \
                "{{ karte(15) }} or {{ karte(15, \"Linktext\") }}"
            raise ContentError(shown, call.line,
                               f"{call.name}(…) needs card numbers written as plain numbers.",
                               f"write it as {usage}.")
        for number in numbers:
            if number == own:
                raise ContentError(shown, call.line, f"card {number} refers to itself.",
                                   "remove its own number from the reference.")
            if call.name == "siehe" and numbers.count(number) > 1:
                raise ContentError(shown, call.line,
                                   f"card {number} is named twice in one reference.",
                                   "name each card once.")
            refs.setdefault(number, call.line)
    return refs


# -- checks across cards ------------------------------------------------------------


def _check_chapters(registry: Registry) -> None:
    """Each chapter's cards stand together in printed order, and no chapter is empty."""
    order = [c.id for c in registry.chapters]
    last = -1
    previous = None
    for card in registry.cards:
        position = order.index(card.chapter.id)
        if position < last:
            raise ContentError(card.path, None,
                               f"card {card.number} belongs to chapter '{card.chapter.title}', "
                               f"but follows card {previous.number} of the later chapter "
                               f"'{previous.chapter.title}'.",
                               "check the card's number and kapitel: a chapter's cards are "
                               "numbered in one run, in the order of kartenfaecher.kapitel in mkdocs.yml.")
        last, previous = position, card
    for chapter in registry.chapters:
        if not registry.chapter_cards(chapter):
            raise ContentError("mkdocs.yml", None, f"the chapter '{chapter.id}' has no cards.",
                               "remove it from kartenfaecher.kapitel or give a card 'kapitel: "
                               f"{chapter.id}'.")


def _link(registry: Registry, ref_lines: dict[int, dict[int, int]]) -> None:
    """Resolve references and fill in backlinks; unknown numbers are errors."""
    for card in registry.cards:
        registry.check_references(ref_lines[card.number], card.path, own=card.number)
        for number in ref_lines[card.number]:
            card.refs.append(number)
            registry.card(number).backrefs.append(card.number)
    for card in registry.cards:
        card.backrefs.sort()


def ranges(numbers: list[int]) -> str:
    """'3, 5–54, 56' for [3, 5, 6, …, 54, 56]."""
    parts, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(str(start) if start == n else f"{start}–{n}")
            start = None
    return ", ".join(parts)
