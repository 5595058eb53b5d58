"""The preview of a card shown when a reader hovers over or focuses a link to it.

One folder holds the feature: this module (the attributes a link carries), ``vorschau.js``
(showing the preview on hover, focus or a first tap) and ``vorschau.css`` (its box), which every
page loads as the part ``vorschau`` (kartenfaecher/features/teile.py). Its tests:
tests/browser/test_vorschau.py, tests/firefox/flows/vorschau.js (Firefox ESR), and the
previews' text in tests/browser/test_hostile_content.py.

The preview text travels with the link, as ``data-`` attributes written at build
time: the card's first lines and its chapter. So the preview works the same on a
web server and in the offline bundle opened from ``file://`` (where Chromium
refuses to ``fetch()`` a JSON file), costs no extra request, and can never show
text of another build. Only links that get a preview carry it: the printed
references, the backlinks, links in running text and the defined terms.
"""

from __future__ import annotations

import re
from html import escape

from ...sources.registry import Card, Registry

# About four lines of the preview box; a longer first paragraph is cut after a
# sentence, or after a word with "…" when its first sentence is longer still.
PREVIEW_CHARS = 280

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÄÖÜ„])")
# Characters Python-Markdown would still read inside an inline HTML tag (code
# spans, escapes, links) are written as character references.
_MARKDOWN_ACTIVE = {"`": "&#96;", "\\": "&#92;", "[": "&#91;", "]": "&#93;", "*": "&#42;",
                    "_": "&#95;", "{": "&#123;", "}": "&#125;"}


def shorten(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first sentences of ``text`` that fit into ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > limit:
            break
        cut = match.end()
    if cut:
        return text[:cut].strip()
    words = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return words + " …"


def preview_text(registry: Registry, card: Card) -> str:
    """A card's first lines; for an overview card (no text of its own) its cards' titles."""
    if card.excerpt:
        return shorten(card.excerpt)
    others = [c for c in registry.chapter_cards(card.chapter) if c is not card]
    return shorten(" · ".join(f"{c.number} {c.title}" for c in others))


def attribute(value: str) -> str:
    """``value`` as the content of a double-quoted HTML attribute inside Markdown."""
    text = escape(value, quote=True)
    return "".join(_MARKDOWN_ACTIVE.get(ch, ch) for ch in text) if any(
        ch in text for ch in _MARKDOWN_ACTIVE) else text


def attributes(registry: Registry, card: Card) -> str:
    """The ``data-`` attributes vorschau.js reads: the card's title, first lines and chapter."""
    return (f' data-titel="{attribute(card.title)}"'
            f' data-auszug="{attribute(preview_text(registry, card))}"'
            f' data-kapitel-titel="{attribute(card.chapter.title)}"')
