"""Generated entries for the canonical writers: the sample's shape filled with awkward text and numbers, so
that the Python and JavaScript writers are shown to agree beyond the sample."""

from __future__ import annotations

import random
from typing import Any

from insatsbas.sources.canonical import Layout

AWKWARD_TEXTS = [
    "Språkcafé", "kl. 10:30", "Plats: Huset", "#hashtag", "a # b", "a#b", "0126", "0701740605", "08-123 45 67",
    "'single'", '"double"', "it's", 'say "hi"', "- dash", "-dash", "[brackets]", "{curly}", "a, b", "a,b", "?",
    "what?", "السلام عليكم، مرحباً بكم", "Fika ☕", "Fika 😀: välkommen", "😀", "true", "True", "no", "yes", "on",
    "null", "~", "", "   ", "1e3", ".5", "0x1F", "0o17", "+12", "-7", "1.0", "08:00", "2026-02-30", "NBSP\u00a0x",
    "ZWSP\u200bx", "trailing ", " leading", "tab\there", "ctrl\x07bell", "del\x7f", "bom\ufeff", "…",
    "ends with:", "key: value", "@at", "`tick", "%pct", "!bang", "&amp", "*star", "|pipe", ">gt", "...dots",
    "---dashes", "Ünïcödé ÅÄÖ åäö", "back\\slash", "https://example.org/a?b=c#d", "100 %", "a:b", "\u2028sep",
    "line\u2029para", "x" * 300, "Word\u202fnarrow", "soft\u00adhyphen", "join\u2060er", "non\u2011breaking",
    "\u00a0NBSP first", "ZWNJ\u200cکتاب", "tanke–streck", "08–123\u00a045\u00a067",
]
MULTILINE_TEXTS = [
    "Rad ett.\nRad två.", "Stycke ett.\n\nStycke två: med kolon.\n", "  indraget\nsedan inte\n",
    "\n\nblank start\n\n\n", "hård radbrytning  \nnästa rad", "hård radbrytning  \n\nnytt stycke",
    "- punkt ett\n- punkt två\n", "windows\r\nrader\r\n", "gammal mac\rrad", "flikar\t\tinne\n\tindrag",
    "# Rubrik\n\nText med # tecken", "trailing   \nspaces   \n", "سطر أول\nسطر ثان", "emoji 😀\nrad två 👍",
    "citat \"så\" och 'så'\nrad", "slutar med\\", "...\n---\n", "%YAML\nrad", "a\n\n\n\nb",
]
NUMBERS = [0, 1, 12, 120, 59.1669, 17.981, 59.178, 59.0, 0.5, 1e-05, 0.000123, 123456.789, 1e15, -3, -0.25, 2**40]


def generated_entries(layout: Layout, count: int, seed: int = 12) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [_value(layout, rng, depth=0, name="") for _ in range(count)]


def _text(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(MULTILINE_TEXTS)
    if rng.random() < 0.3:
        return f"{rng.choice(AWKWARD_TEXTS)} {rng.choice(AWKWARD_TEXTS)}"
    return rng.choice(AWKWARD_TEXTS)


def _scalar(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.7:
        return _text(rng)
    if roll < 0.85:
        return rng.choice(NUMBERS)
    if roll < 0.95:
        return rng.choice([True, False])
    return None


def _value(layout: Layout, rng: random.Random, depth: int, name: str) -> Any:
    kind = layout.get("kind")
    if kind == "map" and depth < 4:
        keys = list(layout.get("keys", []))
        chosen = [k for k in keys if rng.random() < 0.75]
        rng.shuffle(chosen)
        data = {}
        for key in chosen:
            sub = layout.get("fields", {}).get(key) or layout.get("each") or {"kind": "text"}
            data[key] = _value(sub, rng, depth + 1, key)
        if rng.random() < 0.15:
            data[rng.choice(["extra", "okänt_fält", "Title", "no"])] = _scalar(rng)
        return data
    if kind == "flow":
        return [_text(rng) if rng.random() < 0.9 else rng.choice(NUMBERS) for _ in range(rng.randint(0, 5))]
    if kind == "list":
        return [_value(layout["items"], rng, depth + 1, name) for _ in range(rng.randint(0, 3))]
    if kind == "markdown":
        return rng.choice(MULTILINE_TEXTS + AWKWARD_TEXTS)
    if kind == "quoted":
        return rng.choice(["09:00", "18:30", "08-465 004 22", "141 30", "0701740605", "08–465\u00a0004 22",
                           "141\u00a030", "070\u2014174 06 32", *AWKWARD_TEXTS[:8]])
    return _scalar(rng)
