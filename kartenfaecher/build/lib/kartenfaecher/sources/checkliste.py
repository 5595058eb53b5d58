"""Checklists in the card sources: the handbook's questions as blocks a reader ticks.

In a card file a checklist is an admonition of the type ``checkliste`` holding
a task list, one question per item::

    Fragen dabei können zum Beispiel sein:

    !!! checkliste "Checkliste"

        - [ ] In welchem **Verhältnis** stehen die bezahlten Stellen …?
        - [ ] Wer sollte die bezahlten Stellen übernehmen?
            - **Personen aus der Gruppe**

The lead-in sentence stays the authors' text outside the block; the block's
title is ours. Nested lists under a question stay plain lists (no boxes).

Each question gets a key that is stable across new versions of the site: the
card number and a short hash of the question's normalised text ("21-3f9a2c1b").
Reordering questions or inserting new ones keeps every key; editing a question
changes only its own. The browser keeps ticks under these keys
(kartenfaecher/features/checkliste/).

This module reads and checks the blocks (plain Python, no MkDocs) and marks
each question with its key before Markdown runs (``annotate``). The Markdown
extension that turns a marked question into a labelled checkbox is
kartenfaecher/features/checkliste/kaestchen.py; the page „Checklisten“ is
kartenfaecher/features/checkliste/.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..errors import ContentError
from .registry import Registry, plain_text

TYPE = "checkliste"
DEFAULT_TITLE = "Checkliste"
INDENT = "    "
# The opening line of a checklist block, as admonition writes it.
_START = re.compile(r'^!!!\s+checkliste(?:\s+"(?P<title>[^"]*)")?\s*$')
# Anything that looks like an attempt at one (wrong case, ??? instead of !!!).
_START_LOOSE = re.compile(r"^(!!!|\?\?\?\+?)\s*checkliste\b", re.IGNORECASE)
_ITEM = re.compile(r"^[-*+]\s+(?P<box>\[(?P<state>[ xX])\]\s+)?(?P<text>.*)$")
# How the key travels from the Markdown into the HTML: appended to the question
# by ``annotate``, removed again by kartenfaecher/features/checkliste/kaestchen.py.
_MARKER = "[[checkliste:{}]]"
MARKER_RE = re.compile(r"\s*\[\[checkliste:(?P<key>\d+-[0-9a-f]{8})\]\]\s*$")


@dataclass(frozen=True)
class Item:
    """One question of a checklist."""

    key: str
    text: str  # the question's own Markdown, joined to one line
    line: int  # line in the card file
    lines: tuple[str, ...]  # the item's Markdown below the block's indent, nested lists included
    last_text_line: int  # index in the body of the question's last line of its own text


@dataclass(frozen=True)
class Checklist:
    """One checklist block of a card."""

    card: int
    title: str
    line: int
    items: tuple[Item, ...]

    def markdown(self, marked: bool = True) -> str:
        """The block as Markdown again (for the page of all checklists), keys marked."""
        out = [f'!!! {TYPE} "{self.title}"', ""]
        for item in self.items:
            out.extend(INDENT + line if line.strip() else "" for line in _marked_lines(item, marked))
        return "\n".join(out) + "\n"


def _marked_lines(item: Item, marked: bool) -> list[str]:
    lines = list(item.lines)
    if marked:
        own = _own_text_count(lines)
        lines[own - 1] = lines[own - 1].rstrip() + " " + _MARKER.format(item.key)
    return lines


def _own_text_count(lines: list[str]) -> int:
    """How many of an item's lines are its own text (the rest is a nested list)."""
    count = 1
    for line in lines[1:]:
        if not line.strip() or _ITEM.match(line.strip()) and _indent(line) >= 2:
            break
        count += 1
    return count


def normalised(markdown_text: str) -> str:
    """A question's text as the key sees it: no markup, one space, Unicode NFC, case folded.

    So re-flowing a line, changing bold or fixing capitals keeps a reader's tick;
    any change of words does not.
    """
    return unicodedata.normalize("NFC", plain_text(markdown_text)).casefold()


def item_key(card: int, markdown_text: str) -> str:
    """The stable key of a question: card number and the first 8 hex digits of its hash."""
    digest = hashlib.sha256(normalised(markdown_text).encode("utf-8")).hexdigest()
    return f"{card}-{digest[:8]}"


