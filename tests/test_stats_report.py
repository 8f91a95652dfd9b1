"""`insatsbas stats report`: a static page of SVG charts with tables, and queries only above a threshold."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from insatsbas.reader import load_catalogue
from insatsbas.stats.ingest import ingest
from insatsbas.stats.report import write_report
from tests.conftest import SAMPLE, TODAY
from tests.logfactory import STOCKHOLM, rotated_scenario, search_line, write_log

SVG = "{http://www.w3.org/2000/svg}"


class Page(HTMLParser):
    """The parts of the page the tests look at."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.images: list[dict[str, str]] = []
        self.figures = 0
        self.figcaptions = 0
        self.tables = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))
        self.figures += tag == "figure"
        self.figcaptions += tag == "figcaption"
        self.tables += tag == "table"

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    scenario = rotated_scenario(folder, count=4000)
    ingest(scenario.files, folder / "stats.db")
    return write_report(folder / "stats.db", load_catalogue(SAMPLE, today=TODAY), folder / "output")


def parse(page: Path) -> Page:
    parsed = Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def test_the_page_has_a_figure_with_caption_image_and_table_for_every_chart(report: Path):
    page = parse(report)
    assert page.figures == page.figcaptions == len(page.images) == 5
    assert page.tables >= page.figures + 2
    assert "script" not in page.tags
    for image in page.images:
        assert (report.parent / image["src"]).exists()
        assert image["alt"]


def test_charts_are_svg_with_text_kept_as_text(report: Path):
    for svg in sorted(report.parent.glob("*.svg")):
        root = ElementTree.parse(svg).getroot()
        assert root.tag == f"{SVG}svg"
        texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
        assert texts, svg.name
        assert root.iter(f"{SVG}path") and len(list(root.iter(f"{SVG}path"))) > 3
    municipalities = ElementTree.parse(report.parent / "sokningar-per-kommun.svg").getroot()
    labels = {"".join(t.itertext()) for t in municipalities.iter(f"{SVG}text")}
    assert {"Huddinge", "Södertälje", "Ingen kommun vald"} <= labels
    languages = ElementTree.parse(report.parent / "sokningar-per-sprak.svg").getroot()
    assert {"Svenska", "Engelska", "Arabiska"} <= {"".join(t.itertext()) for t in languages.iter(f"{SVG}text")}


def test_the_kpi_table_is_labelled_as_example_figures(report: Path):
    text = " ".join(parse(report).text)
    assert "Sökningar och profiler per nyanländ vuxen på Södertörn" in text
    assert "EXEMPELSIFFROR" in text
    assert "Nykvarn" in text and "Värmdö" in text


def table_rows(page: Path, caption: str) -> list[list[str]]:
    """The rows of the one table with this caption (asserting there is exactly one), as cell texts."""
    html = page.read_text(encoding="utf-8")
    tables = re.findall(rf"<table>\s*<caption>{re.escape(caption)}</caption>(.*?)</table>", html, re.S)
    assert len(tables) == 1, f"{len(tables)} tables captioned {caption!r}"
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).replace("\u00a0", " ").strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", tables[0], re.S)]


def whole(text: str) -> int:
    return int(re.sub(r"\s", "", text))


def test_the_region_wide_key_figure_counts_every_search_and_says_no_data_and_which_months(report: Path):
    rows = table_rows(report, "Sökningar och profiler per nyanländ vuxen på Södertörn, per år (exempelsiffror)")
    header, *years = rows
    assert header[:6] == ["År", "Period med uppgifter", "Sökningar", "Profiler på För mig", "Nyanlända vuxna",
                          "Per nyanländ vuxen"]
    assert years[0] == ["2025", "inga uppgifter", "inga uppgifter", "inga uppgifter", "2 025", "inga uppgifter",
                        "inga uppgifter"]
    year, period, searches, profiles, adults, per_adult, unattributed = years[1]
    assert (year, period) == ("2026", "september–november 2026 (3 av 12 månader)")
    total = whole(re.search(r"<strong>([\d\s]+)</strong> sökningar", report.read_text("utf-8")).group(1))
    assert whole(searches) == total  # every search, not only filtered ones
    assert per_adult == f"{total / 1885:.2f}".replace(".", ",")
    assert unattributed.endswith("%") and 50 < float(unattributed[:-2].replace(",", ".")) < 90
    assert "0,00" not in " ".join(" ".join(row) for row in rows)


