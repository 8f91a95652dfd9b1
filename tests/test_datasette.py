"""Datasette with metadata.yml on the built database, over real HTTP."""

from __future__ import annotations

import re

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


def test_gap_matrix_has_a_row_per_category_and_municipality_for_any_number_of_municipalities(datasette):
    from insatsbas.reader import load_catalogue
    from tests.conftest import SAMPLE, TODAY

    catalogue = load_catalogue(SAMPLE, today=TODAY)
    vocabularies = catalogue.vocabularies
    matrix = rows(datasette, "/gap_matrix", _size="max")
    assert len(matrix) == len(vocabularies.categories) * len(vocabularies.municipalities)
    cells = {(row["kategori"], row["kommun"]): row["insatser"] for row in matrix}
    for category in vocabularies.categories.values():
        for municipality in vocabularies.municipalities.values():
            expected = sum(1 for i in catalogue.interventions if i.status == "active"
                           and category.slug in i.categories and municipality.slug in i.open_to)
            assert cells[(category.label["sv"], municipality.name)] == expected


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


# --- the project's Datasette plugin (insatsbas/serve/datasette_plugin.py) -----------------------------


def answer(client, path, **params):
    return client.get("/insatsbas" + path, params=params)


def test_the_plugin_and_the_cluster_map_are_loaded(datasette):
    plugins = {plugin["name"] for plugin in datasette.get("/-/plugins.json").json()}
    assert {"insatsbas", "datasette-cluster-map"} <= plugins
    assert "datasette-cluster-map" in answer(datasette, "/locations").text
    assert rows(datasette, "", sql="select stem_sv('Svenska kurser på biblioteket') as s") == [
        {"s": "svensk kur på bibliotek"}]


@pytest.mark.parametrize(("query", "parameter", "code", "other_forms"), [
    ("/open_to_residents", "kommun", "haninge", ["Haninge", "HANINGE", "0136", " haninge "]),
    ("/in_language", "sprak", "ar", ["arabiska", "Arabiska", "Arabic", "AR"]),
    ("/free_for_target_group", "malgrupp", "kvinnor", ["Kvinnor", "KVINNOR"]),
])
def test_saved_queries_take_a_code_label_or_any_case(datasette, query, parameter, code, other_forms):
    expected = rows(datasette, query, **{parameter: code}, _size="max")
    assert expected
    for form in other_forms:
        assert rows(datasette, query, **{parameter: form}, _size="max") == expected, form


@pytest.mark.parametrize(("query", "params", "message"), [
    ("/overdue_reviews", {"datum": "31/12/2026"}, "inte ett datum i formen ÅÅÅÅ-MM-DD"),
    ("/overdue_reviews", {"datum": "2026-02-30"}, "inte ett datum i formen ÅÅÅÅ-MM-DD"),
    ("/open_to_residents", {"kommun": "Gotham"}, "är inte en kommun i katalogen"),
    ("/in_language", {"sprak": "klingonska"}, "är inte ett språk i katalogen"),
    ("/applies_to_me", {"kommun": "haninge", "status": "asylsokande", "alder": "trettio", "manader": "",
                        "kon": ""}, "är inte ett heltal"),
])
def test_bad_inputs_are_refused_with_a_message_on_the_page(datasette, query, params, message):
    page = answer(datasette, query, **params)
    assert page.status_code == 400
    assert message in page.text and "<html" in page.text.lower()
    data = answer(datasette, query + ".json", **params)
    assert data.status_code == 400 and message in data.json()["error"]


def test_an_iso_date_is_answered_as_before(datasette):
    overdue = rows(datasette, "/overdue_reviews", datum="2026-12-31", _size="max")
    assert overdue and all(row["review_due"] < "2026-12-31" for row in overdue)


@pytest.mark.parametrize("words", ["c++", '"svenska', "svenska AND", "NEAR(", "*"])
def test_search_never_fails_on_fts_syntax(datasette, words):
    assert answer(datasette, "/interventions.json", _search=words).status_code == 200
    assert answer(datasette, "/sok.json", q=words).status_code == 200
    assert answer(datasette, "/sok", q=words).status_code == 200


