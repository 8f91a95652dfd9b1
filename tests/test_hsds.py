"""Open data in Open Referral HSDS 3.0, checked against the standard's own schemas and examples.

The reference files are read from ../shared/hsds beside the repository (where CI puts them); the
environment variable INSATSBAS_HSDS_REFERENCE may point elsewhere on a developer's machine.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker

from insatsbas.cli import cli
from insatsbas.hsds.emit import dump_entry
from insatsbas.hsds.export import export_services, write_hsds
from insatsbas.hsds.ids import hsds_id
from insatsbas.hsds.importer import HsdsImportError, import_hsds, render_report
from insatsbas.hsds.tables import TABLES, read_tables
from insatsbas.reader import load_catalogue, read_catalogue
from insatsbas.sources.yamlsource import parse_document
from tests.conftest import REPO, SAMPLE, TODAY, VALID_ENTRY

FORMATS = FormatChecker()


@pytest.fixture(scope="session")
def hsds_reference() -> Path:
    folder = Path(os.environ.get("INSATSBAS_HSDS_REFERENCE") or REPO.parent / "shared" / "hsds")
    if not (folder / "schema" / "compiled" / "service.json").is_file():
        pytest.fail(f"The HSDS 3.0 reference files are missing: expected {folder}/schema/compiled/service.json. "
                    "CI puts shared/ beside the repository; locally, set INSATSBAS_HSDS_REFERENCE to its hsds folder.")
    return folder


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def compiled(hsds_reference: Path):
    return lambda name: load_json(hsds_reference / "schema" / "compiled" / f"{name}.json")


@pytest.fixture(scope="session")
def sample_data(sample_build: Path) -> Path:
    """The open data the build published for the sample catalogue."""
    return sample_build / "data"


@pytest.fixture(scope="session")
def sample_services(sample_data: Path) -> dict[str, Any]:
    return load_json(sample_data / "hsds" / "services.json")


def errors_of(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def unknown_fields(instance: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Keys the standard does not define (its schemas allow them, so jsonschema alone would not say)."""
    found = []
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        for key, value in instance.items():
            if key not in properties:
                found.append(f"{path}.{key}")
            else:
                found += unknown_fields(value, properties[key], f"{path}.{key}")
    elif isinstance(instance, list):
        for index, item in enumerate(instance):
            found += unknown_fields(item, schema.get("items", {}), f"{path}[{index}]")
    return found


# --- the JSON form ----------------------------------------------------------------------------


def test_format_checker_checks_the_formats_hsds_uses():
    # Without the format extras jsonschema silently accepts any uri or date-time; make sure they are on.
    assert {"uuid", "email", "uri", "date", "date-time"} <= set(FORMATS.checkers)
    assert not FORMATS.conforms("not a uri", "uri")


def test_json_export_validates_against_the_hsds_service_schema(sample_services, compiled):
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    validator = Draft202012Validator(compiled("service"), format_checker=FORMATS)
    services = sample_services["contents"]
    errors = [error for service in services for error in errors_of(validator, service)]
    print(f"HSDS JSON: {len(services)} services validated against compiled/service.json, {len(errors)} errors")
    assert errors == []
    assert len(services) == sum(i.is_published for i in catalogue.interventions) > 100


def test_json_export_is_a_page_of_the_hsds_api(sample_services, hsds_reference):
    page = load_json(hsds_reference / "schema" / "openapi.json")["components"]["schemas"]["Page"]
    assert errors_of(Draft202012Validator(page), sample_services) == []
    assert sample_services["total_items"] == sample_services["size"] == len(sample_services["contents"])


def test_json_export_uses_only_fields_the_standard_defines(sample_services, compiled):
    schema = compiled("service")
    assert [field for service in sample_services["contents"] for field in unknown_fields(service, schema)] == []


def additional_properties_false_everywhere(schema: Any) -> Any:
    """What `compiletojsonschema --set-additional-properties-false-everywhere` does in the standard's own
    validate_examples_json_schema.sh: every object schema refuses keys it does not define."""
    if isinstance(schema, dict):
        closed = {key: additional_properties_false_everywhere(value) for key, value in schema.items()}
        if "properties" in schema:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [additional_properties_false_everywhere(item) for item in schema]
    return schema


