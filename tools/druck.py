"""`make pdf`: the printed fan as one tagged PDF, the same cards on A4 sheets, and the print shop's file.

1. Builds the site (strict, into a temporary folder) and serves it on 127.0.0.1.
2. Debian's Chromium, driven by Playwright, prints the page „Druckfassung“ in
   one go, as a reader's browser prints it (print media, the card format from
   the @page rule of kartenfaecher/features/druck/druck.css): the cover card, the
   contents card, then every card on a page of its own, in the typeface the
   engine ships (waited for), its body text hyphenated as German (soft hyphens
   for the PDFs only: tools/silbentrennung.py), no line ending in „Ko-“,
   addresses broken after a slash or before a dot. Printed in one piece
   with ``tagged=True, outline=True``, the PDF has a structure tree (headings,
   lists, links, figures with their text alternatives), the page's language
   and one bookmark per card. Joining pages printed one by one would drop it.
3. pikepdf finishes dist/<kurzname>-faecher.pdf without touching the
   structure tree: links that Chromium recorded with the local server's
   address point to the public site (site_url), but a link to a card ("→ 15")
   opens the card's page in the PDF, every link annotation gets a
   description (/Contents), the title (document info and XMP dc:title, shown
   in the viewer's title bar), the bookmarks' titles as "15 Warum Legitimation
   wichtig ist" (Chromium runs the words of a heading together where lines
   break), and the page furniture Chromium leaves untagged (the chapter's name
   on the colour band, the address under the QR code: CSS-generated text) is
   marked as an artifact. A card too long for its page continues on the next;
   every page of it but its last gets "→" at the bottom right, as an artifact.
4. dist/<kurzname>-a4.pdf: the card pages at their size, as many side by side
   on an A4 sheet as fit clear of an office printer's non-printable margin
   (two at 99 × 210 mm, on A4 upright), with a gap between them so that each
   card is cut on its own, and crop marks outside the cards (``Sheet``). Each
   card page is placed as a form XObject, and the fan's structure tree comes along: its marked content is referred to in
   those XObjects (MCR with /Stm), its links are placed where the card lands.
   What the imposition cannot keep is said in ``A4_LIMITS``.
5. dist/<kurzname>-druckerei.pdf: the Druckfassung printed again with 3 mm of
   bleed, each page trimmed to the card (TrimBox, BleedBox, crop marks:
   ``for_print_shop``), made CMYK by Ghostscript with an output intent as
   PDF/X-4 asks (``press_ready``).

It prints which cards needed a continuation page. The functions below are also
what tools/publish.py and tests/browser/test_druck.py call.
"""

from __future__ import annotations

import html
import io
import json
import math
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, Pdf
from pikepdf.models import PdfMetadata

from kartenfaecher.errors import ContentError
from kartenfaecher.features.druck import card_format_mm
from kartenfaecher.handbuch import Handbook

from tools import satz, silbentrennung
from tools.common import (ROOT, ChromiumMissing, DraftRefused, build, chromium, engine_options, handbook,
                          load_config, refuse_draft, run_command, serve)

DIST = ROOT / "dist"
PAGE = "druckfassung/"

MM = 72 / 25.4  # PDF points per millimetre
A4 = (210 * MM, 297 * MM)
# What an office printer cannot print at the sheet's edges, and the room the
# crop marks take beside the cards (a gap, then the mark).
PRINTER_MARGIN = 5 * MM
MARK_GAP = 1 * MM
MARK_LENGTH = 3.5 * MM
MARK_ZONE = MARK_GAP + MARK_LENGTH + 0.5 * MM
# Between two cards on a sheet: at least enough to cut each card on its own, at most this much.
CARD_GAP = (2 * MM, 8 * MM)
# The two cards before card 3, as the outline names them.
FIRST_CARDS = ("Titelkarte", "Inhaltsverzeichnis")
# What the A4 sheets do not carry over from the fan's PDF (the README says it too).
A4_LIMITS = ("a bookmark or a link inside the document opens the sheet that holds its card, not the "
             "card's place on it; the margin text and the crop marks are artifacts, not content")

# Printed by Chromium, so that the few words PDF needs besides the cards are set in the
# cards' typeface, embedded: "→" on a card page that goes on (the print stylesheet keeps the
# text 8 mm from the side and 27 mm from the bottom), and each A4 sheet's margin text.
CONTINUATION_MARK = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>→</title><style>{typeface}
@page {{ size: {width}pt {height}pt; margin: 0; }}
html, body {{ margin: 0; }}
p {{ position: fixed; right: 8mm; bottom: 9mm; margin: 0; font: 700 16pt/1 Kartenschrift; }}
</style></head><body><p>→</p></body></html>
"""
SHEET_TEXT = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Bögen</title><style>{typeface}
@page {{ size: {width:.2f}pt {height:.2f}pt; margin: 0; }}
html, body {{ margin: 0; }}
section {{ position: relative; height: {height:.2f}pt; break-after: page; }}
p {{ position: absolute; bottom: {bottom:.2f}pt; margin: 0; white-space: nowrap; font: 6.5pt/1 Kartenschrift; }}
</style></head><body>{sheets}</body></html>
"""


