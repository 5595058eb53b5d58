"""The build refuses broken content, naming the file, the line and the problem.

Each test breaks one thing in a copy of the project and builds it strictly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

CARD_8 = "docs/karten/08-teilhabe.md"


def line_of(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def assert_refused(result, *fragments: str) -> None:
    assert result.returncode != 0, "the build should have failed:\n" + result.output
    for fragment in fragments:
        assert fragment in result.output, f"{fragment!r} missing from:\n{result.output}"


def test_reference_to_a_missing_card_is_refused(scratch):
    scratch.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16, 99)")
    line = line_of(scratch.path(CARD_8), "siehe(")
    assert_refused(scratch.build(), f"{CARD_8}:{line}: card 8 refers to card 99, which does not exist",
                   "Fix: use one of the card numbers 3, 5–54, 56")


def test_card_referring_to_itself_is_refused(scratch):
    scratch.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 8)")
    line = line_of(scratch.path(CARD_8), "siehe(")
    assert_refused(scratch.build(), f"{CARD_8}:{line}: card 8 refers to itself")


def test_inline_link_to_a_missing_card_on_another_page_is_refused(scratch):
    scratch.replace("docs/index.md", "{{ karte(3) }}", "{{ karte(4) }}")
    line = line_of(scratch.path("docs/index.md"), "karte(4)")
    assert_refused(scratch.build(), f"docs/index.md:{line}: this page refers to card 4, which does not exist")


def test_two_card_files_with_the_same_number_are_refused(scratch):
    shutil.copy(scratch.card(9), scratch.path("docs/karten/09-zweite-daseinsvorsorge.md"))
    assert_refused(scratch.build(), "docs/karten/09-zweite-daseinsvorsorge.md:2: card number 9 is taken twice",
                   "docs/karten/09-daseinsvorsorge.md")


@pytest.mark.parametrize("key, what", [("karte", "no card number"), ("titel", "no titel"),
                                       ("kapitel", "no kapitel")])
def test_card_file_without_number_title_or_chapter_is_refused(scratch, key, what):
    path = scratch.path(CARD_8)
    lines = [l for l in path.read_text(encoding="utf-8").split("\n") if not l.startswith(f"{key}:")]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_refused(scratch.build(), f"{CARD_8}:1: the card file has {what}", "Fix: add")


def test_card_in_a_chapter_that_does_not_exist_is_refused(scratch):
    scratch.replace(CARD_8, "kapitel: definitionen", "kapitel: definitionnen")
    assert_refused(scratch.build(), f"{CARD_8}:4: card 8 names the chapter 'definitionnen', which does not exist",
                   "Fix: use one of the chapter ids")


def test_malformed_macro_call_is_refused(scratch):
    scratch.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16 18)")
    line = line_of(scratch.path(CARD_8), "siehe(")
    assert_refused(scratch.build(), f"{CARD_8}:{line}: malformed macro call")


def test_reference_with_a_number_in_quotes_is_refused(scratch):
    scratch.replace(CARD_8, "siehe(15, 16, 18)", 'siehe(15, "16")')
    line = line_of(scratch.path(CARD_8), "siehe(")
    assert_refused(scratch.build(), f"{CARD_8}:{line}: siehe(…) needs card numbers written as plain numbers")


def test_unknown_macro_is_refused(scratch):
    scratch.replace(CARD_8, "{{ siehe(15, 16, 18) }}", "{{ sieh(15, 16, 18) }}")
    line = line_of(scratch.path(CARD_8), "sieh(")
    assert_refused(scratch.build(), f"{CARD_8}:{line}: unknown macro 'sieh'", "siehe")


def test_undefined_variable_is_refused(scratch):
    scratch.replace("docs/inhalt.md", "Alle Karten des Fächers", "{{ autorin }} Alle Karten des Fächers")
    line = line_of(scratch.path("docs/inhalt.md"), "autorin")
    assert_refused(scratch.build(), f"docs/inhalt.md:{line}: undefined name 'autorin'")


def test_link_to_a_missing_page_is_refused(scratch):
    scratch.replace(CARD_8, "Menschen können", "[Siehe auch](gibt-es-nicht.md) Menschen können")
    line = line_of(scratch.path(CARD_8), "gibt-es-nicht.md")
    assert_refused(scratch.build(), f"{CARD_8}:{line}:", "gibt-es-nicht.md", "not found")


def test_link_to_a_missing_anchor_is_refused(scratch):
    scratch.replace(CARD_8, "Menschen können",
                    "[Siehe auch](15-warum-legitimation-wichtig-ist.md#gibt-es-nicht) Menschen können")
    line = line_of(scratch.path(CARD_8), "#gibt-es-nicht")
    assert_refused(scratch.build(), f"{CARD_8}:{line}:", "does not contain an anchor '#gibt-es-nicht'")


def test_card_left_out_of_the_navigation_is_refused(scratch):
    scratch.replace("mkdocs.yml", "  - karten/\n", "  - karten/03-einleitung.md\n")
    assert_refused(scratch.build(), "docs/karten/05-definitionen.md: card 5 is not in the navigation",
                   "Fix: put the entry 'karten/' into nav")


def test_page_outside_the_navigation_is_refused(scratch):
    scratch.path("docs/vergessen.md").write_text("# Vergessen\n", encoding="utf-8")
    assert_refused(scratch.build(), "not included in the \"nav\" configuration", "vergessen.md")


def test_failed_make_build_leaves_the_previous_site_untouched(scratch):
    for name in ("Makefile", "requirements.txt", "requirements-test.txt", "constraints.txt"):
        shutil.copy2(ROOT / name, scratch.path(name))
    make = ["make", "-s", "build", f"VENV={ROOT / '.venv'}"]
    first = subprocess.run(make, cwd=scratch.root, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    good = (scratch.path("site/karten/08-teilhabe/index.html")).read_text(encoding="utf-8")
    scratch.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16, 99)")
    os.utime(scratch.path(CARD_8))
    second = subprocess.run(make, cwd=scratch.root, capture_output=True, text=True, timeout=300)
    assert second.returncode != 0
    assert "card 8 refers to card 99" in second.stdout + second.stderr
    assert scratch.path("site/karten/08-teilhabe/index.html").read_text(encoding="utf-8") == good
    assert (scratch.path("site/karten.json")).exists()
