"""A draft says so, and is not published by accident; a wrong publisher's file stops the build."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup

from kartenfaecher.sources import herausgeber
from tests.helpers import PUBLISHER, assert_refused, line_of
from tools import common, publish

NO_PUBLISHER = {herausgeber.ENV: ""}  # the tiny project has no herausgeber.yml of its own


def test_a_build_without_the_publishers_data_is_a_draft_on_every_page(tiny):
    result = tiny.build(env=NO_PUBLISHER)
    assert result.returncode == 0, result.output
    site = tiny.path("site")
    required = [f for f in herausgeber.FIELDS if f.required == "ja"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.select_one('meta[http-equiv="refresh"]'):
            continue  # a short address's forward
        notice = page.select_one("aside.md-banner")
        shown = path.relative_to(site)
        assert notice, shown
        assert notice.select_one(".entwurf").get_text(" ", strip=True).startswith(
            "Entwurf: Diese Website ist noch nicht zur Veröffentlichung bereit."), shown
        assert f"fehlen noch {len(required)} Angaben" in notice.get_text(" ", strip=True), shown
        assert [li.code.get_text() for li in notice.select("details li")] == [f.key for f in required], shown
        assert page.select_one('meta[name="robots"][content="noindex, nofollow"]'), shown
    privacy = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert privacy.select_one('link[rel="canonical"]')["href"] == "https://ko-produktion.example.org/"
    assert not (site / ".well-known" / "security.txt").exists()


def test_publishing_a_draft_is_refused_naming_each_missing_value_and_leaves_the_site(tiny, tmp_path, monkeypatch):
    monkeypatch.setenv(herausgeber.ENV, "")
    monkeypatch.delenv(common.DRAFT_ENV, raising=False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    with pytest.raises(common.DraftRefused) as refusal:
        publish.publish(site, project=tiny.root, work=tmp_path / "work")
    message = str(refusal.value)
    for spec in herausgeber.FIELDS:
        assert (f"  - {spec.key}: {spec.label}\n" in message) == (spec.required == "ja"), spec.key
    assert "Fix: fill these in herausgeber.yml" in message and "ENTWURF=1" in message
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert not (tmp_path / "work").exists()
    # A preview on purpose: ENTWURF=1 lets it through (the pages keep the notice, as above).
    monkeypatch.setenv(common.DRAFT_ENV, "1")
    common.refuse_draft(tiny.root)


def test_the_example_host_alone_is_enough_to_refuse(tiny, monkeypatch):
    tiny.path(herausgeber.FILE).write_text(PUBLISHER.read_text(encoding="utf-8").replace(
        "https://ko-produktion.musterbehoerde.de/", "https://ko-produktion.example.org/"), encoding="utf-8")
    monkeypatch.setenv(herausgeber.ENV, "")
    monkeypatch.delenv(common.DRAFT_ENV, raising=False)
    with pytest.raises(common.DraftRefused) as refusal:
        common.refuse_draft(tiny.root)
    assert "  - adresse: die öffentliche Adresse der Website – https://ko-produktion.example.org/ ist eine " \
           "Beispieladresse" in str(refusal.value)
    monkeypatch.setenv("SITE_URL", "https://ko-produktion.stadt.de/")  # a build for another host
    common.refuse_draft(tiny.root)


def test_a_wrong_value_in_the_publishers_file_stops_the_build_with_file_and_line(tiny):
    text = PUBLISHER.read_text(encoding="utf-8").replace("  antwortfrist: 14", "  antwortfrist: 60")
    tiny.path(herausgeber.FILE).write_text(text, encoding="utf-8")
    result = tiny.build(env=NO_PUBLISHER)
    line = line_of(tiny.path(herausgeber.FILE), "antwortfrist: 60")
    assert_refused(result, f"herausgeber.yml:{line}: 'barrierefreiheit.antwortfrist' is 60; the law asks for an "
                           "answer within a month", "Fix: write a whole number of days from 1 to 30.")
    assert not tiny.path("site").exists()


def test_the_address_written_in_two_places_is_refused(tiny):
    tiny.replace("mkdocs.yml", "site_url: !ENV SITE_URL", "site_url: https://ko-produktion.anders.de/")
    result = tiny.build(env={"SITE_URL": ""} if "SITE_URL" in os.environ else None)
    assert_refused(result, f"mkdocs.yml:{line_of(tiny.path('mkdocs.yml'), 'site_url:')}: site_url gives the "
                           "public address as https://ko-produktion.anders.de/, ", "remove site_url here")


def test_a_page_asking_for_a_value_the_file_has_not_is_refused_with_its_line(tiny):
    tiny.replace("docs/index.md", "# Ko-Produktion\n", '# Ko-Produktion\n\nFax: {{ angabe("herausgeber.fax") }}\n')
    result = tiny.build()
    line = line_of(tiny.path("docs/index.md"), "herausgeber.fax")
    assert_refused(result, f"docs/index.md:{line}: angabe('herausgeber.fax'): the publisher's file has no such value.",
                   "Fix: use one of herausgeber, barrierefreiheit.kontakt")
