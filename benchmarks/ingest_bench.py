"""Ingest speed: generate a 1,000,000-line access log and print lines per second of `stats ingest`.

    .venv/bin/python benchmarks/ingest_bench.py [--lines N] [--keep DIR]

The log is the test suite's generator (tests/logfactory.py) at scale: about 52 % search beacons, 21 %
clicks, the rest pages, assets, bots and malformed lines, over a year. Three runs, each with empty
caches as in a new process: into an empty stats.db with the default worker processes (two on a machine
with two cores), the same file again (every beacon already counted), and into an empty stats.db parsed
in this process only. Wall-clock time depends on what else the machine runs; the CPU time (this
process and its workers) much less.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from insatsbas.stats.ingest import clear_caches, default_workers, ingest  # noqa: E402
from tests.logfactory import SEED, events  # noqa: E402


def generate(path: Path, lines: int) -> int:
    rng = random.Random(SEED)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    end = datetime(2026, 12, 31, tzinfo=UTC)
    written = 0
    with path.open("w", encoding="utf-8") as log:
        for event in events(rng, start, end, lines):
            log.write(event.line + "\n")
            written += 1
            if written >= lines:
                break
    return written


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the log and stats.db in this folder (a kept log is reused)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "access.log"
    began = time.perf_counter()
    if args.keep and log.exists() and sum(1 for _ in log.open("rb")) == args.lines:
        lines = args.lines
        print(f"reusing {log}")
    else:
        lines = generate(log, args.lines)
        print(f"generated {lines:,} lines ({log.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - began:.1f} s")
    workers = default_workers(log)
    runs = [(f"first ingest, {workers} worker(s)", "stats.db", None),
            (f"second ingest, {workers} worker(s), all already counted", "stats.db", None),
            ("first ingest, parsed in this process", "single.db", 1)]
    for stale in folder.glob("*.db*"):
        stale.unlink()
    for label, name, count in runs:
        clear_caches()
        began, cpu_began = time.perf_counter(), cpu_seconds()
        report = ingest([log], folder / name, workers=count)
        seconds, cpu = time.perf_counter() - began, cpu_seconds() - cpu_began
        print(f"{label}: {seconds:.2f} s, {lines / seconds:,.0f} lines/s (CPU {cpu:.2f} s); "
              f"searches {report.total('new_searches'):,}, clicks {report.total('new_clicks'):,}, "
              f"already counted {report.total('already_counted'):,}, unparsable {report.total('unparsable'):,}, "
              f"bots {report.total('bots'):,}")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
