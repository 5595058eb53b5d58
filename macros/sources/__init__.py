"""The handbook's sources, read and checked once per build: plain Python, no MkDocs.

The card files (registry), their macro calls (calls), checklists (checkliste),
the defined terms (begriffe), the navigation's card entries (nav) and the
search's German words and synonyms (suche). Each
mistake is a ContentError naming the file, the line and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import begriffe, checkliste, suche
from .registry import Registry, load_chapters, load_registry, shown_path


@dataclass
class Sources:
    """What one build knows of the handbook beyond MkDocs."""

    registry: Registry
    shown_docs: str  # docs_dir as messages show it
    checklists: dict[int, list[checkliste.Checklist]]  # by card number
    terms: list[begriffe.Term]
    terms_excluded: set[str]  # chapter ids
    synonyms: dict[str, list[str]]  # extra.synonyme: reader's word -> words of the text


def read(docs_dir: str | Path, extra: dict, project: Path) -> Sources:
    """Read every card below ``docs_dir`` with mkdocs.yml's ``extra`` settings; raises ContentError."""
    suche.require()
    registry = load_registry(docs_dir, load_chapters(extra.get("kapitel")), shown_root=project)
    return Sources(registry, shown_path(Path(docs_dir), project), checkliste.load(registry),
                   begriffe.load_terms(extra.get("begriffe"), registry),
                   begriffe.load_excluded(extra.get("begriffe_nicht_in"), registry),
                   suche.load_synonyms(extra.get("synonyme")))
