"""The shipped sample catalogue is realistic, complete where the brief asks, and obviously fictitious."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from insatsbas.reader import load_catalogue
from tests.conftest import SAMPLE, TODAY

SODERTORN = {"botkyrka", "haninge", "huddinge", "nacka", "nykvarn", "nynashamn", "salem", "sodertalje", "tyreso",
             "varmdo"}
# Number ranges the Swedish Post and Telecom Authority keeps for use in fiction.
FICTION_RANGES = [("0701740605", "0701740699"), ("0846500400", "0846500499"), ("0313900600", "0313900699"),
                  ("0406280400", "0406280499"), ("0980319200", "0980319299")]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(SAMPLE, today=TODAY)


def test_size_matches_the_2010_base(catalogue):
    statuses = Counter(i.status for i in catalogue.interventions)
    assert statuses["active"] >= 120
    assert 15 <= statuses["paused"] + statuses["ended"] + statuses["draft"] <= 30
    assert statuses["paused"] and statuses["ended"] and statuses["draft"]


def test_every_municipality_agency_and_six_civil_society_owners(catalogue):
    owners = {i.owner for i in catalogue.interventions}
    assert owners >= SODERTORN
    assert {"arbetsformedlingen", "forsakringskassan", "region-stockholm"} <= owners
    civil = {o for o in owners if catalogue.owners[o].type == "ideell"}
    assert len(civil) >= 6


def test_varied_languages_including_the_large_newcomer_languages(catalogue):
    languages = Counter(code for i in catalogue.interventions for code in i.languages)
    for code in ("ar", "prs", "so", "ti", "fa", "uk", "en"):
        assert languages[code] >= 2, code


def test_varied_categories_and_target_groups(catalogue):
    assert {c for i in catalogue.interventions for c in i.categories} == set(catalogue.vocabularies.categories)
    assert len({t for i in catalogue.interventions for t in i.target_groups}) >= 10


def test_translations(catalogue):
    assert sum("en" in i.translations for i in catalogue.interventions) >= 30
    assert sum("ar" in i.translations for i in catalogue.interventions) >= 10


def test_some_are_open_to_the_whole_of_sodertorn(catalogue):
    assert sum(set(i.open_to) == SODERTORN for i in catalogue.interventions) >= 5


def test_some_are_past_their_review_date(catalogue):
    overdue = [i for i in catalogue.interventions if catalogue.review_due(i) < TODAY]
    assert 8 <= len(overdue) <= 40


def test_structured_eligibility_is_used(catalogue):
    entries = catalogue.interventions
    assert any("asylsokande" in i.eligibility.residence_status for i in entries)
    assert any("ensamkommande" in i.eligibility.residence_status for i in entries)
    assert any(i.eligibility.months_in_sweden.max in (24, 36) for i in entries)
    assert any(i.eligibility.gender == "women" for i in entries)


def test_contact_details_are_obviously_fictitious(catalogue):
    for i in catalogue.interventions:
        for email in filter(None, [i.contact.email]):
            assert email.endswith("example.org"), (i.id, email)
        for url in filter(None, [i.contact.url, i.provider.url]):
            assert re.match(r"https://example\.org(/|$)", url), (i.id, url)
        if i.contact.phone:
            digits = re.sub(r"\D", "", i.contact.phone)
            assert any(low <= digits <= high and len(digits) == len(low) for low, high in FICTION_RANGES), (
                i.id, i.contact.phone)
    for owner in catalogue.owners.values():
        assert owner.contact.endswith("@example.org")


def test_no_entry_carries_a_schema_comment():
    # VS Code finds the schema through .vscode/settings.json; the web editor would drop such a line.
    for path in SAMPLE.glob("*/*.yml"):
        assert "yaml-language-server" not in path.read_text(encoding="utf-8"), path


def test_the_region_and_the_counties_are_read_into_the_model(catalogue):
    assert catalogue.region.name_in("sv") == "Södertörn" and catalogue.region.name_in("ar") == "سودرتورن"
    assert catalogue.region.in_region_in("sv") == "på Södertörn" and catalogue.region.in_region_in("en") == "in Södertörn"
    assert len(catalogue.vocabularies.counties) == 21
    assert {catalogue.vocabularies.county_of(slug).label["sv"] for slug in SODERTORN} == {"Stockholms län"}
