"""The offline bundle: `make offline` writes dist/<kurzname>-offline.zip (the handbook's short name).

The site is built with OFFLINE_BUNDLE=true (Material's offline plugin, which mkdocs.yml lists:
page addresses end in .html, the search index is a script, search runs through the engine's
copy of the iframe-worker shim; a project's own mkdocs-offline.yml is used where it has one), strictly, into a temporary
folder, then zipped below one folder named by the short name, with a short German note
on what it is and how to open it. Unzipped anywhere, index.html opens with a double click.

Files the bundle never uses are left out, which halves it: the sitemap and the
404 page (only a web server uses them), source maps, the search index as JSON
(file:// reads search_index.js), and the search's word rules for languages
other than the site's (Material ships all of lunr's).
The zip is written beside its final name and renamed when complete, so a
failed build never leaves a broken bundle behind.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

from kartenfaecher.features.suche import search_languages, used_search_file
from tools import common
from tools.common import ROOT, build, run_command

CONFIG = "mkdocs-offline.yml"
# Only a web server uses these; file:// reads the index from search_index.js.
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json"}
NOTE_NAME = "LIESMICH.txt"
NOTE = """{title}
{rule}

{description}

Öffnen: Im Ordner „{folder}“ die Datei index.html doppelt anklicken.
Alles, auch die Suche, funktioniert ohne Internetverbindung; die Seiten stellen
keine Verbindung ins Internet her. Nur Links zu anderen Websites in den Karten
brauchen eine Verbindung, wenn Sie ihnen folgen.

Eine Karte direkt öffnen: im Ordner mit ihrer Nummer die Datei index.html,
zum Beispiel 15/index.html für Karte 15.

{credit}
"""


def zip_path(project: Path = ROOT) -> Path:
    """Where `make offline` writes the bundle: dist/<short name>-offline.zip."""
    return project / "dist" / f"{common.handbook(project).short_name}-offline.zip"


def note(project: Path = ROOT) -> str:
    """The bundle's note: what the handbook is (site_name, site_description), how to open it, and
    its credit and licence (copyright, as text), from its mkdocs.yml."""
    config = common.load_config(project / "mkdocs.yml")
    title = f"{config.get('site_name') or ''} – Offline-Fassung"

    def text(value) -> str:
        return textwrap.fill(" ".join(html.unescape(re.sub(r"<[^>]*>", "", value or "")).split()), 78)

    return NOTE.format(title=title, rule="=" * len(title), description=text(config.get("site_description")),
                       folder=common.handbook(project).short_name, credit=text(config.get("copyright")))


def build_site(site_dir: Path, project: Path = ROOT) -> None:
    """The strict offline build of ``project`` into ``site_dir`` (with its mkdocs-offline.yml, if it
    has one; the engine needs none); raises BuildFailed."""
    config = CONFIG if (project / CONFIG).is_file() else "mkdocs.yml"
    build(project, site_dir, label="offline bundle", config=config, env={"OFFLINE_BUNDLE": "true"})


def used(relative: str, languages: set[str]) -> bool:
    """Whether the bundle needs this file of the built site."""
    return relative not in LEFT_OUT and used_search_file(relative, languages)


def write_zip(site_dir: Path, target: Path, project: Path = ROOT) -> None:
    """Zip the built site below one folder named by the handbook's short name, with the note;
    atomically replaces ``target``."""
    folder, languages = common.handbook(project).short_name, search_languages(site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        bundle.writestr(f"{folder}/{NOTE_NAME}", note(project))
        for path in sorted(site_dir.rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_dir() or not used(relative, languages):
                continue
            bundle.write(path, f"{folder}/{relative}")
    os.replace(partial, target)


def make_bundle(target: Path | None = None, project: Path = ROOT) -> Path:
    target = target or zip_path(project)
    with tempfile.TemporaryDirectory(prefix="ko-offline-") as scratch:
        site_dir = Path(scratch) / "site"
        build_site(site_dir, project)
        write_zip(site_dir, target, project)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="the zip to write (default dist/<kurzname>-offline.zip)")
    args = parser.parse_args(argv)

    def work() -> str:
        target = make_bundle(args.out.resolve() if args.out else None)
        shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        return f"Wrote {shown} ({target.stat().st_size / 1024:.0f} KiB)"

    return run_command("make offline", work, kept="No bundle written.")


if __name__ == "__main__":
    sys.exit(main())
