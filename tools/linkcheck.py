"""Check the handbook's external links (what `make linkcheck` runs).

Collects every http(s) URL from the Markdown sources under docs/ (Markdown
links and images, reference definitions, autolinks ``<url>`` and ``href="url"``
in raw HTML; fenced code blocks and inline code are skipped) and from the
``copyright`` text in mkdocs.yml. Each URL is checked once, however often it
occurs: HEAD first, GET when the server refuses HEAD (403/405/501), redirects
followed, in parallel, with a timeout per request and a deadline for the whole
run, so the check never hangs. Status below 400 is fine; 4xx/5xx, DNS errors,
refused connections and timeouts are broken. Every place of a broken URL is
printed as ``path:line: url → reason``, then ``linkcheck: N links, K broken``.
Exit status: 1 if anything is broken (or was not checked before the
deadline), else 0.

Being offline is not a failure: the links are outside this repository, and a
build machine or a train journey without network says nothing about them. So
before checking, one probe request goes to the first link's origin (or
``--probe URL`` / $LINKCHECK_PROBE). If it gets no HTTP response at all (DNS
failure, connection refused or unreachable, timeout), the script prints one
line ``linkcheck: skipped (offline) ...`` and exits 0. Any HTTP status from the
probe, even an error, means the network is there and the links are checked.

Standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import os
import re
import socket
import ssl
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

USER_AGENT = "kartenfaecher-linkcheck/1.0"
HEAD_REFUSED = {403, 405, 501}
WORKERS = 8

# One level of balanced parentheses inside a URL, as in Wikipedia links.
_URL_IN_PARENS = r"https?://(?:[^()\s<>]|\([^()\s<>]*\))+"
PATTERNS = [
    # [text](url) and ![alt](url), optionally [text](<url>) or with a "title".
    re.compile(r"\]\(\s*<?(" + _URL_IN_PARENS + r")>?(?:\s+[\"'(][^)]*)?\)"),
    # [id]: url  (reference definition)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(https?://[^\s>]+)>?"),
    # <url>  (autolink)
    re.compile(r"<(https?://[^\s<>]+)>"),
    # href="url" or href='url'  (raw HTML)
    re.compile(r"""href\s*=\s*["'](https?://[^"'\s]+)["']""", re.IGNORECASE),
]
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+).*?\1")


# -- Collecting -----------------------------------------------------------------

def urls_in_line(line: str) -> list[str]:
    """The http(s) URLs one line links to, in order, without duplicates."""
    line = INLINE_CODE.sub("", line)
    found: list[str] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(line):
            if match.group(1) not in found:
                found.append(match.group(1))
    return found


def markdown_links(text: str) -> list[tuple[int, str]]:
    """(line number, URL) for each link in a Markdown text, outside code fences."""
    links = []
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        opener = FENCE.match(line)
        if opener:
            marker = opener.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None:
            links.extend((number, url) for url in urls_in_line(line))
    return links


def copyright_links(text: str) -> list[tuple[int, str]]:
    """(line number, URL) for each link in the top-level `copyright:` of mkdocs.yml.

    Read as text, not YAML: mkdocs.yml uses tags such as !ENV that a plain YAML
    loader refuses, and we want line numbers anyway. The value runs from the
    `copyright:` line to the next line that starts a top-level key.
    """
    links = []
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("copyright:"):
            inside = True
        elif line[:1] not in ("", " ", "\t", "#"):
            inside = False
        if inside:
            links.extend((number, url) for url in urls_in_line(line))
    return links


def display_path(path: Path, root: Path) -> str:
    """The path relative to the project root if it lies inside, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def collect(docs: Path, config: Path) -> dict[str, list[tuple[str, int]]]:
    """URL -> every (file, line) where it occurs, URLs in order of first sight."""
    root = config.parent
    places: dict[str, list[tuple[str, int]]] = {}

    def add(name: str, links: list[tuple[int, str]]) -> None:
        for number, url in links:
            spots = places.setdefault(url, [])
            if (name, number) not in spots:
                spots.append((name, number))

    for path in sorted(docs.rglob("*.md")):
        add(display_path(path, root), markdown_links(path.read_text(encoding="utf-8")))
    if config.is_file():
        add(display_path(config, root), copyright_links(config.read_text(encoding="utf-8")))
    return places


# -- Requests -------------------------------------------------------------------

