"""Read and validate the catalogue folder into a `Catalogue`, collecting every problem on the way.

Structure and types are checked by the JSON Schemas in `sources/schema.py` (their errors become Swedish
messages in `sources/schema_messages.py`); what a schema cannot say (dates that exist, ranges in order,
files in the right folders) is checked here. Problems are collected, never
raised one at a time, so an editor sees everything that is wrong in one run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from insatsbas.i18n import N_
from insatsbas.model import (
    Catalogue,
    Contact,
    Coordinator,
    Cost,
    County,
    Eligibility,
    HowToApply,
    Intervention,
    Location,
    MonthsInSweden,
    Municipality,
    OpeningHours,
    Owner,
    Provider,
    Region,
    Schedule,
    Term,
    Translation,
    Vocabularies,
    add_months,
)
from insatsbas.newcomers import read_newcomers
from insatsbas.sources import pasted
from insatsbas.sources import schema as schemas
from insatsbas.sources.codes import code_lists
from insatsbas.sources.files import (
    ENTRY_SUFFIXES,
    OWNERS_FILE,
    REGION_FILE,
    VOCABULARY_DIR,
    ProblemLog,
    check_schema,
    display_path,
    read_checked,
    read_yaml,
)
from insatsbas.sources.problems import CatalogueInvalid, Problem, Severity, SortedByGravity
from insatsbas.sources.read_cache import CacheFile, ReadCache
from insatsbas.sources.schema_messages import SchemaChecker
from insatsbas.sources.text import did_you_mean, field_name, slugify
from insatsbas.sources.yamlsource import Document, KeyPath
from insatsbas.synonyms import read_synonyms

SLUG = re.compile(schemas.SLUG_PATTERN)


@dataclass
class ReadResult(SortedByGravity):
    catalogue: Catalogue | None
    problems: list[Problem] = field(default_factory=list)


def read_catalogue(root: Path, *, today: date | None = None, only: Callable[[Path], bool] | None = None,
                   cache: CacheFile | None = None) -> ReadResult:
    """Read everything under `root`. The catalogue is None when any error was found.

    With `only`, just the entry files it accepts are read (the shared files always are). With `cache`, what
    reading the same bytes at the same path gave before is taken from it (sources/read_cache.py); the caller
    saves it."""
    today = today or date.today()
    problems: list[Problem] = []
    vocabularies = read_vocabularies(root, problems)
    if vocabularies is None:
        return ReadResult(None, problems)
    owners_data = read_owners(root, vocabularies, problems)
    if owners_data is None:
        return ReadResult(None, problems)
    owners, coordinators = owners_data
    region = read_region(root, problems)
    validator = SchemaChecker(schemas.entry_schema(vocabularies), code_lists(vocabularies))
    read = partial(read_entry, root, validator=validator, owners=owners, today=today)
    if cache is not None:
        read = partial(read_entry_cached, read, cache.open(vocabularies, owners, today), root)
    interventions = [
        entry
        for path in entry_paths(root, owners, problems)
        if (only is None or only(path)) and (entry := read(path, problems=problems)) is not None
    ]
    check_unique_hsds_ids(interventions, problems)
    synonyms = read_synonyms(root, problems)
    newcomers = read_newcomers(root, vocabularies, problems)
    if region is None or any(p.is_error for p in problems):
        return ReadResult(None, problems)
    interventions.sort(key=lambda i: i.id)
    return ReadResult(Catalogue(vocabularies, owners, tuple(coordinators), tuple(interventions), region,
                                synonyms=synonyms, newcomers=newcomers, as_of=today), problems)


def check_unique_hsds_ids(interventions: list[Intervention], problems: list[Problem]) -> None:
    """One HSDS source id belongs to one entry: it is the entry's service id in the export."""
    first: dict[str, str] = {}
    for entry in sorted(interventions, key=lambda i: i.id):
        if entry.hsds_id is None:
            continue
        if entry.hsds_id not in first:
            first[entry.hsds_id] = entry.source
            continue
        lines = Path(entry.source).read_text(encoding="utf-8").splitlines()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("hsds_id:")), 1)
        problems.append(Problem(entry.source, line, 1, N_("hsds_id {id} finns redan i {other}. Ett id från HSDS-"
                                                          "källan hör till en enda insats; ta bort raden här."),
                                {"id": entry.hsds_id, "other": first[entry.hsds_id]}))


def load_catalogue(root: Path, *, today: date | None = None) -> Catalogue:
    """The checked catalogue, or CatalogueInvalid carrying every problem."""
    result = read_catalogue(root, today=today)
    if result.catalogue is None:
        raise CatalogueInvalid(result.problems)
    return result.catalogue


# --- vocabularies and owners -------------------------------------------------------------------


