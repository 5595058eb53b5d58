"""The main flows in Firefox ESR, on the website and on the offline bundle from file://.

Many administrations standardise on Firefox ESR. Debian's firefox-esr is driven
by puppeteer-core over WebDriver BiDi (tests/firefox/runner.js); each flow is a
file in tests/firefox/flows/ and a test here, for each target it names. The
runner starts once for the whole lane (one Firefox per kind of storage), on the
session's build and offline bundle, and reports every flow; a flow fails on its
own assertions and on any error the page throws.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tools.common import ROOT

RUNNER = Path(__file__).parent / "runner.js"
TIMEOUT = 300


def flows() -> list[tuple[str, str]]:
    """Every (flow, target) the runner knows, from its --list."""
    listed = subprocess.run(["node", str(RUNNER), "--list"], cwd=ROOT, capture_output=True, text=True,
                            check=True, timeout=60)
    return [(flow, target) for flow, targets in json.loads(listed.stdout).items() for target in targets]


@pytest.fixture(scope="module")
def results(server, unpacked) -> dict[str, dict]:
    """Every flow run once, in Firefox ESR, on the website and the offline bundle."""
    assert (ROOT / "node_modules" / "puppeteer-core").is_dir(), "run `make test` (npm ci)"
    bases = {"website": server, "offline": unpacked.as_uri() + "/"}
    done = subprocess.run(["node", str(RUNNER), json.dumps(bases)], cwd=ROOT, capture_output=True,
                          text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("flow, target", flows(), ids=lambda value: value)
def test_flow_in_firefox_esr(results, flow, target):
    result = results.get(f"{flow}@{target}")
    assert result is not None, f"the runner did not run {flow} on the {target}"
    assert result["ok"], result["error"]
