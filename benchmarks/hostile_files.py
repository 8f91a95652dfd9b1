"""Time and peak memory of `insatsbas validate` on each hostile file of tests/test_hostile_files.py, each in
its own process (peak memory is the process's maximum resident set size). Prints one line per file, the
worst last. Run: `.venv/bin/python benchmarks/hostile_files.py`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
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
            seconds, megabytes, code = measure(catalogue(Path(folder), text))
            rows.append((name, len(text.encode()), seconds, megabytes, code))
    print(f"{'file':28} {'size':>10} {'seconds':>8} {'peak MB':>8} exit")
    for name, size, seconds, megabytes, code in rows:
        print(f"{name:28} {size:>10,} {seconds:8.2f} {megabytes:8.1f} {code:>4}")
    worst = max(rows[1:], key=lambda row: (row[2], row[3]))
    print(f"worst: {worst[0]}, {worst[2]:.2f} s and {worst[3]:.1f} MB peak "
          f"(a valid entry: {rows[0][2]:.2f} s, {rows[0][3]:.1f} MB)")


if __name__ == "__main__":
    main()
