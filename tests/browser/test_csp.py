"""The site works under its Content-Security-Policy.

A local server sends the policy from the built ``_headers`` file with every
response, as Netlify would; Chromium loads pages and runs a search while a
script, installed before any of the page's own, records every violation.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import csp_headers, search_results
from tools.common import QuietHandler, serve


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def policy(site) -> str:
    return csp_headers(site)["Content-Security-Policy"]


class _PolicyHandler(QuietHandler):
    """Serves the site with the headers of _headers, and 404.html for missing pages."""

    site_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.site_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.directory_path / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def policy_server(site):
    handler_class = type("Handler", (_PolicyHandler,),
                         {"site_headers": csp_headers(site), "directory_path": site.root})
    with serve(site.root, handler_class) as address:
        yield address


@pytest.fixture
def watched(browser):
    """A page that records CSP violations, console errors and uncaught exceptions."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"exception: {e}"))
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_the_server_really_sends_the_policy(policy_server, watched, policy):
    response = watched.goto(policy_server)
    assert response.headers["content-security-policy"] == policy


@pytest.mark.parametrize("url", ["", "karten/08-teilhabe/", "karten/14-legitimation/", "inhalt/",
                                 "barrierefreiheit/", "gibt-es-nicht/"])
def test_pages_load_without_violations(policy_server, watched, url):
    watched.goto(policy_server + url)
    watched.wait_for_load_state("networkidle")
    assert violations(watched) == [], url
    problems = [p for p in watched.problems if "404" not in p or url != "gibt-es-nicht/"]
    assert problems == [], url
    # Material's inline scripts ran: the page scope for its storage is set.
    assert watched.evaluate("typeof __md_scope") == "object", url


def test_search_works_under_the_policy(policy_server, watched):
    watched.goto(policy_server + "karten/08-teilhabe/")
    search_results(watched, "Daseinsvorsorge")
    first = watched.locator(".md-search-result__item a").first
    with watched.expect_navigation():
        first.click()
    assert re.search(r"/karten/\d+-", watched.url)
    assert "Daseinsvorsorge" in watched.locator("article").inner_text()
    assert violations(watched) == []
    assert watched.problems == []


def test_the_colour_scheme_toggle_works_under_the_policy(policy_server, watched):
    watched.goto(policy_server + "karten/08-teilhabe/")
    before = watched.locator("body").get_attribute("data-md-color-scheme")
    watched.locator("label.md-header__button[for^='__palette']:visible").click()
    after = watched.locator("body").get_attribute("data-md-color-scheme")
    assert before != after
    watched.reload()  # the stored choice is read back by Material's inline script
    assert watched.locator("body").get_attribute("data-md-color-scheme") == after
    assert violations(watched) == []


def test_an_inline_script_without_its_hash_is_blocked_and_seen(policy_server, watched):
    """The test above can fail: the policy is enforced and violations are recorded."""
    watched.goto(policy_server)
    watched.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__ran = true";
        document.body.appendChild(script);
    }""")
    watched.wait_for_function("window.__violations.length > 0")
    assert watched.evaluate("window.__ran") is None
    assert violations(watched)[0].startswith("script-src")