def test_json_export_validates_against_the_compiled_schema_with_additional_properties_forbidden(
        sample_services, compiled):
    validator = Draft202012Validator(additional_properties_false_everywhere(compiled("service")),
                                     format_checker=FORMATS)
    errors = [error for service in sample_services["contents"] for error in errors_of(validator, service)]
    print(f"HSDS JSON, compiled/service.json with additionalProperties false everywhere: {len(errors)} errors")
    assert errors == []
    assert errors_of(validator, {**sample_services["contents"][0], "owner_editors": ["x"]})


def test_statuses_map_to_hsds_and_only_published_entries_are_exported(make_catalogue):
    entries = {f"huddinge/{status}.yml": VALID_ENTRY.replace("status: active", f"status: {status}")
               for status in ("active", "paused", "ended", "draft")}
    services = export_services(load_catalogue(make_catalogue(entries), today=TODAY))
    by_id = {next(a["value"] for a in s["attributes"] if a["taxonomy_term"]["code"] == "id"): s["status"]
             for s in services}
    assert by_id == {"huddinge/active": "active", "huddinge/paused": "temporarily closed"}


def test_schedule_service_area_contact_and_identifiers(make_catalogue):
    entry = VALID_ENTRY + """\
service_area: [botkyrka]
schedule:
  valid_from: 2026-08-01
  hours:
    - days: [mon, wed]
      opens: "09:00"
      closes: "12:00"
"""
    catalogue = load_catalogue(make_catalogue({"huddinge/sprakcafe.yml": entry}), today=TODAY)
    [service] = export_services(catalogue)
    assert service["id"] == hsds_id("service", "huddinge/sprakcafe") == export_services(catalogue)[0]["id"]
    [schedule] = service["schedules"]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"], schedule["valid_from"]) == (
        "WEEKLY", "MO,WE", "09:00:00", "12:00:00", "2026-08-01")
    # Swedish local time: HSDS reads a time without an offset as UTC, so the schedule gives Stockholm's offset.
    assert schedule["timezone"] == 1 and "Europe/Stockholm" in schedule["notes"]
    codes = [area["attributes"][0]["taxonomy_term"]["code"] for area in service["service_areas"]]
    assert [area["name"] for area in service["service_areas"]] == ["Huddinge", "Botkyrka"]
    assert codes == ["0126", "0127"]
    [contact] = service["contacts"]
    assert contact["title"] == "Bibliotekarie" and "name" not in contact
    assert service["assured_date"] == "2026-06-01"
    assert service["assurer_email"] == catalogue.owners["huddinge"].contact
    assert [language["code"] for language in service["languages"]] == ["sv"]


# --- the tabular form -------------------------------------------------------------------------


