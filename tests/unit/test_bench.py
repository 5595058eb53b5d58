"""`make bench`'s rounds (tools/bench.py): fair to both sides of each comparison."""

from __future__ import annotations

from pathlib import Path

from tools import bench


def test_rounds_alternate_the_order_and_keep_the_warm_up_apart(monkeypatch, tmp_path):
    built, synced = [], []
    monkeypatch.setattr(bench.os, "sync", lambda: synced.append(len(built)))

    def fake_build(variant, site_dir):
        built.append(variant.label)
        return float(len(built)), 0.5

    monkeypatch.setattr(bench, "time_build", fake_build)
    ours, plain = bench.Variant("ours", Path(".")), bench.Variant("plain", Path("."))
    bench.run_rounds([ours, plain], 3, tmp_path)

    # Warm-up and round 2 in the listed order, rounds 1 and 3 reversed: neither always first.
    assert built == ["ours", "plain", "plain", "ours", "ours", "plain", "plain", "ours"]
    assert synced == list(range(8)), "the disk is flushed before every build"
    assert ours.first == 1.0 and plain.first == 2.0
    assert ours.times == [4.0, 5.0, 8.0] and plain.times == [3.0, 6.0, 7.0]
    assert ours.cpu == [0.5] * 3
