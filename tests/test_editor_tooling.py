"""The files editors and the git host use: the workflow, the pre-commit hooks, and the editors' guide."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from insatsbas.cli import cli
from insatsbas.editing.formatting import catalogue_layout, format_text
from insatsbas.reader import load_catalogue
from insatsbas.sources.text import slugify
from insatsbas.sources.yamlsource import read_document
from tests.conftest import REPO, SAMPLE, TODAY
from tests.guide import code_blocks, guide_text, section, shell_commands, web_editor_new_entry

WORKFLOW = REPO / ".github" / "workflows" / "insatsbas.yml"
GUIDE_ENTRY = "catalogue/huddinge/samtalscafe-varby-gard.yml"


# --- the workflow ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def runs(job: dict) -> list[str]:
    return [step["run"] for step in steps(job) if "run" in step]


def uses(job: dict, action: str) -> dict:
    return next(step for step in steps(job) if step.get("uses", "").startswith(action + "@"))


def test_workflow_runs_on_pull_requests_and_on_pushes_to_main(workflow):
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    # An editor's "today" just after midnight in Sweden is still yesterday in UTC.
    assert workflow["env"]["TZ"] == "Europe/Stockholm"


def test_pull_requests_are_validated_and_checked_for_ownership_by_their_author(workflow):
    check = workflow["jobs"]["check"]
    assert check["if"] == "github.event_name == 'pull_request'"
    assert uses(check, "actions/checkout")["with"]["fetch-depth"] == 0
    assert "insatsbas validate --format github" in runs(check)
    assert "insatsbas schema --check" in runs(check)
    owners_step = next(step for step in steps(check) if "owners check" in step.get("run", ""))
    assert owners_step["env"] == {
        "BASE_SHA": "${{ github.event.pull_request.base.sha }}",
        "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
        "PR_AUTHOR": "${{ github.event.pull_request.user.login }}",
    }
    assert owners_step["run"] == 'insatsbas owners check --base "$BASE_SHA" --head "$HEAD_SHA" --editor "$PR_AUTHOR"'
    # Validation comes before the ownership check, so an author sees format errors first.
    assert runs(check).index("insatsbas validate --format github") < runs(check).index(owners_step["run"])
    # Entries must be in the written form the web editor writes, so that its diffs show only what changed.
    assert "insatsbas format --check" in runs(check)


def test_main_is_published_with_the_web_editor_for_this_repository(workflow):
    publish = workflow["jobs"]["publish"]
    install = next(run for run in runs(publish) if "pip install" in run)
    assert "npm ci" in install
    assert uses(publish, "actions/setup-node")["with"]["node-version"] == "20"
    build = next(run for run in runs(publish) if run.startswith("insatsbas build"))
    arguments = shlex.split(build)
    assert arguments[arguments.index("--editor-repo") + 1] == "${{ github.repository }}"


def test_the_workflows_install_the_package_as_a_region_would_not_editable():
    for path in (WORKFLOW, REPO / ".github" / "workflows" / "granskning.yml"):
        jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
        installs = [line.strip() for job in jobs for run in runs(job) for line in run.splitlines() if "pip install" in line]
        assert installs and set(installs) == {"python -m pip install ."}, (path.name, installs)


def test_main_is_built_and_published_with_pages(workflow):
    publish = workflow["jobs"]["publish"]
    assert "github.event_name == 'push'" in publish["if"]
    assert publish["permissions"]["pages"] == "write" and publish["permissions"]["id-token"] == "write"
    build = next(run for run in runs(publish) if run.startswith("insatsbas build"))
    out = shlex.split(build)[shlex.split(build).index("--out") + 1]
    assert uses(publish, "actions/upload-pages-artifact")["with"]["path"] == out
    names = [step.get("uses", "").split("@")[0] for step in steps(publish)]
    assert names.index("actions/upload-pages-artifact") < names.index("actions/deploy-pages")


def test_every_insatsbas_command_in_the_workflow_exists_with_its_options(workflow):
    commands = [run for job in workflow["jobs"].values() for run in runs(job) if run.startswith("insatsbas ")]
    assert len(commands) >= 4
    for command in commands:
        arguments = [re.sub(r"^\$\w+$", "x", word) for word in shlex.split(command)[1:]]
        result = CliRunner().invoke(cli, [*arguments, "--help"])
        assert result.exit_code == 0, (command, result.output)


# --- pre-commit and yamllint ----------------------------------------------------------------------


def copy_of_repository(target: Path) -> Path:
    ignored = shutil.ignore_patterns(".git", ".venv", "output", "output.*", "__pycache__", ".pytest_cache",
                                     ".ruff_cache", "*.egg-info", "node_modules")
    shutil.copytree(REPO, target, ignore=ignored, symlinks=True)
    # The hooks run the project's .venv, as `make` creates it; here, the one running the tests.
    (target / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    for command in (["init", "-q", "-b", "main"], ["add", "-A"]):
        subprocess.run(["git", "-C", str(target), *command], check=True, capture_output=True)
    return target


def pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SKIP": ""}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True)


def test_hooks_are_local_and_download_nothing():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {hook["id"] for hook in hooks} == {"insatsbas-validate", "insatsbas-schema", "yamllint", "insatsbas-format"}
    assert all(hook["language"] == "system" and hook["entry"].startswith(".venv/bin/") for hook in hooks)


def test_pre_commit_runs_clean_on_the_sample_and_catches_a_broken_entry(tmp_path):
    assert (Path(sys.prefix) / "bin" / "python").exists() and (Path(sys.prefix) / "bin" / "yamllint").exists()
    repo = copy_of_repository(tmp_path / "repo")
    result = pre_commit(repo, tmp_path / "pre-commit-home")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(re.findall(r"\.Passed$", result.stdout, re.MULTILINE)) == 4, result.stdout

    entry = next((repo / "catalogue" / "huddinge").glob("*.yml"))
    entry.write_text(entry.read_text(encoding="utf-8").replace("status: active", "status: aktiv") + "extra:  \n",
                     encoding="utf-8")
    result = pre_commit(repo, tmp_path / "pre-commit-home")
    assert result.returncode == 1
    assert re.search(r"insatsbas validate\.+Failed", result.stdout)
    assert "Okänt värde «aktiv» i «status». Menade du «active» (pågår)?" in result.stdout
    assert re.search(r"yamllint\.+Failed", result.stdout) and "trailing spaces" in result.stdout
    # The format hook rewrote the entry in the catalogue's form (the empty field and its spaces are gone).
    assert re.search(r"insatsbas format\.+Failed", result.stdout) and "files were modified by this hook" in result.stdout
    assert "extra:" not in entry.read_text(encoding="utf-8")


def test_the_format_hook_runs_on_entries_only():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in config["repos"][0]["hooks"] if h["id"] == "insatsbas-format")
    matches = [path for path in ("catalogue/huddinge/sprakvan.yml", "catalogue/huddinge/a.yaml",
                                 "catalogue/vocabularies/languages.yml", "catalogue/owners.yml",
                                 "catalogue/synonyms.yml", "metadata.yml")
               if re.search(hook["files"], path) and not re.search(hook["exclude"], path)]
    assert matches == ["catalogue/huddinge/sprakvan.yml", "catalogue/huddinge/a.yaml"]


def test_a_new_entry_passes_yamllint(make_catalogue):
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    root = make_catalogue()
    CliRunner().invoke(cli, ["new", "--catalogue", str(root), "--today", "2026-11-22", "huddinge", "Språkcafé"])
    config = YamlLintConfig(file=str(REPO / ".yamllint"))
    text = (root / "huddinge" / "sprakcafe.yml").read_text(encoding="utf-8")
    assert [str(problem) for problem in linter.run(text, config)] == []


# --- the editors' guide --------------------------------------------------------------------------


def guide_example() -> str:
    section = guide_text().split("## Ett komplett exempel", 1)[1]
    language, text = code_blocks(section)[0]
    assert language == "yaml"
    return text


def guide_mistakes() -> list[tuple[str, str, str, str]]:
    section = guide_text().split("## Fem vanliga misstag", 1)[1].split("\n## ", 1)[0]
    mistakes = []
    for part in re.split(r"^### ", section, flags=re.MULTILINE)[1:]:
        title = part.splitlines()[0]
        (wrong_language, wrong), (message_language, messages), (right_language, right) = code_blocks(part)[:3]
        assert (wrong_language, message_language, right_language) == ("yaml", "text", "yaml"), title
        mistakes.append((title, wrong, messages, right))
    return mistakes


def test_guide_is_a_swedish_pelican_page():
    lines = guide_text().splitlines()
    assert lines[:3] == ["Title: Guide för redaktörer", "Slug: redaktorer", "Lang: sv"]


def test_guide_example_is_a_valid_entry(make_catalogue):
    example = guide_example()
    root = make_catalogue({"huddinge/samtalscafe-varby-gard.yml": example})
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert "0 varningar" in result.output
    schema = (REPO / "schema" / "insats.schema.json").read_text(encoding="utf-8")
    validator = Draft202012Validator(yaml.safe_load(schema))
    assert not list(validator.iter_errors(read_document(root / "huddinge" / "samtalscafe-varby-gard.yml").data))


def test_guide_example_is_written_as_the_web_editor_writes_it():
    example = guide_example()
    assert format_text(example, catalogue_layout(SAMPLE)) == example


def test_the_guides_commands_create_the_file_it_names(make_catalogue, tmp_path, monkeypatch):
    """The shell steps of "Ändra på din egen dator", from `insatsbas new` on, run as the guide writes them."""
    commands = shell_commands("Ändra på din egen dator")
    new = next(c for c in commands if c.startswith(".venv/bin/insatsbas new"))
    named = re.search(r"skapar filen `([^`]+)`", guide_text()).group(1)
    root = make_catalogue()
    monkeypatch.chdir(root.parent)
    created = CliRunner().invoke(cli, shlex.split(new)[1:] + ["--today", "2026-11-22"])
    assert created.exit_code == 0, created.output
    assert (root.parent / named).is_file(), (new, named, created.output)
    listed = CliRunner().invoke(cli, ["validate", "--today", "2026-11-22"])
    assert listed.exit_code == 1 and f"{named}:" in listed.output  # the placeholders still to fill in


def test_the_guides_review_commands_run_on_its_example(make_catalogue, monkeypatch):
    commands = re.findall(r"`(insatsbas review[^`]*)`", section("Påminnelser om granskning"))
    assert [shlex.split(c)[1] for c in commands] == ["review-status", "reviewed"]
    root = make_catalogue({GUIDE_ENTRY.split("/", 1)[1]: guide_example()})
    monkeypatch.chdir(root.parent)
    for command in commands:
        result = CliRunner().invoke(cli, shlex.split(command)[1:] + ["--today", "2027-11-22"])
        assert result.exit_code == 0, (command, result.output)
    assert read_document(root.parent / GUIDE_ENTRY).data["last_reviewed"] == "2027-11-22"


def test_the_web_editors_example_names_the_file_the_editor_writes():
    collection, title, path = web_editor_new_entry()
    owner = next(o for o in load_catalogue(SAMPLE, today=TODAY).owners.values() if o.name == collection)
    assert path == f"catalogue/{owner.slug}/{slugify(title)}.yml"


def test_guide_shows_five_mistakes():
    assert len(guide_mistakes()) == 5


@pytest.mark.parametrize("number", range(5))
def test_guide_messages_are_what_validate_prints(make_catalogue, number):
    title, wrong, messages, right = guide_mistakes()[number]
    example = guide_example()
    assert example.count(right) == 1, title
    root = make_catalogue({"huddinge/samtalscafe-varby-gard.yml": example.replace(right, wrong)})
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22"])
    assert result.exit_code == 1
    printed = [line[line.index(GUIDE_ENTRY.split("/", 1)[1]):] for line in result.output.splitlines()
               if ": fel: " in line]
    shown = [line.removeprefix("catalogue/") for line in messages.splitlines()]
    assert printed == shown, title
