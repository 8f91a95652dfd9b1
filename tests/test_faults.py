"""A build that fails or is killed at any moment leaves a complete site: the output is byte for byte the
previous build or the new one, never a mixture; the next build succeeds; nothing is left behind.

The fault matrix runs each fault in this process: each projection (the real one runs, then the build is
interrupted), Pagefind's own process killed with SIGKILL, the manifest half-written, and each rename of the
switch (insatsbas/staging.py). An interrupted rename raises `Killed`, a BaseException nothing in the build
catches, so what is left is what a power cut at that rename leaves. The kill test then runs real builds in
a subprocess and kills their whole process group with SIGKILL at moments taken from the build's own progress
lines, from reading the catalogue to the last projection."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

import insatsbas.build as build_module
import insatsbas.staging as staging_module
from insatsbas.build import READ_CACHE, build
from insatsbas.incremental import MANIFEST_NAME, Manifest
from insatsbas.site import Overrides
from insatsbas.site import search_index as search_index_module
from insatsbas.staging import PREVIOUS, builds_folder, cache_file, previous_build, served_build
from tests.conftest import SAMPLE, TODAY, VALID_ENTRY, write
from tests.test_incremental import comparable

ENTRY = "huddinge/sprakcafe.yml"
SECOND = VALID_ENTRY.replace("Språkcafé på biblioteket", "Läxhjälp på biblioteket").replace(
    "huddinge", "botkyrka").replace("bibliotek.botkyrka", "bibliotek.huddinge")
PROJECTIONS = [projection.name for projection in build_module.projections(Overrides())]


class Killed(BaseException):
    """The build stops here, as if the machine had lost power."""


def catalogue_at(root: Path, title: str) -> Path:
    catalogue = root / "catalogue"
    if not catalogue.exists():
        shutil.copytree(SAMPLE / "vocabularies", catalogue / "vocabularies")
        for name in ("owners.yml", "region.yml"):
            shutil.copy(SAMPLE / name, catalogue / name)
        write(catalogue / "botkyrka" / "laxhjalp.yml", SECOND)
    write(catalogue / ENTRY, VALID_ENTRY.replace("Språkcafé på biblioteket", title))
    return catalogue


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A small catalogue built once (the previous build), and in full, into another folder, after its
    change (the new build, to compare with)."""
    previous = tmp_path_factory.mktemp("previous")
    build(catalogue_at(previous, "Språkcafé"), previous / "out", today=TODAY)
    new = tmp_path_factory.mktemp("new")
    build(catalogue_at(new, "Språkcafé med fika"), new / "out", today=TODAY)
    return SimpleNamespace(previous=previous, new=comparable(new / "out"))


@pytest.fixture
def site(builds: SimpleNamespace, tmp_path: Path) -> SimpleNamespace:
    """A copy of the previous build (its links kept), with the catalogue changed."""
    root = tmp_path / "site"
    shutil.copytree(builds.previous, root, symlinks=True)
    catalogue = catalogue_at(root, "Språkcafé med fika")
    return SimpleNamespace(root=root, catalogue=catalogue, out=root / "out", before=snapshot(root / "out"),
                           new=builds.new)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def assert_previous_or_new(site: SimpleNamespace) -> str:
    """The output is whole: the previous build byte for byte, or the new one (compared as
    tests/test_incremental.py compares two builds). Returns which."""
    assert site.out.is_dir(), "the output must never be missing"
    if snapshot(site.out) == site.before:
        return "previous"
    assert comparable(site.out) == site.new, "the output is a mixture of two builds"
    return "new"


def assert_next_build_succeeds_and_nothing_is_left(site: SimpleNamespace) -> list[Path]:
    result = build(site.catalogue, site.out, today=TODAY)
    assert comparable(site.out) == site.new
    kept = {served_build(site.out), previous_build(site.out), cache_file(site.out, READ_CACHE)}
    leftovers = [path for path in builds_folder(site.out).iterdir() if path.name != PREVIOUS and path not in kept]
    assert leftovers == []
    assert sorted(path.name for path in site.root.iterdir()) == [".out.builds", "catalogue", "out"]
    return result.removed_leftovers


class InterruptedAfter:
    """A projection as the build has it, interrupted once its real work is done."""

    def __init__(self, projection):
        self.projection, self.name, self.label = projection, projection.name, projection.label

    def sources(self):
        return self.projection.sources()

    def write(self, catalogue, out, run):
        self.projection.write(catalogue, out, run)
        raise Killed(self.name)


@pytest.mark.parametrize("name", PROJECTIONS)
def test_a_build_interrupted_after_each_projection_leaves_the_previous_output(site, monkeypatch, name):
    every = build_module.projections
    monkeypatch.setattr(build_module, "projections",
                        lambda overrides: [InterruptedAfter(p) if p.name == name else p for p in every(overrides)])
    with pytest.raises(Killed):
        build(site.catalogue, site.out, today=TODAY)
    assert assert_previous_or_new(site) == "previous"
    monkeypatch.undo()
    assert assert_next_build_succeeds_and_nothing_is_left(site) == []


