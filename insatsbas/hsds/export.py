"""The catalogue as Open Referral HSDS 3.0: a JSON list of full services, and the tabular form (CSV files
with a datapackage.json). Takes the `Catalogue` model; never reads YAML.

The output holds no build time or other changing value, so the same catalogue always gives the same bytes.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import chain
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from insatsbas.hsds import terms
from insatsbas.hsds.ids import hsds_id
from insatsbas.hsds.tables import (
    TABLE_ORDER,
    TABLES,
    InconsistentData,
    Rows,
    csv_header,
    csv_lines,
    flatten,
    write_datapackage,
    write_tables,
)
from insatsbas.incremental import BuildRun, digest, link_tree
from insatsbas.model import Catalogue, Intervention, Location, Provider, Region, Schedule
from insatsbas.progress import QUIET, Progress
from insatsbas.urls import DATA_DIR

JSON_DIR = "hsds"
JSON_FILE = "services.json"
TABULAR_DIR = "csv"

# HSDS statuses: active, inactive, defunct, "temporarily closed".
# Only published entries are exported (`Catalogue.published()`): ended entries and drafts are in no public output.
STATUS_TO_HSDS = {"active": "active", "paused": "temporarily closed"}
PROVIDER_TYPES = {"kommun": "Kommun", "myndighet": "Statlig myndighet", "region": "Region",
                  "ideell": "Ideell organisation", "privat": "Privat företag"}
WEEKDAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
# Opening hours are Swedish local time. HSDS reads a time without an offset as UTC and gives a schedule's zone
# as a UTC offset in hours (`timezone`), so every schedule with times carries the offset and a note naming the zone.
LOCAL_ZONE = ZoneInfo("Europe/Stockholm")
STANDARD_OFFSET = 1
TIME_NOTE = ("Tiderna är svensk tid (Europe/Stockholm): UTC+1 vintertid och UTC+2 sommartid (sista söndagen i mars "
             "till sista söndagen i oktober).")
CURRENCY = "SEK"
COST_FREE = "Kostnadsfritt"
COST_FEE = "Avgift"
COST_OTHER_MUNICIPALITY = "Invånare i andra kommuner"

def package_descriptor(region: Region) -> dict[str, Any]:
    """The Data Package's own description of the tables."""
    where = region.in_region_in("sv")
    return {
        "name": "insatsbas-hsds",
        "title": f"Insatsbas: insatser för nyanlända {where} (Open Referral HSDS 3.0)",
        "description": f"Katalogen över insatser för nyanlända {where} i Open Referrals Human Services Data "
                       "Specification 3.0, tabellform. Text på svenska; översättningar som attribut.",
        "licenses": [{"name": "CC0-1.0", "title": "Creative Commons Zero v1.0 Universal",
                      "path": "https://creativecommons.org/publicdomain/zero/1.0/"}],
    }


def exported(catalogue: Catalogue) -> list[Intervention]:
    return list(catalogue.published())


def organization_description(provider_type: str) -> str:
    return f"{PROVIDER_TYPES[provider_type]} som anordnar insatser i Insatsbas."


