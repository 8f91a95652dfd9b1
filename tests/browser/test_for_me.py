"""/for-mig/ in Chromium: for three realistic profiles the page shows exactly the entries whose structured
eligibility matches, computed here from the built database with a rule written independently of the
site's code; the "Senare" section against the same rule a month (or a birthday) ahead; the form, the
URL and the back button; axe, no JavaScript, a phone screenshot, and the weight of a profile query."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe

from insatsbas.urls import LANGUAGES, language_prefix
from tests.browser.conftest import SCREENSHOTS, Visit

axe = Axe()

ASYLUM_SEEKER = {"status": "asylsokande", "age": 30, "kommun": "sodertalje"}
UNACCOMPANIED_MINOR = {"status": "ensamkommande", "age": 17, "kommun": "haninge"}
WOMAN_WITH_PERMIT = {"status": "uppehallstillstand", "age": 45, "kommun": "botkyrka", "months": 40}
PROFILES = {"asylum-seeker-30-sodertalje": ASYLUM_SEEKER, "unaccompanied-17-haninge": UNACCOMPANIED_MINOR,
            "woman-45-permit-40-months-botkyrka": WOMAN_WITH_PERMIT}
LANGUAGE_PREFIXES = {lang: language_prefix(lang) for lang in LANGUAGES}
PROFILE_QUERY_BUDGET = 300 * 1024


@dataclass(frozen=True)
class Row:
    """One entry as the database has it."""

    id: str
    status: str
    open_to: frozenset[str]
    statuses: frozenset[str]
    min_age: int | None
    max_age: int | None
    months_min: int | None
    months_max: int | None
    gender: str | None


@pytest.fixture(scope="module")
def rows(sample_build: Path) -> list[Row]:
    database = sqlite3.connect(f"file:{sample_build / 'insatsbas.db'}?mode=ro", uri=True)
    found = database.execute("""
        select i.id, i.status, i.min_age, i.max_age, i.months_in_sweden_min, i.months_in_sweden_max, i.gender,
          (select group_concat(municipality) from intervention_service_area a where a.intervention_id = i.id),
          (select group_concat(residence_status) from intervention_residence_statuses r where r.intervention_id = i.id)
        from interventions i""").fetchall()
    database.close()
    return [Row(id_, status, frozenset((area or "").split(",")) - {""}, frozenset((statuses or "").split(",")) - {""},
                min_age, max_age, months_min, months_max, gender)
            for id_, status, min_age, max_age, months_min, months_max, gender, area, statuses in found]


def matches(row: Row, *, status: str, age: int, kommun: str, months: int | None = None,
            gender: str | None = None) -> bool:
    """Taking part now: active, open to the municipality's residents, and every structured limit met (an
    empty limit is no limit; an unknown number of months or gender limits nothing)."""
    return (row.status == "active"
            and kommun in row.open_to
            and (not row.statuses or status in row.statuses)
            and (row.min_age is None or age >= row.min_age)
            and (row.max_age is None or age <= row.max_age)
            and (months is None or row.months_min is None or months >= row.months_min)
            and (months is None or row.months_max is None or months <= row.months_max)
            and (gender is None or row.gender is None or row.gender == gender))


def expected(rows: list[Row], **profile) -> set[str]:
    return {row.id for row in rows if matches(row, **profile)}


def address(profile: dict, prefix: str = "/") -> str:
    params = {"status": profile["status"], "alder": profile["age"], "kommun": profile["kommun"]}
    if profile.get("months") is not None:
        params["manader"] = profile["months"]
    return f"{prefix}for-mig/?{urlencode(params)}"


def open_profile(page, profile: dict, prefix: str = "/") -> None:
    page.goto(address(profile, prefix))
    wait_until_done(page)


def wait_until_done(page) -> None:
    page.wait_for_selector("#for-me[data-state=done]")


def shown(page) -> list[str]:
    return page.eval_on_selector_all("#now [data-add-to-list]", "buttons => buttons.map(b => b.dataset.addToList)")


def later(page) -> dict[str, tuple[str, str]]:
    return {item["entry"]: (item["change"], item["text"]) for item in page.eval_on_selector_all(
        "#later-list li", "items => items.map(li => ({entry: li.dataset.entry, change: li.dataset.change, "
                          "text: li.querySelector('.change').textContent}))")}


# --- exactly the matching entries -----------------------------------------------------------------


@pytest.mark.parametrize("profile", PROFILES.values(), ids=PROFILES.keys())
def test_the_page_shows_exactly_the_entries_whose_eligibility_matches(page, rows, profile):
    open_profile(page, profile)
    found = shown(page)
    wanted = expected(rows, **profile)
    assert wanted, "the sample should offer this person something"
    assert len(found) == len(set(found)), "an entry is shown once, under its first category"
    assert set(found) == wanted
    assert page.text_content("#now-status") == f"Antal insatser: {len(wanted)}"


def test_the_woman_sees_the_entries_for_women_marked_and_nothing_a_man_could_not_see_unmarked(page, rows):
    open_profile(page, WOMAN_WITH_PERMIT)
    found = set(shown(page))
    for_women = {row.id for row in rows if row.gender == "women"}
    assert found & for_women, "entries only for women are among her results"
    # The page asks no gender: it shows what matches her other answers and marks every entry for one gender.
    assert expected(rows, **WOMAN_WITH_PERMIT, gender="women") <= found
    assert found - expected(rows, **WOMAN_WITH_PERMIT, gender="women") <= {row.id for row in rows if row.gender}
    marked = page.eval_on_selector_all(
        "#now .card", "cards => cards.filter(c => c.querySelector('.badge-gender'))"
                      ".map(c => [c.querySelector('[data-add-to-list]').dataset.addToList, "
                      "c.querySelector('.badge-gender').textContent])")
    assert {entry for entry, _ in marked} == found & {row.id for row in rows if row.gender}
    assert {label for entry, label in marked if entry in for_women} == {"Bara för kvinnor"}


def test_results_are_grouped_by_category_in_the_vocabulary_order(page, rows):
    open_profile(page, ASYLUM_SEEKER)
    headings = page.eval_on_selector_all("#now-groups h3", "hs => hs.map(h => h.firstChild.textContent.trim())")
    counts = page.eval_on_selector_all("#now-groups section", "ss => ss.map(s => s.querySelectorAll('.card').length)")
    assert len(headings) >= 3 and sum(counts) == len(expected(rows, **ASYLUM_SEEKER))
    assert headings == [h for h in ("SFI – svenska för invandrare", "Samhällsorientering", "Språkstöd och språkcaféer",
                                    "Utbildning och validering", "Arbete och praktik", "Mentorskap",
                                    "Hälsa och stöd", "Föräldraskap och familj", "Bostad", "Idrott och fritid",
                                    "Rådgivning och vägledning", "Mötesplatser och nätverk") if h in headings]


def test_something_else_shows_what_is_open_to_every_status(page, rows):
    page.goto("/for-mig/?status=annat&alder=40&kommun=nacka")
    wait_until_done(page)
    open_to_all = {row.id for row in rows if matches(row, status="-", age=40, kommun="nacka")}
    assert open_to_all and set(shown(page)) == open_to_all


# --- "Senare" -------------------------------------------------------------------------------------


def expected_changes(rows: list[Row], profile: dict) -> dict[str, tuple[str, str]]:
    """The first change within twelve months, month by month (age held), then at the next birthday."""
    now = expected(rows, **profile)
    changes: dict[str, tuple[str, str]] = {}
    if profile.get("months") is not None:
        for ahead in range(1, 13):
            then = expected(rows, **{**profile, "months": profile["months"] + ahead})
            plural = "månad" if ahead == 1 else "månader"
            for entry in then - now:
                changes.setdefault(entry, ("opens", f"Börjar gälla om {ahead} {plural}"))
            for entry in now - then:
                changes.setdefault(entry, ("ends", f"Slutar gälla om {ahead} {plural}"))
    older = expected(rows, **{**profile, "age": profile["age"] + 1})
    for entry in older - now:
        changes.setdefault(entry, ("opens", f"Börjar gälla när du fyller {profile['age'] + 1}"))
    for entry in now - older:
        changes.setdefault(entry, ("ends", f"Slutar gälla när du fyller {profile['age'] + 1}"))
    return changes


LATER_PROFILES = {
    "turning-18": UNACCOMPANIED_MINOR,
    "programme-12-months-botkyrka": {"status": "uppehallstillstand-etablering", "age": 30, "kommun": "botkyrka",
                                     "months": 12},
    "programme-30-months-nykvarn": {"status": "uppehallstillstand-etablering", "age": 30, "kommun": "nykvarn",
                                    "months": 30},
    "woman": WOMAN_WITH_PERMIT,
}


@pytest.mark.parametrize("profile", LATER_PROFILES.values(), ids=LATER_PROFILES.keys())
def test_later_lists_what_opens_or_ends_within_twelve_months(page, rows, profile):
    open_profile(page, profile)
    assert page.is_visible("#later")
    assert later(page) == expected_changes(rows, profile)


def test_later_shows_both_an_opening_and_an_ending(page, rows):
    open_profile(page, LATER_PROFILES["programme-12-months-botkyrka"])
    changes = later(page)
    assert changes["botkyrka/nasta-steg-efter-etablering"] == ("opens", "Börjar gälla om 6 månader")
    open_profile(page, LATER_PROFILES["programme-30-months-nykvarn"])
    assert later(page)["arbetsformedlingen/etableringsprogrammet"] == ("ends", "Slutar gälla om 7 månader")


def test_without_months_later_asks_for_them(page):
    open_profile(page, ASYLUM_SEEKER)
    assert page.is_visible("#later-hint")
    open_profile(page, WOMAN_WITH_PERMIT)
    assert not page.is_visible("#later-hint")


# --- the form and the URL -------------------------------------------------------------------------


def test_answering_the_questions_puts_the_answers_in_the_url_and_back_returns_to_the_form(page, rows):
    page.goto("/for-mig/")
    page.wait_for_selector("#for-me[data-state=form]")
    page.check("#status-ensamkommande")
    page.fill("#alder", "17")
    page.select_option("#kommun", "haninge")
    page.click("#for-me-form button[type=submit]")
    page.wait_for_url(re.compile(r"/for-mig/\?status=ensamkommande&alder=17&kommun=haninge$"))
    wait_until_done(page)
    assert set(shown(page)) == expected(rows, **UNACCOMPANIED_MINOR)
    assert page.evaluate("() => document.activeElement.id") == "now-heading"
    assert "Ensamkommande barn eller ungdom · 17 år · Haninge" in page.text_content("#answers")
    assert page.get_attribute(".lang-switch a[lang=ar]", "href").endswith("?status=ensamkommande&alder=17&kommun=haninge")
    page.go_back()
    page.wait_for_selector("#for-me[data-state=form]")
    assert page.is_visible("#for-me-form") and not page.is_visible("#now")
    assert page.evaluate("() => localStorage.length + sessionStorage.length + document.cookie.length") == 0


def test_changing_an_answer_updates_the_results(page, rows):
    open_profile(page, ASYLUM_SEEKER)
    page.click("#questions summary")
    page.fill("#alder", "17")
    page.click("#for-me-form button[type=submit]")
    page.wait_for_url(re.compile(r"alder=17"))
    wait_until_done(page)
    assert set(shown(page)) == expected(rows, **{**ASYLUM_SEEKER, "age": 17})


def test_missing_answers_are_explained_at_the_field_and_nothing_is_searched(page):
    page.goto("/for-mig/")
    page.wait_for_selector("#for-me[data-state=form]")
    page.fill("#manader", "två år")
    page.click("#for-me-form button[type=submit]")
    assert page.url.endswith("/for-mig/")
    assert page.text_content("#status-error") == "Välj den situation som stämmer bäst."
    assert page.text_content("#alder-error") == "Skriv din ålder med siffror, till exempel 30."
    assert page.text_content("#kommun-error") == "Välj kommunen där du bor."
    assert "siffror" in page.text_content("#manader-error")
    assert page.evaluate("() => document.activeElement.id") == "status-asylsokande"
    assert page.get_attribute("#alder", "aria-invalid") == "true"
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_each_language_lists_its_own_pages(page, rows):
    open_profile(page, WOMAN_WITH_PERMIT, "/ar/")
    links = page.eval_on_selector_all("#now .card h4 a", "links => links.map(a => a.getAttribute('href'))")
    assert links and all(link.startswith("/ar/insats/") for link in links)
    assert set(shown(page)) == expected(rows, **WOMAN_WITH_PERMIT)
    assert page.text_content("#answers").startswith("إجاباتك:")


# --- quality --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
def test_axe_finds_no_violations_with_a_profile_or_with_the_questions(page, language):
    open_profile(page, WOMAN_WITH_PERMIT, LANGUAGE_PREFIXES[language])
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.click("#questions summary")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(LANGUAGE_PREFIXES[language] + "for-mig/")
    page.wait_for_selector("#for-me[data-state=form]")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_page_explains_the_municipality_pages(browser, site_url):
    visit = Visit(browser, site_url, java_script_enabled=False)
    page = visit.new_page()
    page.goto(address(ASYLUM_SEEKER))
    assert not page.is_visible("#for-me")
    assert page.is_visible(".no-script")
    assert page.text_content(".no-script p").startswith("Frågorna på den här sidan behöver JavaScript.")
    assert page.is_visible("a[href='/kommun/sodertalje/']")
    visit.context.close()
    assert visit.foreign_requests() == []


def test_the_page_reflows_on_a_narrow_phone(browser, site_url):
    visit = Visit(browser, site_url, viewport={"width": 320, "height": 640})
    page = visit.new_page()
    for prefix in LANGUAGE_PREFIXES.values():
        open_profile(page, WOMAN_WITH_PERMIT, prefix)
        page.click("#questions summary")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (prefix, overflow)
    visit.context.close()
    assert visit.foreign_requests() == [] and visit.errors == []


def test_targets_are_large_enough_to_tap(page):
    # A radio button counts by its row: its label and explanation are part of the target.
    open_profile(page, WOMAN_WITH_PERMIT)
    page.click("#questions summary")
    small = page.evaluate("""() => [...document.querySelectorAll(
        'main button, main input:not([type=radio]), main select, main summary, .choice, .group-nav a')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
        .map(e => e.outerHTML.slice(0, 80))""")
    assert small == []


def test_a_profile_query_weighs_at_most_300_kb(browser, site_url, rows):
    visit = Visit(browser, site_url)
    page = visit.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    open_profile(page, WOMAN_WITH_PERMIT)
    page.wait_for_load_state("networkidle")
    sizes = []
    for request in finished:
        size = request.sizes()
        sizes.append((request.url.removeprefix(site_url),
                      size["responseBodySize"] + size["responseHeadersSize"] + size["requestHeadersSize"]))
    total = sum(size for _, size in sizes)
    pagefind = [(url, size) for url, size in sizes if url.startswith("/pagefind/")]
    fragments = [url for url, _ in pagefind if "/fragment/" in url]
    results = len(expected(rows, **WOMAN_WITH_PERMIT))
    print(f"\n/for-mig/ with a profile ({results} results): {total / 1024:.1f} KB in {len(sizes)} requests; "
          f"Pagefind {sum(s for _, s in pagefind) / 1024:.1f} KB in {len(pagefind)} requests "
          f"({len(fragments)} result fragments, {len(pagefind) - len(fragments)} others): {sizes}")
    visit.context.close()
    assert total <= PROFILE_QUERY_BUDGET
    # One fragment per shown entry (and per entry in "Senare"); the index, filters and code once.
    assert len(pagefind) - len(fragments) <= 15
    assert visit.foreign_requests() == [] and visit.errors == []


def test_screenshots_of_a_profile_on_a_phone(browser, site_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    phone = Visit(browser, site_url, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                  has_touch=True)
    page = phone.new_page()
    open_profile(page, WOMAN_WITH_PERMIT)
    page.screenshot(path=SCREENSHOTS / "for-mig-phone.png", full_page=False)
    page.locator("#later").scroll_into_view_if_needed()
    open_profile(page, UNACCOMPANIED_MINOR, "/ar/")
    page.screenshot(path=SCREENSHOTS / "for-mig-phone-ar.png", full_page=False)
    page.goto("/for-mig/")
    page.wait_for_selector("#for-me[data-state=form]")
    page.screenshot(path=SCREENSHOTS / "for-mig-questions-phone.png", full_page=True)
    phone.context.close()
    assert phone.foreign_requests() == [] and phone.errors == []
