"""The partitioned Pagefind index: which partition an entry belongs to, the home region, one bundle per
partition, and re-indexing only the partitions with a changed page (issue 6)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from insatsbas.model import Municipality
from insatsbas.reader import load_catalogue
from insatsbas.site.partitions import NATIONAL, SearchPartitions, entry_partition
from insatsbas.site.search_index import MANIFEST, entry_pages, pages_by_partition, write_search_index
from insatsbas.urls import LANGUAGES
from tests.conftest import SAMPLE, TODAY

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="search-partition" content="{partition}">
<title>{title}</title>
</head>
<body><nav>Meny</nav><article data-pagefind-body><h1>{title}</h1><p>{text}</p></article></body>
</html>
"""


def test_an_entry_belongs_to_the_county_of_the_municipalities_it_serves_or_to_the_national_partition():
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    municipalities = catalogue.vocabularies.municipalities
    entry = next(i for i in catalogue.published() if len(i.open_to) > 1)
    assert entry_partition(entry, municipalities) == "lan-01"  # Södertörn is in Stockholms län
    elsewhere = {**municipalities, entry.open_to[-1]: Municipality(slug=entry.open_to[-1], label={}, code="0380")}
    assert entry_partition(entry, elsewhere) == NATIONAL


def test_the_home_region_is_the_county_with_most_entries():
    partitions = SearchPartitions({}, {"lan-01": 3, "lan-14": 5, NATIONAL: 9}, {})
    assert partitions.home == "lan-14"
    assert SearchPartitions({}, {"lan-03": 2, "lan-01": 2}, {}).home == "lan-01"
    assert SearchPartitions({}, {NATIONAL: 1}, {}).home == NATIONAL
    assert SearchPartitions({}, {}, {}).home is None


def county_labels() -> dict[str, dict[str, str]]:
    return {code: county.label for code, county in load_catalogue(SAMPLE, today=TODAY).vocabularies.counties.items()}


def test_every_county_has_a_name_in_swedish_english_and_arabic():
    labels = county_labels()
    assert len(labels) == 21 and labels["01"]["sv"] == "Stockholms län"
    assert all(set(names) == {"sv", "en", "ar"} and all(names.values()) for names in labels.values())


def test_the_benchmark_counties_are_the_same_counties():
    from insatsbas.sources.yamlsource import read_document
    benchmark = read_document(Path(__file__).parent.parent / "benchmarks" / "data" / "counties.yml").data
    assert {c["code"]: c["name"] for c in benchmark} == {code: names["sv"] for code, names in county_labels().items()}


