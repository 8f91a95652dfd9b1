"""Read and validate the catalogue folder into a `Catalogue`, collecting every problem on the way.

Structure and types are checked by the JSON Schemas in `schema.py`; what a schema cannot say (dates
that exist, ranges in order, files in the right folders) is checked here. Problems are collected, never
raised one at a time, so an editor sees everything that is wrong in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError

from insatsbas.i18n import N_
from insatsbas.model import (
    Catalogue,
    Contact,
    Coordinator,
    Cost,
    Eligibility,
    HowToApply,
    Intervention,
    Location,
    MonthsInSweden,
    Municipality,
    OpeningHours,
    Owner,
    Provider,
    Schedule,
    Term,
    Translation,
    Vocabularies,
    add_months,
)
from insatsbas.sources import pasted
from insatsbas.sources import schema as schemas
from insatsbas.sources.codes import CodeLists, code_lists
from insatsbas.sources.problems import CatalogueInvalid, Message, Problem, Severity, SortedByGravity
from insatsbas.sources.yamlsource import Document, KeyPath, YamlSourceError, read_document

VOCABULARY_DIR = "vocabularies"
OWNERS_FILE = "owners.yml"
ENTRY_SUFFIXES = (".yml", ".yaml")
SLUG = re.compile(schemas.SLUG_PATTERN)


@dataclass
class ReadResult(SortedByGravity):
    catalogue: Catalogue | None
    problems: list[Problem] = field(default_factory=list)



class ProblemLog:
    """Collects problems for one file, placing each at the position of the part it is about."""

    def __init__(self, path: str, sink: list[Problem]):
        self.path = path
        self.sink = sink
        self.document: Document | None = None
        self.errors = 0

    def add(self, where: KeyPath, message: str, *, key: bool = False,
            severity: Severity = Severity.ERROR, **params: object) -> None:
        """A problem about the part of the document at `where` (a key path)."""
        line, column = self.document.position(where, key=key) if self.document else (1, 1)
        self.add_at(line, column, message, severity=severity, **params)

    def add_at(self, line: int, column: int, message: str, *, severity: Severity = Severity.ERROR,
               **params: object) -> None:
        self.sink.append(Problem(self.path, line, column, message, params, severity))
        if severity is Severity.ERROR:
            self.errors += 1

    def count(self) -> int:
        """Errors this log has added (kept as a counter: scanning the sink per file made reading quadratic)."""
        return self.errors


def read_catalogue(root: Path, *, today: date | None = None,
                   only: Callable[[Path], bool] | None = None) -> ReadResult:
    """Read everything under `root`. The catalogue is None when any error was found.

    With `only`, just the entry files it accepts are read (the shared files always are)."""
    today = today or date.today()
    problems: list[Problem] = []
    vocabularies = read_vocabularies(root, problems)
    if vocabularies is None:
        return ReadResult(None, problems)
    owners_data = read_owners(root, vocabularies, problems)
    if owners_data is None:
        return ReadResult(None, problems)
    owners, coordinators = owners_data
    validator = SchemaChecker(schemas.entry_schema(vocabularies), code_lists(vocabularies))
    interventions = [
        entry
        for path in entry_paths(root, owners, problems)
        if (only is None or only(path)) and (entry := read_entry(root, path, validator, owners, today, problems))
        is not None
    ]
    # Imported here: both modules use this module's helpers for reading and reporting.
    from insatsbas.newcomers import read_newcomers
    from insatsbas.synonyms import read_synonyms

    synonyms = read_synonyms(root, problems)
    newcomers = read_newcomers(root, vocabularies, problems)
    if any(p.is_error for p in problems):
        return ReadResult(None, problems)
    interventions.sort(key=lambda i: i.id)
    return ReadResult(Catalogue(vocabularies, owners, tuple(coordinators), tuple(interventions),
                                synonyms=synonyms, newcomers=newcomers, as_of=today), problems)


def load_catalogue(root: Path, *, today: date | None = None) -> Catalogue:
    """The checked catalogue, or CatalogueInvalid carrying every problem."""
    result = read_catalogue(root, today=today)
    if result.catalogue is None:
        raise CatalogueInvalid(result.problems)
    return result.catalogue


def display_path(root: Path, path: Path) -> str:
    """The path as an editor would type it: relative to where the command runs, when it is below."""
    shown_root = _shown_root(root)
    try:
        return str(shown_root / path.relative_to(root))
    except ValueError:
        return str(path)


@lru_cache(maxsize=8)
def _shown_root(root: Path) -> Path:
    resolved = root.resolve()
    try:
        return resolved.relative_to(Path.cwd())
    except ValueError:
        return resolved


def read_yaml(root: Path, path: Path, log: ProblemLog) -> Document | None:
    try:
        document = read_document(path)
    except FileNotFoundError:
        log.add_at(1, 1, N_("Filen saknas. Den ska finnas i katalogen."))
        return None
    except YamlSourceError as error:
        for found in (error, *error.more):
            log.add_at(found.line, found.column, found.message, **found.params)
        return None
    log.document = document
    return document


def read_checked(root: Path, path: Path, schema: dict[str, Any],
                 problems: list[Problem]) -> tuple[Document, ProblemLog] | None:
    """A file read and checked against its schema, with its log for the caller's own checks; None when
    either step found a problem (reported)."""
    log = ProblemLog(display_path(root, path), problems)
    document = read_yaml(root, path, log)
    if document is None:
        return None
    before = log.count()
    check_schema(document, Draft202012Validator(schema), log)
    return None if log.count() > before else (document, log)


# --- vocabularies and owners -------------------------------------------------------------------


def read_vocabularies(root: Path, problems: list[Problem]) -> Vocabularies | None:
    loaded: dict[str, dict[str, Any]] = {}
    for name in Vocabularies.NAMES:
        checked = read_checked(root, root / VOCABULARY_DIR / f"{name}.yml", schemas.vocabulary_schema(name), problems)
        if checked is None:
            continue
        document, log = checked
        terms: dict[str, Term] = {}
        for index, item in enumerate(document.data):
            if item["slug"] in terms:
                log.add((index, "slug"), N_("Termen «{slug}» finns redan i filen."), slug=item["slug"])
                continue
            terms[item["slug"]] = make_term(name, item)
        loaded[name] = terms
    if len(loaded) != len(Vocabularies.NAMES):
        return None
    return Vocabularies(**loaded)


def make_term(vocabulary: str, item: dict[str, Any]) -> Term:
    if vocabulary == "municipalities":
        return Municipality(slug=item["slug"], label=item["label"], description=item.get("description") or {},
                            code=item["code"], name=item["name"])
    extra = {"native": item["native"]} if "native" in item else {}
    return Term(slug=item["slug"], label=item["label"], description=item.get("description") or {}, extra=extra)


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


def read_entry(root: Path, path: Path, validator: SchemaChecker, owners: dict[str, Owner],
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
    start, end = dates.get(("schedule", "valid_from")), dates.get(("schedule", "valid_to"))
    if start and end and start > end:
        log.add(("schedule", "valid_to"), N_("valid_to ({end}) är före valid_from ({start})."),
                start=start.isoformat(), end=end.isoformat())
    return dates


def get_path(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


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
        translations={code: Translation(**text) for code, text in (data.get("translations") or {}).items()},
    )


# --- schema errors as messages an editor can act on ---------------------------------------------


class SchemaChecker:
    """jsonschema behind a compiled gate: jsonschema-rs answers "valid?" about forty times faster, and only
    a document it rejects is walked by jsonschema, whose errors the Swedish messages are built from.
    jsonschema stays the authority: a document the gate rejects but jsonschema accepts is valid.
    `codes` are the code lists the schema's enums come from, for labels and suggestions in messages."""

    def __init__(self, schema: dict[str, Any], codes: CodeLists | None = None):
        self.schema = schema
        self.codes = codes
        self.authority = Draft202012Validator(schema)
        # Formats are not asserted, as jsonschema does not assert them without a format checker.
        self.gate = jsonschema_rs.validator_for(schema, validate_formats=False)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        if self.gate.is_valid(instance):
            return iter(())
        return self.authority.iter_errors(instance)


