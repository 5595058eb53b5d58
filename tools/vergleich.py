"""Two commits' sites, compared file by file: what a change of the code changed for readers.

A step that only moves code (issue „One feature, one folder“) must leave the built site as
it was, apart from the names and the split of our own asset files. This builds both commits
and says which files differ:

    .venv/bin/python -m tools.vergleich [A [B]]     # default: HEAD~1 and HEAD; "." is the working tree

Each commit is checked out as a detached git worktree in a temporary folder and built strictly
with this checkout's virtual env, its npm packages (linked in) and what its builds keep
(``.cache/``, copied: it is keyed by its inputs), with the commit's own made-up publisher
(``tests/data/herausgeber.yml``) where it has one, and its own card-fan engine (``kartenfaecher/``
first on the import path, before the one installed from this checkout; the plugin's entry
point is the installed one's). Then:

- files named by their content (``site.87278c4f.min.js``, Material's ``bundle.a5f9d56c.min.js``)
  are matched by their role, the name without the hash, and the pages' own bundles (all
  ``page.<hash>.min.js``) by the first page that loads each;
- in every text file those names are read as their roles, so a page that links a renamed
  bundle is the same page;
- the worker's list of files (``sw.js``) is read without the files' hashes, their total size
  and the build's version, which change with any file: the files themselves are compared.

It prints the files that differ (each with its first differing line), those only in one of
the two, and how many are the same. ``compare`` is what the tests call.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tools.common import ROOT, build

ENGINE = Path("kartenfaecher") / "kartenfaecher"  # the card-fan engine's package, in its folder
# „site.87278c4f.min.js“, „main.57a0d79d.min.css“, „search.a7633da7.min.js“: named by content.
CONTENT_NAMED = re.compile(r"([\w-]+)\.[0-9a-f]{8}(\.min\.(?:js|css))")
# In sw.js: each file's hash (12 hex digits), the build's version (16) and the files' total size.
WORKER_HASHES = re.compile(r'"[0-9a-f]{12}"|"version":"[0-9a-f]{16}"|"bytes":\d+')
WORKER = "sw.js"
# By suffix; "" for files without one (.htaccess, _headers).
TEXT = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".webmanifest", ".conf", ""}
PUBLISHER = Path("tests") / "data" / "herausgeber.yml"
KEPT = ".cache"


@dataclass
class Difference:
    """What differs between two built sites, by each file's role (its path, hash left out)."""

    same: list[str] = field(default_factory=list)
    differ: dict[str, str] = field(default_factory=dict)  # role -> the first differing line, or why
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)

    def report(self, a: str, b: str) -> str:
        lines = [f"{len(self.same)} files the same in {a} and {b}"]
        if self.differ:
            lines.append(f"{len(self.differ)} differ:")
            lines += [f"  {role}: {first}" for role, first in sorted(self.differ.items())]
        for label, only in ((a, self.only_a), (b, self.only_b)):
            if only:
                lines.append(f"{len(only)} only in {label}:")
                lines += [f"  {role}" for role in sorted(only)]
        return "\n".join(lines)


def role(relative: str) -> str:
    """A file's path with the content hash taken out of its name."""
    return CONTENT_NAMED.sub(r"\1\2", relative)


def readable(path: Path, relative: str) -> bytes:
    """The file's bytes as compared: a text file with content-named files read as their roles."""
    data = path.read_bytes()
    if Path(relative).suffix not in TEXT:
        return data
    text = CONTENT_NAMED.sub(r"\1\2", data.decode("utf-8", errors="surrogateescape"))
    if relative == WORKER:
        text = WORKER_HASHES.sub('"…"', text)
    return text.encode("utf-8", errors="surrogateescape")


