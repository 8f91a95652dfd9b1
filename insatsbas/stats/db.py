"""Opening stats.db and writing to it (sqlite-utils for the schema, plain executemany for the rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from insatsbas.stats.schema import CLICK_COLUMNS, CLICKS, DAILY_SQL, INGESTS, SEARCH_COLUMNS, SEARCHES, TABLES


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
            for columns in table["indexes"]:
                db[name].create_index(columns)
    return db


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


INSERT_SEARCH = _insert_sql(SEARCHES, SEARCH_COLUMNS)
INSERT_CLICK = _insert_sql(CLICKS, CLICK_COLUMNS)


def insert_new(db: sqlite_utils.Database, sql: str, rows: Iterable[tuple[Any, ...]]) -> int:
    """Insert rows whose request key is not there yet; returns how many were new."""
    before = db.conn.total_changes
    db.conn.executemany(sql, rows)
    return db.conn.total_changes - before


def refresh_daily(db: sqlite_utils.Database, days: Iterable[str]) -> None:
    db.conn.executemany(DAILY_SQL, ({"day": day} for day in sorted(days)))


def record_ingest(db: sqlite_utils.Database, row: dict[str, Any]) -> None:
    db[INGESTS].insert(row)
