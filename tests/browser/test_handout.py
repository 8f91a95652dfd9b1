"""Min lista: saved in the browser only, printed from /lista/, shared by a link."""

from __future__ import annotations

import re

from tests.browser.conftest import SCREENSHOTS, Visit, wait_for_results

FIRST = "huddinge/familjecentral-varby"
SECOND = "haninge/sfi-distans"


def add_from_entry_page(page, entry_id: str, prefix: str = "/") -> str:
    page.goto(f"{prefix}insats/{entry_id}/")
    button = page.locator(f"[data-add-to-list='{entry_id}']")
    button.click()
    page.wait_for_function(f"() => JSON.parse(localStorage.getItem('insatsbas.list') || '[]').includes('{entry_id}')")
    return page.text_content("h1")


def open_handout(page, path: str = "/lista/", count: int = 2) -> None:
    page.goto(path)
    page.wait_for_selector(f"body[data-handout-ready='{count}']")


def handout_titles(page) -> list[str]:
    return [title.strip() for title in page.locator("#handout-items h2").all_text_contents()]


def test_adding_two_entries_shows_both_on_the_handout(page):
    titles = [add_from_entry_page(page, FIRST), add_from_entry_page(page, SECOND)]
    assert page.text_content("[data-list-count]") == "(2)"
    open_handout(page)
    assert handout_titles(page) == [title.strip() for title in titles]
    # The handout holds what a newcomer needs to go there: contact and how to apply.
    first = page.locator(".handout-item").first
    assert first.locator("a[href^='tel:']").count() == 1
    assert "Så ansöker du" in first.text_content()


def test_the_share_link_reopens_the_list_on_another_device(page, browser, site_url):
    add_from_entry_page(page, FIRST)
    add_from_entry_page(page, SECOND)
    open_handout(page)
    link = page.input_value("#share-link")
    assert link.endswith(f"/lista/?id={FIRST},{SECOND}")

    elsewhere = Visit(browser, site_url)
    other = elsewhere.new_page()
    open_handout(other, link.removeprefix(site_url))
    assert len(handout_titles(other)) == 2
    assert other.evaluate("() => localStorage.getItem('insatsbas.list')") is None
    other.click("[data-save-shared]")
    other.wait_for_function("() => (JSON.parse(localStorage.getItem('insatsbas.list')) || []).length === 2")
    assert other.url.endswith("/lista/")
    elsewhere.context.close()
    assert elsewhere.foreign_requests() == [] and elsewhere.errors == []


def test_a_search_result_can_be_added_to_the_list(page):
    page.goto("/sok/?q=svenska")
    wait_for_results(page)
    button = page.locator("#results [data-add-to-list]").first
    entry_id = button.get_attribute("data-add-to-list")
    button.click()
    assert page.evaluate("() => JSON.parse(localStorage.getItem('insatsbas.list'))") == [entry_id]
    assert re.match(r"Ta bort från min lista", button.text_content())


def test_the_handout_shows_a_second_language_side_by_side(page):
    add_from_entry_page(page, FIRST)
    open_handout(page, count=1)
    page.select_option("#second-language", "ar")
    page.wait_for_selector(".handout-columns.two .handout-column[lang=ar][dir=rtl]")
    columns = page.locator(".handout-columns.two .handout-column")
    assert columns.nth(0).get_attribute("lang") == "sv"


def test_removing_and_emptying_the_list(page):
    add_from_entry_page(page, FIRST)
    add_from_entry_page(page, SECOND)
    open_handout(page)
    page.locator(".handout-item button").first.click()
    page.wait_for_selector("body[data-handout-ready='1']")
    page.click("[data-clear-list]")
    page.wait_for_selector("body[data-handout-ready='0']")
    assert "tom" in page.text_content("#handout-status")


def test_printed_handout_fits_the_page_and_hides_the_controls(page):
    add_from_entry_page(page, FIRST)
    add_from_entry_page(page, SECOND)
    open_handout(page)
    page.emulate_media(media="print")
    assert not page.is_visible(".handout-controls")
    assert not page.is_visible(".site-header")
    assert page.is_visible(".print-footer")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=SCREENSHOTS / "handout-print.png", full_page=True)