class NotPrintable(Exception):
    """The built site lacks what printing needs; says what to do."""


# -- what the fan is printed from -------------------------------------------------------


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


@dataclass
class Words:
    """The document's title and author, from mkdocs.yml (site_name, titelkarte, site_author), and
    the handbook's names (its files', the sheets')."""

    title: str
    author: str
    handbook: Handbook

    @classmethod
    def of(cls, project: Path = ROOT) -> Words:
        config = load_config(project / "mkdocs.yml")
        subtitle = (engine_options(config).get("titelkarte") or {}).get("untertitel", "")
        return cls(f"{config['site_name']}. {' '.join(subtitle.split())}".strip(". "),
                   config.get("site_author") or "", handbook(project))


def file_names(book: Handbook) -> tuple[str, str, str]:
    """The fan's PDF, the A4 sheets' and the print shop's: named by the handbook's short name."""
    return f"{book.short_name}-faecher.pdf", f"{book.short_name}-a4.pdf", f"{book.short_name}-druckerei.pdf"


def print_page(browser, url: str, tagged: bool = True, bleed: float = 0) -> bytes:
    """The page at ``url`` printed by Chromium as the browser's print dialog would, typeset for print
    (tools/satz.py), with ``bleed`` mm of bleed on every side."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        satz.typeset(page, bleed)
        return page.pdf(prefer_css_page_size=True, tagged=tagged, outline=tagged)
    finally:
        context.close()


def print_html(browser, html: str) -> Pdf:
    """A small HTML document of ours printed (untagged: it is page furniture)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(html)
        satz.in_print(page)
        return Pdf.open(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    finally:
        context.close()


# -- finishing the fan's PDF --------------------------------------------------------------


def _instructions(ops: list[tuple]) -> list:
    return [pikepdf.ContentStreamInstruction(operands, Operator(op)) for operands, op in ops]


# What paints outside a text block: XObjects, shadings, inline images. A path object runs from
# its first point to its painting (or, for a clip, its "n").
_PAINTS = {"Do", "sh", "INLINE IMAGE"}
_PATH_STARTS = {"m", "re"}
_PATH_PAINTS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}


def mark_artifacts(instructions: list) -> tuple[list, int]:
    """What Chromium left outside marked content, marked as /Artifact; and how many runs.

    Chromium tags what the page's accessibility tree has; what it leaves outside
    marked content is what that tree leaves out: CSS-generated text (the band's
    chapter name, a running head; the address under the QR code, which the
    figure's text alternative names) and decoration, drawn as paths (the band,
    the number's box, the contents card's dot leaders, the rivet mark, the
    checkboxes' drawn boxes) and the clips around them.
    """
    out, block, ends, depth, wrapped = [], None, (), 0, 0
    begin, end = _instructions([([Name.Artifact], "BMC")]), _instructions([([], "EMC")])
    for instruction in instructions:
        op = str(instruction.operator)
        if block is not None:
            block.append(instruction)
            if op in ends:
                out += begin + block + end
                block, wrapped = None, wrapped + 1
            continue
        if op in ("BDC", "BMC"):
            depth += 1
        elif op == "EMC":
            depth -= 1
        elif depth == 0 and (op == "BT" or op in _PATH_STARTS):
            block, ends = [instruction], ("ET",) if op == "BT" else _PATH_PAINTS
            continue
        elif depth == 0 and op in _PAINTS:
            out += begin + [instruction] + end
            wrapped += 1
            continue
        out.append(instruction)
    return out, wrapped


def rewrite(pdf: Pdf, holder, *steps) -> int:
    """The content of ``holder`` (a page or a form XObject) read once, put through ``steps`` (each:
    instructions -> (instructions, changes)), written back once if any step changed something;
    returns the changes."""
    instructions, changes = list(pikepdf.parse_content_stream(holder)), 0
    for step in steps:
        instructions, changed = step(instructions)
        changes += changed
    if changes:
        data = pikepdf.unparse_content_stream(instructions)
        if isinstance(holder, pikepdf.Page):
            holder.obj.Contents = pdf.make_stream(data)
        else:
            holder.write(data)
    return changes


_SHOWS = {"Tj", "TJ", "'", '"'}
_MOVES = {"Td", "TD", "Tm", "T*", "Tf"}


def _codes_of(font: Dictionary, character: str) -> frozenset[int]:
    """The two-byte codes a font's ToUnicode map reads as ``character``."""
    cmap = font.ToUnicode.read_bytes().decode("latin-1") if Name.ToUnicode in font else ""
    return frozenset(int(code, 16) for code in re.findall(rf"<([0-9A-Fa-f]{{4}})>\s*<{ord(character):04X}>", cmap))


