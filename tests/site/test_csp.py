"""The Content-Security-Policy the build writes: what it allows, and the same policy for every host."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from tests.helpers import csp_headers


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.fixture(scope="module")
def policy(site) -> str:
    return csp_headers(site)["Content-Security-Policy"]


def inline_script_hashes(site) -> set[str]:
    """Hashes of the inline scripts the pages run, read with an HTML parser."""
    found = set()
    for path in site.root.rglob("*.html"):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("src") or script.get("type", "text/javascript") != "text/javascript":
                continue
            digest = hashlib.sha256(script.string.encode("utf-8")).digest()
            found.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return found


def test_policy_allows_exactly_the_inline_scripts_of_the_pages_and_no_unsafe_inline(site, policy):
    parts = directives(policy)
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    hashes = {source for source in parts["script-src"] if source.startswith("'sha256-")}
    assert hashes == inline_script_hashes(site)
    assert len(hashes) >= 3  # Material's scripts differ by the page's depth
    assert set(parts["script-src"]) - hashes == {"'self'"}
    # Nothing by default; each need by name (the MDN HTTP Observatory's top mark for a policy).
    assert parts["default-src"] == ["'none'"]
    assert set(parts) == {"default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
                          "worker-src", "manifest-src", "object-src", "base-uri", "form-action",
                          "frame-ancestors"}
    assert parts["style-src"] == ["'self'"]
    assert parts["img-src"] == ["'self'", "data:"]
    assert parts["worker-src"] == ["'self'"]
    assert parts["object-src"] == ["'none'"]
    assert parts["base-uri"] == ["'self'"]
    assert parts["frame-ancestors"] == ["'none'"]


def test_nginx_and_apache_examples_send_the_same_policy(site, policy):
    nginx = (site.root / "nginx-csp.conf").read_text(encoding="utf-8")
    apache = (site.root / ".htaccess").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{policy}" always;' in nginx
    assert f'Header always set Content-Security-Policy "{policy}"' in apache
    assert "error_page 404 /404.html;" in nginx
    assert "ErrorDocument 404 /404.html" in apache


# What a host should send beside the policy (the MDN HTTP Observatory's checks, the BSI's advice).
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def test_every_host_example_sends_the_security_headers(site):
    sent = csp_headers(site)
    nginx = (site.root / "nginx-csp.conf").read_text(encoding="utf-8")
    apache = (site.root / ".htaccess").read_text(encoding="utf-8")
    for name, value in SECURITY_HEADERS.items():
        assert sent[name] == value, name
        assert f'add_header {name} "{value}" always;' in nginx, name
        assert f'Header always set {name} "{value}"' in apache, name
    # Nothing the site uses is given to other origins; full screen stays for „Vorführen“.
    features = dict(part.split("=", 1) for part in sent["Permissions-Policy"].split(", "))
    assert features["fullscreen"] == "(self)"
    assert features["camera"] == features["microphone"] == features["geolocation"] == "()"
    # The location for content-named files repeats every header (nginx drops inherited ones there).
    location = nginx[nginx.index("location ~"):]
    for name in [*SECURITY_HEADERS, "Permissions-Policy", "Content-Security-Policy"]:
        assert f"add_header {name} " in location, name
