"""The benchmark catalogue generator: valid output, all 290 municipalities, every field, natural word
frequencies, and byte-identical output for a given seed."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from benchmarks import corpus
from benchmarks.generate import DATA, MARKER, CatalogueGenerator, generate, load_counties, main, to_yaml
from insatsbas.model import Catalogue, Intervention
from insatsbas.reader import read_catalogue
from insatsbas.sources.yamlsource import parse_document, read_document
from tests.conftest import SAMPLE, TODAY

SIZE = 300


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "catalogue"
    generate(SIZE, out, seed=1)
    return out


@pytest.fixture(scope="session")
def generated_catalogue(generated: Path) -> Catalogue:
    result = read_catalogue(generated, today=TODAY)
    assert result.errors == [], [p.render("en") for p in result.errors[:10]]
    assert result.catalogue is not None
    return result.catalogue


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- the reference data -------------------------------------------------------------------------


def test_municipality_vocabulary_has_all_290_with_unique_four_digit_codes():
    terms = read_document(DATA / "municipalities.yml").data
    codes = [t["code"] for t in terms]
    assert len(terms) == 290
    assert len(set(codes)) == 290
    assert all(re.fullmatch(r"\d{4}", code) for code in codes)
    assert len({t["slug"] for t in terms}) == 290
    assert len({t["name"] for t in terms}) == 290
    by_code = {t["code"]: t["name"] for t in terms}
    assert by_code["0114"] == "Upplands Väsby"
    assert by_code["0180"] == "Stockholm"
    assert by_code["1480"] == "Göteborg"
    assert by_code["1280"] == "Malmö"
    assert by_code["0980"] == "Gotland"
    assert by_code["2584"] == "Kiruna"


def test_every_municipality_code_starts_with_a_known_county():
    counties = load_counties()
    codes = {t["code"] for t in read_document(DATA / "municipalities.yml").data}
    assert len(counties) == 21
    assert {code[:2] for code in codes} == set(counties)


def test_sodertorn_municipalities_are_the_same_as_in_the_sample_catalogue():
    national = {t["code"]: t for t in read_document(DATA / "municipalities.yml").data}
    sample = read_document(SAMPLE / "vocabularies" / "municipalities.yml").data
    assert len(sample) == 10
    for term in sample:
        assert national[term["code"]] == term


def test_every_municipality_has_a_position_inside_sweden():
    codes = {t["code"] for t in read_document(DATA / "municipalities.yml").data}
    rows = list(csv.DictReader((DATA / "positions.csv").open(encoding="utf-8")))
    assert {row["code"] for row in rows} == codes
    assert all(55 <= float(r["latitude"]) <= 69.1 and 10.9 <= float(r["longitude"]) <= 24.2 for r in rows)


def test_corpus_only_uses_terms_of_the_sample_vocabularies(generated_catalogue: Catalogue):
    vocabularies = generated_catalogue.vocabularies
    for archetype in corpus.ARCHETYPES:
        assert set(archetype.categories) <= set(vocabularies.categories), archetype.key
        assert set(archetype.target_groups) <= set(vocabularies.target_groups), archetype.key
        assert set(archetype.eligibility.residence) <= set(vocabularies.residence_status), archetype.key


# --- the generated catalogue --------------------------------------------------------------------


def test_generated_catalogue_passes_the_reader_with_only_review_warnings(generated: Path):
    result = read_catalogue(generated, today=TODAY)
    assert result.errors == []
    assert result.catalogue is not None
    assert len(result.catalogue.interventions) == SIZE
    assert result.warnings, "some entries should be past their review date"
    assert {p.message for p in result.warnings} == {
        "Granskades senast {date} och skulle ha granskats igen senast {due} ({months} månaders intervall). "
        "Kontrollera uppgifterna och uppdatera last_reviewed."
    }


def test_generated_catalogue_has_its_own_vocabularies_and_owners(generated: Path, generated_catalogue: Catalogue):
    assert len(generated_catalogue.vocabularies.municipalities) == 290
    for name in ("categories", "target_groups", "languages", "residence_status"):
        assert (generated / "vocabularies" / f"{name}.yml").read_bytes() == \
            (SAMPLE / "vocabularies" / f"{name}.yml").read_bytes()
    owners = generated_catalogue.owners
    assert sum(o.type == "kommun" for o in owners.values()) == 290
    assert {"arbetsformedlingen", "forsakringskassan", "migrationsverket", "roda-korset", "abf"} <= set(owners)
    assert sum(o.type == "region" for o in owners.values()) == 21


def test_entries_are_spread_over_all_290_municipalities(generated_catalogue: Catalogue):
    assert len({i.municipality for i in generated_catalogue.interventions}) == 290


def test_entries_have_every_status(generated_catalogue: Catalogue):
    statuses = [i.status for i in generated_catalogue.interventions]
    assert {"active", "paused", "ended", "draft"} == set(statuses)
    assert statuses.count("active") > SIZE * 0.7


OPTIONAL_FIELDS: dict[str, Callable[[Intervention], object]] = {
    "provider.url": lambda i: i.provider.url,
    "service_area": lambda i: i.service_area,
    "eligibility.residence_status": lambda i: i.eligibility.residence_status,
    "eligibility.min_age": lambda i: i.eligibility.min_age is not None,
    "eligibility.max_age": lambda i: i.eligibility.max_age is not None,
    "eligibility.gender": lambda i: i.eligibility.gender,
    "eligibility.months_in_sweden.min": lambda i: i.eligibility.months_in_sweden.min is not None,
    "eligibility.months_in_sweden.max": lambda i: i.eligibility.months_in_sweden.max is not None,
    "eligibility.description": lambda i: i.eligibility.description,
    "contact.phone": lambda i: i.contact.phone,
    "contact.email": lambda i: i.contact.email,
    "contact.url": lambda i: i.contact.url,
    "locations": lambda i: len(i.locations) > 1,
    "locations.address": lambda i: any(loc.address for loc in i.locations),
    "locations.postal_code": lambda i: any(loc.postal_code for loc in i.locations),
    "locations.city": lambda i: any(loc.city for loc in i.locations),
    "locations.latitude": lambda i: any(loc.latitude is not None for loc in i.locations),
    "locations.longitude": lambda i: any(loc.longitude is not None for loc in i.locations),
    "locations.accessibility": lambda i: any(loc.accessibility for loc in i.locations),
    "schedule.description": lambda i: i.schedule and i.schedule.description,
    "schedule.valid_from": lambda i: i.schedule and i.schedule.valid_from,
    "schedule.valid_to": lambda i: i.schedule and i.schedule.valid_to,
    "schedule.hours": lambda i: i.schedule and len(i.schedule.hours) > 1,
    "cost.free": lambda i: i.cost.free is True,
    "cost.not free": lambda i: i.cost.free is False,
    "cost.description": lambda i: i.cost.description,
    "cost.price_other_municipality": lambda i: i.cost.price_other_municipality,
    "capacity": lambda i: i.capacity,
    "required_documents": lambda i: i.required_documents,
    "funding": lambda i: i.funding,
    "keywords": lambda i: i.keywords,
    "translations.en": lambda i: "en" in i.translations,
    "translations.ar": lambda i: "ar" in i.translations,
    "several categories": lambda i: len(i.categories) > 1,
    "several languages": lambda i: len(i.languages) > 1,
    "no Swedish": lambda i: "sv" not in i.languages,
}


@pytest.mark.parametrize("field", OPTIONAL_FIELDS)
def test_every_optional_field_appears_somewhere(generated_catalogue: Catalogue, field: str):
    assert any(OPTIONAL_FIELDS[field](i) for i in generated_catalogue.interventions)


@pytest.mark.parametrize("referral", ["self", "caseworker", "arbetsformedlingen", "municipality"])
def test_every_way_to_apply_appears(generated_catalogue: Catalogue, referral: str):
    assert any(i.how_to_apply.referral == referral for i in generated_catalogue.interventions)


def test_descriptions_are_150_to_400_words(generated_catalogue: Catalogue):
    lengths = [len(re.findall(r"\w+", i.description)) for i in generated_catalogue.interventions]
    assert min(lengths) >= 150
    assert max(lengths) <= 400
    assert max(lengths) - min(lengths) > 150, "lengths should vary"


def test_locations_lie_near_their_municipality(generated_catalogue: Catalogue):
    seats = {row["code"]: (float(row["latitude"]), float(row["longitude"]))
             for row in csv.DictReader((DATA / "positions.csv").open(encoding="utf-8"))}
    codes = {slug: m.code for slug, m in generated_catalogue.vocabularies.municipalities.items()}
    for intervention in generated_catalogue.interventions:
        latitude, longitude = seats[codes[intervention.municipality]]
        for location in intervention.locations:
            if location.latitude is not None:
                assert abs(location.latitude - latitude) < 0.05
                assert abs(location.longitude - longitude) < 0.05


def test_phone_numbers_postal_codes_and_times_are_quoted_as_editors_are_told(generated: Path):
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(generated.glob("*/*.yml"))[:200])
    assert re.search(r'phone: "0\d+-[\d ]+"', text)
    assert re.search(r'postal_code: "\d{3} \d{2}"', text)
    assert re.search(r'opens: "\d\d:\d\d"', text)
    assert not re.search(r"(phone|postal_code|opens|closes): [^\"]", text)


def searchable_text(data: dict) -> str:
    return " ".join([data["title"], data["summary"], data["description"], " ".join(data.get("keywords", []))])


def test_common_words_are_in_most_entries_and_rare_words_in_few(generated: Path):
    today = date.fromisoformat(json.loads((generated / MARKER).read_text())["today"])
    generator = CatalogueGenerator(1, today, generated / "vocabularies")
    texts = [searchable_text(generator.entry(index)[2]).lower() for index in range(2000)]

    def share(word: str) -> float:
        pattern = re.compile(rf"\b{word}\b")
        return sum(bool(pattern.search(text)) for text in texts) / len(texts)

    assert share("svenska") > 0.5
    assert 0 < share("simundervisning") < 0.01
    assert 0 < share("hovslagare") < 0.01, "the end of a drawn list is rare"


# --- determinism and safety ---------------------------------------------------------------------


def test_same_seed_gives_byte_identical_output_whatever_the_number_of_jobs(tmp_path: Path):
    generate(120, tmp_path / "a", seed=7, jobs=1)
    generate(120, tmp_path / "b", seed=7, jobs=2)
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert len(first) > 120
    assert first == second


def test_another_seed_gives_another_catalogue(tmp_path: Path):
    generate(40, tmp_path / "a", seed=1)
    generate(40, tmp_path / "b", seed=2)
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert first["vocabularies/municipalities.yml"] == second["vocabularies/municipalities.yml"]
    entries = {k for k in first if k.count("/") == 1 and not k.startswith("vocabularies/")}
    assert entries != {k for k in second if k.count("/") == 1 and not k.startswith("vocabularies/")}


def test_a_smaller_catalogue_is_the_start_of_a_larger_one(tmp_path: Path):
    generate(50, tmp_path / "small")
    generate(80, tmp_path / "large")
    small, large = files(tmp_path / "small"), files(tmp_path / "large")
    del small[MARKER]
    assert all(large[path] == content for path, content in small.items())
    assert len(large) > len(small)


def test_refuses_to_replace_a_folder_it_did_not_generate(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(click.ClickException, match="not a generated catalogue"):
        generate(5, tmp_path, force=True)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_replaces_an_earlier_generated_catalogue_only_with_force(tmp_path: Path):
    out = tmp_path / "catalogue"
    generate(5, out)
    with pytest.raises(click.ClickException, match="--force"):
        generate(6, out)
    generate(6, out, force=True)
    assert len([p for p in out.glob("*/*.yml") if p.parent.name != "vocabularies"]) == 6
    assert not list(tmp_path.glob(".catalogue.generating-*"))


def test_command_line_reports_what_it_wrote(tmp_path: Path):
    result = CliRunner().invoke(main, ["25", "--out", str(tmp_path / "c"), "--seed", "3", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "25 entries" in result.output
    assert "25 municipalities" in result.output, "the first 290 entries go to different municipalities"
    assert (tmp_path / "c" / MARKER).is_file()


# --- the YAML writer ----------------------------------------------------------------------------


def test_writer_output_reads_back_unchanged_including_values_yaml_would_retype():
    data = {
        "code": "0114", "time": "10:30", "word": "no", "digits": "12", "decimal": "1.5", "flag": "true",
        "empty": "", "null": "null", "date": "2026-03-25", "comma": "Kiruna kommun, vuxenutbildningen",
        "text": "Rad ett.\n\n- punkt\n", "dash": "- inte en lista", "colon": "a: b", "hash": "# inte kommentar",
        "arabic": "مقهى اللغة", "number": 12, "real": 59.3293, "yes": True, "list": ["sv", "ar", "0126"],
    }
    assert parse_document(to_yaml(data)).data == data


def test_writer_leaves_dates_plain_and_quotes_what_the_reader_would_read_as_numbers():
    text = to_yaml({"last_reviewed": "2026-03-25", "opens": "10:30", "code": "0126", "count": "12", "hex": "0x1F"})
    assert "last_reviewed: 2026-03-25\n" in text and "opens: '10:30'\n" not in text
    assert "code: '0126'\n" in text
    assert "count: '12'\n" in text and "hex: '0x1F'\n" in text