def test_per_municipality_counts_only_attributed_uses_and_no_table_appears_twice(report: Path):
    rows = table_rows(report, "Per kommun: sökningar och profiler per nyanländ vuxen (EXEMPELSIFFROR)")
    nykvarn_2025 = next(row for row in rows if row[:2] == ["Nykvarn", "2025"])
    assert nykvarn_2025[2:] == ["inga uppgifter", "inga uppgifter", "inga uppgifter", "25", "inga uppgifter"]
    region = table_rows(report, "Sökningar och profiler per nyanländ vuxen på Södertörn, per år (exempelsiffror)")
    region_searches = whole(region[2][2])
    attributed = sum(whole(row[3]) for row in rows[1:] if row[1] == "2026")
    unattributed_share = float(region[2][6][:-2].replace(",", ".")) / 100
    assert abs(attributed / region_searches - (1 - unattributed_share)) < 0.001
    captions = re.findall(r"<caption>(.*?)</caption>", report.read_text(encoding="utf-8"))
    assert len(captions) == len(set(captions))


def test_a_figure_resting_on_few_uses_is_marked_uncertain(tmp_path: Path):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=STOCKHOLM)
    lines = [search_line(start + timedelta(minutes=i), "sfi", 3, kommun="nykvarn", ip=f"203.0.113.{i}")
             for i in range(12)]
    lines += [search_line(start + timedelta(days=1, minutes=i), "sfi", 3, kommun="huddinge", ip=f"198.51.100.{i}")
              for i in range(40)]
    ingest([write_log(tmp_path / "access.log", lines)], tmp_path / "stats.db")
    page = write_report(tmp_path / "stats.db", load_catalogue(SAMPLE, today=TODAY), tmp_path / "out")
    rows = {row[0]: row for row in table_rows(page, "Per kommun: sökningar och profiler per nyanländ vuxen "
                                                    "(EXEMPELSIFFROR)")[1:] if row[1] == "2026"}
    assert rows["Nykvarn"][2] == "mars 2026 (1 av 12 månader)"
    assert rows["Nykvarn"][6] == "0,60 (osäker)"
    assert rows["Huddinge"][6] == "0,11"
    assert rows["Botkyrka"][3:5] == ["0", "0"]  # a year with data: nothing attributed is a real 0
    assert rows["Botkyrka"][6] == "0,00 (osäker)"


def test_the_page_is_swedish(report: Path):
    html = report.read_text(encoding="utf-8")
    assert '<html lang="sv">' in html
    assert "Sökningar per månad" in html and "Vanligaste sökningarna utan träffar" in html


def small_log(folder: Path) -> Path:
    start = datetime(2026, 10, 5, 9, 0, tzinfo=STOCKHOLM)
    lines = [search_line(start + timedelta(minutes=i), "vanligt sökord", 0, ip=f"203.0.113.{i}") for i in range(5)]
    lines += [search_line(start + timedelta(minutes=i), "sällsynt sökord", 0, ip=f"198.51.100.{i}") for i in range(4)]
    lines += [search_line(start + timedelta(hours=1), "sfi", 12, kommun="huddinge")]
    return write_log(folder / "access.log", lines)


def test_queries_appear_only_when_enough_searches_share_them(tmp_path: Path):
    ingest([small_log(tmp_path)], tmp_path / "stats.db")
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    page = write_report(tmp_path / "stats.db", catalogue, tmp_path / "out").read_text(encoding="utf-8")
    assert "vanligt sökord" in page
    assert "sällsynt sökord" not in page
    page = write_report(tmp_path / "stats.db", catalogue, tmp_path / "out", min_count=4).read_text(encoding="utf-8")
    assert "sällsynt sökord" in page


def test_report_command_writes_the_page_and_replaces_the_previous_one(tmp_path: Path):
    ingest([small_log(tmp_path)], tmp_path / "stats.db")
    (tmp_path / "out" / "statistik").mkdir(parents=True)
    (tmp_path / "out" / "statistik" / "old.svg").write_text("<svg/>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["stats", "report", "--db", str(tmp_path / "stats.db"), "--out",
                                      str(tmp_path / "out"), "--catalogue", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "statistik" / "index.html").exists()
    assert not (tmp_path / "out" / "statistik" / "old.svg").exists()
    assert "Statistiksidan är skriven" in result.output


def test_report_command_without_a_database_says_what_to_do(tmp_path: Path):
    result = CliRunner().invoke(cli, ["stats", "report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "Kör först insatsbas stats ingest" in result.output


def test_counts_agree_in_number_with_their_noun(tmp_path: Path):
    log = write_log(tmp_path / "access.log", [
        search_line(datetime(2026, 10, 5, 9, 0, tzinfo=STOCKHOLM), "sfi", 12, kommun="huddinge")])
    ingest([log], tmp_path / "stats.db")
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    page = write_report(tmp_path / "stats.db", catalogue, tmp_path / "out", min_count=1).read_text(encoding="utf-8")
    text = " ".join(page.split())
    assert "<strong>1</strong> sökning," in text
    assert "minst 1 sökning har samma ord" in text
    assert "1 sökningar" not in text