def _shown_codes(instruction) -> list[int]:
    strings = [item for operand in instruction.operands
               for item in (operand if isinstance(operand, Array) else [operand]) if isinstance(item, pikepdf.String)]
    data = b"".join(bytes(string) for string in strings)
    return [data[i] << 8 | data[i + 1] for i in range(0, len(data) - 1, 2)]


def whole_words(instructions: list, hyphens: dict[str, frozenset[int]]) -> tuple[list, int]:
    """Words broken at a soft hyphen read whole; and how many soft hyphens and break hyphens it took.
    ``hyphens``: for each font name of the page, its codes of "‐" (``_codes_of``).

    Chromium records each soft hyphen as a space glyph whose /ActualText is U+00AD, so a reader
    copying a word got its soft hyphens and a search for it failed; they are taken out (the moves
    of the text position kept). Where one breaks a line it draws "‐" (U+2010, which the cards'
    text never holds): that reads as nothing now (/ActualText ()), as on paper the eye skips it.
    """
    kept, taken, index = [], 0, 0
    while index < len(instructions):
        instruction = instructions[index]
        operands = instruction.operands
        if str(instruction.operator) == "BDC" and isinstance(operands[1], Dictionary) and \
                str(operands[1].get(Name.ActualText, "")) == "\u00ad":
            depth, index, taken = 1, index + 1, taken + 1
            while depth:  # the soft hyphen's run: only its moves stay
                op = str(instructions[index].operator)
                depth += 1 if op in ("BDC", "BMC") else -1 if op == "EMC" else 0
                if op in _MOVES:
                    kept.append(instructions[index])
                index += 1
            continue
        kept.append(instruction)
        index += 1
    out, font, index, wrapped = [], None, 0, 0
    nothing = _instructions([([Name.Span, Dictionary(ActualText=pikepdf.String(""))], "BDC")])
    while index < len(kept):
        op = str(kept[index].operator)
        if op == "BT":  # a text object that shows only the hyphen of a break
            end = next(k for k in range(index, len(kept)) if str(kept[k].operator) == "ET")
            block, shown = kept[index:end + 1], []
            for inner in block:
                if str(inner.operator) == "Tf":
                    font = str(inner.operands[0])
                elif str(inner.operator) in _SHOWS:
                    shown += [code in hyphens.get(font, ()) for code in _shown_codes(inner)]
            if shown and all(shown):
                out += nothing + block + _instructions([([], "EMC")])
                wrapped += 1
            else:
                out += block
            index = end + 1
            continue
        if op == "Tf":
            font = str(kept[index].operands[0])
        out.append(kept[index])
        index += 1
    return out, taken + wrapped


def _entry(dictionary: Dictionary, key: Name) -> Dictionary:
    """``dictionary[key]``, made an empty dictionary first where missing."""
    if key not in dictionary:
        dictionary[key] = Dictionary()
    return dictionary[key]


def append_content(pdf: Pdf, page: pikepdf.Page, data: bytes) -> None:
    """Draw ``data`` over the page, in the page's own coordinates.

    Chromium's content stream leaves its coordinate transformation in force at
    its end, so what it drew is enclosed in q … Q first.
    """
    page.contents_add(pdf.make_stream(b"q"), prepend=True)
    page.contents_add(pdf.make_stream(b"Q\n" + data))


def overlay_artifact(pdf: Pdf, page: pikepdf.Page, form_name: str, form, matrix: str = "1 0 0 1 0 0",
                     clip: tuple[tuple[float, float, float, float], ...] = ()) -> None:
    """Draw ``form`` (a form XObject) over ``page`` as an artifact; with ``clip``, only inside
    those rectangles (x, y, width, height in mm from the page's top left corner; a negative y
    from its bottom left corner, to the rectangle's top)."""
    _entry(_entry(page.obj, Name.Resources), Name.XObject)[Name(form_name)] = form
    left, bottom, top = float(page.mediabox[0]), float(page.mediabox[1]), float(page.mediabox[3])
    parts = [f"q {left + x * MM:.2f} {(top - (y + h) * MM) if y >= 0 else (bottom - (y + h) * MM):.2f} "
             f"{w * MM:.2f} {h * MM:.2f} re W n {matrix} cm {form_name} Do Q"
             for x, y, w, h in clip] or [f"q {matrix} cm {form_name} Do Q"]
    append_content(pdf, page, ("/Artifact BMC " + " ".join(parts) + " EMC").encode())


def outline_pages(pdf: Pdf) -> list[int]:
    """The page index each top-level bookmark opens (one per card, in order)."""
    index = {page.objgen: number for number, page in enumerate(pdf.pages)}
    with pdf.open_outline() as outline:
        return [index[item.destination[0].objgen] for item in outline.root]


def card_pages(pdf: Pdf) -> list[range]:
    """The pages of each card: from its bookmark to the next card's."""
    starts = outline_pages(pdf) + [len(pdf.pages)]
    return [range(a, b) for a, b in zip(starts, starts[1:])]


