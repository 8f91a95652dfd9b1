"""The search statistics end to end: Chromium searches the built site served by a real web server that
writes Combined Log Format, `insatsbas stats ingest` reads that log, and `insatsbas stats report` draws it."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.browser.conftest import (
    SCREENSHOTS,
    Visit,
    insatsbas,
    result_count,
    result_ids,
    rows,
    serving,
    wait_for_results,
)
from tests.conftest import SAMPLE

# An ordinary browser: the HeadlessChrome that Playwright announces is on ingest's list of bots.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
PERSONNUMMER = "19121212-1212"


class AccessLogWatch:
    """The beacon lines the server has written so far."""

    def __init__(self, path: Path):
        self.path = path
        self.expected = 0

    def beacons(self) -> list[str]:
        text = self.path.read_text("utf-8") if self.path.exists() else ""
        return [line for line in text.splitlines() if "/sok/logg.gif?" in line or "/sok/klick.gif?" in line]

    def expect_one_more(self, page) -> None:
        """Wait until the server has logged the next beacon (a click's may arrive after the page has gone)."""
        self.expected += 1
        for _ in range(100):
            if len(self.beacons()) >= self.expected:
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"{self.expected} beacons expected in the log, found {self.beacons()}")


def text_values(db: Path) -> list[str]:
    """Every text value in every table of the database."""
    values = []
    with sqlite3.connect(db) as connection:
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                values += [value for value in row if isinstance(value, str)]
    return values


def page_decisions(page) -> tuple[int, int]:
    """How many settled searches the page has decided on, and how many of them it logged (its own count)."""
    return tuple(page.evaluate("[document.body.dataset.searchesDecided, document.body.dataset.searchesLogged]"
                               ".map((value) => Number(value || 0))"))


def run_searches(browser, url: str, log: AccessLogWatch) -> tuple[list[tuple], list[tuple]]:
    """Searches as people make them; returns the search and click rows stats.db should then hold."""
    visit = Visit(browser, url, user_agent=BROWSER)
    page = visit.new_page()
    searches, clicks = [], []

    # Typing, then a pause: recorded about a second after the last key, once.
    page.goto("/sok/")
    wait_for_results(page)
    page.locator("#q").press_sequentially("svenska", delay=60)
    log.expect_one_more(page)
    wait_for_results(page)
    searches.append(("svenska", 0, None, "sv", "{}", result_count(page)))
    decided, logged = page_decisions(page)
    page.press("#q", "Enter")  # the same search submitted: not counted again
    page.wait_for_function("(n) => Number(document.body.dataset.searchesDecided) > n", arg=decided)
    assert page_decisions(page)[1] == logged, "the page decided not to log the same search again"

    # A filter applied.
    page.click("[data-filter=kommun] summary")
    page.check("#f-kommun-haninge")
    log.expect_one_more(page)
    page.wait_for_url(re.compile("kommun=haninge"))
    wait_for_results(page)
    searches.append(("svenska", 0, None, "sv", '{"kommun":["haninge"]}', result_count(page)))

    # The second result clicked: the beacon does not hold up the link.
    second = result_ids(page)[1]
    page.click("#results > li:nth-child(2) h2 a")
    log.expect_one_more(page)
    page.wait_for_url(re.compile(re.escape(f"/insats/{second}/")))
    clicks.append(("svenska", second, 2))

    # A typo, submitted: the typed and the searched query are both recorded.
    page.goto("/sok/")
    wait_for_results(page)
    page.fill("#q", "svenks")
    page.press("#q", "Enter")
    log.expect_one_more(page)
    page.wait_for_function("() => !document.getElementById('search-correction').hidden")
    wait_for_results(page)
    searches.append(("svenks", 0, "svenska", "sv", "{}", result_count(page)))

    # A personal identity number pasted into the search box, with a filter for free entries.
    page.goto("/sok/?avgiftsfri=ja")  # opening a search with a filter is a search too
    log.expect_one_more(page)
    wait_for_results(page)
    searches.append(("", 0, None, "sv", '{"avgiftsfri":true}', result_count(page)))
    page.fill("#q", PERSONNUMMER)
    page.press("#q", "Enter")
    log.expect_one_more(page)
    wait_for_results(page)
    assert result_count(page) == 0  # a number the catalogue does not have finds nothing
    searches.append(("[borttaget]", 1, None, "sv", '{"avgiftsfri":true}', 0))

    # A search that finds nothing.
    page.fill("#q", "qwxzy")
    page.press("#q", "Enter")
    log.expect_one_more(page)
    wait_for_results(page)
    assert result_count(page) == 0
    searches.append(("qwxzy", 0, None, "sv", '{"avgiftsfri":true}', 0))

    # Arriving with a search (the start page's search box), in English and in Arabic.
    page.goto("/en/")
    page.fill("#start-q", "swedish")
    page.press("#start-q", "Enter")
    log.expect_one_more(page)
    page.wait_for_url(re.compile(r"/en/sok/\?q=swedish"))
    wait_for_results(page)
    searches.append(("swedish", 0, None, "en", "{}", result_count(page)))
    page.goto("/ar/sok/?kommun=botkyrka&kategori=sfi")
    log.expect_one_more(page)
    wait_for_results(page)
    searches.append(("", 0, None, "ar", '{"kategori":["sfi"],"kommun":["botkyrka"]}', result_count(page)))
    first = result_ids(page)[0]
    page.click("#results > li:nth-child(1) h2 a", button="middle")  # opens a tab; counted too
    log.expect_one_more(page)
    clicks.append(("", first, 1))

    # Reloading a search is not a new search: by the time the results show, the page has decided.
    page.reload()
    wait_for_results(page)
    assert page_decisions(page) == (0, 0)

    visit.context.close()
    assert visit.errors == [] and visit.foreign_requests() == []
    beacons = [u for u in visit.requests if "/sok/logg.gif" in u or "/sok/klick.gif" in u]
    assert len(beacons) == len(searches) + len(clicks), beacons
    return searches, clicks


