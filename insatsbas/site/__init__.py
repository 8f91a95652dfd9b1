"""The public site: Pelican with the project's theme renders the catalogue model in Swedish (at /),
English (/en/) and Arabic (/ar/), Pagefind indexes the entry pages, and the open data goes to /data/.
The search page's word lists come from `word_list`, its beacon images from `search_aids`.

    write_site(catalogue, out)   # out/index.html, out/en/..., out/ar/..., out/pagefind/, out/data/
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jinja2 import StrictUndefined
from pelican import Pelican
from pelican.log import console
from pelican.settings import read_settings

from insatsbas.i18n import catalogue_credits, translations
from insatsbas.incremental import BuildRun, link_or_copy
from insatsbas.model import Catalogue
from insatsbas.progress import QUIET, Progress
from insatsbas.site import plugin
from insatsbas.site.findability import write_findability
from insatsbas.site.opendata import write_open_data
from insatsbas.site.reuse import Rendering, SiteIncrement
from insatsbas.site.search_aids import write_beacons
from insatsbas.site.search_index import entry_pages, write_search_index
from insatsbas.site.views import SiteData, SiteView
from insatsbas.site.word_list import write_word_list
from insatsbas.timing import timed
from insatsbas.urls import LANGUAGES, SOURCE_LANGUAGE, language_root

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Package data: the theme (templates, CSS, JS, interface translations) and the default hand-written pages.
THEME_DIR = PACKAGE_DIR / "theme"
CONTENT_DIR = PACKAGE_DIR / "content"
TRANSLATIONS_DIR = THEME_DIR / "translations"
# From this many published entries the languages are rendered in parallel (below it, forking costs more
# than it saves).
PARALLEL_FROM = 500

# Everything Pelican would write for a blog (articles, tags, feeds, archives) is switched off: the
# site is the catalogue's pages plus the hand-written pages (the package's content/pages/ and a region's pages/).
NO_BLOG = {
    "ARTICLE_PATHS": [], "DIRECT_TEMPLATES": [], "STATIC_PATHS": [],
    "ARTICLE_SAVE_AS": "", "ARTICLE_LANG_SAVE_AS": "", "DRAFT_SAVE_AS": "", "DRAFT_LANG_SAVE_AS": "",
    "DRAFT_PAGE_SAVE_AS": "", "DRAFT_PAGE_LANG_SAVE_AS": "",
    "TAG_SAVE_AS": "", "TAGS_SAVE_AS": "", "CATEGORY_SAVE_AS": "", "CATEGORIES_SAVE_AS": "",
    "AUTHOR_SAVE_AS": "", "AUTHORS_SAVE_AS": "", "ARCHIVES_SAVE_AS": "", "YEAR_ARCHIVE_SAVE_AS": "",
    "MONTH_ARCHIVE_SAVE_AS": "", "DAY_ARCHIVE_SAVE_AS": "",
    "FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
    "DISPLAY_PAGES_ON_MENU": False, "DISPLAY_CATEGORIES_ON_MENU": False,
}


@dataclass(frozen=True)
class Overrides:
    """A region's own templates and pages. A template replaces the theme's of the same file name (Pelican's
    THEME_TEMPLATES_OVERRIDES: `{% extends "!theme/base.html" %}` still reaches the theme's); a page replaces
    the package's page of the same file name, and a page with a new name is added."""

    templates: Path | None = None
    pages: Path | None = None

    @classmethod
    def beside(cls, catalogue_dir: Path, *, templates: Path | None = None, pages: Path | None = None) -> Overrides:
        """The folders given, or else templates/ and pages/ beside the catalogue folder when they are there."""
        def found(given: Path | None, name: str) -> Path | None:
            if given is not None:
                return given.resolve()
            beside = catalogue_dir.resolve().parent / name
            return beside if beside.is_dir() else None

        return cls(found(templates, "templates"), found(pages, "pages"))

    def folders(self) -> tuple[Path, ...]:
        return tuple(folder for folder in (self.templates, self.pages) if folder is not None)


@dataclass(frozen=True)
class Sources:
    """What Pelican reads besides the catalogue: a content folder with pages/, and the region's templates."""

    content: Path
    templates: Path | None = None


def site_sources(overrides: Overrides = Overrides()) -> tuple[Path, ...]:
    """The folders whose files the site's pages are made from besides the code: for the build's fingerprint."""
    return (THEME_DIR, CONTENT_DIR, *overrides.folders())


@dataclass(frozen=True)
class SiteProjection:
    """Build projection: the site, last (it copies the database into /data/ and indexes every page written
    before it). It reuses page by page: each catalogue page whose fingerprint is unchanged is taken from the
    previous output (`SiteIncrement`), and each county's search bundle none of whose pages changed."""

    overrides: Overrides = Overrides()
    name: str = "site"
    label: str = "Webbplats"

    def sources(self) -> tuple[Path, ...]:
        return site_sources(self.overrides)

    def write(self, catalogue: Catalogue, out: Path, run: BuildRun) -> None:
        increment = SiteIncrement(run.previous, run.manifest, run.entries, sources=self.sources())
        write_site(catalogue, out, run.progress, increment=increment, overrides=self.overrides)
        run.pages_rendered, run.pages_reused = increment.rendered, increment.reused
        run.changed_pages = increment.changed_pages if run.previous is not None else None


def write_site(catalogue: Catalogue, out: Path, progress: Progress = QUIET, *, page_size: int = 50,
               search_index: bool = True, content_dir: Path | None = None, overrides: Overrides = Overrides(),
               increment: SiteIncrement | None = None) -> SiteIncrement:
    """Render every language into `out` (which may already hold the database), then index it. With an
    increment that holds a previous build, unchanged catalogue pages are taken from it instead of rendered."""
    increment = increment or SiteIncrement(sources=site_sources(overrides))
    increment.start(catalogue, out)
    with timed("pages"), content_folder(content_dir or CONTENT_DIR, overrides.pages) as content:
        data = SiteData(catalogue, page_size=page_size)
        sources = Sources(content, overrides.templates)
        for rendering in render_languages(data, out, sources, increment, progress):
            increment.absorb(rendering)
        write_beacons(out)
        write_findability(out, catalogue.region.site_url)
    increment.find_changed_pages()
    progress.step(f"  Sidor: {increment.rendered} renderade, {increment.reused} återanvända")
    write_open_data(catalogue, out)
    if search_index:
        progress.step("  Pagefind …")
        with timed("search index"):
            index_site(out, data, increment)
    return increment


@contextmanager
def content_folder(content_dir: Path, pages: Path | None) -> Iterator[Path]:
    """The folder Pelican reads pages/ from: `content_dir` itself, or, with a region's pages, a temporary folder
    of links to the package's pages and the region's (which replace those of the same file name)."""
    if pages is None:
        yield content_dir
        return
    with tempfile.TemporaryDirectory(prefix="insatsbas-pages-") as folder:
        merged = Path(folder) / "pages"
        for source in (content_dir / "pages", pages):
            for page in sorted(source.glob("*.md")):
                (merged / page.name).unlink(missing_ok=True)
                link_or_copy(page, merged / page.name)
        yield merged.parent


def render_languages(data: SiteData, out: Path, sources: Sources, increment: SiteIncrement,
                     progress: Progress) -> list[Rendering]:
    """Render each language with its own copy of the increment, and return those copies in the order of
    LANGUAGES. A large catalogue renders its languages in forked worker processes, one per core: each
    language's pages and word list are independent of the others'."""
    workers = min(len(LANGUAGES), os.cpu_count() or 1)
    if len(data.published) < PARALLEL_FROM or workers < 2:
        return [render_language(data, lang, out, sources, increment, progress) for lang in LANGUAGES]
    data.prepare()  # computed once here, and shared with the workers by fork instead of computed by each
    job = (data, out, sources, increment)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_set_job, initargs=(job,)) as pool:
        progress.step(f"  {', '.join(LANGUAGES)} i {workers} processer …")
        return list(pool.map(_render_job, LANGUAGES))


