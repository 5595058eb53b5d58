"""What the tools and the tests share: the project's root, the strict build, Debian's Chromium, a local server.

One place for each, so `make pdf`, `make offline`, `make bench` and the tests
build, serve and print the handbook the same way `make build` and a reader's
browser do. Everything here raises; only a tool's ``main()`` turns an error
into an exit status.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import yaml
from kartenfaecher import NAME as ENGINE  # the card-fan engine's plugin, whose options say what the handbook is
from kartenfaecher.handbuch import Handbook

ROOT = Path(__file__).resolve().parent.parent

# Debian's package: Playwright cannot download a browser here (STACK-NOTES).
CHROMIUM = "/usr/bin/chromium"
# Headless, and no traffic of the browser's own: nothing may leave 127.0.0.1.
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class BuildFailed(Exception):
    """A build exited non-zero; carries what to show."""

    def __init__(self, label: str, returncode: int, output: str):
        super().__init__(f"{label}: the build failed (exit {returncode})")
        self.label, self.returncode, self.output = label, returncode, output


class DraftRefused(Exception):
    """`make publish` or `make pdf` of a draft (the publisher's file is not complete), not asked for."""


# `make publish ENTWURF=1` (and `make pdf ENTWURF=1`): a draft on purpose, for a preview.
DRAFT_ENV = "ENTWURF"


def refuse_draft(project: Path = ROOT) -> None:
    """Raise DraftRefused, naming each missing value, when ``project`` would be published as a
    draft and ENTWURF=1 does not ask for one; raise ContentError for a malformed publisher's file.

    A draft's every page says „Entwurf“ and asks search engines not to index it; a publication
    or a PDF for the print shop must not go out like that by accident (with 53 QR codes to an
    example host)."""
    from kartenfaecher.sources import herausgeber  # the build's own reading of the file

    if os.environ.get(DRAFT_ENV, "").strip().lower() in ("1", "ja", "true", "yes"):
        return
    config = load_config(project / "mkdocs.yml")
    publisher = herausgeber.read(project, site_url=config.get("site_url") or None)
    if publisher.draft:
        raise DraftRefused(publisher.refusal())


class ChromiumMissing(Exception):
    """Debian's chromium is not installed."""

    def __init__(self):
        super().__init__(f"Debian's chromium is missing at {CHROMIUM}: run `make browser`")


def run_command(name: str, work, *problems: type[Exception], kept: str = "") -> int:
    """A command's ``main()``: print what ``work()`` returns and give 0; for a failed build (its
    output first) or one of ``problems``, say ``name: what went wrong`` and ``kept`` (what was
    left as it was) on stderr and give 1. Library functions raise; only here does a command
    turn that into its exit status."""
    try:
        shown = work()
    except BuildFailed as failure:
        print(failure.output, file=sys.stderr)
        print(f"{name}: {failure}", file=sys.stderr)
    except problems as problem:
        print(f"{name}: {problem}", file=sys.stderr)
    else:
        if shown:
            print(shown)
        return 0
    if kept:
        print(kept, file=sys.stderr)
    return 1


# -- the build ------------------------------------------------------------------------


def mkdocs_build(project: Path, site_dir: Path, *, config: str = "mkdocs.yml", strict: bool = True,
                 env: dict[str, str] | None = None, timeout: float | None = None,
                 generator: str = "mkdocs") -> subprocess.CompletedProcess:
    """`mkdocs build` of ``project`` into ``site_dir``, strict unless told, as `make build` runs it.

    ``generator="properdocs"`` builds with ProperDocs, MkDocs 1.6's maintained fork, instead.

    Returns the finished process; ``output`` holds stdout and stderr together,
    in the order they were written. Never ``-q`` or ``-v``: with ``--strict``
    they drop warnings or the anchor check (mkdocs issues 4126, 3991).
    """
    command = [sys.executable, "-m", generator, "build", "--config-file", config, "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
    result.output = result.stdout
    return result


def build(project: Path, site_dir: Path, *, label: str | None = None, **options) -> None:
    """:func:`mkdocs_build`, raising BuildFailed (named ``label``) when it fails."""
    result = mkdocs_build(project, site_dir, **options)
    if result.returncode != 0:
        raise BuildFailed(label or str(project), result.returncode, result.output)


# -- mkdocs.yml as the tools read it -------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs's ``!ENV [NAME, default]`` tag like MkDocs does."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if name in os.environ:
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env_tag)


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _is_engine(entry) -> bool:
    """Whether an entry of ``plugins:`` (a name, or a one-key mapping to options) is the engine's."""
    return entry == ENGINE or (isinstance(entry, dict) and ENGINE in entry)


def engine_options(config: dict) -> dict:
    """The options of the plugin ``kartenfaecher`` in a mkdocs.yml as :func:`load_config` reads it
    (``plugins:`` a list of names and one-key mappings); empty where it has none."""
    entry = next((entry for entry in config.get("plugins") or [] if _is_engine(entry)), None)
    return (entry[ENGINE] or {}) if isinstance(entry, dict) else {}


def handbook(project: Path = ROOT) -> Handbook:
    """The name, short name and language of the handbook in ``project`` (its mkdocs.yml)."""
    path = project / "mkdocs.yml"
    config = load_config(path)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    return Handbook.of(config.get("site_name") or "", engine_options(config), theme_language=theme.get("language"),
                       config_file=str(path))


def with_engine_options(config: dict, **changed) -> dict:
    """``config`` with the engine's options changed (``None`` removes one), the rest as it is."""
    options = {key: value for key, value in dict(engine_options(config), **changed).items() if value is not None}
    return dict(config, plugins=[{ENGINE: options} if _is_engine(entry) else entry
                                 for entry in config.get("plugins") or []])


def write_config(path: Path, config: dict) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plain_config(ours: dict) -> dict:
    """Material with the project's Markdown extensions, and nothing of ours."""
    return {
        "site_name": ours["site_name"],
        "theme": {"name": "material", "language": "de", "font": False},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": [{"search": {"lang": "de"}}],
    }


def prepare_plain_project(root: Path, ours: dict) -> Path:
    """The yardstick of `make bench`: a copy of docs/ with a minimal Material configuration.

    (Build it with ``strict=False``: our macro calls stay in its text as they are.)
    """
    project = root / "plain"
    shutil.copytree(ROOT / "docs", project / "docs")
    write_config(project / "mkdocs.yml", plain_config(ours))
    return project


# -- Chromium -------------------------------------------------------------------------------


def launch_chromium(playwright):
    """Debian's Chromium, started by Playwright (``sync_playwright()``); raises ChromiumMissing."""
    if not Path(CHROMIUM).exists():
        raise ChromiumMissing()
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextlib.contextmanager
def chromium():
    """Debian's Chromium for the ``with`` block; closed after it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


# -- a local static server -----------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as a static host would, without a log line per request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, handler_class: type[http.server.BaseHTTPRequestHandler] = QuietHandler):
    """``folder`` served on 127.0.0.1 by ``handler_class``; yields the base address (ending in "/")."""
    handler = functools.partial(handler_class, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
