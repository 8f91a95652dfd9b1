"""The ways into the catalogue, defined once: each facet is a Pagefind filter on entry pages, a group of
checkboxes on the search page (unless `search_page` is off) and, when it has a vocabulary and `browse`
is on, a set of browse pages.

The eligibility facets (residence status, age band, band of months in Sweden) serve /for-mig/: they are
filters on the entry pages but neither checkboxes on /sok/ nor browse pages. Their values depend on the
whole catalogue (the bands), so every facet's values are computed with the build's `EligibilityScales`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from insatsbas import urls
from insatsbas.model import Catalogue, Intervention, Term
from insatsbas.site.eligibility import EligibilityScales, age_values, months_values, status_values


@dataclass(frozen=True)
class Facet:
    key: str
    """The URL parameter on /sok/, the Pagefind filter name and the browse path (/kommun/<slug>/)."""
    vocabulary: str | None
    """The vocabulary whose terms are the values; None for a yes/no facet or bands."""
    values: Callable[[Intervention, EligibilityScales], Iterable[str]]
    browse: bool = True
    search_page: bool = True
    """A group of checkboxes on /sok/."""

    def terms(self, catalogue: Catalogue) -> list[Term]:
        return list(catalogue.vocabularies[self.vocabulary].values()) if self.vocabulary else []


FACETS: tuple[Facet, ...] = (
    # Every municipality whose residents may take part, not only where it takes place.
    Facet(urls.MUNICIPALITY, "municipalities", lambda i, _: i.open_to),
    Facet(urls.CATEGORY, "categories", lambda i, _: i.categories),
    Facet(urls.TARGET_GROUP, "target_groups", lambda i, _: i.target_groups),
    Facet(urls.LANGUAGE, "languages", lambda i, _: i.languages),
    Facet(urls.FREE, None, lambda i, _: (urls.FREE_VALUE,) if i.cost.free else (), browse=False),
    # /for-mig/ only.
    Facet(urls.RESIDENCE_STATUS, "residence_status", status_values, browse=False, search_page=False),
    Facet(urls.AGE, None, age_values, browse=False, search_page=False),
    Facet(urls.MONTHS, None, months_values, browse=False, search_page=False),
)

BROWSE_FACETS = tuple(f for f in FACETS if f.browse)
SEARCH_FACETS = tuple(f for f in FACETS if f.search_page)


def filter_values(intervention: Intervention, scales: EligibilityScales) -> list[tuple[str, str]]:
    """(filter, value) pairs for the entry's Pagefind filters."""
    return [(facet.key, value) for facet in FACETS for value in facet.values(intervention, scales)]


def group_by_facet(entries: Iterable[Intervention], scales: EligibilityScales) -> dict[str, dict[str, list[Intervention]]]:
    """facet key -> value -> entries, in one pass over the entries (linear in their facet values)."""
    groups: dict[str, dict[str, list[Intervention]]] = {facet.key: {} for facet in FACETS}
    for entry in entries:
        for key, value in filter_values(entry, scales):
            groups[key].setdefault(value, []).append(entry)
    return groups
