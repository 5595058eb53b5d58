"""What a page loads of ours: one stylesheet and one script, minified and named by their content.

Our sources stay one file per feature (the parts every page has, kartenfaecher/features/teile.py,
then what mkdocs.yml lists in extra_css and extra_javascript); the build joins them
(kartenfaecher/outputs/bundles.py). The print rules come apart, in
a stylesheet that never holds up the screen, and the hosts may keep the
content-named files for a year.
"""

from __future__ import annotations

import hashlib
import re

import pytest
import rcssmin
import rjsmin

from kartenfaecher import PACKAGE, THEME
from kartenfaecher.features import teile
from kartenfaecher.outputs.bundles import split_print
from tests.helpers import as_built
from tools.common import ROOT, load_config

HASHED = re.compile(r"\.([0-9a-f]{8})\.min\.(css|js)$")
OURS = ("assets/css/", "assets/js/")
CARD = "karten/08-teilhabe/"
CONFIG = load_config(ROOT / "mkdocs.yml")
SOURCES = THEME
FEATURES = PACKAGE / "features"
CHECKLISTE = FEATURES / "checkliste"
EVERY_PAGE = teile.every_page()
# Every file the site's bundles hold, in their order.
LISTED = [*EVERY_PAGE.css, *CONFIG["extra_css"], *EVERY_PAGE.js, *CONFIG["extra_javascript"]]


def source(path: str):
    """A source named from the engine's theme or, in a feature's folder, from the package's folder."""
    return SOURCES / path if (SOURCES / path).is_file() else PACKAGE.parent / path


def ours(url: str) -> bool:
    return url.lstrip("./").startswith(OURS)


def stylesheets(site, url: str) -> list:
    return site.page(url).select("link[rel=stylesheet]")


def scripts(site, url: str) -> list:
    return site.page(url).select("script[src]")


def test_a_card_page_loads_one_stylesheet_and_one_script_of_ours_named_by_their_content(site):
    screen = [link["href"] for link in stylesheets(site, CARD)
              if ours(site.resolve(CARD, link["href"])) and link.get("media") != "print"]
    loaded = [script["src"] for script in scripts(site, CARD) if ours(site.resolve(CARD, script["src"]))]
    assert len(screen) == 1 and len(loaded) == 1, (screen, loaded)
    for href in screen + loaded:
        path = site.root / site.resolve(CARD, href)
        match = HASHED.search(path.name)
        assert match, f"{href} is not named by its content"
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:8] == match.group(1)


def test_the_print_rules_load_apart_and_never_hold_up_the_screen(site):
    printed = [link for link in stylesheets(site, CARD) if link.get("media") == "print"]
    assert len(printed) == 1
    css = (site.root / site.resolve(CARD, printed[0]["href"])).read_text(encoding="utf-8")
    assert re.search(r"@page\{size:99mm 210mm", css), "the card format travels with the print rules"
    screen = next(link for link in stylesheets(site, CARD)
                  if ours(site.resolve(CARD, link["href"])) and link.get("media") != "print")
    assert "@page" not in (site.root / site.resolve(CARD, screen["href"])).read_text(encoding="utf-8")


def test_scripts_are_deferred_and_ours_runs_before_materials_bundle(site):
    # suche-bei-bedarf.js (in our bundle) must replace XMLHttpRequest and Worker
    # before Material's bundle asks for the search index.
    for url in (CARD, "", "checklisten/"):
        srcs = scripts(site, url)
        assert all(script.has_attr("defer") for script in srcs), url
        names = [script["src"].rsplit("/", 1)[-1] for script in srcs]
        ours_index = next(i for i, name in enumerate(names) if name.startswith("site."))
        material = next(i for i, name in enumerate(names) if name.startswith("bundle."))
        assert ours_index < material, names


def test_the_bundles_are_minified_and_hold_every_listed_source_in_order(site):
    def built(select, media=None):
        tag = next(t for t in select(site, CARD) if ours(site.resolve(CARD, t.get("href") or t["src"]))
                   and t.get("media") == media)
        return (site.root / site.resolve(CARD, tag.get("href") or tag["src"])).read_text(encoding="utf-8")
    css, printed, js = built(stylesheets), built(stylesheets, "print"), built(scripts)
    for bundle in (css, printed, js):
        assert "/*" not in bundle and "\n  " not in bundle, "comments and indentation are gone"
    sources = {path: as_built(source(path)) for path in LISTED}
    assert len(css) + len(printed) + len(js) < 0.7 * sum(len(text) for text in sources.values())
    at = {"css": 0, "print": 0, "js": 0}
    for path, text in sources.items():
        if path.endswith(".js"):
            parts = {"js": rjsmin.jsmin(text).rstrip(";")}
        else:
            screen, print_rules = split_print(rcssmin.cssmin(text))
            parts = {"css": screen, "print": print_rules}
        for kind, part in parts.items():
            if not part:  # druck.css is print rules only
                continue
            bundle = {"css": css, "print": printed, "js": js}[kind]
            assert part in bundle, f"{path} is missing from the {kind} bundle"
            assert bundle.index(part) >= at[kind], f"{path} is out of its parts' order"
            at[kind] = bundle.index(part) + len(part)
    assert "@page" in printed and "kpSucheBeiBedarf" in js


