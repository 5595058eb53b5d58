"""Lighthouse on a phone, ours beside plain Material: `make bench` (after the bytes), or alone.

Lighthouse 12 (npm, pinned in package-lock.json; 12 runs on Node 20) audits the
home page, a card, the contents and the page „Checklisten“ of the handbook and
of a plain Material build of the same Markdown, with its mobile defaults
(simulated slow 4G, a 4× slower CPU, a 412 px wide screen), driving Debian's
Chromium with the arguments of tools/common.py. Both sites are served by the
compressing loopback server of tools/transfer.py. Every round audits every page
of ours and then the same page of plain Material (alternating, so both share the
machine's state); the median of the rounds is reported (``--runs``, default 3).

The targets (issue 13): our first contentful paint no later than plain
Material's, a performance score of 100 and no layout shift on each page.
Lighthouse's own figures vary with the load of the machine it runs on; they are
only compared within one run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import common, transfer

PAGES = (("Start", ""), ("Karte 8", transfer.CARD_PAGE), ("Alle Karten", "inhalt/"),
         ("Checklisten", "checklisten/"))
RUNS = 3
RUNNER = Path(__file__).with_name("lighthouse.mjs")
METRICS = (("fcp", "FCP", "ms"), ("lcp", "LCP", "ms"), ("tbt", "TBT", "ms"), ("cls", "CLS", ""),
           ("score", "score", ""))


class LighthouseMissing(Exception):
    """node or the pinned Lighthouse is not installed."""


def audit(ours_site: Path, plain_site: Path, runs: int = RUNS, reports: Path | None = None) -> list[dict]:
    """Audit every page of both sites ``runs`` times; one dict per audit (see lighthouse.mjs)."""
    if not (common.ROOT / "node_modules" / "lighthouse").is_dir() or not shutil.which("node"):
        raise LighthouseMissing("Lighthouse is missing: run `npm ci` (make bench does it)")
    if not Path(common.CHROMIUM).exists():
        raise common.ChromiumMissing()
    with transfer.serve(ours_site) as (ours, _), transfer.serve(plain_site) as (plain, _):
        pages = [{"label": f"{side} {name}", "url": base + path}
                 for name, path in PAGES for side, base in (("ours", ours), ("plain", plain))]
        job = {"chrome": common.CHROMIUM, "flags": common.CHROMIUM_ARGS, "runs": runs,
               "pages": pages, "reports": str(reports) if reports else None}
        done = subprocess.run(["node", str(RUNNER)], input=json.dumps(job), text=True,
                              capture_output=True, cwd=common.ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def medians(results: list[dict]) -> dict[str, dict[str, float]]:
    """label -> metric -> median over the runs."""
    by_label: dict[str, list[dict]] = {}
    for result in results:
        by_label.setdefault(result["label"], []).append(result)
    return {label: {key: statistics.median(r[key] for r in rows) for key, _, _ in METRICS}
            for label, rows in by_label.items()}


def _figure(key: str, value: float) -> str:
    return f"{value:.3f}" if key == "cls" else f"{value:.0f}"


def report(results: list[dict], runs: int) -> str:
    median = medians(results)
    lines = [f"Lighthouse 12, mobile (simulated slow 4G, 4× slower CPU), median of {runs} alternating "
             "runs, gzip loopback server", "",
             f"  {'page':<13}{'':<7}" + "".join(f"{title + (' ' + unit if unit else ''):>10}"
                                                for _, title, unit in METRICS)]
    for name, _ in PAGES:
        ours, plain = median[f"ours {name}"], median[f"plain {name}"]
        for side, figures in (("ours", ours), ("plain", plain)):
            lines.append(f"  {name if side == 'ours' else '':<13}{side:<7}"
                         + "".join(f"{_figure(key, figures[key]):>10}" for key, _, _ in METRICS))
        verdicts = [("first paint no later than plain", ours["fcp"] <= plain["fcp"]),
                    ("score 100", ours["score"] >= 100), ("no layout shift", ours["cls"] == 0)]
        lines.append(f"  {'':<20}targets: " + ", ".join(
            f"{text}: {'met' if ok else 'missed'}" for text, ok in verdicts))
    return "\n".join(lines)


def measure(ours_site: Path, plain_site: Path, runs: int = RUNS) -> str:
    """The report for two built sites; raises LighthouseMissing, ChromiumMissing, RuntimeError."""
    return report(audit(ours_site, plain_site, runs), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"rounds (default {RUNS})")
    parser.add_argument("--reports", type=Path, help="keep every whole report (JSON) in this folder")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="ko-lighthouse-"))

    def work() -> str:
        ours_site, plain_site = scratch / transfer.OURS_SITE, scratch / transfer.PLAIN_SITE
        common.build(common.ROOT, ours_site, label="handbook")
        plain = common.prepare_plain_project(scratch, common.load_config(common.ROOT / "mkdocs.yml"))
        common.build(plain, plain_site, label="default Material", strict=False)
        if args.reports:
            args.reports.mkdir(parents=True, exist_ok=True)
        return report(audit(ours_site, plain_site, args.runs, args.reports), args.runs)

    try:
        return common.run_command("lighthouse", work, LighthouseMissing, common.ChromiumMissing, RuntimeError)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
