"""The tabular form of HSDS 3.0: the tables, their columns, and nested JSON flattened into rows.

The column lists and types are those of the standard's `schema/compiled/tabular.json` (a test compares
them), written out here because the build must not depend on the reference files being present.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# table: (file, "column:type ..."). Types: string, uuid, email, uri, number, date, time, datetime, enum.
_SPEC = {
    "organization": ("organizations.csv", "id:uuid name:string alternate_name:string description:string "
                     "email:email website:uri tax_status:string tax_id:string year_incorporated:number "
                     "legal_status:string logo:string uri:uri parent_organization_id:uuid"),
    "program": ("programs.csv", "id:uuid organization_id:uuid name:string alternate_name:string description:string"),
    "service": ("services.csv", "id:uuid organization_id:uuid program_id:uuid name:string alternate_name:string "
                "description:string url:uri email:email status:enum interpretation_services:string "
                "application_process:string fees_description:string wait_time:string fees:string "
                "accreditations:string eligibility_description:string minimum_age:number maximum_age:number "
                "assured_date:date assurer_email:email licenses:string alert:string last_modified:datetime"),
    "attribute": ("attributes.csv", "id:uuid link_id:uuid taxonomy_term_id:uuid link_type:string link_entity:string "
                  "value:string"),
    "service_at_location": ("service_at_location.csv", "id:uuid service_id:uuid location_id:uuid description:string"),
    "location": ("locations.csv", "id:uuid location_type:enum url:uri organization_id:uuid name:string "
                 "alternate_name:string description:string transportation:string latitude:number longitude:number "
                 "external_identifier:string external_identifier_type:string"),
    "phone": ("phones.csv", "id:uuid location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid "
              "service_at_location_id:uuid number:string extension:number type:string description:string"),
    "contact": ("contacts.csv", "id:uuid organization_id:uuid service_id:uuid service_at_location_id:uuid "
                "location_id:uuid name:string title:string department:string email:email"),
    "address": ("addresses.csv", "id:uuid location_id:uuid attention:string address_1:string address_2:string "
                "city:string region:string state_province:string postal_code:string country:string address_type:enum"),
    "schedule": ("schedules.csv", "id:uuid service_id:uuid location_id:uuid service_at_location_id:uuid "
                 "valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst:enum "
                 "freq:enum interval:number byday:string byweekno:string bymonthday:string byyearday:string "
                 "description:string opens_at:time closes_at:time schedule_link:uri attending_type:string notes:string"),
    "funding": ("funding.csv", "id:uuid organization_id:uuid service_id:uuid source:string"),
    "service_area": ("service_areas.csv", "id:uuid service_id:uuid name:string description:string extent:string "
                     "extent_type:string uri:string"),
    "required_document": ("required_documents.csv", "id:uuid service_id:uuid document:string uri:uri"),
    "language": ("languages.csv", "id:uuid service_id:uuid location_id:uuid phone_id:uuid name:string code:string "
                 "note:string"),
    "accessibility": ("accessibility.csv", "id:uuid location_id:uuid description:string details:string url:uri"),
    "taxonomy_term": ("taxonomy_terms.csv", "id:uuid code:string name:string description:string parent_id:uuid "
                      "taxonomy:string language:string taxonomy_id:uuid term_uri:uri"),
    "metadata": ("metadata.csv", "id:uuid resource_id:uuid resource_type:string last_action_date:date "
                 "last_action_type:string field_name:string previous_value:string replacement_value:string "
                 "updated_by:string"),
    "meta_table_description": ("meta_table_descriptions.csv", "id:uuid name:string language:string "
                               "character_set:string"),
    "cost_option": ("cost_options.csv", "id:uuid service_id:uuid valid_from:date valid_to:date option:string "
                    "currency:string amount:number amount_description:string"),
    "organization_identifier": ("organization_identifiers.csv", "id:uuid organization_id:uuid "
                                "identifier_scheme:string identifier_type:string identifier:string"),
    "taxonomy": ("taxonomies.csv", "id:uuid name:string description:string uri:uri version:string"),
}

ENUMS = {
    ("service", "status"): ["active", "inactive", "defunct", "temporarily closed"],
    ("location", "location_type"): ["physical", "postal", "virtual"],
    ("address", "address_type"): ["physical", "postal", "virtual"],
    ("schedule", "wkst"): ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    ("schedule", "freq"): ["WEEKLY", "MONTHLY"],
}

# Required in the tabular form: the standard's `required` plus its `tabular_required`.
REQUIRED = {
    "organization": ("id", "name", "description"),
    "program": ("id", "name", "description", "organization_id"),
    "service": ("id", "name", "status", "organization_id"),
    "attribute": ("id", "link_id", "taxonomy_term_id", "link_entity"),
    "service_at_location": ("id", "service_id", "location_id"),
    "location": ("id", "location_type"),
    "phone": ("id", "number"),
    "address": ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
    "taxonomy_term": ("id", "name", "description"),
    "metadata": ("id", "last_action_date", "last_action_type", "field_name", "previous_value",
                 "replacement_value", "updated_by", "resource_id", "resource_type"),
    "cost_option": ("id", "service_id"),
    "organization_identifier": ("id", "identifier_type", "identifier", "organization_id"),
    "taxonomy": ("id", "name", "description"),
}

# Nested JSON keys and the table their objects belong to.
KEY_TABLES = {
    "organization": "organization", "program": "program", "programs": "program", "phones": "phone",
    "schedules": "schedule", "service_areas": "service_area", "service_at_locations": "service_at_location",
    "location": "location", "locations": "location", "addresses": "address", "accessibility": "accessibility",
    "languages": "language", "funding": "funding", "cost_options": "cost_option",
    "required_documents": "required_document", "contacts": "contact", "attributes": "attribute",
    "taxonomy_term": "taxonomy_term", "taxonomy_detail": "taxonomy", "metadata": "metadata",
    "organization_identifiers": "organization_identifier",
}
# Foreign keys whose column name is not `<table>_id`.
FOREIGN_KEY_COLUMNS = {("taxonomy_term", "parent_id"): "taxonomy_term",
                       ("organization", "parent_organization_id"): "organization"}
# Polymorphic references: the column and the column that names the referenced table.
POLYMORPHIC = {"attribute": ("link_id", "link_entity"), "metadata": ("resource_id", "resource_type")}


@dataclass(frozen=True)
class Column:
    name: str
    type: str


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def foreign_keys(self) -> dict[str, str]:
        """Column -> referenced table, for the plain (non-polymorphic) foreign keys."""
        keys = {}
        for column in self.columns:
            target = FOREIGN_KEY_COLUMNS.get((self.name, column.name))
            if target is None and column.name.endswith("_id") and column.name[:-3] in _SPEC:
                target = column.name[:-3]
            if target:
                keys[column.name] = target
        return keys


TABLES: dict[str, Table] = {
    name: Table(name, path, tuple(Column(*item.split(":")) for item in spec.split()))
    for name, (path, spec) in _SPEC.items()
}
TABLE_ORDER = list(TABLES)

Rows = dict[str, list[dict[str, Any]]]


class InconsistentData(ValueError):
    """The same id stands for two different objects."""


def flatten(objects: Iterable[dict[str, Any]], table: str) -> Rows:
    """The rows of every table, from nested HSDS JSON objects of `table` (e.g. full services).

    Foreign keys come from the nesting: a phone inside a contact gets `contact_id`, an attribute inside
    a service gets `link_id` and `link_entity: service`. Objects that occur more than once (the same
    organization under many services) become one row; differing copies raise InconsistentData.
    """
    rows: Rows = {name: [] for name in TABLE_ORDER}
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for obj in objects:
        _flatten_object(obj, table, {}, rows, seen)
    return {name: found for name, found in rows.items() if found}


def _flatten_object(obj: dict[str, Any], table: str, inherited: dict[str, Any], rows: Rows,
                    seen: dict[tuple[str, str], dict[str, Any]]) -> None:
    spec = TABLES[table]
    row = {name: obj[name] for name in spec.column_names if obj.get(name) is not None}
    for name, value in inherited.items():
        row.setdefault(name, value)
    children: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for key, value in obj.items():
        child_table = KEY_TABLES.get(key)
        if child_table is None or not isinstance(value, (dict, list)):
            continue
        if isinstance(value, dict):
            row.setdefault("taxonomy_id" if key == "taxonomy_detail" else f"{child_table}_id", value["id"])
            children.append((child_table, value, {}))
            continue
        for child in value:
            children.append((child_table, child, link_to_parent(child_table, table, obj["id"])))
    key = (table, row["id"])
    if key in seen:
        merge_row(seen[key], row, table)
    else:
        seen[key] = row
        rows[table].append(row)
    for child_table, child, link in children:
        _flatten_object(child, child_table, link, rows, seen)


def merge_row(existing: dict[str, Any], row: dict[str, Any], table: str) -> None:
    """One object nested in several places: the same fields, and the links of every place."""
    for name, value in row.items():
        if existing.setdefault(name, value) != value:
            raise InconsistentData(f"{table} {row['id']}: {name} is both {existing[name]!r} and {value!r}")


def link_to_parent(child_table: str, parent_table: str, parent_id: str) -> dict[str, Any]:
    if child_table in POLYMORPHIC:
        id_column, table_column = POLYMORPHIC[child_table]
        return {id_column: parent_id, table_column: parent_table}
    column = f"{parent_table}_id"
    return {column: parent_id} if column in TABLES[child_table].column_names else {}


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_tables(rows: Rows, folder: Path) -> list[str]:
    """One CSV file per table in `rows` (a header alone when it has no rows), every column of the standard in
    its order. Returns the tables."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLE_ORDER:
        if name not in rows:
            continue
        with (folder / TABLES[name].path).open("w", encoding="utf-8", newline="") as file:
            file.write(csv_header(name) + csv_lines(name, rows[name]))
        written.append(name)
    return written


