"""Ingest speed: generate a 1,000,000-line access log and print lines per second of `stats ingest`.

    .venv/bin/python benchmarks/ingest_bench.py [--lines N] [--keep DIR]

The log is the test suite's generator (tests/logfactory.py) at scale: about 53 % search beacons, 21 %
clicks, the rest pages, bots and malformed lines. The first run ingests into an empty stats.db; the
second ingests the same file again, where every beacon is already counted; its caches are emptied first,
as in a new process. Wall-clock time depends on what else the machine runs; CPU time much less.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from insatsbas.stats.ingest import clear_caches, ingest  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the log and stats.db in this folder (a kept log is reused)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    log, db = folder / "access.log", folder / "stats.db"
    for stale in folder.glob("stats.db*"):
        stale.unlink()
    began = time.perf_counter()
    if args.keep and log.exists() and sum(1 for _ in log.open("rb")) == args.lines:
        lines = args.lines
        print(f"reusing {log}")
    else:
        lines = generate(log, args.lines)
    print(f"generated {lines:,} lines ({log.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - began:.1f} s")
    for label in ("first ingest (empty stats.db)", "second ingest (all already counted)"):
        clear_caches()
        began, cpu_began = time.perf_counter(), time.process_time()
        report = ingest([log], db)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        print(f"{label}: {seconds:.2f} s, {lines / seconds:,.0f} lines/s "
              f"(CPU time {cpu:.2f} s, {lines / cpu:,.0f} lines/s of CPU); "
              f"searches {report.total('new_searches'):,}, clicks {report.total('new_clicks'):,}, "
              f"already counted {report.total('already_counted'):,}, unparsable {report.total('unparsable'):,}, "
              f"bots {report.total('bots'):,}")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
