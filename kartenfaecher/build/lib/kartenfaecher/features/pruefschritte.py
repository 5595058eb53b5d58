"""The BITV-Test's steps in the accessibility statement, from the table beside the tests.

``tests/bitv/pruefschritte.yml`` lists the BIK's steps for WCAG 2.1 AA, each with how the site
meets it and which test shows it, or why a person must check it (tests/unit/test_pruefschritte.py
holds the table to the tests that exist). The statement „Erklärung zur Barrierefreiheit“ shows it
through the macro ``pruefschritte()``: how many steps a test shows, a person checks, do not apply
or are not met (and why), with the date of the build (the tests run on every change, `make test`,
and in CI before a change lands).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml
from mkdocs.utils import get_build_datetime

from ..errors import ContentError
from .herausgeber import german_date

TABLE = "tests/bitv/pruefschritte.yml"
RESULTS = {"erfüllt": "durch einen Test belegt", "von Hand": "von einem Menschen zu prüfen",
           "nicht anwendbar": "nicht anwendbar", "nicht erfüllt": "nicht erfüllt"}
FIELDS = ("nummer", "titel", "ergebnis")


@dataclass(frozen=True)
class Step:
    nummer: str
    titel: str
    ergebnis: str
    wie: str
    tests: tuple[str, ...]
    grund: str
    line: int


# libyaml where PyYAML has it (its wheels do): the pure-Python parser took 80 ms of each build.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(path: Path, shown: str = TABLE) -> list[Step]:
    """The steps in the table at ``path`` (``shown`` names it in errors), checked."""
    try:
        nodes = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(shown, getattr(getattr(error, "problem_mark", None), "line", -1) + 1 or None,
                           f"the table of the BITV-Test's steps cannot be read ({error}).",
                           "keep it a YAML list of steps, as the comment at its top describes.") from None
    if not isinstance(nodes, yaml.SequenceNode):
        raise ContentError(shown, 1, "the table is not a list of steps.", "write each step as „- nummer: …“.")
    steps, constructor = [], yaml.SafeLoader("")  # builds each step's value from its node
    for node in nodes.value:
        line = node.start_mark.line + 1
        entry = constructor.construct_object(node, deep=True)
        missing = [f for f in FIELDS if not isinstance(entry, dict) or not entry.get(f)]
        if missing:
            raise ContentError(shown, line, f"a step without {', '.join(missing)}.", "give every step its "
                               "nummer, titel and ergebnis.")
        result, tests = entry["ergebnis"], tuple(entry.get("tests") or ())
        if result not in RESULTS:
            raise ContentError(shown, line, f"step {entry['nummer']}: the ergebnis „{result}“ is unknown.",
                               f"write one of: {', '.join(RESULTS)}.")
        if result == "erfüllt" and not (tests and entry.get("wie")):
            raise ContentError(shown, line, f"step {entry['nummer']} is „erfüllt“ without wie and tests.",
                               "say how the site meets it and name the tests that show it, or write "
                               "„von Hand“ with a grund.")
        if result != "erfüllt" and not entry.get("grund"):
            raise ContentError(shown, line, f"step {entry['nummer']} is „{result}“ without a grund.",
                               "say why in „grund:“.")
        steps.append(Step(str(entry["nummer"]), entry["titel"], result, entry.get("wie", ""), tests,
                          entry.get("grund", ""), line))
    return steps


def build_date() -> datetime.date:
    """The day of this build, as MkDocs dates it (SOURCE_DATE_EPOCH where a reproducible build
    sets it; the sitemap's dates are the same)."""
    return get_build_datetime().date()


def statement(steps: list[Step]) -> str:
    """The statement's section: the counts, what is not met, and every step with how or why."""
    count = {result: sum(s.ergebnis == result for s in steps) for result in RESULTS}
    lines = [f"Stand: {german_date(build_date())}, der Tag, an dem diese Fassung der Website gebaut wurde. "
             f"Von {len(steps)} Prüfschritten des BITV-Tests für WCAG 2.1 AA belegen "
             f"{count['erfüllt']} automatische Tests, die bei jeder Änderung laufen, "
             f"{count['von Hand']} prüft ein Mensch, "
             f"{count['nicht anwendbar']} sind nicht anwendbar und {count['nicht erfüllt']} nicht erfüllt.", ""]
    lines += [f"- **{s.nummer} {escape(s.titel)}:** {escape(s.grund)}" for s in steps if s.ergebnis == "nicht erfüllt"]
    lines += ["", "| Prüfschritt | Ergebnis | Wie, oder warum nicht |", "| --- | --- | --- |"]
    lines += [f"| {s.nummer} {escape(s.titel)} | {RESULTS[s.ergebnis]} | {escape(s.wie or s.grund)} |"
              for s in steps]
    return "\n".join(lines)


def section(project: Path) -> str:
    """The statement's section from the table of the project at ``project`` (the macro ``pruefschritte()``)."""
    return statement(read(project / TABLE))
