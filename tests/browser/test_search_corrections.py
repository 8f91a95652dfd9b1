"""/sok/ for people who write Swedish as a second language: typos corrected in the browser from the
catalogue's own words, known misspellings, and synonyms from catalogue/synonyms.yml found by Pagefind."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from insatsbas.build import build
from tests.browser.conftest import SCREENSHOTS, Visit, result_count, result_ids, serving, wait_for_results
from tests.conftest import SAMPLE, TODAY, VALID_ENTRY, write

WORD_LIST_BUDGET = 50 * 1024


def open_search(page, address: str) -> None:
    page.goto(address)
    wait_for_results(page)


def ids_for(page, address: str) -> list[str]:
    open_search(page, address)
    return result_ids(page)


@pytest.mark.parametrize(("typed", "meant"), [("svenks", "svenska"), ("bibliotk", "bibliotek")])
def test_a_misspelt_search_shows_the_results_of_the_correction(page, typed, meant):
    expected = ids_for(page, f"/sok/?q={meant}")
    expected_count = result_count(page)
    assert expected_count >= 10
    open_search(page, f"/sok/?q={typed}")
    assert result_ids(page) == expected
    assert result_count(page) == expected_count
    notice = page.locator("#search-correction")
    assert notice.is_visible()
    assert notice.locator("strong").text_content() == meant
    assert re.fullmatch(f"Visar resultat för {meant}\\s*Sök i stället efter {typed}", notice.inner_text())
    assert meant in page.text_content("#search-status")
    # The way back to what was typed searches it exactly, and then offers the correction.
    page.click("#search-correction a")
    page.wait_for_url(re.compile(rf"/sok/\?q={typed}&exakt=1$"))
    wait_for_results(page)
    assert result_ids(page) == []
    assert page.input_value("#q") == typed
    assert re.fullmatch(f"Menade du {meant}\\?", notice.inner_text())
    page.click("#search-correction a")
    page.wait_for_url(re.compile(rf"/sok/\?q={meant}$"))
    wait_for_results(page)
    assert result_ids(page) == expected and notice.is_hidden()


def test_typing_a_typo_corrects_it_with_the_filters_kept(page):
    expected = ids_for(page, "/sok/?q=praktik&kommun=haninge")
    assert expected
    page.goto("/sok/?kommun=haninge")
    wait_for_results(page)
    page.fill("#q", "praktk")  # not a known misspelling: corrected from the word list alone
    page.wait_for_function("() => document.getElementById('search-correction').textContent.includes('praktik')")
    wait_for_results(page)
    assert result_ids(page) == expected
    assert page.is_checked("#f-kommun-haninge")


def test_the_word_list_alone_corrects_everyday_typos(page):
    open_search(page, "/sok/")
    corrections = page.evaluate("""async () => {
        const spelling = await import('/theme/js/spelling.js');
        const counts = spelling.parseWordList(await (await fetch('/sok/ordlista.json')).json());
        const typed = ['svenks', 'bibliotk', 'praktk', 'samhallsorientering', 'forsakringskassan', 'sprakcafe',
                       'arbetsformedligen', 'tolkk', 'svenks haninge', 'bibli', 'sfi', 'svenska', '19121212-1212'];
        return Object.fromEntries(typed.map((word) => [word, spelling.correctQuery(word, {}, counts)]));
    }""")
    assert corrections == {
        "svenks": "svenska", "bibliotk": "bibliotek", "praktk": "praktik",
        "samhallsorientering": "samhällsorientering", "forsakringskassan": "försäkringskassan",
        "sprakcafe": "språkcafé", "arbetsformedligen": "arbetsförmedlingen", "tolkk": "tolk",
        "svenks haninge": "svenska haninge",
        # The start of a word (still typing), words of the catalogue and numbers stay as they are.
        "bibli": "bibli", "sfi": "sfi", "svenska": "svenska", "19121212-1212": "19121212-1212",
    }


def test_the_word_list_is_fetched_only_when_a_search_fails_and_stays_small(visit, page):
    open_search(page, "/sok/?q=svenska")
    page.fill("#q", "kurserna")  # found through its stem: no correction needed
    page.press("#q", "Enter")
    page.wait_for_url(re.compile("q=kurserna"))
    wait_for_results(page)
    assert not [url for url in visit.requests if "ordlista" in url]
    sizes = []
    page.on("requestfinished", lambda request: "ordlista" in request.url and sizes.append(
        (request.url, request.sizes()["responseBodySize"])))
    for prefix in ("/", "/en/", "/ar/"):
        open_search(page, f"{prefix}sok/?q=svenks")
        page.wait_for_function("() => !document.getElementById('search-correction').hidden")
    print(f"\nword lists (bytes, not compressed): {sizes}")
    # Each page fetches its own list, then (to tell a word of another language from a typo, issue 16) the
    # lists of the other languages written in the query's script: a Latin query never fetches the Arabic one.
    fetched = [url.removeprefix(visit.site_url) for url, _ in sizes]
    assert fetched[:2] == ["/sok/ordlista.json", "/en/sok/ordlista.json"]
    assert fetched.count("/ar/sok/ordlista.json") == 1  # only from the Arabic page, its own list
    assert all(size <= WORD_LIST_BUDGET for _, size in sizes)


def test_first_failed_search_transfer_with_the_word_list(browser, site_url):
    """Measures what a first search that needs the word list transfers (printed); the word list's share
    is at most 50 KB."""
    visit = Visit(browser, site_url)
    page = visit.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    open_search(page, "/sok/?q=svenks")
    page.wait_for_function("() => !document.getElementById('search-correction').hidden")
    page.wait_for_load_state("networkidle")
    sizes = {request.url.removeprefix(site_url): sum(request.sizes()[key] for key in (
        "responseBodySize", "responseHeadersSize", "requestHeadersSize")) for request in finished}
    visit.context.close()
    total = sum(sizes.values())
    word_list = sizes["/sok/ordlista.json"]
    print(f"\nfirst failed search: {total / 1024:.1f} KB in {len(sizes)} requests, "
          f"of which the word list {word_list / 1024:.1f} KB")
    assert word_list <= WORD_LIST_BUDGET + 1024  # the body within 50 KB, plus its headers


def test_a_known_misspelling_searched_exactly_offers_the_correction(page):
    open_search(page, "/en/sok/?q=praktick&exakt=1")
    notice = page.locator("#search-correction")
    assert re.fullmatch(r"Did you mean praktik\?", notice.inner_text())
    assert notice.locator("a").get_attribute("href") == "/en/sok/?q=praktik"


@pytest.mark.parametrize("prefix", ["/", "/en/", "/ar/"])
def test_the_correction_is_accessible_and_isolated_from_the_text_around_it(browser, site_url, prefix):
    visit = Visit(browser, site_url, viewport={"width": 390, "height": 844})
    page = visit.new_page()
    open_search(page, f"{prefix}sok/?q=svenks")
    notice = page.locator("#search-correction")
    assert notice.is_visible()
    assert notice.locator("strong bdi").text_content() == "svenska"
    assert notice.locator("a bdi").text_content() == "svenks"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"search-corrected-{prefix.strip('/') or 'sv'}.png")
    visit.context.close()
    assert visit.errors == [] and visit.foreign_requests() == []


# --- synonyms, with temporary catalogues --------------------------------------------------------------

SFI_ONLY_IN_WORDS = VALID_ENTRY.replace("Språkcafé på biblioteket", "Kvällskurs i svenska för invandrare").replace(
    "Öva svenska över en kopp kaffe med frivilliga samtalsvärdar.",
    "Svenska för invandrare två kvällar i veckan i Flemingsberg.").replace(
    "Varje tisdag träffas vi på biblioteket och pratar svenska i små grupper.",
    "Undervisningen följer kursplanen och leder till betyg.")


def build_catalogue(root: Path, out: Path) -> Path:
    build(root, out, today=TODAY)
    return out


def search_ids(browser, url: str, query: str) -> list[str]:
    """The entries a fresh browser (nothing cached from an earlier build) finds for `query`."""
    visit = Visit(browser, url)
    page = visit.new_page()
    page.goto(f"/sok/?q={query}")
    wait_for_results(page)
    found = result_ids(page)
    visit.context.close()
    assert visit.errors == [] and visit.foreign_requests() == []
    return found


def test_sfi_finds_an_entry_that_only_says_svenska_for_invandrare(browser, make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/kvallskurs.yml": SFI_ONLY_IN_WORDS})
    shutil.copy(SAMPLE / "synonyms.yml", root / "synonyms.yml")
    out = build_catalogue(root, tmp_path / "output")
    page_text = (out / "insats/huddinge/kvallskurs/index.html").read_text("utf-8")
    assert "sfi" not in re.sub(r"<p hidden[^>]*>[^<]*</p>", "", page_text).lower()
    with serving(out) as url:
        assert search_ids(browser, url, "sfi") == ["huddinge/kvallskurs"]
        assert search_ids(browser, url, "svenskundervisning") == ["huddinge/kvallskurs"]


def test_a_failed_search_finds_its_entry_once_a_synonym_is_added_and_the_site_rebuilt(browser, make_catalogue,
                                                                                      tmp_path):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})  # "... över en kopp kaffe ..."
    out = build_catalogue(root, tmp_path / "output")
    with serving(out) as url:
        assert search_ids(browser, url, "fika") == []
        write(root / "synonyms.yml", "synonyms:\n  - [fika, kaffe]\n")
        build_catalogue(root, out)
        assert search_ids(browser, url, "fika") == ["huddinge/sprakcafe"]
