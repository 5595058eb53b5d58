"""`make publish` fails as a whole: a failed part leaves the previous site/ as it was."""

from __future__ import annotations

import pytest

from tools import publish
from tools.common import BuildFailed


def test_a_failed_part_leaves_the_previous_site_untouched(tiny, tmp_path):
    """The tiny handbook builds, but its offline bundle cannot: it lists its polyfills without a
    local shim for the offline search, which Material would then take from a CDN."""
    tiny.replace("mkdocs.yml", "  generator: false\n", "  generator: false\n  polyfills: []\n")
    site = tmp_path / "site"
    (site / "karten").mkdir(parents=True)
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    (site / "karten" / "15.html").write_text("a previous card", encoding="utf-8")
    before = sorted((p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file())
    with pytest.raises(BuildFailed) as failure:
        publish.publish(site, project=tiny.root, work=tmp_path / "work")
    assert failure.value.label == "offline bundle"
    assert "names no local iframe-worker shim" in failure.value.output
    after = sorted((p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file())
    assert after == before
