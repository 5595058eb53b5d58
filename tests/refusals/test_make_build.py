"""A failed `make build` leaves the previous site/ as it was (the build runs beside it)."""

from __future__ import annotations

import os

CARD_8 = "docs/karten/08-teilhabe.md"


def test_failed_make_build_leaves_the_previous_site_untouched(scratch):
    first = scratch.make_build()
    assert first.returncode == 0, first.output
    good = (scratch.path("site/karten/08-teilhabe/index.html")).read_text(encoding="utf-8")
    scratch.replace(CARD_8, "siehe(15, 16, 18)", "siehe(15, 16, 99)")
    os.utime(scratch.path(CARD_8))
    second = scratch.make_build()
    assert second.returncode != 0
    assert "card 8 refers to card 99" in second.output
    assert scratch.path("site/karten/08-teilhabe/index.html").read_text(encoding="utf-8") == good
    assert (scratch.path("site/karten.json")).exists()
