"""A second card handbook, made from nothing but content: docs/ and mkdocs.yml in a temporary
folder, nothing copied from Ko-Produktion, the engine installed from this repository as a
package (a wheel, not the editable checkout: so its texts, theme and scripts must travel as
package data). It builds strictly, and in Chromium its fan, references, backlinks, checklist
and shared selection work, and nothing of it names Ko-Produktion."""

from __future__ import annotations

import re
import zipfile
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import new_context, search_results
from tools import druck, offline
from tools.common import ROOT, build, serve

CHAPTERS = [("ankommen", "Ankommen", "#1d5b79"), ("gestalten", "Gestalten", "#7b2d26"),
            ("auswerten", "Auswerten", "#3d5a1e")]
TITLES = ["Ankommen", "Erwartungen sammeln", "Regeln vereinbaren", "Rollen verteilen",
          "Gestalten", "Ideen finden", "Entscheiden", "Aufgaben planen",
          "Auswerten", "Rückblick halten", "Wirkung beschreiben", "Weitergeben"]
CONFIG = """site_name: Methodenkarten Beteiligung
site_description: Zwölf Karten für Workshops mit Verwaltung und Nachbarschaft.
site_author: Beispielteam Beteiligung
site_url: https://methoden.example.org/
copyright: Text CC BY 4.0, Beispielteam Beteiligung
theme:
  name: material
  language: de
  font: false
  palette:
    - scheme: default
      primary: custom
plugins:
  - search:
      lang: de
  - macros:
      modules: [kartenfaecher.makros]
      on_error_fail: true
      on_undefined: strict
      render_by_default: false
  - kartenfaecher:
      kurzname: methoden
      sprache: de
      kapitel:
{chapters}
      titelkarte:
        untertitel: Zwölf Karten für Workshops
        projekt: Beispielprojekt
        projekt_titel: Nachbarschaft gestalten
  - offline:
      enabled: !ENV [OFFLINE_BUNDLE, false]
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: false
  - pymdownx.tasklist:
      custom_checkbox: true
      clickable_checkbox: true
not_in_nav: |
  /druckfassung.md
nav:
  - Start: index.md
  - karten/
  - Alle Karten: inhalt.md
  - Checklisten: checklisten.md
  - Meine Auswahl: auswahl.md
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("ü", "ue")).strip("-")


def write_handbook(root: Path) -> None:
    root.mkdir(parents=True)
    chapters = "\n".join(f"        - {{id: {id_}, titel: {title}, farbe: '{colour}'}}"
                         for id_, title, colour in CHAPTERS)
    (root / "mkdocs.yml").write_text(CONFIG.format(chapters=chapters), encoding="utf-8")
    docs = root / "docs"
    (docs / "karten").mkdir(parents=True)
    pages = {"index.md": "---\ntitle: Start\n---\n\n{{ faecher() }}\n\nBeginnen Sie mit {{ karte(1) }}.\n",
             "inhalt.md": "---\ntitle: Alle Karten\n---\n\n# Alle Karten\n\n{{ inhaltsverzeichnis() }}\n",
             "checklisten.md": "---\ntitle: Checklisten\n---\n\n# Checklisten\n\n{{ alle_checklisten() }}\n",
             "auswahl.md": "---\ntitle: Meine Auswahl\n---\n\n# Meine Auswahl\n\n{{ meine_auswahl() }}\n",
             "druckfassung.md": "---\ntitle: Druckfassung\n---\n\n{{ druckfassung() }}\n"}
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    for number, title in enumerate(TITLES, start=1):
        chapter = CHAPTERS[(number - 1) // 4][0]
        if (number - 1) % 4 == 0:  # a chapter's first card shows its cards
            body = "{{ kapitel_karten() }}\n"
        else:
            body = (f"Was diese Karte zu „{title}“ sagt, in zwei Sätzen. Sie führt weiter.\n\n"
                    f"{{{{ siehe({number % 12 + 1}) }}}}\n")
        if number == 3:
            body += ('\n!!! checkliste "Checkliste"\n\n    - [ ] Sind die **Regeln** allen bekannt?\n'
                     "    - [ ] Wer achtet darauf?\n")
        (docs / "karten" / f"{number:02d}-{slug(title)}.md").write_text(
            f"---\nkarte: {number}\ntitel: \"{title}\"\nkapitel: {chapter}\n---\n\n{body}", encoding="utf-8")


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Path:
    """The engine installed from a wheel of this repository, put first on the import path of every
    build of this module (tools.common's builds add to the environment they run in)."""
    root = tmp_path_factory.mktemp("zweites-handbuch")
    write_handbook(root / "handbuch")
    # Built from a copy: setuptools writes its build/ into the folder it builds.
    source = root / "quelle"
    shutil.copytree(ROOT / "kartenfaecher", source, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    wheel = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                            "--wheel-dir", str(root / "wheel"), str(source)],
                           capture_output=True, text=True, timeout=120)
    assert wheel.returncode == 0, wheel.stderr
    installed = root / "engine"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(installed),
                          *map(str, (root / "wheel").glob("*.whl"))], capture_output=True, text=True, timeout=120)
    assert pip.returncode == 0, pip.stderr
    with pytest.MonkeyPatch.context() as patch:
        # The installed wheel first: the checkout's editable engine stays out of these builds.
        patch.setenv("PYTHONPATH", str(installed))
        patch.delenv("HERAUSGEBER", raising=False)  # no publisher's file: a draft, as a new handbook is
        found = subprocess.run([sys.executable, "-c", "import kartenfaecher; print(kartenfaecher.__file__)"],
                               capture_output=True, text=True).stdout
        assert found.startswith(str(installed)), found
        yield root


