"""Search quality with the partitioned index (issue 6): the best matches first, the region's partitions
loaded, a municipality filter that only returns what its residents may join, and "hela landet" a superset.

Built from the sample (ten municipalities in Stockholms län, the home region) plus Uppsala (Uppsala län)
with an entry only for Uppsala and one open in both counties (the national partition)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from insatsbas.build import build
from insatsbas.reader import load_catalogue
from tests.browser.conftest import Visit, result_count, result_ids, serving, wait_for_results
from tests.conftest import BOTH_COUNTIES, ONLY_UPPSALA, SAMPLE, TODAY, add_uppsala


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("partitions") / "catalogue"
    shutil.copytree(SAMPLE, root)
    add_uppsala(root)
    return root


@pytest.fixture(scope="module")
def catalogue(catalogue_dir: Path):
    return load_catalogue(catalogue_dir, today=TODAY)


@pytest.fixture(scope="module")
def site(catalogue_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("partitions-site") / "output"
    build(catalogue_dir, out, today=TODAY)
    with serving(out) as url:
        yield url


@pytest.fixture
def page(browser, site) -> Iterator:
    visit = Visit(browser, site)
    yield visit.new_page()
    visit.context.close()
    assert visit.foreign_requests() == [] and visit.errors == []


def search(page, address: str) -> list[str]:
    page.goto(address)
    wait_for_results(page)
    while page.is_visible("#more-results"):
        shown = len(result_ids(page))
        page.click("#more-results")
        page.wait_for_function(f"() => document.querySelectorAll('#results > li').length > {shown}")
    return result_ids(page)


def loaded_partitions(page) -> set[str]:
    return set(page.evaluate("() => document.body.dataset.searchPartitions").split())


def test_the_site_has_one_bundle_per_county_and_one_for_entries_in_several(catalogue_dir, site):
    import urllib.request
    for partition in ("lan-01", "lan-03", "riket"):
        with urllib.request.urlopen(f"{site}/pagefind/{partition}/pagefind-entry.json") as response:
            assert response.status == 200


SWIMMING_WORDS = ("simundervisning", "simskola", "simkurs")  # one synonym group in catalogue/synonyms.yml


def mentions(text: str) -> bool:
    return any(word in text.casefold() for word in SWIMMING_WORDS)


def test_entries_with_the_word_in_their_title_rank_above_those_that_only_mention_it(page, catalogue):
    found = search(page, "/sok/?q=simundervisning")
    home = [i for i in catalogue.published() if "uppsala" not in i.open_to or i.id == BOTH_COUNTIES]
    titled = {i.id for i in home if mentions(i.title)}
    only_described = {i.id for i in home if mentions(i.description)
                      and not mentions(" ".join((i.title, i.summary, *i.keywords)))}
    assert len(titled) >= 3 and len(only_described) >= 2, (titled, only_described)
    assert found[0] == "sodertalje/simundervisning-vuxna"  # the word itself in the title
    # Every swimming course is found, and all of them come before every entry that only mentions the word
    # in its description (the national partition's included).
    assert titled | only_described <= set(found), found
    assert max(found.index(i) for i in titled) < min(found.index(i) for i in only_described), found


def test_the_default_region_is_the_home_county_plus_the_entries_in_several_counties(page):
    found = search(page, "/sok/?q=simundervisning")
    assert loaded_partitions(page) == {"lan-01", "riket"}
    assert BOTH_COUNTIES in found and ONLY_UPPSALA not in found
    assert page.text_content("#search-region").startswith(
        "Söker bland insatserna i Stockholms län och dem som finns i flera län.")
    assert page.eval_on_selector("#lan", "select => select.value") == ""


def test_a_municipality_in_another_county_searches_that_county_and_only_what_its_residents_may_join(page, catalogue):
    found = search(page, "/sok/?q=simundervisning&kommun=uppsala")
    assert loaded_partitions(page) == {"lan-03", "riket"}
    open_to_uppsala = {i.id for i in catalogue.published() if "uppsala" in i.open_to}
    assert set(found) == {ONLY_UPPSALA, BOTH_COUNTIES} and set(found) <= open_to_uppsala
    assert found[0] == ONLY_UPPSALA  # in the title
    assert "Uppsala län" in page.text_content("#search-region")


def test_the_whole_country_is_a_superset_of_the_default_region(page):
    default = search(page, "/sok/?q=simundervisning")
    everywhere = search(page, "/sok/?q=simundervisning&lan=alla")
    assert loaded_partitions(page) == {"lan-01", "lan-03", "riket"}
    assert set(default) < set(everywhere)
    assert set(everywhere) - set(default) == {ONLY_UPPSALA}
    assert page.text_content("#search-region") == "Söker i hela landet."
    # Merging keeps each partition's order: the default region's results in the same order. (Scores are not
    # comparable across partitions, since each index has its own word statistics: see the README.)
    assert [i for i in everywhere if i in default] == default


def test_choosing_a_region_puts_it_in_the_address_and_the_back_button_restores_it(page):
    search(page, "/sok/?q=simundervisning")
    default = result_count(page)
    page.select_option("#lan", "alla")
    page.wait_for_url(re.compile(r"/sok/\?q=simundervisning&lan=alla$"))
    wait_for_results(page)
    page.wait_for_function("() => document.body.dataset.searchPartitions.includes('lan-03')")
    assert result_count(page) == default + 1
    page.select_option("#lan", "03")
    page.wait_for_url(re.compile(r"lan=03$"))
    page.wait_for_function("() => document.body.dataset.searchPartitions === 'lan-03 riket'")
    wait_for_results(page)
    assert set(result_ids(page)) == {ONLY_UPPSALA, BOTH_COUNTIES}
    page.go_back()
    page.wait_for_url(re.compile(r"lan=alla$"))
    page.wait_for_function("() => document.getElementById('lan').value === 'alla'")
    wait_for_results(page)
    assert result_count(page) == default + 1


def test_the_region_is_said_in_english_and_arabic(page):
    page.goto("/en/sok/?q=swimming")
    wait_for_results(page)
    assert page.text_content("#search-region").startswith("Searching the entries in Stockholm County")
    page.goto("/ar/sok/?q=simundervisning&lan=alla")
    wait_for_results(page)
    assert page.text_content("#search-region") == "البحث في السويد كلها."


def test_for_me_loads_the_partition_of_the_chosen_municipality(page):
    page.goto("/for-mig/?status=uppehallstillstand&alder=30&kommun=uppsala")
    page.wait_for_selector("#for-me[data-state=done]")
    assert loaded_partitions(page) == {"lan-03", "riket"}
    shown = set(page.eval_on_selector_all("#now-groups [data-add-to-list]", "b => b.map(x => x.dataset.addToList)"))
    assert shown == {ONLY_UPPSALA, BOTH_COUNTIES}


@pytest.mark.parametrize("prefix", ["/", "/ar/"])
def test_the_region_choice_passes_axe_and_is_screenshot(page, prefix):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.conftest import SCREENSHOTS
    page.goto(f"{prefix}sok/?q=simundervisning&lan=03")
    wait_for_results(page)
    assert page.is_visible("#lan")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"search-region-{prefix.strip('/') or 'sv'}.png", full_page=False)