# The entries' vocabularies, and the counties their municipalities are in.
VOCABULARY_FILES = (*Vocabularies.NAMES, "counties")


def read_vocabularies(root: Path, problems: list[Problem]) -> Vocabularies | None:
    loaded: dict[str, dict[str, Any]] = {}
    documents: dict[str, tuple[Document, ProblemLog]] = {}
    for name in VOCABULARY_FILES:
        checked = read_checked(root, root / VOCABULARY_DIR / f"{name}.yml", schemas.vocabulary_schema(name), problems)
        if checked is None:
            continue
        document, log = checked
        key = "code" if name == "counties" else "slug"
        terms: dict[str, Term] = {}
        for index, item in enumerate(document.data):
            if item[key] in terms:
                log.add((index, key), N_("Termen «{slug}» finns redan i filen."), slug=item[key])
                continue
            terms[item[key]] = make_term(name, item)
        loaded[name], documents[name] = terms, checked
    if len(loaded) != len(VOCABULARY_FILES):
        return None
    if not counties_known(*documents["municipalities"], loaded["counties"]):
        return None
    return Vocabularies(**loaded)


def counties_known(municipalities: Document, log: ProblemLog, counties: dict[str, Term]) -> bool:
    """Every municipality's county (the first two digits of its code) is in counties.yml."""
    before = log.count()
    for index, item in enumerate(municipalities.data):
        if item["code"][:2] not in counties:
            log.add((index, "code"), N_("Kommunkoden {code} hör till länskod {county}, som saknas i "
                                        "vocabularies/counties.yml. Lägg till länet där eller rätta koden."),
                    code=item["code"], county=item["code"][:2])
    return log.count() == before


def make_term(vocabulary: str, item: dict[str, Any]) -> Term:
    description = item.get("description") or {}
    if vocabulary == "municipalities":
        return Municipality(slug=item["slug"], label=item["label"], description=description,
                            code=item["code"], name=item["name"])
    if vocabulary == "counties":
        return County(slug=item["code"], label=item["label"], description=description)
    extra = {"native": item["native"]} if "native" in item else {}
    return Term(slug=item["slug"], label=item["label"], description=description, extra=extra)


def read_region(root: Path, problems: list[Problem]) -> Region | None:
    checked = read_checked(root, root / REGION_FILE, schemas.region_schema(), problems)
    if checked is None:
        return None
    data = checked[0].data
    return Region(name=dict(data["name"]), in_region=dict(data["in_region"]),
                  site_url=data.get("site_url") or None)


def read_owners(root: Path, vocabularies: Vocabularies,
                problems: list[Problem]) -> tuple[dict[str, Owner], list[Coordinator]] | None:
    checked = read_checked(root, root / OWNERS_FILE, schemas.owners_schema(list(vocabularies.municipalities)), problems)
    if checked is None:
        return None
    document, _ = checked
    owners = {
        slug: Owner(
            slug=slug, name=data["name"], type=data["type"], contact=data["contact"],
            editors=tuple(data["editors"]), municipality=data.get("municipality"),
            review_months=data.get("review_months") or 12,
        )
        for slug, data in document.data["owners"].items()
    }
    coordinators = [Coordinator(c["handle"], c["role"], c["email"]) for c in document.data["coordinators"]]
    return owners, coordinators


# --- entries ----------------------------------------------------------------------------------


def entry_paths(root: Path, owners: dict[str, Owner], problems: list[Problem]) -> list[Path]:
    """Every entry file, after checking folders, file names and slug collisions."""
    paths: list[Path] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != VOCABULARY_DIR):
        if folder.name.startswith("."):
            continue
        # .yml before .yaml, so that of two files with the same slug the .yaml one is reported.
        files = sorted((p for p in folder.iterdir() if p.is_file() and p.suffix in ENTRY_SUFFIXES),
                       key=lambda p: (p.stem, ENTRY_SUFFIXES.index(p.suffix)))
        if folder.name not in owners:
            known = did_you_mean(folder.name, owners) or ""
            for path in files or [folder]:
                problems.append(Problem(
                    display_path(root, path), 1, 1,
                    N_("Mappen «{folder}» finns inte i owners.yml.{hint} En samordnare lägger till ägaren där."),
                    {"folder": folder.name, "hint": known},
                ))
            continue
        seen: dict[str, Path] = {}
        for path in files:
            slug = path.stem
            if not SLUG.fullmatch(slug):
                problems.append(Problem(
                    display_path(root, path), 1, 1,
                    N_("Filnamnet «{name}» går inte att använda. Använd bara a-z, 0-9 och bindestreck, "
                       "till exempel «{suggestion}.yml»."),
                    {"name": path.name, "suggestion": slugify(slug) or "insats"},
                ))
                continue
            if slug in seen:
                problems.append(Problem(
                    display_path(root, path), 1, 1,
                    N_("Id:t «{id}» används redan av {other}. Byt namn på en av filerna."),
                    {"id": f"{folder.name}/{slug}", "other": seen[slug].name},
                ))
                continue
            seen[slug] = path
            paths.append(path)
    return paths


