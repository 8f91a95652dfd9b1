"""Browser tests: the built sample site served on 127.0.0.1 and driven by Debian's Chromium through
Playwright. Never `playwright install`: it downloads a browser, which cannot be fetched here."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from insatsbas.serve import served
from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@contextmanager
def serving(folder: Path, access_log: TextIO | None = None) -> Iterator[str]:
    """A built site served on 127.0.0.1 (writing `access_log` in Combined Log Format, if given)."""
    with served(folder, access_log=access_log) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(sample_build: Path) -> Iterator[str]:
    with serving(sample_build) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A fresh browser context (empty storage) that records every request and every script error."""

    def __init__(self, browser: Browser, site_url: str, **options):
        self.site_url = site_url
        self.context: BrowserContext = browser.new_context(base_url=site_url, **options)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("weberror", lambda error: self.errors.append(str(error.error)))

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        return page

    def foreign_requests(self) -> list[str]:
        own = urlparse(self.site_url).netloc
        return [url for url in self.requests
                if urlparse(url).scheme not in ("data", "blob") and urlparse(url).netloc != own]


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    current = Visit(browser, site_url)
    yield current
    current.context.close()
    # Every test doubles as a check that nothing leaves the site's origin and no script fails.
    assert current.foreign_requests() == []
    assert current.errors == []


@pytest.fixture
def page(visit: Visit) -> Page:
    return visit.new_page()


def wait_for_results(page: Page) -> None:
    page.wait_for_selector("body[data-search-ready]")
    page.wait_for_function("() => !document.getElementById('results').hasAttribute('aria-busy')")


def result_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("#results [data-add-to-list]", "buttons => buttons.map(b => b.dataset.addToList)")


def result_count(page: Page) -> int:
    text = page.text_content("#search-status") or ""
    digits = [int(word) for word in text.replace(":", " ").split() if word.isdigit()]
    return digits[-1] if digits else 0


def insatsbas(*arguments: str) -> str:
    """The command line run as an operator would, in the repository; its standard output."""
    result = subprocess.run([sys.executable, "-m", "insatsbas", *arguments], cwd=REPO, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()
