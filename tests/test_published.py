"""Published means published everywhere: the public database, the CSV, HSDS (JSON and tables), the site's entry
pages, the Pagefind index and the Whoosh index hold exactly the catalogue's published entries, and no file of the
built output holds a draft, an ended entry or an editor's or coordinator's git handle."""

from __future__ import annotations

import csv
import gzip
import json
import re
import sqlite3
from pathlib import Path

import pytest
from whoosh.index import open_dir

from insatsbas.hsds.ids import hsds_id
from insatsbas.reader import load_catalogue
from insatsbas.sources.text import slugify
from insatsbas.urls import ENTRY_DIR, LANGUAGES, language_root
from tests.conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(SAMPLE, today=TODAY)


@pytest.fixture(scope="module")
def published_ids(catalogue) -> set[str]:
    ids = {entry.id for entry in catalogue.published()}
    assert len(ids) > 100
    return ids


def database_ids(out: Path) -> set[str]:
    with sqlite3.connect(out / "data" / "insatsbas.db") as db:
        return {row[0] for row in db.execute("select id from interventions")}


def csv_ids(out: Path) -> set[str]:
    with (out / "data" / "insatser.csv").open(encoding="utf-8-sig", newline="") as f:
        return {row["id"] for row in csv.DictReader(f)}


def hsds_json_ids(out: Path) -> set[str]:
    services = json.loads((out / "data" / "hsds" / "services.json").read_text(encoding="utf-8"))["contents"]
    return {next(a["value"] for a in s["attributes"] if a["taxonomy_term"]["code"] == "id") for s in services}


def hsds_table_service_ids(out: Path) -> set[str]:
    with (out / "data" / "csv" / "services.csv").open(encoding="utf-8", newline="") as f:
        return {row["id"] for row in csv.DictReader(f)}


def entry_page_ids(out: Path, lang: str) -> set[str]:
    root = language_root(out, lang) / ENTRY_DIR
    return {page.parent.relative_to(root).as_posix() for page in root.glob("*/*/index.html")}


def pagefind_fragments(out: Path) -> list[dict]:
    """Pagefind's fragment files are gzip with a `pagefind_dcd` signature before the page's JSON."""
    fragments = []
    for path in (out / "pagefind").rglob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragments.append(json.loads(data[len(b"pagefind_dcd"):]))
    return fragments


def pagefind_entry_ids(out: Path, lang: str) -> set[str]:
    prefix = ("/" if lang == "sv" else f"/{lang}/") + ENTRY_DIR + "/"
    return {f["url"][len(prefix):].strip("/") for f in pagefind_fragments(out) if f["url"].startswith(prefix)}


def whoosh_ids(out: Path) -> set[str]:
    with open_dir(str(out / "whoosh")).searcher() as searcher:
        return {fields["id"] for fields in searcher.all_stored_fields()}


def test_every_public_output_holds_exactly_the_published_entries(sample_build, published_ids):
    sets = {
        "database": database_ids(sample_build),
        "csv": csv_ids(sample_build),
        "hsds json": hsds_json_ids(sample_build),
        "whoosh": whoosh_ids(sample_build),
        **{f"entry pages ({lang})": entry_page_ids(sample_build, lang) for lang in LANGUAGES},
        **{f"pagefind ({lang})": pagefind_entry_ids(sample_build, lang) for lang in LANGUAGES},
    }
    for name, ids in sets.items():
        print(f"{name}: {len(ids)} entries")
        assert ids == published_ids, (name, sorted(ids ^ published_ids)[:5])
    assert hsds_table_service_ids(sample_build) == {hsds_id("service", entry) for entry in published_ids}


def test_the_database_in_the_output_is_the_one_offered_for_download(sample_build):
    assert (sample_build / "insatsbas.db").read_bytes() == (sample_build / "data" / "insatsbas.db").read_bytes()


def readable_bytes(path: Path) -> bytes:
    """A file's bytes, and its decompressed bytes when it is gzip (Pagefind's index and fragments)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data += gzip.decompress(data)
    return data


def whole_words(needles: list[bytes]) -> re.Pattern[bytes]:
    """Any of `needles`, not inside a longer slug or an e-mail address ("kyrkan-sodertalje" is not found in
    "svenska-kyrkan-sodertalje", nor a handle in the owner's public mailbox "insatsbas.af-sodertorn@...")."""
    alternatives = b"|".join(re.escape(needle) for needle in sorted(needles, key=len, reverse=True))
    return re.compile(rb"(?<![\w.@-])(" + alternatives + rb")(?![\w.@-])")


def test_no_draft_ended_entry_or_git_handle_is_in_any_published_file(sample_build, catalogue):
    hidden = [entry for entry in catalogue.interventions if not entry.is_published]
    assert {entry.status for entry in hidden} == {"draft", "ended"}
    needles = {entry.id.encode(): f"{entry.status} {entry.id}" for entry in hidden}
    # A handle that is also the slug of a public name ("salem-kommun") says nothing about a person.
    public_slugs = set(catalogue.owners) | {slugify(name) for name in [*(o.name for o in catalogue.owners.values()),
                                                *(i.provider.name for i in catalogue.interventions)]}
    handles = {handle for owner in catalogue.owners.values() for handle in owner.editors}
    handles |= {coordinator.handle for coordinator in catalogue.coordinators}
    assert len(handles - public_slugs) >= 10
    needles |= {handle.encode(): f"handle {handle}" for handle in handles - public_slugs}
    files = [path for path in sample_build.rglob("*") if path.is_file()]
    assert any(path.suffix == ".db" for path in files) and any(path.suffix == ".pf_fragment" for path in files)
    pattern = whole_words(list(needles))
    found = sorted({f"{path.relative_to(sample_build)}: {needles[match]}"
                    for path in files for match in pattern.findall(readable_bytes(path))})
    print(f"{len(files)} files scanned for {len(needles)} ids and handles: {len(found)} found")
    assert found == []
