"""The navigation: mkdocs.yml's ``karten/`` entry stands for every card, by chapter.

Without that entry, every card must be listed by hand; a card that is not is
an error rather than a page nobody can navigate to.
"""

from __future__ import annotations

from ..errors import ContentError
from .registry import Registry

PLACEHOLDER = "karten/"


def expand(nav: list | None, registry: Registry) -> list | None:
    """``nav`` with the ``karten/`` entry replaced by the cards' chapters and pages."""
    if nav is None:
        return None
    expanded, found = [], False
    for entry in nav:
        if entry == PLACEHOLDER or (isinstance(entry, dict) and list(entry.values()) == [PLACEHOLDER]):
            expanded.extend(registry.nav())
            found = True
        else:
            expanded.append(entry)
    if not found:
        listed = set(_files(nav))
        for card in registry.cards:
            if card.src_uri not in listed:
                raise ContentError(card.path, None, f"card {card.number} is not in the navigation.",
                                   f"put the entry '{PLACEHOLDER}' into nav in mkdocs.yml "
                                   "(it lists every card by chapter), or list this file there.")
    return expanded


def _files(entries):
    for entry in entries or []:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _files(value)
