"""Python-Markdown: the HTML our macros wrote, passed through unread.

Our blocks (a card's header and footer, the printed references, links to cards, the fan, the
slides of „Vorführen“) are HTML our code makes from the registry. Written into the Markdown as
raw HTML, Python-Markdown read each through its HTML parser to find where it ends, and MkDocs
read the whole page through another for its ids: most of the Markdown time of a card page, and
at 2,000 cards a good part of the build. Instead ``kept(html)`` keeps the HTML here and returns
a marker for the Markdown; before anything reads raw HTML, each marker becomes Python-Markdown's
own placeholder for finished HTML (its html stash), which it puts back unchanged at the end.
Ids in kept HTML are not among the anchors MkDocs checks links against: link to headings of
the Markdown, as every page does.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

_kept: list[str] = []  # emptied by every build (mkdocs serve rebuilds in one process)
_MARKER = re.compile("\ue000(\\d+)\ue001")  # private-use characters: never in the cards' text


def start() -> None:
    """A new build: forget the HTML of the last."""
    _kept.clear()


def kept(html: str) -> str:
    """The marker that stands for ``html`` in a page's Markdown (nothing for no HTML)."""
    if not html:
        return ""
    _kept.append(html)
    return f"\ue000{len(_kept) - 1}\ue001"


class _Unmark(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        # The stash places of our HTML, which extensions/active_content.py leaves unchecked.
        self.md.kept_places = places = set()

        def stash(match) -> str:
            places.add(self.md.htmlStash.html_counter)
            return self.md.htmlStash.store(_kept[int(match[1])])

        return [_MARKER.sub(stash, line) if "\ue000" in line else line for line in lines]


class KeptHtmlExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After whitespace is normalised (30), before MkDocs (21) and Python-Markdown (20) read HTML.
        md.preprocessors.register(_Unmark(md), "ko_fertig", 25)
