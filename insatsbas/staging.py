"""Write into a fresh folder and switch the output to it in one step: a failure or a kill at any moment never
leaves a half-written or missing output. The build, the statistics page and the benchmark generator all
write this way.

The atomic-deploy pattern: `OUT` is a symbolic link to `.OUT.builds/<id>`, a folder beside it that holds the
builds. A new build is written into a new `<id>` folder; when it is complete, a new link is made beside
`OUT` and renamed over it. rename(2) replaces the link in one step, so a web server serving `OUT` answers
from the old build or from the new one, never from a mixture and never from nothing.

The build that was served before is kept (`.OUT.builds/previous` names it) until the next build succeeds, so
`rollback()` switches back to it in one step. What a killed build leaves behind (its unfinished folder, a
link it did not get to rename, the older layout's `.OUT.building-<pid>` and `.OUT.previous-<pid>`) is
removed by the next build, which says so (`remove_leftovers()`).

An `OUT` that is still a plain folder (made before this layout) is moved into `.OUT.builds/` on the first
switch: the only moment a reader can find `OUT` missing, for the microseconds between two renames, once."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from insatsbas.timing import timed

PREVIOUS = "previous"
# The timing (insatsbas.timing) of what a switch does after the new build is served: removing an old build,
# one file system call per file and folder, which takes long on a large site.
TIDY = "tidy"
# Files a writer keeps between its builds, beside them and never served (`cache_file`).
CACHE_SUFFIX = ".cache"
# A build folder's name: a UTC time stamp to the microsecond and the process that wrote it.
_BUILD_NAME = re.compile(r"\d{8}T\d{12}-(?P<pid>\d+)")
# What a killed process of this or the older layout leaves beside OUT.
_OLD_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(building|generating|previous|switch)-(?P<pid>\d+)")


class NothingToRollBack(Exception):
    """There is no complete previous build to switch back to."""

    def __init__(self, out: Path):
        super().__init__(str(out))
        self.out = out


def builds_folder(out: Path) -> Path:
    """Where the builds of `out` are kept: `.OUT.builds` beside it."""
    return out.parent / f".{out.name}.builds"


def cache_file(out: Path, name: str) -> Path:
    """Where a writer of `out` keeps `name` between builds: in the builds folder, outside every build, so it is
    never served and never switched."""
    return builds_folder(_absolute(out)) / f"{name}{CACHE_SUFFIX}"


def served_build(out: Path) -> Path | None:
    """The build folder `out` points to, or None when `out` is missing or a plain folder."""
    if not out.is_symlink():
        return None
    return (out.parent / os.readlink(out)).resolve()


def previous_build(out: Path) -> Path | None:
    """The build served before the current one, kept for `rollback()`; None when there is none."""
    link = builds_folder(out) / PREVIOUS
    if not link.is_symlink():
        return None
    target = (link.parent / os.readlink(link)).resolve()
    return target if target.is_dir() else None


@contextmanager
def staging(out: Path, *, keep_previous: bool = True) -> Iterator[Path]:
    """A fresh build folder for `out`, which `out` is switched to only if the block finishes without an
    exception; on an exception it is removed and `out` is left as it was. With `keep_previous`, the build
    served until now is kept for `rollback()` (and the one before it removed); otherwise it is removed."""
    out = _absolute(out)
    remove_leftovers(out)
    stage = builds_folder(out) / _new_build_name(os.getpid())
    stage.mkdir(parents=True)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        with contextlib.suppress(OSError):
            builds_folder(out).rmdir()  # when this was the first build: nothing is left beside `out`
        raise
    older = previous_build(out)
    before = _adopt_plain_folder(out) or served_build(out)
    _point(out, stage)
    with timed(TIDY):  # published already: what follows is housekeeping
        _keep_or_remove(out, stage, before, older, keep_previous)


def _keep_or_remove(out: Path, stage: Path, before: Path | None, older: Path | None, keep_previous: bool) -> None:
    """Keep the build served until now for `rollback()` (with `keep_previous`) and remove the one before it."""
    if before is None or not keep_previous:
        for folder in (before, older):
            if folder is not None and folder != stage:
                shutil.rmtree(folder, ignore_errors=True)
        (builds_folder(out) / PREVIOUS).unlink(missing_ok=True)
        return
    _point(builds_folder(out) / PREVIOUS, before)
    if older is not None and older not in (before, stage):
        shutil.rmtree(older, ignore_errors=True)


def rollback(out: Path) -> Path:
    """Switch `out` back to the build served before the current one, in one step; the current build becomes
    the previous one, so a second rollback switches forward again. Returns the build now served."""
    out = _absolute(out)
    current, previous = served_build(out), previous_build(out)
    if current is None or previous is None or previous == current:
        raise NothingToRollBack(out)
    _point(out, previous)
    _point(builds_folder(out) / PREVIOUS, current)
    return previous


def remove_leftovers(out: Path) -> list[Path]:
    """Remove what killed builds of `out` left behind, and return what was removed: build folders that are
    neither served nor kept as the previous build, switch links that were never renamed, and the older
    layout's staging folders. What a process still running is writing is left alone."""
    out = _absolute(out)
    keep = {served_build(out), previous_build(out)}
    removed: list[Path] = []
    builds = builds_folder(out)
    if builds.is_dir():
        for path in sorted(builds.iterdir()):
            if path.name == PREVIOUS or path.suffix == CACHE_SUFFIX and path.is_file():
                continue
            match = _OLD_LEFTOVER.fullmatch(path.name) if path.is_symlink() else _BUILD_NAME.fullmatch(path.name)
            if not path.is_symlink() and path.resolve() in keep or match and _running(int(match["pid"])):
                continue
            _remove(path)
            removed.append(path)
    if out.parent.is_dir():
        for path in sorted(out.parent.iterdir()):
            match = _OLD_LEFTOVER.fullmatch(path.name)
            if match and match["name"] == out.name and not _running(int(match["pid"])):
                _remove(path)
                removed.append(path)
    return removed


def _adopt_plain_folder(out: Path) -> Path | None:
    """The older layout, a plain folder at `out`, moved into the builds folder (and so kept for a rollback);
    None when `out` is not a plain folder. The caller points `out` at the new build right after."""
    if out.is_symlink() or not out.is_dir():
        return None
    adopted = builds_folder(out) / _new_build_name(0)
    out.rename(adopted)
    return adopted


def _new_build_name(pid: int) -> str:
    now = time.time_ns()
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime(now // 1_000_000_000))}{now // 1000 % 1_000_000:06d}-{pid}"


def _point(link: Path, target: Path) -> None:
    """Make `link` a relative link to `target`, replacing whatever link was there in one rename."""
    temporary = link.parent / f".{link.name}.switch-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), temporary)
    os.replace(temporary, link)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _absolute(out: Path) -> Path:
    """`out` made absolute without following a link at its end (that link is what is switched)."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    return out.parent.resolve() / out.name
