"""What a page costs a reader's browser: `make bench` (after the build times), or alone.

1. Bytes a card page transfers on first load (HTML, CSS, JavaScript, fonts,
   images), as Chromium fetches them from a local server that compresses with
   gzip like any web server does: the handbook's card 8 (a topic card with
   references, backlinks and defined terms) beside the same page built by a
   default Material configuration (the plain build `make bench` times too). The
   target for ours is at most 80 KB, without the search index and the search
   worker, which grow with the text; those are reported on their own, with
   what loads when search is first used. Our additions to that page (the
   files of ours it loads: assets/css/ and assets/js/, the print stylesheet
   apart, which never holds up the screen) have a budget of their own: at most
   8 KB in at most 2 requests, with room for what other features will add.
2. The home page's fan opening, at normal speed and with the CPU slowed
   down four times (a modest phone): the time faecher.js takes to set up the
   fan and the page layout it reads the fan's width from (User Timing marks
   it sets; without the fan, Material's bundle would force that layout a
   moment later), and the long tasks (PerformanceObserver, entry type
   "longtask": Chromium reports tasks over 50 ms) in which the fan is set up,
   drawn and opens. For comparison: the longest task of the same page loaded
   without faecher.js (written into the page after the fan; left out of the
   page's HTML for this: Material's start and the page's first layout). Each is measured over several loads: on a
   busy machine single figures say little.

3. The app (kartenfaecher/features/app/): what a first visit of the home page keeps
   for use without a network, what the server sends for it, and the time from
   the first load until the footer says the handbook is kept. The two
   measurements above block service workers, so they show a page's own cost.

Bytes are counted by the server as it sends them: status line, headers and
the (compressed) body of every response the page asked for. The browser is Debian's Chromium;
nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
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
OURS_TARGET_KB = 8
OURS_TARGET_REQUESTS = 2
OURS_SITE = "transfer-ours"
PLAIN_SITE = "transfer-plain"
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
    def ours(self) -> bool:
        """One of our files (kartenfaecher/outputs/bundles.py), not the print stylesheet."""
        return self.url.startswith(("assets/css/", "assets/js/")) and "-print." not in self.url

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

    A fresh browser context, so nothing comes from a cache, and with service
    workers blocked: what the app keeps for offline use is measured on its own
    (:func:`app_caching`).
    """
    context = browser.new_context(service_workers="block")
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


@dataclass
class AppCaching:
    """First visits until the app's worker has kept the handbook (kartenfaecher/features/app/)."""

    kept_bytes: int          # what the worker keeps, uncompressed (its own list)
    files: int
    sent: list[int]          # bytes the server sent per visit, page and worker together
    ready_ms: list[float]    # from the start of navigation to „offline ready“, per visit
    saving: tuple[int, int] = (0, 0)  # a card's first visit saving data: bytes sent, files kept


def app_caching(browser, base: str, sent: dict[str, int], visits: int = 3) -> AppCaching:
    """Fresh visits of the home page, each until the footer says the handbook is kept."""
    sent_per_visit, ready = [], []
    kept = {}
    for _ in range(visits):
        context = browser.new_context()
        page = context.new_page()
        sent.clear()
        page.goto(base, wait_until="load")
        page.wait_for_function("document.documentElement.dataset.app === 'bereit'", timeout=120000)
        ready.append(page.evaluate("performance.now()"))
        kept = page.evaluate(STAND)
        sent_per_visit.append(sum(sent.values()))
        context.close()
    return AppCaching(kept["bytes"], kept["files"], sent_per_visit, ready, saving_data(browser, base, sent))


STAND = """() => navigator.serviceWorker.ready.then(registration => new Promise(done => {
    const channel = new MessageChannel();
    channel.port1.onmessage = event => done(event.data);
    registration.active.postMessage({type: "stand"}, [channel.port2]);
}))"""


