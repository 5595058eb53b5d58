"""Where a title may break: German hyphenation for the titles the pages show.

At 320 CSS px (WCAG 1.4.10) a card title such as „Rollenverteilung/Rollenkonflikte“ is wider
than the screen, and browsers hyphenate German only where they have a dictionary for it
(Chromium on Linux has none). So the build marks where a title's long words may break, by
pyphen's German patterns (the LibreOffice hyphenation dictionary it ships): soft hyphens
(U+00AD), which show as a hyphen only where a line breaks, and a break allowed after a
slash (``<wbr>``). The slides of the projector view mark the long words of their text too
(on a laptop zoomed to 200 % a column holds 14 letters of its type; the page is not
searched). Only in titles and slides as HTML shows them; never in the Markdown, karten.json,
the pages' ``<title>`` or the previews' data. The search index is freed of them
(kartenfaecher/features/suche/), and a title copied into the search field is read without them
(suche-woerter.js); other programs treat them as the optional hyphens they are.

The words one build hyphenated are kept for the next (``.cache/trennung.json``,
kartenfaecher/between_builds.py): loading pyphen's patterns took 0.7 s, half of a build of the
handbook, for the same few hundred words each time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

import pyphen

from .. import between_builds

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit any line; pyphen leaves three letters at either end.
MIN_LETTERS = 10
LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+")


# What kept words were made with: pyphen, its German patterns, and how many letters stay together.
MADE_WITH = between_builds.key(between_builds.package_file("pyphen"), Path(pyphen.LANGUAGES["de_DE"]), 3, 3)
_kept: dict[str, str] = {}  # word -> the word with its soft hyphens, from earlier builds and this one
_added = False


@lru_cache(maxsize=1)
def _patterns() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="de_DE", left=3, right=3)


def _word(word: str) -> str:
    """``word`` with soft hyphens where it may break (the patterns are loaded at the first new word)."""
    global _added
    if word not in _kept:
        _kept[word], _added = _patterns().inserted(word, hyphen=SOFT_HYPHEN), True
    return _kept[word]


def load(path: Path) -> None:
    """Take the words an earlier build kept in ``path`` (a missing or unreadable file: none)."""
    _kept.update({word: shown for word, shown in between_builds.read_entries(path, MADE_WITH).items()
                  if isinstance(shown, str) and shown.replace(SOFT_HYPHEN, "") == word})


def save(path: Path) -> None:
    """Keep the words for the next build, if this one hyphenated new ones."""
    global _added
    if _added:
        between_builds.write_entries(path, MADE_WITH, _kept)
        _added = False


def _marked(text: str, shortest: int) -> str:
    """``text`` with soft hyphens in its words of ``shortest`` letters or more."""
    return LETTERS.sub(lambda word: _word(word.group()) if len(word.group()) >= shortest else word.group(), text)


def word(word: str) -> str:
    """One word with soft hyphens wherever it may break (the printed cards' text: tools/druck.py)."""
    return _word(word)


@lru_cache(maxsize=4096)
def hyphenated(text: str) -> str:
    """``text`` with soft hyphens where its long words may break."""
    return _marked(text, MIN_LETTERS)


def title_html(title: str) -> str:
    """A title as HTML that breaks by German rules: soft hyphens, and a break after a slash."""
    return escape(hyphenated(title)).replace("/", "/<wbr>")


# A word of the text this long may not fit a slide's column (a laptop at 200 %: 14 letters
# or so of 38 CSS px in 360 px); the shorter ones never break.
TEXT_LETTERS = 15
_TEXT = re.compile(r">([^<]+)<")


def text_html(html: str) -> str:
    """A slide's text as HTML with soft hyphens in its long words (text between tags only)."""
    return _TEXT.sub(lambda text: f">{_marked(text.group(1), TEXT_LETTERS)}<", html)
