"""What the site's search needs beside Pagefind's index, built from the catalogue model:

- synonyms on the entry pages: the words of every group of catalogue/synonyms.yml that an entry's
  Swedish text uses, as hidden text in its `data-pagefind-body`, so that "sfi" finds an entry that only
  says "svenska för invandrare";
- a word list per interface language (`insatsbas.site.word_list`);
- the two beacon images the search page requests (`/sok/logg.gif`, `/sok/klick.gif`), so that any static
  web server answers them and writes them into its access log for `insatsbas stats ingest`.

Synonyms are matched on Swedish Snowball stems, so "praktikplatser" uses the group of "praktikplats".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from insatsbas.analysis import stemming_analyzer
from insatsbas.model import Synonyms
from insatsbas.urls import BEACONS

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


def write_beacons(out: Path) -> None:
    """The images the search page requests as beacons, at /sok/ (for every language)."""
    for beacon in BEACONS:
        (out / beacon).parent.mkdir(parents=True, exist_ok=True)
        (out / beacon).write_bytes(TRANSPARENT_GIF)
