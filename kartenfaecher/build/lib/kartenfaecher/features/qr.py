"""QR codes as inline SVG, made at build time with the pure-Python `qrcode` library.

A printed card carries a QR code to its short address (``https://…/15/``), so a
reader of the paper card reaches its page. The library computes the module
matrix; the SVG is written here as one path of horizontal runs, which is about
a third of the size of the library's own SVG images (one square per module) and
needs neither Pillow nor any other image library.

A code depends on its address alone, so it need not be made on every build:
the codes made are kept between builds (``load``/``save``, called by
kartenfaecher/outputs/ with ``.cache/qr.json`` of the project; it was the largest part
of what our macros do per page). A change of the qrcode library or of the
settings below makes them anew.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

from .. import between_builds

# The quiet zone the standard asks for around the code, in modules.
QUIET_ZONE = 4
MASK = 0
# What the kept codes were made with; other codes are not reused. (The library is imported only
# when a code is new: with Pillow, which it imports, that was a fifth of our import time.)
_LIBRARY = between_builds.package_file("qrcode")
MADE_WITH = between_builds.key(_LIBRARY, _LIBRARY.parent / "main.py",
                               "error correction M", MASK, QUIET_ZONE, "svg 2")
_kept: dict[str, str] = {}  # address -> its drawing ("size path"), from earlier builds and this one
_added = False


@lru_cache(maxsize=None)
def matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules (True = dark), quiet zone included. Made once per address."""
    # A fixed mask: every mask gives a valid code (the mask is in the code's format
    # information); searching all eight for the lowest penalty took 4.5 ms a code,
    # a sixth of the whole build. tests/browser/test_druck.py decodes every printed code.
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

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
    global _added
    if data not in _kept:
        _kept[data], _added = _drawing(data), True
    size, path = _kept[data].split(" ", 1)
    named = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    return (f'<svg class="karte-qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'shape-rendering="crispEdges" {named} focusable="false">'
            f'<path fill="#000" d="{path}"/></svg>')


def load(path: Path) -> None:
    """Take the codes an earlier build kept in ``path`` (a missing or unreadable file: none)."""
    _kept.update({k: v for k, v in between_builds.read_entries(path, MADE_WITH).items()
                  if isinstance(v, str) and " " in v})


def save(path: Path) -> None:
    """Keep the codes for the next build, if this one made new ones (kartenfaecher/between_builds.py)."""
    global _added
    if _added:
        between_builds.write_entries(path, MADE_WITH, _kept)
        _added = False


def _drawing(data: str) -> str:
    """The code's size in modules and its SVG path: one rectangle per run of dark modules."""
    rows = matrix(data)
    size = len(rows)
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
    return f"{size} {''.join(runs)}"
