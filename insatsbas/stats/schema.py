"""The tables of stats.db. Nothing in them identifies a person: see the README's privacy section.

(minute, request_key) makes ingesting idempotent. The key is 63 bits: 47 bits of a hash of the row's
own stored values (nothing hidden) and 16 bits of a hash of the log line without its client address
(so nothing in stats.db depends on an IP address at all). 16 bits cannot be reversed to the user agent,
second and referrer they summarise, while two different requests only share a key when they have the
same minute, query, language, filters and result count and also collide in those 16 bits (1 in 65,536).
The minute leads the primary key, so inserts from a log, which runs forward in time, append.

Each row names the ingest that added it (`ingest`, the id in `ingests`), so `stats forget` can take back
exactly what one ingest added. `ingests.fingerprint` is a hash of the log's first line without its client
address, which tells the same file read again (under another name, or another `--server`).
"""

from __future__ import annotations

from typing import Any

SEARCHES = "searches"
CLICKS = "clicks"
PROFILES = "profiles"
HANDOUTS = "handouts"
DAILY = "daily"
INGESTS = "ingests"

TABLES: dict[str, dict[str, Any]] = {
    SEARCHES: {
        "columns": {
            "minute": str, "request_key": int, "query": str, "personal_data_removed": int, "corrected": str,
            "language": str, "filters": str, "results": int, "ingest": int,
        },
        "pk": ("minute", "request_key"),
        "not_null": {"minute", "request_key", "query", "personal_data_removed", "filters"},
        "indexes": [["query"], ["ingest"]],
    },
    CLICKS: {
        "columns": {
            "minute": str, "request_key": int, "query": str, "personal_data_removed": int, "entry_id": str,
            "position": int, "ingest": int,
        },
        "pk": ("minute", "request_key"),
        "not_null": {"minute", "request_key", "query", "personal_data_removed", "entry_id"},
        "indexes": [["query"], ["entry_id"], ["ingest"]],
    },
    # A /for-mig/ profile shown: its municipality and residence status, never the age or the months in Sweden.
    PROFILES: {
        "columns": {"minute": str, "request_key": int, "municipality": str, "status": str, "language": str,
                    "ingest": int},
        "pk": ("minute", "request_key"),
        "not_null": {"minute", "request_key", "municipality", "status"},
        "indexes": [["municipality"], ["ingest"]],
    },
    # A handout printed or its link copied ("utskrift", "delning"): how many entries it held.
    HANDOUTS: {
        "columns": {"minute": str, "request_key": int, "entries": int, "use": str, "language": str, "ingest": int},
        "pk": ("minute", "request_key"),
        "not_null": {"minute", "request_key", "entries", "use"},
        "indexes": [["ingest"]],
    },
    DAILY: {
        "columns": {
            "day": str, "searches": int, "searches_without_results": int, "searches_with_personal_data": int,
            "corrected_searches": int, "clicks": int,
        },
        "pk": "day",
        "not_null": {"searches", "searches_without_results", "searches_with_personal_data", "corrected_searches",
                     "clicks"},
        "indexes": [],
    },
    INGESTS: {
        "columns": {
            "id": int, "finished": str, "source": str, "server": str, "fingerprint": str, "lines": int,
            "unparsable": int, "bots": int, "other_requests": int, "invalid_beacons": int, "rate_limited": int,
            "new_searches": int, "new_clicks": int, "new_profiles": int, "new_handouts": int,
            "already_counted": int,
        },
        "pk": "id",
        "not_null": set(),
        "indexes": [],
    },
}

SEARCH_COLUMNS = tuple(TABLES[SEARCHES]["columns"])
CLICK_COLUMNS = tuple(TABLES[CLICKS]["columns"])
PROFILE_COLUMNS = tuple(TABLES[PROFILES]["columns"])
HANDOUT_COLUMNS = tuple(TABLES[HANDOUTS]["columns"])
ROW_TABLES = (SEARCHES, CLICKS, PROFILES, HANDOUTS)  # the tables whose rows an ingest adds

# Recomputed from the rows for every day an ingest touched.
DAILY_SQL = """
INSERT OR REPLACE INTO daily (day, searches, searches_without_results, searches_with_personal_data,
                              corrected_searches, clicks)
SELECT d.day,
       (SELECT count(*) FROM searches WHERE minute >= d.day AND minute < d.next_day),
       (SELECT count(*) FROM searches WHERE minute >= d.day AND minute < d.next_day AND results = 0),
       (SELECT count(*) FROM searches WHERE minute >= d.day AND minute < d.next_day AND personal_data_removed),
       (SELECT count(*) FROM searches WHERE minute >= d.day AND minute < d.next_day AND corrected IS NOT NULL),
       (SELECT count(*) FROM clicks WHERE minute >= d.day AND minute < d.next_day)
FROM (SELECT :day AS day, date(:day, '+1 day') AS next_day) AS d
"""
