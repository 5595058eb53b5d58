"""The page „Druckfassung“: the whole fan on one page, as printed, for any browser's print.

The page calls ``{{ druckfassung() }}``. It writes what only this page has: the
cover card (title, subtitle, authors, the research project, as on the paper's
cover; the title is ``site_name``, the authors ``site_author``, the rest
``kartenfaecher.titelkarte`` in mkdocs.yml) and the contents card, made from the
chapters and their first cards, so nothing is typed twice. After these it leaves
a place for the cards: once every card page is built, karten.py beside this
puts each card there as it stands on its own page (so the cards are not in the
search index twice, and nothing of a card is written twice).

Printed (druck.css), every card gets a page of its own in the card format, as
on paper; `make pdf` prints this page in one go into the fan's PDF.

One folder holds the feature: this module, karten.py (the cards put in after the build) and
druckfassung.css, which the page loads as the part ``druckfassung`` (kartenfaecher/features/teile.py).
Its tests: tests/site/test_herunterladen.py (its cards in printed order, each id once, every
link leading somewhere), tests/browser/test_druck.py (printed, and the fan's PDF), and the
refusals of a gathered card's mistakes (tests/refusals/test_gesammelte_karten.py).
"""

from __future__ import annotations

from html import escape

from ...build import html, options
from ...errors import ContentError
from ...sources.registry import Registry
from .. import teile
from ..druck import print_block

# Where the build puts the cards (karten.py fills it).
CARDS_PLACE = '<div class="druckfassung-karten" data-druckfassung-karten></div>'
COVER_ID = "titelkarte"
CONTENTS_ID = "inhaltskarte"
COVER_KEYS = ("untertitel", "projekt", "projekt_titel")


def cover_words(config: dict) -> dict[str, str]:
    """The cover card's words, escaped: title (``site_name``), subtitle, authors (``site_author``),
    the research project and its title (``kartenfaecher.titelkarte``); raises ContentError."""
    words = options(config)["titelkarte"]
    missing = [key for key in COVER_KEYS if not words.get(key)]
    if missing:
        raise ContentError("mkdocs.yml", None, "kartenfaecher.titelkarte lacks " + ", ".join(missing) + ".",
                           "give the cover card's words as on the paper's cover: kartenfaecher.titelkarte with "
                           "untertitel, projekt and projekt_titel.")
    return {"titel": escape(config["site_name"]), "autorinnen": escape(config["site_author"] or ""),
            **{key: escape(words[key]) for key in COVER_KEYS}}


def cover_text(words: dict[str, str], heading_id: str) -> str:
    """The cover card's text, as printed and as the home page's first screen shows it."""
    return (f'<h1 id="{heading_id}">{words["titel"]}</h1>\n'
            f'<p class="titelkarte-untertitel">{words["untertitel"]}</p>\n'
            f'<p class="titelkarte-autorinnen">{words["autorinnen"]}</p>\n'
            f'<p class="titelkarte-projekt"><span class="titelkarte-projektname">{words["projekt"]}</span> '
            f'{words["projekt_titel"]}</p>\n')


def cover(config: dict) -> str:
    """The cover card: title, subtitle, authors, the research project."""
    return (f'<section class="druckfassung-karte titelkarte" aria-labelledby="{COVER_ID}">\n'
            f'{cover_text(cover_words(config), COVER_ID)}'
            f'\n\n{print_block(config["site_url"])}\n</section>')


def contents(registry: Registry) -> str:
    """The contents card: every chapter with the number of its first card, linked to it on this page."""
    items = []
    for chapter in registry.chapters:
        first = registry.chapter_cards(chapter)[0]
        items.append(f'<li data-kapitel="{escape(chapter.id)}"><a href="#karte-{first.number}">'
                     f'<span class="inhaltskarte-kapitel">{escape(chapter.title)}</span> '
                     f'<span class="inhaltskarte-nummer">{first.number}</span></a></li>')
    return (f'<section class="druckfassung-karte inhaltskarte" aria-labelledby="{CONTENTS_ID}">\n'
            f'<h1 id="{CONTENTS_ID}">{html("druckfassung.inhalt")}</h1>\n'
            f'<ul aria-label="{html("druckfassung.inhaltListe")}">\n' + "\n".join(items) + "\n</ul>\n"
            f'\n\n{print_block(None)}\n</section>')


def page(registry: Registry, config: dict) -> str:
    """The fan as printed: the cover and contents cards, then the place for every card."""
    teile.use("druckfassung")
    # Where druckfassung-auswahl.js says that only the reader's selection is shown (#auswahl=21.8.40).
    status = '<p class="druckfassung-auswahl meldung" role="status"></p>\n'
    return (f'{status}<div class="druckfassung" data-druckfassung>\n{cover(config)}\n{contents(registry)}\n'
            f'{CARDS_PLACE}\n</div>')
