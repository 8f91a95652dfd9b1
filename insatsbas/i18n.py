"""Interface text through gettext catalogues.

Swedish is the source language: message ids are the Swedish text, and the English (and, for the site,
Arabic) catalogues translate them. Catalogues are read straight from their .po files with Babel, so
there is no compile step and no generated file to keep in sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "sv"
DOMAIN = "insatsbas"
# Languages whose code CLDR (and so Babel) knows by another name: Dari is Persian as spoken in Afghanistan.
BABEL_LOCALES = {"prs": "fa_AF"}
# A line of a catalogue's header comment: who has checked the translation ("none" until a translator has).
REVIEWED_BY = "Reviewed-By:"
MACHINE_TRANSLATION = "Machine translation"


def babel_locale(language: str) -> str:
    """The CLDR locale of an interface language, for Babel's dates, names and plural rules."""
    return BABEL_LOCALES.get(language, language)


@dataclass(frozen=True)
class Credits:
    """Who translated a catalogue (its Last-Translator header) and who has checked it (the header comment's
    `Reviewed-By:` line; "none" until a translator has)."""

    translated_by: str
    reviewed_by: str

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by) and not self.reviewed_by.casefold().startswith("none")

    @property
    def machine_translated(self) -> bool:
        return self.translated_by.startswith(MACHINE_TRANSLATION)


def catalogue_credits(language: str, locale_dir: Path = LOCALE_DIR, domain: str = DOMAIN) -> Credits:
    """What a catalogue's header says about its translation."""
    with (locale_dir / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as po_file:
        catalog = read_po(po_file, locale=babel_locale(language), domain=domain)
    reviewed = next((line.split(REVIEWED_BY, 1)[1].strip() for line in catalog.header_comment.splitlines()
                     if REVIEWED_BY in line), "")
    return Credits(catalog.last_translator or "", reviewed)


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, where it is shown."""
    return message


def available_languages(locale_dir: Path = LOCALE_DIR, domain: str = DOMAIN) -> list[str]:
    found = sorted(p.parent.parent.name for p in locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
    return [SOURCE_LANGUAGE, *found]


@cache
def translations(language: str, locale_dir: Path = LOCALE_DIR, domain: str = DOMAIN) -> NullTranslations:
    """The gettext translations for `language`; the source language needs none."""
    if language == SOURCE_LANGUAGE:
        return NullTranslations()
    po_path = locale_dir / language / "LC_MESSAGES" / f"{domain}.po"
    if not po_path.exists():
        raise LookupError(f"no {domain} catalogue for language {language!r} in {locale_dir}")
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=babel_locale(language), domain=domain)
    mo = BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return Translations(mo, domain=domain)


def translate(message: str, language: str, **params: object) -> str:
    text = translations(language).gettext(message)
    return text.format(**params) if params else text
