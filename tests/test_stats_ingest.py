"""Ingesting access logs: exact counts, nothing personal kept, idempotent over rotated, overlapping logs."""

from __future__ import annotations

import gzip
import io
import sqlite3
from collections import Counter
from pathlib import Path

import apachelogs
import pytest

from insatsbas.stats.ingest import LOG_LINE, clean_query, ingest, local_minute
from insatsbas.stats.redact import REDACTED, find_personal_data, redact
from tests.logfactory import Scenario, rotated_scenario

SEARCH_ROW = "minute, query, personal_data_removed, corrected, language, filters, results"
CLICK_ROW = "minute, query, personal_data_removed, entry_id, position"


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return rotated_scenario(tmp_path_factory.mktemp("logs"))


@pytest.fixture(scope="module")
def ingested(scenario: Scenario, tmp_path_factory: pytest.TempPathFactory):
    db_path = tmp_path_factory.mktemp("stats") / "stats.db"
    report = ingest(scenario.files, db_path)
    return db_path, report


def rows(db_path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_the_generated_log_is_large_and_mixed(scenario: Scenario):
    lines = sum(len(events) for events in scenario.events.values())
    kinds = Counter(e.kind for events in scenario.events.values() for e in events)
    assert lines >= 10_000
    assert kinds["malformed"] > 100 and kinds["bot"] > 100 and kinds["invalid"] > 20
    assert len(scenario.planted) > 300
    assert scenario.files[0].read_bytes()[:2] == b"\x1f\x8b"  # rotated logs are gzipped


def test_every_source_is_counted_exactly(scenario: Scenario, ingested):
    _, report = ingested
    for source, path in zip(report.sources, scenario.files, strict=True):
        kinds = Counter(e.kind for e in scenario.events[path])
        assert source.source == path.name
        assert source.lines == len(scenario.events[path])
        assert source.unparsable == kinds["malformed"]
        assert source.bots == kinds["bot"]
        assert source.invalid_beacons == kinds["invalid"]
        assert source.other_requests == kinds["other"]
        assert source.new_searches + source.new_clicks + source.already_counted == kinds["search"] + kinds["click"]


def test_each_request_is_counted_once_across_overlaps_and_repeats(scenario: Scenario, ingested):
    db_path, report = ingested
    searches, clicks = scenario.unique("search"), scenario.unique("click")
    assert report.total("new_searches") == len(searches)
    assert report.total("new_clicks") == len(clicks)
    total_beacons = sum(1 for path in scenario.files for e in scenario.events[path] if e.kind in ("search", "click"))
    assert report.total("already_counted") == total_beacons - len(searches) - len(clicks)
    assert report.sources[-1].new_searches == 0 and report.sources[-1].new_clicks == 0  # access.log.1 again


def test_stored_rows_are_exactly_the_expected_ones(scenario: Scenario, ingested):
    db_path, _ = ingested
    assert Counter(rows(db_path, f"SELECT {SEARCH_ROW} FROM searches")) == Counter(
        e.row for e in scenario.unique("search").values())
    assert Counter(rows(db_path, f"SELECT {CLICK_ROW} FROM clicks")) == Counter(
        e.row for e in scenario.unique("click").values())


def test_visitors_sending_the_same_request_in_the_same_second_count_twice(scenario: Scenario, ingested):
    db_path, _ = ingested
    events = list(scenario.unique("search").values())
    tails = Counter(e.line.split(" ", 1)[1] for e in events)
    twins = [tail for tail, n in tails.items() if n == 2]
    assert twins, "the generator plants identical requests from different addresses"
    stored = Counter(rows(db_path, f"SELECT {SEARCH_ROW} FROM searches"))
    twin_rows = {e.row for e in events if e.line.split(" ", 1)[1] in twins}
    assert all(stored[row] >= 2 for row in twin_rows)


def test_ingesting_everything_again_adds_nothing(scenario: Scenario, ingested):
    db_path, _ = ingested
    before = rows(db_path, "SELECT count(*) FROM searches")[0][0], rows(db_path, "SELECT count(*) FROM clicks")[0][0]
    again = ingest(list(reversed(scenario.files)), db_path)
    assert again.total("new_searches") == again.total("new_clicks") == 0
    after = rows(db_path, "SELECT count(*) FROM searches")[0][0], rows(db_path, "SELECT count(*) FROM clicks")[0][0]
    assert after == before


def test_daily_aggregates_match_the_rows(ingested):
    db_path, _ = ingested
    daily = rows(db_path, "SELECT sum(searches), sum(searches_without_results), sum(clicks), "
                          "sum(searches_with_personal_data), sum(corrected_searches) FROM daily")[0]
    direct = rows(db_path, "SELECT count(*), sum(results = 0), (SELECT count(*) FROM clicks), "
                           "sum(personal_data_removed), count(corrected) FROM searches")[0]
    assert daily == direct
    assert rows(db_path, "SELECT count(*) FROM daily")[0][0] > 70


def all_values(db_path: Path) -> list[tuple[str, str, object]]:
    connection = sqlite3.connect(db_path)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = []
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info([{table}])")]
            for row in connection.execute(f"SELECT * FROM [{table}]"):
                found += [(table, column, value) for column, value in zip(columns, row, strict=True)]
        return found
    finally:
        connection.close()


def test_nothing_personal_is_left_anywhere_in_stats_db(scenario: Scenario, ingested):
    db_path, _ = ingested
    values = all_values(db_path)
    texts = [(t, c, v) for t, c, v in values if isinstance(v, str)]
    assert len(texts) > 10_000
    assert [(t, c, v) for t, c, v in texts if find_personal_data(v)] == []
    planted = {form for value in scenario.planted
               for form in (value, value.lower(), "".join(ch for ch in value if ch.isdigit()))}
    planted = {p for p in planted if len(p) >= 7}
    assert len(planted) > 300
    everything = "\n".join(str(v) for _, _, v in values)
    assert [p for p in planted if p in everything] == []
    assert [ip for ip in scenario.ips if ip in everything] == []


def test_no_personal_bytes_in_the_database_file(scenario: Scenario, ingested):
    db_path, _ = ingested
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("stats.db*"))
    assert not [value for value in scenario.planted if value.encode() in raw]
    assert b"Mozilla" not in raw and b"Googlebot" not in raw


