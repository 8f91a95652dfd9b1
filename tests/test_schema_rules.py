"""The generated rules of the entry schema say exactly what `validate` used to check in Python: dates that
exist, closing after opening, minimum not above maximum, no HTML in a summary. Checked exhaustively (or over
thousands of cases) with both the compiled gate and jsonschema."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from itertools import product

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from insatsbas.reader import load_catalogue
from insatsbas.sources import schema as schemas
from tests.conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def entry_schema() -> dict:
    return schemas.entry_schema(load_catalogue(SAMPLE, today=TODAY).vocabularies)


def defs_schema(entry_schema: dict, properties: dict, **extra) -> dict:
    """A schema with the entry schema's rules, for checking one of them alone."""
    return {"$schema": entry_schema["$schema"], "$defs": entry_schema["$defs"], "properties": properties, **extra}


def test_date_pattern_accepts_exactly_the_dates_that_exist():
    pattern = re.compile(schemas.DATE_PATTERN)
    years = [1000, 1900, 1999, 2000, 2024, 2025, 2026, 2027, 2028, 2100, 2400, 9999]
    for year, month, day in product(years, range(0, 14), range(0, 33)):
        text = f"{year:04d}-{month:02d}-{day:02d}"
        try:
            exists = date.fromisoformat(text) is not None
        except ValueError:
            exists = False
        assert bool(pattern.fullmatch(text)) == exists, text
    assert not pattern.fullmatch("0999-01-01") and not pattern.fullmatch("2026-1-01")


def test_dates_over_a_long_span_all_pass():
    pattern = re.compile(schemas.DATE_PATTERN)
    day = date(1890, 1, 1)
    while day < date(2110, 1, 1):
        assert pattern.fullmatch(day.isoformat()), day
        day += timedelta(days=1)


def test_closing_time_rules_accept_exactly_the_later_times(entry_schema):
    schema = defs_schema(entry_schema, {}, **{
        "if": entry_schema["properties"]["schedule"]["properties"]["hours"]["items"]["if"],
        "then": {"$ref": "#/$defs/closes_after_opens_1"}})
    gate = jsonschema_rs.validator_for(schema)
    times = [f"{hour:02d}:{minute:02d}" for hour in range(24) for minute in (0, 1, 9, 10, 29, 30, 31, 50, 58, 59)]
    for opens, closes in product(times, times):
        assert gate.is_valid({"opens": opens, "closes": closes}) == (closes > opens), (opens, closes)
    authority = Draft202012Validator(schema)
    for opens, closes in random.Random(12).sample(list(product(times, times)), 400):
        assert authority.is_valid({"opens": opens, "closes": closes}) == (closes > opens), (opens, closes)


@pytest.mark.parametrize(("group", "low", "high", "maximum"), [
    ("eligibility", "min_age", "max_age", schemas.AGE_MAX),
    ("months_in_sweden", "min", "max", schemas.MONTHS_IN_SWEDEN_MAX),
])
def test_a_minimum_above_its_maximum_is_refused_and_nothing_else(entry_schema, group, low, high, maximum):
    eligibility = entry_schema["properties"]["eligibility"]
    found = eligibility if group == "eligibility" else eligibility["properties"]["months_in_sweden"]
    schema = defs_schema(entry_schema, {}, **{"if": found["if"], "then": found["then"]})
    gate = jsonschema_rs.validator_for(schema)
    for low_value, high_value in product(range(maximum + 1), repeat=2):
        assert gate.is_valid({low: low_value, high: high_value}) == (low_value <= high_value), (low_value, high_value)
    authority = Draft202012Validator(schema)
    assert not authority.is_valid({low: 65, high: 18}) and authority.is_valid({low: 18, high: 65})
    assert authority.is_valid({low: 65}) and authority.is_valid({high: 0})


HTML_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


def test_summary_pattern_refuses_exactly_the_texts_with_an_html_tag():
    pattern = re.compile(schemas.NO_HTML)
    rng = random.Random(3)
    texts = ["".join(rng.choice("<>ab/! \n") for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    texts += ["a < b och c > d", "<3 tack", "<script>alert(1)</script>", "Kom <b>nu</b>", "x <!-- y -->", "<", "<<a"]
    for text in texts:
        assert bool(pattern.fullmatch(text)) == (not HTML_TAG.search(text)), repr(text)
