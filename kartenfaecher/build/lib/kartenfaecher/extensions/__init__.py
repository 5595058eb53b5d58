"""Python-Markdown extensions of our own, added to MkDocs's list once per build.

Those of one feature live in its folder: the checklists' boxes (features/checkliste/kaestchen.py),
the addresses print adds (features/druck/adressen.py)."""

from __future__ import annotations

from ..features.checkliste.kaestchen import ChecklistExtension
from ..features.druck.adressen import AddressExtension
from .active_content import ActiveContentExtension, converting
from .fertig import KeptHtmlExtension, kept, start


def install(conf) -> None:
    """Add each extension to MkDocs's ``markdown_extensions`` unless it is there already."""
    start()
    for extension in (ChecklistExtension(), AddressExtension(), KeptHtmlExtension(), ActiveContentExtension()):
        if not any(isinstance(e, type(extension)) for e in conf["markdown_extensions"]):
            conf["markdown_extensions"].append(extension)
