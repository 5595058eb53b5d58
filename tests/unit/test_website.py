"""The website's checks and deploy files, without a build: the load check is not blind,
and the deploy workflows publish with `make publish` and hand out site/."""

from __future__ import annotations

import yaml

from tests.helpers import html_loads, is_foreign
from tools.common import ROOT


def test_the_load_check_finds_a_font_service_a_cdn_and_a_code_host():
    """The check above would see the usual culprits (it is not blind)."""
    html = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
            '<link rel="preconnect" href="https://fonts.gstatic.com">'
            '<script src="https://unpkg.com/iframe-worker/shim"></script>'
            '<img src="//avatars.githubusercontent.com/u/1">'
            '<style>@import url("https://cdn.example/x.css"); .a{background:url(https://x.example/a.png)}</style>'
            '<a href="https://example.org/">a link is not a load</a>')
    assert {u for u in html_loads(html) if is_foreign(u)} == {
        "https://fonts.googleapis.com/css?family=Roboto", "https://fonts.gstatic.com",
        "https://unpkg.com/iframe-worker/shim", "//avatars.githubusercontent.com/u/1",
        "https://x.example/a.png", "https://cdn.example/x.css"}


# -- deployment files ---------------------------------------------------------------------------------


def test_deploy_workflows_publish_with_make_publish_for_their_address_and_hand_out_site():
    github = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("run") == "make publish")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any(s.get("id") == "pages" and s["uses"].startswith("actions/configure-pages@") for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert github["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    script = gitlab["script"]
    assert script.index("make publish") < script.index("rm -rf public && mv site public")
    assert any("SITE_URL" in line and "CI_PAGES_URL" in line for line in script)
    assert gitlab["artifacts"]["paths"] == ["public"]
