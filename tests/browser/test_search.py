"""/sok/: Pagefind search with filters whose state lives in the URL."""

from __future__ import annotations

import re

import pytest

from insatsbas.reader import load_catalogue
from tests.browser.conftest import Visit, result_count, result_ids, wait_for_results
from tests.conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(SAMPLE, today=TODAY)


def search(page, query: str) -> None:
    page.goto("/sok/")
    page.wait_for_selector("body[data-search-ready]")
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=" + query))
    wait_for_results(page)


def test_svenska_finds_sfi_entries(page, catalogue):
    search(page, "svenska")
    sfi = {i.id for i in catalogue.published() if "sfi" in i.categories}
    found = result_ids(page)
    assert len(found) == 10
    assert sfi & set(found), found
    assert result_count(page) >= len(sfi)


def test_a_filter_narrows_the_results_and_shows_in_the_url(page, catalogue):
    search(page, "svenska")
    everything = result_count(page)
    page.click("[data-filter=kommun] summary")
    page.check("#f-kommun-haninge")
    page.wait_for_url(re.compile(r"/sok/\?q=svenska&kommun=haninge$"))
    wait_for_results(page)
    narrowed = result_count(page)
    assert 0 < narrowed < everything
    open_to_haninge = {i.id for i in catalogue.published() if "haninge" in i.open_to}
    assert set(result_ids(page)) <= open_to_haninge
    # The count beside each filter value comes from Pagefind.
    assert re.fullmatch(r"\(\d+\)", page.text_content("label[for=f-kommun-haninge] [data-count]"))


HANINGE_COUNT = "label[for=f-kommun-haninge] [data-count]"


def test_a_filter_group_opened_after_a_search_counts_that_searchs_results(page):
    # A closed group's filter is not loaded (Pagefind would count it over every result): no count, never "(0)".
    page.goto("/sok/?q=svenska")
    wait_for_results(page)
    assert page.text_content(HANINGE_COUNT) == ""
    page.click("[data-filter=kommun] summary")
    page.wait_for_function(f"() => document.querySelector({HANINGE_COUNT!r}).textContent !== ''")
    counted = int(re.fullmatch(r"\((\d+)\)", page.text_content(HANINGE_COUNT)).group(1))
    page.check("#f-kommun-haninge")
    page.wait_for_url(re.compile("kommun=haninge"))
    wait_for_results(page)
    assert counted == result_count(page) > 0


def test_filters_alone_list_entries_and_combine_with_any_within_a_group(page, catalogue):
    page.goto("/sok/?kategori=sfi&kategori=samhallsorientering&avgiftsfri=ja")
    wait_for_results(page)
    expected = {i.id for i in catalogue.published()
                if {"sfi", "samhallsorientering"} & set(i.categories) and i.cost.free}
    assert result_count(page) == len(expected)
    assert set(result_ids(page)) <= expected


def test_reloading_the_url_restores_the_search(page):
    page.goto("/sok/?q=svenska&kommun=haninge")
    wait_for_results(page)
    before = result_ids(page)
    assert before
    page.reload()
    wait_for_results(page)
    assert page.input_value("#q") == "svenska"
    assert page.is_checked("#f-kommun-haninge")
    assert result_ids(page) == before


def test_the_back_button_returns_to_the_previous_search(page):
    search(page, "svenska")
    everything = result_ids(page)
    page.click("[data-filter=kommun] summary")
    page.check("#f-kommun-nykvarn")
    page.wait_for_url(re.compile("kommun=nykvarn"))
    wait_for_results(page)
    assert result_ids(page) != everything
    page.go_back()
    page.wait_for_url(re.compile(r"/sok/\?q=svenska$"))
    page.wait_for_function("() => !document.getElementById('f-kommun-nykvarn').checked")
    wait_for_results(page)
    assert result_ids(page) == everything


def test_each_language_searches_its_own_pages(page):
    page.goto("/en/sok/?q=swedish")
    wait_for_results(page)
    links = page.eval_on_selector_all("#results h2 a", "links => links.map(a => a.getAttribute('href'))")
    assert links and all(link.startswith("/en/insats/") for link in links)
    page.goto("/ar/sok/?kommun=haninge")
    wait_for_results(page)
    links = page.eval_on_selector_all("#results h2 a", "links => links.map(a => a.getAttribute('href'))")
    assert links and all(link.startswith("/ar/insats/") for link in links)


def test_results_are_announced_to_screen_readers(page):
    search(page, "svenska")
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert re.search(r"\d+", status.text_content())


def test_keyboard_reaches_the_search_box_and_the_results_with_visible_focus(page):
    page.goto("/sok/?q=svenska")
    wait_for_results(page)
    focused = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.id || document.activeElement.closest('#results') "
                                     "&& 'result' || ''"))
        if focused[-1] == "result":
            break
    assert "q" in focused and focused[-1] == "result"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_without_javascript_the_search_page_offers_the_browse_pages(browser, site_url):
    visit = Visit(browser, site_url, java_script_enabled=False)
    page = visit.new_page()
    page.goto("/sok/")
    assert not page.is_visible("#search-form")
    assert page.is_visible("a[href='/kategori/sfi/']")
    assert page.is_visible("a[href='/kommun/haninge/']")
    visit.context.close()
    assert visit.foreign_requests() == []


def test_the_language_switch_keeps_the_search(page):
    search(page, "svenska")
    page.click("[data-filter=kommun] summary")
    page.check("#f-kommun-haninge")
    page.wait_for_url(re.compile("kommun=haninge"))
    page.click(".lang-switch a[lang=ar]")
    page.wait_for_url(re.compile(r"/ar/sok/\?q=svenska&kommun=haninge$"))
    wait_for_results(page)
    assert page.is_checked("#f-kommun-haninge")
    assert page.eval_on_selector("html", "html => html.dir") == "rtl"


def test_without_javascript_the_start_page_says_typed_search_needs_it_and_the_search_page_that_words_were_not_searched(
        browser, site_url):
    visit = Visit(browser, site_url, java_script_enabled=False)
    page = visit.new_page()
    page.goto("/")
    assert "Sökning på ord behöver JavaScript" in page.text_content(".no-script-hint")
    page.fill("#start-q", "svenska kurs")
    page.press("#start-q", "Enter")
    page.wait_for_url("**/sok/?q=svenska+kurs")
    assert page.text_content(".no-script p").startswith(
        "Sökning på ord behöver JavaScript, så det du skrev har inte sökts.")
    assert page.is_visible("a[href='/kategori/sfi/']")
    visit.context.close()
    assert visit.foreign_requests() == []
