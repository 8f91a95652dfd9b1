"""Reading YAML as editors write it: the only module that knows the file syntax.

PyYAML's default (YAML 1.1) rules silently corrupt the values this catalogue holds: `0126` becomes 86,
`0701740605` becomes 117948805, `10:30` becomes 630, `no` becomes False, and a repeated key wins. So
PyYAML only parses; plain scalars are typed here by YAML 1.2's core schema, exactly as the `yaml` package
inside yaml-language-server (the editors' VS Code) types them: `true`/`false` are booleans, an empty value,
`~` or `null` is nothing, `0126`, `0701740605`, `0x1F`, `1.5`, `1e3` and `.inf` are numbers, and everything
else (`10:30`, `no`, `2026-06-01`) is the text the editor typed. A scalar the editor quoted is text. So a
phone number or municipality code typed without quotes is a number to both, and both ask for quotes; the
digits as typed are kept in `Document.typed` for that message. Whether a value has the type its field
needs is the validator's question, not this module's.

Anchors, aliases (and so alias bombs and `<<: *anchor`), merge keys, keys that are not plain text, nesting
deeper than 32 levels, lists and groups of more than 1,000 items, explicit tags, duplicate keys, tabs in indentation, files over 256 KiB and bytes that
are not UTF-8 are refused with a position. A UTF-8 byte order mark and CRLF line endings are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from insatsbas.i18n import N_
from insatsbas.sources.yamlerrors import YamlSourceError, pasted_in_structure, position_of, reader_error, syntax_error

__all__ = ["Document", "YamlSourceError", "parse_document", "read_document"]

MAX_FILE_BYTES = 256 * 1024
# An entry is at most four levels deep (locations[0].hours[0].days); anything far deeper is a mistake or an
# attack, and refusing it early keeps the composer's recursion far from Python's limit.
MAX_DEPTH = 32
# A list or group longer than any entry needs would otherwise give one message per item (a 100,000-item list
# took 42 s and 590 MB to report); it is refused at its first extra item.
MAX_ITEMS = 1000

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

# YAML 1.2 core schema, as the `yaml` package (yaml-language-server's parser) writes its tests.
_INT = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+)")
_INFINITY = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = {".nan", ".NaN", ".NAN"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TYPED_STARTS = frozenset("0123456789+-.~nNtTfF")
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# An explicit `!!str` or the non-specific `!` only says "this is text", like quotes do.
_ACCEPTED_TAGS = {"!", "tag:yaml.org,2002:str"}
# libyaml's parser when PyYAML was built with it (it is in the wheels); the pure-Python one otherwise.
_EVENT_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass
class Document:
    """Plain data (dicts, lists, str, int, float, bool, None) and where each part stands in the file."""

    data: Any
    value_positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)
    quoted: set[KeyPath] = field(default_factory=set)
    # What the editor typed for plain scalars read as numbers or booleans: `10.30` is the float 10.3,
    # but a message that suggests quoting it must show "10.30".
    typed: dict[KeyPath, str] = field(default_factory=dict)
    # Where each scalar value starts and ends in `source` (character offsets), to place a message on one character.
    spans: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    source: str = ""

    def position(self, path: KeyPath, *, key: bool = False) -> Position:
        """Where `path` stands; the nearest enclosing part when `path` itself is absent."""
        positions = self.key_positions if key else self.value_positions
        if path in positions:
            return positions[path]
        while path:
            path = path[:-1]
            if path in self.key_positions:
                return self.key_positions[path]
            if path in self.value_positions:
                return self.value_positions[path]
        return (1, 1)

    def position_of(self, path: KeyPath, character: str) -> Position:
        """Where `character` first stands in the value at `path`; the value's position if it is not written there."""
        start, end = self.spans.get(path, (0, 0))
        index = self.source.find(character, start, end)
        return position_of(self.source, index) if index >= 0 else self.position(path)


