"""tools/linkcheck.py against a local HTTP server; no traffic leaves 127.0.0.1.

Each test builds a small docs tree in a temp folder whose links point at a
ThreadingHTTPServer on 127.0.0.1 and runs the tool as `make linkcheck` does
(python -m tools.linkcheck).
"""

import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import pytest

from tools.common import ROOT

SLOW_SECONDS = 4


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /missing 404, /slow sleeps, /nohead 405 on HEAD, /redirect -> /ok,
    /moved-away -> /missing; anything else 404."""

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def answer(self, with_body):
        self.server.requests.append((self.command, self.path))
        status, headers = 404, {}
        if self.path == "/ok":
            status = 200
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            status = 200
        elif self.path == "/nohead":
            status = 405 if self.command == "HEAD" else 200
        elif self.path == "/redirect":
            status, headers = 302, {"Location": "/ok"}
        elif self.path == "/moved-away":
            status, headers = 301, {"Location": "/missing"}
        body = f"{status}\n".encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def web():
    """A local stand-in for the web (named apart from conftest's `server`, the built site)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def write_tree(tmp_path, pages, config="site_name: Test\n"):
    """docs/<name> for each page text, and mkdocs.yml; returns the tree's root."""
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def run_linkcheck(tree, *args, limit=60):
    """Run the tool as a subprocess on the tree; proxies off, no probe from the environment."""
    env = {k: v for k, v in os.environ.items()
           if not k.lower().endswith("_proxy") and k != "LINKCHECK_PROBE"}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return subprocess.run(
        [sys.executable, "-m", "tools.linkcheck", "--docs", str(tree / "docs"),
         "--config", str(tree / "mkdocs.yml"), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=limit,
    )


def unused_port():
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_good_links_in_all_forms_pass(tmp_path, web):
    b = web.base
    tree = write_tree(tmp_path, {
        "index.md": f"# Start\n\nSiehe [ok]({b}/ok) und <{b}/redirect>.\n",
        "karten/01-a.md": f'Wieder [ok]({b}/ok "Titel").\n\n<a href="{b}/ok">roh</a>\n',
    })
    result = run_linkcheck(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "linkcheck: 2 links, 0 broken"
    assert ("HEAD", "/ok") in web.requests


def test_404_link_fails_naming_file_line_and_url(tmp_path, web):
    url = f"{web.base}/missing"
    tree = write_tree(tmp_path, {
        "karten/53-andere.md": f"# Leitfäden\n\nGut: <{web.base}/ok>\nKaputt ► <{url}>\n",
    })
    result = run_linkcheck(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/karten/53-andere.md:4: {url} → HTTP 404" in result.stdout.splitlines()
    assert result.stdout.strip().splitlines()[-1] == "linkcheck: 2 links, 1 broken"


def test_redirect_is_followed_to_a_missing_page(tmp_path, web):
    url = f"{web.base}/moved-away"
    tree = write_tree(tmp_path, {"index.md": f"Umgezogen: <{url}>\n"})
    result = run_linkcheck(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/index.md:1: {url} → HTTP 404" in result.stdout.splitlines()
    assert ("HEAD", "/missing") in web.requests  # HEAD kept across the redirect


def test_head_refused_falls_back_to_get_and_passes(tmp_path, web):
    tree = write_tree(tmp_path, {"index.md": f"[kein HEAD]({web.base}/nohead)\n"})
    result = run_linkcheck(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "linkcheck: 1 links, 0 broken" in result.stdout
    assert ("HEAD", "/nohead") in web.requests
    assert ("GET", "/nohead") in web.requests


def test_slow_link_fails_by_timeout_and_run_stays_quick(tmp_path, web):
    url = f"{web.base}/slow"
    tree = write_tree(tmp_path, {"index.md": f"Langsam: <{url}>\n"})
    started = time.monotonic()
    result = run_linkcheck(tree, "--timeout", "1", limit=30)
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/index.md:1: {url} → timeout after 1 s" in result.stdout.splitlines()
    assert elapsed < 15


def test_deadline_reports_unchecked_links_and_never_hangs(tmp_path, web):
    url = f"{web.base}/slow"
    tree = write_tree(tmp_path, {"index.md": f"Langsam: <{url}>\n"})
    started = time.monotonic()
    result = run_linkcheck(tree, "--timeout", "30", "--deadline", "1", limit=30)
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/index.md:1: {url} → not checked (deadline)" in result.stdout.splitlines()
    assert elapsed < SLOW_SECONDS  # did not wait for the stuck request


def test_offline_probe_skips_with_exit_0(tmp_path, web):
    tree = write_tree(tmp_path, {"index.md": f"<{web.base}/missing>\n"})
    probe = f"http://127.0.0.1:{unused_port()}/"
    result = run_linkcheck(tree, "--probe", probe)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("linkcheck: skipped (offline)")
    assert len(result.stdout.strip().splitlines()) == 1
    assert web.requests == []  # no link was checked


def test_copyright_link_in_mkdocs_yml_is_found_with_its_line(tmp_path, web):
    b = web.base
    config = (
        "site_name: Test\n"
        f"site_url: {b}/not-a-copyright-link\n"
        "copyright: >-\n"
        "  Text: Autorinnen (2023),\n"
        f'  <a href="{b}/missing">Lizenz</a>.\n'
        "theme:\n"
        f'  note: <a href="{b}/also-not-copyright">x</a>\n'
    )
    tree = write_tree(tmp_path, {"index.md": "Keine Links.\n"}, config=config)
    result = run_linkcheck(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"mkdocs.yml:5: {b}/missing → HTTP 404" in result.stdout.splitlines()
    assert "not-a-copyright-link" not in result.stdout
    assert "also-not-copyright" not in result.stdout
    assert "linkcheck: 1 links, 1 broken" in result.stdout
