"""The page „Herunterladen“: the offline bundle and the printed fan as files, and printed copies.

`make publish` (tools/publish.py) makes the downloads, writes a list of them
(file, bytes, pages, date of the build) and builds the site with that list's
path in ``kartenfaecher.downloads`` (environment variable DOWNLOADS_MANIFEST). For each
download the page says what it is for, its format, size, pages and date, and
links it. `make build` makes no downloads: then the page says so calmly and
links none (the Druckfassung, which every build has, stays).

Printed copies are ordered from the publisher: the page says so in its own
words, with ``{{ angabe("bestellung") }}`` from the publisher's file.

One folder holds the feature: this module and ``herunterladen.css`` (the table of each
download's facts), which the page loads as the part ``herunterladen`` (macros/features/teile.py)
where it has downloads. Its tests: tests/site/test_herunterladen.py (the page after `make
build`), tests/browser/test_publish.py (the page after `make publish`: links, sizes, style, axe).
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

from ...errors import ContentError
from .. import teile

# The folder of the downloads in the built site.
FOLDER = "downloads"
# Our words for each kind of download (the kinds tools/publish.py makes), in the order shown.
KINDS = {
    "offline": {
        "title": "Offline-Fassung",
        "for": "Für einen USB-Stick oder einen Rechner ohne Internet: die ganze Website mit Suche, "
               "ohne Verbindung ins Internet. Entpacken und im Ordner „{folder}“ die Datei "
               "index.html doppelt anklicken.",
        "format": "ZIP-Archiv, zu öffnen in jedem Browser",
        "extent": "{pages} Seiten, davon {cards} Karten",
    },
    "faecher": {
        "title": "Kartenfächer als PDF",
        "for": "Für die Druckerei: jede Karte auf einer eigenen Seite im Kartenformat, mit Titel- und "
               "Inhaltskarte, in der Reihenfolge des gedruckten Fächers.",
        "format": "PDF im Kartenformat ({size}), mit Tags und Lesezeichen für Screenreader",
        "extent": "{pages} Seiten",
    },
    "a4": {
        "title": "Karten auf A4 zum Ausschneiden",
        "for": "Für den Bürodrucker: drei Karten nebeneinander auf jedem A4-Blatt (quer), mit "
               "Schnittmarken. In Originalgröße (100 %) drucken und an den Marken schneiden.",
        "format": "PDF, A4 quer",
        "extent": "{pages} Seiten",
    },
}
TEXT = {
    "none": "Diese Fassung der Website enthält keine Dateien zum Herunterladen. Die Druckfassung "
            "können Sie trotzdem aus Ihrem Browser drucken.",
    "link": "{title} herunterladen",
    "format": "Format",
    "size": "Größe",
    "extent": "Umfang",
    "built": "Stand",
}


def megabytes(size: int) -> str:
    """A file size as German readers write it: "1,4 MB", "850 KB" (1 MB = 1,000,000 bytes)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} KB"


def german_date(day: str) -> str:
    """An ISO date as "30.11.2025"."""
    return date.fromisoformat(day).strftime("%d.%m.%Y")


def load(manifest: str | None) -> dict | None:
    """The list of downloads `make publish` wrote, or None when there is none (`make build`)."""
    if not manifest:
        return None
    path = Path(manifest)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ContentError(str(path), None, f"the list of downloads cannot be read ({error}).",
                           "run `make publish`, which writes it, or unset DOWNLOADS_MANIFEST.") from None


def _entry(item: dict, built: str, page_url: str) -> str:
    teile.use("herunterladen")
    words = KINDS[item["kind"]]
    href = get_relative_url(f"{FOLDER}/{item['file']}", page_url)
    facts = [(TEXT["format"], words["format"].format(size=item.get("size", ""))),
             (TEXT["size"], megabytes(item["bytes"])),
             (TEXT["extent"], words["extent"].format(**item)),
             (TEXT["built"], german_date(built))]
    rows = "\n".join(f"<dt>{name}</dt><dd>{escape(value)}</dd>" for name, value in facts)
    return (f"## {words['title']}\n\n"
            f'<p>{escape(words["for"].format(**item))}</p>\n'
            f'<dl class="herunterladen-angaben">\n{rows}\n</dl>\n'
            f'<p><a class="md-button herunterladen-datei" href="{escape(href)}" download '
            f'data-bytes="{item["bytes"]}">{TEXT["link"].format(title=words["title"])}</a></p>')


def page(options, page_url: str) -> str:
    """Every download with what it is for, or the calm note that this build has none (``options``:
    the engine's, in mkdocs.yml)."""
    manifest = load(options.get("downloads"))
    if manifest is None:
        parts = [f'<p class="herunterladen-keine">{TEXT["none"]}</p>']
    else:
        by_kind = {item["kind"]: item for item in manifest["files"]}
        parts = [_entry(by_kind[kind], manifest["built"], page_url) for kind in KINDS if kind in by_kind]
    return "\n\n".join(parts)
