"""Where in a file something stands: the line an error names (no MkDocs)."""

from __future__ import annotations

import re
from pathlib import Path


def line_of(path: Path, needle: str) -> int | None:
    """The first line of the file at ``path`` that holds ``needle`` (None if none, or unreadable)."""
    return line_matching(path, re.escape(needle))


def line_matching(path: Path, pattern: str, flags: int = 0) -> int | None:
    """The first line of the file at ``path`` that the regular expression ``pattern`` finds
    something in (None if none, or unreadable)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    found = re.compile(pattern, flags)
    return next((number for number, text in enumerate(lines, start=1) if found.search(text)), None)


def where(config_file: str | None, pattern: str) -> str:
    """How an error begins that names a line of ``config_file``: ``mkdocs.yml:12: `` at the first
    line ``pattern`` finds, ``mkdocs.yml: `` where none, "" without a file."""
    if not config_file:
        return ""
    found = line_matching(Path(config_file), pattern)
    return f"{config_file}:{found}: " if found else f"{config_file}: "
