"""Datasette with metadata.yml on the built database, over real HTTP."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, running_datasette


@pytest.fixture(scope="module")
def datasette(sample_build):
    with running_datasette(sample_build / "insatsbas.db", REPO / "insatsbas" / "datasette" / "metadata.yml") as client:
        yield client


def rows(client, path, **params):
    response = client.get("/insatsbas" + path + ".json", params={"_shape": "array", **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_full_text_search_box_works(datasette):
    hits = rows(datasette, "/interventions", _search="språkcafé")
    assert hits and all("språkcafé" in (h["title"] + h["description"] + h["keywords"]).lower() for h in hits)


def test_open_to_residents_includes_neighbouring_service_areas(datasette):
    hits = rows(datasette, "/open_to_residents", kommun="salem")
    assert hits
    assert any(h["finns_i"] != "Salem" for h in hits), "entries elsewhere open to Salem residents are listed"


def test_gap_matrix_has_a_row_per_category_and_a_column_per_municipality(datasette):
    matrix = rows(datasette, "/gap_matrix")
    assert len(matrix) == 12
    assert set(matrix[0]) == {"kategori", "Botkyrka", "Haninge", "Huddinge", "Nacka", "Nykvarn", "Nynäshamn",
                              "Salem", "Södertälje", "Tyresö", "Värmdö"}
    sfi = next(r for r in matrix if r["kategori"].startswith("SFI"))
    assert all(sfi[m] >= 1 for m in ("Botkyrka", "Huddinge", "Södertälje"))


def test_overdue_reviews_lists_entries_per_owner(datasette):
    overdue = rows(datasette, "/overdue_reviews", datum="2026-11-22")
    assert len(overdue) >= 10
    assert all(row["review_due"] < "2026-11-22" and row["dagar_sen"] > 0 for row in overdue)
    assert all(row["kontakt"].endswith("@example.org") for row in overdue)


def test_language_queries(datasette):
    counts = {row["kod"]: row["insatser"] for row in rows(datasette, "/by_language")}
    assert counts["ar"] >= 10 and counts["sv"] >= 100
    arabic = rows(datasette, "/in_language", sprak="ar")
    assert len(arabic) == counts["ar"]


def test_free_for_target_group(datasette):
    free = rows(datasette, "/free_for_target_group", malgrupp="kvinnor")
    assert free


def test_every_table_and_column_is_described(datasette):
    import yaml

    from tests.conftest import REPO as repo

    metadata = yaml.safe_load((repo / "insatsbas" / "datasette" / "metadata.yml").read_text(encoding="utf-8"))
    described = metadata["databases"]["insatsbas"]["tables"]
    tables = rows(datasette, "", sql="select name from sqlite_master where type='table' and name not like '%_fts%'")
    for table in (t["name"] for t in tables):
        assert table in described, table
        columns = [c["name"] for c in rows(datasette, "", sql=f"select name from pragma_table_info('{table}')")]
        missing = set(columns) - set(described[table].get("columns", {}))
        assert not missing, (table, missing)


def test_insatsbas_serve_titles_datasette_with_the_region_and_the_package_names_none():
    from insatsbas.reader import load_catalogue
    from insatsbas.serve import METADATA, datasette_metadata
    from tests.conftest import SAMPLE, TODAY

    region = load_catalogue(SAMPLE, today=TODAY).region
    assert datasette_metadata(region)["title"] == "Insatsbas – insatser för nyanlända på Södertörn"
    assert datasette_metadata()["title"] == "Insatsbas – insatser för nyanlända"
    assert "Södertörn" not in METADATA.read_text(encoding="utf-8")
    assert datasette_metadata(region)["databases"] == datasette_metadata()["databases"]


def eligible(intervention, *, status, age, municipality, months=None, gender=None) -> bool:
    """The eligibility rule, written independently of the SQL: empty means open to everyone."""
    rule = intervention.eligibility
    return (
        intervention.status == "active"
        and municipality in intervention.open_to
        and (not rule.residence_status or status in rule.residence_status)
        and (rule.min_age is None or age >= rule.min_age)
        and (rule.max_age is None or age <= rule.max_age)
        and (months is None or rule.months_in_sweden.min is None or months >= rule.months_in_sweden.min)
        and (months is None or rule.months_in_sweden.max is None or months <= rule.months_in_sweden.max)
        and (gender is None or rule.gender is None or rule.gender == gender)
    )


@pytest.mark.parametrize(
    "profile",
    [
        {"status": "asylsokande", "age": 30, "municipality": "sodertalje"},
        {"status": "ensamkommande", "age": 17, "municipality": "haninge"},
        {"status": "uppehallstillstand", "age": 45, "municipality": "botkyrka", "months": 40, "gender": "women"},
    ],
    ids=["asylum-seeker-sodertalje", "unaccompanied-haninge", "permit-woman-botkyrka"],
)
def test_applies_to_me_matches_the_structured_eligibility(datasette, profile):
    from insatsbas.reader import load_catalogue
    from tests.conftest import SAMPLE, TODAY

    catalogue = load_catalogue(SAMPLE, today=TODAY)
    expected = {i.id for i in catalogue.interventions if eligible(i, **profile)}
    answered = rows(datasette, "/applies_to_me", status=profile["status"], alder=str(profile["age"]),
                    kommun=profile["municipality"], manader=str(profile.get("months", "")),
                    kon=profile.get("gender", ""), _size="max")
    assert expected, "the sample should offer something to this person"
    assert {row["id"] for row in answered} == expected


def test_eligibility_gaps_returns_rows_on_the_sample(datasette):
    gaps = rows(datasette, "/eligibility_gaps", _size="max")
    assert gaps
    assert {"kommun", "uppehallsstatus", "kategori"} == set(gaps[0])