class _KeepHeadOnRedirect(urllib.request.HTTPRedirectHandler):
    """urllib turns a redirected HEAD into a GET; keep it a HEAD."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


OPENER = urllib.request.build_opener(_KeepHeadOnRedirect)


def request_status(url: str, method: str, timeout: float) -> int:
    """HTTP status of one request (redirects followed); raises on no response.

    A GET reads only the status and headers, never the body.
    """
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def describe_error(error: BaseException, timeout: float) -> str:
    """A short human reason for a request that got no HTTP response."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timeout after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return f"DNS error: {reason.strerror or reason}"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {getattr(reason, 'reason', None) or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def check_url(url: str, timeout: float) -> str | None:
    """None if the URL answers with a status below 400, else the reason."""
    try:
        status = request_status(url, "HEAD", timeout)
        if status in HEAD_REFUSED:
            status = request_status(url, "GET", timeout)
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        return describe_error(error, timeout)
    return None if status < 400 else f"HTTP {status}"


# -- Offline detection ----------------------------------------------------------

def origin(url: str) -> str:
    """scheme://host[:port]/ of a URL."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def is_no_connection(error: BaseException) -> bool:
    """True when a request failed before any HTTP response: DNS, refused, timeout.

    TLS errors and protocol errors mean a server did answer, so the network is up.
    """
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, (ssl.SSLError, http.client.HTTPException)):
        return False
    return isinstance(reason, OSError)


def offline_reason(probe_url: str, timeout: float) -> str | None:
    """None if the probe gets any HTTP response within the timeout, else why not.

    The probe runs in a daemon thread, so a slow DNS lookup (which ignores socket
    timeouts) can neither hold up the run nor keep the process alive.
    """
    outcome: list[BaseException | None] = []

    def probe() -> None:
        try:
            request_status(probe_url, "HEAD", timeout)
            outcome.append(None)
        except BaseException as error:  # reported below, never lost
            outcome.append(error)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout + 1)
    if not outcome:
        return f"no answer from {probe_url} within {timeout:g} s"
    error = outcome[0]
    if error is None or not is_no_connection(error):
        return None
    return f"cannot reach {probe_url}: {describe_error(error, timeout)}"


# -- Running --------------------------------------------------------------------

def check_all(urls: list[str], timeout: float, deadline: float) -> tuple[dict[str, str | None], bool]:
    """URL -> None (fine) or reason, and whether requests are still running.

    URLs not finished when the deadline passes are "not checked (deadline)".
    """
    results: dict[str, str | None] = {}
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS)
    futures = {pool.submit(check_url, url, timeout): url for url in urls}
    done, pending = concurrent.futures.wait(futures, timeout=deadline)
    for future in done:
        results[futures[future]] = future.result()
    for future in pending:
        results[futures[future]] = "not checked (deadline)"
    pool.shutdown(wait=False, cancel_futures=True)
    return results, bool(pending)


def report(places: dict[str, list[tuple[str, int]]], results: dict[str, str | None]) -> int:
    """Print one line per place of each broken URL and the summary; return exit status."""
    lines = []
    for url, reason in results.items():
        if reason is not None:
            lines.extend((name, number, url, reason) for name, number in places[url])
    for name, number, url, reason in sorted(lines):
        print(f"{name}:{number}: {url} → {reason}")
    unchecked = sum(1 for r in results.values() if r == "not checked (deadline)")
    broken = sum(1 for r in results.values() if r is not None) - unchecked
    summary = f"linkcheck: {len(results)} links, {broken} broken"
    if unchecked:
        summary += f", {unchecked} not checked (deadline)"
    print(summary)
    return 1 if broken or unchecked else 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Check the handbook's external links.")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="Markdown sources (default: docs)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="MkDocs config whose copyright is checked too (default: mkdocs.yml)")
    parser.add_argument("--probe", default=os.environ.get("LINKCHECK_PROBE"),
                        help="URL probed to tell offline from broken (default: $LINKCHECK_PROBE, "
                             "else the first link's origin)")
    parser.add_argument("--probe-timeout", type=float, default=5.0, help="seconds (default: 5)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default: 10)")
    parser.add_argument("--deadline", type=float, default=120.0, help="seconds for all links (default: 120)")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        parser.error(f"no such directory: {args.docs}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    places = collect(args.docs, args.config)
    if not places:
        print("linkcheck: 0 links, 0 broken")
        return 0
    probe_url = args.probe or origin(next(iter(places)))
    reason = offline_reason(probe_url, args.probe_timeout)
    if reason:
        print(f"linkcheck: skipped (offline) – {reason}")
        return 0
    results, still_running = check_all(list(places), args.timeout, args.deadline)
    status = report(places, results)
    if still_running:
        # Worker threads stuck past the deadline would otherwise be joined at exit.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status


if __name__ == "__main__":
    sys.exit(main())
