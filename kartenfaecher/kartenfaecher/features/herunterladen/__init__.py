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
download's facts), which the page loads as the part ``herunterladen`` (kartenfaecher/features/teile.py)
where it has downloads. Its tests: tests/site/test_herunterladen.py (the page after `make
build`), tests/browser/test_publish.py (the page after `make publish`: links, sizes, style, axe).
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

from ...build import html, text
from ...errors import ContentError
from .. import teile

# The folder of the downloads in the built site.
FOLDER = "downloads"
# The kinds of download tools/publish.py makes, in the order shown, with their texts (kartenfaecher/
# texte/): title, what it is for, format, extent.
KINDS = {
    "offline": ("herunterladen.offlineTitel", "herunterladen.offlineFuer", "herunterladen.offlineFormat",
                "herunterladen.offlineUmfang"),
    "faecher": ("herunterladen.faecherTitel", "herunterladen.faecherFuer", "herunterladen.faecherFormat",
                "herunterladen.faecherUmfang"),
    "a4": ("herunterladen.a4Titel", "herunterladen.a4Fuer", "herunterladen.a4Format", "herunterladen.a4Umfang"),
    "druckerei": ("herunterladen.druckereiTitel", "herunterladen.druckereiFuer", "herunterladen.druckereiFormat",
                  "herunterladen.druckereiUmfang"),
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
    title_key, for_key, format_key, extent_key = KINDS[item["kind"]]
    values = {"ordner": item.get("folder", ""), "groesse": item.get("size", ""), "seiten": item.get("pages", ""),
              "karten": item.get("cards", ""), "jeBogen": item.get("per_sheet", ""), "niete": item.get("rivet", ""),
              "lage": text("herunterladen.hoch" if item.get("upright") else "herunterladen.quer")}
    title = text(title_key)
    href = get_relative_url(f"{FOLDER}/{item['file']}", page_url)
    facts = [(text("herunterladen.format"), text(format_key, **values)),
             (text("herunterladen.groesse"), megabytes(item["bytes"])),
             (text("herunterladen.umfang"), text(extent_key, **values)),
             (text("herunterladen.stand"), german_date(built))]
    rows = "\n".join(f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in facts)
    return (f"## {title}\n\n"
            f'<p>{escape(text(for_key, **values))}</p>\n'
            f'<dl class="herunterladen-angaben">\n{rows}\n</dl>\n'
            f'<p><a class="md-button herunterladen-datei" href="{escape(href)}" download '
            f'data-bytes="{item["bytes"]}">{html("herunterladen.link", titel=escape(title))}</a></p>')


def page(options, page_url: str) -> str:
    """Every download with what it is for, or the calm note that this build has none (``options``:
    the engine's, in mkdocs.yml)."""
    manifest = load(options.get("downloads"))
    if manifest is None:
        parts = [f'<p class="herunterladen-keine">{html("herunterladen.keine")}</p>']
    else:
        by_kind = {item["kind"]: item for item in manifest["files"]}
        parts = [_entry(by_kind[kind], manifest["built"], page_url) for kind in KINDS if kind in by_kind]
    return "\n\n".join(parts)
