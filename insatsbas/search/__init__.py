"""Searching the catalogue in Python with Whoosh (BM25F), for caseworkers, scripts and the statistics.

    result = search_catalogue("svenskundervisning", Searcher.from_output(Path("output"), Path("catalogue")))

Every word of the query must match (in any field, Swedish or translated). A word or phrase that stands
in a group of catalogue/synonyms.yml matches any word of its group, in the Swedish fields. A known
misspelling is searched as the word it stands for. When nothing is found, Whoosh's spelling corrector
proposes the catalogue's own words within two edits, favouring frequent words, and the corrected query
is searched instead; the result says which query it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import query as q
from whoosh.index import Index
from whoosh.scoring import BM25F
from whoosh.spelling import Corrector

from insatsbas.model import Synonyms
from insatsbas.reader import load_catalogue
from insatsbas.search.index import (
    INDEX_FOLDER,
    SWEDISH_FIELDS,
    TRANSLATED_BOOST,
    index_in_memory,
    open_built_index,
)
from insatsbas.sources.text import normalise
from insatsbas.urls import intervention_path

MAX_EDITS = 2
# A word two edits away must be this many times more frequent to be preferred to a word one edit away.
EDIT_PENALTY = 8.0


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    summary: str
    municipality: str
    score: float

    @property
    def path(self) -> str:
        return intervention_path(self.id)


@dataclass(frozen=True)
class SearchResult:
    query: str
    searched: str  # the query the hits are for: `query` normalised, or its correction
    hits: list[Hit] = field(default_factory=list)

    @property
    def corrected(self) -> bool:
        return self.searched != normalise(self.query)


class UnknownMunicipality(ValueError):
    def __init__(self, municipality: str, known: list[str]):
        super().__init__(municipality)
        self.municipality = municipality
        self.known = known


class FrequentWordCorrector(Corrector):
    """Whoosh's corrector over the catalogue's unstemmed words, ranking by frequency and then distance.

    Whoosh's own `ReaderCorrector` ranks by edit distance first, so "svenks" becomes the rare "svensk"
    (one transposition) rather than the everyday "svenska" (two edits).
    """

    def __init__(self, reader, fieldname: str):
        self.reader = reader
        self.fieldname = fieldname

    def _suggestions(self, text: str, maxdist: int, prefix: int):
        closer = set(self.reader.terms_within(self.fieldname, text, maxdist - 1, prefix=prefix)) if maxdist > 1 else set()
        for word in self.reader.terms_within(self.fieldname, text, maxdist, prefix=prefix):
            if word in closer or word == text:
                continue
            frequency = self.reader.frequency(self.fieldname, word) or 1
            yield math.log(frequency) - maxdist * math.log(EDIT_PENALTY), word

    def suggest(self, text: str, limit: int = 5, maxdist: int = MAX_EDITS, prefix: int = 0) -> list[str]:
        scored = [item for distance in range(1, maxdist + 1) for item in self._suggestions(text, distance, prefix)]
        return [word for _, word in sorted(scored, key=lambda item: (-item[0], item[1]))[:limit]]


class Searcher:
    """An open index with its synonyms."""

    def __init__(self, index: Index, synonyms: Synonyms):
        self.index = index
        self.synonyms = synonyms
        self.schema = index.schema
        self.fields = {name: boost for name, boost in SWEDISH_FIELDS.items()}
        self.fields.update({name: TRANSLATED_BOOST for name in self.schema.names() if name.startswith("text_")})
        self.phrases = {tuple(member.split()): group for group in synonyms.groups for member in group}
        self.longest_phrase = max((len(words) for words in self.phrases), default=1)

    @classmethod
    def from_output(cls, out: Path, catalogue_dir: Path) -> Searcher:
        """The index of the last build in `out`, or the catalogue indexed in memory when there is none."""
        built = open_built_index(out / INDEX_FOLDER)
        if built is None:
            built = index_in_memory(load_catalogue(catalogue_dir))
        return cls(*built)

    def search(self, text: str, **options: object) -> SearchResult:
        """`search_catalogue(text, self, **options)`."""
        return search_catalogue(text, self, **options)

    def municipalities(self) -> list[str]:
        with self.index.reader() as reader:
            return sorted(term.decode() if isinstance(term, bytes) else term for term in reader.lexicon("open_to"))

    def word_query(self, word: str, fields: dict[str, float]) -> q.Query | None:
        """`word` (or a phrase) in any of `fields`, analysed the way each field was indexed."""
        alternatives: list[q.Query] = []
        for name, boost in fields.items():
            terms = list(self.schema[name].process_text(word, mode="query"))
            if len(terms) == 1:
                alternatives.append(q.Term(name, terms[0], boost=boost))
            elif terms:
                alternatives.append(q.Phrase(name, terms, boost=boost))
        return q.Or(alternatives) if alternatives else None

    def build_query(self, words: list[str]) -> q.Query:
        parts: list[q.Query] = []
        swedish = dict(SWEDISH_FIELDS)
        position = 0
        while position < len(words):
            for size in range(min(self.longest_phrase, len(words) - position), 0, -1):
                group = self.phrases.get(tuple(words[position:position + size]))
                if group:
                    members = [self.word_query(member, swedish) for member in group]
                    if size == 1:
                        members.append(self.word_query(words[position], self.fields))
                    parts.append(q.Or([m for m in members if m is not None]))
                    position += size
                    break
            else:
                part = self.word_query(words[position], self.fields)
                if part is not None:
                    parts.append(part)
                position += 1
        return q.And(parts) if parts else q.NullQuery

    def run(self, words: list[str], municipality: str | None, limit: int) -> list[Hit]:
        if not words:
            return []
        query = self.build_query(words)
        restrict = q.Term("open_to", municipality) if municipality else None
        with self.index.searcher(weighting=BM25F()) as searcher:
            results = searcher.search(query, limit=limit, filter=restrict)
            return [Hit(r["id"], r["title"], r["summary"], r["municipality"], round(r.score, 3)) for r in results]

    def corrections(self, words: list[str]) -> list[str]:
        """`words` with each word the catalogue does not contain replaced by its best correction."""
        corrected = []
        with self.index.reader() as reader:
            corrector = FrequentWordCorrector(reader, "spelling")
            for word in words:
                if reader.frequency("spelling", word) or not word.isalpha():
                    corrected.append(word)
                    continue
                suggestions = corrector.suggest(word, limit=1)
                corrected.append(suggestions[0] if suggestions else word)
        return corrected


def search_catalogue(text: str, searcher: Searcher, *, municipality: str | None = None, limit: int = 20,
                     misspellings: bool = True, typos: bool = True) -> SearchResult:
    """Search for `text`. Known misspellings are searched as the word they stand for (`misspellings`),
    and when nothing is found, the spelling corrector's correction is searched instead (`typos`)."""
    if municipality and municipality not in (known := searcher.municipalities()):
        raise UnknownMunicipality(municipality, known)
    words = normalise(text).split()
    if misspellings:
        words = [searcher.synonyms.misspellings.get(word, word) for word in words]
    hits = searcher.run(words, municipality, limit)
    if not hits and typos:
        corrected = searcher.corrections(words)
        if corrected != words:
            corrected_hits = searcher.run(corrected, municipality, limit)
            if corrected_hits:
                words, hits = corrected, corrected_hits
    return SearchResult(text, " ".join(words), hits)


__all__ = ["Hit", "SearchResult", "Searcher", "UnknownMunicipality", "search_catalogue"]
