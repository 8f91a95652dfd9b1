"""The taxonomies the HSDS export uses: the catalogue's vocabularies, SCB's municipality codes, and one
taxonomy of the catalogue's own fields that HSDS has no field for (their values travel as attribute values).

Every taxonomy and term has a stable uuid5 id. Term names and descriptions are Swedish; the English and
Arabic labels of vocabulary terms travel in the tabular form as attributes of the terms (`label.en` ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from insatsbas.hsds.ids import hsds_id
from insatsbas.model import Municipality, Term, Vocabularies


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    link_type: str

    @property
    def id(self) -> str:
        return hsds_id("taxonomy", self.key)

    def detail(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "description": self.description}


CATEGORIES = Taxonomy("categories", "Insatsbas: kategorier",
                      "Vad insatsen handlar om. Kategorierna i Insatsbas (vocabularies/categories.yml).", "category")
TARGET_GROUPS = Taxonomy("target_groups", "Insatsbas: målgrupper",
                         "Vilka insatsen vänder sig till (vocabularies/target_groups.yml).", "target_group")
RESIDENCE_STATUS = Taxonomy("residence_status", "Insatsbas: uppehållsstatus",
                            "Vilka uppehållssituationer som ger rätt att delta (vocabularies/residence_status.yml).",
                            "eligibility")
MUNICIPALITIES = Taxonomy("municipalities", "Kommunkoder (SCB)",
                          "Sveriges kommuner. Koden är SCB:s fyrsiffriga kommunkod.", "municipality")
FIELDS = Taxonomy("fields", "Insatsbas: uppgifter utan eget HSDS-fält",
                  "Fält i Insatsbas som HSDS saknar. Termens kod är fältets namn i Insatsbas; "
                  "attributets value är fältets värde.", "field")

VOCABULARY_TAXONOMIES = {t.key: t for t in (CATEGORIES, TARGET_GROUPS, RESIDENCE_STATUS, MUNICIPALITIES)}
TAXONOMIES = {**VOCABULARY_TAXONOMIES, FIELDS.key: FIELDS}

# Field terms: code -> (name, description). Codes are the catalogue's field paths.
FIELD_TERMS = {
    "id": ("Id i Insatsbas", "Insatsens id i Insatsbas: ägarens mapp och filens namn, till exempel "
                             "huddinge/sprakcafe-biblioteket."),
    "summary": ("Sammanfattning", "En eller två meningar i klarspråk, högst 300 tecken, utan formatering."),
    "how_to_apply.referral": ("Anmälan", "Hur man kommer med: self (anmäl dig själv), caseworker (via "
                                         "handläggare), arbetsformedlingen (via Arbetsförmedlingen), municipality "
                                         "(via kommunen)."),
    "reviewed_by": ("Granskad av", "Rollen (aldrig en persons namn) som senast kontrollerade uppgifterna, "
                                   "den dag som står i assured_date."),
    "contact.url": ("Kontaktens webbadress", "Webbsidan där man når kontakten, till exempel för anmälan."),
    "eligibility.gender": ("Kön", "Insatsen är bara för kvinnor (women) eller bara för män (men)."),
    "eligibility.months_in_sweden.min": ("Tid i Sverige, från", "Från och med så många månader sedan första "
                                                                "folkbokföringen i Sverige."),
    "eligibility.months_in_sweden.max": ("Tid i Sverige, till", "Till och med så många månader sedan första "
                                                                "folkbokföringen i Sverige."),
    "capacity": ("Antal platser", "Hur många som kan delta samtidigt."),
    "keywords": ("Sökord", "Ett ord som besökare söker på och som inte står i texten."),
    # A partial address (HSDS's address needs street, postal code and city together), on the location.
    "locations.address": ("Gatuadress", "Platsens gatuadress, när postnummer eller ort saknas."),
    "locations.postal_code": ("Postnummer", "Platsens postnummer, när gatuadress eller ort saknas."),
    "locations.city": ("Ort", "Platsens ort, när gatuadress eller postnummer saknas."),
}
PARTIAL_ADDRESS_FIELDS = ("address", "postal_code", "city")
TRANSLATED_FIELDS = {"title": "Titel", "summary": "Sammanfattning", "description": "Beskrivning",
                     "how_to_apply": "Så ansöker du", "required_documents": "Ta med", "eligibility": "Vem kan delta",
                     "schedule": "När", "cost": "Kostnad", "accessibility": "Tillgänglighet"}
# Every translation has these; the others may be left out (and are then shown in Swedish).
REQUIRED_TRANSLATED_FIELDS = ("title", "summary", "description")
# Translated lists: one attribute per item, in order.
TRANSLATED_LISTS = ("required_documents", "accessibility")
LABEL_FIELDS = {"label": "Etikett", "description": "Förklaring"}


def field_term(code: str, vocabularies: Vocabularies) -> dict[str, Any]:
    """The term of one of the catalogue's own fields, including translations (`translations.en.title`)
    and vocabulary labels (`label.en`)."""
    language = "sv"
    parts = code.split(".")
    if parts[0] == "translations" and len(parts) == 3:
        language, field = parts[1], parts[2]
        in_language = language_name(language, vocabularies)
        name = f"{TRANSLATED_FIELDS[field]} på {in_language}"
        description = f"Insatsens {TRANSLATED_FIELDS[field].lower()} översatt till {in_language}."
    elif parts[0] in LABEL_FIELDS and len(parts) == 2:
        language = parts[1]
        in_language = language_name(language, vocabularies)
        name = f"{LABEL_FIELDS[parts[0]]} på {in_language}"
        description = f"Termens {LABEL_FIELDS[parts[0]].lower()} på {in_language}."
    else:
        name, description = FIELD_TERMS[code]
    return {"id": hsds_id("taxonomy_term", FIELDS.key, code), "code": code, "name": name,
            "description": description, "language": language, "taxonomy_detail": FIELDS.detail()}


def language_name(code: str, vocabularies: Vocabularies) -> str:
    term = vocabularies.languages.get(code)
    return term.label["sv"].lower() if term else code


def term_key(vocabulary: str, term: Term) -> str:
    """What a term's uuid is made from (unchanged since the first export, so ids stay stable)."""
    return term.code if isinstance(term, Municipality) else term.slug


