"""A mistake in a card names that card's file and line, whichever page met it first.

„Vorführen“, „Druckfassung“ and „Checklisten“ render every card's text on pages of their own; a
build met a card's mistake there first and named that page, with a Jinja traceback. Card 41
(„Gremien einrichten“, with checklists) is gathered by all three. A copy of the whole handbook:
the tiny one has none of those pages.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_refused, line_of

CARD = "docs/karten/41-gremien-einrichten.md"
GATHERING = ("vorfuehren.md", "druckfassung.md", "checklisten.md")


@pytest.mark.parametrize("call, problem, fix", [
    ("{{ gibt_es_nicht(3) }}", "unknown macro 'gibt_es_nicht'", "Fix: use one of alle_checklisten"),
    ("{{ siehe(15, 16 }}", "malformed macro call", "Fix: write references as {{ siehe(15, 16) }}"),
    ("{{ siehe(15, 99) }}", "card 41 refers to card 99, which does not exist", "Fix: use one of the card numbers"),
    ("{{ unbekannt }}", "undefined name 'unbekannt'", "Fix: check the spelling"),
], ids=["unknown macro", "malformed call", "missing card", "undefined name"])
def test_a_mistake_in_a_gathered_card_names_the_card_and_its_line(scratch, call, problem, fix):
    path = scratch.path(CARD)
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\nMehr dazu: {call}\n", encoding="utf-8")
    result = scratch.build()
    assert_refused(result, f"{CARD}:{line_of(path, 'Mehr dazu:')}: {problem}", fix)
    assert "Traceback" not in result.output and "jinja2" not in result.output, result.output
    assert not [page for page in GATHERING if page in result.output], result.output
