"""No layout shift: the cumulative layout shift (CLS) of the six page types stays below 0.1, measured with the
Layout Instability API (a PerformanceObserver for `layout-shift` entries, summed in session windows as
Lighthouse and the Web Vitals do), on an unthrottled load and on one throttled like a cheap phone on a slow
mobile network (4x CPU slowdown, 150 ms latency, 1.6 Mbit/s down)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit

LIST = "huddinge/familjecentral-varby,haninge/sfi-distans"
# (address, what the page shows when its script is done)
PAGE_TYPES = {
    "start": ("", "body"),
    "search": ("sok/?q=svenska", "body[data-search-ready] #results:not([aria-busy])"),
    "search-empty": ("sok/", "body[data-search-ready]"),
    "list": (f"lista/?id={LIST}", "body[data-handout-ready='2']"),
    "list-empty": ("lista/", "body[data-handout-ready]"),
    "for-me": ("for-mig/?status=uppehallstillstand&alder=30&kommun=haninge", "#for-me[data-state=done]"),
    "for-me-empty": ("for-mig/", "#for-me[data-state=form]"),
    "entry": ("insats/huddinge/familjecentral-varby/", "body"),
    "browse": ("kommun/haninge/", "body"),
}
LIMIT = 0.1

# Installed before any of the page's own scripts: every layout shift without recent input, from the start.
OBSERVE = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push({value: entry.value, time: entry.startTime});
  }
}).observe({type: 'layout-shift', buffered: true});
"""
# CLS as the Web Vitals define it: the largest sum of a session window, whose shifts are less than 1 s apart
# and which spans at most 5 s.
CLS = """
() => {
  let worst = 0, current = 0, first = 0, last = 0;
  for (const {value, time} of window.__shifts) {
    if (current && time - last < 1000 && time - first < 5000) { current += value; }
    else { current = value; first = time; }
    last = time;
    worst = Math.max(worst, current);
  }
  return worst;
}
"""


def cumulative_layout_shift(page: Page, path: str, ready: str) -> float:
    page.goto(path)
    page.wait_for_selector(ready, state="attached")
    page.wait_for_load_state("networkidle")
    # Two frames after the last change, so that every shift of the last layout has been reported.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page.evaluate(CLS)


def throttle(page: Page) -> None:
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                       "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                                                       "uploadThroughput": 750 * 1024 / 8})
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# (viewport, throttled): a phone on a fast and on a slow connection, and a desktop.
LOADS = {"phone": (PHONE, False), "phone-throttled": (PHONE, True), "desktop": (DESKTOP, False)}


def measure(browser, site_url: str, prefix: str, kind: str, *, throttled: bool, viewport: dict = PHONE) -> float:
    visit = Visit(browser, site_url, viewport=viewport)
    visit.context.add_init_script(OBSERVE)
    page = visit.new_page()
    if throttled:
        throttle(page)
    path, ready = PAGE_TYPES[kind]
    try:
        return cumulative_layout_shift(page, prefix + path, ready)
    finally:
        visit.context.close()
        assert visit.foreign_requests() == [] and visit.errors == []


@pytest.mark.parametrize("load", LOADS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_loads_without_layout_shift(browser, site_url, kind, load):
    viewport, throttled = LOADS[load]
    cls = measure(browser, site_url, "/", kind, throttled=throttled, viewport=viewport)
    print(f"CLS {kind} {load}: {cls:.3f}")
    assert cls < LIMIT, (kind, load, cls)
