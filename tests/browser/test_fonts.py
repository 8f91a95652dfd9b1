"""Fonts: Tigrinya's Ethiopic letters are drawn with the self-hosted Noto Sans Ethiopic subset, fetched only
where Ethiopic text is shown (the syllabary on Tigrinya pages, the four letters of "ትግርኛ" for the language
switch elsewhere); Dari, Arabic and Ukrainian are drawn with the system fonts of Debian's Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import SCREENSHOTS, Visit

ETHIOPIC = re.compile("[\u1200-\u137f]")
SYLLABARY = "noto-sans-ethiopic-tigrinya.woff2"
NAME = "noto-sans-ethiopic-name.woff2"
ENTRY = "insats/haninge/sfi-distans/"


def platform_fonts(page: Page, selector: str) -> list[str]:
    """The fonts Chromium drew an element's text with (DevTools' "Rendered fonts")."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return [font["familyName"] for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


def open_settled(page: Page, path: str) -> list[str]:
    fonts: list[str] = []
    page.on("response", lambda response: response.url.endswith(".woff2") and fonts.append(response.url.rsplit("/", 1)[1]))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.evaluate("async () => { await document.fonts.ready }")
    return fonts


@pytest.mark.parametrize("path", ["/ti/", "/ti/" + ENTRY])
def test_tigrinya_text_is_drawn_with_the_ethiopic_font(browser, site_url, path):
    visit = Visit(browser, site_url, viewport={"width": 1280, "height": 900})
    page = visit.new_page()
    fetched = open_settled(page, path)
    assert SYLLABARY in fetched
    # Every element whose own text is Ethiopic only is drawn with the font and nothing else (no empty boxes).
    selectors = [".main-nav li:first-child a", ".main-nav li:nth-child(2) a", ".lang-switch [lang=ti]",
                 ".site-footer .translation-note", "h1" if path == "/ti/" else ".facts dt"]
    for selector in selectors:
        assert ETHIOPIC.search(page.text_content(selector) or ""), selector
        assert "Noto Sans Ethiopic" in platform_fonts(page, selector), selector
    assert platform_fonts(page, ".lang-switch [lang=ti]") == ["Noto Sans Ethiopic"]
    visit.context.close()
    assert visit.foreign_requests() == [] and visit.errors == []


@pytest.mark.parametrize("prefix", ["/", "/en/", "/prs/", "/uk/"])
def test_other_languages_fetch_only_the_four_letters_of_the_switch(browser, site_url, prefix):
    visit = Visit(browser, site_url)
    page = visit.new_page()
    fetched = open_settled(page, prefix + ENTRY)
    assert fetched == [NAME]
    assert platform_fonts(page, ".lang-switch [lang=ti]") == ["Noto Sans Ethiopic"]
    visit.context.close()


@pytest.mark.parametrize("lang", ["prs", "ar", "uk", "so", "ti"])
def test_screenshots_of_every_new_language(browser, site_url, lang):
    SCREENSHOTS.mkdir(exist_ok=True)
    visit = Visit(browser, site_url, viewport={"width": 1280, "height": 900})
    page = visit.new_page()
    for name, path in (("start", ""), ("entry", ENTRY)):
        open_settled(page, f"/{lang}/{path}")
        # The heading is drawn with a font that has its letters (a system font, or Tigrinya's own).
        assert platform_fonts(page, "h1")
        page.screenshot(path=SCREENSHOTS / f"{name}-{lang}.png", full_page=True)
    visit.context.close()
