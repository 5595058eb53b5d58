"""Ready for Material's end of life: ProperDocs builds the handbook exactly as MkDocs does.

ProperDocs (PyPI `properdocs`, pinned in requirements-test.txt) is the maintained
drop-in fork of MkDocs 1.6. Built with it, every file of the site is the same,
byte for byte, but the ``<meta name="generator">`` line of the pages (and the
gzip header of sitemap.xml.gz, which holds a time): moving is one line in the
Makefile (`mkdocs build` -> `properdocs build`).
"""

from __future__ import annotations

import gzip
import json
import re

from tools.common import ROOT, mkdocs_build

GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def comparable(path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)
    if path.name == "sw.js":
        # The worker's list hashes the pages, whose generator lines differ: compare the addresses.
        start = data.index(b"var BUILD = ") + len(b"var BUILD = ")
        end = data.index(b";\n", start)
        listed = [address for address, _ in json.loads(data[start:end])["files"]]
        return data[:start] + json.dumps(listed).encode() + data[end:]
    return GENERATOR.sub(b"", data) if path.suffix == ".html" else data


def test_properdocs_builds_the_site_identically(site, tmp_path):
    out = tmp_path / "site"
    result = mkdocs_build(ROOT, out, generator="properdocs")
    assert result.returncode == 0, result.output
    ours = {p.relative_to(site.root): p for p in site.root.rglob("*") if p.is_file()}
    theirs = {p.relative_to(out): p for p in out.rglob("*") if p.is_file()}
    assert sorted(theirs) == sorted(ours)
    differing = [str(name) for name in sorted(ours) if comparable(ours[name]) != comparable(theirs[name])]
    assert differing == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in home  # it really was ProperDocs
