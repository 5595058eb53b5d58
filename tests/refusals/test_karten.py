"""The build refuses broken cards and macro calls, naming the file, the line and the problem.

Each test breaks one thing in the tiny handbook (tests/data/tiny) and builds it strictly.
"""

from __future__ import annotations

import shutil

import pytest

from tests.helpers import assert_refused, line_of


CARD_8 = "docs/karten/08-teilhabe.md"


def test_reference_to_a_missing_card_is_refused(tiny):
    tiny.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16, 99)")
    line = line_of(tiny.path(CARD_8), "siehe(")
    assert_refused(tiny.build(), f"{CARD_8}:{line}: card 8 refers to card 99, which does not exist",
                   "Fix: use one of the card numbers 3, 5, 8–9, 14–16, 18, 21, 42")


def test_card_referring_to_itself_is_refused(tiny):
    tiny.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 8)")
    line = line_of(tiny.path(CARD_8), "siehe(")
    assert_refused(tiny.build(), f"{CARD_8}:{line}: card 8 refers to itself")


def test_inline_link_to_a_missing_card_on_another_page_is_refused(tiny):
    tiny.replace("docs/index.md", "{{ karte(3) }}", "{{ karte(4) }}")
    line = line_of(tiny.path("docs/index.md"), "karte(4)")
    assert_refused(tiny.build(), f"docs/index.md:{line}: this page refers to card 4, which does not exist")


def test_two_card_files_with_the_same_number_are_refused(tiny):
    shutil.copy(tiny.card(9), tiny.path("docs/karten/09-zweite-daseinsvorsorge.md"))
    assert_refused(tiny.build(), "docs/karten/09-zweite-daseinsvorsorge.md:2: card number 9 is taken twice",
                   "docs/karten/09-daseinsvorsorge.md")


@pytest.mark.parametrize("key, what", [("karte", "no card number"), ("titel", "no titel"),
                                       ("kapitel", "no kapitel")])
def test_card_file_without_number_title_or_chapter_is_refused(tiny, key, what):
    path = tiny.path(CARD_8)
    lines = [l for l in path.read_text(encoding="utf-8").split("\n") if not l.startswith(f"{key}:")]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_refused(tiny.build(), f"{CARD_8}:1: the card file has {what}", "Fix: add")


def test_card_in_a_chapter_that_does_not_exist_is_refused(tiny):
    tiny.replace(CARD_8, "kapitel: definitionen", "kapitel: definitionnen")
    assert_refused(tiny.build(), f"{CARD_8}:4: card 8 names the chapter 'definitionnen', which does not exist",
                   "Fix: use one of the chapter ids")


def test_malformed_macro_call_is_refused(tiny):
    tiny.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16 18)")
    line = line_of(tiny.path(CARD_8), "siehe(")
    assert_refused(tiny.build(), f"{CARD_8}:{line}: malformed macro call")


def test_reference_with_a_number_in_quotes_is_refused(tiny):
    tiny.replace(CARD_8, "siehe(15, 16, 18)", 'siehe(15, "16")')
    line = line_of(tiny.path(CARD_8), "siehe(")
    assert_refused(tiny.build(), f"{CARD_8}:{line}: siehe(…) needs card numbers written as plain numbers")


def test_unknown_macro_is_refused(tiny):
    tiny.replace(CARD_8, "{{ siehe(15, 16, 18) }}", "{{ sieh(15, 16, 18) }}")
    line = line_of(tiny.path(CARD_8), "sieh(")
    assert_refused(tiny.build(), f"{CARD_8}:{line}: unknown macro 'sieh'", "siehe")


def test_undefined_variable_is_refused(tiny):
    tiny.replace("docs/inhalt.md", "Alle Karten des Fächers", "{{ autorin }} Alle Karten des Fächers")
    line = line_of(tiny.path("docs/inhalt.md"), "autorin")
    assert_refused(tiny.build(), f"docs/inhalt.md:{line}: undefined name 'autorin'")


def test_an_unknown_print_setting_is_refused(tiny):
    tiny.replace(CARD_8, "kapitel: definitionen", "kapitel: definitionen\ndruck: klein")
    line = line_of(tiny.path(CARD_8), "druck:")
    assert_refused(tiny.build(), f"{CARD_8}:{line}: 'druck: klein' is no print setting", "write 'druck: eng'")


@pytest.mark.parametrize("colour, problem", [("#ffd700", "is too light for the white text on it (1.4:1"),
                                             ("gelb", "is no colour written #rrggbb")])
def test_a_chapter_colour_that_white_text_cannot_stand_on_stops_the_build(tiny, colour, problem):
    tiny.replace("mkdocs.yml", "{id: legitimation, titel: Legitimation}",
                 f"{{id: legitimation, titel: Legitimation, farbe: '{colour}'}}")
    result = tiny.build()
    assert result.returncode != 0
    assert f"mkdocs.yml: kartenfaecher.kapitel: the colour '{colour}' of the chapter 'legitimation' {problem}" \
        in result.output, result.output[-1500:]
    assert "Fix: " in result.output
