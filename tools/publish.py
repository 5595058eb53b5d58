"""`make publish`: the whole publication in site/, the website with its downloads.

1. The website, built strictly (tools/common.build) into a work folder beside
   site/ (.build/publish/), and served on 127.0.0.1.
2. The offline bundle (tools/offline.py), the fan's PDF and the A4 sheets
   (tools/druck.py, printed by Chromium from that build), into downloads/.
3. A list of the downloads (file, bytes, pages, date of the build), and the
   website built once more with it (DOWNLOADS_MANIFEST, read by
   kartenfaecher/features/herunterladen/): the page „Herunterladen“ now names and
   links every file. The files go into that build's downloads/ folder, and
   every link of the page is checked against them.
4. Only then the new site replaces site/. Whatever fails before (a build, the
   bundle, Chromium, a missing file) fails the whole, and the previous site/
   stays as it was.

Before all of it: a draft (herausgeber.yml not complete) is refused, naming
each missing value, unless ENTWURF=1 asks for one (tools/common.refuse_draft).

The functions are also what the tests call (tests/conftest.py publishes once
per session).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kartenfaecher.features.herunterladen import FOLDER, megabytes
from tools import druck, druckerei, offline
from kartenfaecher.errors import ContentError
from tools.common import (ROOT, ChromiumMissing, DraftRefused, build, chromium, handbook, refuse_draft, run_command,
                          serve)

SITE = ROOT / "site"
WORK = ROOT / ".build" / "publish"
MANIFEST = "downloads.json"
# The download links on the page „Herunterladen“.
_LINK = re.compile(r'<a class="md-button herunterladen-datei" href="([^"]+)"[^>]*data-bytes="(\d+)"')


class PublishFailed(Exception):
    """A part of the publication failed; site/ was left as it was."""


@dataclass
class Publication:
    site: Path
    manifest: dict
    pdfs: druck.Result
    seconds: float

    def download(self, kind: str) -> Path:
        item = next(item for item in self.manifest["files"] if item["kind"] == kind)
        return self.site / FOLDER / item["file"]


def bundle_pages(bundle: Path) -> int:
    """The bundle's pages: its HTML files but the short addresses' forwards (``15/index.html``)."""
    with zipfile.ZipFile(bundle) as archive:
        return sum(1 for name in archive.namelist() if name.endswith(".html")
                   and not re.search(r"/\d+/index\.html$", name))


def manifest(downloads: Path, pdfs: druck.Result, cards: int, built: str, project: Path = ROOT) -> dict:
    """The list of downloads the page „Herunterladen“ shows."""
    def entry(kind: str, path: Path, **facts) -> dict:
        return {"kind": kind, "file": path.name, "bytes": path.stat().st_size, **facts}

    width, height = druck.card_size_mm(pdfs.fan_path)
    zip_path = downloads / offline.zip_path(project).name
    return {"built": built, "files": [
        entry("offline", zip_path, pages=bundle_pages(zip_path), cards=cards,
              folder=handbook(project).short_name),
        entry("faecher", pdfs.fan_path, pages=druck.page_count(pdfs.fan_path), size=f"{width} × {height} mm"),
        entry("a4", pdfs.a4_path, pages=druck.page_count(pdfs.a4_path), per_sheet=pdfs.sheet.per_sheet,
              upright=pdfs.sheet.upright),
        entry("druckerei", pdfs.print_path, pages=druck.page_count(pdfs.print_path), size=f"{width} × {height} mm",
              rivet=f"{druckerei.RIVET_MM:g} mm".replace(".", ",")),
    ]}


def check_links(site: Path, listed: dict) -> None:
    """Every download is linked from the page „Herunterladen“ and exists with the size the page states."""
    page = (site / "herunterladen" / "index.html").read_text(encoding="utf-8")
    linked = {href.rsplit("/", 1)[-1]: int(size) for href, size in _LINK.findall(page)}
    for item in listed["files"]:
        path = site / FOLDER / item["file"]
        if linked.get(item["file"]) != item["bytes"] or not path.is_file() or path.stat().st_size != item["bytes"]:
            raise PublishFailed(f"the page „Herunterladen“ does not link {item['file']} as it was made")


def publish(target: Path = SITE, project: Path = ROOT, work: Path = WORK, browser=None) -> Publication:
    """Build the whole publication and put it at ``target``; raises, leaving ``target`` as it was
    (DraftRefused first, before anything is built, for a draft not asked for with ENTWURF=1)."""
    start = time.perf_counter()
    refuse_draft(project)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    printed_site, final_site, downloads = work / "print", work / "site", work / FOLDER
    build(project, printed_site, label="website")
    offline.make_bundle(downloads / offline.zip_path(project).name, project)
    with serve(printed_site) as address:
        if browser is None:
            with chromium() as own:
                pdfs = druck.make(own, address, printed_site, downloads, druck.Words.of(project))
        else:
            pdfs = druck.make(browser, address, printed_site, downloads, druck.Words.of(project))
    listed = manifest(downloads, pdfs, len(druck.load_cards(printed_site)), date.today().isoformat(), project)
    (work / MANIFEST).write_text(json.dumps(listed, ensure_ascii=False, indent=1), encoding="utf-8")
    build(project, final_site, label="website with its downloads",
          env={"DOWNLOADS_MANIFEST": str(work / MANIFEST)})
    shutil.copytree(downloads, final_site / FOLDER)
    check_links(final_site, listed)
    _swap(final_site, Path(target), work / "previous")
    pdfs = druck.Result(*(Path(target) / FOLDER / p.name for p in (pdfs.fan_path, pdfs.a4_path)),
                        pdfs.cards, pdfs.pages, pdfs.sheet, Path(target) / FOLDER / pdfs.print_path.name)
    return Publication(Path(target), listed, pdfs, time.perf_counter() - start)


def _swap(new: Path, target: Path, previous: Path) -> None:
    """Put ``new`` where ``target`` is; the old one is removed only once the new one is in place."""
    if target.exists():
        target.rename(previous)
    new.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


def report(publication: Publication) -> str:
    lines = [f"Published {publication.site} in {publication.seconds:.1f} s:"]
    for item in publication.manifest["files"]:
        lines.append(f"  {FOLDER}/{item['file']:<28} {megabytes(item['bytes']):>8}  {item['pages']} pages")
    return "\n".join(lines + [druck.report(publication.pdfs)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=SITE, help=f"where to publish (default {SITE})")
    args = parser.parse_args(argv)
    return run_command("make publish", lambda: report(publish(args.site.resolve())), ContentError, DraftRefused,
                       ChromiumMissing, druck.NotPrintable, druck.silbentrennung.Missing, druckerei.GhostscriptMissing,
                       PublishFailed,
                       kept="site/ left as it was.")


if __name__ == "__main__":
    sys.exit(main())
