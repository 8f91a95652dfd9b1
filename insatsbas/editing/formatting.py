"""`insatsbas format`: rewrite entry files in the catalogue's one written form (insatsbas/sources/canonical.py).

A file that cannot be read as YAML is never touched; it is reported with its position, as validation
reports it. Comments are not part of the form (the web editor could not keep them), so they are dropped,
and the report says how many lines held one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from insatsbas.editing.authoring import checked_vocabularies
from insatsbas.i18n import N_
from insatsbas.sources.canonical import Layout, comment_lines, dump, entry_layout
from insatsbas.sources.files import ENTRY_SUFFIXES, VOCABULARY_DIR, display_path
from insatsbas.sources.problems import Problem
from insatsbas.sources.schema import entry_schema
from insatsbas.sources.yamlsource import YamlSourceError, parse_document, read_document


class Outcome(StrEnum):
    CANONICAL = "canonical"  # already in the form
    REWRITTEN = "rewritten"  # rewritten (or, with check, would be)
    UNREADABLE = "unreadable"  # not touched: a problem says why


@dataclass
class FileResult:
    path: Path
    shown: str
    outcome: Outcome
    comments: int = 0
    problem: Problem | None = None


@dataclass
class FormatReport:
    files: list[FileResult] = field(default_factory=list)

    def with_outcome(self, outcome: Outcome) -> list[FileResult]:
        return [f for f in self.files if f.outcome is outcome]


def catalogue_layout(catalogue_dir: Path) -> Layout:
    """The writing rules of the catalogue's entry schema (its translations follow the languages' order)."""
    return entry_layout(entry_schema(checked_vocabularies(catalogue_dir)))


def entry_files(catalogue_dir: Path, paths: Iterable[Path] = ()) -> list[Path]:
    """The entry files named by `paths` (files, or folders searched one level down as owner folders are); every
    entry file of the catalogue when none are given."""
    found: list[Path] = []
    for path in list(paths) or [catalogue_dir]:
        if path.is_file():
            found.append(path)
        elif path.resolve() == catalogue_dir.resolve():
            for folder in sorted(p for p in catalogue_dir.iterdir() if p.is_dir()):
                if folder.name != VOCABULARY_DIR and not folder.name.startswith("."):
                    found += _entries_in(folder)
        else:
            found += _entries_in(path)
    return list(dict.fromkeys(found))


def _entries_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ENTRY_SUFFIXES)


def format_entries(catalogue_dir: Path, paths: Iterable[Path] = (), *, check: bool = False) -> FormatReport:
    """Rewrite each entry file in the canonical form (only report, with `check`)."""
    layout = catalogue_layout(catalogue_dir)
    report = FormatReport()
    for path in entry_files(catalogue_dir, paths):
        report.files.append(format_file(catalogue_dir, path, layout, check=check))
    return report


def format_file(catalogue_dir: Path, path: Path, layout: Layout, *, check: bool = False) -> FileResult:
    shown = display_path(catalogue_dir, path)
    try:
        document = read_document(path)
    except YamlSourceError as error:
        return FileResult(path, shown, Outcome.UNREADABLE,
                          problem=Problem(shown, error.line, error.column, error.message, error.params))
    if not isinstance(document.data, dict):
        return FileResult(path, shown, Outcome.UNREADABLE, problem=Problem(
            shown, 1, 1,
            N_("Filen ska innehålla fälten för en insats (title:, summary: ...), inte en lista eller ett värde."),
        ))
    before = path.read_bytes()
    text = dump(document.data, layout)
    if before == text.encode("utf-8"):
        return FileResult(path, shown, Outcome.CANONICAL)
    comments = comment_lines(before.decode("utf-8-sig"))
    if not check:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            out.write(text)
    return FileResult(path, shown, Outcome.REWRITTEN, comments=comments)


def format_text(text: str, layout: Layout) -> str:
    """The canonical form of one entry's text (raises YamlSourceError)."""
    return dump(parse_document(text).data, layout)
