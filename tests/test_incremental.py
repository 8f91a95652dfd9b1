"""The incremental build gives the output a full build would give, byte for byte.

Each case builds the sample catalogue in full (A, built once and copied), changes the catalogue, builds
incrementally over A's output, builds in full into another folder (B), and compares every file.

Two engines are not deterministic, and one is updated in place, so their files are compared by decoded
content instead of bytes (everything else is compared byte for byte):
- Pagefind writes each filter's values in a random map order, so the `.pf_filter` files, their hashed
  names, the `.pf_meta` files that name them and `pagefind-entry.json` that names those differ from run to
  run. A filter file is gzip, the 12-byte signature `pagefind_dcd`, then CBOR; decoded, with its values
  sorted, it is the same, and so are the metadata and the entry file once every hashed name is replaced by
  a name made from the decoded content it stands for. Index chunks, fragments and scripts are compared as
  bytes.
- Whoosh names its segment with a random id (`MAIN_<random>.seg`, named inside `_MAIN_1.toc`), and an
  incremental build deletes and adds an entry's document in a copy of the previous index, so the index is
  compared as what it holds: every live stored document and every term's postings, by entry id.
- SQLite: an incremental build deletes and inserts an entry's rows in a copy of the previous database (new
  rowids, free pages), so a database is compared as its schema, every table's rows in primary-key order, and
  each full-text index's terms (per column: documents and occurrences) after FTS5's own integrity check
  against its content table.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import cbor2
import pytest
from whoosh import index as whoosh_index

import insatsbas.site
from insatsbas.build import READ_CACHE, build
from insatsbas.hsds.export import write_hsds
from insatsbas.incremental import MANIFEST_NAME, Manifest
from insatsbas.reader import read_catalogue
from insatsbas.site.search_index import BUNDLE_DIR
from insatsbas.staging import cache_file
from insatsbas.urls import DATA_DIR
from tests.conftest import REPO, SAMPLE, TODAY, VALID_ENTRY, add_uppsala, write

PAGEFIND_SIGNATURE = b"pagefind_dcd"
WHOOSH_DIR = "whoosh"
ENTRY = "huddinge/sprakcafe-flemingsberg-bibliotek"  # active: it has pages


@pytest.fixture(scope="module")
def full_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built in full once; each test works on its own copy."""
    out = tmp_path_factory.mktemp("a") / "output"
    build(SAMPLE, out, today=TODAY)
    return out


