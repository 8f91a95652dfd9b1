"""One build: read and validate the catalogue, then write every projection into a new build folder and
switch the output to it in one step (insatsbas/staging.py), so a failed or killed build leaves the previous
output exactly as it was.

The build is incremental when the output folder holds a previous build of the same inputs: what did not
change is taken from it, and the result is byte for byte what a full build gives (docs/developers/
incremental.md explains how). `full=True` ignores the previous output."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from insatsbas import database
from insatsbas.editor import PublishedEditor, write_published_editor
from insatsbas.editor.config import repository_path
from insatsbas.editor.page import EditorFiles, EditorUnavailable
from insatsbas.hsds import export as hsds
from insatsbas.incremental import (
    PACKAGE_DIR,
    BuildRun,
    Manifest,
    Previous,
    Projection,
    catalogue_fingerprint,
    entry_fingerprint,
    inputs_fingerprint,
    shared_fingerprint,
    source_fingerprint,
)
from insatsbas.model import Catalogue
from insatsbas.progress import QUIET, Progress
from insatsbas.reader import read_catalogue
from insatsbas.search import index as search_index
from insatsbas.site import Overrides, SiteProjection
from insatsbas.sources.problems import CatalogueInvalid, Problem
from insatsbas.sources.read_cache import CacheFile
from insatsbas.staging import cache_file, remove_leftovers, staging
from insatsbas.timing import collecting, timed

DEFAULT_CATALOGUE = Path("catalogue")
DEFAULT_OUTPUT = Path("output")
# What reading each entry file gave, beside the builds (sources/read_cache.py): never published.
READ_CACHE = "read"


def projections(overrides: Overrides) -> list[Projection]:
    """Every output, in the order they are written: the site last, as it copies the database into /data/ and
    indexes every page written before it."""
    return [database.PROJECTION, hsds.PROJECTION, search_index.PROJECTION, SiteProjection(overrides)]


@dataclass
class BuildResult:
    catalogue: Catalogue
    out: Path
    warnings: list[Problem]
    # Wall-clock seconds: "read" (load and validate), one per projection label, the site's sub-phases
    # ("pages", "search index") and "total"; for benchmarks/run.py.
    timings: dict[str, float] = field(default_factory=dict)
    # Whether a previous output was reused; pages rendered and pages taken from the previous output.
    incremental: bool = False
    pages_rendered: int = 0
    pages_reused: int = 0
    # Site-relative paths of HTML files written with other bytes, added or removed (None in a full build).
    changed_pages: frozenset[str] | None = None
    reused_projections: list[str] = field(default_factory=list)
    # Projections updated entry by entry on a copy of the previous output (database, HSDS, Whoosh).
    updated_projections: list[str] = field(default_factory=list)
    # Entry files parsed and checked, and entry files whose outcome was taken from the read cache.
    entries_read: int = 0
    entries_from_cache: int = 0
    # The web editor at /redigera/ when asked for, or why it was left out (Decap CMS not installed).
    editor: EditorFiles | None = None
    editor_unavailable: EditorUnavailable | None = None
    # What killed builds had left beside the output, removed by this one.
    removed_leftovers: list[Path] = field(default_factory=list)


def build(catalogue_dir: Path = DEFAULT_CATALOGUE, out: Path = DEFAULT_OUTPUT, *,
          progress: Progress = QUIET, today: date | None = None, full: bool = False,
          editor: PublishedEditor | None = None, templates: Path | None = None,
          pages: Path | None = None) -> BuildResult:
    """Validate, then build everything into `out`, incrementally when `out` holds a previous build of the same
    inputs (unless `full`); with `editor`, the web editor too. The region's `templates` and `pages` (by default
    the folders of those names beside the catalogue folder, when they are there) override the package's.
    Raises CatalogueInvalid and builds nothing on errors."""
    overrides = Overrides.beside(catalogue_dir, templates=templates, pages=pages)
    with collecting() as timings, timed("total"):
        progress.step("Läser katalogen …")
        outputs = projections(overrides)
        # The code, theme and pages every output (and every entry read) is made by, hashed once.
        code = source_fingerprint((PACKAGE_DIR, *(folder for p in outputs for folder in p.sources())))
        cache = CacheFile(cache_file(out, READ_CACHE), code, fresh=full)
        with timed("read"):
            result = read_catalogue(catalogue_dir, today=today, cache=cache)
        if result.catalogue is None:
            raise CatalogueInvalid(result.problems)
        catalogue = result.catalogue
        read = cache.cache
        with timed("fingerprints"):
            inputs = inputs_fingerprint(catalogue, code=code)
            entries = {entry.id: cache.derived(entry, "fingerprint", partial(entry_fingerprint, catalogue, entry))
                       for entry in catalogue.interventions}
            shared = shared_fingerprint(catalogue, inputs)
            data = catalogue_fingerprint(shared, entries)
        previous = None if full else Previous.of(out.resolve(), inputs)
        published = {entry.id: entries[entry.id] for entry in catalogue.published()}
        run = BuildRun(previous, Manifest(inputs, entries=published), entries, data, progress, shared, published)
        built = BuildResult(catalogue, out, result.warnings, timings, incremental=previous is not None,
                            entries_read=read.misses if read else 0, entries_from_cache=read.hits if read else 0)
        built.removed_leftovers = remove_leftovers(out)
        with staging(out) as stage:
            for projection in outputs:
                progress.step(f"{projection.label} …")
                with timed(projection.label):
                    projection.write(catalogue, stage, run)
            if editor is not None:
                write_editor_into(built, catalogue_dir, stage, editor)
            run.manifest.write(stage)
        cache.save()
        built.pages_rendered, built.pages_reused = run.pages_rendered, run.pages_reused
        built.changed_pages, built.reused_projections = run.changed_pages, run.reused
        built.updated_projections = run.updated
    return built


def write_editor_into(built: BuildResult, catalogue_dir: Path, stage: Path, editor: PublishedEditor) -> None:
    """The web editor is written whole each time (its own files are a few KB; Decap's are hard links), after
    the site, so Pagefind never sees it. Without Decap CMS installed, the build goes on without it and says so."""
    try:
        built.editor = write_published_editor(built.catalogue, stage, editor, repository_path(catalogue_dir))
    except EditorUnavailable as unavailable:
        built.editor_unavailable = unavailable
