"""Connects the handbook's rooms to MkDocs, through mkdocs-macros-plugin: its hooks and the macros.

The work lives in the folders beside this file, one role each: ``sources/`` (reading and checking
the cards, no MkDocs), ``features/`` (what readers see), ``extensions/`` (Python-Markdown),
``outputs/`` (files written after the build), ``guards/`` (configuration and MkDocs's log).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import guards, outputs, sources
from .errors import ContentError
from .extensions.checkliste import ChecklistExtension
from .extensions.druck import AddressExtension
from .features import auswahl, druck, page_meta, vorfuehren
from .features.begriffe import link_terms
from .features.checkliste import TOOLS_PARTIAL, all_checklists
from .features.faecher import chapter_fan, whole_fan
from .features.karte import card_link, contents, footer, header, inline_link, references
from .sources import checkliste, nav
from .sources.calls import body_offset, check_names, has_macros
from .sources.registry import references_in

# Names mkdocs-macros-plugin defines that are not ours to suggest as macros.
_PLUGIN_MACROS = ("context", "macros_info", "now", "fix_url")
_build: sources.Sources | None = None  # replaced by every build (mkdocs serve rebuilds in one process)


def define_env(env):
    """Read and check the cards, expand the nav, add our extensions, register the macros."""
    global _build
    conf = env.conf
    project = Path(conf["config_file_path"]).parent
    try:
        _build = sources.read(conf["docs_dir"], conf["extra"], project)
        guards.install(conf, project, _build.shown_docs)
        conf["nav"] = nav.expand(conf["nav"], _build.registry)
    except ContentError as error:
        raise _build_error(error) from None
    for extension in (ChecklistExtension(), AddressExtension()):
        if not any(isinstance(e, type(extension)) for e in conf["markdown_extensions"]):
            conf["markdown_extensions"].append(extension)
    registry, shown_docs = _build.registry, _build.shown_docs

    def here():  # card -> its address from the page being built
        return lambda card: _page_href(env, card.src_uri)

    @env.macro
    def siehe(*numbers: int) -> str:
        """The printed cross-references "→ 15, 16, 18": links to those cards with their titles."""
        return references(registry, here(), list(numbers))

    @env.macro
    def karte(number: int, text: str | None = None) -> str:
        """A link to one card in running text: Karte 15 „Warum Legitimation wichtig ist“."""
        return inline_link(registry, here(), number, text)

    @env.macro
    def kapitel_karten() -> str:
        """On a chapter's overview card: the chapter's cards as a fan."""
        card = registry.card_for_page(env.page.file.src_uri)
        if card is None:
            raise _build_error(ContentError(f"{shown_docs}/{env.page.file.src_uri}", None, "kapitel_karten() "
                                            "only works on a card page.", "use it on a chapter's overview card."))
        return chapter_fan(registry, card, here())

    @env.macro
    def faecher() -> str:
        """On the home page: every card as the interactive fan (a plain list without JavaScript)."""
        return whole_fan(registry, here())

    @env.macro
    def inhaltsverzeichnis() -> str:
        """Every card, by chapter, with number and title."""
        return contents(registry, here())

    @env.macro
    def alle_checklisten() -> str:
        """Every card's checklists by chapter, linked to their cards, with export and sharing."""
        href = here()
        tools = conf["theme"].get_env().get_template(TOOLS_PARTIAL).render()
        return all_checklists(registry, _build.checklists,
                              lambda card: card_link(card, href), tools)

    @env.macro
    def meine_auswahl() -> str:
        """The page „Meine Auswahl“: every card as data for the reader's kept cards."""
        return auswahl.page(registry, here(), _page_href(env, "vorfuehren.md"), conf["site_url"])

    @env.macro
    def vorfuehren_folien() -> str:
        """The page „Vorführen“: every card as a slide for the projector."""
        return vorfuehren.page(registry, conf, _page_href(env, auswahl.PAGE))


def on_pre_page_macros(env):
    """Check a page's macros and checklists, link its terms, and frame a card page.

    Only pages with macros go through Jinja (render_by_default: false; opted in here):
    rendering every page cost a tenth of the build.
    """
    page, registry = env.page, _build.registry
    page_meta.set_description(page, registry)
    if page.meta.get("render_macros") is False:
        return
    card = registry.card_for_page(page.file.src_uri)
    shown = f"{_build.shown_docs}/{page.file.src_uri}"
    try:
        if has_macros(env.markdown):
            page.meta["render_macros"] = True
            known = set(env.variables) | set(env.macros) | set(env.env.globals) | set(page.meta)
            check_names(env.markdown, shown, known, sorted(
                n for n in env.macros if not n.startswith("_") and n not in _PLUGIN_MACROS))
            if card is None:  # cards were checked when the registry was built
                registry.check_references(references_in(env.markdown, 0, shown), shown)
        if card is None:
            checkliste.parse(env.markdown, None, shown)  # refuses checklists outside cards
            return
        env.markdown = checkliste.annotate(env.markdown, card.number, shown)
    except ContentError as error:
        # Lines so far count from the end of the front matter; say the file's line.
        raise _build_error(error, body_offset(page.file.abs_src_path)) from None
    href = lambda card: _page_href(env, card.src_uri)  # noqa: E731
    env.markdown = link_terms(env.markdown, registry, card, href, _build.terms, _build.terms_excluded)
    env.markdown = header(registry, card, href) + env.markdown + \
        footer(registry, card, href) + druck.block(card, env.conf["site_url"])


def on_post_build(env):
    """Write the files that belong to the built site (macros/outputs/)."""
    files = env.variables["files"]
    try:
        outputs.write(env.conf, _build.registry, lambda src: files.get_file_from_path(src).url)
    except ContentError as error:
        raise _build_error(error) from None


def _build_error(error: ContentError, offset: int = 0) -> PluginError:
    """A content error as MkDocs's build error; ``offset`` lines are added to its line."""
    line = error.line + offset if error.line else None
    return PluginError(str(ContentError(error.path, line, error.problem, error.fix)))


def _page_href(env, src_uri: str) -> str:
    """The address of the page made from ``src_uri`` (below docs/) from the page being built."""
    return get_relative_url(env.variables["files"].get_file_from_path(src_uri).url, env.page.url)
