"""The web editor end to end, on a copy of the sample catalogue: decap-server and the editor page started by
the same code as `insatsbas edit`, Debian's Chromium through Playwright. One editor session: create a Haninge
entry through the form, save it, change its review date through the date picker, save again."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page

from insatsbas.reader import read_catalogue
from insatsbas.serve.editor import LocalEditor, local_editor
from insatsbas.sources.text import slugify
from insatsbas.sources.yamlsource import read_document
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import SAMPLE, TODAY
from tests.guide import web_editor_new_entry

# The guide's own example: the organisation picked under "Samlingar", the title typed, the file it becomes.
COLLECTION, TITLE, GUIDE_PATH = web_editor_new_entry()
SLUG = slugify(TITLE)
# The browser's clock is pinned to the tests' day, so the review date's default is known.
NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0)
axe = Axe()
MISSING_PHRASES = """() => {
  const missing = {};
  const walk = (english, swedish, path) => {
    for (const [key, value] of Object.entries(english)) {
      if (typeof value === 'object') walk(value, swedish?.[key], `${path}${key}.`);
      else if (!swedish || !(key in swedish)) missing[path + key] = value;
    }
  };
  walk(window.CMS.getLocale('en'), window.CMS.getLocale('sv'), '');
  return missing;
}"""


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[LocalEditor]:
    repository = tmp_path / "repo"
    shutil.copytree(SAMPLE, repository / "catalogue")
    with local_editor(repository / "catalogue") as running:
        yield running


@pytest.fixture
def editor_page(browser: Browser, editor: LocalEditor) -> Iterator[tuple[Page, list[str], list[str]]]:
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm", viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.on("weberror", lambda error: errors.append(str(error.error)))
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.clock.set_fixed_time(NOW)
    yield page, requests, errors
    context.close()


def field(scope: Page | Locator, name: str) -> Locator:
    """Decap names each control `<field name>-field-<n>`."""
    return scope.locator(f"[id^='{name}-field-']").first


def pick(page: Page, scope: Page | Locator, name: str, label: str) -> None:
    """Open a select and click the option that shows `label`."""
    field(scope, name).click()
    page.get_by_role("option", name=label, exact=True).click()


def publish(page: Page) -> None:
    page.get_by_role("button", name="Publicera", exact=True).click()
    page.get_by_role("menuitem", name="Publicera nu").click()
    toast = page.get_by_text("Inlägg sparat")  # Decap's words when the local backend has written the file
    toast.wait_for()
    toast.click()  # Toastify closes a message when it is clicked
    toast.wait_for(state="detached")


def test_an_editor_creates_an_entry_and_confirms_its_review_in_the_browser(editor, editor_page):
    page, requests, errors = editor_page
    catalogue = editor.repository / "catalogue"
    path = catalogue / "haninge" / f"{SLUG}.yml"

    # The steps of the editors' guide: log in, pick the organisation under "Samlingar", "＋ insats".
    page.goto(editor.url)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name=COLLECTION, exact=True).first.click()
    page.get_by_role("link").filter(has_text="＋ insats").click()  # the button the guide names, by its text
    page.wait_for_url("**/#/collections/haninge/new")
    field(page, "title").fill(TITLE)
    field(page, "summary").fill("Prata svenska med andra: varje onsdag kväll, med fika.")
    page.locator("[data-slate-editor='true']").first.click()
    page.keyboard.type("Vi ses i caféet på fritidsgården.")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("Alla nivåer är välkomna.")
    pick(page, page, "status", "Pågår")
    pick(page, page, "categories", "Språkstöd och språkcaféer")
    pick(page, page, "target_groups", "Vuxna")
    pick(page, page, "languages", "Svenska")
    pick(page, page, "languages", "Arabiska")
    how = page.locator("div[id^='how_to_apply-field-']")
    pick(page, how, "referral", "Anmäl dig själv")
    field(how, "description").fill("Kom när du vill, ingen anmälan.")
    contact = page.locator("div[id^='contact-field-']")
    field(contact, "role").fill("Fritidsledare")
    field(contact, "phone").fill("08-465 004 30")
    field(page, "reviewed_by").fill("Enhetschef fritid")
    schedule = page.locator("div[id^='schedule-field-']")
    schedule.get_by_role("button", name="Visa").first.click()  # the group is folded until needed
    schedule.get_by_role("button", name="Lägg till öppettid").click()
    pick(page, schedule, "days", "Onsdag")
    field(schedule, "opens").fill("18:00")
    field(schedule, "closes").fill("20:00")
    assert field(page, "last_reviewed").input_value() == TODAY.isoformat()  # the default: today

    # Swedish throughout: no phrase of Decap's English locale is missing from the Swedish one.
    assert page.evaluate(MISSING_PHRASES) == {}
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "editor-new-entry.png"), full_page=True)

    publish(page)
    page.wait_for_url(f"**/#/collections/haninge/entries/{SLUG}")

    assert path.relative_to(editor.repository).as_posix() == GUIDE_PATH  # the file the guide names
    result = read_catalogue(catalogue, today=TODAY)
    assert [p.render() for p in result.errors] == []
    entry = next(i for i in result.catalogue.interventions if i.id == f"haninge/{SLUG}")
    assert entry.title == TITLE and entry.municipality == "haninge"
    assert entry.categories == ("sprakstod",) and entry.target_groups == ("vuxna",)
    assert entry.languages == ("sv", "ar") and entry.how_to_apply.referral == "self"
    assert entry.provider.name == "Haninge kommun" and entry.provider.type == "kommun"
    assert entry.contact.phone == "08-465 004 30" and entry.last_reviewed == TODAY
    assert entry.description == "Vi ses i caféet på fritidsgården.\\\nAlla nivåer är välkomna.\n"
    before = path.read_text(encoding="utf-8")
    assert entry.schedule.hours[0].days == ("wed",) and entry.schedule.hours[0].opens == "18:00"
    assert '  phone: "08-465 004 30"\n' in before and "categories: [sprakstod]\n" in before
    assert '    - days: [wed]\n      opens: "18:00"\n      closes: "20:00"\n' in before

    field(page, "last_reviewed").fill("2026-11-20")
    page.screenshot(path=str(SCREENSHOTS / "editor-review-date.png"))
    publish(page)

    after = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"-last_reviewed: {TODAY.isoformat()}", "+last_reviewed: 2026-11-20"]
    assert read_document(path).data["last_reviewed"] == "2026-11-20"

    assert [url for url in requests if urlparse(url).hostname != "127.0.0.1"] == []
    assert errors == []


def test_the_published_editor_offers_the_git_hosts_login_within_its_policy(browser, tmp_path):
    from insatsbas.editor import PublishedEditor, write_published_editor
    from insatsbas.reader import load_catalogue
    from tests.browser.conftest import serving

    write_published_editor(load_catalogue(SAMPLE, today=TODAY), tmp_path, PublishedEditor("region/insatsbas"),
                           "catalogue")
    with serving(tmp_path) as url:
        context = browser.new_context(locale="sv-SE")
        requests: list[str] = []
        errors: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + "/redigera/")
        page.get_by_role("button", name="Logga in med GitHub").wait_for()
        results = axe.run(page)
        context.close()
    assert results.violations_count == 0, results.generate_report()
    assert [u for u in requests if urlparse(u).hostname != "127.0.0.1"] == []
    assert errors == []  # a Content-Security-Policy violation would be logged as an error
