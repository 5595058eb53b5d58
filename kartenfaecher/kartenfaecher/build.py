"""What one build phase tells the next, and the templates: one typed object a build (``Build``).

As the build starts (define_env, kartenfaecher/makros.py), the publisher's file, the bundles, the
colours and the emblem fill it in; it stands where the templates find it,
``config.extra.build`` (theme/main.html, partials/). As each page is built, the features
add what its template writes beyond its Markdown (a card's footer and its print-only block,
kept out of the search index) and the parts the page loads (``parts``, kartenfaecher/features/teile.py).
After the build, the outputs (kartenfaecher/outputs/) read it. mkdocs serve rebuilds in one process:
each build makes a new one. Only what the build derives travels here; the settings a
publisher writes stay in mkdocs.yml, the engine's options (``options``), and the publisher's file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from kartenfaecher import NAME as ENGINE  # the card-fan engine's plugin, whose options the handbook sets
from kartenfaecher import texte
from kartenfaecher.handbuch import Handbook

from .errors import ContentError


def options(conf):
    """What the handbook says of itself: the options of the plugin ``kartenfaecher`` in mkdocs.yml
    (kartenfaecher/kartenfaecher/config.py), their kinds checked by MkDocs; raises ContentError."""
    try:
        return conf["plugins"][ENGINE].config
    except KeyError:
        raise ContentError("mkdocs.yml", None, f"the plugin {ENGINE} is not listed under plugins.",
                           f"add '- {ENGINE}:' under plugins (after macros), with the handbook's "
                           "chapters as its option kapitel.") from None


def handbook(conf) -> Handbook:
    """The handbook's name, short name and language (kartenfaecher/kartenfaecher/handbuch.py), as
    the plugin read them for this build."""
    options(conf)  # the plugin is listed
    return conf["plugins"][ENGINE].handbook(conf)


_texts: texte.Texts | None = None  # this build's, from its start (texts(conf), kartenfaecher/outputs/)


def texts(conf) -> texte.Texts:
    """The interface's texts in the handbook's language, with its own wording (``kartenfaecher.texte``);
    from now on what :func:`text` says."""
    global _texts
    options(conf)  # the plugin is listed
    _texts = conf["plugins"][ENGINE].texts(conf)
    return _texts


def text(key: str, **values) -> str:
    """The interface's text ``section.key`` (kartenfaecher/texte/<sprache>.yml) with ``values``, as
    this build words it: plain text (escape it for HTML)."""
    return current().text(key, **values)


def html(key: str, **values) -> str:
    """The text ``section.key`` as HTML: its words escaped, ``values`` (markup, or escaped) as they are."""
    return current().html(key, **values)


def current() -> texte.Texts:
    """This build's texts, read as it starts (:func:`start`)."""
    if _texts is None:
        raise RuntimeError("the build has not read its texts yet (kartenfaecher.build.start)")
    return _texts


def start(conf) -> Build:
    """A new build's state, with its texts read."""
    return Build(texts=texts(conf))


@dataclass(frozen=True)
class Colours:
    """Read once a build from the site's stylesheets (kartenfaecher/features/app/)."""

    chapters: list[str]  # the chapters' colours, each once, in order (mkdocs.yml): the emblem, the app's icons
    header: str  # the header's (basis.css), which the app wears too


@dataclass
class Build:
    """Everything a build hands from one phase to the next (see the module's docstring)."""

    assets: object = None  # our bundles and page files (kartenfaecher/outputs/bundles.py, Assets)
    parts: object = None  # what each page loads beyond the bundles (kartenfaecher/features/teile.py, OnPages)
    colours: Colours | None = None
    texts: texte.Texts | None = None  # the interface's (kartenfaecher/texte.py)
    app: bool = False  # whether this build writes the app (not the offline zip: no worker runs from file://)
    emblem: Markup = Markup("")  # the fan as the header's logo and the favicon (kartenfaecher/features/emblem.py)
    draft: list[dict] = field(default_factory=list)  # what the publisher's file lacks (features/herausgeber.py)
    publisher: dict = field(default_factory=dict)  # its name, file and security contact (features/herausgeber.py)
    footer_links: list[tuple[str, str]] = field(default_factory=list)  # (page, label): features/page_meta.py
    card_footers: dict[str, str] = field(default_factory=dict)  # by page source: backlinks, previous, next
    print_blocks: dict[str, str] = field(default_factory=dict)  # by page source: band, rivet mark, QR code

    def card_page(self, page, footer: str, print_block: str) -> None:
        """What the template writes after a card's text: its footer and its print-only block."""
        self.card_footers[page.file.src_uri], self.print_blocks[page.file.src_uri] = footer, print_block

    def footer(self, page) -> str:
        """A card page's footer (kartenfaecher/features/karte.py), "" for any other page."""
        return self.card_footers.get(page.file.src_uri, "") if page and page.file else ""

    def print_block(self, page) -> str:
        """A card page's print-only block (kartenfaecher/features/druck/), "" for any other page."""
        return self.print_blocks.get(page.file.src_uri, "") if page and page.file else ""
