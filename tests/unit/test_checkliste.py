"""Checklist blocks in the sources (kartenfaecher/sources/checkliste.py, no build): keys stable under
reordering and layout but changed by editing, and malformed blocks refused with their line."""

from __future__ import annotations

import pytest

from kartenfaecher.sources.checkliste import item_key, parse
from kartenfaecher.errors import ContentError


# -- keys: stable under reordering and layout, changed by editing ---------------------------


BLOCK = """Fragen:

!!! checkliste "Checkliste"

    - [ ] Wer **macht** was?
    - [ ] Wann treffen wir uns?
        - montags
        - freitags
    - [ ] Wie lange
      dauert es?
"""


def keys_of(body: str, card: int = 7) -> dict[str, str]:
    return {item.text: item.key for checklist in parse(body, card, "x.md") for item in checklist.items}


def test_reordering_questions_keeps_each_key():
    reordered = BLOCK.replace("    - [ ] Wer **macht** was?\n", "").replace(
        "      dauert es?\n", "      dauert es?\n    - [ ] Wer **macht** was?\n")
    assert keys_of(reordered) == keys_of(BLOCK)


def test_bold_line_breaks_and_capitals_do_not_change_a_key_but_words_do():
    keys = keys_of(BLOCK)
    assert item_key(7, "Wer macht   was?") == keys["Wer **macht** was?"]
    assert item_key(7, "wer macht was?") == keys["Wer **macht** was?"]
    assert keys["Wie lange dauert es?"] == item_key(7, "Wie lange dauert es?")
    assert item_key(7, "Wer macht das?") != keys["Wer **macht** was?"]
    assert item_key(8, "Wer macht was?") != keys["Wer **macht** was?"]


def test_nested_lists_belong_to_their_question_but_not_to_its_key():
    [checklist] = parse(BLOCK, 7, "x.md")
    second = checklist.items[1]
    assert second.text == "Wann treffen wir uns?"
    assert second.lines == ("- [ ] Wann treffen wir uns?", "    - montags", "    - freitags")
    assert second.line == 6


@pytest.mark.parametrize("body, line, problem", [
    ('!!! checkliste "C"\n\n    - [ ] Eins?\n    - Zwei?\n', 4, "a list item in a checklist block has no box"),
    ('!!! checkliste "C"\n\n    - [x] Eins?\n', 3, "is ticked in the source"),
    ('!!! checkliste "C"\n\n    - [ ] Eins?\n    - [ ] **Eins?**\n', 4, "the same as on line 3"),
    ('!!! checkliste "C"\n\nText.\n', 1, "has no questions"),
    ('!!! Checkliste "C"\n\n    - [ ] Eins?\n', 1, "must open with"),
    ('!!! checkliste "C"\n\n    Ein Satz.\n\n    - [ ] Eins?\n', 3, "not a question with a box"),
])
def test_malformed_blocks_are_refused_with_their_line(body, line, problem):
    with pytest.raises(ContentError) as error:
        parse(body, 7, "docs/karten/07-x.md", offset=0)
    assert str(error.value).startswith(f"docs/karten/07-x.md:{line}: ") and problem in str(error.value)
    assert "Fix:" in str(error.value)
