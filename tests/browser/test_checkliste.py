"""Checklists in the browser (Playwright, Debian's Chromium): ticks that stay,
progress and reset, the page "Checklisten" in sync with the cards, export,
import and sharing, bad storage and bad input, new builds, file://, printing,
and axe-core.
"""

from __future__ import annotations

import base64
import io
import json
import re
import zlib
from pathlib import Path

import pikepdf
import pytest
from playwright.sync_api import expect

from tests.helpers import BLOCKED, FULL, axe_violations, card_format_mm, new_context, our_dialog

STORE = "ko-produktion.checklisten.v1"
CARD_21 = "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"
CARD_42 = "karten/42-entscheidungen-treffen/"
PAGE = "checklisten/"
VERHAELTNIS = "In welchem Verhältnis stehen die bezahlten Stellen und die ehrenamtlich Arbeitenden?"
HONORAR = "Sind nur Honorarfinanzierungen möglich oder kann ein Arbeitgeberkonstrukt genutzt/geschaffen werden?"
WIEVIEL = "Wieviel der Arbeit könnte finanziert werden (Teilzeit, Vollzeit, Anzahl und Vielfalt der Personen)?"
WER = "Wer sollte die bezahlten Stellen übernehmen?"
GREMIEN = "Welche Form von Gremien braucht die Kooperation?"  # card 41, starts its question


# -- helpers -------------------------------------------------------------------------------


def box(page, text: str):
    """The checkbox whose accessible name (its label) starts with ``text``."""
    # Playwright passes the pattern on as /…/: a slash in it must be escaped.
    return page.get_by_role("checkbox", name=re.compile("^" + re.escape(text).replace("/", "\\/")))


def tick(page, text: str) -> None:
    """Click the question's text, as a reader would (the label holds box and text)."""
    page.locator("li[data-checkliste-punkt] > label", has_text=text).first.click()


def ticked(page) -> list[str]:
    """The questions whose boxes are ticked on the page, in page order."""
    return page.evaluate("""() => [...document.querySelectorAll("input[data-checkliste-punkt]")]
        .filter(b => b.checked).map(b => b.closest("label").textContent.trim().replace(/\\s+/g, " "))""")


def stored(page):
    return page.evaluate("k => localStorage.getItem(k)", STORE)


def stored_keys(page) -> list[str]:
    return json.loads(stored(page))["geklaert"]


def key_of(page, text: str) -> str:
    return page.locator("li[data-checkliste-punkt]", has=page.locator("label", has_text=text)).first \
        .get_attribute("data-checkliste-punkt")


def progress(page, nth: int = 0) -> str:
    return page.locator(".checkliste-fortschritt").nth(nth).inner_text()


def open_card_21(page, server) -> None:
    page.goto(server + CARD_21)
    page.locator(".checkliste-fortschritt").first.wait_for()


def open_page(page, server, fragment: str = "") -> None:
    page.goto(server + PAGE + fragment)
    page.locator(".checklisten-werkzeuge:not([hidden])").wait_for()


# -- ticks that stay -------------------------------------------------------------------------


def test_tick_reload_still_ticked_and_progress_counts(server, page):
    open_card_21(page, server)
    assert progress(page) == "0 von 5 geklärt"
    tick(page, "In welchem Verhältnis")
    tick(page, "Wer sollte die bezahlten")
    assert progress(page) == "2 von 5 geklärt"
    page.reload()
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert box(page, VERHAELTNIS).is_checked() and box(page, WER).is_checked()
    assert not box(page, HONORAR).is_checked()
    assert progress(page) == "2 von 5 geklärt"
    assert json.loads(stored(page)) == {"version": 1, "geklaert": sorted([key_of(page, "In welchem Verhältnis"),
                                                                           key_of(page, "Wer sollte die")])}
    tick(page, "In welchem Verhältnis")  # untick
    page.reload()
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert ticked(page) == [WER]