class Exporter:
    """Builds HSDS objects for the entries of one catalogue."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.organizations = self.build_organizations(exported(catalogue))

    def build_organizations(self, entries: list[Intervention]) -> dict[str, dict[str, Any]]:
        """One organization per provider name. The provider's `url` is the provider's page about the
        intervention, so it is the service's url; the organization has a website only when every entry
        of that provider gives the same one."""
        by_name: dict[str, list[Provider]] = defaultdict(list)
        for entry in entries:
            by_name[entry.provider.name].append(entry.provider)
        organizations = {}
        for name, providers in by_name.items():
            first = providers[0]
            organization = {"id": hsds_id("organization", name), "name": name,
                            "description": organization_description(first.type)}
            urls = {provider.url for provider in providers}
            if len(urls) == 1 and first.url:
                organization["website"] = first.url
            organization["legal_status"] = PROVIDER_TYPES[first.type]
            organizations[name] = organization
        return organizations

    def service(self, entry: Intervention) -> dict[str, Any]:
        sid = entry.hsds_id or hsds_id("service", entry.id)
        service: dict[str, Any] = {
            "id": sid,
            "name": entry.title,
            "description": entry.description,
            "url": entry.provider.url,
            "email": entry.contact.email,
            "status": STATUS_TO_HSDS[entry.status],
            "application_process": entry.how_to_apply.description,
            "fees_description": entry.cost.description,
            "eligibility_description": entry.eligibility.description,
            "minimum_age": entry.eligibility.min_age,
            "maximum_age": entry.eligibility.max_age,
            "assured_date": entry.last_reviewed.isoformat(),
            "assurer_email": self.catalogue.owners[entry.owner].contact,
            "schedules": self.schedules(entry, entry.schedule),
            "service_areas": self.service_areas(entry),
            "service_at_locations": [self.service_at_location(entry, index, location)
                                     for index, location in enumerate(entry.locations, 1)],
            "languages": [{"id": hsds_id("language", entry.id, code), "name": self.vocabularies.languages[code].label["sv"],
                           "code": code} for code in entry.languages],
            "organization": self.organizations[entry.provider.name],
            "funding": [{"id": hsds_id("funding", entry.id, str(index)), "source": source}
                        for index, source in enumerate(entry.funding, 1)],
            "cost_options": self.cost_options(entry),
            "required_documents": [{"id": hsds_id("required_document", entry.id, str(index)), "document": document}
                                   for index, document in enumerate(entry.required_documents, 1)],
            "contacts": [self.contact(entry)],
            "attributes": self.attributes(entry),
        }
        return pruned(service)

    def schedules(self, entry: Intervention, schedule: Schedule | None) -> list[dict[str, Any]]:
        """One HSDS schedule per line of opening hours (weekly, RRULE-style); one without times when the
        entry has only a description or dates. Times are local Swedish time (see the README)."""
        if schedule is None:
            return []
        common = {"valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
                  "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
                  "description": schedule.description}
        if not schedule.hours:
            return [{"id": hsds_id("schedule", entry.id, "1"), **common}]
        offset = utc_offset(schedule)
        return [
            {"id": hsds_id("schedule", entry.id, str(index)), **common, "freq": "WEEKLY",
             "byday": ",".join(WEEKDAYS[day] for day in hours.days), "opens_at": hsds_time(hours.opens),
             "closes_at": hsds_time(hours.closes), "timezone": offset, "notes": TIME_NOTE}
            for index, hours in enumerate(schedule.hours, 1)
        ]

    def service_areas(self, entry: Intervention) -> list[dict[str, Any]]:
        """Every municipality whose residents may take part, the home municipality first."""
        areas = []
        for slug in entry.open_to:
            municipality = self.vocabularies.municipalities[slug]
            area_id = hsds_id("service_area", entry.id, slug)
            areas.append({
                "id": area_id, "name": municipality.name,
                "attributes": [self.vocabulary_attribute(area_id, "service_area", "municipalities", slug)],
            })
        return areas

    def service_at_location(self, entry: Intervention, index: int, location: Location) -> dict[str, Any]:
        key = str(index)
        location_id = hsds_id("location", entry.id, key)
        hsds_location: dict[str, Any] = {
            "id": location_id, "location_type": "physical", "name": location.name,
            "latitude": location.latitude, "longitude": location.longitude,
        }
        if location.address and location.postal_code and location.city:
            hsds_location["addresses"] = [{
                "id": hsds_id("address", entry.id, key), "address_1": location.address, "city": location.city,
                "state_province": self.county(entry), "postal_code": location.postal_code, "country": "SE",
                "address_type": "physical",
            }]
        else:
            # HSDS requires street, city and postal code together; a partial address stays readable here.
            parts = [location.address, location.postal_code, location.city]
            hsds_location["description"] = ", ".join(p for p in parts if p) or None
            hsds_location["attributes"] = [
                self.field_attribute(location_id, "location", f"locations.{name}", getattr(location, name))
                for name in terms.PARTIAL_ADDRESS_FIELDS if getattr(location, name)
            ]
        if location.accessibility:
            hsds_location["accessibility"] = [{"id": hsds_id("accessibility", entry.id, key),
                                               "description": location.accessibility}]
        return {"id": hsds_id("service_at_location", entry.id, key), "location": hsds_location}

    def county(self, entry: Intervention) -> str:
        return self.vocabularies.county_of(entry.municipality).label["sv"]

    def cost_options(self, entry: Intervention) -> list[dict[str, Any]]:
        options = []
        if entry.cost.free is True:
            options.append({"id": hsds_id("cost_option", entry.id, "free"), "option": COST_FREE,
                            "currency": CURRENCY, "amount": 0})
        elif entry.cost.free is False:
            options.append({"id": hsds_id("cost_option", entry.id, "fee"), "option": COST_FEE, "currency": CURRENCY})
        if entry.cost.price_other_municipality:
            options.append({"id": hsds_id("cost_option", entry.id, "other-municipality"),
                            "option": COST_OTHER_MUNICIPALITY, "currency": CURRENCY,
                            "amount_description": entry.cost.price_other_municipality})
        return options

    def contact(self, entry: Intervention) -> dict[str, Any]:
        """The contact is a role, never a person: the role is the HSDS title, and name stays empty."""
        contact_id = hsds_id("contact", entry.id)
        phones = [{"id": hsds_id("phone", entry.id), "number": entry.contact.phone}] if entry.contact.phone else []
        return {"id": contact_id, "title": entry.contact.role, "email": entry.contact.email, "phones": phones}

    def attributes(self, entry: Intervention) -> list[dict[str, Any]]:
        sid = entry.hsds_id or hsds_id("service", entry.id)
        attributes = [self.vocabulary_attribute(sid, "service", "categories", slug) for slug in entry.categories]
        attributes += [self.vocabulary_attribute(sid, "service", "target_groups", slug) for slug in entry.target_groups]
        attributes += [self.vocabulary_attribute(sid, "service", "residence_status", slug)
                       for slug in entry.eligibility.residence_status]
        seen: dict[str, int] = defaultdict(int)
        for code, value in field_values(entry):
            seen[code] += 1
            attributes.append(self.field_attribute(sid, "service", code, value, seen[code]))
        return attributes

    def vocabulary_attribute(self, link_id: str, entity: str, vocabulary: str, slug: str) -> dict[str, Any]:
        term = terms.vocabulary_term(vocabulary, self.vocabularies[vocabulary][slug])
        return {"id": hsds_id("attribute", link_id, term["id"]), "link_type": terms.VOCABULARY_TAXONOMIES[vocabulary].link_type,
                "link_entity": entity, "taxonomy_term": term}

    def field_attribute(self, link_id: str, entity: str, code: str, value: str, occurrence: int = 1) -> dict[str, Any]:
        """An attribute holding a field's value. Repeated fields (keywords) count their occurrences."""
        term = terms.field_term(code, self.vocabularies)
        key = [link_id, term["id"]] + ([str(occurrence)] if occurrence > 1 else [])
        return {"id": hsds_id("attribute", *key), "link_type": terms.FIELDS.link_type, "link_entity": entity,
                "value": value, "taxonomy_term": term}

    def term_label_attributes(self, term_id: str, term: Any) -> list[dict[str, Any]]:
        """The English and Arabic labels (and explanations) of a vocabulary term, as its attributes."""
        found = []
        for field in terms.LABEL_FIELDS:
            texts = getattr(term, field) or {}
            for language in ("en", "ar"):
                if texts.get(language):
                    attribute = self.field_attribute(term_id, "taxonomy_term", f"{field}.{language}", texts[language])
                    found.append({**attribute, "link_id": term_id})
        return found


