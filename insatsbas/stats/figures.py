"""The report's numbers, read from stats.db. Queries are only shown when enough searches share them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils

from insatsbas.model import Newcomers
from insatsbas.stats.redact import REDACTED
from insatsbas.urls import MUNICIPALITY

DEFAULT_MIN_COUNT = 5
TOP_QUERIES = 20
NO_MUNICIPALITY = ""


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM
    searches: int
    without_results: int
    clicks: int


@dataclass(frozen=True)
class QueryCount:
    query: str
    searches: int
    clicks: int = 0


@dataclass(frozen=True)
class Kpi:
    municipality: str
    year: int
    searches: int
    adults: int

    @property
    def per_adult(self) -> float:
        return self.searches / self.adults


@dataclass
class Figures:
    min_count: int
    months: list[Month] = field(default_factory=list)
    municipalities: dict[str, int] = field(default_factory=dict)  # "" = no municipality chosen
    languages: dict[str, int] = field(default_factory=dict)  # "" = unknown
    zero_result_queries: list[QueryCount] = field(default_factory=list)
    click_through: list[QueryCount] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    searches_with_personal_data: int = 0

    @property
    def searches(self) -> int:
        return sum(m.searches for m in self.months)

    @property
    def without_results(self) -> int:
        return sum(m.without_results for m in self.months)

    @property
    def clicks(self) -> int:
        return sum(m.clicks for m in self.months)


def read_figures(db: sqlite_utils.Database, newcomers: Newcomers, min_count: int = DEFAULT_MIN_COUNT) -> Figures:
    figures = Figures(min_count)
    clicks_by_month = dict(db.execute(
        "SELECT substr(minute, 1, 7), count(*) FROM clicks GROUP BY 1").fetchall())
    figures.months = [
        Month(month, searches, zero, clicks_by_month.get(month, 0))
        for month, searches, zero in db.execute(
            "SELECT substr(minute, 1, 7) AS month, count(*), sum(results = 0) FROM searches GROUP BY month ORDER BY month")
    ]
    figures.municipalities = dict(db.execute(
        f"""SELECT coalesce(kommun.value, '') AS municipality, count(*) AS n
           FROM searches LEFT JOIN json_each(searches.filters, '$.{MUNICIPALITY}') AS kommun
           GROUP BY municipality ORDER BY n DESC, municipality""").fetchall())
    figures.languages = dict(db.execute(
        "SELECT coalesce(language, '') AS language, count(*) AS n FROM searches GROUP BY 1 ORDER BY n DESC, 1").fetchall())
    figures.zero_result_queries = [
        QueryCount(query, searches) for query, searches in db.execute(
            """SELECT query, count(*) AS n FROM searches WHERE results = 0 AND query != ''
               GROUP BY query HAVING n >= ? ORDER BY n DESC, query LIMIT ?""", [min_count, TOP_QUERIES])
    ]
    figures.click_through = [
        QueryCount(query, searches, clicks) for query, searches, clicks in db.execute(
            """SELECT s.query, s.n, coalesce(c.n, 0) FROM
                 (SELECT query, count(*) AS n FROM searches WHERE query NOT IN ('', ?) GROUP BY query HAVING n >= ?) AS s
                 LEFT JOIN (SELECT query, count(*) AS n FROM clicks GROUP BY query) AS c ON c.query = s.query
               ORDER BY s.n DESC, s.query LIMIT ?""", [REDACTED, min_count, TOP_QUERIES])
    ]
    figures.searches_with_personal_data = db.execute(
        "SELECT count(*) FROM searches WHERE personal_data_removed").fetchone()[0]
    figures.kpis = kpis(db, newcomers)
    return figures


def kpis(db: sqlite_utils.Database, newcomers: Newcomers) -> list[Kpi]:
    """Searches filtered to a municipality in a year, per newly arrived adult it received that year."""
    counted: dict[tuple[str, int], int] = defaultdict(int)
    for municipality, year, n in db.execute(
        f"""SELECT kommun.value, CAST(substr(minute, 1, 4) AS INTEGER), count(*)
           FROM searches JOIN json_each(searches.filters, '$.{MUNICIPALITY}') AS kommun GROUP BY 1, 2"""):
        counted[(municipality, year)] = n
    return [Kpi(f.municipality, f.year, counted[(f.municipality, f.year)], f.adults)
            for f in sorted(newcomers.figures, key=lambda f: (f.year, f.municipality))]
