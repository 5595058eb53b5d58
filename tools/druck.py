"""`make pdf`: the printed fan as one PDF, and the same cards on A4 sheets.

1. Builds the site (strict, into a temporary folder) and serves it on 127.0.0.1.
2. Debian's Chromium, driven by Playwright, prints every card page in printed
   order, as a reader's browser prints it: print media, the page size from the
   print stylesheet's @page rule (overrides/assets/css/druck.css, the one place
   the card format is set). A card too long for one page continues on the next;
   every page of it but the last gets "→" at the bottom right, as the printed
   Einleitung has.
3. dist/ko-produktion-faecher.pdf: all card pages, with a bookmark per card.
   Links that Chromium recorded with the local server's address point to the
   public site instead (site_url).
4. dist/ko-produktion-a4.pdf: three card pages side by side on each A4
   landscape sheet, with crop marks, scaled down so that cards and marks stay
   clear of an office printer's non-printable margin; the scale is printed in
   the sheet's bottom margin. Continuation pages take a slot like any card.

It prints which cards needed a continuation page. The functions below are also
what tests/browser/test_druck.py calls, with the test session's build, server and browser.
"""

from __future__ import annotations

import io
import json
import math
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                           StreamObject, TextStringObject)

from tools.common import ROOT, BuildFailed, ChromiumMissing, build, chromium, serve

DIST = ROOT / "dist"
FAN_PDF = "ko-produktion-faecher.pdf"
A4_PDF = "ko-produktion-a4.pdf"

MM = 72 / 25.4  # PDF points per millimetre
A4_LANDSCAPE = (297 * MM, 210 * MM)
CARDS_PER_SHEET = 3
# What an office printer cannot print at the sheet's edges, and the room the
# crop marks take around the cards (a gap, then the mark).
PRINTER_MARGIN = 5 * MM
MARK_GAP = 1 * MM
MARK_LENGTH = 3.5 * MM
MARK_ZONE = MARK_GAP + MARK_LENGTH + 0.5 * MM

# The continuation mark at the bottom right of a card page that goes on (the
# print stylesheet keeps the text 8 mm from the side and 27 mm from the bottom).
CONTINUATION_MARK = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>→</title><style>
@page {{ size: {width}pt {height}pt; margin: 0; }}
html, body {{ margin: 0; }}
p {{ position: fixed; right: 8mm; bottom: 9mm; margin: 0;
     font: 700 16pt/1 -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif; }}
</style></head><body><p>→</p></body></html>
"""


class NotPrintable(Exception):
    """The built site lacks what printing needs; says what to do."""


@dataclass
class PrintedCard:
    number: int
    title: str
    pdf: bytes  # Chromium's PDF of the card page, one or more pages

    @property
    def pages(self) -> int:
        return len(PdfReader(io.BytesIO(self.pdf)).pages)


# -- printing -------------------------------------------------------------------------


def load_cards(site_dir: Path) -> list[dict]:
    """The cards in printed order, from the built site's karten.json."""
    return json.loads((Path(site_dir) / "karten.json").read_text(encoding="utf-8"))


