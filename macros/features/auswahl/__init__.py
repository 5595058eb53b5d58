"""The page „Meine Auswahl“: the cards a reader keeps for the next meeting, in their order.

One folder holds the feature: this module (the page, below); on every page, as the part
``merken`` (macros/features/teile.py), ``auswahl-merken.js`` (where the kept cards are stored,
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

from html import escape

from ...sources.registry import Registry
from .. import teile
from ..karte import Href, card_link

PAGE = "auswahl.md"
# The tools, hidden until auswahl.js shows them (without it they could do nothing).
TOOLS = """<div class="auswahl-werkzeuge" hidden>
<div class="auswahl-knoepfe">
<a class="knopf" data-aktion="vorfuehren" href="{vorfuehren}">Auswahl vorführen</a>
<button type="button" class="knopf" data-aktion="teilen" aria-expanded="false" aria-controls="auswahl-teilen">Als Link und QR-Code teilen</button>
<button type="button" class="knopf" data-aktion="leeren">Auswahl leeren</button>
</div>
<div class="auswahl-teilen" id="auswahl-teilen" hidden>
<label for="auswahl-link">Link zu Ihrer Auswahl</label>
<input type="text" id="auswahl-link" readonly>
<div class="auswahl-knoepfe">
<button type="button" class="knopf" data-aktion="link-teilen" hidden>Teilen …</button>
<button type="button" class="knopf" data-aktion="link-kopieren">Link kopieren</button>
<a class="knopf" data-aktion="link-mail" href="mailto:">Per E-Mail senden</a>
</div>
<figure class="auswahl-qr"><div class="auswahl-qr-bild"></div>
<figcaption>QR-Code mit demselben Link: zum Abfotografieren mit dem Telefon, etwa vom Beamer.</figcaption></figure>
<p>Der Link enthält nur die Nummern Ihrer Karten. Er wird nirgends gespeichert: Wer ihn öffnet, sieht zuerst, welche Karten er enthält, und entscheidet dann.</p>
</div>
</div>"""


def page(registry: Registry, href: Href, vorfuehren: str, site_url: str | None) -> str:
    """The raw HTML of the page „Meine Auswahl“ (the macro meine_auswahl()).

    ``vorfuehren``: the address of the projector view from this page. With
    ``site_url``, the page carries its address on the website (the share link and
    QR code point there when the page is read from file://, where a link to the
    reader's own disk would help nobody; the website has directory addresses, the
    offline bundle does not).
    """
    teile.use("auswahl")
    public = site_url.rstrip("/") + "/" + PAGE.removesuffix(".md") + "/" if site_url else None
    cards = "\n".join(f'<li data-karte="{c.number}">{card_link(c, href)}</li>' for c in registry.cards)
    public_attr = f' data-adresse="{escape(public)}"' if public else ""
    return (f'<div class="auswahl" data-auswahl-seite{public_attr}>\n'
            '<noscript><p class="auswahl-hinweis">Ihre Auswahl wird von einem kleinen Skript in '
            "Ihrem Browser gehalten. Ohne JavaScript bleibt diese Seite leer; alle Karten finden "
            "Sie unter „Alle Karten“.</p></noscript>\n"
            '<p class="auswahl-leer" hidden>Sie haben noch keine Karte gemerkt. Auf jeder Karte '
            "steht oben der Knopf „Merken“: Was Sie merken, erscheint hier.</p>\n"
            '<ol class="auswahl-liste" aria-label="Ihre Auswahl" hidden></ol>\n'
            '<p class="auswahl-anleitung" hidden>Reihenfolge ändern: <span class="bei-touch">Tippen</span>'
            '<span class="bei-maus">Klicken</span> Sie auf „Nach oben“ und „Nach unten“ bei jeder Karte'
            '<span class="bei-maus">, oder ziehen Sie sie mit der Maus</span>.</p>\n'
            + TOOLS.format(vorfuehren=escape(vorfuehren)) + "\n"
            '<div class="auswahl-meldung" role="status"></div>\n'
            '<div class="auswahl-fehler" role="alert"></div>\n'
            # The cards' data for the script, no text of this page: out of the search index.
            f'<ul class="auswahl-karten" hidden data-search-exclude="ja">\n{cards}\n</ul>\n</div>')
