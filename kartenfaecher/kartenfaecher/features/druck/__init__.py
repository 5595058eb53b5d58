"""A card page printed as the card of the fan: its band, rivet mark, QR code and format.

One folder holds the feature: this module (the print-only block, below), ``adressen.py`` (a
Python-Markdown extension that marks the links whose address print must show) and ``druck.css``
(the print rules, with the card format in its one @page rule), which every page loads as the
part ``druck`` (kartenfaecher/features/teile.py) in the print stylesheet. tools/druck.py makes the PDFs
of the printed fan from it. Its tests: tests/unit/test_druck.py, tests/browser/test_druck.py
(Chromium's print: the card format, band, rivet mark, QR code, addresses), and the PDFs' in
tests/browser/test_publish.py.

The print stylesheet (``druck.css``) turns a card page into one
card of the fan. What it cannot make from the page itself is added here: a
print-only block below the card (HTML ``hidden``, so it is neither shown nor read
out on screen; the print stylesheet shows it). It holds the QR code of the card's
short address and the empty elements the stylesheet draws the chapter's colour
band and the rivet mark from. Its visible words (chapter title, short address)
come from data attributes through CSS, so they stay out of the page text, the
search index and the text comparison of the cards.

The block is no Markdown: theme/main.html writes it after the page's text,
from the build's state (kartenfaecher/build.py, ``print_blocks``), so neither Markdown, MkDocs's anchor check nor the
search index reads its QR code's kilobytes on every page (half of a card's HTML).

Links whose address print must add are marked by ``adressen.py``.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ...sources.registry import Card
from .. import qr

# The rivet hole's mark: a ring with a cross at its centre, where to punch.
RIVET = ('<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
         '<circle cx="10" cy="10" r="9.4" fill="none" stroke="#000" stroke-width="0.8"/>'
         '<path d="M10 7.5v5M7.5 10h5" stroke="#000" stroke-width="0.8"/></svg>')


def card_format_mm() -> tuple[float, float]:
    """The card's width and height in mm, as the one @page rule of druck.css sets them."""
    css = (Path(__file__).parent / "druck.css").read_text(encoding="utf-8")
    sizes = re.findall(r"@page\s*{[^}]*?\bsize:\s*([\d.]+)mm\s+([\d.]+)mm", css)
    if len(sizes) != 1:
        raise ValueError("druck.css must set the card format, in mm, in exactly one @page rule")
    return float(sizes[0][0]), float(sizes[0][1])


def short_address(site_url: str | None, card: Card) -> str | None:
    """The card's short address (``https://…/15/``), or None without a site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + f"/{card.number}/"


def block(card: Card, site_url: str | None) -> str:
    """The print-only block of a card page (HTML, placed after the card by the template)."""
    return print_block(short_address(site_url, card), card.chapter.id, card.chapter.title)


def print_block(address: str | None, chapter_id: str | None = None, band: str | None = None) -> str:
    """The print-only block: the rivet mark, the QR code of ``address`` and, with ``band``, the colour band.

    The QR code is a figure whose text alternative names its address (in the
    tagged PDF too); the address is printed beside it.
    """
    code = ""
    if address:
        bare = re.sub(r"^https?://", "", address)
        code = (f'<span class="karte-kurzadresse" data-text="{escape(bare)}">'
                f'{qr.svg(address, label=f"QR-Code: {bare}")}</span>')
    kapitel = f' data-kapitel="{escape(chapter_id)}"' if chapter_id else ""
    band_html = f'<span class="karte-band" data-text="{escape(band)}"></span>' if band else ""
    return (f'<div class="karte-druck" hidden{kapitel}>{band_html}'
            f'<span class="karte-niete">{RIVET}</span>{code}</div>')
