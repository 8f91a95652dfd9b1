"""Finding and removing personal data in search queries before anything is stored.

Caseworkers paste personal identity numbers, phone numbers and e-mail addresses into search boxes.
The detectors below are deliberately wider than the formats they name: a query is statistics, not a
record, so losing a harmless number is always better than keeping a personal one. That is also why
no validating library (phonenumbers, personnummer) is used here: they answer "is this a valid number",
and a mistyped personnummer with a wrong check digit is still somebody's personnummer.

- personnummer and samordningsnummer: YYMMDD or YYYYMMDD (day 01-31, or 61-91 for a co-ordination
  number), then four digits, with up to three spaces, dashes, plus signs or dots between any two
  digits (`19850101 - 1234`, `850101 1234`, `8501-01-1234`). The check digit is not tested.
- phone numbers: any run of at least seven digits, which may be split by spaces, dashes, dots,
  slashes or parentheses and may start with + or 00, not directly after another digit. ISO dates
  (2026-11-22) are not phone numbers, so that the statistics' own timestamps do not look personal.
- e-mail addresses: any word with an @ between other characters.

`\\d` is Unicode-aware, so Arabic-Indic digits are caught too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

REDACTED = "[borttaget]"

# Between any two digits of a personnummer: up to three spaces, dashes, plus signs or dots
# ("19850101 - 1234", "8501 01-12 34"), so that no part of the number survives the removal.
_GAP = r"[\s\-+.]{0,3}"


def _digits(*patterns: str) -> str:
    return _GAP.join(patterns)


_D = r"\d"
_MONTH = "(?:" + "|".join(_digits(a, b) for a, b in (("0", "[1-9]"), ("1", "[0-2]"))) + ")"
_DAY = "(?:" + "|".join(_digits(a, b) for a, b in (
    ("0", "[1-9]"), ("[12]", _D), ("3", "[01]"), ("6", "[1-9]"), ("[78]", _D), ("9", "[01]"))) + ")"
PERSONNUMMER = re.compile(
    rf"(?<!\d)(?:{_digits(_D, _D)}{_GAP})?{_digits(_D, _D, _MONTH, _DAY, _D, _D, _D, _D)}(?!\d)")
PHONE = re.compile(r"(?<![\d\-./+])(?!\d{4}-\d{2}-\d{2}(?!\d))(?:\+|00)?\(?\d(?:[ \-./()]{0,2}\d){6,}(?!\d)")
EMAIL = re.compile(r"[^\s@]+@[^\s@]+")

DETECTORS: dict[str, re.Pattern[str]] = {"email": EMAIL, "personnummer": PERSONNUMMER, "phone": PHONE}

_LEFTOVER = re.compile(r"[\s\W_]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Redacted:
    text: str
    removed: bool


def find_personal_data(text: str) -> list[tuple[str, str]]:
    """Every (kind, matched text) the detectors find; empty when the text holds nothing personal."""
    return [(kind, match.group()) for kind, pattern in DETECTORS.items() for match in pattern.finditer(text)]


@lru_cache(maxsize=65536)
def redact(text: str) -> Redacted:
    """`text` without personal data. A text that was nothing but personal data becomes REDACTED."""
    cleaned = text
    for pattern in DETECTORS.values():
        cleaned = pattern.sub(" ", cleaned)
    if cleaned == text:
        return Redacted(text, False)
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if not _LEFTOVER.sub("", cleaned):
        return Redacted(REDACTED, True)
    return Redacted(cleaned, True)
