"""What builds keep for the next (.cache/ and the user's cache): the same site, cold or warm,
and a damaged or blocked keeper is no error.

The keepers: compiled templates (the engine's vorlagen.py), the slides' texts (features/vorfuehren/),
the hyphenated words (sources/trennung.py), the search terms of words and of whole texts
(features/suche/woerter.py), QR codes and the app's icons.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import Project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(project: Project, user_cache: Path, into: str) -> dict[str, bytes]:
    result = project.build(env={"XDG_CACHE_HOME": str(user_cache)})
    assert result.returncode == 0, result.output[-3000:]
    shutil.move(project.root / "site", project.root / into)
    return _files(project.root / into)


@pytest.fixture(scope="module")
def cold_and_warm(tmp_path_factory):
    root = tmp_path_factory.mktemp("kept")
    project, user_cache = Project.handbook(root / "project"), root / "user-cache"
    cold = _build(project, user_cache, "cold")
    kept = project.path(".cache")
    found = {p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()}
    warm = _build(project, user_cache, "warm")
    return project, user_cache, cold, warm, found


def test_a_build_keeps_templates_slides_and_search_terms(cold_and_warm):
    project, user_cache, _, _, found = cold_and_warm
    templates = [name for name in found if name.startswith("vorlagen-")]
    assert len(templates) >= 30, f"compiled templates kept: {sorted(found)}"
    assert {"folien.json", "qr.json", "trennung.json"} <= found
    # A text's terms below the project (what another project builds cannot replace them),
    # each word's in the user's cache folder (shared: a word's terms are the same everywhere).
    assert [name for name in found if name.startswith("suchtexte-")]
    assert list((user_cache / "kartenfaecher").glob("suchwoerter-*.pickle"))


def test_a_warm_build_makes_the_same_site_as_a_cold_one(cold_and_warm):
    _, _, cold, warm, _ = cold_and_warm
    assert cold.keys() == warm.keys()
    differing = [name for name in cold if cold[name] != warm[name]]
    assert not differing, f"a warm build differs in {differing[:5]}"


def test_damaged_keepers_are_made_anew(cold_and_warm):
    project, user_cache, cold, _, _ = cold_and_warm
    for kept in [*project.path(".cache").rglob("*"), *(user_cache / "kartenfaecher").glob("*")]:
        if kept.is_file():
            kept.write_bytes(b"\x80not what was kept{")
    damaged = _build(project, user_cache, "damaged")
    assert [name for name in cold if cold[name] != damaged.get(name)] == []
    assert project.path(".cache/folien.json").read_bytes().startswith(b"{"), "written anew"


def test_a_keeper_that_cannot_be_written_is_no_error(cold_and_warm):
    project, user_cache, cold, _, _ = cold_and_warm
    shutil.rmtree(project.path(".cache"))
    project.path(".cache").write_text("a file where the folder would be", encoding="utf-8")
    blocked = _build(project, user_cache, "blocked")
    assert [name for name in cold if cold[name] != blocked.get(name)] == []
