"""JSON Schemas of the catalogue files, with Swedish titles, descriptions and messages.

The entry schema is built from the vocabularies, so its enums are always the current terms. Validation
runs these schemas, and `insatsbas schema` writes the entry schema for editors' YAML tooling: one
definition of the format, so the editor's hints and the build can never disagree.

The editors' VS Code runs yaml-language-server, which reads more than plain JSON Schema:
- `errorMessage` (for a wrong type or an unknown code) and `patternErrorMessage` replace its English
  messages and raw regular expressions with Swedish ones; `enumDescriptions` show each code's label.
  Every field has them, so that an editor sees Swedish where they type.
- Rules between two fields that `validate` checks (closing after opening, a minimum not above its
  maximum) are written as `if`/`then` rules in `$defs`, generated here: JSON Schema cannot compare two
  values, so the rules compare digit by digit (times) or value by value (ages and months, which have an
  upper bound for that reason). `validate` reads the same rules, so both say no to the same entries; its
  own messages name the values.
- An optional field may be left empty (`capacity:`): `validate` reads that as absent, so the schema
  accepts null there.
- Characters pasted from Word that `validate` only warns about (non-breaking spaces and dashes in a phone
  number, a non-breaking space in a postal code) are accepted by those fields' patterns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from insatsbas.model import OWNER_TYPES, REQUIRED_LANGUAGES, UI_LANGUAGES, WEEKDAYS, Vocabularies
from insatsbas.sources.codes import CodeList, code_lists

SCHEMA_PATH = Path("schema") / "insats.schema.json"
SCHEMA_ID = "https://example.org/insatsbas/schema/insats.schema.json"

# A date that exists (leap years included), in the years 1000-9999 that Python's dates hold.
DATE_PATTERN = (
    r"^(?:[1-9][0-9]{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"
    r"-02-29)$"
)
DATE_REF = "#/$defs/date"
DATE_SHAPE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
COUNTY_CODE_PATTERN = r"^[0-9]{2}$"
PHONE_PATTERN = r"^\+?[0-9][0-9 \-]{4,19}$"
# As typed: the non-breaking spaces and dashes that `validate` cleans (with a warning) are accepted.
PHONE_PATTERN_AS_TYPED = r"^\+?[0-9][0-9 \-\u00a0\u202f\u2010-\u2014\u2212]{4,19}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
URL_PATTERN = r"^https?://\S+$"
POSTAL_CODE_PATTERN = r"^[0-9]{3} ?[0-9]{2}$"
POSTAL_CODE_PATTERN_AS_TYPED = r"^[0-9]{3}[ \u00a0\u202f]?[0-9]{2}$"
NOT_BLANK = r"\S"
# No HTML tag (`<` + letter, `/` or `!`, then a `>` later), written without look-ahead for every regex engine.
NO_HTML = r"^(?:[^<]|<+[^<a-zA-Z/!])*(?:<+(?:[a-zA-Z/!][^>]*)?)?$"
SUMMARY_MAX = 300
AGE_MAX = 120
# Ten years: far beyond anyone's first years in Sweden, and the bound of the generated order rules.
MONTHS_IN_SWEDEN_MAX = 120
# Values written in double quotes whatever they hold (insatsbas/sources/canonical.py): the editors' guide asks for
# quotes around times, telephone numbers and postal codes, which YAML 1.1 tools read as numbers.
QUOTED_PATTERNS = frozenset({TIME_PATTERN, PHONE_PATTERN_AS_TYPED, POSTAL_CODE_PATTERN_AS_TYPED})
# Texts in Markdown: the site renders them, the web editor edits them with its Markdown editor.
MARKDOWN = "text/markdown"

# What the editor's VS Code says, in Swedish. `validate` says the same in its own words, with the values.
TEXT_MESSAGE = "Ska vara text. Består texten bara av siffror, eller är den true/false, sätt den inom citattecken."
BLANK_MESSAGE = "Får inte vara tomt."
DATE_MESSAGE = "Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2026-03-15."
TIME_MESSAGE = 'Skriv tiden inom citattecken som "HH:MM", till exempel "09:30".'
PHONE_MESSAGE = 'Skriv telefonnumret inom citattecken, med siffror, mellanslag och bindestreck: "08-123 45 67".'
EMAIL_MESSAGE = "Skriv en e-postadress, till exempel info@example.org."
URL_MESSAGE = "Skriv en webbadress som börjar med https://."
POSTAL_CODE_MESSAGE = 'Skriv postnumret inom citattecken, fem siffror: "141 30".'
HTML_MESSAGE = "Sammanfattningen ska vara ren text, utan HTML. Lägg formatering i description."
INTEGER_MESSAGE = "Skriv ett heltal, till exempel 18."
NUMBER_MESSAGE = "Skriv ett tal med decimalpunkt, till exempel 59.2365."
BOOLEAN_MESSAGE = "Skriv true eller false."
LIST_MESSAGE = "Skriv en lista, till exempel [{example}]."
CODE_MESSAGE = "Okänt värde. Giltiga värden: {values}."
CLOSES_MESSAGE = "Sluttiden ska vara efter starttiden (opens)."
AGES_MESSAGE = "max_age ska vara minst lika hög som min_age."
MONTHS_MESSAGE = "max ska vara minst lika högt som min."


def text(title: str = "", description: str = "", *, pattern: str = NOT_BLANK, message: str = BLANK_MESSAGE,
         type_message: str = TEXT_MESSAGE, **extra: Any) -> dict[str, Any]:
    """A text field. Not blank, unless another pattern says more."""
    described = {key: value for key, value in (("title", title), ("description", description)) if value}
    return {"type": "string", **described, "pattern": pattern, "errorMessage": type_message,
            "patternErrorMessage": message, **extra}


def integer(title: str, description: str, minimum: int = 0, maximum: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "integer", "minimum": minimum, "title": title, "description": description,
                              "errorMessage": INTEGER_MESSAGE}
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


def code(codes: CodeList, options: list[str] | None = None) -> dict[str, Any]:
    """One code of a list, with the Swedish labels shown next to the codes."""
    options = list(codes.labels) if options is None else options
    return {"type": "string", "enum": options, "enumDescriptions": [codes.labels[o] for o in options],
            "errorMessage": CODE_MESSAGE.format(values=", ".join(codes.shown(o) for o in options))}


def choice(title: str, description: str, codes: CodeList, options: list[str] | None = None) -> dict[str, Any]:
    return {**code(codes, options), "title": title, "description": description}


def choices(title: str, description: str, codes: CodeList, min_items: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "array", "items": code(codes), "uniqueItems": True, "title": title, "description": description,
        "errorMessage": LIST_MESSAGE.format(example=", ".join(list(codes.labels)[:2])),
    }
    if min_items:
        schema["minItems"] = min_items
    return schema


def texts(title: str, description: str) -> dict[str, Any]:
    return {"type": "array", "items": text(), "title": title, "description": description,
            "errorMessage": LIST_MESSAGE.format(example="...")}


def group(title: str, description: str, properties: dict[str, Any], required: tuple[str, ...] = (),
          **extra: Any) -> dict[str, Any]:
    """An object; its optional fields may be left empty (`field:`), which `validate` reads as absent."""
    schema: dict[str, Any] = {
        "type": "object", "title": title, "description": description,
        "properties": optional_may_be_empty(properties, required), "additionalProperties": False, **extra,
    }
    if required:
        schema["required"] = list(required)
    return schema


def optional_may_be_empty(properties: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    return {name: field if name in required else may_be_empty(field) for name, field in properties.items()}


def base_type(schema: dict[str, Any]) -> str | None:
    """A field's type, without the "null" an optional field may also be."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return next((k for k in kind if k != "null"), None)
    return kind