def term_code(vocabulary: str, term: Term) -> str:
    """The term's `code`, unique across every taxonomy of the export (HSDS's tables require it): the SCB code
    of a municipality, else the vocabulary and the slug ("target_groups:asylsokande" and
    "residence_status:asylsokande" are two terms)."""
    return term.code if isinstance(term, Municipality) else f"{vocabulary}:{term.slug}"


def code_matches(vocabulary: str, term: Term, code: str) -> bool:
    """Whether an imported code names the term: its code, or the bare slug older exports wrote."""
    return code in (term_code(vocabulary, term), term_key(vocabulary, term))


def vocabulary_term(vocabulary: str, term: Term) -> dict[str, Any]:
    code = term_code(vocabulary, term)
    name = term.name if isinstance(term, Municipality) else term.label["sv"]
    return {
        "id": hsds_id("taxonomy_term", vocabulary, term_key(vocabulary, term)), "code": code, "name": name,
        "description": term.description.get("sv") or (f"{name}, kommunkod {code}" if isinstance(term, Municipality) else name),
        "language": "sv",
        "taxonomy_detail": VOCABULARY_TAXONOMIES[vocabulary].detail(),
    }


def vocabulary_term_index(vocabularies: Vocabularies) -> dict[str, tuple[str, Term]]:
    """Term id -> (vocabulary, term), for every term of the exported vocabularies."""
    return {
        hsds_id("taxonomy_term", name, term_key(name, term)): (name, term)
        for name in VOCABULARY_TAXONOMIES
        for term in vocabularies[name].values()
    }
