"""OpenThesaurus as Debian packages it (mythes-de), read for the search (kartenfaecher/features/suche/thesaurus.py)."""

from __future__ import annotations

import pytest

from kartenfaecher.errors import ContentError
from kartenfaecher.features.suche import thesaurus


@pytest.fixture(scope="module")
def words() -> thesaurus.Thesaurus:
    return thesaurus.Thesaurus.open()


def meanings_of(words, word: str) -> list[frozenset[str]]:
    return [typed for typed, _ in words.meanings() if word in typed]


def test_a_word_has_the_nouns_of_every_meaning_listed_with_it(words):
    assert any({"zuschuss", "subvention", "förderung"} <= typed for typed in meanings_of(words, "fördermittel"))
    assert any("öffentlichkeitsarbeit" in typed for typed in meanings_of(words, "pressearbeit"))
    assert any("konflikt" in typed for typed in meanings_of(words, "streit"))  # of its four meanings


def test_notes_in_brackets_are_dropped_and_phrases_left_out(words):
    assert any("amtsschimmel" in typed for typed in meanings_of(words, "dienstweg"))  # „Amtsschimmel (ugs.)“
    assert all(word.isalpha() for typed, broader in words.meanings() for word in typed | broader)


def test_without_the_package_the_build_is_told_what_to_install(tmp_path):
    with pytest.raises(ContentError) as refused:
        thesaurus.Thesaurus.open(tmp_path / "th_de_DE_v2")
    message = str(refused.value)
    assert str(tmp_path / "th_de_DE_v2.dat") in message
    assert "apt-get install mythes-de" in message


def test_each_meaning_is_read_once_with_its_broader_terms_apart_and_rare_words_left_out(words):
    meanings = words.meanings()
    assert len(meanings) == len(set(meanings))
    quarrel = [(typed, broader) for typed, broader in meanings if {"zoff", "zank"} <= typed]
    assert quarrel and all("konflikt" in broader for _, broader in quarrel)
    assert all("klinsch" not in typed for typed, _ in quarrel)  # „Klinsch (ugs., regional)“


def test_topics_are_a_titles_nouns_and_those_that_stand_out_in_its_text():
    entries = [("Finanzierung von Stellen", "Deshalb braucht die Stelle Geld. Die Förderung endet, "
                "die Förderung läuft aus. Wer hilft? deshalb fragen."),
               ("Konflikte", "Ein Konflikt ist normal. Die Stelle hilft.")]
    found = thesaurus.topics(entries, most=1)
    assert {"finanzierung", "stellen", "förderung", "konflikte", "konflikt"} <= found
    assert "deshalb" not in found  # written in lower case too: no noun


def test_a_readers_word_stands_for_the_topic_of_its_meaning_in_the_fewest_entries(words):
    texts = [{"konflikt", "förderung", "unterstützung", "streitpunkte"}, {"unterstützung", "mensch", "streitpunkte"},
             {"streitpunkte"}]
    topics = {"konflikt", "förderung", "unterstützung", "mensch"}
    stands_for = meant(thesaurus.reader_words(words, texts, topics))
    assert stands_for["zoff"] == "konflikt"  # a near broader term
    assert stands_for["fördermittel"] == "förderung"  # not „Unterstützung“, in two entries
    assert "bäcker" not in stands_for  # „Mensch“ is broader for hundreds of meanings
    assert "streit" not in stands_for  # words of three entries begin with it: found already
    # Found in one entry only (the accessibility statement's „Streitbeilegung“): read with its meaning.
    assert meant(thesaurus.reader_words(words, texts[:1] + [{"mensch"}], topics))["streit"] == "konflikt"


def meant(related: dict[str, str]) -> dict[str, str]:
    return {word: target for target, typed in related.items() for word in typed.split()}


def test_a_rebuild_of_the_same_texts_takes_their_readers_words_from_the_last_build(tmp_path, monkeypatch):
    from kartenfaecher.features import suche
    docs = [{"title": "Konflikte", "text": "Ein Konflikt zwischen Verwaltung und Initiative."},
            {"title": "Förderung", "text": "Die Förderung von Stellen in der Zivilgesellschaft."}]
    first = suche.related_words(docs, tmp_path)
    assert "konflikt" in first and "streit" in first["konflikt"].split()

    def not_again(*args, **kwargs):
        raise AssertionError("the thesaurus was read again for the same texts")
    monkeypatch.setattr(thesaurus, "reader_words", not_again)
    assert suche.related_words(docs, tmp_path) == first
    # Another text: found anew.
    with pytest.raises(AssertionError, match="read again"):
        suche.related_words(docs + [{"title": "Ziele", "text": "Ziele der Ko-Produktion."}], tmp_path)
