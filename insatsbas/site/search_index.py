"""The Pagefind index over the built entry pages, partitioned: one bundle per county and one for entries
open to residents of more than one county (`insatsbas.site.partitions`), each with an index per page
language (from <html lang>).

The site hands over each entry page's partition (`SiteData.partitions`, which every entry page also names
in its <head>). The CLI indexes one partition at a time over a folder of hard links that mirrors the site's
relative paths (so result URLs are the site's), which keeps Pagefind's peak memory at one partition's worth.

Incremental: given the previous build's output and the pages written with different bytes since
(added and removed ones included), a partition whose page list is the same and none of whose pages
changed is linked from the previous output instead of indexed again. `pagefind/partitions.json` records
each partition's page count and a digest of its page list for the next build to compare.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection, Mapping
from importlib.metadata import version
from pathlib import Path

from insatsbas.incremental import link_or_copy, link_tree
from insatsbas.urls import LANGUAGES, entry_path, url

BUNDLE_DIR = "pagefind"
MANIFEST = "partitions.json"
# Bump when what goes into a partition's index changes other than through the pages' bytes.
INDEX_FORMAT = 1


class SearchIndexFailed(RuntimeError):
    pass


def write_search_index(site: Path, pages: Mapping[str, str], *, previous: Path | None = None,
                       changed_pages: Collection[str] | None = None) -> None:
    """Index `site`'s entry `pages` (site-relative path -> partition) into `site/pagefind/<partition>/`,
    reusing the bundles of `previous` for partitions none of whose pages are in `changed_pages` (None: index
    everything)."""
    partitions = pages_by_partition(pages)
    bundles = site / BUNDLE_DIR
    if bundles.exists():
        shutil.rmtree(bundles)
    bundles.mkdir(parents=True)
    earlier = read_manifest(previous / BUNDLE_DIR) if previous is not None and changed_pages is not None else {}
    changed = set(changed_pages or ())
    manifest = {}
    for partition, pages in partitions.items():
        manifest[partition] = {"pages": len(pages), "digest": page_list_digest(pages)}
        target = bundles / partition
        if earlier.get(partition) == manifest[partition] and changed.isdisjoint(pages):
            link_tree(previous / BUNDLE_DIR / partition, target)
        else:
            index_partition(site, pages, target)
    (bundles / MANIFEST).write_text(json.dumps(
        {"format": INDEX_FORMAT, "pagefind": version("pagefind"), "partitions": manifest}, indent=1) + "\n",
        encoding="utf-8")


def entry_pages(partition_of_entry: Mapping[str, str]) -> dict[str, str]:
    """The site-relative path of each entry's page in every language (insats/..., en/insats/...) -> the
    entry's partition."""
    return {url(entry_path(entry_id), lang).lstrip("/") + "index.html": partition
            for entry_id, partition in partition_of_entry.items() for lang in LANGUAGES}


def pages_by_partition(pages: Mapping[str, str]) -> dict[str, list[str]]:
    """Partition -> its pages (sorted)."""
    partitions: dict[str, list[str]] = {}
    for page, partition in pages.items():
        partitions.setdefault(partition, []).append(page)
    return {key: sorted(found) for key, found in sorted(partitions.items())}


def page_list_digest(pages: list[str]) -> str:
    return hashlib.sha256("\n".join(pages).encode()).hexdigest()


def read_manifest(bundles: Path) -> dict[str, dict]:
    """The previous build's partitions, or nothing when it was indexed differently (or not at all)."""
    try:
        manifest = json.loads((bundles / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if manifest.get("format") != INDEX_FORMAT or manifest.get("pagefind") != version("pagefind"):
        return {}
    return {key: value for key, value in manifest.get("partitions", {}).items() if (bundles / key).is_dir()}


def index_partition(site: Path, pages: list[str], target: Path) -> None:
    # Beside the site (the same file system, so hard links work), removed whatever happens.
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site.parent) as folder:
        mirror = Path(folder)
        for page in pages:
            link_or_copy(site / page, mirror / page)
        run_pagefind(mirror, target)


def run_pagefind(site: Path, bundle: Path) -> None:
    # The command line, not the Python API: get_files() has hung on large indexes here.
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexFailed(
            f"Pagefind misslyckades ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
