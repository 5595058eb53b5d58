"""tools/umfang.py: how far a feature reaches in the code, counted on a commit of a made-up repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tools import umfang

FILES = {
    # The notes: named in three files of two folders, and in a test and a page, which do not count.
    "macros/features/notiz/notiz.js": """(function () {
  var ns = window.KoProduktion;
  var card = ns.liste.first();          // a tie to liste.js
  var title = card.karte + card.title;  // mixes: card (English), karte (German)
  var notes = { questions: {} };        // English only
  window.KoProduktion.notiz = { notes: notes };
})();
""",
    "macros/features/notiz/notiz.css": ".notiz-feld { display: block; }\n",
    "macros/main.py": "FILES = ['notiz.js']\n\n\ndef define_env(env):\n    pass\n" + "# line\n" * 4,
    "overrides/liste.js": """(function () {
  window.KoProduktion.liste = { first: function () { return window.KoProduktion.notiz; } };
  // KoProduktion.notiz.kaputt: a comment is not a name
  var s = "KoProduktion.auswahl.karte";
})();
""",
    "tests/test_notiz.py": "def test_notiz():\n    pass\n",
    "docs/notiz.md": "# Notiz\n",
    "mkdocs.yml": "plugins:\n  - macros:\n      module_name: macros/main\n",
}


def repository(folder: Path) -> Path:
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start"]):
        subprocess.run(["git", *command], cwd=folder, check=True)
    return folder


def test_the_figures_of_a_commit(tmp_path):
    folder = repository(tmp_path)
    figures = umfang.measure(folder, "HEAD", {"Notizen": r"notiz"})
    assert figures.features["Notizen"] == ["macros/features/notiz/notiz.css", "macros/features/notiz/notiz.js",
                                           "macros/main.py", "overrides/liste.js"]
    assert figures.folders("Notizen") == 3
    assert figures.largest == ("macros/main.py", 9)
    assert figures.entry == ("macros/main.py", 9)
    # notiz.js uses liste, liste.js uses notiz: one pair of scripts, tied both ways.
    assert figures.ties == {("macros/features/notiz/notiz.js", "overrides/liste.js"),
                            ("overrides/liste.js", "macros/features/notiz/notiz.js")}
    assert figures.both_ways() == [("liste", "notiz")]
    assert figures.mixed == {"macros/features/notiz/notiz.js": ["card.karte"]}


def test_the_working_tree_counts_what_is_not_committed(tmp_path):
    folder = repository(tmp_path)
    (folder / "overrides" / "liste.js").unlink()
    (folder / "macros" / "notiz_neu.py").write_text("NOTIZ = 1\n", encoding="utf-8")
    figures = umfang.measure(folder, ".", {"Notizen": r"notiz"})
    assert figures.features["Notizen"] == ["macros/features/notiz/notiz.css", "macros/features/notiz/notiz.js",
                                           "macros/main.py", "macros/notiz_neu.py"]
    assert figures.ties == set()


def test_words_are_told_apart_by_the_two_dictionaries():
    assert umfang.language("karte") == "de" and umfang.language("Karten") == "de"
    assert umfang.language("card") == "en" and umfang.language("questions") == "en"
    assert umfang.language("name") is None  # in both: says nothing
    assert umfang.mixed_names("a = card.karte; b = notes.questions; c = entry.adresse.length;") \
        == ["card.karte", "entry.adresse.length"]
