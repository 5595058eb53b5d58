"""Search that knows what readers mean: German word forms, their own words, loaded on first use.

One folder holds the feature: this module (the index's German fields, below), ``woerter.py``
(compound parts, base forms, other forms, from Debian's German dictionary), ``thesaurus.py``
(readers' words from OpenThesaurus), and the scripts every page loads as the part ``suche``
(kartenfaecher/features/teile.py): ``suche-bei-bedarf.js`` (the index and worker only when search is
first used), ``suche-einfuegen.js`` (a pasted or dropped text searches), and
``suche-woerter.js`` (a query read as the index has its words; loaded on first use, its address
in the page's meta ``ko-suche-woerter``, theme/main.html). The authors' synonyms are read
with the other sources (kartenfaecher/sources/synonyme.py); the search field's template stays where
Material looks for it (theme/partials/search.html). Its tests: tests/unit/test_suche.py,
tests/unit/test_thesaurus.py, tests/site/test_suche.py, tests/browser/test_suche.py (with the
practitioners' queries of tools/suche.py, which `make bench` measures).

The search index with German search terms: a field lunr searches and results never show.
Material's search plugin writes ``search/search_index.json``: one entry per page
and section, with its title and text, which the results show. After it, this
adds to each entry two fields, ``suchtitel`` and ``suchwoerter``, with the words
a reader may type for the words of its title and of its text (woerter.py: compound parts,
base forms, other forms, synonyms) and declares the fields in the index's ``config.fields``, where
Material's search worker takes the fields lunr indexes from. The worker shows
only title and text, so results and snippets keep the authors' words; a page
opened from a result highlights the words the reader typed where they stand.
Into ``config.verwandt`` it puts the nouns readers may type that no card uses, each under
the noun of a card's topic it stands for (thesaurus.py), which
suche-woerter.js reads before a query reaches the worker.

The offline bundle gets the same index: Material's offline plugin, which runs
after this, turns the finished file into ``search_index.js``.

All of this is for a German search (the search plugin's ``lang`` has ``de``): a handbook
searched in another language gets none of it and builds without the German dictionary and
thesaurus (``german``).

Also which of Material's search files a build uses (shared by the offline zip
and the app's cache): lunr's word rules only for the index's languages.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ...sources import trennung
from . import thesaurus, woerter

# The field of the terms from an entry's title weighs like the title, the one from its
# text a little below the text: a word that stands there ranks above one only implied.
FIELDS = {"title": ("suchtitel", 1000.0), "text": ("suchwoerter", 0.5)}
INDEX = Path("search") / "search_index.json"
# The key in the index's config for the thesaurus's words: Material hands its worker only the
# index's config and docs; suche-woerter.js reads them there, the worker leaves them.
RELATED = "verwandt"
GERMAN = "de"  # the search's language code for German (the plugin's lang)
LUNR = "assets/javascripts/lunr/"
# Word rules every language needs (stemmer support), or several languages together (multi).
LUNR_ALWAYS = {"lunr.stemmer.support", "lunr.multi"}


def write(site_dir: str | Path, synonyms: dict[str, list[str]], keep: Path, german_search: bool) -> None:
    """Make the built search index ready, if the build has one: titles and texts without the soft
    hyphens of long words and, for a German search (``german_search``), the German search terms (the
    terms of each text kept in the folder ``keep`` for the next build)."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["docs"]:
        for source in FIELDS:
            if trennung.SOFT_HYPHEN in entry.get(source, ""):  # where a title may break, no part of a word
                entry[source] = entry[source].replace(trennung.SOFT_HYPHEN, "")
    if german_search:
        add_german_terms(data, synonyms, keep)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, path)


def add_german_terms(data: dict, synonyms: dict[str, list[str]], keep: Path) -> None:
    """The index's German fields and readers' words (the module's docstring), into ``data``."""
    lemmas = woerter.Lemmas()
    finder = woerter.Finder(woerter.dictionary, synonyms, lemmas, keep=keep)
    for entry in data["docs"]:
        for source, (field, _) in FIELDS.items():
            terms = finder.terms(entry.get(source, ""))
            if terms:
                entry[field] = " ".join(terms)
    for field, boost in FIELDS.values():
        data["config"]["fields"][field] = {"boost": boost}
    data["config"][RELATED] = related_words(data["docs"], keep)
    lemmas.save()
    finder.save()


def german(conf) -> bool:
    """Whether the build's search is in German (the search plugin's ``lang``), and so needs the
    German dictionary and thesaurus."""
    plugins = conf["plugins"]
    search = plugins.get("search") or plugins.get("material/search")
    # Without a lang of its own, Material's search takes the theme's language.
    return search is not None and GERMAN in (search.config.get("lang") or [conf["theme"]["language"]])


def related_words(docs: list[dict], keep: Path | None = None) -> dict[str, str]:
    """The nouns readers may type for the nouns that name the entries' topics (OpenThesaurus);
    kept in the folder ``keep`` for a build of the same texts (finding them takes 0.1 s)."""
    plain = [[woerter.plain_text(entry.get(field, "")) for field in ("title", "text", *(f for f, _ in FIELDS.values()))]
             for entry in docs]
    book = thesaurus.Thesaurus.open()
    kept = woerter.cache_file("verwandt", plain, book.data, Path(thesaurus.__file__).read_bytes(),
                              Path(__file__).read_bytes(), folder=keep)
    earlier = woerter.load_kept(kept)
    if isinstance(earlier, dict):
        return earlier
    texts = [set(woerter.WORD.findall(" ".join(fields).lower())) for fields in plain]
    topics = thesaurus.topics([(title, text) for title, text, *_ in plain])
    found = thesaurus.reader_words(book, texts, topics, woerter.STOPWORDS)
    woerter.save_kept(kept, found)
    return found


def search_languages(site_dir: str | Path) -> set[str]:
    """The languages the search plugin indexes in, from the built index (JSON or, offline, JS)."""
    site = Path(site_dir)
    index = site / "search" / "search_index.json"
    if not index.exists():  # the offline build writes the index as a script
        text = (site / "search" / "search_index.js").read_text(encoding="utf-8")
        return set(json.loads(text[text.index("{"):text.rindex("}") + 1])["config"]["lang"])
    return set(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])


def used_search_file(relative: str, languages: set[str]) -> bool:
    """Whether a file below the site (``relative``, with /) is needed by its search."""
    if relative.endswith(".map"):
        return False
    if relative.startswith(LUNR):
        name = re.sub(r"(\.min)?\.js$", "", relative.rsplit("/", 1)[-1])
        return name in LUNR_ALWAYS or name.removeprefix("lunr.") in languages
    return True
