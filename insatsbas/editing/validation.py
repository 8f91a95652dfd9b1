"""`insatsbas validate`: check the catalogue, or only some files or one owner's folder, and show the problems
where the editor looks: on the command line, or as GitHub annotations on a pull request's changed lines
with a summary for the job.

With a selection, the vocabularies and owners.yml are still read (an entry cannot be checked without
them), and their errors are shown because they stop every check; everything else is shown only for the
chosen files, so an editor sees their own mistakes and not other organisations' review reminders.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from insatsbas.editing.owners import RulesUnreadable, codeowners_problems, read_rules
from insatsbas.i18n import N_, translate
from insatsbas.model import Catalogue
from insatsbas.reader import read_catalogue
from insatsbas.sources.files import OWNERS_FILE, VOCABULARY_DIR
from insatsbas.sources.problems import Message, Problem, SortedByGravity, sort_problems
from insatsbas.sources.text import did_you_mean


class SelectionRefused(Exception):
    """The files or owner asked for cannot be checked; `reason` says why, in Swedish."""

    def __init__(self, reason: Message):
        super().__init__(reason.text("sv"))
        self.reason = reason


@dataclass(frozen=True)
class Selection:
    """The files and folders to report on, resolved; empty means the whole catalogue."""

    places: tuple[Path, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.places)

    def holds(self, path: Path) -> bool:
        path = path.resolve()
        return not self.places or any(path == place or path.is_relative_to(place) for place in self.places)


@dataclass
class Validation(SortedByGravity):
    """What one run found: the problems to show (errors first), and the catalogue when it has no errors."""

    problems: list[Problem]
    catalogue: Catalogue | None
    selection: Selection = field(default_factory=Selection)


    @property
    def ok(self) -> bool:
        return not self.errors and (self.catalogue is not None or bool(self.selection))


def select(catalogue_dir: Path, paths: Sequence[Path] = (), owner: str | None = None) -> Selection:
    """The places to report on, or SelectionRefused for a path outside the catalogue or an unknown owner."""
    places = [_place_in_catalogue(catalogue_dir, path) for path in paths]
    if owner is not None:
        places.append(_owner_folder(catalogue_dir, owner))
    return Selection(tuple(places))


def _place_in_catalogue(catalogue_dir: Path, path: Path) -> Path:
    root, resolved = catalogue_dir.resolve(), path.resolve()
    if not resolved.exists():
        raise SelectionRefused(Message(N_("{path} finns inte. Ange en fil eller mapp i katalogen."), {"path": str(path)}))
    if resolved != root and not resolved.is_relative_to(root):
        raise SelectionRefused(Message(
            N_("{path} ligger utanför katalogen {catalogue}. Ange filer eller mappar i katalogen, till exempel "
               "{catalogue}/huddinge."), {"path": str(path), "catalogue": str(catalogue_dir)}))
    return resolved


def _owner_folder(catalogue_dir: Path, owner: str) -> Path:
    try:
        owners = read_rules(catalogue_dir).owners
    except RulesUnreadable:
        return (catalogue_dir / owner).resolve()  # the run itself shows what is wrong with owners.yml
    if owner not in owners:
        raise SelectionRefused(Message(N_("Ägaren «{owner}» finns inte i owners.yml.{hint}"),
                                       {"owner": owner, "hint": did_you_mean(owner, owners) or ""}))
    return (catalogue_dir / owner).resolve()


def validate_catalogue(catalogue_dir: Path, *, paths: Sequence[Path] = (), owner: str | None = None,
                       today: date | None = None) -> Validation:
    """Check the catalogue; with `paths` or `owner`, read and report only those entries."""
    selection = select(catalogue_dir, paths, owner)
    result = read_catalogue(catalogue_dir, today=today, only=selection.holds if selection else None)
    problems = result.problems + codeowners_problems(catalogue_dir)
    shown = [p for p in problems if selection.holds(_file_of(p)) or (p.is_error and _is_needed(catalogue_dir, p))]
    return Validation(errors_first(shown), result.catalogue, selection)


def _file_of(problem: Problem) -> Path:
    return Path(problem.path).resolve()


def _is_needed(catalogue_dir: Path, problem: Problem) -> bool:
    """Whether the problem is in a file every check needs (the vocabularies and owners.yml)."""
    root = catalogue_dir.resolve()
    path = _file_of(problem)
    return path == root / OWNERS_FILE or path.is_relative_to(root / VOCABULARY_DIR)


def errors_first(problems: Iterable[Problem]) -> list[Problem]:
    ordered = sort_problems(problems)
    return [p for p in ordered if p.is_error] + [p for p in ordered if not p.is_error]


def summary(validation: Validation, language: str) -> str:
    """The last line: what was found, counting only what was shown."""
    errors, warnings = len(validation.errors), len(validation.warnings)
    if errors or not validation.ok:
        return translate(N_("{errors} fel och {warnings} varningar. Rätta felen och kör igen."), language,
                         errors=errors, warnings=warnings)
    catalogue = validation.catalogue
    entries = catalogue.interventions if catalogue else ()
    if validation.selection:
        return translate(N_("De valda filerna är giltiga: {entries} insatser, {warnings} varningar."), language,
                         entries=len(entries), warnings=warnings)
    return translate(
        N_("Katalogen är giltig: {entries} insatser ({active} aktiva) från {owners} ägare, {warnings} varningar."),
        language, entries=len(entries), active=sum(i.status == "active" for i in entries),
        owners=len({i.owner for i in entries}), warnings=warnings,
    )


# --- GitHub Actions ----------------------------------------------------------------------------------


def repository_root(catalogue_dir: Path) -> Path:
    """Where the git host's paths start: the Actions workspace, or the folder holding .git, or here."""
    catalogue = catalogue_dir.resolve()
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and catalogue.is_relative_to(Path(workspace).resolve()):
        return Path(workspace).resolve()
    return next((folder for folder in (catalogue, *catalogue.parents) if (folder / ".git").exists()), Path.cwd())


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as the runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, root: Path, language: str) -> str:
    """One problem as a workflow command, so GitHub shows it on the pull request's line."""
    command = "error" if problem.is_error else "warning"
    path = _file_of(problem)
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else problem.path
    title = translate(N_("Insatsbas: {severity}"), language, severity=translate(
        N_("fel") if problem.is_error else N_("varning"), language))
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
        ("file", shown), ("line", problem.line), ("col", problem.column), ("title", title)))
    return f"::{command} {properties}::{escape_data(problem.text(language))}"


def job_summary(validation: Validation, root: Path, language: str) -> str:
    """The run as Markdown for the job's summary page: the summary line and a table of the problems."""
    heading = translate(N_("Insatsbas: kontroll av katalogen"), language)
    lines = [f"## {heading}", "", summary(validation, language), ""]
    if validation.problems:
        header = [translate(word, language) for word in (N_("Fil"), N_("Rad"), N_("Typ"), N_("Meddelande"))]
        lines += ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
        for problem in validation.problems:
            path = _file_of(problem)
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else problem.path
            kind = translate(N_("fel") if problem.is_error else N_("varning"), language)
            lines.append(f"| `{shown}` | {problem.line} | {kind} | {_table_cell(problem.text(language))} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def _table_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def append_job_summary(validation: Validation, catalogue_dir: Path, language: str) -> Path | None:
    """Add the summary to the file GitHub Actions names in $GITHUB_STEP_SUMMARY, when it names one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    with Path(target).open("a", encoding="utf-8") as file:
        file.write(job_summary(validation, repository_root(catalogue_dir), language))
    return Path(target)
