"""The card page and links to cards: header, references, backlinks, previous/next.

Also the card links and lists the other features build on (the fan, the
contents page, the Checklisten page). Links to cards come from the registry, so their targets exist by construction;
``href`` (given by the caller) turns a card into the relative address of its
page from the page being built, for the website and the offline bundle alike.
The blocks are HTML, which Markdown passes through unread (extensions/fertig.py):
building them from Markdown cost more than the rest of our work together.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from ..build import html
from ..extensions.fertig import kept
from ..sources import trennung
from ..sources.registry import Card, Chapter, Registry
from . import vorschau

Href = Callable[[Card], str]


def card_link(card: Card, href: Href, label: str | None = None, css: str = "karte-link",
              attrs: str = "") -> str:
    """A link to a card, tagged with its number and chapter for styles and scripts.

    ``attrs``: more attributes, e.g. the preview's (vorschau.attributes).
    """
    if label is None:
        label = (f'<span class="karte-nummer">{card.number}</span> '
                 f'<span class="karte-titel">{escape(card.title)}</span>')
    return (f'<a class="{css}" href="{escape(href(card))}" data-karte="{card.number}" '
            f'data-kapitel="{escape(card.chapter.id)}"{attrs}>{label}</a>')


def _card_list(cards: list[Card], href: Href, registry: Registry | None = None) -> str:
    """A list of links to cards; with ``registry``, each link carries its card's preview."""
    return "<ul>\n" + "\n".join(
        f"<li>{card_link(c, href, attrs=vorschau.attributes(registry, c) if registry else '')}</li>"
        for c in cards) + "\n</ul>"


def references(registry: Registry, href: Href, numbers: list[int]) -> str:
    """The printed "→ 15, 16, 18" block at the end of a card, as links with titles."""
    cards = [registry.card(n) for n in numbers]
    return (f'<nav class="karte-verweise" aria-label="{html("karte.verweise")}">\n'
            '<span class="karte-pfeil" aria-hidden="true">→</span>\n'
            f"{_card_list(cards, href, registry)}\n</nav>")


def inline_link(registry: Registry, href: Href, number: int, text: str | None = None) -> str:
    """A link to one card inside running text: Karte 15 „Warum Legitimation wichtig ist“."""
    card = registry.card(number)
    label = escape(text) if text else html("karte.imText", nummer=card.number, titel=escape(card.title))
    return card_link(card, href, label=label, attrs=vorschau.attributes(registry, card))


def header(registry: Registry, card: Card, href: Href, bar: str = "") -> str:
    """Number, title and chapter at the top of a card page, and below them ``bar``: the „Merken“
    bar as the selection writes it (kartenfaecher/features/auswahl/)."""
    chapter_cards = registry.chapter_cards(card.chapter)
    overview = chapter_cards[0]
    chapter = escape(card.chapter.title)
    if overview is not card:
        chapter = card_link(overview, href, label=chapter, css="karte-kapitel-link")
    where = html("karte.kapitel", kapitel=chapter)
    if len(chapter_cards) > 1:
        where += html("karte.stelleImKapitel", stelle=chapter_cards.index(card) + 1, anzahl=len(chapter_cards))
    tight = f' data-druck="{card.druck}"' if card.druck else ""  # druck.css: tighter type in print
    return (f'<header class="karte-kopf" data-kapitel="{escape(card.chapter.id)}"{tight}>\n'
            f'<p class="karte-kapitel">{where}</p>\n'
            f'<h1 id="karte-{card.number}"><span class="karte-nummer">'
            f'<span class="visually-hidden">{html("karte.vorNummer")}</span>{card.number}</span> '
            f'<span class="karte-titel">{trennung.title_html(card.title)}</span></h1>\n'
            f"{bar}\n"
            "</header>")


def footer(registry: Registry, card: Card, href: Href) -> str:
    """Backlinks and the previous and next card in printed order, below a card's text: the
    screen's navigation, marked ``data-nur-bildschirm`` (the Druckfassung leaves it out)."""
    parts = []
    if card.backrefs:
        backrefs = [registry.card(n) for n in card.backrefs]
        parts.append('<nav class="karte-rueckverweise" data-nur-bildschirm aria-labelledby="verweise-hierher">\n'
                     f'<h2 id="verweise-hierher">{html("karte.verweiseHierher")}</h2>\n'
                     f"{_card_list(backrefs, href, registry)}\n</nav>")
    steps = []
    before, after = registry.previous(card), registry.next(card)
    if before:
        steps.append(card_link(before, href, css="karte-zurueck",
                               label=f'<span class="karte-richtung">{html("karte.vorherige")}</span> '
                                     f"{before.number} {escape(before.title)}"))
    if after:
        steps.append(card_link(after, href, css="karte-weiter",
                               label=f'<span class="karte-richtung">{html("karte.naechste")}</span> '
                                     f"{after.number} {escape(after.title)}"))
    if steps:
        parts.append(f'<nav class="karte-blaettern" data-nur-bildschirm aria-label="{html("karte.blaettern")}">\n'
                     + "\n".join(steps) + "\n</nav>")
    return "\n\n".join(parts)


def framed(registry: Registry, card: Card, href: Href, markdown: str, bar: str = "") -> tuple[str, str]:
    """A card's Markdown below its header (``bar``: as ``header`` takes it), and its footer,
    which the template writes after the text (kartenfaecher/build.py, ``card_footers``).

    The footer (backlinks, previous and next) is the screen's navigation, not the card's
    text: written by the template, it stays out of the search index, whose parser read it on
    every card page (at 2,000 cards, a second of the build), and out of the results.
    """
    return f"{kept(header(registry, card, href, bar))}\n\n{markdown}\n", footer(registry, card, href)


def contents(registry: Registry, href: Href) -> str:
    """Every card by chapter, with its number: the contents page."""
    blocks = []
    for chapter in registry.chapters:
        blocks.append(f"## {escape(chapter.title)} {{ #{chapter.id} }}\n\n"
                      f'<div class="inhalt-karten" data-kapitel="{escape(chapter.id)}">\n'
                      f"{_card_list(registry.chapter_cards(chapter), href)}\n</div>")
    return "\n\n".join(blocks)


# -- the chapters' colours --------------------------------------------------------------------


def chapter_colours(chapters: list[Chapter]) -> list[str]:
    """The chapters' colours, each once, in the order of the chapters: the fan's edge, the emblem,
    the app's icons."""
    return list(dict.fromkeys(chapter.colour for chapter in chapters))


def chapter_css(chapters: list[Chapter]) -> str:
    """The rules that give each chapter's cards (and each link to one) its colour, and the fan's
    edge its colours side by side (the header's lower edge, faecher.css), from mkdocs.yml
    (kartenfaecher.kapitel); joined before our stylesheets' rules in the site's bundle."""
    colours = chapter_colours(chapters)
    stops = ", ".join(f"{colour} 0 {round(100 * (i + 1) / len(colours), 1)}%" for i, colour in enumerate(colours[:-1]))
    # The last colour from its place to the end (a single one: the whole edge; a gradient needs two stops).
    edge = f"linear-gradient(90deg, {stops + ', ' if stops else ''}{colours[-1]} 0{'' if stops else ' 100%'})"
    rules = "".join(f'[data-kapitel="{chapter.id}"] {{ --karte-farbe: {chapter.colour}; }}\n' for chapter in chapters)
    return f":root {{ --faecher-kante: {edge}; }}\n{rules}"