def describe_links(pdf: Pdf, base_url: str, site_url: str, names: dict[str, str],
                   cards_at: dict[str, pikepdf.Object]) -> None:
    """Links to the public site, each with a description (/Contents) as PDF/UA asks; a link to a
    card ("→ 15") opens the card's page in the PDF (``cards_at``: its page by its addresses)."""
    for page in pdf.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            if annotation.get(Name.Subtype) != Name.Link:
                continue
            action = annotation.get(Name.A)
            if action is not None and Name.URI in action:
                uri = str(action.URI)
                if uri.startswith(base_url):
                    uri = site_url + uri[len(base_url):]
                    action.URI = pikepdf.String(uri)
                address = uri.split("#")[0]
                description = names.get(address, uri)
                if address in cards_at:
                    annotation.Dest = Array([cards_at[address], Name.Fit])
                    del annotation[Name.A]
            else:
                description = names.get("#" + str(annotation.get(Name.Dest, "")).lstrip("/"), "Verweis")
            annotation.Contents = pikepdf.String(description)


def card_addresses(card: dict, site_url: str) -> tuple[str, str]:
    """The public addresses of a card: its page and its short address."""
    return site_url + card["url"], f"{site_url}{card['number']}/"


def link_names(cards: list[dict], site_url: str) -> dict[str, str]:
    """What a link to a card is called: by its page, its short address and its anchor on the Druckfassung."""
    names = {}
    for card in cards:
        name = f"Karte {card['number']}: {card['title']}"
        for address in (*card_addresses(card, site_url), f"#karte-{card['number']}"):
            names[address] = name
    return names


# What Chromium's tags from PDF 2.0 are in PDF 1.7's standard types, which PDF/UA-1 asks a tag
# to be or to be mapped to (the structure tree's RoleMap): <strong> and <em> as spans of text.
ROLES = {"Strong": "Span", "Em": "Span"}
STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3
    H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot
    Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())


def _kids(element: Dictionary) -> list:
    """What a structure element holds (/K: one kid, an array of them, or none), as a list."""
    kids = element.get(Name.K)
    return list(kids) if isinstance(kids, Array) else [] if kids is None else [kids]


def elements(pdf: Pdf) -> list[Dictionary]:
    """Every element of the structure tree, each read before the caller changes any."""
    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        kids = [kid for kid in _kids(stack.pop()) if isinstance(kid, Dictionary) and Name.S in kid]
        found += kids
        stack += kids
    return found


def map_roles(pdf: Pdf) -> None:
    """A RoleMap entry for every tag outside PDF 1.7's standard ones (see ROLES)."""
    used = {str(element.S)[1:] for element in elements(pdf)}
    unknown = sorted(used - STANDARD - set(ROLES))
    if unknown:
        raise NotPrintable(f"Chromium tagged the PDF with {', '.join(unknown)}, which PDF/UA-1 does not know: "
                           "add what each is (a standard type) to ROLES in tools/druck.py")
    pdf.Root.StructTreeRoot.RoleMap = Dictionary({f"/{tag}": Name("/" + ROLES[tag])
                                                  for tag in sorted(used & set(ROLES))})


def add_list_bodies(pdf: Pdf) -> None:
    """What a list item holds besides its label (Chromium puts it straight under /LI) put into an
    /LBody, as PDF/UA-1 asks; marked content that belonged to the item belongs to its body."""
    body_of = {}
    for element in elements(pdf):
        if element.S != Name.LI:
            continue
        kids = _kids(element)
        label = [kid for kid in kids if isinstance(kid, Dictionary) and kid.get(Name.S) in (Name.Lbl, Name.LBody)]
        content = [kid for kid in kids if not any(kid is k for k in label)]
        if not content:
            continue
        body = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.LBody, P=element, K=Array(content)))
        if Name.Pg in element:
            body.Pg = element.Pg
        for kid in content:
            if isinstance(kid, Dictionary) and Name.S in kid:
                kid.P = body
        element.K = Array(label + [body])
        body_of[element.objgen] = body
    _replace_parents(pdf.Root.StructTreeRoot.get(Name.ParentTree), body_of)


def _replace_parents(node, body_of: dict) -> None:
    """In the ParentTree (a number tree), every item that was a parent of marked content, its body."""
    if node is None:
        return
    for kid in node.get(Name.Kids, Array()):
        _replace_parents(kid, body_of)
    nums = node.get(Name.Nums, Array())
    for at in range(1, len(nums), 2):
        value = nums[at]
        if isinstance(value, Array):
            for index, parent in enumerate(list(value)):
                if isinstance(parent, Dictionary) and parent.objgen in body_of:
                    value[index] = body_of[parent.objgen]
        elif isinstance(value, Dictionary) and value.objgen in body_of:
            nums[at] = body_of[value.objgen]


