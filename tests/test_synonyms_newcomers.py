"""catalogue/synonyms.yml and catalogue/newcomers.yml are read, validated and reported like entries."""

from __future__ import annotations

from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.reader import load_catalogue, read_catalogue
from tests.conftest import SAMPLE, TODAY


def errors(root) -> list[str]:
    """Rendered errors, with paths relative to the temporary catalogue's parent."""
    return [p.render().replace(f"{root.parent}/", "") for p in read_catalogue(root, today=TODAY).errors]


def test_the_sample_ships_everyday_words_abbreviations_and_misspellings():
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    synonyms = catalogue.synonyms
    assert {"sfi", "svenska för invandrare"} <= set(synonyms.group_of("sfi"))
    assert "arbetsförmedlingen" in synonyms.group_of("af")
    assert "samhällsorientering" in synonyms.group_of("so")
    assert "försäkringskassan" in synonyms.group_of("fk")
    assert synonyms.group_of("lma") and synonyms.group_of("komvux")
    assert synonyms.misspellings["svenks"] == "svenska"
    assert synonyms.misspellings["bibliotk"] == "bibliotek"


def test_the_sample_newcomer_figures_are_labelled_as_examples_for_all_ten_municipalities():
    newcomers = load_catalogue(SAMPLE, today=TODAY).newcomers
    assert newcomers.example is True
    assert "Exempel" in newcomers.source
    assert {f.municipality for f in newcomers.figures if f.year == 2026} == {
        "botkyrka", "haninge", "huddinge", "nacka", "nykvarn", "nynashamn", "salem", "sodertalje", "tyreso",
        "varmdo"}


def test_words_are_normalised(make_catalogue):
    root = make_catalogue({"synonyms.yml": "synonyms:\n  - [SFI, Svenska  för invandrare]\nmisspellings:\n  Svenks: Svenska\n"})
    synonyms = load_catalogue(root, today=TODAY).synonyms
    assert synonyms.groups == (("sfi", "svenska för invandrare"),)
    assert synonyms.misspellings == {"svenks": "svenska"}


def test_a_word_in_two_groups_is_an_error_with_file_and_line(make_catalogue):
    root = make_catalogue({"synonyms.yml": "synonyms:\n  - [sfi, svenskkurs]\n  - [komvux, SFI]\n"})
    assert errors(root) == [
        "catalogue/synonyms.yml:3:14: fel: «sfi» står redan i gruppen på rad 2. Ett ord får bara finnas i en grupp; "
        "slå ihop grupperna."]


def test_a_misspelling_that_is_a_synonym_is_an_error(make_catalogue):
    root = make_catalogue({"synonyms.yml": "synonyms:\n  - [sfi, svenskkurs]\nmisspellings:\n  svenskkurs: sfi\n"})
    assert errors(root) == [
        "catalogue/synonyms.yml:4:3: fel: «svenskkurs» är ett ord i synonymgruppen på rad 2 och kan inte också "
        "vara en felstavning."]


def test_a_group_of_one_word_and_an_unquoted_number_are_schema_errors(make_catalogue):
    root = make_catalogue({"synonyms.yml": "synonyms:\n  - [sfi]\n  - [1177, vårdguiden]\n"})
    found = errors(root)
    assert any(line.startswith("catalogue/synonyms.yml:2:5: fel:") for line in found), found
    assert any(line.startswith("catalogue/synonyms.yml:3:6: fel:") and '"1177"' in line for line in found), found


def test_newcomers_in_an_unknown_municipality_are_an_error(make_catalogue):
    root = make_catalogue({"newcomers.yml": (
        "figures:\n"
        "  - {municipality: huddinge, year: 2026, adults: 300}\n"
        "  - {municipality: stockholm, year: 2026, adults: 900}\n")})
    found = errors(root)
    assert any(line.startswith("catalogue/newcomers.yml:3:20: fel: Okänt värde «stockholm»") for line in found), found


def test_a_repeated_municipality_year_is_reported_with_the_first_line(make_catalogue):
    root = make_catalogue({"newcomers.yml": (
        "figures:\n"
        "  - {municipality: huddinge, year: 2026, adults: 300}\n"
        "  - {municipality: huddinge, year: 2026, adults: 310}\n")})
    assert errors(root) == [
        "catalogue/newcomers.yml:3:5: fel: huddinge 2026 finns redan på rad 2. Ta bort en av raderna."]


def test_validate_reports_problems_in_these_files(make_catalogue):
    root = make_catalogue({"synonyms.yml": "synonyms:\n  - [sfi, svenskkurs]\n  - [komvux, sfi]\n"})
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", TODAY.isoformat()])
    assert result.exit_code == 1
    assert "synonyms.yml:3:14:" in result.output
