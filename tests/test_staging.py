"""One atomic switch for every output: the build, the statistics page and the benchmark generator. `OUT` is a
link to a complete build folder, replaced in one rename; the previous build is kept for a rollback; what a
killed build leaves behind is removed by the next."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import httpx
import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.serve import site_server
from insatsbas.staging import (
    NothingToRollBack,
    builds_folder,
    previous_build,
    remove_leftovers,
    rollback,
    served_build,
    staging,
)
from tests.conftest import VALID_ENTRY


def write_build(out, text, **options):
    with staging(out, **options) as stage:
        (stage / "index.html").write_text(text, encoding="utf-8")
    return served_build(out)


def test_the_output_is_a_link_to_a_complete_build_switched_only_when_the_block_succeeds(tmp_path):
    out = tmp_path / "out"
    first = write_build(out, "gammal")
    assert out.is_symlink() and first.parent == builds_folder(out)
    assert not os.path.isabs(os.readlink(out)), "a relative link, so the folder can be moved"

    with pytest.raises(RuntimeError), staging(out) as stage:
        (stage / "index.html").write_text("halvfärdig", encoding="utf-8")
        raise RuntimeError("avbrutet")
    assert (out / "index.html").read_text(encoding="utf-8") == "gammal"
    assert sorted(p.name for p in builds_folder(out).iterdir()) == [first.name]

    second = write_build(out, "ny")
    assert (out / "index.html").read_text(encoding="utf-8") == "ny"
    assert previous_build(out) == first and second != first
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.builds", "out"]


def test_the_previous_build_is_kept_until_the_next_one_succeeds(tmp_path):
    out = tmp_path / "out"
    first, second = write_build(out, "1"), write_build(out, "2")
    third = write_build(out, "3")
    assert not first.exists(), "the build before the previous one is removed"
    assert previous_build(out) == second and served_build(out) == third
    assert sorted(p.name for p in builds_folder(out).iterdir()) == sorted([second.name, third.name, "previous"])


def test_rollback_switches_to_the_previous_build_and_a_second_rollback_switches_forward(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(NothingToRollBack):
        rollback(out)
    write_build(out, "1")
    with pytest.raises(NothingToRollBack):
        rollback(out)
    write_build(out, "2")
    rollback(out)
    assert (out / "index.html").read_text(encoding="utf-8") == "1"
    rollback(out)
    assert (out / "index.html").read_text(encoding="utf-8") == "2"


def test_without_keep_previous_the_old_build_is_removed(tmp_path):
    out = tmp_path / "catalogue"
    first = write_build(out, "1", keep_previous=False)
    write_build(out, "2", keep_previous=False)
    assert not first.exists() and previous_build(out) is None
    assert len(list(builds_folder(out).iterdir())) == 1


def test_a_plain_output_folder_of_the_older_layout_is_kept_as_the_previous_build(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("gammal", encoding="utf-8")
    write_build(out, "ny")
    assert out.is_symlink() and (out / "index.html").read_text(encoding="utf-8") == "ny"
    rollback(out)
    assert (out / "index.html").read_text(encoding="utf-8") == "gammal"


def test_leftovers_of_killed_builds_are_removed_but_not_those_of_a_running_one(tmp_path):
    out = tmp_path / "out"
    write_build(out, "1")
    write_build(out, "2")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead_pid = int(dead.stdout)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        killed = builds_folder(out) / f"20261122T101010000000-{dead_pid}"
        (killed / "sok").mkdir(parents=True)
        busy = builds_folder(out) / f"20261122T101010000001-{running.pid}"
        busy.mkdir()
        old_stage = tmp_path / f".out.building-{dead_pid}"
        old_stage.mkdir()
        old_retired = tmp_path / f".out.previous-{dead_pid}"
        old_retired.mkdir()
        unrenamed = tmp_path / f".out.switch-{dead_pid}"
        unrenamed.symlink_to(killed)
        other = tmp_path / f".annat.building-{dead_pid}"
        other.mkdir()

        removed = remove_leftovers(out)

        assert sorted(removed) == sorted([killed, old_stage, old_retired, unrenamed])
        assert busy.exists() and other.exists()
        assert (out / "index.html").read_text(encoding="utf-8") == "2" and previous_build(out) is not None
    finally:
        running.kill()
        running.wait()


def test_the_output_and_its_parents_are_created_when_missing(tmp_path):
    with staging(tmp_path / "a" / "b" / "out") as stage:
        (stage / "file").write_text("x", encoding="utf-8")
    assert (tmp_path / "a" / "b" / "out" / "file").read_text(encoding="utf-8") == "x"


def test_the_static_server_answers_from_the_build_the_link_names_at_each_request(tmp_path):
    out = tmp_path / "out"
    write_build(out, "1")
    server = site_server(out, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
        assert httpx.get(url).text == "1"
        write_build(out, "2")
        assert httpx.get(url).text == "2"
        rollback(out)
        assert httpx.get(url).text == "1"
    finally:
        server.shutdown()
        server.server_close()


def test_the_rollback_command_says_what_it_switched_to_and_refuses_when_there_is_nothing(tmp_path):
    out = tmp_path / "out"
    refused = CliRunner().invoke(cli, ["rollback", "--out", str(out)])
    assert refused.exit_code == 2
    assert "Det finns inget tidigare bygge" in refused.output
    first = write_build(out, "1")
    write_build(out, "2")
    result = CliRunner().invoke(cli, ["rollback", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"visar nu det förra bygget ({first.name})" in result.output
    assert (out / "index.html").read_text(encoding="utf-8") == "1"


def test_the_build_command_says_which_leftovers_of_killed_builds_it_removed(make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    out = tmp_path / "out"
    killed = builds_folder(out) / "20261122T101010000000-999999999"  # no such process
    (killed / "sok").mkdir(parents=True)

    result = CliRunner().invoke(cli, ["build", "--catalogue", str(root), "--out", str(out), "--today", "2026-11-22"])

    assert result.exit_code == 0, result.output
    assert f"Tog bort {killed}, som ett avbrutet bygge lämnat kvar." in result.output
    assert not killed.exists() and (out / "index.html").is_file()
