"""catalogue/synonyms.yml: the words people search with that the entries do not use, and misspellings.

```yaml
synonyms:
  - [sfi, svenska för invandrare, svenskundervisning]   # a search for one finds entries with any
misspellings:
  svenks: svenska                                         # searched as the word on the right
```

Coordinators keep the file; `insatsbas stats suggest` proposes additions from searches that found
nothing. The file is optional. Words are compared normalised (NFC, lower case, single spaces), so
`SFI` and `sfi` are the same word. A word may stand in one group only, and a misspelling may not be a
word of any group, because then a search for it would have two meanings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from insatsbas.i18n import N_
from insatsbas.model import Synonyms
from insatsbas.sources.files import read_checked
from insatsbas.sources.problems import Problem
from insatsbas.sources.text import normalise

SYNONYMS_FILE = "synonyms.yml"


def synonyms_schema() -> dict[str, Any]:
    word = {"type": "string", "minLength": 1, "maxLength": 80}
    return {
        "type": "object",
        "title": "Synonymer och felstavningar",
        "additionalProperties": False,
        "properties": {
            "synonyms": {
                "type": "array",
                "title": "Grupper av ord som betyder samma sak",
                "items": {"type": "array", "items": word, "minItems": 2, "uniqueItems": True},
            },
            "misspellings": {
                "type": "object",
                "title": "Felstavning: rätt ord",
                "additionalProperties": word,
            },
        },
    }


def read_synonyms(root: Path, problems: list[Problem]) -> Synonyms:
    """The synonyms of the catalogue at `root`; empty when the file is missing or has errors (reported)."""
    path = root / SYNONYMS_FILE
    if not path.exists():
        return Synonyms()
    checked = read_checked(root, path, synonyms_schema(), problems)
    if checked is None:
        return Synonyms()
    document, log = checked
    data = document.data or {}
    groups: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for index, words in enumerate(data.get("synonyms") or []):
        group: list[str] = []
        for position, raw in enumerate(words):
            word = normalise(raw)
            where = ("synonyms", index, position)
            if not word:
                log.add(where, N_("«{word}» innehåller inga bokstäver eller siffror. Ta bort det."), word=raw)
            elif word in seen and seen[word] != index:
                line = document.position(("synonyms", seen[word]))[0]
                log.add(where, N_("«{word}» står redan i gruppen på rad {row}. Ett ord får bara finnas i en "
                                  "grupp; slå ihop grupperna."), word=word, row=line)
            elif word not in group:
                seen[word] = index
                group.append(word)
        groups.append(tuple(group))
    misspellings: dict[str, str] = {}
    for raw_wrong, raw_right in (data.get("misspellings") or {}).items():
        wrong, right = normalise(raw_wrong), normalise(raw_right)
        where = ("misspellings", raw_wrong)
        if wrong == right:
            log.add(where, N_("Felstavningen «{wrong}» är samma ord som rättelsen. Ta bort raden."),
                    key=True, wrong=raw_wrong)
        elif wrong in seen:
            line = document.position(("synonyms", seen[wrong]))[0]
            log.add(where, N_("«{wrong}» är ett ord i synonymgruppen på rad {row} och kan inte också vara en "
                              "felstavning."), key=True, wrong=wrong, row=line)
        else:
            misspellings[wrong] = right
    return Synonyms(tuple(g for g in groups if len(g) >= 2), misspellings)
