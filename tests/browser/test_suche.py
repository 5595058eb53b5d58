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
    words = page.evaluate("new URL(document.querySelector('meta[name=ko-suche-woerter]').content, location.href).href")
    assert [u for u in requested if any(s in u for s in SEARCH_FILES) or u == words] == []
    found = search_results(page, "Legitimation")
    assert any("/karten/15-" in url for url in found)
    assert words in requested  # what readers type, read as the index has it (suche-woerter.js)
    loaded = [u for u in requested if any(s in u for s in SEARCH_FILES)]
    assert any(u.endswith("search/search_index.json") for u in loaded)
    assert any("/workers/search." in u for u in loaded)
    assert any(u.endswith("lunr.de.min.js") for u in loaded)


def test_a_page_opened_from_a_search_result_highlights_the_words_at_once(page, server):
    page.goto(server + "karten/15-warum-legitimation-wichtig-ist/?h=legitimiert")
    page.locator("article mark").first.wait_for()
    assert page.locator("article mark").first.inner_text().lower() == "legitimiert"


# -- German: compounds, forms, synonyms (kartenfaecher/features/suche/woerter.py, tools/suche.py) ---------------


def test_practitioners_queries_find_their_card_among_the_first_three(page, server):
    """At least 95 % of tools/suche.py's queries, through Material's own search worker."""
    missed = suche.misses(page, server)
    assert len(QUERIES) >= 30
    assert 1 - len(missed) / len(QUERIES) >= 0.95, missed


def test_queries_in_readers_own_words_find_a_card_answering_them_among_the_first_three(page, server):
    """At least 90 % of the queries a newcomer from an administration or a neighbourhood group
    types (tools/suche.py, IN_THEIR_WORDS): the thesaurus's words and the hand-written ones."""
    missed = suche.misses(page, server, suche.IN_THEIR_WORDS)
    assert len(suche.IN_THEIR_WORDS) >= 30
    assert 1 - len(missed) / len(suche.IN_THEIR_WORDS) >= 0.9, missed


@pytest.mark.parametrize("query, card", [("Vereinbarung", 32), ("Gremium", 41), ("Videokonferenz", 50)])
def test_the_issues_queries_are_answered(page, server, query, card):
    assert card in suche.found_cards(page, server, [query])[query]


# Topics the cards' titles name, as one word.
TOPICS = ["Legitimation", "Teilhabe", "Daseinsvorsorge", "Partizipation", "Finanzierung", "Selbstorganisation",
          "Stellvertretung", "Handlungslogiken", "Hauptamt", "Ehrenamt", "Rollenkonflikte", "Pragmatismus",
          "Verstetigung", "Skalierung", "Gremien", "Entscheidungen", "Personalfluktuation", "Präsenz", "Sprache",
          "Transparenz", "Öffentlichkeit", "Strategie", "Scheitern", "Reflektion", "Konflikt"]


def test_a_card_whose_title_names_the_topic_ranks_above_those_that_mention_it(page, server, cards):
    """Whatever the index adds to a card (its terms, other words for it), the first result for a
    topic is a card whose title names it: not one that only speaks of it in passing."""
    found = suche.found_cards(page, server, TOPICS)
    titled = {topic: {c["number"] for c in cards if topic.lower() in c["title"].lower()} for topic in TOPICS}
    assert all(titled.values())
    assert {topic: found[topic] for topic in TOPICS if found[topic][:1] != [n for n in found[topic][:1]
                                                                           if n in titled[topic]]} == {}


def test_results_and_snippets_show_the_authors_words(page, server):
    page.goto(server)
    found = search_results(page, "Vereinbarung")
    assert any("/karten/32-" in url for url in found[:3])
    shown = page.locator(".md-search-result__list").inner_text()
    assert "Kooperationsvereinbarung" in shown
    # The added terms are searched, never shown.
    for added in ("kooperationsvereinbarungen", "vereinbarungen", "suchwoerter"):
        assert added not in shown.lower().replace("kooperationsvereinbarung ", "")


