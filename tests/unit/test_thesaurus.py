"""OpenThesaurus as Debian packages it (mythes-de), read for the search (macros/sources/thesaurus.py)."""

from __future__ import annotations

import pytest

from macros.errors import ContentError
from macros.sources import thesaurus


@pytest.fixture(scope="module")
def words() -> thesaurus.Thesaurus:
    return thesaurus.Thesaurus.open()


def test_a_word_has_the_single_words_of_every_meaning_listed_with_it(words):
    assert {"zuschuss", "subvention", "förderung"} <= words.related("Fördermittel")
    assert "öffentlichkeitsarbeit" in words.related("pressearbeit")
    # „Streit“ stands under two entries; both are read.
    assert {"konflikt", "zank", "auseinandersetzung"} <= words.related("Streit")


def test_notes_in_brackets_are_dropped_and_phrases_and_the_word_itself_left_out(words):
    related = words.related("Dienstweg")
    assert "amtsschimmel" in related  # listed as „Amtsschimmel (ugs.)“
    assert "dienstweg" not in related
    assert all(" " not in word and "(" not in word for word in related)


def test_a_word_the_thesaurus_does_not_know_has_none(words):
    assert words.related("Koproduktionsprozess") == frozenset()
    assert words.related("") == frozenset()


def test_without_the_package_the_build_is_told_what_to_install(tmp_path):
    with pytest.raises(ContentError) as refused:
        thesaurus.Thesaurus.open(tmp_path / "th_de_DE_v2")
    message = str(refused.value)
    assert str(tmp_path / "th_de_DE_v2.idx") in message
    assert "apt-get install mythes-de" in message
