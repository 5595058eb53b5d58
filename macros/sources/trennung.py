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
(macros/outputs/suche.py), and a title copied into the search field is read without them
(suche-woerter.js); other programs treat them as the optional hyphens they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import pyphen

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit any line; pyphen leaves three letters at either end.
MIN_LETTERS = 10
LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+")


@lru_cache(maxsize=1)
def _patterns() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="de_DE", left=3, right=3)


@lru_cache(maxsize=4096)
def hyphenated(text: str) -> str:
    """``text`` with soft hyphens where its long words may break."""
    patterns = _patterns()
    return LETTERS.sub(lambda word: patterns.inserted(word.group(), hyphen=SOFT_HYPHEN)
                       if len(word.group()) >= MIN_LETTERS else word.group(), text)


def title_html(title: str) -> str:
    """A title as HTML that breaks by German rules: soft hyphens, and a break after a slash."""
    return escape(hyphenated(title)).replace("/", "/<wbr>")


# A word of the text this long may not fit a slide's column (a laptop at 200 %: 14 letters
# or so of 38 CSS px in 360 px); the shorter ones never break.
TEXT_LETTERS = 15
_TEXT = re.compile(r">([^<]+)<")


def text_html(html: str) -> str:
    """A slide's text as HTML with soft hyphens in its long words (text between tags only)."""
    patterns = _patterns()

    def words(text: re.Match) -> str:
        return ">" + LETTERS.sub(lambda w: patterns.inserted(w.group(), hyphen=SOFT_HYPHEN)
                                 if len(w.group()) >= TEXT_LETTERS else w.group(), text.group(1)) + "<"
    return _TEXT.sub(words, html)
