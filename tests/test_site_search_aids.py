"""What the site's search needs beside Pagefind: synonyms on the entry pages, the word lists the search
page corrects typos from, the beacon images, and a local server that logs like nginx. The browser tests
in tests/browser/test_search_corrections.py and test_statistics.py use them in Chromium."""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import urllib.request
from collections import Counter
from pathlib import Path

import apachelogs
import pytest
from PIL import Image

from insatsbas import urls
from insatsbas.model import Synonyms
from insatsbas.reader import load_catalogue
from insatsbas.serve import site_server
from insatsbas.site import THEME_DIR, write_site
from insatsbas.site.search_aids import TRANSPARENT_GIF, SynonymMatcher, synonym_words
from insatsbas.site.word_list import WORD_LIST_BUDGET, serialise, word_list
from insatsbas.stats.ingest import LOG_LINE, ingest
from tests.conftest import SAMPLE, TODAY, VALID_ENTRY, write

SYNONYMS = Synonyms(groups=(
    ("sfi", "svenska för invandrare", "svenskundervisning"),
    ("praktik", "arbetspraktik", "praktikplats"),
    ("so", "samhällsorientering"),
), misspellings={"svenks": "svenska"})

SFI_ENTRY = VALID_ENTRY.replace("Språkcafé på biblioteket", "Kvällskurs i svenska för invandrare").replace(
    "Varje tisdag träffas vi på biblioteket och pratar svenska i små grupper.",
    "Efter kursen kan du söka praktikplatser via kommunen.")


# --- synonyms -------------------------------------------------------------------------------------


def test_a_group_is_found_by_any_of_its_words_or_phrases_in_any_inflection():
    matcher = SynonymMatcher(SYNONYMS)
    assert matcher.members_in("Kurs i svenska för invandrare") == {SYNONYMS.groups[0]: {"svenska för invandrare"}}
    assert matcher.members_in("Vi hjälper dig med praktikplatser") == {SYNONYMS.groups[1]: {"praktikplats"}}
    assert matcher.members_in("Svenska för alla, invandrare eller inte") == {}  # not the phrase
    assert matcher.members_in("") == {}


def test_an_entry_gets_the_other_words_of_its_groups_weighted_by_where_it_uses_them():
    matcher = SynonymMatcher(SYNONYMS)
    found = matcher.entry_synonyms(["Kvällskurs i svenska för invandrare", "Språkstöd"],
                                   ["Efter kursen kan du söka praktikplatser."])
    assert found.strong == SYNONYMS.groups[0]
    assert found.other == SYNONYMS.groups[1]
    # A page that shows the Swedish text leaves out what it already says; a translated page gets all.
    assert synonym_words(found, shows_swedish=True) == ("sfi, svenskundervisning", "praktik, arbetspraktik")
    assert synonym_words(found, shows_swedish=False) == (
        "sfi, svenska för invandrare, svenskundervisning", "praktik, arbetspraktik, praktikplats")


def test_without_synonyms_nothing_is_added():
    assert SynonymMatcher(Synonyms()).entry_synonyms(["Kurs i svenska för invandrare"], []) == \
        SynonymMatcher(Synonyms()).entry_synonyms([], [])


@pytest.fixture(scope="module")
def synonym_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synonym-catalogue") / "catalogue"
    shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
    shutil.copy(SAMPLE / "owners.yml", root / "owners.yml")
    shutil.copy(SAMPLE / "region.yml", root / "region.yml")
    shutil.copy(SAMPLE / "synonyms.yml", root / "synonyms.yml")
    write(root / "huddinge/kvallskurs.yml", SFI_ENTRY + """\
keywords: [kvällskurs]
translations:
  en:
    title: Evening course in Swedish for immigrants
    summary: Swedish two evenings a week.
    description: After the course you can look for work placements.
""")
    write(root / "huddinge/sprakcafe.yml", VALID_ENTRY)
    out = tmp_path_factory.mktemp("synonym-site") / "output"
    write_site(load_catalogue(root, today=TODAY), out, search_index=False)
    return out


def hidden_paragraphs(html: str) -> list[tuple[str, str]]:
    """(attributes, text) of the hidden paragraphs inside the entry's data-pagefind-body."""
    body = html.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
    return re.findall(r"<p hidden([^>]*)>([^<]*)</p>", body)


