"""Add the source line and a fix to MkDocs's link-check warnings.

MkDocs's `validation:` finds broken internal links and anchors but names only
the file. This logging filter finds the line in the Markdown source that holds
the link and appends it, so the message reads like every other content error.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

_LINK_WARNING = re.compile(r"^Doc file '(?P<doc>[^']+)' contains (?:an? (?:\w+ )*)?link '(?P<target>[^']+)'")

_FIXES = (
    ("does not contain an anchor", "link to a heading that exists on that page (see its table of contents), "
                                   "or drop the #part."),
    ("not found among documentation files", "link to an existing .md file, relative to this file "
                                            "(e.g. ../inhalt.md), or use {{ karte(N) }} for a card."),
    ("absolute link", "write the link relative to this file (e.g. ../inhalt.md), so it works in "
                      "the offline bundle too."),
    ("unrecognized relative link", "link to the page's .md file instead of a folder or .html address."),
)


class LinkLineFilter(logging.Filter):
    """Rewrites link warnings of ``mkdocs.structure.pages`` to name file, line and fix."""

    def __init__(self, docs_dir: str, shown_prefix: str):
        super().__init__()
        self.docs_dir = Path(docs_dir)
        self.shown_prefix = shown_prefix

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        match = _LINK_WARNING.match(message)
        if match:
            doc, target = match.group("doc"), match.group("target")
            line = self._line_of(doc, target)
            where = f"{self.shown_prefix}{doc}" + (f":{line}" if line else "")
            fix = next((f for key, f in _FIXES if key in message), "correct or remove the link.")
            record.msg = f"{where}: {message}\n  Fix: {fix}"
            record.args = ()
        return True

    def _line_of(self, doc: str, target: str) -> int | None:
        try:
            lines = (self.docs_dir / doc).read_text(encoding="utf-8-sig").split("\n")
        except OSError:
            return None
        for needle in (f"]({target}", f"<{target}>", f'="{target}"', target):
            for number, text in enumerate(lines, start=1):
                if needle in text:
                    return number
        return None


def install(docs_dir: str, shown_prefix: str) -> None:
    """Attach the filter once (``mkdocs serve`` calls the config hooks on every rebuild)."""
    logger = logging.getLogger("mkdocs.structure.pages")
    for existing in list(logger.filters):
        if isinstance(existing, LinkLineFilter):
            logger.removeFilter(existing)
    logger.addFilter(LinkLineFilter(docs_dir, shown_prefix))