PDFUA_ID = "http://www.aiim.org/pdfua/ns/id/"


def claim_pdfua(pdf: Pdf) -> None:
    """Say in XMP that the PDF conforms to PDF/UA-1 (pdfuaid:part 1): said of the fan, which three
    checkers pass, and of the A4 sheets, which outloud and page pass (pdfua does not follow marked
    content into the forms that place the cards): tests/browser/test_druck.py."""
    PdfMetadata.register_xml_namespace(PDFUA_ID, "pdfuaid")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta[f"{{{PDFUA_ID}}}part"] = "1"


def set_title(pdf: Pdf, words: Words, title: str) -> None:
    """The title in the document info and in XMP (dc:title), shown in the viewer's title bar."""
    pdf.docinfo[Name.Title] = title
    pdf.docinfo[Name.Author] = words.author
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [words.author]
        meta["dc:language"] = ["de"]
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.Lang = pikepdf.String("de")
    pdf.Root.MarkInfo = Dictionary(Marked=True)


def name_bookmarks(pdf: Pdf, cards: list[dict]) -> None:
    """One bookmark per card, "15 Warum Legitimation wichtig ist"; the cards' sub-headings are left out."""
    titles = list(FIRST_CARDS) + [f"{card['number']} {card['title']}" for card in cards]
    with pdf.open_outline() as outline:
        if len(outline.root) != len(titles):
            raise NotPrintable(f"the printed Druckfassung has {len(outline.root)} top-level headings, "
                               f"not one per card ({len(titles)}); does every card have one <h1>?")
        for item, title in zip(outline.root, titles):
            item.title = title
            item.children.clear()
    pdf.Root.PageMode = Name.UseOutlines


def finish_fan(printed: bytes, mark: Pdf, cards: list[dict], base_url: str, site_url: str,
               words: Words, width: float, height: float, bleed: float = 0) -> tuple[Pdf, list[range]]:
    """Chromium's tagged PDF of the Druckfassung, finished (see the module's docstring), its cards
    ``width`` × ``height`` points, printed with ``bleed`` mm of bleed around each."""
    pdf = Pdf.open(io.BytesIO(printed))
    for page in pdf.pages:
        exact_format(page, width + 2 * bleed * MM, height + 2 * bleed * MM)
    name_bookmarks(pdf, cards)
    pages = card_pages(pdf)
    cards_at = {address: pdf.pages[span.start].obj for card, span in zip(cards, pages[len(FIRST_CARDS):])
                for address in card_addresses(card, site_url)}
    describe_links(pdf, base_url, site_url, link_names(cards, site_url), cards_at)
    map_roles(pdf)
    add_list_bodies(pdf)
    set_title(pdf, words, words.title)
    arrow = pdf.copy_foreign(mark.pages[0].as_form_xobject())
    for span in pages:
        for number in span[:-1]:
            left, bottom = (float(v) + bleed * MM for v in pdf.pages[number].mediabox[:2])
            overlay_artifact(pdf, pdf.pages[number], "/Weiter", arrow, f"1 0 0 1 {left:.2f} {bottom:.2f}")
    hyphens = {}  # a font's codes of "‐", read once: the pages share their fonts
    for page in pdf.pages:
        fonts = page.Resources.get(Name.Font) or Dictionary()
        for font in fonts.values():
            if font.objgen not in hyphens:
                hyphens[font.objgen] = _codes_of(font, "\u2010")
        by_name = {name: hyphens[font.objgen] for name, font in fonts.items()}
        rewrite(pdf, page, lambda instructions: whole_words(instructions, by_name), mark_artifacts)
        page.obj.Tabs = Name.S  # PDF/UA: annotations in the order of the structure
    for span in pages:
        if len(span) > 1:
            first = pdf.pages[span.start]
            furniture = pdf.make_stream(pikepdf.unparse_content_stream(artifacts_of(first)), Type=Name.XObject,
                                        Subtype=Name.Form, Resources=first.Resources, BBox=first.mediabox)
            band, rivet = FURNITURE
            clip = ((band[0], band[1], band[2], band[3] + bleed), (rivet[0] + bleed, rivet[1] - bleed, *rivet[2:]))
            for number in span[1:]:
                overlay_artifact(pdf, pdf.pages[number], "/Kartenrand", furniture, clip=clip)
    return pdf, pages


# Where a card's first page has what every page of the card has: the band along the top (10 mm),
# the rivet mark at the pivot corner (5 mm, 4.5 mm from the bottom and the left edge), in mm from
# the page's top left corner: x, y, width, height.
FURNITURE = ((0, 0, 1000, 10.5), (3.5, -10.5, 7, 7))  # a negative y counts from the bottom
_STATE = {"q", "Q", "cm", "gs", "w", "J", "j", "M", "d", "ri", "i", "G", "g", "RG", "rg", "K", "k", "CS", "cs",
          "SC", "SCN", "sc", "scn"}