# -- what readers type: the handbook's own forms, spelling variants, compounds, typos ---------------

# Each with the cards that answer it: one of them must be among the first three results.
PARTNER = {3, 20, 31, 35, 37, 41, 45, 46, 47, 51}  # the cards that say „Partner:innen“
KO_PRODUKTION = {6, 7, 10, 11, 12, 13, 18, 19, 20, 24, 29, 38}  # the cards with „Ko-Produktion“ in their title
AS_TYPED = [
    ("Partner:innen", PARTNER), ("Partnerinnen", PARTNER), ("Partner*innen", PARTNER), ("PartnerInnen", PARTNER),
    ("Vertreter:innen", {12, 13, 25, 27, 41, 42, 50}), ("Bürger:innen", {7}), ("Expert:innen", {7, 49}),
    ("Koproduktion", KO_PRODUKTION), ("Koproduktionsprozesse", {18}),
    ("Bürgerbeteiligung", {6, 7}), ("Buergerbeteiligung", {6, 7}), ("Kooperationsvertrag", {6, 32}),
    ("Oeffentlichkeit", {52}), ("Handlungsspielraeume", {28}), ("Regelmaessige Reflexion", {46}),
    ("Legitimaton", {14, 15}), ("Verstetigng", {34}), ("Gremiem", {41}), ("Transparens", {52}),
    ("Personalfluktation", {48}),
]


def test_what_readers_type_finds_its_card(page, server):
    found = suche.found_cards(page, server, [query for query, _ in AS_TYPED])
    missed = {query: found[query] for query, cards in AS_TYPED if not cards & set(found[query])}
    assert missed == {}


def result_count(page, query: str) -> int:
    """How many pages the search field says it found."""
    search_results(page, query)
    meta = page.locator(".md-search-result__meta").inner_text()
    return int(meta.split()[0]) if meta.split()[0].isdigit() else 0


def test_a_spelling_finds_what_the_handbooks_spelling_finds(page, server):
    # „Koproduktion“ found 1 page where „Ko-Produktion“ finds 54; a compound typed as one word
    # found nothing though its parts are everywhere.
    page.goto(server)
    assert result_count(page, "Koproduktion") >= 0.9 * result_count(page, "Ko-Produktion")
    assert result_count(page, "Partner:innen") >= 10
    assert result_count(page, "Stadtverwaltung") >= 3
    first = search_results(page, "Stadtverwaltung")[0]
    page.goto(first)
    assert "Verwaltung" in page.locator("article").inner_text()


# -- Readers' words the cards do not use: OpenThesaurus (kartenfaecher/features/suche/thesaurus.py) ----------


@pytest.mark.parametrize("query, answers", [
    ("Zoff", {24, 43}), ("Krach", {24, 43}),  # colloquial, for the cards on conflict
    ("Subventionen", {22}),  # the funders' word, in the plural, for the card on funding posts
])
def test_a_word_no_card_uses_finds_the_card_on_its_meaning(page, server, query, answers):
    """Through the search field, as Material hands its worker the index: the thesaurus's words
    reach suche-woerter.js in the index's config, and a query of them finds a card answering it."""
    page.goto(server + "karten/08-teilhabe/")
    found = [int(url.split("/karten/")[1][:2]) for url in search_results(page, query)[:3] if "/karten/" in url]
    assert answers & set(found), found


@pytest.mark.parametrize("query, answers", [
    ("Streit", {24, 43}),  # „Streitbeilegung“ in the accessibility statement alone had it
    ("Vertrauensbasis", {44}),  # no part of it whole in the cards: read as its beginning, Vertrauens…
])
def test_a_word_found_seldom_or_only_in_part_still_finds_its_card(page, server, query, answers):
    assert answers & set(suche.found_cards(page, server, [query])[query])
