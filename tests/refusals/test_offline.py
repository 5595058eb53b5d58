"""The build refuses an offline bundle that would load its search shim from a CDN."""

from __future__ import annotations


def test_offline_build_without_the_local_shim_is_refused(tiny, monkeypatch):
    """A handbook that lists its own polyfills but not the search shim: Material would load the
    shim from a CDN. (Without the list the engine names its own: tests/engine/.)"""
    tiny.replace("mkdocs.yml", "  generator: false\n", "  generator: false\n  polyfills: []\n")
    monkeypatch.setenv("OFFLINE_BUNDLE", "true")
    result = tiny.build()
    assert result.returncode != 0
    assert "extra.polyfills names no local iframe-worker shim" in result.output
    assert "Fix: leave extra.polyfills out" in result.output
