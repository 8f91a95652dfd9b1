"""`insatsbas stats suggest`: learn from searches that found nothing.

Every query that found nothing at least `min_count` times (the same threshold as the public report: the
review file is meant to be copied into catalogue/synonyms.yml, which is public) is searched again in
the Whoosh index of today's catalogue, with its synonyms and known misspellings:

- if it finds entries now, nothing needs doing (the catalogue or its synonyms changed since);
- if Whoosh's spelling corrector turns it into words that do find entries, the review file proposes
  those corrections as misspellings ("svenks" -> "svenska");
- if the site corrected it in the browser and the corrected search found entries (`corrected=` in the
  beacon), that correction is proposed too;
- otherwise (no correction), the successful searches that followed it within two minutes with the same language and
  filters are proposed as synonyms when they followed it at least twice. Without any visitor identity
  this is circumstantial, so the file says how often it happened;
- what is left is listed as unresolved: perhaps the catalogue lacks such an intervention.

The review file is YAML with comments; coordinators copy the lines they accept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

import sqlite_utils

from insatsbas.model import Synonyms
from insatsbas.sources.text import normalise
from insatsbas.stats.figures import DEFAULT_MIN_COUNT
from insatsbas.stats.redact import REDACTED

FOLLOW_MINUTES = 2
MIN_FOLLOWS = 2


class Found(Protocol):
    hits: Sequence[object]


class CatalogueSearch(Protocol):
    """A search of today's catalogue with its synonyms (`insatsbas.search.Searcher` is one): the statistics
    ask it, they do not depend on how it searches."""

    synonyms: Synonyms

    def corrections(self, words: list[str]) -> list[str]: ...

    def search(self, text: str, *, typos: bool = True) -> Found: ...


@dataclass(frozen=True)
class Misspelling:
    wrong: str
    right: str
    searches: int
    evidence: str


@dataclass(frozen=True)
class SynonymProposal:
    query: str
    synonym: str
    searches: int
    follows: int


@dataclass
class Suggestions:
    min_count: int
    misspellings: list[Misspelling] = field(default_factory=list)
    synonyms: list[SynonymProposal] = field(default_factory=list)
    finds_now: list[tuple[str, int]] = field(default_factory=list)
    unresolved: list[tuple[str, int]] = field(default_factory=list)


def zero_result_queries(db: sqlite_utils.Database, min_count: int) -> list[tuple[str, int]]:
    return [tuple(row) for row in db.execute(
        """SELECT query, count(*) AS n FROM searches WHERE results = 0 AND query NOT IN ('', ?)
           GROUP BY query HAVING n >= ? ORDER BY n DESC, query""", [REDACTED, min_count])]


def site_corrections(db: sqlite_utils.Database, query: str) -> list[tuple[str, int]]:
    return [tuple(row) for row in db.execute(
        """SELECT corrected, count(*) AS n FROM searches WHERE query = ? AND corrected IS NOT NULL AND results > 0
           GROUP BY corrected ORDER BY n DESC, corrected""", [query])]


def followers(db: sqlite_utils.Database, query: str, min_count: int) -> list[tuple[str, int]]:
    """Successful searches that followed a failed search for `query` soon after, in the same setting."""
    return [tuple(row) for row in db.execute(
        f"""SELECT later.query, count(*) AS n
            FROM searches AS failed JOIN searches AS later
              ON later.minute >= failed.minute
             AND later.minute <= strftime('%Y-%m-%dT%H:%M', failed.minute, '+{FOLLOW_MINUTES} minutes')
             AND later.language IS failed.language AND later.filters = failed.filters
             AND later.results > 0 AND later.query NOT IN (failed.query, '', ?)
            WHERE failed.query = ? AND failed.results = 0
              AND later.query IN (SELECT query FROM searches GROUP BY query HAVING count(*) >= ?)
            GROUP BY later.query HAVING n >= ? ORDER BY n DESC, later.query LIMIT 3""",
        [REDACTED, query, min_count, MIN_FOLLOWS])]


def suggest(db_path: Path, searcher: CatalogueSearch, *, min_count: int = DEFAULT_MIN_COUNT) -> Suggestions:
    db = sqlite_utils.Database(db_path)
    try:
        return _suggest(db, searcher, min_count)
    finally:
        db.close()


def _suggest(db: sqlite_utils.Database, searcher: CatalogueSearch, min_count: int) -> Suggestions:
    result = Suggestions(min_count)
    known = searcher.synonyms
    for query, searches in zero_result_queries(db, min_count):
        if searcher.search(query, typos=False).hits:
            result.finds_now.append((query, searches))
            continue
        proposals = whoosh_corrections(query, searcher, searches) + [
            Misspelling(query, corrected, searches, f"webbplatsen rättade {n} gånger till detta, med träffar")
            for corrected, n in site_corrections(db, query)
        ]
        proposals = list(dict.fromkeys(proposals))
        # A spelling correction explains the failure; only a query without one needs a synonym.
        synonyms = [] if proposals else [
            SynonymProposal(query, later, searches, n) for later, n in followers(db, query, min_count)
            if not already_synonyms(known, query, later)]
        result.misspellings += unique_misspellings(proposals)
        result.synonyms += synonyms
        if not proposals and not synonyms:
            result.unresolved.append((query, searches))
    return result


def whoosh_corrections(query: str, searcher: CatalogueSearch, searches: int) -> list[Misspelling]:
    words = normalise(query).split()
    corrected = searcher.corrections(words)
    if corrected == words:
        return []
    hits = searcher.search(" ".join(corrected), typos=False).hits
    if not hits:
        return []
    return [Misspelling(wrong, right, searches, f"Whoosh stavningsrättning, {len(hits)} träffar")
            for wrong, right in zip(words, corrected, strict=True) if wrong != right]


def unique_misspellings(proposals: list[Misspelling]) -> list[Misspelling]:
    seen: dict[str, Misspelling] = {}
    for proposal in proposals:
        seen.setdefault(proposal.wrong, proposal)
    return list(seen.values())


def already_synonyms(known: Synonyms, first: str, second: str) -> bool:
    group = known.group_of(first)
    return group is not None and second in group


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render_review(suggestions: Suggestions, today: date | None = None) -> str:
    today = today or date.today()
    lines = [
        f"# Förslag från `insatsbas stats suggest` {today.isoformat()}: sökningar som inte gav någon träff,",
        f"# när minst {suggestions.min_count} sökningar hade samma sökord. Granska förslagen och kopiera de du",
        "# godkänner till catalogue/synonyms.yml (misspellings: och synonyms:). Bygg sedan om webbplatsen.",
        "",
        "misspellings:",
    ]
    lines += [f"  {quoted(m.wrong)}: {quoted(m.right)}  # {m.searches} sökningar utan träff; {m.evidence}"
              for m in suggestions.misspellings] or ["  {}"]
    lines += ["", "synonyms:"]
    lines += [f"  - [{quoted(s.query)}, {quoted(s.synonym)}]  # {s.searches} sökningar utan träff; följdes {s.follows} "
              f"gånger inom {FOLLOW_MINUTES} minuter av en sökning på {quoted(s.synonym)} med träffar"
              for s in suggestions.synonyms] or ["  []"]
    lines += ["", "# Ger träffar nu: inget att göra.", "finds_now:"]
    lines += [f"  - {quoted(query)}  # {n} sökningar utan träff tidigare" for query, n in suggestions.finds_now] or ["  []"]
    lines += ["", "# Inget förslag: kanske saknas en sådan insats i katalogen.", "unresolved:"]
    lines += [f"  - {quoted(query)}  # {n} sökningar utan träff" for query, n in suggestions.unresolved] or ["  []"]
    return "\n".join(lines) + "\n"


def write_review(suggestions: Suggestions, path: Path, today: date | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_review(suggestions, today), encoding="utf-8")
    return path
