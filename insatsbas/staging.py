"""Write into a staging folder and swap it into place: a failure never leaves a half-written output, and
the previous output stays exactly as it was until the new one is complete. The build, the statistics page
and the benchmark generator all write this way."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging(out: Path, purpose: str = "building") -> Iterator[Path]:
    """A fresh folder beside `out` that replaces it only if the block finishes without an exception; on an
    exception it is removed and `out` is left as it was."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = out.parent / f".{out.name}.{purpose}-{os.getpid()}"
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