def options(schema: dict[str, Any]) -> list[str]:
    """A code field's codes, without the null an optional field may also be."""
    return [option for option in schema.get("enum", []) if option is not None]


def is_date(schema: dict[str, Any]) -> bool:
    return schema.get("$ref") == DATE_REF


def may_be_empty(field: dict[str, Any]) -> dict[str, Any]:
    field = dict(field)
    if "type" in field:
        field["type"] = [field["type"], "null"]
    if "enum" in field:
        field["enum"] = [*field["enum"], None]
    return field


def date_field(title: str, description: str) -> dict[str, Any]:
    return {"$ref": DATE_REF, "type": "string", "title": title, "description": description + " Skrivs ÅÅÅÅ-MM-DD.",
            "errorMessage": DATE_MESSAGE}


def time_field(title: str, description: str) -> dict[str, Any]:
    return text(title, description, pattern=TIME_PATTERN, message=TIME_MESSAGE, type_message=TIME_MESSAGE)


REQUIRED_FIELDS = (
    "title", "summary", "description", "status", "provider", "municipality", "categories", "target_groups",
    "languages", "how_to_apply", "contact", "last_reviewed", "reviewed_by",
)


def entry_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    codes = code_lists(vocabularies)
    languages = codes["languages"]
    summary = {"allOf": [{"pattern": NO_HTML, "patternErrorMessage": HTML_MESSAGE}]}
    translation = group(
        "Översättning", "Titel, sammanfattning och beskrivning på ett annat språk, och gärna det övriga som en läsare "
        "behöver. Det som inte är översatt visas på svenska, med en notis.",
        {
            "title": text("Titel", "Insatsens namn på språket."),
            "summary": text("Sammanfattning", f"Högst {SUMMARY_MAX} tecken.", maxLength=SUMMARY_MAX, **summary),
            "description": text("Beskrivning", "Beskrivningen på språket, i Markdown.", contentMediaType=MARKDOWN),
            "how_to_apply": text("Så ansöker du", "Texten under Så ansöker du (how_to_apply.description), översatt."),
            "required_documents": texts("Ta med", "Handlingarna att ta med (required_documents), översatta, i samma "
                                        "ordning."),
            "eligibility": text("Vem kan delta", "Texten om vem som kan delta (eligibility.description), översatt."),
            "schedule": text("När", "Texten om när (schedule.description), översatt."),
            "cost": text("Kostnad", "Texten om kostnaden (cost.description), översatt."),
            "accessibility": texts("Tillgänglighet", "Tillgängligheten för varje plats (locations), översatt, i samma "
                                   "ordning som platserna."),
        },
        required=("title", "summary", "description"),
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Insats i Insatsbas",
        "description": "En insats för nyanlända: en fil per insats, i mappen för den organisation som äger den.",
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED_FIELDS),
        "properties": optional_may_be_empty({
            "title": text("Titel", "Insatsens namn, som besökaren ser det. Kort och konkret.", maxLength=150),
            "summary": text(
                "Sammanfattning", f"En eller två meningar i klarspråk, högst {SUMMARY_MAX} tecken, utan formatering.",
                maxLength=SUMMARY_MAX, **summary,
            ),
            "description": text("Beskrivning", "Vad insatsen är och hur den går till, i Markdown.",
                                contentMediaType=MARKDOWN),
            "status": choice("Status", "Om insatsen pågår och visas.", codes["status"]),
            "provider": group(
                "Anordnare", "Den organisation som genomför insatsen.",
                {
                    "name": text("Namn", "Anordnarens namn."),
                    "type": choice("Typ", "Vilken sorts organisation anordnaren är.", codes["provider_type"]),
                    "url": text("Webbplats", "Adress som börjar med https://.", pattern=URL_PATTERN,
                                message=URL_MESSAGE),
                },
                required=("name", "type"),
            ),
            "municipality": choice("Kommun", "Kommunen där insatsen finns.", codes["municipalities"]),
            "service_area": choices(
                "Öppen för invånare i", "Kommuner vars invånare får delta. Tomt betyder bara insatsens egen kommun.",
                codes["municipalities"],
            ),
            "categories": choices("Kategorier", "Vad insatsen handlar om.", codes["categories"], 1),
            "target_groups": choices("Målgrupper", "Vilka insatsen vänder sig till.", codes["target_groups"], 1),
            "languages": choices("Språk", "Språk som insatsen ges på (ISO 639-koder).", languages, 1),
            "eligibility": group(
                "Vem får delta", "Villkor för att delta. Tomt betyder att alla får delta.",
                {
                    "residence_status": choices(
                        "Uppehållsstatus", "Vilka uppehållssituationer som ger rätt att delta.",
                        codes["residence_status"],
                    ),
                    "min_age": integer("Lägsta ålder", "Lägsta ålder i år.", 0, AGE_MAX),
                    "max_age": integer("Högsta ålder", "Högsta ålder i år.", 0, AGE_MAX),
                    "gender": choice("Kön", "Om insatsen bara är för kvinnor eller män.", codes["gender"]),
                    "months_in_sweden": group(
                        "Tid i Sverige", "Antal månader sedan första folkbokföring i Sverige.",
                        {
                            "min": integer("Tidigast", "Från och med så många månader i Sverige.", 0,
                                           MONTHS_IN_SWEDEN_MAX),
                            "max": integer("Senast", "Till och med så många månader i Sverige.", 0,
                                           MONTHS_IN_SWEDEN_MAX),
                        },
                        **in_order("min", "max", "months_in_order"),
                    ),
                    "description": text("Beskrivning", "Villkoren i klarspråk."),
                },
                **in_order("min_age", "max_age", "ages_in_order"),
            ),
            "how_to_apply": group(
                "Så söker du", "Hur man kommer med i insatsen.",
                {
                    "referral": choice("Anmälan", "Hur man anmäler sig.", codes["referral"]),
                    "description": text("Beskrivning", "Hur anmälan går till och vad man ska ta med."),
                },
                required=("referral", "description"),
            ),
            "contact": group(
                "Kontakt", "Ange en roll, aldrig en persons namn, och minst ett av phone, email och url.",
                {
                    "role": text("Roll", "Till exempel Studie- och yrkesvägledare."),
                    "phone": text("Telefon", 'Inom citattecken, till exempel "08-123 45 67".',
                                  pattern=PHONE_PATTERN_AS_TYPED, message=PHONE_MESSAGE, type_message=PHONE_MESSAGE),
                    "email": text("E-post", "Funktionsadress, inte en persons.", pattern=EMAIL_PATTERN,
                                  message=EMAIL_MESSAGE),
                    "url": text("Webbplats", "Adress som börjar med https://.", pattern=URL_PATTERN,
                                message=URL_MESSAGE),
                },
                required=("role",),
                anyOf=[{"required": ["phone"]}, {"required": ["email"]}, {"required": ["url"]}],
            ),
            "last_reviewed": date_field(
                "Senast granskad", "Dagen då en redaktör kontrollerade att uppgifterna stämmer. Inte i framtiden."
            ),
            "reviewed_by": text("Granskad av", "Rollen som granskade, till exempel Enhetschef."),
            "locations": {
                "type": "array", "title": "Platser", "description": "Var insatsen hålls.",
                "items": group(
                    "Plats", "En lokal där insatsen hålls.",
                    {
                        "name": text("Namn", "Lokalens namn."),
                        "address": text("Gatuadress", "Gatuadress."),
                        "postal_code": text("Postnummer", 'Inom citattecken, till exempel "141 30".',
                                            pattern=POSTAL_CODE_PATTERN_AS_TYPED, message=POSTAL_CODE_MESSAGE,
                                            type_message=POSTAL_CODE_MESSAGE),
                        "city": text("Ort", "Postort."),
                        "latitude": {"type": "number", "minimum": 55, "maximum": 70, "title": "Latitud",
                                     "description": "Decimalgrader, till exempel 59.2365.", "errorMessage": NUMBER_MESSAGE},
                        "longitude": {"type": "number", "minimum": 10, "maximum": 25, "title": "Longitud",
                                      "description": "Decimalgrader, till exempel 17.9810.", "errorMessage": NUMBER_MESSAGE},
                        "accessibility": text("Tillgänglighet", "Hur lokalen fungerar med rullstol, hörslinga med mera."),
                    },
                    required=("name",),
                ),
            },
            "schedule": group(
                "Tider", "När insatsen pågår.",
                {
                    "description": text("Beskrivning", "Tiderna i ord, till exempel terminsstarter."),
                    "valid_from": date_field("Från", "Första dag."),
                    "valid_to": date_field("Till", "Sista dag."),
                    "hours": {
                        "type": "array", "title": "Öppettider", "description": "Veckodagar och klockslag.",
                        "items": group(
                            "Öppettid", "Dagar och tider.",
                            {
                                "days": choices("Dagar", ", ".join(WEEKDAYS) + ".", codes["weekday"], 1),
                                "opens": time_field("Börjar", 'Inom citattecken, till exempel "09:00".'),
                                "closes": time_field("Slutar", 'Inom citattecken, till exempel "12:00". Efter opens.'),
                            },
                            required=("days", "opens", "closes"),
                            **{"if": {"required": ["opens", "closes"],
                                      "properties": {"opens": {"type": "string", "pattern": TIME_PATTERN},
                                                     "closes": {"type": "string", "pattern": TIME_PATTERN}}},
                               "then": {"$ref": "#/$defs/closes_after_opens_1"}},
                        ),
                    },
                },
            ),
            "cost": group(
                "Kostnad", "Vad det kostar att delta.",
                {
                    "free": {"type": "boolean", "title": "Kostnadsfri", "description": "true eller false.",
                             "errorMessage": BOOLEAN_MESSAGE},
                    "description": text("Beskrivning", "Vad som kostar och hur mycket."),
                    "price_other_municipality": text("Pris för andra kommuner", "Om invånare i andra kommuner betalar."),
                },
            ),
            "capacity": integer("Antal platser", "Hur många som kan delta samtidigt.", 1),
            "required_documents": texts("Ta med", "Handlingar att ta med, till exempel LMA-kort."),
            "funding": texts("Finansiering", "Vem som betalar, till exempel Kommunens budget."),
            "keywords": texts("Sökord", "Ord som besökare söker på och som inte står i texten."),
            "hsds_id": text("Id i HSDS-källan", "Tjänstens id i den HSDS-fil insatsen importerades från. En ny "
                            "import av samma tjänst uppdaterar den här filen. Ändra det inte."),
            "unconfirmed": texts("Obekräftat", "Fält som importen fyllde i med ett standardvärde. Kontrollera dem, "
                                 "ta bort raden och sätt status: active."),
            "translations": {
                "type": "object", "title": "Översättningar",
                "description": "Texten på andra språk, med språkkoden som nyckel (en, ar ...).",
                "propertyNames": code(languages, [c for c in languages.labels if c != "sv"]),
                "additionalProperties": translation,
            },
        }, REQUIRED_FIELDS),
        "$defs": {
            "date": {"pattern": DATE_PATTERN, "patternErrorMessage": DATE_MESSAGE},
            **closes_after_opens(),
            **value_by_value("ages_in_order", "min_age", "max_age", AGE_MAX, AGES_MESSAGE),
            **value_by_value("months_in_order", "min", "max", MONTHS_IN_SWEDEN_MAX, MONTHS_MESSAGE),
        },
    }


