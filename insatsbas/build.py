"""One build: read and validate the catalogue, then write every projection into a staging folder and
swap it into place, so a failed build leaves the previous output exactly as it was."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from insatsbas.database import DATABASE_NAME, write_database
from insatsbas.hsds.export import hsds_projection
from insatsbas.model import Catalogue
from insatsbas.problems import CatalogueInvalid, Problem
from insatsbas.progress import QUIET, Progress
from insatsbas.reader import read_catalogue
from insatsbas.search.index import search_index_projection
from insatsbas.site import site_projection
from insatsbas.timing import collecting, timed

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


@dataclass
class BuildResult:
    catalogue: Catalogue
    out: Path
    warnings: list[Problem]
    # Wall-clock seconds: "read" (load and validate), one per projection label, the site's sub-phases
    # ("pages", "search index") and "total"; for benchmarks/run.py.
    timings: dict[str, float] = field(default_factory=dict)


def build(catalogue_dir: Path = DEFAULT_CATALOGUE, out: Path = DEFAULT_OUTPUT, *,
          progress: Progress = QUIET, today: date | None = None) -> BuildResult:
    """Validate, then build everything into `out`. Raises CatalogueInvalid and builds nothing on errors."""
    with collecting() as timings, timed("total"):
        progress.step("Läser katalogen …")
        with timed("read"):
            result = read_catalogue(catalogue_dir, today=today)
        if result.catalogue is None:
            raise CatalogueInvalid(result.problems)
        with staging(out) as stage:
            for label, projection in PROJECTIONS:
                progress.step(f"{label} …")
                with timed(label):
                    projection(result.catalogue, stage, progress)
    return BuildResult(result.catalogue, out, result.warnings, timings)


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
