"""Search in German: by the words of a card and by its number, by compound parts, other forms
and synonyms; index and worker load on first use."""

from __future__ import annotations

import pytest

from tests.helpers import search_results
from tools import suche
from tools.suche import QUERIES

SEARCH_FILES = ("search/search_index.json", "/workers/search.", "/lunr/")


@pytest.mark.parametrize("query", ["15", "Karte 15"])
def test_a_card_is_found_by_its_number(page, server, query):
    page.goto(server)
    assert "/karten/15-warum-legitimation-wichtig-ist/" in search_results(page, query)[0]


def test_search_stems_german_words(page, server):
    page.goto(server)
    found = search_results(page, "Konflikten")
    assert any("/karten/24-vom-konflikt-zur-ko-produktion-und-wieder-zurueck/" in url for url in found)


def test_index_and_worker_load_only_when_search_is_first_used(page, server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "karten/08-teilhabe/")
    page.wait_for_load_state("networkidle")
    assert [u for u in requested if any(s in u for s in SEARCH_FILES)] == []
    found = search_results(page, "Legitimation")
    assert any("/karten/15-" in url for url in found)
    loaded = [u for u in requested if any(s in u for s in SEARCH_FILES)]
    assert any(u.endswith("search/search_index.json") for u in loaded)
    assert any("/workers/search." in u for u in loaded)
    assert any(u.endswith("lunr.de.min.js") for u in loaded)


def test_a_page_opened_from_a_search_result_highlights_the_words_at_once(page, server):
    page.goto(server + "karten/15-warum-legitimation-wichtig-ist/?h=legitimiert")
    page.locator("article mark").first.wait_for()
    assert page.locator("article mark").first.inner_text().lower() == "legitimiert"


# -- German: compounds, forms, synonyms (macros/sources/suche.py, tools/suche.py) ---------------


def test_practitioners_queries_find_their_card_among_the_first_three(page, server):
    """At least 95 % of tools/suche.py's queries, through Material's own search worker."""
    missed = suche.misses(page, server)
    assert len(QUERIES) >= 30
    assert 1 - len(missed) / len(QUERIES) >= 0.95, missed


@pytest.mark.parametrize("query, card", [("Vereinbarung", 32), ("Gremium", 41), ("Videokonferenz", 50)])
def test_the_issues_queries_are_answered(page, server, query, card):
    assert card in suche.found_cards(page, server, [query])[query]


def test_results_and_snippets_show_the_authors_words(page, server):
    page.goto(server)
    found = search_results(page, "Vereinbarung")
    assert any("/karten/32-" in url for url in found[:3])
    shown = page.locator(".md-search-result__list").inner_text()
    assert "Kooperationsvereinbarung" in shown
    # The added terms are searched, never shown.
    for added in ("kooperationsvereinbarungen", "vereinbarungen", "suchwoerter"):
        assert added not in shown.lower().replace("kooperationsvereinbarung ", "")