def csv_header(table: str) -> str:
    return csv_lines(table, [{name: name for name in TABLES[table].column_names}])


def csv_lines(table: str, rows: Iterable[dict[str, Any]]) -> str:
    """The rows of `table` as lines of its CSV file: every column of the standard in its order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = TABLES[table].column_names
    for row in rows:
        writer.writerow([csv_value(row.get(column)) for column in columns])
    return buffer.getvalue()


_TABLE_SCHEMA_TYPES = {"uuid": ("string", "uuid"), "email": ("string", "email"), "uri": ("string", "uri"),
                       "string": ("string", None), "enum": ("string", None), "number": ("number", None),
                       "date": ("date", None), "time": ("time", None), "datetime": ("datetime", None)}


def datapackage(tables: list[str], descriptor: dict[str, Any]) -> dict[str, Any]:
    """A Frictionless Tabular Data Package descriptor for the written tables."""
    resources = []
    for name in tables:
        table = TABLES[name]
        fields = []
        for column in table.columns:
            kind, fmt = _TABLE_SCHEMA_TYPES[column.type]
            field: dict[str, Any] = {"name": column.name, "type": kind}
            if fmt:
                field["format"] = fmt
            constraints: dict[str, Any] = {}
            if column.name in REQUIRED.get(name, ("id",)):
                constraints["required"] = True
            if column.name == "id":
                constraints["unique"] = True
            if (name, column.name) in ENUMS:
                constraints["enum"] = ENUMS[(name, column.name)]
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": ["id"]}
        foreign_keys = [
            {"fields": [column], "reference": {"resource": target, "fields": ["id"]}}
            for column, target in table.foreign_keys().items() if target in tables
        ]
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append({
            "name": name, "path": table.path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
        })
    return {**descriptor, "profile": "tabular-data-package", "resources": resources}


def write_datapackage(tables: list[str], descriptor: dict[str, Any], folder: Path) -> None:
    (folder / "datapackage.json").write_text(
        json.dumps(datapackage(tables, descriptor), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_tables(folder: Path) -> Rows:
    """The tables of a written package as rows of text, empty cells left out (for checks and tests)."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    rows: Rows = {}
    for resource in package["resources"]:
        with (folder / resource["path"]).open(encoding="utf-8-sig", newline="") as file:
            rows[resource["name"]] = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(file)]
    return rows


