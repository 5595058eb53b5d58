"""Build-time benchmark of the handbook: `make bench`.

What it measures, as wall-clock time of a whole `mkdocs build` subprocess
(interpreter start, imports, build), the way `make build` is felt:

1. The real handbook with our configuration (macros, checks, ``--strict``)
   beside a *plain* Material build of the same Markdown: no macros, no
   validation, no strict mode, no nav. The ratio ours/plain is what our
   macros and checks cost; the target is at most 1.25×.
2. Generated handbooks of 500 and 2,000 cards with cross-references, built
   with our configuration. The ratio 2000/500 shows how the build grows with
   the fan; linear growth would be 4×, the target is at most 4.5×.
   The same generated Markdown is also built by Material alone (our theme
   settings and the same chapter navigation, written out, but no macros and
   no checks). Material puts the navigation into every page, so its own
   build grows faster than linearly with the number of cards; the difference
   ours − Material alone is what our code costs, and its 2000/500 ratio tells
   whether that part grows linearly. At 2,000 cards ours may take at most
   1.4× Material alone.

Why it compares within one run: absolute seconds depend on the machine and on
whatever else it is doing (these machines have two cores and are noisy), so
they are only printed for orientation. The ratios are what is judged, and
they are only fair when both sides ran on the same machine at the same time.
Beside the wall clock, the processor time of each build (user + system, its
subprocesses included) is reported: on a machine that other work keeps busy it
says what the build itself costs. So every build is repeated (``--repeat N``, default 5; ``--quick`` for 1), the
variants are interleaved within each round (ours, plain, 500, 2000), in the reverse order in
every other round, so that neither side of a pair always runs first or always right after the
2,000-card builds, and the median and minimum of each are reported. Before each build the
disk is flushed (``os.sync``): the 2,000-card site is 160 MB, and the kernel writing it back
during the next build was charged to that build. The rounds follow one warm-up round,
reported apart: the first build of a fresh project finds nothing kept yet (compiled
templates, QR codes, slides, search terms: kartenfaecher/between_builds.py), and the
judged figures are what every later build costs, as ``make build`` and ``make serve``
are used.

3. What a card page costs a reader's browser (tools/transfer.py): the bytes
   of its first load from a compressing server beside default Material, the
   search files apart, and the long tasks while the home page's fan opens
   (``--no-transfer`` leaves this out); then Lighthouse 12 on a phone, ours
   beside plain Material, on four pages (tools/lighthouse.py; ``--no-lighthouse``
   leaves it out).

4. Search in German (tools/suche.py): practitioners' queries (the project's, and 40 in
   readers' own words) run through Material's search worker in Chromium, the share that
   finds a card answering it among the first three results on our site beside plain
   Material, and what the German search terms cost: the index's size and the build's time.

Last, `make publish` (tools/publish.py) into the scratch folder: its time and
the size of each download (the offline zip, the fan's PDF, the A4 PDF, the print shop's PDF), and the
fan's PDF as Chromium prints it without and with tags, beside the finished one.

The benchmark never fails on a target; it exits non-zero only when a build
fails (and then prints the end of that build's output) or Chromium is missing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools import druck, lighthouse, publish, suche, transfer
from tools.common import (ROOT, BuildFailed, ChromiumMissing, build, chromium, load_config, prepare_plain_project,
                          serve, with_engine_options, write_config)

DEFAULT_REPEAT = 5  # the machines are noisy: a median of five, after a warm-up round
CHAPTER_COUNT = 10
MATERIAL_ALONE = "material-alone.yml"
SIZES = (500, 2000)
RATIO_TARGET_PLAIN = 1.25
RATIO_TARGET_GROWTH = 4.5
RATIO_TARGET_ALONE = 1.4  # at SIZES[1] cards
SEED = 20231
TAIL_LINES = 40

WORDS = (
    "Verwaltung Zivilgesellschaft Ko-Produktion Zusammenarbeit Beteiligung Teilhabe "
    "Daseinsvorsorge Legitimation Quartier Kommune Akteure Verantwortung Vertrauen "
    "Entscheidung Gremium Prozess Ressourcen Strategie Ziele Erfolge Konflikte "
    "Stellen Finanzierung Ehrenamt Hauptamt Rollen Handlungsspielräume Öffentlichkeit "
    "Transparenz Sprache Lernen Reflexion Verstetigung Skalierung Wirkung Austausch "
    "gemeinsam langfristig verbindlich offen schwierig notwendig wichtig neu "
    "ermöglicht braucht stärkt verändert klärt gestaltet entwickelt verbindet "
    "die der das und mit für in auf zwischen von zu sowie auch nicht oft"
).split()


@dataclass
class Variant:
    """One thing to build: a project folder and a label for the table."""

    label: str
    project: Path
    config: str = "mkdocs.yml"
    strict: bool = True
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # processor seconds, user + system
    first: float | None = None  # the warm-up build's wall clock: a fresh project, nothing kept

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def best(self) -> float:
        return min(self.times)


# -- the configurations ------------------------------------------------------------------


def generated_config(ours: dict, chapters: list[dict]) -> dict:
    """Our configuration, unchanged but for the chapter list.

    The defined terms stay (the generated text uses them); the chapters they
    are left out of are the handbook's, which the generated fan does not have.
    """
    return with_engine_options(ours, kapitel=chapters, begriffe_nicht_in=None)


def material_alone_config(ours: dict, nav: list) -> dict:
    """Our theme settings and the navigation our macros would make; no macros, no checks, no hook."""
    config = {key: value for key, value in ours.items()
              if key not in ("validation", "strict", "plugins", "hooks")}
    config["plugins"] = [{"search": {"lang": "de"}}]
    config["nav"] = nav
    return config


# -- preparing the projects --------------------------------------------------------------


def prepare_generated_project(root: Path, ours: dict, cards: int) -> Path:
    """Our configuration (the engine is installed) with a generated fan of ``cards`` cards."""
    project = root / f"generated-{cards}"
    project.mkdir()
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)  # vendor scripts
    chapters = chapter_plan(cards)
    write_config(project / "mkdocs.yml",
                 generated_config(ours, [{"id": c["id"], "titel": c["titel"]} for c in chapters]))
    nav = write_docs(project / "docs", chapters, cards)
    write_config(project / MATERIAL_ALONE, material_alone_config(ours, nav))
    return project


def chapter_plan(cards: int) -> list[dict]:
    """Split card numbers 1..cards into CHAPTER_COUNT contiguous chapters."""
    size, rest = divmod(cards, CHAPTER_COUNT)
    chapters, start = [], 1
    for i in range(CHAPTER_COUNT):
        count = size + (1 if i < rest else 0)
        chapters.append({"id": f"kapitel-{i + 1}", "titel": f"Kapitel {i + 1}",
                         "numbers": range(start, start + count)})
        start += count
    return chapters


def write_docs(docs: Path, chapters: list[dict], cards: int) -> list:
    """Write the generated fan; returns its navigation by chapter, as our macros build it."""
    (docs / "karten").mkdir(parents=True)
    (docs / "index.md").write_text(
        "---\ntitle: Start\n---\n\n# Generierter Fächer\n\n"
        f"Ein erzeugter Fächer mit {cards} Karten. Beginnen Sie mit {{{{ karte(1) }}}} "
        "oder lesen Sie [Alle Karten](inhalt.md).\n", encoding="utf-8")
    (docs / "inhalt.md").write_text(
        "---\ntitle: Alle Karten\n---\n\n# Alle Karten\n\n{{ inhaltsverzeichnis() }}\n",
        encoding="utf-8")
    (docs / "checklisten.md").write_text(
        "---\ntitle: Checklisten\n---\n\n# Checklisten\n\n{{ alle_checklisten() }}\n",
        encoding="utf-8")
    # As the handbook has them: the downloads page and every card on one printable page.
    (docs / "herunterladen.md").write_text(
        "---\ntitle: Herunterladen\n---\n\n# Herunterladen\n\n{{ herunterladen() }}\n", encoding="utf-8")
    (docs / "druckfassung.md").write_text(
        "---\ntitle: Druckfassung\n---\n\n# Druckfassung\n\n{{ druckfassung() }}\n", encoding="utf-8")
    for page in ("auswahl.md", "vorfuehren.md"):  # every card as data, and as a slide
        shutil.copyfile(ROOT / "docs" / page, docs / page)
    rng = random.Random(SEED)
    nav = [{"Start": "index.md"}]
    for chapter in chapters:
        pages = []
        nav.append({chapter["titel"]: pages})
        for number in chapter["numbers"]:
            first = number == chapter["numbers"][0]
            title = chapter["titel"] if first else f"{rng.choice(WORDS[:36])} {number}"
            body = "{{ kapitel_karten() }}" if first else card_body(rng, number, cards)
            text = (f"---\nkarte: {number}\ntitel: \"{title}\"\nkapitel: {chapter['id']}\n---\n\n"
                    f"{body}\n")
            name = f"karten/{number:04d}-{slug(title)}.md"
            (docs / name).write_text(text, encoding="utf-8")
            pages.append({f"{number} {title}": name})
    nav.append({"Alle Karten": "inhalt.md"})
    nav.append({"Checklisten": "checklisten.md"})
    nav.append({"Herunterladen": "herunterladen.md"})
    nav.append({"Meine Auswahl": "auswahl.md"})
    nav.append({"Vorführen": "vorfuehren.md"})
    return nav


def card_body(rng: random.Random, number: int, cards: int) -> str:
    paragraphs = [filler_paragraph(rng) for _ in range(rng.randint(2, 4))]
    others = [n for n in rng.sample(range(1, cards + 1), 4) if n != number][:rng.randint(1, 3)]
    if number % 9 == 0:  # about as many checklists as in the handbook (6 of 53 cards)
        paragraphs.append(checklist(rng))
    return "\n\n".join(paragraphs) + f"\n\n{{{{ siehe({', '.join(map(str, others))}) }}}}"


def checklist(rng: random.Random) -> str:
    """A checklist block of 3 to 8 distinct questions (kartenfaecher/sources/checkliste.py)."""
    questions, count = [], rng.randint(3, 8)
    while len(questions) < count:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        question = f"Wie {words}?"
        if question not in questions:
            questions.append(question)
    return '!!! checkliste "Checkliste"\n\n' + "\n".join(f"    - [ ] {q}" for q in questions)


def filler_paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(40, 80))]
    words[rng.randrange(len(words))] = f"**{rng.choice(WORDS[:36])}**"
    return " ".join(words).capitalize() + "."


def slug(title: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe",
                           "Ü": "ue", " ": "-"})
    return "".join(ch for ch in title.lower().translate(table) if ch.isalnum() or ch == "-")


# -- building and timing --------------------------------------------------------------------


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def time_build(variant: Variant, site_dir: Path) -> tuple[float, float]:
    """Wall-clock and processor seconds of one build of ``variant``; raises BuildFailed."""
    start, cpu = time.perf_counter(), _children_cpu()
    build(variant.project, site_dir, label=variant.label, config=variant.config, strict=variant.strict)
    return time.perf_counter() - start, _children_cpu() - cpu


def run_rounds(variants: list[Variant], repeat: int, scratch: Path) -> None:
    """Build every variant once per round after a warm-up round: in the listed order in one
    round, in the reverse order in the next, each build on a flushed disk."""
    for round_number in range(0, repeat + 1):
        for variant in variants if round_number % 2 == 0 else variants[::-1]:
            site_dir = scratch / "site"
            os.sync()  # what the build before wrote goes to disk now, not during this one
            wall, cpu = time_build(variant, site_dir)
            if round_number == 0:
                variant.first = wall
            else:
                variant.times.append(wall)
                variant.cpu.append(cpu)
            shutil.rmtree(site_dir, ignore_errors=True)
            name = "warm-up" if round_number == 0 else f"round {round_number}/{repeat}"
            print(f"  {name}: {variant.label:<34} {wall:6.2f} s ({cpu:.2f} s CPU)", file=sys.stderr, flush=True)


def publication(scratch: Path) -> str:
    """`make publish` into ``scratch``, timed, with each download's size and the fan's size before tagging."""
    published = publish.publish(scratch / "published", work=scratch / "publish-work")
    with serve(published.site) as address, chromium() as browser:
        raw = {tagged: len(druck.print_page(browser, address + druck.PAGE, tagged=tagged)) for tagged in (False, True)}
    lines = [f"{'make publish':<36}{published.seconds:>8.1f} s"]
    for item in published.manifest["files"]:
        lines.append(f"  {'downloads/' + item['file']:<34}{item['bytes'] / 1024:>8.0f} KiB")
    finished = published.download("faecher").stat().st_size
    lines.append(f"  fan PDF as Chromium prints it: untagged {raw[False] / 1024:.0f} KiB, tagged "
                 f"{raw[True] / 1024:.0f} KiB; finished (pikepdf) {finished / 1024:.0f} KiB (limit 3 MB)")
    return "\n".join(lines)


# -- report ------------------------------------------------------------------------------------


def verdict(ratio: float, target: float) -> str:
    return f"target ≤ {target:g}×: " + ("met" if ratio <= target else "missed")


def time_row(variant: Variant) -> str:
    return f"{variant.label:<36}{variant.median:>8.2f}{variant.best:>8.2f}{variant.cpu_median:>8.2f}"


def ratio_row(label: str, top: Variant, bottom: Variant, target: float | None = None) -> str:
    ratio, cpu = top.median / bottom.median, top.cpu_median / bottom.cpu_median
    row = f"  {label:<34}{ratio:>7.2f}×{top.best / bottom.best:>7.2f}×{cpu:>7.2f}×"
    if target is None:
        return row
    return f"{row}   wall: {verdict(ratio, target)}; CPU: {verdict(cpu, target)}"


def share_row(label: str, small: Variant, small_alone: Variant, large: Variant,
              large_alone: Variant) -> str:
    """2000/500 ratio of what our code adds on top of Material alone."""
    ratio = (large.median - large_alone.median) / max(small.median - small_alone.median, 1e-9)
    best = (large.best - large_alone.best) / max(small.best - small_alone.best, 1e-9)
    cpu = (large.cpu_median - large_alone.cpu_median) / max(small.cpu_median - small_alone.cpu_median, 1e-9)
    return f"  {label:<34}{ratio:>7.2f}×{best:>7.2f}×{cpu:>7.2f}×   (linear: 4×)"


def report(ours: Variant, plain: Variant, small: Variant, large: Variant,
           small_alone: Variant, large_alone: Variant, repeat: int) -> str:
    rounds = "1 round" if repeat == 1 else f"{repeat} rounds"
    return "\n".join([
        f"Build times in seconds ({rounds}, wall clock of `mkdocs build`: median, minimum; and the",
        "median of its processor time, user + system; ratios of these)",
        "",
        f"{'':<36}{'median':>8}{'min':>8}{'CPU':>8}",
        time_row(ours),
        time_row(plain),
        ratio_row("ours / plain", ours, plain, RATIO_TARGET_PLAIN),
        "",
        time_row(small),
        time_row(large),
        ratio_row(f"{SIZES[1]} / {SIZES[0]} (linear: 4×)", large, small, RATIO_TARGET_GROWTH),
        time_row(small_alone),
        time_row(large_alone),
        ratio_row(f"{SIZES[1]} / {SIZES[0]}, Material alone", large_alone, small_alone),
        ratio_row(f"{SIZES[1]} cards: ours / Material alone", large, large_alone, RATIO_TARGET_ALONE),
        share_row(f"{SIZES[1]} / {SIZES[0]}, our part (ours − alone)", small, small_alone, large, large_alone),
        "",
        "First builds (the warm-up round, not in the figures above; a fresh project keeps nothing yet):",
        *(f"  {v.label:<34}{v.first:>8.2f} s" for v in (ours, plain, small, small_alone, large, large_alone)
          if v.first is not None),
    ])


# -- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, metavar="N",
                        help=f"builds per variant (default {DEFAULT_REPEAT})")
    parser.add_argument("--quick", action="store_true", help="one build per variant")
    parser.add_argument("--no-transfer", action="store_true",
                        help="leave out the bytes and long tasks measured in Chromium")
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out Lighthouse")
    parser.add_argument("--lighthouse-runs", type=int, default=lighthouse.RUNS, metavar="N",
                        help=f"Lighthouse rounds (default {lighthouse.RUNS})")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = 1
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The site as a publisher puts it online, not a draft with its notice on every page: the
    # tests' made-up publisher (the repository's herausgeber.yml is the publisher's to fill in).
    os.environ.setdefault("HERAUSGEBER", str(ROOT / "tests" / "data" / "herausgeber.yml"))
    ours_config = load_config(ROOT / "mkdocs.yml")
    scratch = Path(tempfile.mkdtemp(prefix="ko-bench-"))
    try:
        print("Preparing projects …", file=sys.stderr, flush=True)
        ours = Variant("handbook, ours (macros, strict)", ROOT)
        plain = Variant("handbook, plain Material", prepare_plain_project(scratch, ours_config),
                        strict=False)
        small, large = (Variant(f"generated, {n} cards (ours, strict)",
                                prepare_generated_project(scratch, ours_config, n)) for n in SIZES)
        small_alone, large_alone = (Variant(f"generated, {v.project.name[10:]} cards (Material alone)",
                                            v.project, config=MATERIAL_ALONE, strict=False)
                                    for v in (small, large))
        run_rounds([ours, plain, small, small_alone, large, large_alone], args.repeat, scratch)
        print("  make publish …", file=sys.stderr, flush=True)
        published = publication(scratch)
        if not args.no_transfer:
            print("Measuring transfer and long tasks in Chromium …", file=sys.stderr, flush=True)
            transferred = transfer.measure(scratch, plain.project)
            print("Searching in Chromium …", file=sys.stderr, flush=True)
            searched = suche.measure(scratch, plain.project)
            if not args.no_lighthouse:
                print("Lighthouse, ours beside plain Material …", file=sys.stderr, flush=True)
                audited = lighthouse.measure(scratch / transfer.OURS_SITE, scratch / transfer.PLAIN_SITE,
                                             args.lighthouse_runs)
    except BuildFailed as failure:
        tail = "\n".join(failure.output.rstrip().split("\n")[-TAIL_LINES:])
        print(f"\nBuild failed: {failure.label} (exit {failure.returncode}). "
              f"End of its output:\n{tail}", file=sys.stderr)
        return 1
    except (ChromiumMissing, druck.NotPrintable, publish.PublishFailed, lighthouse.LighthouseMissing,
            RuntimeError) as problem:
        print(f"bench: {problem}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print()
    print(report(ours, plain, small, large, small_alone, large_alone, args.repeat))
    print()
    print(published)
    if not args.no_transfer:
        print()
        print(transferred)
        print()
        print(searched)
        if not args.no_lighthouse:
            print()
            print(audited)
    return 0


if __name__ == "__main__":
    sys.exit(main())
