"""``karten.json``: the public data file of the fan, written after the build.

Every card with its number, title, chapter, address, references and excerpt
(its first paragraph as plain text; empty for a chapter's overview card), for
scripts and anyone who reuses the handbook.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from ..sources.registry import Registry

DATA_FILE = "karten.json"


def card_data(registry: Registry, url_of: Callable[[str], str]) -> list[dict]:
    """The content of karten.json: one entry per card, in printed order."""
    return [{
        "number": card.number,
        "title": card.title,
        "chapter": card.chapter.title,
        "url": url_of(card.src_uri),
        "refs": list(card.refs),
        "backrefs": list(card.backrefs),
        "excerpt": card.excerpt,
    } for card in registry.cards]


def write(site_dir: str | Path, data: list[dict]) -> None:
    (Path(site_dir) / DATA_FILE).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                            encoding="utf-8")
