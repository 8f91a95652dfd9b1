"""HSDS 3.0 JSON services -> catalogue YAML files for one owner, with a report per service.

Every HSDS value the catalogue cannot hold is reported, never dropped silently: the importer marks each
value it uses, and whatever is left in the service (other than identifiers) is listed as not kept.
Required fields that HSDS lacks are filled with clearly marked values, a comment in the file says so, and
the report lists them. The written files are read back with the catalogue's own reader; if any of them
has an error, the import is undone.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import langcodes
import nh3

from insatsbas.hsds import terms
from insatsbas.hsds.emit import dump_entry
from insatsbas.hsds.export import (
    COST_FEE,
    COST_FREE,
    COST_OTHER_MUNICIPALITY,
    CURRENCY,
    PROVIDER_TYPES,
    TIME_NOTE,
    WEEKDAYS,
    organization_description,
)
from insatsbas.hsds.ids import hsds_id
from insatsbas.hsds.tables import nested_services, read_tables
from insatsbas.i18n import N_, translate
from insatsbas.model import GENDERS, REFERRALS, Owner, Vocabularies
from insatsbas.reader import read_catalogue, read_owners, read_vocabularies
from insatsbas.sources.canonical import entry_layout
from insatsbas.sources.files import OWNERS_FILE
from insatsbas.sources.problems import Message, Problem
from insatsbas.sources.schema import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    SLUG_PATTERN,
    SUMMARY_MAX,
    URL_PATTERN,
    entry_schema,
)
from insatsbas.sources.text import slugify

HSDS_TO_STATUS = {"active": "active", "temporarily closed": "paused", "inactive": "ended", "defunct": "ended"}
TYPE_BY_LABEL = {label.lower(): key for key, label in PROVIDER_TYPES.items()}
DAYS_BY_RRULE = {code: day for day, code in WEEKDAYS.items()}
DEFAULT_TERMS = {"categories": "radgivning", "target_groups": "vuxna", "languages": "sv"}
TITLE_MAX = 150
LATITUDES, LONGITUDES = (55, 70), (10, 25)
FILLED = "Importerad från HSDS"
# Recurrence fields that narrow a weekly rule; with any of them, the days alone would say more than the source.
NARROWING = ("byweekno", "bymonthday", "byyearday", "count", "until")
RULE_KEYS = ("freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "count", "until", "wkst", "dtstart")
TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(:00(\.0+)?)?$")


class HsdsImportError(Exception):
    """The import cannot start. `message` is a Swedish message id."""

    def __init__(self, message: str, **params: object):
        super().__init__(message.format(**params))
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Note:
    """One line of the report: an HSDS or catalogue field, its value, and why it is mentioned."""

    field: str
    value: str
    reason: Message | None = None


@dataclass
class ServiceReport:
    name: str
    hsds_id: str
    path: Path | None = None
    not_kept: list[Note] = field(default_factory=list)
    filled: list[Note] = field(default_factory=list)


@dataclass
class ImportResult:
    services: list[ServiceReport]
    problems: list[Problem] = field(default_factory=list)

    @property
    def written(self) -> list[Path]:
        return [s.path for s in self.services if s.path is not None]

    @property
    def ok(self) -> bool:
        return not self.problems


# --- what was used of the HSDS data ------------------------------------------------------------


class Source:
    """A part of the HSDS document that remembers which of its values the importer used."""

    def __init__(self, data: Any, path: str, used: set[str]):
        self.data = data
        self.path = path
        self.used = used

    def at(self, key: str | int) -> str:
        return f"{self.path}[{key}]" if isinstance(key, int) else (f"{self.path}.{key}" if self.path else key)

    def raw(self, key: str) -> Any:
        return self.data.get(key) if isinstance(self.data, dict) else None

    def take(self, key: str) -> Any:
        """The value at `key`, marked as used."""
        value = self.raw(key)
        if value is not None:
            self.used.add(self.at(key))
        return value

    def use(self, key: str | None = None) -> None:
        self.used.add(self.at(key) if key is not None else self.path)

    def child(self, key: str) -> Source | None:
        value = self.raw(key)
        return Source(value, self.at(key), self.used) if isinstance(value, dict) else None

    def children(self, key: str) -> list[Source]:
        value = self.raw(key)
        if not isinstance(value, list):
            return []
        base = self.at(key)
        return [Source(item, f"{base}[{index}]", self.used) for index, item in enumerate(value)
                if isinstance(item, dict)]


def unused_values(data: Any, used: set[str]) -> list[tuple[str, Any]]:
    """Every value in the service that nothing used, except identifiers (they are derived anew).

    HSDS JSON repeats an object wherever it is linked (one phone under the service, its contact and its
    location), so an object is reported once, at its first place, and counts as used where any copy was.
    """
    places: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    collect_objects(data, "", places)
    found = []
    for occurrences in places.values():
        first_path, first = occurrences[0]
        for key in first:
            if key == "id" or key.endswith("_id") or isinstance(first[key], dict) or is_object_list(first[key]):
                continue
            if first[key] in (None, "", []) or any(is_used(join(path, key), used) for path, _ in occurrences):
                continue
            found.append((join(first_path, key), first[key]))
    return found


def collect_objects(data: Any, path: str, places: dict[str, list[tuple[str, dict[str, Any]]]]) -> None:
    if isinstance(data, dict):
        places[str(data.get("id") or path)].append((path, data))
        for key, value in data.items():
            collect_objects(value, join(path, key), places)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            collect_objects(item, f"{path}[{index}]", places)


def is_object_list(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def is_used(path: str, used: set[str]) -> bool:
    """`path` or a part that contains it was used."""
    while path:
        if path in used:
            return True
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return False


def shown(value: Any, limit: int = 80) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the catalogue side -----------------------------------------------------------------------


@dataclass
class Context:
    vocabularies: Vocabularies
    owner: Owner
    today: date
    vocabulary_terms: dict[str, tuple[str, str]]
    field_terms: dict[str, str]

    @classmethod
    def build(cls, vocabularies: Vocabularies, owner: Owner, today: date) -> Context:
        vocabulary_terms = {
            term_id: (vocabulary, term.slug) for term_id, (vocabulary, term) in
            terms.vocabulary_term_index(vocabularies).items()
        }
        codes = list(terms.FIELD_TERMS) + [
            f"translations.{language}.{name}" for language in vocabularies.languages for name in terms.TRANSLATED_FIELDS
        ]
        field_terms = {hsds_id("taxonomy_term", terms.FIELDS.key, code): code for code in codes}
        return cls(vocabularies, owner, today, vocabulary_terms, field_terms)

    def match_term(self, term: Source) -> tuple[str, str] | None:
        """(vocabulary, slug) or ("fields", code) for a term of ours, matched by id or by taxonomy and code."""
        term_id, code = term.raw("id"), term.raw("code")
        if term_id in self.vocabulary_terms:
            return self.vocabulary_terms[term_id]
        if term_id in self.field_terms:
            return terms.FIELDS.key, self.field_terms[term_id]
        detail = term.child("taxonomy_detail")
        taxonomy_keys = {term.raw("taxonomy_id"), term.raw("taxonomy")}
        if detail:
            taxonomy_keys |= {detail.raw("id"), detail.raw("name")}
        for taxonomy in terms.TAXONOMIES.values():
            if not taxonomy_keys & {taxonomy.id, taxonomy.name} or not isinstance(code, str):
                continue
            if taxonomy is terms.FIELDS:
                return (taxonomy.key, code) if code in self.field_terms.values() else None
            for slug, found in self.vocabularies[taxonomy.key].items():
                if terms.code_matches(taxonomy.key, found, code):
                    return taxonomy.key, slug
        return None


class Conversion:
    """One HSDS service turned into the fields of a catalogue entry."""

    def __init__(self, service: Source, context: Context, report: ServiceReport):
        self.s = service
        self.ctx = context
        self.report = report
        self.vocab: dict[str, list[str]] = defaultdict(list)
        self.fields: dict[str, list[str]] = defaultdict(list)
        self.comments: dict[str, list[str]] = defaultdict(list)

    def not_kept(self, path: str, value: Any, reason: Message | None = None) -> None:
        self.report.not_kept.append(Note(path, shown(value), reason))

    def fill(self, field_name: str, value: Any, reason: Message) -> Any:
        self.report.filled.append(Note(field_name, shown(value), reason))
        self.comments[field_name.split(".")[0]].append(f"ÅTGÄRDA: {field_name} fylldes i vid import från HSDS; kontrollera.")
        return value

    # -- attributes first: they carry the vocabulary terms and the fields HSDS lacks

    def read_attributes(self) -> None:
        for attribute in self.s.children("attributes"):
            term = attribute.child("taxonomy_term")
            match = self.ctx.match_term(term) if term else None
            if match is None:
                self.not_kept(attribute.path, describe_attribute(attribute),
                              Message(N_("termen finns inte i katalogens ordlistor")))
                attribute.use()
                continue
            vocabulary, code = match
            attribute.use()
            if vocabulary == terms.FIELDS.key:
                value = attribute.raw("value")
                if value is not None:
                    self.fields[code].append(str(value))
            elif vocabulary == "municipalities":
                self.not_kept(attribute.path, code, Message(N_("en kommun anges i service_areas")))
            elif code not in self.vocab[vocabulary]:
                self.vocab[vocabulary].append(code)

    def field(self, code: str) -> str | None:
        values = self.fields.get(code)
        return values[0] if values else None

    # -- the entry

    def entry(self) -> dict[str, Any]:
        self.read_attributes()
        s = self.s
        title = self.title()
        description = s.take("description") or self.fill("description", title, Message(N_("HSDS-tjänsten saknar description")))
        data: dict[str, Any] = {
            "title": title,
            "summary": self.summary(description),
            "description": description,
            "status": self.status(),
            "provider": self.provider(),
        }
        municipality, service_area = self.municipalities()
        data["municipality"] = municipality
        if service_area:
            data["service_area"] = service_area
        data["categories"] = self.terms_or_default("categories")
        data["target_groups"] = self.terms_or_default("target_groups")
        data["languages"] = self.languages()
        eligibility = self.eligibility()
        if eligibility:
            data["eligibility"] = eligibility
        data["how_to_apply"] = self.how_to_apply()
        data["contact"] = self.contact()
        data["last_reviewed"], data["reviewed_by"] = self.review()
        optional = {
            "locations": self.locations(municipality),
            "schedule": self.schedule(),
            "cost": self.cost(),
            "capacity": self.integer_field("capacity", 1),
            "required_documents": [d.take("document") for d in s.children("required_documents") if d.raw("document")],
            "funding": [f.take("source") for f in s.children("funding") if f.raw("source")],
            "keywords": self.fields.get("keywords", []),
            "translations": self.translations(),
        }
        data.update({key: value for key, value in optional.items() if value not in (None, [], {})})
        source_id = s.take("id")
        if isinstance(source_id, str) and source_id.strip():
            data["hsds_id"] = source_id.strip()
        unconfirmed = list(dict.fromkeys(note.field for note in self.report.filled))
        if unconfirmed:
            # A value the source did not give is never published unchecked: the entry waits as a draft.
            data["status"] = "draft"
            data["unconfirmed"] = unconfirmed
        return data

    def title(self) -> str:
        name = str(self.s.take("name") or "").strip()
        if not name:
            return self.fill("title", "Namn saknas", Message(N_("HSDS-tjänsten saknar name")))
        if len(name) > TITLE_MAX:
            self.not_kept("name", name, Message(N_("längre än {limit} tecken; förkortad"), {"limit": TITLE_MAX}))
            return name[: TITLE_MAX - 1].rstrip() + "…"
        return name

    def summary(self, description: str) -> str:
        summary = self.field("summary")
        if summary and len(summary) <= SUMMARY_MAX:
            return " ".join(summary.split())
        plain = " ".join(nh3.clean(description, tags=set()).replace("#", " ").replace("*", " ").split())
        sentence = re.match(r"(.+?[.!?])(\s|$)", plain)
        text = sentence.group(1) if sentence and len(sentence.group(1)) <= SUMMARY_MAX else plain
        if len(text) > SUMMARY_MAX:
            text = text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
        return self.fill("summary", text, Message(N_("första meningen i description")))

    def status(self) -> str:
        value = self.s.take("status")
        if value in HSDS_TO_STATUS:
            if value == "inactive":
                self.fill("status", "ended", Message(N_("HSDS-status inactive")))
            return HSDS_TO_STATUS[value]
        self.not_kept("status", value)
        return self.fill("status", "draft", Message(N_("okänd status; utkast publiceras inte")))

    def provider(self) -> dict[str, Any]:
        organization = self.s.child("organization")
        name = organization.take("name") if organization else None
        if not name:
            name = self.fill("provider.name", self.ctx.owner.name, Message(N_("HSDS-tjänsten saknar organization; ägaren")))
        provider: dict[str, Any] = {"name": name, "type": self.provider_type(organization, name)}
        url = self.s.raw("url") or (organization.raw("website") if organization else None)
        if isinstance(url, str) and re.match(URL_PATTERN, url):
            if self.s.raw("url") == url:
                self.s.use("url")
            if organization and organization.raw("website") == url:
                organization.use("website")
            provider["url"] = url
        return provider

    def provider_type(self, organization: Source | None, name: str) -> str:
        label = organization.raw("legal_status") if organization else None
        if isinstance(label, str) and label.lower() in TYPE_BY_LABEL:
            organization.use("legal_status")
            found = TYPE_BY_LABEL[label.lower()]
            if organization.raw("description") == organization_description(found):
                organization.use("description")
            return found
        guess = ("kommun" if "kommun" in name.lower() else "region" if name.lower().startswith("region")
                 else self.ctx.owner.type)
        return self.fill("provider.type", guess, Message(N_("HSDS har ingen organisationstyp; gissad")))

    def municipalities(self) -> tuple[str, list[str]]:
        found: list[str] = []
        for area in self.s.children("service_areas"):
            slug = self.area_municipality(area)
            if slug and slug not in found:
                found.append(slug)
        if found:
            return found[0], found[1:]
        for location in self.locations_sources():
            for address in location.children("addresses"):
                slug = self.municipality_by_name(address.raw("city"))
                if slug:
                    return self.fill("municipality", slug, Message(N_("ortnamnet i adressen"))), []
        if self.ctx.owner.municipality:
            return self.fill("municipality", self.ctx.owner.municipality,
                             Message(N_("ingen känd kommun i HSDS-data; ägarens kommun"))), []
        first = next(iter(self.ctx.vocabularies.municipalities))
        return self.fill("municipality", first, Message(N_("ingen känd kommun i HSDS-data och ägaren har ingen"))), []

    def area_municipality(self, area: Source) -> str | None:
        for attribute in area.children("attributes"):
            term = attribute.child("taxonomy_term")
            match = self.ctx.match_term(term) if term else None
            if match and match[0] == "municipalities":
                attribute.use()
                if area.raw("name") == self.ctx.vocabularies.municipalities[match[1]].name:
                    area.use("name")
                return match[1]
        slug = self.municipality_by_name(area.raw("name"))
        if slug:
            area.use("name")
        return slug

    def municipality_by_name(self, name: Any) -> str | None:
        if not isinstance(name, str):
            return None
        wanted = name.strip().lower().removesuffix(" kommun")
        for slug, municipality in self.ctx.vocabularies.municipalities.items():
            names = {municipality.name.lower(), slug, *(label.lower() for label in municipality.label.values())}
            if wanted in names or wanted.rstrip("s") in names:
                return slug
        return None

    def terms_or_default(self, vocabulary: str) -> list[str]:
        if self.vocab.get(vocabulary):
            return self.vocab[vocabulary]
        default = DEFAULT_TERMS[vocabulary]
        if default not in self.ctx.vocabularies[vocabulary]:
            default = next(iter(self.ctx.vocabularies[vocabulary]))
        return [self.fill(vocabulary, default, Message(N_("ingen term i HSDS-data motsvarar katalogens")))]

    def languages(self) -> list[str]:
        found: list[str] = []
        for language in self.s.children("languages"):
            code = self.language_code(language)
            if code is None:
                continue
            language.use()
            if code not in found:
                found.append(code)
        if found:
            return found
        return self.terms_or_default("languages")

    def language_code(self, language: Source) -> str | None:
        known = self.ctx.vocabularies.languages
        code = language.raw("code")
        if isinstance(code, str) and code.strip():
            raw = code.strip().lower()
            if raw in known:
                return raw
            try:
                tag = langcodes.standardize_tag(raw)
            except ValueError:
                tag = raw
            # Dari is ISO 639-3 `prs`; langcodes folds it into Persian as fa-AF.
            if tag == "fa-AF" and "prs" in known:
                return "prs"
            base = tag.split("-")[0]
            if base in known:
                return base
        name = language.raw("name")
        if isinstance(name, str):
            for slug, term in known.items():
                if name.strip().lower() in {label.lower() for label in term.label.values()} | {
                        str(term.extra.get("native", "")).lower()}:
                    return slug
        self.not_kept(language.path, code or name, Message(N_("språket finns inte i katalogens ordlista")))
        language.use()
        return None

    def eligibility(self) -> dict[str, Any]:
        eligibility: dict[str, Any] = {}
        if self.vocab.get("residence_status"):
            eligibility["residence_status"] = self.vocab["residence_status"]
        for key, hsds_key in (("min_age", "minimum_age"), ("max_age", "maximum_age")):
            value = self.s.raw(hsds_key)
            if isinstance(value, (int, float)) and float(value).is_integer() and 0 <= value <= 120:
                eligibility[key] = int(self.s.take(hsds_key))
        gender = self.field("eligibility.gender")
        if gender in GENDERS:
            eligibility["gender"] = gender
        months = {key: self.integer_field(f"eligibility.months_in_sweden.{key}", 0) for key in ("min", "max")}
        months = {key: value for key, value in months.items() if value is not None}
        if months:
            eligibility["months_in_sweden"] = months
        if self.s.raw("eligibility_description"):
            eligibility["description"] = self.s.take("eligibility_description")
        return eligibility

    def integer_field(self, code: str, minimum: int) -> int | None:
        value = self.field(code)
        if value is None:
            return None
        if re.fullmatch(r"\d+", value) and int(value) >= minimum:
            return int(value)
        self.not_kept(code, value, Message(N_("inte ett heltal")))
        return None

    def how_to_apply(self) -> dict[str, str]:
        referral = self.field("how_to_apply.referral")
        if referral not in REFERRALS:
            referral = self.fill("how_to_apply.referral", "self", Message(N_("HSDS saknar uppgiften")))
        description = self.s.take("application_process") or self.fill(
            "how_to_apply.description", "Kontakta anordnaren för att anmäla dig.",
            Message(N_("HSDS-tjänsten saknar application_process")))
        return {"referral": referral, "description": description}

    def contact(self) -> dict[str, Any]:
        contacts = self.s.children("contacts")
        first = contacts[0] if contacts else None
        role = (first.take("title") or first.take("department")) if first else None
        if first and first.raw("name"):
            self.not_kept(first.at("name"), first.raw("name"), Message(N_("katalogen sparar aldrig personers namn")))
            first.use("name")
        contact: dict[str, Any] = {"role": role or self.fill("contact.role", "Kontakt", Message(N_("HSDS-kontakten saknar title")))}
        phones = (first.children("phones") if first else []) or self.s.children("phones")
        for phone in phones[:1]:
            number = str(phone.raw("number") or "").strip().strip("\"'")
            if re.match(PHONE_PATTERN, number):
                phone.use("number")
                contact["phone"] = number
        email = (first.raw("email") if first else None) or self.s.raw("email")
        if isinstance(email, str) and re.match(EMAIL_PATTERN, email):
            contact["email"] = email
            for source in (first, self.s):
                if source and source.raw("email") == email:
                    source.use("email")
        url = self.field("contact.url")
        if url and re.match(URL_PATTERN, url):
            contact["url"] = url
        if not {"phone", "email", "url"} & set(contact):
            organization = self.s.child("organization")
            fallback = organization.raw("email") if organization else None
            if isinstance(fallback, str) and re.match(EMAIL_PATTERN, fallback):
                organization.use("email")
                contact["email"] = self.fill("contact.email", fallback, Message(N_("organisationens e-post")))
        return contact

    def review(self) -> tuple[str, str]:
        assured = self.s.raw("assured_date")
        try:
            reviewed = date.fromisoformat(str(assured)) if assured else None
        except ValueError:
            reviewed = None
        if reviewed and reviewed <= self.ctx.today:
            self.s.use("assured_date")
            last_reviewed = reviewed.isoformat()
        else:
            last_reviewed = self.fill("last_reviewed", self.ctx.today.isoformat(), Message(N_("HSDS saknar giltigt assured_date; importdagen")))
        if self.s.raw("assurer_email") == self.ctx.owner.contact:
            self.s.use("assurer_email")
        reviewed_by = self.field("reviewed_by") or self.fill(
            "reviewed_by", f"{FILLED}, inte granskad", Message(N_("HSDS anger ingen roll som granskat")))
        return last_reviewed, reviewed_by

    def locations_sources(self) -> list[Source]:
        return [location for sal in self.s.children("service_at_locations")
                if (location := sal.child("location")) is not None]

    def locations(self, municipality: str) -> list[dict[str, Any]]:
        county = self.ctx.vocabularies.county_of(municipality).label["sv"]
        found = []
        for location in self.locations_sources():
            result: dict[str, Any] = {}
            if location.raw("location_type") == "physical":
                location.use("location_type")
            addresses = location.children("addresses")
            address = next((a for a in addresses if a.raw("address_type") == "physical"), addresses[0] if addresses else None)
            if address:
                self.read_address(address, result, county)
            else:
                self.read_partial_address(location, result)
            name = location.take("name") or self.fill("locations.name", result.get("address") or "Plats",
                                                      Message(N_("HSDS-platsen saknar name")))
            result = {"name": name, **result}
            for key, bounds in (("latitude", LATITUDES), ("longitude", LONGITUDES)):
                value = location.raw(key)
                if isinstance(value, (int, float)) and bounds[0] <= value <= bounds[1]:
                    result[key] = location.take(key)
                elif value is not None:
                    self.not_kept(location.at(key), value, Message(N_("utanför Sverige")))
                    location.use(key)
            accessibility = [a.take("description") for a in location.children("accessibility") if a.raw("description")]
            if accessibility:
                result["accessibility"] = "\n".join(accessibility)
            found.append(result)
        return found

    def read_partial_address(self, location: Source, result: dict[str, Any]) -> None:
        """An address without all of street, postal code and city, from the location's field attributes (as
        the export writes it); the description that repeats it for readers is then used too."""
        for attribute in location.children("attributes"):
            term = attribute.child("taxonomy_term")
            match = self.ctx.match_term(term) if term else None
            value = attribute.raw("value")
            if match and match[0] == terms.FIELDS.key and match[1].startswith("locations.") and isinstance(value, str):
                name = match[1].removeprefix("locations.")
                if name == "postal_code" and not re.match(POSTAL_CODE_PATTERN, value):
                    continue
                result[name] = value
                attribute.use()
        parts = [result.get(name) for name in terms.PARTIAL_ADDRESS_FIELDS]
        if any(parts) and location.raw("description") == ", ".join(p for p in parts if p):
            location.use("description")

    def read_address(self, address: Source, result: dict[str, Any], county: str | None) -> None:
        if address.raw("address_1"):
            result["address"] = address.take("address_1")
        postal_code = str(address.raw("postal_code") or "")
        if re.match(POSTAL_CODE_PATTERN, postal_code):
            result["postal_code"] = address.take("postal_code")
        elif postal_code:
            self.not_kept(address.at("postal_code"), postal_code, Message(N_("inte ett svenskt postnummer")))
            address.use("postal_code")
        if address.raw("city"):
            result["city"] = address.take("city")
        for key, expected in (("country", "SE"), ("address_type", "physical"), ("state_province", county)):
            if address.raw(key) == expected:
                address.use(key)

    def schedule(self) -> dict[str, Any] | None:
        schedule: dict[str, Any] = {}
        descriptions: list[str] = []
        hours: list[dict[str, Any]] = []
        for item in self.s.children("schedules"):
            for key in ("valid_from", "valid_to"):
                value = item.raw(key)
                if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and schedule.get(key, value) == value:
                    schedule[key] = item.take(key)
            text = item.raw("description")
            if text:
                item.use("description")
                if text not in descriptions:
                    descriptions.append(text)
            weekly = self.weekly_hours(item)
            if weekly:
                hours.append(weekly)
            else:
                rule = self.rule_description(item)
                if rule and rule not in descriptions:
                    descriptions.append(rule)
        if descriptions:
            schedule = {"description": "\n".join(descriptions), **schedule}
        if hours:
            schedule["hours"] = hours
        if schedule.get("valid_from", "") > schedule.get("valid_to", "9999"):
            self.not_kept("schedules.valid_to", schedule.pop("valid_to"), Message(N_("före valid_from")))
        return schedule or None

    def weekly_hours(self, item: Source) -> dict[str, Any] | None:
        """Opening hours every week, or None when the rule says more than days and times (every other week,
        the first Monday, until a date ...): keeping only its days would make the rule broader."""
        byday, opens, closes = item.raw("byday"), item.raw("opens_at"), item.raw("closes_at")
        if item.raw("freq") not in (None, "WEEKLY") or not (byday and opens and closes):
            return None
        if any(item.raw(key) not in (None, "", []) for key in NARROWING) or item.raw("interval") not in (None, 1, 1.0):
            return None
        days = [DAYS_BY_RRULE.get(code.strip()) for code in str(byday).split(",")]
        opens_match, closes_match = TIME.match(str(opens)), TIME.match(str(closes))
        if None in days or not opens_match or not closes_match:
            return None
        opens_text, closes_text = str(opens)[:5], str(closes)[:5]
        if opens_text >= closes_text:
            return None
        for key in ("freq", "byday", "opens_at", "closes_at"):
            item.use(key)
        # Times are kept as written: Swedish local time, which the offset Stockholm has (1 or 2) agrees with.
        if item.raw("timezone") in (1, 2, 1.0, 2.0):
            item.use("timezone")
        if item.raw("notes") == TIME_NOTE:
            item.use("notes")
        if item.raw("interval") in (1, 1.0):
            item.use("interval")
        return {"days": list(dict.fromkeys(days)), "opens": opens_text, "closes": closes_text}

    def rule_description(self, item: Source) -> str | None:
        """A recurrence the catalogue's weekly hours cannot hold, as the schedule's text, in RRULE's words."""
        parts = [f"{key.upper()}={item.raw(key)}" for key in RULE_KEYS if item.raw(key) not in (None, "", [])]
        opens, closes = item.raw("opens_at"), item.raw("closes_at")
        if not parts or not (opens or closes):
            return None
        for key in (*RULE_KEYS, "opens_at", "closes_at"):
            if item.raw(key) not in (None, "", []):
                item.use(key)
        times = "–".join(str(time)[:5] for time in (opens, closes) if time)
        return f"{times}, enligt regeln {';'.join(parts)} (från HSDS)."

    def cost(self) -> dict[str, Any] | None:
        cost: dict[str, Any] = {}
        for option in self.s.children("cost_options"):
            if option.raw("currency") in (CURRENCY, CURRENCY.lower()):
                option.use("currency")
            label, amount = option.raw("option"), option.raw("amount")
            if label == COST_OTHER_MUNICIPALITY and option.raw("amount_description"):
                option.use("option")
                cost["price_other_municipality"] = option.take("amount_description")
            elif amount == 0:
                option.use("amount")
                if label == COST_FREE:
                    option.use("option")
                cost.setdefault("free", True)
            else:
                if label == COST_FEE and amount is None:
                    option.use("option")
                cost["free"] = False
        if self.s.raw("fees_description"):
            cost["description"] = self.s.take("fees_description")
        order = ("free", "description", "price_other_municipality")
        return {key: cost[key] for key in order if key in cost} or None

    def translations(self) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = defaultdict(dict)
        for code, values in self.fields.items():
            parts = code.split(".")
            if parts[0] == "translations" and len(parts) == 3:
                found[parts[1]][parts[2]] = list(values) if parts[2] in terms.TRANSLATED_LISTS else values[0]
        complete = {}
        for language, texts in found.items():
            if (language != "sv" and set(terms.REQUIRED_TRANSLATED_FIELDS) <= set(texts)
                    and len(texts["summary"]) <= SUMMARY_MAX):
                complete[language] = {name: texts[name] for name in terms.TRANSLATED_FIELDS if name in texts}
            else:
                self.not_kept(f"translations.{language}", texts, Message(N_("ofullständig översättning")))
        return complete


