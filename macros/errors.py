"""Content errors: what is wrong in which file and line, and how to fix it."""

import re
from pathlib import Path


class ContentError(Exception):
    """A mistake in the handbook's sources that must stop the build.

    The message reads like a compiler's: ``path:line: problem`` and, on the
    next line, what to do about it.
    """

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}\n  Fix: {fix}")


def build_error(error: ContentError, offset: int = 0):
    """``error`` as MkDocs's build error (PluginError), which MkDocs prints without a traceback;
    ``offset`` lines are added to its line."""
    from mkdocs.exceptions import PluginError  # here: the sources read and check without MkDocs

    line = error.line + offset if error.line else None
    return PluginError(str(ContentError(error.path, line, error.problem, error.fix)))


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
