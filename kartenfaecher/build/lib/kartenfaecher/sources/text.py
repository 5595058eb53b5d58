"""Reading a source file of the handbook: UTF-8 text, or an error naming the file and the line.

Every Markdown file below docs/ is read through here before MkDocs reads it, so that a card
saved by an editor in another encoding (Latin-1: „Köln“ as byte 0xf6) is refused with its file
and line, not with Python's UnicodeDecodeError naming no file; and a character that has no
business in a text (a NUL byte, a control character pasted from a PDF, or one of the two
private-use characters the build marks its own HTML with, extensions/fertig.py) is refused
before it reaches a page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..errors import ContentError

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; fertig.py's markers;
# the direction controls that embed, override or isolate (U+202A–U+202E, U+2066–U+2069).
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000\ue001\u202a-\u202e\u2066-\u2069]")
# Python-Markdown recurses once per level of lists and quotes, and a few hundred levels end in
# a RecursionError; no card needs more than a few.
DEEPEST = 16
_TOO_DEEP = re.compile(r"^(?: {4}|\t|>[ \t]*){%d}(?: {4}|\t|>)" % DEEPEST, re.M)


def read(path: Path, shown: str) -> str:
    """The text of the file at ``path`` (shown as ``shown`` in messages); raises ContentError."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError(shown, line, f"the file is not UTF-8 (byte 0x{data[error.start]:02x} in this line; "
                           "saved as Latin-1 or Windows-1252, „ö“ is such a byte).",
                           "save the file as UTF-8 (in the editor: „Speichern unter“, encoding "
                           "„UTF-8“) and check its umlauts.") from None
    found = _UNWANTED.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        character = f"U+{ord(found.group()):04X}"
        if found.group() in "\ue000\ue001":
            raise ContentError(shown, line, f"the file holds the character {character}, which the build "
                               "uses to mark its own HTML.", "delete it.")
        if found.group() >= "\u202a":
            raise ContentError(shown, line, f"the file holds a direction control character ({character}), "
                               "which turns around the order in which readers see the text.",
                               "delete it (German text needs none).")
        raise ContentError(shown, line, f"the file holds a control character ({character}), which no "
                           "reader sees and which would be written into the page.",
                           "delete it (it often comes with text pasted from a PDF).")
    deep = _TOO_DEEP.search(text)
    if deep:
        raise ContentError(shown, text.count("\n", 0, deep.start()) + 1,
                           f"the text is nested more than {DEEPEST} levels deep (lists or quotes).",
                           "lay it out flatter: no reader follows that many levels.")
    return text


def shown_path(path: Path, root: Path) -> str:
    """``path`` as messages show it: relative to the project where it lies inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_pages(docs_dir: Path, shown_root: Path, excluded: Callable[[str], bool], skip: str) -> None:
    """Every Markdown page below ``docs_dir`` outside the folder ``skip`` (the cards, read
    by the registry) reads as UTF-8 without unwanted characters."""
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if src_uri.startswith(skip + "/") or excluded(src_uri):
            continue
        read(path, shown_path(path, shown_root))
