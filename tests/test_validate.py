"""`insatsbas validate`: every rule, on real files in temporary catalogues, through the command line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from tests.conftest import VALID_ENTRY


def run_validate(root, *args):
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22", *args])
    return result.exit_code, result.output


def replace(old: str, new: str) -> str:
    assert old in VALID_ENTRY, old
    return VALID_ENTRY.replace(old, new)


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r".+\.ya?ml:\d+:\d+: ", line)]


def test_valid_entry_passes_with_a_one_line_summary(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    code, output = run_validate(root)
    assert code == 0, output
    assert output.strip() == "Katalogen är giltig: 1 insatser (1 aktiva) från 1 ägare, 0 varningar."


def test_sample_catalogue_is_valid():
    result = CliRunner().invoke(cli, ["validate", "--catalogue", "catalogue", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert "Katalogen är giltig" in result.output


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (replace("title:", "titel:"), 1, "Okänt fält «titel». Menade du «title»?"),
        (replace("categories: [sprakstod]", "categories: [sprakcafe]"), 10,
         "Okänt värde «sprakcafe» i «categories[0]». Giltiga värden: sfi (SFI – svenska för invandrare), "
         "samhallsorientering (Samhällsorientering), sprakstod (Språkstöd och språkcaféer)"),
        (replace("municipality: huddinge", "municipality: stockholm"), 9, "Okänt värde «stockholm» i «municipality»"),
        (replace("last_reviewed: 2026-06-01", "last_reviewed: 2026-02-30"), 19, "Datumet 2026-02-30 finns inte"),
        (replace("last_reviewed: 2026-06-01", "last_reviewed: 2027-01-01"), 19, "ligger i framtiden"),
        (replace("last_reviewed: 2026-06-01", "last_reviewed: 1 juni 2026"), 19, "ska vara ett datum som ÅÅÅÅ-MM-DD"),
        (replace("status: active", "status: aktiv"), 5, "Okänt värde «aktiv» i «status». Menade du «active» (pågår)?"),
        (replace("  email: bibliotek.huddinge@example.org\n", ""), 16,
         "Ange minst ett sätt att nå er under «contact»"),
        (replace("  email: bibliotek.huddinge@example.org", "  phone: 0701740605x"), 18,
         "«contact.phone» ska vara ett telefonnummer inom citattecken"),
        (VALID_ENTRY + "locations:\n  - name: Biblioteket\n    postal_code: 14130\n", 23,
         '«locations[0].postal_code» ska vara text. Sätt värdet inom citattecken: postal_code: "14130"'),
        (VALID_ENTRY + "schedule:\n  hours:\n    - days: [tue]\n      opens: 10.30\n      closes: \"12:00\"\n", 24,
         'Sätt värdet inom citattecken: opens: "10.30"'),
        (VALID_ENTRY + "eligibility:\n  min_age: 65\n  max_age: 18\n", 23, "min_age (65) är större än max_age (18)"),
        (VALID_ENTRY + "eligibility:\n  months_in_sweden: {min: 36, max: 24}\n", 22, "min (36) är större än max (24)"),
        (VALID_ENTRY + "eligibility:\n  residence_status: [flykting]\n", 22, "Okänt värde «flykting»"),
        (VALID_ENTRY + "eligibility:\n  min_age: arton\n", 22, "«eligibility.min_age» ska vara ett heltal"),
        (VALID_ENTRY + "cost:\n  free: ja\n", 22, "«cost.free» ska vara true eller false"),
        (replace("summary: Öva svenska över en kopp kaffe med frivilliga samtalsvärdar.", "summary: " + "a" * 301),
         2, "«summary» är 301 tecken lång; högst 300"),
        (replace("categories: [sprakstod]", "categories: sprakstod"), 10, "«categories» ska vara en lista"),
        (replace("reviewed_by: Bibliotekschef\n", ""), 1, "Fältet «reviewed_by» saknas"),
        (VALID_ENTRY + "translations:\n  xx: {title: A, summary: B, description: C}\n", 22, "Okänt värde «xx» i «translations»"),
        (VALID_ENTRY + "schedule:\n  hours:\n    - {days: [mon], opens: \"12:00\", closes: \"09:00\"}\n", 23,
         "Sluttiden 09:00 måste vara efter starttiden 12:00"),
        (replace("title: Språkcafé på biblioteket", "title: A\ntitle: B"), 2, "Nyckeln «title» finns redan på rad 1"),
        (replace("provider:\n  name:", "provider:\n\tname:"), 7, "Tabbtecken i indraget"),
        (replace("status: active", "status: &s active"), 5, "Ankare och alias"),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else str(value),
)
def test_each_problem_is_named_with_its_line(make_catalogue, text, line, expected):
    root = make_catalogue({"huddinge/sprakcafe.yml": text})
    code, output = run_validate(root)
    assert code == 1
    lines = problem_lines(output)
    matching = [entry for entry in lines if expected in entry]
    assert matching, output
    assert re.search(rf"huddinge/sprakcafe\.yml:{line}:\d+: fel: ", matching[0]), matching[0]


def test_every_problem_is_reported_not_just_the_first(make_catalogue):
    broken = replace("status: active", "status: aktiv").replace("languages: [sv]", "languages: [sv, xx]")
    root = make_catalogue({
        "huddinge/a.yml": broken,
        "botkyrka/b.yml": replace("title:", "titel:"),
        "huddinge/c.yml": VALID_ENTRY,
    })
    code, output = run_validate(root)
    assert code == 1
    lines = problem_lines(output)
    assert len(lines) == 4, output
    assert "3 fel och 0 varningar" not in output
    assert "4 fel och 0 varningar" in output


def test_slug_collision_between_yml_and_yaml(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY, "huddinge/sprakcafe.yaml": VALID_ENTRY})
    code, output = run_validate(root)
    assert code == 1
    assert "sprakcafe.yaml:1:1: fel: Id:t «huddinge/sprakcafe» används redan av sprakcafe.yml" in output


def test_file_name_that_is_not_a_slug(make_catalogue):
    root = make_catalogue({"huddinge/Språkcafé Tisdag.yml": VALID_ENTRY})
    code, output = run_validate(root)
    assert code == 1
    assert "till exempel «sprakcafe-tisdag.yml»" in output


def test_owner_folder_missing_from_owners_yml(make_catalogue):
    root = make_catalogue({"hudinge/sprakcafe.yml": VALID_ENTRY})
    code, output = run_validate(root)
    assert code == 1
    assert "hudinge/sprakcafe.yml:1:1: fel: Mappen «hudinge» finns inte i owners.yml. Menade du «huddinge»?" in output


def test_unknown_municipality_in_owners_yml(make_catalogue):
    root = make_catalogue()
    owners = root / "owners.yml"
    owners.write_text(owners.read_text(encoding="utf-8").replace("municipality: salem", "municipality: solna"),
                      encoding="utf-8")
    code, output = run_validate(root)
    assert code == 1
    assert "owners.yml:" in output and "Okänt värde «solna» i «owners.salem.municipality»" in output


def test_municipality_code_must_be_four_digits(make_catalogue):
    root = make_catalogue()
    path = root / "vocabularies" / "municipalities.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('code: "0126"', "code: 126"), encoding="utf-8")
    code, output = run_validate(root)
    assert code == 1
    assert 'Sätt värdet inom citattecken: code: "126"' in output


def test_a_municipality_in_a_county_missing_from_counties_yml_is_named_on_its_line(make_catalogue):
    root = make_catalogue()
    counties = root / "vocabularies" / "counties.yml"
    text = counties.read_text(encoding="utf-8")
    stockholm = next(line for line in text.splitlines() if line.startswith('- {code: "01"'))
    counties.write_text(text.replace(stockholm + "\n", ""), encoding="utf-8")
    code, output = run_validate(root)
    assert code == 1
    lines = (root / "vocabularies" / "municipalities.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if 'code: "0127"' in text)
    assert (f"municipalities.yml:{line}:9: fel: Kommunkoden 0127 hör till länskod 01, som saknas i "
            "vocabularies/counties.yml. Lägg till länet där eller rätta koden.") in output


def test_the_region_file_is_required_and_checked(make_catalogue):
    root = make_catalogue()
    region = root / "region.yml"
    region.write_text(region.read_text(encoding="utf-8").replace("  en: in Södertörn\n", ""), encoding="utf-8")
    code, output = run_validate(root)
    assert code == 1 and "region.yml:" in output and "Fältet «in_region.en» saknas" in output
    region.unlink()
    code, output = run_validate(root)
    assert code == 1 and "region.yml:1:1: fel: Filen saknas. Den ska finnas i katalogen." in output


def test_file_not_in_utf8_is_reported(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY.encode("latin-1", errors="replace")})
    code, output = run_validate(root)
    assert code == 1
    assert "huddinge/sprakcafe.yml:1:" in output and "UTF-8" in output


def test_script_in_summary_is_refused(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": replace(
        "summary: Öva svenska över en kopp kaffe med frivilliga samtalsvärdar.",
        "summary: Öva svenska <script>alert(1)</script>")})
    code, output = run_validate(root)
    assert code == 1
    assert "Sammanfattningen ska vara ren text" in output


def test_overdue_entry_is_a_warning_that_does_not_fail(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": replace("last_reviewed: 2026-06-01", "last_reviewed: 2025-01-31")})
    code, output = run_validate(root)
    assert code == 0, output
    assert "sprakcafe.yml:19:16: varning: Granskades senast 2025-01-31" in output
    assert "senast 2026-01-31" in output
    assert "1 varningar" in output


def test_english_messages_with_lang_en(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": replace("title:", "titel:")})
    code, output = run_validate(root, "--lang", "en")
    assert code == 1
    assert "sprakcafe.yml:1:1: error: Unknown field “titel”. Did you mean “title”?" in output
    assert "The field “title” is missing. It is required." in output
    assert "2 errors and 0 warnings" in output


def test_traps_catalogue_names_each_trap(make_catalogue):
    """One catalogue holding every YAML trap at once: each is named with its own file and line."""
    root = make_catalogue({
        "huddinge/duplicate.yml": VALID_ENTRY + "title: Igen\n",
        "huddinge/anchor.yml": replace("municipality: huddinge", "municipality: &m huddinge"),
        "huddinge/tab.yml": replace("contact:\n  role:", "contact:\n\trole:"),
        "huddinge/big.yml": VALID_ENTRY + "keywords: [" + "x, " * 90_000 + "y]\n",
        "huddinge/latin1.yml": replace("title: Språkcafé", "title: Språkcafé").encode("latin-1"),
        "huddinge/unknown-field.yml": VALID_ENTRY + "telefon: 08-465 004 00\n",
        "huddinge/unknown-term.yml": replace("languages: [sv]", "languages: [sv, arabiska]"),
        "huddinge/no-such-date.yml": replace("2026-06-01", "2026-13-01"),
        "huddinge/future.yml": replace("2026-06-01", "2030-01-01"),
        "huddinge/bad-place.yml": replace("municipality: huddinge", "municipality: uppsala"),
        "okand-agare/entry.yml": VALID_ENTRY,
        "huddinge/same.yml": VALID_ENTRY,
        "huddinge/same.yaml": VALID_ENTRY,
    })
    code, output = run_validate(root)
    assert code == 1
    expected = {
        "duplicate.yml:21:": "Nyckeln «title» finns redan",
        "anchor.yml:9:": "Ankare och alias",
        "tab.yml:17:": "Tabbtecken",
        "big.yml:1:": "högst 256 kB",
        "latin1.yml:1:": "UTF-8",
        "unknown-field.yml:21:": "Okänt fält «telefon»",
        "unknown-term.yml:12:": "Okänt värde «arabiska»",
        "no-such-date.yml:19:": "Datumet 2026-13-01 finns inte",
        "future.yml:19:": "ligger i framtiden",
        "bad-place.yml:9:": "Okänt värde «uppsala»",
        "okand-agare/entry.yml:1:": "finns inte i owners.yml",
        "same.yaml:1:": "används redan av same.yml",
    }
    for place, message in expected.items():
        assert any(place in line and message in line for line in problem_lines(output)), (place, output)


def test_unknown_key_with_an_empty_value_is_reported_not_a_crash(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": replace(
        "provider:\n  name: Huddinge kommun, biblioteken\n  type: kommun",
        "provider: {name: Huddinge kommun, biblioteken, type: kommun}")})
    code, output = run_validate(root)
    assert code == 1
    assert "Okänt fält «biblioteken»" in output


def test_empty_optional_field_counts_as_absent(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY + "service_area:\ncost:\n  free: true\n  description:\n"})
    code, output = run_validate(root)
    assert code == 0, output


# --- checking some files or one owner ---------------------------------------------------------------


@pytest.fixture
def three_owners(make_catalogue):
    """Huddinge with an error and a warning, Botkyrka with an error, Haninge overdue for review."""
    overdue = replace("last_reviewed: 2026-06-01", "last_reviewed: 2025-01-31")
    return make_catalogue({
        "huddinge/fel.yml": replace("status: active", "status: aktiv"),
        "huddinge/gammal.yml": overdue,
        "huddinge/bra.yml": VALID_ENTRY,
        "botkyrka/fel.yml": replace("title:", "titel:"),
        "haninge/gammal.yml": overdue,
    })


def test_one_file_shows_only_its_own_problems(three_owners):
    code, output = run_validate(three_owners, str(three_owners / "huddinge" / "fel.yml"))
    assert code == 1
    assert [line.split(": ", 1)[0].rsplit("/", 2)[-2:] for line in problem_lines(output)] == [["huddinge", "fel.yml:5:9"]]
    assert output.strip().endswith("1 fel och 0 varningar. Rätta felen och kör igen.")


def test_an_owner_sees_their_errors_first_then_their_warnings_and_nobody_elses(three_owners):
    code, output = run_validate(three_owners, "--owner", "huddinge")
    assert code == 1
    lines = problem_lines(output)
    assert [line.split(": ")[1] for line in lines] == ["fel", "varning"]
    assert "huddinge/fel.yml:5:9: fel" in lines[0] and "huddinge/gammal.yml:19:16: varning" in lines[1]
    assert "botkyrka" not in output and "haninge" not in output
    assert output.strip().endswith("1 fel och 1 varningar. Rätta felen och kör igen.")


def test_a_valid_selection_passes_although_other_owners_have_errors(three_owners):
    code, output = run_validate(three_owners, str(three_owners / "huddinge" / "bra.yml"),
                                str(three_owners / "huddinge" / "gammal.yml"))
    assert code == 0, output
    assert output.strip().splitlines()[-1] == "De valda filerna är giltiga: 2 insatser, 1 varningar."


def test_a_folder_selects_the_entries_in_it(three_owners):
    code, output = run_validate(three_owners, str(three_owners / "haninge"))
    assert code == 0, output
    assert "haninge/gammal.yml:19:16: varning" in output and "huddinge" not in output


def test_errors_in_owners_yml_are_shown_whatever_is_selected(three_owners):
    owners = three_owners / "owners.yml"
    owners.write_text(owners.read_text(encoding="utf-8").replace("municipality: salem", "municipality: solna"),
                      encoding="utf-8")
    code, output = run_validate(three_owners, str(three_owners / "huddinge" / "bra.yml"))
    assert code == 1
    assert "owners.yml:" in output and "Okänt värde «solna»" in output


def test_an_unknown_owner_is_refused_with_a_suggestion(three_owners):
    code, output = run_validate(three_owners, "--owner", "hudinge")
    assert code == 2
    assert output.strip() == "Ägaren «hudinge» finns inte i owners.yml. Menade du «huddinge»?"


def test_a_path_outside_the_catalogue_is_refused(three_owners, tmp_path):
    outside = tmp_path / "annan.yml"
    outside.write_text(VALID_ENTRY, encoding="utf-8")
    code, output = run_validate(three_owners, str(outside))
    assert code == 2
    assert output.strip() == (f"{outside} ligger utanför katalogen {three_owners}. Ange filer eller mappar i "
                              f"katalogen, till exempel {three_owners}/huddinge.")


def test_a_path_that_does_not_exist_is_refused(three_owners):
    code, output = run_validate(three_owners, str(three_owners / "huddinge" / "saknas.yml"))
    assert code == 2
    assert "saknas.yml finns inte." in output


def test_the_whole_sample_shows_every_owners_warnings_but_one_owner_only_its_own():
    everything = CliRunner().invoke(cli, ["validate", "--catalogue", "catalogue", "--today", "2026-11-22"])
    one = CliRunner().invoke(cli, ["validate", "--catalogue", "catalogue", "--today", "2026-11-22", "--owner", "varmdo"])
    assert everything.exit_code == one.exit_code == 0
    assert len(problem_lines(everything.output)) > len(problem_lines(one.output)) > 0
    assert all(line.startswith("catalogue/varmdo/") for line in problem_lines(one.output))


# --- GitHub annotations and the job summary ---------------------------------------------------------


def test_github_format_annotates_the_line_with_the_path_from_the_repository_root(three_owners, monkeypatch, tmp_path):
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    code, output = run_validate(three_owners, "--owner", "huddinge", "--format", "github")
    assert code == 1
    lines = output.strip().splitlines()
    assert lines[0] == ("::error file=catalogue/huddinge/fel.yml,line=5,col=9,title=Insatsbas%3A fel::"
                        "Okänt värde «aktiv» i «status». Menade du «active» (pågår)?")
    assert lines[1].startswith("::warning file=catalogue/huddinge/gammal.yml,line=19,col=16,title=Insatsbas%3A varning::"
                               "Granskades senast 2025-01-31")
    assert lines[2] == "1 fel och 1 varningar. Rätta felen och kör igen."
    markdown = summary_file.read_text(encoding="utf-8")
    assert markdown.startswith("## Insatsbas: kontroll av katalogen\n\n1 fel och 1 varningar.")
    assert "| Fil | Rad | Typ | Meddelande |" in markdown
    assert "| `catalogue/huddinge/fel.yml` | 5 | fel | Okänt värde «aktiv» i «status». Menade du «active» (pågår)? |" in markdown


def test_the_job_summary_is_appended_not_replaced(make_catalogue, monkeypatch, tmp_path):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    summary_file = tmp_path / "summary.md"
    summary_file.write_text("# Tidigare steg\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    code, output = run_validate(root, "--format", "github")
    assert code == 0, output
    assert summary_file.read_text(encoding="utf-8") == (
        "# Tidigare steg\n## Insatsbas: kontroll av katalogen\n\n"
        "Katalogen är giltig: 1 insatser (1 aktiva) från 1 ägare, 0 varningar.\n\n")


def test_without_a_summary_file_github_format_writes_only_annotations(make_catalogue, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    root = make_catalogue({"huddinge/sprakcafe.yml": replace("title:", "titel:")})
    code, output = run_validate(root, "--format", "github")
    assert code == 1
    assert all(line.startswith("::error ") for line in output.strip().splitlines()[:-1])


def test_annotation_text_and_properties_are_escaped_as_github_reads_them():
    from insatsbas.editing.validation import escape_data, escape_property

    assert escape_data("100% klart\r\nrad två: a, b") == "100%25 klart%0D%0Arad två: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
