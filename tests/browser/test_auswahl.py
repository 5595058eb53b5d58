"""„Meine Auswahl“ in the browser (Playwright, Debian's Chromium): the „Merken“ toggle on
the cards, the page in the reader's order, reordering by keyboard and by dragging, a
selection of three cards shared by link (and QR code) into a fresh browser, previous and
next within the selection, file://, and bad input: malformed and cut-off links, cards
that do not exist, storage that keeps nothing. axe-core in light and dark.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.helpers import FULL, PUBLIC_ADDRESS, axe_violations, new_context, our_dialog, qr_text

STORE = "ko-produktion.auswahl.v1"
PAGE = "auswahl/"
CARDS = {21: "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/", 8: "karten/08-teilhabe/",
         40: "karten/40-intensitaet-und-form-der-zusammenarbeit-klaeren/"}


def merken(page):
    return page.get_by_role("button", name="Merken")


def keep(page, server, number: int) -> None:
    page.goto(server + CARDS[number])
    expect(merken(page)).to_have_attribute("aria-pressed", "false")
    merken(page).click()
    expect(merken(page)).to_have_attribute("aria-pressed", "true")


def listed(page) -> list[int]:
    return [int(n) for n in page.locator(".auswahl-liste > li").evaluate_all(
        "items => items.map(li => li.dataset.karte)")]


def stored(page) -> list[int]:
    return [entry["karte"] for entry in json.loads(page.evaluate("k => localStorage.getItem(k)", STORE))["karten"]]


def open_page(page, server, fragment: str = "") -> None:
    page.goto(server + PAGE + fragment)
    page.locator("[data-auswahl-seite]").wait_for()


def test_merken_is_a_real_toggle_button_and_the_page_lists_kept_cards_in_order(server, page):
    for number in (21, 8, 40):
        keep(page, server, number)
    # A button with aria-pressed, reachable by keyboard: pressing it again lets the card go.
    merken(page).focus()
    page.keyboard.press("Enter")
    expect(merken(page)).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Space")
    expect(merken(page)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("link", name="Meine Auswahl (3)")).to_be_visible()
    page.reload()
    expect(merken(page)).to_have_attribute("aria-pressed", "true")
    open_page(page, server)
    assert listed(page) == [21, 8, 40]
    expect(page.locator(".auswahl-liste > li").first.get_by_role("link")).to_have_text(
        re.compile("21 Bezahlte Stellen"))
    # Linked from the home page and the navigation.
    page.goto(server)
    with page.expect_navigation():
        page.locator(".md-typeset").get_by_role("link", name="Meine Auswahl").click()
    assert page.url == server + PAGE
    assert page.locator(".md-nav--primary").get_by_role("link", name="Meine Auswahl").count() >= 1


def test_reorder_by_keyboard_and_by_dragging(server, page):
    for number in (21, 8, 40):
        keep(page, server, number)
    open_page(page, server)
    up = page.get_by_role("button", name="Nach oben (Karte 40 „Intensität")
    up.focus()
    page.keyboard.press("Enter")
    assert listed(page) == [21, 40, 8]
    expect(page.locator(".auswahl-meldung")).to_have_text("Karte 40 steht jetzt an Stelle 2 von 3.")
    assert page.evaluate("() => document.activeElement.textContent").startswith("Nach oben")  # focus stays
    page.keyboard.press("Enter")
    assert listed(page) == [40, 21, 8] and stored(page) == [40, 21, 8]
    expect(up).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Enter")  # at the top already: nothing moves
    assert listed(page) == [40, 21, 8]

    page.set_viewport_size({"width": 1280, "height": 1400})  # both cards in view: dragging does not scroll
    first = page.locator(".auswahl-liste > li[data-karte='40'] .auswahl-kopf")
    last = page.locator(".auswahl-liste > li[data-karte='8']")
    box = last.bounding_box()
    first.drag_to(last, target_position={"x": 20, "y": box["height"] - 5})
    assert listed(page) == [21, 8, 40] and stored(page) == [21, 8, 40]
    page.reload()
    assert listed(page) == [21, 8, 40]

    page.get_by_role("button", name="Entfernen (Karte 8").click()
    assert listed(page) == [21, 40]
    expect(page.locator(".auswahl-meldung")).to_have_text("Karte 8 ist nicht mehr in Ihrer Auswahl.")


def test_a_selection_of_three_cards_shared_by_link_and_qr_code_into_a_fresh_browser(server, browser):
    mine, theirs = new_context(browser), new_context(browser)
    a, b = mine.new_page(), theirs.new_page()
    for number in (40, 21, 8):
        keep(a, server, number)
    open_page(a, server)
    a.get_by_role("button", name="Als Link und QR-Code teilen").click()
    field = a.get_by_label("Link zu Ihrer Auswahl")
    link = field.input_value()
    assert link == server + PAGE + "#teilen=40.21.8-3"
    svg = ".auswahl-qr-bild svg"
    expect(a.locator(svg)).to_have_attribute("aria-label", re.compile("QR-Code .*3 Karten"))
    assert qr_text(a, svg) == link

    keep(b, server, 8)
    b.goto(link)
    shown = our_dialog(b)
    shown.wait_for()
    text = shown.inner_text()
    assert "eine Auswahl von 3 Karten" in text and "Ihre Auswahl hat zurzeit 1 Karte" in text
    assert text.index("Karte 40 „") < text.index("Karte 21 „") < text.index("Karte 8 „")
    assert b.evaluate("() => document.activeElement.textContent") == "Nur ansehen"  # changes nothing
    b.get_by_role("button", name="Abbrechen").click()
    expect(our_dialog(b)).to_be_hidden()  # else the next wait could find this one still closing
    assert listed(b) == [8] and "#" not in b.url
    b.goto(link)
    our_dialog(b).wait_for()
    b.get_by_role("button", name="Zusammenführen").click()
    expect(b.locator(".auswahl-liste > li")).to_have_count(3)
    assert listed(b) == [8, 40, 21]
    b.goto(link)
    our_dialog(b).wait_for()
    b.get_by_role("button", name="Übernehmen").click()
    # The answer is taken when the dialog's close event comes, a moment after the click.
    expect(b.locator(".auswahl-meldung")).to_have_text("Die Auswahl aus dem Link wurde übernommen.")
    assert listed(b) == [40, 21, 8] and stored(b) == [40, 21, 8]
    mine.close()
    theirs.close()


def test_a_question_asked_right_after_another_closed_waits_for_its_own_answer(server, page):
    # The dialog's close event comes a moment after it closes. A second question asked in that
    # moment (a shared link opened again at once) took the first one's close as its own: it was
    # answered „Abbrechen“ while still on screen, and the reader's choice then did nothing.
    open_page(page, server)
    answers = page.evaluate("""async () => {
        const ask = window.Kartenfaecher.dialog.ask;
        const choices = (value) => [{ value: value, label: value }, { value: "", label: "Abbrechen" }];
        const first = ask({ title: "Erste", text: [], choices: choices("a") }, null);
        const dialog = document.querySelector("dialog.dialog");
        dialog.querySelector("button[value='']").click();
        const second = ask({ title: "Zweite", text: [], choices: choices("b") }, null);
        const early = await Promise.race([second, new Promise((done) => setTimeout(() => done("offen"), 300))]);
        const open = dialog.open;
        dialog.querySelector("button[value='b']").click();
        return [await first, early, open, await second];
    }""")
    assert answers == ["", "offen", True, "b"]


def test_previous_and_next_follow_the_selection_when_read_from_it(server, page):
    for number in (40, 8, 21):
        keep(page, server, number)
    open_page(page, server)
    with page.expect_navigation():
        page.locator(".auswahl-liste > li[data-karte='8']").get_by_role("link").first.click()
    assert page.url.endswith(CARDS[8] + "?auswahl")
    steps = page.get_by_role("navigation", name="Karte 2 von 3 Ihrer Auswahl")
    expect(steps.locator(".karte-zurueck")).to_contain_text("40")
    with page.expect_navigation():
        steps.locator(".karte-weiter").click()
    assert page.url.endswith(CARDS[21] + "?auswahl")
    expect(page.locator(".karte-weiter")).to_have_count(0)  # the last of the selection
    # Without ?auswahl, a card leafs through the printed order as before.
    page.goto(server + CARDS[8])
    expect(page.locator(".karte-weiter")).to_contain_text("9")


@pytest.mark.parametrize("fragment", ["#teilen=21.8.4", "#teilen=21.8.40-4", "#teilen=21,x", "#teilen=",
                                      "#teilen=%", "#teilen=%E0%A4%A"],
                         ids=["cut-off", "wrong-count", "malformed", "empty", "bad-escape", "cut-off-escape"])
def test_a_malformed_or_cut_off_link_changes_nothing(server, page, fragment):
    keep(page, server, 21)
    thrown = []
    page.on("pageerror", lambda error: thrown.append(str(error)))
    open_page(page, server, fragment)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("keine lesbare Auswahl")
    assert "Ihre Auswahl ist unverändert." in alert.inner_text()
    assert not our_dialog(page).is_visible() and listed(page) == [21]
    assert thrown == []


def test_cards_that_do_not_exist_are_left_out_and_named(server, page):
    open_page(page, server, "#teilen=99.8.4.21-4")
    shown = our_dialog(page)
    shown.wait_for()
    assert "Karten mit den Nummern 99, 4 gibt es in dieser Fassung der Website nicht" in shown.inner_text()
    page.get_by_role("button", name="Übernehmen").click()
    expect(page.locator(".auswahl-meldung")).to_contain_text("Übergangen, weil es sie nicht gibt: Karten 99, 4.")
    assert listed(page) == [8, 21]
    open_page(page, server, "#teilen=99-1")
    expect(page.get_by_role("alert")).to_contain_text("keine Karte, die es in dieser Fassung der Website gibt")
    assert listed(page) == [8, 21]


def test_a_stored_address_that_leaves_the_site_is_never_linked(server, page):
    # Storage is the reader's, but may hold anything (another script, a damaged profile).
    page.goto(server)
    page.evaluate("""k => localStorage.setItem(k, JSON.stringify({version: 1, karten: [
        {karte: 8, adresse: "karten/08-teilhabe/", titel: "Teilhabe"},
        {karte: 21, adresse: "https://tracker.example/", titel: "Fremd"},
        {karte: 40, adresse: "javascript:window.__pwned=1//", titel: "Skript"}]}))""", STORE)
    for number in (8, 21):
        page.goto(server + CARDS[number] + "?auswahl")
        hrefs = page.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert not [h for h in hrefs if h.startswith("javascript:") or "tracker.example" in h], hrefs
    open_page(page, server)
    hrefs = page.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert not [h for h in hrefs if h.startswith("javascript:") or "tracker.example" in h], hrefs
    assert listed(page) == [8, 21, 40]


def test_without_storage_the_selection_lasts_the_visit_and_the_card_says_so(server, browser):
    context = new_context(browser)
    context.add_init_script(FULL)
    page = context.new_page()
    page.goto(server + CARDS[21])
    merken(page).click()
    expect(merken(page)).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".karte-merken-hinweis")).to_contain_text("nur für diesen Besuch")
    context.close()


def test_merken_the_page_and_its_qr_code_work_in_the_offline_bundle_from_files(unpacked, page, site):
    card = unpacked / "karten" / "21-bezahlte-stellen-in-der-zivilgesellschaft.html"
    page.goto(card.as_uri())
    merken(page).click()
    page.goto((unpacked / "auswahl.html").as_uri())
    assert listed(page) == [21]
    page.get_by_role("button", name="Als Link und QR-Code teilen").click()
    # A link to the reader's own disk would help nobody: link and code go to the public site.
    public = site.page("auswahl/").find("link", rel="canonical")["href"]
    assert public.endswith("/auswahl/")  # the website's address, not the bundle's auswahl.html
    assert page.get_by_label("Link zu Ihrer Auswahl").input_value() == public + "#teilen=21-1"
    assert qr_text(page, ".auswahl-qr-bild svg") == public + "#teilen=21-1"
    with page.expect_navigation():
        page.locator(".auswahl-liste > li").get_by_role("link").first.click()
    assert page.url == card.as_uri() + "?auswahl"
    expect(merken(page)).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_card_and_the_page(browser, server, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    keep(page, server, 21)
    assert axe_violations(page) == []
    keep(page, server, 8)
    open_page(page, server)
    page.get_by_role("button", name="Als Link und QR-Code teilen").click()
    page.locator(".auswahl-qr-bild svg").wait_for()
    assert axe_violations(page) == []
    open_page(page, server, "#teilen=40.99-2")
    our_dialog(page).wait_for()
    assert axe_violations(page) == []
    context.close()


# A browser with the Web Share API (as on phones, Windows and macOS; Chromium on Linux has
# none): it records what it was given and answers as its share sheet would.
SHARE_SHEET = """window.__geteilt = [];
navigator.share = function (data) {
  window.__geteilt.push(data);
  return window.__antwort === "abgebrochen" ? Promise.reject(new DOMException("cancelled", "AbortError"))
    : Promise.resolve();
};
navigator.canShare = function (data) { return !!data && typeof data.url === "string"; };"""


def test_where_the_browser_can_share_the_selection_goes_to_its_share_sheet(server, browser):
    context = new_context(browser)
    context.add_init_script(SHARE_SHEET)
    page = context.new_page()
    for number in (40, 21):
        keep(page, server, number)
    open_page(page, server)
    page.get_by_role("button", name="Als Link und QR-Code teilen").click()
    share = page.get_by_role("button", name="Teilen …")
    expect(share).to_be_visible()
    share.click()
    shared = page.evaluate("window.__geteilt")
    assert len(shared) == 1 and shared[0]["url"] == server + PAGE + "#teilen=40.21-2"
    assert "2 Karten" in shared[0]["text"] and shared[0]["title"]
    # Cancelled in the share sheet: nothing is said, nothing changes.
    page.evaluate("window.__antwort = 'abgebrochen'")
    share.click()
    expect(page.locator(".auswahl-fehler")).to_have_text("")
    assert listed(page) == [40, 21]
    context.close()


def test_where_the_browser_cannot_share_there_is_no_share_button(server, page):
    keep(page, server, 8)
    open_page(page, server)
    page.get_by_role("button", name="Als Link und QR-Code teilen").click()
    expect(page.get_by_role("button", name="Link kopieren")).to_be_visible()
    expect(page.get_by_role("button", name="Teilen …")).to_be_hidden()


def test_the_checklists_share_link_goes_to_the_share_sheet_too(server, browser):
    context = new_context(browser)
    context.add_init_script(SHARE_SHEET)
    page = context.new_page()
    page.goto(server + "checklisten/")
    page.locator(".checklisten-werkzeuge:not([hidden])").wait_for()
    page.get_by_role("button", name="Als Link teilen").click()
    expect(page.locator("#checklisten-link")).to_have_value(re.compile(r"#teilen=z\."))
    page.get_by_role("button", name="Teilen …").click()
    shared = page.evaluate("window.__geteilt")
    assert len(shared) == 1 and "#teilen=z." in shared[0]["url"]
    context.close()


def test_a_shared_selection_can_be_looked_at_without_taking_it_over(server, browser):
    context = new_context(browser)
    page = context.new_page()
    keep(page, server, 8)
    page.goto(server + PAGE + "#teilen=40.21-2")
    our_dialog(page).wait_for()
    page.get_by_role("button", name="Nur ansehen").click()
    view = page.get_by_role("region", name=re.compile("Auswahl aus dem Link"))
    expect(view).to_be_visible()
    assert [int(n) for n in view.locator("li[data-karte]").evaluate_all("ls => ls.map(l => l.dataset.karte)")] \
        == [40, 21]
    assert stored(page) == [8] and listed(page) == [8]  # the reader's own selection is untouched
    # Its cards open as cards; it can be shown on the projector as it is.
    href = view.get_by_role("link", name="Diese Auswahl vorführen").get_attribute("href")
    assert href.endswith("vorfuehren/#auswahl=40.21")
    with page.expect_navigation():
        view.get_by_role("link", name=re.compile("^21 ")).click()
    assert "/karten/21-" in page.url
    page.go_back()
    # Taken over after all, from the view.
    page.goto(server + PAGE + "#teilen=40.21-2")
    our_dialog(page).wait_for()
    page.get_by_role("button", name="Nur ansehen").click()
    page.get_by_role("region", name=re.compile("Auswahl aus dem Link")).get_by_role(
        "button", name="Zusammenführen").click()
    expect(page.locator(".auswahl-meldung")).to_contain_text("zusammengeführt")
    assert stored(page) == [8, 40, 21]
    expect(page.get_by_role("region", name=re.compile("Auswahl aus dem Link"))).to_be_hidden()
    context.close()


def test_emptying_the_selection_asks_in_words_that_fit_one_card_or_several_and_keeps_the_notes(server, page):
    keep(page, server, 21)
    open_page(page, server)
    page.locator("[data-aktion='leeren']").click()
    asked = our_dialog(page)
    expect(asked).to_contain_text("Die Karte wird aus Ihrer Auswahl genommen. Ihre Notiz zu ihr bleibt erhalten.")
    asked.get_by_role("button", name="Abbrechen").click()
    keep(page, server, 8)
    open_page(page, server)
    page.locator("[data-aktion='leeren']").click()
    expect(our_dialog(page)).to_contain_text("Beide Karten werden aus Ihrer Auswahl genommen.")
    our_dialog(page).get_by_role("button", name="Abbrechen").click()
    keep(page, server, 40)
    open_page(page, server)
    page.locator("[data-aktion='leeren']").click()
    expect(our_dialog(page)).to_contain_text("Alle 3 Karten werden aus Ihrer Auswahl genommen. Ihre Notizen zu den "
                                             "Karten bleiben erhalten.")
    our_dialog(page).get_by_role("button", name="Auswahl leeren").click()
    expect(page.locator(".auswahl-leer")).to_be_visible()


def test_back_to_the_selection_after_letting_a_card_go_shows_it_gone(server, cached_browser):
    """The page „Meine Auswahl“ comes back from the browser's back/forward cache as it was left:
    it reads the selection anew, as the cards' „Merken“ does, and does not write its old list back."""
    context = new_context(cached_browser)
    page = context.new_page()
    for number in (21, 8, 40):
        keep(page, server, number)
    open_page(page, server)
    assert listed(page) == [21, 8, 40]
    page.evaluate("addEventListener('pageshow', e => { window.__ausDemCache = e.persisted; })")
    with page.expect_navigation():
        page.locator(".auswahl-liste > li[data-karte='8'] a").first.click()
    merken(page).click()
    expect(merken(page)).to_have_attribute("aria-pressed", "false")
    page.go_back(wait_until="commit")  # a page from the cache fires no load event
    page.wait_for_function("window.__ausDemCache !== undefined")
    assert page.evaluate("window.__ausDemCache") is True  # not loaded anew: restored
    expect(page.locator(".auswahl-liste > li")).to_have_count(2)
    assert listed(page) == [21, 40]
    page.locator(".auswahl-liste > li[data-karte='40']").get_by_role("button", name="Nach oben").click()
    assert listed(page) == [40, 21] and stored(page) == [40, 21]
    context.close()


