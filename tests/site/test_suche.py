"""The built search index carries the German search terms in fields of their own (kartenfaecher/features/suche/)."""

from __future__ import annotations

import json

import pytest

from kartenfaecher.features.suche import FIELDS


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))


def entry(index, location: str) -> dict:
    return next(e for e in index["docs"] if e["location"] == location)


def test_the_fields_are_declared_where_materials_worker_reads_them(index):
    fields = index["config"]["fields"]
    assert fields["title"] == {"boost": 1000.0} and fields["text"] == {"boost": 1.0}
    assert fields["suchtitel"]["boost"] == fields["title"]["boost"]
    assert 0 < fields["suchwoerter"]["boost"] <= fields["text"]["boost"]
    assert {field for field, _ in FIELDS.values()} == {"suchtitel", "suchwoerter"}


def test_title_and_text_stay_the_authors(index):
    card = entry(index, "karten/41-gremien-einrichten/")
    assert card["title"].endswith("41 Gremien einrichten")
    assert "gremium" in card["suchtitel"].split()
    assert "gremium" not in card["title"].lower() and "gremium" not in card["text"].lower()


def test_compound_parts_and_synonyms_are_in_the_index(index):
    words = {e["location"]: set(e.get("suchwoerter", "").split()) for e in index["docs"]}
    # „vereinbarung“ itself is left out: „vereinbarungen“ begins with it.
    assert any("vereinbarungen" in w for loc, w in words.items() if loc.startswith("karten/32-"))
    assert any("videokonferenz" in w for loc, w in words.items() if loc.startswith("karten/50-"))
    assert not any("videokonferenz" in w for loc, w in words.items() if loc.startswith("karten/41-"))


def test_the_index_holds_the_cards_not_the_screens_navigation(index, site):
    """Backlinks and previous/next are on every card page, but are no part of its text."""
    card = "karten/08-teilhabe/"
    page = (site.root / card / "index.html").read_text(encoding="utf-8")
    assert "Verweise hierher" in page and "Nächste Karte" in page  # still shown
    texts = " ".join(e["text"] for e in index["docs"] if e["location"].startswith(card))
    assert "Vorherige Karte" not in texts and "Nächste Karte" not in texts
    assert not [e for e in index["docs"] if e["location"].endswith("#verweise-hierher")]
    assert "15 Warum Legitimation wichtig ist" in texts, "the printed references are the card's"


def test_the_benchs_cost_of_the_terms_puts_them_in_anew_cold_and_warm(site, tmp_path):
    """`make bench`'s figure for what the terms cost (tools/suche.py) runs the real output on
    Material's index: with an empty cache, then with what that run kept."""
    from tools import suche as bench_search

    cold, warm, added = bench_search.cost(site.root, tmp_path)
    assert cold > 0 and warm > 0 and added > 10_000
    assert list((tmp_path / "cache" / "projekt").glob("suchtexte-*.pickle")), "the texts' terms were kept"
    again = json.loads((tmp_path / "ohne-suchwoerter" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("suchwoerter" in e for e in again["docs"]), "the bare index is left bare"


def test_the_fan_and_the_selections_data_are_no_search_results(index, site):
    """A card's title finds the card, not the home page (its fan) or „Meine Auswahl“ (the cards'
    data for its script); the contents page, a list of the cards, still lists them."""
    texts = {e["location"]: e["text"] for e in index["docs"]}
    title = "Legitimation von Ko-Produktionsprozessen"
    assert title not in texts[""] and title not in texts["auswahl/"]
    assert "Ihre Auswahl und Ihre Notizen bleiben in diesem Browser" in texts["auswahl/"]
    assert any(title in text for location, text in texts.items() if location.startswith("inhalt/"))
    assert "So nutzen Sie den Fächer" in {e["title"] for e in index["docs"]}
    home = (site.root / "index.html").read_text(encoding="utf-8")
    assert "data-faecher" in home and "data-search-exclude" not in home  # Material drops it
