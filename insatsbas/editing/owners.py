"""Ownership: which files an editor may change, read from owners.yml, and the git host's CODEOWNERS.

An owner's editors may change their owner's folder; coordinators may change everything. Everything
outside owner folders (vocabularies, owners.yml, schema, theme, code) is shared and needs a coordinator.

The rules of the base revision apply: a pull request cannot widen its own rights by editing owners.yml
(that edit is itself refused, and the rest is judged by the owners.yml the change is made against).
Changes are read with `git diff --name-status -M base...head`: from the merge base, so work that reached
the base branch after the editor branched off is not counted as the editor's.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from insatsbas.i18n import N_, translate
from insatsbas.model import Coordinator, Owner
from insatsbas.reader import read_owners, read_vocabularies
from insatsbas.sources.files import OWNERS_FILE, VOCABULARY_DIR, display_path
from insatsbas.sources.problems import SEVERITY_LABELS, Message, Problem, ProblemsFound, Severity

CODEOWNERS_PATH = Path(".github") / "CODEOWNERS"
CODEOWNERS_COMMAND = "insatsbas owners codeowners"
DEFAULT_PREFIX = PurePosixPath("catalogue")


class GitError(Exception):
    """git could not answer; `detail` is git's own message."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class RulesUnreadable(ProblemsFound):
    """owners.yml (or the vocabularies it refers to) has errors, so no rules can be applied."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems, "owners.yml or the vocabularies")


# --- the rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    owners: dict[str, Owner]
    coordinators: tuple[Coordinator, ...]

    def owners_of(self, handle: str) -> tuple[str, ...]:
        """Owner folders that list `handle` as an editor. Git hosts compare handles case-insensitively."""
        wanted = handle.casefold()
        return tuple(slug for slug, owner in self.owners.items()
                     if wanted in (editor.casefold() for editor in owner.editors))

    def is_coordinator(self, handle: str) -> bool:
        return handle.casefold() in (c.handle.casefold() for c in self.coordinators)


def read_rules(catalogue_dir: Path) -> Rules:
    """The owners and coordinators of a catalogue folder, or RulesUnreadable with the problems."""
    problems: list[Problem] = []
    vocabularies = read_vocabularies(catalogue_dir, problems)
    loaded = read_owners(catalogue_dir, vocabularies, problems) if vocabularies else None
    if loaded is None or any(p.is_error for p in problems):
        raise RulesUnreadable(problems)
    owners, coordinators = loaded
    return Rules(owners, tuple(coordinators))


# --- changes between two revisions -----------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One entry of `git diff --name-status`: git's status letter and the paths it touches.

    Renames carry both the old and the new path, so both sides are checked.
    """

    status: str
    paths: tuple[str, ...]


def parse_name_status(output: str) -> list[Change]:
    """Parse `git diff --name-status -z`: a status field, then one path (two for renames and copies)."""
    fields = output.split("\0")
    if fields and fields[-1] == "":
        fields.pop()
    changes: list[Change] = []
    index = 0
    while index < len(fields):
        status = fields[index][0]
        width = 2 if status in "RC" else 1
        changes.append(Change(status, tuple(fields[index + 1:index + 1 + width])))
        index += 1 + width
    return changes


def git(repo: Path, *args: str) -> bytes:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def repository_root(path: Path) -> Path:
    return Path(git(path, "rev-parse", "--show-toplevel").decode("utf-8").strip())


def read_changes(repo: Path, base: str, head: str) -> list[Change]:
    """Files changed on `head` since it branched from `base`, paths relative to the repository root."""
    # -z: paths with å, ä, ö come unquoted and unescaped; --no-relative: paths from the root even if
    # the user's configuration says otherwise.
    output = git(repo, "diff", "--name-status", "-M", "-z", "--no-relative", f"{base}...{head}", "--")
    return parse_name_status(output.decode("utf-8"))


def rules_at(repo: Path, revision: str, catalogue_prefix: PurePosixPath) -> Rules:
    """The rules as owners.yml and the vocabularies stood at `revision`."""
    archive = git(repo, "archive", "--format=tar", revision, "--",
                  str(catalogue_prefix / OWNERS_FILE), str(catalogue_prefix / VOCABULARY_DIR))
    with tempfile.TemporaryDirectory(prefix="insatsbas-rules-") as temporary:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(temporary, filter="data")
        return read_rules(Path(temporary) / catalogue_prefix)


# --- the check -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A file the editor may not change (or, for an unknown editor, owners.yml), and why."""

    path: str
    reason: Message

    def render(self, language: str = "sv") -> str:
        label = translate(SEVERITY_LABELS[Severity.ERROR], language)
        return f"{self.path}: {label}: {self.reason.text(language)}"


@dataclass
class OwnershipCheck:
    editor: str
    changes: list[Change]
    refusals: list[Refusal] = field(default_factory=list)
    coordinator: bool = False
    owners: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.refusals

    @property
    def paths(self) -> list[str]:
        return list(dict.fromkeys(path for change in self.changes for path in change.paths))


def owner_folder(path: str, catalogue_prefix: PurePosixPath, rules: Rules) -> str | None:
    """The owner whose folder holds `path` (relative to the repository root), or None for a shared file."""
    parts = PurePosixPath(path).parts
    prefix = catalogue_prefix.parts
    if parts[:len(prefix)] != prefix or len(parts) < len(prefix) + 2:
        return None
    folder = parts[len(prefix)]
    return folder if folder in rules.owners else None