def typed_rows(rows: list[dict[str, str]], fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    numbers = {field["name"] for field in fields if field["type"] == "number"}
    return [{key: float(value) if key in numbers else value for key, value in row.items()} for row in rows]


def test_tabular_columns_and_types_are_the_standards(compiled):
    tabular = compiled("tabular")["properties"]
    assert set(TABLES) == set(tabular)
    for name, table in TABLES.items():
        standard = {key: spec for key, spec in tabular[name]["items"]["properties"].items()
                    if spec.get("type") not in ("array", "object") and "$ref" not in spec}
        assert table.column_names == list(standard), name
        for column in table.columns:
            spec = standard[column.name]
            expected = ("enum" if "enum" in spec else spec.get("format") or
                        {"datetime": "datetime"}.get(spec.get("datapackage_type"), spec.get("datapackage_type"))
                        or spec["type"])
            assert column.type == expected.replace("date-time", "datetime"), (name, column.name)


def test_every_csv_row_validates_against_the_tabular_schema(sample_data, compiled):
    tabular = compiled("tabular")["properties"]
    package = load_json(sample_data / "csv" / "datapackage.json")
    rows = read_tables(sample_data / "csv")
    errors, checked = [], 0
    for resource in package["resources"]:
        name = resource["name"]
        table_rows = typed_rows(rows[name], resource["schema"]["fields"])
        checked += len(table_rows)
        validator = Draft202012Validator(tabular[name], format_checker=FORMATS)
        errors += [f"{name}: {error}" for error in errors_of(validator, table_rows)]
        for column in tabular[name]["items"].get("tabular_required", []):
            errors += [f"{name}: {column} missing in {row['id']}" for row in table_rows if column not in row]
    print(f"HSDS tabular: {checked} rows in {len(rows)} tables validated against compiled/tabular.json, "
          f"{len(errors)} errors")
    assert errors == []
    assert {"service", "organization", "location", "attribute", "taxonomy_term", "schedule"} <= set(rows)


def test_every_foreign_key_in_the_tabular_form_resolves(sample_data):
    rows = read_tables(sample_data / "csv")
    ids = {name: {row["id"] for row in table} for name, table in rows.items()}
    broken, checked = [], 0
    for name, table in rows.items():
        keys = TABLES[name].foreign_keys()
        for row in table:
            references = [(target, row[column]) for column, target in keys.items() if column in row]
            if name == "attribute":
                references.append((row["link_entity"], row["link_id"]))
            if name == "metadata":
                references.append((row["resource_type"], row["resource_id"]))
            for target, value in references:
                checked += 1
                if value not in ids.get(target, set()):
                    broken.append(f"{name} {row['id']} -> {target} {value}")
    print(f"HSDS tabular: {checked} foreign keys checked, {len(broken)} broken")
    assert broken == []
    assert checked > 3000


def test_datapackage_describes_every_csv_file(sample_data):
    folder = sample_data / "csv"
    package = load_json(folder / "datapackage.json")
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["name"] == "CC0-1.0"
    assert {r["path"] for r in package["resources"]} == {p.name for p in folder.glob("*.csv")}
    rows = read_tables(folder)
    for resource in package["resources"]:
        header = (folder / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [field["name"] for field in resource["schema"]["fields"]]
        identifiers = [row["id"] for row in rows[resource["name"]]]
        assert len(identifiers) == len(set(identifiers)), resource["name"]
        for foreign_key in resource["schema"].get("foreignKeys", []):
            assert foreign_key["reference"]["resource"] in rows


@pytest.mark.parametrize(("valid_from", "valid_to", "offset"), [
    ("2026-06-01", "2026-08-31", 2),   # all in summer time
    ("2026-11-01", "2027-02-28", 1),   # all in winter time
    ("2026-08-01", "2026-12-15", 1),   # across the change: the standard offset, and the note explains
])
def test_schedule_timezone_is_stockholms_offset_during_the_schedule(make_catalogue, valid_from, valid_to, offset):
    entry = VALID_ENTRY + f"""\
schedule:
  valid_from: {valid_from}
  valid_to: {valid_to}
  hours:
    - days: [tue]
      opens: "17:30"
      closes: "19:00"
"""
    [service] = export_services(load_catalogue(make_catalogue({"huddinge/sprakcafe.yml": entry}), today=TODAY))
    [schedule] = service["schedules"]
    assert (schedule["opens_at"], schedule["timezone"]) == ("17:30:00", offset)


def official_package_errors(csv_folder: Path, hsds_reference: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    """Frictionless's errors for our CSV files read with the official HSDS `datapackage.json` (its types,
    required and unique constraints, primary and foreign keys), not with our own descriptor."""
    from frictionless import validate

    folder = tmp_path / "official"
    folder.mkdir()
    for table in csv_folder.glob("*.csv"):
        shutil.copy(table, folder / table.name)
    shutil.copy(hsds_reference / "datapackage.json", folder / "datapackage.json")
    report = validate(str(folder / "datapackage.json"))
    return [(error[0], error[1] or "", error[2]) for error in report.flatten(["type", "fieldName", "note"])]


def test_tables_validate_with_frictionless_against_the_official_hsds_datapackage(sample_data, hsds_reference,
                                                                                  tmp_path):
    official = load_json(hsds_reference / "datapackage.json")
    assert {resource["path"] for resource in official["resources"]} == {
        path.name for path in (sample_data / "csv").glob("*.csv")}, "every table of the standard, empty or not"
    errors = official_package_errors(sample_data / "csv", hsds_reference, tmp_path)
    print(f"Frictionless, official HSDS datapackage.json: {len(errors)} errors")
    assert errors == []


def test_frictionless_check_fails_on_a_time_without_seconds(sample_data, hsds_reference, tmp_path):
    """The check above can fail: a schedule time written "10:00" is an error for the official `time` type."""
    broken = tmp_path / "broken"
    shutil.copytree(sample_data / "csv", broken)
    schedules = broken / "schedules.csv"
    text = schedules.read_text(encoding="utf-8")
    assert ",10:00:00," in text
    schedules.write_text(text.replace(",10:00:00,", ",10:00,", 1), encoding="utf-8")
    errors = official_package_errors(broken, hsds_reference, tmp_path)
    assert [(kind, field) for kind, field, _ in errors] == [("type-error", "opens_at")]


def test_taxonomy_term_codes_are_unique_across_taxonomies(sample_data):
    codes = [row["code"] for row in read_tables(sample_data / "csv")["taxonomy_term"] if "code" in row]
    assert len(codes) == len(set(codes))
    assert {"target_groups:asylsokande", "residence_status:asylsokande"} <= set(codes)


def test_tabular_form_keeps_the_english_and_arabic_labels_of_terms(sample_data):
    rows = read_tables(sample_data / "csv")
    terms = {row["id"]: row for row in rows["taxonomy_term"]}
    labels = {(terms[row["link_id"]]["code"], terms[row["taxonomy_term_id"]]["code"]): row["value"]
              for row in rows["attribute"] if row["link_entity"] == "taxonomy_term"}
    assert labels[("categories:sfi", "label.en")] == "SFI – Swedish for immigrants"
    assert labels[("categories:sfi", "label.ar")].startswith("SFI")
    assert {row["language"] for row in rows["meta_table_description"]} == {"sv"}


# --- import -----------------------------------------------------------------------------------


def test_import_of_the_standard_example_passes_validation_and_reports_what_was_not_kept(
        make_catalogue, hsds_reference):
    root = make_catalogue()
    result = import_hsds(hsds_reference / "examples" / "service_full.json", "huddinge", root, today=TODAY)
    assert result.ok
    [path] = result.written
    check = read_catalogue(root, today=TODAY)
    assert check.errors == [] and check.catalogue is not None
    [report] = result.services
    not_kept = {note.field: note for note in report.not_kept}
    for field in ("alternate_name", "interpretation_services", "accreditations", "alert", "last_modified",
                  "organization.logo", "organization.programs[0].name", "attributes[0]",
                  "languages[0]", "service_at_locations[0].location.addresses[0].country", "metadata[0].updated_by"):
        assert field in not_kept, field
    assert not_kept["contacts[0].name"].value == "Ann Persona"
    filled = {note.field for note in report.filled}
    assert {"categories", "target_groups", "summary", "reviewed_by"} <= filled
    text = path.read_text(encoding="utf-8")
    assert "yaml-language-server" not in text
    assert "# ÅTGÄRDA: categories" in text
    assert "Ann Persona" not in text
    [entry] = check.catalogue.interventions
    # Thursdays and Fridays in weeks 41 and 42 on days 2-4 of a month, three times: no weekly rule says that.
    assert entry.schedule.hours == ()
    assert "10:00–18:00, enligt regeln FREQ=WEEKLY;INTERVAL=1;BYDAY=TH,FR;BYWEEKNO=41,42" in entry.schedule.description
    assert "schedules[0].until" not in not_kept
    assert entry.eligibility.min_age == 12 and entry.contact.role == "Reception Manager"
    lines = render_report(result, root / "huddinge", "en")
    assert any("not kept: contacts[0].name = Ann Persona" in line for line in lines)
    assert lines[-1].startswith("1 services imported")


def test_import_matches_vocabulary_terms_by_code_and_language_codes(make_catalogue):
    service = {
        "id": "0b6c1a9e-6b1e-4bd6-9a1a-2f0d3c6a1f11", "name": "Språkcafé", "status": "active",
        "description": "Prata svenska. Alla är välkomna.", "email": "cafe@example.org",
        "organization": {"id": "6a1b7c52-1d0e-4a55-8f1e-0c4b8d1e2f33", "name": "Tyresö kommun", "description": "x"},
        "languages": [{"id": "1f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "code": "ara"},
                      {"id": "2f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "code": "prs"},
                      {"id": "3f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "name": "Urdu"}],
        "service_areas": [{"id": "4f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "name": "Tyresö"}],
        "attributes": [
            {"id": "5f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "taxonomy_term": {
                "id": "6f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "code": "sprakstod", "name": "Språkstöd",
                "description": "x", "taxonomy_detail": {"id": "7f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66",
                                                        "name": "Insatsbas: kategorier", "description": "x"}}},
            {"id": "8f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "taxonomy_term": {
                "id": "9f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f66", "code": "10101", "name": "Food pantry",
                "description": "x", "taxonomy": "Open Eligibility"}},
        ],
    }
    root = make_catalogue()
    result = import_hsds([service], "tyreso", root, today=TODAY)
    assert result.ok
    [entry] = load_catalogue(root, today=TODAY).interventions
    assert entry.categories == ("sprakstod",)
    assert entry.languages == ("ar", "prs")
    assert entry.municipality == "tyreso"
    assert entry.provider.type == "kommun"
    assert entry.summary == "Prata svenska."
    not_kept = {note.field: note.value for note in result.services[0].not_kept}
    assert not_kept["attributes[1]"] == "Open Eligibility: Food pantry (10101)"
    assert not_kept["languages[2]"] == "Urdu"


def test_import_refuses_an_owner_that_is_not_in_owners_yml(make_catalogue, hsds_reference):
    root = make_catalogue()
    with pytest.raises(HsdsImportError) as raised:
        import_hsds(hsds_reference / "examples" / "service_full.json", "okand-agare", root, today=TODAY)
    assert "owners.yml" in str(raised.value)
    assert not (root / "okand-agare").exists()


def test_reimporting_a_service_updates_its_entry_in_place_and_never_overwrites_another(make_catalogue,
                                                                                      hsds_reference):
    root = make_catalogue()
    example = hsds_reference / "examples" / "service_full.json"
    [first] = import_hsds(example, "huddinge", root, today=TODAY).written
    text = first.read_text(encoding="utf-8")
    service = load_json(example)
    assert f"hsds_id: {service['id']}" in text
    [again] = import_hsds(example, "huddinge", root, today=TODAY).written
    assert again == first and again.read_text(encoding="utf-8") == text
    assert [p.name for p in (root / "huddinge").glob("*.yml")] == ["community-counselling.yml"]
    other = {**service, "id": "0d6ac0d4-5a1e-4a8e-9d1c-4d4e1b0f6a11"}  # another service, the same name
    [second] = import_hsds([other], "huddinge", root, today=TODAY).written
    [replaced] = import_hsds([{**other, "id": "7f6e0d4c-1111-4a8e-9d1c-4d4e1b0f6a12"}], "huddinge", root,
                             today=TODAY, replace=True).written
    assert (second.name, replaced.name) == ("community-counselling-2.yml", "community-counselling.yml")


def imported_entries(root: Path, source: Path | list, owner: str = "huddinge"):
    result = import_hsds(source, owner, root, today=TODAY)
    assert result.ok, result.problems
    catalogue = read_catalogue(root, today=TODAY)
    by_path = {Path(i.source).resolve(): i for i in catalogue.catalogue.interventions}
    return result, [by_path[path.resolve()] for path in result.written], catalogue


def test_values_filled_in_by_default_make_a_draft_that_validate_warns_about(make_catalogue, hsds_reference):
    service = load_json(hsds_reference / "examples" / "service_full.json")
    bare = {"id": service["id"], "name": "Läxhjälp för barn", "status": "active",
            "description": "Läxhjälp för barn i årskurs 1–6.", "email": "laxhjalp@example.org"}
    result, [entry], read = imported_entries(make_catalogue(), [bare])
    filled = {note.field for note in result.services[0].filled}
    assert {"provider.name", "target_groups", "last_reviewed"} <= filled
    assert entry.status == "draft" and set(entry.unconfirmed) == filled and not entry.is_published
    warnings = [p.render() for p in read.warnings if "unconfirmed" in p.render() or "bekräftat" in p.render()]
    assert len(warnings) == 1 and "provider.name" in warnings[0]


def test_an_entry_with_unconfirmed_values_cannot_be_published(make_catalogue):
    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY + "unconfirmed: [target_groups]\n"})
    result = read_catalogue(root, today=TODAY)
    assert result.catalogue is None
    assert any("kan inte publiceras" in p.render() for p in result.problems if p.is_error)


def test_an_organization_file_imports_its_services(make_catalogue, hsds_reference):
    organization = load_json(hsds_reference / "examples" / "organization_full.json")
    result, entries, _ = imported_entries(make_catalogue(), hsds_reference / "examples" / "organization_full.json")
    assert [e.hsds_id for e in entries] == [s["id"] for s in organization["services"]]
    assert all(e.provider.name == organization["name"] for e in entries)
    assert not any(e.title == organization["name"] for e in entries)


def test_a_service_at_location_file_imports_its_service_at_that_location(make_catalogue, hsds_reference):
    at_location = load_json(hsds_reference / "examples" / "service_at_location_full.json")
    _, [entry], _ = imported_entries(make_catalogue(), hsds_reference / "examples" / "service_at_location_full.json")
    assert entry.hsds_id == at_location["service"]["id"] and entry.title == at_location["service"]["name"]
    assert entry.title != "Namn saknas"
    assert at_location["location"]["name"] in {location.name for location in entry.locations}


@pytest.mark.parametrize(("example", "kind"), [("location.json", "location"), ("taxonomy_term.json", "taxonomy_term")])
def test_a_file_that_holds_no_service_is_refused_saying_what_it_is(make_catalogue, hsds_reference, example, kind):
    root = make_catalogue()
    with pytest.raises(HsdsImportError) as raised:
        import_hsds(hsds_reference / "examples" / example, "huddinge", root, today=TODAY)
    assert f"Filen är ett HSDS-objekt av typen {kind}, inte en tjänst" in str(raised.value)
    assert not (root / "huddinge").exists()


def exported_as_published(catalogue, entries) -> list[dict[str, Any]]:
    """The HSDS services of imported entries. Drafts are never published, so they are exported as active."""
    from dataclasses import replace

    from insatsbas.hsds.export import Exporter

    published = tuple(replace(entry, status="active", unconfirmed=()) for entry in entries)
    return [Exporter(replace(catalogue, interventions=published)).service(entry) for entry in published]


@pytest.mark.parametrize("example", ["service_full.json", "organization_full.json", "service_at_location_full.json"])
def test_the_official_examples_reach_a_fixed_point_import_export_import(make_catalogue, hsds_reference, example):
    root = make_catalogue()
    folder = root / "huddinge"
    _, entries, read = imported_entries(root, hsds_reference / "examples" / example)
    rounds = [{path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yml")}]
    ids = [entry.hsds_id for entry in entries]
    for _ in range(3):
        exported = exported_as_published(read.catalogue, entries)
        assert [service["id"] for service in exported] == ids, "the source's ids travel both ways"
        for path in folder.glob("*.yml"):
            path.unlink()
        _, entries, read = imported_entries(root, exported)
        rounds.append({path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yml")})
        if rounds[-1] == rounds[-2]:
            break
    print(f"{example}: the same files after {len(rounds) - 1} rounds of export and import")
    assert rounds[-1] == rounds[-2], "no fixed point after three rounds"
    assert [entry.hsds_id for entry in entries] == ids


@pytest.mark.parametrize(("narrowing", "rule"), [
    ({"bymonthday": "1"}, "BYMONTHDAY=1"),
    ({"byweekno": "10"}, "BYWEEKNO=10"),
    ({"count": 4}, "COUNT=4"),
    ({"until": "2026-12-31"}, "UNTIL=2026-12-31"),
    ({"interval": 2}, "INTERVAL=2"),
])
def test_a_recurrence_the_catalogue_cannot_hold_becomes_the_schedules_text(make_catalogue, narrowing, rule):
    service = {"id": "5b0ad1e4-6c40-4f1c-8f43-0c1d7f7b3a10", "name": "Syjunta", "status": "active",
               "description": "Vi syr.", "email": "syjunta@example.org",
               "schedules": [{"id": "6c1be2f5-7d51-4a2d-9a54-1d2e8a8c4b21", "freq": "WEEKLY", "byday": "TU",
                              "opens_at": "17:00:00", "closes_at": "19:00:00", **narrowing}]}
    result, [entry], _ = imported_entries(make_catalogue(), [service])
    assert entry.schedule is not None and entry.schedule.hours == (), "no broader weekly rule"
    assert "17:00–19:00" in entry.schedule.description and rule in entry.schedule.description
    assert not [note for note in result.services[0].not_kept if note.field.startswith("schedules")]


def test_a_weekly_rule_is_kept_as_opening_hours(make_catalogue):
    service = {"id": "5b0ad1e4-6c40-4f1c-8f43-0c1d7f7b3a11", "name": "Syjunta", "status": "active",
               "description": "Vi syr.", "email": "syjunta@example.org",
               "schedules": [{"id": "6c1be2f5-7d51-4a2d-9a54-1d2e8a8c4b22", "freq": "WEEKLY", "byday": "TU,TH",
                              "opens_at": "17:00:00", "closes_at": "19:00:00", "timezone": 1}]}
    _, [entry], _ = imported_entries(make_catalogue(), [service])
    [hours] = entry.schedule.hours
    assert (hours.days, hours.opens, hours.closes) == (("tue", "thu"), "17:00", "19:00")


@pytest.mark.parametrize("partial", [
    {"address": "Storgatan 1", "city": "Huddinge"},
    {"postal_code": "141 35"},
    {"address": "Storgatan 1", "postal_code": "141 35"},
])
def test_a_location_with_a_partial_address_survives_export_and_import(make_catalogue, partial):
    location = "".join(f"\n    {key}: {value}" for key, value in partial.items())
    entry = VALID_ENTRY + f"locations:\n  - name: Biblioteket{location}\n"
    catalogue = load_catalogue(make_catalogue({"huddinge/sprakcafe.yml": entry}), today=TODAY)
    [original] = catalogue.interventions[0].locations
    services = export_services(catalogue)
    target = catalogue_copy_without_entries(catalogue)
    result = import_hsds(services, "huddinge", target, today=TODAY)
    assert result.ok, result.problems
    [imported] = read_catalogue(target, today=TODAY).catalogue.interventions[0].locations
    assert imported == original
    assert not [n for n in result.services[0].not_kept if "location" in n.field]


def catalogue_copy_without_entries(catalogue) -> Path:
    """An empty catalogue folder with the sample's vocabularies and owners, beside the one given."""
    source = Path(catalogue.interventions[0].source).parent.parent
    target = source.parent / "import-target"
    target.mkdir()
    for name in ("vocabularies",):
        shutil.copytree(source / name, target / name)
    for name in ("owners.yml", "region.yml"):
        shutil.copy(source / name, target / name)
    return target


def test_the_standards_tabular_example_imports_like_its_json_example(make_catalogue, hsds_reference):
    tables = hsds_reference / "examples" / "csv"
    _, [from_tables], _ = imported_entries(make_catalogue(), tables)
    service = load_json(hsds_reference / "examples" / "service_full.json")
    assert (from_tables.hsds_id, from_tables.title) == (service["id"], service["name"])
    assert from_tables.locations and from_tables.contact.role and from_tables.status == "draft"


def test_our_tables_import_into_the_same_files_as_our_json(tmp_path, sample_data):
    folders = {}
    for form, source in (("json", sample_data / "hsds" / "services.json"),
                         ("tables", sample_data / "csv" / "datapackage.json")):
        root = tmp_path / form
        shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
        for name in ("owners.yml", "region.yml"):
            shutil.copy(SAMPLE / name, root / name)
        result = import_hsds(source, "huddinge", root, today=TODAY)
        assert result.ok, result.problems[:3]
        folders[form] = {path.name: path.read_text(encoding="utf-8") for path in (root / "huddinge").glob("*.yml")}
    assert len(folders["json"]) > 100
    assert folders["tables"] == folders["json"]


def test_a_folder_without_a_datapackage_is_refused(make_catalogue, tmp_path):
    with pytest.raises(HsdsImportError) as raised:
        import_hsds(tmp_path, "huddinge", make_catalogue(), today=TODAY)
    assert "ingen datapackage.json" in str(raised.value)


def test_two_entries_with_the_same_hsds_id_are_an_error(make_catalogue):
    same = "hsds_id: ac148810-d857-441c-9679-408f346de14b\n"
    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY + same, "huddinge/b.yml": VALID_ENTRY + same})
    result = read_catalogue(root, today=TODAY)
    assert result.catalogue is None
    [problem] = [p for p in result.problems if p.is_error]
    assert problem.path.endswith("b.yml") and "finns redan i" in problem.render() and problem.line > 1


def test_import_is_undone_when_a_written_file_fails_validation(make_catalogue, hsds_reference):
    service = load_json(hsds_reference / "examples" / "service_full.json")
    service["attributes"].append({"id": "5f0e7b8c-5a4d-4c3b-9a2e-1d0c9b8a7f67", "value": "<b>Fet</b> text",
                                  "taxonomy_term": {"id": hsds_id("taxonomy_term", "fields", "summary"),
                                                    "name": "Sammanfattning", "description": "x"}})
    root = make_catalogue()
    result = import_hsds([service], "huddinge", root, today=TODAY)
    assert not result.ok
    assert result.written == []
    assert list((root / "huddinge").glob("*.yml")) == []
    assert "Sammanfattningen ska vara ren text" in result.problems[0].render()


def test_yaml_emitter_keeps_codes_times_numbers_and_dates_as_text():
    data = {"title": "no", "code": "0126", "time": "10:30", "phone": "0701740605", "date": "2026-01-31",
            "yes": "true", "count": 12, "free": False, "text": "Rad ett.\n\nRad två: «citat» # inte kommentar\n",
            "list": ["sv", "ar", "1177"]}
    text = dump_entry(data, {"code": ["ÅTGÄRDA: kontrollera"]})
    assert parse_document(text).data == data
    assert "# ÅTGÄRDA: kontrollera\ncode:" in text
    assert "date: 2026-01-31\n" in text


# --- round trip, build and command line --------------------------------------------------------


def test_round_trip_export_import_export_is_identical(tmp_path, sample_data):
    """Export the sample, import every service into a fresh catalogue under its owner, export again."""
    root = tmp_path / "catalogue"
    root.mkdir()
    shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
    shutil.copy(SAMPLE / "owners.yml", root / "owners.yml")
    shutil.copy(SAMPLE / "region.yml", root / "region.yml")
    by_owner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for service in load_json(sample_data / "hsds" / "services.json")["contents"]:
        entry_id = next(a["value"] for a in service["attributes"] if a["taxonomy_term"]["code"] == "id")
        by_owner[entry_id.split("/")[0]].append(service)
    for owner, services in by_owner.items():
        result = import_hsds(services, owner, root, today=TODAY)
        assert result.ok, [p.render() for p in result.problems]
        assert [(r.not_kept, r.filled) for r in result.services] == [([], [])] * len(services)
    write_hsds(load_catalogue(root, today=TODAY), tmp_path / "again")
    # data/ also holds the site's own open data (insatsbas.db, insatser.csv); compare what HSDS wrote.
    first = sorted(p.relative_to(sample_data) for p in sample_data.rglob("*")
                   if p.is_file() and p.relative_to(sample_data).parts[0] in ("hsds", "csv"))
    second = sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*") if p.is_file())
    assert first == second and len(first) > 15
    different = [str(p) for p in first if (sample_data / p).read_bytes() != (tmp_path / "again" / p).read_bytes()]
    print(f"HSDS round trip: {len(first)} files, {len(different)} different")
    assert different == []


def test_build_publishes_the_open_data_beside_the_database(sample_build):
    assert (sample_build / "data" / "hsds" / "services.json").is_file()
    assert (sample_build / "data" / "csv" / "datapackage.json").is_file()
    assert (sample_build / "insatsbas.db").is_file()


def test_open_data_page_is_a_swedish_pelican_page():
    text = (REPO / "insatsbas" / "content" / "pages" / "oppna-data.md").read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0].splitlines()
    assert head[:3] == ["Title: Öppna data", "Slug: oppna-data", "Lang: sv"]
    for needle in ("CC0", "/data/hsds/services.json", "/data/csv/datapackage.json", "insatsbas.db"):
        assert needle in text, needle


def test_cli_export_and_import(tmp_path, make_catalogue, hsds_reference):
    runner = CliRunner()
    exported = runner.invoke(cli, ["export", "hsds", "--catalogue", str(SAMPLE), "--out", str(tmp_path / "out"),
                                   "--today", TODAY.isoformat(), "--lang", "en"])
    assert exported.exit_code == 0, exported.output
    published = sum(i.is_published for i in load_catalogue(SAMPLE, today=TODAY).interventions)
    assert f"Exported {published} services as HSDS 3.0" in exported.output
    assert (tmp_path / "out" / "hsds" / "services.json").is_file()
    root = make_catalogue()
    example = str(hsds_reference / "examples" / "service_full.json")
    imported = runner.invoke(cli, ["import", "hsds", example, "--owner", "huddinge", "--catalogue", str(root),
                                   "--today", TODAY.isoformat()])
    assert imported.exit_code == 0, imported.output
    assert "inte bevarat: alternate_name = MyCity Counselling Services" in imported.output
    unknown = runner.invoke(cli, ["import", "hsds", example, "--owner", "okand", "--catalogue", str(root),
                                  "--lang", "en"])
    assert unknown.exit_code == 1
    assert "The owner «okand» is not in" in unknown.output


@pytest.mark.parametrize("keys", [("service", "huddinge/sfi"), ("location", "haninge/sprakcafe", "1"),
                                  ("attribute", "å/ä", "ö", "العربية"), ("organization",), ("x", "")])
def test_identifiers_are_the_standard_uuid5_of_the_namespace(keys):
    import uuid

    from insatsbas.hsds.ids import NAMESPACE

    assert hsds_id(*keys) == str(uuid.uuid5(NAMESPACE, "|".join(keys)))
    assert uuid.UUID(hsds_id(*keys)).version == 5