def test_searching_the_table_shows_the_best_matches_first(datasette):
    redirect = answer(datasette, "/interventions", _search="språkcafé")
    assert redirect.status_code == 302 and redirect.headers["location"].endswith("/insatsbas/sok?q=spr%C3%A5kcaf%C3%A9")
    hits = rows(datasette, "/sok", q="sfi", _size="max")
    in_title = [("sfi" in hit["title"].lower()) for hit in hits]
    assert any(in_title) and not all(in_title), "some hits only mention the word outside the title"
    # bm25 on the sample: the word in a short title weighs more than in a long description, so those come first.
    assert in_title == sorted(in_title, reverse=True)
    by_title = [hit["title"] for hit in hits]
    assert by_title != sorted(by_title), "not in title order"


def test_svensk_finds_what_svenska_finds(datasette):
    from insatsbas.reader import load_catalogue
    from tests.conftest import SAMPLE, TODAY

    def words(entry):
        return set(re.findall(r"\w+", " ".join([entry.title, entry.summary, entry.description,
                                                 *entry.keywords]).lower()))

    published = [i for i in load_catalogue(SAMPLE, today=TODAY).interventions if i.is_published]
    with_svenska = {i.id for i in published if "svenska" in words(i)}
    with_svensk = {i.id for i in published if "svensk" in words(i)}
    assert len(with_svenska) > 5 * len(with_svensk)
    for path, key in (("/sok", "q"), ("/interventions", "_search")):
        found = {hit["id"] for hit in rows(datasette, path, **{key: "svensk"}, _size="max")}
        assert with_svenska | with_svensk <= found, path


def test_gap_query_lists_target_groups_without_a_free_intervention_open_to_the_municipality(datasette):
    from insatsbas.reader import load_catalogue
    from tests.conftest import SAMPLE, TODAY

    catalogue = load_catalogue(SAMPLE, today=TODAY)
    for municipality in ("nykvarn", "haninge"):
        covered = {group for i in catalogue.interventions
                   if i.status == "active" and i.cost.free and municipality in i.open_to for group in i.target_groups}
        expected = {slug for slug in catalogue.vocabularies.target_groups if slug not in covered}
        gaps = rows(datasette, "/free_gaps", kommun=municipality.capitalize(), _size="max")
        assert {row["kortnamn"] for row in gaps} == expected
    assert expected, "the sample has a gap to show"


@pytest.mark.parametrize("options", [(), ("-i",)], ids=["mutable", "immutable"])
def test_a_rebuild_while_datasette_runs_is_served_without_a_restart(make_catalogue, tmp_path, options):
    from insatsbas.build import build
    from tests.conftest import TODAY, VALID_ENTRY

    catalogue = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    out = tmp_path / "output"
    build(catalogue, out, today=TODAY)
    with running_datasette(out / "insatsbas.db", REPO / "insatsbas" / "datasette" / "metadata.yml", *options) as client:
        assert [row["id"] for row in rows(client, "/interventions")] == ["huddinge/sprakcafe"]
        (catalogue / "huddinge" / "laxhjalp.yml").write_text(
            VALID_ENTRY.replace("Språkcafé på biblioteket", "Läxhjälp på biblioteket"), encoding="utf-8")
        build(catalogue, out, today=TODAY)
        assert {row["id"] for row in rows(client, "/interventions")} == {"huddinge/sprakcafe", "huddinge/laxhjalp"}
        assert [hit["id"] for hit in rows(client, "/sok", q="läxhjälp")] == ["huddinge/laxhjalp"]
        (catalogue / "huddinge" / "sprakcafe.yml").unlink()
        build(catalogue, out, today=TODAY)
        assert [row["id"] for row in rows(client, "/interventions")] == ["huddinge/laxhjalp"]
