"""The handbook's sources, read and checked once per build: plain Python, no MkDocs.

The card files (registry), their macro calls (calls), checklists (checkliste),
the defined terms (begriffe), the navigation's card entries (nav) and the
words readers type for words of the text (synonyme). Each
mistake is a ContentError naming the file, the line and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from pathspec.gitignore import GitIgnoreSpec

from . import begriffe, checkliste, synonyme, text
from .registry import CARD_DIR, Registry, load_chapters, load_registry, shown_path


@dataclass
class Sources:
    """What one build knows of the handbook beyond MkDocs."""

    registry: Registry
    shown_docs: str  # docs_dir as messages show it
    checklists: dict[int, list[checkliste.Checklist]]  # by card number
    terms: list[begriffe.Term]
    terms_excluded: set[str]  # chapter ids
    synonyms: dict[str, list[str]]  # kartenfaecher.synonyme: reader's word -> words of the text
    cards_checked: bool = False  # every card's macros, before the first page (kartenfaecher/makros.py)


def read(docs_dir: str | Path, options: Mapping, project: Path,
         excluded: Callable[[str], bool] = lambda src_uri: False) -> Sources:
    """Read every card below ``docs_dir`` with the handbook's ``options`` (the engine's, in
    mkdocs.yml: kapitel, begriffe, begriffe_nicht_in, synonyme), and check that
    every other page reads as text; ``excluded`` tells the files the site leaves out (by their
    path below ``docs_dir``). Raises ContentError."""
    text.check_pages(Path(docs_dir), project, excluded, skip=CARD_DIR)
    registry = load_registry(docs_dir, load_chapters(options.get("kapitel")), shown_root=project,
                             excluded=excluded)
    return Sources(registry, shown_path(Path(docs_dir), project), checkliste.load(registry),
                   begriffe.load_terms(options.get("begriffe"), registry),
                   begriffe.load_excluded(options.get("begriffe_nicht_in"), registry),
                   synonyme.load_synonyms(options.get("synonyme")))


# What MkDocs leaves out of every site (mkdocs.structure.files._default_exclude).
_DEFAULT_EXCLUDE = GitIgnoreSpec.from_lines([".*", "/templates/"])


def excluded(exclude: GitIgnoreSpec | None, drafts: GitIgnoreSpec | None) -> Callable[[str], bool]:
    """Whether MkDocs leaves the file at a path below docs/ out of the built site, as MkDocs
    decides (mkdocs.structure.files.set_exclusions): its default patterns, mkdocs.yml's
    exclude_docs, and its draft_docs, which `mkdocs build` leaves out."""
    spec = _DEFAULT_EXCLUDE + exclude if exclude else _DEFAULT_EXCLUDE
    return lambda src_uri: spec.match_file(src_uri) or bool(drafts and drafts.match_file(src_uri))
