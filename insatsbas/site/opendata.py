"""Open data on the site: the SQLite database and a CSV of the published interventions under /data/."""

from __future__ import annotations

import csv
from pathlib import Path

from insatsbas.incremental import link_or_copy
from insatsbas.model import Catalogue, Intervention
from insatsbas.urls import DATA_DIR, DATABASE_NAME, intervention_path

CSV_NAME = "insatser.csv"
LIST_SEPARATOR = ";"
CSV_COLUMNS = (
    "id", "url", "status", "title", "summary", "provider", "provider_type", "municipality", "open_to",
    "categories", "target_groups", "languages", "free", "cost", "referral", "how_to_apply", "contact_role",
    "phone", "email", "contact_url", "locations", "last_reviewed", "review_due", "title_en", "title_ar",
)


def write_open_data(catalogue: Catalogue, site: Path) -> None:
    data = site / DATA_DIR
    data.mkdir(parents=True, exist_ok=True)
    database = site / DATABASE_NAME
    if database.exists():
        link_or_copy(database, data / DATABASE_NAME)
    write_csv(catalogue, data / CSV_NAME)


def write_csv(catalogue: Catalogue, path: Path) -> None:
    # UTF-8 with a byte order mark: Excel, which most readers of this file use, then shows å, ä and ö.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for entry in catalogue.published():
            writer.writerow(csv_row(catalogue, entry))


def csv_row(catalogue: Catalogue, entry: Intervention) -> dict[str, object]:
    def joined(values) -> str:
        return LIST_SEPARATOR.join(values)

    return {
        "id": entry.id, "url": intervention_path(entry.id), "status": entry.status, "title": entry.title,
        "summary": entry.summary, "provider": entry.provider.name, "provider_type": entry.provider.type,
        "municipality": entry.municipality, "open_to": joined(entry.open_to),
        "categories": joined(entry.categories), "target_groups": joined(entry.target_groups),
        "languages": joined(entry.languages),
        "free": "" if entry.cost.free is None else ("ja" if entry.cost.free else "nej"),
        "cost": entry.cost.description or "", "referral": entry.how_to_apply.referral,
        "how_to_apply": entry.how_to_apply.description, "contact_role": entry.contact.role,
        "phone": entry.contact.phone or "", "email": entry.contact.email or "", "contact_url": entry.contact.url or "",
        "locations": joined(", ".join(filter(None, (loc.name, loc.address, loc.city))) for loc in entry.locations),
        "last_reviewed": entry.last_reviewed.isoformat(), "review_due": catalogue.review_due(entry).isoformat(),
        "title_en": entry.translations["en"].title if "en" in entry.translations else "",
        "title_ar": entry.translations["ar"].title if "ar" in entry.translations else "",
    }
