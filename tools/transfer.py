"""What a page costs a reader's browser: `make bench` (after the build times), or alone.

1. Bytes a card page transfers on first load (HTML, CSS, JavaScript, fonts,
   images), as Chromium fetches them from a local server that compresses with
   gzip like any web server does: the handbook's card 8 (a topic card with
   references, backlinks and defined terms) beside the same page built by a
   default Material configuration (the plain build `make bench` times too). The
   target for ours is at most 80 KB, without the search index and the search
   worker, which grow with the text; those are reported on their own, with
   what loads when search is first used.
2. The home page's fan opening, at normal speed and with the CPU slowed
   down four times (a modest phone): the time faecher.js takes to set up the
   fan and the page layout it reads the fan's width from (User Timing marks
   it sets; without the fan, Material's bundle would force that layout a
   moment later), and the long tasks (PerformanceObserver, entry type
   "longtask": Chromium reports tasks over 50 ms) in which the fan is set up,
   drawn and opens. For comparison: the longest task of the same page loaded
   without faecher.js (Material's start and the page's first layout). Each is measured over several loads: on a
   busy machine single figures say little.

Bytes are counted by the server as it sends them: status line, headers and
the (compressed) body of every response the page asked for. The browser is Debian's Chromium;
nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tools import common

CARD_PAGE = "karten/08-teilhabe/"
HOME_PAGE = ""
TARGET_KB = 80
# Our own files on a card page (every page's: the previews, the Merken button, search on demand).
OUR_ASSETS = ("assets/css/", "assets/js/")
OUR_BUDGET_KB = 8
LONG_TASK_MS = 50
SLOWDOWN = 4
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}


# -- a static server that compresses like a web server -------------------------------


class _Counting:
    """A response stream that counts the bytes written to it (headers and body)."""

    def __init__(self, raw, add):
        self._raw, self._add = raw, add

    def write(self, data):
        self._add(len(data))
        return self._raw.write(data)

    def __getattr__(self, name):
        return getattr(self._raw, name)


class GzipHandler(common.QuietHandler):
    """Serves a folder; text files gzip-compressed when the browser accepts it.

    ``sent`` counts the bytes sent per requested path (status line, headers, body).
    """

    _cache: dict[str, bytes] = {}
    sent: dict[str, int]

    def setup(self):
        super().setup()
        self.wfile = _Counting(self.wfile, self._count)

    def _count(self, size: int) -> None:
        path = getattr(self, "path", "?").lstrip("/")
        self.sent[path] = self.sent.get(path, 0) + size

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and Path(path).suffix in COMPRESSIBLE):
            return super().do_GET()
        body = self._cache.get(path)
        if body is None:
            body = self._cache[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve(folder: Path):
    """``folder`` served with compression on 127.0.0.1; yields its address and byte counts."""
    counting = type("Handler", (GzipHandler,), {"sent": {}})
    with common.serve(folder, counting) as address:
        yield address, counting.sent


# -- measuring in Chromium ------------------------------------------------------------


@dataclass
class Transfer:
    url: str
    kind: str
    size: int  # bytes the server sent: status line, headers, compressed body

    @property
    def search(self) -> bool:
        """The search index, the search worker and what the worker loads (lunr languages)."""
        return self.url.startswith("search/") or "/workers/" in self.url or "/lunr/" in self.url


def _transfers(requests, base: str, sent: dict[str, int]) -> list[Transfer]:
    found = []
    for request in requests:
        if request.url.startswith(base):
            path = request.url[len(base):]
            found.append(Transfer(path or "/", request.resource_type, sent.get(path, 0)))
    return found


def page_transfers(browser, base: str, sent: dict[str, int],
                   page_url: str) -> tuple[list[Transfer], list[Transfer]]:
    """What ``page_url`` loads until the network is idle, then what first use of search adds.

    A fresh browser context, so nothing comes from a cache.
    """
    context = browser.new_context()
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    sent.clear()
    page.goto(base + page_url, wait_until="load")
    page.wait_for_load_state("networkidle")
    first = _transfers(finished, base, sent)
    finished.clear()
    sent.clear()
    page.locator(".md-search__input").click()
    page.keyboard.type("Legitimation")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    search = _transfers(finished, base, sent)
    context.close()
    return first, search


LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({type: "longtask", buffered: true});
"""

OPENING_MS = 700  # the fan's first drawing and its opening animation (0.5 s)
LOADS = 3         # loads per measurement; the median and the worst are reported


@dataclass
class FanTiming:
    """Loads of the home page: the fan script's own time and the long tasks around it."""

    script_ms: list[float]       # faecher.js setting up the fans, per load
    layout_ms: list[float]       # the page layout it reads the fans' widths from
    opening: list[list[float]]   # long tasks that started while the fan was drawn and opened
    baseline: list[list[float]]  # long tasks of the same page loaded without faecher.js


def _load_home(browser, base: str, slowdown: int, without_fan: bool = False) -> dict:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    if slowdown > 1:
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    if without_fan:
        page.route("**/faecher.js", lambda route: route.abort())
    page.add_init_script(LONG_TASKS)
    page.goto(base + HOME_PAGE, wait_until="load")
    if not without_fan:
        page.locator(".faecher--an").wait_for(state="attached")
    page.wait_for_timeout(OPENING_MS + 500)
    result = page.evaluate("""() => ({
        tasks: window.__longTasks,
        marks: Object.fromEntries(performance.getEntriesByType("mark").map(m => [m.name, m.startTime])),
    })""")
    context.close()
    return result


