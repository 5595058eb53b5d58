"""The printed fan's German hyphenation: LibreOffice's hyphenator and patterns, read as LibreOffice reads them."""

from __future__ import annotations

import pyphen
import pytest

from tools import silbentrennung

# As LibreOffice (and a German dictionary) breaks them, three letters at least at either end.
WORDS = {
    "Zusammenarbeit": "Zusam-men-ar-beit",
    "Mitarbeiter": "Mit-ar-bei-ter",
    "Handlungsleitfaden": "Hand-lungs-leit-fa-den",
    "zivilgesellschaftlichen": "zivil-ge-sell-schaft-li-chen",
    "Daseinsvorsorge": "Daseins-vor-sorge",
    "Verwaltung": "Ver-wal-tung",
    "Bürgerinnen": "Bür-ge-rin-nen",
    "Teilhabe": "Teil-habe",
    "Ämter": "Ämter",
}


@pytest.mark.parametrize("word, broken", WORDS.items())
def test_words_break_where_a_german_dictionary_breaks_them(word, broken):
    assert silbentrennung.hyphenated(word).replace(silbentrennung.SOFT_HYPHEN, "-") == broken


def test_pyphen_reads_the_same_patterns_wrongly_which_is_why_libhyphen_is_used():
    # If pyphen ever reads them as LibreOffice does, the engine's and print's hyphenation can be one.
    assert pyphen.Pyphen(lang="de_DE", left=3, right=3).inserted("Zusammenarbeit") == "Zusam-me-n-a-r-beit"


def test_a_word_outside_the_patterns_encoding_is_left_whole():
    assert silbentrennung.hyphenated("Zusammenarbeit→") == "Zusammenarbeit→"
