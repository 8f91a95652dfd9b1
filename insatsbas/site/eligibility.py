"""Eligibility as static search filters, for /for-mig/ ("what applies to me now").

Pagefind can only test whether a page carries a filter value, so ages and months in Sweden are cut into
bands at build time and every entry carries one value per band it is open to. The cut points are every
limit the catalogue uses: each `min` and each `max + 1`, plus 0. Within a band no entry's answer can
change (a limit would have cut it), so "does the band holding this age carry the entry" is exactly
`min <= age <= max` for every whole number; the page gets the bands and picks the one holding the
answer. The sample has about 20 age bands instead of 121 values for ages 0-120, and the bands follow
the catalogue: a new limit is a new cut at the next build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from insatsbas.model import Intervention, Term


@dataclass(frozen=True)
class Band:
    """Whole numbers from `low` to `high` inclusive; `high` None: no upper end."""

    low: int
    high: int | None

    @property
    def value(self) -> str:
        """The Pagefind filter value: "20-64", or "65-" for the open top band."""
        return f"{self.low}-{'' if self.high is None else self.high}"

    def contains(self, number: int) -> bool:
        return self.low <= number and (self.high is None or number <= self.high)

    def as_json(self) -> dict[str, int | str | None]:
        return {"low": self.low, "high": self.high, "value": self.value}


def cut_into_bands(lows: Iterable[int | None], highs: Iterable[int | None]) -> tuple[Band, ...]:
    """Bands of 0, 1, 2 ... whose boundaries are every lower limit and every upper limit plus one."""
    cuts = sorted({0} | {low for low in lows if low is not None} | {high + 1 for high in highs if high is not None})
    return (*(Band(low, following - 1) for low, following in pairwise(cuts)), Band(cuts[-1], None))


def bands_within(bands: Iterable[Band], low: int | None, high: int | None) -> tuple[str, ...]:
    """The values of the bands inside [low, high] (None: unbounded). Every band is wholly inside or
    wholly outside when the bands were cut at these limits."""
    return tuple(band.value for band in bands
                 if (low is None or band.low >= low) and (high is None or (band.high is not None and band.high <= high)))


def band_of(bands: Iterable[Band], number: int) -> Band:
    return next(band for band in bands if band.contains(number))


@dataclass(frozen=True)
class EligibilityScales:
    """What the eligibility filters are measured against, computed once per build."""

    statuses: tuple[str, ...]
    ages: tuple[Band, ...]
    months: tuple[Band, ...]

    @classmethod
    def of(cls, statuses: Mapping[str, Term], entries: Iterable[Intervention]) -> EligibilityScales:
        rules = [entry.eligibility for entry in entries]
        return cls(
            statuses=tuple(statuses),
            ages=cut_into_bands((r.min_age for r in rules), (r.max_age for r in rules)),
            months=cut_into_bands((r.months_in_sweden.min for r in rules), (r.months_in_sweden.max for r in rules)),
        )


def status_values(entry: Intervention, scales: EligibilityScales) -> tuple[str, ...]:
    """The residence statuses that may join now: the listed ones, every one when none is listed, and none
    while the entry is paused (it takes no new participants; Datasette's applies_to_me agrees)."""
    if entry.status != "active":
        return ()
    return entry.eligibility.residence_status or scales.statuses


def age_values(entry: Intervention, scales: EligibilityScales) -> tuple[str, ...]:
    rule = entry.eligibility
    return bands_within(scales.ages, rule.min_age, rule.max_age)


def months_values(entry: Intervention, scales: EligibilityScales) -> tuple[str, ...]:
    months = entry.eligibility.months_in_sweden
    return bands_within(scales.months, months.min, months.max)
