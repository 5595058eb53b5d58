"""Defined terms at hand: the first mention of each term on a card links to its definition."""

from __future__ import annotations

import json
import re

import pytest

from macros.begriffe import load_terms, mark
from macros.registry import Card, Chapter, Registry

# The terms of the chapter Definitionen and the card each is defined on (printed fan).
TERMS = {"Partizipation": 6, "Kooperation": 6, "Ko-Produktion": 6, "Teilhabe": 8, "Daseinsvorsorge": 9}
WITHOUT_TERMS = ("Quellen", "Impressum")


@pytest.fixture(scope="module")
def cards(site):
    return json.loads((site.root / "karten.json").read_text(encoding="utf-8"))


def term_of(link) -> str:
    words = link.get_text()
    return next(t for t in TERMS if words in (t, t + "en"))


def test_each_term_links_to_its_defining_card_once_per_card_at_its_first_mention(site, cards):
    linked = 0
    for card in cards:
        page = site.page(card["url"])
        article = page.select_one("article")
        links = article.select("a.begriff")
        seen = set()
        for link in links:
            term = term_of(link)
            assert term not in seen, f"card {card['number']}: '{term}' linked twice"
            seen.add(term)
            assert site.resolve(card["url"], link["href"]) == next(
                c["url"] for c in cards if c["number"] == TERMS[term])
            assert int(link["data-karte"]) == TERMS[term]
            assert TERMS[term] != card["number"], f"card {card['number']} links to itself"
            assert not link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "nav", "header"])
            # No mention of the term in the card's running text before the link.
            before = []
            for node in link.find_all_previous(string=True):
                if node.find_parent(["header", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "a"]):
                    continue
                if node.find_parent("article") is article:
                    before.append(str(node))
            assert not re.search(rf"(?<![\w-]){re.escape(term)}(?:en)?(?![\w-])", "".join(before)), \
                f"card {card['number']}: '{term}' is mentioned before its link"
        linked += len(links)
        if card["chapter"] in WITHOUT_TERMS:
            assert links == [], card["number"]
    assert linked > 40


def test_the_defining_cards_do_not_link_their_own_terms(site, cards):
    urls = {c["number"]: c["url"] for c in cards}
    assert [a.get_text() for a in site.page(urls[6]).select("article a.begriff")] == ["Daseinsvorsorge"]
    assert not site.page(urls[8]).select('article a.begriff[data-karte="8"]')
    assert not site.page(urls[9]).select('article a.begriff[data-karte="9"]')


def test_card_15_links_its_first_mentions(site):
    page = site.page("karten/15-warum-legitimation-wichtig-ist/")
    assert [(a.get_text(), a["data-karte"]) for a in page.select("article a.begriff")] == [
        ("Daseinsvorsorge", "9"), ("Ko-Produktion", "6"), ("Teilhabe", "8")]


# -- the pass on its own --------------------------------------------------------------------

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


def test_a_term_naming_a_missing_card_stops_the_build(scratch):
    scratch.replace("mkdocs.yml", "    Teilhabe: 8\n", "    Teilhabe: 88\n")
    result = scratch.build()
    assert result.returncode != 0
    assert "mkdocs.yml: extra.begriffe: the term 'Teilhabe' names the card 88, which does not exist." \
        in result.output
    assert "Fix: give the number of the card that defines the term" in result.output


def test_an_unknown_chapter_without_terms_stops_the_build(scratch):
    scratch.replace("mkdocs.yml", "begriffe_nicht_in: [quellen, impressum]", "begriffe_nicht_in: [quelle]")
    result = scratch.build()
    assert result.returncode != 0
    assert "extra.begriffe_nicht_in names the chapter 'quelle', which does not exist." in result.output


def test_no_term_is_linked_inside_a_checklist_question(site):
    # A link inside a checkbox's label would open a card instead of ticking the box.
    page = site.page("karten/20-anforderungen-der-ko-produktion/")
    questions = page.select(".checkliste li label")
    assert any("Ko-Produktion" in q.get_text() for q in questions)
    assert [a for q in questions for a in q.select("a")] == []