def artifacts_of(page: pikepdf.Page) -> list:
    """The page's drawing without its tagged content: what it has marked as an artifact (band,
    rivet mark, boxes, the address under the QR code …) and the graphics state around it."""
    kept, dropping = [], []
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            tagged = op == "BDC" and isinstance(instruction.operands[1], Dictionary) and \
                Name.MCID in instruction.operands[1]
            dropping.append(tagged or any(dropping))
            if not dropping[-1]:
                kept.append(instruction)
        elif op == "EMC":
            if not dropping.pop():
                kept.append(instruction)
        elif not any(dropping) or op in _STATE:
            kept.append(instruction)
    return kept


def exact_format(page: pikepdf.Page, width: float, height: float) -> None:
    """The page box at the card format exactly, from the page's top left corner, where Chromium's layout
    starts: Chromium rounds the box to its 300 dpi device pixels (99.14 × 209.89 mm), not the layout."""
    box = [float(v) for v in page.mediabox]
    page.obj.MediaBox = Array([box[0], box[3] - height, box[0] + width, box[3]])


# -- A4 sheets --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """How the cards lie on an A4 sheet: as many at full size side by side as fit inside the printer's
    margin with a gap between them, centred, with room for crop marks above and below; a card too large
    for that is scaled down, to whole percents, as little as the sheet's better side allows."""
    width: float
    height: float
    card_w: float
    card_h: float
    per_sheet: int
    scale: float
    gap: float

    @classmethod
    def for_card(cls, card_w: float, card_h: float) -> Sheet:
        options = []
        for width, height in (A4, A4[::-1]):  # upright first: it wins a tie
            room_w, room_h = width - 2 * PRINTER_MARGIN, height - 2 * (PRINTER_MARGIN + MARK_ZONE)
            scale = math.floor(min(1.0, room_w / card_w, room_h / card_h) * 100 + 1e-9) / 100
            count = max(1, int((room_w + CARD_GAP[0]) / (card_w * scale + CARD_GAP[0]) + 1e-9))
            gap = min(CARD_GAP[1], (room_w - count * card_w * scale) / (count - 1)) if count > 1 else 0.0
            options.append(cls(width, height, card_w, card_h, count, scale, gap))
        return max(options, key=lambda sheet: (sheet.scale, sheet.per_sheet))  # full size first

    @property
    def size(self) -> tuple[float, float]:
        """A placed card's width and height."""
        return self.card_w * self.scale, self.card_h * self.scale

    @property
    def upright(self) -> bool:
        return self.width < self.height

    def slots(self, count: int | None = None) -> list[tuple[float, float]]:
        """The lower left corner of each of ``count`` cards (all a sheet holds) on the sheet."""
        w, h = self.size
        row = self.per_sheet * w + (self.per_sheet - 1) * self.gap
        x0, y0 = (self.width - row) / 2, (self.height - h) / 2
        return [(x0 + k * (w + self.gap), y0) for k in range(self.per_sheet if count is None else count)]

    def sheets_for(self, pages: int) -> int:
        return math.ceil(pages / self.per_sheet)

    def crop_marks(self, count: int) -> bytes:
        """Drawing operators for the crop marks of ``count`` cards: each card's long edges marked above
        and below it, its top and bottom edge beside the row where the margin leaves room, else in the
        gaps between the cards (where each card is cut on its own)."""
        ops = ["/Artifact BMC q 0 G 0.4 w"]

        def line(xa, ya, xb, yb):
            ops.append(f"{xa:.2f} {ya:.2f} m {xb:.2f} {yb:.2f} l S")

        w, h = self.size
        near, far = MARK_GAP, MARK_GAP + MARK_LENGTH
        slots = self.slots(count)
        for x, y in slots:
            for edge in (x, x + w):
                line(edge, y + h + near, edge, y + h + far)
                line(edge, y - near, edge, y - far)
        left, y0 = slots[0]
        right = slots[-1][0] + w
        for y in (y0, y0 + h):
            if left - PRINTER_MARGIN >= MARK_ZONE:
                line(left - near, y, left - far, y)
                line(right + near, y, right + far, y)
            for (x, _), _next in zip(slots, slots[1:]):
                quarter = self.gap / 4
                line(x + w + quarter, y, x + w + self.gap - quarter, y)
        ops.append("Q EMC")
        return "\n".join(ops).encode()


def sheet_texts(browser, name: str, sheet: Sheet, sheets: int) -> Pdf:
    """Each sheet's margin text, printed by Chromium (so in an embedded font): how to print and cut,
    the handbook's ``name`` and the sheet's number, under the cards."""
    (x0, y0), (x_last, _) = sheet.slots()[0], sheet.slots()[-1]
    bottom = y0 - MARK_ZONE - 2.5 * MM
    scale = "" if sheet.scale == 1 else f"Maßstab {sheet.scale * 100:.0f} % – "
    parts = []
    for number in range(1, sheets + 1):
        parts.append(
            f'<section><p style="left: {x0:.2f}pt">{scale}In Originalgröße (100 %) drucken, an den Marken '
            f'schneiden</p><p style="right: {sheet.width - x_last - sheet.size[0]:.2f}pt">{html.escape(name)} · '
            f'Bogen {number} von {sheets}</p></section>')
    return print_html(browser, SHEET_TEXT.format(width=sheet.width, height=sheet.height, bottom=bottom,
                                                 sheets="".join(parts), typeface=satz.typeface_css()))


