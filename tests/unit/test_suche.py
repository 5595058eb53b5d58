"""German words for the search (kartenfaecher/features/suche/woerter.py), with Debian's German dictionary,
and the synonyms authors list (kartenfaecher/sources/synonyme.py)."""

from __future__ import annotations

import pytest

from kartenfaecher.errors import ContentError
from kartenfaecher.features.suche import woerter as suche
from kartenfaecher.sources.synonyme import load_synonyms


@pytest.fixture(scope="module")
def finder():
    return suche.Finder(suche.dictionary(), {"videokonferenz": ["online"], "reflexion": ["reflektion"]})


@pytest.mark.parametrize("word, parts", [
    ("Kooperationsvereinbarung", ["kooperations", "vereinbarung"]),
    ("Handlungsspielräume", ["handlungs", "spiel", "räume"]),
    ("Personalfluktuation", ["personal", "fluktuation"]),
    ("Selbstorganisation", ["selbst", "organisation"]),
    ("Verwaltung", []),
    ("Legitimation", []),
])
def test_compounds_split_into_dictionary_parts(word, parts):
    assert suche.dictionary().split(word) == parts


def test_the_dictionary_is_debians_hunspell_de_de():
    words = suche.dictionary()
    assert suche.DICTIONARY.with_suffix(".dic").is_file()
    assert "vereinbarung" in words.end and "kooperations" in words.begin


@pytest.mark.parametrize("word, expected", [
    ("Kooperationsvereinbarung", {"vereinbarung", "vereinbarungen", "kooperationsvereinbarungen"}),
    ("Gremien", {"gremium"}),
    ("Handlungsspielräume", {"spielraum", "handlungsspielraum", "raum"}),
    ("Konflikt", {"konflikten"}),
    ("Leitfäden", {"leitfaden"}),
])
def test_a_word_brings_its_parts_base_forms_and_other_forms(finder, word, expected):
    assert expected <= finder.terms_of_word(word)


def test_terms_leave_out_what_the_text_already_begins_with(finder):
    terms = finder.terms("Die Kooperationsvereinbarung regelt die Vereinbarungen.")
    assert "vereinbarung" not in terms  # „Vereinbarungen“ stands in the text
    assert "kooperationsvereinbarungen" in terms


def test_a_synonym_comes_with_each_mention_of_its_word(finder):
    terms = finder.terms("Treffen <em>online</em> oder in Präsenz: online geht es schneller.")
    assert terms.count("videokonferenz") == 2 and "konferenz" in terms
    assert "videokonferenz" not in finder.terms("Treffen in Präsenz.")


def test_synonyms_from_mkdocs_yml():
    assert load_synonyms({"Videokonferenz": "online", "Treffen": ["Sitzung", "Besprechung"]}) == \
        {"Videokonferenz": ["online"], "Treffen": ["sitzung", "besprechung"]}
    assert load_synonyms(None) == {}


@pytest.mark.parametrize("config", [["Videokonferenz"], {"Video konferenz": "online"}, {"Video": ""},
                                    {"Video": ["online", 3]}])
def test_malformed_synonyms_are_refused(config):
    with pytest.raises(ContentError) as refused:
        load_synonyms(config)
    assert refused.value.path == "mkdocs.yml" and "kartenfaecher.synonyme" in refused.value.problem


def test_a_missing_dictionary_says_what_to_install(tmp_path):
    with pytest.raises(ContentError) as refused:
        suche.require(tmp_path / "de_DE")
    assert refused.value.path.endswith("de_DE.aff")
    assert "apt-get install hunspell-de-de" in refused.value.fix
