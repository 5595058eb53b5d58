"""Which of Material's search files a build uses: shared by the offline zip and the app's cache.

Material ships lunr's word rules for every language; a build needs only those of
the languages its index names, plus the support every language needs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

LUNR = "assets/javascripts/lunr/"
# Word rules every language needs (stemmer support), or several languages together (multi).
LUNR_ALWAYS = {"lunr.stemmer.support", "lunr.multi"}


def search_languages(site_dir: str | Path) -> set[str]:
    """The languages the search plugin indexes in, from the built index (JSON or, offline, JS)."""
    site = Path(site_dir)
    index = site / "search" / "search_index.json"
    if not index.exists():  # the offline build writes the index as a script
        text = (site / "search" / "search_index.js").read_text(encoding="utf-8")
        return set(json.loads(text[text.index("{"):text.rindex("}") + 1])["config"]["lang"])
    return set(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])


def used_search_file(relative: str, languages: set[str]) -> bool:
    """Whether a file below the site (``relative``, with /) is needed by its search."""
    if relative.endswith(".map"):
        return False
    if relative.startswith(LUNR):
        name = re.sub(r"(\.min)?\.js$", "", relative.rsplit("/", 1)[-1])
        return name in LUNR_ALWAYS or name.removeprefix("lunr.") in languages
    return True
