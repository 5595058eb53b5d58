"""Defined terms at hand: the first mention of a term on a card links to its definition.

Which words are terms, and where their first mentions stand, is read from the
sources (kartenfaecher/sources/begriffe.py); here a mention becomes a link to the
defining card, carrying that card's preview (vorschau.js).
"""

from __future__ import annotations

from ..extensions.fertig import kept
from ..sources.begriffe import Term, mark
from ..sources.registry import Card, Registry
from .karte import Href, card_link
from .vorschau import attribute, attributes


def link_terms(markdown: str, registry: Registry, card: Card, href: Href,
               terms: list[Term], excluded: set[str]) -> str:
    """``markdown`` of ``card`` with the first mention of each term linked to its card."""
    def link(term: Term, words: str) -> str:
        target = registry.card(term.card)
        return kept(card_link(target, href, label=attribute(words), css="karte-link begriff",
                              attrs=attributes(registry, target)))
    return mark(markdown, terms, card, link, excluded)
