"""Freshness: which published entries are past their review date, or soon will be, per owner.

An entry is due `review_months` (the owner's interval) after `last_reviewed`, the date an editor wrote
into the file when they confirmed it. The git history is never consulted: re-formatting or moving a file
must not make it look fresh. An entry is overdue from the day after its due date, as in the reader's
warning and the Datasette query `overdue_reviews`. It is "due soon" from `within` days before its due date
up to and including the due date itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from insatsbas.i18n import N_, translate
from insatsbas.model import Catalogue, Intervention, Owner


@dataclass(frozen=True)
class ReviewEntry:
    """A published entry with its review due date. `days_overdue` is negative while the date is ahead."""

    id: str
    title: str
    source: str
    status: str
    last_reviewed: date
    reviewed_by: str
    due: date
    days_overdue: int

    @property
    def days_left(self) -> int:
        return -self.days_overdue


@dataclass(frozen=True)
class OwnerStatus:
    owner: Owner
    entries: int
    overdue: tuple[ReviewEntry, ...]
    # Entries due from today up to `within` days ahead, soonest first; empty unless asked for.
    due_soon: tuple[ReviewEntry, ...] = ()

    @property
    def has_due(self) -> bool:
        return bool(self.overdue or self.due_soon)


def review_entry(catalogue: Catalogue, intervention: Intervention, today: date) -> ReviewEntry:
    due = catalogue.review_due(intervention)
    return ReviewEntry(
        id=intervention.id, title=intervention.title, source=intervention.source, status=intervention.status,
        last_reviewed=intervention.last_reviewed, reviewed_by=intervention.reviewed_by, due=due,
        days_overdue=(today - due).days,
    )


def review_status(catalogue: Catalogue, today: date, owner: str | None = None,
                  within: int | None = None) -> list[OwnerStatus]:
    """Every owner (or the one asked for) with its published entries past their due date, longest overdue
    first, and, with `within`, those falling due from today to `within` days ahead, soonest first.

    Ended entries and drafts are not shown to anyone, so they are not asked to be reviewed.
    """
    slugs = [owner] if owner else sorted(catalogue.owners, key=lambda slug: catalogue.owners[slug].name)
    horizon = today + timedelta(days=within) if within is not None else None
    statuses = []
    for slug in slugs:
        entries = [review_entry(catalogue, i, today) for i in catalogue.published() if i.owner == slug]
        overdue = sorted((e for e in entries if e.days_overdue > 0), key=lambda e: (-e.days_overdue, e.id))
        due_soon = sorted((e for e in entries if horizon and today <= e.due <= horizon), key=lambda e: (e.due, e.id))
        statuses.append(OwnerStatus(catalogue.owners[slug], len(entries), tuple(overdue), tuple(due_soon)))
    return statuses


def as_json(statuses: list[OwnerStatus], today: date, within: int | None = None) -> dict[str, Any]:
    """The status for machines; `due_soon` lists are empty unless `within` was asked for."""
    return {
        "today": today.isoformat(),
        "within": within,
        "overdue": sum(len(s.overdue) for s in statuses),
        "due_soon": sum(len(s.due_soon) for s in statuses),
        "owners": [
            {
                "owner": s.owner.slug,
                "name": s.owner.name,
                "contact": s.owner.contact,
                "editors": list(s.owner.editors),
                "review_months": s.owner.review_months,
                "published_entries": s.entries,
                "overdue": [{**entry_json(e), "days_overdue": e.days_overdue} for e in s.overdue],
                "due_soon": [{**entry_json(e), "days_left": e.days_left} for e in s.due_soon],
            }
            for s in statuses
        ],
    }


def entry_json(entry: ReviewEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "title": entry.title, "source": entry.source, "status": entry.status,
        "last_reviewed": entry.last_reviewed.isoformat(), "due": entry.due.isoformat(),
    }


def review_lines(statuses: list[OwnerStatus], day: date, lang: str = "sv", always_show: bool = False,
                 within: int | None = None) -> list[str]:
    """The status as lines of text: owners with something to review (or all, with `always_show`), each
    entry with the date it falls due, overdue ones first, then (with `within`) those due soon."""
    lines: list[str] = []
    for status in statuses:
        if not (status.has_due or always_show):
            continue
        lines.append(owner_line(status, lang, within))
        for entry in status.overdue:
            lines.append("  " + translate(N_("{source}: «{title}» granskades {reviewed}, skulle granskas senast "
                                             "{due}, {days} dagar sedan."), lang,
                                          source=entry.source, title=entry.title,
                                          reviewed=entry.last_reviewed.isoformat(), due=entry.due.isoformat(),
                                          days=entry.days_overdue))
        for entry in status.due_soon:
            message = (N_("{source}: «{title}» granskades {reviewed}, ska granskas senast {due}, i dag.")
                       if entry.days_left == 0 else
                       N_("{source}: «{title}» granskades {reviewed}, ska granskas senast {due}, om {days} dagar."))
            lines.append("  " + translate(message, lang, source=entry.source, title=entry.title,
                                          reviewed=entry.last_reviewed.isoformat(), due=entry.due.isoformat(),
                                          days=entry.days_left))
    total = sum(len(s.overdue) for s in statuses)
    owners_with = sum(bool(s.overdue) for s in statuses)
    lines.append(translate(N_("{total} insatser hos {owners} ägare har passerat granskningsdatum {today}."), lang,
                           total=total, owners=owners_with, today=day.isoformat()))
    if within is not None:
        lines.append(translate(N_("{total} insatser hos {owners} ägare ska granskas inom {within} dagar, "
                                  "till och med {until}."), lang,
                               total=sum(len(s.due_soon) for s in statuses),
                               owners=sum(bool(s.due_soon) for s in statuses), within=within,
                               until=(day + timedelta(days=within)).isoformat()))
    return lines


def owner_line(status: OwnerStatus, lang: str, within: int | None) -> str:
    owner = status.owner
    if within is None:
        return translate(N_("{name} ({contact}), granskning var {months}:e månad: {overdue} av {entries} "
                            "publicerade insatser ska granskas."), lang,
                         name=owner.name, contact=owner.contact, months=owner.review_months,
                         overdue=len(status.overdue), entries=status.entries)
    return translate(N_("{name} ({contact}), granskning var {months}:e månad: {overdue} av {entries} "
                        "publicerade insatser ska granskas nu och {soon} inom {within} dagar."), lang,
                     name=owner.name, contact=owner.contact, months=owner.review_months,
                     overdue=len(status.overdue), entries=status.entries, soon=len(status.due_soon), within=within)
