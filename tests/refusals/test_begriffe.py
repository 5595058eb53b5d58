"""The build refuses defined terms that name a missing card or chapter (kartenfaecher.begriffe in mkdocs.yml)."""

from __future__ import annotations


def test_a_term_naming_a_missing_card_stops_the_build(tiny):
    tiny.replace("mkdocs.yml", "    Teilhabe: 8\n", "    Teilhabe: 88\n")
    result = tiny.build()
    assert result.returncode != 0
    assert "mkdocs.yml: kartenfaecher.begriffe: the term 'Teilhabe' names the card 88, which does not exist." \
        in result.output
    assert "Fix: give the number of the card that defines the term" in result.output


def test_an_unknown_chapter_without_terms_stops_the_build(tiny):
    tiny.replace("mkdocs.yml", "begriffe_nicht_in: [einleitung]", "begriffe_nicht_in: [quelle]")
    result = tiny.build()
    assert result.returncode != 0
    assert "kartenfaecher.begriffe_nicht_in names the chapter 'quelle', which does not exist." in result.output
