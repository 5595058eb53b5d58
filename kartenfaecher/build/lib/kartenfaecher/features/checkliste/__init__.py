"""Checklists and the notes under their questions: ticks and notes, kept in the reader's browser.

One folder holds the feature. Python: the page „Checklisten“ (this module, below), the boxes
(``kaestchen.py``, a Python-Markdown extension that labels each box by its question); the blocks
themselves are read and checked with the other sources (kartenfaecher/sources/checkliste.py). Where a
card has a checklist, it loads the part ``checkliste`` (kartenfaecher/features/teile.py):
``checkliste.js`` (ticks, progress, reset), ``notiz.js`` (a note under each question),
``checkliste.css`` and ``notiz.css``, with the formats they keep and pass on
(``checkliste-speicher.js``, ``notiz-speicher.js``); they keep them in the shared store and ask
with the shared dialog (kartenfaecher/features/gemeinsam/). The page „Checklisten“ adds the part
``checklisten-seite``: ``checkliste-uebernehmen.js`` (what a file or link holds, before it is
taken over), ``checkliste-uebersicht.js`` (the tools), ``checkliste-markdown.js`` (the
download), ``checkliste-teilen.js`` (file and link, through the shared share box),
``notiz-uebersicht.js``, and the tools' markup (``werkzeuge.html``). Its tests: tests/browser/test_checkliste.py, tests/browser/test_notiz.py,
tests/browser/test_speicher.py (blocked and corrupt storage), tests/site/test_checkliste.py,
tests/site/test_zusammenarbeit.py, tests/firefox/flows (checkliste-*, notiz, speicher-*).

The page „Checklisten“: every card's checklists by chapter, with the tools above them.
The blocks are the cards' own Markdown (kartenfaecher/sources/checkliste.py) with the
same keys, so a tick on a card and on this page is one tick. The tools (export,
print, import, sharing) are markup in ``werkzeuge.html`` beside this module, on which the
overview's scripts depend.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Callable

import jinja2

from ...build import html, text
from ...sources.checkliste import Checklist
from ...sources.registry import Card, Registry
from .. import teile
from ..gemeinsam import share_box

TOOLS = Path(__file__).with_name("werkzeuge.html")


def tools() -> str:
    """The tools' markup above the page „Checklisten“ (its comment, for us, left out)."""
    return jinja2.Template(TOOLS.read_text(encoding="utf-8")).render(share_box=share_box, t=html, text=text)


def all_checklists(registry: Registry, checklists: dict[int, list[Checklist]],
                   link: Callable[[Card], str], tools: str) -> str:
    """Markdown of every checklist, by chapter and card, with ``tools`` (the partial) above them.

    ``link`` gives the HTML link to a card (from karte.card_link).
    """
    teile.use("checklisten-seite")
    parts = [tools]
    for chapter in registry.chapters:
        cards = [c for c in registry.chapter_cards(chapter) if c.number in checklists]
        if not cards:
            continue
        parts.append(f"## {escape(chapter.title)} {{ #{chapter.id} }}")
        for card in cards:
            parts.append(f"### {link(card)} {{ #karte-{card.number} }}")
            parts.extend(c.markdown() for c in checklists[card.number])
    return "\n\n".join(parts) + "\n"
