"""Finding and removing personal data in search queries before anything is stored.

Caseworkers paste personal identity numbers, phone numbers and e-mail addresses into search boxes.
The detectors below are deliberately wider than the formats they name: a query is statistics, not a
record, so losing a harmless number is always better than keeping a personal one. That is also why
no validating library (phonenumbers, personnummer) is used here: they answer "is this a valid number",
and a mistyped personnummer with a wrong check digit is still somebody's personnummer.

- personnummer and samordningsnummer: YYMMDD or YYYYMMDD (day 01-31, or 61-91 for a co-ordination
  number), then -, + or a space or nothing, then four digits. The check digit is not tested.
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

_DAY = r"(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"
PERSONNUMMER = re.compile(rf"(?<!\d)(?:\d{{2}})?\d{{2}}(?:0[1-9]|1[0-2]){_DAY}[-+ ]?\d{{4}}(?!\d)")
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
