"""The report's numbers, read from stats.db. Queries are only shown when enough searches share them.

The key figure is the one the region set in 2010, "i snitt 1 sökning per nyanländ vuxen": uses of the
catalogue (searches and /for-mig/ profiles) per newly arrived adult the region's municipalities received,
per year, for the whole region. Per municipality it counts only what can be attributed (a search with
exactly one municipality in its filter, a profile's municipality) and shows the unattributed share beside
it. A year without data is "no data", never 0; a year with data for only some months says which; a
figure built on fewer than UNCERTAIN_BELOW uses is marked uncertain.
"""

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
# Below this many uses a per-person figure swings with a handful of visits (Nykvarn: 20 adults): uncertain.
UNCERTAIN_BELOW = 30


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
    """Uses per newly arrived adult in a year: for the region (municipality "") or one municipality.

    `uses` is None when there are no data for the year; `months` are the months (1-12) with data.
    """

    municipality: str
    year: int
    searches: int | None
    profiles: int | None
    adults: int
    months: tuple[int, ...] = ()
    unattributed: int = 0  # the region's uses that name no single municipality (region rows only)

    @property
    def uses(self) -> int | None:
        return None if self.searches is None else self.searches + (self.profiles or 0)

    @property
    def per_adult(self) -> float | None:
        return None if self.uses is None or not self.adults else self.uses / self.adults

    @property
    def partial(self) -> bool:
        return bool(self.months) and len(self.months) < 12

    @property
    def uncertain(self) -> bool:
        return self.uses is not None and self.uses < UNCERTAIN_BELOW


@dataclass(frozen=True)
class UseMonth:
    month: str  # YYYY-MM
    profiles: int
    printed: int
    shared: int


@dataclass
class Figures:
    min_count: int
    months: list[Month] = field(default_factory=list)
    municipalities: dict[str, int] = field(default_factory=dict)  # "" = no municipality chosen
    languages: dict[str, int] = field(default_factory=dict)  # "" = unknown
    zero_result_queries: list[QueryCount] = field(default_factory=list)
    click_through: list[QueryCount] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)  # per municipality, attributed uses only
    region_kpis: list[Kpi] = field(default_factory=list)
    use_months: list[UseMonth] = field(default_factory=list)
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
    figures.region_kpis, figures.kpis = kpis(db, newcomers)
    figures.use_months = [UseMonth(*row) for row in db.execute(
        """SELECT month, sum(profiles), sum(printed), sum(shared) FROM (
             SELECT substr(minute, 1, 7) AS month, 1 AS profiles, 0 AS printed, 0 AS shared FROM profiles
             UNION ALL
             SELECT substr(minute, 1, 7), 0, use = 'utskrift', use = 'delning' FROM handouts)
           GROUP BY month ORDER BY month""")]
    return figures


def _by_year(db: sqlite_utils.Database, sql: str) -> dict[tuple[str, int], int]:
    return {(municipality, year): n for municipality, year, n in db.execute(sql)}


def kpis(db: sqlite_utils.Database, newcomers: Newcomers) -> tuple[list[Kpi], list[Kpi]]:
    """The key figure for the region by year, and per municipality by year (attributed uses only)."""
    single = f"json_array_length(filters, '$.{MUNICIPALITY}') = 1"
    searches = _by_year(db, f"""SELECT CASE WHEN {single} THEN json_extract(filters, '$.{MUNICIPALITY}[0]')
                                          ELSE '' END, CAST(substr(minute, 1, 4) AS INTEGER), count(*)
                                FROM searches GROUP BY 1, 2""")
    profiles = _by_year(db, "SELECT municipality, CAST(substr(minute, 1, 4) AS INTEGER), count(*) "
                            "FROM profiles GROUP BY 1, 2")
    months: dict[int, set[int]] = defaultdict(set)
    for year, month in db.execute(
            "SELECT DISTINCT CAST(substr(minute, 1, 4) AS INTEGER), CAST(substr(minute, 6, 2) AS INTEGER) "
            "FROM (SELECT minute FROM searches UNION ALL SELECT minute FROM profiles)"):
        months[year].add(month)
    adults: dict[int, int] = defaultdict(int)
    for figure in newcomers.figures:
        adults[figure.year] += figure.adults
    region = []
    for year in sorted(set(adults) | set(months)):
        has_data = year in months
        year_searches = sum(n for (_, y), n in searches.items() if y == year)
        year_profiles = sum(n for (_, y), n in profiles.items() if y == year)
        region.append(Kpi(NO_MUNICIPALITY, year, year_searches if has_data else None,
                          year_profiles if has_data else None, adults.get(year, 0),
                          tuple(sorted(months.get(year, ()))), searches.get((NO_MUNICIPALITY, year), 0)))
    per_municipality = [
        Kpi(f.municipality, f.year, searches.get((f.municipality, f.year), 0) if f.year in months else None,
            profiles.get((f.municipality, f.year), 0) if f.year in months else None, f.adults,
            tuple(sorted(months.get(f.year, ()))))
        for f in sorted(newcomers.figures, key=lambda f: (f.year, f.municipality))]
    return region, per_municipality
