"""`insatsbas review-status`: entries past last_reviewed + the owner's interval, per owner."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.editing.review import review_status
from insatsbas.model import add_months
from insatsbas.reader import load_catalogue
from tests.conftest import REPO, SAMPLE, TODAY, VALID_ENTRY


def reviewed(day: str, status: str = "active") -> str:
    return VALID_ENTRY.replace("last_reviewed: 2026-06-01", f"last_reviewed: {day}").replace(
        "status: active", f"status: {status}")


def run_status(root, today: str, *args: str):
    result = CliRunner().invoke(cli, ["review-status", "--catalogue", str(root), "--today", today, *args])
    return result.exit_code, result.output


def overdue_days(root, today: date, owner: str | None = None) -> dict[str, int]:
    catalogue = load_catalogue(root, today=today)
    return {e.id: e.days_overdue for s in review_status(catalogue, today, owner) for e in s.overdue}


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),   # leap day, next year has none
        (date(2024, 2, 29), 48, date(2028, 2, 29)),   # leap day to leap day
        (date(2025, 1, 31), 1, date(2025, 2, 28)),    # month end into a short month
        (date(2024, 1, 31), 1, date(2024, 2, 29)),    # ... of a leap year
        (date(2025, 8, 31), 6, date(2026, 2, 28)),    # Arbetsförmedlingen's six months
        (date(2024, 8, 31), 18, date(2026, 2, 28)),   # Nykvarn's and Salem's eighteen months
        (date(2025, 3, 31), 12, date(2026, 3, 31)),   # a month that has the day is not clamped
        (date(2025, 12, 15), 1, date(2026, 1, 15)),   # across the new year
    ],
)
def test_due_date_arithmetic(start, months, due):
    assert add_months(start, months) == due


def test_entry_due_today_is_not_overdue_and_due_yesterday_is_one_day(make_catalogue):
    root = make_catalogue({
        "huddinge/due-today.yml": reviewed("2025-11-22"),
        "huddinge/due-yesterday.yml": reviewed("2025-11-21"),
    })
    assert overdue_days(root, date(2026, 11, 22)) == {"huddinge/due-yesterday": 1}


def test_leap_day_review_is_due_on_the_28th_the_next_year(make_catalogue):
    root = make_catalogue({"huddinge/skottdag.yml": reviewed("2024-02-29")})
    assert overdue_days(root, date(2025, 2, 28)) == {}
    assert overdue_days(root, date(2025, 3, 1)) == {"huddinge/skottdag": 1}


def test_days_overdue_count_a_leap_day(make_catalogue):
    root = make_catalogue({"huddinge/x.yml": reviewed("2027-02-28")})
    assert overdue_days(root, date(2028, 3, 1)) == {"huddinge/x": 2}


def test_each_owner_has_its_own_interval(make_catalogue):
    root = make_catalogue({
        "huddinge/tolv.yml": reviewed("2025-08-31"),            # 12 months: due 2026-08-31
        "arbetsformedlingen/sex.yml": reviewed("2025-08-31"),   # 6 months: due 2026-02-28
        "nykvarn/arton.yml": reviewed("2025-08-31"),            # 18 months: due 2027-02-28, not yet
    })
    assert overdue_days(root, date(2026, 11, 22)) == {"huddinge/tolv": 83, "arbetsformedlingen/sex": 267}


def test_ended_and_draft_entries_are_not_asked_for_review_but_paused_are(make_catalogue):
    root = make_catalogue({
        "huddinge/ended.yml": reviewed("2020-01-01", "ended"),
        "huddinge/draft.yml": reviewed("2020-01-01", "draft"),
        "huddinge/paused.yml": reviewed("2020-01-01", "paused"),
    })
    assert set(overdue_days(root, TODAY)) == {"huddinge/paused"}


def test_reformatting_a_file_does_not_make_it_look_fresh(make_catalogue):
    root = make_catalogue({"huddinge/gammal.yml": reviewed("2025-01-15")})
    before = overdue_days(root, TODAY)
    path = root / "huddinge" / "gammal.yml"
    path.write_text("# Omformaterad\n\n" + path.read_text(encoding="utf-8").replace(": ", ":  "), encoding="utf-8")
    os.utime(path, (TODAY.toordinal() * 86400.0,) * 2)
    assert overdue_days(root, TODAY) == before == {"huddinge/gammal": 311}


def test_text_lists_overdue_entries_per_owner_with_contact_and_exits_zero(make_catalogue):
    root = make_catalogue({
        "huddinge/a.yml": reviewed("2025-01-31"),
        "huddinge/b.yml": reviewed("2025-10-01"),
        "huddinge/fresh.yml": reviewed("2026-10-01"),
        "arbetsformedlingen/c.yml": reviewed("2026-01-31"),
    })
    code, output = run_status(root, "2026-11-22")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == ("Arbetsförmedlingen (insatsbas.af-sodertorn@example.org), granskning var 6:e månad: "
                        "1 av 1 publicerade insatser ska granskas.")
    assert lines[1].endswith("c.yml: «Språkcafé på biblioteket» granskades 2026-01-31, skulle granskas senast "
                             "2026-07-31, 114 dagar sedan.")
    assert lines[2].startswith("Huddinge kommun (insatsbas.huddinge@example.org), granskning var 12:e månad: 2 av 3")
    assert "a.yml" in lines[3] and "295 dagar sedan" in lines[3]   # longest overdue first
    assert "b.yml" in lines[4] and "52 dagar sedan" in lines[4]
    assert lines[-1] == "3 insatser hos 2 ägare har passerat granskningsdatum 2026-11-22."
    assert "fresh.yml" not in output and "Botkyrka" not in output


def test_owner_filter_shows_the_owner_even_when_nothing_is_overdue(make_catalogue):
    root = make_catalogue({"huddinge/a.yml": reviewed("2025-01-31"), "botkyrka/b.yml": reviewed("2026-10-01")})
    code, output = run_status(root, "2026-11-22", "--owner", "botkyrka")
    assert code == 0
    assert output.splitlines() == [
        "Botkyrka kommun (insatsbas.botkyrka@example.org), granskning var 12:e månad: 0 av 1 publicerade insatser "
        "ska granskas.",
        "0 insatser hos 0 ägare har passerat granskningsdatum 2026-11-22.",
    ]


def test_unknown_owner_is_a_usage_error(make_catalogue):
    code, output = run_status(make_catalogue(), "2026-11-22", "--owner", "hudinge")
    assert code == 2
    assert "Ägaren «hudinge» finns inte i owners.yml." in output


def test_json_for_machines(make_catalogue):
    root = make_catalogue({"huddinge/a.yml": reviewed("2025-01-31"), "huddinge/b.yml": reviewed("2026-10-01")})
    code, output = run_status(root, "2026-11-22", "--json", "--owner", "huddinge")
    assert code == 0
    data = json.loads(output)
    assert data["today"] == "2026-11-22" and data["overdue"] == 1
    [owner] = data["owners"]
    assert owner["owner"] == "huddinge" and owner["contact"] == "insatsbas.huddinge@example.org"
    assert owner["review_months"] == 12 and owner["published_entries"] == 2
    assert owner["overdue"] == [{
        "id": "huddinge/a", "title": "Språkcafé på biblioteket", "source": owner["overdue"][0]["source"],
        "status": "active", "last_reviewed": "2025-01-31", "due": "2026-01-31", "days_overdue": 295,
    }]
    assert owner["overdue"][0]["source"].endswith("huddinge/a.yml")


def test_invalid_catalogue_exits_one_with_the_problems(make_catalogue):
    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY.replace("title:", "titel:")})
    code, output = run_status(root, "2026-11-22")
    assert code == 1
    assert "Okänt fält «titel»" in output


def test_sample_lists_overdue_entries_per_owner():
    code, output = run_status(SAMPLE, "2026-11-22")
    assert code == 0
    owner_lines = [line for line in output.splitlines() if "ska granskas." in line]
    entry_lines = [line for line in output.splitlines() if line.startswith("  ")]
    assert len(owner_lines) >= 5
    assert 8 <= len(entry_lines) <= 40
    assert "Arbetsförmedlingen (insatsbas.af-sodertorn@example.org), granskning var 6:e månad" in output


def test_sample_agrees_with_the_datasette_query(sample_build):
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    ours = {(e.id, e.days_overdue) for s in review_status(catalogue, TODAY) for e in s.overdue}
    metadata = yaml.safe_load((REPO / "insatsbas" / "datasette" / "metadata.yml").read_text(encoding="utf-8"))
    sql = metadata["databases"]["insatsbas"]["queries"]["overdue_reviews"]["sql"]
    with sqlite3.connect(sample_build / "insatsbas.db") as db:
        db.row_factory = sqlite3.Row
        theirs = {(row["id"], row["dagar_sen"]) for row in db.execute(sql, {"datum": TODAY.isoformat()})}
    assert ours == theirs
    assert len(ours) >= 8


# --- --within: entries that fall due soon --------------------------------------------------------


def test_within_lists_entries_due_from_today_to_the_last_day_soonest_first_after_the_overdue(make_catalogue):
    root = make_catalogue({
        "huddinge/overdue.yml": reviewed("2025-11-21"),      # due 2026-11-21: one day overdue
        "huddinge/today.yml": reviewed("2025-11-22"),        # due today: due soon, not overdue
        "huddinge/last-day.yml": reviewed("2025-12-22"),     # due 2026-12-22: the 30th day
        "huddinge/day-after.yml": reviewed("2025-12-23"),    # due 2026-12-23: outside 30 days
        "huddinge/week.yml": reviewed("2025-11-29"),         # due in 7 days
    })
    code, output = run_status(root, "2026-11-22", "--within", "30")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == ("Huddinge kommun (insatsbas.huddinge@example.org), granskning var 12:e månad: 1 av 5 "
                        "publicerade insatser ska granskas nu och 3 inom 30 dagar.")
    assert "overdue.yml" in lines[1] and lines[1].endswith("skulle granskas senast 2026-11-21, 1 dagar sedan.")
    assert "today.yml" in lines[2] and lines[2].endswith("ska granskas senast 2026-11-22, i dag.")
    assert "week.yml" in lines[3] and lines[3].endswith("ska granskas senast 2026-11-29, om 7 dagar.")
    assert "last-day.yml" in lines[4] and lines[4].endswith("ska granskas senast 2026-12-22, om 30 dagar.")
    assert "day-after.yml" not in output
    assert lines[-2:] == ["1 insatser hos 1 ägare har passerat granskningsdatum 2026-11-22.",
                          "3 insatser hos 1 ägare ska granskas inom 30 dagar, till och med 2026-12-22."]


def test_within_shows_an_owner_with_only_entries_due_soon(make_catalogue):
    root = make_catalogue({"botkyrka/soon.yml": reviewed("2025-12-01"), "huddinge/fresh.yml": reviewed("2026-10-01")})
    _, without = run_status(root, "2026-11-22")
    _, within = run_status(root, "2026-11-22", "--within", "30")
    assert "Botkyrka" not in without
    assert within.splitlines()[0].startswith("Botkyrka kommun (insatsbas.botkyrka@example.org)")
    assert "Huddinge" not in within


def test_within_in_json_carries_the_due_soon_entries_with_days_left(make_catalogue):
    root = make_catalogue({"huddinge/a.yml": reviewed("2025-01-31"), "huddinge/b.yml": reviewed("2025-12-05")})
    code, output = run_status(root, "2026-11-22", "--json", "--within", "14", "--owner", "huddinge")
    assert code == 0
    data = json.loads(output)
    assert (data["within"], data["overdue"], data["due_soon"]) == (14, 1, 1)
    [owner] = data["owners"]
    assert [e["id"] for e in owner["overdue"]] == ["huddinge/a"]
    [soon] = owner["due_soon"]
    assert soon["id"] == "huddinge/b" and soon["due"] == "2026-12-05" and soon["days_left"] == 13
    assert soon["source"].endswith("huddinge/b.yml") and soon["last_reviewed"] == "2025-12-05"


def test_without_within_nothing_is_listed_as_due_soon(make_catalogue):
    root = make_catalogue({"huddinge/soon.yml": reviewed("2025-12-01")})
    code, output = run_status(root, "2026-11-22", "--json")
    data = json.loads(output)
    assert data["within"] is None and data["due_soon"] == 0
    assert all(owner["due_soon"] == [] for owner in data["owners"])


def test_sample_has_entries_due_within_30_days_and_review_status_agrees_with_the_command():
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    statuses = review_status(catalogue, TODAY, within=30)
    soon = {e.id: e.due for s in statuses for e in s.due_soon}
    assert soon and all(TODAY <= due <= date(2026, 12, 22) for due in soon.values())
    code, output = run_status(SAMPLE, "2026-11-22", "--within", "30")
    assert code == 0
    assert sum("ska granskas senast" in line for line in output.splitlines()) == len(soon)
