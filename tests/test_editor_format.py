"""The web editor's YAML format (theme/editor/insatsbas-yaml.js, run by Node) writes what `insatsbas format`
writes, byte for byte: on every sample entry, on edited entries and on generated awkward ones."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from insatsbas.editing.formatting import catalogue_layout
from insatsbas.reader import load_catalogue
from insatsbas.sources.canonical import dump
from insatsbas.sources.yamlsource import parse_document, read_document
from tests.canonical_cases import generated_entries
from tests.conftest import REPO, SAMPLE, TODAY

HARNESS = REPO / "tests" / "js" / "editor_harness.mjs"


def sample_entries() -> list[Path]:
    return sorted(p for p in SAMPLE.glob("*/*.yml") if p.parent.name != "vocabularies")


@pytest.fixture(scope="module")
def layout() -> dict:
    return catalogue_layout(SAMPLE)


def editor_format(layout: dict, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run the cases through the editor's format in Node (one process for all of them)."""
    request = json.dumps({"layout": layout, "cases": cases}, ensure_ascii=False)
    done = subprocess.run(["node", str(HARNESS)], input=request, capture_output=True, text=True, check=True,
                          cwd=REPO)
    answers = json.loads(done.stdout)
    assert len(answers) == len(cases)
    return answers


@pytest.fixture(scope="module")
def round_trips(layout) -> dict[Path, str]:
    paths = sample_entries()
    answers = editor_format(layout, [{"op": "roundtrip", "text": p.read_text(encoding="utf-8")} for p in paths])
    assert [a for a in answers if "error" in a] == []
    return {path: answer["text"] for path, answer in zip(paths, answers, strict=True)}


def test_every_sample_entry_round_trips_through_the_editor_to_what_format_writes(round_trips, layout):
    assert len(round_trips) == 145
    for path, text in round_trips.items():
        assert text == dump(read_document(path).data, layout), path
        assert text == path.read_text(encoding="utf-8"), path


def test_what_the_editor_writes_validates_unchanged(round_trips, tmp_path):
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    for path, text in round_trips.items():
        (root / path.relative_to(SAMPLE)).write_text(text, encoding="utf-8")
    written, sample = load_catalogue(root, today=TODAY), load_catalogue(SAMPLE, today=TODAY)
    assert [replace(i, source="") for i in written.interventions] == [replace(i, source="") for i in sample.interventions]


def test_the_editor_reads_what_the_catalogue_reader_reads(layout):
    paths = sample_entries()[::10]
    answers = editor_format(layout, [{"op": "read", "text": p.read_text(encoding="utf-8")} for p in paths])
    for path, answer in zip(paths, answers, strict=True):
        assert answer["data"] == read_document(path).data, path


EDITS = [
    ("haninge/sfi-distans.yml", ["title"], "SFI på distans, kväll"),
    ("haninge/sfi-distans.yml", ["contact", "phone"], "08-465 004 23"),
    ("haninge/sfi-distans.yml", ["schedule", "hours", 1, "opens"], "13:30"),
    ("haninge/sfi-distans.yml", ["last_reviewed"], "2026-11-20"),
    ("haninge/sfi-distans.yml", ["keywords", 2], "sfi på nätet"),
    ("botkyrka/foraldraskap-i-sverige.yml", ["translations", "en", "summary"], "A parents' group: six sessions."),
    ("botkyrka/foraldraskap-i-sverige.yml", ["locations", 0, "postal_code"], "145 60"),
    ("botkyrka/foraldraskap-i-sverige.yml", ["categories"], ["foraldraskap", "halsa"]),
]


@pytest.mark.parametrize(("entry", "path", "value"), EDITS, ids=[".".join(map(str, e[1])) for e in EDITS])
def test_one_field_edited_in_the_editor_changes_only_its_own_line(layout, entry, path, value):
    before = (SAMPLE / entry).read_text(encoding="utf-8")
    [answer] = editor_format(layout, [{"op": "edit", "text": before, "path": path, "value": value}])
    after = answer["text"]
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2, changed
    removed, added = changed
    assert removed.startswith("-") and added.startswith("+")
    key = next(part for part in reversed(path) if isinstance(part, str))
    assert key in added or (isinstance(path[-1], int) and json.dumps(value, ensure_ascii=False).strip('"') in added)
    assert after == dump(parse_document(after).data, layout)


def test_a_description_edited_in_the_editor_changes_only_the_lines_that_changed(layout):
    before = (SAMPLE / "haninge" / "sfi-distans.yml").read_text(encoding="utf-8")
    description = parse_document(before).data["description"]
    # What Decap's Markdown widget gives back: no final line break, a hard break as a backslash.
    edited = description.rstrip("\n").replace("med tekniken.", "med tekniken.\\\nFråga gärna i receptionen.")
    assert edited != description.rstrip("\n")
    [answer] = editor_format(layout, [{"op": "edit", "text": before, "path": ["description"], "value": edited}])
    diff = [line for line in difflib.unified_diff(before.splitlines(), answer["text"].splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert diff == [line for line in diff if "tekniken" in line or "receptionen" in line]
    assert len(diff) == 3


def test_the_two_writers_agree_on_generated_entries(layout):
    entries = generated_entries(layout, 400)
    python = [dump(data, layout) for data in entries]
    answers = editor_format(layout, [{"op": "write", "data": data} for data in entries]
                            + [{"op": "roundtrip", "text": text} for text in python if text])
    written, round_tripped = answers[:len(entries)], answers[len(entries):]
    for data, text, answer in zip(entries, python, written, strict=True):
        assert answer.get("text") == text, (data, text, answer)
    for text, answer in zip([t for t in python if t], round_tripped, strict=True):
        assert answer.get("text") == text, (text, answer)
    # The generated set does reach the styles it is meant to test.
    joined = "".join(python)
    for sign in (": |\n", ': "', ": '", "[", "|2\n", "\\\n", "\\\\", "\u200c"):
        assert sign in joined, sign
    # Characters pasted from Word were in the entries, and both writers cleaned them the same way.
    assert any("\u00a0" in json.dumps(data, ensure_ascii=False) for data in entries) and "\u00a0" not in joined
