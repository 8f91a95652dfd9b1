"""The Pagefind index over the built entry pages, one index per page language (from <html lang>)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE_DIR = "pagefind"


class SearchIndexFailed(RuntimeError):
    pass


def write_search_index(site: Path) -> None:
    # The command line, not the Python API: get_files() has hung on large indexes here.
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE_DIR, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexFailed(
            f"Pagefind misslyckades ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
