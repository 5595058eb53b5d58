"""The publication through the server its configuration is written for: Debian's nginx.

The nginx block of deploy/README.md, with its ports, paths and certificate swapped for the
test's (each swap must find its text, so the README cannot drift from what is tested), runs in
Debian's nginx on loopback with the snippet the build wrote, over TLS with a certificate from
a certificate authority the test makes. Through it: every header on a page, a download, the
service worker and the manifest; the redirect to https; the main flows in Chromium; and the
MDN HTTP Observatory's own grader, which must give at least 130 of its 145 points.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

import pytest
from playwright.sync_api import expect

from kartenfaecher.outputs import csp
from tests.helpers import NODE_MODULES, qr_text, search_results
from tools.common import ROOT

NGINX = "/usr/sbin/nginx"
GRADER = NODE_MODULES / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"
LEAST_SCORE = 130  # HSTS preloading and cookies (+5 each) are out of a publisher's reach


def readme_block() -> str:
    """The nginx example of deploy/README.md."""
    text = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    return re.search(r"### nginx\n+```nginx\n(.*?)```", text, re.S)[1]


def swapped(block: str, swaps: list[tuple[str, str]]) -> str:
    for old, new in swaps:
        assert block.count(old) == 1, f"deploy/README.md's nginx block no longer has {old!r} once"
        block = block.replace(old, new)
    return block


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def certificates(folder: Path) -> Path:
    """A certificate authority of the test's own, and a certificate for localhost it signed."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *key, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=Ko-Produktion test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", *key, "-keyout", "site.key", "-out", "site.csr", "-subj", "/CN=localhost")
    (folder / "site.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                                     "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "site.pem", "-days", "2", "-extfile", "site.ext")
    return folder


