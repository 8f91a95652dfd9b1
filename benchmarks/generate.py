"""Generate a synthetic catalogue of N interventions spread over all 290 Swedish municipalities.

    python benchmarks/generate.py 29000 --out benchmarks/out/catalogue-29000 [--seed 1] [--today 2026-11-01] [--jobs N]

The output is a catalogue folder in exactly the format `insatsbas build --catalogue DIR` reads: owners.yml,
vocabularies/ (the 290 municipalities of benchmarks/data, the other vocabularies copied from catalogue/) and
one YAML file per intervention in its owner's folder. Text is Swedish composed from benchmarks/corpus.py, with
English and Arabic translations on a share of entries, and every optional field used somewhere.

The output depends only on N, the seed and --today (the date review dates count back from), never on the day
it runs, so the same arguments give byte-identical files. Each entry draws from its own random stream, seeded
by the seed and its index, so the first 1,000 entries of a 29,000-entry catalogue are those of a 1,000-entry
one (apart from file names, which are made unique in order).
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import sys
import time
from bisect import bisect
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

import click
import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # `python benchmarks/generate.py` must use this checkout's insatsbas

from benchmarks import corpus  # noqa: E402
from benchmarks.corpus import Archetype, Texts  # noqa: E402
from insatsbas.model import Term, add_months  # noqa: E402
from insatsbas.reader import read_vocabularies  # noqa: E402
from insatsbas.sources.problems import Problem  # noqa: E402
from insatsbas.sources.text import slugify  # noqa: E402
from insatsbas.sources.yamlsource import _BOOLEANS, _FLOAT, _HEX, _INFINITY, _INT, _NAN, _NULLS, _OCTAL, read_document  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SAMPLE_VOCABULARIES = REPO / "catalogue" / "vocabularies"
COPIED_VOCABULARIES = ("categories", "target_groups", "languages", "residence_status")
MARKER = "benchmark.json"
DEFAULT_TODAY = date(2026, 11, 1)
WORD = re.compile(r"\w+")

STATUS_WEIGHTS = {"active": 86, "paused": 5, "ended": 5, "draft": 4}
# How often a language other than Swedish is offered; Arabic, Dari, Somali, Ukrainian and Tigrinya lead,
# as in the sample catalogue.
LANGUAGE_WEIGHTS = {
    "ar": 6, "prs": 3, "so": 3, "uk": 3, "ti": 2, "fa": 2, "en": 2, "ku": 1, "ru": 1, "tr": 1, "ps": 1,
    "am": 0.5, "es": 0.5, "fr": 0.5, "pl": 0.5, "syr": 0.5, "bs": 0.3,
}
AUDIENCE_PHRASES = {
    "vuxna": "vuxna", "unga": "unga", "barn": "barn", "familjer": "familjer", "kvinnor": "kvinnor",
    "foraldrar": "föräldrar", "ensamkommande": "ensamkommande unga", "asylsokande": "asylsökande",
    "akademiker": "akademiker", "kort-utbildning": "vuxna med kort skolbakgrund", "aldre": "äldre",
    "funktionsnedsattning": "personer med funktionsnedsättning",
}
OPENING_TIMES = ("08:00", "08:30", "09:00", "09:30", "10:00", "13:00", "14:00", "15:30", "17:00", "17:30", "18:00")
DURATIONS = (60, 90, 120, 150, 180, 240)
WEEKDAY_WEIGHTS = {"mon": 5, "tue": 6, "wed": 6, "thu": 6, "fri": 3, "sat": 1, "sun": 0.5}


# --- reference data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class County:
    code: str
    name: str
    region: str
    postal: tuple[int, int]
    phone: str

    @property
    def region_slug(self) -> str:
        return slugify(self.region)


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    code: str
    latitude: float
    longitude: float

    @property
    def county_code(self) -> str:
        return self.code[:2]

    @property
    def municipality_name(self) -> str:
        """The municipality as an organisation: "Kiruna kommun", "Salems kommun"."""
        return kommun_name(self.name)


# Names whose organisation is not "<name>[s] kommun".
KOMMUN_EXCEPTIONS = {"Falun": "Falu kommun", "Gotland": "Region Gotland", "Kalmar": "Kalmar kommun"}


def kommun_name(name: str) -> str:
    if name in KOMMUN_EXCEPTIONS:
        return KOMMUN_EXCEPTIONS[name]
    genitive = "" if name[-1].lower() in "aeiouyåäösxz" else "s"
    return f"{name}{genitive} kommun"


def load_places() -> list[Place]:
    positions = {row["code"]: row for row in csv.DictReader((DATA / "positions.csv").open(encoding="utf-8"))}
    terms = read_document(DATA / "municipalities.yml").data
    return [
        Place(t["slug"], t["name"], t["code"], float(positions[t["code"]]["latitude"]),
              float(positions[t["code"]]["longitude"]))
        for t in terms
    ]


def load_counties() -> dict[str, County]:
    return {
        c["code"]: County(c["code"], c["name"], c["region"], (c["postal"][0], c["postal"][1]), c["phone"])
        for c in read_document(DATA / "counties.yml").data
    }


def place_weight(place: Place) -> float:
    """More entries where more people live: SCB gives each county's main city a code ending in 80 and other
    towns 81-99; the three metropolitan municipalities get more still."""
    big_three = {"0180": 25, "1480": 15, "1280": 10}
    if place.code in big_three:
        return big_three[place.code]
    suffix = int(place.code[2:])
    return 8 if suffix == 80 else 3 if suffix > 80 else 1


# --- the YAML writer --------------------------------------------------------------------------------


class CatalogueDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes YAML as editors do, quoting exactly the strings Insatsbas's reader would not read back as text.

    PyYAML's own (YAML 1.1) rules would quote `2026-03-25` and `10:30` too; the reader's rules (YAML 1.2's
    core schema, which these resolvers mirror) keep them text when plain, so the files look like the ones
    people write, while `0126` is a number to the reader and is quoted."""

    yaml_implicit_resolvers: dict = {}


