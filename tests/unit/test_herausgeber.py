"""The publisher's file (kartenfaecher/sources/herausgeber.py) read on its own, and written into pages."""

from __future__ import annotations

from datetime import date

import pytest

from kartenfaecher.errors import ContentError
from kartenfaecher.features import herausgeber as pages
from kartenfaecher.sources import herausgeber
from tests.helpers import PUBLISHER
from tools.common import ROOT

TODAY = date(2026, 12, 5)

pytestmark = pytest.mark.usefixtures("texts")  # the features say their words (kartenfaecher.build.text)


def read(tmp_path, text: str | None, monkeypatch, site_url: str | None = None) -> herausgeber.Publisher:
    """The file with ``text`` (None: no file at all) in a project of its own."""
    monkeypatch.delenv(herausgeber.ENV, raising=False)
    if text is not None:
        (tmp_path / herausgeber.FILE).write_text(text, encoding="utf-8")
    return herausgeber.read(tmp_path, TODAY, site_url)


def refused(tmp_path, monkeypatch, text: str) -> ContentError:
    with pytest.raises(ContentError) as error:
        read(tmp_path, text, monkeypatch)
    return error.value


def test_the_tests_publisher_is_complete_and_the_repositorys_file_is_an_empty_draft(tmp_path, monkeypatch):
    assert read(tmp_path, PUBLISHER.read_text(encoding="utf-8"), monkeypatch).missing == []
    shipped = read(tmp_path, (ROOT / herausgeber.FILE).read_text(encoding="utf-8"), monkeypatch)
    assert [m.key for m in shipped.missing] == [f.key for f in herausgeber.FIELDS if f.required == "ja"]
    (tmp_path / "none").mkdir()
    assert [m.key for m in read(tmp_path / "none", None, monkeypatch).missing] == [m.key for m in shipped.missing]


@pytest.mark.parametrize("address", ["https://ko-produktion.example.org/", "https://example.com/x/",
                                     "http://localhost:8000/", "https://handbuch.test/"])
def test_an_example_host_makes_a_draft_even_when_everything_else_is_given(tmp_path, monkeypatch, address):
    text = PUBLISHER.read_text(encoding="utf-8").replace("https://ko-produktion.musterbehoerde.de/", address)
    missing = read(tmp_path, text, monkeypatch).missing
    assert [(m.key, m.why) for m in missing] == [("adresse", f"{address} ist eine Beispieladresse")]


def test_site_url_overrides_the_address_and_an_expired_security_contact_makes_a_draft(tmp_path, monkeypatch):
    text = PUBLISHER.read_text(encoding="utf-8").replace("ablauf: 2099-12-31", "ablauf: 2026-12-05")
    missing = read(tmp_path, text, monkeypatch, site_url="https://example.net/ko/").missing
    assert [str(m) for m in missing] == [
        "adresse: die öffentliche Adresse der Website – https://example.net/ko/ ist eine Beispieladresse",
        "sicherheit.ablauf: das Datum, bis zu dem der Kontakt für Sicherheitsmeldungen gilt – 2026-12-05 ist vorbei"]


@pytest.mark.parametrize("old, line, problem, fix", [
    ("  name: \"Muster", "  nmae: Amt", "unknown key 'herausgeber.nmae'", "did you mean 'name'?"),
    ("  name: \"Muster", "  name: [Amt, Stelle]", "'herausgeber.name' is list", "one line of text"),
    ("  email: post@", "  email: post(at)amt.de", "'herausgeber.email' is not an e-mail address",
     "such as barrierefreiheit@"),
    ("  telefon:", "  telefon: call us", "'barrierefreiheit.telefon' is not a telephone number", "with digits"),
    ("  antwortfrist:", "  antwortfrist: 45",
     "'barrierefreiheit.antwortfrist' is 45; the law asks for an answer within a month", "from 1 to 30"),
    ("  recht:", "  recht: kommune", "'barrierefreiheit.recht' is 'kommune'", "bund (a federal body) or land"),
    ("  erstellt:", "  erstellt: 1.12.2026", "'barrierefreiheit.erstellt' is not a date", "year-month-day"),
    ("  kontakt:", "  kontakt: Pförtner", "'sicherheit.kontakt' is neither an e-mail address nor a web address",
     "mailto:"),
    ("adresse:", "adresse: ko-produktion.de", "'adresse' is not a web address", "such as https://"),
])
def test_a_value_that_cannot_be_right_is_refused_with_its_line_and_the_fix(tmp_path, monkeypatch, old, line,
                                                                             problem, fix):
    lines = PUBLISHER.read_text(encoding="utf-8").split("\n")
    number = next(i for i, text in enumerate(lines) if text.startswith(old))
    lines[number] = line
    error = refused(tmp_path, monkeypatch, "\n".join(lines))
    assert (error.path, error.line) == (herausgeber.FILE, number + 1)
    assert problem in error.problem and fix in error.fix


