"""`insatsbas stats report`: OUT/statistik/index.html, a static page of SVG charts with data tables.

No JavaScript: each chart is an SVG image inside a <figure> with a <figcaption> and the same numbers
as a table. Queries appear only when at least `min_count` searches share them. The page is written to
a staging folder and swapped into place, so a failed report leaves the previous one.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from jinja2 import Environment, PackageLoader, select_autoescape

from insatsbas.model import Catalogue
from insatsbas.staging import staging
from insatsbas.stats import charts
from insatsbas.stats.figures import DEFAULT_MIN_COUNT, NO_MUNICIPALITY, UNCERTAIN_BELOW, Figures, Kpi, read_figures

REPORT_FOLDER = "statistik"
LOCALE = "sv_SE"


@dataclass(frozen=True)
class Chart:
    file: str
    title: str
    description: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]


def number(value: float, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def plural(count: int, one: str, many: str) -> str:
    """The Swedish noun form for `count`: "1 sökning", "2 sökningar" (the report is in Swedish only)."""
    return one if count == 1 else many


def percent(part: int, whole: int) -> str:
    return format_percent(part / whole if whole else 0, format="#,##0.0 %", locale=LOCALE)


def month_label(month: str) -> str:
    year, number_ = month.split("-")
    return format_date(date(int(year), int(number_), 1), "MMM y", locale=LOCALE)


NO_DATA = "inga uppgifter"


def period_label(kpi: Kpi) -> str:
    """"hela 2025", "september–november 2026 (3 av 12 månader)", or "inga uppgifter"."""
    if not kpi.months:
        return NO_DATA
    if not kpi.partial:
        return f"hela {kpi.year}"
    first, last = (format_date(date(kpi.year, month, 1), "LLLL", locale=LOCALE) for month in
                   (kpi.months[0], kpi.months[-1]))
    span = first if first == last else f"{first}–{last}"
    return f"{span} {kpi.year} ({len(kpi.months)} av 12 månader)"


def count_or_none(value: int | None) -> str:
    return NO_DATA if value is None else number(value)


def kpi_value(kpi: Kpi) -> str:
    """The per-person figure with two decimals, marked when it rests on few uses."""
    if kpi.per_adult is None:
        return NO_DATA
    return number(kpi.per_adult, 2) + (" (osäker)" if kpi.uncertain else "")


def write_report(db_path: Path, catalogue: Catalogue, out: Path, *, min_count: int = DEFAULT_MIN_COUNT) -> Path:
    """Write OUT/statistik/ from stats.db; returns the path of index.html."""
    db = sqlite_utils.Database(db_path)
    try:
        figures = read_figures(db, catalogue.newcomers, min_count)
    finally:
        db.close()
    target = out / REPORT_FOLDER
    with staging(target) as stage:
        chart_list = draw_charts(figures, catalogue, stage)
        html = render_page(figures, catalogue, chart_list)
        (stage / "index.html").write_text(html, encoding="utf-8")
        shutil.copy(Path(__file__).parent / "templates" / "statistik.css", stage / "statistik.css")
    return target / "index.html"


def municipality_label(catalogue: Catalogue, slug: str) -> str:
    if slug == NO_MUNICIPALITY:
        return "Ingen kommun vald"
    term = catalogue.vocabularies.municipalities.get(slug)
    return term.label_in("sv") if term else slug


def language_label(catalogue: Catalogue, code: str) -> str:
    if not code:
        return "Okänt"
    term = catalogue.vocabularies.languages.get(code)
    return term.label_in("sv") if term else code


def draw_charts(figures: Figures, catalogue: Catalogue, folder: Path) -> list[Chart]:
    if not figures.months:
        return []
    months = [month_label(m.month) for m in figures.months]
    with_results = [m.searches - m.without_results for m in figures.months]
    without = [m.without_results for m in figures.months]
    result = []
    charts.bar_chart(folder / "sokningar-per-manad.svg", months, with_results, stacked=without,
                     main_label="Med träffar", stacked_label="Utan träffar", ylabel="Sökningar")
    result.append(Chart(
        "sokningar-per-manad.svg", "Sökningar per månad",
        "Staplar per månad: sökningar med träffar, och ovanpå dem sökningar utan träffar.",
        ("Månad", "Sökningar", "Utan träffar", "Andel utan träffar"),
        [(label, number(m.searches), number(m.without_results), percent(m.without_results, m.searches))
         for label, m in zip(months, figures.months, strict=True)],
    ))
    charts.line_chart(folder / "andelar-per-manad.svg", months, {
        "Andel utan träffar": [m.without_results / m.searches if m.searches else 0 for m in figures.months],
        "Klick per sökning": [m.clicks / m.searches if m.searches else 0 for m in figures.months],
    }, ylabel="Andel", percent=True)
    result.append(Chart(
        "andelar-per-manad.svg", "Sökningar utan träffar och klick per sökning",
        "Linjer per månad: andelen sökningar som inte gav någon träff, och antalet klick på en träff per sökning.",
        ("Månad", "Andel utan träffar", "Klick", "Klick per sökning"),
        [(label, percent(m.without_results, m.searches), number(m.clicks), percent(m.clicks, m.searches))
         for label, m in zip(months, figures.months, strict=True)],
    ))
    municipalities = list(figures.municipalities.items())
    labels = [municipality_label(catalogue, slug) for slug, _ in municipalities]
    charts.bar_chart(folder / "sokningar-per-kommun.svg", labels, [n for _, n in municipalities],
                     ylabel="Sökningar", horizontal=True)
    result.append(Chart(
        "sokningar-per-kommun.svg", "Sökningar per vald kommun",
        "Liggande staplar: hur många sökningar som gjordes med varje kommun vald i filtret.",
        ("Kommun", "Sökningar"), [(label, number(n)) for label, (_, n) in zip(labels, municipalities, strict=True)],
    ))
    languages = list(figures.languages.items())
    labels = [language_label(catalogue, code) for code, _ in languages]
    charts.bar_chart(folder / "sokningar-per-sprak.svg", labels, [n for _, n in languages], ylabel="Sökningar")
    result.append(Chart(
        "sokningar-per-sprak.svg", "Sökningar per språk på webbplatsen",
        "Staplar: hur många sökningar som gjordes med webbplatsen på varje språk.",
        ("Språk", "Sökningar"), [(label, number(n)) for label, (_, n) in zip(labels, languages, strict=True)],
    ))
    with_data = [k for k in figures.kpis if k.uses is not None]
    if with_data:
        latest = max(k.year for k in with_data)
        rows = [k for k in with_data if k.year == latest]
        labels = [municipality_label(catalogue, k.municipality) + (" (osäker)" if k.uncertain else "") for k in rows]
        example = " (EXEMPELSIFFROR)" if catalogue.newcomers.example else ""
        region = next((k for k in figures.region_kpis if k.year == latest), None)
        unattributed = (f" {percent(region.unattributed, region.uses)} av sökningarna och profilerna {latest} "
                        "valde ingen enskild kommun och räknas bara i regionens tal.") if region and region.uses else ""
        charts.bar_chart(folder / "sokningar-per-nyanland.svg", labels, [k.per_adult or 0 for k in rows],
                         ylabel=f"Sökningar och profiler per nyanländ vuxen, {period_label(rows[0])}{example}",
                         horizontal=True, goal=1.0, goal_label="Målet: en per person")
        result.append(Chart(
            "sokningar-per-nyanland.svg", f"Per kommun: sökningar och profiler per nyanländ vuxen{example}",
            "Liggande staplar per kommun: sökningar med just den kommunen vald i filtret och profiler på För mig "
            "med kommunen, delat med antalet nyanlända vuxna som kommunen tog emot. Den streckade linjen är "
            f"målet, en per person.{unattributed}",
            ("Kommun", "År", "Period", "Sökningar med kommunen", "Profiler", "Nyanlända vuxna", "Per nyanländ vuxen"),
            [(municipality_label(catalogue, k.municipality), str(k.year), period_label(k), count_or_none(k.searches),
              count_or_none(k.profiles), number(k.adults), kpi_value(k)) for k in figures.kpis],
        ))
    return result


def render_page(figures: Figures, catalogue: Catalogue, chart_list: list[Chart]) -> str:
    environment = Environment(loader=PackageLoader("insatsbas.stats", "templates"),
                              autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("statistik.html").render(
        figures=figures, charts=chart_list, newcomers=catalogue.newcomers, number=number, plural=plural, percent=percent,
        period_label=period_label, count_or_none=count_or_none, kpi_value=kpi_value, uncertain_below=UNCERTAIN_BELOW,
        month_label=month_label, in_region=catalogue.region.in_region_in("sv"),
        municipality=lambda slug: municipality_label(catalogue, slug),
        period=(month_label(figures.months[0].month), month_label(figures.months[-1].month)) if figures.months else None,
    )
