"""JSON Schemas of the catalogue files, with Swedish titles and descriptions.

The entry schema is built from the vocabularies, so its enums are always the current terms. Validation
runs these schemas, and `insatsbas schema` writes the entry schema for editors' YAML tooling: one
definition of the format, so the editor's hints and the build can never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from insatsbas.model import GENDERS, OWNER_TYPES, REFERRALS, STATUSES, UI_LANGUAGES, WEEKDAYS, Vocabularies

SCHEMA_PATH = Path("schema") / "insats.schema.json"
SCHEMA_ID = "https://example.org/insatsbas/schema/insats.schema.json"

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PHONE_PATTERN = r"^\+?[0-9][0-9 \-]{4,19}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
URL_PATTERN = r"^https?://\S+$"
POSTAL_CODE_PATTERN = r"^[0-9]{3} ?[0-9]{2}$"
SUMMARY_MAX = 300
# Values written in double quotes whatever they hold (insatsbas/canonical.py): the editors' guide asks for
# quotes around times, telephone numbers and postal codes, which YAML 1.1 tools read as numbers.
QUOTED_PATTERNS = frozenset({TIME_PATTERN, PHONE_PATTERN, POSTAL_CODE_PATTERN})
# Texts in Markdown: the site renders them, the web editor edits them with its Markdown editor.
MARKDOWN = "text/markdown"

# Swedish labels of the fixed code lists (the vocabularies carry their own), for the web editor's selects.
FIXED_LABELS: dict[tuple[str, ...], dict[str, str]] = {
    STATUSES: {"active": "Pågår", "paused": "Tillfälligt uppehåll", "ended": "Avslutad",
               "draft": "Utkast (publiceras inte)"},
    OWNER_TYPES: {"kommun": "Kommun", "myndighet": "Myndighet", "region": "Region",
                  "ideell": "Ideell organisation", "privat": "Privat företag"},
    GENDERS: {"women": "Bara kvinnor", "men": "Bara män"},
    REFERRALS: {"self": "Anmäl dig själv", "caseworker": "Via handläggare",
                "arbetsformedlingen": "Via Arbetsförmedlingen", "municipality": "Via kommunen"},
    WEEKDAYS: {"mon": "Måndag", "tue": "Tisdag", "wed": "Onsdag", "thu": "Torsdag", "fri": "Fredag",
               "sat": "Lördag", "sun": "Söndag"},
}


def text(title: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "title": title, "description": description, **extra}


def integer(title: str, description: str, minimum: int = 0, maximum: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "integer", "minimum": minimum, "title": title, "description": description}
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


def choice(title: str, description: str, options: list[str] | tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(options), "title": title, "description": description}


def choices(title: str, description: str, options: list[str] | tuple[str, ...], min_items: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "array", "items": {"type": "string", "enum": list(options)}, "uniqueItems": True,
        "title": title, "description": description,
    }
    if min_items:
        schema["minItems"] = min_items
    return schema


def texts(title: str, description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "minLength": 1}, "title": title, "description": description}


def group(title: str, description: str, properties: dict[str, Any], required: tuple[str, ...] = (),
          **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object", "title": title, "description": description,
        "properties": properties, "additionalProperties": False, **extra,
    }
    if required:
        schema["required"] = list(required)
    return schema


def date_field(title: str, description: str) -> dict[str, Any]:
    return text(title, description + " Skrivs ÅÅÅÅ-MM-DD.", pattern=DATE_PATTERN)


REQUIRED_FIELDS = (
    "title", "summary", "description", "status", "provider", "municipality", "categories", "target_groups",
    "languages", "how_to_apply", "contact", "last_reviewed", "reviewed_by",
)


def entry_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    municipalities = list(vocabularies.municipalities)
    languages = list(vocabularies.languages)
    translation = group(
        "Översättning", "Titel, sammanfattning och beskrivning på ett annat språk.",
        {
            "title": text("Titel", "Insatsens namn på språket."),
            "summary": text("Sammanfattning", f"Högst {SUMMARY_MAX} tecken.", maxLength=SUMMARY_MAX),
            "description": text("Beskrivning", "Beskrivningen på språket, i Markdown.", contentMediaType=MARKDOWN),
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
        "properties": {
            "title": text("Titel", "Insatsens namn, som besökaren ser det. Kort och konkret.", maxLength=150),
            "summary": text(
                "Sammanfattning", f"En eller två meningar i klarspråk, högst {SUMMARY_MAX} tecken, utan formatering.",
                maxLength=SUMMARY_MAX,
            ),
            "description": text("Beskrivning", "Vad insatsen är och hur den går till, i Markdown.",
                                contentMediaType=MARKDOWN),
            "status": choice(
                "Status", "active: pågår; paused: tillfälligt uppehåll; ended: avslutad; draft: utkast som inte publiceras.",
                STATUSES,
            ),
            "provider": group(
                "Anordnare", "Den organisation som genomför insatsen.",
                {
                    "name": text("Namn", "Anordnarens namn."),
                    "type": choice("Typ", "Vilken sorts organisation anordnaren är.", OWNER_TYPES),
                    "url": text("Webbplats", "Adress som börjar med https://.", pattern=URL_PATTERN),
                },
                required=("name", "type"),
            ),
            "municipality": choice("Kommun", "Kommunen där insatsen finns.", municipalities),
            "service_area": choices(
                "Öppen för invånare i", "Kommuner vars invånare får delta. Tomt betyder bara insatsens egen kommun.",
                municipalities,
            ),
            "categories": choices("Kategorier", "Vad insatsen handlar om.", list(vocabularies.categories), 1),
            "target_groups": choices("Målgrupper", "Vilka insatsen vänder sig till.", list(vocabularies.target_groups), 1),
            "languages": choices("Språk", "Språk som insatsen ges på (ISO 639-koder).", languages, 1),
            "eligibility": group(
                "Vem får delta", "Villkor för att delta. Tomt betyder att alla får delta.",
                {
                    "residence_status": choices(
                        "Uppehållsstatus", "Vilka uppehållssituationer som ger rätt att delta.",
                        list(vocabularies.residence_status),
                    ),
                    "min_age": integer("Lägsta ålder", "Lägsta ålder i år.", 0, 120),
                    "max_age": integer("Högsta ålder", "Högsta ålder i år.", 0, 120),
                    "gender": choice("Kön", "Om insatsen bara är för kvinnor (women) eller män (men).", GENDERS),
                    "months_in_sweden": group(
                        "Tid i Sverige", "Antal månader sedan första folkbokföring i Sverige.",
                        {
                            "min": integer("Tidigast", "Från och med så många månader i Sverige."),
                            "max": integer("Senast", "Till och med så många månader i Sverige."),
                        },
                    ),
                    "description": text("Beskrivning", "Villkoren i klarspråk."),
                },
            ),
            "how_to_apply": group(
                "Så söker du", "Hur man kommer med i insatsen.",
                {
                    "referral": choice(
                        "Anmälan", "self: anmäl dig själv; caseworker: via handläggare; arbetsformedlingen: "
                        "via Arbetsförmedlingen; municipality: via kommunen.", REFERRALS,
                    ),
                    "description": text("Beskrivning", "Hur anmälan går till och vad man ska ta med."),
                },
                required=("referral", "description"),
            ),
            "contact": group(
                "Kontakt", "Ange en roll, aldrig en persons namn, och minst ett av phone, email och url.",
                {
                    "role": text("Roll", "Till exempel Studie- och yrkesvägledare."),
                    "phone": text("Telefon", 'Inom citattecken, till exempel "08-123 45 67".', pattern=PHONE_PATTERN),
                    "email": text("E-post", "Funktionsadress, inte en persons.", pattern=EMAIL_PATTERN),
                    "url": text("Webbplats", "Adress som börjar med https://.", pattern=URL_PATTERN),
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
                                            pattern=POSTAL_CODE_PATTERN),
                        "city": text("Ort", "Postort."),
                        "latitude": {"type": "number", "minimum": 55, "maximum": 70, "title": "Latitud",
                                     "description": "Decimalgrader, till exempel 59.2365."},
                        "longitude": {"type": "number", "minimum": 10, "maximum": 25, "title": "Longitud",
                                      "description": "Decimalgrader, till exempel 17.9810."},
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
                                "days": choices("Dagar", "mon, tue, wed, thu, fri, sat, sun.", WEEKDAYS, 1),
                                "opens": text("Börjar", 'Inom citattecken, till exempel "09:00".', pattern=TIME_PATTERN),
                                "closes": text("Slutar", 'Inom citattecken, till exempel "12:00".', pattern=TIME_PATTERN),
                            },
                            required=("days", "opens", "closes"),
                        ),
                    },
                },
            ),
            "cost": group(
                "Kostnad", "Vad det kostar att delta.",
                {
                    "free": {"type": "boolean", "title": "Kostnadsfri", "description": "true eller false."},
                    "description": text("Beskrivning", "Vad som kostar och hur mycket."),
                    "price_other_municipality": text("Pris för andra kommuner", "Om invånare i andra kommuner betalar."),
                },
            ),
            "capacity": integer("Antal platser", "Hur många som kan delta samtidigt.", 1),
            "required_documents": texts("Ta med", "Handlingar att ta med, till exempel LMA-kort."),
            "funding": texts("Finansiering", "Vem som betalar, till exempel Kommunens budget."),
            "keywords": texts("Sökord", "Ord som besökare söker på och som inte står i texten."),
            "translations": {
                "type": "object", "title": "Översättningar",
                "description": "Texten på andra språk, med språkkoden som nyckel (en, ar ...).",
                "propertyNames": {"enum": [code for code in languages if code != "sv"]},
                "additionalProperties": translation,
            },
        },
    }


def vocabulary_schema(name: str) -> dict[str, Any]:
    label = group(
        "Etikett", "Termen på svenska, engelska och arabiska.",
        {language: text(language, "") for language in UI_LANGUAGES}, required=UI_LANGUAGES,
    )
    description = group("Förklaring", "", {language: text(language, "") for language in UI_LANGUAGES},
                        required=UI_LANGUAGES)
    properties: dict[str, Any] = {
        "slug": text("Kod", "", pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        "label": label,
        "description": description,
    }
    required: tuple[str, ...] = ("slug", "label")
    if name == "municipalities":
        properties["name"] = text("Namn", "")
        properties["code"] = text("Kommunkod", "", pattern=r"^[0-9]{4}$")
        required = ("slug", "name", "code", "label")
    if name == "languages":
        properties["native"] = text("Namn på språket självt", "")
    return {"type": "array", "minItems": 1, "items": group(name, "", properties, required=required)}


def owners_schema(municipalities: list[str]) -> dict[str, Any]:
    handle = {"type": "string", "pattern": r"^[A-Za-z0-9](-?[A-Za-z0-9])*$"}
    owner = group(
        "Ägare", "",
        {
            "name": text("Namn", ""),
            "type": choice("Typ", "", OWNER_TYPES),
            "municipality": choice("Kommun", "", municipalities),
            "contact": text("Kontaktadress", "", pattern=EMAIL_PATTERN),
            "editors": {"type": "array", "items": handle, "minItems": 1, "uniqueItems": True},
            "review_months": integer("Granskningsintervall", "", 1, 60),
        },
        required=("name", "type", "contact", "editors"),
    )
    coordinator = group(
        "Samordnare", "",
        {"handle": handle, "role": text("Roll", ""), "email": text("E-post", "", pattern=EMAIL_PATTERN)},
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


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