def hsds_time(hhmm: str) -> str:
    """"10:00" as HSDS's tables type `time` wants it: "10:00:00"."""
    return time.fromisoformat(hhmm).isoformat("seconds")


def utc_offset(schedule: Schedule) -> int:
    """Stockholm's UTC offset in hours during the schedule, when it is the same on every day of a dated
    schedule (all in summer, or all in winter); otherwise the standard offset, and the note says when
    summer time applies. Never the build's date: the same catalogue always gives the same export."""
    start, end = schedule.valid_from, schedule.valid_to
    if start is None or end is None or end < start or (end - start).days > 366:
        return STANDARD_OFFSET
    offsets = {local_offset(start + timedelta(days=n)) for n in range((end - start).days + 1)}
    return offsets.pop() if len(offsets) == 1 else STANDARD_OFFSET


def local_offset(day: date) -> int:
    offset = datetime.combine(day, time(12), LOCAL_ZONE).utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 3600)


def field_values(entry: Intervention) -> list[tuple[str, str]]:
    """The entry's values of fields HSDS lacks, as (field term code, text), in a fixed order."""
    values = [("id", entry.id), ("summary", entry.summary), ("how_to_apply.referral", entry.how_to_apply.referral),
              ("reviewed_by", entry.reviewed_by)]
    optional = [
        ("contact.url", entry.contact.url),
        ("eligibility.gender", entry.eligibility.gender),
        ("eligibility.months_in_sweden.min", entry.eligibility.months_in_sweden.min),
        ("eligibility.months_in_sweden.max", entry.eligibility.months_in_sweden.max),
        ("capacity", entry.capacity),
    ]
    values += [(code, str(value)) for code, value in optional if value is not None]
    values += [("keywords", keyword) for keyword in entry.keywords]
    for language, translation in entry.translations.items():
        for field in terms.TRANSLATED_FIELDS:
            value = getattr(translation, field)
            items = value if field in terms.TRANSLATED_LISTS else (value,)
            values += [(f"translations.{language}.{field}", item) for item in items or () if item is not None]
    return values


