"""The web editor's Decap CMS configuration, generated from the entry schema, the vocabularies and owners.yml:
the same source as the JSON Schema, so the form, validation and the editors' VS Code never disagree.

One collection per owner folder; every field of the schema in the schema's order (which is also the order
the canonical writer uses), with the schema's Swedish titles as labels and its descriptions as hints;
selects that show Swedish labels and store codes; a date picker for dates; patterns with Swedish
messages for times, telephone numbers, postal codes, e-mail and web addresses; the Markdown editor for
Markdown. Decap writes entries through the custom format `FORMAT_NAME` (theme/editor/insatsbas-yaml.js),
which gets the canonical layout in the page's setup JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from insatsbas.model import Owner, Vocabularies
from insatsbas.sources.canonical import entry_layout
from insatsbas.sources.schema import (
    EMAIL_PATTERN,
    MARKDOWN,
    PHONE_PATTERN_AS_TYPED,
    POSTAL_CODE_PATTERN_AS_TYPED,
    SUMMARY_MAX,
    TIME_PATTERN,
    URL_PATTERN,
    base_type,
    entry_schema,
    is_date,
    options,
)

FORMAT_NAME = "insatsbas-yaml"
Field = dict[str, Any]

# What a form field says when its text does not match: the Decap form's counterpart of validation's messages.
PATTERN_MESSAGES = {
    TIME_PATTERN: "Skriv tiden som TT:MM, till exempel 09:30.",
    PHONE_PATTERN_AS_TYPED: "Skriv ett telefonnummer med siffror, mellanslag och bindestreck, till exempel 08-123 45 67.",
    POSTAL_CODE_PATTERN_AS_TYPED: "Skriv postnumret med fem siffror, till exempel 141 30.",
    EMAIL_PATTERN: "Skriv en e-postadress, till exempel info@example.org.",
    URL_PATTERN: "Skriv en webbadress som börjar med https://.",
}
SUMMARY_PATTERN = (f"^[^\\n]{{1,{SUMMARY_MAX}}}$", f"Högst {SUMMARY_MAX} tecken, i ett stycke.")
# The Markdown editor's buttons: what descriptions use. No images or code blocks (editor_components: []), no
# heading menu (its button holds a focusable element: axe nested-interactive), and the rich-text mode only
# (the mode switch has no accessible name or state: axe button-name, aria-required-attr).
MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list", "quote"]
# Texts that can run to several sentences get a text area; the rest a one-line field.
LONG_TEXTS = {"summary", "description", "accessibility"}


@dataclass(frozen=True)
class Backend:
    """Where the editor reads and writes: `local` is a decap-server URL (`insatsbas edit`), otherwise the git
    host's repository (OWNER/REPO) through Decap's github backend with the editorial workflow."""

    local: str | None = None
    repo: str | None = None
    branch: str = "main"
    auth_url: str | None = None

    def config(self) -> dict[str, Any]:
        if self.local:
            # The proxy backend directly, so that the editor says it cannot reach decap-server rather than
            # offering a GitHub login when it is not running; local_backend is what Decap looks for locally.
            return {"backend": {"name": "proxy", "proxy_url": self.local, "branch": self.branch},
                    "local_backend": {"url": self.local, "allowed_hosts": ["127.0.0.1"]}}
        backend: dict[str, Any] = {"name": "github", "repo": self.repo, "branch": self.branch}
        if self.auth_url:
            backend["base_url"] = self.auth_url
        return {"backend": backend, "publish_mode": "editorial_workflow"}


def editor_setup(vocabularies: Vocabularies, owners: dict[str, Owner], catalogue_folder: str,
                 backend: Backend) -> dict[str, Any]:
    """What the editor page hands its script (theme/editor/setup.js): Decap's configuration with the fields,
    which are the same for every owner, given once beside the collections, each owner's defaults for a new
    entry, and the canonical writer's layout. `catalogue_folder` is the catalogue's path in the repository
    (or in decap-server's folder), usually "catalogue"."""
    schema = entry_schema(vocabularies)
    sources = _Sources({code: term.label_in("sv") for code, term in vocabularies.languages.items()})
    return {
        "format": FORMAT_NAME,
        "layout": entry_layout(schema),
        "config": {
            "load_config_file": False,
            "locale": "sv",
            **backend.config(),
            # Nothing is uploaded; Decap requires a media folder all the same.
            "media_folder": f"{catalogue_folder}/.media",
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": [collection(owner, catalogue_folder) for owner in owners.values()],
        },
        "fields": fields(schema, sources, ()),
        "defaults": {owner.slug: owner_defaults(owner) for owner in owners.values()},
    }


def editor_config(vocabularies: Vocabularies, owners: dict[str, Owner], catalogue_folder: str,
                  backend: Backend) -> dict[str, Any]:
    """Decap's whole configuration, as `CMS.init({config})` gets it (setup.js puts it together the same way)."""
    return expand_config(editor_setup(vocabularies, owners, catalogue_folder, backend))


def expand_config(setup: dict[str, Any]) -> dict[str, Any]:
    config = setup["config"]
    return {**config, "collections": [
        {**collection, "fields": _with_defaults(setup["fields"], setup["defaults"].get(collection["name"], {}), ())}
        for collection in config["collections"]
    ]}


def _with_defaults(fields: list[Field], defaults: dict[str, Any], path: tuple[str, ...]) -> list[Field]:
    expanded = []
    for field in fields:
        copy = dict(field)
        key = ".".join((*path, field["name"]))
        if key in defaults:
            copy["default"] = defaults[key]
        if "fields" in field:
            copy["fields"] = _with_defaults(field["fields"], defaults, (*path, field["name"]))
        expanded.append(copy)
    return expanded


def owner_defaults(owner: Owner) -> dict[str, Any]:
    """A new entry's provider is its owner, in its own municipality (as `insatsbas new` fills them in)."""
    defaults: dict[str, Any] = {"provider.name": owner.name, "provider.type": owner.type}
    if owner.municipality:
        defaults["municipality"] = owner.municipality
    return defaults


@dataclass(frozen=True)
class _Sources:
    """What the fields are made from besides the schema: the names of languages."""

    language_names: dict[str, str]


def collection(owner: Owner, catalogue_folder: str) -> dict[str, Any]:
    return {
        "name": owner.slug,
        "label": owner.name,
        "label_singular": "insats",
        "description": f"Insatserna som {owner.name} äger (mappen {catalogue_folder}/{owner.slug}/).",
        "folder": f"{catalogue_folder}/{owner.slug}",
        "create": True,
        "extension": "yml",
        "format": FORMAT_NAME,
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": ["title", "last_reviewed"],
    }


def fields(schema: dict[str, Any], sources: _Sources, path: tuple[str, ...], *, optional: bool = False) -> list[Field]:
    """The fields of an object schema, in the schema's order. Inside an object that may be left out as a whole,
    every field is optional: Decap would otherwise refuse to save while the object is empty (decap-cms#7748),
    and `insatsbas validate` still checks, in the pull request, that a translation has all its parts."""
    required = set() if optional else set(schema.get("required", []))
    return [field(name, sub, sources, (*path, name), required=name in required)
            for name, sub in schema.get("properties", {}).items()]


def field(name: str, schema: dict[str, Any], sources: _Sources, path: tuple[str, ...], *, required: bool) -> Field:
    spec: Field = {"name": name, "label": schema.get("title", name),
                   **widget(name, schema, sources, path, required=required)}
    if schema.get("pattern") in PATTERN_MESSAGES:
        # The schema tells YAML writers to quote these; in the form, the example is what helps.
        spec["hint"] = PATTERN_MESSAGES[schema["pattern"]]
    elif schema.get("description"):
        spec["hint"] = schema["description"]
    if not required:
        spec["required"] = False
    return spec


def widget(name: str, schema: dict[str, Any], sources: _Sources, path: tuple[str, ...], *, required: bool) -> Field:
    kind = base_type(schema)
    if "enum" in schema:
        return select(schema)
    if kind == "array" and "enum" in schema.get("items", {}):
        spec = {**select(schema["items"]), "multiple": True}
        if schema.get("minItems"):
            spec["min"] = schema["minItems"]
        return spec
    if kind == "array":
        items = schema.get("items", {})
        if base_type(items) == "object":
            spec = {"widget": "list", "label_singular": items.get("title", name).lower(), "collapsed": False,
                    "fields": fields(items, sources, path)}
            if "name" in items.get("properties", {}):
                spec["summary"] = "{{fields.name}}"
            return spec
        return {"widget": "list", "collapsed": False,
                "field": {"name": name, "label": schema.get("title", name), "widget": "string"}}
    if kind == "object" and "properties" not in schema:
        return translations(schema, sources, path)
    if kind == "object":
        # Groups that every entry has stay open; optional ones are folded until the editor needs them.
        return {"widget": "object", "collapsed": not required, "fields": fields(schema, sources, path)}
    if kind == "integer":
        return number(schema, "int")
    if kind == "number":
        return number(schema, "float")
    if kind == "boolean":
        return {"widget": "boolean"}
    return text(name, schema, path)


def select(schema: dict[str, Any]) -> Field:
    """The codes with the labels the schema shows next to them (`enumDescriptions`), capitalised for a list."""
    labels = [label[:1].upper() + label[1:] for label in schema["enumDescriptions"]]
    return {"widget": "select",
            "options": [{"label": label, "value": code} for code, label in zip(options(schema), labels, strict=True)]}


def number(schema: dict[str, Any], value_type: str) -> Field:
    spec: Field = {"widget": "number", "value_type": value_type}
    for bound in ("minimum", "maximum"):
        if bound in schema:
            spec[bound[:3]] = schema[bound]
    if value_type == "float":
        spec["step"] = 0.0001
    return spec


def text(name: str, schema: dict[str, Any], path: tuple[str, ...]) -> Field:
    if schema.get("contentMediaType") == MARKDOWN:
        return {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": [],
                "modes": ["rich_text"], "sanitize_preview": True}
    pattern = schema.get("pattern")
    if is_date(schema):
        spec: Field = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                       "time_format": False}
        if path == ("last_reviewed",):
            spec["default"] = "{{now}}"
        return spec
    spec = {"widget": "text" if name in LONG_TEXTS else "string"}
    if pattern in PATTERN_MESSAGES:
        spec["pattern"] = [pattern, PATTERN_MESSAGES[pattern]]
    elif name == "summary":
        spec["pattern"] = list(SUMMARY_PATTERN)
    return spec


def translations(schema: dict[str, Any], sources: _Sources, path: tuple[str, ...]) -> Field:
    """One folded group per language the schema allows, labelled with the language's Swedish name."""
    each = schema["additionalProperties"]
    return {"widget": "object", "collapsed": True, "fields": [
        {"name": code, "label": sources.language_names[code], "widget": "object", "collapsed": True,
         "required": False, "hint": "Fyll i titel, sammanfattning och beskrivning, eller lämna alla tre tomma.",
         "fields": fields(each, sources, (*path, code), optional=True)}
        for code in schema["propertyNames"]["enum"]
    ]}


def repository_of(catalogue_dir: Path) -> Path:
    """The folder decap-server or the git host sees: the git work tree holding the catalogue, or else the
    catalogue's parent folder."""
    catalogue = catalogue_dir.resolve()
    for folder in catalogue.parents:
        if (folder / ".git").exists():
            return folder
    return catalogue.parent


def repository_path(catalogue_dir: Path) -> str:
    """The catalogue's path inside that folder, as Decap's collections name it ("catalogue")."""
    return catalogue_dir.resolve().relative_to(repository_of(catalogue_dir)).as_posix()
