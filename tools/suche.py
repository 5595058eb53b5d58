"""Search in German, measured: practitioners' queries against the real search, ours beside plain Material.

Each query is what a practitioner types, with the card it must find among the
first three results. The queries run in Chromium through Material's own search
worker with a built site's index, exactly as the search box sends them, so
what counts is what readers get. `make bench` prints the rate of our site
beside plain Material's build of the same Markdown, and what the German search
terms cost: the index's size and the build's time.
`python -m tools.suche --site DIR` runs the queries against a site already built.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tools.common import ROOT, build, serve

# (query, the card it must find among the first three results)
QUERIES = [
    # Compound parts: the text has the long word, the reader types its part.
    ("Vereinbarung", 32),
    ("Fluktuation", 48),
    ("Spielraum", 28),
    ("Versorgung", 30),
    ("Wechsel", 48),
    ("Konferenz", 50),
    ("Organisation", 23),
    ("Vertretung", 23),
    # Singular, plural and other forms the text does not have.
    ("Gremium", 41),
    ("Kooperationsvereinbarungen", 32),
    ("Leitfaden", 53),
    ("Handlungsspielraum", 28),
    ("Rollenkonflikt", 27),
    ("Konflikt", 43),
    ("Entscheidung", 42),
    ("Zwischenschritt", 32),
    ("Handlungslogik", 25),
    ("Zeitlogik", 26),
    ("Meilenstein", 30),
    ("Erfolg", 32),
    # Synonyms from mkdocs.yml (kartenfaecher.synonyme).
    ("Videokonferenz", 50),
    ("Reflexion", 46),
    ("Personalwechsel", 48),
    # Words of the text as they stand.
    ("Protokoll", 41),
    ("Ehrenamt", 26),
    ("Hauptamt", 26),
    ("Finanzierung", 22),
    ("Vertrauen", 44),
    ("Transparenz", 52),
    ("Verstetigung", 34),
    ("Skalierung", 38),
    ("Scheitern", 36),
    ("Selbstorganisation", 23),
    ("Pragmatismus", 33),
    ("Pandemie", 50),
    ("bezahlte Stellen", 21),
    ("externe Unterstützung", 49),
]
# In the readers' own words, not the authors': what a newcomer from an administration and one
# from a neighbourhood group type (budget, staff, press office and procedure; a movement's and
# a club's words), each with the cards that answer it. Written down before the search was tuned
# for them, and not to be changed to suit it: a query it misses stays a miss.
IN_THEIR_WORDS = [
    # A newcomer from an administration.
    ("Haushaltsmittel", (22,)),
    ("Fördermittel", (22,)),
    ("Personalkosten", (21, 22)),
    ("Zuständigkeit", (25, 27)),
    ("Pressearbeit", (52,)),
    ("Bürgerbeteiligung", (6,)),
    ("Dienstweg", (27, 28)),
    ("Evaluation", (35, 36, 46, 52)),
    ("Wissensmanagement", (48,)),
    ("Geschäftsordnung", (41, 42)),
    ("Steuerungsgruppe", (41,)),
    ("Mediation", (43, 49)),
    ("Amtsdeutsch", (51,)),
    ("Ermessen", (27, 28)),
    ("Wirkungsmessung", (32, 35)),
    ("Pilotprojekt", (22, 34, 38)),
    ("Übertragbarkeit", (37, 38)),
    ("Mehrheitsentscheid", (42,)),
    ("Prozessbegleitung", (49,)),
    ("Grundversorgung", (9,)),
    # A newcomer from a neighbourhood group.
    ("Geld vom Amt", (22,)),
    ("Vereinsgründung", (21,)),
    ("Feigenblatt", (18,)),
    ("auf Augenhöhe", (28, 40, 51)),
    ("Machtgefälle", (28, 51)),
    ("Verbündete", (47,)),
    ("Streit", (24, 43)),
    ("Kompromiss", (26, 33, 43)),
    ("Überlastung", (13, 20, 26)),
    ("Aktivisten", (24, 27)),
    ("Ausgrenzung", (8, 23)),
    ("Nachfolge", (48,)),
    ("Sitzung abends", (26,)),
    ("Misserfolg", (35, 36)),
    ("Kennenlernen", (25, 44)),
    ("Zeitplan", (30, 32)),
    ("Erfahrungsaustausch", (37, 46)),
    ("Vereinnahmung", (18, 27, 33)),
    ("Weiterfinanzierung", (22, 34)),
    ("Vorteile für Initiativen", (11, 13)),
]
# More in readers' own words, written after the thesaurus was in and before the hand-written
# words readers use (mkdocs.yml, kartenfaecher.synonyme) were, which were written from the cards' topics
# without looking here: how the vocabulary does on queries it was not written for.
NOT_WRITTEN_FOR = [
    # A newcomer from an administration.
    ("Arbeitsgruppe", (41,)),
    ("Abstimmung", (42, 43)),
    ("Öffentlichkeitsarbeit", (52,)),
    ("Moderation", (49, 43)),
    ("Stellenanteile", (21, 22)),
    ("Projektende", (34, 35, 36)),
    ("Videocall", (50,)),
    ("Zielvereinbarung", (30, 31, 32)),
    ("Fachsprache", (51,)),
    ("Vertrauensbasis", (44,)),
    ("Förderprogramm", (22,)),
    ("Bürokratie", (25, 28)),
    # A newcomer from a neighbourhood group.
    ("Ehrenamtliche", (26, 21)),
    ("Betroffene", (23,)),
    ("Mitbestimmung", (6,)),
    ("Nachhaltigkeit", (34, 37, 38)),
    ("Übergabe", (48,)),
    ("Rückschlag", (36,)),
    ("Meinungsverschiedenheiten", (43, 24)),
    ("Unterstützer finden", (47, 49)),
    ("Nachahmer", (37, 38)),
    ("Ziele festlegen", (30, 31)),
]
# Each set, by the name `make bench` gives it.
SETS = {"the project's queries": QUERIES, "in the readers' own words": IN_THEIR_WORDS,
        "in readers' words the vocabulary was not written for": NOT_WRITTEN_FOR}
TOP = 3
CARD = re.compile(r"karten/(\d+)-")

# Runs in a page of the site: Material's search worker, given the site's index the
# way Material's bundle gives it, answers every query; the pages found, best first. Where the
# page names our reading of queries (suche-woerter.js, meta "ko-suche-woerter"), each query goes
# to the worker as that reads it, as the search box hands it over (suche-bei-bedarf.js).
PROBE = """async ({queries, top}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  let read = (query) => query;
  const reader = document.querySelector("meta[name='ko-suche-woerter']");
  if (reader) {
    await new Promise((loaded, failed) => {
      const script = Object.assign(document.createElement("script"), {src: new URL(reader.content, location.href)});
      script.onload = loaded;
      script.onerror = () => failed(new Error("suche-woerter.js did not load"));
      document.head.append(script);
    });
    const words = window.Kartenfaecher.sucheWoerter;
    words.learn(index);
    read = (query) => words.rewrite(query);
  }
  const worker = new Worker(new URL(config.search, location.href));
  const ask = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  const setup = {config: index.config, docs: index.docs, options: {suggest: false}};
  await ask({type: 0, data: setup});                       // SETUP -> READY
  const found = {};
  for (const query of queries) {
    const answer = await ask({type: 2, data: read(query)}); // QUERY -> RESULT
    found[query] = answer.data.items.slice(0, top).map((group) =>
      new URL(group[0].location, base).pathname.slice(base.pathname.length));
  }
  worker.terminate();
  return found;
}"""


def found_cards(page, base_url: str, queries: list[str] | None = None) -> dict[str, list[int | None]]:
    """For each query, the cards among the first three results (None for a page that is no card)."""
    page.goto(base_url)
    found = page.evaluate(PROBE, {"queries": queries or [q for q, _ in QUERIES], "top": TOP})
    return {query: [int(m.group(1)) if (m := CARD.search(path)) else None for path in paths]
            for query, paths in found.items()}


def answers(card: int | tuple[int, ...]) -> tuple[int, ...]:
    """The cards that answer a query: one card, or any of several."""
    return card if isinstance(card, tuple) else (card,)


def misses(page, base_url: str, queries: list | None = None) -> list[str]:
    """The queries (of QUERIES, or ``queries``) none of whose cards is among the first three results,
    with what came instead."""
    queries = QUERIES if queries is None else queries
    found = found_cards(page, base_url, [query for query, _ in queries])
    return [f"{query!r} -> card {' or '.join(map(str, answers(card)))} not in {found[query]}"
            for query, card in queries if not set(answers(card)) & set(found[query])]


INDEX = Path("search") / "search_index.json"


def index_size(site_dir: Path) -> int:
    return (site_dir / INDEX).stat().st_size


def related_size(site_dir: Path) -> int:
    """The bytes of the thesaurus's readers' words in the index (kartenfaecher/features/suche/thesaurus.py)."""
    from kartenfaecher.features.suche import RELATED

    config = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))["config"]
    return len(json.dumps(config.get(RELATED, {}), ensure_ascii=False, separators=(",", ":")).encode())


def report(page, sites: dict[str, Path]) -> list[str]:
    """For each set of queries, one line per site: the share found, and the size of its search index."""
    missed = {}
    for label, site_dir in sites.items():
        with serve(site_dir) as base_url:
            missed[label] = {name: misses(page, base_url, queries) for name, queries in SETS.items()}
    lines = []
    for name, queries in SETS.items():
        lines.append(f"  {name} ({len(queries)}):")
        for label, site_dir in sites.items():
            share = 1 - len(missed[label][name]) / len(queries)
            lines.append(f"    {label:<32}{share:>7.1%}   index {index_size(site_dir) / 1024:>4.0f} KiB")
            lines += [f"      missed: {m}" for m in missed[label][name]]
    return lines


def without_terms(site_dir: Path, target: Path) -> None:
    """The site's search index as Material wrote it, without our fields, at ``target``."""
    from kartenfaecher.features.suche import FIELDS, RELATED

    data = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    data["config"].pop(RELATED, None)
    for field, _ in FIELDS.values():
        data["config"]["fields"].pop(field, None)
        for entry in data["docs"]:
            entry.pop(field, None)
    (target / INDEX).parent.mkdir(parents=True, exist_ok=True)
    (target / INDEX).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def cost(site_dir: Path, scratch: Path) -> tuple[float, float, int]:
    """Seconds the German terms add to a build, with a cold and a warm cache, and the bytes they add."""
    from kartenfaecher.features import suche as output
    from kartenfaecher.features.suche import woerter as words

    bare = scratch / "ohne-suchwoerter"
    without_terms(site_dir, bare)
    seconds = []
    for cache in (scratch / "cache", scratch / "cache"):  # the first run fills it, the second reads it
        shutil.copy(bare / INDEX, bare / "index.json")
        words.dictionary.cache_clear()
        before, os.environ["XDG_CACHE_HOME"] = os.environ.get("XDG_CACHE_HOME"), str(cache)
        try:
            started = time.perf_counter()
            output.write(bare, {}, cache / "projekt", german_search=True)  # the texts' terms, kept below a project
            seconds.append(time.perf_counter() - started)
        finally:
            os.environ.pop("XDG_CACHE_HOME") if before is None else os.environ.update(XDG_CACHE_HOME=before)
        shutil.copy(bare / "index.json", bare / INDEX)
    return seconds[0], seconds[1], index_size(site_dir) - (bare / INDEX).stat().st_size


