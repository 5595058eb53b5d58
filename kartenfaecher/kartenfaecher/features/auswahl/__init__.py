"""The page „Meine Auswahl“: the cards a reader keeps for the next meeting, in their order.

One folder holds the feature: this module (the page, below); on every page, as the part
``merken`` (kartenfaecher/features/teile.py), ``auswahl-merken.js`` (where the kept cards are stored,
the „Merken“ button, previous and next within the selection) and ``auswahl-merken.css``; on the
page, as the part ``auswahl``, ``auswahl.js`` (the list, its order), ``auswahl-teilen.js``
(sharing as a link and a QR code) and ``auswahl.css``. Its tests: tests/browser/test_auswahl.py,
tests/site/test_zusammenarbeit.py (what loads where, the button's size),
tests/firefox/flows/auswahl.js (Firefox ESR).

The reader keeps cards with the „Merken“ button on each card
(``auswahl-merken.js``); the list itself lives in the
reader's browser. So the page is written with every card as data (number,
title, chapter, address), hidden, and auswahl.js shows the kept ones in the
reader's order, with reordering, sharing as a link and a QR code, and a link
into the projector view („Vorführen“). Without JavaScript the page says what
it would need.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from ... import build
from ...build import html, text
from ...sources.registry import Registry
from .. import druck, teile
from ..gemeinsam import share_box
from ..karte import Href, card_link

PAGE = "auswahl.md"
# The texts auswahl-merken.js shows in the „Merken“ bar ({anzahl}: the cards kept, {stelle}:
# this card's place among them), written into the bar as data- attributes: attribute -> text.
BAR_TEXTS = {"auswahl": "auswahl-seite.merkenAuswahl", "nicht-gespeichert": "auswahl-seite.merkenNichtGespeichert",
             "stelle": "auswahl-seite.merkenStelle", "zurueck": "auswahl-seite.merkenZurueck",
             "weiter": "auswahl-seite.merkenWeiter"}
# The tools, hidden until auswahl.js shows them (without it they could do nothing).
TOOLS = """<div class="auswahl-werkzeuge" hidden>
<div class="auswahl-knoepfe">
<a class="knopf" data-aktion="vorfuehren" href="{vorfuehren}">{t[vorfuehren]}</a>
<button type="button" class="knopf" data-aktion="drucken">{t[drucken]}</button>
<a class="knopf" data-aktion="karten-drucken" href="{druckfassung}">{t[kartenDrucken]}</a>
<button type="button" class="knopf" data-aktion="teilen" aria-expanded="false" aria-controls="auswahl-teilen">{t[teilen]}</button>
<button type="button" class="knopf" data-aktion="leeren">{t[leeren]}</button>
</div>
<div class="auswahl-teilen teilen" id="auswahl-teilen" hidden>
{share_box}
<figure class="auswahl-qr"><div class="auswahl-qr-bild"></div>
<figcaption>{t[qr]}</figcaption></figure>
<p>{t[linkInhalt]}</p>
</div>
</div>"""


@lru_cache(maxsize=1)
def _bar_data(texts) -> str:
    """The bar's texts as data- attributes, their values left for the script to put in: joined
    once a build (``texts``: the build's), not once a card."""
    return "".join(f' data-{name}="{escape(texts.template(key))}"' for name, key in BAR_TEXTS.items())


def bar(page_href: str) -> str:
    """The „Merken“ bar below a card's title: the button, the link to the page „Meine Auswahl“
    (``page_href``, from the card; "" where the site has none) and the notice, hidden until
    auswahl-merken.js has read the selection (without it they could do nothing;
    auswahl-merken.css keeps the bar's height from the start, so nothing moves), and left out
    of the search index. Marked for the screen only: the Druckfassung takes it out up to its
    first </div>, so it holds no <div> (kartenfaecher/features/druckfassung/karten.py)."""
    link = f' href="{escape(page_href)}"' if page_href else ""
    return (f'<div class="karte-merken" data-karte-merken data-nur-bildschirm data-search-exclude{_bar_data(build.current())}>'
            f'<button type="button" class="karte-merken-knopf knopf" aria-pressed="false" hidden>'
            f'{html("auswahl-seite.merken")}</button>'
            f'<a class="karte-merken-auswahl"{link} hidden></a>'
            '<p class="karte-merken-hinweis" role="status"></p></div>')


def page(registry: Registry, href: Href, page_href, site_url: str | None) -> str:
    """The raw HTML of the page „Meine Auswahl“ (the macro meine_auswahl()).

    ``page_href``: a page's address from this page, by its file: the projector view's and the
    Druckfassung's (which prints the selection as its cards). With
    ``site_url``, the page carries its address on the website (the share link and
    QR code point there when the page is read from file://, where a link to the
    reader's own disk would help nobody; the website has directory addresses, the
    offline bundle does not).
    """
    teile.use("auswahl")
    words = {"vorfuehren": html("auswahl-seite.vorfuehren"), "teilen": html("auswahl-seite.teilen"),
             "drucken": html("auswahl-seite.drucken"), "kartenDrucken": html("auswahl-seite.kartenDrucken"),
             "leeren": html("auswahl-seite.leeren"), "qr": html("auswahl-seite.qr"),
             "linkInhalt": html("auswahl-seite.linkInhalt")}
    tools = TOOLS.format(vorfuehren=escape(page_href("vorfuehren.md")),
                         druckfassung=escape(page_href("druckfassung.md")), t=words,
                         share_box=share_box("auswahl", text("auswahl-seite.linkFeld")))
    public = site_url.rstrip("/") + "/" + PAGE.removesuffix(".md") + "/" if site_url else None
    # Each card's short address, which the printed handout gives (to open the card from paper).
    short = {c.number: re.sub(r"^https?://", "", druck.short_address(site_url, c) or "") for c in registry.cards}
    cards = "\n".join(f'<li data-karte="{c.number}" data-kurzadresse="{escape(short[c.number])}">'
                      f'{card_link(c, href)}</li>' for c in registry.cards)
    public_attr = f' data-adresse="{escape(public)}"' if public else ""
    return (f'<div class="auswahl" data-auswahl-seite{public_attr}>\n'
            f'<noscript><p class="auswahl-hinweis meldung">{html("auswahl-seite.ohneSkript")}</p></noscript>\n'
            f'<p class="auswahl-leer" hidden>{html("auswahl-seite.leer")}</p>\n'
            f'<ol class="auswahl-liste" aria-label="{html("auswahl-seite.liste")}" hidden></ol>\n'
            f'<p class="auswahl-anleitung" hidden>{html("auswahl-seite.anleitungHtml")}</p>\n'
            + tools + "\n"
            '<div class="auswahl-meldung meldung" role="status"></div>\n'
            '<div class="auswahl-fehler meldung fehler" role="alert"></div>\n'
            # The cards' data for the script, no text of this page: out of the search index.
            f'<ul class="auswahl-karten" hidden data-search-exclude="ja">\n{cards}\n</ul>\n</div>')
