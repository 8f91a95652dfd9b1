"""Quality bars for every page type in every language: axe-core finds no violations, pages reflow at
320 px, nothing is requested from another origin, and the page weights stay within budget."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from insatsbas.urls import LANGUAGES, language_prefix
from tests.browser.conftest import SCREENSHOTS, Visit, wait_for_results

ENTRY = "insats/huddinge/familjecentral-varby/"
TRANSLATED_ENTRY = "insats/botkyrka/foraldraskap-i-sverige/"  # has an Arabic translation
LIST = ["huddinge/familjecentral-varby", "haninge/sfi-distans"]
PAGES = {
    "start": "",
    "entry": ENTRY,
    "browse": "kategori/sfi/",
    "search": "sok/?q=svenska&kommun=haninge",
    "handout": "lista/?id=" + ",".join(LIST),
    "content": "tillganglighet/",
}
# Every interface language the site is built in, from the site's contract.
LANGUAGE_PREFIXES = {lang: language_prefix(lang) for lang in LANGUAGES}
ENTRY_BUDGET = 50 * 1024
FONT_BUDGET = 48 * 1024
FIRST_SEARCH_BUDGET = 300 * 1024

axe = Axe()


def open_ready(page, kind: str, url: str) -> None:
    page.goto(url)
    if kind == "search":
        wait_for_results(page)
    elif kind == "handout":
        page.wait_for_selector(f"body[data-handout-ready='{len(LIST)}']")


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_violations(page, kind, language):
    open_ready(page, kind, LANGUAGE_PREFIXES[language] + PAGES[kind])
    if kind == "search":
        page.click("[data-filter=kategori] summary")  # an open filter group is part of the page too
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("kind", PAGES)
def test_pages_reflow_at_320_pixels(browser, site_url, kind):
    visit = Visit(browser, site_url, viewport={"width": 320, "height": 640})
    page = visit.new_page()
    for prefix in LANGUAGE_PREFIXES.values():
        open_ready(page, kind, prefix + PAGES[kind])
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (prefix + PAGES[kind], overflow)
    visit.context.close()
    assert visit.foreign_requests() == [] and visit.errors == []


def test_small_targets_are_at_least_44_pixels_high(page):
    # A checkbox counts by its row: the label beside it is part of the target.
    open_ready(page, "search", "/" + PAGES["search"])
    page.click("[data-filter=kommun] summary")
    small = page.evaluate("""() => [...document.querySelectorAll(
        'button, input:not([type=checkbox]), select, summary, .check, nav a, .term-list a, .pagination a')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
        .map(e => e.outerHTML.slice(0, 80))""")
    assert small == []


def transferred(visit: Visit, page, action) -> tuple[int, list[tuple[str, int]]]:
    """Bytes over the wire (headers and bodies) for the requests `action` makes."""
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    action()
    page.wait_for_load_state("networkidle")
    sizes = []
    for request in finished:
        size = request.sizes()
        sizes.append((request.url.removeprefix(visit.site_url),
                      size["responseBodySize"] + size["responseHeadersSize"] + size["requestHeadersSize"]))
    return sum(size for _, size in sizes), sizes


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES.values())
def test_entry_page_weighs_at_most_50_kb(visit, page, prefix):
    total, sizes = transferred(visit, page, lambda: page.goto(prefix + ENTRY))
    print(f"\nentry page {prefix}{ENTRY}: {total / 1024:.1f} KB in {len(sizes)} requests: {sizes}")
    # Fonts have their own budget: the Tigrinya syllabary once per visit (then cached), the language's name.
    fonts = sum(size for url, size in sizes if url.endswith(".woff2"))
    assert fonts <= FONT_BUDGET
    assert total - fonts <= ENTRY_BUDGET
    assert not any("pagefind" in url for url, _ in sizes)


def test_first_search_transfers_at_most_300_kb(browser, site_url):
    visit = Visit(browser, site_url)
    page = visit.new_page()

    def first_search():
        page.goto("/sok/")
        page.wait_for_selector("body[data-search-ready]")
        page.fill("#q", "svenska")
        page.press("#q", "Enter")
        wait_for_results(page)

    total, sizes = transferred(visit, page, first_search)
    search_only = sum(size for url, size in sizes if "pagefind" in url)
    print(f"\nfirst search: {total / 1024:.1f} KB in {len(sizes)} requests "
          f"(Pagefind {search_only / 1024:.1f} KB): {sizes}")
    visit.context.close()
    assert total <= FIRST_SEARCH_BUDGET


def test_screenshots(browser, site_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    visit = Visit(browser, site_url, viewport={"width": 1280, "height": 900})
    page = visit.new_page()
    page.goto("/")
    page.screenshot(path=SCREENSHOTS / "start.png", full_page=True)
    page.goto("/ar/" + TRANSLATED_ENTRY)
    page.screenshot(path=SCREENSHOTS / "entry-ar.png", full_page=True)
    page.goto("/ar/" + ENTRY)
    page.screenshot(path=SCREENSHOTS / "entry-ar-untranslated.png", full_page=True)
    visit.context.close()
    phone = Visit(browser, site_url, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                  has_touch=True)
    page = phone.new_page()
    open_ready(page, "search", "/sok/?q=svenska&kommun=haninge")
    page.screenshot(path=SCREENSHOTS / "search-phone.png", full_page=False)
    phone.context.close()
    assert visit.foreign_requests() == [] and phone.foreign_requests() == []
