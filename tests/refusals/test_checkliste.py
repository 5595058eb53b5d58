"""The build refuses malformed checklist blocks, naming the file and the line (in the tiny handbook)."""

from __future__ import annotations

from tests.helpers import assert_refused, line_of


CARD_21_SOURCE = "docs/karten/21-bezahlte-stellen-in-der-zivilgesellschaft.md"


def test_the_build_refuses_a_ticked_question_naming_file_and_line(tiny):
    tiny.replace(CARD_21_SOURCE, "- [ ] Wer sollte", "- [x] Wer sollte")
    line = line_of(tiny.path(CARD_21_SOURCE), "- [x] Wer sollte")
    assert_refused(tiny.build(), f"{CARD_21_SOURCE}:{line}: a question in a checklist block is ticked",
                   "Fix: write '- [ ] ' with an empty box")


def test_the_build_refuses_a_question_asked_twice_on_one_card(tiny):
    path = tiny.path("docs/karten/42-entscheidungen-treffen.md")
    tiny.replace(path, "    - [ ] In welchem **Verfahren**",
                    "    - [ ] Wie und vom wem werden Entscheidungsfindungsprozesse vorbereitet?\n"
                    "    - [ ] In welchem **Verfahren**")
    line = line_of(path, "    - [ ] Wie und vom wem werden Entscheidungsfindungsprozesse")
    assert_refused(tiny.build(), f"docs/karten/42-entscheidungen-treffen.md:{line}: the question on this "
                   "line is the same as on line")


def test_the_build_refuses_a_checklist_outside_the_cards(tiny):
    tiny.replace("docs/inhalt.md", "{{ inhaltsverzeichnis() }}",
                    '!!! checkliste "Checkliste"\n\n    - [ ] Eine Frage?\n\n{{ inhaltsverzeichnis() }}')
    line = line_of(tiny.path("docs/inhalt.md"), "!!! checkliste")
    assert_refused(tiny.build(), f"docs/inhalt.md:{line}: a checklist block stands on a page that is not a card")
