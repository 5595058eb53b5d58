"""The npm scripts the pages load ship inside the engine (kartenfaecher/vendor/), so a handbook
builds without npm; each is the file of the version package-lock.json pins, with its licence."""

from __future__ import annotations

import json

import pytest
from fontTools.ttLib import TTFont

from kartenfaecher import PACKAGE
from kartenfaecher.outputs import offline, vendor
from tools import schrift
from tools.common import ROOT

LOCK = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]


@pytest.mark.parametrize("package, source", [("qrcode-generator", "dist/qrcode.js"),
                                             ("iframe-worker", "shim/index.js")])
def test_each_vendored_script_is_the_pinned_npm_file_with_its_licence(package, source):
    shipped = PACKAGE / "vendor" / f"{package}.js"
    pinned = ROOT / "node_modules" / package / source
    assert shipped.read_bytes() == pinned.read_bytes(), f"run `make vendor`: {package} differs from npm's"
    assert LOCK[f"node_modules/{package}"]["version"] in (PACKAGE / "vendor" / "README.md").read_text("utf-8")
    licence = (PACKAGE / "vendor" / f"{package}.LICENSE").read_text(encoding="utf-8")
    assert "MIT" in licence or "Permission is hereby granted" in licence


def test_a_build_copies_the_vendored_scripts_without_node_modules(tmp_path):
    vendor.copy(tmp_path)
    assert (tmp_path / "assets/vendor/qrcode-generator.js").read_bytes() == \
        (PACKAGE / "vendor" / "qrcode-generator.js").read_bytes()
    config = {"extra": {"polyfills": ["assets/javascripts/iframe-worker.js"]}, "site_dir": str(tmp_path)}
    offline.copy_shim(config)
    assert (tmp_path / "assets/javascripts/iframe-worker.js").read_bytes() == \
        (PACKAGE / "vendor" / "iframe-worker.js").read_bytes()


def test_the_printed_typeface_is_debians_arimo_cut_as_make_vendor_cuts_it(tmp_path):
    for style in schrift.STYLES:
        shipped = PACKAGE / "vendor" / schrift.file_name(style)
        schrift.cut(schrift.SOURCE / f"Arimo-{style}.ttf", tmp_path / shipped.name)
        assert shipped.read_bytes() == (tmp_path / shipped.name).read_bytes(), f"run `make vendor`: {shipped.name}"
    licence = (PACKAGE / "vendor" / "kartenschrift.LICENSE").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Arimo" in licence


def test_the_printed_typeface_has_every_character_of_the_handbook_and_the_print_furniture():
    sources = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "mkdocs.yml", ROOT / "herausgeber.yml"]
    text = "".join(path.read_text(encoding="utf-8") for path in sources) + "→„“–…"
    for style in schrift.STYLES:
        characters = set(TTFont(PACKAGE / "vendor" / schrift.file_name(style)).getBestCmap())
        missing = {c for c in text if ord(c) >= 0x20 and ord(c) not in characters}
        assert missing == set(), f"{style}: {sorted(missing)}"


def test_a_build_copies_the_typeface_for_print(tmp_path):
    vendor.copy(tmp_path)
    for style in schrift.STYLES:
        assert (tmp_path / "assets/vendor" / schrift.file_name(style)).read_bytes() == \
            (PACKAGE / "vendor" / schrift.file_name(style)).read_bytes()
