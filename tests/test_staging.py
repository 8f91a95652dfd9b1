"""One staging swap for every output: the build, the statistics page and the benchmark generator."""

from __future__ import annotations

import pytest

from insatsbas.staging import staging


def test_the_staged_folder_replaces_the_output_only_when_the_block_succeeds(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("gammal", encoding="utf-8")

    with pytest.raises(RuntimeError), staging(out) as stage:
        (stage / "new.txt").write_text("halvfärdig", encoding="utf-8")
        raise RuntimeError("avbrutet")
    assert [p.name for p in out.iterdir()] == ["old.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    with staging(out) as stage:
        assert stage.parent == tmp_path and stage.name.startswith(".out.building-")
        (stage / "new.txt").write_text("ny", encoding="utf-8")
    assert [p.name for p in out.iterdir()] == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_output_and_its_parents_are_created_when_missing(tmp_path):
    with staging(tmp_path / "a" / "b" / "out", "generating") as stage:
        assert stage.name.startswith(".out.generating-")
        (stage / "file").write_text("x", encoding="utf-8")
    assert (tmp_path / "a" / "b" / "out" / "file").read_text(encoding="utf-8") == "x"