def test_each_box_is_keyboard_operable_and_named_by_its_question(server, page):
    open_card_21(page, server)
    for name in (VERHAELTNIS, HONORAR, WIEVIEL, WER):
        assert box(page, name).count() == 1
    box(page, HONORAR).focus()
    page.keyboard.press("Space")
    assert box(page, HONORAR).is_checked()
    page.keyboard.press("Shift+Tab")  # the first question's note field stands between the boxes
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label') || "
                         "document.activeElement.labels[0].textContent").startswith("Notiz zur Frage: In welchem")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert ticked(page) == [VERHAELTNIS, HONORAR]
    # The drawn box shows keyboard focus (the real checkbox is invisible).
    outline = page.evaluate("""() => getComputedStyle(document.activeElement.nextElementSibling, "::before")
        .outlineStyle""")
    assert outline == "solid"


def test_progress_is_a_polite_live_region_that_follows_the_ticks(server, page):
    page.goto(server + "karten/40-intensitaet-und-form-der-zusammenarbeit-klaeren/")
    live = page.locator(".checkliste-fortschritt")
    assert live.count() == 2 and live.nth(1).get_attribute("aria-live") == "polite"
    tick(page, "Wie können alle Beteiligten")
    assert [live.nth(0).inner_text(), live.nth(1).inner_text()] == ["0 von 3 geklärt", "1 von 2 geklärt"]


def test_reset_asks_first_and_clears_only_its_checklist(server, page):
    page.goto(server + "karten/40-intensitaet-und-form-der-zusammenarbeit-klaeren/")
    tick(page, "Was sind die fachlichen")
    tick(page, "In welchem Umfang")
    tick(page, "Wie können alle Beteiligten")
    reset = page.get_by_role("button", name=re.compile(r"^Zurücksetzen \(Checkliste: Zivilgesellschaft, Karte 40"))
    reset.click()
    expect_dialog = our_dialog(page)
    expect_dialog.wait_for()
    assert "2 von 3 geklärt" in expect_dialog.inner_text()
    page.get_by_role("button", name="Abbrechen").click()
    # Auto-retrying checks: on a loaded machine the page may take a moment to settle.
    expect(expect_dialog).to_be_hidden()
    expect(page.locator(".checkliste-fortschritt").first).to_have_text("2 von 3 geklärt")
    assert page.evaluate("() => document.activeElement.classList.contains('checkliste-zuruecksetzen')")
    reset.click()
    expect(expect_dialog).to_be_visible()
    page.keyboard.press("Escape")  # Escape cancels too
    expect(expect_dialog).to_be_hidden()
    expect(page.locator(".checkliste-fortschritt").first).to_have_text("2 von 3 geklärt")
    reset.click()
    page.get_by_role("button", name="Häkchen entfernen").click()
    expect(page.locator(".checkliste-fortschritt").nth(0)).to_have_text("0 von 3 geklärt")
    expect(page.locator(".checkliste-fortschritt").nth(1)).to_have_text("1 von 2 geklärt")
    assert reset.get_attribute("aria-disabled") == "true"
    page.reload()
    assert ticked(page) == [page.locator("li[data-checkliste-punkt] > label", has_text="Wie können alle")
                            .inner_text().strip()]


# -- the page "Checklisten" and the cards share one state ---------------------------------------


def test_card_and_checklisten_page_stay_in_sync(server, page):
    open_card_21(page, server)
    tick(page, "In welchem Verhältnis")
    with page.expect_navigation():
        page.get_by_role("link", name="Alle Checklisten").click()
    assert page.url == server + PAGE
    assert box(page, VERHAELTNIS).is_checked()
    assert page.locator(".checklisten-gesamt").inner_text() == "Insgesamt 1 von 30 Fragen geklärt."
    tick(page, "Wieviel der Arbeit")
    tick(page, "Welche Form von Gremien")
    tick(page, "In welchem Verhältnis")  # untick here
    open_card_21(page, server)
    assert ticked(page) == [WIEVIEL]
    page.goto(server + "karten/41-gremien-einrichten/")
    assert ticked(page)[0].startswith(GREMIEN)


