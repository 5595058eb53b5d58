"""What each page loads of ours: the parts its features declared.

Each feature is a part here, with its stylesheets, its scripts, the npm files they use (loaded
before them, kartenfaecher/outputs/vendor.py) and the parts it needs; ``PARTS`` lists them in the order
their files load, so scripts that build on each other say so here and nowhere else. A part every
page has (``every_page``: the site's look, a card's, print, search, previews, the app, the
„Merken“ button) goes into the site's bundles (kartenfaecher/outputs/bundles.py, ``every_page()``),
followed by what a publisher lists in mkdocs.yml's ``extra_css`` and ``extra_javascript``. The
rest belongs to features that only some pages have: the fan, the checklists, the notes, the
selection, the projector view, the Druckfassung, the downloads' table. A feature that puts its
markup into a page says so as it does (``use``), for the page being built (``begin``, called as
each page's Markdown is read), and theme/main.html asks for the page's files (``files``),
which bundles.py joins into one stylesheet and one script. So no template searches a page's HTML
for what it holds, and a part's files are named in one place.

Shared parts carry no feature's name where several features use them, and their files lie
in kartenfaecher/features/gemeinsam/: ``speicher`` (where the ticks, the notes and the selection are
kept, on every page for the „Merken“ button), ``dialog`` (the question asked before something
is lost) and ``teilen`` (the share box and its messages).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()
    vendor: tuple[str, ...] = ()  # npm files the scripts use, loaded before the page's script
    needs: tuple[str, ...] = ()  # other parts, which load where PARTS puts them
    every_page: bool = False  # in the site's bundles, which every page loads


@dataclass(frozen=True)
class Files:
    css: list[str]
    js: list[str]
    vendor: list[str]


def _in(folder: str, *names: str) -> tuple[str, ...]:
    """Files in a feature's folder, named from the project's top (kartenfaecher/features/<folder>/)."""
    return tuple(f"kartenfaecher/features/{folder}/{name}" for name in names)


# In the order their files load: what a part needs comes earlier, unless it is needed by several.
PARTS: dict[str, Part] = {
    # Every page's, in the site's bundles. Search comes first: suche-bei-bedarf.js holds back
    # Material's search index and worker until search is first used, so it must run before
    # Material's bundle and before anything else of ours. suche-einfuegen.js: pasting or
    # dropping text into the search field searches, as typing does.
    "suche": Part(js=_in("suche", "suche-bei-bedarf.js", "suche-einfuegen.js"), every_page=True),
    "basis": Part(css=("assets/css/basis.css",), every_page=True),
    "karte": Part(css=("assets/css/karte.css",), every_page=True),
    # Print: the typeface's @font-face rules lie in assets/css/ (their url()s are relative to the bundles).
    "druck": Part(css=("assets/css/kartenschrift.css", *_in("druck", "druck.css")), every_page=True),
    "vorschau": Part(css=_in("vorschau", "vorschau.css"), js=_in("vorschau", "vorschau.js"), every_page=True),
    # Registers the service worker that keeps the handbook after one visit.
    "app": Part(css=_in("app", "app.css"), js=_in("app", "app.js"), every_page=True),
    # Where every feature keeps what a reader does (ticks, notes, the selection): shared.
    "speicher": Part(js=_in("gemeinsam", "speicher.js"), every_page=True),
    # The „Merken“ button on every card (small on purpose) and the selection's store.
    "merken": Part(css=_in("auswahl", "auswahl-merken.css"), js=_in("auswahl", "auswahl-merken.js"), every_page=True),
    # Only where a feature put its markup.
    "faecher": Part(css=_in("faecher", "faecher.css")),
    "checkliste-stil": Part(css=_in("checkliste", "checkliste.css")),
    # Shared: the question asked before something is lost, and the share box with its messages.
    "dialog": Part(css=_in("gemeinsam", "dialog.css"), js=_in("gemeinsam", "dialog.js")),
    "teilen": Part(css=_in("gemeinsam", "teilen.css"), js=_in("gemeinsam", "teilen.js")),
    # The formats ticks and notes are kept and passed on in.
    "formate": Part(js=_in("checkliste", "checkliste-speicher.js", "notiz-speicher.js")),
    "checkliste": Part(js=_in("checkliste", "checkliste.js"), needs=("checkliste-stil", "formate", "dialog", "notiz")),
    "notiz": Part(css=_in("checkliste", "notiz.css"), js=_in("checkliste", "notiz.js"), needs=("formate", "dialog")),
    "checklisten-seite": Part(js=_in("checkliste", "checkliste-uebernehmen.js", "checkliste-uebersicht.js",
                                     "checkliste-markdown.js", "checkliste-teilen.js", "notiz-uebersicht.js"),
                              needs=("checkliste", "teilen")),
    "auswahl": Part(css=_in("auswahl", "auswahl.css"), js=_in("auswahl", "auswahl.js", "auswahl-teilen.js"),
                    vendor=("assets/vendor/qrcode-generator.js",),
                    needs=("checkliste-stil", "notiz", "dialog", "teilen", "speicher", "merken")),
    "vorfuehren": Part(css=_in("vorfuehren", "vorfuehren.css"), js=_in("vorfuehren", "vorfuehren.js")),
    # The build puts every card after the page's own markup (their fans and checklists).
    "druckfassung": Part(css=_in("druckfassung", "druckfassung.css"), js=_in("druckfassung", "druckfassung-auswahl.js"),
                         needs=("faecher", "checkliste-stil")),
    "herunterladen": Part(css=_in("herunterladen", "herunterladen.css")),
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
            raise ValueError(f"no such part: {', '.join(unknown)} (kartenfaecher/features/teile.py, PARTS)")
        if self.current is not None:
            self.pages[self.current].update(names)

    def files(self, page) -> Files:
        """The files of the parts ``page`` uses and of those they need, in PARTS's order, apart
        from those every page loads (they are in the site's bundles)."""
        wanted, todo = set(), list(self.pages.get(page.file.src_uri, ()) if page and page.file else ())
        while todo:
            name = todo.pop()
            if name not in wanted:
                wanted.add(name)
                todo.extend(PARTS[name].needs)
        return _files(part for name, part in PARTS.items() if name in wanted and not part.every_page)


def every_page_parts() -> dict[str, Part]:
    """The parts every page has, by name, in PARTS's order: the site's bundles."""
    return {name: part for name, part in PARTS.items() if part.every_page}


def every_page() -> Files:
    """The files of the parts every page has, in PARTS's order."""
    return _files(every_page_parts().values())


def _files(parts) -> Files:
    chosen = list(parts)
    return Files(css=[f for p in chosen for f in p.css], js=[f for p in chosen for f in p.js],
                 vendor=[f for p in chosen for f in p.vendor])


ON_PAGES = OnPages()  # one per process: each page's entry is made anew as the page is built
use = ON_PAGES.use
begin = ON_PAGES.begin
