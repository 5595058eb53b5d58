"""A failed `make build` leaves the previous site/ as it was (the build runs beside it)."""

from __future__ import annotations

import os

CARD_8 = "docs/karten/08-teilhabe.md"


def test_failed_make_build_leaves_the_previous_site_untouched(tiny):
    first = tiny.make_build()
    assert first.returncode == 0, first.output
    good = (tiny.path("site/karten/08-teilhabe/index.html")).read_text(encoding="utf-8")
    tiny.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16, 99)")
    os.utime(tiny.path(CARD_8))
    second = tiny.make_build()
    assert second.returncode != 0
    assert "card 8 refers to card 99" in second.output
    assert tiny.path("site/karten/08-teilhabe/index.html").read_text(encoding="utf-8") == good
    assert (tiny.path("site/karten.json")).exists()


def test_make_build_after_make_publish_says_that_the_downloads_are_gone(tiny):
    """`make build` makes no downloads: site/ is replaced whole, and the build says so."""
    (tiny.path("site/downloads")).mkdir(parents=True)
    (tiny.path("site/downloads/ko-produktion-faecher.pdf")).write_bytes(b"%PDF-1.7 a previous download")
    result = tiny.make_build()
    assert result.returncode == 0, result.output
    assert not tiny.path("site/downloads").exists()
    assert "site/downloads/ (ko-produktion-faecher.pdf) from the last `make publish` is gone" in result.output
    assert "`make publish` makes them again" in result.output
    again = tiny.make_build()  # nothing to say when there were none
    assert "downloads" not in again.output
