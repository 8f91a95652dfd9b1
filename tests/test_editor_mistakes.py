"""The editors' mistakes (tests/editor_mistakes.py) through `insatsbas validate` and through the YAML language
server that their VS Code runs with the committed schema: the same verdict from both, and the exact Swedish
messages."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from tests.conftest import REPO, SAMPLE
from tests.editor_mistakes import FILE, MISTAKES, Mistake
from tests.yaml_language_server import Diagnostic, YamlLanguageServer

IDS = [mistake.name for mistake in MISTAKES]


@pytest.fixture(scope="module")
def language_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[YamlLanguageServer]:
    """The real yaml-language-server over a workspace like the repository: the committed schema, catalogue/."""
    workspace = tmp_path_factory.mktemp("workspace")
    (workspace / "schema").mkdir()
    shutil.copy(REPO / "schema" / "insats.schema.json", workspace / "schema")
    (workspace / "catalogue" / "huddinge").mkdir(parents=True)
    server = YamlLanguageServer(workspace)
    yield server
    server.close()


def editor_errors(server: YamlLanguageServer, mistake: Mistake) -> list[Diagnostic]:
    # Each mistake in a file of its own, so no message of an earlier one can be taken for its.
    relative = f"catalogue/huddinge/{IDS.index(mistake.name):02d}.yml"
    return [d for d in server.diagnostics(relative, mistake.text) if d.is_error]


def test_the_list_covers_at_least_thirty_mistakes_of_every_kind():
    assert len(MISTAKES) >= 30
    assert len(set(IDS)) == len(IDS)
    kinds = Counter(mistake.kind for mistake in MISTAKES)
    assert set(kinds) == {"Word paste", "indrag", "koder", "datum", "tider", "citattecken", "tal"}
    assert min(kinds.values()) >= 4, kinds
    verdicts = Counter(mistake.verdict for mistake in MISTAKES)
    assert verdicts["fel"] >= 30 and verdicts["varning"] >= 4 and verdicts["ok"] >= 2


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_validate_prints_the_swedish_message_with_file_line_and_column(make_catalogue, monkeypatch, mistake):
    root = make_catalogue({"huddinge/sprakcafe.yml": mistake.text})
    monkeypatch.chdir(root.parent)
    result = CliRunner().invoke(cli, ["validate", "--catalogue", "catalogue", "--today", "2026-11-22"])
    printed = tuple(line for line in result.output.splitlines() if line.startswith(FILE + ":"))
    assert printed == mistake.messages
    assert result.exit_code == (1 if mistake.verdict == "fel" else 0), result.output
    severities = {line.split(": ")[1] for line in printed}
    assert severities == ({mistake.verdict} if mistake.verdict != "ok" else set())


@pytest.mark.parametrize("mistake", MISTAKES, ids=IDS)
def test_vs_code_gives_the_same_verdict_in_swedish_where_the_schema_speaks(language_server, mistake):
    errors = editor_errors(language_server, mistake)
    assert bool(errors) == (mistake.verdict == "fel"), errors
    if mistake.editor is not None:
        assert tuple(d.message for d in errors) == mistake.editor


def test_the_language_server_reads_the_schema_from_the_workspace_settings(language_server):
    """A guard for the comparison itself: without the schema, a wrong status would pass unnoticed."""
    wrong = next(m for m in MISTAKES if m.name == "status på svenska")
    assert editor_errors(language_server, wrong)
    elsewhere = language_server.diagnostics("other/sprakcafe.yml", wrong.text)
    assert elsewhere == []


def test_every_sample_entry_is_clean_in_the_editor(language_server):
    entries = sorted(p for p in SAMPLE.glob("*/*.yml") if p.parent.name != "vocabularies")
    assert len(entries) > 100
    for number, path in enumerate(entries[::7]):
        assert language_server.diagnostics(f"catalogue/{path.parent.name}/s{number}.yml",
                                           path.read_text(encoding="utf-8")) == [], path
