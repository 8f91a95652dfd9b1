"""The read cache (insatsbas/sources/read_cache.py): an entry file with the same bytes at the same place in the
catalogue is not parsed again, and what it gives is exactly what reading it gives. test_incremental.py shows
the same through whole builds (its incremental builds start from a full build's cache)."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from insatsbas.build import READ_CACHE, build
from insatsbas.incremental import PACKAGE_DIR, source_fingerprint
from insatsbas.reader import read_catalogue
from insatsbas.sources.read_cache import CacheFile
from insatsbas.staging import builds_folder, cache_file, remove_leftovers, served_build
from tests.conftest import SAMPLE, TODAY, VALID_ENTRY

ENTRY = "huddinge/sprakcafe-flemingsberg-bibliotek.yml"
CODE = source_fingerprint((PACKAGE_DIR,))


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    copy = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, copy)
    return copy


def read(catalogue: Path, cache: Path, **options):
    cached = CacheFile(cache, CODE)
    result = read_catalogue(catalogue, today=options.pop("today", TODAY), cache=cached, **options)
    cached.save()
    return result, cached.cache


def test_a_second_read_takes_every_entry_from_the_cache_and_gives_the_same_catalogue_and_problems(catalogue, tmp_path):
    fresh = read_catalogue(catalogue, today=TODAY)
    first, cold = read(catalogue, tmp_path / "read.cache")
    second, warm = read(catalogue, tmp_path / "read.cache")

    assert cold.hits == 0 and cold.misses == warm.hits > 100 and warm.misses == 0
    assert first.catalogue == second.catalogue == fresh.catalogue
    assert second.problems == fresh.problems and any(problem.path.endswith(".yml") for problem in fresh.problems)


def test_a_changed_file_is_read_again_and_a_removed_one_leaves_the_cache(catalogue, tmp_path):
    read(catalogue, tmp_path / "read.cache")
    path = catalogue / ENTRY
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Nytt – ", 1), encoding="utf-8")
    (catalogue / "haninge").joinpath(next(p.name for p in (catalogue / "haninge").glob("*.yml"))).unlink()

    result, cache = read(catalogue, tmp_path / "read.cache")

    assert cache.misses == 1
    assert result.catalogue == read_catalogue(catalogue, today=TODAY).catalogue
    assert len(cache.kept) == len(result.catalogue.interventions)  # the removed file's outcome is gone


def test_another_day_or_other_owners_read_every_file_again(catalogue, tmp_path):
    read(catalogue, tmp_path / "read.cache")
    later, cache = read(catalogue, tmp_path / "read.cache", today=TODAY + timedelta(days=400))
    assert cache.hits == 0
    assert later.problems == read_catalogue(catalogue, today=TODAY + timedelta(days=400)).problems

    _, cache = read(catalogue, tmp_path / "read.cache")
    assert cache.hits == 0
    _, cache = read(catalogue, tmp_path / "read.cache")
    assert cache.misses == 0
    owners = catalogue / "owners.yml"
    text = owners.read_text(encoding="utf-8")
    assert "insatsbas.huddinge@example.org" in text
    owners.write_text(text.replace("insatsbas.huddinge@example.org", "ny.adress@example.org"), encoding="utf-8")
    _, cache = read(catalogue, tmp_path / "read.cache")
    assert cache.hits == 0


def test_the_same_files_in_another_folder_are_taken_from_the_cache_and_named_by_where_they_are(catalogue, tmp_path):
    read(catalogue, tmp_path / "read.cache")
    moved = tmp_path / "elsewhere" / "catalogue"
    shutil.copytree(catalogue, moved)

    result, cache = read(moved, tmp_path / "read.cache")

    assert cache.misses == 0
    assert result.catalogue == read_catalogue(moved, today=TODAY).catalogue
    assert all(str(moved) in entry.source or not Path(entry.source).is_absolute()
               for entry in result.catalogue.interventions)
    assert {problem.path for problem in result.problems} == {
        problem.path for problem in read_catalogue(moved, today=TODAY).problems}


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_an_unreadable_cache_is_an_empty_one(catalogue, tmp_path, damage):
    (tmp_path / "read.cache").write_bytes(damage)
    result, cache = read(catalogue, tmp_path / "read.cache")
    assert cache.hits == 0 and result.catalogue == read_catalogue(catalogue, today=TODAY).catalogue
    _, cache = read(catalogue, tmp_path / "read.cache")
    assert cache.misses == 0  # and it was written again, whole


def test_a_build_keeps_the_cache_beside_its_builds_never_in_the_served_output(make_catalogue, tmp_path):
    catalogue = make_catalogue({"huddinge/a.yml": VALID_ENTRY, "haninge/b.yml": VALID_ENTRY,
                                "haninge/c.yml": VALID_ENTRY.replace("status: active", "status: draft")})
    out = tmp_path / "output"
    first = build(catalogue, out, today=TODAY)
    second = build(catalogue, out, today=TODAY)

    cache = cache_file(out, READ_CACHE)
    assert cache.is_file() and cache.parent == builds_folder(out)
    assert not any(path.name == cache.name for path in served_build(out).rglob("*"))
    assert (first.entries_read, first.entries_from_cache) == (second.entries_from_cache, 0) == (3, 0)
    assert second.entries_read == 0
    assert remove_leftovers(out) == [] and cache.is_file()
