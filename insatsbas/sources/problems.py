"""Problems found in the catalogue: values, not exceptions, until the command line prints them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from insatsbas.i18n import N_, translate


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


SEVERITY_LABELS = {Severity.ERROR: N_("fel"), Severity.WARNING: N_("varning")}


@dataclass(frozen=True)
class Message:
    """A translatable piece of a message, used as a parameter of another (a hint, a list of options)."""

    message: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)

    def text(self, language: str) -> str:
        return translate(self.message, language, **translated_params(self.params, language))


@dataclass(frozen=True)
class Joined:
    """Several translatable pieces shown as one list: "sv (Svenska), ar (Arabiska)"."""

    parts: tuple[Message | str, ...]
    separator: str = ", "

    def text(self, language: str) -> str:
        return self.separator.join(p.text(language) if isinstance(p, Message) else p for p in self.parts)


def translated_params(params: dict[str, object], language: str) -> dict[str, object]:
    return {k: v.text(language) if isinstance(v, (Message, Joined)) else v for k, v in params.items()}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one file.

    `message` is a Swedish message id with {placeholders}; `params` fill them in. It is translated only
    when shown, so the same problem can be printed in Swedish or English.
    """

    path: str
    line: int
    column: int
    message: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, language: str = "sv") -> str:
        return translate(self.message, language, **translated_params(self.params, language))

    def render(self, language: str = "sv") -> str:
        label = translate(SEVERITY_LABELS[self.severity], language)
        return f"{self.path}:{self.line}:{self.column}: {label}: {self.text(language)}"


class SortedByGravity:
    """For results that carry `problems`: their errors and their warnings apart."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.message))


class ProblemsFound(Exception):
    """Raised at the edge when files with errors were asked to be used; `problems` are every problem found,
    for the command line to print."""

    def __init__(self, problems: list[Problem], what: str = "the files"):
        self.problems = problems
        errors = sum(p.is_error for p in problems)
        super().__init__(f"{what} have {errors} error(s)")


class CatalogueInvalid(ProblemsFound):
    """A catalogue with errors was asked to be loaded or built."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems, "the catalogue's files")
