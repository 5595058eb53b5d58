"""Files the build adds to the site: ``karten.json`` and the short addresses.

``karten.json`` is the public data file of the fan: every card with its number,
title, chapter, address, references and excerpt (its first paragraph as plain
text; empty for a chapter's overview card), for scripts and anyone who reuses
the handbook. The short address ``/15/`` forwards to card 15, for links in emails
and on printed cards; it is a plain HTML page, so it works on any static host
and from the offline bundle.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path
from typing import Callable

from .registry import Registry

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


def short_address_page(number: int, title: str, target: str) -> str:
    """The page at /<number>/: forwards at once, and shows a link if it cannot."""
    label = html.escape(f"Karte {number}: {title}")
    href = html.escape(target, quote=True)
    return ("<!doctype html>\n"
            '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{label}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{href}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            "</head>\n<body>\n"
            f'<p>Weiter zu <a href="{href}">{label}</a></p>\n'
            "</body>\n</html>\n")


def write(site_dir: str | Path, registry: Registry, url_of: Callable[[str], str]) -> None:
    site = Path(site_dir)
    data = card_data(registry, url_of)
    (site / DATA_FILE).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                  encoding="utf-8")
    for entry in data:
        folder = site / str(entry["number"])
        folder.mkdir(parents=True, exist_ok=True)
        # Relative, so the forward works below any base path and from file://.
        target = posixpath.relpath(entry["url"] or ".", str(entry["number"]))
        if entry["url"].endswith("/"):
            target += "/"
        (folder / "index.html").write_text(
            short_address_page(entry["number"], entry["title"], target), encoding="utf-8")