def search_as_a_bot(browser, url: str, log: AccessLogWatch) -> None:
    """Playwright's own user agent (HeadlessChrome): logged by the server, dropped by ingest."""
    visit = Visit(browser, url)
    page = visit.new_page()
    assert "HeadlessChrome" in page.evaluate("navigator.userAgent")
    page.goto("/sok/?q=praktik")
    log.expect_one_more(page)
    visit.context.close()


def test_searches_in_chromium_ingest_from_the_access_log_into_exact_counts(browser, sample_build, tmp_path):
    log = tmp_path / "access.log"
    watch = AccessLogWatch(log)
    with log.open("w", encoding="utf-8") as stream, serving(sample_build, access_log=stream) as url:
        searches, clicks = run_searches(browser, url, watch)
        search_as_a_bot(browser, url, watch)

    beacon_lines = watch.beacons()
    assert len(beacon_lines) == len(searches) + len(clicks) + 1
    # What the page sends: the documented parameters and a cache-buster, no referrer, no cookie.
    for line in beacon_lines:
        assert re.search(r'" 200 43 "-" "', line), line
        request = line.split('"')[1]
        names = [pair.split("=")[0] for pair in request.split(" ")[1].split("?")[1].split("&")]
        assert names[-1] == "_" and set(names) <= {"q", "n", "lang", "corrected", "to", "pos", "kommun",
                                                   "kategori", "malgrupp", "sprak", "avgiftsfri", "_"}, request
    assert PERSONNUMMER in log.read_text("utf-8")  # the raw log has it; stats.db must not

    db = tmp_path / "stats.db"
    output = insatsbas("stats", "ingest", "--db", str(db), str(log))
    print("\n" + output)
    assert f"{len(searches)} nya sökningar, {len(clicks)} nya klick, 0 redan räknade, 1 från robotar" in output
    assert ", 0 rader som inte gick att läsa" in output
    stored_searches = rows(db, "SELECT query, personal_data_removed, corrected, language, filters, results "
                               "FROM searches ORDER BY minute, rowid")
    assert sorted(stored_searches, key=repr) == sorted(searches, key=repr)
    assert sorted(rows(db, "SELECT query, entry_id, position FROM clicks"), key=repr) == sorted(clicks, key=repr)
    assert rows(db, "SELECT sum(searches), sum(searches_without_results), sum(searches_with_personal_data), "
                    "sum(corrected_searches), sum(clicks) FROM daily") == [(len(searches), 2, 1, 1, len(clicks))]
    assert not [value for value in text_values(db) if "1212" in value or "127.0.0.1" in value
                or "Mozilla" in value]

    # The same log again adds nothing.
    assert f"0 nya sökningar, 0 nya klick, {len(searches) + len(clicks)} redan räknade" in insatsbas(
        "stats", "ingest", "--db", str(db), str(log))

    report_out = tmp_path / "report"
    insatsbas("stats", "report", "--db", str(db), "--out", str(report_out), "--catalogue", str(SAMPLE))
    screenshot_report(browser, report_out / "statistik" / "index.html", len(searches))


def screenshot_report(browser, page_path: Path, searches: int) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(page_path.as_uri())
    images = page.eval_on_selector_all("figure img", "images => images.map(i => [i.src, i.naturalWidth])")
    assert len(images) >= 4 and all(width > 0 for _, width in images), images
    assert re.search(rf"\b{searches}\b", page.text_content("main p"))
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "statistik.png", full_page=True)
    context.close()
