"""Shared fixtures: the handbook built for real, projects to break, the offline bundle, a browser.

Every test that looks at the site looks at a real strict build (tools/common.py
builds, serves and starts Chromium as the tools do). Tests that break content
do it in a project in a temporary folder: the tiny one (tests/data/tiny) where
a few cards show the refusal, a copy of the whole handbook where a test needs
its real cards.

The tests are grouped by kind: unit/ (no build), site/ (the built site's
files), browser/ (Chromium), refusals/ (builds that must fail).
"""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from kartenfaecher.outputs import CACHE
from kartenfaecher.sources import herausgeber
from tests.helpers import PUBLISHER, Built, Project, SwappableSite, handbook_texts, new_context
from tools import common, offline, publish

# Every build the tests make (and `make publish`, which refuses a draft) has a publisher: a
# made-up one with every value filled in. A test of a draft builds without it (HERAUSGEBER="").
os.environ[herausgeber.ENV] = str(PUBLISHER)
# Every build of one session is of one day (the sitemap's dates, the accessibility statement's),
# as a reproducible build would be: two builds compared byte for byte (test_properdocs.py) no
# longer differ when midnight falls between them. Set in the run's first process, before
# pytest-xdist starts its workers, which inherit it.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


# The files that take longest, first (seconds a file took in all, `pytest --durations=0`): the
# two workers take whole files (`--dist loadfile`, in this order with `--no-loadscope-reorder`),
# and a long file begun last kept one worker busy while the other had nothing left to do. The
# second needs no build of the handbook: its worker makes its own small projects while the first
# builds the handbook for both (it waited for that build before).
LONGEST_FIRST = ["tests/firefox/test_firefox.py", "tests/refusals/test_hostile_content.py",
                 "tests/browser/test_vorfuehren.py", "tests/browser/test_faecher.py", "tests/browser/test_app.py",
                 "tests/browser/test_checkliste.py", "tests/browser/test_fokus.py", "tests/browser/test_auswahl.py",
                 "tests/browser/test_barrierefreiheit.py", "tests/browser/test_notiz.py", "tests/browser/test_suche.py",
                 "tests/browser/test_layout_shift.py", "tests/browser/test_reflow.py"]


def pytest_collection_modifyitems(items) -> None:
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


def made_once(tmp_path_factory, name: str, make):
    """What ``make(folder)`` returns, made by the first worker that asks and read by the others:
    pytest-xdist gives each worker a session of its own, and both built the handbook and made the
    publication side by side. What is made here is only ever read."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    folder, made = shared / name, shared / f"{name}.pickle"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other worker waits here until it is made
        if made.exists():
            return pickle.loads(made.read_bytes())
        shutil.rmtree(folder, ignore_errors=True)  # what a failed first try left
        folder.mkdir()
        result = make(folder)
        made.write_bytes(pickle.dumps(result))
        return result


def _build(folder: Path) -> Built:
    result = common.mkdocs_build(common.ROOT, folder / "site")
    assert result.returncode == 0, result.output
    return Built(folder / "site")


@pytest.fixture
def texts(monkeypatch):
    """The handbook's interface texts, as a build reads them when it starts (kartenfaecher.build.start),
    for tests that call a feature without a build."""
    from kartenfaecher import build
    monkeypatch.setattr(build, "_texts", handbook_texts())


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    """The handbook as `make build` builds it."""
    return made_once(tmp_path_factory, "site", _build)


@pytest.fixture(scope="session")
def cards(site) -> list[dict]:
    """karten.json of the build: every card in printed order, with its URL."""
    return json.loads((site.root / "karten.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def by_number(cards) -> dict[int, dict]:
    """The entries of karten.json by card number."""
    return {card["number"]: card for card in cards}


@pytest.fixture
def scratch(tmp_path) -> Project:
    """A copy of the whole handbook to change and build."""
    return Project.handbook(tmp_path / "project")


@pytest.fixture(scope="session")
def tiny_kept(tmp_path_factory) -> Path:
    """What a build of the tiny handbook keeps for the next (``.cache/``: compiled templates, icons,
    hyphenated words …), made once. Each test's tiny project starts with it, as a project built
    before does: a first build spent 1.5 of its 2 s making these. What is kept, and that a
    changed or damaged part is made anew, is tested from an empty cache (test_between_builds.py)."""
    def make(folder: Path) -> Path:
        project = Project.tiny(folder / "project")
        result = project.build()
        assert result.returncode == 0, result.output
        return project.root / CACHE
    return made_once(tmp_path_factory, "tiny-kept", make)


@pytest.fixture
def tiny(tmp_path, tiny_kept) -> Project:
    """The tiny handbook (tests/data/tiny) to change and build: ten cards, the real checks."""
    return Project.tiny(tmp_path / "project", kept=tiny_kept)


@pytest.fixture(scope="session")
def published(tmp_path_factory, browser) -> publish.Publication:
    """`make publish`, once per session: the website with its downloads (zip, fan PDF, A4 PDF)."""
    return made_once(tmp_path_factory, "published",
                     lambda root: publish.publish(root / "site", work=root / "work", browser=browser))


@pytest.fixture(scope="session")
def bundle(published) -> Path:
    """The offline bundle's zip as the website hands it out (`make publish`, as `make offline` makes it)."""
    return published.download("offline")


@pytest.fixture(scope="session")
def unpacked(bundle, tmp_path_factory) -> Path:
    """The offline bundle unzipped into a folder of its own, as a reader would."""
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(where)
    return where / common.handbook().short_name


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1, as a static host would."""
    with common.serve(site.root) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    with common.chromium() as chromium:
        yield chromium


@pytest.fixture
def context(browser):
    """A fresh browser context (its own storage), closed after the test.

    Without service workers: tests that swap a new build in behind the page would
    otherwise get the app's cached pages until the reader reloads on its notice
    (the app itself is tested in tests/browser/test_app.py, in contexts of its own;
    tests.helpers.new_context)."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="module")
def cached_browser(browser):
    """Chromium as readers have it: with the back/forward cache, which Playwright turns off, so
    that „Zurück“ shows a page as it was left, without loading it anew."""
    cached = browser.browser_type.launch(executable_path=common.CHROMIUM, args=common.CHROMIUM_ARGS,
                                         ignore_default_args=["--disable-back-forward-cache"])
    yield cached
    cached.close()


@pytest.fixture
def redeploy():
    """One origin whose files a test swaps for another build's, like a redeploy."""
    swappable = SwappableSite()
    yield swappable
    swappable.close()
