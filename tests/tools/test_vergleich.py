"""tools/vergleich.py: two commits built, their sites compared file by file, content-named files by role."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers import Project
from tools import vergleich
from tools.common import ROOT

CARD_42 = "karten/42-entscheidungen-treffen/index.html"


def git(repository, *args) -> None:
    subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory, tiny_kept):
    """The tiny handbook as a git repository of four commits: as it is, card 42 changed, a
    script changed, the engine changed (its own copy of the engine, so the project's stays as
    it is)."""
    root = tmp_path_factory.mktemp("vergleich") / "repository"
    tiny = Project.tiny(root, kept=tiny_kept)
    shutil.copytree(ROOT / "kartenfaecher", root / "kartenfaecher",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (root / ".gitignore").write_text(".cache/\nsite/\n", encoding="utf-8")
    git(root, "init", "--quiet")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "as it is")
    tiny.replace(tiny.card(42), "Entscheidungen", "NEUE-FASSUNG Entscheidungen")
    git(root, "commit", "--quiet", "-am", "card 42")
    script = root / "kartenfaecher" / "kartenfaecher" / "features" / "app" / "app.js"
    script.write_text(script.read_text(encoding="utf-8") + "\nwindow.vergleichGeaendert = true;\n", encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "a script")
    plugin = root / "kartenfaecher" / "kartenfaecher" / "plugin.py"
    plugin.write_text(plugin.read_text(encoding="utf-8") + """
    def on_post_build(self, *, config):
        (Path(config["site_dir"]) / "motor.txt").write_text("geaendert", encoding="utf-8")
""", encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "the engine")
    return root


def test_a_changed_card_is_named_where_it_shows_and_the_rest_is_the_same(repository):
    found = vergleich.compare(repository, "HEAD~3", "HEAD~2")
    assert CARD_42 in found.differ and "NEUE-FASSUNG" in found.differ[CARD_42]
    # Every page names card 42 in its navigation; each difference is the new title.
    assert all("NEUE-FASSUNG" in first for first in found.differ.values()), found.report("HEAD~3", "HEAD~2")
    assert {"assets/js/site.min.js", "sw.js", "manifest.webmanifest"} <= set(found.same)
    assert found.only_a == [] and found.only_b == []


def test_a_bundle_renamed_by_its_content_is_matched_by_role_and_the_pages_linking_it_are_the_same(repository):
    found = vergleich.compare(repository, "HEAD~2", "HEAD~1")
    assert list(found.differ) == ["assets/js/site.min.js"], found.report("HEAD~2", "HEAD~1")
    assert "vergleichGeaendert" in found.differ["assets/js/site.min.js"]
    assert CARD_42 in found.same and "sw.js" in found.same  # its list names the bundle by role
    assert found.only_a == [] and found.only_b == []


def test_each_commit_is_built_with_its_own_engine_not_the_one_installed(repository):
    """The engine is installed from this checkout (editable); a commit's build imports its own."""
    found = vergleich.compare(repository, "HEAD~1", "HEAD")
    assert found.only_b == ["motor.txt"] and found.differ == {}, found.report("HEAD~1", "HEAD")
    assert found.only_a == []


def test_the_same_commit_twice_is_the_same_in_every_file(repository):
    found = vergleich.compare(repository, "HEAD", "HEAD")
    assert found.differ == {} and found.only_a == [] and found.only_b == [] and len(found.same) > 50


def test_the_pages_own_bundles_are_told_apart_by_the_page_that_loads_them(tmp_path):
    for side, text in (("a", "eins"), ("b", "zwei")):
        site = tmp_path / side
        (site / "assets" / "js").mkdir(parents=True)
        (site / "assets" / "js" / "page.0000000a.min.js").write_text("fan", encoding="utf-8")
        (site / "assets" / "js" / f"page.{'0000000b' if side == 'a' else '0000000c'}.min.js").write_text(
            text, encoding="utf-8")
        (site / "index.html").write_text('<script src="assets/js/page.0000000a.min.js">', encoding="utf-8")
        (site / "checklisten.html").write_text(
            f'<script src="assets/js/page.{"0000000b" if side == "a" else "0000000c"}.min.js">', encoding="utf-8")
    found = vergleich.compare_sites(tmp_path / "a", tmp_path / "b")
    assert list(found.differ) == ["assets/js/page.min.js for checklisten.html"]
    assert "assets/js/page.min.js for index.html" in found.same
