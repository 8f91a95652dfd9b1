"""`insatsbas owners check` and `owners codeowners`, on throwaway git repositories."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.editing.owners import (
    Change,
    check_changes,
    codeowners_path,
    parse_name_status,
    read_rules,
    render_codeowners,
)
from tests.conftest import SAMPLE, VALID_ENTRY, write

BOTKYRKA_ENTRY = VALID_ENTRY.replace("municipality: huddinge", "municipality: botkyrka")


class Repo:
    """A git repository in a temporary folder holding a small catalogue, on branch main."""

    def __init__(self, root: Path):
        self.root = root
        self.catalogue = root / "catalogue"

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True, check=True)
        return result.stdout

    def write(self, relative: str, text: str) -> None:
        write(self.root / relative, text)

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.root.mkdir()
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test Editor")
    repo.git("config", "user.email", "editor@example.org")
    repo.git("config", "commit.gpgsign", "false")
    shutil.copytree(SAMPLE / "vocabularies", repo.catalogue / "vocabularies")
    shutil.copy(SAMPLE / "owners.yml", repo.catalogue / "owners.yml")
    repo.write("catalogue/huddinge/sprakcafe.yml", VALID_ENTRY)
    repo.write("catalogue/botkyrka/laxhjalp.yml", BOTKYRKA_ENTRY)
    repo.write("insatsbas/__init__.py", "")
    repo.commit("Base catalogue")
    repo.git("checkout", "-q", "-b", "change")
    return repo


def owners_check(repo: Repo, editor: str, base: str = "main", *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["owners", "check", "--catalogue", str(repo.catalogue), "--base", base,
                                      "--editor", editor, *extra])
    return result.exit_code, result.output


# --- the four cases of the issue --------------------------------------------------------------------


def test_huddinge_editor_changing_a_botkyrka_file_is_refused_naming_the_file(repo):
    repo.write("catalogue/botkyrka/laxhjalp.yml", BOTKYRKA_ENTRY.replace("Bibliotekschef", "Rektor"))
    repo.commit("Edit Botkyrka")
    code, output = owners_check(repo, "huddinge-integration")
    assert code == 1
    assert "catalogue/botkyrka/laxhjalp.yml: fel: Filen tillhör Botkyrka kommun (catalogue/botkyrka/)" in output
    assert "botkyrka-integration, botkyrka-vux" in output
    assert "Du får ändra filer i catalogue/huddinge/." in output


def test_huddinge_editor_changing_their_own_file_is_accepted(repo):
    repo.write("catalogue/huddinge/sprakcafe.yml", VALID_ENTRY.replace("Bibliotekschef", "Enhetschef"))
    repo.write("catalogue/huddinge/ny-insats.yml", VALID_ENTRY)
    repo.commit("Edit and add in Huddinge")
    code, output = owners_check(repo, "huddinge-integration")
    assert code == 0, output
    assert "huddinge-integration får ändra alla 2 ändrade filer." in output


def test_vocabulary_change_is_refused_for_an_editor_and_allowed_for_a_coordinator(repo):
    path = repo.catalogue / "vocabularies" / "categories.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    repo.commit("Touch a vocabulary")
    code, output = owners_check(repo, "huddinge-vux")
    assert code == 1
    assert "catalogue/vocabularies/categories.yml: fel: Filen är gemensam" in output
    assert "sodertorn-samordnare, insatsbas-forvaltning" in output
    code, output = owners_check(repo, "sodertorn-samordnare")
    assert code == 0, output


def test_renaming_a_file_across_owners_is_refused_on_both_sides(repo):
    repo.git("mv", "catalogue/huddinge/sprakcafe.yml", "catalogue/botkyrka/sprakcafe.yml")
    repo.commit("Move to Botkyrka")
    assert repo.git("diff", "--name-status", "-M", "main", "HEAD").startswith("R100")
    code, output = owners_check(repo, "huddinge-integration")
    assert code == 1
    assert "catalogue/botkyrka/sprakcafe.yml: fel: Filen tillhör Botkyrka kommun" in output
    # The Botkyrka editor may not take it either: the Huddinge side is someone else's.
    code, output = owners_check(repo, "botkyrka-vux")
    assert code == 1
    assert "catalogue/huddinge/sprakcafe.yml: fel: Filen tillhör Huddinge kommun" in output


# --- more cases ------------------------------------------------------------------------------------


def test_unknown_editor_is_refused_with_a_clear_message(repo):
    repo.write("catalogue/huddinge/sprakcafe.yml", VALID_ENTRY.replace("Bibliotekschef", "Enhetschef"))
    repo.commit("Edit")
    code, output = owners_check(repo, "okand-person")
    assert code == 1
    assert ("catalogue/owners.yml: fel: «okand-person» finns inte i owners.yml, varken som redaktör eller som "
            "samordnare") in output
    assert "Be en samordnare att lägga till dig" in output


def test_coordinator_may_change_any_folder_and_shared_files(repo):
    repo.write("catalogue/botkyrka/laxhjalp.yml", BOTKYRKA_ENTRY.replace("Bibliotekschef", "Rektor"))
    repo.write("catalogue/huddinge/sprakcafe.yml", VALID_ENTRY.replace("Bibliotekschef", "Rektor"))
    repo.write("insatsbas/__init__.py", "# changed\n")
    repo.commit("Coordinator edits")
    code, output = owners_check(repo, "insatsbas-forvaltning")
    assert code == 0, output
    assert "får ändra alla 3 ändrade filer" in output


def test_deleting_another_owners_file_is_refused_and_own_deletion_accepted(repo):
    repo.git("rm", "-q", "catalogue/botkyrka/laxhjalp.yml")
    repo.commit("Delete Botkyrka's entry")
    code, output = owners_check(repo, "huddinge-integration")
    assert code == 1
    assert "catalogue/botkyrka/laxhjalp.yml: fel:" in output
    code, output = owners_check(repo, "botkyrka-integration")
    assert code == 0, output


def test_rename_within_own_folder_is_accepted(repo):
    repo.git("mv", "catalogue/huddinge/sprakcafe.yml", "catalogue/huddinge/sprakcafe-tisdagar.yml")
    repo.commit("Rename")
    code, output = owners_check(repo, "huddinge-vux")
    assert code == 0, output
    assert "får ändra alla 2 ändrade filer" in output


def test_code_outside_the_catalogue_needs_a_coordinator(repo):
    repo.write("insatsbas/__init__.py", "# changed\n")
    repo.commit("Code")
    code, output = owners_check(repo, "huddinge-integration")
    assert code == 1
    assert "insatsbas/__init__.py: fel: Filen är gemensam" in output


def test_new_owner_folder_not_in_owners_yml_needs_a_coordinator(repo):
    repo.write("catalogue/huddinge-ny/a.yml", VALID_ENTRY)
    repo.commit("New folder")
    code, output = owners_check(repo, "huddinge-integration")
    assert code == 1
    assert "catalogue/huddinge-ny/a.yml: fel: Filen är gemensam" in output


def test_editor_cannot_grant_themselves_rights_in_the_same_change(repo):
    owners = repo.catalogue / "owners.yml"
    owners.write_text(owners.read_text(encoding="utf-8").replace(
        "editors: [botkyrka-integration, botkyrka-vux]", "editors: [botkyrka-integration, botkyrka-vux, huddinge-vux]"),
        encoding="utf-8")
    repo.write("catalogue/botkyrka/laxhjalp.yml", BOTKYRKA_ENTRY.replace("Bibliotekschef", "Rektor"))
    repo.commit("Add myself to Botkyrka")
    code, output = owners_check(repo, "huddinge-vux")
    assert code == 1
    assert "catalogue/owners.yml: fel: Filen är gemensam" in output
    # Judged by the owners.yml of the base, not the one in the change.
    assert "catalogue/botkyrka/laxhjalp.yml: fel: Filen tillhör Botkyrka kommun" in output


def test_changes_on_the_base_branch_after_branching_are_not_the_editors(repo):
    repo.write("catalogue/huddinge/sprakcafe.yml", VALID_ENTRY.replace("Bibliotekschef", "Enhetschef"))
    head = repo.commit("Huddinge edit")
    repo.git("checkout", "-q", "main")
    repo.write("catalogue/botkyrka/laxhjalp.yml", BOTKYRKA_ENTRY.replace("Bibliotekschef", "Rektor"))
    base = repo.commit("Botkyrka's own edit lands on main meanwhile")
    code, output = owners_check(repo, "huddinge-integration", base, "--head", head)
    assert code == 0, output
    assert "får ändra alla 1 ändrade filer" in output


def test_handles_are_compared_without_regard_to_case(repo):
    repo.write("catalogue/huddinge/sprakcafe.yml", VALID_ENTRY.replace("Bibliotekschef", "Enhetschef"))
    repo.commit("Edit")
    code, output = owners_check(repo, "Huddinge-Integration")
    assert code == 0, output


def test_file_names_with_swedish_letters_are_read_exactly(repo):
    repo.write("catalogue/botkyrka/läxhjälp.yml", BOTKYRKA_ENTRY)
    repo.commit("Badly named file")
    code, output = owners_check(repo, "huddinge-integration", "main", "--lang", "en")
    assert code == 1
    assert "catalogue/botkyrka/läxhjälp.yml: error:" in output


def test_unknown_revision_is_reported_with_gits_message(repo):
    code, output = owners_check(repo, "huddinge-integration", "no-such-branch")
    assert code == 2
    assert "git kunde inte jämföra no-such-branch och HEAD" in output
    assert "no-such-branch" in output


def test_name_status_parsing_keeps_both_sides_of_a_rename():
    output = "M\0catalogue/a/x.yml\0R087\0catalogue/a/y.yml\0catalogue/b/y.yml\0D\0catalogue/b/z.yml\0"
    assert parse_name_status(output) == [
        Change("M", ("catalogue/a/x.yml",)),
        Change("R", ("catalogue/a/y.yml", "catalogue/b/y.yml")),
        Change("D", ("catalogue/b/z.yml",)),
    ]


def test_catalogue_in_a_subfolder_of_the_repository():
    rules = read_rules(SAMPLE)
    prefix = PurePosixPath("data/catalogue")
    accepted = check_changes(rules, "huddinge-vux", [Change("M", ("data/catalogue/huddinge/x.yml",))], prefix)
    refused = check_changes(rules, "huddinge-vux", [Change("M", ("catalogue/huddinge/x.yml",))], prefix)
    assert accepted.accepted
    assert not refused.accepted


# --- CODEOWNERS -----------------------------------------------------------------------------------


def test_codeowners_lists_coordinators_for_everything_and_editors_per_folder():
    text = render_codeowners(read_rules(SAMPLE))
    lines = text.splitlines()
    assert "* @sodertorn-samordnare @insatsbas-forvaltning" in lines
    assert ("/catalogue/huddinge/ @huddinge-integration @huddinge-vux @sodertorn-samordnare @insatsbas-forvaltning"
            in lines)
    # The general rule comes first: in CODEOWNERS the last matching line wins.
    assert lines.index("* @sodertorn-samordnare @insatsbas-forvaltning") < lines.index(
        next(line for line in lines if line.startswith("/catalogue/")))


def test_committed_codeowners_is_current():
    path = codeowners_path(SAMPLE)
    assert path.read_text(encoding="utf-8") == render_codeowners(read_rules(SAMPLE))


def test_codeowners_command_writes_the_file_and_validate_then_passes(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    result = CliRunner().invoke(cli, ["owners", "codeowners", "--catalogue", str(root)])
    assert result.exit_code == 0, result.output
    assert (root.parent / ".github" / "CODEOWNERS").read_text(encoding="utf-8").startswith("# Skapad av")
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output


def test_validation_fails_when_codeowners_is_out_of_date(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    CliRunner().invoke(cli, ["owners", "codeowners", "--catalogue", str(root)])
    owners = root / "owners.yml"
    owners.write_text(owners.read_text(encoding="utf-8").replace(
        "editors: [haninge-etablering]", "editors: [haninge-etablering, haninge-sfi]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22"])
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(render_codeowners(read_rules(root)).splitlines(), 1) if "haninge" in text)
    assert (f".github/CODEOWNERS:{line}:1: fel: CODEOWNERS stämmer inte med owners.yml. En samordnare kör "
            "`insatsbas owners codeowners` och checkar in filen.") in result.output


def test_catalogue_without_codeowners_is_not_asked_for_one(make_catalogue):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert not (root.parent / ".github").exists()
