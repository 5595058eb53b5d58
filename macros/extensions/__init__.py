"""Our Python-Markdown extensions: the checklists' labelled boxes, the addresses print adds."""

from __future__ import annotations

from .checkliste import ChecklistExtension
from .druck import AddressExtension


def install(conf) -> None:
    """Add our extensions to MkDocs's Markdown, once (mkdocs serve rebuilds in one process)."""
    for extension in (ChecklistExtension(), AddressExtension()):
        if not any(isinstance(e, type(extension)) for e in conf["markdown_extensions"]):
            conf["markdown_extensions"].append(extension)
