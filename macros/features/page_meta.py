"""What a page says about itself to search engines and link previews, and the footer's links.

The meta description (and Open Graph description) of a card page is the
card's first sentence. A chapter's overview card has no running text, so it
gets a short interface description instead, "Kapitel „Legitimation“: Karten
15–18". That is page metadata, never card text. (robots.txt: macros/outputs/robots.py.)

Descriptions are stored in ``page.meta["description"]``, which Material writes
into ``<meta name="description">`` as it is (MkDocs's templates do not escape),
so they are stored escaped, as ``Markup`` that a ``| e`` leaves alone.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..sources.registry import Card, Registry, ranges


def description(registry: Registry, card: Card) -> str:
    """Plain text describing a card page: its first sentence, or its chapter's cards."""
    if card.first_sentence:
        return card.first_sentence
    others = [c.number for c in registry.chapter_cards(card.chapter) if c is not card]
    listed = f": Karten {ranges(others)}" if len(others) > 1 else \
        f": Karte {others[0]}" if others else ""
    return f"Kapitel „{card.chapter.title}“{listed}"


def set_description(page, registry: Registry) -> None:
    """Give a card page its description, unless its front matter names one."""
    card = registry.card_for_page(page.file.src_uri)
    if card is not None and not page.meta.get("description"):
        page.meta["description"] = Markup.escape(description(registry, card))


def escape_title(page) -> None:
    """A page's front matter ``title:`` as HTML: the theme writes page titles into the page as
    they are (they are HTML, as a heading's text is), so a title „Fragen <und> Antworten“ lost
    a word there and one with markup wrote that markup into the page."""
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = Markup.escape(title)


# The pages every page's footer links to (BITV 2.0 § 4), outside the navigation.
FOOTER = (("datenschutz.md", "Datenschutz"), ("barrierefreiheit.md", "Erklärung zur Barrierefreiheit"),
          ("leichte-sprache.md", "Leichte Sprache"))


def footer_links(conf) -> None:
    """The footer's links this build has, as (page name, label), for
    overrides/partials/copyright.html, which makes the address (the offline bundle
    switches to .html addresses after this runs): found once per build (looking them up
    among the pages on every page took time growing with the square of the pages)."""
    docs = Path(conf["docs_dir"])
    conf["extra"]["fusszeile"] = [(src[:-3], label) for src, label in FOOTER if (docs / src).is_file()]