def read_entry_cached(read: Callable[..., Intervention | None], cache: ReadCache, root: Path, path: Path, *,
                      problems: list[Problem]) -> Intervention | None:
    """`read` an entry file, or take what reading the same bytes at the same place in a catalogue gave before
    (shown at the path it has now, when the catalogue moved or the command runs from elsewhere)."""
    try:
        content = path.read_bytes()
    except OSError:
        return read(path, problems=problems)
    shown = display_path(root, path)

    def outcome() -> tuple[Intervention | None, list[Problem], str]:
        found: list[Problem] = []
        return read(path, problems=found), found, shown

    key = cache.key(path.relative_to(root).as_posix(), content)
    entry, found, shown_then = cache.outcome(key, outcome)
    if shown_then != shown:
        entry = replace(entry, source=shown) if entry is not None else None
        found = [replace(problem, path=shown) if problem.path == shown_then else problem for problem in found]
    problems.extend(found)
    return entry


def read_entry(root: Path, path: Path, *, validator: SchemaChecker, owners: dict[str, Owner],
               today: date, problems: list[Problem]) -> Intervention | None:
    log = ProblemLog(display_path(root, path), problems)
    document = read_yaml(root, path, log)
    if document is None:
        return None
    before = log.count()
    if not isinstance(document.data, dict):
        log.add((), N_("Filen ska innehålla fälten för en insats (title:, summary: ...), inte en lista eller ett värde."))
        return None
    check_schema(document, validator, log)
    if log.count() > before:
        return None
    data = cleaned(document, log)
    dates = check_entry_semantics(data, log, today)
    if log.count() > before:
        return None
    entry = make_intervention(path.parent.name, path.stem, log.path, data, dates)
    owner = owners[entry.owner]
    due = add_months(entry.last_reviewed, owner.review_months)
    if due < today:
        log.add(("last_reviewed",), N_("Granskades senast {date} och skulle ha granskats igen senast {due} "
                                       "({months} månaders intervall). Kontrollera uppgifterna och uppdatera last_reviewed."),
                severity=Severity.WARNING, date=entry.last_reviewed.isoformat(), due=due.isoformat(),
                months=owner.review_months)
    return entry


def cleaned(document: Document, log: ProblemLog) -> dict[str, Any]:
    """The entry with characters pasted from Word cleaned out of its texts, and a warning for each text."""
    if not pasted.may_hold_any(document.source) and "\\" not in document.source:
        return document.data  # nothing pasted, and no escape (\u00a0) that could write it
    found_any = False
    for path, value in texts(document.data):
        found = pasted.found_in(value, in_number=pasted.is_number_field(path))
        if found:
            found_any = True
            log.add_at(*document.position_of(path, found[0].character), N_(
                "«{field}» innehåller tecken från inklistrad text: {characters}. Texten används rensad, med vanliga "
                "mellanslag och bindestreck och utan osynliga tecken; `insatsbas format` eller webbredigeraren "
                "skriver den rensade texten i filen."),
                severity=Severity.WARNING, field=field_name(path), characters=pasted.names(found))
    return pasted.clean_data(document.data) if found_any else document.data


def texts(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, (*path, index))


def check_entry_semantics(data: dict[str, Any], log: ProblemLog, today: date) -> dict[KeyPath, date]:
    """Rules that depend on today or that the schema leaves to us. Returns the dates by their path.

    The schema has already refused dates that do not exist, closing before opening and a minimum above
    its maximum, so yaml-language-server in the editor's VS Code says no to them too."""
    dates: dict[KeyPath, date] = {("last_reviewed",): date.fromisoformat(data["last_reviewed"])}
    schedule = data.get("schedule") or {}
    for key in ("valid_from", "valid_to"):
        if schedule.get(key) is not None:
            dates[("schedule", key)] = date.fromisoformat(schedule[key])
    reviewed = dates[("last_reviewed",)]
    if reviewed > today:
        log.add(("last_reviewed",), N_("last_reviewed ({value}) ligger i framtiden. Skriv dagen då uppgifterna "
                                       "faktiskt granskades."), value=reviewed.isoformat())
    unconfirmed = data.get("unconfirmed") or []
    if unconfirmed and data.get("status") == "draft":
        log.add(("unconfirmed",), N_("Utkastet har värden som importen fyllde i och som ingen har bekräftat: "
                                     "{fields}. Kontrollera dem, ta bort raden unconfirmed och sätt status: active."),
                severity=Severity.WARNING, fields=", ".join(unconfirmed))
    elif unconfirmed:
        log.add(("unconfirmed",), N_("Värden som ingen har bekräftat kan inte publiceras: {fields}. Kontrollera "
                                     "dem och ta bort raden unconfirmed, eller sätt status: draft."),
                fields=", ".join(unconfirmed))
    start, end = dates.get(("schedule", "valid_from")), dates.get(("schedule", "valid_to"))
    if start and end and start > end:
        log.add(("schedule", "valid_to"), N_("valid_to ({end}) är före valid_from ({start})."),
                start=start.isoformat(), end=end.isoformat())
    check_translated_fields(data, log)
    return dates