# -- printing the selection ----------------------------------------------------------------------

MM = 72 / 25.4


def printed(page) -> tuple[list[tuple[int, int]], list[str]]:
    """The page as the browser prints it: each page's size in whole mm, and its text."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return ([(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in reader.pages],
            [" ".join(p.extract_text().split()) for p in reader.pages])


def test_the_selection_prints_as_an_a4_handout_in_its_order_with_the_notes(server, page):
    # A facilitator prints the chosen cards for the meeting: in the chosen order, each with its
    # short address (to open the card from paper) and the note written for it; none of the page's
    # buttons.
    for number in (21, 8, 40):
        keep(page, server, number)
    open_page(page, server)
    page.get_by_role("button", name="Nach oben (Karte 40 „Intensität").click()
    assert listed(page) == [21, 40, 8]
    page.locator("#notiz-karte-8").fill("Mit dem Amt für Soziales besprechen")
    page.evaluate("() => { window.gedruckt = 0; window.print = () => { window.gedruckt += 1; }; }")
    page.get_by_role("button", name="Auswahl drucken").click()
    assert page.evaluate("window.gedruckt") == 1
    sizes, texts = printed(page)
    assert set(sizes) == {(210, 297)}
    text = " ".join(texts)
    places = [text.index(words) for words in ("21 Bezahlte Stellen", "40 Intensität und Form", "8 Teilhabe",
                                              "Mit dem Amt für Soziales besprechen")]
    assert places == sorted(places), text
    host = re.sub(r"^https?://", "", PUBLIC_ADDRESS)  # the publisher's address the site is built for
    for number in (21, 40, 8):
        assert f"{host}{number}/" in text, f"no short address of card {number}"
    for words in ("Nach oben", "Entfernen", "Auswahl leeren", "Auswahl drucken", "Als Karten drucken"):
        assert words not in text


def test_the_selection_prints_as_its_cards_in_its_order(server, page):
    for number in (21, 8, 40):
        keep(page, server, number)
    open_page(page, server)
    link = page.get_by_role("link", name="Als Karten drucken")
    assert link.get_attribute("href").endswith("druckfassung/#auswahl=21.8.40")
    link.click()
    page.wait_for_url("**/druckfassung/#auswahl=21.8.40")
    expect(page.get_by_role("status")).to_contain_text("3 Karten Ihrer Auswahl")
    sizes, texts = printed(page)
    assert sizes == [(99, 210)] * 3
    assert [re.search(r"\b(21|8|40) [A-ZÄÖÜ]", text).group(1) for text in texts] == ["21", "8", "40"]
    # „Alle Karten“ brings the whole fan back.
    page.get_by_role("link", name="Alle Karten zeigen").click()
    expect(page.locator("section.druckfassung-karte:visible")).to_have_count(54)


@pytest.mark.parametrize("fragment", ["#auswahl=999", "#auswahl=x.y", "#auswahl="])
def test_a_link_that_names_no_card_prints_the_whole_fan_and_says_so(server, page, fragment):
    page.goto(server + "druckfassung/" + fragment)
    expect(page.get_by_role("status")).to_contain_text("keine Karte")
    expect(page.locator("section.druckfassung-karte:visible")).to_have_count(54)


def test_the_selection_prints_as_its_cards_from_the_offline_bundle(unpacked, page):
    page.goto((unpacked / "karten" / "08-teilhabe.html").as_uri())
    merken(page).click()
    page.goto((unpacked / "auswahl.html").as_uri())
    link = page.get_by_role("link", name="Als Karten drucken")
    assert link.get_attribute("href").endswith("druckfassung.html#auswahl=8")
    link.click()
    expect(page.get_by_role("status")).to_contain_text("1 Karte Ihrer Auswahl")
    sizes, texts = printed(page)
    assert sizes == [(99, 210)] and "8 Teilhabe" in texts[0]
