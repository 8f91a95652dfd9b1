"""catalogue/newcomers.yml: newly arrived adults received per municipality and year.

The statistics report divides the searches made for a municipality by these numbers: the catalogue's
own goal is one search per newly arrived adult. Coordinators copy the figures from the Migration
Agency's and the municipalities' statistics; `example: true` marks figures that are not real, and the
report says so next to every number taken from them.

```yaml
example: false
source: Migrationsverket, kommunmottagna 18 år och äldre
figures:
  - {municipality: huddinge, year: 2026, adults: 412}
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from insatsbas.i18n import N_
from insatsbas.model import NewcomerFigure, Newcomers, Vocabularies
from insatsbas.sources.files import read_checked
from insatsbas.sources.problems import Problem

NEWCOMERS_FILE = "newcomers.yml"


def newcomers_schema(municipalities: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "title": "Nyanlända vuxna per kommun och år",
        "additionalProperties": False,
        "required": ["figures"],
        "properties": {
            "example": {"type": "boolean", "title": "Exempelsiffror (inte verkliga)"},
            "source": {"type": "string", "minLength": 1, "title": "Källa"},
            "figures": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["municipality", "year", "adults"],
                    "properties": {
                        "municipality": {"type": "string", "enum": municipalities, "title": "Kommun"},
                        "year": {"type": "integer", "minimum": 2000, "maximum": 2100, "title": "År"},
                        "adults": {"type": "integer", "minimum": 1, "title": "Mottagna vuxna"},
                    },
                },
            },
        },
    }


def read_newcomers(root: Path, vocabularies: Vocabularies, problems: list[Problem]) -> Newcomers:
    """The newcomer figures of the catalogue at `root`; none when the file is missing or has errors."""
    path = root / NEWCOMERS_FILE
    if not path.exists():
        return Newcomers()
    checked = read_checked(root, path, newcomers_schema(list(vocabularies.municipalities)), problems)
    if checked is None:
        return Newcomers()
    document, log = checked
    figures: list[NewcomerFigure] = []
    seen: dict[tuple[str, int], int] = {}
    for index, item in enumerate(document.data["figures"]):
        key = (item["municipality"], item["year"])
        if key in seen:
            line = document.position(("figures", seen[key]))[0]
            log.add(("figures", index), N_("{municipality} {year} finns redan på rad {row}. Ta bort en av raderna."),
                    municipality=key[0], year=key[1], row=line)
            continue
        seen[key] = index
        figures.append(NewcomerFigure(*key, item["adults"]))
    return Newcomers(bool(document.data.get("example")), document.data.get("source") or "", tuple(figures))