def test_entry_pages_carry_no_synonym_text_and_the_search_page_carries_the_groups(synonym_site):
    # Synonyms are expanded at query time (theme/static/js/synonyms.js): an entry page holds only its own words,
    # so no entry gains words it does not mean and no snippet shows text the page does not.
    for page in ("insats/huddinge/kvallskurs/index.html", "en/insats/huddinge/kvallskurs/index.html"):
        hidden = dict(hidden_paragraphs((synonym_site / page).read_text("utf-8")))
        assert all("svenskundervisning" not in text and "arbetspraktik" not in text for text in hidden.values())
    search = (synonym_site / "sok/index.html").read_text("utf-8")
    setup = json.loads(re.search(r'id="search-synonyms">([^<]*)<', search).group(1))
    assert ["sfi", "svenska för invandrare", "svenskundervisning", "svenskkurs", "svenska för nyanlända"] in setup["groups"]
    # Only words the entries use stand in for a typed one: Pagefind would search "svenskkurs" as "svensk".
    assert "svenska för invandrare" in setup["present"] and "svenskkurs" not in setup["present"]


def test_entry_pages_weight_the_title_above_keywords_and_category_above_summary_above_provider(synonym_site):
    html = (synonym_site / "insats/huddinge/kvallskurs/index.html").read_text("utf-8")
    weights = {name: float(re.search(pattern, html).group(1)) for name, pattern in {
        "title": r'<h1[^>]*data-pagefind-weight="([\d.]+)"',
        "category": r'class="eyebrow" data-pagefind-weight="([\d.]+)"',
        "keywords": r'<p hidden data-pagefind-weight="([\d.]+)"',
        "summary": r'class="lead"[^>]*data-pagefind-weight="([\d.]+)"',
        "provider": r'<dd data-pagefind-weight="([\d.]+)">',
    }.items()}
    assert weights["title"] > weights["category"] == weights["keywords"] > weights["summary"] > 1 > weights["provider"]
    # The municipality and provider are metadata and a filter without text: never searched, never in a snippet.
    assert re.search(r'<span data-pagefind-meta="where:[^"]+" hidden></span>', html)
    assert re.search(r'<span data-pagefind-filter="anordnare:[^"]+" hidden></span>', html)


# --- the word list --------------------------------------------------------------------------------


def test_the_word_list_counts_entries_per_word_and_keeps_the_most_used_within_its_budget():
    counts = Counter({"svenska": 40, "bibliotek": 12, "praktik": 12, "sällsynt": 1, "ovanlig": 1})
    assert word_list(counts) == {"words": [[40, "svenska"], [12, "bibliotek praktik"], [1, "ovanlig sällsynt"]]}
    small = word_list(counts, budget=len(serialise({"words": [[40, "svenska"], [12, "bibliotek praktik"]]})))
    assert small == {"words": [[40, "svenska"], [12, "bibliotek praktik"]]}


def test_the_site_has_a_word_list_per_language_with_the_pages_words_and_synonyms(synonym_site):
    lists = {}
    for prefix in ("", "en/", "ar/"):
        path = synonym_site / prefix / "sok/ordlista.json"
        assert path.stat().st_size <= WORD_LIST_BUDGET
        lists[prefix] = {word: count for count, words in json.loads(path.read_text("utf-8"))["words"]
                         for word in words.split(" ")}
    swedish = lists[""]
    assert swedish["svenska"] == 2 and swedish["invandrare"] == 1 and swedish["tisdag"] == 1
    assert swedish["svenskundervisning"] == 1  # a synonym the search finds is a word a correction may pick
    assert "evening" in lists["en/"] and "evening" not in swedish
    words = set().union(*map(set, lists.values()))
    assert not [w for w in words if len(w) < 3 or re.search(r"[\d@._]", w)]  # no numbers, addresses


def test_the_sample_word_lists_stay_within_50_kb(sample_build):
    sizes = {prefix: (sample_build / prefix / "sok/ordlista.json").stat().st_size for prefix in ("", "en", "ar")}
    print(f"\nword lists of the sample (bytes): {sizes}")
    assert max(sizes.values()) <= 50 * 1024


def test_the_search_page_names_the_providers_a_synonym_group_names_and_other_languages_category_labels(sample_build):
    # theme/static/js/synonyms.js ranks the entries of a provider the query names ("af") and of the categories
    # a word of the query names first; the page carries what it needs, so deciding costs no request.
    html = (sample_build / "sok/index.html").read_text("utf-8")
    setup = json.loads(re.search(r'id="search-synonyms">([^<]*)<', html).group(1))
    assert setup["providers"] == ["Arbetsförmedlingen", "Försäkringskassan"]  # "af", "fk"; not "Svenska kyrkan"
    languages = json.loads(re.search(r'id="search-languages">([^<]*)<', html).group(1))
    english = next(language for language in languages if language["lang"] == "en")
    assert ["sfi", "SFI – Swedish for immigrants"] in english["categories"]
    assert 'value="sfi"' in html and "SFI – svenska för invandrare" in html  # the page's own labels: the filter


