"""What the templates ask of the catalogue, per interface language: entry text with its fallback,
vocabulary labels, addresses, dates, review status and links. Plain Python, so it is tested without
rendering a page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from gettext import NullTranslations
from urllib.parse import quote

from babel.dates import format_date, get_day_names
from markupsafe import Markup

from insatsbas import urls
from insatsbas.i18n import Credits, babel_locale
from insatsbas.markup import render_markdown
from insatsbas.model import WEEKDAYS, Catalogue, Intervention, Location, Term
from insatsbas.site.eligibility import EligibilityScales
from insatsbas.site.eligibility_text import eligibility_sentence, open_to_everyone
from insatsbas.site.facets import BROWSE_FACETS, FACETS, SEARCH_FACETS, Facet, filter_values, group_by_facet
from insatsbas.site.partitions import SearchPartitions
from insatsbas.site.search_aids import EntrySynonyms, SynonymMatcher, synonym_words
from insatsbas.urls import LANGUAGES, RIGHT_TO_LEFT, SOURCE_LANGUAGE

# Each language's name in itself, for the language switch.
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English", "ar": "العربية", "prs": "دری", "so": "Soomaali", "ti": "ትግርኛ",
                  "uk": "Українська"}
# A word on every entry page, in every language: /for-mig/ searches it with its filters instead of running
# a filter-only search, which makes Pagefind load every chunk of the word index (130 of 350 KB on the sample,
# and the whole index of a large catalogue); this way it loads the one chunk that holds this word.
EVERY_ENTRY_WORD = "insatsbaspost"
# Pagefind's weight (data-pagefind-weight, 0-10; body text is 1) of each part of an entry page: a word in the
# title counts most, then the categories and the editors' keywords, then the summary; the provider's name
# counts least, so that "svenska" finds SFI before the entries of Svenska kyrkan.
SEARCH_WEIGHTS = {"title": 10, "category": 8, "keywords": 8, "summary": 3, "provider": 0.5}
# Pagefind's ranking boost for a match in a page's metadata (options.ranking.metaWeights): only the title;
# "where" (municipality and provider) and the other fields are for showing a result, not for finding it.
SEARCH_META_WEIGHTS = {"title": 5.0, **{key: 0.0 for key in (
    "where", "summary", "id", "villkor", "textlang", "paused", "overdue", "kon", urls.CATEGORY)}}
# Pagefind's ranking options for the search page (options.ranking).
SEARCH_RANKING = {"metaWeights": SEARCH_META_WEIGHTS}
# Swedish letters after z, in Swedish order, so that Å, Ä and Ö sort last.
SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


@dataclass
class SiteData:
    """Everything language-independent, computed once per build for all languages."""

    catalogue: Catalogue
    page_size: int = 50
    _synonyms: dict[str, EntrySynonyms] = field(default_factory=dict)

    @cached_property
    def published(self) -> list[Intervention]:
        return list(self.catalogue.published())

    @cached_property
    def scales(self) -> EligibilityScales:
        return EligibilityScales.of(self.catalogue.vocabularies.residence_status, self.published)

    @cached_property
    def partitions(self) -> SearchPartitions:
        return SearchPartitions.of(self.published, self.catalogue.vocabularies)

    @cached_property
    def groups(self) -> dict[str, dict[str, list[Intervention]]]:
        return group_by_facet(self.published, self.scales)

    def prepare(self) -> None:
        """Compute now what every language uses, before the languages are rendered in forked processes."""
        for entry in self.published:
            self.synonyms(entry)
            render_markdown(entry.description)
            for translation in entry.translations.values():
                render_markdown(translation.description)
        self.scales, self.partitions, self.groups  # noqa: B018 (cached properties)

    def markdown(self, text: str) -> str:
        """Sanitised HTML, rendered once even when the database and three languages show the same text."""
        return render_markdown(text)

    @cached_property
    def search_synonyms(self) -> dict[str, list]:
        """The synonym groups for the search page, and the members some entry's Swedish text uses (on
        stems): only those stand in for a typed word, because Pagefind searches a word it does not have
        as the longest indexed word it starts with ("svenskkurs" as "svensk")."""
        present = set().union(*(self.synonyms(entry).present for entry in self.published))
        groups = [list(group) for group in self.catalogue.synonyms.groups]
        return {"groups": groups, "present": sorted(present), "providers": self.providers_in_groups(groups)}

    def providers_in_groups(self, groups: list[list[str]]) -> list[str]:
        """The providers (values of the provider filter) whose name is a member of a synonym group: a query
        for the group ("af") ranks their entries first (theme/static/js/synonyms.js)."""
        members = {member.casefold() for group in groups for member in group}
        return sorted({entry.provider.name for entry in self.published if entry.provider.name.casefold() in members})

    @cached_property
    def synonym_matcher(self) -> SynonymMatcher:
        return SynonymMatcher(self.catalogue.synonyms)

    def synonyms(self, entry: Intervention) -> EntrySynonyms:
        """The synonym groups the entry's Swedish text uses (the same for every interface language)."""
        if entry.id not in self._synonyms:
            terms = self.catalogue.vocabularies
            self._synonyms[entry.id] = self.synonym_matcher.entry_synonyms(
                (entry.title, *(terms.categories[c].label_in(SOURCE_LANGUAGE) for c in entry.categories),
                 *entry.keywords),
                (entry.summary, Markup(self.markdown(entry.description)).striptags(),
                 *(terms.target_groups[t].label_in(SOURCE_LANGUAGE) for t in entry.target_groups)))
        return self._synonyms[entry.id]


