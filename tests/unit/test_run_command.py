"""What a command says when its work fails (tools/common.py, run_command): every command's main()."""

from __future__ import annotations

import pytest

from tools.common import BuildFailed, ChromiumMissing, run_command


def test_the_work_is_printed_and_the_command_gives_0(capsys):
    assert run_command("make offline", lambda: "Wrote dist/x.zip (3 KiB)", kept="No bundle written.") == 0
    out, err = capsys.readouterr()
    assert out == "Wrote dist/x.zip (3 KiB)\n" and err == ""


def test_a_failed_build_shows_its_output_then_what_failed_and_what_was_kept(capsys):
    def work():
        raise BuildFailed("handbook", 1, "ERROR - docs/karten/08.md:3: …")

    assert run_command("make publish", work, kept="site/ left as it was.") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["ERROR - docs/karten/08.md:3: …", "make publish: handbook: the build failed (exit 1)",
                                "site/ left as it was."]


def test_a_named_problem_is_said_calmly_and_any_other_error_is_not_hidden(capsys):
    def missing():
        raise ChromiumMissing()

    assert run_command("make pdf", missing, ChromiumMissing) == 1
    assert capsys.readouterr().err.startswith("make pdf: Debian's chromium is missing")

    def broken():
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        run_command("make pdf", broken, ChromiumMissing)