# --- rules between two fields -------------------------------------------------------------------------

# Where the digits of "HH:MM" stand, and which values each can have.
TIME_DIGITS = ((0, "012"), (1, "0123456789"), (3, "012345"), (4, "0123456789"))


def closes_after_opens() -> dict[str, Any]:
    """`closes` later than `opens`, compared digit by digit: digit N of closes may not be smaller than that of
    opens; when it is equal, digit N+1 decides (the next rule set), and the last one must be greater."""
    rules: dict[str, Any] = {}
    for level, (position, values) in enumerate(TIME_DIGITS, start=1):
        last = level == len(TIME_DIGITS)
        rules[f"closes_after_opens_{level}"] = {"allOf": [
            digit_rule(position, value, None if last else f"#/$defs/closes_after_opens_{level + 1}")
            for value in values
        ]}
    return rules


def digit_rule(position: int, value: str, next_rules: str | None) -> dict[str, Any]:
    at = "^" + "." * position
    if next_rules is None:  # the last digit: strictly greater ("^$" never matches a time: nine has nothing above)
        later = f"{at}[{int(value) + 1}-9]" if value != "9" else "^$"
        return {"if": {"properties": {"opens": {"pattern": at + value}}},
                "then": {"properties": {"closes": {"pattern": later, "patternErrorMessage": CLOSES_MESSAGE}}}}
    return {"if": {"properties": {"opens": {"pattern": at + value}}},
            "then": {"properties": {"closes": {"pattern": f"{at}[{value}-9]", "patternErrorMessage": CLOSES_MESSAGE}},
                     "if": {"properties": {"closes": {"pattern": at + value}}}, "then": {"$ref": next_rules}}}