def render_language(data: SiteData, lang: str, out: Path, sources: Sources, increment: SiteIncrement,
                    progress: Progress = QUIET) -> Rendering:
    progress.step(f"  {lang} …")
    rendering = increment.for_language()
    credits = catalogue_credits(lang, TRANSLATIONS_DIR, "messages") if lang != SOURCE_LANGUAGE else None
    view = SiteView(data, lang, translations(lang, TRANSLATIONS_DIR, "messages"), credits)
    run_pelican(pelican_settings(view, out, sources, rendering))
    write_word_list(view, language_root(out, lang))
    return rendering.result()


_job: tuple[SiteData, Path, Sources, SiteIncrement] | None = None


def _set_job(job: tuple[SiteData, Path, Sources, SiteIncrement]) -> None:
    global _job
    _job = job


def _render_job(lang: str) -> Rendering:
    assert _job is not None
    data, out, sources, increment = _job
    return render_language(data, lang, out, sources, increment)


def index_site(out: Path, data: SiteData, increment: SiteIncrement) -> None:
    """The search index over the entry pages, by their entries' partitions: each county's bundle is indexed
    again only when one of its pages changed, and otherwise taken from the previous build (which the staging
    swap has not yet replaced)."""
    previous = increment.previous.out if increment.previous is not None else None
    write_search_index(out, entry_pages(data.partitions.of_entry), previous=previous,
                       changed_pages=increment.changed_pages)