class Nginx:
    """Debian's nginx serving ``site`` with the README's block: https on ``tls`` (which also turns
    plain http into a redirect), the redirecting http server on ``plain``, and the same site
    block without TLS on ``flows`` (service workers run on http://127.0.0.1; Chromium would not
    register one over a certificate it does not trust)."""

    def __init__(self, site: Path, folder: Path):
        self.folder, self.tls, self.plain, self.flows = folder, free_port(), free_port(), free_port()
        certificates(folder)
        block = swapped(readme_block(), [
            ("listen 443 ssl;", f"listen 127.0.0.1:{self.tls} ssl;"),
            ("listen 80;", f"listen 127.0.0.1:{self.plain};"),
            ("return 301 https://$host$request_uri;", f"return 301 https://$host:{self.tls}$request_uri;"),
            ("/etc/ssl/example.org/fullchain.pem", str(folder / "site.pem")),
            ("/etc/ssl/example.org/privkey.pem", str(folder / "site.key")),
            ("root /srv/ko-produktion/site;", f"root {site};"),
            ("include snippets/nginx-csp.conf;", f"include {site / csp.NGINX_FILE};"),
        ]).replace("server_name example.org;", "server_name localhost;")
        site_block = re.search(r"server \{\n    listen 127\.0\.0\.1:\d+ ssl;.*?\n\}", block, re.S)[0]
        flows = re.sub(r"\n    (listen [^\n]*ssl;|ssl_[^\n]*|error_page 497[^\n]*)", "", site_block)
        flows = flows.replace("    server_name localhost;", f"    listen 127.0.0.1:{self.flows};\n"
                              "    server_name localhost;")
        temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (folder / "nginx.conf").write_text(
            ("user root;\n" if os.geteuid() == 0 else "")  # its workers read the test's private folders
            + f"pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\nworker_processes 1;\n"
            f"events {{}}\nhttp {{\n    include /etc/nginx/mime.types;\n    access_log off;\n{temp}\n"
            f"{block}\n{flows}\n}}\n", encoding="utf-8")
        subprocess.run([NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")], check=True,
                       capture_output=True)
        subprocess.run([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")], check=True,
                       capture_output=True)
        for _ in range(100):
            if (folder / "nginx.pid").exists():
                break
            time.sleep(0.05)

    def stop(self) -> None:
        if not (self.folder / "nginx.pid").exists():
            return  # stopped already
        os.kill(int((self.folder / "nginx.pid").read_text()), signal.SIGQUIT)
        for _ in range(100):
            if not (self.folder / "nginx.pid").exists():
                return
            time.sleep(0.05)


@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory):
    """The publication (`make publish`) through Debian's nginx."""
    folder = tmp_path_factory.mktemp("nginx")
    server = Nginx(published.site, folder)
    yield server
    server.stop()


def response(url: str, ca: Path | None = None):
    """(status, headers, body) of a GET, redirects not followed."""
    import ssl

    context = ssl.create_default_context(cafile=str(ca)) if ca else None

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(Stay, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(url, timeout=10) as answer:
            return answer.status, answer.headers, answer.read()
    except HTTPError as error:
        return error.code, error.headers, error.read()


def test_every_response_carries_every_header_and_the_right_type(nginx, published):
    base = f"https://localhost:{nginx.tls}/"
    ca = nginx.folder / "ca.pem"
    policy = (published.site / "_headers").read_text(encoding="utf-8")
    expected = dict(csp.headers(re.search(r"Content-Security-Policy: (.*)", policy)[1]))
    fan_pdf = published.download("faecher").name
    types = {"": "text/html", "karten/15-warum-legitimation-wichtig-ist/": "text/html",
             f"downloads/{fan_pdf}": "application/pdf", "sw.js": "application/javascript",
             "manifest.webmanifest": "application/manifest+json", ".well-known/security.txt": "text/plain",
             "assets/images/faecher.svg": "image/svg+xml"}
    css = next((published.site / "assets" / "css").glob("site.*.min.css")).name
    types[f"assets/css/{css}"] = "text/css"
    for path, kind in types.items():
        status, headers, body = response(base + path, ca)
        assert status == 200 and body, path
        assert headers["Content-Type"].split(";")[0] == kind, path
        for name, value in expected.items():
            assert headers[name] == value, (path, name)
        caching = headers["Cache-Control"]
        assert caching == ("public, max-age=31536000, immutable" if path.endswith(".min.css") else "no-cache"), path
    status, headers, _ = response(base + "gibt-es-nicht/", ca)
    assert status == 404 and headers["Content-Security-Policy"] == expected["Content-Security-Policy"]


def test_plain_http_goes_to_https(nginx):
    for port in (nginx.plain, nginx.tls):  # the http server, and plain http sent to the https port
        status, headers, _ = response(f"http://localhost:{port}/karten/?x=1")
        assert status == 301 and headers["Location"] == f"https://localhost:{nginx.tls}/karten/?x=1", port


def test_the_observatorys_grader_gives_at_least_130(nginx):
    assert GRADER.exists(), "the grader is missing: run `make test` (npm ci)"
    result = subprocess.run(["node", str(GRADER), f"localhost:{nginx.tls}"], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, NODE_EXTRA_CA_CERTS=str(nginx.folder / "ca.pem")))
    report = json.loads(result.stdout)
    assert "error" not in report, report
    failed = {name: test["result"] for name, test in report["tests"].items() if not test["pass"]}
    assert report["scan"]["score"] >= LEAST_SCORE, (report["scan"], failed)
    assert report["scan"]["grade"] == "A+" and failed == {}, failed
    print(f"Observatory: {report['scan']['score']} ({report['scan']['grade']})")


def test_fan_search_tick_qr_code_and_offline_through_nginx(nginx, browser):
    server = f"http://127.0.0.1:{nginx.flows}/"
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda message: "Content-Security-Policy" in message.text and violations.append(message.text))
    # The fan: the home page's cards, opened by keyboard.
    page.goto(server)
    expect(page.locator("html")).to_have_attribute("data-app", "bereit", timeout=30000)  # the app kept it
    expect(page.locator(".faecher--an")).to_be_visible()
    page.locator(".faecher-karte").first.focus()
    page.keyboard.press("ArrowRight")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/karten/05-" in page.url
    # Search, a tick kept, a selection shared as a QR code.
    assert any("/karten/15-" in href for href in search_results(page, "Legitimation"))
    page.goto(server + "karten/21-bezahlte-stellen-in-der-zivilgesellschaft/")
    box = page.locator("li[data-checkliste-punkt] > label").first
    box.click()
    page.reload()
    assert page.locator("input[data-checkliste-punkt]").first.is_checked()
    page.get_by_role("button", name="Merken").click()
    page.goto(server + "auswahl/")
    page.get_by_role("button", name="Als Link und QR-Code teilen").click()
    link = page.get_by_label("Link zu Ihrer Auswahl").input_value()
    assert qr_text(page, ".auswahl-qr-bild svg") == link
    assert violations == []
    # Offline, twice over: nginx stopped (this test runs last) and the browser offline.
    nginx.stop()
    context.set_offline(True)
    page.goto(server + "karten/08-teilhabe/")
    assert "Teilhabe" in page.locator("h1").inner_text()
    assert any("/karten/15-" in href for href in search_results(page, "Legitimation"))
    context.close()