def describe_attribute(attribute: Source) -> str:
    term = attribute.raw("taxonomy_term") or {}
    taxonomy = (term.get("taxonomy_detail") or {}).get("name") or term.get("taxonomy") or ""
    text = f"{taxonomy}: {term.get('name', '')} ({term.get('code', '')})".strip()
    value = attribute.raw("value")
    return f"{text} = {value}" if value not in (None, "") else text


# --- files ------------------------------------------------------------------------------------


def hsds_kind(item: dict[str, Any]) -> str:
    """What an HSDS 3.0 object is, by the fields only that kind has (the compiled schemas' required fields
    and nested lists): service, organization, service_at_location, location, taxonomy_term ... or unknown."""
    keys = set(item)
    if "service" in keys and isinstance(item.get("service"), dict):
        return "service_at_location"
    if keys & {"services", "legal_status", "tax_status", "tax_id", "year_incorporated", "organization_identifiers",
               "programs", "parent_organization_id", "website", "logo", "uri"} and "status" not in keys:
        return "organization"
    if "status" in keys and "name" in keys:
        return "service"
    if keys & {"location_type", "addresses", "latitude", "longitude", "transportation"}:
        return "location"
    if "code" in keys and keys & {"taxonomy", "taxonomy_id", "taxonomy_detail", "term_uri", "parent_id"}:
        return "taxonomy_term"
    if keys & {"address_1", "postal_code", "state_province"}:
        return "address"
    return "unknown"