def in_order(low: str, high: str, rules: str) -> dict[str, Any]:
    """Keywords of a group whose `low` field may not be above its `high` field (when both are whole numbers)."""
    return {"if": {"required": [low, high], "properties": {low: {"type": "integer"}, high: {"type": "integer"}}},
            "then": {"$ref": f"#/$defs/{rules}"}}


def value_by_value(name: str, low: str, high: str, maximum: int, message: str) -> dict[str, Any]:
    """One rule per value of `low` above 0: `high` below it is wrong. JSON Schema cannot compare two fields,
    so this needs the upper bound."""
    return {
        name: {"allOf": [{"if": {"properties": {low: {"const": value}, high: {"maximum": value - 1}}},
                          "then": {"$ref": f"#/$defs/{name}_refused"}} for value in range(1, maximum + 1)]},
        f"{name}_refused": {"properties": {high: {"type": "null", "errorMessage": message}}},
    }


def vocabulary_schema(name: str) -> dict[str, Any]:
    label = group(
        "Etikett", "Termen på svenska, engelska och arabiska (och gärna på dari, somaliska, tigrinja och ukrainska).",
        {language: text(language, "") for language in UI_LANGUAGES}, required=REQUIRED_LANGUAGES,
    )
    description = group("Förklaring", "", {language: text(language, "") for language in UI_LANGUAGES},
                        required=REQUIRED_LANGUAGES)
    properties: dict[str, Any] = {
        "slug": text("Kod", "", pattern=SLUG_PATTERN),
        "label": label,
        "description": description,
    }
    required: tuple[str, ...] = ("slug", "label")
    if name == "counties":  # keyed by SCB's länskod, the first two digits of a kommunkod
        properties = {"code": text("Länskod", "", pattern=COUNTY_CODE_PATTERN), "label": label,
                      "description": description}
        required = ("code", "label")
    if name == "municipalities":
        properties["name"] = text("Namn", "")
        properties["code"] = text("Kommunkod", "", pattern=r"^[0-9]{4}$")
        required = ("slug", "name", "code", "label")
    if name == "languages":
        properties["native"] = text("Namn på språket självt", "")
    return {"type": "array", "minItems": 1, "items": group(name, "", properties, required=required)}


