"""The Pelican plugin: installs the interface translations in every generator's Jinja environment and
adds a generator that writes the model's pages (start, search, handout, "for me", entries, browse pages) with the
theme's templates. Pelican itself renders the hand-written pages (the package's content/pages/, and a region's
pages/ that replace or add to them).

Catalogue pages whose fingerprint is unchanged are taken from the previous build instead of rendered
(`insatsbas.site.reuse`). Signals are process-wide, so every receiver acts only on Pelican runs that carry a site view in
their settings (`INSATSBAS_VIEW`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from insatsbas import urls
from insatsbas.i18n import translations
from insatsbas.model import Intervention
from insatsbas.site.reuse import SiteIncrement
from insatsbas.site.views import SiteView
from insatsbas.urls import SOURCE_LANGUAGE

VIEW_SETTING = "INSATSBAS_VIEW"
TRANSLATIONS_SETTING = "INSATSBAS_TRANSLATIONS"
INCREMENT_SETTING = "INSATSBAS_INCREMENT"


@dataclass(frozen=True)
class PageSpec:
    template: str
    path: str
    variables: dict[str, Any]


def register() -> None:
    signals.generator_init.connect(install_translations)
    signals.get_generators.connect(add_catalogue_generator)
    signals.page_generator_finalized.connect(choose_page_languages)
    signals.content_written.connect(record_written)


def install_translations(generator: Generator) -> None:
    view: SiteView | None = generator.settings.get(VIEW_SETTING)
    if view is None:
        return
    catalogue_dir = generator.settings[TRANSLATIONS_SETTING]
    generator.env.install_gettext_translations(translations(view.lang, catalogue_dir, "messages"), newstyle=True)
    generator.env.globals["site"] = view


def record_written(path: str, context: dict[str, Any] | None = None) -> None:
    increment: SiteIncrement | None = (context or {}).get(INCREMENT_SETTING)
    if increment is not None and path.endswith(".html"):
        increment.written(Path(path))


def choose_page_languages(generator: Generator) -> None:
    """Each run writes, per slug, the content page in its own language, or else the Swedish one (the
    template then says so), always at /<lang>/<slug>/."""
    view: SiteView | None = generator.settings.get(VIEW_SETTING)
    if view is None:
        return
    versions: dict[str, dict[str, Any]] = {}
    for page in (*generator.pages, *generator.translations):
        versions.setdefault(page.slug, {})[page.lang] = page
    chosen = []
    for slug, by_language in sorted(versions.items()):
        page = by_language.get(view.lang) or by_language.get(SOURCE_LANGUAGE)
        if page is None:
            continue
        page.override_save_as, page.override_url = f"{slug}/index.html", f"{slug}/"
        chosen.append(page)
    generator.pages, generator.translations = chosen, []


def add_catalogue_generator(pelican) -> type[Generator] | None:
    return CatalogueGenerator if pelican.settings.get(VIEW_SETTING) is not None else None


class CatalogueGenerator(Generator):
    """Writes every page that comes from the catalogue model, in the run's language."""

    def generate_output(self, writer) -> None:
        view: SiteView = self.settings[VIEW_SETTING]
        increment: SiteIncrement = self.settings[INCREMENT_SETTING]
        prefix = increment.site_path(Path(self.output_path) / "index.html").removesuffix("index.html")
        for spec in page_specs(view):
            path = f"{prefix}{spec.path}index.html"
            fingerprint = increment.page_fingerprint(view, spec.template, path, spec.variables)
            if increment.reuse(path, fingerprint):
                continue
            increment.will_render(path, fingerprint)
            writer.write_file(spec.path + "index.html", self.get_template(spec.template), self.context,
                              path=spec.path, **spec.variables)
        writer.write_file("404.html", self.get_template("404"), self.context, path="")


def page_specs(view: SiteView) -> Iterator[PageSpec]:
    yield PageSpec("index", "", {})
    yield PageSpec("search", urls.SEARCH_PAGE, {})
    yield PageSpec("handout", urls.LIST_PAGE, {})
    yield PageSpec("for_me", urls.FOR_ME_PAGE, {})
    for entry in view.data.published:
        yield PageSpec("entry", view.entry_path(entry), {"entry": entry, "text": view.text(entry)})
    for facet in view.browse_facets:
        for link in view.term_links(facet):
            entries = view.sort_entries(view.data.groups[facet.key].get(link.term.slug, ()))
            yield from browse_pages(view, facet.key, link.term.slug, entries, label=link.label, facet=facet)


def browse_pages(view: SiteView, facet_key: str, value: str, entries: list[Intervention],
                 **variables: Any) -> Iterator[PageSpec]:
    """One page per `page_size` entries: /kategori/sfi/, /kategori/sfi/2/, ..."""
    size = view.data.page_size
    count = max(1, -(-len(entries) // size))
    pages = [view.browse_path(facet_key, value, number) for number in range(1, count + 1)]
    for number, path in enumerate(pages, start=1):
        yield PageSpec("browse", path, {
            **variables, "value": value, "entries": entries[(number - 1) * size:number * size], "total": len(entries),
            "page_number": number, "page_paths": pages,
        })
