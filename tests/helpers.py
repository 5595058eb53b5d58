"""Helpers the tests share: reading a built site, projects to break and build, refusals, axe, loads.

Fixtures that hand these out live in conftest.py; what the printed handbook
says lives in expected.py.
"""

from __future__ import annotations

import functools
import http.server
import posixpath
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin
from bs4 import BeautifulSoup

from kartenfaecher import PACKAGE, THEME, texte
from kartenfaecher.outputs import CACHE
from tools.common import ROOT, engine_options, handbook, load_config, mkdocs_build

TINY = Path(__file__).parent / "data" / "tiny"
HANDBOOK_PARTS = ("mkdocs.yml", "docs", "tests/bitv")
# npm packages the build copies from (kartenfaecher/outputs/vendor.py), linked into every project.
NODE_MODULES = ROOT / "node_modules"
# A made-up publisher with every value filled in: tests/conftest.py names it for every build.
PUBLISHER = ROOT / "tests" / "data" / "herausgeber.yml"
PUBLIC_ADDRESS = "https://ko-produktion.musterbehoerde.de/"  # its `adresse`
# What `make build` needs beside the project (the venv is the real one).
MAKE_PARTS = ("Makefile", "requirements.txt", "requirements-test.txt", "constraints.txt", "package.json",
              "package-lock.json", "kartenfaecher/pyproject.toml")
BUILD_TIMEOUT = 300
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The one place the card format is set (its @page rule).
# Every page that is not a card (the cards: the `cards` fixture), as a reader's address below the site.
OTHER_PAGES = ["", "inhalt/", "checklisten/", "herunterladen/", "auswahl/", "vorfuehren/", "druckfassung/",
               "leichte-sprache/", "datenschutz/", "barrierefreiheit/", "404.html"]
DRUCK_CSS = PACKAGE / "features" / "druck" / "druck.css"
FEATURES = PACKAGE / "features"  # a feature's folder holds its script and style


@functools.lru_cache(maxsize=1)
def handbook_texts() -> texte.Texts:
    """The handbook's interface texts (kartenfaecher/texte.py), as its build reads them."""
    return texte.load(handbook(), engine_options(load_config(ROOT / "mkdocs.yml")).get("texte"))


def as_built(source: Path) -> str:
    """A script or stylesheet of ours as the handbook's build reads it: a script with its texts
    written in (kartenfaecher/texte.py)."""
    text = source.read_text(encoding="utf-8")
    return handbook_texts().fill(str(source), text) if source.suffix == ".js" else text


# -- a built site -------------------------------------------------------------------------


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
        base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
        joined = posixpath.normpath(posixpath.join(base or ".", href.split("#")[0]))
        return "" if joined == "." else joined + ("/" if href.split("#")[0].endswith("/") else "")

    def loads(self, url: str) -> list[str]:
        """The site-relative paths of the stylesheets and scripts a page loads, in its order."""
        page = self.page(url)
        return [self.resolve(url, tag.get("href") or tag["src"])
                for tag in page.select("link[rel=stylesheet], script[src]")]

    def sources_loaded(self, url: str) -> list[str]:
        """Which of our source files (the theme's assets/css, a feature folder's: by their path from
        the project's top) a page loads, found by their minified text in the bundles and joined
        files it loads: what the reader gets."""
        loaded = "\n".join((self.root / path).read_text(encoding="utf-8") for path in self.loads(url)
                            if path.startswith(("assets/css/", "assets/js/")))
        found = []
        for source in sorted([*(THEME / "assets").glob("*/*.*"), *FEATURES.glob("*/*.[cj]s*")]):
            text = as_built(source)
            minified = rjsmin.jsmin(text).rstrip(";") if source.suffix == ".js" else rcssmin.cssmin(text)
            # A stylesheet's print rules travel apart (site-print): its first screen rule tells it.
            probe = minified if source.suffix == ".js" else minified.split("@media print", 1)[0][:200]
            if probe and probe in loaded:
                found.append(source.relative_to(THEME if source.is_relative_to(THEME) else PACKAGE.parent).as_posix())
        return found


class SwappableSite:
    """One origin whose files can be swapped for another build's, like a redeploy."""

    def __init__(self):
        self.root = None
        holder = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(holder.root), **kwargs)

            def end_headers(self):
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- projects to change and build ------------------------------------------------------------


