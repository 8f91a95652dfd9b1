"""A word list per interface language (`/sok/ordlista.json`, `/en/sok/ordlista.json` ...): the words a search
in that language can find, with how many entries use each, from which the search page corrects a query that
finds (almost) nothing. The page fetches it only then."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from markupsafe import Markup

from insatsbas.model import Intervention
from insatsbas.site.views import SiteView
from insatsbas.urls import WORD_LIST

# The search page fetches the list only when a search fails; the cap keeps that fetch small however large
# the catalogue grows (the rarest words go first: they are the least likely corrections).
WORD_LIST_BUDGET = 48 * 1024
MIN_WORD_LENGTH = 3
# Runs of letters: numbers, e-mail addresses and punctuation are never corrections.
LETTERS = re.compile(r"[^\W\d_]+")


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
