"""`insatsbas reviewed`: confirm that entries are still correct, changing nothing else in their files.

Confirming sets `last_reviewed` to the day and `reviewed_by` to the role that checked. Every other byte of
the file stays as the editor left it (comments, quoting, key order, line endings, a byte order mark), so
the change reads in review as exactly those two values. The values are replaced where the YAML reader
says they stand (yamlsource.top_level_scalars), written in the style the file already uses for them, and
the result is read back and compared before anything is written.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from insatsbas.i18n import N_
from insatsbas.sources.problems import Problem
from insatsbas.sources.yamlsource import (
    MAX_FILE_BYTES,
    ScalarSpan,
    YamlSourceError,
    decode,
    parse_document,
    top_level_scalars,
)

DATE_FIELD = "last_reviewed"
ROLE_FIELD = "reviewed_by"


class RoleRefused(ValueError):
    """The role given with --by cannot be written. `message` is a Swedish message id."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ConfirmRefused(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class Confirmation:
    path: Path
    last_reviewed: date
    reviewed_by: str


@dataclass(frozen=True)
class ConfirmResult:
    confirmed: list[Confirmation]
    refused: list[Problem]


def checked_role(role: str) -> str:
    """The role as it will be written, or RoleRefused: an empty role or one with line breaks says nothing."""
    role = role.strip()
    if not role:
        raise RoleRefused(N_("Ange rollen som granskade med --by, till exempel --by \"Enhetschef\". "
                             "Skriv en roll, inte en persons namn."))
    if not role.isprintable():
        raise RoleRefused(N_("Rollen innehåller en radbrytning eller ett annat osynligt tecken. Skriv den på en rad."))
    return role


def confirm_files(paths: list[Path], role: str, today: date) -> ConfirmResult:
    """Confirm each file on its own: one that is refused leaves the others confirmed. `role` must have
    passed `checked_role`."""
    confirmed: list[Confirmation] = []
    refused: list[Problem] = []
    for path in paths:
        try:
            confirm_file(path, role, today)
        except ConfirmRefused as refusal:
            refused.append(refusal.problem)
            continue
        confirmed.append(Confirmation(path, today, role))
    return ConfirmResult(confirmed, refused)


def confirm_file(path: Path, role: str, today: date) -> None:
    raw = read_entry_bytes(path)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        text = decode(raw)
        document = parse_document(text)
    except YamlSourceError as error:
        raise ConfirmRefused(Problem(str(path), error.line, error.column, error.message, error.params)) from None
    data = document.data
    if not isinstance(data, dict) or DATE_FIELD not in data:
        line, column = (1, 1)
        raise ConfirmRefused(Problem(str(path), line, column, N_(
            "Filen är ingen insats: fältet last_reviewed saknas. Ange filen för en insats, till exempel "
            "catalogue/ägare/insats.yml.")))
    spans = top_level_scalars(text)
    for field in (DATE_FIELD, ROLE_FIELD):
        if field in data and field not in spans:
            line, column = document.position((field,))
            raise ConfirmRefused(Problem(str(path), line, column, N_(
                "Fältet {field} ska ha ett enda värde, inte en lista eller grupp. Rätta det för hand och kör "
                "kommandot igen."), {"field": field}))
    new_text = with_review(text, spans, today, role)
    expected = {**data, DATE_FIELD: today.isoformat(), ROLE_FIELD: role}
    if read_back(new_text) != expected:
        line, column = document.position((DATE_FIELD,))
        raise ConfirmRefused(Problem(str(path), line, column, N_(
            "Filen kunde inte ändras utan att något annat i den ändrades, så den lämnades orörd. Skriv dagens "
            "datum i last_reviewed och rollen i reviewed_by för hand.")))
    try:
        write_atomically(path, bom + new_text.encode("utf-8"))
    except OSError as error:
        raise ConfirmRefused(Problem(str(path), 1, 1, N_("Filen kunde inte sparas: {detail}"),
                                     {"detail": error.strerror or str(error)})) from None


def read_entry_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ConfirmRefused(Problem(str(path), 1, 1, N_(
                "Filen är för stor för att vara en insats. Kontrollera att det är rätt fil.")))
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise ConfirmRefused(Problem(str(path), 1, 1, N_(
            "Filen finns inte. Kontrollera sökvägen, till exempel catalogue/ägare/insats.yml."))) from None
    except IsADirectoryError:
        raise ConfirmRefused(Problem(str(path), 1, 1, N_(
            "Det här är en mapp. Ange filerna för de insatser som du har granskat."))) from None
    except PermissionError:
        raise ConfirmRefused(Problem(str(path), 1, 1, N_(
            "Filen går inte att läsa (behörighet saknas)."))) from None


def with_review(text: str, spans: dict[str, ScalarSpan], today: date, role: str) -> str:
    """`text` with the two values replaced in place; `reviewed_by` inserted after `last_reviewed` if missing."""
    date_span = spans[DATE_FIELD]
    edits = [(date_span, scalar_in_style(today.isoformat(), date_span.style))]
    if ROLE_FIELD in spans:
        edits.append((spans[ROLE_FIELD], scalar_in_style(role, spans[ROLE_FIELD].style)))
    else:
        text = insert_after_line_of(text, date_span, f"{ROLE_FIELD}: {scalar_in_style(role, '')}")
    for span, value in sorted(edits, key=lambda edit: edit[0].start, reverse=True):
        # A block scalar's span runs on over the line breaks after it; those stay.
        end = span.start + len(text[span.start:span.end].rstrip())
        text = text[:span.start] + value + text[end:]
    return text


def insert_after_line_of(text: str, span: ScalarSpan, line: str) -> str:
    """Insert `line` after the line where `span`'s value ends, indented like its key, in the file's line ending."""
    value_end = span.start + len(text[span.start:span.end].rstrip())
    line_break = text.find("\n", value_end)
    line_start = text.rfind("\n", 0, span.key_start) + 1
    indent = text[line_start:span.key_start]
    if line_break == -1:
        newline = "\r\n" if "\r\n" in text else "\n"
        return text + newline + indent + line
    crlf = text[line_break - 1:line_break] == "\r"
    at = line_break - 1 if crlf else line_break
    return text[:at] + ("\r\n" if crlf else "\n") + indent + line + text[at:]


def scalar_in_style(value: str, style: str) -> str:
    """`value` written as the file writes that field: kept quoted as it was, otherwise plain when plain reads
    back as the same text, double-quoted (JSON-style escapes) when it does not."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or not reads_back_plain(value):
        return json.dumps(value, ensure_ascii=False)
    return value


def reads_back_plain(value: str) -> bool:
    try:
        return parse_document(f"value: {value}\n").data == {"value": value}
    except YamlSourceError:
        return False


def read_back(text: str) -> Any:
    try:
        return parse_document(text).data
    except YamlSourceError:
        return None


def write_atomically(path: Path, content: bytes) -> None:
    """Replace the file in one step, so an interrupted run never leaves half a file; keep its permissions."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
