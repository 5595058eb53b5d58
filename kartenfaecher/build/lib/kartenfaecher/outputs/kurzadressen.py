"""The short addresses: ``/15/`` forwards to card 15, written after the build.

For links in emails and on printed cards (the QR code of a printed card leads
here). Each is a plain HTML page, so it works on any static host and from the
offline bundle.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from .. import build


def short_address_page(number: int, title: str, target: str, language: str) -> str:
    """The page at /<number>/: forwards at once, and shows a link if it cannot."""
    label = html.escape(build.text("kurzadresse.karte", nummer=number, titel=title))
    href = html.escape(target, quote=True)
    link = f'<a href="{href}">{label}</a>'
    return ("<!doctype html>\n"
            f'<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{label}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{href}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            "</head>\n<body>\n"
            f"<p>{build.html('kurzadresse.weiter', link=link)}</p>\n"
            "</body>\n</html>\n")


def write(site_dir: str | Path, cards: list[dict], language: str) -> None:
    """One forwarding page per card; ``cards`` are karten.json's entries (number, title, url);
    ``language``: the handbook's."""
    site = Path(site_dir)
    for entry in cards:
        folder = site / str(entry["number"])
        folder.mkdir(parents=True, exist_ok=True)
        # Relative, so the forward works below any base path and from file://.
        target = posixpath.relpath(entry["url"] or ".", str(entry["number"]))
        if entry["url"].endswith("/"):
            target += "/"
        (folder / "index.html").write_text(
            short_address_page(entry["number"], entry["title"], target, language), encoding="utf-8")
