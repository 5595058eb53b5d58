"""The projector view („Vorführen“): a selection or a chapter, card by card, full screen.

One folder holds the feature: this module (the slides, written into the page „Vorführen“),
``vorfuehren.js`` (choosing, showing, keys and full screen) and ``vorfuehren.css`` (the stage
and the slides' large type), which the page loads as the part ``vorfuehren``
(kartenfaecher/features/teile.py). Its tests: tests/browser/test_vorfuehren.py (on screens from a
phone to a projector, with the keyboard), tests/site/test_zusammenarbeit.py (the slides as
built), tests/firefox/flows/vorfuehren.js (Firefox ESR).

The page „Vorführen“ carries every card as a slide, written here at build
time: its chapter (and colour), number and title, the card's text, and the QR
code of its short address, so that participants open the card on their phones
(the same code the printed card carries, kartenfaecher/features/qr.py). The slides
are hidden; vorfuehren.js shows the chosen ones one at a time, full screen.
Everything is in the page, so it works from file:// as on a server.

The card text is the authors' Markdown, rendered again for the slide: its
references become the printed numbers („→ 15, 16“), a checklist becomes its
plain questions (the boxes to tick are on the card), and headings move one
level down below the slide's title. Nothing is added to it. A slide's text
depends on its card's Markdown, the cards' numbers, titles and chapters, and the
Markdown settings alone, so what one build rendered is kept for the next
(``.cache/folien.json``, kartenfaecher/between_builds.py): rendering every card again
was a third of our work on the handbook's pages.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import jinja2
import markdown

from ... import between_builds
from ...build import html
from ...sources import trennung
from ...sources.calls import has_macros, render_literal
from ...sources.registry import Card, Registry
from .. import qr, teile
from ..druck import short_address

# Extensions of the site that would add ids or our checklist boxes to the slide.
_LEFT_OUT = {"toc"}
_BOX = re.compile(r"^(\s*[-*+]) \[ \] ", re.M)
_HEADING = re.compile(r"^(#{1,5}) ", re.M)


class Slides:
    """Renders card bodies as slides with one Markdown instance for the whole page."""

    def __init__(self, registry: Registry, config, kept: Path | None = None):
        self.registry = registry
        self.site_url = config["site_url"]
        self.names = [e for e in config["markdown_extensions"] if isinstance(e, str) and e not in _LEFT_OUT]
        self.configs = config["mdx_configs"]
        self.md = None  # made at the first slide not kept
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
        # What every slide's text depends on besides its card's Markdown: this module, the
        # Markdown packages that render it (Python-Markdown, and pymdownx for its extensions),
        # their settings, and the cards' numbers, titles and chapters.
        packages = ["markdown", *sorted({name.split(".")[0] for name in self.names if "." in name})]
        self.made_with = between_builds.key(
            Path(__file__), *map(between_builds.package_file, packages), self.names, repr(self.configs),
            [(c.number, c.title, c.chapter.id, c.chapter.title) for c in registry.cards])
        self.kept, self.made = kept, {}
        self.earlier = between_builds.read_entries(kept, self.made_with) if kept else {}

    def save(self) -> None:
        """Keep this build's slide texts for the next, if any was new."""
        if self.kept and self.made.keys() != self.earlier.keys():
            between_builds.write_entries(self.kept, self.made_with, self.made)

    def text(self, card: Card) -> str:
        """The card's text as HTML for its slide."""
        key = between_builds.key(card.number, card.body)  # chapter cards share a body
        html = self.earlier.get(key)
        if not isinstance(html, str):
            html = self.render(card)
        self.made[key] = html
        return html

    def render(self, card: Card) -> str:
        body = card.body
        if has_macros(body):
            chapter = [c for c in self.registry.chapter_cards(card.chapter) if c is not card]
            macros = {
                "siehe": lambda *numbers: '<p class="vorfuehren-verweise">→ '
                                          + ", ".join(map(str, numbers)) + "</p>",
                "karte": lambda number, text=None: escape(text) if text else
                f"Karte {number} „{escape(self.registry.card(number).title)}“",
                "kapitel_karten": lambda: "\n".join(f"- **{c.number}** {escape(c.title)}" for c in chapter)}
            # Literal calls without Jinja, as on the cards' own pages (compiling a template
            # for each card was most of this page's time).
            expanded = render_literal(body, macros)
            body = expanded if expanded is not None else self.jinja.from_string(body).render(**macros)
        body = _HEADING.sub(r"#\1 ", _BOX.sub(r"\1 ", body))
        if self.md is None:
            self.md = markdown.Markdown(extensions=self.names, extension_configs=self.configs)
        self.md.reset()
        return self.md.convert(body)

    def slide(self, card: Card) -> str:
        address = short_address(self.site_url, card)
        code = ""
        if address:
            shown = escape(re.sub(r"^https?://", "", address))
            code = (f'<p class="vorfuehren-qr">{qr.svg(address)}'
                    f'<span>{html("vorfuehren-seite.telefonHtml", adresse=shown)}</span></p>')
        return (f'<section class="vorfuehren-folie" data-karte="{card.number}" '
                f'data-kapitel="{escape(card.chapter.id)}" aria-labelledby="folie-{card.number}" hidden>\n'
                f'<p class="vorfuehren-kapitel">{escape(card.chapter.title)}</p>\n'
                f'<h2 id="folie-{card.number}"><span class="karte-nummer">{card.number}</span> '
                f'<span class="karte-titel">{trennung.title_html(card.title)}</span></h2>\n'
                f'<div class="vorfuehren-text">\n{trennung.text_html(self.text(card))}\n</div>\n{code}\n</section>')


