"""The handbook's macros and build checks, for mkdocs-macros-plugin.

The logic lives in plain modules beside this one (registry, render, calls,
site_files); the functions here only connect them to MkDocs:

- ``define_env``: build the card registry once per build, put the cards into the
  navigation, register the macros used in the card files.
- ``on_pre_page_macros``: check a page's macro calls with their real line
  numbers, link the first mention of each defined term (begriffe), and frame
  card pages with header, backlinks and previous/next (and the print-only
  block of the printed card, macros/druck.py).
- ``on_post_build``: write ``karten.json`` and the short addresses (``/15/``);
  for the website robots.txt and the CSP examples (page_meta, csp), for the
  offline bundle its search shim (offline).

Checklists (macros/checklists.py) are read from the cards here too; their
Markdown extension is added to MkDocs's, and each card's questions are marked
with their keys before Markdown runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import (begriffe, checklists, csp, druck, faecher, link_lines, offline, page_meta,
               render, site_files, vorschau)
from .calls import has_macros, scan, split_front_matter
from .errors import ContentError
from .registry import load_chapters, load_registry, references_in, shown_path

NAV_PLACEHOLDER = "karten/"


def define_env(env):
    """Build the registry, expand the nav, register the macros."""
    conf = env.conf
    project = Path(conf["config_file_path"]).parent
    docs_dir = Path(conf["docs_dir"])
    shown_docs = shown_path(docs_dir, project)
    link_lines.install(str(docs_dir), shown_docs + "/")
    try:
        chapters = load_chapters(conf["extra"].get("kapitel"))
        registry = load_registry(docs_dir, chapters, shown_root=project)
        conf["nav"] = _expand_nav(conf["nav"], registry)
        offline.check_sources(conf, shown_path(Path(conf["config_file_path"]), project))
        card_checklists = checklists.load(registry)
        terms = begriffe.load_terms(conf["extra"].get("begriffe"), registry)
        terms_excluded = begriffe.load_excluded(conf["extra"].get("begriffe_nicht_in"), registry)
    except ContentError as error:
        raise PluginError(str(error)) from None
    conf["markdown_extensions"].append(checklists.ChecklistExtension())
    env.variables["_registry"] = registry
    env.variables["_begriffe"] = (terms, terms_excluded)
    env.variables["_shown_docs"] = shown_docs
    # Print: mark external links whose address the printed card must show (macros/druck.py).
    if not any(isinstance(e, druck.AddressExtension) for e in conf["markdown_extensions"]):
        conf["markdown_extensions"].append(druck.AddressExtension())

    def here():
        return _href_from(env, env.page)

    @env.macro
    def siehe(*numbers: int) -> str:
        """The printed cross-references "→ 15, 16, 18": links to those cards with their titles."""
        return render.references(registry, here(), list(numbers))

    @env.macro
    def karte(number: int, text: str | None = None) -> str:
        """A link to one card in running text: Karte 15 „Warum Legitimation wichtig ist“."""
        return render.inline_link(registry, here(), number, text)

    @env.macro
    def kapitel_karten() -> str:
        """On a chapter's overview card: the chapter's cards as links."""
        card = registry.card_for_page(env.page.file.src_uri)
        if card is None:
            raise PluginError(f"{shown_docs}/{env.page.file.src_uri}: kapitel_karten() only works "
                              "on a card page.\n  Fix: use it on the overview card of a chapter.")
        return faecher.chapter_fan(registry, card, here())

    def faecher_start() -> str:
        """On the home page: every card as the interactive fan (a plain list without JavaScript)."""
        return faecher.whole_fan(registry, here())

    env.macro(faecher_start, "faecher")  # the name `faecher` is the module's here

    @env.macro
    def inhaltsverzeichnis() -> str:
        """Every card, by chapter, with number and title."""
        return render.contents(registry, here())

    @env.macro
    def alle_checklisten() -> str:
        """Every card's checklists by chapter, linked to their cards, with export and sharing."""
        href = here()
        return checklists.all_checklists(registry, card_checklists,
                                         lambda card: render.card_link(card, href))


