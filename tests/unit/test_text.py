"""The card files: what the PDF-to-Markdown conversion left behind is mended in the sources."""

from __future__ import annotations

import re

from tools.common import ROOT


def test_conversion_artifacts_are_mended_in_the_card_files():
    cards = ROOT / "docs" / "karten"
    for path in cards.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "▶" not in text, f"{path.name}: ▶ list marks should be Markdown lists"
        assert not re.search(r"^→", text, flags=re.M), f"{path.name}: printed arrows should be macros"
        assert "\\_" not in text, f"{path.name}: escaped underscores in a URL"
        assert "Ko- Produktion" not in text, f"{path.name}: hyphenation gap"
        assert not re.search(r"\*\*\s*\n\s*\n\s*\*\*[a-zäöü]", text), f"{path.name}: bold split over lines"
        assert not re.search(r"^#{1,6} \*\*", text, flags=re.M), f"{path.name}: bold headings"
        assert not re.search(r"^# ", text, flags=re.M), f"{path.name}: the card title is the only h1"