def test_a_second_tab_follows_ticks_made_in_the_first(server, context):
    card, overview = context.new_page(), context.new_page()
    card.goto(server + CARD_21)
    open_page(overview, server)
    tick(card, "Sind nur")
    overview.wait_for_function("() => document.querySelector('.checklisten-gesamt').textContent.includes('1 von')")
    assert box(overview, HONORAR).is_checked()


# -- a new build: reordered and edited questions -------------------------------------------------


def test_a_new_build_with_reordered_and_edited_questions_keeps_the_right_ticks(site, scratch, redeploy, page):
    card = "docs/karten/42-entscheidungen-treffen.md"
    old = scratch.path(card).read_text(encoding="utf-8")
    first = "    - [ ] Wie und vom wem werden **Entscheidungsfindungsprozesse** vorbereitet?\n"
    last = ("    - [ ] Wie werden einmal getroffene Entscheidungen **verbindlich** festgehalten? "
            "Wie wird sichergestellt, dass diese in Zukunft nicht in Frage gestellt werden?\n")
    assert first in old and last in old
    # New version: the last question moves to the top, the first is edited (vom -> von)
    # and moves to the end, and a new question comes in between.
    lines = old.split("\n")
    body_items = [l + "\n" for l in lines if l.startswith("    - [ ] ")]
    assert body_items[0] == first and body_items[-1] == last
    reordered = [last] + body_items[1:-1] + ["    - [ ] Wer schreibt das Protokoll?\n",
                                             first.replace("vom wem", "von wem")]
    start = old.index(first)
    end = old.index(last) + len(last)
    scratch.path(card).write_text(old[:start] + "".join(reordered) + old[end:], encoding="utf-8")
    result = scratch.build()
    assert result.returncode == 0, result.output

    redeploy.root = site.root
    page.goto(redeploy.url + CARD_42)
    tick(page, "Wie und vom wem")
    tick(page, "Wer darf")
    tick(page, "Wie werden einmal")
    assert progress(page) == "3 von 4 geklärt"

    redeploy.root = scratch.path("site")
    page.reload()
    page.locator(".checkliste-fortschritt").wait_for()
    labels = [t.inner_text().strip() for t in page.locator("li[data-checkliste-punkt] > label").all()]
    assert labels[0].startswith("Wie werden einmal") and labels[-1].startswith("Wie und von wem")
    assert ticked(page) == [labels[0], labels[1]]  # "Wie werden einmal …" and "Wer darf …"
    assert labels[1].startswith("Wer darf")
    assert not box(page, "Wie und von wem").is_checked()  # edited: its own tick is gone
    assert not box(page, "Wer schreibt das Protokoll").is_checked()
    assert not box(page, "In welchem Verfahren").is_checked()
    assert progress(page) == "2 von 5 geklärt"


# -- storage that cannot be used, or holds rubbish ------------------------------------------------




