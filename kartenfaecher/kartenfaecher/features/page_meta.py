"""What a page says about itself to search engines and link previews, and the footer's links.

The meta description (and Open Graph description) of a card page is the
card's first sentence. A chapter's overview card has no running text, so it
gets a short interface description instead, "Kapitel „Legitimation“: Karten
15–18". That is page metadata, never card text. (robots.txt: kartenfaecher/outputs/robots.py.)

Descriptions are stored in ``page.meta["description"]``, which Material writes
into ``<meta name="description">`` as it is (MkDocs's templates do not escape),
so they are stored escaped, as ``Markup`` that a ``| e`` leaves alone.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateNotFound
from markupsafe import Markup

from ..build import text
from ..errors import ContentError
from ..sources.calls import has_macros, split_front_matter
from ..sources.registry import Card, Registry, key_line, ranges


def description(registry: Registry, card: Card) -> str:
    """Plain text describing a card page: its first sentence, or its chapter's cards."""
    if card.first_sentence:
        return card.first_sentence
    others = [c.number for c in registry.chapter_cards(card.chapter) if c is not card]
    if len(others) > 1:
        return text("seite.beschreibungKarten", kapitel=card.chapter.title, nummern=ranges(others))
    if others:
        return text("seite.beschreibungKarte", kapitel=card.chapter.title, nummer=others[0])
    return text("seite.beschreibungKapitel", kapitel=card.chapter.title)


def set_description(page, registry: Registry) -> None:
    """Give a card page its description, unless its front matter names one."""
    card = registry.card_for_page(page.file.src_uri)
    if card is not None and not page.meta.get("description"):
        page.meta["description"] = Markup.escape(description(registry, card))


# Front matter keys the theme writes into the page as they are (as HTML).
AS_HTML = ("title", "description")


def front_matter(page, shown: str, theme) -> None:
    """A page's front matter as the theme may take it (raises ContentError).

    ``title`` and ``description`` are text, but the theme writes them into the page as they are
    (as HTML: a title „Fragen <und> Antworten“ lost a word, and one with markup wrote it into
    the page), so they are stored escaped. Neither may hold template syntax: the macros plugin
    renders a title that does as a template. A ``template`` must be one of the ``theme``'s (a
    missing one crashed the build with a traceback)."""
    for key in AS_HTML:
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            if has_macros(value):
                raise ContentError(shown, _line(page, key), f"the {key} holds template syntax "
                                   "('{{', '{%' or '{#'), which the macros plugin would run.",
                                   f"write the {key} as plain text.")
            page.meta[key] = Markup.escape(value)
    template = page.meta.get("template")
    if template is not None:
        try:
            theme.get_env().get_template(str(template))
        except (TemplateNotFound, TypeError, ValueError):
            raise ContentError(shown, _line(page, "template"), f"the template '{template}' does not "
                               "exist in the theme.", "leave the line out: every page has the theme's page "
                               "template (theme/main.html).") from None


def _line(page, key: str) -> int:
    """The line of ``key:`` in the page's front matter (for a message)."""
    yaml_text, _, _ = split_front_matter(Path(page.file.abs_src_path).read_text(encoding="utf-8-sig"))
    return key_line(yaml_text, key)


# The pages every page's footer links to (BITV 2.0 § 4), outside the navigation.
FOOTER = (("datenschutz.md", "seite.datenschutz"), ("barrierefreiheit.md", "seite.barrierefreiheit"),
          ("leichte-sprache.md", "seite.leichteSprache"))


def footer_links(conf) -> list[tuple[str, str]]:
    """The footer's links this build has, as (page name, label), for
    theme/partials/copyright.html, which makes the address (the offline bundle
    switches to .html addresses after this runs): found once per build (looking them up
    among the pages on every page took time growing with the square of the pages)."""
    docs = Path(conf["docs_dir"])
    return [(src[:-3], text(label)) for src, label in FOOTER if (docs / src).is_file()]
