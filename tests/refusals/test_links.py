"""The build refuses links to missing pages or anchors, and pages left out of the navigation.

Each test breaks one thing in the tiny handbook (tests/data/tiny) and builds it strictly.
"""

from __future__ import annotations

from tests.helpers import assert_refused, line_of


CARD_8 = "docs/karten/08-teilhabe.md"


def test_link_to_a_missing_page_is_refused(tiny):
    tiny.replace(CARD_8, "Menschen können", "[Siehe auch](gibt-es-nicht.md) Menschen können")
    line = line_of(tiny.path(CARD_8), "gibt-es-nicht.md")
    assert_refused(tiny.build(), f"{CARD_8}:{line}:", "gibt-es-nicht.md", "not found")


def test_link_to_a_missing_anchor_is_refused(tiny):
    tiny.replace(CARD_8, "Menschen können",
                    "[Siehe auch](15-warum-legitimation-wichtig-ist.md#gibt-es-nicht) Menschen können")
    line = line_of(tiny.path(CARD_8), "#gibt-es-nicht")
    assert_refused(tiny.build(), f"{CARD_8}:{line}:", "does not contain an anchor '#gibt-es-nicht'")


def test_card_left_out_of_the_navigation_is_refused(tiny):
    tiny.replace("mkdocs.yml", "  - karten/\n", "  - karten/03-einleitung.md\n")
    assert_refused(tiny.build(), "docs/karten/05-definitionen.md: card 5 is not in the navigation",
                   "Fix: put the entry 'karten/' into nav")


def test_page_outside_the_navigation_is_refused(tiny):
    tiny.path("docs/vergessen.md").write_text("# Vergessen\n", encoding="utf-8")
    assert_refused(tiny.build(), "not included in the \"nav\" configuration", "vergessen.md")