@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["blocked", "full"])
def test_without_usable_storage_boxes_work_for_the_visit_with_a_calm_notice(server, browser, script):
    context = new_context(browser)
    context.add_init_script(script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_card_21(page, server)
    notice = page.locator(".checkliste-hinweis")
    assert notice.count() == 1
    assert "nur für diesen Besuch" in notice.inner_text() and notice.get_attribute("role") == "status"
    tick(page, "In welchem Verhältnis")
    tick(page, "Sind nur")
    assert ticked(page) == [VERHAELTNIS, HONORAR] and progress(page) == "2 von 5 geklärt"
    tick(page, "Sind nur")
    assert progress(page) == "1 von 5 geklärt"
    open_page(page, server)
    assert "nur für diesen Besuch" in page.locator(".checklisten-werkzeuge .checkliste-hinweis").inner_text()
    # The tick made on the card is there on the next page: it lasts for the visit.
    assert ticked(page) == [VERHAELTNIS]
    tick(page, "Wer sollte die bezahlten")
    assert ticked(page) == [VERHAELTNIS, WER]
    # Material's storage functions are guarded too (theme/partials/speicher-schutz.html).
    assert errors == []
    context.close()


@pytest.mark.parametrize("raw, kept", [
    ('{"version":1,"geklaert":["21-ff5e14c5",42,"kaputt",null,"21-5e27b3be"]}', [VERHAELTNIS, WER]),
    ('["21-ff5e14c5"]', [VERHAELTNIS]),
    ('{"geklaert":["21-5e27b3be"],"fremd":true}', [WER]),
    ('{"version":1,"geklaert":"21-ff5e14c5"}', []),
    ("das ist kein JSON {", []),
], ids=["some-bad-entries", "bare-list", "no-version", "wrong-shape", "not-json"])
def test_corrupt_storage_keeps_its_valid_part_and_is_repaired(server, page, raw, kept):
    open_card_21(page, server)
    assert key_of(page, "In welchem Verhältnis") == "21-ff5e14c5"  # the keys used above
    assert key_of(page, "Wer sollte die") == "21-5e27b3be"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, raw])
    page.reload()
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert ticked(page) == kept
    assert "nicht lesbar" in page.locator(".checkliste-hinweis").inner_text()
    repaired = json.loads(stored(page))
    assert repaired["version"] == 1 and len(repaired["geklaert"]) == len(kept)
    if raw.startswith("das"):  # nothing readable: the original is kept aside, not lost
        assert page.evaluate("k => localStorage.getItem(k)", STORE + ".unlesbar") == raw
    tick(page, "Wieviel der Arbeit")
    page.reload()
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert WIEVIEL in ticked(page) and page.locator(".checkliste-hinweis").count() == 0


# -- export and import ----------------------------------------------------------------------------


def test_markdown_export_lists_every_question_with_its_tick(server, page, tmp_path):
    open_page(page, server)
    tick(page, "In welchem Verhältnis")
    tick(page, "Welche Form von Gremien")
    with page.expect_download() as download:
        page.get_by_role("button", name="Als Markdown herunterladen").click()
    assert re.fullmatch(r"checklisten-ko-produktion-\d{4}-\d\d-\d\d\.md", download.value.suggested_filename)
    path = tmp_path / "export.md"
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Checklisten – Ko-Produktion\n")
    assert "Insgesamt 2 von 30 Fragen geklärt." in text
    assert "## Vor der Ko-Produktion" in text and "## Strukturen der Zusammenarbeit" in text
    assert "### Karte 21: Bezahlte Stellen in der Zivilgesellschaft?" in text
    assert f"{server}{CARD_21}" in text
    assert "#### Checkliste (1 von 5 geklärt)" in text
    assert ("- [x] In welchem **Verhältnis** stehen die bezahlten Stellen und die ehrenamtlich "
            "Arbeitenden?") in text
    assert "- [ ] Sind nur **Honorarfinanzierungen** möglich" in text
    assert "- [ ] Wer sollte die bezahlten Stellen übernehmen?\n    - **Personen aus der Gruppe**\n" \
           "        - Vorteile: Wissen bereits vorhanden" in text
    assert "#### Checkliste: Verwaltung und Politik (0 von 2 geklärt)" in text
    assert text.count("- [x] ") == 2 and text.count("- [ ] ") == 28