def on_pre_page_macros(env):
    """Check the page's macros against the source lines, then frame card pages.

    Only pages that contain macros go through Jinja (mkdocs.yml sets
    render_by_default: false; a page with macros is opted in here): most
    cards have none, and rendering every page cost a tenth of the build.
    """
    page = env.page
    page_meta.set_description(page, env.variables["_registry"])
    if page.meta.get("render_macros") is False:
        return
    registry = env.variables["_registry"]
    card = registry.card_for_page(page.file.src_uri)
    if has_macros(env.markdown):
        page.meta["render_macros"] = True
        shown = f"{env.variables['_shown_docs']}/{page.file.src_uri}"
        try:
            _check_names(env, env.markdown, shown)
            if card is None:  # cards were checked when the registry was built
                registry.check_references(references_in(env.markdown, 0, shown), shown)
        except ContentError as error:
            # Lines so far count from the end of the front matter; say the file's line.
            line = error.line + _body_offset(page.file.abs_src_path) if error.line else None
            raise PluginError(str(ContentError(error.path, line, error.problem, error.fix))) from None
    shown = f"{env.variables['_shown_docs']}/{page.file.src_uri}"
    try:
        if card is not None:
            env.markdown = checklists.annotate(env.markdown, card.number, shown)
        else:
            checklists.parse(env.markdown, None, shown)  # refuses checklists outside cards
    except ContentError as error:
        line = error.line + _body_offset(page.file.abs_src_path) if error.line else None
        raise PluginError(str(ContentError(error.path, line, error.problem, error.fix))) from None
    if card is not None:
        href = _href_from(env, page)
        terms, excluded = env.variables["_begriffe"]
        env.markdown = begriffe.mark(env.markdown, terms, card, _term_link(registry, href), excluded)
        env.markdown = render.header(registry, card, href) + env.markdown + \
            render.footer(registry, card, href) + druck.block(card, env.conf["site_url"])


def on_post_build(env):
    """Write the card data file and the short addresses into the built site."""
    files = env.variables["files"]
    site_files.write(env.conf["site_dir"], env.variables["_registry"],
                     lambda src: files.get_file_from_path(src).url)
    conf = env.conf
    site = Path(conf["site_dir"])
    try:
        if offline.enabled(conf):
            offline.copy_shim(conf, Path(conf["config_file_path"]).parent)
        else:
            (site / page_meta.ROBOTS_FILE).write_text(page_meta.robots_txt(conf["site_url"]),
                                                      encoding="utf-8")
            csp.write(site, conf["site_url"])
    except ContentError as error:
        raise PluginError(str(error)) from None


# -- helpers --------------------------------------------------------------------------


def _href_from(env, page):
    """Card -> its page's address relative to ``page`` (directory URLs or .html alike)."""
    files = env.variables["files"]

    def href(card) -> str:
        return get_relative_url(files.get_file_from_path(card.src_uri).url, page.url)
    return href


def _term_link(registry, href):
    """A defined term's words -> a link to the card that defines it, with its preview."""
    def link(term, words: str) -> str:
        target = registry.card(term.card)
        return render.card_link(target, href, label=vorschau.attribute(words), css="karte-link begriff",
                                attrs=vorschau.attributes(registry, target))
    return link


def _body_offset(abs_src_path: str | None) -> int:
    """How many lines of the file stand above the Markdown body (the front matter)."""
    if not abs_src_path or not os.path.exists(abs_src_path):
        return 0
    with open(abs_src_path, encoding="utf-8-sig") as handle:
        _, _, offset = split_front_matter(handle.read())
    return offset


def _check_names(env, body: str, shown: str) -> None:
    """Refuse syntax errors, unknown macros and undefined names, with their lines."""
    import jinja2

    try:
        found = scan(body)
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(shown, error.lineno, f"malformed macro call: {error.message}.",
                           "write macro calls as {{ name(arguments) }} with matching braces, "
                           "parentheses and quotes.") from None
    known = set(env.variables) | set(env.macros) | set(env.env.globals) | set(env.page.meta)
    macros = sorted(name for name in env.macros if not name.startswith("_")
                    and name not in ("context", "macros_info", "now", "fix_url"))
    called = {c.name for c in found.calls}
    for name, line in found.undeclared.items():
        if name in known:
            continue
        if name in called:
            raise ContentError(shown, line, f"unknown macro '{name}'.",
                               f"use one of {', '.join(macros)}; check the spelling.")
        raise ContentError(shown, line, f"undefined name '{name}'.",
                           "check the spelling, or write literal braces as {{ '{{' }}.")


def _expand_nav(nav, registry):
    """Replace the `karten/` entry of mkdocs.yml's nav with the cards by chapter.

    Without that entry, every card must be listed by hand; a card that is not is
    an error rather than a page nobody can navigate to.
    """
    if nav is None:
        return None
    expanded, found = [], False
    for entry in nav:
        if entry == NAV_PLACEHOLDER or (isinstance(entry, dict) and
                                         list(entry.values()) == [NAV_PLACEHOLDER]):
            expanded.extend(registry.nav())
            found = True
        else:
            expanded.append(entry)
    if not found:
        listed = set(_nav_files(nav))
        for card in registry.cards:
            if card.src_uri not in listed:
                raise ContentError(card.path, None, f"card {card.number} is not in the navigation.",
                                   f"put the entry '{NAV_PLACEHOLDER}' into nav in mkdocs.yml "
                                   "(it lists every card by chapter), or list this file there.")
    return expanded


def _nav_files(entries):
    for entry in entries or []:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _nav_files(value)
