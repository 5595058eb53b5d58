"""Markdown for what the site shows around and between cards.

Every link is written as a Markdown link to the target's source file, so MkDocs
resolves it for the website and the offline bundle alike and its link check
covers it. Raw HTML is used only for structure (md_in_html parses inside it).
"""

from __future__ import annotations

import html
import re

from .registry import Card, Registry, relative_link

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _text(value: str) -> str:
    """Escape text for a Markdown link label."""
    return _MD_SPECIAL.sub(r"\\\1", value)


def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def card_link(card: Card, from_src: str, label: str | None = None, css: str = "karte-link") -> str:
    """A Markdown link to a card, tagged with its number and chapter for styles and scripts."""
    if label is None:
        label = (f'<span class="karte-nummer">{card.number}</span> '
                 f'<span class="karte-titel">{_text(card.title)}</span>')
    return (f"[{label}]({relative_link(from_src, card.src_uri)})"
            f'{{ .{css} data-karte="{card.number}" data-kapitel="{_attr(card.chapter.id)}" }}')


def references(registry: Registry, from_src: str, numbers: list[int]) -> str:
    """The printed "→ 15, 16, 18" block at the end of a card, as links with titles."""
    cards = [registry.card(n) for n in numbers]
    items = "\n".join(f"- {card_link(c, from_src)}" for c in cards)
    return ('<nav class="karte-verweise" aria-label="Verweise auf andere Karten" markdown>\n'
            '<span class="karte-pfeil" aria-hidden="true">→</span>\n\n'
            f"{items}\n\n</nav>")


def inline_link(registry: Registry, from_src: str, number: int, text: str | None = None) -> str:
    """A link to one card inside running text: Karte 15 „Warum Legitimation wichtig ist“."""
    card = registry.card(number)
    label = _text(text) if text else f"Karte {card.number} „{_text(card.title)}“"
    return card_link(card, from_src, label=label)


def header(registry: Registry, card: Card) -> str:
    """Number, title and chapter at the top of a card page."""
    chapter_cards = registry.chapter_cards(card.chapter)
    overview = chapter_cards[0]
    position = chapter_cards.index(card) + 1
    chapter = _text(card.chapter.title)
    if overview is not card:
        chapter = card_link(overview, card.src_uri, label=chapter, css="karte-kapitel-link")
    where = f"Kapitel {chapter}"
    if len(chapter_cards) > 1:
        where += f" · Karte {position} von {len(chapter_cards)}"
    return (f'<header class="karte-kopf" data-kapitel="{_attr(card.chapter.id)}" markdown>\n'
            f'<p class="karte-kapitel" markdown>{where}</p>\n'
            f'<h1 id="karte-{card.number}" markdown>'
            f'<span class="karte-nummer"><span class="visually-hidden">Karte </span>'
            f'{card.number}</span> <span class="karte-titel">{_text(card.title)}</span></h1>\n'
            "</header>\n\n")


def footer(registry: Registry, card: Card) -> str:
    """Backlinks and the previous and next card in printed order, below a card's text."""
    parts = []
    if card.backrefs:
        items = "\n".join(f"- {card_link(registry.card(n), card.src_uri)}" for n in card.backrefs)
        parts.append('<nav class="karte-rueckverweise" aria-labelledby="verweise-hierher" markdown>\n'
                     '<h2 id="verweise-hierher">Verweise hierher</h2>\n\n'
                     f"{items}\n\n</nav>")
    steps = []
    before, after = registry.previous(card), registry.next(card)
    if before:
        steps.append(card_link(before, card.src_uri, css="karte-zurueck",
                               label=f'<span class="karte-richtung">← Vorherige Karte</span> '
                                     f'{before.number} {_text(before.title)}'))
    if after:
        steps.append(card_link(after, card.src_uri, css="karte-weiter",
                               label=f'<span class="karte-richtung">Nächste Karte →</span> '
                                     f'{after.number} {_text(after.title)}'))
    if steps:
        parts.append('<nav class="karte-blaettern" aria-label="Blättern im Fächer" markdown>\n'
                     + "\n".join(steps) + "\n</nav>")
    return "\n\n" + "\n\n".join(parts) + "\n" if parts else ""


def chapter_cards(registry: Registry, card: Card) -> str:
    """The ▶ list of a chapter's overview card: its other cards, as links."""
    cards = [c for c in registry.chapter_cards(card.chapter) if c is not card]
    items = "\n".join(f"- {card_link(c, card.src_uri)}" for c in cards)
    return f'<div class="kapitel-karten" markdown>\n\n{items}\n\n</div>'


def contents(registry: Registry, from_src: str) -> str:
    """Every card by chapter, with its number: the contents page."""
    blocks = []
    for chapter in registry.chapters:
        cards = registry.chapter_cards(chapter)
        items = "\n".join(f"- {card_link(c, from_src)}" for c in cards)
        blocks.append(f"## {_text(chapter.title)} {{ #{chapter.id} }}\n\n"
                      f'<div class="inhalt-karten" data-kapitel="{_attr(chapter.id)}" markdown>\n\n'
                      f"{items}\n\n</div>")
    return "\n\n".join(blocks)