def check_schema(document: Document, validator: Draft202012Validator | SchemaChecker, log: ProblemLog) -> None:
    """Report schema violations, one per place, with the most useful message first."""
    seen: set[KeyPath] = set()
    context = Context(document, getattr(validator, "codes", None))
    errors = sorted(validator.iter_errors(without_empty_fields(document.data, validator.schema)), key=error_order)
    for error in errors:
        path = tuple(error.absolute_path)
        place = (*path, "<key>") if error.validator in ("additionalProperties", "propertyNames") else path
        if place in seen and error.validator != "additionalProperties":
            continue
        seen.add(place)
        for where, message, key, params in describe(error, context):
            log.add(where, message, key=key, **params)


def without_empty_fields(data: Any, schema: dict[str, Any]) -> Any:
    """An empty value (`key:`) of a known field means the field is absent; an unknown key stays, to be reported."""
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        kept = {}
        for key, value in data.items():
            field_schema = properties.get(key, extra if isinstance(extra, dict) else None)
            if value is None and field_schema is not None:
                continue
            kept[key] = without_empty_fields(value, field_schema or {})
        return kept
    if isinstance(data, list):
        return [without_empty_fields(value, schema.get("items", {})) for value in data]
    return data


_ORDER = {"type": 0, "required": 1, "additionalProperties": 2, "enum": 3}


