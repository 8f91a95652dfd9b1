"""The search index's partitions: one per county (län), plus one for entries open to residents of more than
one county ("riket", the national partition).

An entry belongs to the county of every municipality whose residents may take part (its `municipality`
and `service_area`; the county is the first two digits of the municipality's SCB kommunkod), or to the
national partition when they span counties. Pagefind writes one bundle per partition with entries
(`pagefind/lan-01/`, `pagefind/riket/`), and the search page loads the ones the visitor's region needs:
by default the home region, the county holding most published entries, computed here at build time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from insatsbas.model import Intervention, Municipality, Vocabularies

NATIONAL = "riket"
COUNTY_PREFIX = "lan-"
# The value of ?lan= that searches every partition.
EVERYWHERE = "alla"
BUNDLE_URL = "/pagefind/"


def county_code(municipality: Municipality) -> str:
    return municipality.code[:2]


def county_partition(code: str) -> str:
    return COUNTY_PREFIX + code


def entry_partition(entry: Intervention, municipalities: Mapping[str, Municipality]) -> str:
    counties = {county_code(municipalities[slug]) for slug in entry.open_to}
    return county_partition(counties.pop()) if len(counties) == 1 else NATIONAL


@dataclass(frozen=True)
class SearchPartitions:
    """Which partition each published entry is in, how many entries each holds, and the home region."""

    of_entry: dict[str, str]
    sizes: dict[str, int]
    municipalities: dict[str, str]
    """Municipality slug -> its county's partition (also for counties without entries)."""
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Länskod ("01") -> the county's name by language (catalogue/vocabularies/counties.yml)."""

    @classmethod
    def of(cls, entries: Iterable[Intervention], vocabularies: Vocabularies) -> SearchPartitions:
        municipalities = vocabularies.municipalities
        of_entry = {entry.id: entry_partition(entry, municipalities) for entry in entries}
        sizes = Counter(of_entry.values())
        return cls(of_entry, dict(sorted(sizes.items())),
                   {slug: county_partition(county_code(m)) for slug, m in municipalities.items()},
                   {code: county.label for code, county in vocabularies.counties.items()})

    @property
    def home(self) -> str | None:
        """The county partition with the most entries (the lowest county code on a tie); the national
        partition when no entry is limited to one county; None for an empty catalogue."""
        counties = [(-size, key) for key, size in self.sizes.items() if key != NATIONAL]
        if counties:
            return min(counties)[1]
        return NATIONAL if NATIONAL in self.sizes else None

    def label(self, partition: str, lang: str) -> str:
        if partition == NATIONAL:
            return NATIONAL
        code = partition.removeprefix(COUNTY_PREFIX)
        labels = self.labels.get(code, {})
        return labels.get(lang) or labels.get("sv") or code

    def setup(self, lang: str) -> dict:
        """What the search pages' scripts need: where the bundles are, the counties that have one (code,
        label, entries), the home county, the national partition if it has entries, and each
        municipality's county."""
        home = self.home
        return {
            "bundles": BUNDLE_URL,
            "countyPrefix": COUNTY_PREFIX,
            "home": home.removeprefix(COUNTY_PREFIX) if home and home != NATIONAL else None,
            "national": NATIONAL if NATIONAL in self.sizes else None,
            "everywhere": EVERYWHERE,
            "counties": [[key.removeprefix(COUNTY_PREFIX), self.label(key, lang), size]
                         for key, size in self.sizes.items() if key != NATIONAL],
            "municipalities": {slug: key.removeprefix(COUNTY_PREFIX) for slug, key in self.municipalities.items()},
        }

    def home_label(self, lang: str) -> str | None:
        home = self.home
        return self.label(home, lang) if home and home != NATIONAL else None
