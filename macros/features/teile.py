"""What a page loads beyond the site's bundles: the parts the features on it declared.

The site's bundles (macros/outputs/bundles.py) hold what every page needs. The rest belongs
to features that only some pages have: the fan, the checklists, the notes, the selection, the
projector view, the Druckfassung, the downloads' table. Each is a part here, with its
stylesheets, its scripts, the npm files they use (loaded before them, macros/outputs/vendor.py)
and the parts it needs; ``PARTS`` lists them in the order their files load. A feature that puts
its markup into a page says so as it does (``use``), for the page being built (``begin``, called
as each page's Markdown is read), and overrides/main.html asks for the page's files (``files``),
which bundles.py joins into one stylesheet and one script. So no template searches a page's HTML
for what it holds, and a part's files are named in one place.

Shared parts carry no feature's name where several features use them: ``speicher`` (the
checklists' and the notes' stores and the dialog) serves the checklists, the notes and the
selection; ``checkliste-stil`` styles the checklists and the selection's share box. (Their
files still have their old names; the issue „One feature, one folder“ moves them.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()
    vendor: tuple[str, ...] = ()  # npm files the scripts use, loaded before the page's script
    needs: tuple[str, ...] = ()  # other parts, which load where PARTS puts them


@dataclass(frozen=True)
class Files:
    css: list[str]
    js: list[str]
    vendor: list[str]


# In the order their files load: what a part needs comes earlier, unless it is needed by several.
PARTS: dict[str, Part] = {
    "faecher": Part(css=("macros/features/faecher/faecher.css",)),
    "checkliste-stil": Part(css=("assets/css/checkliste.css",)),
    "speicher": Part(js=("assets/js/checkliste-speicher.js", "assets/js/notiz-speicher.js",
                         "assets/js/checkliste-dialog.js")),
    "checkliste": Part(js=("assets/js/checkliste.js",), needs=("checkliste-stil", "speicher", "notiz")),
    "notiz": Part(css=("assets/css/notiz.css",), js=("assets/js/notiz.js",), needs=("speicher",)),
    "checklisten-seite": Part(js=("assets/js/checkliste-uebersicht.js", "assets/js/checkliste-markdown.js",
                                  "assets/js/checkliste-teilen.js", "assets/js/notiz-uebersicht.js"),
                              needs=("checkliste",)),
    "auswahl": Part(css=("assets/css/auswahl.css",), js=("assets/js/auswahl.js", "assets/js/auswahl-teilen.js"),
                    vendor=("assets/vendor/qrcode-generator.js",), needs=("checkliste-stil", "notiz")),
    "vorfuehren": Part(css=("macros/features/vorfuehren/vorfuehren.css",),
                       js=("macros/features/vorfuehren/vorfuehren.js",)),
    # The build puts every card after the page's own markup (their fans and checklists).
    "druckfassung": Part(css=("macros/features/druckfassung/druckfassung.css",), needs=("faecher", "checkliste-stil")),
    "herunterladen": Part(css=("macros/features/herunterladen/herunterladen.css",)),
}


class OnPages:
    """The parts each page uses, as the features said while it was built."""

    def __init__(self):
        self.pages: dict[str, set[str]] = {}
        self.current: str | None = None

    def begin(self, src_uri: str) -> None:
        """The page whose Markdown is read and converted next (its source, as MkDocs names it)."""
        self.current = src_uri
        self.pages[src_uri] = set()

    def use(self, *names: str) -> None:
        """The page being built has these parts' markup."""
        unknown = [name for name in names if name not in PARTS]
        if unknown:
            raise ValueError(f"no such part: {', '.join(unknown)} (macros/features/teile.py, PARTS)")
        if self.current is not None:
            self.pages[self.current].update(names)

    def files(self, page) -> Files:
        """The files of the parts ``page`` uses and of those they need, in PARTS's order."""
        wanted, todo = set(), list(self.pages.get(page.file.src_uri, ()) if page and page.file else ())
        while todo:
            name = todo.pop()
            if name not in wanted:
                wanted.add(name)
                todo.extend(PARTS[name].needs)
        chosen = [part for name, part in PARTS.items() if name in wanted]
        return Files(css=[f for p in chosen for f in p.css], js=[f for p in chosen for f in p.js],
                     vendor=[f for p in chosen for f in p.vendor])


ON_PAGES = OnPages()  # one per process: each page's entry is made anew as the page is built
use = ON_PAGES.use
begin = ON_PAGES.begin