# The tabular form back into nested JSON: which keys an object of each table holds, and from which table.
# A list key takes the rows whose `<parent>_id` (an attribute's `link_id`) is the object's id; a single key
# the row whose id is the object's `<key>_id`.
NESTING: dict[str, tuple[str, ...]] = {
    "service": ("organization", "service_at_locations", "schedules", "service_areas", "languages", "funding",
                "cost_options", "required_documents", "contacts", "phones", "attributes"),
    "service_at_location": ("location", "schedules", "phones", "contacts"),
    "location": ("addresses", "accessibility", "languages", "phones", "schedules", "attributes"),
    "contact": ("phones",),
    "service_area": ("attributes",),
    "attribute": ("taxonomy_term",),
    "taxonomy_term": ("taxonomy_detail",),
}
SINGLE_KEYS = {"organization": "organization_id", "location": "location_id", "taxonomy_term": "taxonomy_term_id",
               "taxonomy_detail": "taxonomy_id"}


def typed(table: str, row: dict[str, str]) -> dict[str, Any]:
    """A row of text as JSON values: numbers as numbers, the rest as text."""
    types = {column.name: column.type for column in TABLES[table].columns}
    value: dict[str, Any] = {}
    for name, text in row.items():
        if types.get(name) == "number":
            number = float(text)
            value[name] = int(number) if number.is_integer() else number
        else:
            value[name] = text
    return value


def nested_services(rows: Rows) -> list[dict[str, Any]]:
    """The services of a tabular HSDS package (`read_tables`) as nested JSON, as the API would give them."""
    by_id = {table: {row["id"]: row for row in table_rows} for table, table_rows in rows.items()}
    children: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for table, table_rows in rows.items():
        for row in table_rows:
            for column, value in row.items():
                if column == "link_id" or (column.endswith("_id") and column != "id"):
                    children.setdefault((table, column, value), []).append(row)

    def nest(table: str, row: dict[str, str], depth: int = 0) -> dict[str, Any]:
        obj = typed(table, row)
        for key in NESTING.get(table, ()) if depth < 6 else ():
            child_table = KEY_TABLES[key]
            if key in SINGLE_KEYS:
                found = by_id.get(child_table, {}).get(row.get(SINGLE_KEYS[key], ""))
                if found:
                    obj[key] = nest(child_table, found, depth + 1)
                continue
            link = "link_id" if child_table == "attribute" else f"{table}_id"
            found_rows = [r for r in children.get((child_table, link, row["id"]), [])
                          if child_table != "attribute" or r.get("link_entity") in (None, table)]
            if found_rows:
                obj[key] = [nest(child_table, r, depth + 1) for r in found_rows]
        return obj

    return [nest("service", row) for row in rows.get("service", [])]
