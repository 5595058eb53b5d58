"""The printed card, without a build: the card format set once, links marked for print, QR codes made once,
the tags PDF/UA knows."""

from __future__ import annotations

import re

import markdown
import pikepdf
import pytest

from kartenfaecher.features import qr
from kartenfaecher.features.druck.adressen import AddressExtension
from tests.helpers import DRUCK_CSS, card_format_mm
from tools import druck


def test_the_card_format_is_set_once_and_is_a_third_of_a4_by_default():
    assert card_format_mm() == (99, 210)
    others = [p.name for p in DRUCK_CSS.parent.glob("*.css") if p != DRUCK_CSS
              and "@page" in p.read_text(encoding="utf-8")]
    assert others == [], "the page size is set in druck.css only"


def test_links_whose_text_is_not_their_address_are_marked_for_print():
    html = markdown.markdown(
        "<https://stadtraum.jetzt/mustersprache> [www.koopwohl.de](http://www.koopwohl.de) "
        "[ein **Leitfaden**](https://example.org/leitfaden) [Alle Karten](inhalt.md)",
        extensions=[AddressExtension()])
    marked = re.findall(r'<a class="adresse-drucken" href="([^"]+)"', html)
    assert marked == ["https://example.org/leitfaden"]


def test_qr_code_is_made_once_per_address():
    qr.svg.cache_clear()
    qr.svg("https://example.org/15/")
    qr.svg("https://example.org/15/")
    assert qr.svg.cache_info().misses == 1 and qr.svg.cache_info().hits == 1


def test_a_tag_pdf_ua_does_not_know_stops_the_print_and_says_where_to_name_it():
    pdf = pikepdf.new()
    pdf.Root.StructTreeRoot = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([
        pikepdf.Dictionary(S=pikepdf.Name("/Strong")), pikepdf.Dictionary(S=pikepdf.Name("/Aside"))]))
    with pytest.raises(druck.NotPrintable, match=r"Aside.*ROLES in tools/druck.py"):
        druck.map_roles(pdf)
    pdf.Root.StructTreeRoot.K = pikepdf.Array([pikepdf.Dictionary(S=pikepdf.Name("/Strong"))])
    druck.map_roles(pdf)
    assert dict(pdf.Root.StructTreeRoot.RoleMap) == {"/Strong": pikepdf.Name("/Span")}


@pytest.mark.parametrize("card_mm, upright, per_sheet, scale", [
    ((99, 210), True, 2, 1.0),     # the fan: three would be A4's 297 mm with no margin left
    ((105, 148), False, 2, 1.0),   # A6 cards: two on A4 landscape
    ((63, 88), False, 4, 1.0),     # playing cards
    ((300, 400), True, 1, 0.66),   # larger than A4: scaled down, to whole percents
])
def test_an_a4_sheet_holds_as_many_cards_at_full_size_as_fit_inside_the_printers_margin(card_mm, upright,
                                                                                       per_sheet, scale):
    sheet = druck.Sheet.for_card(card_mm[0] * druck.MM, card_mm[1] * druck.MM)
    assert (sheet.upright, sheet.per_sheet, sheet.scale) == (upright, per_sheet, scale)
    w, h = sheet.size
    for x, y in sheet.slots():
        assert min(x, y, sheet.width - x - w, sheet.height - y - h) >= druck.PRINTER_MARGIN - 1e-6
    gaps = [b[0] - a[0] - w for a, b in zip(sheet.slots(), sheet.slots()[1:])]
    assert all(druck.CARD_GAP[0] - 1e-6 <= gap <= druck.CARD_GAP[1] + 1e-6 for gap in gaps)