def site_url_of(site_dir: Path) -> str:
    """The public address the site was built for (the home page's canonical link)."""
    home = (Path(site_dir) / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    if not match:
        raise NotPrintable("the built home page has no canonical link; is site_url set in mkdocs.yml?")
    return match.group(1)


def print_cards(browser, base_url: str, cards: list[dict]) -> list[PrintedCard]:
    """Every card page printed by Chromium, as the browser's print dialog would."""
    context = browser.new_context()
    page = context.new_page()
    printed = []
    try:
        for card in cards:
            page.goto(base_url + card["url"], wait_until="load")
            printed.append(PrintedCard(card["number"], card["title"],
                                       page.pdf(prefer_css_page_size=True)))
    finally:
        context.close()
    return printed


def continuation_mark(browser, width: float, height: float) -> PageObject:
    """A page of the card format with only "→" at the bottom right, to lay over a page that goes on."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(CONTINUATION_MARK.format(width=f"{width:.2f}", height=f"{height:.2f}"))
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        context.close()
    return PdfReader(io.BytesIO(pdf)).pages[0]


def _public_links(page: PageObject, base_url: str, site_url: str) -> None:
    """Links Chromium wrote with the local server's address go to the public site."""
    for annotation in page.get("/Annots", []) or []:
        action = annotation.get_object().get("/A")
        if action is None:
            continue
        action = action.get_object()
        uri = action.get("/URI")
        if isinstance(uri, str) and uri.startswith(base_url):
            action[NameObject("/URI")] = TextStringObject(site_url + uri[len(base_url):])


def fan(printed: list[PrintedCard], mark: PageObject, base_url: str, site_url: str) -> PdfWriter:
    """All card pages in printed order; every page of a card but its last carries "→"."""
    writer = PdfWriter()
    for card in printed:
        pages = PdfReader(io.BytesIO(card.pdf)).pages
        first = len(writer.pages)
        for index, page in enumerate(pages):
            page = writer.add_page(page)  # pypdf merges only into a writer's pages
            if index < len(pages) - 1:
                page.merge_page(mark)
            _public_links(page, base_url, site_url)
        writer.add_outline_item(title=f"{card.number} {card.title}", page_number=first)
    writer.add_metadata({
        "/Title": "Ko-Produktion – der Kartenfächer",
        "/Author": "Lisa Vollmer, Laura Calbet i Elias, Susanna Raab, Theresa Zanders, Aya Kleine",
        "/Subject": "Ein Handlungsleitfaden für die Zusammenarbeit zwischen zivilgesellschaftlichen "
                    "Akteuren und öffentlicher Verwaltung (KoopWohl 2023, CC BY-NC-SA 4.0)",
    })
    writer.page_mode = "/UseOutlines"
    return writer


# -- A4 sheets --------------------------------------------------------------------------


def a4_scale(card_width: float, card_height: float) -> float:
    """The largest whole-percent scale at which three cards and their marks fit inside the printer's margin."""
    room_w = A4_LANDSCAPE[0] - 2 * (PRINTER_MARGIN + MARK_ZONE)
    room_h = A4_LANDSCAPE[1] - 2 * (PRINTER_MARGIN + MARK_ZONE)
    fit = min(room_w / (CARDS_PER_SHEET * card_width), room_h / card_height, 1.0)
    return math.floor(fit * 100 + 1e-9) / 100


def _pdf_text(text: str) -> bytes:
    """A PDF string in WinAnsiEncoding (Helvetica, one of the fonts every PDF reader has)."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _marks(slots: int, scale: float, card_w: float, card_h: float, x0: float, y0: float,
           sheet: int, sheets: int) -> bytes:
    """Drawing operators: crop marks around ``slots`` cards placed from (x0, y0), and the margin text."""
    w, h = card_w * scale, card_h * scale
    ops = [b"q 0 G 0.4 w"]

    def line(xa, ya, xb, yb):
        ops.append(f"{xa:.2f} {ya:.2f} m {xb:.2f} {yb:.2f} l S".encode())

    near, far = MARK_GAP, MARK_GAP + MARK_LENGTH
    for k in range(slots + 1):  # vertical cuts: marks above and below
        x = x0 + k * w
        line(x, y0 + h + near, x, y0 + h + far)
        line(x, y0 - near, x, y0 - far)
    right = x0 + slots * w
    for y in (y0, y0 + h):  # horizontal cuts: marks left and right
        line(x0 - near, y, x0 - far, y)
        line(right + near, y, right + far, y)
    ops.append(b"Q")
    size = 6.5
    baseline = y0 - far + 0.3 * MM
    percent = f"{scale * 100:.0f}"
    ops.append(b"BT /F1 %.1f Tf %.2f %.2f Td " % (size, x0 + 2 * MM, baseline) +
               _pdf_text(f"Maßstab {percent} % – in Originalgröße (100 %) drucken, "
                         "an den Marken schneiden") + b" Tj ET")
    ops.append(b"BT /F1 %.1f Tf %.2f %.2f Td " % (size, x0 + 2 * w + 2 * MM, baseline) +
               _pdf_text(f"Ko-Produktion · Bogen {sheet} von {sheets}") + b" Tj ET")
    return b"\n".join(ops)


def _stream(data: bytes, entries: dict | None = None) -> StreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream = stream.flate_encode()
    for key, value in (entries or {}).items():
        stream[NameObject(key)] = value
    return stream


def _as_form(writer: PdfWriter, page: PageObject):
    """A card page as a form XObject of ``writer``: drawn on a sheet as it is.

    (pypdf's merge_transformed_page parses and rewrites every content stream,
    which took 15 s for the fan and doubled the file.)
    """
    contents = page["/Contents"].get_object()
    parts = contents if isinstance(contents, ArrayObject) else [contents]
    box = page.mediabox
    return writer._add_object(_stream(b"\n".join(part.get_object().get_data() for part in parts), {
        "/Type": NameObject("/XObject"),
        "/Subtype": NameObject("/Form"),
        "/BBox": ArrayObject(FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)),
        "/Resources": page["/Resources"].get_object().clone(writer),
    }))


# Helvetica: one of the fonts every PDF reader has, for the margin text.
_HELVETICA = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica", "/Encoding": "/WinAnsiEncoding"}


def a4_sheets(fan_pdf: bytes) -> tuple[PdfWriter, float]:
    """Three card pages side by side on each A4 landscape sheet, centred; returns the sheets and the scale."""
    pages = PdfReader(io.BytesIO(fan_pdf)).pages
    card_w, card_h = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    scale = a4_scale(card_w, card_h)
    x0 = (A4_LANDSCAPE[0] - CARDS_PER_SHEET * card_w * scale) / 2
    y0 = (A4_LANDSCAPE[1] - card_h * scale) / 2
    sheets = math.ceil(len(pages) / CARDS_PER_SHEET)
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({NameObject(k): NameObject(v) for k, v in _HELVETICA.items()}))
    for number in range(sheets):
        group = pages[number * CARDS_PER_SHEET:(number + 1) * CARDS_PER_SHEET]
        forms, ops = DictionaryObject(), []
        for slot, page in enumerate(group):
            name = f"/Karte{slot}"
            forms[NameObject(name)] = _as_form(writer, page)
            left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
            x, y = x0 + slot * card_w * scale - left * scale, y0 - bottom * scale
            ops.append(f"q {scale:.4f} 0 0 {scale:.4f} {x:.3f} {y:.3f} cm {name} Do Q".encode())
        ops.append(_marks(len(group), scale, card_w, card_h, x0, y0, number + 1, sheets))
        sheet = writer.add_blank_page(width=A4_LANDSCAPE[0], height=A4_LANDSCAPE[1])
        sheet[NameObject("/Resources")] = DictionaryObject({
            NameObject("/XObject"): forms,
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
        })
        sheet[NameObject("/Contents")] = writer._add_object(_stream(b"\n".join(ops)))
    writer.add_metadata({"/Title": "Ko-Produktion – der Kartenfächer auf A4 zum Ausschneiden"})
    return writer, scale


# -- the whole run ------------------------------------------------------------------------


@dataclass
class Result:
    fan_path: Path
    a4_path: Path
    printed: list[PrintedCard]
    scale: float

    @property
    def continued(self) -> list[PrintedCard]:
        return [card for card in self.printed if card.pages > 1]


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make(browser, base_url: str, site_dir: Path, out_dir: Path) -> Result:
    """Print the built site served at ``base_url`` into the two PDFs in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    printed = print_cards(browser, base_url, load_cards(site_dir))
    first = PdfReader(io.BytesIO(printed[0].pdf)).pages[0]
    mark = continuation_mark(browser, float(first.mediabox.width), float(first.mediabox.height))
    fan_pdf = _bytes(fan(printed, mark, base_url, site_url_of(site_dir)))
    (out_dir / FAN_PDF).write_bytes(fan_pdf)
    sheets, scale = a4_sheets(fan_pdf)
    (out_dir / A4_PDF).write_bytes(_bytes(sheets))
    return Result(out_dir / FAN_PDF, out_dir / A4_PDF, printed, scale)


def report(result: Result) -> str:
    pages = sum(card.pages for card in result.printed)
    lines = [f"{result.fan_path.relative_to(ROOT) if result.fan_path.is_relative_to(ROOT) else result.fan_path}: "
             f"{len(result.printed)} cards on {pages} pages",
             f"{result.a4_path.relative_to(ROOT) if result.a4_path.is_relative_to(ROOT) else result.a4_path}: "
             f"{math.ceil(pages / CARDS_PER_SHEET)} A4 sheets, scale {result.scale * 100:.0f} %"]
    if result.continued:
        lines.append("cards continued on a further page: " + ", ".join(
            f"{card.number} ({card.pages} pages)" for card in result.continued))
    else:
        lines.append("cards continued on a further page: none")
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="druck-") as temp:
        site_dir = Path(temp) / "site"
        try:
            build(ROOT, site_dir, label="handbook")
            with serve(site_dir) as address, chromium() as browser:
                result = make(browser, address, site_dir, DIST)
        except BuildFailed as failure:
            print(failure.output, file=sys.stderr)
            print("druck: the site does not build; fix the errors above first.", file=sys.stderr)
            return 1
        except (ChromiumMissing, NotPrintable) as problem:
            print(f"druck: {problem}", file=sys.stderr)
            return 1
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
