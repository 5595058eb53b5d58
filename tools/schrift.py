"""The printed fan's typeface, shipped with the engine: Arimo from Debian's fonts-croscore, cut down.

The cards printed in whatever the machine's fontconfig found for "Helvetica": Liberation
Sans on one machine, Arimo or Nimbus Sans (which Ghostscript's fonts bring) on the next, so a
line could break elsewhere from one build to the next. The print stylesheet now names a typeface
of its own, "Kartenschrift", whose files the engine ships (kartenfaecher/vendor/), so every
machine prints the same. Arimo (SIL OFL 1.1, with no reserved font name, so it may be cut down)
has the metrics of Arial and of Liberation Sans, which the cards were set in until now, so no
card reflows, and every character the cards use, „→“ included (fontsource's web subsets of it
lack arrows).

`make vendor` runs this: the four styles cut down to the characters of German and western
European text, typographic punctuation and arrows (about a tenth of the size), written as WOFF
(zlib; WOFF2 would need Brotli) without hinting, which print does not use. The result is the same
bytes on every run (tests/unit/test_vendor.py makes it anew and compares).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/croscore")
TARGET = Path(__file__).resolve().parent.parent / "kartenfaecher" / "kartenfaecher" / "vendor"
STYLES = {"Regular": "normal-400", "Bold": "normal-700", "Italic": "italic-400", "BoldItalic": "italic-700"}
# Basic Latin, Latin-1, Latin Extended-A, dotless i, Œ œ, general punctuation („ “ – … ‹ ›), €, ™,
# arrows (→), minus, geometric shapes (► before a card's sources).
CHARACTERS = [*range(0x20, 0x7F), *range(0xA0, 0x180), 0x131, 0x152, 0x153, *range(0x2010, 0x2028),
              *range(0x2030, 0x203B), 0x2044, 0x20AC, 0x2122, *range(0x2190, 0x2196), 0x2212,
              *range(0x25A0, 0x2600)]


def file_name(style: str) -> str:
    return f"kartenschrift-{STYLES[style]}.woff"


def cut(source: Path, target: Path) -> None:
    """``source`` (a TrueType font) cut down to CHARACTERS, written to ``target`` as WOFF."""
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]  # the copyright, licence and version stay in the file
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=CHARACTERS)
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(target, reorderTables=True)


def licence() -> str:
    """The fonts' copyright and their licence, the SIL OFL 1.1, from Debian's copyright file."""
    text = (Path("/usr/share/doc/fonts-croscore/copyright")).read_text(encoding="utf-8")
    body = text.split("\nLicense: OFL-1.1\n")[-1].split("\nLicense: ")[0]
    ofl = "\n".join("" if line.strip() == "." else line[1:] for line in body.splitlines())
    return ("Kartenschrift: Arimo (Regular, Bold, Italic, Bold Italic), Copyright 2010 Google Inc.,\n"
            "from Debian's fonts-croscore, cut down to the characters the printed cards use by\n"
            "tools/schrift.py. Licensed under the SIL Open Font License, Version 1.1:\n\n" + ofl.strip() + "\n")


def main() -> int:
    missing = [style for style in STYLES if not (SOURCE / f"Arimo-{style}.ttf").is_file()]
    if missing:
        print(f"make vendor: {SOURCE} lacks Arimo {', '.join(missing)}; install Debian's fonts-croscore "
              "(apt-get install fonts-croscore).", file=sys.stderr)
        return 1
    for style in STYLES:
        cut(SOURCE / f"Arimo-{style}.ttf", TARGET / file_name(style))
        print(TARGET / file_name(style))
    (TARGET / "kartenschrift.LICENSE").write_text(licence(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
