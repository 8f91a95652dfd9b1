"""The catalogue model: plain Python objects, fully checked by the reader before they exist.

Every projection (database, site, search indexes, exports) takes a `Catalogue` and never reads YAML.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The interface languages. A vocabulary's labels and the region's names are required in the first three (the
# database has a column for each); in the others a missing one falls back to Swedish.
UI_LANGUAGES = ("sv", "en", "ar", "prs", "so", "ti", "uk")
REQUIRED_LANGUAGES = ("sv", "en", "ar")
STATUSES = ("active", "paused", "ended", "draft")
PUBLISHED_STATUSES = ("active", "paused")
OWNER_TYPES = ("kommun", "myndighet", "region", "ideell", "privat")
REFERRALS = ("self", "caseworker", "arbetsformedlingen", "municipality")
GENDERS = ("women", "men")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class Term:
    """A word from a controlled vocabulary, with its label in every interface language."""

    slug: str
    label: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def label_in(self, language: str) -> str:
        return self.label.get(language) or self.label["sv"]


@dataclass(frozen=True)
class Municipality(Term):
    code: str = ""
    name: str = ""


@dataclass(frozen=True)
class County(Term):
    """A county (län), its slug SCB's two-digit länskod: the first two digits of its municipalities' codes."""

    @property
    def code(self) -> str:
        return self.slug


@dataclass(frozen=True)
class Vocabularies:
    municipalities: dict[str, Municipality]
    categories: dict[str, Term]
    target_groups: dict[str, Term]
    languages: dict[str, Term]
    residence_status: dict[str, Term]
    # Not a field of entries: the counties their municipalities are in (search partitions, addresses).
    counties: dict[str, County] = field(default_factory=dict)

    # The vocabularies entries choose their terms from.
    NAMES = ("municipalities", "categories", "target_groups", "languages", "residence_status")

    def __getitem__(self, name: str) -> dict[str, Term]:
        return getattr(self, name)

    def county_of(self, municipality: str) -> County:
        return self.counties[self.municipalities[municipality].code[:2]]


@dataclass(frozen=True)
class Region:
    """catalogue/region.yml: the region the catalogue covers, as the site, the open data and the reminders
    name it, in every interface language."""

    name: dict[str, str]
    """"Skåne": the site is "Insatsbas Skåne"."""
    in_region: dict[str, str]
    """The name after "insatser för nyanlända ...": Swedish says "i Skåne" but "på Gotland"."""
    site_url: str | None = None
    """The public site's address, for links in reminders, when it is known."""

    def name_in(self, language: str) -> str:
        return self.name.get(language) or self.name["sv"]

    def in_region_in(self, language: str) -> str:
        return self.in_region.get(language) or self.in_region["sv"]


@dataclass(frozen=True)
class Coordinator:
    handle: str
    role: str
    email: str


@dataclass(frozen=True)
class Owner:
    slug: str
    name: str
    type: str
    contact: str
    editors: tuple[str, ...]
    municipality: str | None = None
    review_months: int = DEFAULT_REVIEW_MONTHS


@dataclass(frozen=True)
class Provider:
    name: str
    type: str
    url: str | None = None


@dataclass(frozen=True)
class HowToApply:
    referral: str
    description: str


@dataclass(frozen=True)
class Contact:
    role: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class MonthsInSweden:
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class Eligibility:
    residence_status: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    gender: str | None = None
    months_in_sweden: MonthsInSweden = MonthsInSweden()
    description: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    accessibility: str | None = None


@dataclass(frozen=True)
class OpeningHours:
    days: tuple[str, ...]
    opens: str
    closes: str


@dataclass(frozen=True)
class Schedule:
    description: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    hours: tuple[OpeningHours, ...] = ()


@dataclass(frozen=True)
class Cost:
    free: bool | None = None
    description: str | None = None
    price_other_municipality: str | None = None


@dataclass(frozen=True)
class Translation:
    """An entry's text in another language: title, summary and description, and optionally the rest a reader
    needs. What is left out is shown in Swedish (None: not translated)."""

    title: str
    summary: str
    description: str
    how_to_apply: str | None = None
    required_documents: tuple[str, ...] | None = None
    eligibility: str | None = None
    schedule: str | None = None
    cost: str | None = None
    accessibility: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Intervention:
    owner: str
    slug: str
    source: str
    title: str
    summary: str
    description: str
    status: str
    provider: Provider
    municipality: str
    categories: tuple[str, ...]
    target_groups: tuple[str, ...]
    languages: tuple[str, ...]
    how_to_apply: HowToApply
    contact: Contact
    last_reviewed: date
    reviewed_by: str
    service_area: tuple[str, ...] = ()
    eligibility: Eligibility = Eligibility()
    locations: tuple[Location, ...] = ()
    schedule: Schedule | None = None
    cost: Cost = Cost()
    capacity: int | None = None
    required_documents: tuple[str, ...] = ()
    funding: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    translations: dict[str, Translation] = field(default_factory=dict)
    # The service's id in the HSDS file it was imported from; exported as the service's id again.
    hsds_id: str | None = None
    # Fields an import filled in with a default value that no editor has confirmed (only in drafts).
    unconfirmed: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.owner}/{self.slug}"

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES

    @property
    def open_to(self) -> tuple[str, ...]:
        """Municipalities whose residents may take part: the home municipality and the service area."""
        return tuple(dict.fromkeys((self.municipality, *self.service_area)))


@dataclass(frozen=True)
class Synonyms:
    """catalogue/synonyms.yml: groups of words that mean the same, and known misspellings.

    Words are normalised (NFC, lower case, single spaces). `misspellings` maps a wrong spelling to the
    word people meant.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    misspellings: dict[str, str] = field(default_factory=dict)

    def group_of(self, phrase: str) -> tuple[str, ...] | None:
        for group in self.groups:
            if phrase in group:
                return group
        return None


@dataclass(frozen=True)
class NewcomerFigure:
    municipality: str
    year: int
    adults: int


@dataclass(frozen=True)
class Newcomers:
    """catalogue/newcomers.yml: newly arrived adults received per municipality and year."""

    example: bool = False
    source: str = ""
    figures: tuple[NewcomerFigure, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    vocabularies: Vocabularies
    owners: dict[str, Owner]
    coordinators: tuple[Coordinator, ...]
    interventions: tuple[Intervention, ...]
    region: Region
    synonyms: Synonyms = Synonyms()
    newcomers: Newcomers = Newcomers()
    # The date the catalogue was checked against; projections compute "past review" from it.
    as_of: date | None = None

    def published(self) -> Iterator[Intervention]:
        return (i for i in self.interventions if i.is_published)

    def review_due(self, intervention: Intervention) -> date:
        return add_months(intervention.last_reviewed, self.owners[intervention.owner].review_months)

    def review_overdue(self, intervention: Intervention) -> bool:
        return self.review_due(intervention) < (self.as_of or date.today())


def add_months(start: date, months: int) -> date:
    """`start` plus whole months, clamped to the last day of a shorter month (31 Jan + 1 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
