"""Relevance on /sok/ for four queries of the judgment set (tests/relevance.py) that once went wrong: "svenska"
led by the entries of Svenska kyrkan, "sfi haninge" by entries that only mentioned SFI, "swedish" corrected to
"swish" and "english course" finding nothing. benchmarks/relevance.py runs the whole set."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

from tests.browser.conftest import result_ids, wait_for_results
from tests.relevance import JUDGMENTS, first_relevant

PROVIDER_ONLY = {  # entries of Svenska kyrkan whose own text does not say "svenska"
    "svenska-kyrkan-sodertalje/sykafe-hovsjo", "svenska-kyrkan-sodertalje/juridisk-radgivning-migration",
    "svenska-kyrkan-sodertalje/motesplats-asylsokande-ronna", "svenska-kyrkan-sodertalje/valkommen-hem-familjedag",
}


def grades(query: str) -> dict[str, int]:
    return next(judged.grades for judged in JUDGMENTS if judged.query == query and judged.lang == "sv")


def searched(page: Page, query: str) -> list[str]:
    page.goto(f"/sok/?q={quote(query)}")
    wait_for_results(page)
    return result_ids(page)


def test_svenska_finds_swedish_courses_first_and_not_entries_that_only_a_provider_name_matches(page: Page):
    ranked = searched(page, "svenska")
    assert first_relevant(ranked, grades("svenska")) == 1
    assert sum(1 for entry in ranked[:10] if grades("svenska").get(entry) == 2) >= 3  # SFI in the first page
    assert not PROVIDER_ONLY & set(ranked[:10])


def test_sfi_haninge_puts_haninges_sfi_courses_in_the_top_three(page: Page):
    ranked = searched(page, "sfi haninge")
    assert {"haninge/sfi-distans", "haninge/sfi-studievag-2"} <= set(ranked[:3])
    assert "haninge/cykelskola-vuxna" not in ranked[:5]  # it gained "sfi" from hidden synonym text before


def test_swedish_on_the_swedish_page_searches_the_english_index_instead_of_correcting_to_swish(page: Page):
    ranked = searched(page, "swedish")
    assert page.is_hidden("#search-correction")  # no "Visar resultat för swish"
    assert first_relevant(ranked, grades("swedish")) <= 3
    note = page.locator("#search-other-language")
    assert note.is_visible() and "engelska" in note.text_content()
    assert note.locator("a").get_attribute("href") == "/en/sok/?q=swedish"
    assert page.locator("#results a").first.get_attribute("href").startswith("/en/insats/")


def test_english_course_on_the_swedish_page_offers_the_english_search_and_no_swedish_correction(page: Page):
    ranked = searched(page, "english course")
    assert ranked  # nothing before
    assert page.is_hidden("#search-correction")
    assert page.locator("#search-other-language a").get_attribute("hreflang") == "en"


def test_a_result_past_its_review_date_is_marked_as_such(page: Page):
    page.goto("/sok/?q=k%C3%B6rkort")  # abf-sodertorn/korkortsteori-arabiska-dari: review overdue on TODAY
    wait_for_results(page)
    overdue = page.locator('#results > li[data-id="abf-sodertorn/korkortsteori-arabiska-dari"] .badge-overdue')
    assert overdue.text_content() == "Kan vara inaktuell."
    marked = page.locator("#results > li", has=page.locator(".badge-overdue"))
    assert marked.count() < page.locator("#results > li").count()  # a reviewed entry carries no mark


def test_a_two_word_need_that_finds_little_is_followed_by_what_each_word_finds(page: Page):
    ranked = searched(page, "läxhjälp tumba")
    assert ranked[0] == "roda-korset-sodertorn/laxhjalp-tumba"  # both words: first
    homework = {entry for entry, grade in grades("läxhjälp").items() if grade == 2}
    assert len(homework & set(ranked[:10])) >= 4  # then the other homework clubs, which lack "tumba"


def test_an_abbreviation_of_a_provider_lists_that_providers_entries_first(page: Page):
    # "af" is Arbetsförmedlingen (catalogue/synonyms.yml), the provider of eight entries; other entries only
    # mention it ("anmäl dig via Arbetsförmedlingen") and came first before.
    ranked = searched(page, "af")
    own = [entry for entry in ranked if entry.startswith("arbetsformedlingen/")]
    assert len(own) >= 5 and ranked[:len(own)] == own


def test_a_word_of_a_category_label_puts_that_categorys_entries_first(page: Page):
    # "svenska" is a word of "SFI – svenska för invandrare": the SFI courses fill the first page, above titles
    # that merely say "svenska".
    ranked = searched(page, "svenska")
    assert all(grades("svenska").get(entry) == 2 for entry in ranked[:10])


def test_a_query_that_names_a_category_and_finds_little_is_followed_by_that_categorys_entries(page: Page):
    # "föräldrastöd" is in four entries' text; "föräldraskapsstöd", its synonym, begins with "Föräldraskap", a
    # word of the category "Föräldraskap och familj", whose other parenting groups follow.
    ranked = searched(page, "föräldrastöd")
    parenting = {entry for entry, grade in grades("föräldrastöd").items() if grade == 2}
    assert len(ranked) > 4
    assert len(parenting & set(ranked[:10])) >= 5


def test_a_query_that_names_no_category_or_provider_loads_no_filter_index(page: Page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    searched(page, "läxhjälp")
    assert requested and not [url for url in requested if url.endswith(".pf_filter")]
    requested.clear()
    searched(page, "svenska")  # names the SFI category: its filter is searched
    assert [url for url in requested if url.endswith(".pf_filter")]


def test_a_named_categorys_entries_never_follow_a_search_the_reader_limited_to_other_categories(page: Page):
    page.goto("/sok/?q=f%C3%B6r%C3%A4ldrast%C3%B6d&kategori=halsa")
    wait_for_results(page)
    ranked = result_ids(page)
    assert ranked
    # Parenting entries outside "Hälsa och stöd" (the Försäkringskassan meeting is "Rådgivning och vägledning").
    outside = {"varmdo/foraldragrupp-familjecentralen", "forsakringskassan/foraldrapenning-familjecentralen-handen",
               "botkyrka/foraldraskap-i-sverige"}
    assert not outside & set(ranked)