def pelican_settings(view: SiteView, out: Path, sources: Sources | None = None,
                     increment: SiteIncrement | None = None) -> dict:
    sources = sources or Sources(CONTENT_DIR)
    return read_settings(None, override={
        **NO_BLOG,
        "PATH": str(sources.content),
        "OUTPUT_PATH": str(language_root(out, view.lang)),
        "THEME": str(THEME_DIR),
        "THEME_TEMPLATES_OVERRIDES": [str(sources.templates)] if sources.templates else [],
        "THEME_STATIC_DIR": "theme",
        # One copy of the CSS and JS at /theme/, shared by every language.
        "THEME_STATIC_PATHS": ["static"] if view.lang == SOURCE_LANGUAGE else [],
        "DEFAULT_LANG": view.lang,
        "SITEURL": "",
        "TIMEZONE": "Europe/Stockholm",
        "PAGE_PATHS": ["pages"],
        "PAGE_URL": "{slug}/",
        "PAGE_SAVE_AS": "{slug}/index.html",
        # Each run writes its own language's page for a slug, or the Swedish one when there is none.
        "PAGE_LANG_URL": "",
        "PAGE_LANG_SAVE_AS": "",
        "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        # A misspelt variable in a template fails the build instead of printing nothing.
        "JINJA_ENVIRONMENT": {"extensions": ["jinja2.ext.i18n"], "autoescape": True, "undefined": StrictUndefined,
                              "trim_blocks": True, "lstrip_blocks": True},
        "MARKDOWN": {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"},
        "PLUGINS": [plugin],
        plugin.VIEW_SETTING: view,
        plugin.TRANSLATIONS_SETTING: TRANSLATIONS_DIR,
        plugin.INCREMENT_SETTING: increment if increment is not None else SiteIncrement(root=out),
    })


def run_pelican(settings: dict) -> None:
    quiet, console.quiet = console.quiet, True
    pelican_logger = logging.getLogger("pelican")
    level = pelican_logger.level
    pelican_logger.setLevel(logging.ERROR)
    try:
        Pelican(settings).run()
    finally:
        console.quiet = quiet
        pelican_logger.setLevel(level)
