"""A handbook's downloads are named by its short name (kartenfaecher.kurzname), and the offline
bundle's note by what its mkdocs.yml says of it: nothing of them is Ko-Produktion's."""

from __future__ import annotations

from tools import common, druck, offline

CONFIG = """site_name: Methodenkarten für Beteiligung
site_description: Karten für Workshops mit Verwaltung und Initiativen.
copyright: >-
  Text: A. Autorin (2026),
  lizenziert unter <a href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0</a>.
theme:
  name: material
  language: de
plugins:
  - kartenfaecher:
      kurzname: mk
"""


def test_a_handbooks_files_and_bundle_are_named_by_its_short_name(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    handbook = common.handbook(tmp_path)
    assert (handbook.name, handbook.short_name) == ("Methodenkarten für Beteiligung", "mk")
    assert offline.zip_path(tmp_path) == tmp_path / "dist" / "mk-offline.zip"
    assert druck.file_names(handbook) == ("mk-faecher.pdf", "mk-a4.pdf", "mk-druckerei.pdf")
    note = offline.note(tmp_path)
    title = "Methodenkarten für Beteiligung – Offline-Fassung"
    assert note.startswith(f"{title}\n{'=' * len(title)}\n\nKarten für Workshops mit Verwaltung und Initiativen.\n")
    assert "Im Ordner „mk“ die Datei index.html doppelt anklicken." in note
    assert note.rstrip().endswith("Text: A. Autorin (2026), lizenziert unter CC BY 4.0."), note
    assert "Ko-Produktion" not in note and "<" not in note


def test_without_a_short_name_the_site_name_gives_it(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace("      kurzname: mk\n", ""), encoding="utf-8")
    assert offline.zip_path(tmp_path).name == "methodenkarten-fuer-beteiligung-offline.zip"
