"""QR codes as inline SVG, made at build time with the pure-Python `qrcode` library.

A printed card carries a QR code to its short address (``https://…/15/``), so a
reader of the paper card reaches its page. The library computes the module
matrix; the SVG is written here as one path of horizontal runs, which is about
a third of the size of the library's own SVG images (one square per module) and
needs neither Pillow nor any other image library.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M

# The quiet zone the standard asks for around the code, in modules.
QUIET_ZONE = 4
MASK = 0


@lru_cache(maxsize=None)
def matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules (True = dark), quiet zone included. Made once per address."""
    # A fixed mask: every mask gives a valid code (the mask is in the code's format
    # information); searching all eight for the lowest penalty took 4.5 ms a code,
    # a sixth of the whole build. tests/browser/test_druck.py decodes every printed code.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, mask_pattern=MASK)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


@lru_cache(maxsize=None)
def svg(data: str, label: str | None = None) -> str:
    """The QR code of ``data`` as an inline SVG element (one line, no XML declaration).

    With ``label`` it is an image of that name (the printed card's QR code, whose
    text alternative names its address, in the tagged PDF too); without, decoration
    (``aria-hidden``).
    """
    rows = matrix(data)
    size = len(rows)
    named = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    runs = []
    for y, row in enumerate(rows):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return (f'<svg class="karte-qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'shape-rendering="crispEdges" {named} focusable="false">'
            f'<path fill="#000" d="{"".join(runs)}"/></svg>')
