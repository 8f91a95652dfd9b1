"""Counts that no log trick inflates: a log read again under another name, `stats forget`, personal identity
numbers written any way, and the bot rules (crawler list, no user agent, too many searches a minute)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from crawleruseragents import CRAWLER_USER_AGENTS_DATA

from insatsbas.stats.bots import is_bot
from insatsbas.stats.ingest import MAX_SEARCHES_PER_MINUTE, ReadUnderAnotherServer, clean_query, forget, ingest
from insatsbas.stats.redact import REDACTED
from tests.logfactory import rotated_scenario

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def line(second: int, query: str, *, client: str = "203.0.113.7", agent: str | None = BROWSER, minute: int = 15) -> str:
    head = (f'{client} - - [22/Nov/2026:10:{minute:02d}:{second:02d} +0100] '
            f'"GET /sok/logg.gif?q={query}&n=3&lang=sv HTTP/1.1" 200 43')
    return head + ("\n" if agent is None else f' "-" "{agent}"\n')


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return rotated_scenario(tmp_path_factory.mktemp("logs"), count=3000).files


def test_a_log_read_again_under_another_server_name_is_refused_and_adds_nothing(logs: list[Path], tmp_path: Path):
    db = tmp_path / "stats.db"
    first = ingest(logs[-1:], db)
    assert first.total("new_searches") > 100
    renamed = shutil.copy(logs[-1], tmp_path / "access.log-20261122")
    with pytest.raises(ReadUnderAnotherServer) as refused:
        ingest([renamed], db, server="web2")
    assert refused.value.earlier["source"] == logs[-1].name and refused.value.earlier["server"] == ""
    assert count(db, "SELECT count(*) FROM searches") == first.total("new_searches")
    assert count(db, "SELECT count(*) FROM ingests") == 1
    # The same file renamed by log rotation, under the same (empty) server name: read, nothing counted twice.
    again = ingest([renamed], db)
    assert again.total("new_searches") == 0 and again.total("already_counted") > 0


def test_stats_forget_removes_exactly_what_one_ingest_added(logs: list[Path], tmp_path: Path):
    db = tmp_path / "stats.db"
    older, newest = logs[0], logs[-1]
    ingest([older], db)
    before = [(table, count(db, f"SELECT count(*) FROM {table}")) for table in ("searches", "clicks", "daily")]
    daily_before = count(db, "SELECT sum(searches) FROM daily")
    added = ingest([newest], db)
    ingest([newest], db)  # read twice: forgetting takes back both reads

    forgotten = forget(newest, db)
    assert (forgotten.searches, forgotten.clicks) == (added.total("new_searches"), added.total("new_clicks"))
    assert len(forgotten.ingests) == 2
    assert [(table, count(db, f"SELECT count(*) FROM {table}")) for table in ("searches", "clicks", "daily")] == before
    assert count(db, "SELECT sum(searches) FROM daily") == daily_before
    assert count(db, "SELECT count(*) FROM ingests") == 1
    # Forgotten, the log can be read again under another name.
    assert ingest([newest], db, server="web1").total("new_searches") == added.total("new_searches")
    assert forget(newest, db).searches == added.total("new_searches")


def test_forgetting_a_log_never_ingested_removes_nothing(logs: list[Path], tmp_path: Path):
    db = tmp_path / "stats.db"
    ingest([logs[0]], db)
    searches = count(db, "SELECT count(*) FROM searches")
    forgotten = forget(logs[1], db)
    assert (forgotten.ingests, forgotten.searches) == ([], 0)
    assert count(db, "SELECT count(*) FROM searches") == searches


PERSONNUMMER_VARIANTS = [
    "19850101-1234", "19850101 - 1234", "19850101 1234", "198501011234", "850101-1234", "850101 1234", "8501011234",
    "850101+1234", "850101 - 1234", "85 01 01 12 34", "85-01-01-12-34", "1985-01-01-1234", "1985 01 01 1234",
    "8501 01 1234", "850 101 1234", "85010 11234", "8501011 234", "19 85 01 01 - 12 34", "850101.1234",
    "850101 -1234", "850101- 1234", "850101  1234",
    # samordningsnummer: the day plus 60
    "850161-1234", "19850191 - 1234", "850171 1234", "8501611234", "85 01 81 12 34", "198501 61-1234",
]


@pytest.mark.parametrize("number", PERSONNUMMER_VARIANTS)
@pytest.mark.parametrize("template", ["{}", "sfi {}", "{} komvux"])
def test_a_personal_identity_number_written_any_way_is_removed_whole(template: str, number: str):
    stored, removed = clean_query(template.format(number))
    assert removed == 1
    assert stored == (template.format("").strip() or REDACTED)
    assert not any(character.isdigit() for character in stored)


def test_there_are_at_least_twenty_variants_including_samordningsnummer():
    assert len(PERSONNUMMER_VARIANTS) >= 20
    assert sum(1 for number in PERSONNUMMER_VARIANTS if number.replace(" ", "").replace("-", "")[-6] in "6789") >= 5


@pytest.mark.parametrize("kept", ["sfi kurs d 2026", "141 30 huddinge", "2026-11-22 10:15", "buss 172", "sfi 1 2 3"])
def test_ordinary_numbers_in_queries_are_kept(kept: str):
    assert clean_query(kept) == (kept, 0)


def test_every_example_of_the_crawler_list_is_a_bot_and_browsers_are_not():
    # The list is the crawler-user-agents package itself (updated with `pip install -U crawler-user-agents`),
    # not a copy: every example user agent it documents is recognised.
    examples = [instance for item in CRAWLER_USER_AGENTS_DATA for instance in item.get("instances", [])]
    assert len(examples) > 1000
    assert [agent for agent in examples if not is_bot(agent)] == []
    assert not is_bot(BROWSER)
    assert not is_bot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                      "Version/17.5 Mobile/15E148 Safari/604.1")


def test_lines_without_a_user_agent_field_are_bots(tmp_path: Path):
    log = tmp_path / "access.log"
    log.write_text(line(1, "sfi", agent=None) + line(2, "praktik", agent="-") + line(3, "komvux"), encoding="utf-8")
    report = ingest([log], tmp_path / "stats.db")
    assert (report.total("bots"), report.total("new_searches")) == (2, 1)
    assert count(tmp_path / "stats.db", "SELECT query FROM searches") == "komvux"


def test_a_client_searching_more_than_the_limit_in_a_minute_is_dropped_without_keeping_its_address(tmp_path: Path):
    log = tmp_path / "access.log"
    burst = MAX_SEARCHES_PER_MINUTE + 1
    lines = [line(second, f"ord{second}", client="198.51.100.66") for second in range(burst)]  # a script
    lines += [line(second, f"person{second}", client="203.0.113.7") for second in range(MAX_SEARCHES_PER_MINUTE)]
    # The same script in the next minute at the limit: a person could do that, so it counts.
    lines += [line(second, f"sedan{second}", client="198.51.100.66", minute=16) for second in range(5)]
    # Same address, another browser (people behind one office's address): another client.
    lines += [line(59, "kontor", client="198.51.100.66", agent=BROWSER.replace("133", "134"))]
    log.write_text("".join(sorted(lines, key=lambda text: text.split("[")[1])), encoding="utf-8")
    db = tmp_path / "stats.db"
    report = ingest([log], db)
    assert report.total("rate_limited") == burst
    assert report.total("new_searches") == MAX_SEARCHES_PER_MINUTE + 5 + 1
    assert count(db, "SELECT count(*) FROM searches WHERE query LIKE 'ord%'") == 0
    assert count(db, "SELECT rate_limited FROM ingests") == burst
    raw = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("stats.db-*"))
    assert b"198.51.100.66" not in raw and b"Firefox" not in raw


def test_the_rate_rule_holds_across_chunk_boundaries(tmp_path: Path):
    log = tmp_path / "access.log"
    log.write_text("".join(line(second, f"ord{second}") for second in range(MAX_SEARCHES_PER_MINUTE + 1)),
                   encoding="utf-8")
    report = ingest([log], tmp_path / "stats.db", chunk_lines=3)  # chunks are cut only between minutes
    assert (report.total("rate_limited"), report.total("new_searches")) == (MAX_SEARCHES_PER_MINUTE + 1, 0)


def test_the_cli_refuses_a_second_server_name_and_forgets_a_log(logs: list[Path], tmp_path: Path):
    from click.testing import CliRunner

    from insatsbas.cli import cli

    db, log = str(tmp_path / "stats.db"), str(logs[-1])
    runner = CliRunner()
    first = runner.invoke(cli, ["stats", "ingest", "--db", db, log])
    assert first.exit_code == 0, first.output
    refused = runner.invoke(cli, ["stats", "ingest", "--db", db, "--server", "web2", log])
    assert refused.exit_code == 2
    assert f'{logs[-1].name} är redan inläst som {logs[-1].name} med --server ""' in refused.output
    forgotten = runner.invoke(cli, ["stats", "forget", "--db", db, log])
    assert forgotten.exit_code == 0 and "klick borttagna (1 inläsningar)" in forgotten.output
    assert count(tmp_path / "stats.db", "SELECT count(*) FROM searches") == 0
    assert runner.invoke(cli, ["stats", "forget", "--db", db, log]).exit_code == 2


def beacon_line(second: int, target: str) -> str:
    return f'203.0.113.7 - - [22/Nov/2026:10:20:{second:02d} +0100] "GET {target} HTTP/1.1" 200 43 "-" "{BROWSER}"\n'


def test_profiles_keep_municipality_and_status_only_and_handouts_their_size(tmp_path: Path):
    log = tmp_path / "access.log"
    log.write_text("".join([
        beacon_line(1, "/sok/profil.gif?kommun=botkyrka&uppehallsstatus=uppehallstillstand&lang=sv&_=a"),
        # An age and months sent along (a changed or hostile page) are never stored.
        beacon_line(2, "/sok/profil.gif?kommun=haninge&uppehallsstatus=annat&alder=45&manader=40&lang=en&_=b"),
        beacon_line(3, "/sok/profil.gif?kommun=19850101-1234&uppehallsstatus=annat"),  # not a municipality
        beacon_line(4, "/sok/lista.gif?antal=3&satt=utskrift&lang=sv&_=c"),
        beacon_line(5, "/sok/lista.gif?antal=2&satt=delning&lang=ar&_=d"),
        beacon_line(6, "/sok/lista.gif?antal=0&satt=utskrift"),  # an empty list is no handout
        beacon_line(7, "/sok/lista.gif?antal=2&satt=fax"),
    ]), encoding="utf-8")
    db = tmp_path / "stats.db"
    report = ingest([log], db)
    assert (report.total("new_profiles"), report.total("new_handouts"), report.total("invalid_beacons")) == (2, 2, 3)
    with sqlite3.connect(db) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(profiles)")]
        assert columns == ["minute", "request_key", "municipality", "status", "language", "ingest"]
        assert sorted(connection.execute("SELECT municipality, status, language FROM profiles")) == [
            ("botkyrka", "uppehallstillstand", "sv"), ("haninge", "annat", "en")]
        assert sorted(connection.execute("SELECT entries, use, language FROM handouts")) == [
            (2, "delning", "ar"), (3, "utskrift", "sv")]
    assert not [row for row in rows_of(db, "profiles") if "45" in repr(row) or "40" in repr(row)]
    assert forget(log, db).rows == {"searches": 0, "clicks": 0, "profiles": 2, "handouts": 2}


def rows_of(db: Path, table: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT municipality, status, language FROM {table}").fetchall()
