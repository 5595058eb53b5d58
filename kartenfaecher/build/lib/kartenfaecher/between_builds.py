"""What one build keeps for the next: files whose content follows from their inputs alone.

QR codes (features/qr.py), the slides' texts (features/vorfuehren/), the app's icons
(features/app/), and the dictionary, base forms and search terms (features/suche/woerter.py) take
time to make and come out the same for the same inputs. Each is kept under a name with a
``key`` of its inputs (their names, sizes and times for files, as they are for anything
else), written whole and then renamed (builds may run side by side), and replaces its
older versions; entries that share a file (QR codes, slides) carry that key inside it
(``write_entries``/``read_entries``). A keeper
that cannot write is no error: the next build makes the file anew. Everything kept is
safe to delete.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path


def package_file(name: str) -> Path:
    """An installed package's main file, found without importing it (its size and time tell
    its version: asking for the version scans every installed package)."""
    return Path(importlib.util.find_spec(name).origin)


def key(*inputs) -> str:
    """Sixteen hex digits that change when any input does (a Path: its name, size and time)."""
    parts = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) if isinstance(p, Path) else p for p in inputs]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def read(path: Path) -> bytes | None:
    """What an earlier build kept at ``path``; None if there is nothing readable."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def read_entries(path: Path, made_with: str) -> dict:
    """The entries an earlier build kept at ``path`` with ``write_entries`` and the same
    ``made_with`` (a key of what made them); none if the file is missing, damaged or older."""
    try:
        earlier = json.loads(read(path) or b"null")
    except ValueError:
        return {}
    if isinstance(earlier, dict) and earlier.get("made_with") == made_with \
            and isinstance(earlier.get("entries"), dict):
        return earlier["entries"]
    return {}


def write_entries(path: Path, made_with: str, entries: dict) -> None:
    """Keep ``entries`` (JSON) for the next build, marked with what made them."""
    data = json.dumps({"made_with": made_with, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
    write(path, data.encode())


def write(path: Path, data: bytes, older: str | None = None) -> None:
    """Keep ``data`` at ``path``: written whole, then renamed; ``older`` (a glob beside it)
    names the earlier versions to remove."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)
        for old in path.parent.glob(older) if older else ():
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
