"""jsonschema's errors as messages an editor can act on: in Swedish, on the line of the part they are about,
naming the field as the editor wrote it and suggesting what was meant. jsonschema-rs answers "valid?" first,
so only a rejected document is walked by jsonschema."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError

from insatsbas.i18n import N_
from insatsbas.sources import pasted
from insatsbas.sources import schema as schemas
from insatsbas.sources.codes import CodeLists
from insatsbas.sources.problems import Message
from insatsbas.sources.text import field_name, hint
from insatsbas.sources.yamlsource import Document, KeyPath


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


def schema_problems(document: Document, validator: Draft202012Validator | SchemaChecker) -> Iterator[Description]:
    """The document's schema violations, one per place, with the most useful message first: (key path,
    message id, whether the problem is about the key, parameters)."""
    seen: set[KeyPath] = set()
    context = Context(document, getattr(validator, "codes", None))
    errors = sorted(validator.iter_errors(without_empty_fields(document.data, validator.schema)), key=error_order)
    for error in errors:
        path = tuple(error.absolute_path)
        place = (*path, "<key>") if error.validator in ("additionalProperties", "propertyNames") else path
        if place in seen and error.validator != "additionalProperties":
            continue
        seen.add(place)
        yield from describe(error, context)


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


def get_path(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data
