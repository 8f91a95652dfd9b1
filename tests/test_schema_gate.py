"""The compiled schema gate (jsonschema-rs) must never call valid what jsonschema rejects: it decides which
entries skip the detailed check, so that disagreement would let an invalid entry through. The schema's
patterns say [0-9], not \\d, because Python's \\d also matches full-width and Arabic-Indic digits and the
compiled engine's does not; with that, the two agree both ways."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from insatsbas.reader import load_catalogue
from insatsbas.sources import schema as schemas
from insatsbas.sources.schema_messages import SchemaChecker, without_empty_fields
from insatsbas.sources.yamlsource import read_document
from tests.conftest import SAMPLE, TODAY

# Values that break the schema's types, enums, patterns and lengths in the ways editors do, including the
# places where regular-expression dialects differ (Unicode digits and spaces).
BAD_VALUES: list[Any] = [
    12, 1.5, True, None, [], {}, "", " ", "x" * 400, "okänd-term", "2026-1-1", "٢٠٢٦-٠١-٠١", "2026-11-31",
    "25:00", "9:00", "０９:００", "08 123\u00a045 67", "abc-123", "namn@exempel", "namn @exempel.se",
    "ftp://exempel.se", "https://exempel se", "Huddinge", "sfi", "SFI", ["sfi", "sfi"], ["okänd"], [12],
    {"okänt": 1}, "141 ３0", "2026-02-29", "2028-02-29", "0999-01-01", "<b>fet</b>", "a < b", "08–123 45 67",
    "\u200bsv", "”09:00”", "00:00", "23:59", "12:30", 0, 65, 121, -1,
]


def sample_entries() -> list[dict[str, Any]]:
    return [read_document(path).data for path in sorted(SAMPLE.glob("*/*.yml")) if path.parent.name != "vocabularies"
            and path.name not in {"owners.yml", "synonyms.yml", "newcomers.yml"}]


def paths_of(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_of(value, (*prefix, index))
    return found


def mutated(entry: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    entry = copy.deepcopy(entry)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths_of(entry))
        parent = entry
        for step in path[:-1]:
            parent = parent[step]
        action = rng.random()
        if action < 0.15 and isinstance(parent, dict):
            del parent[path[-1]]
        elif action < 0.25 and isinstance(parent, dict):
            parent["okänt_fält"] = "x"
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(BAD_VALUES))
    return entry


@pytest.fixture(scope="module")
def checker() -> SchemaChecker:
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    return SchemaChecker(schemas.entry_schema(catalogue.vocabularies))


def test_the_gate_agrees_with_jsonschema_on_thousands_of_broken_entries(checker: SchemaChecker):
    authority = Draft202012Validator(checker.schema)
    entries = sample_entries()
    assert len(entries) > 100
    rng = random.Random(20261123)
    verdicts = {True: 0, False: 0}
    for number in range(3000):
        data = without_empty_fields(mutated(rng.choice(entries), rng), checker.schema)
        valid = not any(True for _ in authority.iter_errors(data))
        assert checker.gate.is_valid(data) == valid, f"mutation {number}: {data}"
        verdicts[valid] += 1
    assert verdicts[False] > 2000 and verdicts[True] > 0  # both answers were exercised


def test_every_sample_entry_passes_the_gate(checker: SchemaChecker):
    for data in sample_entries():
        assert checker.gate.is_valid(without_empty_fields(data, checker.schema))


def test_an_entry_the_gate_rejects_gets_jsonschemas_errors(checker: SchemaChecker):
    data = without_empty_fields(sample_entries()[0], checker.schema)
    data["status"] = "okänd"
    errors = list(checker.iter_errors(data))
    assert [tuple(error.absolute_path) for error in errors] == [("status",)]


def test_digits_in_patterns_are_ascii_digits(checker: SchemaChecker):
    entry = next(e for e in sample_entries() if any(p[-1] == "postal_code" for p in paths_of(e)))
    path = next(p for p in paths_of(entry) if p[-1] == "postal_code")
    parent = entry
    for step in path[:-1]:
        parent = parent[step]
    parent["postal_code"] = "141 ３0"  # a full-width digit, as an input method may type it
    errors = list(checker.iter_errors(without_empty_fields(entry, checker.schema)))
    assert [tuple(error.absolute_path) for error in errors] == [path]