def measure(scratch: Path, plain_project: Path) -> str:
    """`make bench`'s section: ours beside plain Material on QUERIES, and what the terms cost."""
    from tools.common import chromium

    ours, plain = scratch / "suche-ours", scratch / "suche-plain"
    build(ROOT, ours, label="handbook (search)")
    build(plain_project, plain, label="plain Material (search)", strict=False)
    with chromium() as browser:
        page = browser.new_page()
        lines = report(page, {"ours": ours, "plain Material": plain})
    cold, warm, added = cost(ours, scratch)
    return "\n".join([
        f"Search in German: practitioners' queries, a card that answers among the first {TOP} results "
        "(Material's search worker in Chromium)",
        *lines,
        f"  the German search terms add {added / 1024:.0f} KiB to the index "
        f"({added / (index_size(ours) - added):.0%}) and {warm:.2f} s to a build "
        f"({cold:.2f} s with an empty cache: dictionary and base forms read anew); of these, "
        f"{related_size(ours) / 1024:.0f} KiB are readers' words from the thesaurus",
    ])


def main(argv: list[str] | None = None) -> int:
    from tools.common import chromium

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, action="append", required=True, help="a built site (repeatable)")
    args = parser.parse_args(argv)
    with chromium() as browser:
        page = browser.new_page()
        print("\n".join(report(page, {str(s): s for s in args.site})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