def services_of(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The services an HSDS object holds: a service itself, an organization's `services` (each with the
    organization, without its list of services), a service_at_location's `service` at that location.
    Anything else is refused, saying what it is."""
    kind = hsds_kind(item)
    if kind == "service":
        return [item]
    if kind == "organization":
        services = [s for s in item.get("services") or [] if isinstance(s, dict)]
        if not services:
            raise HsdsImportError(N_("Filen är en organisation (organization) utan tjänster (services). Bara "
                                     "tjänster kan importeras."))
        organization = {key: value for key, value in item.items() if key not in ("services", "locations",
                                                                                 "programs", "contacts", "phones")}
        return [{**service, "organization": service.get("organization") or organization} for service in services]
    if kind == "service_at_location":
        service = dict(item["service"])
        at_location = {key: value for key, value in item.items() if key != "service"}
        known = [sal for sal in service.get("service_at_locations") or [] if isinstance(sal, dict)]
        if at_location.get("location") and not any(sal.get("id") == at_location.get("id") for sal in known):
            service["service_at_locations"] = [*known, at_location]
        if hsds_kind(service) != "service":
            raise HsdsImportError(N_("Filen är en tjänst på en plats (service_at_location) vars tjänst saknar "
                                     "name eller status. Exportera hela tjänsten och importera den."))
        return [service]
    if kind == "unknown":
        raise HsdsImportError(N_("Filen är inget HSDS-objekt som Insatsbas känner igen. Importera en HSDS-tjänst "
                                 "(service), en organisation med tjänster (organization) eller en tjänst på en "
                                 "plats (service_at_location)."))
    raise HsdsImportError(N_("Filen är ett HSDS-objekt av typen {kind}, inte en tjänst. Importera en HSDS-tjänst "
                             "(service), en organisation med tjänster (organization) eller en tjänst på en plats "
                             "(service_at_location)."), kind=kind)


def load_services(source: Path | dict[str, Any] | list[Any]) -> list[dict[str, Any]]:
    """The services of an HSDS JSON document: a paginated list (`contents`), a list, or one object, of
    services, organizations or services at locations."""
    if isinstance(source, Path) and (source.is_dir() or source.name == "datapackage.json"):
        return tabular_services(source if source.is_dir() else source.parent)
    data = json.loads(source.read_text(encoding="utf-8")) if isinstance(source, Path) else source
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise HsdsImportError(N_("Filen är inte en lista med HSDS-tjänster (service eller contents)."))
    return [service for item in data for service in services_of(item)]


def tabular_services(folder: Path) -> list[dict[str, Any]]:
    """The services of HSDS's tabular form: the CSV files its datapackage.json names, nested as JSON."""
    if not (folder / "datapackage.json").is_file():
        raise HsdsImportError(N_("Mappen {folder} har ingen datapackage.json. Ange HSDS-tabellernas mapp eller "
                                 "deras datapackage.json."), folder=folder)
    services = nested_services(read_tables(folder))
    if not services:
        raise HsdsImportError(N_("HSDS-tabellerna i {folder} har inga tjänster (services.csv är tom eller saknas)."),
                              folder=folder)
    return services