def test_a_key_twice_and_broken_yaml_are_refused_with_their_lines(tmp_path, monkeypatch):
    error = refused(tmp_path, monkeypatch, "bestellung: a@b.de\nbestellung: c@d.de\n")
    assert (error.line, error.problem) == (2, "'bestellung' is written twice; YAML would keep only the last.")
    error = refused(tmp_path, monkeypatch, "herausgeber:\n  name: \"Amt\n  email: a@b.de\n")
    assert error.path == herausgeber.FILE and error.line and "not valid YAML" in error.problem


def publisher(tmp_path, monkeypatch, text: str) -> herausgeber.Publisher:
    return read(tmp_path, text, monkeypatch)


def test_values_are_written_as_their_kind_and_escaped(tmp_path, monkeypatch):
    given = publisher(tmp_path, monkeypatch, PUBLISHER.read_text(encoding="utf-8").replace(
        "Musterbehörde für Zusammenarbeit", "Amt <für> Zusammenarbeit & Co"))
    assert pages.angabe_html(given, "herausgeber.name") == "Amt &lt;für&gt; Zusammenarbeit &amp; Co"
    assert pages.angabe_html(given, "barrierefreiheit.telefon") == '<a href="tel:+49991234567">+49 99 1234-567</a>'
    assert pages.angabe_html(given, "datenschutz.stand") == '<time datetime="2026-12-01">1. Dezember 2026</time>'
    assert pages.angabe_html(given, "herausgeber") == ("<p>Amt &lt;für&gt; Zusammenarbeit &amp; Co<br>Beispielweg 7<br>"
                                                 '99999 Musterstadt<br>E-Mail: <a href="mailto:post@musterbehoerde.de">'
                                                 "post@musterbehoerde.de</a></p>")
    # The controller is the publisher, unless the file names another; an optional list left out is nothing.
    assert pages.angabe_html(given, "datenschutz.verantwortlich") == pages.angabe_html(given, "herausgeber")
    assert pages.angabe_html(given, "barrierefreiheit.weitere_barrieren") == ""
    assert pages.angabe_html(given, "barrierefreiheit.landesrecht", "Außerdem gilt {}.") == ""


def test_a_land_names_its_law_and_its_schlichtungsstelle(tmp_path, monkeypatch):
    text = PUBLISHER.read_text(encoding="utf-8").replace("  recht: bund", "  recht: land")
    draft = publisher(tmp_path, monkeypatch, text)
    assert [m.key for m in draft.missing] == ["barrierefreiheit.landesrecht",
                                              "barrierefreiheit.schlichtungsstelle.name",
                                              "barrierefreiheit.schlichtungsstelle.adresse"]
    assert 'noch einzutragen: <code>barrierefreiheit.landesrecht</code> in herausgeber.yml' in \
        pages.angabe_html(draft, "barrierefreiheit.landesrecht", "Außerdem gilt {}.")
    text = text.replace("  recht: land", "  recht: land\n  landesrecht: \"das Gesetz <X>\"\n"
                        "  schlichtungsstelle:\n    name: Landesstelle\n    adresse: https://schlichtung.land.de/")
    given = publisher(tmp_path, monkeypatch, text)
    assert given.missing == []
    assert pages.angabe_html(given, "barrierefreiheit.landesrecht", "Außerdem gilt {}.") == \
        "Außerdem gilt das Gesetz &lt;X&gt;."
    assert pages.angabe_html(given, "barrierefreiheit.schlichtungsstelle") == \
        'Landesstelle, <a href="https://schlichtung.land.de/">https://schlichtung.land.de/</a>'


def test_a_page_asking_for_an_unknown_value_is_refused(tmp_path, monkeypatch):
    given = publisher(tmp_path, monkeypatch, PUBLISHER.read_text(encoding="utf-8"))
    with pytest.raises(ContentError) as error:
        pages.angabe_html(given, "herausgeber.fax")
    assert "angabe('herausgeber.fax')" in error.value.problem and "herausgeber.email" in error.value.fix