for _tag, _pattern in (
    ("tag:yaml.org,2002:bool", "|".join(map(re.escape, _BOOLEANS))),
    ("tag:yaml.org,2002:int", "|".join(pattern.pattern for pattern in (_INT, _OCTAL, _HEX))),
    ("tag:yaml.org,2002:float", "|".join([_FLOAT.pattern, _INFINITY.pattern, *map(re.escape, sorted(_NAN))])),
    ("tag:yaml.org,2002:null", "|".join(map(re.escape, sorted(_NULLS)))),
):
    CatalogueDumper.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), None)


class Quoted(str):
    """Text that editors are told to quote (telephone numbers, postal codes, times), written in quotes."""


def _represent_quoted(dumper: yaml.SafeDumper, value: Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _represent_dict(dumper: yaml.SafeDumper, value: dict) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    flat = all(isinstance(item, str | int | float) and "\n" not in str(item) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


CatalogueDumper.add_representer(str, _represent_str)
CatalogueDumper.add_representer(Quoted, _represent_quoted)
CatalogueDumper.add_representer(dict, _represent_dict)
CatalogueDumper.add_representer(list, _represent_list)


def to_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=CatalogueDumper, sort_keys=False, allow_unicode=True, width=1_000_000)


# --- drawing ----------------------------------------------------------------------------------------


class Weighted:
    """A fixed weighted choice, drawn with one random number and a binary search."""

    def __init__(self, weights: dict[Any, float]):
        self.items = list(weights)
        self.cumulative = list(accumulate(weights.values()))

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def sample(self, rng: random.Random, count: int, exclude: Sequence[Any] = ()) -> list[Any]:
        chosen: list[Any] = []
        while len(chosen) < count:
            item = self.draw(rng)
            if item not in chosen and item not in exclude:
                chosen.append(item)
        return chosen


def zipf(items: Sequence[Any]) -> Weighted:
    """The first item most often, the n-th 1/n as often."""
    return Weighted({item: 1 / rank for rank, item in enumerate(items, 1)})


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def some(rng: random.Random, items: Sequence[Any], low: int, high: int) -> list[Any]:
    """Between low and high distinct items, in their original order."""
    count = min(len(items), rng.randint(low, high))
    picked = set(rng.sample(range(len(items)), count))
    return [item for index, item in enumerate(items) if index in picked]


def join_words(words: Sequence[str]) -> str:
    """"a", "a och b", "a, b och c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} och {words[-1]}"


def word_count(text: str) -> int:
    return len(WORD.findall(text))


# --- one catalogue ----------------------------------------------------------------------------------


@dataclass
class Owner:
    slug: str
    name: str
    type: str
    municipality: str | None
    review_months: int
    editors: list[str]


class CatalogueGenerator:
    """Everything shared by the entries of one catalogue; `entry(index)` makes one entry."""

    def __init__(self, seed: int, today: date, vocabularies_dir: Path):
        self.seed = seed
        self.today = today
        self.places = load_places()
        self.counties = load_counties()
        self.vocabularies = read_checked_vocabularies(vocabularies_dir)
        check_corpus(self.vocabularies)
        self.by_county: dict[str, list[Place]] = {}
        for place in self.places:
            self.by_county.setdefault(place.county_code, []).append(place)
        shuffled = list(self.places)
        random.Random(f"{seed}:places").shuffle(shuffled)
        self.first_places = shuffled  # entry i < 290 goes to first_places[i]: every municipality is used
        self.place_choice = Weighted({place: place_weight(place) for place in self.places})
        self.archetype_choice = Weighted({a: a.weight for a in corpus.ARCHETYPES})
        self.status_choice = Weighted(STATUS_WEIGHTS)
        self.language_choice = Weighted(LANGUAGE_WEIGHTS)
        self.weekday_choice = Weighted(WEEKDAY_WEIGHTS)
        self.occupation_choice = zipf(corpus.OCCUPATIONS)
        self.topic_choice = zipf(corpus.TOPICS)
        self.visit_choice = zipf(corpus.VISITS)
        activities = [first + last for first in corpus.ACTIVITY_FIRST for last in corpus.ACTIVITY_LAST]
        random.Random("activities").shuffle(activities)
        self.activity_choice = zipf(activities)
        self.street_choice = zipf(corpus.STREETS)
        self.language_names = {slug: term.label["sv"].lower() for slug, term in self.vocabularies.languages.items()}
        self.owners = make_owners(self.places, self.counties, seed)

    def entry(self, index: int) -> tuple[str, str, dict[str, Any]]:
        """Owner, file-name slug (not yet unique) and content of entry `index`, from its own random stream,
        so that it does not depend on the entries before it and entries can be made in parallel."""
        rng = random.Random(f"{self.seed}:{index}")
        place = self.first_places[index] if index < len(self.first_places) else self.place_choice.draw(rng)
        county = self.counties[place.county_code]
        archetype: Archetype = self.archetype_choice.draw(rng)
        owner, provider = self.owner_and_provider(rng, archetype, place, county)
        languages = self.pick_languages(rng, archetype)
        schedule, cost = self.schedule(rng), self.cost(rng)
        capacity = rng.randrange(6, 61, 2) if chance(rng, 0.4) else None
        venue = rng.choice(archetype.venues)
        target_groups = some(rng, archetype.target_groups, 1, 3)
        slots = self.slots(rng, place, county, provider, languages, schedule, venue, capacity, target_groups[0])
        referral = rng.choice(archetype.referrals)
        template = rng.choice(archetype.titles)
        title = template.format_map(slots)
        slug = slugify(title if "{ort}" in template else f"{title} {place.name}")

        data: dict[str, Any] = {
            "title": title,
            "summary": rng.choice(archetype.summaries).format_map(slots),
            "description": compose_description(rng, archetype, slots, languages, referral, cost),
            "status": self.status_choice.draw(rng),
            "provider": provider,
            "municipality": place.slug,
        }
        service_area = self.service_area(rng, place, self.owners[owner].type)
        if service_area:
            data["service_area"] = service_area
        data["categories"] = some(rng, archetype.categories, 1, 2)
        data["target_groups"] = target_groups
        data["languages"] = languages
        eligibility = self.eligibility(rng, archetype, slots)
        if eligibility:
            data["eligibility"] = eligibility
        data["how_to_apply"] = {"referral": referral, "description": apply_text(rng, archetype, referral, slots)}
        data["contact"] = contact(rng, archetype, place, county, owner, slug)
        review_months = self.owners[owner].review_months
        # Up to 12 % past the owner's review interval, so that about one entry in ten is overdue.
        days_ago = rng.randint(0, int(review_months * 30.44 * 1.12))
        data["last_reviewed"] = (self.today - timedelta(days=days_ago)).isoformat()
        data["reviewed_by"] = rng.choice(corpus.REVIEWERS)
        if chance(rng, 0.75):
            venues = [venue] + [v for v in rng.sample(archetype.venues, len(archetype.venues)) if v != venue]
            data["locations"] = [location(rng, v, place, county, self.street_choice)
                                 for v in venues[:rng.choice((1, 1, 1, 1, 2, 3))]]
        for key, value in (("schedule", schedule), ("cost", cost), ("capacity", capacity)):
            if value:
                data[key] = value
        data.update(self.lists_and_translations(rng, archetype, slots))
        return owner, slug, data

    def slots(self, rng: random.Random, place: Place, county: County, provider: dict[str, Any],
              languages: list[str], schedule: dict[str, Any], venue: str, capacity: int | None,
              target_group: str) -> dict[str, str]:
        """The values of the template slots (see benchmarks/corpus.py) for one entry."""
        hours = schedule["hours"][0] if schedule.get("hours") else None
        others = [self.language_names[code] for code in languages if code != "sv"]
        return {
            "ort": place.name, "kommunen": place.municipality_name, "lan": county.name,
            "lokal": corpus.VENUES[venue][0], "dagar": self.day_words(rng, hours), "tid": time_words(rng, hours),
            "antal": str(capacity or rng.randint(8, 20)), "manad": rng.choice(corpus.MONTHS),
            "sprak": join_words(others or ["svenska"]), "malgrupp": AUDIENCE_PHRASES.get(target_group, target_group),
            "anordnare": provider["name"], "pris": str(rng.choice((100, 150, 200, 300, 450))),
            "yrken": join_words(self.occupation_choice.sample(rng, rng.randint(2, 4))),
            "amnen": join_words(self.topic_choice.sample(rng, rng.randint(2, 4))),
            "besok": join_words(self.visit_choice.sample(rng, rng.randint(1, 3))),
            "aktiviteter": join_words(self.activity_choice.sample(rng, rng.randint(2, 3))),
            "aktivitet": self.activity_choice.draw(rng),
        }

    def lists_and_translations(self, rng: random.Random, archetype: Archetype,
                               slots: dict[str, str]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if chance(rng, 0.35):
            result["required_documents"] = list(archetype.documents) or some(rng, corpus.DOCUMENTS, 1, 2)
        if chance(rng, 0.5):
            result["funding"] = some(rng, corpus.FUNDING, 1, 2)
        if chance(rng, 0.65):
            result["keywords"] = some(rng, archetype.keywords, 2, 5)
        translations = {}
        if chance(rng, 0.22):
            translations["en"] = translation(rng, archetype.en, corpus.ENGLISH, slots)
        if chance(rng, 0.12):
            translations["ar"] = translation(rng, archetype.ar, corpus.ARABIC, slots)
        if translations:
            result["translations"] = translations
        return result

    def owner_and_provider(self, rng: random.Random, archetype: Archetype, place: Place,
                           county: County) -> tuple[str, dict[str, Any]]:
        kind = rng.choice(archetype.owners)
        if kind == "kommun":
            owner, name = place.slug, place.municipality_name
            if archetype.units and chance(rng, 0.8):
                name = f"{name}, {rng.choice(archetype.units)}"
            provider: dict[str, Any] = {"name": name, "type": "kommun"}
        elif kind == "region":
            owner = county.region_slug
            provider = {"name": county.region, "type": "region"}
        else:
            owner = kind
            full_name, owner_type, short_name = corpus.NATIONAL_OWNERS[kind]
            if owner_type == "ideell":
                provider = {"name": f"{short_name} {place.name}", "type": "ideell"}
            elif kind == "arbetsformedlingen" and chance(rng, 0.3):
                provider = {"name": rng.choice(corpus.SUPPLIERS), "type": "privat"}
            else:
                provider = {"name": full_name, "type": owner_type}
        if chance(rng, 0.6):
            provider["url"] = f"https://example.org/{owner}/{place.slug}"
        return owner, provider

    def pick_languages(self, rng: random.Random, archetype: Archetype) -> list[str]:
        if archetype.languages == "sv":
            return ["sv", "en"] if chance(rng, 0.1) else ["sv"]
        if archetype.languages == "support":
            return ["sv", *self.language_choice.sample(rng, rng.randint(1, 3))]
        others = self.language_choice.sample(rng, rng.randint(1, 4))
        return ["sv", *others] if chance(rng, 0.3) else others

    def service_area(self, rng: random.Random, place: Place, owner_type: str) -> list[str]:
        neighbours = [p for p in self.by_county[place.county_code] if p is not place]
        if not neighbours or not chance(rng, 0.35):
            return []
        if owner_type in ("region", "myndighet") and chance(rng, 0.3):
            chosen = neighbours
        else:
            chosen = some(rng, neighbours, 1, 4)
        return [place.slug, *(p.slug for p in chosen)]

    def schedule(self, rng: random.Random) -> dict[str, Any]:
        if not chance(rng, 0.7):
            return {}
        schedule: dict[str, Any] = {}
        if chance(rng, 0.8):
            schedule["description"] = rng.choice(corpus.SCHEDULE_TEXTS).format(manad=rng.choice(corpus.MONTHS))
        if chance(rng, 0.3):
            start = self.today - timedelta(days=rng.randint(0, 200))
            schedule["valid_from"] = start.isoformat()
            schedule["valid_to"] = (start + timedelta(days=rng.randint(60, 400))).isoformat()
        if chance(rng, 0.85):
            schedule["hours"] = [self.opening_hours(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
        return schedule

    def opening_hours(self, rng: random.Random) -> dict[str, Any]:
        days = self.weekday_choice.sample(rng, rng.choice((1, 1, 2, 2, 3)))
        opens = rng.choice(OPENING_TIMES)
        hour, minute = map(int, opens.split(":"))
        end = min(hour * 60 + minute + rng.choice(DURATIONS), 22 * 60)
        return {"days": [d for d in corpus.WEEKDAY_NAMES if d in days], "opens": Quoted(opens),
                "closes": Quoted(f"{end // 60:02d}:{end % 60:02d}")}

    def day_words(self, rng: random.Random, hours: dict[str, Any] | None) -> str:
        days = hours["days"] if hours else [self.weekday_choice.draw(rng)]
        return join_words([corpus.WEEKDAY_NAMES[d] for d in days])

    def cost(self, rng: random.Random) -> dict[str, Any]:
        if not chance(rng, 0.6):
            return {}
        if chance(rng, 0.85):
            cost: dict[str, Any] = {"free": True}
            if chance(rng, 0.1):
                cost["price_other_municipality"] = rng.choice(corpus.PRICE_OTHER)
            return cost
        cost = {"free": False, "description": f"{rng.choice((100, 150, 200, 300, 450))} kronor per termin. "
                                              "Nedsatt avgift kan sökas."}
        if chance(rng, 0.4):
            cost["price_other_municipality"] = rng.choice(corpus.PRICE_OTHER)
        return cost

    def eligibility(self, rng: random.Random, archetype: Archetype, slots: dict[str, str]) -> dict[str, Any]:
        preset = archetype.eligibility
        if not chance(rng, 0.7 if preset != corpus.EligibilityPreset() else 0.25):
            return {}
        result: dict[str, Any] = {}
        statuses = list(self.vocabularies.residence_status)
        if preset.residence and chance(rng, 0.7):
            chosen = some(rng, preset.residence, 1, 4)
            result["residence_status"] = [s for s in statuses if s in chosen]
        elif chance(rng, 0.1):
            result["residence_status"] = some(rng, statuses, 1, 3)
        if preset.min_age and chance(rng, 0.8):
            result["min_age"] = rng.choice(preset.min_age)
        if preset.max_age and chance(rng, 0.8):
            result["max_age"] = max(rng.choice(preset.max_age), result.get("min_age", 0))
        if preset.gender:
            result["gender"] = preset.gender
        months: dict[str, int] = {}
        if preset.months_max and chance(rng, 0.8):
            months["max"] = rng.choice(preset.months_max)
        if chance(rng, 0.08):
            months = {"min": rng.choice((0, 6, 12)), "max": rng.choice((36, 48, 60))}
        if months:
            result["months_in_sweden"] = months
        texts = [corpus.ELIGIBILITY_TEXTS["resident"]] if chance(rng, 0.5) else []
        if "min_age" in result and "max_age" in result:
            texts.append(corpus.ELIGIBILITY_TEXTS["age_range"])
        elif "min_age" in result:
            texts.append(corpus.ELIGIBILITY_TEXTS["min_age"])
        if "max" in months:
            texts.append(corpus.ELIGIBILITY_TEXTS["months"])
        if preset.gender == "women":
            texts.append(corpus.ELIGIBILITY_TEXTS["women"])
        if "asylsokande" in result.get("residence_status", ()):
            texts.append(corpus.ELIGIBILITY_TEXTS["asylum"])
        if texts and chance(rng, 0.8):
            values = {**slots, "min_age": result.get("min_age"), "max_age": result.get("max_age"),
                      "months": months.get("max")}
            result["description"] = " ".join(t.format_map(values) for t in texts)
        return result


def time_words(rng: random.Random, hours: dict[str, Any] | None) -> str:
    if hours is None:
        return rng.choice(("på eftermiddagen", "på kvällen", "på förmiddagen"))
    return f"kl. {hours['opens'].replace(':', '.')}–{hours['closes'].replace(':', '.')}"


MAX_DESCRIPTION_WORDS = 400


def compose_description(rng: random.Random, archetype: Archetype, slots: dict[str, str], languages: list[str],
                        referral: str, cost: dict[str, Any]) -> str:
    """150-400 words in paragraphs: what it is, how it works, language and audience, practicalities, how to
    apply, sometimes a list. Sentences are added until a length drawn for this entry is reached."""
    def filled(sentences: Sequence[str]) -> list[str]:
        return [sentence.format_map(slots) for sentence in rng.sample(sentences, len(sentences))]

    target = rng.randint(150, 380)
    if "sv" not in languages:
        language_pool = corpus.LANGUAGE_NATIVE
    elif len(languages) > 1 and languages != ["sv", "en"]:
        language_pool = corpus.LANGUAGE_SUPPORT
    else:
        language_pool = corpus.LANGUAGE_SWEDISH
    cost_pool = corpus.COST_PAID if cost.get("free") is False else corpus.COST_FREE
    details = filled(archetype.details)
    # One or two sentences with drawn words, among the first details, so that most entries have them.
    for sentence in filled(corpus.VARIETY)[:rng.choice((1, 1, 2))]:
        details.insert(rng.randint(1, 3), sentence)
    audience, practical, follow_up = filled(corpus.AUDIENCE), filled(corpus.PRACTICAL), filled(corpus.FOLLOW_UP)
    paragraphs: list[list[str]] = [
        filled(archetype.opening)[:rng.randint(1, 2)] + details[:1],
        details[1:3],
        [rng.choice(language_pool).format_map(slots), audience.pop()],
        [practical.pop(), rng.choice(cost_pool).format_map(slots)],
        [rng.choice(corpus.APPLY[referral]).format_map(slots), follow_up.pop()],
    ]
    del details[:3]
    bullets = ""
    if chance(rng, 0.4):
        items = [item.format_map(slots) for item in some(rng, archetype.bullets, 3, 5)]
        bullets = rng.choice(corpus.BULLET_INTRO) + "\n\n" + "\n".join(f"- {item}" for item in items)
    words = sum(word_count(s) for paragraph in paragraphs for s in paragraph) + word_count(bullets)
    # Grow the paragraphs in turn (details, audience, practicalities, follow-up) until the length is reached.
    pools = [(1, details), (2, audience), (3, practical), (4, follow_up)]
    while words < target and any(pool for _, pool in pools):
        for paragraph, pool in pools:
            if pool and words < target:
                sentence = pool.pop()
                if words + word_count(sentence) <= MAX_DESCRIPTION_WORDS:
                    paragraphs[paragraph].append(sentence)
                    words += word_count(sentence)
    blocks = [" ".join(paragraph) for paragraph in paragraphs if paragraph]
    if bullets:
        blocks.insert(2, bullets)
    return "\n\n".join(blocks) + "\n"


def apply_text(rng: random.Random, archetype: Archetype, referral: str, slots: dict[str, str]) -> str:
    sentences = some(rng, corpus.APPLY[referral], 1, 2)
    if archetype.documents and chance(rng, 0.5):
        sentences.append(f"Ta med {archetype.documents[0].lower()}.")
    return " ".join(sentences).format_map(slots)


def contact(rng: random.Random, archetype: Archetype, place: Place, county: County, owner: str,
            slug: str) -> dict[str, Any]:
    result: dict[str, Any] = {"role": rng.choice(archetype.roles)}
    if chance(rng, 0.7):
        result["phone"] = Quoted(county.phone.format(nn=rng.randint(10, 99)))
    if chance(rng, 0.8) or len(result) == 1:
        result["email"] = f"{archetype.key}.{place.slug}@example.org"
    if chance(rng, 0.3):
        result["url"] = f"https://example.org/{owner}/{slug}"
    return result


def location(rng: random.Random, venue: str, place: Place, county: County, streets: Weighted) -> dict[str, Any]:
    result: dict[str, Any] = {"name": corpus.VENUES[venue][1].format(ort=place.name)}
    if chance(rng, 0.9):
        result["address"] = f"{streets.draw(rng)} {rng.randint(1, 80)}"
    if chance(rng, 0.85):
        result["postal_code"] = Quoted(f"{rng.randint(*county.postal)} {rng.randint(0, 99):02d}")
    result["city"] = place.name
    if chance(rng, 0.8):
        # Within about two kilometres of the municipality's seat.
        result["latitude"] = round(place.latitude + rng.uniform(-0.02, 0.02), 4)
        result["longitude"] = round(place.longitude + rng.uniform(-0.03, 0.03), 4)
    if chance(rng, 0.5):
        result["accessibility"] = rng.choice(corpus.ACCESSIBILITY)
    return result


def translation(rng: random.Random, texts: Texts, shared: tuple[str, ...], slots: dict[str, str]) -> dict[str, str]:
    sentences = [*texts.sentences, *rng.sample(shared, rng.randint(5, len(shared)))]
    paragraphs, start = [], 0
    while start < len(sentences):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[start:start + size]))
        start += size
    return {
        "title": rng.choice(texts.titles).format_map(slots),
        "summary": rng.choice(texts.summaries).format_map(slots),
        "description": "\n\n".join(paragraphs).format_map(slots) + "\n",
    }


# --- owners and vocabularies ------------------------------------------------------------------------


def make_owners(places: list[Place], counties: dict[str, County], seed: int) -> dict[str, Owner]:
    rng = random.Random(f"{seed}:owners")
    owners: dict[str, Owner] = {}
    for place in places:
        editors = [f"{place.slug}-redaktor"] + ([f"{place.slug}-vux"] if place_weight(place) > 1 else [])
        owners[place.slug] = Owner(place.slug, place.municipality_name, "kommun", place.slug,
                                   rng.choice((12, 12, 12, 18)), editors)
    for county in counties.values():
        owners[county.region_slug] = Owner(county.region_slug, county.region, "region", None, 12,
                                           [f"{county.region_slug}-redaktor"])
    for slug, (name, owner_type, _) in corpus.NATIONAL_OWNERS.items():
        months = 6 if slug == "arbetsformedlingen" else rng.choice((12, 24))
        owners[slug] = Owner(slug, name, owner_type, None, months, [f"{slug}-redaktor", f"{slug}-webb"])
    assert len(owners) == len(places) + len(counties) + len(corpus.NATIONAL_OWNERS), "owner slugs collide"
    return owners


def owners_document(owners: dict[str, Owner]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for owner in owners.values():
        row: dict[str, Any] = {"name": owner.name, "type": owner.type}
        if owner.municipality:
            row["municipality"] = owner.municipality
        row["contact"] = f"insatsbas.{owner.slug}@example.org"
        row["editors"] = owner.editors
        if owner.review_months != 12:
            row["review_months"] = owner.review_months
        rows[owner.slug] = row
    return {
        "coordinators": [
            {"handle": "nationell-samordnare", "role": "Nationell samordnare för nyanländas etablering",
             "email": "samordning@example.org"},
            {"handle": "insatsbas-forvaltning", "role": "Systemförvaltare Insatsbas", "email": "insatsbas@example.org"},
        ],
        "owners": rows,
    }


def write_vocabularies(target: Path) -> None:
    target.mkdir(parents=True)
    shutil.copyfile(DATA / "municipalities.yml", target / "municipalities.yml")
    for name in COPIED_VOCABULARIES:
        shutil.copyfile(SAMPLE_VOCABULARIES / f"{name}.yml", target / f"{name}.yml")


def read_checked_vocabularies(vocabularies_dir: Path):
    problems: list[Problem] = []
    vocabularies = read_vocabularies(vocabularies_dir.parent, problems)
    if vocabularies is None or any(p.is_error for p in problems):
        raise click.ClickException("the vocabularies do not validate: " + "; ".join(p.render("en") for p in problems))
    return vocabularies


def check_corpus(vocabularies) -> None:
    """Fail early, naming the term, when catalogue/vocabularies no longer has what the corpus uses."""
    known: dict[str, dict[str, Term]] = {
        "category": vocabularies.categories, "target group": vocabularies.target_groups,
        "language": vocabularies.languages, "residence status": vocabularies.residence_status,
    }
    used = {
        "category": {c for a in corpus.ARCHETYPES for c in a.categories},
        "target group": {t for a in corpus.ARCHETYPES for t in a.target_groups},
        "language": set(LANGUAGE_WEIGHTS) | {"sv"},
        "residence status": {s for a in corpus.ARCHETYPES for s in a.eligibility.residence},
    }
    missing = [f"{kind} {term!r}" for kind, terms in used.items() for term in sorted(terms) if term not in known[kind]]
    if missing:
        raise click.ClickException("benchmarks/corpus.py uses terms the vocabularies lack: " + ", ".join(missing))


# --- writing a catalogue ----------------------------------------------------------------------------


@dataclass
class Generated:
    entries: int
    seconds: float
    cpu_seconds: float
    summary: dict[str, Any]


def cpu_time() -> float:
    """User and system time of this process and its finished children (the worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def generate(entries: int, out: Path, *, seed: int = 1, today: date = DEFAULT_TODAY, force: bool = False,
             jobs: int = 1) -> Generated:
    """Write a catalogue of `entries` interventions into `out`. `out` must not exist, be empty, or (with
    `force`) hold an earlier generated catalogue; it is replaced only when generation has succeeded."""
    started, cpu_started = time.perf_counter(), cpu_time()
    check_output(out, force)
    stage = out.resolve().parent / f".{out.name}.generating-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    try:
        summary = write_catalogue(entries, stage, seed, today, jobs)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if out.exists():
        shutil.rmtree(out)
    stage.rename(out)
    return Generated(entries, time.perf_counter() - started, cpu_time() - cpu_started, summary)


def write_catalogue(entries: int, root: Path, seed: int, today: date, jobs: int) -> dict[str, Any]:
    write_vocabularies(root / "vocabularies")
    generator = CatalogueGenerator(seed, today, root / "vocabularies")
    (root / "owners.yml").write_text(
        "# Generated by benchmarks/generate.py: one owner per municipality, the regions, agencies and "
        "associations.\n" + to_yaml(owners_document(generator.owners)), encoding="utf-8")
    tally = Tally(today, generator.owners)
    used: dict[str, set[str]] = {}
    for owner, slug, text, facts in rendered_entries(entries, generator, root, jobs):
        folder = used.setdefault(owner, set())
        if not folder:
            (root / owner).mkdir()
        unique, number = slug, 1
        while unique in folder:
            number += 1
            unique = f"{slug}-{number}"
        folder.add(unique)
        (root / owner / f"{unique}.yml").write_text(text, encoding="utf-8")
        tally.add(owner, facts)
    summary = {"entries": entries, "seed": seed, "today": today.isoformat(), **tally.summary()}
    (root / MARKER).write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return summary


Rendered = tuple[str, str, str, tuple[Any, ...]]
_worker: CatalogueGenerator | None = None


def render(generator: CatalogueGenerator, index: int) -> Rendered:
    """An entry as owner, slug, YAML text and the facts the tally needs."""
    owner, slug, data = generator.entry(index)
    facts = (data["status"], tuple(data.get("translations", ())), data["municipality"],
             word_count(data["description"]), data["last_reviewed"])
    return owner, slug, to_yaml(data), facts


def _start_worker(seed: int, today: date, vocabularies_dir: Path) -> None:
    global _worker
    _worker = CatalogueGenerator(seed, today, vocabularies_dir)


def _render_in_worker(index: int) -> Rendered:
    assert _worker is not None
    return render(_worker, index)


def rendered_entries(entries: int, generator: CatalogueGenerator, root: Path, jobs: int) -> Iterator[Rendered]:
    """Entries in index order, made in `jobs` processes; the order and content do not depend on `jobs`."""
    if jobs <= 1:
        yield from (render(generator, index) for index in range(entries))
        return
    with multiprocessing.get_context("fork").Pool(
        jobs, initializer=_start_worker, initargs=(generator.seed, generator.today, root / "vocabularies"),
    ) as pool:
        yield from pool.imap(_render_in_worker, range(entries), chunksize=200)


def check_output(out: Path, force: bool) -> None:
    """`out` may be replaced when it is missing, empty, or an earlier generated catalogue and `force` is given."""
    if not out.exists() or (out.is_dir() and not any(out.iterdir())):
        return
    generated = (out / MARKER).is_file()
    if not (force and generated):
        hint = "add --force to replace it" if generated else "it is not a generated catalogue"
        raise click.ClickException(f"{out} is not empty ({hint})")


class Tally:
    """What was generated, for benchmark.json: statuses, translations, lengths, overdue entries."""

    def __init__(self, today: date, owners: dict[str, Owner]):
        self.today = today
        self.owners = owners
        self.statuses: Counter[str] = Counter()
        self.translations: Counter[str] = Counter()
        self.municipalities: set[str] = set()
        self.words: list[int] = []
        self.overdue = 0

    def add(self, owner: str, facts: tuple[Any, ...]) -> None:
        status, translations, municipality, words, last_reviewed = facts
        self.statuses[status] += 1
        self.translations.update(translations)
        self.municipalities.add(municipality)
        self.words.append(words)
        reviewed = date.fromisoformat(last_reviewed)
        if add_months(reviewed, self.owners[owner].review_months) < self.today:
            self.overdue += 1

    def summary(self) -> dict[str, Any]:
        return {
            "statuses": dict(sorted(self.statuses.items())),
            "translations": dict(sorted(self.translations.items())),
            "municipalities": len(self.municipalities),
            "overdue": self.overdue,
            "description_words": {"min": min(self.words), "mean": round(sum(self.words) / len(self.words), 1),
                                  "max": max(self.words)},
        }


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("entries", type=click.IntRange(min=1))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the catalogue into (benchmarks/out/ is ignored by git).")
@click.option("--seed", default=1, show_default=True, help="Same seed, same catalogue, byte for byte.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=DEFAULT_TODAY.isoformat(),
              show_default=True, help="Review dates count back from this day; build on or after it.")
@click.option("--force", is_flag=True, help="Replace OUT if it holds an earlier generated catalogue.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="CPU count",
              help="Processes that compose entries; the output is the same for any number.")
def main(entries: int, out: Path, seed: int, today, force: bool, jobs: int) -> None:
    """Generate a synthetic catalogue of ENTRIES interventions over all 290 Swedish municipalities."""
    result = generate(entries, out, seed=seed, today=today.date(), force=force, jobs=jobs)
    summary = result.summary
    click.echo(f"{entries} entries in {out} ({summary['municipalities']} municipalities, "
               f"translations {summary['translations']}, statuses {summary['statuses']}, "
               f"{summary['overdue']} overdue, description words {summary['description_words']}) "
               f"in {result.seconds:.1f} s ({result.cpu_seconds:.1f} s CPU, {jobs} jobs)")


if __name__ == "__main__":
    main()
