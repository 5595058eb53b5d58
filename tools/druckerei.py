"""The print shop's file (`make pdf`, tools/druck.py): the fan printed with bleed, trimmed, in CMYK.

``for_print_shop`` gives each page of the fan printed with 3 mm of bleed its TrimBox (the card),
its BleedBox and crop marks outside it; ``press_ready`` makes it CMYK with Ghostscript and names
its output intent, as PDF/X-4 asks. The README's „The print shop's file“ says why each step.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf
from pikepdf.models import PdfMetadata

from tools.druck import MM, NotPrintable, Words, _bytes, _instructions, append_content, rewrite, set_title

# The print shop's file: 3 mm of bleed around each card; beyond it, room of 7 mm for crop marks
# 5 mm long, 1 mm off the bleed.
BLEED = 3
MARKS = (7, 5)
# Where the rivet goes: the centre of the rivet mark (druck.css: 5 mm, 4.5 mm from the edges), in mm
# from the bottom and the left edge of the card, as the print shop is told on „Herunterladen“.
RIVET_MM = 7


def for_print_shop(pdf: Pdf, bleed: float) -> Pdf:
    """The fan printed with ``bleed`` mm of bleed, as a print shop takes it: each page's TrimBox the
    card, its BleedBox the bleed around it, and crop marks on the trim's lines outside the bleed, in
    a MediaBox that much larger. No links (paper has none)."""
    room, near, far = (MARKS[0] + bleed) * MM, (1 + bleed) * MM, MARKS[1] * MM
    for page in pdf.pages:
        left, bottom, right, top = (float(v) for v in page.mediabox)
        b = bleed * MM
        page.obj.BleedBox = Array([left, bottom, right, top])
        trim = [left + b, bottom + b, right - b, top - b]
        page.obj.TrimBox = Array(trim)
        page.obj.MediaBox = Array([trim[0] - room, trim[1] - room, trim[2] + room, trim[3] + room])
        if Name.CropBox in page.obj:
            del page.obj[Name.CropBox]
        if Name.Annots in page.obj:
            del page.obj[Name.Annots]
        lines = []
        for x in (trim[0], trim[2]):
            lines += [(x, trim[3] + near, x, trim[3] + near + far), (x, trim[1] - near, x, trim[1] - near - far)]
        for y in (trim[1], trim[3]):
            lines += [(trim[0] - near, y, trim[0] - near - far, y), (trim[2] + near, y, trim[2] + near + far, y)]
        append_content(pdf, page, ("/Artifact BMC q 0 G 0.25 w " + " ".join(
            f"{xa:.2f} {ya:.2f} m {xb:.2f} {yb:.2f} l S" for xa, ya, xb, yb in lines) + " Q EMC").encode())
    return pdf


# The press's colours: Ghostscript converts the print shop's file to CMYK with its own CMYK profile
# (Artifex's, for SWOP-like coated stock; Debian's ghostscript), which the file names as its output
# intent: a print shop working to another standard (FOGRA39 here) converts from it.
CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
PDFX_ID = "http://www.npes.org/pdfx/ns/id/"


class GhostscriptMissing(Exception):
    """Ghostscript, which makes the print shop's file CMYK, is not installed; says how to install it."""


def _black_as_black_ink(pdf: Pdf) -> None:
    """Black drawn as RGB black (text, QR codes, marks) drawn as gray black, which Ghostscript turns
    into black ink alone: converted as RGB it became four inks (72/67/67/88 %), blurred in small type
    wherever the plates do not meet exactly."""
    def gray(instructions: list) -> tuple[list, int]:
        out, changed = [], 0
        for instruction in instructions:
            op = str(instruction.operator)
            if op in ("rg", "RG") and all(float(value) == 0 for value in instruction.operands):
                out += _instructions([([0], "g" if op == "rg" else "G")])
                changed += 1
            else:
                out.append(instruction)
        return out, changed

    seen = set()

    def each(holder, resources) -> None:  # a page or form, then the forms it draws
        rewrite(pdf, holder, gray)
        for xobject in (resources.get(Name.XObject) or Dictionary()).values():
            if xobject.get(Name.Subtype) == Name.Form and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                each(xobject, xobject.get(Name.Resources) or Dictionary())

    for page in pdf.pages:
        each(page, page.Resources)


def press_ready(pdf: Pdf, words: Words) -> Pdf:
    """The print shop's file in CMYK, as PDF/X-4 asks: black in black ink, colours converted by
    Ghostscript, the CMYK profile embedded as the output intent, and the PDF/X-4 identification."""
    if shutil.which("gs") is None or not CMYK_PROFILE.is_file():
        raise GhostscriptMissing("the print shop's file needs Ghostscript: apt-get install ghostscript "
                                 "(make pdf installs it).")
    _black_as_black_ink(pdf)
    with tempfile.TemporaryDirectory(prefix="druckerei-") as temp:
        rgb, cmyk = Path(temp) / "rgb.pdf", Path(temp) / "cmyk.pdf"
        rgb.write_bytes(_bytes(pdf))
        done = subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
                               "-sColorConversionStrategy=CMYK", "-dProcessColorModel=/DeviceCMYK",
                               f"-sOutputICCProfile={CMYK_PROFILE}", "-dCompatibilityLevel=1.6",
                               "-dEmbedAllFonts=true", "-dSubsetFonts=true", "-o", str(cmyk), str(rgb)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise NotPrintable(f"Ghostscript could not convert the print shop's file to CMYK: "
                               f"{(done.stderr or done.stdout).strip()[-500:]}")
        press = Pdf.open(io.BytesIO(cmyk.read_bytes()))
    profile = press.make_stream(CMYK_PROFILE.read_bytes(), N=4, Alternate=Name.DeviceCMYK)
    press.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=pikepdf.String("Custom"),
        OutputCondition=pikepdf.String("Artifex CMYK SWOP Profile (Ghostscript)"),
        Info=pikepdf.String("Artifex CMYK SWOP Profile"), DestOutputProfile=profile)])
    press.docinfo[Name.Trapped] = Name("/False")
    if Name.MarkInfo in press.Root:  # Ghostscript drops the structure tree: the file says it is untagged
        del press.Root[Name.MarkInfo]
    set_title(press, words, f"{words.title} (Druckvorlage)")
    PdfMetadata.register_xml_namespace(PDFX_ID, "pdfxid")
    with press.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta[f"{{{PDFX_ID}}}GTS_PDFXVersion"] = "PDF/X-4"
        meta["pdf:Trapped"] = "False"
    return press
