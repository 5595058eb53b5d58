"""A draft as a previewer sees it: the notice above every page, readable, reachable by keyboard."""

from __future__ import annotations

import pytest

from kartenfaecher.sources import herausgeber
from tests.helpers import axe_violations, new_context
from tools import common

REQUIRED = [f.key for f in herausgeber.FIELDS if f.required == "ja"]


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    """The handbook built with the repository's own herausgeber.yml, which is empty: a draft."""
    out = tmp_path_factory.mktemp("entwurf") / "site"
    result = common.mkdocs_build(common.ROOT, out, env={herausgeber.ENV: ""})
    assert result.returncode == 0, result.output
    with common.serve(out) as address:
        yield address


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "datenschutz/", "barrierefreiheit/", "leichte-sprache/"])
def test_the_notice_and_the_marked_gaps_pass_axe(browser, draft, url, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    page.goto(draft + url)
    page.locator(".entwurf-fehlt summary").click()
    assert page.locator(".entwurf-fehlt li").count() == len(REQUIRED)
    assert axe_violations(page) == [], f"{url} ({scheme})"
    context.close()


def test_the_notice_stands_first_and_opens_by_keyboard(browser, draft):
    folder = common.ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    for width, height in ((375, 740), (1440, 900)):
        context = new_context(browser, viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(draft + "datenschutz/")
        notice = page.locator("aside.md-banner")
        assert notice.bounding_box()["y"] < page.locator("header.md-header").bounding_box()["y"] + 1
        assert "Entwurf:" in notice.inner_text() and f"fehlen noch {len(REQUIRED)} Angaben" in notice.inner_text()
        assert page.locator("mark.herausgeber-fehlt").first.is_visible()
        page.screenshot(path=str(folder / f"entwurf-{width}.png"))
        for _ in range(4):  # the skip link, then the notice's „Was fehlt?“
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Was fehlt?":
                break
        assert page.evaluate("document.activeElement.textContent.trim()") == "Was fehlt?"
        page.keyboard.press("Enter")
        assert page.locator(".entwurf-fehlt li").first.is_visible()
        assert page.locator(".entwurf-fehlt li code").all_inner_texts() == REQUIRED
        page.screenshot(path=str(folder / f"entwurf-offen-{width}.png"), full_page=False)
        context.close()
