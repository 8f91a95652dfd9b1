"""Opening stats.db and writing to it (sqlite-utils for the schema, plain executemany for the rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from insatsbas.stats.schema import (
    CLICK_COLUMNS,
    CLICKS,
    DAILY,
    DAILY_SQL,
    HANDOUT_COLUMNS,
    HANDOUTS,
    INGESTS,
    PROFILE_COLUMNS,
    PROFILES,
    ROW_TABLES,
    SEARCH_COLUMNS,
    SEARCHES,
    TABLES,
)


def open_stats_db(path: Path) -> sqlite_utils.Database:
    """stats.db with every table in place; created when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = NORMAL")
    # A log's rows go into the query index in random order; with SQLite's default 2 MB page cache a
    # year of searches thrashes it. 64 MB keeps the indexes of several million rows in memory.
    db.conn.execute("PRAGMA cache_size = -65536")
    for name, table in TABLES.items():
        if not db[name].exists():
            db[name].create(table["columns"], pk=table["pk"], not_null=table["not_null"])
        else:  # a stats.db from an earlier version: the columns added since
            for column, kind in table["columns"].items():
                if column not in db[name].columns_dict:
                    db[name].add_column(column, kind)
        for columns in table["indexes"]:
            db[name].create_index(columns, if_not_exists=True)
    return db


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


INSERT_SEARCH = _insert_sql(SEARCHES, SEARCH_COLUMNS)
INSERT_CLICK = _insert_sql(CLICKS, CLICK_COLUMNS)
INSERT_PROFILE = _insert_sql(PROFILES, PROFILE_COLUMNS)
INSERT_HANDOUT = _insert_sql(HANDOUTS, HANDOUT_COLUMNS)


def insert_new(db: sqlite_utils.Database, sql: str, rows: Iterable[tuple[Any, ...]]) -> int:
    """Insert rows whose request key is not there yet; returns how many were new."""
    before = db.conn.total_changes
    db.conn.executemany(sql, rows)
    return db.conn.total_changes - before


def refresh_daily(db: sqlite_utils.Database, days: Iterable[str]) -> None:
    db.conn.executemany(DAILY_SQL, ({"day": day} for day in sorted(days)))


def start_ingest(db: sqlite_utils.Database, source: str, server: str, fingerprint: str) -> int:
    """A row in `ingests` for an ingest about to add rows; returns its id, which the rows carry."""
    return db[INGESTS].insert({"source": source, "server": server, "fingerprint": fingerprint}).last_pk


def finish_ingest(db: sqlite_utils.Database, ingest_id: int, row: dict[str, Any]) -> None:
    db[INGESTS].update(ingest_id, row)


def earlier_ingests(db: sqlite_utils.Database, fingerprint: str) -> list[dict[str, Any]]:
    """The ingests of a log with this fingerprint, oldest first."""
    return list(db[INGESTS].rows_where("fingerprint = ?", [fingerprint], order_by="id"))


def forget_ingests(db: sqlite_utils.Database, ids: list[int]) -> dict[str, int]:
    """Delete the rows these ingests added, and the ingests; returns how many rows each table lost."""
    marks = ", ".join("?" * len(ids))
    days = [day for (day,) in db.execute(
        f"SELECT DISTINCT substr(minute, 1, 10) FROM {SEARCHES} WHERE ingest IN ({marks}) "
        f"UNION SELECT DISTINCT substr(minute, 1, 10) FROM {CLICKS} WHERE ingest IN ({marks})", [*ids, *ids])]
    deleted = {table: db.execute(f"DELETE FROM {table} WHERE ingest IN ({marks})", ids).rowcount
               for table in ROW_TABLES}
    db.execute(f"DELETE FROM {INGESTS} WHERE id IN ({marks})", ids)
    refresh_daily(db, days)
    db.execute(f"DELETE FROM {DAILY} WHERE searches = 0 AND clicks = 0")
    return deleted
