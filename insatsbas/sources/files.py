"""Reading the catalogue's files and reporting their problems: where each file is, how its path is shown to
an editor, a problem log per file that places each problem on the line of the part it is about, and a file
read with the strict YAML reader and checked against its JSON Schema."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from insatsbas.i18n import N_
from insatsbas.sources.problems import Problem, Severity
from insatsbas.sources.schema_messages import SchemaChecker, schema_problems
from insatsbas.sources.yamlsource import Document, KeyPath, YamlSourceError, read_document

# The catalogue folder: vocabularies/, owners.yml, region.yml, the optional synonyms.yml and newcomers.yml,
# and one folder of entries per owner.
VOCABULARY_DIR = "vocabularies"
OWNERS_FILE = "owners.yml"
REGION_FILE = "region.yml"
ENTRY_SUFFIXES = (".yml", ".yaml")


class ProblemLog:
    """Collects problems for one file, placing each at the position of the part it is about."""

    def __init__(self, path: str, sink: list[Problem]):
        self.path = path
        self.sink = sink
        self.document: Document | None = None
        self.errors = 0

    def add(self, where: KeyPath, message: str, *, key: bool = False,
            severity: Severity = Severity.ERROR, **params: object) -> None:
        """A problem about the part of the document at `where` (a key path)."""
        line, column = self.document.position(where, key=key) if self.document else (1, 1)
        self.add_at(line, column, message, severity=severity, **params)

    def add_at(self, line: int, column: int, message: str, *, severity: Severity = Severity.ERROR,
               **params: object) -> None:
        self.sink.append(Problem(self.path, line, column, message, params, severity))
        if severity is Severity.ERROR:
            self.errors += 1

    def count(self) -> int:
        """Errors this log has added (kept as a counter: scanning the sink per file made reading quadratic)."""
        return self.errors


def display_path(root: Path, path: Path) -> str:
    """The path as an editor would type it: relative to where the command runs, when it is below."""
    shown_root = _shown_root(root)
    try:
        return str(shown_root / path.relative_to(root))
    except ValueError:
        return str(path)


@lru_cache(maxsize=8)
def _shown_root(root: Path) -> Path:
    resolved = root.resolve()
    try:
        return resolved.relative_to(Path.cwd())
    except ValueError:
        return resolved


def read_yaml(root: Path, path: Path, log: ProblemLog) -> Document | None:
    try:
        document = read_document(path)
    except FileNotFoundError:
        log.add_at(1, 1, N_("Filen saknas. Den ska finnas i katalogen."))
        return None
    except YamlSourceError as error:
        for found in (error, *error.more):
            log.add_at(found.line, found.column, found.message, **found.params)
        return None
    log.document = document
    return document


def read_checked(root: Path, path: Path, schema: dict[str, Any],
                 problems: list[Problem]) -> tuple[Document, ProblemLog] | None:
    """A file read and checked against its schema, with its log for the caller's own checks; None when
    either step found a problem (reported)."""
    log = ProblemLog(display_path(root, path), problems)
    document = read_yaml(root, path, log)
    if document is None:
        return None
    before = log.count()
    check_schema(document, Draft202012Validator(schema), log)
    return None if log.count() > before else (document, log)


def check_schema(document: Document, validator: Draft202012Validator | SchemaChecker, log: ProblemLog) -> None:
    """Report the document's schema violations in its log."""
    for where, message, key, params in schema_problems(document, validator):
        log.add(where, message, key=key, **params)
