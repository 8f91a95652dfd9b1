"""The catalogue's one written form (insatsbas/sources/canonical.py) and `insatsbas format`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.editing.formatting import catalogue_layout
from insatsbas.markup import render_markdown
from insatsbas.reader import load_catalogue, read_vocabularies
from insatsbas.sources.canonical import dump, number_text, plain_allowed, tidy, tidy_text
from insatsbas.sources.schema import entry_schema
from insatsbas.sources.yamlsource import parse_document, read_document
from tests.canonical_cases import generated_entries
from tests.conftest import SAMPLE, TODAY, VALID_ENTRY


@pytest.fixture(scope="module")
def layout() -> dict:
    return catalogue_layout(SAMPLE)


def sample_entries() -> list[Path]:
    return sorted(p for p in SAMPLE.glob("*/*.yml") if p.parent.name != "vocabularies")


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


# --- the layout comes from the schema --------------------------------------------------------------


def test_layout_orders_keys_as_the_schema_lists_its_properties(layout):
    schema = entry_schema(read_vocabularies(SAMPLE, []))
    assert layout["keys"] == list(schema["properties"])
    assert layout["fields"]["contact"]["keys"] == ["role", "phone", "email", "url"]
    assert layout["fields"]["schedule"]["fields"]["hours"]["items"]["keys"] == ["days", "opens", "closes"]
    # translations: one key per language the schema allows, in the vocabulary's order (en, ar first).
    assert layout["fields"]["translations"]["keys"][:2] == ["en", "ar"]
    assert layout["fields"]["translations"]["each"]["keys"] == [
        "title", "summary", "description", "how_to_apply", "required_documents", "eligibility", "schedule", "cost",
        "accessibility"]


def test_layout_styles_come_from_the_schema(layout):
    fields = layout["fields"]
    flows = {name for name, field in fields.items() if field["kind"] == "flow"}
    assert flows == {"service_area", "categories", "target_groups", "languages", "keywords"}
    assert fields["eligibility"]["fields"]["residence_status"]["kind"] == "flow"
    assert fields["schedule"]["fields"]["hours"]["items"]["fields"]["days"]["kind"] == "flow"
    assert fields["required_documents"] == {"kind": "list", "items": {"kind": "text"}}
    quoted = [("contact", "phone"), ("locations", "postal_code"), ("hours", "opens"), ("hours", "closes")]
    hours = fields["schedule"]["fields"]["hours"]["items"]["fields"]
    assert fields["contact"]["fields"]["phone"]["kind"] == "quoted"
    assert fields["locations"]["items"]["fields"]["postal_code"]["kind"] == "quoted"
    assert hours["opens"]["kind"] == hours["closes"]["kind"] == "quoted", quoted
    assert fields["last_reviewed"]["kind"] == "text"  # dates stay plain
    assert fields["description"]["kind"] == "markdown"
    assert fields["translations"]["each"]["fields"]["description"]["kind"] == "markdown"
    assert fields["how_to_apply"]["fields"]["description"]["kind"] == "text"


# --- the form ---------------------------------------------------------------------------------------


def test_the_committed_sample_is_in_the_canonical_form(layout):
    for path in sample_entries():
        assert dump(read_document(path).data, layout) == path.read_text(encoding="utf-8"), path


def test_the_form_reads_as_the_catalogue_writes_it(layout):
    data = parse_document(VALID_ENTRY).data
    data["contact"]["phone"] = "08-123 45 67"
    data["keywords"] = ["språkcafé", "fika: gratis", "0126"]
    data["schedule"] = {"hours": [{"days": ["tue", "thu"], "opens": "17:00", "closes": "19:00"}]}
    data["locations"] = [{"name": "Biblioteket", "postal_code": "141 30", "latitude": 59.2365}]
    data["required_documents"] = ["LMA-kort"]
    text = dump(data, layout)
    assert text.endswith("reviewed_by: Bibliotekschef\nlocations:\n  - name: Biblioteket\n"
                         '    postal_code: "141 30"\n    latitude: 59.2365\nschedule:\n  hours:\n'
                         '    - days: [tue, thu]\n      opens: "17:00"\n      closes: "19:00"\n'
                         "required_documents:\n  - LMA-kort\n"
                         'keywords: [språkcafé, "fika: gratis", "0126"]\n')
    assert '  phone: "08-123 45 67"\n' in text
    assert "description: |\n  Varje tisdag" in text
    assert "last_reviewed: 2026-06-01\n" in text
    assert not text.startswith("---") and "..." not in text and text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize("text", ["0126", "true", "False", "null", "~", "12", "-3", "1.5", ".5", "1e3", "0x1F",
                                  "0o17", ".inf", ".NaN", "- a", "a: b", "a #b", "#a", "'a'", '"a"', "[a]",
                                  "{a}", "*a", "&a", "!a", "|a", ">a", "%a", "@a", "`a", "?a", "...a", "a:"])
def test_text_that_plain_would_change_is_quoted(text):
    assert not plain_allowed(text, in_flow=False)
    data = {"title": text}
    written = dump(data, {"kind": "map"})
    assert written.startswith('title: "') or written.startswith("title: '")
    assert parse_document(written).data == data


@pytest.mark.parametrize("text", ["no", "yes", "on", "off", "10:30", "2026-02-30", "a:b", "a#b", "Fika 😀", "sv",
                                  "Läxhjälp på Åsa bibliotek", "https://example.org/a?b=c#d", "100 %", "a-"])
def test_text_that_reads_back_unchanged_is_plain(text):
    assert plain_allowed(text, in_flow=False)
    assert dump({"title": text}, {"kind": "map"}) == f"title: {text}\n"


def test_flow_lists_quote_flow_indicators():
    assert not plain_allowed("a, b", in_flow=True) and plain_allowed("a, b", in_flow=False)
    assert not plain_allowed("a:b", in_flow=True)
    assert dump({"keywords": ["a, b", "c"]}, {"kind": "map", "fields": {"keywords": {"kind": "flow"}}}) == \
        'keywords: ["a, b", c]\n'


def test_text_beyond_the_basic_plane_that_needs_quotes_is_single_quoted():
    # PyYAML would escape 😀 as \U0001F600 in double quotes; single quotes keep it as typed.
    assert dump({"title": "Fika 😀: välkommen"}, {"kind": "map"}) == "title: 'Fika 😀: välkommen'\n"


def test_empty_values_are_left_out():
    data = {"title": "T", "summary": "", "eligibility": {"residence_status": [], "months_in_sweden": {"min": None}},
            "keywords": ["", "  ", "ord"], "cost": {"free": False}, "capacity": 0}
    assert tidy(data, {"kind": "map"}) == {"title": "T", "keywords": ["ord"], "cost": {"free": False}, "capacity": 0}


def test_characters_pasted_from_word_are_written_as_the_reader_reads_them(make_catalogue, layout):
    written = dump({"title": "Språk\u00a0café\u200b", "contact": {"role": "Väg\u00adledare", "phone": "08–123\u00a045 67"},
                    "translations": {"prs": {"title": "کتاب\u200cها"}}}, layout)
    assert 'title: Språk café\n' in written and "role: Vägledare\n" in written
    assert 'phone: "08-123 45 67"' in written
    assert "\u200c" in written  # ZWNJ belongs to Dari spelling and stays
    root = make_catalogue({"huddinge/klistrat.yml": VALID_ENTRY.replace("Språkcafé på", "Språkcafé\u00a0på")})
    path = root / "huddinge" / "klistrat.yml"
    result = CliRunner().invoke(cli, ["format", "--catalogue", str(root), str(path)])
    assert result.exit_code == 0, result.output
    assert "Språkcafé på biblioteket" in path.read_text(encoding="utf-8")
    assert "\u00a0" not in path.read_text(encoding="utf-8")
    validated = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", TODAY.isoformat()])
    assert "U+00A0" not in validated.output


def test_tidy_text_normalises_line_ends_and_spaces_so_a_block_is_always_possible():
    assert tidy_text("  a  ") == "a"
    assert tidy_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd\n"
    assert tidy_text("\n\n  a \n\n\n b\t \n\n") == "  a\n\n\n b\n"
    assert tidy_text("bell\x07 and bom\ufeff") == "bell and bom"
    assert tidy_text("tab\there") == "tab here"
    assert tidy_text("one line", markdown=True) == "one line\n"


def test_markdown_hard_breaks_keep_their_meaning_without_trailing_spaces():
    text = "Rad ett  \nRad två   \n\nNytt stycke  \n"
    tidied = tidy_text(text, markdown=True)
    assert tidied == "Rad ett\\\nRad två\n\nNytt stycke\n"
    # The same HTML, but for the spaces Python-Markdown leaves before </p>.
    assert render_markdown(tidied) == render_markdown(text).replace("   </p>", "</p>").replace("  </p>", "</p>")
    assert render_markdown(tidied).count("<br>") == 1


def test_numbers_are_written_as_javascript_writes_them():
    cases = {12: "12", 59.1669: "59.1669", 59.0: "59", 100.0: "100", 0.5: "0.5", 1e-05: "0.00001",
             1e-07: "1e-7", 1e21: "1e+21", 1.5e22: "1.5e+22", 123456.789: "123456.789", -0.25: "-0.25",
             1e15: "1000000000000000", 0.0: "0"}
    assert {value: number_text(value) for value in cases} == cases


def test_writing_is_idempotent_and_keeps_values_on_generated_entries(layout):
    for data in generated_entries(layout, 300):
        text = dump(data, layout)
        read = parse_document(text).data if text else {}
        assert read == tidy(data, layout), text
        assert dump(read, layout) == text


# --- insatsbas format -------------------------------------------------------------------------------


def scrambled(path: Path) -> str:
    """The entry as a careless hand would write it: keys reversed, every list in block style, quotes where
    none are needed, a comment on top and one in the middle."""
    data = read_document(path).data
    body = yaml.safe_dump(dict(reversed(list(data.items()))), allow_unicode=True, sort_keys=False,
                          default_style=None, width=60)
    lines = body.splitlines()
    middle = next(i for i, line in enumerate(lines) if i > 2 and line[:1].isalpha())
    return "\n".join(["# yaml-language-server: $schema=../../schema/insats.schema.json", *lines[:middle],
                      "# en kommentar", *lines[middle:]]) + "\n"


@pytest.fixture
def scrambled_sample(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    for path in sorted(p for p in root.glob("*/*.yml") if p.parent.name != "vocabularies")[:40]:
        path.write_text(scrambled(path), encoding="utf-8")
    return root


def test_format_keeps_every_value_of_the_catalogue(scrambled_sample):
    before = load_catalogue(scrambled_sample, today=TODAY)
    code, output = run("format", "--catalogue", str(scrambled_sample))
    assert code == 0, output
    assert "40 av 145 filer skrevs om." in output
    assert "Kommentarer som togs bort: 2." in output
    assert load_catalogue(scrambled_sample, today=TODAY) == before
    for path in sorted(p for p in scrambled_sample.glob("*/*.yml") if p.parent.name != "vocabularies"):
        assert path.read_bytes() == (SAMPLE / path.relative_to(scrambled_sample)).read_bytes(), path


def test_format_check_names_each_file_and_changes_nothing(scrambled_sample):
    entry = scrambled_sample / "haninge" / "sfi-distans.yml"
    entry.write_text(scrambled(entry), encoding="utf-8")
    before = entry.read_bytes()
    code, output = run("format", "--check", "--catalogue", str(scrambled_sample), str(entry))
    assert code == 1
    assert "sfi-distans.yml: är inte skriven i katalogens form. Kör `insatsbas format " in output
    assert "1 av 1 filer är inte i katalogens form." in output
    assert entry.read_bytes() == before
    code, output = run("format", "--catalogue", str(scrambled_sample), str(scrambled_sample / "haninge"))
    assert code == 0 and "skrevs om" in output
    code, output = run("format", "--check", "--catalogue", str(scrambled_sample), str(scrambled_sample / "haninge"))
    assert code == 0 and "Alla 10 filer är i katalogens form." in output


def test_format_leaves_a_file_with_yaml_errors_untouched_and_says_where(make_catalogue):
    broken = VALID_ENTRY.replace("status: active", "status: active\n  oops: [")
    root = make_catalogue({"huddinge/trasig.yml": broken, "huddinge/hel.yml": VALID_ENTRY + "# slut\n"})
    code, output = run("format", "--catalogue", str(root))
    assert code == 1
    assert "trasig.yml:6:" in output and ": fel: " in output
    assert "1 filer gick inte att läsa och ändrades inte." in output
    assert (root / "huddinge" / "trasig.yml").read_text(encoding="utf-8") == broken
    assert (root / "huddinge" / "hel.yml").read_text(encoding="utf-8") == VALID_ENTRY


def test_format_speaks_english_when_asked(scrambled_sample):
    code, output = run("format", "--check", "--lang", "en", "--catalogue", str(scrambled_sample))
    assert code == 1
    assert "is not written in the catalogue's form" in output


def test_a_new_entry_keeps_its_prompts_until_formatted(make_catalogue):
    root = make_catalogue()
    run("new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge", "Språkcafé")
    path = root / "huddinge" / "sprakcafe.yml"
    assert path.read_text(encoding="utf-8").startswith("# Ny insats.")
    code, output = run("format", "--catalogue", str(root), str(path))
    assert code == 0
    assert "Kommentarer som togs bort:" in output
    assert "#" not in path.read_text(encoding="utf-8")
