"""The public site as files: which pages exist, what an entry page says and links to, languages,
escaping, search markup, open data and complete interface translations. The browser tests in
tests/browser/ drive the same site in Chromium."""

from __future__ import annotations

import csv
import json
import re
import shutil
import string
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner

from insatsbas.build import build
from insatsbas.cli import cli
from insatsbas.i18n import babel_locale, catalogue_credits
from insatsbas.reader import load_catalogue
from insatsbas.site import CONTENT_DIR, THEME_DIR, TRANSLATIONS_DIR, write_site
from insatsbas.urls import LANGUAGES, SOURCE_LANGUAGE
from tests.conftest import REPO, SAMPLE, TODAY, VALID_ENTRY, write

HARMFUL = """\
description: |
  Vi ses på biblioteket.

  <script>alert("skript")</script>
  <img src="x" onerror="alert('bild')">
  <a href="javascript:alert('länk')">Klicka här</a> och [här](javascript:alert('md')).
"""

ENTRIES = {
    "huddinge/sprakcafe.yml": VALID_ENTRY + """\
translations:
  en:
    title: Language café at the library
    summary: Practise Swedish over a cup of coffee.
    description: Every Tuesday we meet at the library.
""",
    "huddinge/farlig-beskrivning.yml": VALID_ENTRY.replace("title: Språkcafé på biblioteket", "title: Läxhjälp & samtal")
    .replace("description: |\n  Varje tisdag träffas vi på biblioteket och pratar svenska i små grupper.\n", HARMFUL)
    .replace("last_reviewed: 2026-06-01", "last_reviewed: 2024-01-15")
    .replace("  email: bibliotek.huddinge@example.org", "  email: bibliotek.huddinge@example.org\n  phone: \"08-465 004 10\"")
    + """\
service_area: [botkyrka, salem]
cost:
  free: true
locations:
  - name: Huddinge bibliotek
    address: Sjödalsvägen 1
    postal_code: "141 47"
    city: Huddinge
    latitude: 59.23685
    longitude: 17.98234
""",
    "haninge/pausad.yml": VALID_ENTRY.replace("status: active", "status: paused")
    .replace("title: Språkcafé på biblioteket", "title: Pausat språkcafé").replace("municipality: huddinge", "municipality: haninge"),
    "haninge/avslutad.yml": VALID_ENTRY.replace("status: active", "status: ended")
    .replace("municipality: huddinge", "municipality: haninge"),
    "haninge/utkast.yml": VALID_ENTRY.replace("status: active", "status: draft")
    .replace("municipality: huddinge", "municipality: haninge"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-catalogue") / "catalogue"
    shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
    shutil.copy(SAMPLE / "owners.yml", root / "owners.yml")
    shutil.copy(SAMPLE / "region.yml", root / "region.yml")
    for relative, text in ENTRIES.items():
        write(root / relative, text)
    out = tmp_path_factory.mktemp("site") / "output"
    build(root, out, today=TODAY)
    return out


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag and all(attrs.get(k) == v for k, v in wanted.items())]


# --- which pages exist -------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/", "ar/"])
def test_active_and_paused_entries_are_published_in_every_language(site, prefix):
    for entry_id in ("huddinge/sprakcafe", "huddinge/farlig-beskrivning", "haninge/pausad"):
        assert (site / prefix / "insats" / entry_id / "index.html").exists(), (prefix, entry_id)
    for entry_id in ("haninge/avslutad", "haninge/utkast"):
        assert not (site / prefix / "insats" / entry_id).exists(), (prefix, entry_id)


def test_start_search_handout_and_browse_pages_exist_in_every_language(site):
    for prefix in ("", "en/", "ar/"):
        for path in ("", "sok/", "lista/", "kommun/haninge/", "kategori/sprakstod/", "malgrupp/vuxna/", "sprak/sv/",
                     "om/", "tillganglighet/", "integritet/"):
            assert (site / prefix / path / "index.html").exists(), prefix + path


def test_browse_pages_mark_paused_entries_and_leave_out_ended_and_drafts(site):
    html = page(site, "kommun/haninge")
    assert "Pausat språkcafé" in html
    assert re.search(r"Pausat språkcafé</a>\s*<span class=\"badge badge-paused\">Pausad</span>", html)
    assert "/insats/haninge/avslutad/" not in html and "/insats/haninge/utkast/" not in html


def test_municipality_pages_list_entries_open_to_its_residents(site):
    # farlig-beskrivning is in Huddinge with Botkyrka and Salem in its service area.
    assert "/insats/huddinge/farlig-beskrivning/" in page(site, "kommun/salem")
    assert "/insats/huddinge/sprakcafe/" not in page(site, "kommun/salem")


def test_browse_pages_are_split_into_pages(tmp_path):
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    write_site(catalogue, tmp_path, page_size=5, search_index=False)
    first = page(tmp_path, "kommun/haninge")
    assert (tmp_path / "kommun/haninge/2/index.html").exists()
    assert 'href="/kommun/haninge/2/"' in first
    assert first.count('class="card"') == 5


# --- the entry page ------------------------------------------------------------------------------


def test_description_markup_is_rendered_harmlessly(site):
    for prefix in ("", "en/", "ar/"):
        html = page(site, f"{prefix}insats/huddinge/farlig-beskrivning")
        elements = Elements(html)
        for tag, attrs in elements.tags:
            assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
            for name in ("href", "src", "action"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
            if tag == "script":
                assert attrs.get("type") == "application/json" or (attrs.get("src") or "").startswith("/theme/js/")
        assert not any("alert" in script for script in elements.scripts)
        assert "<img" not in html
        assert "Vi ses på biblioteket." in html


def test_entry_page_has_everything_a_caseworker_needs(site):
    html = page(site, "insats/huddinge/farlig-beskrivning")
    for text in ("För vem", "Vem kan delta", "Språk", "Var", "Kostnad", "Så ansöker du", "Kontakt", "Anordnare",
                 "Huddinge bibliotek", "Sjödalsvägen 1", "Avgiftsfri", "Kom när du vill, ingen anmälan.",
                 "Läxhjälp &amp; samtal"):
        assert text in html, text
    assert 'href="tel:+46846500410"' in html
    assert 'href="mailto:bibliotek.huddinge@example.org"' in html
    assert ('href="https://www.openstreetmap.org/?mlat=59.23685&amp;mlon=17.98234#map=17/59.23685/17.98234"'
            in html)


def test_review_date_is_shown_and_an_overdue_entry_says_so(site):
    overdue = page(site, "insats/huddinge/farlig-beskrivning")
    fresh = page(site, "insats/huddinge/sprakcafe")
    assert "Granskad 15 januari 2024" in overdue
    assert "Kan vara inaktuell." in overdue and "15 januari 2025" in overdue
    assert "Granskad 1 juni 2026" in fresh
    assert "Kan vara inaktuell." not in fresh


def test_report_link_opens_a_prefilled_mail_to_the_owner(site):
    html = page(site, "insats/huddinge/farlig-beskrivning")
    href = Elements(html).find("a", **{"class": "report-link"})[0]["href"]
    address = urlparse(href)
    assert address.scheme == "mailto" and address.path == "insatsbas.huddinge@example.org"
    query = parse_qs(address.query)
    assert query["subject"] == ["Fel i Insatsbas: Läxhjälp & samtal (huddinge/farlig-beskrivning)"]
    assert "Insats: huddinge/farlig-beskrivning" in query["body"][0]
    assert "/insats/huddinge/farlig-beskrivning/" in unquote(query["body"][0])


def test_arabic_pages_are_right_to_left_and_english_left_to_right(site):
    assert '<html lang="ar" dir="rtl">' in page(site, "ar/insats/huddinge/sprakcafe")
    assert '<html lang="en" dir="ltr">' in page(site, "en/insats/huddinge/sprakcafe")
    assert '<html lang="sv" dir="ltr">' in page(site, "insats/huddinge/sprakcafe")


def test_language_switch_keeps_the_same_entry(site):
    elements = Elements(page(site, "en/insats/huddinge/sprakcafe"))
    switch = {a.get("lang"): a["href"] for a in elements.find("a") if a.get("lang") in ("sv", "en", "ar")}
    assert switch == {"sv": "/insats/huddinge/sprakcafe/", "en": "/en/insats/huddinge/sprakcafe/",
                      "ar": "/ar/insats/huddinge/sprakcafe/"}


def test_translated_entry_text_is_used_and_a_missing_translation_falls_back_to_swedish(site):
    english = page(site, "en/insats/huddinge/sprakcafe")
    assert ">Language café at the library</h1>" in english
    assert "not been translated" not in english
    arabic = page(site, "ar/insats/huddinge/sprakcafe")
    assert re.search(r'<h1 data-pagefind-meta="title" lang="sv" dir="ltr"[^>]*>Språkcafé på biblioteket</h1>', arabic)
    assert "لم تُترجم هذه الخدمة بعد" in arabic
    # Interface text is Arabic even where the entry is Swedish.
    assert "أضف إلى قائمتي" in arabic


# --- search markup -------------------------------------------------------------------------------


def test_only_entry_pages_are_marked_for_the_search_index(site):
    marked = {str(p.relative_to(site)) for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text("utf-8")}
    assert marked
    prefixes = "|".join(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
    assert all(re.match(rf"(({prefixes})/)?insats/[^/]+/[^/]+/index\.html$", path) for path in marked), marked
    assert len(marked) == 3 * len(LANGUAGES)


def test_entry_filters_come_from_the_model(site):
    elements = Elements(page(site, "insats/huddinge/farlig-beskrivning"))
    filters = {attrs["data-pagefind-filter"] for attrs in elements.find("span") if "data-pagefind-filter" in attrs}
    # No eligibility limits: every residence status, and the one age band and band of months this catalogue has.
    statuses = {f"uppehallsstatus:{slug}" for slug in ("asylsokande", "uppehallstillstand-etablering",
                                                       "uppehallstillstand", "tillfalligt-skydd", "ensamkommande",
                                                       "anhorig")}
    assert filters == {"kommun:huddinge", "kommun:botkyrka", "kommun:salem", "kategori:sprakstod", "malgrupp:vuxna",
                       "sprak:sv", "avgiftsfri:ja", "alder:0-", "manader:0-",
                       "anordnare:Huddinge kommun, biblioteken"} | statuses
    assert elements.find("span", **{"data-pagefind-meta": "id:huddinge/farlig-beskrivning"})


def test_build_writes_one_search_index_per_language(site):
    # Huddinge is in Stockholms län: every entry is in that county's partition.
    assert sorted(p.name for p in (site / "pagefind").iterdir() if p.is_dir()) == ["lan-01"]
    assert 'content="lan-01"' in page(site, "insats/huddinge/farlig-beskrivning")
    entry = json.loads((site / "pagefind" / "lan-01" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == set(LANGUAGES)
    assert all(language["page_count"] == 3 for language in entry["languages"].values())


# --- every page ----------------------------------------------------------------------------------


def test_pages_load_nothing_from_other_origins_and_carry_a_strict_policy(site):
    for path in site.rglob("*.html"):
        elements = Elements(path.read_text("utf-8"))
        for tag, attrs in elements.tags:
            resource = attrs.get("src") if tag in ("script", "img", "iframe") else (
                attrs.get("href") if tag == "link" else None)
            if resource is not None:
                assert resource.startswith("/") and not resource.startswith("//") or resource.startswith("data:"), (
                    path, tag, resource)
        policy = elements.find("meta", **{"http-equiv": "Content-Security-Policy"})
        assert policy, path
        assert "default-src 'self'" in policy[0]["content"] and "'unsafe-inline'" not in policy[0]["content"]


# --- content pages -------------------------------------------------------------------------------


def test_content_pages_in_every_language(site):
    assert "<h1>Om Insatsbas</h1>" in page(site, "om")
    assert "<h1>About Insatsbas</h1>" in page(site, "en/om")
    assert "<h1>Tillgänglighetsredogörelse</h1>" in page(site, "tillganglighet")
    assert "<h1>Privacy and cookies</h1>" in page(site, "en/integritet")
    assert '<html lang="ar" dir="rtl">' in page(site, "ar/integritet")


def test_a_content_page_without_translation_is_shown_in_swedish_with_a_note(tmp_path):
    content = tmp_path / "content"
    write(content / "pages" / "bara-svenska.md", "Title: Bara svenska\nSlug: bara-svenska\nLang: sv\n\nHej.\n")
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    out = tmp_path / "out"
    write_site(catalogue, out, search_index=False, content_dir=content)
    english = page(out, "en/bara-svenska")
    assert '<article class="content-page" lang="sv">' in english
    assert "This page has not been translated yet." in english
    assert "<h1>Bara svenska</h1>" in page(out, "bara-svenska")


def test_a_regions_templates_and_pages_replace_the_packages_and_add_to_them(make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY})
    region = tmp_path / "region"
    write(region / "mallar" / "index.html", '{% extends "!theme/index.html" %}{% block content %}'
          '<p id="region-welcome">{{ _("Sök") }} {{ site.region_name }}</p>{{ super() }}{% endblock %}')
    write(region / "sidor" / "om.md", "Title: Om oss\nSlug: om\nLang: sv\n\nRegionens egen text.\n")
    write(region / "sidor" / "nyheter.md", "Title: Nyheter\nSlug: nyheter\nLang: sv\n\nInga nyheter än.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--catalogue", str(root), "--out", str(out), "--today", "2026-11-22",
                                      "--quiet", "--templates", str(region / "mallar"), "--pages", str(region / "sidor")])
    assert result.exit_code == 0, result.output
    start = page(out, "")
    assert '<p id="region-welcome">Sök Södertörn</p>' in start and 'id="hero-heading"' in start  # and the theme's
    assert '<p id="region-welcome">Search Södertörn</p>' in page(out, "en")
    assert "Regionens egen text." in page(out, "om") and "<h1>Om oss</h1>" in page(out, "om")
    assert "<h1>About Insatsbas</h1>" in page(out, "en/om")  # the package's English page stays
    assert "Inga nyheter än." in page(out, "nyheter") and "This page has not been translated yet." in page(out, "en/nyheter")
    assert "<h1>Tillgänglighetsredogörelse</h1>" in page(out, "tillganglighet")  # the package's default page


def test_every_content_page_has_a_slug_and_a_language():
    pages = [*(CONTENT_DIR / "pages").glob("*.md"), *(REPO / "pages").glob("*.md")]
    assert len(pages) > 10
    for path in pages:
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert re.search(r"^Slug: [a-z0-9-]+$", head, re.M), path
        assert re.search(r"^Lang: (sv|en|ar)$", head, re.M), path


# --- open data -----------------------------------------------------------------------------------


def test_open_data_has_the_database_and_a_csv_of_published_entries(site):
    assert (site / "data" / "insatsbas.db").stat().st_size > 0
    with (site / "data" / "insatser.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {row["id"] for row in rows} == {"huddinge/sprakcafe", "huddinge/farlig-beskrivning", "haninge/pausad"}
    row = next(r for r in rows if r["id"] == "huddinge/farlig-beskrivning")
    assert row["open_to"] == "huddinge;botkyrka;salem"
    assert row["phone"] == "08-465 004 10"
    assert row["url"] == "/insats/huddinge/farlig-beskrivning/"


# --- interface translations ----------------------------------------------------------------------


def site_messages() -> set[str | tuple[str, str]]:
    """Every interface message of the site: the templates' and the eligibility sentence's (plurals as tuples)."""
    found = [*extract_from_dir(THEME_DIR / "templates", method_map=[("**.html", "jinja2")],
                               options_map={"**.html": {"extensions": "jinja2.ext.i18n"}}),
             *extract_from_dir(THEME_DIR.parent / "site", method_map=[("eligibility_text.py", "python")])]
    return {message if isinstance(message, str) else tuple(message) for _, _, message, _, _ in found if message}


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)s", text)) | {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
def test_site_translations_are_complete(language):
    with (TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale=babel_locale(language))
    messages = site_messages()
    assert len(messages) > 100
    singular = [m for m in messages if isinstance(m, str)]
    missing = [m for m in singular if not (catalogue.get(m) and catalogue.get(m).string)]
    assert not missing, missing
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not fuzzy, fuzzy
    for message in singular:
        assert placeholders(catalogue.get(message).string) == placeholders(message), message
    plurals = [m for m in messages if isinstance(m, tuple)]
    assert len(plurals) >= 5
    for one, many in plurals:
        forms = catalogue.get(one) and catalogue.get(one).string
        # Every plural form of the language (Arabic has six), none empty, none with an unknown placeholder.
        assert isinstance(forms, tuple) and len(forms) == catalogue.num_plurals and all(forms), (one, forms)
        assert all(placeholders(form) <= placeholders(many) for form in forms), (one, forms)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
def test_every_site_catalogue_says_who_translated_it_and_whether_a_translator_has_checked_it(language):
    credits = catalogue_credits(language, TRANSLATIONS_DIR, "messages")
    assert credits.translated_by and "FULL NAME" not in credits.translated_by
    assert credits.reviewed_by
    if language in ("prs", "so", "ti", "uk"):
        assert credits.machine_translated and not credits.reviewed


def test_pages_in_a_machine_translated_unchecked_language_say_so_and_others_do_not(site):
    note = "maskinöversatt"
    somali = (site / "so" / "index.html").read_text(encoding="utf-8")
    assert "Qoraalka bogga ee luqaddan waxaa turjumay mashiin, turjubaan ma hubin." in somali
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'class="translation-note"' not in english and note not in (site / "index.html").read_text(encoding="utf-8")


def test_a_catalogue_checked_by_a_translator_is_not_called_unchecked(tmp_path):
    folder = tmp_path / "uk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = (TRANSLATIONS_DIR / "uk" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    (folder / "messages.po").write_text(source.replace("# Reviewed-By: none", "# Reviewed-By: Olena K., 2027-01-10"),
                                        encoding="utf-8")
    credits = catalogue_credits("uk", tmp_path, "messages")
    assert credits.reviewed and credits.reviewed_by == "Olena K., 2027-01-10"


def test_local_server_serves_the_site_with_the_types_pagefind_needs(site):
    import threading
    import urllib.request

    from insatsbas.serve import site_server

    server = site_server(site, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        wasm = next((site / "pagefind" / "lan-01").glob("wasm.*"))
        with urllib.request.urlopen(f"{base}/pagefind/lan-01/pagefind.js") as response:
            assert response.headers["Content-Type"] == "text/javascript"
        with urllib.request.urlopen(f"{base}/sok/") as response:
            assert response.status == 200 and b'id="search-form"' in response.read()
        with urllib.request.urlopen(f"{base}/pagefind/lan-01/{wasm.name}") as response:
            assert response.status == 200
    finally:
        server.shutdown()


def test_languages_rendered_in_parallel_processes_give_the_same_site(tmp_path, monkeypatch):
    import os
    from concurrent.futures import ProcessPoolExecutor

    import insatsbas.site

    catalogue = load_catalogue(SAMPLE, today=TODAY)
    one = write_site(catalogue, tmp_path / "one", search_index=False)
    monkeypatch.setattr(insatsbas.site, "PARALLEL_FROM", 0)  # the sample is below the size that forks
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    pools = []
    monkeypatch.setattr(insatsbas.site, "ProcessPoolExecutor",
                        lambda **options: pools.append(options) or ProcessPoolExecutor(**options))
    parallel = write_site(catalogue, tmp_path / "parallel", search_index=False)
    assert [options["max_workers"] for options in pools] == [2]

    def files(root: Path) -> dict[str, bytes]:
        return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}

    assert files(tmp_path / "parallel") == files(tmp_path / "one")
    assert (parallel.rendered, parallel.reused) == (one.rendered, one.reused) and one.rendered > 500
    assert parallel.manifest.pages.keys() == one.manifest.pages.keys()
    assert sorted(parallel._written) == sorted(one._written)
