"""Defined terms at hand: the first mention of each term on a card links to its definition."""

from __future__ import annotations

import re


# The terms of the chapter Definitionen and the card each is defined on (printed fan).
TERMS = {"Partizipation": 6, "Kooperation": 6, "Ko-Produktion": 6, "Teilhabe": 8, "Daseinsvorsorge": 9}
WITHOUT_TERMS = ("Quellen", "Impressum")


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


def test_no_term_is_linked_inside_a_checklist_question(site):
    # A link inside a checkbox's label would open a card instead of ticking the box.
    page = site.page("karten/20-anforderungen-der-ko-produktion/")
    questions = page.select(".checkliste li label")
    assert any("Ko-Produktion" in q.get_text() for q in questions)
    assert [a for q in questions for a in q.select("a")] == []
