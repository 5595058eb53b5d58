"""The build refuses a script from another host in mkdocs.yml: visitors' browsers contact no third party."""

from __future__ import annotations


def test_a_script_from_another_host_in_mkdocs_yml_is_refused(tiny):
    tiny.replace("mkdocs.yml", "extra_javascript:\n", "extra_javascript:\n  - https://cdn.example.org/x.js\n")
    result = tiny.build()
    assert result.returncode != 0
    line = tiny.path("mkdocs.yml").read_text(encoding="utf-8").split("\n").index(
        "  - https://cdn.example.org/x.js") + 1
    assert f"mkdocs.yml:{line}: extra_javascript loads https://cdn.example.org/x.js from another host" \
        in result.output
    assert "Fix: put the file into overrides/assets/" in result.output