def test_queries_that_were_only_personal_data_become_the_marker(ingested):
    db_path, _ = ingested
    count = rows(db_path, f"SELECT count(*) FROM searches WHERE query = '{REDACTED}'")[0][0]
    assert count > 20
    assert rows(db_path, f"SELECT count(*) FROM searches WHERE query = '{REDACTED}' AND NOT personal_data_removed")[0][0] == 0


@pytest.mark.parametrize("typed, stored", [
    ("sfi 19850101-1234", "sfi"), ("850101-1234", REDACTED), ("850161+1234 sfi", "sfi"), ("8501011234", REDACTED),
    ("198501611234", REDACTED), ("ring 070-174 06 05", "ring"), ("+46 70 174 06 05", REDACTED),
    ("0046 8 465 004 31", REDACTED), ("(08) 465 004 31 komvux", "komvux"), ("anna.svensson@example.org", REDACTED),
    ("mejla Anna@Example.org om praktik", "mejla om praktik"), ("٠٧٠١٧٤٠٦٠٥", REDACTED),
    ("141 30 huddinge", "141 30 huddinge"), ("sfi kurs d 2026", "sfi kurs d 2026"),
])
def test_personal_data_is_removed_from_queries(typed: str, stored: str):
    assert clean_query(typed) == (stored, int(stored != typed.lower()))


def test_iso_timestamps_are_not_mistaken_for_phone_numbers():
    assert find_personal_data("2026-11-22T10:15") == []
    assert redact("2026-11-22 10:15").removed is False


def test_queries_are_normalised_to_nfc_lower_case_and_single_spaces():
    assert clean_query("  Spr\u0061\u030akcaf\u00e9   I  HUDDINGE ") == ("språkcafé i huddinge", 0)


def test_times_are_kept_to_the_minute_in_swedish_time():
    assert local_minute("22/Nov/2026:10:15:32 +0100") == "2026-11-22T10:15"
    assert local_minute("22/Nov/2026:09:15:59 +0000") == "2026-11-22T10:15"
    assert local_minute("01/Jul/2026:10:15:00 +0200") == "2026-07-01T10:15"
    assert local_minute("22/Nov/2026:04:45:00 -0530") == "2026-11-22T11:15"
    assert local_minute("22/Nov/2026:25:15:32 +0100") is None
    assert local_minute("22/Foo/2026:10:15:32 +0100") is None


def test_standard_input_and_gzip_on_standard_input(tmp_path: Path, scenario: Scenario):
    first = scenario.files[0]
    report = ingest(["-"], tmp_path / "stdin.db", stdin=io.BytesIO(first.read_bytes()))
    plain = ingest(["-"], tmp_path / "plain.db", stdin=io.BytesIO(gzip.decompress(first.read_bytes())))
    expected = Counter(e.kind for e in scenario.events[first])
    assert report.sources[0].source == "-"
    assert report.total("new_searches") == plain.total("new_searches") == expected["search"]