def test_the_site_carries_no_loose_copies_of_bundled_sources(site):
    # A feature folder's files (kartenfaecher/features/<name>/) are read where they are, never copied.
    for path in [*LISTED, "kartenfaecher", "assets/js/faecher.js"]:
        assert not (site.root / path).exists(), path


def test_pages_that_need_more_load_it_content_named_too(site):
    for url in ("", "karten/14-legitimation/", "checklisten/"):
        for tag in [*stylesheets(site, url), *scripts(site, url)]:
            target = site.resolve(url, tag.get("href") or tag["src"])
            if ours(target):
                assert HASHED.search(target), target
                assert (site.root / target).is_file(), target


def test_a_page_joins_what_only_it_needs_into_one_stylesheet_and_one_script(site):
    # The page „Checklisten“ needs eleven scripts and four stylesheets beyond every page's:
    # one request each, the scripts in the order they build on each other.
    own = [path for path in site.loads("checklisten/") if re.match(r"assets/(css|js)/page\.", path)]
    assert sorted(path.split("/")[1] for path in own) == ["css", "js"], own
    joined = (site.root / next(path for path in own if path.endswith(".js"))).read_text(encoding="utf-8")
    order = ["gemeinsam/dialog", "gemeinsam/teilen", "checkliste/checkliste-speicher", "checkliste/notiz-speicher",
             "checkliste/checkliste", "checkliste/notiz", "checkliste/checkliste-uebernehmen",
             "checkliste/checkliste-uebersicht", "checkliste/checkliste-markdown", "checkliste/checkliste-teilen",
             "checkliste/notiz-uebersicht"]
    places = [joined.find(rjsmin.jsmin(as_built(FEATURES / f"{name}.js")).rstrip(";"))
              for name in order]
    assert -1 not in places and places == sorted(places), dict(zip(order, places))
    css = (site.root / next(path for path in own if path.endswith(".css"))).read_text(encoding="utf-8")
    for name in ("checkliste/checkliste", "gemeinsam/dialog", "gemeinsam/teilen", "checkliste/notiz"):
        assert rcssmin.cssmin((FEATURES / f"{name}.css").read_text(encoding="utf-8")) in css, name


def test_every_page_holds_its_first_paint_for_one_stylesheet_of_ours(site):
    # Every stylesheet holds up the first paint and costs a request: a page that needs more
    # than the site's rules (the fan's, the checklists') gets them joined after the site's.
    site_css = next(path for path in site.loads(CARD) if re.match(r"assets/css/site\.", path))
    site_rules = (site.root / site_css).read_text(encoding="utf-8")
    fan = PACKAGE / "features" / "faecher" / "faecher.css"
    for url, needs in (("", fan), ("karten/19-vor-der-ko-produktion/", fan),
                       ("checklisten/", CHECKLISTE / "checkliste.css"), (CARD, None)):
        screen = [site.resolve(url, link["href"]) for link in stylesheets(site, url)
                  if ours(site.resolve(url, link["href"])) and link.get("media") != "print"]
        assert len(screen) == 1, (url, screen)
        css = (site.root / screen[0]).read_text(encoding="utf-8")
        assert css.startswith(site_rules), f"{url or 'home'}: the site's rules come first"
        if needs:
            page_rules = rcssmin.cssmin(needs.read_text(encoding="utf-8"))
            assert page_rules in css, f"{url or 'home'} lacks {needs.name}"
        else:
            assert screen[0] == site_css


def hashed_files(site) -> list[str]:
    return sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.min.*")
                  if HASHED.search(p.name))


def test_the_host_examples_keep_content_named_files_for_a_year_and_check_pages_each_time(site):
    files = hashed_files(site)
    assert any(f.startswith("assets/css/site.") for f in files)
    assert any(f.startswith("assets/javascripts/bundle.") for f in files), "Material's too"
    headers = (site.root / "_headers").read_text(encoding="utf-8")
    for path in files:
        assert f"/{path}\n  Cache-Control: public, max-age=31536000, immutable" in headers, path
    # Netlify and Cloudflare join the values of rules that match one path: the
    # rule for every path leaves Cache-Control to the host's short default.
    every_path = headers.split("/*\n", 1)[1].split("\n/", 1)[0]
    assert "Cache-Control" not in every_path
    apache = (site.root / ".htaccess").read_text(encoding="utf-8")
    assert 'Header set Cache-Control "no-cache"' in apache
    assert re.search(r'<FilesMatch "[^"]+">\n\s+Header set Cache-Control "public, max-age=31536000, '
                     r'immutable"\n\s+</FilesMatch>', apache)
    nginx = (site.root / "nginx-csp.conf").read_text(encoding="utf-8")
    assert 'add_header Cache-Control "no-cache" always;' in nginx
    location = nginx.split("location ~ ", 1)[1]
    assert 'add_header Cache-Control "public, max-age=31536000, immutable" always;' in location
    assert "Content-Security-Policy" in location, "nginx drops the server's headers in a location"


@pytest.mark.parametrize("pattern_of", ["apache", "nginx"])
def test_the_cache_pattern_matches_exactly_the_content_named_files(site, pattern_of):
    text = (site.root / (".htaccess" if pattern_of == "apache" else "nginx-csp.conf")).read_text(
        encoding="utf-8")
    pattern = re.search(r'(?:FilesMatch|location ~) "([^"]+)"', text).group(1)
    every = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file()]
    assert sorted(f for f in every if re.search(pattern, f)) == hashed_files(site)
