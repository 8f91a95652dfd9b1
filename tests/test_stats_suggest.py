"""`insatsbas stats suggest`: proposals from searches that found nothing, and the loop back to the search."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.reader import load_catalogue
from insatsbas.search import Searcher, search_catalogue
from insatsbas.search.index import index_in_memory
from insatsbas.stats.ingest import ingest
from insatsbas.stats.suggest import suggest, write_review
from tests.conftest import TODAY
from tests.logfactory import STOCKHOLM, search_line, write_log
from tests.test_search import SFI_ENTRY, SVENSKA_FOR_INVANDRARE, SWIMMING


@pytest.fixture
def catalogue_root(make_catalogue) -> Path:
    return make_catalogue({"huddinge/sfi-dagtid.yml": SFI_ENTRY, "botkyrka/sfi-kvall.yml": SVENSKA_FOR_INVANDRARE,
                           "haninge/simskola.yml": SWIMMING})


@pytest.fixture
def stats_db(tmp_path: Path) -> Path:
    start = datetime(2026, 10, 5, 9, 0, tzinfo=STOCKHOLM)
    lines = []
    for day in range(6):
        moment = start + timedelta(days=day)
        visitor = f"203.0.113.{day + 1}"
        lines.append(search_line(moment, "svenks", 0, ip=visitor))
        lines.append(search_line(moment + timedelta(seconds=5), "svenskundervisning", 0, ip=visitor))
        lines.append(search_line(moment + timedelta(seconds=40), "sfi", 2, ip=visitor))
        lines.append(search_line(moment + timedelta(hours=2), "cykelkurs", 0, ip=visitor))
        lines.append(search_line(moment + timedelta(hours=3), "simskola", 0, ip=visitor))
    lines += [search_line(start + timedelta(hours=5, minutes=i), "dykkurs", 0) for i in range(3)]
    db = tmp_path / "stats.db"
    ingest([write_log(tmp_path / "access.log", lines)], db)
    return db


def test_the_review_file_proposes_corrections_and_synonyms(catalogue_root: Path, stats_db: Path, tmp_path: Path):
    searcher = Searcher(*index_in_memory(load_catalogue(catalogue_root, today=TODAY)))
    review = write_review(suggest(stats_db, searcher), tmp_path / "forslag.yml", TODAY)
    text = review.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["misspellings"] == {"svenks": "svenska"}
    assert data["synonyms"] == [["svenskundervisning", "sfi"]]
    assert data["finds_now"] == ["simskola"]
    assert data["unresolved"] == ["cykelkurs"]
    assert "dykkurs" not in text  # three searches: below the threshold of five
    assert text.startswith("# Förslag från `insatsbas stats suggest` 2026-11-22")


def test_accepted_proposals_make_the_failed_searches_find_entries(catalogue_root: Path, stats_db: Path,
                                                                   tmp_path: Path):
    searcher = Searcher(*index_in_memory(load_catalogue(catalogue_root, today=TODAY)))
    assert not search_catalogue("svenskundervisning", searcher).hits
    review = yaml.safe_load(write_review(suggest(stats_db, searcher), tmp_path / "forslag.yml").read_text("utf-8"))
    accepted = {"synonyms": review["synonyms"], "misspellings": review["misspellings"]}
    (catalogue_root / "synonyms.yml").write_text(yaml.safe_dump(accepted, allow_unicode=True), encoding="utf-8")
    rebuilt = Searcher(*index_in_memory(load_catalogue(catalogue_root, today=TODAY)))
    found = {hit.id for hit in search_catalogue("svenskundervisning", rebuilt).hits}
    assert found == {"huddinge/sfi-dagtid"}  # the entry that says "sfi"; the other says "svenska för invandrare"
    assert search_catalogue("svenks", rebuilt, typos=False).searched == "svenska"
    again = suggest(stats_db, rebuilt)
    assert {query for query, _ in again.finds_now} >= {"svenks", "svenskundervisning"}


def test_suggest_command_writes_the_review_file(catalogue_root: Path, stats_db: Path, tmp_path: Path):
    out = tmp_path / "forslag.yml"
    result = CliRunner().invoke(cli, ["stats", "suggest", "--db", str(stats_db), "--out", str(out),
                                      "--catalogue", str(catalogue_root)])
    assert result.exit_code == 0, result.output
    assert "1 felstavningar, 1 synonymer, 1 sökord utan förslag" in result.output
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["misspellings"] == {"svenks": "svenska"}


def test_ingest_command_reports_each_file(tmp_path: Path, stats_db: Path):
    log = tmp_path / "access.log"
    result = CliRunner().invoke(cli, ["stats", "ingest", str(log), str(log), "--db", str(tmp_path / "again.db")])
    assert result.exit_code == 0, result.output
    first, second = result.output.strip().splitlines()
    assert first.startswith("access.log: 33 rader, 33 nya sökningar, 0 nya klick, 0 redan räknade")
    assert second.startswith("access.log: 33 rader, 0 nya sökningar, 0 nya klick, 33 redan räknade")
