"""Time and peak memory of `insatsbas validate` on each hostile file of tests/test_hostile_files.py: the whole
command in its own process (wall time, maximum resident set size: mostly Python and the imports), and the
validation alone in this process (`read_catalogue`: time, and the peak of what it allocates, by tracemalloc).
Prints one line per file, the worst last. Run: `.venv/bin/python benchmarks/hostile_files.py`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # `python benchmarks/hostile_files.py` must use this checkout's insatsbas

from tests.conftest import SAMPLE  # noqa: E402
from tests.test_hostile_files import FILE, HOSTILE  # noqa: E402

# What a valid catalogue of one entry costs, to compare with.
BASELINE = "valid_entry"


def measure(root: Path) -> tuple[float, float, int]:
    """Seconds, peak megabytes and exit code of one `insatsbas validate` in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "insatsbas", "validate", "--catalogue", str(root),
                                "--today", "2026-11-22"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode


def validation(root: Path) -> tuple[float, float]:
    """Seconds and peak megabytes allocated by reading and validating the catalogue, in this process."""
    from insatsbas.reader import read_catalogue

    tracemalloc.start()
    started = time.perf_counter()
    read_catalogue(root, today=date(2026, 11, 22))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak


def catalogue(folder: Path, text: str) -> Path:
    root = folder / "catalogue"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
    for name in ("owners.yml", "region.yml"):
        shutil.copy(SAMPLE / name, root / name)
    (root / FILE).parent.mkdir(parents=True)
    (root / FILE).write_text(text, encoding="utf-8")
    return root


def main() -> None:
    from tests.conftest import VALID_ENTRY

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, text in {BASELINE: VALID_ENTRY, **{case: HOSTILE[case][0] for case in HOSTILE}}.items():
            root = catalogue(Path(folder), text)
            seconds, megabytes, code = measure(root)
            rows.append((name, len(text.encode()), seconds, megabytes, code, *validation(root)))
    print(f"{'file':26} {'bytes':>10} {'command s':>9} {'max RSS MB':>10} exit {'validate s':>10} {'alloc MB':>8}")
    for name, size, seconds, megabytes, code, validate_seconds, allocated in rows:
        print(f"{name:26} {size:>10,} {seconds:9.2f} {megabytes:10.1f} {code:>4} {validate_seconds:10.3f} "
              f"{allocated:8.1f}")
    worst = max(rows[1:], key=lambda row: row[5])
    print(f"worst (validation time): {worst[0]}, {worst[5]:.3f} s and {worst[6]:.1f} MB allocated at peak; the whole "
          f"command {worst[2]:.2f} s and {worst[3]:.1f} MB max RSS (a valid entry: {rows[0][5]:.3f} s, "
          f"{rows[0][6]:.1f} MB; {rows[0][2]:.2f} s, {rows[0][3]:.1f} MB)")


if __name__ == "__main__":
    main()
