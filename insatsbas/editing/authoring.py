"""Help while typing: the JSON Schema file for editors' YAML tooling, and new entries from a template.

A new entry has every required field, but the ones only the editor can fill in hold placeholders that
validation rejects: an empty text ("") or a `välj-...` word that is not a term. `insatsbas validate`
therefore lists exactly what is left to do, with the valid terms, and an entry can never be published
with a prompt still in it. The prompts themselves are Swedish comments above each field.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from insatsbas.editing.owners import read_rules
from insatsbas.i18n import N_
from insatsbas.model import Vocabularies
from insatsbas.reader import read_vocabularies
from insatsbas.sources.files import ENTRY_SUFFIXES
from insatsbas.sources.problems import Message, Problem, ProblemsFound
from insatsbas.sources.schema import SCHEMA_PATH, entry_schema, render_schema
from insatsbas.sources.text import allowed_list, did_you_mean, slugify

# --- the JSON Schema file ---------------------------------------------------------------------------


class VocabulariesInvalid(ProblemsFound):
    """The vocabularies have errors, so no schema and no written form can be made from them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems, "the vocabularies")


def schema_path(catalogue_dir: Path) -> Path:
    """Where entries' first line points: schema/ beside the catalogue folder."""
    return catalogue_dir.resolve().parent / SCHEMA_PATH


def checked_vocabularies(catalogue_dir: Path) -> Vocabularies:
    """The catalogue's vocabularies, or VocabulariesInvalid with their problems."""
    problems: list[Problem] = []
    vocabularies = read_vocabularies(catalogue_dir, problems)
    if vocabularies is None or any(p.is_error for p in problems):
        raise VocabulariesInvalid(problems)
    return vocabularies


def render_entry_schema(catalogue_dir: Path) -> str:
    return render_schema(entry_schema(checked_vocabularies(catalogue_dir)))


def write_entry_schema(catalogue_dir: Path, out: Path | None = None) -> Path:
    out = out or schema_path(catalogue_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_entry_schema(catalogue_dir), encoding="utf-8")
    return out


def entry_schema_is_current(catalogue_dir: Path, out: Path | None = None) -> bool:
    out = out or schema_path(catalogue_dir)
    return out.is_file() and out.read_text(encoding="utf-8") == render_entry_schema(catalogue_dir)


# --- new entries ------------------------------------------------------------------------------------


class NewEntryRefused(Exception):
    """No entry was written; `reason` says why and what to do."""

    def __init__(self, reason: Message):
        super().__init__(reason.text("sv"))
        self.reason = reason


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


TEMPLATE = """\
# Ny insats. Fyll i varje tomt värde ("") och byt ut varje välj-... mot rätt värde.
# Kör sedan `insatsbas validate`: den visar vad som återstår och vilka värden som finns.
title: {title}
# En eller två meningar i klarspråk, högst 300 tecken, utan formatering.
summary: ""
# Vad insatsen är och hur den går till. Markdown går bra; skriv texten indragen under raden
# description: | som i exemplet i guiden för redaktörer.
description: ""
# active: pågår, paused: tillfälligt uppehåll, ended: avslutad, draft: utkast som inte visas.
status: active
provider:
  # Organisationen som genomför insatsen. Ändra om det inte är ni själva.
  name: {provider_name}
  type: {provider_type}
# Kommunen där insatsen finns.
municipality: {municipality}
# Lägg till service_area: [kommun, ...] om invånare i fler kommuner får delta.
# Vad insatsen handlar om: en eller flera kategorier.
categories: [välj-kategori]
# Vilka insatsen vänder sig till: en eller flera målgrupper.
target_groups: [välj-målgrupp]
# Språken som insatsen ges på, som språkkoder, till exempel [sv, ar, so].
languages: [välj-språk]
how_to_apply:
  # self: anmäl dig själv, caseworker: via handläggare, arbetsformedlingen: via Arbetsförmedlingen,
  # municipality: via kommunen.
  referral: välj-anmälan
  # Hur anmälan går till och vad man ska ta med.
  description: ""
contact:
  # En roll, aldrig en persons namn, till exempel Studie- och yrkesvägledare.
  role: ""
  # Minst ett av email, phone och url. Telefonnummer inom citattecken: phone: "08-123 45 67".
  email: ""
# Dagen då uppgifterna kontrollerades. Skriv ett nytt datum varje gång du har granskat insatsen.
last_reviewed: {today}
# Rollen som granskade, till exempel Enhetschef.
reviewed_by: ""
"""


def render_new_entry(title: str, provider_name: str, provider_type: str, municipality: str | None,
                     today: date) -> str:
    return TEMPLATE.format(
        title=quoted(title.strip()), provider_name=quoted(provider_name),
        provider_type=provider_type, municipality=municipality or "välj-kommun", today=today.isoformat(),
    )


def new_entry(catalogue_dir: Path, owner: str, title: str, today: date | None = None) -> Path:
    """Write catalogue/OWNER/<slug of title>.yml from the template; never overwrites."""
    rules = read_rules(catalogue_dir)
    if owner not in rules.owners:
        raise NewEntryRefused(Message(
            N_("Ägaren «{owner}» finns inte i owners.yml.{hint}"),
            {"owner": owner, "hint": did_you_mean(owner, rules.owners) or allowed_list(sorted(rules.owners))},
        ))
    slug = slugify(title)
    if not slug:
        raise NewEntryRefused(Message(
            N_("Titeln «{title}» ger inget filnamn. Skriv en titel med bokstäver eller siffror."), {"title": title},
        ))
    folder = catalogue_dir / owner
    existing = [folder / f"{slug}{suffix}" for suffix in ENTRY_SUFFIXES if (folder / f"{slug}{suffix}").exists()]
    if existing:
        raise NewEntryRefused(Message(
            N_("{path} finns redan och skrivs inte över. Välj en annan titel eller redigera den filen."),
            {"path": str(existing[0])},
        ))
    details = rules.owners[owner]
    text = render_new_entry(title, details.name, details.type, details.municipality, today or date.today())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yml"
    with path.open("x", encoding="utf-8") as new_file:
        new_file.write(text)
    return path