def fan_timing(browser, base: str, slowdown: int = 1, loads: int = LOADS) -> FanTiming:
    """Load the home page with and without faecher.js and sort its long tasks."""
    timing = FanTiming([], [], [], [])
    for _ in range(loads):
        loaded = _load_home(browser, base, slowdown)
        marks = loaded["marks"]
        start, widths, ready = marks["faecher-start"], marks["faecher-breite"], marks["faecher-bereit"]
        timing.script_ms.append(ready - widths)
        timing.layout_ms.append(widths - start)
        # The task the script runs in (Chromium parses the page in it, too), and
        # those that draw the fan and run its opening animation.
        timing.opening.append([d for s, d in loaded["tasks"] if s <= start < s + d
                               or ready <= s <= ready + OPENING_MS])
        timing.baseline.append([d for _, d in _load_home(browser, base, slowdown, True)["tasks"]])
    return timing


def _longest(runs: list[list[float]]) -> list[float]:
    return [max(run, default=0.0) for run in runs]


# -- report ---------------------------------------------------------------------------


def kb(size: int) -> str:
    return f"{size / 1024:6.1f} KB"


def table(label: str, transfers: list[Transfer]) -> list[str]:
    lines = [f"  {label}: {kb(sum(t.size for t in transfers)).strip()} in {len(transfers)} files"]
    for t in sorted(transfers, key=lambda t: -t.size):
        lines.append(f"    {kb(t.size)}  {t.kind:<11} {t.url}")
    return lines


def _stat(values: list[float]) -> str:
    return f"{statistics.median(values):5.0f} / {max(values):4.0f} ms"


def report(ours, ours_search, plain, plain_search, timing: FanTiming, slow: FanTiming) -> str:
    ours_page = [t for t in ours if not t.search]
    total = sum(t.size for t in ours_page)
    lines = [f"Bytes a card page transfers on first load ({CARD_PAGE}, gzip, Chromium)", ""]
    lines += table("ours, without search index and worker", ours_page)
    lines.append(f"  target ≤ {TARGET_KB} KB: " + ("met" if total <= TARGET_KB * 1024 else "missed"))
    ours_own = [t for t in ours_page if t.url.startswith(OUR_ASSETS)]
    lines.append(f"  of it our own stylesheets and scripts: {kb(sum(t.size for t in ours_own)).strip()} in "
                 f"{len(ours_own)} files (the budget for all our additions: ≤ {OUR_BUDGET_KB} KB compressed)")
    lines += table("ours, search on first load", [t for t in ours if t.search] or [])
    lines += table("ours, added when search is first used", ours_search)
    plain_page = [t for t in plain if not t.search]
    lines += ["", *table("default Material, without search index and worker", plain_page)]
    lines += table("default Material, search on first load", [t for t in plain if t.search])
    lines += table("default Material, added when search is first used", plain_search)
    lines += ["", f"The home page's fan: drawing and opening ({LOADS} loads each; median / worst;",
              "Chromium reports long tasks: over 50 ms)"]
    for label, timing in (("normal speed", timing), (f"CPU {SLOWDOWN}× slower", slow)):
        opening, baseline = _longest(timing.opening), _longest(timing.baseline)
        lines += [
            f"  {label}:",
            f"    faecher.js setting up the fan:              {_stat(timing.script_ms)}",
            f"    page layout it reads the fan's width from:  {_stat(timing.layout_ms)}",
            f"    longest task while the fan is drawn/opens:  {_stat(opening)}",
            f"    same page without faecher.js, longest task: {_stat(baseline)}",
        ]
    ok = statistics.median(_longest(timing.opening)) <= LONG_TASK_MS and \
        statistics.median(timing.script_ms) <= LONG_TASK_MS
    lines.append(f"  target (normal speed, median): no task over {LONG_TASK_MS} ms as the fan opens: "
                 + ("met" if ok else "missed"))
    lines.append("  (The task the fan is set up in also parses the page and may run Material's bundle;\n"
                 "  compare it with the same page without faecher.js, whose longest task is Material's\n"
                 "  start and the page's first layout.)")
    return "\n".join(lines)


def measure(scratch: Path, plain_project: Path | None = None) -> str:
    """Build the handbook and the default Material site into ``scratch``, measure both.

    ``plain_project``: the default Material project (tools/common.py), if it is
    prepared already. Raises BuildFailed or ChromiumMissing.
    """
    ours_site = scratch / "transfer-ours"
    common.build(common.ROOT, ours_site, label="handbook (transfer)")
    if plain_project is None:
        plain_project = common.prepare_plain_project(scratch, common.load_config(common.ROOT / "mkdocs.yml"))
    plain_site = scratch / "transfer-plain"
    common.build(plain_project, plain_site, label="default Material (transfer)", strict=False)
    with common.chromium() as browser:
        with serve(ours_site) as (base, sent):
            ours, ours_search = page_transfers(browser, base, sent, CARD_PAGE)
            timing = fan_timing(browser, base)
            slow = fan_timing(browser, base, SLOWDOWN)
        with serve(plain_site) as (base, sent):
            plain, plain_search = page_transfers(browser, base, sent, CARD_PAGE)
    return report(ours, ours_search, plain, plain_search, timing, slow)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="ko-transfer-"))
    try:
        print(measure(scratch))
    except common.BuildFailed as failure:
        print(failure.output, file=sys.stderr)
        print(f"transfer: {failure}", file=sys.stderr)
        return 1
    except common.ChromiumMissing as missing:
        print(f"transfer: {missing}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
