"""The card fan: every card (or a chapter's cards) as a list that a script fans out.

The HTML is a plain ordered list of links, one per card, with number, title and
chapter colour: without JavaScript that list is the whole feature. faecher.js
and faecher.css turn it into the fan. Each item carries its place (``--i``) and
the list its length (``--n``) as CSS custom properties, so the angles are
computed by CSS and the script has nothing to lay out.

The script is written into the page right after each fan (minified, allowed by the
policy's hash like Material's inline scripts): it gives the fan its final form
while the page is read, before the page is first drawn, so nothing below the fan
moves when it fans out. A script loaded later, even deferred, may run after the
first paint, and the list would jump from its columns into the fan.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from ...build import handbook, text
from ...errors import ContentError
from ...sources.registry import Card, Registry
from .. import teile
from ..druckfassung import cover_text, cover_words
from ..karte import Href, card_link
from ..vorschau import attribute

SCRIPT = "kartenfaecher/features/faecher/faecher.js"
# The minified text of a script below the theme (kartenfaecher/outputs/bundles.py, Assets.inline).
Inline = Callable[[str], str]


def _label(card: Card) -> str:
    """Number and title; a title may break after a slash ("Hauptamt/<wbr>Ehrenamt")."""
    title = escape(card.title).replace("/", "/<wbr>")
    return (f'<span class="karte-nummer">{card.number}</span> '
            f'<span class="karte-titel">{title}</span>')


def fan(cards: list[Card], href: Href, label: str, inline: Inline, css: str = "",
        element: str = "div") -> str:
    """A fan of ``cards`` and its script; ``label`` names it for screen readers."""
    teile.use("faecher")
    items = "\n".join(
        "<li>"
        + card_link(card, href, label=_label(card), css="faecher-karte",
                    attrs=f' data-kapitel-titel="{attribute(card.chapter.title)}"')
        + "</li>"
        for card in cards)
    classes = " ".join(filter(None, ["faecher", css]))
    # A <nav> is a landmark and takes the name; a <div> may not (ARIA 1.2), its list does.
    named = f' aria-label="{escape(label)}"'
    # No style attributes: the Content-Security-Policy forbids inline styles. faecher.js
    # sets each card's place (--i) and the count (--n) through the CSSOM, which it allows.
    script = inline(SCRIPT)
    if "</script" in script.lower():
        raise ValueError(f"{SCRIPT} must not contain '</script' (it is written into the page)")
    # Out of the search index: the fan is a way to the cards, and its titles in the index made
    # the page with the fan a result for every title (Material takes the attribute out of the
    # page again; it needs a value for that).
    return (f'<{element} class="{classes}" data-faecher data-search-exclude="ja"'
            f'{named if element == "nav" else ""}>\n'
            f'<ol class="faecher-karten"{"" if element == "nav" else named}>\n{items}\n</ol>\n'
            f'</{element}>\n<script>{script}</script>')


def whole_fan(registry: Registry, href: Href, inline: Inline, config: dict) -> str:
    """The home page's first screen, as the printed fan's cover card: its words (title, subtitle,
    authors, project; ``config`` is MkDocs's) and every card in printed order as the fan."""
    start = handbook(config).short_name  # the id of the home page's heading
    return (f'<section class="titelkarte-start" aria-labelledby="{start}">\n'
            f'<div class="titelkarte-start-worte">\n{cover_text(cover_words(config), start)}</div>\n'
            + fan(registry.cards, href, text("faecher.alleKarten"), inline, css="faecher--start", element="nav")
            + "\n</section>")


def chapter_fan(registry: Registry, src_uri: str, shown_docs: str, href: Href, inline: Inline) -> str:
    """The ▶ list of a chapter's overview card (the page ``src_uri``): its other cards, as a fan."""
    card = registry.card_for_page(src_uri)
    if card is None:
        raise ContentError(f"{shown_docs}/{src_uri}", None, "kapitel_karten() only works on a card page.",
                           "use it on the overview card of a chapter.")
    cards = [c for c in registry.chapter_cards(card.chapter) if c is not card]
    return fan(cards, href, text("faecher.kapitelKarten", kapitel=card.chapter.title), inline, css="kapitel-karten")
