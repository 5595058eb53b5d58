"""Python-Markdown: mark external links whose address the printed card must show.

A link whose text is not its address (``[Bertelsmann Stiftung](https://…)``)
gets a class, and the print stylesheet (druck.css) prints the address after it;
a link that shows its address already is left alone.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

# The class the print stylesheet prints the address after.
PRINT_ADDRESS = "adresse-drucken"


def _shows_address(text: str, href: str) -> bool:
    """Whether a link's text already is its address (scheme, www. and final / aside)."""
    def bare(value: str) -> str:
        value = re.sub(r"^[a-z]+://", "", value.strip().lower())
        return re.sub(r"^www\.", "", value).rstrip("/")
    return bare(text) == bare(href)


class _MarkAddresses(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if not re.match(r"https?://", href):
                continue
            text = "".join(link.itertext())
            # Autolinks arrive with their text obfuscated as placeholders; unescape them.
            text = self.md.treeprocessors["unescape"].unescape(text) if "unescape" in \
                self.md.treeprocessors else text
            if not _shows_address(text, href):
                classes = (link.get("class", "") + " " + PRINT_ADDRESS).strip()
                link.set("class", classes)


class AddressExtension(Extension):
    """Python-Markdown extension: mark links whose address print must add."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's name)
        # After inline processing (priority 20), before unescaping (0).
        md.treeprocessors.register(_MarkAddresses(md), "druck_adressen", 5)
