"""Text helpers for messages and names: suggestions for a mistyped word, file-name slugs, how words are
compared, and a key path as an editor reads it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from insatsbas.i18n import N_
from insatsbas.sources.problems import Message

# A word of a search or a synonym: letters and digits, with inner hyphens and apostrophes.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def did_you_mean(word: str, options: Iterable[str]) -> Message | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return Message(N_(" Menade du «{word}»?"), {"word": close[0]}) if close else None


def allowed_list(options: Iterable[str]) -> Message:
    return Message(N_(" Giltiga värden: {values}."), {"values": ", ".join(options)})


def hint(word: str, options: Iterable[str]) -> Message:
    options = list(options)
    return did_you_mean(word, options) or allowed_list(options)


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o"})


def slugify(text: str) -> str:
    """A file-name slug from a title: lower case, å/ä/ö folded, words joined by hyphens."""
    folded = text.translate(_FOLD).lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def normalise(text: str) -> str:
    """How words are compared: NFC, lower case, words separated by single spaces."""
    return " ".join(WORD.findall(unicodedata.normalize("NFC", text).lower()))


def field_name(path: Iterable[str | int]) -> str:
    """A key path as the editor wrote it: ("locations", 0, "city") -> "locations[0].city"."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "filen"