def test_pagefind_killed_leaves_the_previous_output(site, monkeypatch):
    killed = []

    def run_and_kill(command, **options):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        process.send_signal(signal.SIGKILL)
        stdout, stderr = process.communicate()
        killed.append(process.returncode)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    monkeypatch.setattr(search_index_module, "subprocess", SimpleNamespace(run=run_and_kill))
    with pytest.raises(search_index_module.SearchIndexFailed):
        build(site.catalogue, site.out, today=TODAY, full=True)
    assert killed and killed[0] == -signal.SIGKILL
    assert assert_previous_or_new(site) == "previous"
    monkeypatch.undo()
    assert assert_next_build_succeeds_and_nothing_is_left(site) == []


def test_a_half_written_manifest_leaves_the_previous_output(site, monkeypatch):
    def half_written(self, out):
        (out / MANIFEST_NAME).write_text('{"format": 1, "inputs": "', encoding="utf-8")
        raise Killed("manifest")

    monkeypatch.setattr(Manifest, "write", half_written)
    with pytest.raises(Killed):
        build(site.catalogue, site.out, today=TODAY)
    assert assert_previous_or_new(site) == "previous"
    monkeypatch.undo()
    assert assert_next_build_succeeds_and_nothing_is_left(site) == []


@pytest.mark.parametrize(("rename", "expected"), [("output link", "previous"), ("previous link", "new")])
def test_a_build_killed_at_each_rename_of_the_switch_leaves_a_whole_output(site, monkeypatch, rename, expected):
    replace = os.replace
    target = site.out if rename == "output link" else builds_folder(site.out) / PREVIOUS

    def killed_at_target(source, destination):
        if Path(destination) == target:
            raise Killed(rename)
        replace(source, destination)

    monkeypatch.setattr(staging_module.os, "replace", killed_at_target)
    with pytest.raises(Killed):
        build(site.catalogue, site.out, today=TODAY)
    monkeypatch.undo()
    assert assert_previous_or_new(site) == expected
    removed = assert_next_build_succeeds_and_nothing_is_left(site)
    assert removed, "the next build removes what the killed one left, and says so"


def test_a_build_killed_while_moving_an_older_plain_output_folder_leaves_it_served(site, monkeypatch):
    served = served_build(site.out)
    site.out.unlink()
    served.rename(site.out)  # the layout before the switch: a plain folder
    shutil.rmtree(builds_folder(site.out))
    rename = Path.rename

    def killed_at_output(self, target):
        if self == site.out:
            raise Killed("adopt")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", killed_at_output)
    with pytest.raises(Killed):
        build(site.catalogue, site.out, today=TODAY)
    monkeypatch.undo()
    assert not site.out.is_symlink() and assert_previous_or_new(site) == "previous"
    assert assert_next_build_succeeds_and_nothing_is_left(site), "the unfinished build is removed, and said"


# --- kill -9 of a real build in a subprocess -------------------------------------------------------------

BUILD_SCRIPT = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path

    from insatsbas.build import build
    from insatsbas.progress import Progress

    build(Path(sys.argv[1]), Path(sys.argv[2]), today=date.fromisoformat(sys.argv[3]), progress=Progress(True))
    print("KLART", file=sys.stderr, flush=True)
""")


def start_build(site: SimpleNamespace) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, str(site.catalogue), str(site.out), TODAY.isoformat()],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True,
                            cwd=Path(__file__).resolve().parent.parent)


def progress_lines(site: SimpleNamespace) -> list[str]:
    """The progress lines of a whole build, with numbers (which change) left out."""
    scratch = SimpleNamespace(**vars(site))
    process = start_build(scratch)
    _, stderr = process.communicate(timeout=240)
    assert process.returncode == 0, stderr
    return [line for line in stderr.splitlines() if line.strip() and "KLART" not in line]


def test_a_build_killed_with_sigkill_at_spread_moments_leaves_a_whole_output(site, tmp_path):
    rehearsal = SimpleNamespace(**vars(site))
    rehearsal.root = tmp_path / "rehearsal"
    shutil.copytree(site.root, rehearsal.root, symlinks=True)
    rehearsal.catalogue, rehearsal.out = rehearsal.root / "catalogue", rehearsal.root / "out"
    lines = progress_lines(rehearsal)
    assert len(lines) >= 5, lines
    # Six moments spread from the first line (reading the catalogue) to the last (the site's last phase).
    moments = sorted({round(i * (len(lines) - 1) / 5) for i in range(6)})
    outcomes = []
    for moment in moments:
        line = lines[moment]
        process = start_build(site)
        seen = 0
        for row in process.stderr:
            if row.strip() and "KLART" not in row:
                seen += 1
            if seen > moment:
                os.killpg(process.pid, signal.SIGKILL)
                break
        process.wait(timeout=60)
        process.stderr.close()
        outcomes.append((line.strip(), process.returncode, assert_previous_or_new(site)))
    print("\n".join(f"killed at «{line}»: exit {code}, output {state}" for line, code, state in outcomes))
    assert all(code == -signal.SIGKILL for _, code, _ in outcomes), outcomes
    removed = assert_next_build_succeeds_and_nothing_is_left(site)
    print("removed by the next build:", [path.name for path in removed])
