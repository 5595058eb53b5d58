"""The page „Checklisten“: every card's checklists by chapter, with the tools above them.

The blocks are the cards' own Markdown (macros/sources/checkliste.py) with the
same keys, so a tick on a card and on this page is one tick. The tools (export,
print, import, sharing) are markup in overrides/partials/checkliste-werkzeuge.html,
the template the overview's script depends on.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from ..sources.checkliste import Checklist
from ..sources.registry import Card, Registry
from . import teile

TOOLS_PARTIAL = "partials/checkliste-werkzeuge.html"


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
