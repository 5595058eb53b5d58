"""The build refuses an offline bundle that would load its search shim from a CDN."""

from __future__ import annotations


def test_offline_build_without_the_local_shim_is_refused(tiny, monkeypatch):
    """Building with the offline plugin but not mkdocs-offline.yml would load the shim from a CDN."""
    monkeypatch.setenv("OFFLINE_BUNDLE", "true")
    result = tiny.build()
    assert result.returncode != 0
    assert "extra.polyfills names no local iframe-worker shim" in result.output
    assert "make offline" in result.output
