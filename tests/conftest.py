"""Shared fixtures: the handbook built for real, a scratch copy to break, a browser.

Every test that looks at the site looks at a real strict build; tests that
break content do it in a copy of the project in a temporary folder.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides")
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as `make build` runs it; output is stdout and stderr together."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@dataclass
class Built:
    """A built site and ways to read it."""

    root: Path

    def page(self, url: str) -> BeautifulSoup:
        """The parsed HTML of a page by its site-relative URL ("karten/08-teilhabe/")."""
        path = self.root / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def resolve(self, from_url: str, href: str) -> str:
        """The site-relative URL a relative link on page ``from_url`` points to."""
        import posixpath
        base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
        joined = posixpath.normpath(posixpath.join(base or ".", href.split("#")[0]))
        return "" if joined == "." else joined + ("/" if href.split("#")[0].endswith("/") else "")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    """The handbook as `make build` builds it."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(out)


class Scratch:
    """A copy of the project to change and build, for the build's refusals."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        for part in PROJECT_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, root / part)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def card(self, number: int) -> Path:
        """The file of card ``number`` in the copy."""
        return next(self.root.glob(f"docs/karten/{number:02d}-*.md"))

    def replace(self, relative: str | Path, old: str, new: str) -> None:
        path = self.root / relative if isinstance(relative, str) else relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self) -> subprocess.CompletedProcess:
        result = mkdocs_build(self.root, self.root / "site")
        result.output = result.stdout + result.stderr
        return result


@pytest.fixture
def scratch(tmp_path) -> Scratch:
    return Scratch(tmp_path / "project")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, handler_class=_QuietHandler):
    """``directory`` served on 127.0.0.1 by ``handler_class``; yields the base address."""
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1, as a static host would."""
    with serve(site.root) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make browser`"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each."""
    assert AXE.exists(), "axe-core is missing: run `make test` (npm ci)"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
        return result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
    }""", WCAG_AA)
    return found
