"""`insatsbas reviewed FILE... --by ROLE`: confirms entries and changes no other byte of their files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.editing.review import review_status
from insatsbas.reader import load_catalogue
from insatsbas.sources.yamlsource import parse_document, top_level_scalars
from tests.conftest import SAMPLE, TODAY, VALID_ENTRY, write

COMMENTED = """\
# yaml-language-server: $schema=../../schema/insats.schema.json
# Granskas av enheten varje höst.
title: "Språkcafé på biblioteket"   # titeln ska vara kort
summary: Öva svenska över en kopp kaffe med frivilliga samtalsvärdar.
description: |
  Varje tisdag träffas vi på biblioteket och pratar svenska i små grupper.

  last_reviewed: 2020-01-01 står här bara som text.
status: active
provider: {name: 'Huddinge kommun, biblioteken', type: kommun}
municipality: huddinge
categories: [sprakstod]
target_groups:
  - vuxna
languages: [sv]
how_to_apply:
  referral: self
  description: Kom när du vill, ingen anmälan.
contact:
  role: Bibliotekarie
  email: bibliotek.huddinge@example.org
# Datumet då någon senast kontrollerade uppgifterna.
last_reviewed: 2026-06-01  # ändras av insatsbas reviewed
reviewed_by: Bibliotekschef   # en roll, inget namn
"""


def reviewed(*args: str):
    return CliRunner().invoke(cli, ["reviewed", "--today", TODAY.isoformat(), *args])


def with_values(text: str, role_before: str, role_after: str, date_before: str = "2026-06-01",
                date_after: str = "2026-11-22") -> str:
    """The text with exactly one occurrence each of the review lines' values replaced."""
    date_line = f"last_reviewed: {date_before}"
    role_line = f"reviewed_by: {role_before}"
    assert text.count(date_line) == 1 and text.count(role_line) == 1
    return text.replace(date_line, f"last_reviewed: {date_after}").replace(role_line, f"reviewed_by: {role_after}")


def test_only_the_two_values_change_in_a_file_with_comments_and_mixed_styles(tmp_path):
    path = write(tmp_path / "huddinge" / "sprakcafe.yml", COMMENTED)
    result = reviewed(str(path), "--by", "Enhetschef kultur")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == with_values(COMMENTED, "Bibliotekschef", "Enhetschef kultur").encode("utf-8")
    assert result.output == f"{path}: bekräftad, granskad 2026-11-22 av Enhetschef kultur.\n"


def test_crlf_line_endings_and_a_byte_order_mark_are_kept(tmp_path):
    text = VALID_ENTRY.replace("\n", "\r\n")
    path = write(tmp_path / "entry.yml", codecs.BOM_UTF8 + text.encode("utf-8"))
    assert reviewed(str(path), "--by", "Områdeschef").exit_code == 0
    expected = codecs.BOM_UTF8 + with_values(text, "Bibliotekschef", "Områdeschef").encode("utf-8")
    assert path.read_bytes() == expected


def test_a_missing_reviewed_by_is_inserted_after_last_reviewed_in_the_files_line_ending(tmp_path):
    lf = VALID_ENTRY.replace("reviewed_by: Bibliotekschef\n", "") + "locations: []\n"
    crlf = lf.replace("\n", "\r\n")
    paths = [write(tmp_path / "lf.yml", lf), write(tmp_path / "crlf.yml", crlf.encode("utf-8"))]
    assert reviewed(*map(str, paths), "--by", "Enhetschef").exit_code == 0
    assert paths[0].read_bytes().decode() == lf.replace(
        "last_reviewed: 2026-06-01\n", "last_reviewed: 2026-11-22\nreviewed_by: Enhetschef\n")
    assert paths[1].read_bytes().decode() == crlf.replace(
        "last_reviewed: 2026-06-01\r\n", "last_reviewed: 2026-11-22\r\nreviewed_by: Enhetschef\r\n")


def test_reviewed_by_is_appended_when_last_reviewed_is_the_last_line_without_a_line_break(tmp_path):
    text = VALID_ENTRY.replace("reviewed_by: Bibliotekschef\n", "").rstrip("\n")
    path = write(tmp_path / "entry.yml", text.encode("utf-8"))
    assert reviewed(str(path), "--by", "Enhetschef").exit_code == 0
    assert path.read_bytes().decode().endswith("\nlast_reviewed: 2026-11-22\nreviewed_by: Enhetschef")


@pytest.mark.parametrize(
    ("before", "role", "after"),
    [
        ("Bibliotekschef", "Enhetschef", "Enhetschef"),                       # plain stays plain
        ("Bibliotekschef", "Chef: vuxenutbildning", '"Chef: vuxenutbildning"'),  # plain would read differently
        ("Bibliotekschef", "true", '"true"'),                                 # plain would be a boolean
        ("Bibliotekschef", "#1 chef", '"#1 chef"'),                           # plain would be a comment
        ("Bibliotekschef", 'Chef "A"', 'Chef "A"'),                           # inner quotes read back as typed
        ('"Bibliotekschef"', "Enhetschef", '"Enhetschef"'),                   # double quotes are kept
        ("'Bibliotekschef'", "Rektor's office", "'Rektor''s office'"),        # single quotes are kept
    ],
)
def test_the_role_is_written_in_the_files_style_and_reads_back_as_given(tmp_path, before, role, after):
    text = VALID_ENTRY.replace("reviewed_by: Bibliotekschef", f"reviewed_by: {before}")
    path = write(tmp_path / "entry.yml", text)
    assert reviewed(str(path), "--by", role).exit_code == 0
    assert path.read_text(encoding="utf-8") == with_values(text, before, after)
    assert parse_document(path.read_text(encoding="utf-8")).data["reviewed_by"] == role