def read_document(path: Path) -> Document:
    """Read and parse one catalogue YAML file, or raise YamlSourceError."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlSourceError(
            1, 1, N_("Filen är {size} kB; högst {limit} kB tillåts. Dela upp innehållet eller korta texten."),
            size=size // 1024, limit=MAX_FILE_BYTES // 1024,
        )
    return parse_document(decode(path.read_bytes()))


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlSourceError(
            line, column,
            N_("Filen är inte sparad som UTF-8 (ogiltig byte {byte}). Spara om den med teckenkodningen UTF-8."),
            byte=f"0x{raw[error.start]:02x}",
        ) from None


def parse_document(text: str) -> Document:
    """Plain data and positions from YAML text, or YamlSourceError (in Swedish, with the line to fix)."""
    misplaced = pasted_in_structure(text)
    if misplaced:
        misplaced[0].more = misplaced[1:]
        raise misplaced[0]
    events = yaml.parse(text, Loader=_EVENT_LOADER)
    try:
        return _Composer(events, text).document()
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or "") and error.problem_mark is not None:
            # libyaml's own limit (1,000 levels of [ or {), met before the composer sees a deep event.
            raise too_deep(error.problem_mark.line + 1, error.problem_mark.column + 1) from None
        raise syntax_error(error, text) from None
    except yaml.reader.ReaderError:
        raise reader_error(text) from None


def too_deep(line: int, column: int) -> YamlSourceError:
    return YamlSourceError(
        line, column,
        N_("Här ligger värdena i mer än {limit} nivåer inuti varandra. En insats behöver bara några få nivåer: "
           "kontrollera indraget och att varje [ och {{ stängs."),
        limit=MAX_DEPTH,
    )


class _Composer:
    """Builds plain data and positions straight from parser events, refusing what the catalogue does not use."""

    def __init__(self, events: Iterator[Event], text: str):
        self.events = events
        self.lookahead: Event | None = None
        self.document_data = Document(data=None, source=text)

    def peek(self) -> Event:
        if self.lookahead is None:
            self.lookahead = next(self.events)
        return self.lookahead

    def take(self) -> Event:
        event = self.peek()
        self.lookahead = None
        return event

    def document(self) -> Document:
        self.take()  # stream start
        if isinstance(self.peek(), StreamEndEvent):
            return self.document_data
        self.take()  # document start
        self.document_data.data = self.node(())
        self.take()  # document end
        extra = self.take()
        if not isinstance(extra, StreamEndEvent):
            line, column = _position(extra)
            raise YamlSourceError(line, column, N_("Filen innehåller flera YAML-dokument (---). En fil ska beskriva en sak."))
        return self.document_data

    def node(self, path: KeyPath) -> Any:
        event = self.take()
        line, column = _position(event)
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlSourceError(
                line, column,
                N_("Ankare och alias (&namn, *namn) används inte i katalogen. Skriv ut värdet på varje ställe."),
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ACCEPTED_TAGS:
            raise YamlSourceError(line, column, N_("YAML-taggen {tag} används inte. Ta bort den."), tag=tag)
        if len(path) >= MAX_DEPTH and not isinstance(event, ScalarEvent):
            raise too_deep(line, column)
        self.document_data.value_positions[path] = (line, column)
        if isinstance(event, ScalarEvent):
            self.document_data.spans[path] = (event.start_mark.index, event.end_mark.index)
            if event.style or tag is not None:
                self.document_data.quoted.add(path)
                return event.value
            value = _plain_scalar(event.value)
            if value is not None and not isinstance(value, str):
                self.document_data.typed[path] = event.value
            return value
        if isinstance(event, SequenceStartEvent):
            items = []
            while not isinstance(self.peek(), SequenceEndEvent):
                if len(items) == MAX_ITEMS:
                    self.too_many(line, column)
                items.append(self.node((*path, len(items))))
            self.take()
            return items
        return self.mapping(path)

    def mapping(self, path: KeyPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        while not isinstance(self.peek(), MappingEndEvent):
            if len(mapping) == MAX_ITEMS:
                self.too_many(*self.document_data.value_positions[path])
            key_event = self.take()
            line, column = _position(key_event)
            if not isinstance(key_event, ScalarEvent) or key_event.anchor is not None:
                raise YamlSourceError(line, column, N_("En nyckel måste vara ett enkelt ord, inte en lista eller grupp."))
            key = key_event.value
            if key == "<<" and not key_event.style:
                raise YamlSourceError(
                    line, column, N_("Sammanslagning med << används inte i katalogen. Skriv ut fälten på varje ställe."),
                )
            if key in mapping:
                first_line = self.document_data.key_positions[(*path, key)][0]
                raise YamlSourceError(
                    line, column, N_("Nyckeln «{key}» finns redan på rad {first}. Ta bort en av dem."),
                    key=key, first=first_line,
                )
            self.document_data.key_positions[(*path, key)] = (line, column)
            mapping[key] = self.node((*path, key))
        self.take()
        return mapping


    @staticmethod
    def too_many(line: int, column: int) -> None:
        raise YamlSourceError(
            line, column, N_("Här finns fler än {limit} värden i samma lista eller grupp. Dela upp innehållet."),
            limit=MAX_ITEMS,
        )


def _position(event: Event) -> Position:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


def _plain_scalar(text: str) -> Any:
    """A plain scalar typed by YAML 1.2's core schema."""
    if text and text[0] not in _TYPED_STARTS:
        return text  # most values are words: nothing else starts with a letter other than these
    if text in _NULLS:
        return None
    if text in _BOOLEANS:
        return _BOOLEANS[text]
    if _INT.fullmatch(text):
        return int(text)
    if _OCTAL.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INFINITY.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if text in _NAN:
        return float("nan")
    return text


@dataclass(frozen=True)
class ScalarSpan:
    """Where a top-level scalar stands in the text parse_document reads: offsets [start, end) of the key and
    of the value as written (quotes included), and the value's style: "" plain, "'", '"', "|" or ">"."""

    key_start: int
    start: int
    end: int
    style: str


def top_level_scalars(text: str) -> dict[str, ScalarSpan]:
    """The top-level keys of a mapping document whose values are scalars, with their spans; used to rewrite
    one value in place. Parse the text with parse_document first: this assumes it is readable."""
    spans: dict[str, ScalarSpan] = {}
    depth = 0
    key: ScalarEvent | None = None
    for event in yaml.parse(text, Loader=_EVENT_LOADER):
        if isinstance(event, MappingEndEvent | SequenceEndEvent):
            depth -= 1
            continue
        if depth == 1:
            if key is None:
                key = event
            else:
                if isinstance(event, ScalarEvent):
                    spans[key.value] = ScalarSpan(key.start_mark.index, event.start_mark.index,
                                                  event.end_mark.index, event.style or "")
                key = None
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            if depth == 0 and isinstance(event, SequenceStartEvent):
                return {}
            depth += 1
    return spans
