"""How far a feature reaches in the code, for any commit: the figures of issue „One feature, one folder“.

    .venv/bin/python -m tools.umfang [REV ...]     # default: HEAD; "." is the working tree

For each feature a reader meets (the notes, the selection, the offline app): the files of the
code that name it and their folders. For the code as a whole: its largest file, the length of the
module mkdocs-macros loads, the ties between scripts and the names in scripts that mix German
and English. What counts:

- The code is every file git keeps (at ``.``: and those it does not ignore) outside ``tests/``
  and ``docs/``, but this tool, prose (``*.md``, the licence) and the lock files. A feature's files are
  those whose path or text matches its pattern (``FEATURES``), case aside, comments and
  docstrings left out: a file that only mentions a feature does not touch it.
- A tie is a script that uses an object on the global ``Kartenfaecher`` (before: ``KoProduktion``)
  which another script sets (``Kartenfaecher.notiz = …`` in one, ``ns.notiz`` or
  ``Kartenfaecher.notiz`` in the other);
  comments and strings do not count. Ties are also counted between units, a feature's folder
  (or, where all scripts lay in one folder, a script's stem: ``notiz-speicher.js``, notiz), and
  the units that use each other both ways are named.
- A name mixes languages when its parts (``card.karte``: card, karte; camelCase split) hold a word
  only the German dictionary knows and one only the English one does (Debian's hunspell-de-de
  and hunspell-en-us, a word's simple inflections included; the names in Material's script count
  as English, as the browser's are: ``display``, ``reset``, ``ctrlKey``); words both know, words of fewer
  than three letters and the global ``window.Kartenfaecher`` say nothing. A feature's stem with an
  English method (``auswahl.read``) counts, though the README's naming rule allows it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from tools.common import ROOT

FEATURES = {
    "Notizen": r"notiz",
    "Auswahl": r"auswahl",
    "Offline-App": r"service.?worker|\bsw(-aus)?\.js|webmanifest|\bapp(-worker)?\.(js|py)|features[./]app\b",
}
OUTSIDE = ("tests/", "docs/")
ITSELF = "tools/umfang.py"  # names every feature to count them, and is none of them
PROSE = re.compile(r"(\.md|LICENSE|package-lock\.json|constraints\.txt)$")
CODE = (".py", ".js", ".mjs", ".css", ".html")  # what "largest file" compares
DICTIONARIES = {"de": Path("/usr/share/hunspell/de_DE.dic"), "en": Path("/usr/share/hunspell/en_US.dic")}
ENDINGS = {"de": ("", "e", "en", "n", "s", "es", "er", "ern"), "en": ("", "s", "es", "ed", "d", "ing", "er", "ly")}

GLOBALS = ("Kartenfaecher", "KoProduktion")  # the scripts' one global object, as it is named and was
SETS = re.compile(rf"(?:{'|'.join(GLOBALS)})\.(\w+)\s*=(?!=)")
USES = re.compile(rf"\b(?:{'|'.join(GLOBALS)}|ns)\.(\w+)(?!\s*=(?!=))")
COMMENTS_AND_STRINGS = re.compile(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.S)
MEMBERS = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+")
NAMESPACE = {"window", *GLOBALS}  # the scripts' one global: a name, not words
WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass
class Figures:
    features: dict[str, list[str]]
    largest: tuple[str, int]
    entry: tuple[str, int] | None
    ties: set[tuple[str, str]]  # (the script that uses, the script that sets)
    mixed: dict[str, list[str]] = field(default_factory=dict)

    def folders(self, feature: str) -> int:
        return len({str(PurePosixPath(name).parent) for name in self.features[feature]})

    def unit_ties(self) -> set[tuple[str, str]]:
        """The ties between units: a feature's folder, or a script's stem where scripts of all
        features lay in one folder (``overrides/assets/js/notiz-speicher.js``: notiz)."""
        return {(a, b) for a, b in ((unit(user), unit(setter)) for user, setter in self.ties) if a != b}

    def both_ways(self) -> list[tuple[str, str]]:
        ties = self.unit_ties()
        return sorted((a, b) for a, b in ties if (b, a) in ties and a < b)


def unit(name: str) -> str:
    path = PurePosixPath(name)
    # A feature's folder: macros/features/<unit>/…, later the engine's kartenfaecher/kartenfaecher/features/<unit>/…
    folder = re.match(r"(?:macros|kartenfaecher/kartenfaecher)/features/([^/]+)/", name)
    return folder.group(1) if folder else re.split(r"[-.]", path.name)[0]


class Tree:
    """The files of one commit of the repository at ``folder``, or of its working tree (".")."""

    def __init__(self, folder: Path, rev: str):
        self.folder, self.rev = folder, rev

    def _git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.folder, capture_output=True, text=True, check=True).stdout

    def names(self) -> list[str]:
        if self.rev == ".":
            listed = self._git("ls-files", "--cached", "--others", "--exclude-standard").splitlines()
            return sorted(name for name in listed if (self.folder / name).is_file())
        return sorted(self._git("ls-tree", "-r", "--name-only", self.rev).splitlines())

    def text(self, name: str) -> str:
        if self.rev == ".":
            return (self.folder / name).read_text(encoding="utf-8", errors="replace")
        return self._git("show", f"{self.rev}:{name}")


def measure(folder: Path, rev: str, features: dict[str, str] = FEATURES) -> Figures:
    tree = Tree(folder, rev)
    code = {name: tree.text(name) for name in tree.names()
            if not name.startswith(OUTSIDE) and not PROSE.search(name) and name != ITSELF}
    bare = {name: without_comments(name, text) for name, text in code.items()}
    found = {feature: sorted(name for name, text in bare.items()
                             if re.search(pattern, name + "\n" + text, re.I))
             for feature, pattern in features.items()}
    lines = {name: text.count("\n") for name, text in code.items() if name.endswith(CODE)}
    largest = max(lines.items(), key=lambda item: (item[1], item[0]))
    scripts = {name: COMMENTS_AND_STRINGS.sub(" ", text) for name, text in code.items()
               if name.endswith(".js") and "vendor" not in name}
    setter = {obj: name for name, text in scripts.items() for obj in SETS.findall(text)}
    ties = {(name, setter[obj]) for name, text in scripts.items() for obj in USES.findall(text)
            if obj in setter and setter[obj] != name}
    mixed = {name: found_names for name, text in scripts.items() if (found_names := mixed_names(text))}
    return Figures(found, largest, _entry(code, lines), ties, mixed)


COMMENTS = {".js": re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S), ".mjs": re.compile(r"/\*.*?\*/|//[^\n]*", re.S),
            ".css": re.compile(r"/\*.*?\*/", re.S), ".html": re.compile(r"<!--.*?-->|\{#.*?#\}", re.S),
            ".py": re.compile(r'^\s*(?:"""|\'\'\').*?(?:"""|\'\'\')|#[^\n]*', re.S | re.M)}


