"""The build refuses a script from another host in mkdocs.yml: visitors' browsers contact no third party."""

from __future__ import annotations


def listed(tiny, key: str, *entries: str) -> None:
    """Lists ``entries`` (YAML lines) under ``key`` (extra_css, extra_javascript) in the tiny mkdocs.yml."""
    tiny.replace("mkdocs.yml", f"{key}: []\n", f"{key}:\n" + "".join(f"  - {entry}\n" for entry in entries))


def test_a_script_from_another_host_in_mkdocs_yml_is_refused(tiny):
    listed(tiny, "extra_javascript", "https://cdn.example.org/x.js")
    result = tiny.build()
    assert result.returncode != 0
    line = tiny.path("mkdocs.yml").read_text(encoding="utf-8").split("\n").index(
        "  - https://cdn.example.org/x.js") + 1
    assert f"mkdocs.yml:{line}: extra_javascript loads https://cdn.example.org/x.js from another host" \
        in result.output
    assert "Fix: put the file into docs/ (for example docs/assets/)" in result.output


def test_a_listed_stylesheet_that_does_not_exist_is_refused_with_its_line(tiny):
    # Every stylesheet listed in mkdocs.yml goes into the one bundle (kartenfaecher/outputs/bundles.py).
    listed(tiny, "extra_css", "assets/css/fehlt.css")
    result = tiny.build()
    line = tiny.path("mkdocs.yml").read_text(encoding="utf-8").split("\n").index("  - assets/css/fehlt.css") + 1
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: assets/css/fehlt.css is not in docs/ nor in the theme's folders" in result.output
    assert "Fix: add the file there, or correct its path." in result.output


def test_a_module_script_is_refused_because_our_scripts_are_joined_into_one_classic_script(tiny):
    listed(tiny, "extra_javascript", "path: assets/js/eigen.js\n    type: module")
    result = tiny.build()
    assert result.returncode != 0
    assert "extra_javascript lists assets/js/eigen.js as a module or async script" in result.output


def test_a_publishers_own_stylesheet_joins_the_sites_bundle_after_ours(tiny):
    tiny.path("docs/assets/css").mkdir(parents=True)
    tiny.path("docs/assets/css/eigen.css").write_text(".eigen-regel { color: #123456; }\n", encoding="utf-8")
    listed(tiny, "extra_css", "assets/css/eigen.css")
    result = tiny.build()
    assert result.returncode == 0, result.output
    bundle = next(tiny.path("site/assets/css").glob("site.*.min.css")).read_text(encoding="utf-8")
    assert bundle.endswith(".eigen-regel{color:#123456}")  # after every rule of ours
    assert ".md-header::after" in bundle  # the site's own look (basis.css), which no mkdocs.yml lists
    assert not tiny.path("site/assets/css/eigen.css").exists()


def test_a_file_a_feature_already_loads_on_every_page_is_refused_in_mkdocs_yml(tiny):
    listed(tiny, "extra_javascript", "kartenfaecher/features/app/app.js")
    result = tiny.build()
    assert result.returncode != 0
    line = tiny.path("mkdocs.yml").read_text(encoding="utf-8").split("\n").index("  - kartenfaecher/features/app/app.js") + 1
    assert (f"mkdocs.yml:{line}: extra_javascript lists kartenfaecher/features/app/app.js, which the feature „app“ "
            "already loads on every page (kartenfaecher/features/teile.py).") in result.output
    assert "Fix: remove it from extra_javascript." in result.output