def test_the_log_expression_agrees_with_apachelogs(scenario: Scenario):
    """apachelogs (maintained, slower) is the reference parser for Common and Combined Log Format."""
    combined = apachelogs.LogParser(apachelogs.COMBINED)
    common = apachelogs.LogParser(apachelogs.COMMON)
    checked = 0
    for events in scenario.events.values():
        for event in events:
            reference = None
            for parser in (combined, common):
                try:
                    reference = parser.parse(event.line)
                    break
                except (apachelogs.InvalidEntryError, ValueError):
                    continue
            ours = LOG_LINE.fullmatch(event.line + "\n")
            usable = ours is not None and local_minute(ours["time"]) is not None
            assert usable == (reference is not None), event.line
            if reference is not None:
                assert ours["request"] == reference.request_line
                assert int(ours["status"]) == reference.final_status
                agent = ours["agent"] if ours["agent"] != "-" else None
                assert agent == getattr(reference, "headers_in", {}).get("User-Agent")
                checked += 1
    assert checked > 10_000


def test_unparsable_lines_are_reported_by_number_and_never_stop_the_ingest(tmp_path: Path):
    log = tmp_path / "access.log"
    log.write_text(
        "nonsense\n"
        '203.0.113.9 - - [22/Nov/2026:10:15:32 +0100] "GET /sok/logg.gif?q=sfi&n=3&lang=sv HTTP/1.1" 200 43 '
        '"-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"\n'
        "\n", encoding="utf-8")
    report = ingest([log], tmp_path / "stats.db")
    assert report.sources[0].unparsable == 2
    assert report.sources[0].unparsable_lines == [1, 3]
    assert report.sources[0].new_searches == 1


def test_parsing_in_worker_processes_gives_the_same_rows(scenario: Scenario, tmp_path: Path):
    """Small chunks, so that the logs are split many times, also inside runs of identical requests' seconds."""
    sequential = ingest(scenario.files, tmp_path / "one.db", workers=1, chunk_lines=300)
    parallel = ingest(scenario.files, tmp_path / "two.db", workers=2, chunk_lines=300)
    for name in ("lines", "unparsable", "bots", "other_requests", "invalid_beacons", "new_searches", "new_clicks",
                 "already_counted"):
        assert sequential.total(name) == parallel.total(name), name
    assert parallel.total("new_searches") == len(scenario.unique("search"))
    for table, columns in (("searches", SEARCH_ROW), ("clicks", CLICK_ROW)):
        query = f"SELECT request_key, {columns} FROM {table} ORDER BY 1"
        assert rows(tmp_path / "one.db", query) == rows(tmp_path / "two.db", query)
    assert sequential.sources[0].unparsable_lines == parallel.sources[0].unparsable_lines


SEARCH_LINE = ('{client} - - [22/Nov/2026:10:15:32 +0100] "GET /sok/logg.gif?q=sfi&n=3&lang=sv HTTP/1.1" 200 43 '
               '"-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"\n')
PAGE_LINE = ('{client} - - [22/Nov/2026:10:15:40 +0100] "GET {page} HTTP/1.1" 200 5120 '
             '"-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"\n')


def test_equal_lines_from_two_servers_count_twice_when_the_servers_are_named(tmp_path: Path):
    # Two visitors behind two load-balanced servers send the same search in the same second; each server's
    # log holds one line, and the lines differ only in the client address, which is never part of the key.
    server_logs = {}
    for name, client in (("web1", "203.0.113.9"), ("web2", "198.51.100.4")):
        server_logs[name] = tmp_path / f"{name}.log"
        # Each server's log also holds its own other traffic, as two servers' logs always do.
        other = PAGE_LINE.format(client=client, page="/" if name == "web1" else "/sok/")
        server_logs[name].write_text(SEARCH_LINE.format(client=client) + other, encoding="utf-8")

    unnamed = tmp_path / "unnamed.db"
    assert ingest(list(server_logs.values()), unnamed).total("new_searches") == 1

    named = tmp_path / "named.db"
    counted = [ingest([log], named, server=name).total("new_searches") for name, log in server_logs.items()]
    assert counted == [1, 1]
    again = [ingest([log], named, server=name).total("new_searches") for name, log in server_logs.items()]
    assert again == [0, 0]
    assert rows(named, "SELECT count(*) FROM searches")[0][0] == 2
