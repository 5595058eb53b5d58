"""The table of the BITV-Test's steps (tests/bitv/pruefschritte.yml) and the statement made from it.

Every step a test shows names tests that exist; the others say why a person must check them, or why
they do not apply or are not met; a broken table stops the build with its file and line; and the
built „Erklärung zur Barrierefreiheit“ lists every step, says which are not met, and is dated by
its build."""

from __future__ import annotations

import ast
import dataclasses

import pytest

from kartenfaecher.errors import ContentError
from kartenfaecher.features import pruefschritte
from tools.common import ROOT

STEPS = pruefschritte.read(ROOT / pruefschritte.TABLE)

pytestmark = pytest.mark.usefixtures("texts")  # the features say their words (kartenfaecher.build.text)


def test_every_step_of_the_bitv_test_for_wcag_21_aa_is_in_the_table_once():
    numbers = [step.nummer for step in STEPS]
    assert len(numbers) == len(set(numbers)) == 60
    assert numbers[0] == "9.1.1.1a" and numbers[-1] == "9.4.1.3"
    for key in ("9.1.4.4", "9.1.4.10", "9.1.4.12", "9.2.4.1", "9.2.4.3", "9.2.4.7"):  # what the issue tried
        assert next(s for s in STEPS if s.nummer == key).ergebnis == "erfüllt"


def test_every_test_the_table_names_exists():
    functions: dict[str, set[str]] = {}
    missing = []
    for step in STEPS:
        for test in step.tests:
            path, _, name = test.partition("::")
            if path not in functions:
                file = ROOT / path
                tree = ast.parse(file.read_text(encoding="utf-8")) if file.is_file() else ast.Module(body=[])
                functions[path] = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
            if name not in functions[path]:
                missing.append(f"{step.nummer}: {test}")
    assert missing == []


@pytest.mark.parametrize("entry, problem", [
    ("- nummer: 9.1.1.1a\n  titel: T\n  ergebnis: erfüllt\n  wie: so\n", "without wie and tests"),
    ("- nummer: 9.1.1.1a\n  titel: T\n  ergebnis: von Hand\n", "without a grund"),
    ("- nummer: 9.1.1.1a\n  titel: T\n  ergebnis: vielleicht\n  grund: g\n", "is unknown"),
    ("- nummer: 9.1.1.1a\n  ergebnis: erfüllt\n", "without titel"),
])
def test_a_broken_step_stops_the_build_with_its_file_and_line(tmp_path, entry, problem):
    table = tmp_path / "pruefschritte.yml"
    table.write_text("# Kopf\n\n" + entry, encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        pruefschritte.read(table, "tests/bitv/pruefschritte.yml")
    assert problem in refused.value.problem
    assert str(refused.value).startswith("tests/bitv/pruefschritte.yml:3: ")
    assert refused.value.fix


def test_a_table_that_is_no_yaml_stops_the_build_with_the_line_of_the_fault(tmp_path):
    table = tmp_path / "pruefschritte.yml"
    table.write_text("# Kopf\n\n- nummer: 9.1.1.1a\n\ttitel: T\n", encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        pruefschritte.read(table, "tests/bitv/pruefschritte.yml")
    assert str(refused.value).startswith("tests/bitv/pruefschritte.yml:4: ")
    assert "cannot be read" in refused.value.problem and refused.value.fix


def test_a_step_no_longer_met_is_named_in_the_statement():
    changed = [dataclasses.replace(step, ergebnis="nicht erfüllt", grund="Der Fokus ist unsichtbar.")
               if step.nummer == "9.2.4.7" else step for step in STEPS]
    text = pruefschritte.statement(changed)
    assert "und 1 nicht erfüllt" in text
    assert "- **9.2.4.7 Aktuelle Position des Fokus deutlich:** Der Fokus ist unsichtbar." in text


def test_the_built_statement_lists_every_step_and_is_dated_by_its_build(site):
    page = site.page("barrierefreiheit/")
    rows = [row.find("td").get_text(" ", strip=True) for row in page.select("table tbody tr")]
    assert rows == [f"{step.nummer} {step.titel}" for step in STEPS]
    stand = page.find(string=lambda text: text and text.startswith("Stand: "))
    assert stand is not None
    paragraph = stand.parent.get_text(" ", strip=True)
    day = pruefschritte.build_date()  # the session's (tests/conftest.py)
    assert stand.parent.select_one(f"time[datetime='{day.isoformat()}']"), paragraph
    assert "der Tag, an dem diese Fassung der Website gebaut wurde" in paragraph
    assert "belegen 43 automatische Tests" in paragraph and "0 nicht erfüllt" in paragraph