def pruned(data: Any) -> Any:
    """`data` without absent values (None, empty lists): HSDS leaves out what is not known."""
    if isinstance(data, dict):
        kept = {key: pruned(value) for key, value in data.items()}
        return {key: value for key, value in kept.items() if value is not None and value != [] and value != {}}
    if isinstance(data, list):
        return [pruned(item) for item in data]
    return data


def export_services(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Every published entry (active and paused; never ended entries or drafts) as a full HSDS service, by entry id."""
    exporter = Exporter(catalogue)
    return [exporter.service(entry) for entry in exported(catalogue)]


def service_list(services: list[dict[str, Any]]) -> dict[str, Any]:
    """One page holding every service, in the shape of the HSDS API's paginated /services response."""
    return {"total_items": len(services), "total_pages": 1, "page_number": 1, "size": len(services),
            "first_page": True, "last_page": True, "empty": not services, "contents": services}


def tabular_rows(catalogue: Catalogue, services: list[dict[str, Any]]) -> Rows:
    """The tables: the services flattened, plus what only the tabular form can hold (the English and
    Arabic labels of the terms used, and the language of each table)."""
    rows = flatten(services, "service")
    known = {name: {row["id"] for row in rows.get(name, [])} for name in LABEL_TABLES}
    for name, found in label_rows(catalogue, [row["id"] for row in rows["taxonomy_term"]], known).items():
        rows[name] = rows.get(name, []) + found
    # Every table of the standard, empty when it has no rows, so that no foreign key points at a missing file.
    rows = {name: rows.get(name, []) for name in TABLE_ORDER}
    rows["meta_table_description"] = table_descriptions()
    return rows


# The tables that the labels of the terms used add rows to.
LABEL_TABLES = ("attribute", "taxonomy_term", "taxonomy")


def label_rows(catalogue: Catalogue, term_ids: list[str], known: dict[str, set[str]]) -> Rows:
    """The English and Arabic labels (and explanations) of the vocabulary terms used (`term_ids`, in the
    order of the taxonomy_term table) as attributes, with their own terms and taxonomies: the rows whose id
    is not `known` yet."""
    exporter = Exporter(catalogue)
    index = terms.vocabulary_term_index(catalogue.vocabularies)
    extra = []
    for term_id in term_ids:
        if term_id in index:
            extra += exporter.term_label_attributes(term_id, index[term_id][1])
    found = flatten(extra, "attribute")
    return {name: [row for row in found.get(name, []) if row["id"] not in known[name]] for name in LABEL_TABLES}


def table_descriptions() -> list[dict[str, Any]]:
    return [
        {"id": hsds_id("meta_table_description", name), "name": name, "language": "sv", "character_set": "UTF-8"}
        for name in TABLE_ORDER
    ]


@dataclass
class HsdsExport:
    services: int
    tables: dict[str, int]
    json_path: Path
    tabular_dir: Path


def write_hsds(catalogue: Catalogue, out: Path) -> HsdsExport:
    """Write `out`/hsds/services.json and `out`/csv/ (the CSV tables and datapackage.json)."""
    services = export_services(catalogue)
    json_dir = out / JSON_DIR
    json_dir.mkdir(parents=True, exist_ok=True)
    json_path = json_dir / JSON_FILE
    # Compact: with `indent`, the json module falls back from its C encoder to pure Python (11 of 25 s at
    # 5,000 entries). `jq .` shows the file indented.
    json_path.write_text(json.dumps(service_list(services), ensure_ascii=False, separators=(",", ":")) + "\n",
                         encoding="utf-8")
    rows = tabular_rows(catalogue, services)
    tabular_dir = out / TABULAR_DIR
    written = write_tables(rows, tabular_dir)
    write_datapackage(written, package_descriptor(catalogue.region), tabular_dir)
    return HsdsExport(len(services), {name: len(rows[name]) for name in written}, json_path, tabular_dir)


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- the build's projection: each entry's part of the export cached by its fingerprint -------------------

# Beside the output's manifest (a dot file the site never links): each published entry's service and rows.
CACHE_NAME = ".insatsbas-hsds-cache.db"
# Tables whose rows many entries share (an organization, a vocabulary's terms): written once, where they first
# occur. Every other row's id is made from its entry's id, so it belongs to that entry alone.
SHARED_TABLES = ("organization", "taxonomy_term", "taxonomy")


@dataclass(frozen=True)
class EntryPart:
    """One entry's part of the export, as UTF-8: `key` is what it was made from (the entry's fingerprint and
    its organization, which depends on the provider's other entries), `service` its service as compact JSON,
    `own` the CSV lines of its own rows by table, `shared` the CSV line of each row it shares, by (table, id),
    in the order they occur."""

    key: str
    service: bytes
    own: dict[str, bytes]
    shared: dict[tuple[str, str], bytes]


def entry_part(exporter: Exporter, entry: Intervention, key: str) -> EntryPart:
    service = exporter.service(entry)
    rows = flatten([service], "service")
    own = {name: csv_lines(name, found).encode() for name, found in rows.items() if name not in SHARED_TABLES}
    shared = {(name, row["id"]): csv_lines(name, [row]).encode() for name in SHARED_TABLES for row in rows.get(name, [])}
    return EntryPart(key, compact_json(service).encode(), own, shared)


def part_key(exporter: Exporter, entry: Intervention, fingerprint: str) -> str:
    return digest(fingerprint, exporter.organizations[entry.provider.name])


CACHE_SCHEMA = """
CREATE TABLE IF NOT EXISTS parts (id TEXT PRIMARY KEY, key TEXT, service BLOB, shared TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS own (tbl TEXT, id TEXT, lines BLOB, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shared_rows (tbl TEXT, row_id TEXT, line BLOB, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
"""


class PartCache:
    """The published entries' parts in a SQLite file, read back in entry-id order (the catalogue's order) as
    bytes, without decoding: `parts` (key, service, the ids of the shared rows), `own` (CSV lines per entry and
    table), `shared_rows` (each shared row once)."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.executescript(CACHE_SCHEMA)

    def keys(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, key FROM parts"))

    def replace(self, remove: set[str], parts: dict[str, EntryPart]) -> list[tuple[str, str]]:
        """Remove the parts of `remove`, add `parts`, and keep only the shared rows some part refers to;
        returns those (`shared_order`)."""
        db = self.db
        db.execute("BEGIN")
        for table in ("parts", "own"):
            db.executemany(f"DELETE FROM {table} WHERE id = ?", [(id_,) for id_ in sorted(remove)])
        for id_, part in sorted(parts.items()):
            db.execute("INSERT INTO parts VALUES (?, ?, ?, ?)",
                       (id_, part.key, part.service, "\n".join(f"{t} {r}" for t, r in part.shared)))
            db.executemany("INSERT INTO own VALUES (?, ?, ?)", [(t, id_, lines) for t, lines in part.own.items()])
            db.executemany("INSERT OR REPLACE INTO shared_rows VALUES (?, ?, ?)",
                           [(t, r, line) for (t, r), line in part.shared.items()])
        referenced = self.shared_order()
        db.execute("CREATE TEMP TABLE referenced (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id))")
        db.executemany("INSERT INTO temp.referenced VALUES (?, ?)", referenced)
        db.execute("DELETE FROM shared_rows WHERE (tbl, row_id) NOT IN (SELECT tbl, row_id FROM temp.referenced)")
        db.execute("DROP TABLE temp.referenced")
        db.execute("COMMIT")
        return referenced

    def shared_order(self) -> list[tuple[str, str]]:
        """Every shared row (table, id) in the order it first occurs in the entries (most entries refer to
        the same terms: only the distinct tokens are split)."""
        rows = self.db.execute("SELECT shared FROM parts ORDER BY id")
        tokens = dict.fromkeys(chain.from_iterable(shared.split("\n") for (shared,) in rows if shared))
        return [tuple(token.split(" ")) for token in tokens]  # type: ignore[misc]

    def services(self) -> Iterator[bytes]:
        return (service for (service,) in self.db.execute("SELECT service FROM parts ORDER BY id"))

    def own_lines(self, table: str) -> Iterator[bytes]:
        return (lines for (lines,) in self.db.execute("SELECT lines FROM own WHERE tbl = ? ORDER BY id", (table,)))

    def shared_lines(self) -> dict[tuple[str, str], bytes]:
        return {(t, r): line for t, r, line in self.db.execute("SELECT tbl, row_id, line FROM shared_rows")}

    def close(self) -> None:
        self.db.close()


def write_hsds_parts(catalogue: Catalogue, out: Path, fingerprints: dict[str, str], previous: Path | None,
                     progress: Progress = QUIET) -> dict[str, int]:
    """What `write_hsds` writes into `out`/data/, byte for byte, made from each published entry's part: taken
    from the `previous` output's cache when made from the same key, made again otherwise; and the cache
    updated (a copy of the previous one) for the next build. Returns how many parts were made and reused."""
    cache_path = out / CACHE_NAME
    if previous is not None:
        shutil.copyfile(previous / CACHE_NAME, cache_path)
    cache = PartCache(cache_path)
    before = cache.keys()
    exporter = Exporter(catalogue)
    entries = exported(catalogue)
    ids = [entry.id for entry in entries]
    if ids != sorted(ids):  # the reader sorts them; the cache gives them back in that order
        raise ValueError("the catalogue's entries are not in id order")
    made: dict[str, EntryPart] = {}
    lines: dict[tuple[str, str], bytes] = {}
    for entry_id, entry in progress.track(zip(ids, entries, strict=True), "Öppna data", len(entries)):
        key = part_key(exporter, entry, fingerprints[entry_id])
        if before.get(entry_id) != key:
            part = made[entry_id] = entry_part(exporter, entry, key)
            for row, line in part.shared.items():
                if lines.setdefault(row, line) != line:
                    raise InconsistentData(f"{row[0]} {row[1]}: two entries give it different values")
    order = cache.replace((before.keys() - set(ids)) | (before.keys() & made.keys()), made)
    write_parts(catalogue, out / DATA_DIR, cache, order, len(ids))
    cache.close()
    return {"made": len(made), "reused": len(ids) - len(made)}


def write_parts(catalogue: Catalogue, data: Path, cache: PartCache, order: list[tuple[str, str]],
                services: int) -> None:
    json_dir = data / JSON_DIR
    json_dir.mkdir(parents=True, exist_ok=True)
    head = compact_json({**service_list([]), "total_items": services, "size": services, "empty": not services})
    assert head.endswith(',"contents":[]}')
    with (json_dir / JSON_FILE).open("wb") as file:
        file.write(head[:-2].encode())
        for position, service in enumerate(cache.services()):
            file.write(b"," + service if position else service)
        file.write(b"]}\n")

    shared = cache.shared_lines()
    # Label attributes are keyed by their term's id, so they never share an id with an entry's own attribute.
    known = {name: {row_id for table, row_id in order if table == name} for name in LABEL_TABLES}
    labels = label_rows(catalogue, [row_id for table, row_id in order if table == "taxonomy_term"], known)
    labels["meta_table_description"] = table_descriptions()

    folder = data / TABULAR_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLE_ORDER:
        with (folder / TABLES[name].path).open("wb") as file:
            file.write(csv_header(name).encode())
            if name in SHARED_TABLES:
                file.write(b"".join(shared[row] for row in order if row[0] == name))
            else:
                file.writelines(cache.own_lines(name))
            file.write(csv_lines(name, labels.get(name, [])).encode())
    write_datapackage(TABLE_ORDER, package_descriptor(catalogue.region), folder)


OUTPUTS = (f"{DATA_DIR}/{JSON_DIR}", f"{DATA_DIR}/{TABULAR_DIR}", CACHE_NAME)


@dataclass(frozen=True)
class HsdsProjection:
    """Build projection: the open data under OUT/data/ (`write_hsds`'s files), each entry's part cached
    beside the output by the entry's fingerprint. Made whole again when anything the entries share changed
    (vocabularies, owners, region ...); linked from the previous output when no entry changed either."""

    name: str = "hsds"
    label: str = "Öppna data (HSDS)"

    def sources(self) -> tuple[Path, ...]:
        return ()

    def write(self, catalogue: Catalogue, out: Path, run: BuildRun) -> None:
        changes = run.entry_changes(self.name, run.shared, OUTPUTS)
        if changes is not None and not changes:
            for output in OUTPUTS:
                link_tree(changes.previous / output, out / output)
            run.reused.append(self.name)
            return
        write_hsds_parts(catalogue, out, run.entries, None if changes is None else changes.previous, run.progress)
        if changes is not None:
            run.updated.append(self.name)


PROJECTION = HsdsProjection()
