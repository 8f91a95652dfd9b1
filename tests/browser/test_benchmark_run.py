"""benchmarks/run.py on a tiny catalogue: every measurement runs (nothing skipped) and lands in the JSON.
It drives Chromium with the browser tests' session browser (Playwright's sync API allows one at a time);
it asserts which numbers exist, never how fast they are."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks import relevance, run
from benchmarks.run import ROWS, TARGETS

SIZE_FIELDS = {key for _, key, _ in ROWS if key} | set(TARGETS) | {
    "entries", "runs", "process_seconds", "rebuild_incremental", "bare_markdown_pages", "bare_pelican_pages",
    "common_first_results", "rare_first_results", "common_second_results", "rare_second_results",
    "common_first_word", "rare_second_word", "common_page_load_kb", "rare_page_load_kb",
    "common_first_partitions", "common_first_bundles_fetched", "rare_second_partitions",
    "throttled_common_first_done_ms", "phone_common_first_ms", "phone_common_first_kb", "bare_pelican_ms_per_page"}
# A few judged queries are enough to show the relevance measurement runs; benchmarks/relevance.py runs all.
JUDGED = 3
INGEST_FIELDS = {"ingest_lines", "ingest_workers", "ingest_seconds", "ingest_lines_per_second"}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module, browser, sample_build) -> dict:
    @contextmanager
    def session_browser() -> Iterator:
        yield browser

    out = tmp_path_factory.mktemp("bench")
    monkeypatch_module.setattr(run, "OUT", out)
    monkeypatch_module.setattr(run, "chromium", session_browser)
    monkeypatch_module.setattr(relevance, "JUDGMENTS", relevance.JUDGMENTS[:JUDGED])
    results = out / "results.json"
    run.main(["--sizes", "60", "--runs", "1", "--ingest-lines", "3000", "--json", str(results),
              "--relevance-site", str(sample_build)])
    return json.loads(results.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_json_has_every_field_for_each_size(report):
    [size] = report["sizes"]
    assert set(size) >= SIZE_FIELDS, SIZE_FIELDS - set(size)
    assert size["entries"] == 60
    assert set(report["ingest"]) >= INGEST_FIELDS
    assert {"nproc", "memory_gb", "cpu", "load_average"} <= set(report["machine_at_start"])
    assert set(report["missed"]) == {"60", "ingest", "relevance"}


def test_the_phases_add_up_to_the_build_and_were_all_measured(report):
    [size] = report["sizes"]
    phases = ["load_seconds", "database_seconds", "pages_seconds", "search_index_seconds", "other_seconds"]
    assert all(size[phase] > 0 for phase in phases)
    assert sum(size[phase] for phase in [*phases, "tidy_seconds"]) == pytest.approx(size["build_seconds"])
    # The rebuild removes the build before the last after the switch: served before its end.
    assert size["rebuild_tidy_seconds"] > 0
    assert size["rebuild_published_seconds"] + size["rebuild_tidy_seconds"] == pytest.approx(size["rebuild_seconds"])
    assert size["process_seconds"] > size["build_seconds"]
    assert size["incremental"] is False  # the measured builds are full builds


def test_the_one_entry_rebuild_is_incremental_and_says_what_it_rendered(report):
    [size] = report["sizes"]
    assert size["rebuild_seconds"] > 0 and size["rebuild_incremental"] is True
    assert 0 < size["rebuild_pages_rendered"] < size["rebuild_pages_reused"]
    assert size["rebuild_changed_pages"] >= 3  # the entry's page in three languages
    # A changed entry updates the database, HSDS and Whoosh entry by entry, and is the one file read again.
    assert size["rebuild_reused_projections"] == []
    assert sorted(size["rebuild_updated_projections"]) == ["database", "hsds", "search_index"]
    assert size["rebuild_entries_read"] == 1


def test_bare_pelican_renders_one_page_per_page_of_the_site(report):
    [size] = report["sizes"]
    assert size["bare_markdown_pages"] == size["bare_pelican_pages"] > 60
    assert size["html_pages"] >= size["bare_pelican_pages"]
    assert size["bare_pagefind_rss_mb"] > 0 and size["rss_children_mb"] > 0


def test_the_searches_found_results_and_transferred_the_index(report):
    [size] = report["sizes"]
    # "svenska" is in most entries; /sok/ searches the home county's partition (the county with most entries).
    assert size["common_first_results"] > 3
    assert size["common_first_partitions"] == size["rare_second_partitions"] != []
    assert all(partition.startswith("lan-") or partition == "riket" for partition in size["common_first_partitions"])
    assert set(size["common_first_bundles_fetched"]) == set(size["common_first_partitions"])
    assert size["common_first_kb"] > size["common_second_kb"]  # the first search loads Pagefind itself
    assert size["common_first_ms"] > 0 and size["rare_first_ms"] > 0


def test_every_search_setting_timed_the_first_result_painted_and_the_whole_result(report):
    [size] = report["sizes"]
    for key in ("common_first", "common_second", "rare_first", "rare_second"):
        assert size[f"{key}_painted_ms"] > 0 and size[f"{key}_ms"] > 0, key
        for prefix in ("throttled_", "phone_"):
            assert size[f"{prefix}{key}_ms"] > 0 and size[f"{prefix}{key}_done_ms"] > 0, prefix + key


def test_throttled_and_phone_searches_find_what_the_unthrottled_search_finds(report):
    [size] = report["sizes"]
    for kind in ("common_first", "common_second", "rare_first", "rare_second"):
        assert size[f"throttled_{kind}_results"] == size[f"phone_{kind}_results"] == size[f"{kind}_results"]
    # Pagefind on the main thread fetches the same index as in its worker (what the throttle needs, see run.py).
    assert size["throttled_common_first_kb"] == pytest.approx(size["common_first_kb"], rel=0.1)


def test_ms_per_page_is_the_full_build_over_its_html_pages(report):
    [size] = report["sizes"]
    assert size["ms_per_page"] == pytest.approx(size["build_seconds"] * 1000 / size["html_pages"])
    assert size["bare_pelican_ms_per_page"] > 0 and size["hugo_ms_per_page"] == run.HUGO_MS_PER_PAGE


def test_the_relevance_judgments_ran_on_the_sample(report):
    judged = report["relevance"]
    assert judged["queries"] == JUDGED
    assert 0 < judged["mean_ndcg10"] <= 1
    assert judged["first_relevant_in_top3"] <= JUDGED


def test_the_changed_entry_is_restored_so_the_cached_catalogue_stays_as_generated(report):
    from benchmarks.generate import generate
    cached = Path(run.OUT) / "catalogue-60"
    fresh = Path(run.OUT) / "fresh-60"
    generate(60, fresh)
    for path in fresh.rglob("*.yml"):
        assert (cached / path.relative_to(fresh)).read_bytes() == path.read_bytes(), path