def first_difference(a: bytes, b: bytes) -> str:
    """The first line that differs, shortened; or the sizes, for files that are not text."""
    try:
        lines_a, lines_b = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"{len(a)} bytes, now {len(b)}"
    for number, (left, right) in enumerate(zip(lines_a, lines_b), start=1):
        if left != right:
            at = next((i for i, (x, y) in enumerate(zip(left, right)) if x != y), min(len(left), len(right)))
            start = max(0, at - 40)
            return f"line {number}: …{left[start:start + 100]}… now …{right[start:start + 100]}…"
    return f"{len(lines_a)} lines, now {len(lines_b)}"


def files(site: Path) -> dict[str, str]:
    """Each file below ``site`` by its role: role -> path relative to the site. Files that share a
    role (the pages' own bundles, ``page.<hash>.min.js``) are told apart by the first page that
    loads each: ``assets/js/page.min.js for vorfuehren/index.html``."""
    paths = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*")) if p.is_file()]
    by_role: dict[str, list[str]] = {}
    for path in paths:
        by_role.setdefault(role(path), []).append(path)
    pages = {path: (site / path).read_text(encoding="utf-8", errors="replace")
             for path in paths if path.endswith(".html")} if any(len(v) > 1 for v in by_role.values()) else {}
    found = {}
    for name, shared in by_role.items():
        for path in shared:
            if len(shared) == 1:
                found[name] = path
                continue
            first = next((page for page, text in sorted(pages.items()) if path.rsplit("/", 1)[-1] in text), "no page")
            found[f"{name} for {first}"] = path
    return found


def compare_sites(a: Path, b: Path) -> Difference:
    found, in_a, in_b = Difference(), files(a), files(b)
    for name in sorted(in_a.keys() | in_b.keys()):
        if name not in in_b:
            found.only_a.append(name)
        elif name not in in_a:
            found.only_b.append(name)
        else:
            left, right = readable(a / in_a[name], in_a[name]), readable(b / in_b[name], in_b[name])
            if left == right:
                found.same.append(name)
            else:
                found.differ[name] = first_difference(left, right)
    return found


def built(repository: Path, commit: str, where: Path) -> Path:
    """The site of ``commit`` (or of the working tree, for "."), built below ``where``."""
    if commit == ".":
        tree = repository
    else:
        tree = where / "tree"
        subprocess.run(["git", "-C", str(repository), "worktree", "add", "--detach", "--quiet", str(tree), commit],
                       check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if (repository / "node_modules").exists() and not (tree / "node_modules").exists():
            (tree / "node_modules").symlink_to((repository / "node_modules").resolve(), target_is_directory=True)
        if (repository / KEPT).is_dir() and not (tree / KEPT).exists():
            shutil.copytree(repository / KEPT, tree / KEPT, symlinks=True)
    env = {"HERAUSGEBER": str(tree / PUBLISHER)} if (tree / PUBLISHER).is_file() else {}
    if (tree / ENGINE).is_dir():  # the commit's own engine before the one installed from this checkout
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree / ENGINE.parent), os.environ.get("PYTHONPATH")]))
    site = where / "site"
    build(tree, site, label=f"{commit} ({tree})", env=env)
    return site


def compare(repository: Path, a: str, b: str) -> Difference:
    """Build ``a`` and ``b`` of the git repository at ``repository`` and compare their sites."""
    with tempfile.TemporaryDirectory(prefix="vergleich-") as scratch:
        scratch = Path(scratch)
        try:
            sites = [built(repository, commit, scratch / name) for commit, name in ((a, "a"), (b, "b"))]
            return compare_sites(*sites)
        finally:  # the worktrees go with the folder; git forgets them
            for name in ("a", "b"):
                if (scratch / name / "tree").exists():
                    subprocess.run(["git", "-C", str(repository), "worktree", "remove", "--force",
                                    str(scratch / name / "tree")], check=False,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run(["git", "-C", str(repository), "worktree", "prune"], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", nargs="?", default="HEAD~1", help="the commit before (default HEAD~1)")
    parser.add_argument("b", nargs="?", default="HEAD", help='the commit after (default HEAD; "." the working tree)')
    args = parser.parse_args(argv)
    print(compare(ROOT, args.a, args.b).report(args.a, args.b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
