"""The SQLite projection of the catalogue, for analysts in Datasette and as open data.

Normalised tables with foreign keys: vocabularies, owners, organisations (providers), interventions and
what hangs off them (contacts, locations, opening hours, translations), and many-to-many tables for
categories, target groups, languages, residence status and the municipalities whose residents may take
part. An FTS5 index over title, summary, description and keywords, and their Swedish stems, keeps å, ä
and ö apart.

The database is public (the site offers it under /data/), so it holds what every other public output holds:
the published entries (`Catalogue.published()`), never a draft or an ended entry, and no editor's or
coordinator's git handle.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from insatsbas.analysis import stem_sv
from insatsbas.incremental import EntryChanges, EntryProjection
from insatsbas.markup import render_markdown
from insatsbas.model import Catalogue, Intervention, Term
from insatsbas.progress import QUIET, Progress
from insatsbas.sources.text import slugify
from insatsbas.urls import DATABASE_NAME, intervention_path

FTS_COLUMNS = ["title", "summary", "description", "keywords"]
FTS_TOKENIZER = "unicode61 remove_diacritics 0"
# The words of FTS_COLUMNS stemmed with Swedish Snowball (`stem_sv`): a column indexed beside the text, so that
# "svensk" finds "svenska" (Datasette's `stem_sv()` from the project's plugin stems a query the same way).
STEMS_COLUMN = "stems"

LINK_TABLES = {
    # table: (model attribute, column, vocabulary table, vocabulary key)
    "intervention_categories": ("categories", "category", "categories", "slug"),
    "intervention_target_groups": ("target_groups", "target_group", "target_groups", "slug"),
    "intervention_languages": ("languages", "language", "languages", "slug"),
    "intervention_residence_statuses": ("residence_statuses", "residence_status", "residence_statuses", "slug"),
    "intervention_service_area": ("open_to", "municipality", "municipalities", "slug"),
}


# Full-text indexes: the table and its indexed columns.
FTS_TABLES = {"interventions": [*FTS_COLUMNS, STEMS_COLUMN], "translations": ["title", "summary", "description"]}
# Tables holding one entry's rows, keyed by `id` (interventions) or `intervention_id` (the others).
ENTRY_TABLES = ("interventions", "contacts", "locations", "opening_hours", "translations", *LINK_TABLES)
# An updated database is vacuumed when more than this share of its pages is free.
VACUUM_FREE_SHARE = 0.25


def write_database(catalogue: Catalogue, path: Path, progress: Progress = QUIET) -> None:
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode = OFF")
    with db.conn:
        write_vocabularies(db, catalogue)
        write_owners(db, catalogue)
        write_organisations(db, catalogue)
        write_interventions(db, catalogue, progress)
    for table, columns in FTS_TABLES.items():
        db[table].enable_fts(columns, tokenize=FTS_TOKENIZER)
    db.index_foreign_keys()
    db.vacuum()
    db.close()


def update_database(catalogue: Catalogue, previous: Path, path: Path, touched: frozenset[str],
                    progress: Progress = QUIET) -> None:
    """A copy of the `previous` database with the rows of the `touched` entries (changed, added or removed)
    deleted and the published ones among them inserted again, in every table that holds an entry's rows; the
    organisations (a provider's row depends on all its entries) written again; the full-text indexes told
    of each row deleted and inserted. The same rows as a full build's, not the same bytes: a deleted row
    leaves free space and an inserted one a new rowid (docs/developers/incremental.md)."""
    shutil.copyfile(previous, path)
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode = OFF")
    ids = sorted(touched)
    entries = [entry for entry in catalogue.published() if entry.id in touched]
    with db.conn:
        db.conn.execute("CREATE TEMP TABLE touched (id TEXT PRIMARY KEY)")
        db.conn.executemany("INSERT INTO temp.touched VALUES (?)", [(i,) for i in ids])
        for table, columns in FTS_TABLES.items():
            forget_in_fts(db, table, columns)
        for table in ENTRY_TABLES:
            db.conn.execute(f"DELETE FROM [{table}] WHERE {_touched(table)}")
        db.conn.execute("DELETE FROM organisations")
        write_organisations(db, catalogue)
        for table, rows in intervention_tables(catalogue, entries).items():
            db[table].insert_all(rows)
        for table, columns in FTS_TABLES.items():
            index_in_fts(db, table, columns)
        db.conn.execute("DROP TABLE temp.touched")
    free, pages = (db.conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
    if free > pages * VACUUM_FREE_SHARE:
        db.vacuum()
    db.close()


def _touched(table: str) -> str:
    """The condition on `table`'s rows that belong to a touched entry."""
    key = "id" if table == "interventions" else "intervention_id"
    return f"[{key}] IN (SELECT id FROM temp.touched)"


def _touched_rows(table: str) -> str:
    return f"SELECT rowid, * FROM [{table}] WHERE {_touched(table)}"


def forget_in_fts(db: sqlite_utils.Database, table: str, columns: list[str]) -> None:
    """Remove the touched entries' rows from the external-content FTS5 index, before the rows themselves
    (FTS5's 'delete' command needs the values that were indexed)."""
    names = ", ".join(f"[{c}]" for c in columns)
    db.conn.execute(f"INSERT INTO [{table}_fts] ([{table}_fts], rowid, {names}) "
                    f"SELECT 'delete', rowid, {names} FROM ({_touched_rows(table)})")


def index_in_fts(db: sqlite_utils.Database, table: str, columns: list[str]) -> None:
    names = ", ".join(f"[{c}]" for c in columns)
    db.conn.execute(f"INSERT INTO [{table}_fts] (rowid, {names}) SELECT rowid, {names} FROM ({_touched_rows(table)})")


def term_rows(terms: Iterable[Term], *extra_fields: str) -> Iterator[dict[str, Any]]:
    for term in terms:
        row: dict[str, Any] = {"slug": term.slug}
        for field in extra_fields:
            row[field] = getattr(term, field, None) or term.extra.get(field)
        row.update({f"label_{lang}": term.label[lang] for lang in ("sv", "en", "ar")})
        for lang in ("sv", "en", "ar"):
            if term.description:
                row[f"description_{lang}"] = term.description.get(lang)
        yield row


def write_vocabularies(db: sqlite_utils.Database, catalogue: Catalogue) -> None:
    vocabularies = catalogue.vocabularies
    db["municipalities"].insert_all(term_rows(vocabularies.municipalities.values(), "name", "code"), pk="slug",
                                    columns={"code": str})
    db["categories"].insert_all(term_rows(vocabularies.categories.values()), pk="slug")
    db["target_groups"].insert_all(term_rows(vocabularies.target_groups.values()), pk="slug")
    db["languages"].insert_all(term_rows(vocabularies.languages.values(), "native"), pk="slug")
    db["residence_statuses"].insert_all(term_rows(vocabularies.residence_status.values()), pk="slug")


def write_owners(db: sqlite_utils.Database, catalogue: Catalogue) -> None:
    db["owners"].insert_all(
        (
            {"slug": o.slug, "name": o.name, "type": o.type, "municipality": o.municipality,
             "contact": o.contact, "review_months": o.review_months}
            for o in catalogue.owners.values()
        ),
        pk="slug", columns={"municipality": str}, foreign_keys=[("municipality", "municipalities", "slug")],
    )
    # Editors' and coordinators' git handles identify people: they are not written to the public database.


def organisation_id(intervention: Intervention) -> str:
    return slugify(intervention.provider.name)


def write_organisations(db: sqlite_utils.Database, catalogue: Catalogue) -> None:
    organisations: dict[str, dict[str, Any]] = {}
    for intervention in catalogue.published():
        provider = intervention.provider
        row = organisations.setdefault(
            organisation_id(intervention), {"id": organisation_id(intervention), "name": provider.name,
                                            "type": provider.type, "url": provider.url},
        )
        row["url"] = row["url"] or provider.url
    db["organisations"].insert_all(sorted(organisations.values(), key=lambda r: r["id"]), pk="id",
                                   columns={"url": str})


INTERVENTION_COLUMNS: dict[str, type] = {
    "min_age": int, "max_age": int, "months_in_sweden_min": int, "months_in_sweden_max": int,
    "capacity": int, "cost_free": int, "gender": str, "eligibility_description": str, "cost_description": str,
    "price_other_municipality": str, "schedule_description": str, "valid_from": str, "valid_to": str,
}


def intervention_row(catalogue: Catalogue, intervention: Intervention) -> dict[str, Any]:
    i = intervention
    eligibility, schedule, cost = i.eligibility, i.schedule, i.cost
    return {
        "id": i.id,
        "owner": i.owner,
        "slug": i.slug,
        "title": i.title,
        "summary": i.summary,
        "description": i.description,
        "description_html": render_markdown(i.description),
        "status": i.status,
        "organisation": organisation_id(i),
        "municipality": i.municipality,
        "referral": i.how_to_apply.referral,
        "how_to_apply": i.how_to_apply.description,
        "eligibility_description": eligibility.description,
        "min_age": eligibility.min_age,
        "max_age": eligibility.max_age,
        "gender": eligibility.gender,
        "months_in_sweden_min": eligibility.months_in_sweden.min,
        "months_in_sweden_max": eligibility.months_in_sweden.max,
        "cost_free": None if cost.free is None else int(cost.free),
        "cost_description": cost.description,
        "price_other_municipality": cost.price_other_municipality,
        "capacity": i.capacity,
        "schedule_description": schedule.description if schedule else None,
        "valid_from": schedule.valid_from.isoformat() if schedule and schedule.valid_from else None,
        "valid_to": schedule.valid_to.isoformat() if schedule and schedule.valid_to else None,
        "required_documents": json.dumps(list(i.required_documents), ensure_ascii=False),
        "funding": json.dumps(list(i.funding), ensure_ascii=False),
        "keywords": ", ".join(i.keywords),
        STEMS_COLUMN: stem_sv(" ".join([i.title, i.summary, i.description, *i.keywords])),
        # JSON copies of the many-to-many links, for Datasette's array facets.
        "categories": json.dumps(list(i.categories)),
        "target_groups": json.dumps(list(i.target_groups)),
        "languages": json.dumps(list(i.languages)),
        "open_to": json.dumps(list(i.open_to)),
        "last_reviewed": i.last_reviewed.isoformat(),
        "reviewed_by": i.reviewed_by,
        "review_due": catalogue.review_due(i).isoformat(),
        "url": intervention_path(i.id),
        "source": f"catalogue/{i.owner}/{Path(i.source).name}",
    }


def intervention_tables(catalogue: Catalogue, entries: Iterable[Intervention]) -> dict[str, list[dict[str, Any]]]:
    """The rows of `entries` in every table that holds one entry's data (`ENTRY_TABLES`)."""
    rows, contacts, locations, hours, translations = [], [], [], [], []
    links: dict[str, list[dict[str, str]]] = {table: [] for table in LINK_TABLES}
    for i in entries:
        rows.append(intervention_row(catalogue, i))
        contacts.append({"intervention_id": i.id, "role": i.contact.role, "phone": i.contact.phone,
                         "email": i.contact.email, "url": i.contact.url})
        locations += [
            {"id": f"{i.id}#{n}", "intervention_id": i.id, "position": n, **vars(location)}
            for n, location in enumerate(i.locations, 1)
        ]
        if i.schedule:
            hours += [
                {"id": f"{i.id}#{n}", "intervention_id": i.id, "days": ",".join(h.days), "opens": h.opens,
                 "closes": h.closes}
                for n, h in enumerate(i.schedule.hours, 1)
            ]
        translations += [
            {"intervention_id": i.id, "language": code, "title": t.title, "summary": t.summary,
             "description": t.description, "description_html": render_markdown(t.description)}
            for code, t in sorted(i.translations.items())
        ]
        values = {"categories": i.categories, "target_groups": i.target_groups, "languages": i.languages,
                  "residence_statuses": i.eligibility.residence_status, "open_to": i.open_to}
        for table, (attribute, column, _, _) in LINK_TABLES.items():
            links[table] += [{"intervention_id": i.id, column: value} for value in values[attribute]]
    return {"interventions": rows, "contacts": contacts, "locations": locations, "opening_hours": hours,
            "translations": translations, **links}


def write_interventions(db: sqlite_utils.Database, catalogue: Catalogue, progress: Progress) -> None:
    published = list(catalogue.published())
    tables = intervention_tables(catalogue, progress.track(published, "Databas", len(published)))
    db["interventions"].insert_all(
        tables["interventions"], pk="id", columns=INTERVENTION_COLUMNS,
        foreign_keys=[("owner", "owners", "slug"), ("organisation", "organisations", "id"),
                      ("municipality", "municipalities", "slug")],
    )
    child = [("intervention_id", "interventions", "id")]
    insert(db, "contacts", tables["contacts"], pk="intervention_id", foreign_keys=child,
           columns={"intervention_id": str, "role": str, "phone": str, "email": str, "url": str})
    insert(db, "locations", tables["locations"], pk="id", foreign_keys=child,
           columns={"id": str, "intervention_id": str, "position": int, "name": str, "address": str,
                    "postal_code": str, "city": str, "latitude": float, "longitude": float, "accessibility": str})
    insert(db, "opening_hours", tables["opening_hours"], pk="id", foreign_keys=child,
           columns={"id": str, "intervention_id": str, "days": str, "opens": str, "closes": str})
    insert(db, "translations", tables["translations"], pk=("intervention_id", "language"),
           foreign_keys=[*child, ("language", "languages", "slug")],
           columns={"intervention_id": str, "language": str, "title": str, "summary": str, "description": str,
                    "description_html": str})
    for table, (_, column, vocabulary, key) in LINK_TABLES.items():
        insert(db, table, tables[table], pk=("intervention_id", column),
               foreign_keys=[*child, (column, vocabulary, key)], columns={"intervention_id": str, column: str})


def insert(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]], *, pk: str | tuple[str, ...],
           columns: dict[str, type], foreign_keys: list[tuple[str, str, str]]) -> None:
    """Create the table from its declared columns (so it exists even with no rows), then fill it."""
    db[table].create(columns, pk=pk, foreign_keys=foreign_keys)
    db[table].insert_all(rows)


def database_projection(catalogue: Catalogue, out: Path, progress: Progress = QUIET) -> None:
    write_database(catalogue, out / DATABASE_NAME, progress)


def database_update(catalogue: Catalogue, out: Path, changes: EntryChanges, progress: Progress = QUIET) -> None:
    update_database(catalogue, changes.previous / DATABASE_NAME, out / DATABASE_NAME, changes.touched, progress)


# Build projection: OUT/insatsbas.db (sqlite-utils), updated entry by entry; written whole when anything the
# entries share (vocabularies, owners ...) changed.
PROJECTION = EntryProjection("database", "Databas", (DATABASE_NAME,), database_projection, database_update)
