"""The offline bundle: `make offline` writes dist/ko-produktion-offline.zip.

The site is built with mkdocs-offline.yml and OFFLINE_BUNDLE=true (Material's offline
plugin: page addresses end in .html, the search index is a script, search runs
through our local copy of the iframe-worker shim), strictly, into a temporary
folder, then zipped below one folder, ko-produktion/, with a short German note
on how to open it. Unzipped anywhere, index.html opens with a double click.

Files the bundle never uses are left out, which halves it: the sitemap and the
404 page (only a web server uses them), source maps, the search index as JSON
(file:// reads search_index.js), and the search's word rules for languages
other than the site's (Material ships all of lunr's).
The zip is written beside its final name and renamed when complete, so a
failed build never leaves a broken bundle behind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from macros.features.suche import search_languages, used_search_file
from tools.common import ROOT, build, run_command

CONFIG = "mkdocs-offline.yml"
ZIP = ROOT / "dist" / "ko-produktion-offline.zip"
FOLDER = "ko-produktion"
# Only a web server uses these; file:// reads the index from search_index.js.
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json"}
NOTE_NAME = "LIESMICH.txt"
NOTE = """Ko-Produktion – Offline-Fassung
================================

Ein Handlungsleitfaden für die Zusammenarbeit zwischen zivilgesellschaftlichen
Akteuren und öffentlicher Verwaltung (KoopWohl 2023), als Website zum Mitnehmen.

Öffnen: Im Ordner „ko-produktion“ die Datei index.html doppelt anklicken.
Alles, auch die Suche, funktioniert ohne Internetverbindung; die Seiten stellen
keine Verbindung ins Internet her. Nur Links zu anderen Websites in den Karten
brauchen eine Verbindung, wenn Sie ihnen folgen.

Eine Karte direkt öffnen: im Ordner mit ihrer Nummer die Datei index.html,
zum Beispiel 15/index.html für Karte 15.

Text: Vollmer, Calbet i Elias, Raab, Zanders, Kleine (2023), KoopWohl,
DOI 10.25643/bauhaus-universitaet.4954, lizenziert unter CC BY-NC-SA 4.0.
"""


def build_site(site_dir: Path, project: Path = ROOT) -> None:
    """The strict offline build of ``project`` into ``site_dir``; raises BuildFailed."""
    build(project, site_dir, label="offline bundle", config=CONFIG, env={"OFFLINE_BUNDLE": "true"})


def used(relative: str, languages: set[str]) -> bool:
    """Whether the bundle needs this file of the built site."""
    return relative not in LEFT_OUT and used_search_file(relative, languages)


def write_zip(site_dir: Path, target: Path) -> None:
    """Zip the built site below FOLDER/, with the note; atomically replaces ``target``."""
    languages = search_languages(site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        bundle.writestr(f"{FOLDER}/{NOTE_NAME}", NOTE)
        for path in sorted(site_dir.rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_dir() or not used(relative, languages):
                continue
            bundle.write(path, f"{FOLDER}/{relative}")
    os.replace(partial, target)


def make_bundle(target: Path = ZIP, project: Path = ROOT) -> Path:
    with tempfile.TemporaryDirectory(prefix="ko-offline-") as scratch:
        site_dir = Path(scratch) / "site"
        build_site(site_dir, project)
        write_zip(site_dir, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ZIP, help=f"the zip to write (default {ZIP})")
    args = parser.parse_args(argv)

    def work() -> str:
        target = make_bundle(args.out.resolve())
        shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        return f"Wrote {shown} ({target.stat().st_size / 1024:.0f} KiB)"

    return run_command("make offline", work, kept="No bundle written.")


if __name__ == "__main__":
    sys.exit(main())
