"""Connects the handbook's rooms to MkDocs, through mkdocs-macros-plugin: its hooks and the macros.

The work lives in the folders beside this file, one role each: ``sources/`` (reading and checking
the cards, no MkDocs), ``features/`` (what readers see), ``extensions/`` (Python-Markdown),
``outputs/`` (files written after the build), ``guards/`` (configuration and MkDocs's log).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from . import build, extensions, guards, outputs, sources
from .errors import ContentError, build_error
from .extensions import kept
from .features import auswahl, druck, druckfassung as printed, herausgeber, page_meta, vorfuehren
from .features import herunterladen as downloads, pruefschritte, teile
from .features.begriffe import link_terms
from .features.checkliste import all_checklists, tools as checklist_tools
from .features.faecher import chapter_fan, whole_fan
from .features.karte import card_link, contents, framed, inline_link, references
from .sources import checkliste, nav
from .sources.calls import body_offset, check_cards, check_names, expand_page, has_macros, page_names
from .sources.registry import references_in

_sources, _build = None, build.Build()  # the cards, and what one phase tells the next: anew every build


def define_env(env):
    """Read and check the cards, expand the nav, add our extensions, register the macros."""
    global _sources, _build
    conf, project = env.conf, Path(env.conf["config_file_path"]).parent
    conf["extra"]["build"] = _build = build.start(conf)  # for the templates too (kartenfaecher/build.py)
    excluded = sources.excluded(conf.get("exclude_docs"), conf.get("draft_docs"))
    _sources = _checked(lambda: sources.read(conf["docs_dir"], build.options(conf), project, excluded))
    publisher = _checked(lambda: herausgeber.install(conf, project, _build))  # site_url, footer: before all else
    _checked(lambda: (guards.install(conf, project, _sources.shown_docs), outputs.prepare(conf, _build, _sources.registry.chapters)))
    conf["nav"] = _checked(lambda: nav.expand(conf["nav"], _sources.registry))
    extensions.install(conf)
    registry, shown_docs, inline = _sources.registry, _sources.shown_docs, _build.assets.inline
    here = lambda: lambda card: _page_href(env, card.src_uri)  # noqa: E731 - card -> address from this page

    @env.macro
    def siehe(*numbers: int) -> str:
        """The printed cross-references "→ 15, 16, 18": links to those cards with their titles."""
        return kept(references(registry, here(), list(numbers)))

    @env.macro
    def karte(number: int, text: str | None = None) -> str:
        """A link to one card in running text: Karte 15 „Warum Legitimation wichtig ist“."""
        return kept(inline_link(registry, here(), number, text))

    @env.macro
    def kapitel_karten() -> str:
        """On a chapter's overview card: the chapter's cards as a fan."""
        return kept(_checked(lambda: chapter_fan(registry, env.page.file.src_uri, shown_docs, here(), inline)))

    @env.macro
    def faecher() -> str:
        """The home page's first screen: the cover card's words and every card as the fan."""
        return kept(_checked(lambda: whole_fan(registry, here(), inline, conf)))

    @env.macro
    def inhaltsverzeichnis() -> str:
        """Every card, by chapter, with number and title."""
        return contents(registry, here())

    @env.macro
    def druckfassung() -> str:
        """On the page „Druckfassung“: cover and contents card; the build puts every card after them."""
        return kept(_checked(lambda: printed.page(registry, conf)))

    @env.macro
    def herunterladen() -> str:
        """On the page „Herunterladen“: each download and what it is for, and where to order copies."""
        return _checked(lambda: downloads.page(build.options(conf), env.page.url))

    env.macro(herausgeber.macro(publisher, lambda: env.page), "angabe")  # {{ angabe("herausgeber.email") }}
    env.macro(lambda: _checked(lambda: pruefschritte.section(project)), "pruefschritte")  # the BITV-Test's steps

    @env.macro
    def alle_checklisten() -> str:
        """Every card's checklists by chapter, linked to their cards, with export and sharing."""
        href, tools = here(), checklist_tools()
        return all_checklists(registry, _sources.checklists, lambda card: card_link(card, href), tools)

    @env.macro
    def meine_auswahl() -> str:
        """The page „Meine Auswahl“: every card as data for the reader's kept cards."""
        return kept(auswahl.page(registry, here(), lambda name: _page_href(env, name), conf["site_url"]))

    @env.macro
    def vorfuehren_folien() -> str:
        """The page „Vorführen“: every card as a slide for the projector."""
        return kept(vorfuehren.page(registry, conf, _page_href(env, auswahl.PAGE), project / outputs.SLIDES_CACHE))


def on_pre_page_macros(env):
    """Check a page's macros and checklists, link a card's terms, frame it, expand literal calls."""
    page, registry = env.page, _sources.registry
    if not _sources.cards_checked:  # pages that gather cards render them before the cards' own pages
        _checked(lambda: check_cards(registry.cards, *page_names(env, {})))
        _sources.cards_checked = True
    shown = f"{_sources.shown_docs}/{page.file.src_uri}"
    extensions.converting(shown, Path(page.file.abs_src_path))
    teile.begin(page.file.src_uri)  # the parts whose markup the page gets (theme/main.html)
    page_meta.set_description(page, registry)
    _checked(lambda: page_meta.front_matter(page, shown, env.conf["theme"]))
    if page.meta.get("render_macros") is False:
        return
    card = registry.card_for_page(page.file.src_uri)
    try:
        if has_macros(env.markdown):
            page.meta["render_macros"] = True
            check_names(env.markdown, shown, *page_names(env, page.meta))
            if card is None:  # cards were checked when the registry was built
                registry.check_references(references_in(env.markdown, 0, shown), shown)
        if card is None:
            checkliste.parse(env.markdown, None, shown)  # refuses checklists outside cards
            env.markdown = expand_page(env.markdown, env.macros, page.meta)
            return
        env.markdown = checkliste.annotate(env.markdown, card.number, shown)
    except ContentError as error:  # its line counts from the front matter's end: say the file's
        raise build_error(error, body_offset(page.file.abs_src_path)) from None
    href = lambda card: _page_href(env, card.src_uri)  # noqa: E731
    env.markdown = link_terms(env.markdown, registry, card, href, _sources.terms, _sources.terms_excluded)
    env.markdown, footer = framed(registry, card, href, env.markdown, auswahl.bar(_page_href(env, auswahl.PAGE)))
    _build.card_page(page, footer, druck.block(card, env.conf["site_url"]))  # theme/main.html writes both
    env.markdown = expand_page(env.markdown, env.macros, page.meta)


def on_post_build(env):
    """Write the files that belong to the built site (kartenfaecher/outputs/)."""
    url_of = lambda src: getattr(env.variables["files"].get_file_from_path(src), "url", None)  # noqa: E731
    _checked(lambda: outputs.write(env.conf, _build, _sources, url_of))


def _checked(make):
    """``make()``, with a content error turned into MkDocs's build error."""
    try:
        return make()
    except ContentError as error:
        raise build_error(error) from None


def _page_href(env, src_uri: str) -> str:
    """The address of the page made from ``src_uri`` (below docs/) from the page being built; "" for none."""
    file = env.variables["files"].get_file_from_path(src_uri)
    return get_relative_url(file.url, env.page.url) if file else ""
