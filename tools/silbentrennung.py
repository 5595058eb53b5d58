"""German hyphenation for the printed fan, as LibreOffice hyphenates: libhyphen with its German patterns.

The PDFs' body text is hyphenated (tools/druck.py puts soft hyphens into the printed page only).
The patterns are LibreOffice's German ones (Debian's hyphen-de, 2017: compounds first, then
syllables), and they are made for the matching of libhyphen, LibreOffice's hyphenator (Debian's
libhyphen0), which this module calls through ctypes (no wheel of a Python binding exists for our
machines). Read with the textbook algorithm, as pyphen reads them (it ships the same file), they
break „Zusam-me-n-a-r-beit“ and „Mit-a-r-bei-ter“; libhyphen reads „Zu-sam-men-ar-beit“,
„Mit-ar-bei-ter“ (tests/tools/test_silbentrennung.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from pathlib import Path

PATTERNS = Path("/usr/share/hyphen/hyph_de_DE.dic")
LIBRARY = "hyphen"  # libhyphen.so.0
SOFT_HYPHEN = "\u00ad"
# Letters that stay together at a word's start and end, and at either side of a compound's joint.
LEFT, RIGHT, COMPOUND_LEFT, COMPOUND_RIGHT = 3, 3, 2, 2


class Missing(Exception):
    """libhyphen or the German patterns are not installed; says how to install them."""


@cache
def _hyphenator() -> tuple[ctypes.CDLL, int]:
    found = ctypes.util.find_library(LIBRARY)
    if found is None or not PATTERNS.is_file():
        raise Missing("German hyphenation needs Debian's libhyphen0 and hyphen-de: "
                      "apt-get install libhyphen0 hyphen-de (make pdf installs them).")
    library = ctypes.CDLL(found)
    library.hnj_hyphen_load.restype = ctypes.c_void_p
    library.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
    library.hnj_hyphen_hyphenate3.restype = ctypes.c_int
    library.hnj_hyphen_hyphenate3.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
        ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)), ctypes.POINTER(ctypes.POINTER(ctypes.c_int)),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_int)), ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]
    patterns = library.hnj_hyphen_load(str(PATTERNS).encode())
    if not patterns:
        raise Missing(f"{PATTERNS} cannot be read as hyphenation patterns: reinstall Debian's hyphen-de.")
    return library, patterns


def positions(word: str) -> list[int]:
    """Where ``word`` may break: the number of letters before each break. A break that would change
    the word's letters (the old „Schiff-fahrt“), or a word the patterns' encoding lacks, has none."""
    try:
        encoded = word.lower().encode("latin-1")
    except UnicodeEncodeError:
        return []
    library, patterns = _hyphenator()
    hyphens = ctypes.create_string_buffer(len(encoded) + 5)
    shown = ctypes.create_string_buffer(len(encoded) * 2 + 1)
    rep, pos, cut = (ctypes.POINTER(ctypes.c_char_p)(), ctypes.POINTER(ctypes.c_int)(),
                     ctypes.POINTER(ctypes.c_int)())
    library.hnj_hyphen_hyphenate3(patterns, encoded, len(encoded), hyphens, shown, ctypes.byref(rep),
                                  ctypes.byref(pos), ctypes.byref(cut), LEFT, RIGHT, COMPOUND_LEFT, COMPOUND_RIGHT)
    return [i + 1 for i, value in enumerate(hyphens.raw[:len(encoded) - 1])
            if value & 1 and not (rep and rep[i])]


def hyphenated(word: str) -> str:
    """``word`` with a soft hyphen wherever it may break."""
    out, start = [], 0
    for end in positions(word):
        out.append(word[start:end])
        start = end
    return SOFT_HYPHEN.join(out + [word[start:]])