def error_order(error: ValidationError) -> tuple[Any, ...]:
    return (tuple(str(p) for p in error.absolute_path), _ORDER.get(str(error.validator), 9))


def field_name(path: Iterable[str | int]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "filen"


@dataclass(frozen=True)
class Context:
    """What a describer may use besides the error: the document (positions, what was typed) and the code lists."""

    document: Document
    codes: CodeLists | None = None


Description = tuple[KeyPath, str, bool, dict[str, object]]
Describer = Callable[[ValidationError, Context], list[Description]]
_DESCRIBERS: dict[str, Describer] = {}
# Rules between two fields are known by the message the schema gives the editor's VS Code.
_RULE_DESCRIBERS: dict[str, Describer] = {}


def describes(*validators: str):
    def register(function):
        for name in validators:
            _DESCRIBERS[name] = function
        return function
    return register


def describes_rule(*messages: str):
    def register(function):
        for message in messages:
            _RULE_DESCRIBERS[message] = function
        return function
    return register


def describe(error: ValidationError, context: Context) -> list[Description]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    rule = _RULE_DESCRIBERS.get(schema.get("patternErrorMessage") or schema.get("errorMessage") or "")
    if rule:
        return rule(error, context)
    describer = _DESCRIBERS.get(str(error.validator), describe_other)
    return describer(error, context)


@describes_rule(schemas.CLOSES_MESSAGE)
def describe_closing_before_opening(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    hours = get_path(context.document.data, path[:-1])
    return [(path, N_("Sluttiden {closes} måste vara efter starttiden {opens}."), False,
             {"opens": hours["opens"], "closes": hours["closes"]})]


@describes_rule(schemas.AGES_MESSAGE, schemas.MONTHS_MESSAGE)
def describe_range_out_of_order(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    low, high = ("min_age", "max_age") if path[-1] == "max_age" else ("min", "max")
    group = get_path(context.document.data, path[:-1])
    return [(path, N_("{low} ({low_value}) är större än {high} ({high_value})."), False,
             {"low": low, "high": high, "low_value": group[low], "high_value": group[high]})]


@describes("additionalProperties")
def describe_unknown_field(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    allowed = list(error.schema.get("properties", {}))
    extra = [key for key in error.instance if key not in allowed]
    return [((*path, key), *unknown_key(key, allowed, group_holding(key, error.schema))) for key in extra]


def unknown_key(key: str, allowed: list[str], group: str | None = None) -> tuple[str, bool, dict[str, object]]:
    found = pasted_or_quoted(key)
    if found and pasted.clean(key).strip() in allowed:
        return (N_("Fältnamnet «{field}» innehåller {character}. Ta bort tecknet och skriv namnet igen: {meant}:"),
                True, {"field": key, "character": found.message, "meant": pasted.clean(key).strip()})
    if group is not None:
        return (N_("Fältet «{field}» hör till «{group}». Dra in raden under {group}:, lika mycket som gruppens "
                   "andra fält."), True, {"field": key, "group": group})
    return N_("Okänt fält «{field}».{hint}"), True, {"field": key, "hint": hint(key, allowed)}


def group_holding(key: str, schema: dict[str, Any]) -> str | None:
    """The group (a field with fields of its own) that has a field named `key`, when `key` is not a field here."""
    for name, field_schema in schema.get("properties", {}).items():
        if isinstance(field_schema, dict) and key in field_schema.get("properties", {}):
            return name
    return None


@describes("propertyNames")
def describe_bad_key(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    key = error.instance if isinstance(error.instance, str) else ""
    options = [o for o in error.schema.get("enum") or [] if o is not None]
    bad = [k for k in (error.instance if isinstance(error.instance, dict) else [key]) if options and k not in options]
    return [((*path, k), N_("«{value}» går inte att använda här.{hint}"), True,
             {"value": k, "hint": code_hint(k, options, context.codes)}) for k in bad or [key]]


@describes("required")
def describe_missing(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    missing = [name for name in error.validator_value if name not in error.instance]
    return [
        (path, N_("Fältet «{field}» saknas. Det är obligatoriskt."), bool(path), {"field": field_name((*path, name))})
        for name in missing
    ]


@describes("anyOf")
def describe_contact_way(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    return [(path, N_("Ange minst ett sätt att nå er under «{field}»: phone, email eller url."), bool(path),
             {"field": field_name(path)})]


@describes("enum")
def describe_unknown_term(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    value = str(error.instance)
    options = [str(o) for o in error.validator_value if o is not None]
    found = pasted_or_quoted(value)
    if found and pasted.clean(value).strip(QUOTES) in options:
        return [(path, N_("«{value}» i «{field}» innehåller {character}. Ta bort tecknet: {meant}"), False,
                 {"value": value, "field": field_name(path), "character": found.message,
                  "meant": pasted.clean(value).strip(QUOTES)})]
    return [(path, N_("Okänt värde «{value}» i «{field}».{hint}"), False,
             {"value": error.instance, "field": field_name(path), "hint": code_hint(value, options, context.codes)})]


_TYPE_MESSAGES = {
    "integer": N_("«{field}» ska vara ett heltal, till exempel {field_leaf}: 18."),
    "number": N_("«{field}» ska vara ett tal med decimalpunkt, till exempel {field_leaf}: 59.2365."),
    "boolean": N_("«{field}» ska vara true eller false."),
    "array": N_("«{field}» ska vara en lista, till exempel {field_leaf}: [{value}]."),
    "object": N_("«{field}» ska vara en grupp av fält på egna rader under {field_leaf}:."),
}


@describes("type")
def describe_wrong_type(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    expected = error.validator_value
    if isinstance(expected, list):  # an optional field, which may also be left empty
        expected = next(kind for kind in expected if kind != "null")
    leaf = str(path[-1]) if path and isinstance(path[-1], str) else field_name(path)
    if expected == "string":
        return describe_not_text(error, context, path, leaf)
    message = _TYPE_MESSAGES.get(expected, N_("«{field}» har fel typ."))
    value = error.instance if isinstance(error.instance, (str, int, float)) else "..."
    return [(path, message, False, {"field": field_name(path), "field_leaf": leaf, "value": value})]


def describe_not_text(error: ValidationError, context: Context, path: KeyPath, leaf: str) -> list[Description]:
    value = error.instance
    shown = context.document.typed.get(path) or (str(value).lower() if isinstance(value, bool) else str(value))
    if isinstance(value, (int, float, bool)) and path and isinstance(path[-1], int):
        return [(path, N_("«{field}» ska vara text. Sätt värdet inom citattecken: \"{value}\""),
                 False, {"field": field_name(path), "value": shown})]
    if isinstance(value, (int, float, bool)):
        return [(path, N_("«{field}» ska vara text. Sätt värdet inom citattecken: {field_leaf}: \"{value}\""),
                 False, {"field": field_name(path), "field_leaf": leaf, "value": shown})]
    return [(path, N_("«{field}» ska vara text, inte en lista eller grupp."), False, {"field": field_name(path)})]


_PATTERN_MESSAGES = {
    schemas.DATE_PATTERN: N_("«{field}» ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-15 (inte «{value}»)."),
    schemas.TIME_PATTERN: N_("«{field}» ska vara en tid som \"HH:MM\" inom citattecken, till exempel \"09:30\" (inte «{value}»)."),
    schemas.PHONE_PATTERN_AS_TYPED: N_("«{field}» ska vara ett telefonnummer inom citattecken, till exempel \"08-123 45 67\" (inte «{value}»)."),
    schemas.EMAIL_PATTERN: N_("«{field}» ska vara en e-postadress, till exempel info@example.org (inte «{value}»)."),
    schemas.URL_PATTERN: N_("«{field}» ska vara en webbadress som börjar med https:// (inte «{value}»)."),
    schemas.POSTAL_CODE_PATTERN_AS_TYPED: N_("«{field}» ska vara ett postnummer inom citattecken, till exempel \"141 30\" (inte «{value}»)."),
    schemas.NOT_BLANK: N_("«{field}» får inte vara tomt."),
    schemas.NO_HTML: N_("Sammanfattningen ska vara ren text, utan HTML. Lägg formatering i description."),
}


@describes("pattern")
def describe_pattern(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    value = str(error.instance)
    params = {"field": field_name(path), "value": value}
    wrapped = wrapped_in_typographic_quotes(value)
    if wrapped and path and isinstance(path[-1], str):
        return [(path, N_("Värdet står inom {character}, som YAML inte läser som citattecken. Skriv raka "
                          "citattecken: {field_leaf}: \"{meant}\""), False,
                 {**params, "character": wrapped.message, "field_leaf": path[-1], "meant": value[1:-1]})]
    found = pasted_or_quoted(value)
    if found and error.validator_value != schemas.NO_HTML:
        line, column = context.document.position_of(path, found.character)
        return [(path, N_("«{field}» innehåller {character} (rad {line}, kolumn {column}), som inte hör hemma i "
                          "värdet. Ta bort det och skriv om tecknen runt det."), False,
                 {**params, "character": found.message, "line": line, "column": column})]
    if error.validator_value == schemas.DATE_PATTERN and re.fullmatch(schemas.DATE_SHAPE, value):
        return [(path, N_("Datumet {value} finns inte. Skriv ett riktigt datum som ÅÅÅÅ-MM-DD."), False, params)]
    message = _PATTERN_MESSAGES.get(error.validator_value, N_("«{value}» har fel form för «{field}»."))
    return [(path, message, False, params)]


@describes("maxLength")
def describe_too_long(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    return [(path, N_("«{field}» är {length} tecken lång; högst {limit} tecken får plats. Korta texten."), False,
             {"field": field_name(path), "length": len(error.instance), "limit": error.validator_value})]


@describes("minLength", "minItems", "minProperties")
def describe_empty(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    return [(path, N_("«{field}» får inte vara tomt."), False, {"field": field_name(path)})]


@describes("uniqueItems")
def describe_repeated(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    return [(path, N_("«{field}» innehåller samma värde flera gånger."), False, {"field": field_name(path)})]


@describes("minimum", "maximum")
def describe_out_of_range(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    low, high = error.schema.get("minimum"), error.schema.get("maximum")
    bounds = f"{low}–{high}" if high is not None else f"≥ {low}"
    return [(path, N_("«{field}» ({value}) ska ligga inom {bounds}."), False,
             {"field": field_name(path), "value": error.instance, "bounds": bounds})]


def describe_other(error: ValidationError, context: Context) -> list[Description]:
    path = tuple(error.absolute_path)
    return [(path, N_("«{field}» är felaktigt: {detail}"), False, {"field": field_name(path), "detail": error.message})]


QUOTES = "".join(p.character for p in pasted.QUOTES) + "\"'"


def pasted_or_quoted(text: str) -> pasted.Pasted | None:
    """The first character pasted from Word (or a typographic quote) in `text`, if any."""
    return next((pasted.BY_CHARACTER[c] for c in text if c in pasted.BY_CHARACTER), None)


def wrapped_in_typographic_quotes(text: str) -> pasted.Pasted | None:
    typographic = {p.character: p for p in pasted.QUOTES}
    if len(text) > 1 and text[0] in typographic and text[-1] in typographic:
        return typographic[text[0]]
    return None


def did_you_mean(word: str, options: Iterable[str]) -> Message | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return Message(N_(" Menade du «{word}»?"), {"word": close[0]}) if close else None


def allowed_list(options: Iterable[str]) -> Message:
    return Message(N_(" Giltiga värden: {values}."), {"values": ", ".join(options)})


def hint(word: str, options: Iterable[str]) -> Message:
    options = list(options)
    return did_you_mean(word, options) or allowed_list(options)


def code_hint(typed: str, options: list[str], codes: CodeLists | None) -> Message:
    """A suggestion for a code: the code `typed` names (`svenska` -> sv (Svenska)), or the valid codes with labels."""
    found = codes.for_codes(options) if codes else None
    if found is None:
        return hint(typed, options)
    meant = found.code_for(typed, options)
    if meant is not None and found.shown(meant) != meant:
        return Message(N_(" Menade du «{word}» ({label})?"), {"word": meant, "label": found.labels[meant]})
    if meant is not None:
        return Message(N_(" Menade du «{word}»?"), {"word": meant})
    return Message(N_(" Giltiga värden: {values}."), {"values": ", ".join(found.shown(o) for o in options)})


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o"})


def slugify(text: str) -> str:
    """A file-name slug from a title: lower case, å/ä/ö folded, words joined by hyphens."""
    folded = text.translate(_FOLD).lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))
