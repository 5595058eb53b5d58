"""A card's title is text wherever it appears: it never runs as script, and no word of it is lost.

The tiny handbook is built with hostile titles (issue „Safe against hostile content …“, item 1)
and served without a Content-Security-Policy, as GitHub Pages serves it: only escaping protects
the reader there.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import Built, Project, search_results
from tools.common import serve

TITLES = {
    15: "Warum </title></script><script>window.__pwned=5</script>",
    16: 'Formen <img src=x onerror="window.__pwned=6">',
    18: "Warum <Legitimation> & Co",
}
NOTHING_RAN = "() => window.__pwned === undefined && document.querySelectorAll('[onerror]').length === 0"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, tiny_kept) -> Built:
    project = Project.tiny(tmp_path_factory.mktemp("hostile") / "project", kept=tiny_kept)
    for number, title in TITLES.items():
        path = project.card(number)
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^titel: .*$", "titel: '" + title.replace("'", "''") + "'", text, count=1)
        path.write_text(text, encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.output
    return Built(project.root / "site")


@pytest.fixture(scope="module")
def hostile_server(hostile):
    with serve(hostile.root) as address:
        yield address


def test_no_built_page_holds_a_title_as_markup(hostile):
    for path in sorted(hostile.root.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
        assert "<Legitimation>" not in html, path


def test_no_page_runs_a_script_from_a_title(hostile, hostile_server, page):
    page.on("dialog", lambda dialog: dialog.dismiss())
    for path in sorted(hostile.root.rglob("index.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue  # a short address's forward (/15/): read above, and it leaves at once
        url = hostile_server + path.parent.relative_to(hostile.root).as_posix() + "/"
        page.goto(url.replace("/./", "/"))
        page.wait_for_load_state("load")
        assert page.evaluate(NOTHING_RAN), url


def test_a_title_shows_as_written_in_page_title_header_navigation_and_heading(hostile, hostile_server, page):
    for number, title in TITLES.items():
        url = next(c for c in (hostile.root / "karten").iterdir() if c.name.startswith(f"{number}-"))
        page.goto(hostile_server + f"karten/{url.name}/")
        label = f"{number} {title}"
        assert page.title().startswith(label), page.title()
        assert page.locator('meta[property="og:title"]').get_attribute("content") == label
        assert page.locator(".md-header__topic").last.inner_text().strip() == label
        assert page.locator(".md-nav__link--active").first.inner_text().strip() == label
        # As written, with the places where a long word may break (sources/trennung.py).
        assert page.locator("article h1 .karte-titel").inner_text().strip().replace("\u00ad", "") == title
        assert page.evaluate(NOTHING_RAN)


def test_a_search_result_shows_a_title_as_text_and_runs_nothing(hostile_server, page):
    page.goto(hostile_server)
    results = search_results(page, "Formen")
    assert any("/karten/16" in url for url in results), results
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert any(TITLES[16] in t for t in titles), titles
    assert page.evaluate(NOTHING_RAN)


def test_a_preview_shows_a_title_as_text_and_runs_nothing(hostile, hostile_server, page):
    card_8 = next(c for c in (hostile.root / "karten").iterdir() if c.name.startswith("08-"))
    page.goto(hostile_server + f"karten/{card_8.name}/")
    for number in (15, 16, 18):
        link = page.locator(f".karte-verweise a[href*='{number}-']").first
        link.focus()
        preview = page.locator("[role=tooltip]:visible")
        preview.wait_for()
        assert TITLES[number] in preview.inner_text()
        assert page.evaluate(NOTHING_RAN)
        link.blur()