def make_site(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    """A site of entry pages: path -> (partition, text)."""
    for path, (partition, text) in pages.items():
        lang = path.split("/")[0] if path.startswith(("en/", "ar/")) else "sv"
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(PAGE.format(lang=lang, partition=partition, title=path.split("/")[-2], text=text),
                        encoding="utf-8")
    return root


PAGES = {
    "insats/a/simskola/index.html": ("lan-01", "Simundervisning för vuxna i Huddinge."),
    "insats/a/sfi/index.html": ("lan-01", "Svenska för invandrare."),
    "en/insats/a/sfi/index.html": ("lan-01", "Swedish for immigrants."),
    "insats/b/praktik/index.html": ("lan-03", "Praktik i Uppsala."),
    "insats/c/distans/index.html": (NATIONAL, "Svenska på distans i hela landet."),
}


@pytest.fixture
def first_build(tmp_path: Path) -> Path:
    site = make_site(tmp_path / "first", PAGES)
    (site / "index.html").write_text("<html><body>Start</body></html>", encoding="utf-8")
    write_search_index(site, partitions_of(PAGES))
    return site


def partitions_of(pages: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {path: partition for path, (partition, _) in pages.items()}


def inodes(bundle: Path) -> dict[str, int]:
    return {path.relative_to(bundle).as_posix(): path.stat().st_ino for path in bundle.rglob("*") if path.is_file()}


def test_each_partition_gets_its_own_bundle_with_only_its_pages(first_build):
    bundles = first_build / "pagefind"
    assert sorted(p.name for p in bundles.iterdir() if p.is_dir()) == ["lan-01", "lan-03", NATIONAL]
    manifest = json.loads((bundles / MANIFEST).read_text(encoding="utf-8"))
    assert {key: value["pages"] for key, value in manifest["partitions"].items()} == {
        "lan-01": 3, "lan-03": 1, NATIONAL: 1}
    entry = json.loads((bundles / "lan-01" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: index["page_count"] for lang, index in entry["languages"].items()} == {"sv": 2, "en": 1}
    assert json.loads((bundles / "lan-03" / "pagefind-entry.json").read_text(encoding="utf-8"))[
        "languages"]["sv"]["page_count"] == 1
    assert not any(first_build.parent.glob(".pagefind-*"))  # the folders of hard links are gone


def rebuild(first: Path, target: Path, change: dict[str, tuple[str, str]], remove: tuple[str, ...] = ()) -> Path:
    shutil.copytree(first, target, ignore=shutil.ignore_patterns("pagefind"))
    make_site(target, change)
    for path in remove:
        (target / path).unlink()
    pages = {path: partition for path, partition in partitions_of({**PAGES, **change}).items() if path not in remove}
    write_search_index(target, pages, previous=first, changed_pages={*change, *remove})
    return target


def test_only_partitions_with_a_changed_page_are_indexed_again(first_build, tmp_path):
    second = rebuild(first_build, tmp_path / "second",
                     {"insats/b/praktik/index.html": ("lan-03", "Praktik och mentorskap i Uppsala.")})
    old, new = first_build / "pagefind", second / "pagefind"
    assert inodes(new / "lan-01") == inodes(old / "lan-01")  # linked, not written again
    assert inodes(new / NATIONAL) == inodes(old / NATIONAL)
    assert inodes(new / "lan-03").keys() & inodes(old / "lan-03").keys()
    assert inodes(new / "lan-03") != inodes(old / "lan-03")
    assert pages_by_partition(partitions_of(PAGES))["lan-03"] == ["insats/b/praktik/index.html"]


def test_a_page_that_moves_to_another_partition_reindexes_both(first_build, tmp_path):
    second = rebuild(first_build, tmp_path / "second",
                     {"insats/b/praktik/index.html": (NATIONAL, "Praktik i Uppsala och Enköping.")})
    old, new = first_build / "pagefind", second / "pagefind"
    assert not (new / "lan-03").exists()
    assert inodes(new / NATIONAL) != inodes(old / NATIONAL)
    assert inodes(new / "lan-01") == inodes(old / "lan-01")
    entry = json.loads((new / NATIONAL / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 2


def test_a_removed_page_reindexes_its_partition(first_build, tmp_path):
    second = rebuild(first_build, tmp_path / "second", {}, remove=("en/insats/a/sfi/index.html",))
    entry = json.loads((second / "pagefind" / "lan-01" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"sv"}
    assert inodes(second / "pagefind" / "lan-03") == inodes(first_build / "pagefind" / "lan-03")


def test_without_a_list_of_changed_pages_everything_is_indexed_again(first_build, tmp_path):
    second = tmp_path / "second"
    shutil.copytree(first_build, second, ignore=shutil.ignore_patterns("pagefind"))
    write_search_index(second, partitions_of(PAGES), previous=first_build, changed_pages=None)
    for partition in ("lan-01", "lan-03", NATIONAL):
        assert not inodes(second / "pagefind" / partition).items() & inodes(first_build / "pagefind" / partition).items()


def test_each_entrys_pages_in_every_language_are_in_its_partition():
    pages = entry_pages({"a/sfi": "lan-01", "b/distans": NATIONAL})
    prefixes = ["", *(f"{lang}/" for lang in LANGUAGES if lang != "sv")]
    assert "en/" in prefixes and "ti/" in prefixes
    assert pages == {**{f"{prefix}insats/a/sfi/index.html": "lan-01" for prefix in prefixes},
                     **{f"{prefix}insats/b/distans/index.html": NATIONAL for prefix in prefixes}}


def test_the_built_site_indexes_every_entry_page_in_the_partition_its_page_names(sample_build):
    """The index takes the partitions from the model; each entry page names the same one in its <head>."""
    manifest = json.loads((sample_build / "pagefind" / MANIFEST).read_text(encoding="utf-8"))["partitions"]
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    pages = entry_pages(SearchPartitions.of(catalogue.published(), catalogue.vocabularies).of_entry)
    assert {key: value["pages"] for key, value in manifest.items()} == {
        key: len(found) for key, found in pages_by_partition(pages).items()}
    for page, partition in pages.items():
        head = (sample_build / page).read_text(encoding="utf-8")[:4096]
        assert f'<meta name="search-partition" content="{partition}">' in head, page