def saving_data(browser, base: str, sent: dict[str, int]) -> tuple[int, int]:
    """A card's first visit, as from a printed card's QR code, where the browser saves data
    (Save-Data): the bytes sent for page and worker until the worker has kept what was opened,
    and the number of files it kept."""
    context = browser.new_context()
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    sent.clear()
    page.goto(base + CARD_PAGE, wait_until="load")
    page.wait_for_function("document.documentElement.dataset.app === 'sparsam'", timeout=120000)
    kept = page.evaluate(STAND)["kept"]
    total = sum(sent.values())
    context.close()
    return total, kept


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
    context = browser.new_context(viewport={"width": 1440, "height": 900}, service_workers="block")
    page = context.new_page()
    if slowdown > 1:
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    if without_fan:
        page.route(base + HOME_PAGE, _without_fan_script)
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


def _without_fan_script(route) -> None:
    """The home page without the fan's script (kartenfaecher/features/faecher/ writes it after the fan)."""
    html = route.fetch().text()
    route.fulfill(body=re.sub(r"<script>[^<]*faecher-start.*?</script>", "", html, flags=re.S),
                  content_type="text/html; charset=utf-8")


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


def app_report(app: AppCaching) -> list[str]:
    return [f"The app: what a first visit keeps for use without a network ({len(app.sent)} visits; median / worst)",
            f"  kept by the worker:          {app.kept_bytes / 1024 / 1024:6.2f} MB in {app.files} files (uncompressed)",
            f"  sent by the server (gzip):   {statistics.median(app.sent) / 1024 / 1024:6.2f} MB",
            f"  first load to offline ready: {statistics.median(app.ready_ms) / 1000:6.2f} / "
            f"{max(app.ready_ms) / 1000:.2f} s",
            f"  where the browser saves data, {CARD_PAGE} opened first: {app.saving[0] / 1024:.0f} KB sent "
            f"(page and worker), {app.saving[1]} of {app.files} files kept until the reader asks for all"]


def report(ours, ours_search, plain, plain_search, timing: FanTiming, slow: FanTiming,
           app: AppCaching) -> str:
    ours_page = [t for t in ours if not t.search]
    total = sum(t.size for t in ours_page)
    lines = [f"Bytes a card page transfers on first load ({CARD_PAGE}, gzip, Chromium)", ""]
    lines += table("ours, without search index and worker", ours_page)
    lines.append(f"  target ≤ {TARGET_KB} KB: " + ("met" if total <= TARGET_KB * 1024 else "missed"))
    added = [t for t in ours_page if t.ours]
    size = sum(t.size for t in added)
    lines += table("of that, our additions (print stylesheet apart)", added)
    lines.append(f"  target ≤ {OURS_TARGET_KB} KB in ≤ {OURS_TARGET_REQUESTS} requests: "
                 + ("met" if size <= OURS_TARGET_KB * 1024 and len(added) <= OURS_TARGET_REQUESTS
                    else "missed"))
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
    lines += ["", *app_report(app)]
    return "\n".join(lines)


def measure(scratch: Path, plain_project: Path | None = None) -> str:
    """Build the handbook and the default Material site into ``scratch``, measure both.

    ``plain_project``: the default Material project (tools/common.py), if it is
    prepared already. Raises BuildFailed or ChromiumMissing.
    """
    ours_site = scratch / OURS_SITE
    common.build(common.ROOT, ours_site, label="handbook (transfer)")
    if plain_project is None:
        plain_project = common.prepare_plain_project(scratch, common.load_config(common.ROOT / "mkdocs.yml"))
    plain_site = scratch / PLAIN_SITE
    common.build(plain_project, plain_site, label="default Material (transfer)", strict=False)
    with common.chromium() as browser:
        with serve(ours_site) as (base, sent):
            ours, ours_search = page_transfers(browser, base, sent, CARD_PAGE)
            timing = fan_timing(browser, base)
            slow = fan_timing(browser, base, SLOWDOWN)
            app = app_caching(browser, base, sent)
        with serve(plain_site) as (base, sent):
            plain, plain_search = page_transfers(browser, base, sent, CARD_PAGE)
    return report(ours, ours_search, plain, plain_search, timing, slow, app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="ko-transfer-"))
    try:
        return common.run_command("transfer", lambda: measure(scratch), common.ChromiumMissing)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