def test_the_search_page_knows_the_catalogues_misspellings_and_sends_no_referrer(sample_build):
    html = (sample_build / "sok/index.html").read_text("utf-8")
    embedded = re.search(r'<script type="application/json" id="search-misspellings">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1)) == load_catalogue(SAMPLE, today=TODAY).synonyms.misspellings
    assert '<meta name="referrer" content="no-referrer">' in html
    assert 'data-word-list="/sok/ordlista.json"' in html
    assert 'data-word-list="/ar/sok/ordlista.json"' in (sample_build / "ar/sok/index.html").read_text("utf-8")
    assert '<meta name="referrer" content="same-origin">' in (sample_build / "index.html").read_text("utf-8")


# --- beacons and the access log -------------------------------------------------------------------


def script_code(path: Path) -> str:
    """A script without its comments."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//"))


def test_every_page_carries_the_sites_contract_and_the_scripts_keep_no_copy_of_it(sample_build):
    for page in ("index.html", "en/sok/index.html", "ar/lista/index.html", "for-mig/index.html"):
        html = (sample_build / page).read_text(encoding="utf-8")
        setup = re.search(r'<script type="application/json" id="site-setup">(.*?)</script>', html, re.S)
        assert setup and json.loads(setup.group(1)) == urls.script_setup(), page
    assert urls.script_setup()["beacons"] == {"search": "/sok/logg.gif", "click": "/sok/klick.gif",
                                              "profile": "/sok/profil.gif", "handout": "/sok/lista.gif"}
    scripts = {path.name: script_code(path) for path in (THEME_DIR / "static" / "js").glob("*.js")}
    assert "beacons.js" in scripts and "site.js" in scripts
    copies = ["logg.gif", "klick.gif", "profil.gif", "lista.gif", '"antal"', '"satt"', "utskrift", "ordlista", "/sok/", "insats/", "lista/", '"exakt"', '"corrected"', urls.FREE,
              urls.RESIDENCE_STATUS, urls.CATEGORY, urls.TARGET_GROUP, f'"{urls.LANGUAGE}"']
    found = [(name, copy) for name, code in scripts.items() for copy in copies if copy in code]
    assert found == []




@pytest.mark.parametrize("name", ["logg.gif", "klick.gif", "profil.gif", "lista.gif"])
def test_the_beacons_are_a_transparent_pixel(sample_build, name):
    data = (sample_build / "sok" / name).read_bytes()
    assert data == TRANSPARENT_GIF
    image = Image.open(io.BytesIO(data))
    assert image.format == "GIF" and image.size == (1, 1)
    assert image.convert("RGBA").getpixel((0, 0))[3] == 0


def test_the_local_server_logs_requests_in_combined_log_format(sample_build, tmp_path):
    log = io.StringIO()
    server = site_server(sample_build, "127.0.0.1", 0, access_log=log)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    agent = 'Mozilla/5.0 (X11; Linux x86_64) "quoted" Chrome/126.0'
    try:
        for path in ("/sok/logg.gif?q=sfi%20kv%C3%A4ll&n=4&lang=sv&kommun=haninge&_=abc",
                     "/sok/klick.gif?q=sfi&to=haninge%2Fsfi-distans&pos=1&_=abd"):
            request = urllib.request.Request(base + path, headers={"User-Agent": agent, "Referer": base + "/sok/"})
            with urllib.request.urlopen(request) as response:
                assert response.read() == TRANSPARENT_GIF
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(base + "/finns-inte/")
    finally:
        server.shutdown()
        server.server_close()
    lines = log.getvalue().splitlines()
    assert len(lines) == 3
    parser = apachelogs.LogParser(apachelogs.COMBINED)
    first = parser.parse(lines[0])
    assert first.request_line == "GET /sok/logg.gif?q=sfi%20kv%C3%A4ll&n=4&lang=sv&kommun=haninge&_=abc HTTP/1.1"
    assert (first.final_status, first.bytes_sent) == (200, len(TRANSPARENT_GIF))
    assert '\\x22quoted\\x22' in lines[0]  # escaped as nginx does, and read back by a log parser
    assert first.headers_in["User-Agent"] == agent
    assert first.headers_in["Referer"] == base + "/sok/"
    assert parser.parse(lines[2]).final_status == 404
    assert all(LOG_LINE.fullmatch(line) for line in lines)
    # ... and ingests: the searches and clicks the site's beacons record.
    path = tmp_path / "access.log"
    path.write_text(log.getvalue(), encoding="utf-8")
    report = ingest([path], tmp_path / "stats.db")
    assert (report.total("new_searches"), report.total("new_clicks"), report.total("other_requests")) == (1, 1, 1)
