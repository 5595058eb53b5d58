"""Defined terms, the pass on its own (kartenfaecher/sources/begriffe.py): which mentions are marked, no build."""

from __future__ import annotations

from kartenfaecher.sources.begriffe import load_terms, mark
from kartenfaecher.sources.registry import Card, Chapter, Registry


CHAPTER = Chapter("a", "Anfang")


def registry():
    return Registry([Card(1, "Begriffe", CHAPTER, "1.md", "1.md"), Card(2, "Text", CHAPTER, "2.md", "2.md")],
                    [CHAPTER])


def link(term, words):
    return f"<{words}>"


def test_only_mentions_in_running_text_are_marked():
    terms = load_terms({"Teilhabe": 1}, registry())
    text = ("# Teilhabe\n\n`Teilhabe` und [Teilhabe](x.md) und {{ karte(1, \"Teilhabe\") }} "
            "und <a href=\"y\">Teilhabe</a>, Teilhabechancen, **Teilhabe**, Teilhabe.")
    assert mark(text, terms, registry().card(2), link) == text.replace("**Teilhabe**", "**<Teilhabe>**")


def test_plurals_are_mentions_and_compounds_are_not():
    terms = load_terms({"Ko-Produktion": 1}, registry())
    card = registry().card(2)
    assert mark("Ko-Produktionsprozesse und Ko-Produktionen.", terms, card, link) == \
        "Ko-Produktionsprozesse und <Ko-Produktionen>."
    assert mark("Die Ko-Produktion.", terms, registry().card(1), link) == "Die Ko-Produktion."


def test_excluded_chapters_stay_as_they_are():
    terms = load_terms({"Teilhabe": 1}, registry())
    assert mark("Teilhabe.", terms, registry().card(2), link, excluded={"a"}) == "Teilhabe."