def existing_by_hsds_id(folder: Path) -> dict[str, Path]:
    """The owner's entries that came from HSDS, by the source's id: a new import of the service updates them."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yml")):
        match = re.search(r"^hsds_id:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", path.read_text(encoding="utf-8"), re.M)
        if match:
            found.setdefault(match.group(1), path)
    return found


def import_hsds(source: Path | dict[str, Any] | list[Any], owner: str, catalogue_dir: Path, *,
                today: date | None = None, replace: bool = False) -> ImportResult:
    """Write one YAML file per HSDS service into `catalogue_dir`/`owner`/ and check them with the reader."""
    today = today or date.today()
    problems: list[Problem] = []
    vocabularies = read_vocabularies(catalogue_dir, problems)
    owners = read_owners(catalogue_dir, vocabularies, problems) if vocabularies else None
    if vocabularies is None or owners is None:
        raise HsdsImportError(N_("Katalogen i {folder} går inte att läsa. Kör insatsbas validate först."),
                              folder=catalogue_dir)
    if owner not in owners[0]:
        raise HsdsImportError(N_("Ägaren «{owner}» finns inte i {file}. En samordnare lägger till ägaren där."),
                              owner=owner, file=catalogue_dir / OWNERS_FILE)
    context = Context.build(vocabularies, owners[0][owner], today)
    layout = entry_layout(entry_schema(vocabularies))
    folder = catalogue_dir / owner
    reports, files = [], {}
    imported_before = existing_by_hsds_id(folder) if folder.is_dir() else {}
    for index, service in enumerate(load_services(source)):
        report = ServiceReport(str(service.get("name") or ""), str(service.get("id") or ""))
        reports.append(report)
        used: set[str] = set()
        conversion = Conversion(Source(service, "", used), context, report)
        data = conversion.entry()
        report.not_kept += [Note(path, shown(value)) for path, value in unused_values(service, used)]
        path = imported_before.get(data.get("hsds_id", ""))
        if path is None or path in files:
            path = folder / f"{unique_slug(conversion.field('id'), data['title'], files, folder, replace)}.yml"
        header = [f"{FILLED} ({source.name if isinstance(source, Path) else 'JSON'}, tjänst {index + 1}, "
                  f"id {report.hsds_id})."] if report.filled else []
        files[path] = dump_entry(data, conversion.comments, header, layout)
        report.path = path
    problems = write_checked(files, catalogue_dir, today)
    if problems:
        for report in reports:
            report.path = None
    return ImportResult(reports, problems)


def unique_slug(insatsbas_id: str | None, title: str, taken: dict[Path, str], folder: Path, replace: bool) -> str:
    """The slug from the exported Insatsbas id, else from the title; never one used by this import, and
    never an existing file unless `replace`."""
    slug = insatsbas_id.rsplit("/", 1)[-1] if insatsbas_id else ""
    if not re.fullmatch(SLUG_PATTERN, slug):
        slug = slugify(title)[:60].strip("-") or "insats"
    candidate, number = slug, 1
    while folder / f"{candidate}.yml" in taken or (not replace and (folder / f"{candidate}.yml").exists()):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def write_checked(files: dict[Path, str], catalogue_dir: Path, today: date) -> list[Problem]:
    """Write the files, read the catalogue back, and undo the writes if any written file has an error."""
    previous = {path: path.read_bytes() if path.exists() else None for path in files}
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    written = {path.resolve() for path in files}
    result = read_catalogue(catalogue_dir, today=today)
    problems = [p for p in result.problems if p.is_error and Path(p.path).resolve() in written]
    if problems:
        for path, content in previous.items():
            if content is None:
                path.unlink()
            else:
                path.write_bytes(content)
    return problems


# --- the report -------------------------------------------------------------------------------


def render_report(result: ImportResult, folder: Path, language: str = "sv") -> list[str]:
    """The import report as lines: per service, where it went, what was not kept and what was filled in."""
    lines = []
    for report in result.services:
        if report.path is not None:
            lines.append(translate(N_("{name}: skrevs till {path}"), language, name=report.name, path=report.path))
        else:
            lines.append(translate(N_("{name}: skrevs inte"), language, name=report.name))
        for note in report.not_kept:
            lines.append(note_line(N_("  inte bevarat: {field} = {value}"), note, language))
        for note in report.filled:
            lines.append(note_line(N_("  ifyllt: {field} = {value}"), note, language))
    lines += [problem.render(language) for problem in result.problems]
    if result.ok:
        lines.append(translate(
            N_("{services} tjänster importerade till {folder}. {not_kept} HSDS-värden kunde inte bevaras; "
               "{filled} fält fylldes i och är markerade med ÅTGÄRDA i filerna."),
            language, services=len(result.written), folder=folder,
            not_kept=sum(len(r.not_kept) for r in result.services), filled=sum(len(r.filled) for r in result.services)))
    else:
        lines.append(translate(N_("Ingenting importerades: de nya filerna klarade inte valideringen."), language))
    return lines


def note_line(message: str, note: Note, language: str) -> str:
    line = translate(message, language, field=note.field, value=note.value)
    return f"{line} ({note.reason.text(language)})" if note.reason else line
