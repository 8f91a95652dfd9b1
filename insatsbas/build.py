"""One build: read and validate the catalogue, then write every projection into a staging folder and
swap it into place, so a failed build leaves the previous output exactly as it was.

The build is incremental when the output folder holds a previous build made from the same code, theme,
content and vocabularies (see insatsbas/incremental.py): what did not change is taken from it (hard links
into the staging folder) instead of being written again, and the result is byte for byte what a full
build would give. `full=True` ignores the previous output."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from insatsbas.database import write_database
from insatsbas.editor import PublishedEditor, write_published_editor
from insatsbas.editor.config import repository_path
from insatsbas.editor.page import EditorFiles, EditorUnavailable
from insatsbas.hsds.export import JSON_DIR, TABULAR_DIR, hsds_projection
from insatsbas.incremental import (
    Manifest,
    Previous,
    catalogue_fingerprint,
    entry_fingerprint,
    inputs_fingerprint,
    link_tree,
)
from insatsbas.model import Catalogue
from insatsbas.progress import QUIET, Progress
from insatsbas.reader import read_catalogue
from insatsbas.search.index import INDEX_FOLDER, search_index_projection
from insatsbas.site import Overrides, SiteIncrement, site_projection, site_sources
from insatsbas.sources.problems import CatalogueInvalid, Problem
from insatsbas.timing import collecting, timed
from insatsbas.urls import DATA_DIR, DATABASE_NAME

DEFAULT_CATALOGUE = Path("catalogue")
DEFAULT_OUTPUT = Path("output")

Projection = Callable[[Catalogue, Path, Progress], None]


def database_projection(catalogue: Catalogue, out: Path, progress: Progress) -> None:
    write_database(catalogue, out / DATABASE_NAME, progress)


PROJECTIONS: list[tuple[str, Projection]] = [
    ("Databas", database_projection),
    ("Öppna data (HSDS)", hsds_projection),
    ("Sökindex (Whoosh)", search_index_projection),
    # Last: the site copies the database into /data/ and indexes every page written before it.
    ("Webbplats", site_projection),
]
# Projections that any change of the catalogue's data rewrites whole (their engines write one file or one
# index; see the README for what that costs). When the data is unchanged (a change of --today, say), their
# files are taken from the previous output.
REUSED_WHOLE: dict[Projection, tuple[str, ...]] = {
    database_projection: (DATABASE_NAME,),
    hsds_projection: (f"{DATA_DIR}/{JSON_DIR}", f"{DATA_DIR}/{TABULAR_DIR}"),
    search_index_projection: (INDEX_FOLDER,),
}


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
    # The web editor at /redigera/ when asked for, or why it was left out (Decap CMS not installed).
    editor: EditorFiles | None = None
    editor_unavailable: EditorUnavailable | None = None


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
        with timed("read"):
            result = read_catalogue(catalogue_dir, today=today)
        if result.catalogue is None:
            raise CatalogueInvalid(result.problems)
        catalogue = result.catalogue
        with timed("fingerprints"):
            inputs = inputs_fingerprint(catalogue, site_sources(overrides))
            entries = {entry.id: entry_fingerprint(catalogue, entry) for entry in catalogue.interventions}
            data = catalogue_fingerprint(catalogue, inputs, entries)
        previous = None if full else Previous.of(out.resolve(), inputs)
        manifest = Manifest(inputs)
        site = SiteIncrement(previous, manifest, entries, sources=site_sources(overrides))
        built = BuildResult(catalogue, out, result.warnings, timings, incremental=previous is not None)
        with staging(out) as stage:
            for label, projection in PROJECTIONS:
                progress.step(f"{label} …")
                with timed(label):
                    if projection in REUSED_WHOLE:
                        manifest.projections[projection.__name__] = data
                        if reuse_whole(projection, previous, stage, data):
                            built.reused_projections.append(projection.__name__)
                            continue
                    if projection is site_projection:
                        site_projection(catalogue, stage, progress, increment=site, overrides=overrides)
                    else:
                        projection(catalogue, stage, progress)
            if editor is not None:
                write_editor_into(built, catalogue_dir, stage, editor)
            manifest.write(stage)
        built.pages_rendered, built.pages_reused = site.rendered, site.reused
        built.changed_pages = site.changed_pages if previous else None
    return built


def write_editor_into(built: BuildResult, catalogue_dir: Path, stage: Path, editor: PublishedEditor) -> None:
    """The web editor is written whole each time (its own files are a few KB; Decap's are hard links), after
    the site, so Pagefind never sees it. Without Decap CMS installed, the build goes on without it and says so."""
    try:
        built.editor = write_published_editor(built.catalogue, stage, editor, repository_path(catalogue_dir))
    except EditorUnavailable as unavailable:
        built.editor_unavailable = unavailable


def reuse_whole(projection: Projection, previous: Previous | None, stage: Path, data: str) -> bool:
    """Link a projection's files from the previous output into `stage` when they were made from the same
    catalogue data; False when they must be written again."""
    names = REUSED_WHOLE[projection]
    if previous is None or not previous.projection(projection.__name__, data):
        return False
    if not all((previous.out / name).exists() for name in names):
        return False
    for name in names:
        link_tree(previous.out / name, stage / name)
    return True


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh folder beside `out` that replaces it only if the block finishes without an exception."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = out.parent / f".{out.name}.building-{os.getpid()}"
    retired = out.parent / f".{out.name}.previous-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if out.exists():
        out.rename(retired)
    stage.rename(out)
    shutil.rmtree(retired, ignore_errors=True)
