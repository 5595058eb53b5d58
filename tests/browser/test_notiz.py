"""Notes in the browser (Playwright, Debian's Chromium): answers under the questions and
a note per card, saved as typed, kept across reloads, new builds and changed wording;
travelling in the Markdown download, the JSON file (merge keeps both of two different
notes), share links (compressed; a calm warning when long) and the worksheet; and bad
input: a pasted megabyte, blocked or full storage, a cut-off link, a file with notes for
questions that no longer exist. axe-core in light and dark.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import BLOCKED, FULL, axe_violations, new_context, our_dialog

NOTES = "ko-produktion.notizen.v1"
CARD_21 = "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/"
CARD_42 = "karten/42-entscheidungen-treffen/"
PAGE = "checklisten/"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VERHAELTNIS_KEY = "21-ff5e14c5"
WER_KEY = "21-5e27b3be"
LIMIT = 10000


def note_field(page, key: str):
    return page.locator(f"textarea[data-notiz-frage='{key}']")


def card_note(page, number: int):
    return page.locator(f"textarea[data-notiz-karte='{number}']")


def stored_notes(page) -> dict:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", NOTES))


def open_page(page, server, fragment: str = "") -> None:
    page.goto(server + PAGE + fragment)
    page.locator(".checklisten-werkzeuge:not([hidden])").wait_for()


def open_card(page, url: str) -> None:
    page.goto(url)
    page.locator("textarea.notiz-feld").first.wait_for()


def download(page, button: str, tmp_path) -> Path:
    with page.expect_download() as done:
        page.get_by_role("button", name=button).click()
    path = tmp_path / done.value.suggested_filename
    done.value.save_as(path)
    return path


def import_file(page, path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="JSON-Datei einlesen …").click()
    chooser.value.set_files(str(path))


# -- typed, kept, shown everywhere -----------------------------------------------------------


def test_a_note_typed_on_a_card_stays_and_shows_on_the_checklisten_page_and_in_the_download(
        server, page, tmp_path):
    open_card(page, server + CARD_21)
    field = note_field(page, VERHAELTNIS_KEY)
    assert field.get_attribute("id") == f"notiz-{VERHAELTNIS_KEY}"
    # Named by its question for screen readers, „Notiz“ on screen.
    expect(page.get_by_role("textbox", name=re.compile("^Notiz zur Frage: In welchem Verhältnis"))).to_have_count(1)
    field.press_sequentially("Zwei Stellen, zehn Ehrenamtliche.\nMonatlich abstimmen.")
    card_note(page, 21).fill("Mit dem Vorstand klären.")
    page.reload()
    expect(note_field(page, VERHAELTNIS_KEY)).to_have_value("Zwei Stellen, zehn Ehrenamtliche.\nMonatlich abstimmen.")
    expect(card_note(page, 21)).to_have_value("Mit dem Vorstand klären.")
    stored = stored_notes(page)
    assert stored["version"] == 1 and stored["karten"] == {"21": "Mit dem Vorstand klären."}
    assert stored["fragen"][VERHAELTNIS_KEY]["frage"].startswith("In welchem **Verhältnis** stehen")

    open_page(page, server)
    expect(note_field(page, VERHAELTNIS_KEY)).to_have_value("Zwei Stellen, zehn Ehrenamtliche.\nMonatlich abstimmen.")
    expect(card_note(page, 21)).to_have_value("Mit dem Vorstand klären.")
    page.locator("li[data-checkliste-punkt] > label", has_text="In welchem Verhältnis").click()
    text = download(page, "Als Markdown herunterladen", tmp_path).read_text(encoding="utf-8")
    assert ("- [x] In welchem **Verhältnis** stehen die bezahlten Stellen und die ehrenamtlich Arbeitenden?\n\n"
            "    > **Notiz:** Zwei Stellen, zehn Ehrenamtliche.\n    > Monatlich abstimmen.\n") in text
    assert "**Notiz zu Karte 21:**\n\n> Mit dem Vorstand klären.\n" in text
    # The questions are credited to the authors; the answers are the reader's.
    assert "Die Fragen stammen aus dem Handlungsleitfaden „Ko-Produktion“ (Vollmer" in text


def test_a_note_is_saved_as_typed_and_another_tab_follows(server, context):
    first, second = context.new_page(), context.new_page()
    open_card(first, server + CARD_21)
    open_page(second, server)
    note_field(first, WER_KEY).press_sequentially("Extern")
    assert stored_notes(first)["fragen"][WER_KEY]["notiz"] == "Extern"  # no save button, no delay
    expect(note_field(second, WER_KEY)).to_have_value("Extern")


def test_a_reorder_of_the_questions_in_a_rebuilt_site_keeps_every_note(site, scratch, redeploy, page):
    card = scratch.path("docs/karten/42-entscheidungen-treffen.md")
    old = card.read_text(encoding="utf-8")
    items = [line for line in old.split("\n") if line.startswith("    - [ ] ")]
    assert len(items) == 4
    start, end = old.index(items[0]), old.index(items[-1]) + len(items[-1])
    card.write_text(old[:start] + "\n".join(reversed(items)) + old[end:], encoding="utf-8")
    result = scratch.build()
    assert result.returncode == 0, result.output

    redeploy.root = site.root
    open_card(page, redeploy.url + CARD_42)
    keys = [k.get_attribute("data-checkliste-punkt") for k in page.locator("li[data-checkliste-punkt]").all()]
    for i, key in enumerate(keys):
        note_field(page, key).fill(f"Antwort {i + 1}")

    redeploy.root = scratch.path("site")
    page.reload()
    note_field(page, keys[0]).wait_for()
    after = [k.get_attribute("data-checkliste-punkt") for k in page.locator("li[data-checkliste-punkt]").all()]
    assert after == list(reversed(keys))
    for i, key in enumerate(keys):
        expect(note_field(page, key)).to_have_value(f"Antwort {i + 1}")


# -- a changed wording: the note stays under the old words ------------------------------------


def test_a_file_with_notes_for_questions_that_no_longer_exist_keeps_them_under_the_old_wording(
        server, page, tmp_path):
    open_page(page, server)
    path = tmp_path / "alt.json"
    path.write_text(json.dumps({
        "format": "ko-produktion.checklisten", "version": 1, "geklaert": [],
        "notizen": {"fragen": {"21-00000000": {"frage": "Wie viele **Stellen** gab es früher?", "notiz": "Drei."},
                               "99-00000000": {"frage": "Eine Frage einer Karte, die es nicht gibt?",
                                               "notiz": "Bleibt auch."}},
                    "karten": {"8": "Teilhabe besprechen."}}}), encoding="utf-8")
    import_file(page, path)
    our_dialog(page).wait_for()
    assert "Dazu kommen 3 Notizen." in our_dialog(page).inner_text()
    page.get_by_role("button", name="Zusammenführen").click()
    earlier = page.locator(".notiz-frueher", has_text="Wie viele Stellen gab es früher?")
    expect(earlier).to_be_visible()
    assert "Frühere Fassung einer Frage" in earlier.inner_text() and "Drei." in earlier.inner_text()
    # Under its card, before the card's own note.
    assert page.evaluate("""() => {
        const note = document.querySelector(".notiz-frueher");
        const card = document.querySelector("textarea[data-notiz-karte='21']");
        return !!(note.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    others = page.locator(".notiz-weitere")
    expect(others.get_by_role("heading", name="Notizen zu weiteren Karten")).to_be_visible()
    expect(card_note(page, 8)).to_have_value("Teilhabe besprechen.")
    assert "Eine Frage einer Karte, die es nicht gibt?" in others.inner_text()
    text = download(page, "Als Markdown herunterladen", tmp_path).read_text(encoding="utf-8")
    assert "#### Frühere Fassungen von Fragen dieser Karte\n\n- „Wie viele **Stellen** gab es früher?“" in text
    assert "## Notizen zu weiteren Karten" in text and "Teilhabe besprechen." in text

    # Moved to a question of today's card: gone from the old wording, kept beside the answer.
    note_field(page, WER_KEY).fill("Extern.")
    earlier.get_by_label("Verschieben zu").select_option(WER_KEY)
    earlier.get_by_role("button", name="Verschieben").click()
    expect(page.locator(".notiz-frueher", has_text="Wie viele Stellen")).to_have_count(0)
    expect(note_field(page, WER_KEY)).to_have_value(re.compile(r"^Extern\.\n\n--- Verschoben .*\nDrei\.$"))
    assert "21-00000000" not in stored_notes(page)["fragen"]

    # Deleted only when the reader says so.
    gone = page.locator(".notiz-frueher", has_text="nicht gibt")
    gone.get_by_role("button", name="Löschen").click()
    page.get_by_role("button", name="Abbrechen").click()
    # Focus back on the button: the dialog's close event has come (a click before it would
    # be answered by this closing).
    expect(gone.get_by_role("button", name="Löschen")).to_be_focused()
    expect(gone).to_have_count(1)
    gone.get_by_role("button", name="Löschen").click()
    page.get_by_role("button", name="Notiz löschen").click()
    expect(page.locator(".notiz-frueher")).to_have_count(0)
    assert set(stored_notes(page)["fragen"]) == {WER_KEY}


# -- export, import, merge -------------------------------------------------------------------


def test_export_import_and_merge_keep_both_of_two_conflicting_notes(server, browser, tmp_path):
    mine, theirs = new_context(browser), new_context(browser)
    a, b = mine.new_page(), theirs.new_page()
    open_page(a, server)
    note_field(a, VERHAELTNIS_KEY).fill("Eins zu fünf.")
    note_field(a, WER_KEY).fill("Aus der Gruppe.")
    card_note(a, 21).fill("Gleich bei beiden.")
    path = download(a, "Als JSON-Datei sichern", tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["notizen"]["fragen"][VERHAELTNIS_KEY]["notiz"] == "Eins zu fünf."
    assert data["notizen"]["karten"] == {"21": "Gleich bei beiden."}

    open_page(b, server)
    note_field(b, VERHAELTNIS_KEY).fill("Eins zu drei.")
    card_note(b, 21).fill("Gleich bei beiden.")
    import_file(b, path)
    our_dialog(b).wait_for()
    assert "Zusammenführen" in our_dialog(b).inner_text() and "beide erhalten" in our_dialog(b).inner_text()
    b.get_by_role("button", name="Zusammenführen").click()
    merged = note_field(b, VERHAELTNIS_KEY)
    expect(merged).to_have_value(re.compile(
        r"^Eins zu drei\.\n\n--- Dazugekommen am .+ aus der Datei „.+\.json“: ---\nEins zu fünf\.$"))
    expect(note_field(b, WER_KEY)).to_have_value("Aus der Gruppe.")
    expect(card_note(b, 21)).to_have_value("Gleich bei beiden.")  # equal notes are not doubled

    # Replacing takes the file's notes as they are.
    import_file(b, path)
    our_dialog(b).wait_for()
    b.get_by_role("button", name="Ersetzen").click()
    expect(note_field(b, VERHAELTNIS_KEY)).to_have_value("Eins zu fünf.")
    mine.close()
    theirs.close()


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig"])
def test_a_file_saved_in_another_encoding_brings_its_umlauts(server, page, tmp_path, encoding):
    # An editor on an office PC may save the JSON file as Latin-1 (Windows-1252) or UTF-16.
    data = {"format": "ko-produktion.checklisten", "version": 1, "geklaert": [],
            "notizen": {"version": 1, "fragen": {}, "karten": {"21": "Grüße aus Köln"}}}
    path = tmp_path / f"stand-{encoding}.json"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode(encoding))
    open_page(page, server)
    import_file(page, path)
    our_dialog(page).wait_for()
    page.get_by_role("button", name="Ersetzen").click()
    expect(card_note(page, 21)).to_have_value("Grüße aus Köln")
    assert stored_notes(page)["karten"] == {"21": "Grüße aus Köln"}


# -- two tabs ---------------------------------------------------------------------------------


def test_two_tabs_typing_into_one_note_are_told_and_no_word_is_lost(server, context):
    a, b = context.new_page(), context.new_page()
    open_card(a, server + CARD_21)
    open_card(b, server + CARD_21)
    note_field(a, VERHAELTNIS_KEY).fill("A schreibt eins zwei drei vier")
    note_field(b, VERHAELTNIS_KEY).fill("B schreibt anders")  # A's field still has the focus
    # Tab A keeps its text in view, and is told that the kept text is now B's.
    told_a = a.locator(".notiz-anderswo")
    expect(told_a).to_contain_text("in einem anderen Fenster")
    expect(note_field(a, VERHAELTNIS_KEY)).to_have_value("A schreibt eins zwei drei vier")
    assert stored_notes(a)["fragen"][VERHAELTNIS_KEY]["notiz"] == "B schreibt anders"
    a.get_by_role("button", name="Meinen Text speichern").click()
    expect(told_a).to_have_count(0)
    assert stored_notes(a)["fragen"][VERHAELTNIS_KEY]["notiz"] == "A schreibt eins zwei drei vier"
    # Now B's words were replaced: B is told too, and takes A's text or keeps its own.
    told_b = b.locator(".notiz-anderswo")
    expect(told_b).to_contain_text("in einem anderen Fenster")
    b.get_by_role("button", name="Text von dort übernehmen").click()
    expect(note_field(b, VERHAELTNIS_KEY)).to_have_value("A schreibt eins zwei drei vier")
    expect(told_b).to_have_count(0)
    a.reload()
    expect(note_field(a, VERHAELTNIS_KEY)).to_have_value("A schreibt eins zwei drei vier")


def test_a_note_replaced_from_another_tab_can_be_restored(server, context):
    a, b = context.new_page(), context.new_page()
    open_card(a, server + CARD_21)
    open_card(b, server + CARD_21)
    note_field(a, WER_KEY).fill("Aus der Gruppe, sagt A.")
    a.locator("article h1").click()  # A is done with the field
    note_field(b, WER_KEY).fill("Von außen, sagt B.")
    # A's field shows B's text now, and A is told, with its own words to bring back.
    expect(note_field(a, WER_KEY)).to_have_value("Von außen, sagt B.")
    expect(a.locator(".notiz-anderswo")).to_contain_text("in einem anderen Fenster")
    a.get_by_role("button", name="Meinen Text wiederherstellen").click()
    expect(note_field(a, WER_KEY)).to_have_value("Aus der Gruppe, sagt A.")
    assert stored_notes(a)["fragen"][WER_KEY]["notiz"] == "Aus der Gruppe, sagt A."
    # Notes another tab writes where this one wrote nothing are simply shown, without a word.
    card_note(b, 21).fill("Nur B.")
    expect(card_note(a, 21)).to_have_value("Nur B.")
    assert a.locator(".notiz-anderswo").count() == 0


# -- share links ------------------------------------------------------------------------------


def share_link(page) -> str:
    page.get_by_role("button", name="Als Link teilen").click()
    field = page.get_by_label("Link mit Ihrem Stand")
    expect(field).to_have_value(re.compile("#teilen=z\\."))
    return field.input_value()


def test_notes_travel_in_a_compressed_link_into_a_fresh_browser(server, browser):
    mine, theirs = new_context(browser), new_context(browser)
    a, b = mine.new_page(), theirs.new_page()
    open_page(a, server)
    note_field(a, VERHAELTNIS_KEY).fill("Eins zu fünf – „so besprochen“ ✓")
    link = share_link(a)
    expect(a.locator(".checklisten-lang")).to_be_hidden()
    b.goto(link)
    our_dialog(b).wait_for()
    assert "Dazu kommt eine Notiz." in our_dialog(b).inner_text()
    b.get_by_role("button", name="Zusammenführen").click()
    expect(note_field(b, VERHAELTNIS_KEY)).to_have_value("Eins zu fünf – „so besprochen“ ✓")
    mine.close()
    theirs.close()


def test_a_long_link_warns_calmly_and_offers_the_file(server, page, tmp_path):
    open_page(page, server)
    words = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(100))  # compresses little
    note_field(page, VERHAELTNIS_KEY).fill(words)
    link = share_link(page)
    assert len(link) > 2000
    warning = page.locator(".checklisten-lang")
    expect(warning).to_be_visible()
    assert f"{len(link):,}".replace(",", ".") in warning.inner_text()
    assert "als Datei" in warning.inner_text()
    with page.expect_download():
        warning.get_by_role("button", name="Als JSON-Datei sichern").click()


def packed(state: dict) -> str:
    """A state as a share link carries it: deflate-raw, base64url."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = deflate.compress(json.dumps(state).encode()) + deflate.flush()
    return "z." + base64.urlsafe_b64encode(data).decode().rstrip("=")


FULL_STATE = {"version": 1, "geklaert": [WER_KEY],
              "notizen": {"fragen": {WER_KEY: {"frage": "Wer?", "notiz": "Eine längere Notiz " * 20}}}}


@pytest.mark.parametrize("fragment, reason", [
    ("#teilen=" + packed(FULL_STATE)[:-12], "unvollständig"),
    ("#teilen=z.%%%", "Zeichen, die nicht dazugehören"),
    ("#teilen=z.AAAA", "unvollständig"),
    ("#teilen=" + packed({"version": 1, "geklaert": [], "notizen": {"fragen": {"kaputt": {"notiz": 1}}}}),
     "nicht lesbar"),
], ids=["cut-off", "bad-characters", "not-deflate", "bad-note"])
def test_a_malformed_or_cut_off_link_changes_nothing(server, page, fragment, reason):
    open_page(page, server)
    note_field(page, WER_KEY).fill("Bleibt.")
    page.goto(server + PAGE + fragment)
    alert = page.get_by_role("alert").filter(has_text="keinen lesbaren Checklisten-Stand")
    alert.wait_for()
    assert reason in alert.inner_text() and "Ihre Häkchen und Notizen sind unverändert." in alert.inner_text()
    expect(note_field(page, WER_KEY)).to_have_value("Bleibt.")
    assert not our_dialog(page).is_visible()


# -- bad input ---------------------------------------------------------------------------------


def test_a_pasted_megabyte_is_refused_with_the_limit_and_the_note_so_far_kept(server, page):
    open_card(page, server + CARD_21)
    field = note_field(page, VERHAELTNIS_KEY)
    field.fill("Bisher.")
    field.focus()
    page.keyboard.press("End")
    page.keyboard.insert_text("x" * (1024 * 1024))  # as a paste arrives: one input of a megabyte
    expect(field).to_have_value("Bisher.")
    limit = page.locator(".notiz-grenze").first
    expect(limit).to_contain_text("höchstens 10.000 Zeichen")
    assert "1.048.583" in limit.inner_text() and "Ihre Notiz ist unverändert." in limit.inner_text()
    assert limit.get_attribute("role") == "status"
    assert stored_notes(page)["fragen"][VERHAELTNIS_KEY]["notiz"] == "Bisher."
    field.press_sequentially(" Weiter.")  # typing goes on as before
    expect(limit).to_be_empty()
    assert stored_notes(page)["fragen"][VERHAELTNIS_KEY]["notiz"] == "Bisher. Weiter."
    page.keyboard.insert_text("y" * (LIMIT - len("Bisher. Weiter.")))  # up to the limit is fine
    assert len(stored_notes(page)["fragen"][VERHAELTNIS_KEY]["notiz"]) == LIMIT




@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["blocked", "full"])
def test_without_storage_notes_work_for_the_visit_and_the_page_says_so(server, browser, script):
    context = new_context(browser)
    context.add_init_script(script)
    page = context.new_page()
    open_card(page, server + CARD_21)
    notice = page.locator("[data-hinweis='nicht-gespeichert']")
    expect(notice).to_have_count(1)
    assert "Notizen" in notice.inner_text() and "nur für diesen Besuch" in notice.inner_text()
    note_field(page, WER_KEY).fill("Nur für heute.")
    card_note(page, 21).fill("Auch das.")
    expect(note_field(page, WER_KEY)).to_have_value("Nur für heute.")
    page.goto(server + "auswahl/")  # a page with notes but no checklist says it too
    expect(page.locator("[data-hinweis='nicht-gespeichert']")).to_contain_text("Notizen")
    context.close()


# -- print -------------------------------------------------------------------------------------


def test_the_worksheet_prints_the_answer_on_the_lines_and_the_card_prints_none(server, page):
    open_page(page, server)
    note_field(page, VERHAELTNIS_KEY).fill("Eins zu fünf,\nmonatlich.")
    card_note(page, 21).fill("Mit dem Vorstand.")
    page.emulate_media(media="print")
    style = page.evaluate("""(key) => {
        const field = document.querySelector(`textarea[data-notiz-frage='${key}']`);
        const printed = field.parentNode.querySelector(".notiz-druck");
        const empty = document.querySelector("li[data-checkliste-punkt]:not(.hat-notiz) .notiz");
        const cardEmpty = document.querySelector(".notiz--karte.notiz--leer");
        return {
            field: getComputedStyle(field).display,
            printed: getComputedStyle(printed).display, text: printed.textContent,
            lines: getComputedStyle(printed).textDecorationStyle,
            empty: getComputedStyle(empty).display,
            cardLines: getComputedStyle(cardEmpty, "::after").borderBottomStyle,
        };
    }""", VERHAELTNIS_KEY)
    assert style["field"] == "none" and style["printed"] == "block"
    assert style["text"] == "Eins zu fünf,\nmonatlich." and style["lines"] == "dotted"
    assert style["empty"] == "none"  # an unanswered question keeps its lines to write on
    assert style["cardLines"] == "dotted"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "arbeitsblatt.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10000

    page.emulate_media(media="screen")
    open_card(page, server + CARD_21)
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.notiz')).display") == "none"


# -- accessibility -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_notes_and_a_note_under_an_old_wording(browser, server, scheme, tmp_path):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    open_card(page, server + CARD_21)
    note_field(page, VERHAELTNIS_KEY).fill("Antwort")
    page.keyboard.insert_text("x" * (LIMIT + 1))
    expect(page.locator(".notiz-grenze").first).not_to_be_empty()
    assert axe_violations(page) == []
    page.evaluate("""k => localStorage.setItem(k, JSON.stringify({version: 1, karten: {"8": "Notiz"},
        fragen: {"21-00000000": {frage: "Alte Frage?", notiz: "Alte Antwort"}}}))""", NOTES)
    open_page(page, server)
    expect(page.locator(".notiz-frueher")).to_have_count(1)
    assert axe_violations(page) == []
    context.close()