class Project:
    """A project in a temporary folder, to change and build: a copy of the handbook, or the tiny one."""

    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def handbook(cls, root: Path) -> Project:
        """A copy of the whole handbook, for what needs its real cards."""
        root.mkdir(parents=True)
        for part in HANDBOOK_PARTS:
            source = ROOT / part
            if source.is_dir():  # tests/bitv: the table the accessibility statement is made from
                shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, root / part)
        (root / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
        return cls(root)

    @classmethod
    def tiny(cls, root: Path, kept: Path | None = None) -> Project:
        """tests/data/tiny (ten cards, the real configuration's checks; the installed engine); with
        ``kept``, what an earlier build of it kept for the next (its ``.cache/``)."""
        shutil.copytree(TINY, root)
        (root / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
        if kept:
            shutil.copytree(kept, root / CACHE)
        return cls(root)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def card(self, number: int) -> Path:
        """The file of card ``number`` in the project."""
        return next(self.root.glob(f"docs/karten/{number:02d}-*.md"))

    def replace(self, relative: str | Path, old: str, new: str) -> None:
        path = self.root / relative if isinstance(relative, str) else relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self, **options) -> subprocess.CompletedProcess:
        """The strict build into site/ (tools.common.mkdocs_build); ``output`` holds what it printed."""
        return mkdocs_build(self.root, self.root / "site", timeout=BUILD_TIMEOUT, **options)

    def make_build(self, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """`make build` in the project, with the real virtual env."""
        for name in MAKE_PARTS:
            if not (self.root / name).exists():
                (self.root / name).parent.mkdir(exist_ok=True)
                shutil.copy2(ROOT / name, self.root / name)  # keeps the times: the venv counts as ready
        result = subprocess.run(["make", "-s", "build", f"VENV={ROOT / '.venv'}"], cwd=self.root, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                timeout=BUILD_TIMEOUT)
        result.output = result.stdout
        return result


# -- refusals --------------------------------------------------------------------------------


def line_of(path: Path, needle: str) -> int:
    """The number of the first line of ``path`` that holds ``needle``."""
    for number, text in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def assert_refused(result, *fragments: str) -> None:
    """The build failed, and its output holds every fragment (file:line: problem, fix)."""
    assert result.returncode != 0, "the build should have failed:\n" + result.output
    for fragment in fragments:
        assert fragment in result.output, f"{fragment!r} missing from:\n{result.output}"


# -- what the build writes beside the pages -------------------------------------------------


def csp_headers(site) -> dict[str, str]:
    """The headers _headers sets for every path (/*)."""
    lines = (site.root / "_headers").read_text(encoding="utf-8").splitlines()
    start = lines.index("/*")
    headers = {}
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        name, value = line.strip().split(": ", 1)
        headers[name] = value
    return headers


def card_format_mm() -> tuple[float, float]:
    """Width and height of a card as the print stylesheet's @page rule sets them."""
    css = DRUCK_CSS.read_text(encoding="utf-8")
    sizes = re.findall(r"@page\s*{[^}]*?\bsize:\s*([\d.]+)mm\s+([\d.]+)mm", css)
    assert len(sizes) == 1, "druck.css must set the card format in exactly one @page rule"
    return float(sizes[0][0]), float(sizes[0][1])


# -- in the browser ---------------------------------------------------------------------------


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each."""
    assert AXE.exists(), "axe-core is missing: run `make test` (npm ci)"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
        return result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
    }""", WCAG_AA)
    return found


def qr_text(page, selector: str) -> str:
    """The text of the QR code drawn by the SVG at ``selector``, read back with zxing-cpp.

    The browser draws the SVG onto a canvas (no request) and hands over its grey pixels.
    """
    import zxingcpp

    pixels = page.evaluate("""async (selector) => {
        const svg = document.querySelector(selector).cloneNode(true);
        const size = 600, quiet = 40;
        svg.setAttribute("width", size);
        svg.setAttribute("height", size);
        const image = new Image();
        image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(svg));
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = size + 2 * quiet;
        const context = canvas.getContext("2d");
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, quiet, quiet, size, size);
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const grey = [];
        for (let i = 0; i < data.length; i += 4) grey.push(data[i]);
        return {width: canvas.width, grey};
    }""", selector)
    width = pixels["width"]
    image = memoryview(bytes(pixels["grey"])).cast("B", (width, width))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, f"no readable QR code at {selector}"
    return found[0].text


# Init scripts for a browser context whose storage keeps nothing: blocked (reading throws,
# as in a locked-down browser) or full (every write throws).
BLOCKED = """Object.defineProperty(window, "localStorage", {
  configurable: true, get() { throw new DOMException("Access denied", "SecurityError"); }
});"""
FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""


def store_selection(page, numbers: list[int]) -> None:
    """Kept with „Merken“ as the browser keeps it, in the page's origin (the page must be open)."""
    page.evaluate("""numbers => localStorage.setItem("ko-produktion.auswahl.v1", JSON.stringify({version: 1,
        karten: numbers.map(n => ({karte: n, adresse: "", titel: ""}))}))""", numbers)


def our_dialog(page):
    """The site's own modal dialog while open (Material's search box has the role dialog too)."""
    return page.locator("dialog.dialog[open]")


def search_results(page, query: str, timeout: float = 30000) -> list[str]:
    """The addresses of the results for ``query``, best first, as the search field shows them.

    The field is filled at once, not typed: Material searches on every key, so typed text
    shows the results of its first letters until the last key's results arrive, and a test
    that reads the first results it sees may read a prefix's. A fill is one input without a
    key, which suche-einfuegen.js answers with one keyup: one query, the whole text."""
    field = page.locator(".md-search__input")
    field.click()
    field.fill(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=timeout)
    return page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")


def settled(page) -> None:
    """Until the fan has opened and every transition (a card lifted or laid back) has ended.

    The opening animation's clock starts at the first frame drawn, which comes late on a busy
    machine: a fixed wait may look at cards still stacked."""
    page.evaluate("""() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
        .then(() => Promise.all(document.getAnimations()
            .filter(a => a.animationName === "faecher-oeffnen" || a instanceof CSSTransition)
            .map(a => a.finished.catch(() => null))))""")


def card_number(page) -> int:
    """The number of the card the page shows, read from its heading."""
    return int(re.sub(r"\D", "", page.locator("article h1 .karte-nummer").inner_text()))


def every_page(cards) -> list[str]:
    """Every page of the site, as a reader's address below it: those that are not cards, then the cards."""
    return OTHER_PAGES + [card["url"] for card in cards]


def with_checklists(site, cards) -> list[str]:
    """The addresses of the cards with checklists (and so note fields), in printed order."""
    return [card["url"] for card in cards
            if "data-checkliste" in (site.root / card["url"] / "index.html").read_text(encoding="utf-8")]


def a_card_of_each_chapter(cards) -> list[str]:
    """The addresses of one card of each chapter (its last), in printed order."""
    return list({card["chapter"]: card["url"] for card in cards}.values())


def bitv_sample(site, cards) -> list[str]:
    """The pages a BITV test would take as its sample: every page that is not a card, one card of
    each chapter (the cards share one template, the chapter's fan and sidebar differ), every card
    with checklists and note fields (controls only they have) and the card with the longest title
    (the header repeats it). For the tests that read a page's layout at great cost; those that look
    for what a card's own words could break (tests/browser/test_reflow.py at 320 px) open them all."""
    longest = max(cards, key=lambda card: len(card["title"]))["url"]
    return OTHER_PAGES + list(dict.fromkeys([*a_card_of_each_chapter(cards), *with_checklists(site, cards), longest]))


def new_context(browser, **options):
    """A fresh browser context (``options`` as Playwright's) for a test of pages: without the app's
    service worker. With it, the first page of every context registers sw.js, which fetches and
    checks every file of the site (about 150 requests, 3.7 MB) from the test's own server while
    the test runs: work no test of a page looks at, and a load on the machine beside it. The worker is
    tested where it is the subject (test_app.py, through nginx in test_nginx.py), and where every
    request must stay on the site it runs too (test_datenschutz.py, test_csp.py)."""
    return browser.new_context(**{"service_workers": "block", **options})


def found_on_every_page(browser, server, urls: list[str], look, **context) -> dict[str, object]:
    """What ``look(page)`` finds on each of ``urls``, opened one after another in one browser
    context made with ``context``; a page where it finds nothing is left out."""
    opened = new_context(browser, **context)
    page, found = opened.new_page(), {}
    for url in urls:
        page.goto(server + url)
        if seen := look(page):
            found[url or "/"] = seen
    opened.close()
    return found


# -- what a built site makes a browser load ------------------------------------------------------
#
# Every load must come from the site itself. A load is what a browser fetches by
# itself to show a page: scripts, stylesheets, icons, preloads, images, frames,
# media, CSS imports, fonts and other url() values. Links (<a href>, canonical,
# prev/next) are not loads.

# <link rel=…> values that make the browser fetch the href.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
# Elements and their attributes that load a resource.
LOADING_ATTRS = {"script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"],
                 "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
                 "track": ["src"], "embed": ["src"], "object": ["data"], "input": ["src"],
                 "image": ["href", "xlink:href"], "use": ["href", "xlink:href"]}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""", re.I)


def is_foreign(url: str) -> bool:
    """Whether a URL leaves the site: absolute http(s) or protocol-relative."""
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))


def css_loads(css: str) -> list[str]:
    return [m.group(2) for m in CSS_URL.finditer(css)] + [m.group(1) for m in CSS_IMPORT.finditer(css)]


def html_loads(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for link in soup.find_all("link"):
        rels = {r.lower() for r in (link.get("rel") or [])}
        if rels & LOADING_RELS and link.get("href"):
            found.append(link["href"])
    for tag, attributes in LOADING_ATTRS.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value:
                    found += [part.strip().split(" ")[0] for part in value.split(",")] \
                        if attribute == "srcset" else [value]
    for style in soup.find_all("style"):
        found += css_loads(style.get_text())
    for element in soup.find_all(style=True):
        found += css_loads(element["style"])
    return found


def foreign_loads(root: Path) -> list[str]:
    """Every load in the site's HTML and CSS files that goes to another host."""
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".html":
            loads = html_loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            loads = css_loads(path.read_text(encoding="utf-8"))
        else:
            continue
        problems += [f"{path.relative_to(root)}: {url}" for url in loads if is_foreign(url)]
    return problems