# The page's words (kartenfaecher/texte/, section vorfuehren-seite), and the keys that steer it.
_PAGE_TEXTS = ("vorfuehren-seite.ohneSkript", "vorfuehren-seite.auswahl", "vorfuehren-seite.auswahlVorfuehren",
               "vorfuehren-seite.auswahlAnsehen", "vorfuehren-seite.kapitel", "vorfuehren-seite.bedienung",
               "vorfuehren-seite.vorfuehrung", "vorfuehren-seite.zurueck", "vorfuehren-seite.weiter",
               "vorfuehren-seite.vollbild", "vorfuehren-seite.beenden")
_KEYS_TOUCH = ("vorfuehren-seite.tastenWischen", "vorfuehren-seite.tastenVollbild")
_KEYS_MOUSE = ("vorfuehren-seite.tastenWeiter", "vorfuehren-seite.tastenZurueck", "vorfuehren-seite.tastenEnden",
               "vorfuehren-seite.tastenSchwarz", "vorfuehren-seite.tastenVollbildF", "vorfuehren-seite.tastenEsc")


def page(registry: Registry, config, auswahl: str, kept: Path | None = None) -> str:
    """The raw HTML of the page „Vorführen“ (the macro vorfuehren()): choice, stage, slides.

    ``auswahl``: the address of the page „Meine Auswahl“ from this page; ``kept``: the file
    that keeps the slides' texts between builds.
    """
    teile.use("vorfuehren")
    slides = Slides(registry, config, kept)
    shown = "\n".join(slides.slide(card) for card in registry.cards)
    slides.save()
    chapters = "\n".join(
        f'<li><button type="button" class="knopf" data-start="kapitel:{escape(ch.id)}">'
        f'{escape(ch.title)} <span class="vorfuehren-anzahl">'
        f'{html("vorfuehren-seite.anzahl", anzahl=len(registry.chapter_cards(ch)))}</span></button></li>'
        for ch in registry.chapters)
    t = {key.partition(".")[2]: html(key) for key in _PAGE_TEXTS}
    keys = "".join(f"<li>{html(key)}</li>\n" for key in _KEYS_TOUCH)
    mouse = "".join(f"<li>{html(key)}</li>\n" for key in _KEYS_MOUSE)
    return ('<div class="vorfuehren" data-vorfuehren>\n'
            f'<noscript><p class="vorfuehren-hinweis">{t["ohneSkript"]}</p></noscript>\n'
            '<div class="vorfuehren-wahl" hidden>\n'
            '<p class="vorfuehren-meldung" role="status"></p>\n'
            f'<h2 id="vorfuehren-auswahl">{t["auswahl"]}</h2>\n'
            '<p class="vorfuehren-auswahl-text"></p>\n'
            f'<p><button type="button" class="knopf" data-start="auswahl">{t["auswahlVorfuehren"]}</button> '
            f'<a href="{escape(auswahl)}">{t["auswahlAnsehen"]}</a></p>\n'
            f'<h2 id="vorfuehren-kapitel">{t["kapitel"]}</h2>\n'
            f'<ul class="vorfuehren-kapitel-liste" aria-labelledby="vorfuehren-kapitel">\n{chapters}\n</ul>\n'
            f'<h2 id="vorfuehren-tasten">{t["bedienung"]}</h2>\n'
            f'<ul class="vorfuehren-tasten bei-touch" aria-labelledby="vorfuehren-tasten">\n{keys}</ul>\n'
            f'<ul class="vorfuehren-tasten bei-maus" aria-labelledby="vorfuehren-tasten">\n{mouse}</ul>\n</div>\n'
            f'<div class="vorfuehren-buehne" role="region" aria-roledescription="{t["vorfuehrung"]}" '
            f'aria-label="{t["vorfuehrung"]}" tabindex="-1" hidden>\n'
            '<div class="vorfuehren-leiste">\n'
            '<span class="vorfuehren-stelle"></span>\n'
            f'<button type="button" class="knopf" data-schritt="zurueck">{t["zurueck"]}</button>\n'
            f'<button type="button" class="knopf" data-schritt="weiter">{t["weiter"]}</button>\n'
            f'<button type="button" class="knopf" data-schritt="vollbild" aria-pressed="false">{t["vollbild"]}</button>\n'
            f'<button type="button" class="knopf" data-schritt="ende">{t["beenden"]}</button>\n</div>\n'
            '<p class="vorfuehren-ansage visually-hidden" aria-live="polite"></p>\n'
            '<div class="vorfuehren-schwarz" hidden></div>\n</div>\n'
            '<div class="vorfuehren-folien">\n'
            + shown + "\n</div>\n</div>")