def test_the_document_export_opens_on_any_office_pc_and_prints_on_a4(server, browser, page, tmp_path):
    # Next to Markdown, which an office PC has no program for: an HTML document, which every
    # browser shows and prints and Word and LibreOffice open, with the same content.
    open_page(page, server)
    tick(page, "In welchem Verhältnis")
    tick(page, "Welche Form von Gremien")
    key = page.locator("li[data-checkliste-punkt]", has_text="In welchem Verhältnis").get_attribute(
        "data-checkliste-punkt")
    page.locator(f"textarea[data-notiz-frage='{key}']").fill("Eins zu fünf.\nMit dem <Vorstand> klären.")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("^Als Dokument herunterladen")).click()
    assert re.fullmatch(r"checklisten-ko-produktion-\d{4}-\d\d-\d\d\.html", download.value.suggested_filename)
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    context = new_context(browser, java_script_enabled=False)
    document = context.new_page()
    document.goto(path.as_uri())
    assert document.title() == "Checklisten – Ko-Produktion"
    assert document.locator("html").get_attribute("lang") == "de"
    expect(document.locator("h3", has_text="Karte 21: Bezahlte Stellen in der Zivilgesellschaft?")).to_have_count(1)
    expect(document.locator("h2", has_text="Strukturen der Zusammenarbeit")).to_have_count(1)
    questions = document.locator("ul.fragen > li")
    assert questions.count() == 30
    assert [q.startswith("☑") for q in questions.all_inner_texts()].count(True) == 2
    verhaeltnis = questions.filter(has_text="In welchem Verhältnis")
    expect(verhaeltnis.locator("strong", has_text="Verhältnis")).to_have_count(1)
    expect(verhaeltnis.locator("blockquote")).to_contain_text("Mit dem <Vorstand> klären.")
    expect(questions.filter(has_text="Wer sollte die bezahlten").locator("ul li", has_text="Personen aus der Gruppe")) \
        .to_have_count(1)
    expect(document.locator(f'a[href="{server}{CARD_21}"]')).to_have_count(1)
    assert "CC BY-NC-SA 4.0" in document.locator("body").inner_text()
    assert document.locator("script").count() == 0
    sizes = printed_pages(document)
    assert all_a4(sizes), sizes
    context.close()


