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


def test_a_listed_stylesheet_that_does_not_exist_is_refused_with_its_line(tiny):
    # Every stylesheet listed in mkdocs.yml goes into the one bundle (macros/outputs/bundles.py).
    tiny.replace("mkdocs.yml", "extra_javascript:\n", "extra_css:\n  - assets/css/fehlt.css\n\nextra_javascript:\n")
    result = tiny.build()
    line = tiny.path("mkdocs.yml").read_text(encoding="utf-8").split("\n").index("  - assets/css/fehlt.css") + 1
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: assets/css/fehlt.css is not in docs/ nor in the theme's folders" in result.output
    assert "Fix: add the file there, or correct its path." in result.output


def test_a_module_script_is_refused_because_our_scripts_are_joined_into_one_classic_script(tiny):
    tiny.replace("mkdocs.yml", "extra_javascript:\n", "extra_javascript:\n  - path: assets/js/vorschau.js\n    type: module\n")
    result = tiny.build()
    assert result.returncode != 0
    assert "extra_javascript lists assets/js/vorschau.js as a module or async script" in result.output
