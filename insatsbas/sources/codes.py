"""The code lists an entry chooses from, with each code's Swedish label.

One place for what a code means to an editor: the JSON Schema shows the labels next to the codes
(`enumDescriptions`), messages name a code with its label ("prs (Dari)"), and what an editor typed
instead of a code (a Swedish or English name, the language's own name, a weekday's abbreviation, a
municipality code) is mapped back to the code as a suggestion: `svenska` → `sv`, `ons` → `wed`.
Vocabulary terms bring their labels from the vocabulary files; the fixed lists (status, provider type,
referral, gender) have theirs here, and weekdays take theirs from the Unicode CLDR through Babel, as
the site does.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from babel.dates import get_day_names

from insatsbas.model import GENDERS, OWNER_TYPES, REFERRALS, STATUSES, WEEKDAYS, Vocabularies

# Swedish labels of the fixed lists, and other words editors use for the same thing.
STATUS_LABELS = {"active": "pågår", "paused": "tillfälligt uppehåll", "ended": "avslutad",
                 "draft": "utkast, publiceras inte"}
STATUS_WORDS = {"aktiv": "active", "pausad": "paused", "uppehåll": "paused", "avslutat": "ended", "utkast": "draft"}
OWNER_TYPE_LABELS = {"kommun": "kommun", "myndighet": "statlig myndighet", "region": "region",
                     "ideell": "ideell organisation", "privat": "privat företag"}
REFERRAL_LABELS = {"self": "anmäl dig själv", "caseworker": "via handläggare",
                   "arbetsformedlingen": "via Arbetsförmedlingen", "municipality": "via kommunen"}
GENDER_LABELS = {"women": "kvinnor", "men": "män"}
GENDER_WORDS = {"kvinna": "women", "female": "women", "man": "men", "male": "men"}


def fold(text: str) -> str:
    """How two spellings of a name compare: case, surrounding and repeated spaces do not count."""
    return " ".join(str(text).casefold().split())


@dataclass(frozen=True)
class CodeList:
    """Codes in order with their Swedish labels, and every other name that means the same code."""

    labels: dict[str, str]
    names: dict[str, str] = field(default_factory=dict)  # folded name -> code

    def shown(self, code: str) -> str:
        """The code as messages show it: "prs (Dari)"."""
        label = self.labels.get(code)
        return f"{code} ({label})" if label and fold(label) != fold(code) else code

    def code_for(self, typed: str, allowed: Iterable[str] | None = None) -> str | None:
        """The code an editor most likely meant by `typed`: a name of it, or else a close spelling."""
        allowed = list(self.labels if allowed is None else allowed)
        folded = fold(typed)
        named = self.names.get(folded)
        if named in allowed:
            return named
        close = difflib.get_close_matches(folded, [fold(code) for code in allowed], n=1, cutoff=0.6)
        if close:
            return next(code for code in allowed if fold(code) == close[0])
        names = [name for name, code in self.names.items() if code in allowed]
        close = difflib.get_close_matches(folded, names, n=1, cutoff=0.75)
        return self.names[close[0]] if close else None


def code_list(labels: dict[str, str], *other_names: dict[str, str]) -> CodeList:
    names: dict[str, str] = {}
    for mapping in (*other_names, {label: code for code, label in labels.items()}, {code: code for code in labels}):
        names.update({fold(name): code for name, code in mapping.items()})
    return CodeList(dict(labels), names)


def vocabulary_list(vocabularies: Vocabularies, name: str) -> CodeList:
    terms = vocabularies[name]
    other: dict[str, str] = {}
    for slug, term in terms.items():
        other.update({label: slug for label in term.label.values()})
        if "native" in term.extra:
            other[term.extra["native"]] = slug
        for attribute in ("name", "code"):
            if getattr(term, attribute, ""):
                other[getattr(term, attribute)] = slug
    return code_list({slug: term.label["sv"] for slug, term in terms.items()}, other)


def weekday_list() -> CodeList:
    other: dict[str, str] = {}
    for locale in ("sv", "en"):
        for width in ("wide", "abbreviated", "short"):
            names = get_day_names(width, locale=locale)
            other.update({names[index]: code for index, code in enumerate(WEEKDAYS)})
    swedish = get_day_names("wide", locale="sv")
    return code_list({code: swedish[index] for index, code in enumerate(WEEKDAYS)}, other)


@dataclass(frozen=True)
class CodeLists:
    """Every code list of an entry, by the name the schema and the messages use."""

    lists: dict[str, CodeList]

    def __getitem__(self, name: str) -> CodeList:
        return self.lists[name]

    def for_codes(self, codes: Iterable[str]) -> CodeList | None:
        """The list that the allowed `codes` of a field come from: the smallest one holding them all."""
        wanted = set(map(str, codes))
        holding = [codes_ for codes_ in self.lists.values() if wanted <= set(codes_.labels)]
        return min(holding, key=lambda codes_: len(codes_.labels), default=None)


def code_lists(vocabularies: Vocabularies) -> CodeLists:
    lists = {name: vocabulary_list(vocabularies, name) for name in Vocabularies.NAMES}
    lists.update({
        "status": code_list(in_order(STATUS_LABELS, STATUSES), STATUS_WORDS),
        "provider_type": code_list(in_order(OWNER_TYPE_LABELS, OWNER_TYPES)),
        "referral": code_list(in_order(REFERRAL_LABELS, REFERRALS)),
        "gender": code_list(in_order(GENDER_LABELS, GENDERS), GENDER_WORDS),
        "weekday": weekday_list(),
    })
    return CodeLists(lists)


def in_order(labels: dict[str, str], codes: tuple[str, ...]) -> dict[str, str]:
    """The labels in the model's order of the codes; every code must have one."""
    return {code: labels[code] for code in codes}
