"""Characters that come along when text is pasted from Word, Outlook or a web page.

They look like ordinary spaces and hyphens, or like nothing at all, so an editor cannot see them:
non-breaking spaces (Word puts them in phone numbers and before units), zero-width spaces and word
joiners (web pages), soft hyphens (Word's optional hyphens), a byte order mark in the middle of a text
(pasted from a file), and Word's non-breaking hyphen. `clean` turns a text into what the editor meant:
plain spaces and hyphens, invisible characters removed. The reader reads text values through it (and
warns), and `insatsbas format` and the web editor write the cleaned text back.

Left alone on purpose:
- zero-width non-joiner and joiner (U+200C, U+200D): they change how Persian, Dari, Arabic and Kurdish
  words are written, and hold emoji sequences together;
- typographic quotes (” ” « ») and dashes (– —) in prose: they are correct Swedish and Arabic typography.
  Only in a phone number is a dash a hyphen (Word's autocorrect makes `08 - 123` into `08 – 123`), so
  `clean(..., in_number=True)` turns dashes into hyphens there.

Where such a character changes what YAML reads (indentation, the space after a colon, quotes around a
value), it is not a text problem but a structure problem: yamlsource and the reader's messages name it
with its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from insatsbas.i18n import N_
from insatsbas.sources.problems import Joined, Message


@dataclass(frozen=True)
class Pasted:
    """A character that pasting brings in, what `clean` writes instead, and its Swedish name."""

    character: str
    replacement: str
    name: str  # a Swedish message id: "ett hårt mellanslag (U+00A0)"

    @property
    def message(self) -> Message:
        return Message(self.name)


SPACES = (
    Pasted("\u00a0", " ", N_("ett hårt mellanslag (U+00A0)")),
    Pasted("\u202f", " ", N_("ett smalt hårt mellanslag (U+202F)")),
)
INVISIBLE = (
    Pasted("\u200b", "", N_("ett osynligt mellanslag (U+200B)")),
    Pasted("\u2060", "", N_("ett osynligt ordbindningstecken (U+2060)")),
    Pasted("\ufeff", "", N_("ett osynligt BOM-tecken (U+FEFF)")),
    Pasted("\u00ad", "", N_("ett mjukt bindestreck (U+00AD)")),
)
HYPHENS = (Pasted("\u2011", "-", N_("ett hårt bindestreck (U+2011)")),)
# Only in numbers: in prose these are correct typography.
DASHES = (
    Pasted("\u2010", "-", N_("ett typografiskt bindestreck (‐, U+2010)")),
    Pasted("\u2012", "-", N_("ett siffertankstreck (‒, U+2012)")),
    Pasted("\u2013", "-", N_("ett tankstreck (–, U+2013)")),
    Pasted("\u2014", "-", N_("ett långt tankstreck (—, U+2014)")),
    Pasted("\u2212", "-", N_("ett minustecken (−, U+2212)")),
)
# Typographic quotes: never changed in text, but YAML does not read them as quotes.
QUOTES = (
    Pasted("\u201d", '"', N_("ett typografiskt citattecken (”, U+201D)")),
    Pasted("\u201c", '"', N_("ett typografiskt citattecken (“, U+201C)")),
    Pasted("\u201e", '"', N_("ett typografiskt citattecken („, U+201E)")),
    Pasted("\u00bb", '"', N_("ett vinkelcitattecken (», U+00BB)")),
    Pasted("\u00ab", '"', N_("ett vinkelcitattecken («, U+00AB)")),
    Pasted("\u2019", "'", N_("ett typografiskt apostroftecken (’, U+2019)")),
    Pasted("\u2018", "'", N_("ett typografiskt apostroftecken (‘, U+2018)")),
    Pasted("\u201a", "'", N_("ett typografiskt apostroftecken (‚, U+201A)")),
)
IN_TEXT = SPACES + INVISIBLE + HYPHENS
IN_NUMBERS = IN_TEXT + DASHES
BY_CHARACTER = {p.character: p for p in IN_NUMBERS + QUOTES}
# Characters that YAML does not count as indentation or as the space after a colon, but an editor sees as blank.
BLANK = "".join(p.character for p in SPACES + INVISIBLE)
NUMBER_FIELDS = frozenset({"phone"})

_CLEAN_TEXT = str.maketrans({p.character: p.replacement for p in IN_TEXT})
_CLEAN_NUMBER = str.maketrans({p.character: p.replacement for p in IN_NUMBERS})
_ANY_IN_TEXT = re.compile("[" + "".join(p.character for p in IN_TEXT) + "]")
_ANY_IN_NUMBERS = re.compile("[" + "".join(p.character for p in IN_NUMBERS) + "]")


def may_hold_any(text: str) -> bool:
    """Whether `text` (a value, or a whole file) holds any character that `clean` changes: one quick search."""
    return _ANY_IN_NUMBERS.search(text) is not None


def clean(text: str, *, in_number: bool = False) -> str:
    """The text as the editor meant it: plain spaces and hyphens, no invisible characters."""
    return text.translate(_CLEAN_NUMBER if in_number else _CLEAN_TEXT)


def replacements(*, in_number: bool = False) -> dict[str, str]:
    """What `clean` writes for each character it changes: the table the web editor's writer applies too."""
    return {p.character: p.replacement for p in (IN_NUMBERS if in_number else IN_TEXT)}


def found_in(text: str, *, in_number: bool = False) -> list[Pasted]:
    """The pasted characters that `clean` changes in `text`, each once, in the order they first appear."""
    if not (_ANY_IN_NUMBERS if in_number else _ANY_IN_TEXT).search(text):
        return []
    table = _CLEAN_NUMBER if in_number else _CLEAN_TEXT
    seen = dict.fromkeys(character for character in text if ord(character) in table)
    return [BY_CHARACTER[character] for character in seen]


def is_number_field(path: Iterable[str | int]) -> bool:
    """Whether the value at `path` is a number written as text (a phone number), where dashes are hyphens."""
    keys = [part for part in path if isinstance(part, str)]
    return bool(keys) and keys[-1] in NUMBER_FIELDS


def clean_data(data: Any, path: tuple[str | int, ...] = ()) -> Any:
    """Every text value in `data` (a loaded entry) cleaned; keys and everything else as they were."""
    if isinstance(data, str):
        return clean(data, in_number=is_number_field(path))
    if isinstance(data, dict):
        return {key: clean_data(value, (*path, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [clean_data(value, (*path, index)) for index, value in enumerate(data)]
    return data


def names(characters: Iterable[Pasted]) -> Joined:
    """The characters' names as one list: "ett hårt mellanslag (U+00A0), ett mjukt bindestreck (U+00AD)"."""
    return Joined(tuple(p.message for p in characters))