@pytest.fixture(scope="module")
def second(engine) -> Path:
    """The second handbook, built strictly."""
    build(engine / "handbuch", engine / "handbuch" / "site", label="the second handbook")
    return engine / "handbuch" / "site"


def test_only_docs_and_mkdocs_yml_and_nothing_names_ko_produktion(second):
    project = second.parent
    assert sorted(p.name for p in project.iterdir() if p.name not in ("site", ".cache")) == ["docs", "mkdocs.yml"]
    named = [str(path.relative_to(second)) for path in second.rglob("*")
             if path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".webmanifest", ".txt", ".xml")
             and re.search(r"ko-?produktion|koopwohl", path.read_text(encoding="utf-8", errors="replace"), re.I)]
    assert named == []
    manifest = (second / "manifest.webmanifest").read_text(encoding="utf-8")
    assert '"name": "Methodenkarten Beteiligung"' in manifest and '"lang": "de"' in manifest
    assert len(list((second / "karten").glob("*/index.html"))) == 12


def test_fan_references_backlinks_tick_and_shared_selection_in_chromium(second, browser):
    with serve(second) as address:
        context = new_context(browser, viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(address)
            page.locator(".faecher--an").first.wait_for()  # the fan is set up
            expect(page.locator(".faecher-karte")).to_have_count(12)
            page.goto(address + "karten/02-erwartungen-sammeln/")
            page.locator(".karte-verweise a", has_text="Regeln vereinbaren").click()  # → 3
            expect(page.locator("h1")).to_contain_text("Regeln vereinbaren")
            expect(page.locator(".karte-rueckverweise a", has_text="Erwartungen sammeln")).to_be_visible()
            box = page.locator(".task-list-control").first
            box.click()
            page.reload()
            expect(page.locator(".task-list-control input").first).to_be_checked()
            assert page.evaluate("Object.keys(localStorage).some(k => k.startsWith('methoden.checklisten'))")
            page.get_by_role("button", name="Merken").click()
            page.goto(address + "auswahl/")
            page.get_by_role("button", name="Als Link und QR-Code teilen").click()
            link = page.locator("#auswahl-link").input_value()
            assert "#teilen=" in link
            other = new_context(browser).new_page()
            other.goto(link.replace("https://methoden.example.org/", address))
            expect(other.get_by_role("dialog", name="Auswahl übernehmen?")).to_contain_text("Regeln vereinbaren")
            other.context.close()
        finally:
            context.close()


def test_its_offline_bundle_searches_from_file_urls_and_its_pdf_names_it_alone(engine, second, browser, tmp_path):
    project = engine / "handbuch"
    bundle = offline.make_bundle(project=project)
    assert bundle == project / "dist" / "methoden-offline.zip"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
        assert "Methodenkarten Beteiligung – Offline-Fassung" in archive.read("methoden/LIESMICH.txt").decode()
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto((tmp_path / "methoden" / "index.html").as_uri())
        found = search_results(page, "Regeln")
        assert found[0].startswith("file://") and "03-regeln-vereinbaren" in found[0], found
    finally:
        context.close()
    with serve(second) as address:
        pdfs = druck.make(browser, address, second, tmp_path / "pdf", druck.Words.of(project))
    assert [pdfs.fan_path.name, pdfs.a4_path.name] == ["methoden-faecher.pdf", "methoden-a4.pdf"]
    for pdf in (pdfs.fan_path, pdfs.a4_path):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Regeln vereinbaren" in text and not re.search(r"ko-?produktion|koopwohl", text, re.I)
