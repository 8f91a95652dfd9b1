"""Freshness: which published entries are past their review date, per owner.

An entry is due `review_months` (the owner's interval) after `last_reviewed`, the date an editor wrote
into the file when they confirmed it. The git history is never consulted: re-formatting or moving a file
must not make it look fresh. An entry is overdue from the day after its due date, as in the reader's
warning and the Datasette query `overdue_reviews`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from insatsbas.i18n import N_, translate
from insatsbas.model import Catalogue, Intervention, Owner


@dataclass(frozen=True)
class OverdueEntry:
    id: str
    title: str
    source: str
    status: str
    last_reviewed: date
    due: date
    days_overdue: int


@dataclass(frozen=True)
class OwnerStatus:
    owner: Owner
    entries: int
    overdue: tuple[OverdueEntry, ...]


def overdue_entry(catalogue: Catalogue, intervention: Intervention, today: date) -> OverdueEntry | None:
    due = catalogue.review_due(intervention)
    if due >= today:
        return None
    return OverdueEntry(
        id=intervention.id, title=intervention.title, source=intervention.source, status=intervention.status,
        last_reviewed=intervention.last_reviewed, due=due, days_overdue=(today - due).days,
    )


def review_status(catalogue: Catalogue, today: date, owner: str | None = None) -> list[OwnerStatus]:
    """Every owner (or the one asked for) with its published entries past their due date, longest overdue first.

    Ended entries and drafts are not shown to anyone, so they are not asked to be reviewed.
    """
    slugs = [owner] if owner else sorted(catalogue.owners, key=lambda slug: catalogue.owners[slug].name)
    statuses = []
    for slug in slugs:
        entries = [i for i in catalogue.published() if i.owner == slug]
        overdue = [found for i in entries if (found := overdue_entry(catalogue, i, today))]
        overdue.sort(key=lambda entry: (-entry.days_overdue, entry.id))
        statuses.append(OwnerStatus(catalogue.owners[slug], len(entries), tuple(overdue)))
    return statuses


def as_json(statuses: list[OwnerStatus], today: date) -> dict[str, Any]:
    return {
        "today": today.isoformat(),
        "overdue": sum(len(s.overdue) for s in statuses),
        "owners": [
            {
                "owner": s.owner.slug,
                "name": s.owner.name,
                "contact": s.owner.contact,
                "editors": list(s.owner.editors),
                "review_months": s.owner.review_months,
                "published_entries": s.entries,
                "overdue": [
                    {
                        "id": e.id, "title": e.title, "source": e.source, "status": e.status,
                        "last_reviewed": e.last_reviewed.isoformat(), "due": e.due.isoformat(),
                        "days_overdue": e.days_overdue,
                    }
                    for e in s.overdue
                ],
            }
            for s in statuses
        ],
    }


def review_lines(statuses: list[OwnerStatus], day: date, lang: str = "sv", always_show: bool = False) -> list[str]:
    """The status as lines of text: owners with something to review (or all, with `always_show`)."""
    lines: list[str] = []
    for status in statuses:
        if not status.overdue and not always_show:
            continue
        owner = status.owner
        lines.append(translate(N_("{name} ({contact}), granskning var {months}:e månad: {overdue} av {entries} "
                                  "publicerade insatser ska granskas."), lang,
                               name=owner.name, contact=owner.contact, months=owner.review_months,
                               overdue=len(status.overdue), entries=status.entries))
        for entry in status.overdue:
            lines.append("  " + translate(N_("{source}: «{title}» granskades {reviewed}, skulle granskas senast "
                                             "{due}, {days} dagar sedan."), lang,
                                          source=entry.source, title=entry.title,
                                          reviewed=entry.last_reviewed.isoformat(), due=entry.due.isoformat(),
                                          days=entry.days_overdue))
    total = sum(len(s.overdue) for s in statuses)
    owners_with = sum(bool(s.overdue) for s in statuses)
    lines.append(translate(N_("{total} insatser hos {owners} ägare har passerat granskningsdatum {today}."), lang,
                           total=total, owners=owners_with, today=day.isoformat()))
    return lines
