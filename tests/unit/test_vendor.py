"""The npm scripts the pages load ship inside the engine (kartenfaecher/vendor/), so a handbook
builds without npm; each is the file of the version package-lock.json pins, with its licence."""

from __future__ import annotations

import json

import pytest

from kartenfaecher import PACKAGE
from kartenfaecher.outputs import offline, vendor
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