# -- reading the blocks ------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def parse(body: str, card: int | None, shown: str, offset: int = 0) -> list[Checklist]:
    """The checklist blocks of a page body, checked.

    ``offset`` is the number of lines above the body (front matter), so errors
    name the line in the file. ``card`` is None for a page that is not a card,
    where a checklist block is refused (its ticks would belong to no card).
    """
    if "checkliste" not in body.lower():
        return []
    lines = body.split("\n")
    found: list[Checklist] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _START_LOOSE.match(line):
            i += 1
            continue
        start = i + 1 + offset
        match = _START.match(line)
        if not match:
            raise ContentError(shown, start, "a checklist block must open with "
                               "'!!! checkliste \"Titel\"'.",
                               'write the line as !!! checkliste "Checkliste" (lower case, three '
                               "exclamation marks, the title in double quotes).")
        if card is None:
            raise ContentError(shown, start, "a checklist block stands on a page that is not a card.",
                               "put checklists into card files (docs/karten/); the page "
                               "„Checklisten“ gathers them with {{ alle_checklisten() }}.")
        title = (match.group("title") if match.group("title") is not None else DEFAULT_TITLE).strip()
        if not title:
            raise ContentError(shown, start, "the checklist block has an empty title.",
                               'give it a title, e.g. !!! checkliste "Checkliste".')
        i += 1
        content: list[tuple[int, str]] = []  # (index in body, line without the block's indent)
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(INDENT)):
            content.append((i, lines[i][len(INDENT):] if lines[i].strip() else ""))
            i += 1
        while content and not content[-1][1]:
            content.pop()
        found.append(_checklist(card, title, start, content, shown, offset))
    keys: dict[str, Item] = {}
    for checklist in found:
        for item in checklist.items:
            if item.key in keys:
                raise ContentError(shown, item.line, f"the question on this line is the same as on "
                                   f"line {keys[item.key].line}.",
                                   "ask each question once per card; ticks are kept by the "
                                   "question's text.")
            keys[item.key] = item
    return found


def _checklist(card: int, title: str, start: int, content: list[tuple[int, str]],
               shown: str, offset: int) -> Checklist:
    items: list[Item] = []
    current: list[tuple[int, str]] = []
    blank_before = False

    def close():
        if current:
            items.append(_item(card, current, shown, offset))

    for index, line in content:
        number = index + 1 + offset
        if not line:
            blank_before = True
            if current:
                current.append((index, line))
            continue
        item = _ITEM.match(line) if _indent(line) == 0 else None
        if item:
            if not item.group("box"):
                raise ContentError(shown, number, "a list item in a checklist block has no box.",
                                   "start each question with '- [ ] ' (a box to tick), or move "
                                   "the list out of the checklist block.")
            if item.group("state") != " ":
                raise ContentError(shown, number, "a question in a checklist block is ticked "
                                   "in the source.",
                                   "write '- [ ] ' with an empty box: readers tick the boxes.")
            close()
            current = [(index, line)]
        elif current and (not blank_before or _indent(line) >= 2):
            current.append((index, line))
        else:
            raise ContentError(shown, number, "a checklist block holds something that is not a "
                               "question with a box.",
                               "put only a task list ('- [ ] Frage') into the block, indented by "
                               "four spaces; sentences before or after it stay outside the block.")
        blank_before = False
    close()
    if not items:
        raise ContentError(shown, start, "the checklist block has no questions.",
                           "indent a task list by four spaces below the opening line: "
                           "'    - [ ] Frage'.")
    return Checklist(card=card, title=title, line=start, items=tuple(items))


def _item(card: int, numbered: list[tuple[int, str]], shown: str, offset: int) -> Item:
    while numbered and not numbered[-1][1]:
        numbered.pop()
    lines = [line for _, line in numbered]
    own = _own_text_count(lines)
    first = _ITEM.match(lines[0])
    text = " ".join([first.group("text")] + [line.strip() for line in lines[1:own]]).strip()
    line = numbered[0][0] + 1 + offset
    if not text:
        raise ContentError(shown, line, "a question in a checklist block is empty.",
                           "write the question after '- [ ] ', or remove the line.")
    return Item(key=item_key(card, text), text=text, line=line, lines=tuple(lines),
                last_text_line=numbered[own - 1][0])


def load(registry: Registry) -> dict[int, list[Checklist]]:
    """Every card's checklists, by card number (cards without any are left out).

    Reads the card bodies the registry has already read, not the files again.
    """
    found = {}
    for card in registry.cards:
        if "checkliste" not in card.body.lower():
            continue
        checklists = parse(card.body, card.number, card.path, card.body_offset)
        if checklists:
            found[card.number] = checklists
    return found


def annotate(body: str, card: int, shown: str) -> str:
    """The page body with each question's key appended to its text, for the tree processor."""
    if "checkliste" not in body.lower():
        return body
    lines = body.split("\n")
    for checklist in parse(body, card, shown):
        for item in checklist.items:
            index = item.last_text_line
            lines[index] = lines[index].rstrip() + " " + _MARKER.format(item.key)
    return "\n".join(lines)
