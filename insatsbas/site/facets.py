"""The ways into the catalogue, defined once: each facet is a Pagefind filter on entry pages, a group of
checkboxes on the search page and (when it has a vocabulary) a set of browse pages.

A later facet (eligibility on /for-mig/, for example) is one more `Facet` here; the entry page, the
search page and the browse pages pick it up from this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from insatsbas.model import Catalogue, Intervention, Term

FREE = "ja"


@dataclass(frozen=True)
class Facet:
    key: str
    """The URL parameter on /sok/, the Pagefind filter name and the browse path (/kommun/<slug>/)."""
    vocabulary: str | None
    """The vocabulary whose terms are the values; None for a yes/no facet."""
    values: Callable[[Intervention], Iterable[str]]
    browse: bool = True

    def terms(self, catalogue: Catalogue) -> list[Term]:
        return list(catalogue.vocabularies[self.vocabulary].values()) if self.vocabulary else []


FACETS: tuple[Facet, ...] = (
    # Every municipality whose residents may take part, not only where it takes place.
    Facet("kommun", "municipalities", lambda i: i.open_to),
    Facet("kategori", "categories", lambda i: i.categories),
    Facet("malgrupp", "target_groups", lambda i: i.target_groups),
    Facet("sprak", "languages", lambda i: i.languages),
    Facet("avgiftsfri", None, lambda i: (FREE,) if i.cost.free else (), browse=False),
)

BROWSE_FACETS = tuple(f for f in FACETS if f.browse)


def filter_values(intervention: Intervention) -> list[tuple[str, str]]:
    """(filter, value) pairs for the entry's Pagefind filters."""
    return [(facet.key, value) for facet in FACETS for value in facet.values(intervention)]


def group_by_facet(entries: Iterable[Intervention]) -> dict[str, dict[str, list[Intervention]]]:
    """facet key -> value -> entries, in one pass over the entries (linear in their facet values)."""
    groups: dict[str, dict[str, list[Intervention]]] = {facet.key: {} for facet in FACETS}
    for entry in entries:
        for key, value in filter_values(entry):
            groups[key].setdefault(value, []).append(entry)
    return groups
