"""What one build keeps for the next (kartenfaecher/between_builds.py): keyed, whole, and never an error."""

from __future__ import annotations

import os

from kartenfaecher import between_builds


def test_a_key_follows_its_inputs(tmp_path):
    source = tmp_path / "eingabe.txt"
    source.write_text("eins", encoding="utf-8")
    first = between_builds.key(source, "M", 0)
    assert first == between_builds.key(source, "M", 0)
    assert first != between_builds.key(source, "M", 1)
    source.write_text("eins und zwei", encoding="utf-8")
    assert first != between_builds.key(source, "M", 0)


def test_written_whole_read_back_and_older_versions_removed(tmp_path):
    older = tmp_path / "kept" / "codes-aaaa.json"
    between_builds.write(older, b"alt")
    newer = tmp_path / "kept" / "codes-bbbb.json"
    between_builds.write(newer, b"neu", older="codes-*.json")
    assert between_builds.read(newer) == b"neu"
    assert not older.exists()
    assert [p.name for p in newer.parent.iterdir()] == ["codes-bbbb.json"], "no partial file left"


def test_a_place_that_cannot_be_written_or_read_is_no_error(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    between_builds.write(blocked / "codes.json", b"daten")  # its folder cannot be made
    assert between_builds.read(blocked / "codes.json") is None
    assert between_builds.read(tmp_path / "missing.json") is None
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]


def test_entries_come_back_only_with_what_made_them(tmp_path):
    kept = tmp_path / "kept" / "folien.json"
    between_builds.write_entries(kept, "A", {"k": "<p>Text</p>"})
    assert between_builds.read_entries(kept, "A") == {"k": "<p>Text</p>"}
    assert between_builds.read_entries(kept, "B") == {}, "made otherwise: not reused"
    kept.write_bytes(b"\xff{ damaged")
    assert between_builds.read_entries(kept, "A") == {}
    assert between_builds.read_entries(tmp_path / "missing.json", "A") == {}
