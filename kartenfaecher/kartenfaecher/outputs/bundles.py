"""Our stylesheets and scripts as the browser gets them: joined, minified, named by their content.

The sources stay one file per feature: the parts every page has (kartenfaecher/features/teile.py),
then what a publisher lists in mkdocs.yml (``extra_css``, ``extra_javascript``). Loaded as
they are, every stylesheet holds up the first paint and every file costs a request. So each
build makes of them, minified by rcssmin and rjsmin:

- ``assets/css/site.<hash>.min.css``: every screen rule of those stylesheets,
  in their order (the theme's main.html links it; this module empties ``extra_css``,
  through which Material would link it on every page);
- ``assets/css/site-print.<hash>.min.css``: their ``@media print`` blocks, taken
  out and unwrapped; the theme's main.html links it with ``media="print"``, so it
  never holds up the screen;
- ``assets/js/site.<hash>.min.js``: those scripts in their order, as one
  classic script; the theme's main.html loads it deferred, before Material's bundle
  (suche-bei-bedarf.js in it must run first).

Files only some pages load (the fan's style, the checklists', the notes', the
selection's) are minified when a template first asks for them: one page's set
of them joined into one script, ``page.<hash>.min.js``
(``assets.script(...)``: the page „Checklisten“ needs eleven scripts,
in one request), and into one stylesheet *with the site's screen rules*,
``page.<hash>.min.css`` (``assets.stylesheet(...)``), which such a
page loads instead of ``site.<hash>.min.css``. Every stylesheet holds up the first
paint, and Lighthouse's simulated phone showed the home page's first paint a
round trip (≈ 0.15 s) later with the site's and the fan's stylesheet apart than
with both in one; the site's rules (about 2 KB) are loaded twice at most, once
with such a page and once with the next card. A script that must run
where it stands in the page (the fan's) is written into the page minified
(``inline``). The hash is eight hex digits of the content's SHA-256, as in
Material's own file names, so a host may keep these files for a year
(kartenfaecher/outputs/cache.py writes that into the host examples) and a new build
gives changed files new names.

Names are settled when the build starts (the templates need them), the files are
written after the build (``write``), and the sources MkDocs copied into the site
as they are are removed there: the site holds what its pages load. The bundles
lie in the folders of their sources, so relative ``url()``s keep pointing where
they did; a source elsewhere with a relative ``url()`` is refused.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import rcssmin
import rjsmin

from .. import PACKAGE
from ..errors import ContentError, line_of

CSS_FOLDER = "assets/css"
JS_FOLDER = "assets/js"
SITE = "site"
PRINT = "site-print"
PAGE = "page"  # what one page loads beyond the site's bundles
PARTS_FILE = "kartenfaecher/features/teile.py"  # where the features name their files
HASH_LENGTH = 8
# A content-named file, ours or Material's: name.0123abcd.min.css / .js.
HASHED = re.compile(r"\.[0-9a-f]{%d}\.min\.(?:css|js)$" % HASH_LENGTH)

_PRINT_BLOCK = re.compile(r"@media\s+print\s*\{")
_RELATIVE_URL = re.compile(r"""url\(\s*['"]?(?!data:|[a-z][a-z0-9+.-]*:|/|#)""", re.I)


class Assets:
    """What one build loads of ours: the bundles' names, and every file to write.

    In templates: ``assets.print``, ``assets.js`` (paths below the site, or None
    when nothing is listed), ``assets.stylesheet([...])`` for a page's one stylesheet
    of ours (the site's screen rules, ``assets.css``, and those only this page needs),
    ``assets.script([...])`` for the scripts only some pages load, joined in one file.
    """

    def __init__(self, find, fill=lambda path, text: text):
        self._find = find                  # (path below the site, where it is named) -> source file
        self._fill = fill                  # (path, a script's text) -> with its texts (kartenfaecher/texte.py)
        self._joined: dict[tuple[str, ...], str] = {}  # sources -> their joined, content-named file
        self._minified: dict[str, str] = {}  # source -> its minified text
        self.files: dict[str, bytes] = {}  # path below the site -> content
        self.sources: set[str] = set()     # source paths below the site, replaced by the above
        self.css = self.print = self.js = None

    def add(self, stem_path: str, ext: str, text: str) -> str:
        """Store minified ``text`` as ``stem_path.<hash>.min.<ext>``; returns that path."""
        data = text.encode("utf-8")
        path = f"{stem_path}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}.min.{ext}"
        self.files[path] = data
        return path

    def stylesheet(self, sources=()) -> str | None:
        """The one stylesheet of ours a page links: the site's screen rules, and where the page
        needs more (``sources``), those joined after them into one content-named file."""
        sources = tuple(sources)
        if not sources:
            return self.css
        return self._page_file(sources, "css", self.files[self.css].decode("utf-8") if self.css else "")

    def script(self, sources=()) -> str | None:
        """The one script beyond the site's a page loads: ``sources`` joined in their order into
        one content-named file; None for none."""
        sources = tuple(sources)
        return self._page_file(sources, "js") if sources else None

    def _page_file(self, sources: tuple[str, ...], kind: str, before: str = "") -> str:
        """``page.<hash>.min.<kind>``: ``before``, then the sources minified in their order."""
        if sources not in self._joined:
            wrong = [source for source in sources if posixpath.splitext(source)[1] != f".{kind}"]
            if wrong:
                what = "stylesheet" if kind == "css" else "script"
                raise ContentError("the theme's main.html", None, f"joins {', '.join(wrong)} into "
                                   f"a page's {what}.", f"list only .{kind} files for the page's {what}.")
            texts = [self.inline(source) for source in sources]
            if kind == "js":
                # Each script is a whole program of its own: ";" keeps one from running into the next.
                text, folder = ";\n".join(t.rstrip(";") for t in texts) + ";", JS_FOLDER
            else:
                text, folder = "".join(texts), CSS_FOLDER
            self._joined[sources] = self.add(f"{folder}/{PAGE}", kind, before + text)
        return self._joined[sources]

    def inline(self, source: str, named_in: str = "the theme's main.html") -> str:
        """One stylesheet or script, minified, to be written into pages (or a file of its own)."""
        if source not in self._minified:
            ext = posixpath.splitext(source)[1]
            if ext not in (".css", ".js"):
                raise ContentError(named_in, None, f"asks for {source} as an asset, which is "
                                   "neither a stylesheet nor a script.",
                                   "name a .css or .js file below docs/ or a theme folder.")
            text = _read(self._find(source, named_in))
            self._minified[source] = _minify(ext, self._fill(source, text) if ext == ".js" else text)
            self.sources.add(source)
        return self._minified[source]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _minify(ext: str, text: str) -> str:
    return rcssmin.cssmin(text) if ext == ".css" else rjsmin.jsmin(text)


def split_print(css: str) -> tuple[str, str]:
    """Minified CSS -> (its rules without the top-level ``@media print`` blocks, their contents)."""
    screen, printed, start, depth, i = [], [], 0, 0, 0
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = _string_end(css, i)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "@" and depth == 0:
            match = _PRINT_BLOCK.match(css, i)
            if match:
                end = _block_end(css, match.end())
                screen.append(css[start:i])
                printed.append(css[match.end():end])
                start = i = end + 1
                continue
        i += 1
    screen.append(css[start:])
    return "".join(screen), "".join(printed)


def _string_end(css: str, i: int) -> int:
    """Index after the string that starts at ``i``."""
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _block_end(css: str, i: int) -> int:
    """Index of the ``}`` that closes the block whose content starts at ``i``."""
    depth = 1
    while i < len(css):
        if css[i] in "\"'":
            i = _string_end(css, i)
            continue
        depth += {"{": 1, "}": -1}.get(css[i], 0)
        if depth == 0:
            return i
        i += 1
    return i


def prepare(conf, every_page: dict, made_css: str = "", fill=lambda path, text: text) -> Assets:
    """Bundle the files of the parts ``every_page`` (name -> kartenfaecher.features.teile.Part), then
    ``extra_css`` and ``extra_javascript``, for this build; raises ContentError. ``made_css``,
    rules the build makes (the chapters' colours), goes first in the stylesheet; ``fill(path,
    text)`` writes a script's interface texts into it (kartenfaecher/texte.py).

    Replaces both lists in ``conf`` (Material links the screen bundle itself); the Assets
    go to the templates in the build's state (kartenfaecher/build.py).
    """
    config_file = Path(conf["config_file_path"])
    shown_config = config_file.name
    # A feature folder's own files (kartenfaecher/features/<name>/) are named from the package's folder.
    folders = [Path(conf["docs_dir"]), *(Path(d) for d in conf["theme"].dirs), PACKAGE.parent]

    def find(source: str, named_in: str, line: int | None = None) -> Path:
        for folder in folders:
            if (folder / source).is_file():
                return folder / source
        raise ContentError(named_in, line, f"{source} is not in {Path(conf['docs_dir']).name}/ "
                           f"nor in the theme's folders ({', '.join(conf['theme'].dirs[:-2])}).",
                           "add the file there, or correct its path.")

    assets = Assets(find, fill)

    def read(path: str, folder: str, named_in: str, line: int | None = None) -> tuple[str, str]:
        text = _read(find(path, named_in, line))
        if folder == CSS_FOLDER and posixpath.dirname(path) != folder and _RELATIVE_URL.search(text):
            raise ContentError(named_in, line, f"{path} has a relative url(), which would "
                               f"point elsewhere from the bundle in {folder}/.",
                               f"move the file into {folder}/ or use a data: URL.")
        assets.sources.add(path)
        return path, fill(path, text) if folder == JS_FOLDER else text

    def sources(kind: str, key: str, folder: str) -> list[tuple[str, str]]:
        owner = {path: name for name, part in every_page.items() for path in getattr(part, kind)}
        found = [read(path, folder, PARTS_FILE) for path in owner]
        for entry in conf[key] or []:
            path = str(getattr(entry, "path", entry))
            line = line_of(config_file, path)
            if getattr(entry, "type", "") == "module" or path.endswith(".mjs") or \
                    getattr(entry, "async_", False):
                raise ContentError(shown_config, line, f"{key} lists {path} as a module or async "
                                   "script; our scripts are joined into one classic script.",
                                   "write it as a classic script (no import/export) and list "
                                   "it as a plain path.")
            if path in owner:
                raise ContentError(shown_config, line, f"{key} lists {path}, which the feature "
                                   f"„{owner[path]}“ already loads on every page ({PARTS_FILE}).",
                                   f"remove it from {key}.")
            found.append(read(path, folder, shown_config, line))
        return found

    css = "".join(rcssmin.cssmin(text)
                  for text in [made_css, *(text for _, text in sources("css", "extra_css", CSS_FOLDER))])
    screen, printed = split_print(css)
    scripts = sources("js", "extra_javascript", JS_FOLDER)
    if screen:
        assets.css = assets.add(f"{CSS_FOLDER}/{SITE}", "css", screen)
    if printed:
        assets.print = assets.add(f"{CSS_FOLDER}/{PRINT}", "css", printed)
    if scripts:
        # Each script is a whole program of its own: ";" keeps one from running into the next.
        assets.js = assets.add(f"{JS_FOLDER}/{SITE}", "js",
                               ";\n".join(rjsmin.jsmin(text).rstrip(";") for _, text in scripts) + ";")
    conf["extra_css"] = []  # the theme's main.html links assets.stylesheet(...)
    conf["extra_javascript"] = []
    return assets


def write(site_dir: str | Path, assets: Assets) -> None:
    """Write the bundles and content-named files; remove the sources they replace."""
    site = Path(site_dir)
    for path, data in assets.files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for source in assets.sources:
        (site / source).unlink(missing_ok=True)