def test_a_quoted_date_stays_quoted(tmp_path):
    text = VALID_ENTRY.replace("last_reviewed: 2026-06-01", "last_reviewed: '2026-06-01'")
    path = write(tmp_path / "entry.yml", text)
    assert reviewed(str(path), "--by", "Enhetschef").exit_code == 0
    assert "last_reviewed: '2026-11-22'\nreviewed_by: Enhetschef\n" in path.read_text(encoding="utf-8")


def test_several_sample_files_at_once_stay_valid_and_are_no_longer_overdue(tmp_path):
    import shutil

    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    files = [root / "varmdo" / "jobbcoachning.yml", root / "haninge" / "seniortraff-brandbergen.yml",
             root / "arbetsformedlingen" / "starta-eget.yml"]
    before = {path: path.read_bytes() for path in files}
    result = reviewed(*map(str, files), "--by", "Enhetschef etablering")
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines()] == list(map(str, files))
    for path in files:
        old = parse_document(before[path].decode()).data
        assert path.read_bytes() == with_values(
            before[path].decode(), old["reviewed_by"], "Enhetschef etablering",
            date_before=old["last_reviewed"]).encode("utf-8")
    catalogue = load_catalogue(root, today=TODAY)
    overdue = {entry.id for status in review_status(catalogue, TODAY) for entry in status.overdue}
    assert len(overdue) >= 8
    assert not overdue & {"varmdo/jobbcoachning", "haninge/seniortraff-brandbergen", "arbetsformedlingen/starta-eget"}
    # The confirmed files are still in the written form the web editor and `insatsbas format` write.
    checked = CliRunner().invoke(cli, ["format", "--check", "--catalogue", str(root), *map(str, files)])
    assert checked.exit_code == 0, checked.output
    odd_role = reviewed(str(files[0]), "--by", "Rektor: SFI # kväll")
    assert odd_role.exit_code == 0, odd_role.output
    checked = CliRunner().invoke(cli, ["format", "--check", "--catalogue", str(root), str(files[0])])
    assert checked.exit_code == 0, checked.output


def test_an_empty_role_is_refused_and_nothing_changes(tmp_path):
    path = write(tmp_path / "entry.yml", VALID_ENTRY)
    result = reviewed(str(path), "--by", "  ")
    assert result.exit_code == 2
    assert "Ange rollen som granskade med --by" in result.output
    assert path.read_text(encoding="utf-8") == VALID_ENTRY


def test_a_role_over_two_lines_is_refused(tmp_path):
    path = write(tmp_path / "entry.yml", VALID_ENTRY)
    result = reviewed(str(path), "--by", "Enhets-\nchef")
    assert result.exit_code == 2 and "Skriv den på en rad" in result.output
    assert path.read_text(encoding="utf-8") == VALID_ENTRY


def test_unreadable_files_and_non_entries_are_refused_with_file_and_line_while_the_others_are_confirmed(tmp_path):
    good = write(tmp_path / "good.yml", VALID_ENTRY)
    broken_text = VALID_ENTRY.replace("status: active", "status: active\n\tprovider: x")
    broken = write(tmp_path / "broken.yml", broken_text)
    owners = write(tmp_path / "owners.yml", "owners:\n  huddinge:\n    name: Huddinge kommun\n")
    listed = write(tmp_path / "list.yml", "- last_reviewed: 2026-01-01\n")
    nested = write(tmp_path / "nested.yml", VALID_ENTRY.replace("reviewed_by: Bibliotekschef",
                                                                "reviewed_by:\n  - Bibliotekschef"))
    missing = tmp_path / "saknas.yml"
    result = reviewed(*map(str, [good, broken, owners, listed, nested, missing]), "--by", "Enhetschef")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{good}: bekräftad, granskad 2026-11-22 av Enhetschef."
    assert f"{broken}:6:1: fel: Tabbtecken i indraget. Använd mellanslag (två per nivå)." in lines
    assert f"{owners}:1:1: fel: Filen är ingen insats: fältet last_reviewed saknas." in result.output
    assert f"{listed}:1:1: fel: Filen är ingen insats" in result.output
    assert f"{nested}:21:3: fel: Fältet reviewed_by ska ha ett enda värde" in result.output
    assert f"{missing}:1:1: fel: Filen finns inte." in result.output
    assert lines[-1] == "5 filer ändrades inte. Rätta det som står ovan och kör kommandot igen för dem."
    assert broken.read_text(encoding="utf-8") == broken_text
    assert "last_reviewed: 2026-11-22" in good.read_text(encoding="utf-8")


def test_top_level_scalars_give_the_offsets_of_the_values_as_written():
    text = 'title: "Kafé"  # x\r\nprovider:\n  name: A\nlast_reviewed: 2026-06-01\nlist: [a]\nend: |\n  b\n'
    spans = top_level_scalars(text)
    assert set(spans) == {"title", "last_reviewed", "end"}
    assert text[spans["title"].start:spans["title"].end] == '"Kafé"' and spans["title"].style == '"'
    assert text[spans["last_reviewed"].key_start:spans["last_reviewed"].end] == "last_reviewed: 2026-06-01"
    assert spans["last_reviewed"].style == "" and spans["end"].style == "|"
    assert top_level_scalars("- a\n- b\n") == {}


def test_english_messages(tmp_path):
    path: Path = tmp_path / "saknas.yml"
    result = reviewed(str(path), "--by", "Enhetschef", "--lang", "en")
    assert result.exit_code == 1
    assert "does not exist" in result.output
