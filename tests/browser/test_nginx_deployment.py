"""The shipped deployment end to end: Debian's nginx runs deploy/nginx/insatsbas.conf over the built sample,
Chromium searches, corrects a typo, clicks, opens a /for-mig/ profile and prints and shares a handout, the
log is rotated by deploy/logrotate/insatsbas in between, and the scheduled job's command
(deploy/systemd/insatsbas-stats.service) ingests nginx's own log into exactly those counts."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import httpx
from playwright.sync_api import Page

from tests.browser.conftest import Visit, insatsbas, result_count, result_ids, rows, wait_for_results
from tests.conftest import REPO, SAMPLE
from tests.nginx import Nginx, running_nginx

# An ordinary browser: the HeadlessChrome that Playwright announces is on ingest's list of bots.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
PROFILE = "/for-mig/?status=uppehallstillstand&alder=45&kommun=botkyrka&manader=40"
SERVICE = REPO / "deploy" / "systemd" / "insatsbas-stats.service"


def beacon(page: Page, name: str):
    """Wait for the page's next request to a beacon (`logg`, `klick`, `profil`, `lista`). A click's may be
    answered after the page has gone; nginx is stopped gracefully, so every request it got is logged."""
    return page.expect_request(lambda request: f"/sok/{name}.gif?" in request.url)


def check_headers(nginx: Nginx, sample_build: Path) -> int:
    """The headers the configuration promises; returns how many beacon requests it made (as a bot)."""
    fragment = next((sample_build / "pagefind").glob("*/fragment/*.pf_fragment")).relative_to(sample_build)
    with httpx.Client(base_url=nginx.url, verify=False, headers={"User-Agent": "curl/8.5.0"}) as client:
        home = client.get("/")
        assert home.status_code == 200 and "Insatsbas" in home.text
        csp = home.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "'wasm-unsafe-eval'" in csp and "http" not in csp
        assert home.headers["referrer-policy"] == "no-referrer"
        assert home.headers["x-content-type-options"] == "nosniff"
        assert home.headers["cache-control"] == "no-cache"
        pixel = client.get("/sok/logg.gif?q=sfi&n=3&lang=sv")
        assert (pixel.status_code, len(pixel.content), pixel.headers["cache-control"]) == (200, 43, "no-store")
        assert client.get(f"/{fragment}").headers["cache-control"] == "public, max-age=31536000, immutable"
        assert client.get("/pagefind/partitions.json").headers["cache-control"] == "no-cache"
        missing = client.get("/finns-inte/")
        assert missing.status_code == 404 and "content-security-policy" in missing.headers
        build_files = [path.name for path in sample_build.glob(".*") if path.is_file()]
        assert build_files  # the manifest at least
        assert all(client.get(f"/{name}").status_code == 404 for name in build_files)
    plain = httpx.get(f"http://127.0.0.1:{nginx.http_port}/sok/?q=sfi")
    assert plain.status_code == 301 and plain.headers["location"].startswith("https://127.0.0.1")
    return 1


def use_the_site(page: Page, nginx: Nginx) -> dict[str, list[tuple]]:
    """What a caseworker does, each step waiting until its beacon is answered; returns the rows to expect."""
    expected: dict[str, list[tuple]] = {"searches": [], "clicks": [], "profiles": [], "handouts": []}
    page.goto("/sok/")
    wait_for_results(page)
    with beacon(page, "logg"):
        page.locator("#q").press_sequentially("svenska", delay=60)
    wait_for_results(page)
    expected["searches"].append(("svenska", None, "{}", result_count(page)))

    second = result_ids(page)[1]
    with beacon(page, "klick"):
        page.click("#results > li:nth-child(2) h2 a")
    page.wait_for_url(re.compile(re.escape(f"/insats/{second}/")))
    expected["clicks"].append(("svenska", second, 2))

    page.goto("/sok/")
    wait_for_results(page)
    page.fill("#q", "svenks")
    with beacon(page, "logg"):
        page.press("#q", "Enter")
    page.wait_for_function("() => !document.getElementById('search-correction').hidden")
    wait_for_results(page)
    expected["searches"].append(("svenks", "svenska", "{}", result_count(page)))

    nginx.rotate()  # the daily rotation, while the site is in use

    with beacon(page, "profil"):
        page.goto(PROFILE)
    page.wait_for_selector("#for-me[data-state=done]")
    expected["profiles"].append(("botkyrka", "uppehallstillstand", "sv"))

    page.goto(f"/insats/{second}/")
    page.locator(f"[data-add-to-list='{second}']").click()
    page.goto("/lista/")
    page.wait_for_selector("body[data-handout-ready='1']")
    with beacon(page, "lista"):
        page.click("[data-print]")
    expected["handouts"].append((1, "utskrift", "sv"))
    with beacon(page, "lista"):
        page.focus("#share-link")
        page.evaluate("() => document.execCommand('copy')")
    expected["handouts"].append((1, "delning", "sv"))
    return expected


def scheduled_ingest(db: Path, logs: Path) -> str:
    """The service's ingest command, with the test's paths: yesterday's log (.1) if there is one, and today's."""
    command = re.search(r"stats ingest --db \S+ (.*)'", SERVICE.read_text(encoding="utf-8")).group(1)
    assert command == "$(ls insatsbas.access.log.1 2>/dev/null) insatsbas.access.log"
    files = [str(path) for path in (logs / "insatsbas.access.log.1", logs / "insatsbas.access.log") if path.exists()]
    return insatsbas("stats", "ingest", "--db", str(db), *files)


def test_nginx_with_the_shipped_configuration_logs_exactly_what_chromium_did(browser, sample_build, tmp_path):
    with running_nginx(sample_build, tmp_path / "nginx") as nginx:
        bot_requests = check_headers(nginx, sample_build)
        visit = Visit(browser, nginx.url, user_agent=BROWSER, ignore_https_errors=True)
        expected = use_the_site(visit.new_page(), nginx)
        visit.context.close()
        assert visit.errors == [] and visit.foreign_requests() == []
    logs = nginx.access_log.parent
    assert (logs / "insatsbas.access.log.1").exists()  # rotated once while in use

    db = tmp_path / "stats.db"
    output = scheduled_ingest(db, logs)
    print("\n" + output)
    assert ", 0 rader som inte gick att läsa" in output
    assert "  1 nya profiler på För mig, 2 nya utskrivna eller delade listor." in output
    assert sorted(rows(db, "SELECT query, corrected, filters, results FROM searches")) == sorted(expected["searches"])
    assert rows(db, "SELECT query, entry_id, position FROM clicks") == expected["clicks"]
    assert rows(db, "SELECT municipality, status, language FROM profiles") == expected["profiles"]
    assert sorted(rows(db, "SELECT entries, use, language FROM handouts")) == sorted(expected["handouts"])
    assert rows(db, "SELECT sum(bots) FROM ingests") == [(bot_requests,)]
    assert rows(db, "SELECT count(*) FROM ingests WHERE unparsable > 0") == [(0,)]

    # The next day's rotation gzips yesterday's log; the hourly job then reads nothing twice, and the
    # gzipped log, read by hand, adds nothing.
    nginx.rotate()
    gzipped = logs / "insatsbas.access.log.2.gz"
    assert gzip.decompress(gzipped.read_bytes()).count(b"/sok/") >= 3
    assert " 0 nya sökningar, 0 nya klick" in scheduled_ingest(db, logs)
    assert "0 nya sökningar, 0 nya klick" in insatsbas("stats", "ingest", "--db", str(db), str(gzipped))
    assert rows(db, "SELECT count(*) FROM searches") == [(len(expected["searches"]),)]
    assert rows(db, "SELECT count(*) FROM profiles") == [(1,)]

    report = tmp_path / "report"
    insatsbas("stats", "report", "--db", str(db), "--out", str(report), "--catalogue", str(SAMPLE))
    assert (report / "statistik" / "index.html").exists()
