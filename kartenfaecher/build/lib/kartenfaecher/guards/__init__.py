"""Guards on the configuration and on MkDocs's log, set at the start of every build."""

from __future__ import annotations

from pathlib import Path

from ..sources.registry import shown_path
from . import link_lines, third_party


def install(conf, project: Path, shown_docs: str) -> None:
    """Name file, line and fix in link warnings; refuse scripts from other hosts (ContentError)."""
    link_lines.install(conf["docs_dir"], shown_docs + "/")
    third_party.check_sources(conf, shown_path(Path(conf["config_file_path"]), project))
