"""Help while typing: the committed JSON Schema, and `insatsbas new`."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from insatsbas.cli import cli
from insatsbas.editing.authoring import render_entry_schema, schema_path
from insatsbas.sources.yamlsource import read_document
from tests.conftest import REPO, SAMPLE, VALID_ENTRY, write

COMMITTED_SCHEMA = REPO / "schema" / "insats.schema.json"


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def sample_entries() -> list[Path]:
    return sorted(p for p in SAMPLE.glob("*/*.yml") if p.parent.name != "vocabularies")


@pytest.fixture(scope="module")
def schema_validator() -> Draft202012Validator:
    schema = json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


# --- the schema file -------------------------------------------------------------------------------


def test_committed_schema_is_current():
    assert schema_path(SAMPLE) == COMMITTED_SCHEMA
    assert COMMITTED_SCHEMA.read_text(encoding="utf-8") == render_entry_schema(SAMPLE)


def test_every_field_has_a_swedish_title_and_description(schema_validator):
    missing: list[str] = []

    def walk(node: dict, where: str) -> None:
        for name, child in node.get("properties", {}).items():
            if not (child.get("title") and child.get("description")):
                missing.append(f"{where}{name}")
            walk(child, f"{where}{name}.")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                walk(node[key], where)

    walk(schema_validator.schema, "")
    assert not missing, missing
    assert schema_validator.schema["properties"]["summary"]["title"] == "Sammanfattning"


def test_enums_come_from_the_vocabularies(schema_validator):
    properties = schema_validator.schema["properties"]
    assert "huddinge" in properties["municipality"]["enum"]
    assert {"ar", "prs", "so", "ti"} <= set(properties["languages"]["items"]["enum"])


def test_every_sample_entry_validates_against_the_written_schema(schema_validator):
    entries = sample_entries()
    assert len(entries) >= 120
    failures = {
        str(path.relative_to(SAMPLE)): [error.message for error in schema_validator.iter_errors(read_document(path).data)]
        for path in entries
    }
    assert not {path: errors for path, errors in failures.items() if errors}


def replace(old: str, new: str) -> str:
    assert old in VALID_ENTRY, old
    return VALID_ENTRY.replace(old, new)


MISTAKES = [
    # Types
    ("postal code as a number", VALID_ENTRY + "locations:\n  - name: Biblioteket\n    postal_code: 14130\n",
     ["locations", 0, "postal_code"]),
    ("time as a number", VALID_ENTRY + "schedule:\n  hours:\n    - {days: [tue], opens: 10.30, closes: \"12:00\"}\n",
     ["schedule", "hours", 0, "opens"]),
    ("phone as a number", replace("  email: bibliotek.huddinge@example.org", "  phone: 4650040"),
     ["contact", "phone"]),
    ("age as a word", VALID_ENTRY + "eligibility:\n  min_age: arton\n", ["eligibility", "min_age"]),
    ("yes/no as a word", VALID_ENTRY + "cost:\n  free: ja\n", ["cost", "free"]),
    ("capacity quoted", VALID_ENTRY + 'capacity: "20"\n', ["capacity"]),
    ("list as a single word", replace("categories: [sprakstod]", "categories: sprakstod"), ["categories"]),
    ("group as a single word", replace("provider:\n  name: Huddinge kommun, biblioteken\n  type: kommun",
                                       "provider: Huddinge kommun"), ["provider"]),
    ("latitude quoted", VALID_ENTRY + 'locations:\n  - {name: Biblioteket, latitude: "59.2"}\n',
     ["locations", 0, "latitude"]),
    # Enums
    ("status in Swedish", replace("status: active", "status: aktiv"), ["status"]),
    ("municipality outside Södertörn", replace("municipality: huddinge", "municipality: stockholm"), ["municipality"]),
    ("unknown category", replace("categories: [sprakstod]", "categories: [sprakcafe]"), ["categories", 0]),
    ("language name instead of code", replace("languages: [sv]", "languages: [sv, arabiska]"), ["languages", 1]),
    ("referral in Swedish", replace("referral: self", "referral: sjalv"), ["how_to_apply", "referral"]),
    ("provider type", replace("type: kommun", "type: kommunen"), ["provider", "type"]),
    ("gender in Swedish", VALID_ENTRY + "eligibility:\n  gender: kvinnor\n", ["eligibility", "gender"]),
    ("weekday in Swedish", VALID_ENTRY + 'schedule:\n  hours:\n    - {days: [tis], opens: "10:00", closes: "12:00"}\n',
     ["schedule", "hours", 0, "days", 0]),
    ("residence status", VALID_ENTRY + "eligibility:\n  residence_status: [flykting]\n",
     ["eligibility", "residence_status", 0]),
    ("translation language", VALID_ENTRY + "translations:\n  xx: {title: A, summary: B, description: C}\n",
     ["translations"]),
]


@pytest.mark.parametrize(("case", "text", "path"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_schema_rejects_what_validate_rejects(make_catalogue, schema_validator, case, text, path):
    root = make_catalogue({"huddinge/sprakcafe.yml": text})
    code, output = run("validate", "--catalogue", str(root), "--today", "2026-11-22")
    assert code == 1, output
    errors = list(schema_validator.iter_errors(read_document(root / "huddinge" / "sprakcafe.yml").data))
    assert path in [list(error.absolute_path) for error in errors], [e.message for e in errors]


@pytest.mark.parametrize("text", [
    VALID_ENTRY,
    replace("  email: bibliotek.huddinge@example.org", '  phone: "08-465 004 10"'),
    VALID_ENTRY + 'schedule:\n  hours:\n    - {days: [tue, thu], opens: "10:00", closes: "12:00"}\n',
    VALID_ENTRY + 'locations:\n  - {name: Biblioteket, postal_code: "141 30", latitude: 59.2365}\n',
], ids=["plain", "quoted phone", "hours", "location"])
def test_schema_accepts_what_validate_accepts(make_catalogue, schema_validator, text):
    root = make_catalogue({"huddinge/sprakcafe.yml": text})
    code, output = run("validate", "--catalogue", str(root), "--today", "2026-11-22")
    assert code == 0, output
    assert not list(schema_validator.iter_errors(read_document(root / "huddinge" / "sprakcafe.yml").data))


def test_schema_command_writes_beside_the_catalogue_and_check_notices_a_new_term(make_catalogue):
    root = make_catalogue()
    code, output = run("schema", "--catalogue", str(root))
    assert code == 0, output
    written = root.parent / "schema" / "insats.schema.json"
    assert json.loads(written.read_text(encoding="utf-8"))["title"] == "Insats i Insatsbas"
    assert run("schema", "--catalogue", str(root), "--check")[0] == 0
    categories = root / "vocabularies" / "categories.yml"
    categories.write_text(categories.read_text(encoding="utf-8") + (
        "- slug: digitalt\n  label: {sv: Digital vardag, en: Digital everyday life, ar: الحياة الرقمية}\n"),
        encoding="utf-8")
    code, output = run("schema", "--catalogue", str(root), "--check")
    assert code == 1
    assert "insats.schema.json är inte aktuell. Kör `insatsbas schema` och checka in filen." in output
    assert run("schema", "--catalogue", str(root))[0] == 0
    assert "digitalt" in json.loads(written.read_text(encoding="utf-8"))["properties"]["categories"]["items"]["enum"]


# --- insatsbas new ---------------------------------------------------------------------------------

PLACEHOLDER_FIELDS = {
    "summary", "description", "categories[0]", "target_groups[0]", "languages[0]", "how_to_apply.referral",
    "how_to_apply.description", "contact.role", "contact.email", "reviewed_by",
}


def named_fields(output: str) -> set[str]:
    return {match for line in output.splitlines() if ": fel: " in line for match in re.findall(r"«([^»]+)»", line)[-1:]}


def test_new_entry_has_every_required_field_today_and_a_folded_slug(make_catalogue, schema_validator):
    root = make_catalogue()
    code, output = run("new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge",
                       "Läxhjälp på Åsa bibliotek: för unga")
    assert code == 0, output
    path = root / "huddinge" / "laxhjalp-pa-asa-bibliotek-for-unga.yml"
    assert "laxhjalp-pa-asa-bibliotek-for-unga.yml" in output
    text = path.read_text(encoding="utf-8")
    # VS Code finds the schema through .vscode/settings.json; the file starts with the template's prompts.
    assert "yaml-language-server" not in text and text.startswith("# Ny insats.")
    data = read_document(path).data
    assert set(schema_validator.schema["required"]) <= set(data)
    assert data["title"] == "Läxhjälp på Åsa bibliotek: för unga"
    assert data["last_reviewed"] == "2026-11-22"
    assert data["municipality"] == "huddinge"
    assert data["provider"] == {"name": "Huddinge kommun", "type": "kommun"}


def test_validate_names_exactly_the_placeholders_left_to_fill(make_catalogue):
    root = make_catalogue()
    run("new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge", "Språkcafé")
    code, output = run("validate", "--catalogue", str(root), "--today", "2026-11-22")
    assert code == 1
    assert named_fields(output) == PLACEHOLDER_FIELDS
    assert ("Okänt värde «välj-kategori» i «categories[0]». Giltiga värden: sfi (SFI – svenska för invandrare), "
            "samhallsorientering (Samhällsorientering)") in output


def test_owner_without_a_municipality_also_chooses_one(make_catalogue):
    root = make_catalogue()
    run("new", "--catalogue", str(root), "--today", "2026-11-22", "arbetsformedlingen", "Jobbspår")
    code, output = run("validate", "--catalogue", str(root), "--today", "2026-11-22")
    assert named_fields(output) == PLACEHOLDER_FIELDS | {"municipality"}


def test_filled_in_entry_validates(make_catalogue):
    root = make_catalogue()
    run("new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge", "Språkcafé")
    path = root / "huddinge" / "sprakcafe.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ('summary: ""', "summary: Öva svenska med frivilliga samtalsvärdar."),
        ('description: ""\n# active', "description: Varje tisdag på biblioteket.\n# active"),
        ("[välj-kategori]", "[sprakstod]"), ("[välj-målgrupp]", "[vuxna]"), ("[välj-språk]", "[sv]"),
        ("referral: välj-anmälan", "referral: self"),
        ('  description: ""', "  description: Kom när du vill."),
        ('role: ""', "role: Bibliotekarie"), ('email: ""', "email: bibliotek@example.org"),
        ('reviewed_by: ""', "reviewed_by: Bibliotekschef"),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    code, output = run("validate", "--catalogue", str(root), "--today", "2026-11-22")
    assert code == 0, output


def test_new_refuses_to_overwrite(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yaml": VALID_ENTRY})
    code, output = run("new", "--catalogue", str(root), "huddinge", "Språkcafé")
    assert code == 1
    assert "sprakcafe.yaml finns redan och skrivs inte över" in output
    assert (root / "huddinge" / "sprakcafe.yaml").read_text(encoding="utf-8") == VALID_ENTRY
    assert not (root / "huddinge" / "sprakcafe.yml").exists()


def test_new_refuses_an_unknown_owner_with_a_suggestion(make_catalogue):
    code, output = run("new", "--catalogue", str(make_catalogue()), "hudinge", "Språkcafé")
    assert code == 1
    assert output.strip() == "Ägaren «hudinge» finns inte i owners.yml. Menade du «huddinge»?"


def test_new_refuses_a_title_without_letters(make_catalogue):
    code, output = run("new", "--catalogue", str(make_catalogue()), "huddinge", "!!!")
    assert code == 1
    assert "Titeln «!!!» ger inget filnamn" in output


def test_new_uses_todays_date_by_default(make_catalogue):
    root = make_catalogue()
    run("new", "--catalogue", str(root), "nacka", "Föräldraträff")
    data = read_document(root / "nacka" / "foraldratraff.yml").data
    assert data["last_reviewed"] == date.today().isoformat()


def test_title_with_quotes_and_colons_stays_exact(make_catalogue):
    root = make_catalogue()
    title = 'Kurs: "Att bo i Sverige" # del 1'
    run("new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge", title)
    assert read_document(root / "huddinge" / "kurs-att-bo-i-sverige-del-1.yml").data["title"] == title


def test_written_entry_is_unchanged_by_a_second_attempt(make_catalogue):
    root = make_catalogue()
    run("new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge", "Språkcafé")
    path = root / "huddinge" / "sprakcafe.yml"
    write(path, VALID_ENTRY)
    assert run("new", "--catalogue", str(root), "huddinge", "Språkcafé")[0] == 1
    assert path.read_text(encoding="utf-8") == VALID_ENTRY