def export_json(page, tmp_path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Als JSON-Datei sichern").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def import_file(page, path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="JSON-Datei einlesen …").click()
    chooser.value.set_files(str(path))


def test_json_export_then_import_brings_the_ticks_back(server, page, tmp_path):
    open_page(page, server)
    tick(page, "In welchem Verhältnis")
    tick(page, "Wer sollte die bezahlten")
    tick(page, "Welche Form von Gremien")
    before = ticked(page)
    path = export_json(page, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "ko-produktion.checklisten" and data["version"] == 1
    assert data["geklaert"] == sorted(stored_keys(page)) and len(data["geklaert"]) == 3
    assert {q["frage"] for q in data["fragen"]} >= {"In welchem **Verhältnis** stehen die bezahlten Stellen und "
                                                    "die ehrenamtlich Arbeitenden?"}

    page.get_by_role("button", name="Alle Häkchen entfernen").click()
    page.get_by_role("button", name="Alle entfernen").click()
    # The answer is taken when the dialog's close event comes, a moment after the click.
    expect(page.locator(".checklisten-meldung")).to_have_text("Alle Häkchen wurden entfernt.")
    assert ticked(page) == [] and stored_keys(page) == []
    tick(page, "Wieviel der Arbeit")

    import_file(page, path)
    our_dialog(page).wait_for()
    assert "Die Datei „" in our_dialog(page).inner_text() and "3 geklärte Fragen" in our_dialog(page).inner_text()
    page.get_by_role("button", name="Ersetzen").click()
    expect(page.locator(".checklisten-meldung")).to_contain_text("Ersetzt.")
    assert ticked(page) == before
    assert sorted(stored_keys(page)) == data["geklaert"]
    assert "Ersetzt." in page.locator(".checklisten-meldung").inner_text()


@pytest.mark.parametrize("content, reason", [
    ("das ist kein JSON", "keine JSON-Datei"),
    ('{"format": "etwas-anderes", "version": 1, "geklaert": []}', "keinen Checklisten-Stand dieser Website"),
    ('{"format": "ko-produktion.checklisten", "version": 2, "geklaert": []}', "anderen Fassung"),
    ('{"format": "ko-produktion.checklisten", "version": 1, "geklaert": ["21-ff5e14c5", "<script>"]}',
     "Eintrag Nr. 2"),
    ('{"version": 1, "geklaert": ["21-ff5e14c5"]}', "keinen Checklisten-Stand dieser Website"),
], ids=["not-json", "foreign", "newer-version", "bad-entry", "no-format"])
def test_a_malformed_file_is_refused_with_a_message_and_changes_nothing(server, page, tmp_path, content, reason):
    open_page(page, server)
    tick(page, "Sind nur")
    before = stored(page)
    path = tmp_path / "stand.json"
    path.write_text(content, encoding="utf-8")
    import_file(page, path)
    alert = page.get_by_role("alert")
    alert.filter(has_text="stand.json").wait_for()
    assert reason in alert.inner_text() and "Ihre Häkchen sind unverändert." in alert.inner_text()
    assert not our_dialog(page).is_visible()
    assert stored(page) == before and ticked(page) == [HONORAR]


# -- sharing as a link ----------------------------------------------------------------------------


def share_link(page) -> str:
    page.get_by_role("button", name="Als Link teilen").click()
    field = page.get_by_label("Link mit Ihrem Stand")
    expect(field).to_have_value(re.compile("#teilen="))  # compressing takes a moment
    return field.input_value()


def shared_state(link: str) -> dict:
    """The state a share link carries: "z." and deflate-raw JSON, base64url-encoded."""
    payload = link.split("#teilen=")[1]
    assert payload.startswith("z.")
    packed = base64.urlsafe_b64decode(payload[2:] + "=" * (-len(payload[2:]) % 4))
    return json.loads(zlib.decompress(packed, -15))


def test_share_link_round_trip_merge(server, browser):
    mine, partner = new_context(browser), new_context(browser)
    a, b = mine.new_page(), partner.new_page()
    open_page(a, server)
    tick(a, "In welchem Verhältnis")
    tick(a, "Welche Form von Gremien")
    link = share_link(a)
    assert link.startswith(server + PAGE + "#teilen=")
    assert "mailto:?subject=" in a.get_by_role("link", name="Per E-Mail senden").get_attribute("href")
    assert shared_state(link) == {"version": 1, "geklaert": sorted(stored_keys(a))}

    open_page(b, server)
    tick(b, "Wer sollte die bezahlten")
    b.goto(link)
    shown = our_dialog(b)
    shown.wait_for()
    text = shown.inner_text()
    assert "2 geklärte Fragen" in text
    assert "Karte 21 „Bezahlte Stellen in der Zivilgesellschaft?“: 1 von 5 geklärt" in text
    assert "In welchem Verhältnis stehen" in text and "Karte 41" in text
    assert "Bei Ihnen sind zurzeit 1 von 30" in text
    b.get_by_role("button", name="Zusammenführen").click()
    expect(b.locator(".checklisten-meldung")).to_contain_text("Zusammengeführt.")
    assert "#" not in b.url
    assert set(ticked(b)) == {VERHAELTNIS, WER, next(t for t in ticked(b) if t.startswith(GREMIEN))}
    assert len(stored_keys(b)) == 3
    assert "Zusammengeführt." in b.locator(".checklisten-meldung").inner_text()
    b.reload()
    assert len(ticked(b)) == 3 and not our_dialog(b).is_visible()
    mine.close()
    partner.close()


def test_share_link_round_trip_replace_and_cancel(server, browser):
    mine, partner = new_context(browser), new_context(browser)
    a, b = mine.new_page(), partner.new_page()
    open_page(a, server)
    tick(a, "Sind nur")
    tick(a, "Wieviel der Arbeit")
    link = share_link(a)

    open_page(b, server)
    tick(b, "Wer sollte die bezahlten")
    before = stored(b)
    b.goto(link)
    our_dialog(b).wait_for()
    b.get_by_role("button", name="Abbrechen").click()
    expect(b.locator(".checklisten-meldung")).to_contain_text("unverändert")
    assert stored(b) == before and ticked(b) == [WER] and "#" not in b.url

    b.goto(link)
    our_dialog(b).wait_for()
    b.get_by_role("button", name="Ersetzen").click()
    expect(b.locator(".checklisten-meldung")).to_contain_text("Ersetzt.")
    assert ticked(b) == [HONORAR, WIEVIEL] and sorted(stored_keys(b)) == sorted(stored_keys(a))
    open_card_21(b, server)
    assert ticked(b) == [HONORAR, WIEVIEL]
    mine.close()
    partner.close()


def encoded(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


@pytest.mark.parametrize("fragment", [
    "#teilen=%%%nicht-base64",
    "#teilen=" + encoded('{"version":1,"geklaert":["21-ff5e14c5"]}')[:-7],  # cut off
    "#teilen=" + encoded('{"version":1,"geklaert":["21-ff5e14c5","kaputt"]}'),
    "#teilen=" + encoded('{"version":7,"geklaert":[]}'),
    "#teilen=" + encoded('"nur ein Text"'),
], ids=["not-base64", "cut-off", "bad-entry", "other-version", "not-an-object"])
def test_a_malformed_link_is_refused_with_a_message_and_changes_nothing(server, page, fragment):
    open_page(page, server)
    tick(page, "Wer sollte die bezahlten")
    before = stored(page)
    page.goto(server + PAGE + fragment)
    alert = page.get_by_role("alert")
    alert.filter(has_text="keinen lesbaren Checklisten-Stand").wait_for()
    assert "Ihre Häkchen und Notizen sind unverändert." in alert.inner_text()
    assert not our_dialog(page).is_visible()
    assert stored(page) == before and ticked(page) == [WER]
    assert "#" not in page.url


# -- the offline bundle: file:// -----------------------------------------------------------------


def test_ticks_stay_when_the_site_is_opened_from_files(tiny, page):
    config = tiny.path("mkdocs.yml")
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = tiny.build()
    assert result.returncode == 0, result.output
    card = tiny.path("site/karten/21-bezahlte-stellen-in-der-zivilgesellschaft.html").as_uri()
    page.goto(card)
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert page.locator(".checkliste-hinweis").count() == 0
    tick(page, "Sind nur")
    page.reload()
    page.locator(".checkliste-fortschritt").first.wait_for()
    assert ticked(page) == [HONORAR] and progress(page) == "1 von 5 geklärt"
    page.goto(tiny.path("site/checklisten.html").as_uri())
    page.locator(".checklisten-werkzeuge:not([hidden])").wait_for()
    assert box(page, HONORAR).is_checked()
    link = share_link(page)
    assert link.startswith("file://") and "checklisten.html#teilen=" in link


# -- printing -------------------------------------------------------------------------------------


def test_printing_shows_boxes_in_black_and_white_without_the_tools(server, page):
    open_page(page, server)
    tick(page, "In welchem Verhältnis")
    page.emulate_media(media="print", color_scheme="dark")
    style = page.evaluate("""() => {
        const css = (el, pseudo) => getComputedStyle(el, pseudo || null);
        const boxes = [...document.querySelectorAll("input[data-checkliste-punkt]")];
        const on = boxes.find(b => b.checked).nextElementSibling, off = boxes.find(b => !b.checked).nextElementSibling;
        return {
            buttons: css(document.querySelector(".checklisten-knoepfe")).display,
            reset: css(document.querySelector(".checkliste-zuruecksetzen")).display,
            stand: css(document.querySelector(".checklisten-stand")).display,
            standText: document.querySelector(".checklisten-stand").textContent,
            sidebar: css(document.querySelector(".md-sidebar--primary")).display,
            header: css(document.querySelector(".md-header")).display,
            emptyBorder: css(off, "::before").borderTopColor,
            emptyWidth: css(off, "::before").borderTopWidth,
            tickContent: css(on, "::after").content,
            tickColour: css(on, "::after").borderBottomColor,
            noTick: css(off, "::after").content,
            lines: css(on.closest("li"), "::after").borderBottomStyle,
        };
    }""")
    assert style["buttons"] == "none" and style["reset"] == "none" and style["header"] == "none"
    assert style["sidebar"] == "none"
    assert style["stand"] == "block" and "1 von 30 Fragen geklärt" in style["standText"]
    assert style["emptyBorder"] == "rgb(0, 0, 0)" and float(style["emptyWidth"].removesuffix("px")) >= 1.5
    assert style["tickContent"] == '""' and style["tickColour"] == "rgb(0, 0, 0)"
    assert style["noTick"] == "none"
    assert style["lines"] == "dotted"  # room to write on the worksheet
    assert len(page.pdf(format="A4")) > 10000


A4_PT = (595.3, 841.9)


def printed_pages(page) -> list[tuple[float, float]]:
    """The page sizes (pt) of the page printed as a browser's print dialog prints it: in the
    size its stylesheet asks for."""
    with pikepdf.open(io.BytesIO(page.pdf(prefer_css_page_size=True))) as pdf:
        return [(float(p.mediabox[2]) - float(p.mediabox[0]), float(p.mediabox[3]) - float(p.mediabox[1]))
                for p in pdf.pages]


def all_a4(sizes: list[tuple[float, float]]) -> bool:
    return all(abs(w - A4_PT[0]) < 1 and abs(h - A4_PT[1]) < 1 for w, h in sizes)


def test_the_worksheet_prints_on_a4_in_type_to_read_and_write_by(server, page):
    # Office printers hold A4: „Als Arbeitsblatt drucken“ must not print narrow card pages.
    open_page(page, server)
    tick(page, "In welchem Verhältnis")
    sizes = printed_pages(page)
    assert all_a4(sizes), sizes
    assert len(sizes) <= 8, f"{len(sizes)} A4 pages for 30 questions"
    page.emulate_media(media="print")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.checkliste-fragen li')).fontSize)")
    assert size >= 10 * 96 / 72, f"{size} px"  # at least 10 pt
    # A card still prints as a card, and so does the fan's print version.
    page.goto(server + "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/")
    width, height = card_format_mm()
    assert all(abs(w - width * 72 / 25.4) < 1 and abs(h - height * 72 / 25.4) < 1
               for w, h in printed_pages(page))


@pytest.mark.parametrize("url", ["auswahl/", "datenschutz/", "leichte-sprache/"])
def test_pages_that_are_not_cards_print_on_a4(server, page, url):
    page.goto(server + url)
    sizes = printed_pages(page)
    assert all_a4(sizes), sizes


# -- accessibility --------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_card_with_a_checklist(browser, server, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "karten/40-intensitaet-und-form-der-zusammenarbeit-klaeren/")
    tick(page, "Was sind die fachlichen")
    assert axe_violations(page) == []
    page.get_by_role("button", name=re.compile(r"^Zurücksetzen \(Checkliste: Zivilgesellschaft, Karte 40")).click()
    our_dialog(page).wait_for()
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_checklisten_page(browser, server, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    open_page(page, server)
    tick(page, "Sind nur")
    share_link(page)
    page.get_by_role("button", name="Link kopieren").click()
    assert axe_violations(page) == []
    page.goto(server + PAGE + "#teilen=kaputt!")
    page.get_by_role("alert").filter(has_text="keinen lesbaren").wait_for()
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_while_a_shared_link_asks_what_to_do(browser, server, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + PAGE + "#teilen=" + encoded('{"version":1,"geklaert":["21-ff5e14c5"]}'))
    our_dialog(page).wait_for()
    assert page.evaluate("() => document.activeElement.textContent") == "Zusammenführen"
    assert axe_violations(page) == []
    context.close()
