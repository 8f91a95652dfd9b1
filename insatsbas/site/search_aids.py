"""What the site's search needs beside Pagefind's index, built from the catalogue model:

- synonyms on the entry pages: the words of every group of catalogue/synonyms.yml that an entry's
  Swedish text uses, as hidden text in its `data-pagefind-body`, so that "sfi" finds an entry that only
  says "svenska för invandrare";
- a word list per interface language (`/sok/ordlista.json`, `/en/sok/ordlista.json` ...): the words a
  search in that language can find, with how many entries use each, from which the search page corrects
  a query that finds (almost) nothing. The page fetches it only then;
- the two beacon images the search page requests (`/sok/logg.gif`, `/sok/klick.gif`), so that any static
  web server answers them and writes them into its access log for `insatsbas stats ingest`.

Synonyms are matched on Swedish Snowball stems, so "praktikplatser" uses the group of "praktikplats".
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from insatsbas.analysis import stemming_analyzer
from insatsbas.model import Intervention, Synonyms
from insatsbas.urls import BEACONS, WORD_LIST

if TYPE_CHECKING:
    from insatsbas.site.views import SiteView

# The search page fetches the list only when a search fails; the cap keeps that fetch small however large
# the catalogue grows (the rarest words go first: they are the least likely corrections).
WORD_LIST_BUDGET = 48 * 1024
MIN_WORD_LENGTH = 3
# Runs of letters: numbers, e-mail addresses and punctuation are never corrections.
LETTERS = re.compile(r"[^\W\d_]+")
# A transparent GIF of one pixel (GIF89a, one-colour palette, transparency extension): 43 bytes.
TRANSPARENT_GIF = bytes.fromhex(
    "4749463839610100010080000000000000000021f90401000000002c00000000010001000002024401003b")


@dataclass(frozen=True)
class EntrySynonyms:
    """The synonym words an entry gets: `strong` for groups its title, categories or keywords use (indexed
    with a heading's weight), `other` for groups only its other text uses; `present` are the group members
    its Swedish text already contains."""

    strong: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    present: frozenset[str] = frozenset()


class SynonymMatcher:
    """Finds the synonym groups a text uses, comparing Swedish stems of words and phrases."""

    def __init__(self, synonyms: Synonyms):
        self.analyzer = stemming_analyzer("sv")
        self.groups = [(group, [self.stems(member) for member in group]) for group in synonyms.groups]
        self.longest = max((len(stems) for _, members in self.groups for stems in members), default=1)

    def stems(self, text: str) -> tuple[str, ...]:
        return tuple(token.text for token in self.analyzer(text))

    def phrases(self, text: str) -> set[tuple[str, ...]]:
        """Every run of up to `longest` consecutive stems of `text`."""
        stems = self.stems(text)
        return {stems[start:start + size] for size in range(1, self.longest + 1)
                for start in range(len(stems) - size + 1)}

    def members_in(self, text: str) -> dict[tuple[str, ...], set[str]]:
        """group -> the members of that group the text uses (only groups it uses)."""
        phrases = self.phrases(text)
        used: dict[tuple[str, ...], set[str]] = {}
        for group, members in self.groups:
            found = {member for member, stems in zip(group, members, strict=True) if stems and stems in phrases}
            if found:
                used[group] = found
        return used

    def entry_synonyms(self, strong_texts: Iterable[str], other_texts: Iterable[str]) -> EntrySynonyms:
        """The synonyms of an entry whose Swedish title, categories and keywords are `strong_texts` and
        whose other Swedish text is `other_texts`."""
        if not self.groups:
            return EntrySynonyms()
        strong = self.members_in(" \n ".join(strong_texts))
        other = self.members_in(" \n ".join(other_texts))
        present = frozenset(member for found in (*strong.values(), *other.values()) for member in found)
        return EntrySynonyms(
            strong=tuple(member for group in strong for member in group),
            other=tuple(member for group in other if group not in strong for member in group),
            present=present,
        )


def synonym_words(synonyms: EntrySynonyms, shows_swedish: bool) -> tuple[str, str]:
    """The hidden (strong, other) texts of an entry page. A page that shows the Swedish text leaves out
    the members it already contains; a translated page gets every member of the groups."""
    def pick(members: tuple[str, ...]) -> str:
        return ", ".join(m for m in members if not (shows_swedish and m in synonyms.present))
    return pick(synonyms.strong), pick(synonyms.other)


# --- the word list -------------------------------------------------------------------------------------

def words_of(text: str) -> set[str]:
    return {word for word in LETTERS.findall(unicodedata.normalize("NFC", text).lower())
            if len(word) >= MIN_WORD_LENGTH}


def page_texts(view: SiteView, entry: Intervention) -> list[str]:
    """The searchable text of an entry page in the view's language, as Pagefind indexes it (interface
    labels such as "Kontakt" aside, which every page has)."""
    text = view.text(entry)
    return [
        text.title, text.summary, Markup(text.description_html).striptags(), " ".join(entry.keywords),
        " ".join(view.labels("categories", entry.categories)), " ".join(view.labels("target_groups", entry.target_groups)),
        view.label("municipalities", entry.municipality), entry.provider.name,
        " ".join(f"{location.name} {location.city or ''}" for location in entry.locations),
        *view.synonym_text(entry, text),
    ]


def word_counts(view: SiteView) -> Counter[str]:
    """Each word of the view's entry pages, with the number of entries that use it."""
    counts: Counter[str] = Counter()
    for entry in view.data.published:
        counts.update(words_of(" \n ".join(page_texts(view, entry))))
    return counts


def word_list(counts: Counter[str], budget: int = WORD_LIST_BUDGET) -> dict:
    """`{"words": [[count, "word word ..."], ...]}`, most used first: as many of the most used words as fit
    in `budget` bytes of JSON."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def document(keep: int) -> dict:
        by_count: dict[int, list[str]] = defaultdict(list)
        for word, count in ranked[:keep]:
            by_count[count].append(word)
        return {"words": [[count, " ".join(words)] for count, words in by_count.items()]}

    # The size grows with every word kept: the most that fit, by bisection.
    low, high = 0, len(ranked)
    while low < high:
        middle = (low + high + 1) // 2
        if len(serialise(document(middle))) <= budget:
            low = middle
        else:
            high = middle - 1
    return document(low)


def serialise(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_word_list(view: SiteView, language_root: Path) -> None:
    """The view's word list, in its language's /sok/."""
    target = language_root / WORD_LIST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(serialise(word_list(word_counts(view))))


def write_beacons(out: Path) -> None:
    """The images the search page requests as beacons, at /sok/ (for every language)."""
    for beacon in BEACONS:
        (out / beacon).parent.mkdir(parents=True, exist_ok=True)
        (out / beacon).write_bytes(TRANSPARENT_GIF)
