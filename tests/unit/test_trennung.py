"""German hyphenation for titles and slides (kartenfaecher/sources/trennung.py): where long words may
break, and the words one build hyphenated kept for the next, so that a build whose words are all
known never loads pyphen's patterns (0.7 s, half of a build of the handbook)."""

from __future__ import annotations

import json

import pytest

from kartenfaecher.sources import trennung

SH = trennung.SOFT_HYPHEN


@pytest.fixture
def fresh(monkeypatch):
    """trennung with nothing kept and its patterns not loaded yet."""
    monkeypatch.setattr(trennung, "_kept", {})
    monkeypatch.setattr(trennung, "_added", False)
    trennung._patterns.cache_clear()
    trennung.hyphenated.cache_clear()
    yield trennung
    trennung._patterns.cache_clear()
    trennung.hyphenated.cache_clear()


def test_long_words_break_by_german_rules_and_short_ones_never(fresh):
    assert fresh.hyphenated("Rollenverteilung/Rollenkonflikte") == f"Rol{SH}len{SH}ver{SH}tei{SH}lung/" \
        f"Rol{SH}len{SH}kon{SH}flikte"
    assert fresh.hyphenated("Ziele der Arbeit") == "Ziele der Arbeit"
    assert fresh.title_html("A/B & Kooperationsvereinbarung").startswith(f"A/<wbr>B &amp; Koope{SH}ra")


def test_kept_words_are_used_without_loading_the_patterns(fresh, tmp_path):
    kept = tmp_path / "trennung.json"
    fresh.hyphenated("Kooperationsvereinbarung")
    assert fresh._patterns.cache_info().currsize == 1
    fresh.save(kept)
    # The next build: the same word, and a slide's text with it.
    fresh._kept.clear()
    fresh._patterns.cache_clear()
    fresh.hyphenated.cache_clear()
    fresh.load(kept)
    assert fresh.hyphenated("Kooperationsvereinbarung").replace(SH, "") == "Kooperationsvereinbarung"
    assert SH in fresh.text_html("<p>Kooperationsvereinbarung</p>")
    assert fresh._patterns.cache_info().currsize == 0, "pyphen was loaded for a kept word"


def test_a_damaged_or_foreign_keeper_is_no_error_and_not_trusted(fresh, tmp_path):
    kept = tmp_path / "trennung.json"
    kept.write_text(json.dumps({"made_with": fresh.MADE_WITH,
                                "entries": {"Kooperationsvereinbarung": f"Ko{SH}xx", "Wort": 3}}), encoding="utf-8")
    fresh.load(kept)
    assert fresh.hyphenated("Kooperationsvereinbarung") == SH.join(["Koope", "ra", "ti", "ons", "ver", "ein", "ba",
                                                                     "rung"])
    kept.write_bytes(b"\x80not json{")
    fresh.load(kept)  # nothing kept, no error
