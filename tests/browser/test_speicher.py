"""Blocked or corrupt storage throws nothing (theme/partials/speicher-schutz.html).

Blocked for real: Chromium with a profile whose policy blocks cookies and site
data, as an office's IT department sets it; then reading localStorage throws
SecurityError. Everything that needs no storage works there: search, the colour
toggle (for the visit), the fan, previews and print; checklists say that they
cannot remember. Corrupt values under Material's keys and ours are repaired.
"""

from __future__ import annotations

import json
from contextlib import contextmanager

import pytest

from playwright.sync_api import expect

from tests.helpers import new_context, search_results
from tools.common import CHROMIUM, CHROMIUM_ARGS

CARD_8 = "karten/08-teilhabe/"
CARD_20 = "karten/20-anforderungen-der-ko-produktion/"
CARD_21 = "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"
BLOCK_COOKIES = {"profile": {"default_content_setting_values": {"cookies": 2}}}
TOGGLE = "form[data-md-component=palette] label:visible"


@pytest.fixture(scope="module")
def locked_down(browser, tmp_path_factory):
    """A persistent Chromium profile that blocks site storage, as an office policy does."""
    profile = tmp_path_factory.mktemp("gesperrt")
    (profile / "Default").mkdir()
    (profile / "Default" / "Preferences").write_text(json.dumps(BLOCK_COOKIES), encoding="utf-8")
    return profile


@contextmanager
def locked_down_page(browser, profile, scheme: str = "light"):
    """A page in that profile; the profile is closed again even when the test fails (a profile
    left open stays locked, and every later test on it would fail)."""
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, color_scheme=scheme)
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_with_storage_blocked_by_policy_everything_but_memory_works(browser, server, locked_down, scheme):
    with locked_down_page(browser, locked_down, scheme) as page:
        page.goto(server)
        assert page.evaluate("() => { try { localStorage.length; return 'lesbar' } catch (e) { return e.name } }") \
            == "SecurityError", "the profile must really block storage"
        # The fan is set up, and the colour toggle is there and switches for the visit.
        page.locator(".faecher--an").first.wait_for()
        before = page.evaluate("document.body.dataset.mdColorScheme")
        page.locator(TOGGLE).click()
        after = page.evaluate("document.body.dataset.mdColorScheme")
        assert after != before
        # Search starts and finds.
        assert any("/karten/15-" in url for url in search_results(page, "Legitimation"))
        # The next page keeps the chosen scheme (kept in the tab, not in storage).
        page.goto(server + CARD_8)
        assert page.evaluate("document.body.dataset.mdColorScheme") == after
        # A reference previews its card on focus.
        page.locator("nav.karte-verweise a").first.focus()
        assert page.locator("#karte-vorschau").is_visible()
        # Printing works (a PDF of the card).
        assert page.pdf()[:4] == b"%PDF"
        # Checklists say calmly that they keep ticks for this visit only.
        page.goto(server + CARD_21)
        assert "nur für diesen Besuch" in page.locator(".checkliste-hinweis").inner_text()
        page.locator("li[data-checkliste-punkt] > label").first.click()
        assert page.locator(".checkliste-fortschritt").first.inner_text().startswith("1 von")
        assert page.errors == []