def without_comments(name: str, text: str) -> str:
    """``text`` without its comments (and a Python file's docstrings): what a file names, not what
    it says of others. Other files (Makefile, YAML) as they are."""
    pattern = COMMENTS.get(PurePosixPath(name).suffix)
    if pattern is None and name.endswith(("Makefile", ".yml", ".yaml", ".conf")):
        pattern = re.compile(r"(?:^|\s)#[^\n]*")
    return pattern.sub(" ", text) if pattern else text


def _entry(code: dict[str, str], lines: dict[str, int]) -> tuple[str, int] | None:
    """The module mkdocs-macros loads (``module_name`` in mkdocs.yml, or the engine's pluglet,
    ``modules: [kartenfaecher.makros]``), with its length."""
    config = code.get("mkdocs.yml", "")
    named = re.search(r"module_name:\s*(\S+)", config)
    pluglet = re.search(r"modules:\s*\[\s*([\w.]+)", config)
    if not named and not pluglet:
        return None
    stem = named.group(1) if named else "kartenfaecher/" + pluglet.group(1).replace(".", "/")
    for name in (f"{stem}.py", f"{stem}/__init__.py"):
        if name in lines:
            return name, lines[name]
    return None


@lru_cache(maxsize=None)
def _dictionary(lang: str) -> frozenset[str]:
    words = {word.split("/", 1)[0].lower()
             for word in DICTIONARIES[lang].read_text(encoding="utf-8", errors="replace").splitlines()[1:]}
    if lang == "en":  # the browser's and Material's names are code's English: display, reset, ctrlKey
        import material
        for bundle in (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.js"):
            words |= {word.lower() for word in WORDS.findall(bundle.read_text(encoding="utf-8"))}
    return frozenset(words)


def language(word: str) -> str | None:
    """"de" or "en" where only one of the two dictionaries knows ``word``, else None."""
    word = word.lower()
    if len(word) < 3:
        return None
    known = [lang for lang in DICTIONARIES if any(
        word.endswith(ending) and word[:len(word) - len(ending)] in _dictionary(lang) for ending in ENDINGS[lang])]
    return known[0] if len(known) == 1 else None


def mixed_names(script: str) -> list[str]:
    """The member expressions of ``script`` (comments and strings aside) that mix the two languages."""
    found = []
    for name in MEMBERS.findall(COMMENTS_AND_STRINGS.sub(" ", script)):
        parts = [part for part in name.split(".") if part not in NAMESPACE]
        said = {language(word) for part in parts for word in WORDS.findall(part)} - {None}
        if said == {"de", "en"}:
            found.append(name)
    return found


def report(rev: str, figures: Figures) -> str:
    out = [f"# {rev}"]
    for feature, names in figures.features.items():
        out.append(f"{feature}: {len(names)} files in {figures.folders(feature)} folders")
    out.append(f"largest file: {figures.largest[0]} ({figures.largest[1]} lines)")
    if figures.entry:
        out.append(f"entry module: {figures.entry[0]} ({figures.entry[1]} lines)")
    both = ", ".join(f"{a} ⇄ {b}" for a, b in figures.both_ways()) or "none"
    out.append(f"ties between scripts: {len(figures.ties)}, between units {len(figures.unit_ties())}; "
               f"units tied both ways: {both}")
    out.append(f"names that mix languages: {sum(map(len, figures.mixed.values()))} in {len(figures.mixed)} scripts")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revs", nargs="*", default=["HEAD"], help='commits to measure; "." is the working tree')
    parser.add_argument("--files", action="store_true", help="list each feature's files and the mixed names")
    args = parser.parse_args(argv)
    missing = [str(path) for path in DICTIONARIES.values() if not path.exists()]
    if missing:
        print(f"umfang: {', '.join(missing)} missing: run `make dictionary`.", file=sys.stderr)
        return 2
    for rev in args.revs:
        figures = measure(ROOT, rev)
        print(report(rev, figures))
        if args.files:
            for feature, names in figures.features.items():
                print(f"  {feature}: " + ", ".join(names))
            for name, mixed in figures.mixed.items():
                print(f"  {name}: " + ", ".join(mixed))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