def check_changes(rules: Rules, editor: str, changes: list[Change],
                  catalogue_prefix: PurePosixPath = DEFAULT_PREFIX) -> OwnershipCheck:
    """Which of `changes` the editor may not make under `rules`."""
    check = OwnershipCheck(editor, changes, coordinator=rules.is_coordinator(editor), owners=rules.owners_of(editor))
    if not check.coordinator and not check.owners:
        check.refusals.append(Refusal(str(catalogue_prefix / OWNERS_FILE), Message(
            N_("«{editor}» finns inte i owners.yml, varken som redaktör eller som samordnare, och får inte ändra "
               "något i katalogen. Be en samordnare att lägga till dig under editors hos din organisation."),
            {"editor": editor})))
        return check
    if check.coordinator:
        return check
    for path in check.paths:
        folder = owner_folder(path, catalogue_prefix, rules)
        if folder in check.owners:
            continue
        check.refusals.append(Refusal(path, refusal_reason(rules, editor, folder, catalogue_prefix)))
    return check


def refusal_reason(rules: Rules, editor: str, folder: str | None, catalogue_prefix: PurePosixPath) -> Message:
    coordinators = ", ".join(c.handle for c in rules.coordinators)
    own = ", ".join(f"{catalogue_prefix / slug}/" for slug in rules.owners_of(editor))
    if folder is None:
        return Message(
            N_("Filen är gemensam (inte i någon ägares mapp) och får bara ändras av en samordnare ({coordinators}). "
               "Du får ändra filer i {own}."),
            {"coordinators": coordinators, "own": own})
    owner = rules.owners[folder]
    return Message(
        N_("Filen tillhör {owner} ({folder}/). Bara ägarens redaktörer ({editors}) eller en samordnare "
           "({coordinators}) får ändra den. Du får ändra filer i {own}."),
        {"owner": owner.name, "folder": str(catalogue_prefix / folder), "editors": ", ".join(owner.editors), "coordinators": coordinators,
         "own": own})


def check_ownership(catalogue_dir: Path, editor: str, base: str, head: str = "HEAD") -> OwnershipCheck:
    """Read the changes between two revisions with git and check them against owners.yml at `base`."""
    root = repository_root(catalogue_dir)
    prefix = PurePosixPath(catalogue_dir.resolve().relative_to(root.resolve()).as_posix())
    changes = read_changes(root, base, head)
    return check_changes(rules_at(root, base, prefix), editor, changes, prefix)


# --- CODEOWNERS -----------------------------------------------------------------------------------


def codeowners_path(catalogue_dir: Path) -> Path:
    """CODEOWNERS lives in the repository that holds the catalogue folder: beside it, in .github/."""
    return catalogue_dir.resolve().parent / CODEOWNERS_PATH


def render_codeowners(rules: Rules, catalogue_name: str = "catalogue") -> str:
    """CODEOWNERS: coordinators own everything; each owner folder adds its editors.

    Coordinators are listed on every folder too, because the last matching line wins and an owner with a
    single editor could otherwise never have a pull request approved by someone else.
    """
    coordinators = " ".join(f"@{c.handle}" for c in rules.coordinators)
    lines = [
        f"# Skapad av `{CODEOWNERS_COMMAND}` från {catalogue_name}/{OWNERS_FILE}. Ändra inte för hand.",
        f"# Generated by `{CODEOWNERS_COMMAND}` from {catalogue_name}/{OWNERS_FILE}. Do not edit by hand.",
        "",
        f"* {coordinators}",
    ]
    for slug in sorted(rules.owners):
        editors = " ".join(f"@{handle}" for handle in rules.owners[slug].editors)
        lines.append(f"/{catalogue_name}/{slug}/ {editors} {coordinators}")
    return "\n".join(lines) + "\n"


def write_codeowners(catalogue_dir: Path) -> Path:
    path = codeowners_path(catalogue_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_codeowners(read_rules(catalogue_dir), catalogue_dir.resolve().name), encoding="utf-8")
    return path


def first_difference(old: Iterable[str], new: Iterable[str]) -> int:
    """The 1-based number of the first line that differs."""
    old_lines, new_lines = list(old), list(new)
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1


def codeowners_problems(catalogue_dir: Path) -> list[Problem]:
    """An error when the repository has a CODEOWNERS file that does not match owners.yml.

    Problems in owners.yml itself are the reader's to report; then there is nothing to compare with.
    """
    path = codeowners_path(catalogue_dir)
    if not path.is_file():
        return []
    try:
        expected = render_codeowners(read_rules(catalogue_dir), catalogue_dir.resolve().name)
    except RulesUnreadable:
        return []
    actual = path.read_text(encoding="utf-8")
    if actual == expected:
        return []
    line = first_difference(actual.splitlines(), expected.splitlines())
    return [Problem(
        display_path(catalogue_dir, path), line, 1,
        N_("CODEOWNERS stämmer inte med owners.yml. En samordnare kör `{command}` och checkar in filen."),
        {"command": CODEOWNERS_COMMAND},
    )]