def test_with_storage_blocked_a_selection_ticks_and_notes_last_for_the_visit(browser, server, locked_down):
    # As an office PC whose policy blocks site storage: the reader keeps card 20, ticks and
    # answers on card 21, reads on, and finds all of it on the next pages, told that it lasts
    # as long as this tab stays on the site. Leaving the site by a link ends it there.
    with locked_down_page(browser, locked_down, "light") as page:
        page.goto(server + CARD_20)
        page.locator("button.karte-merken-knopf").click()
        expect(page.locator("button.karte-merken-knopf")).to_have_attribute("aria-pressed", "true")
        expect(page.locator(".karte-merken-hinweis")).to_contain_text("nur für diesen Besuch")
        page.goto(server + CARD_21)
        expect(page.locator(".karte-merken-auswahl")).to_have_text("Meine Auswahl (1)")
        page.locator("li[data-checkliste-punkt] > label").first.click()
        question = page.locator("li[data-checkliste-punkt]").first.get_attribute("data-checkliste-punkt")
        page.locator(f"textarea[data-notiz-frage='{question}']").fill("Mit dem Vorstand klären.")
        page.goto(server + CARD_8)
        page.goto(server + CARD_21)
        assert page.locator("li[data-checkliste-punkt] input").first.is_checked()
        expect(page.locator(f"textarea[data-notiz-frage='{question}']")).to_have_value("Mit dem Vorstand klären.")
        page.goto(server + "checklisten/")
        expect(page.locator(".checkliste[data-karte='21'] .checkliste-fortschritt")).to_contain_text("1 von")
        page.goto(server + "auswahl/")
        expect(page.locator(".auswahl-liste > li")).to_have_count(1)
        assert page.locator(".auswahl-liste > li").first.get_attribute("data-karte") == "20"
        expect(page.locator(".auswahl-meldung")).to_contain_text("nur für diesen Besuch")
        page.goto(server + "vorfuehren/")
        expect(page.locator(".vorfuehren-auswahl-text")).to_have_text("Ihre Auswahl hat 1 Karte.")
        assert "Vorstand" in page.evaluate("window.name")  # where the visit keeps them
        # A link to another site: what this visit kept is not handed to it.
        page.goto(server + CARD_21)
        page.context.route("https://doi.org/**", lambda route: route.fulfill(body="<p>anderswo</p>",
                                                                             content_type="text/html"))
        with page.expect_navigation():
            page.locator("a[href^='https://doi.org/']").first.click()
        kept_there = page.evaluate("window.name")
        assert "Vorstand" not in kept_there and "auswahl" not in kept_there, kept_there
        assert page.errors == []


# Values a reader's storage may hold after a crash, an old version or a hand edit.
CORRUPT = {
    "/.__palette": ["{kaputt", '{"index": "dunkel"}', "42", '{"index": 7, "color": null}'],
    "/.__tabs": ["[", '"kein Array"'],
    "/.__announce": ["nicht JSON"],
    "/.__consent": ["{"],
    "ko-produktion.checklisten.v1": ["{"],
}


@pytest.mark.parametrize("variant", range(4))
def test_corrupt_values_under_every_key_are_repaired_not_thrown(browser, server, variant):
    context = new_context(browser, color_scheme=("light", "dark")[variant % 2])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + CARD_21)
    values = {key: options[variant % len(options)] for key, options in CORRUPT.items()}
    page.evaluate("values => Object.entries(values).forEach(([k, v]) => localStorage.setItem(k, v))", values)
    page.reload()
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert page.locator(TOGGLE).count() == 1
    page.locator(TOGGLE).click()
    assert any("/karten/15-" in url for url in search_results(page, "Legitimation"))
    # Material's keys hold nothing unreadable any more; the colour chosen is kept.
    kept = page.evaluate("keys => keys.map(k => localStorage.getItem(k))", list(CORRUPT))
    for key, value in zip(CORRUPT, kept):
        assert value != values[key], key
    assert json.loads(kept[0])["color"]["scheme"] == page.evaluate("document.body.dataset.mdColorScheme")
    page.reload()
    assert errors == []
    context.close()


def test_a_damaged_selection_keeps_its_good_cards_and_an_unreadable_one_is_kept_aside(browser, server):
    # The selection is kept through the same store as ticks and notes (kartenfaecher/features/gemeinsam/speicher.js).
    context = new_context(browser)
    page = context.new_page()
    page.goto(server + CARD_20)
    store = "ko-produktion.auswahl.v1"
    damaged = {"version": 1, "karten": [{"karte": 20, "adresse": CARD_20, "titel": "Anforderungen"},
                                        {"karte": "zwanzig"}, {"karte": 8, "adresse": "javascript:alert(1)"}]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [store, json.dumps(damaged)])
    page.reload()
    expect(page.locator(".karte-merken-auswahl")).to_have_text("Meine Auswahl (2)")
    expect(page.locator(".karte-merken-knopf")).to_have_attribute("aria-pressed", "true")
    repaired = json.loads(page.evaluate("key => localStorage.getItem(key)", store))
    assert [(card["karte"], card["adresse"]) for card in repaired["karten"]] == [(20, CARD_20), (8, "")]
    page.evaluate("key => localStorage.setItem(key, '{kaputt')", store)
    page.reload()
    expect(page.locator(".karte-merken-knopf")).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("key => localStorage.getItem(key + '.unlesbar')", store) == "{kaputt"
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", store))["karten"] == []
    context.close()