def _retarget(pdf: Pdf, placed: dict) -> None:
    """The structure tree's references to card pages, moved to the sheets and the cards' XObjects."""
    seen = set()
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        element = stack.pop()
        if element.objgen in seen and element.objgen != (0, 0):
            continue
        seen.add(element.objgen)
        page = element.get(Name.Pg)
        where = placed.get(page.objgen) if page is not None else None
        if where is not None:
            element.Pg = where[0]
        kids = element.get(Name.K)
        if kids is None:
            continue
        items = list(kids) if isinstance(kids, Array) else [kids]
        changed = []
        for kid in items:
            if isinstance(kid, int) and where is not None:
                kid = Dictionary(Type=Name.MCR, MCID=kid, Pg=where[0], Stm=where[1])
            elif isinstance(kid, Dictionary):
                kind = kid.get(Name.Type)
                target = placed.get(kid.Pg.objgen) if Name.Pg in kid else where
                if kind == Name.MCR and target is not None:
                    kid.Pg, kid.Stm = target
                elif kind == Name.OBJR and target is not None:
                    kid.Pg = target[0]
                elif Name.S in kid:
                    stack.append(kid)
            changed.append(kid)
        element.K = Array(changed) if isinstance(kids, Array) or len(changed) != 1 else changed[0]


def a4_sheets(fan: Pdf, texts: Pdf, layout: Sheet) -> Pdf:
    """The card pages laid out on A4 sheets as ``layout`` says, the structure tree kept."""
    pdf = Pdf.open(io.BytesIO(_bytes(fan)))  # a copy: the fan's structure, outline and metadata come along
    cards = list(pdf.pages)
    scale, per_sheet = layout.scale, layout.per_sheet
    placed, sheet_of = {}, {}
    sheets = []
    for number in range(layout.sheets_for(len(cards))):
        group = cards[number * per_sheet:(number + 1) * per_sheet]
        sheet = pdf.copy_foreign(texts.pages[number].obj)
        sheet.MediaBox = Array([0, 0, layout.width, layout.height])  # A4 exactly (Chromium's is rounded)
        sheet_page = pikepdf.Page(sheet)
        rewrite(pdf, sheet_page, mark_artifacts)
        xobjects = _entry(_entry(sheet, Name.Resources), Name.XObject)
        ops, annotations = [], Array()
        for slot, (card, (x, y0)) in enumerate(zip(group, layout.slots(len(group)))):
            form = card.as_form_xobject()
            if Name.StructParents in card.obj:
                form.StructParents = card.obj.StructParents
            name = f"/Karte{slot}"
            xobjects[Name(name)] = form
            left, bottom = (float(v) for v in card.mediabox[:2])  # the card's box need not start at 0 0
            x, y0 = x - left * scale, y0 - bottom * scale
            ops.append(f"q {scale:.4f} 0 0 {scale:.4f} {x:.3f} {y0:.3f} cm {name} Do Q")
            for annotation in card.obj.get(Name.Annots, Array()):
                r = [float(v) for v in annotation.Rect]
                annotation.Rect = Array([x + r[0] * scale, y0 + r[1] * scale, x + r[2] * scale, y0 + r[3] * scale])
                annotation.P = sheet
                annotations.append(annotation)
            placed[card.objgen] = (sheet, form)
            sheet_of[card.objgen] = sheet
        append_content(pdf, sheet_page, "\n".join(ops).encode() + b"\n" + layout.crop_marks(len(group)))
        if annotations:
            sheet.Annots = annotations
        sheet.Tabs = Name.S
        sheets.append(sheet)
    _retarget(pdf, placed)
    def on_sheet(dest):  # a destination on a card page: the sheet that holds the card, whole
        if isinstance(dest, Array) and dest[0].objgen in sheet_of:
            return Array([sheet_of[dest[0].objgen], Name.Fit])
        return None

    for sheet in sheets:  # a link to a card
        for annotation in sheet.get(Name.Annots, Array()):
            if (moved := on_sheet(annotation.get(Name.Dest))) is not None:
                annotation.Dest = moved
    with pdf.open_outline() as outline:
        for item in outline.root:  # every bookmark opens a card page
            item.destination = Array([sheet_of[item.destination[0].objgen], Name.Fit])
    for dest in (pdf.Root.get(Name.Dests) or Dictionary()).values():
        array = dest if isinstance(dest, Array) else dest.get(Name.D)
        if (moved := on_sheet(array)) is not None:
            array[:] = list(moved)
    for sheet in sheets:
        pdf.pages.append(pikepdf.Page(sheet))
    while len(pdf.pages) > len(sheets):
        del pdf.pages[0]
    return pdf