# A translation's optional fields and the Swedish text each translates (lists: item by item).
TRANSLATED_TEXTS = {"how_to_apply": ("how_to_apply", "description"), "eligibility": ("eligibility", "description"),
                    "schedule": ("schedule", "description"), "cost": ("cost", "description")}


def check_translated_fields(data: dict[str, Any], log: ProblemLog) -> None:
    """A translated field needs the Swedish text it translates, and a translated list no more items than the
    Swedish one (accessibility: one per location), or the page could not show it."""
    swedish_lists = {"required_documents": ("required_documents", len(data.get("required_documents") or ())),
                     "accessibility": ("locations", len(data.get("locations") or ()))}
    for language, translation in (data.get("translations") or {}).items():
        for name, (group, key) in TRANSLATED_TEXTS.items():
            if translation.get(name) and not (data.get(group) or {}).get(key):
                log.add(("translations", language, name), N_(
                    "translations.{code}.{field} översätter {swedish}, som saknas. Skriv den svenska texten "
                    "i {swedish}, eller ta bort översättningen."), code=language, field=name,
                    swedish=f"{group}.{key}")
        for name, (swedish, count) in swedish_lists.items():
            items = translation.get(name) or ()
            if len(items) > count:
                log.add(("translations", language, name), N_(
                    "translations.{code}.{field} har {items} rader, men {swedish} har {count}. Skriv en rad för "
                    "varje i {swedish}, i samma ordning."), code=language, field=name, items=len(items),
                    swedish=swedish, count=count)


def make_intervention(owner: str, slug: str, source: str, data: dict[str, Any],
                      dates: dict[KeyPath, date]) -> Intervention:
    eligibility = data.get("eligibility") or {}
    schedule = data.get("schedule")
    return Intervention(
        owner=owner,
        slug=slug,
        source=source,
        title=data["title"].strip(),
        summary=" ".join(data["summary"].split()),
        description=data["description"],
        status=data["status"],
        provider=Provider(**data["provider"]),
        municipality=data["municipality"],
        categories=tuple(data["categories"]),
        target_groups=tuple(data["target_groups"]),
        languages=tuple(data["languages"]),
        how_to_apply=HowToApply(**data["how_to_apply"]),
        contact=Contact(**data["contact"]),
        last_reviewed=dates[("last_reviewed",)],
        reviewed_by=data["reviewed_by"],
        service_area=tuple(data.get("service_area") or ()),
        eligibility=Eligibility(
            residence_status=tuple(eligibility.get("residence_status") or ()),
            min_age=eligibility.get("min_age"),
            max_age=eligibility.get("max_age"),
            gender=eligibility.get("gender"),
            months_in_sweden=MonthsInSweden(**(eligibility.get("months_in_sweden") or {})),
            description=eligibility.get("description"),
        ),
        locations=tuple(Location(**location) for location in data.get("locations") or ()),
        schedule=Schedule(
            description=schedule.get("description"),
            valid_from=dates.get(("schedule", "valid_from")),
            valid_to=dates.get(("schedule", "valid_to")),
            hours=tuple(OpeningHours(tuple(h["days"]), h["opens"], h["closes"]) for h in schedule.get("hours") or ()),
        ) if schedule else None,
        cost=Cost(**(data.get("cost") or {})),
        capacity=data.get("capacity"),
        required_documents=tuple(data.get("required_documents") or ()),
        funding=tuple(data.get("funding") or ()),
        keywords=tuple(data.get("keywords") or ()),
        translations={code: translation(text) for code, text in (data.get("translations") or {}).items()},
        hsds_id=data.get("hsds_id"),
        unconfirmed=tuple(data.get("unconfirmed") or ()),
    )


def translation(data: dict[str, Any]) -> Translation:
    """A validated translation; a field left empty (`schedule:`) is not translated."""
    lists = ("required_documents", "accessibility")
    return Translation(**{key: (tuple(value) if key in lists else value)
                          for key, value in data.items() if value not in (None, [], "")})