def region_schema() -> dict[str, Any]:
    def in_every_language(title: str, description: str) -> dict[str, Any]:
        return group(title, description, {language: text(language, "") for language in UI_LANGUAGES},
                     required=REQUIRED_LANGUAGES)

    return group(
        "region.yml", "Regionen som katalogen gäller.",
        {
            "name": in_every_language("Regionens namn", "Som i «Insatsbas Skåne»."),
            "in_region": in_every_language(
                "I regionen", "Namnet efter «insatser för nyanlända»: «i Skåne», men «på Gotland»."),
            "site_url": text("Webbplatsens adress", "För länkar i påminnelserna.", pattern=URL_PATTERN,
                             message=URL_MESSAGE),
        },
        required=("name", "in_region"),
    )


def owners_schema(municipalities: list[str]) -> dict[str, Any]:
    handle = {"type": "string", "pattern": r"^[A-Za-z0-9](-?[A-Za-z0-9])*$"}
    owner = group(
        "Ägare", "",
        {
            "name": text("Namn", ""),
            "type": {"type": "string", "enum": list(OWNER_TYPES)},
            "municipality": {"type": "string", "enum": municipalities},
            "contact": text("Kontaktadress", "", pattern=EMAIL_PATTERN, message=EMAIL_MESSAGE),
            "editors": {"type": "array", "items": handle, "minItems": 1, "uniqueItems": True},
            "review_months": integer("Granskningsintervall", "", 1, 60),
        },
        required=("name", "type", "contact", "editors"),
    )
    coordinator = group(
        "Samordnare", "",
        {"handle": handle, "role": text("Roll", ""), "email": text("E-post", "", pattern=EMAIL_PATTERN,
                                                                    message=EMAIL_MESSAGE)},
        required=("handle", "role", "email"),
    )
    return group(
        "owners.yml", "",
        {
            "coordinators": {"type": "array", "items": coordinator, "minItems": 1},
            "owners": {
                "type": "object", "propertyNames": {"pattern": SLUG_PATTERN}, "additionalProperties": owner,
                "minProperties": 1,
            },
        },
        required=("coordinators", "owners"),
    )


RENDER_WIDTH = 140


def render_schema(schema: dict[str, Any]) -> str:
    """JSON indented by two, with every part that fits on one line written on one line."""
    return _render(schema, 0, 0) + "\n"


def _render(value: Any, indent: int, used: int) -> str:
    compact = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or not value or indent + used + len(compact) <= RENDER_WIDTH:
        return compact
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            shown_key = json.dumps(key, ensure_ascii=False)
            parts.append(f"{inner}{shown_key}: {_render(item, indent + 2, len(shown_key) + 2)}")
        return "{\n" + ",\n".join(parts) + "\n" + " " * indent + "}"
    return "[\n" + ",\n".join(inner + _render(item, indent + 2, 0) for item in value) + "\n" + " " * indent + "]"