@dataclass
class EntryText:
    """An entry's own text in the language it is shown in; the description is rendered on first use."""

    title: str
    summary: str
    description: str
    lang: str
    translated: bool
    _data: SiteData = field(repr=False, compare=False)

    @cached_property
    def description_html(self) -> str:
        return self._data.markdown(self.description)


@dataclass(frozen=True)
class FieldText:
    """One of an entry's other texts (how to apply, eligibility ...) as a page shows it: in the page's language
    when the entry's translation has it, else in Swedish; `note` when the entry is translated but this field is
    not, so that the page says so beside it."""

    value: str
    lang: str
    note: bool = False


# The Swedish text of each translatable field beside title, summary and description.
SWEDISH_FIELDS = {
    "how_to_apply": lambda entry: entry.how_to_apply.description,
    "eligibility": lambda entry: entry.eligibility.description,
    "schedule": lambda entry: entry.schedule.description if entry.schedule else None,
    "cost": lambda entry: entry.cost.description,
}


@dataclass(frozen=True)
class TermLink:
    term: Term
    label: str
    path: str
    count: int


class SiteView:
    """The site as seen in one interface language."""

    browse_facets = BROWSE_FACETS
    search_facets = SEARCH_FACETS
    languages = LANGUAGES
    language_names = LANGUAGE_NAMES
    urls = urls  # the site's contract, for the templates
    search_weights = SEARCH_WEIGHTS
    search_ranking = SEARCH_RANKING

    def __init__(self, data: SiteData, lang: str, translations: NullTranslations | None = None,
                 credits: Credits | None = None):
        self.data = data
        self.credits = credits
        self.catalogue = data.catalogue
        self.lang = lang
        self.dir = "rtl" if lang in RIGHT_TO_LEFT else "ltr"
        self.translations = translations or NullTranslations()

    # --- addresses ---------------------------------------------------------------------------

    @property
    def region_name(self) -> str:
        """The region's name in this language: "Skåne", as in "Insatsbas Skåne"."""
        return self.catalogue.region.name_in(self.lang)

    @property
    def in_region(self) -> str:
        """The region's name after "insatser för nyanlända": "i Skåne"."""
        return self.catalogue.region.in_region_in(self.lang)

    def url(self, path: str = "", lang: str | None = None) -> str:
        """The root-relative address of a language-neutral path ("insats/a/b/") in a language."""
        return urls.url(path, lang or self.lang)

    def absolute_url(self, path: str = "", lang: str | None = None) -> str:
        """The public address (region.yml's `site_url` before the path) for canonical and hreflang links and
        the sitemap; root-relative when the region has not given its site's URL."""
        return urls.absolute_url(self.catalogue.region.site_url, path, lang or self.lang)

    def alternates(self, path: str) -> list[tuple[str, str]]:
        """(hreflang, address) of the page in every language, and Swedish as the default for other languages."""
        return [*((lang, self.absolute_url(path, lang)) for lang in self.languages),
                ("x-default", self.absolute_url(path, SOURCE_LANGUAGE))]

    @staticmethod
    def entry_path(entry: Intervention) -> str:
        return urls.entry_path(entry.id)

    @staticmethod
    def script_setup() -> dict:
        """The site's contract for its scripts: addresses, beacons, filter and parameter names."""
        return urls.script_setup()

    @staticmethod
    def browse_path(facet_key: str, value: str, page: int = 1) -> str:
        return f"{facet_key}/{value}/" + (f"{page}/" if page > 1 else "")

    # --- text ----------------------------------------------------------------------------------

    def text(self, entry: Intervention) -> EntryText:
        """The entry's own text in this language if it has been translated, else the Swedish text."""
        if self.lang != SOURCE_LANGUAGE and self.lang in entry.translations:
            t = entry.translations[self.lang]
            return EntryText(t.title, " ".join(t.summary.split()), t.description, self.lang, True, self.data)
        return EntryText(entry.title, entry.summary, entry.description, SOURCE_LANGUAGE, self.lang == SOURCE_LANGUAGE,
                         self.data)

    def field_text(self, entry: Intervention, name: str) -> FieldText | None:
        """A text field of the entry (SWEDISH_FIELDS) in this language, or in Swedish; None when it has none."""
        swedish = SWEDISH_FIELDS[name](entry)
        if not swedish:
            return None
        return self._in_language(entry, getattr(self._translation(entry), name, None), swedish)

    def list_texts(self, entry: Intervention, name: str) -> list[FieldText | None]:
        """The items of a list field (required_documents, or accessibility: one per location) in this language,
        item by item, or in Swedish."""
        if name == "accessibility":
            swedish: tuple[str | None, ...] = tuple(location.accessibility for location in entry.locations)
        else:
            swedish = entry.required_documents
        translated = getattr(self._translation(entry), name, None) or ()
        return [self._in_language(entry, translated[i] if i < len(translated) else None, text) if text else None
                for i, text in enumerate(swedish)]

    def _translation(self, entry: Intervention):
        return entry.translations.get(self.lang) if self.lang != SOURCE_LANGUAGE else None

    def _in_language(self, entry: Intervention, translated: str | None, swedish: str) -> FieldText:
        if self.lang == SOURCE_LANGUAGE:
            return FieldText(swedish, SOURCE_LANGUAGE)
        if translated:
            return FieldText(translated, self.lang)
        return FieldText(swedish, SOURCE_LANGUAGE, note=self.lang in entry.translations)

    def field_attrs(self, text: FieldText) -> str:
        """The lang (and dir) of a field shown in Swedish on a page in another language."""
        return "" if text.lang == self.lang else self.sv_attrs()

    def synonym_text(self, entry: Intervention, text: EntryText) -> tuple[str, str]:
        """The entry's synonyms as hidden text for Pagefind: (weighted like a heading, like body text)."""
        return synonym_words(self.data.synonyms(entry), shows_swedish=text.lang == SOURCE_LANGUAGE)

    def other_search_languages(self) -> list[dict[str, str]]:
        """The other interface languages, in the site's order, for a query typed in one of them: the
        language, its name in this page's language, its script (a query is looked up only in the lists of
        its own script), its word list, its search page and its category labels (a query names a category
        in its own language: "swedish" names "SFI – Swedish for immigrants")."""
        def name(lang: str) -> str:
            label = self.label("languages", lang)
            return label.lower() if self.lang == SOURCE_LANGUAGE else label
        return [{"lang": lang, "name": name(lang), "script": "Arabic" if lang in RIGHT_TO_LEFT else "Latin",
                 "words": urls.url(urls.WORD_LIST, lang), "search": urls.url(urls.SEARCH_PAGE, lang),
                 "categories": [[term.slug, term.label_in(lang)]
                                for term in self.catalogue.vocabularies.categories.values()]}
                for lang in LANGUAGES if lang != self.lang]

    def sv_attrs(self) -> str:
        """Attributes for Swedish-only catalogue text shown on a page in another language."""
        if self.lang == SOURCE_LANGUAGE:
            return ""
        return ' lang="sv" dir="ltr"' if self.dir == "rtl" else ' lang="sv"'

    def text_attrs(self, text: EntryText) -> str:
        return "" if text.lang == self.lang else self.sv_attrs()

    def label(self, vocabulary: str, slug: str) -> str:
        return self.catalogue.vocabularies[vocabulary][slug].label_in(self.lang)

    def labels(self, vocabulary: str, slugs: Iterable[str]) -> list[str]:
        return [self.label(vocabulary, slug) for slug in slugs]

    def description(self, term: Term) -> str:
        return term.description.get(self.lang) or term.description.get(SOURCE_LANGUAGE, "")

    def sorted_terms(self, vocabulary: str) -> list[Term]:
        """A vocabulary's terms by their label in this language (Å, Ä, Ö last)."""
        terms = self.catalogue.vocabularies[vocabulary].values()
        return sorted(terms, key=lambda term: term.label_in(self.lang).casefold().translate(SWEDISH_ORDER))

    def native_name(self, language_code: str) -> str | None:
        term = self.catalogue.vocabularies.languages[language_code]
        native = term.extra.get("native")
        return native if native and native.casefold() != term.label_in(self.lang).casefold() else None

    def facet(self, key: str) -> Facet:
        return next(facet for facet in FACETS if facet.key == key)

    def term_links(self, facet: Facet, *, only_used: bool = False) -> list[TermLink]:
        counts = self.data.groups[facet.key]
        links = [TermLink(term, term.label_in(self.lang), self.browse_path(facet.key, term.slug),
                          len(counts.get(term.slug, ())))
                 for term in facet.terms(self.catalogue)]
        return [link for link in links if link.count or not only_used]

    def sort_entries(self, entries: Iterable[Intervention]) -> list[Intervention]:
        return sorted(entries, key=lambda e: self.text(e).title.casefold().translate(SWEDISH_ORDER))

    def owner(self, entry: Intervention):
        return self.catalogue.owners[entry.owner]

    # --- dates and times -----------------------------------------------------------------------

    def format_date(self, value: date) -> str:
        return format_date(value, format="long", locale=babel_locale(self.lang))

    def day_names(self, days: Iterable[str]) -> str:
        names = get_day_names("wide", locale=babel_locale(self.lang))
        text = ", ".join(names[WEEKDAYS.index(day)] for day in days)
        return text[:1].upper() + text[1:]

    def review_due(self, entry: Intervention) -> date:
        return self.catalogue.review_due(entry)

    def review_overdue(self, entry: Intervention) -> bool:
        return self.catalogue.review_overdue(entry)

    # --- links ---------------------------------------------------------------------------------

    @staticmethod
    def osm_url(location: Location) -> str | None:
        if location.latitude is None or location.longitude is None:
            return None
        lat, lon = f"{location.latitude:.5f}", f"{location.longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    @staticmethod
    def tel(phone: str) -> str:
        """A tel: address in international form: 08-465 004 10 -> tel:+46846500410."""
        digits = re.sub(r"[^\d+]", "", phone)
        if digits.startswith("00"):
            digits = "+" + digits[2:]
        elif digits.startswith("0"):
            digits = "+46" + digits[1:]
        return f"tel:{digits}"

    @staticmethod
    def mailto(address: str, subject: str, body: str) -> str:
        # gettext in an autoescaping template returns escaped Markup; the e-mail wants the plain text.
        subject, body = (text.unescape() if isinstance(text, Markup) else text for text in (subject, body))
        return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"

    def filters(self, entry: Intervention) -> list[tuple[str, str]]:
        return filter_values(entry, self.data.scales)

    # --- eligibility ---------------------------------------------------------------------------

    def eligibility_sentence(self, entry: Intervention) -> str:
        return eligibility_sentence(entry.eligibility, self.translations, self.catalogue.vocabularies.residence_status,
                                    self.lang)

    every_entry_word = EVERY_ENTRY_WORD

    # --- search partitions ---------------------------------------------------------------------

    def search_partition(self, entry: Intervention) -> str:
        return self.data.partitions.of_entry[entry.id]

    def search_setup(self) -> dict:
        return self.data.partitions.setup(self.lang)

    def search_regions(self) -> list[tuple[str, str, int]]:
        """The counties with entries (code, label, entries) by label, for the search page's region choice."""
        return sorted((tuple(county) for county in self.search_setup()["counties"]),
                      key=lambda county: county[1].casefold().translate(SWEDISH_ORDER))

    def home_region(self) -> str | None:
        return self.data.partitions.home_label(self.lang)

    def open_to_everyone(self, entry: Intervention) -> bool:
        return open_to_everyone(entry.eligibility, self.catalogue.vocabularies.residence_status)

    def for_me_setup(self) -> dict:
        """What /for-mig/'s script needs, written into the page at build time: the bands (so that a static
        filter query answers the age and months questions exactly), every status, and the categories in
        their vocabulary order with their labels (to group the results)."""
        scales = self.data.scales
        return {
            "everyEntryWord": EVERY_ENTRY_WORD,
            "filters": urls.script_setup()["filters"],
            "partitions": self.search_setup(),
            "statuses": list(scales.statuses),
            "municipalities": list(self.catalogue.vocabularies.municipalities),
            "ageBands": [band.as_json() for band in scales.ages],
            "monthBands": [band.as_json() for band in scales.months],
            "categories": [[term.slug, term.label_in(self.lang)] for term in self.catalogue.vocabularies.categories.values()],
        }
