"""The card registry on its own: tiny handbooks in a temporary folder, no MkDocs."""

from __future__ import annotations

import pytest

from kartenfaecher.errors import ContentError
from kartenfaecher.sources.registry import Chapter, load_chapters, load_registry

CHAPTERS = [Chapter("a", "Anfang"), Chapter("b", "Bereich")]


def write_cards(root, cards: dict[str, str]):
    folder = root / "docs" / "karten"
    folder.mkdir(parents=True)
    for name, text in cards.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root / "docs"


def card(number, chapter, body="Text.", title=None):
    return f"---\nkarte: {number}\ntitel: {title or f'Karte {number}'}\nkapitel: {chapter}\n---\n\n{body}\n"


def test_backlinks_are_the_inverse_of_references(tmp_path):
    docs = write_cards(tmp_path, {
        "01-a.md": card(1, "a", "{{ siehe(2, 3) }}"),
        "02-b.md": card(2, "b", "Siehe {{ karte(3) }}."),
        "03-c.md": card(3, "b", "{{ siehe(1) }}"),
    })
    registry = load_registry(docs, CHAPTERS)
    assert {c.number: c.refs for c in registry.cards} == {1: [2, 3], 2: [3], 3: [1]}
    assert {c.number: c.backrefs for c in registry.cards} == {1: [3], 2: [1], 3: [1, 2]}


def test_navigation_has_a_section_per_chapter_and_a_page_for_a_single_card(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": card(1, "a"), "02-b.md": card(2, "b"), "03-c.md": card(3, "b")})
    assert load_registry(docs, CHAPTERS).nav() == [
        {"1 Karte 1": "karten/01-a.md"},
        {"Bereich": [{"2 Karte 2": "karten/02-b.md"}, {"3 Karte 3": "karten/03-c.md"}]},
    ]


def test_previous_and_next_skip_missing_numbers(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": card(1, "a"), "04-b.md": card(4, "b")})
    registry = load_registry(docs, CHAPTERS)
    first, last = registry.cards
    assert (registry.previous(first), registry.next(first)) == (None, last)
    assert registry.previous(last) is first


def test_error_names_file_and_line_of_the_bad_reference(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": card(1, "a", "Erster Absatz.\n\n{{ siehe(7) }}"),
                                  "02-b.md": card(2, "b")})
    with pytest.raises(ContentError) as caught:
        load_registry(docs, CHAPTERS, shown_root=tmp_path)
    assert (caught.value.path, caught.value.line) == ("docs/karten/01-a.md", 9)
    assert "card 1 refers to card 7, which does not exist" in str(caught.value)
    assert "use one of the card numbers 1–2" in caught.value.fix


def test_chapters_must_be_numbered_in_one_run(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": card(1, "b"), "02-b.md": card(2, "a")})
    with pytest.raises(ContentError, match="card 2 belongs to chapter 'Anfang', but follows card 1"):
        load_registry(docs, CHAPTERS)


def test_a_chapter_without_cards_is_an_error(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": card(1, "a")})
    with pytest.raises(ContentError, match="the chapter 'b' has no cards"):
        load_registry(docs, CHAPTERS)


def test_number_must_be_a_positive_whole_number(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": card("eins", "a")})
    with pytest.raises(ContentError, match="'eins' is not a positive whole number"):
        load_registry(docs, CHAPTERS)


def test_invalid_front_matter_names_its_line(tmp_path):
    docs = write_cards(tmp_path, {"01-a.md": "---\nkarte: 1\ntitel: [offen\nkapitel: a\n---\n"})
    with pytest.raises(ContentError, match="not valid YAML") as caught:
        load_registry(docs, CHAPTERS)
    assert caught.value.line is not None


def test_chapter_list_needs_ids_and_titles():
    assert load_chapters([{"id": "a", "titel": "Anfang"}]) == [Chapter("a", "Anfang")]
    with pytest.raises(ContentError, match="lacks an id or a titel"):
        load_chapters([{"id": "a"}])


def test_excerpt_is_the_first_paragraph_as_plain_text(tmp_path):
    docs = write_cards(tmp_path, {
        "01-a.md": card(1, "a", "{{ kapitel_karten() }}"),
        "02-b.md": card(2, "b", "Mit **Teilhabe** ist z.B. [dies](x.md) gemeint. Zweiter Satz.\n\n- Liste"),
        "03-c.md": card(3, "b", "- nur eine Liste\n\n**Autor:innen:** A, B"),
    })
    registry = load_registry(docs, CHAPTERS)
    assert registry.card(1).excerpt == ""
    assert registry.card(2).excerpt == "Mit Teilhabe ist z.B. dies gemeint. Zweiter Satz."
    assert registry.card(2).first_sentence == "Mit Teilhabe ist z.B. dies gemeint."
    assert registry.card(3).excerpt == "Autor:innen: A, B"
