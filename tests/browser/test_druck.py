"""The printed fan: `make pdf`'s two PDFs, and the print stylesheet in Chromium.

The PDFs are made once per test session, by the same functions `make pdf` runs
(tools/druck.py), from the session's strict build, server and Chromium. The
expected cards come from the printed handbook (tests/expected.py), the card
format from the one place it is set (the @page rule of druck.css), and the
expected short addresses from the built site's canonical links, so none of it
is read back from the code under test.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader

from tests.expected import PRINTED_CARDS, TITLES
from tests.helpers import card_format_mm
from tools import druck


MM = 72 / 25.4
A4_LANDSCAPE_MM = (297, 210)
PRINTER_MARGIN_MM = 5


def page_mm(page) -> tuple[float, float]:
    return float(page.mediabox.width) / MM, float(page.mediabox.height) / MM


def text_of(page) -> str:
    """A page's text with line breaks inside hyphenated words and runs of spaces undone."""
    return " ".join(re.sub(r"-\n", "-", page.extract_text()).split())


def raster(pdf: Path, page: int, dpi: int) -> tuple[memoryview, int, int]:
    """One page of a PDF as 8-bit grey pixels (rows of ``width``), rendered by poppler's pdftoppm."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout
    magic, width, height, maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    width, height = int(width), int(height)
    pixels = pixels[-width * height:]
    return memoryview(pixels).cast("B", (height, width)), width, height


def qr_codes(pdf: Path, page: int, dpi: int = 150) -> list[str]:
    image, _, _ = raster(pdf, page, dpi)
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.fixture(scope="session")
def made(site, server, browser, tmp_path_factory):
    """`make pdf` for the session's build: both PDFs, printed once."""
    return druck.make(browser, server, site.root, tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def fan(made):
    return PdfReader(made.fan_path)


@pytest.fixture(scope="session")
def sheets(made):
    return PdfReader(made.a4_path)


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The public address the site was built for, from its home page's canonical link."""
    home = site.page("")
    return home.select_one('link[rel="canonical"]')["href"]


@pytest.fixture(scope="session")
def fan_texts(fan) -> list[str]:
    """The text of each page of the fan (extracted once: pypdf takes a while per page)."""
    return [text_of(page) for page in fan.pages]


@pytest.fixture(scope="session")
def fan_cards(fan_texts) -> list[tuple[int, list[int]]]:
    """The fan's pages grouped by card: (card number, page indexes), in the PDF's order.

    A card's first page begins with its big number and its title; the pages up
    to the next such page are its continuation.
    """
    groups: list[tuple[int, list[int]]] = []
    for index, text in enumerate(fan_texts):
        start = re.match(r"(\d+) ", text)
        number = int(start.group(1)) if start else None
        if number in TITLES and text.startswith(f"{number} {TITLES[number]}"):
            groups.append((number, [index]))
        else:
            assert groups, f"page {index + 1} is no card's first page: {text[:60]!r}"
            groups[-1][1].append(index)
    return groups


def test_every_page_of_the_fan_has_the_card_format(fan):
    width, height = card_format_mm()
    for index, page in enumerate(fan.pages):
        w, h = page_mm(page)
        assert abs(w - width) <= 1 and abs(h - height) <= 1, f"page {index + 1}: {w:.1f} × {h:.1f} mm"


# -- the fan: every card, in printed order --------------------------------------------


def test_the_fan_has_every_card_in_printed_order(fan_texts, fan_cards, site_url):
    # Each card begins with its big number and its title, as printed (fan_cards).
    assert [number for number, _ in fan_cards] == [number for number, _ in PRINTED_CARDS]
    assert len(fan_texts) >= len(PRINTED_CARDS)
    # Every page, a continuation page too, prints its card's short address.
    host = re.sub(r"^https?://", "", site_url)
    for number, pages in fan_cards:
        for index in pages:
            assert f"{host}{number}/" in fan_texts[index], f"card {number}, page {index + 1}"


def test_links_in_the_fan_go_to_the_public_site_not_the_local_server(fan, site_url):
    uris = [annotation.get_object()["/A"]["/URI"] for page in fan.pages
            for annotation in page.get("/Annots") or [] if "/A" in annotation.get_object()]
    assert f"{site_url}karten/15-warum-legitimation-wichtig-ist/" in uris  # "→ 15" on card 8
    assert not [uri for uri in uris if "127.0.0.1" in uri]


def test_a_card_too_long_for_one_page_goes_on_with_an_arrow(fan_texts, fan_cards, made):
    for number, pages in fan_cards:
        for index in pages[:-1]:
            assert fan_texts[index].endswith("→"), f"card {number}, page {index + 1}"
        assert not fan_texts[pages[-1]].endswith("→"), f"card {number}: its last page"
    assert [n for n, pages in fan_cards if len(pages) > 1] == [c.number for c in made.continued]


def test_the_continuation_mark_is_put_on_every_page_but_the_last(browser, server):
    """However the card text changes: a three-page card gets "→" on its first two pages."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "karten/08-teilhabe/")
    page.evaluate("""() => { const text = document.querySelector("article > p");
                             for (let i = 0; i < 60; i++) text.after(text.cloneNode(true)); }""")
    long_card = druck.PrintedCard(8, "Teilhabe", page.pdf(prefer_css_page_size=True))
    context.close()
    assert long_card.pages >= 3
    size = PdfReader(io.BytesIO(long_card.pdf)).pages[0].mediabox
    mark = druck.continuation_mark(browser, float(size.width), float(size.height))
    pages = druck.fan([long_card], mark, server, "https://example.org/").pages
    ends = [text_of(p).endswith("→") for p in pages]
    assert ends == [True] * (len(pages) - 1) + [False]


# -- what a printed card shows and what it leaves out ---------------------------------------


def test_a_printed_card_shows_references_as_numbers_and_none_of_the_site(fan_texts, fan_cards):
    pages = dict(fan_cards)
    text = fan_texts[pages[8][0]]
    assert "→ 15, 16, 18" in text
    for number in (15, 16, 18):  # the titles are the screen's, not the paper's
        assert TITLES[number] not in text
    assert "Definitionen" in text  # the chapter, on its colour band
    for chrome in ("Verweise hierher", "Vorherige Karte", "Nächste Karte", "Suche", "Karte 4 von 5",
                   "MIT-Lizenz", "Zum Inhalt", "Alle Karten"):
        assert chrome not in text, chrome


def test_a_printed_overview_card_lists_its_cards_not_the_screen_fan(fan_texts, fan_cards):
    # On screen the overview card shows a fan; on paper its list, as the printed card does.
    text = fan_texts[dict(fan_cards)[14][0]]
    for number in (15, 16, 17, 18):
        assert f"{number} {TITLES[number]}" in text, number
    assert "Zeigen Sie auf eine Karte" not in text and "Pfeiltasten" not in text


# Each link printed on the card: its card number or address, and what print adds after it.
PRINTED_LINKS = """() => Array.from(document.querySelectorAll("article a"))
    .filter(a => a.getClientRects().length > 0)
    .map(a => [a.dataset.karte || a.getAttribute("href"), getComputedStyle(a, "::after").content])"""


def test_a_printed_card_has_its_colour_band_big_number_and_rivet_mark(made, fan_cards):
    """Drawn, not text: read from the rendered page (grey levels, 0 = black, 255 = white)."""
    dpi = 100
    px = dpi / 25.4
    image, w, h = raster(made.fan_path, dict(fan_cards)[8][0] + 1, dpi)
    # The chapter's colour band over the whole top edge (printed although browsers
    # leave out backgrounds by default: print-color-adjust).
    for x in (1, w // 2, w - 2):
        assert image[round(2 * px), x] < 160, f"no colour band at x={x}"
    # The number's box in the chapter's colour, below the band.
    assert min(image[round(y * px), round(x * px)] for y in range(17, 24) for x in range(9, 20)) < 160
    # The rivet mark: a ring around a cross, centred 7 mm from the bottom and left edges.
    cx, cy = round(7 * px), h - round(7 * px)
    def darkest(points):
        return min(image[y, x] for x, y in points)
    assert darkest((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)) < 160, "no cross at the centre"
    for dx, dy in ((9, 0), (-9, 0), (0, 9), (0, -9)):  # the ring, 2.3 mm (9 px) from the centre
        near = range(-2, 3)
        assert darkest((cx + dx + ex, cy + dy + ey) for ex in near for ey in near) < 160, (dx, dy)
    assert image[cy + 4, cx + 4] > 200, "the ring is open inside"


def test_external_links_print_their_address_and_links_to_cards_do_not(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(server + "karten/03-einleitung/")
    after = page.evaluate(PRINTED_LINKS)
    # The card's only external link shows its address already: nothing is added; links to
    # cards (the defined terms here) print no address either.
    assert [link for link in after if link[0].startswith("http")] == [["http://www.koopwohl.de", "none"]]
    assert all(added == "none" for target, added in after if not target.startswith("http"))
    page.goto(server + "karten/08-teilhabe/")
    page.evaluate("""() => document.querySelector("article > p").insertAdjacentHTML("beforeend",
        ' <a class="adresse-drucken" href="https://example.org/leitfaden">ein Leitfaden</a>')""")
    shown = page.evaluate(PRINTED_LINKS)
    context.close()
    assert shown[0] == ["https://example.org/leitfaden", '" (https://example.org/leitfaden)"']
    assert shown[-3:] == [["15", "none"], ["16", "none"], ["18", "none"]]
    assert all(added == "none" for target, added in shown[1:])


def test_the_print_block_is_neither_shown_nor_read_on_screen(page, server):
    page.goto(server + "karten/08-teilhabe/")
    block = page.locator(".karte-druck")
    assert block.count() == 1
    assert block.is_hidden()
    # No text of its own: nothing for search, screen readers or the text comparison.
    assert block.text_content() == ""
    page.emulate_media(media="print")
    for part in (".karte-band", ".karte-niete", ".karte-qr"):
        assert page.locator(f".karte-druck {part}").is_visible(), part


# -- QR codes ---------------------------------------------------------------------------------


def test_every_printed_card_carries_a_qr_code_to_its_short_address(made, fan_cards, site_url, site):
    for number, pages in fan_cards:
        assert qr_codes(made.fan_path, pages[0] + 1) == [f"{site_url}{number}/"], f"card {number}"
    # The short address exists in the built site and forwards to the card.
    forward = site.page("15/").select_one('meta[http-equiv="refresh"]')["content"]
    assert "15-warum-legitimation-wichtig-ist" in forward


# -- the A4 sheets -------------------------------------------------------------------------------


def test_a4_has_three_cards_a_sheet_on_a4_landscape(fan, sheets):
    assert len(sheets.pages) == math.ceil(len(fan.pages) / 3)
    for index, sheet in enumerate(sheets.pages):
        w, h = page_mm(sheet)
        assert abs(w - A4_LANDSCAPE_MM[0]) <= 1 and abs(h - A4_LANDSCAPE_MM[1]) <= 1, f"sheet {index + 1}"


def test_a4_sheet_carries_the_first_three_cards_and_their_qr_codes(made, fan_cards, sheets, site_url):
    first_three = [number for number, pages in fan_cards for _ in pages][:3]
    assert sorted(qr_codes(made.a4_path, 1, dpi=200)) == sorted(f"{site_url}{n}/" for n in first_three)
    text = text_of(sheets.pages[0])
    for number in first_three:
        assert f"{number} {TITLES[number]}" in text


def test_a4_prints_its_scale_and_keeps_clear_of_the_printers_margin(made, sheets):
    scale = round(made.scale * 100)
    width, height = card_format_mm()
    # Three cards side by side and their crop marks fit inside the printable area.
    assert 3 * width * made.scale < A4_LANDSCAPE_MM[0] - 2 * PRINTER_MARGIN_MM
    assert f"Maßstab {scale} %" in text_of(sheets.pages[0])
    dpi = 100
    for number in (1, len(sheets.pages)):
        image, w, h = raster(made.a4_path, number, dpi)
        edge = math.ceil(PRINTER_MARGIN_MM / 25.4 * dpi)
        border = [image[y, x] for y in range(h) for x in (*range(edge), *range(w - edge, w))]
        border += [image[y, x] for y in (*range(edge), *range(h - edge, h)) for x in range(w)]
        assert min(border) == 255, f"sheet {number}: something printed within {PRINTER_MARGIN_MM} mm of the edge"


def test_a4_has_crop_marks_at_every_cut(made):
    dpi = 150
    image, w, h = raster(made.a4_path, 1, dpi)
    width, height = card_format_mm()
    px = dpi / 25.4
    card_w, card_h = width * made.scale * px, height * made.scale * px
    left, top = (w - 3 * card_w) / 2, (h - card_h) / 2
    for k in range(4):  # the cuts between and beside the three cards
        x = round(left + k * card_w)
        above = [image[y, xx] for y in range(round(top - 4 * px), round(top - 1.5 * px))
                 for xx in range(x - 2, x + 3)]
        below = [image[y, xx] for y in range(round(top + card_h + 1.5 * px), round(top + card_h + 4 * px))
                 for xx in range(x - 2, x + 3)]
        assert min(above) < 128 and min(below) < 128, f"no crop mark at cut {k}"
    for y in (top, top + card_h):  # the cuts along the top and bottom edges
        y = round(y)
        beside = [image[yy, x] for yy in range(y - 2, y + 3) for x in range(round(left - 4 * px), round(left - 1.5 * px))]
        assert min(beside) < 128