# -- the whole run ------------------------------------------------------------------------


@dataclass
class Result:
    fan_path: Path
    a4_path: Path
    cards: list[dict]
    pages: list[range]  # each card's pages in the fan, cover and contents first
    sheet: Sheet
    print_path: Path

    @property
    def continued(self) -> list[tuple[str, int]]:
        """The cards that needed more than one page: (name, pages)."""
        names = list(FIRST_CARDS) + [str(card["number"]) for card in self.cards]
        return [(name, len(span)) for name, span in zip(names, self.pages) if len(span) > 1]


def page_count(path: Path) -> int:
    with Pdf.open(path) as pdf:
        return len(pdf.pages)


def card_size_mm(path: Path) -> tuple[int, int]:
    """Width and height of the first page, in whole millimetres."""
    with Pdf.open(path) as pdf:
        box = [float(v) for v in pdf.pages[0].mediabox]
        return round((box[2] - box[0]) / MM), round((box[3] - box[1]) / MM)


def _bytes(pdf: Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


def make(browser, base_url: str, site_dir: Path, out_dir: Path, words: Words | None = None) -> Result:
    """Print the built site served at ``base_url`` into the two PDFs in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    words = words or Words.of()
    cards, site_url = load_cards(site_dir), site_url_of(site_dir)
    printed = print_page(browser, base_url + PAGE)
    width, height = (size * MM for size in card_format_mm())
    mark = print_html(browser, CONTINUATION_MARK.format(width=f"{width:.2f}", height=f"{height:.2f}",
                                                        typeface=satz.typeface_css()))
    fan, pages = finish_fan(printed, mark, cards, base_url, site_url, words, width, height)
    fan_name, a4_name, print_name = file_names(words.handbook)
    layout = Sheet.for_card(width, height)
    texts = sheet_texts(browser, words.handbook.name, layout, layout.sheets_for(len(fan.pages)))
    sheets = a4_sheets(fan, texts, layout)  # a copy of the fan, made before the fan's claim
    set_title(sheets, words, f"{words.title} (A4-Bögen zum Ausschneiden)")
    for pdf in (fan, sheets):
        claim_pdfua(pdf)
    from tools import druckerei  # which builds on this module

    with_bleed = print_page(browser, base_url + PAGE, bleed=druckerei.BLEED)
    shop, _ = finish_fan(with_bleed, mark, cards, base_url, site_url, words, width, height, druckerei.BLEED)
    shop = druckerei.press_ready(druckerei.for_print_shop(shop, druckerei.BLEED), words)
    (out_dir / fan_name).write_bytes(_bytes(fan))
    (out_dir / a4_name).write_bytes(_bytes(sheets))
    (out_dir / print_name).write_bytes(_bytes(shop))
    return Result(out_dir / fan_name, out_dir / a4_name, cards, pages, layout, out_dir / print_name)


def report(result: Result) -> str:
    def shown(path: Path) -> Path:
        return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path

    total = sum(len(span) for span in result.pages)
    lines = [f"{shown(result.fan_path)}: {len(result.pages)} cards (cover and contents included) on "
             f"{total} pages, {result.fan_path.stat().st_size / 1e6:.2f} MB",
             f"{shown(result.a4_path)}: {result.sheet.sheets_for(total)} A4 sheets "
             f"({'upright' if result.sheet.upright else 'landscape'}), {result.sheet.per_sheet} cards a sheet at "
             f"{result.sheet.scale * 100:.0f} %, {result.a4_path.stat().st_size / 1e6:.2f} MB, PDF/UA-1; "
             f"but {A4_LIMITS}",
             f"{shown(result.print_path)}: for the print shop, {total} cards trimmed to "
             f"{' × '.join(f'{n:g}' for n in card_format_mm())} mm with 3 mm bleed "
             f"and crop marks, CMYK, PDF/X-4, {result.print_path.stat().st_size / 1e6:.2f} MB",
             "cards continued on a further page: " + (", ".join(
                 f"{name} ({pages} pages)" for name, pages in result.continued) or "none")]
    return "\n".join(lines)


def main() -> int:
    def work() -> str:
        refuse_draft(ROOT)
        with tempfile.TemporaryDirectory(prefix="druck-") as temp:
            site_dir = Path(temp) / "site"
            build(ROOT, site_dir, label="handbook")
            with serve(site_dir) as address, chromium() as browser:
                return report(make(browser, address, site_dir, DIST))

    from tools.druckerei import GhostscriptMissing

    return run_command("make pdf", work, ContentError, DraftRefused, ChromiumMissing, NotPrintable,
                       silbentrennung.Missing, GhostscriptMissing, kept="dist/ left as it was.")


if __name__ == "__main__":
    sys.exit(main())
