"""The search index with German search terms: a field lunr searches and results never show.

Material's search plugin writes ``search/search_index.json``: one entry per page
and section, with its title and text, which the results show. After it, this
adds to each entry two fields, ``suchtitel`` and ``suchwoerter``, with the words
a reader may type for the words of its title and of its text (macros/sources/suche.py: compound parts, base forms, other
forms, synonyms) and declares the fields in the index's ``config.fields``, where
Material's search worker takes the fields lunr indexes from. The worker shows
only title and text, so results and snippets keep the authors' words; a page
opened from a result highlights the words the reader typed where they stand.

The offline bundle gets the same index: Material's offline plugin, which runs
after this, turns the finished file into ``search_index.js``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..sources import suche

# The field of the terms from an entry's title weighs like the title, the one from its
# text a little below the text: a word that stands there ranks above one only implied.
FIELDS = {"title": ("suchtitel", 1000.0), "text": ("suchwoerter", 0.5)}
INDEX = Path("search") / "search_index.json"


def write(site_dir: str | Path, synonyms: dict[str, list[str]]) -> None:
    """Add the German search terms to the built search index, if the build has one."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    lemmas = suche.Lemmas()
    finder = suche.Finder(suche.dictionary(), synonyms, lemmas)
    for entry in data["docs"]:
        for source, (field, _) in FIELDS.items():
            terms = finder.terms(entry.get(source, ""))
            if terms:
                entry[field] = " ".join(terms)
    for field, boost in FIELDS.values():
        data["config"]["fields"][field] = {"boost": boost}
    lemmas.save()
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, path)
