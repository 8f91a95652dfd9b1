"""What search engines read: a canonical link, absolute hreflang alternates and a meta description on every
page, sitemap.xml with the language alternates, and robots.txt that keeps the web editor out."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from insatsbas.build import build
from insatsbas.editor.page import EDITOR_PATH
from insatsbas.urls import LANGUAGES
from tests.conftest import SAMPLE, TODAY, write
from tests.test_site import ENTRIES

SITE_URL = "https://insatsbas.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.canonical: list[str] = []
        self.alternates: dict[str, str] = {}
        self.descriptions: list[str] = []
        self.robots: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"] or "")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"] or ""] = a["href"] or ""
        elif tag == "meta" and a.get("name") == "description":
            self.descriptions.append(a.get("content") or "")
        elif tag == "meta" and a.get("name") == "robots":
            self.robots.append(a.get("content") or "")


def head_links(page: Path) -> HeadLinks:
    parser = HeadLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def catalogue(root: Path, site_url: str | None) -> Path:
    shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
    shutil.copy(SAMPLE / "owners.yml", root / "owners.yml")
    region = (SAMPLE / "region.yml").read_text(encoding="utf-8")
    write(root / "region.yml", region + (f"site_url: {site_url}/\n" if site_url else ""))
    for relative, text in ENTRIES.items():
        write(root / relative, text)
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("findable") / "output"
    build(catalogue(tmp_path_factory.mktemp("findable-catalogue") / "catalogue", SITE_URL), out, today=TODAY)
    return out


def pages(out: Path) -> list[Path]:
    return [page for page in out.rglob("index.html") if not {"data", "pagefind", "theme"} & set(page.relative_to(out).parts)]


def neutral_path(out: Path, page: Path) -> tuple[str, str]:
    """(language, language-neutral path) of a built page."""
    parts = page.parent.relative_to(out).parts
    lang = parts[0] if parts and parts[0] in LANGUAGES else "sv"
    rest = parts[1:] if lang != "sv" else parts
    return lang, "".join(f"{part}/" for part in rest)


def test_every_page_has_an_absolute_canonical_link_and_hreflang_alternates_for_every_language(site):
    checked = 0
    for page in pages(site):
        lang, path = neutral_path(site, page)
        prefix = "/" if lang == "sv" else f"/{lang}/"
        links = head_links(page)
        assert links.canonical == [f"{SITE_URL}{prefix}{path}"], page
        assert links.alternates == {
            **{other: SITE_URL + ("/" if other == "sv" else f"/{other}/") + path for other in LANGUAGES},
            "x-default": f"{SITE_URL}/{path}"}, page
        checked += 1
    assert checked > 30


def test_every_page_has_a_meta_description_of_its_own(site):
    descriptions = {}
    for page in pages(site):
        links = head_links(page)
        assert len(links.descriptions) == 1 and len(links.descriptions[0]) > 30, page
        descriptions[page] = links.descriptions[0]
    lang_sv = {page: text for page, text in descriptions.items() if neutral_path(site, page)[0] == "sv"}
    assert "Insatser för boende i Huddinge. Antal insatser: 2." in lang_sv[site / "kommun" / "huddinge" / "index.html"]
    assert lang_sv[site / "om" / "index.html"] != lang_sv[site / "index.html"]


def test_the_not_found_page_has_no_canonical_address_and_is_not_indexed(site):
    links = head_links(site / "404.html")
    assert links.canonical == [] and links.alternates == {} and links.robots == ["noindex"]


def test_sitemap_lists_every_page_in_every_language_with_its_alternates(site):
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    entries = {url.findtext("s:loc", namespaces=NS): {link.get("hreflang"): link.get("href")
                                                      for link in url.findall("x:link", NS)}
               for url in root.findall("s:url", NS)}
    expected = {f"{SITE_URL}{'/' if lang == 'sv' else f'/{lang}/'}{path}"
                for lang, path in (neutral_path(site, page) for page in pages(site))}
    assert set(entries) == expected
    entry = f"{SITE_URL}/en/insats/huddinge/sprakcafe/"
    assert entries[entry] == {"sv": f"{SITE_URL}/insats/huddinge/sprakcafe/", "en": entry,
                              "ar": f"{SITE_URL}/ar/insats/huddinge/sprakcafe/",
                              "x-default": f"{SITE_URL}/insats/huddinge/sprakcafe/"} | {
        lang: f"{SITE_URL}/{lang}/insats/huddinge/sprakcafe/" for lang in LANGUAGES if lang not in ("sv", "en", "ar")}


def test_robots_keeps_the_web_editor_out_and_names_the_sitemap(site):
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines() == [
        "User-agent: *", f"Disallow: /{EDITOR_PATH}/", f"Sitemap: {SITE_URL}/sitemap.xml"]


def test_without_a_site_url_links_are_root_relative_and_there_is_no_sitemap(tmp_path):
    out = tmp_path / "output"
    build(catalogue(tmp_path / "catalogue", None), out, today=TODAY)
    links = head_links(out / "en" / "insats" / "huddinge" / "sprakcafe" / "index.html")
    assert links.canonical == ["/en/insats/huddinge/sprakcafe/"]
    assert links.alternates["ar"] == "/ar/insats/huddinge/sprakcafe/"
    assert not (out / "sitemap.xml").exists()
    assert (out / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nDisallow: /{EDITOR_PATH}/\n"
