"""Hostile addresses: /sok/, /lista/ and /for-mig/ in every interface language the site has, opened with
hostile query strings: every payload in Swedish (left to right) and Arabic (right to left), and in each other
language the two that reach its own messages (a script, an id that does not exist); the scripts that read the
address are the same in every language. Nothing runs (a trap records any payload that does: a global it would set, alert, a
dialog; the `visit` fixture fails on any script error or console error, a CSP refusal included), the page
shows a calm message, and no request leaves the origin (the `visit` fixture checks every request)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from insatsbas.urls import LANGUAGES, url

TRAP = """
window.__ran = [];
Object.defineProperty(window, "pwned", {set(value) { window.__ran.push("pwned=" + value); }, get() { return undefined; }});
window.alert = (message) => window.__ran.push("alert:" + message);
window.confirm = window.prompt = window.alert;
"""

PAYLOADS = {
    "script_tag": "<script>window.pwned=1</script>",
    "mixed_case_script": "<ScRiPt>window.pwned=2</sCrIpT>",
    "img_onerror": '"><img src=x onerror="window.pwned=3">',
    "foreign_image": "'><img src=https://evil.example/x.gif><svg onload=alert(4)>",
    "javascript_url": "javascript:window.pwned=5",
    "mixed_case_javascript_url": "JaVaScRiPt:alert(6)",
    "data_url": "data:text/html;base64,PHNjcmlwdD53aW5kb3cucHduZWQ9Nzwvc2NyaXB0Pg==",
    "entity_encoded": "&lt;script&gt;window.pwned=8&lt;/script&gt;&#x3C;img src=x onerror=alert(8)&#x3E;",
    "ten_thousand_characters": "<b>" + "å" * 100 + "x" * 9_900 + "</b>",
    "id_that_does_not_exist": "huddinge/finns-inte,../../../etc/passwd,a/b/c/d",
}

# The parameters each page reads from its address.
PAGES = {
    "sok": ("sok/", ("q", "kommun", "kategori", "malgrupp", "sprak", "avgiftsfri")),
    "lista": ("lista/", ("id",)),
    "for-mig": ("for-mig/", ("status", "alder", "kommun", "manader")),
}

# What the page shows when it has answered: its status line, or the questions with their explanations.
CALM_MESSAGE = {
    "sok": ("() => document.body.hasAttribute('data-search-ready') && "
            "!document.getElementById('results').hasAttribute('aria-busy')",
            "() => document.getElementById('search-status').innerText.trim()"),
    "lista": ("() => document.body.hasAttribute('data-handout-ready')",
              "() => document.getElementById('handout-status').innerText.trim()"),
    "for-mig": ("() => [...document.querySelectorAll('[data-error-for]')].some((m) => !m.hidden)",
                "() => [...document.querySelectorAll('[data-error-for]')].filter((m) => !m.hidden)"
                ".map((m) => m.innerText.trim()).join(' ')"),
}


EVERY_PAYLOAD_IN = ("sv", "ar")
IN_EVERY_LANGUAGE = ("script_tag", "id_that_does_not_exist")
CASES = [(language, page_name, payload) for language in LANGUAGES for page_name in PAGES for payload in PAYLOADS
         if language in EVERY_PAYLOAD_IN or payload in IN_EVERY_LANGUAGE]


def test_every_interface_language_is_visited():
    assert {language for language, _, _ in CASES} == set(LANGUAGES)


@pytest.mark.parametrize(("language", "page_name", "payload"), CASES, ids=str)
def test_a_hostile_address_runs_nothing_and_gets_a_calm_message(visit, language, page_name, payload):
    path, parameters = PAGES[page_name]
    value = PAYLOADS[payload]
    page = visit.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(TRAP)

    # A 10,000-character value in one parameter (in all of them, the address would pass the server's limit).
    values = {name: value if index == 0 or len(value) < 1000 else "x" for index, name in enumerate(parameters)}
    page.goto(url(path, language) + "?" + urlencode(values))
    ready, message = CALM_MESSAGE[page_name]
    page.wait_for_function(ready)

    assert page.evaluate("window.__ran") == [] and dialogs == [], "a payload ran"
    assert page.evaluate("document.querySelectorAll('[onerror], [onload], script:not([src]):not([type])').length") \
        <= page.evaluate("document.querySelectorAll('script:not([src]):not([type])').length"), "markup was injected"
    assert page.evaluate(
        "[...document.querySelectorAll('a[href], iframe[src], object[data], embed[src]')]"
        ".filter((e) => /^\\s*(javascript|data):/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('data')))"
        ".length") == 0, "a javascript: or data: address was made a link"
    shown = page.evaluate(message)
    assert shown, "the page says what happened"
    assert "undefined" not in shown and "NaN" not in shown and "[object" not in shown
    assert page.title() and "Error" not in page.title()
    if page_name == "lista" and payload == "id_that_does_not_exist":
        # Only the well-formed id is fetched; its page is missing, which the list says calmly for that item.
        fetched = [request for request in visit.requests if "/insats/" in request]
        assert fetched and all(request.endswith("/insats/huddinge/finns-inte/") for request in fetched), fetched
        assert page.locator("#handout-items li").count() == 1
        assert page.locator("#handout-items li p").inner_text().strip()
        # Chromium logs the 404 of the missing page as a console error; it is the answer expected here.
        visit.errors[:] = [error for error in visit.errors if "404 (File not found)" not in error]
