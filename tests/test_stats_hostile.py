"""Hostile searches in the statistics, through the public functions (`stats ingest`, `stats report`): a report
after five or more identical hostile searches shows them escaped, and personal data planted in every beacon
parameter, or split by the 1,000-character cut of a query, is never stored."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from tests.conftest import SAMPLE
from tests.logfactory import HUMAN_AGENTS, STOCKHOLM, log_line, write_log

START = datetime(2026, 10, 5, 9, 0, tzinfo=STOCKHOLM)
HOSTILE_QUERIES = [
    "<script>window.pwned=1</script>",
    '"><img src=x onerror=alert(1)>',
    "<ScRiPt>alert(1)</sCrIpT>",
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
# One personal identity number, co-ordination number, phone number and e-mail address, each in the forms
# people type them, and the fragments that would still identify someone if stored.
PERSONAL = ["19811218-9876", "811278-9876", "070-123 45 67", "+46701234567", "anna.svensson@example.org"]
FRAGMENTS = ["811218", "811278", "9876", "123 45 67", "1234567", "701234567", "anna.svensson", "example.org"]


def beacon(moment: datetime, path: str, params: list[tuple[str, str]], ip: str) -> str:
    return log_line(ip, moment, f"/sok/{path}?" + urlencode(params, quote_via=quote), HUMAN_AGENTS[0])


def stats(tmp_path: Path, lines: list[str]) -> Path:
    log = write_log(tmp_path / "access.log", lines)
    result = CliRunner().invoke(cli, ["stats", "ingest", str(log), "--db", str(tmp_path / "stats.db")])
    assert result.exit_code == 0, result.output
    return tmp_path / "stats.db"


def everything_stored(db: Path) -> str:
    """Every text value of every table of stats.db, one a line (numbers are counts and hashes)."""
    with sqlite3.connect(db) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(value for table in tables for row in connection.execute(f'SELECT * FROM "{table}"')
                         for value in row if isinstance(value, str))


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_a_hostile_search_made_often_enough_to_be_shown_is_shown_escaped(tmp_path, query):
    lines = [beacon(START + timedelta(minutes=i), "logg.gif", [("q", query), ("n", "0"), ("lang", "sv")],
                    ip=f"203.0.113.{i}") for i in range(6)]
    db = stats(tmp_path, lines)
    result = CliRunner().invoke(cli, ["stats", "report", "--db", str(db), "--out", str(tmp_path / "out"),
                                      "--catalogue", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "statistik" / "index.html").read_text(encoding="utf-8")
    stored = query.lower()
    escaped = stored.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped.replace('"', "&#34;") in page or escaped.replace('"', "&quot;") in page, "shown, escaped"
    charts = [path.read_text(encoding="utf-8") for path in (tmp_path / "out" / "statistik").glob("*.svg")]
    for text in (page, *charts):
        if "<" in stored or ">" in stored:
            assert stored not in text, "never written as markup"
        assert 'href="javascript:' not in text.lower()


def planted_everywhere(value: str, moment: datetime, ip: str) -> list[str]:
    """A search beacon and a click beacon with `value` in every parameter ingest reads, each alone and after
    a word, as a page or a crafted request could send them."""
    lines = []
    parameters = ["q", "corrected", "lang", "n", "kommun", "kategori", "malgrupp", "sprak", "avgiftsfri"]
    for name in parameters:
        for planted in (value, f"sfi {value}", f"sfi,{value}"):
            params = [("q", "sfi"), ("n", "3"), ("lang", "sv")]
            params = [(key, planted if key == name else given) for key, given in params]
            if name not in {key for key, _ in params}:
                params.append((name, planted))
            lines.append(beacon(moment, "logg.gif", params, ip))
    for name in ("q", "to", "pos"):
        params = [("q", "sfi"), ("to", "huddinge/sfi-studievag-3"), ("pos", "1")]
        lines.append(beacon(moment, "klick.gif", [(key, value if key == name else given) for key, given in params], ip))
    return lines


def across_the_cut(value: str) -> str:
    """A query whose 1,000th character falls inside `value`."""
    compact = value.replace(" ", "")
    return "a" * (1000 - len(compact) // 2) + compact + " sfi"


def test_personal_data_in_every_beacon_parameter_and_across_the_length_cut_is_never_stored(tmp_path):
    from insatsbas.stats.ingest import FILTERS, FREE_FILTER

    assert set(FILTERS) | {FREE_FILTER} <= {"kommun", "kategori", "malgrupp", "sprak", "avgiftsfri"}, \
        "every filter the beacon sends is planted"
    lines = []
    for i, value in enumerate(PERSONAL):
        moment = START + timedelta(minutes=i)
        lines += planted_everywhere(value, moment, ip=f"203.0.113.{i}")
        lines.append(beacon(moment, "logg.gif", [("q", across_the_cut(value)), ("n", "0"), ("lang", "sv")],
                            ip=f"198.51.100.{i}"))
    lines.append(beacon(START, "logg.gif", [("q", "sfi"), ("n", "3"), ("lang", "sv")], ip="192.0.2.1"))
    db = stats(tmp_path, lines)

    stored = everything_stored(db)
    assert "sfi" in stored, "the ordinary search is stored: the check below looks at real rows"
    for fragment in [*PERSONAL, *FRAGMENTS]:
        assert fragment not in stored, fragment
        assert fragment.replace(" ", "").replace("-", "") not in stored.replace(" ", "").replace("-", ""), fragment
