"""What a reader keeps is named by the handbook's short name (``kurzname``, kartenfaecher/handbuch.py):
two handbooks on one host keep their ticks, notes, selections and app caches apart, and
Ko-Produktion's stay under the keys its readers have (``ko-produktion.…``, tests/browser/test_speicher.py)."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from tools.common import serve

CARD_21 = "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"


def test_ticks_selection_and_app_caches_are_kept_under_the_short_name(tiny, browser):
    tiny.replace("mkdocs.yml", "kurzname: ko-produktion", "kurzname: probe")
    result = tiny.build()
    assert result.returncode == 0, result.output
    site = tiny.path("site")
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert json.loads(re.search(r"var BUILD = (\{.*?\});\n", worker).group(1))["kurzname"] == "probe"
    # No script of the site keeps anything under another handbook's name (a card's address may
    # hold the words: "karten/18-legitimation-von-ko-produktionsprozessen/").
    for script in [site / "sw.js", *(site / "assets" / "js").glob("*.js")]:
        assert not re.search(r"""["']ko-produktion\b""", script.read_text(encoding="utf-8")), script
    with serve(site) as address:
        context = browser.new_context()  # with the app's worker: its caches are named too
        try:
            page = context.new_page()
            page.goto(address + CARD_21)
            page.locator(".task-list-control").first.click()
            page.get_by_role("button", name="Merken").click()
            expect(page.get_by_role("button", name="Merken")).to_have_attribute("aria-pressed", "true")
            page.wait_for_function("navigator.serviceWorker.ready.then(() => caches.keys()).then(k => k.length > 0)")
            keys = page.evaluate("Object.keys(localStorage).filter(key => !key.includes('__'))")  # Material's aside
            assert {"probe.checklisten.v1", "probe.auswahl.v1"} <= set(keys), keys
            assert all(key.startswith("probe.") for key in keys), keys
            caches = page.evaluate("caches.keys()")
            assert caches and all(name.startswith("probe-") for name in caches), caches
        finally:
            context.close()