@pytest.fixture
def previous(full_a: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(a copy of the sample catalogue with the region's pages beside it, as in the repository, and a copy of
    its full build's output)."""
    catalogue, out = tmp_path / "catalogue", tmp_path / "output"
    shutil.copytree(SAMPLE, catalogue)
    shutil.copytree(REPO / "pages", tmp_path / "pages")
    shutil.copytree(full_a, out)
    # With the full build's read cache, so every incremental build here also shows that entries taken from it
    # give what reading the files gives.
    cache_file(out, READ_CACHE).parent.mkdir()
    shutil.copy(cache_file(full_a, READ_CACHE), cache_file(out, READ_CACHE))
    return catalogue, out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change_entry(catalogue: Path) -> date:
    edit(catalogue / f"{ENTRY}.yml", "title: ", "title: Nytt namn – ")
    return TODAY


def add_entry(catalogue: Path) -> date:
    write(catalogue / "huddinge" / "ny-insats.yml", VALID_ENTRY)
    return TODAY


def delete_entry(catalogue: Path) -> date:
    (catalogue / f"{ENTRY}.yml").unlink()
    return TODAY


def change_owner_contact(catalogue: Path) -> date:
    edit(catalogue / "owners.yml", "insatsbas.huddinge@example.org", "ny.adress@example.org")
    return TODAY


def change_vocabulary_label(catalogue: Path) -> date:
    edit(catalogue / "vocabularies" / "categories.yml", "sv: Mentorskap,", "sv: Mentorskap och förebilder,")
    return TODAY


def move_today_past_review_dates(catalogue: Path) -> date:
    return TODAY + timedelta(days=200)


def give_a_providers_entries_one_url(catalogue: Path) -> date:
    """The provider's organization gets a website (all its entries give the same URL): the other entry's HSDS
    service changes too, though the entry did not."""
    edit(catalogue / "huddinge" / "laxhjalp-skogas.yml", "https://example.org/huddinge/bibliotek/skogas",
         "https://example.org/huddinge/bibliotek/flemingsberg")
    return TODAY


ENTRY_PROJECTIONS = ["database", "hsds", "search_index"]
# What each change does to the projections that hold every entry: updated entry by entry, reused whole, or
# (neither) written whole.
UPDATED = {change_entry: ENTRY_PROJECTIONS, add_entry: ENTRY_PROJECTIONS, delete_entry: ENTRY_PROJECTIONS,
           give_a_providers_entries_one_url: ENTRY_PROJECTIONS}
REUSED = {move_today_past_review_dates: ENTRY_PROJECTIONS}


@pytest.mark.parametrize("change", [change_entry, add_entry, delete_entry, change_owner_contact,
                                    change_vocabulary_label, move_today_past_review_dates,
                                    give_a_providers_entries_one_url])
def test_incremental_build_equals_full_build(change, previous, tmp_path):
    catalogue, out = previous
    today = change(catalogue)

    incremental = build(catalogue, out, today=today)
    build(catalogue, tmp_path / "full", today=today, full=True)

    assert_same_output(out, tmp_path / "full")
    # An owner's contact is in every one of its entries' rows: the projections are written whole.
    assert incremental.updated_projections == UPDATED.get(change, [])
    assert sorted(incremental.reused_projections) == REUSED.get(change, [])
    if change is change_vocabulary_label:  # a shared input: everything again
        assert not incremental.incremental and incremental.pages_reused == 0
    else:
        assert incremental.incremental
        # Moving the day re-renders every page listing an entry whose review fell due; the sample has many.
        assert incremental.pages_reused > (0 if change is move_today_past_review_dates else 2 * incremental.pages_rendered)
        assert incremental.changed_pages  # something the visitor sees changed
    # Only what changed was parsed and checked again; the rest came from the read cache (with another day or
    # other owners, nothing could).
    changed_files = {change_entry: 1, add_entry: 1, delete_entry: 0, give_a_providers_entries_one_url: 1}.get(change)
    if changed_files is not None:
        assert incremental.entries_read == changed_files and incremental.entries_from_cache > 100
    else:
        assert incremental.entries_from_cache == 0


def test_the_builds_open_data_made_from_cached_entry_parts_is_the_exports(full_a, tmp_path):
    """The build writes HSDS from each entry's cached part; `insatsbas export hsds` (write_hsds) from the whole
    catalogue at once: the same bytes."""
    write_hsds(read_catalogue(SAMPLE, today=TODAY).catalogue, tmp_path / DATA_DIR)
    exported = snapshot(tmp_path / DATA_DIR)
    built = snapshot(full_a / DATA_DIR)
    assert exported and all(built[name] == content for name, content in exported.items())


def test_with_several_counties_only_the_changed_bundle_is_indexed_again_and_the_output_is_a_full_builds(tmp_path):
    catalogue, out = tmp_path / "catalogue", tmp_path / "output"
    shutil.copytree(SAMPLE, catalogue)
    add_uppsala(catalogue)
    build(catalogue, out, today=TODAY)
    bundles = sorted(path.name for path in (out / BUNDLE_DIR).iterdir() if path.is_dir())
    assert bundles == ["lan-01", "lan-03", "riket"]
    before = {name: bundle_inodes(out / BUNDLE_DIR / name) for name in bundles}

    change_entry(catalogue)  # an entry in Huddinge: Stockholms län
    build(catalogue, out, today=TODAY)
    build(catalogue, tmp_path / "full", today=TODAY, full=True)

    after = {name: bundle_inodes(out / BUNDLE_DIR / name) for name in bundles}
    assert after["lan-03"] == before["lan-03"] and after["riket"] == before["riket"]  # hard links: not indexed
    assert after["lan-01"] != before["lan-01"]
    assert_same_output(out, tmp_path / "full")


def bundle_inodes(bundle: Path) -> dict[str, int]:
    return {path.relative_to(bundle).as_posix(): path.stat().st_ino for path in bundle.rglob("*") if path.is_file()}


def test_one_changed_entry_renders_its_pages_and_reports_them_changed(previous):
    catalogue, out = previous
    change_entry(catalogue)

    result = build(catalogue, out, today=TODAY)

    entry_pages = {f"{prefix}insats/{ENTRY}/index.html" for prefix in ("", "en/", "ar/")}
    assert entry_pages <= result.changed_pages
    assert all(path.endswith(".html") for path in result.changed_pages)
    manifest = Manifest.read(out)
    assert manifest is not None and set(manifest.pages) == {
        path.relative_to(out).as_posix() for path in out.rglob("*.html") if BUNDLE_DIR not in path.parts}
    assert result.reused_projections == []  # the database, HSDS and Whoosh hold every entry: updated
    assert result.updated_projections == ["database", "hsds", "search_index"]


def test_unchanged_catalogue_reuses_projections_and_changes_no_page(previous):
    catalogue, out = previous

    result = build(catalogue, out, today=TODAY)

    assert result.incremental and result.changed_pages == frozenset()
    assert set(result.reused_projections) == {"database", "hsds", "search_index"}
    assert result.updated_projections == []


def test_full_flag_and_missing_or_corrupt_manifest_mean_a_full_build(previous):
    catalogue, out = previous
    assert not build(catalogue, out, today=TODAY, full=True).incremental

    (out / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert build(catalogue, out, today=TODAY).pages_reused == 0
    (out / MANIFEST_NAME).unlink()
    assert build(catalogue, out, today=TODAY).pages_reused == 0
    assert build(catalogue, out, today=TODAY).incremental  # the full build wrote a manifest again


def test_changed_template_renders_every_page_again(previous, tmp_path, monkeypatch):
    catalogue, out = previous
    theme = tmp_path / "theme"
    shutil.copytree(insatsbas.site.THEME_DIR, theme)
    edit(theme / "templates" / "entry.html", '<section class="entry-description"', '<section class="entry-description x"')
    monkeypatch.setattr(insatsbas.site, "THEME_DIR", theme)

    result = build(catalogue, out, today=TODAY)

    assert not result.incremental and result.pages_reused == 0
    assert 'class="entry-description x"' in (out / "insats" / ENTRY / "index.html").read_text(encoding="utf-8")


def test_a_regions_new_template_or_changed_page_renders_every_page_again(previous):
    catalogue, out = previous
    write(catalogue.parent / "templates" / "entry.html",
          '{% extends "!theme/entry.html" %}{% block title %}Regionens {{ super() }}{% endblock %}')

    with_template = build(catalogue, out, today=TODAY)

    assert not with_template.incremental and with_template.pages_reused == 0
    assert "<title>Regionens " in (out / "insats" / ENTRY / "index.html").read_text(encoding="utf-8")
    edit(catalogue.parent / "pages" / "om.md", "Insatsbas", "Katalogen Insatsbas")
    assert not build(catalogue, out, today=TODAY).incremental
    assert build(catalogue, out, today=TODAY).incremental


def test_failed_incremental_build_leaves_the_previous_output_as_it_was(previous, monkeypatch):
    catalogue, out = previous
    before = snapshot(out)
    change_entry(catalogue)

    def broken(site: Path, *_: object, **__: object) -> None:
        raise RuntimeError("Pagefind failed")

    monkeypatch.setattr(insatsbas.site, "write_search_index", broken)
    with pytest.raises(RuntimeError, match="Pagefind failed"):
        build(catalogue, out, today=TODAY)

    assert snapshot(out) == before
    # No staging folder left: beside the output, only the read cache the fixture put there.
    assert sorted(p.name for p in out.parent.iterdir()) == [".output.builds", "catalogue", "output", "pages"]
    assert [p.name for p in (out.parent / ".output.builds").iterdir()] == [cache_file(out, READ_CACHE).name]


# --- comparing two outputs ---------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def assert_same_output(incremental: Path, full: Path) -> None:
    a, b = comparable(incremental), comparable(full)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def comparable(out: Path) -> dict[str, object]:
    """Every file as bytes, except Pagefind bundles and the Whoosh index: their decoded content."""
    files = {path.relative_to(out).as_posix(): path for path in out.rglob("*") if path.is_file()}
    result: dict[str, object] = {}
    bundles = [path.parent for path in out.rglob("pagefind-entry.json")]
    for bundle in bundles:
        prefix = bundle.relative_to(out).as_posix() + "/"
        result.update({prefix + name: content for name, content in decoded_pagefind(bundle).items()})
    result[WHOOSH_DIR] = decoded_whoosh(out / WHOOSH_DIR)
    for name, path in files.items():
        if name.endswith(".db"):
            result[name] = decoded_sqlite(path)
        elif not name.startswith(WHOOSH_DIR + "/") and not any(path.is_relative_to(bundle) for bundle in bundles):
            result[name] = path.read_bytes()
    return result


def decode_pagefind_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(PAGEFIND_SIGNATURE)
    return cbor2.loads(data[len(PAGEFIND_SIGNATURE):])


def content_name(language_and_hash: str, content: str) -> str:
    return language_and_hash.split("_")[0] + "_" + hashlib.sha256(content.encode()).hexdigest()[:16]


def decoded_pagefind(bundle: Path) -> dict[str, object]:
    """A Pagefind bundle with filters decoded and sorted, and every hashed name replaced by one made from
    the decoded content it names."""
    result: dict[str, object] = {}
    names: dict[str, str] = {}
    for path in sorted(bundle.glob("filter/*.pf_filter")):
        name, values = decode_pagefind_file(path)
        content = json.dumps([name, sorted([value, sorted(pages)] for value, pages in values)])
        names[path.stem] = content_name(path.stem, content)
        result[f"filter/{names[path.stem]}"] = content
    for path in sorted(bundle.glob("pagefind.*.pf_meta")):
        meta = renamed(decode_pagefind_file(path), names)
        meta[3] = sorted(meta[3])  # [filter name, filter file]: in the order of Pagefind's map
        content = json.dumps(meta)
        stem = path.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        names[stem] = content_name(stem, content)
        result[f"meta/{names[stem]}"] = content
    result["pagefind-entry.json"] = renamed(json.loads((bundle / "pagefind-entry.json").read_text()), names)
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and path.suffix not in {".pf_filter", ".pf_meta"} and path.name != "pagefind-entry.json":
            result[path.relative_to(bundle).as_posix()] = path.read_bytes()
    return result


def renamed(value, names: dict[str, str]):
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return [renamed(item, names) for item in value]
    if isinstance(value, dict):
        return {key: renamed(item, names) for key, item in value.items()}
    return value


def decoded_whoosh(folder: Path) -> object:
    """Live documents only: a term whose documents were all deleted (still listed until its segment is
    merged) has no postings."""
    with whoosh_index.open_dir(str(folder)).reader() as reader:
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        stored = sorted(json.dumps(fields, sort_keys=True, default=str) for _, fields in reader.iter_docs())
        postings = []
        for field, text in reader.all_terms():
            found = sorted((ids[docnum], frequency) for docnum, frequency in reader.postings(field, text).items_as("frequency"))
            if found:
                postings.append((field, text, found))
        return stored, postings, (folder / "synonyms.json").read_bytes()


def decoded_sqlite(path: Path) -> object:
    """The schema, every table's rows in primary-key order, and each FTS5 index's terms per column, once
    FTS5 has checked the index against its content table. Read from a copy in memory."""
    db = sqlite3.connect(":memory:")
    with sqlite3.connect(path) as source:
        source.backup(db)
    schema = sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    fts = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if name not in fts and not any(name.startswith(f"{index}_") for index in fts)]
    result: dict[str, object] = {"schema": schema}
    for table in tables:
        columns = sorted((info[5], info[0], info[1]) for info in db.execute(f"PRAGMA table_info([{table}])"))
        key = [name for position, _, name in columns if position] or [name for _, _, name in columns]
        order = ", ".join(f"[{name}]" for name in key)
        result[table] = db.execute(f"SELECT * FROM [{table}] ORDER BY {order}").fetchall()
    for index in fts:
        db.execute(f"INSERT INTO [{index}] ([{index}], rank) VALUES ('integrity-check', 1)")
        db.execute(f"CREATE VIRTUAL TABLE temp.[{index}_terms] USING fts5vocab(main, [{index}], 'col')")
        result[index] = db.execute(f"SELECT * FROM temp.[{index}_terms] ORDER BY term, col").fetchall()
    db.close()
    return result


def test_the_command_says_what_it_rendered_and_reused(previous):
    from click.testing import CliRunner

    from insatsbas.cli import cli

    catalogue, out = previous
    change_entry(catalogue)
    command = ["build", "--catalogue", str(catalogue), "--out", str(out), "--today", TODAY.isoformat(), "--lang", "en"]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 0, result.output
    rendered, reused = map(int, re.search(r"Pages: (\d+) rendered, (\d+) reused from the previous build\.",
                                          result.output).groups())
    assert 0 < rendered < reused

    full = CliRunner().invoke(cli, [*command, "--full"])
    assert full.exit_code == 0 and "reused" not in full.output
