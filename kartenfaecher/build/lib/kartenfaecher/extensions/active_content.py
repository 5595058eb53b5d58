"""Python-Markdown: each page's HTML checked for active content before it is put together.

Runs before Python-Markdown puts the stashed raw HTML back (its ``raw_html`` postprocessor), so
it sees the author's raw HTML blocks apart from the finished HTML our macros wrote (fertig.py
records their places in the stash) and checks the author's only (guards/active_content.py).
The page being converted is told by ``converting()``, which the macros' page hook calls before
MkDocs converts the page: Python-Markdown knows no file.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from markdown import Extension
from markdown.postprocessors import Postprocessor

from ..errors import build_error
from ..guards import active_content

_page: dict = {"shown": None, "source": None}


def converting(shown: str, source: Path | None) -> None:
    """The page whose Markdown is converted next: as messages show it, and its source file."""
    _page.update(shown=shown, source=source)


class _Check(Postprocessor):
    """Checks the page's HTML, and each stashed block of it once: Python-Markdown's toc runs
    the postprocessors again on every heading, and the stash is the page's all the while."""

    def __init__(self, md):
        super().__init__(md)
        self._blocks: list | None = None  # the stash's list of the conversion seen last
        self._done = 0  # how many of its blocks are checked

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if blocks is not self._blocks:  # a new conversion: Python-Markdown made a new list
            self._blocks, self._done = blocks, 0
        ours = getattr(self.md, "kept_places", set())
        try:
            active_content.check(text)
            for place in range(self._done, len(blocks)):
                if place not in ours:
                    block = blocks[place]
                    active_content.check(block if isinstance(block, str) else
                                         ElementTree.tostring(block, encoding="unicode"))
        except active_content.Finding as finding:
            raise build_error(active_content.refuse(finding, _page["shown"] or "a page", _page["source"])) \
                from None
        self._done = len(blocks)
        return text


class ActiveContentExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # Before Python-Markdown's raw_html (30) puts the stashed HTML back.
        md.postprocessors.register(_Check(md), "ko_active_content", 35)
