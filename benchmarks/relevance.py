"""Search relevance on the sample catalogue (issue 16): the judged queries of tests/relevance.py typed into
the real search page (/sok/, /en/sok/, /ar/sok/) in Debian's Chromium, the results read off the page.

    python benchmarks/relevance.py [--site BUILT_SITE] [--json FILE] [--deep N]

Without --site the sample catalogue is built (with the tests' TODAY) into a temporary folder. Prints, per
query, nDCG@10 and the rank of the first relevant result (looking through up to --deep results, default
30, by pressing "Visa fler träffar"), then the mean nDCG@10, how many queries have their first relevant
result in the top 3, and the goal: nDCG@10 >= 0.9 and the first relevant result in the top 3 everywhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from insatsbas.serve import served  # noqa: E402
from tests.relevance import JUDGMENTS, Judged, first_relevant, ndcg  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
TODAY = "2026-11-22"
GOAL_NDCG = 0.9
GOAL_FIRST = 3


def search_url(judged: Judged) -> str:
    prefix = "" if judged.lang == "sv" else f"/{judged.lang}"
    return f"{prefix}/sok/?q={quote(judged.query)}"


def ranked_ids(page, judged: Judged, deep: int) -> list[str]:
    """The entry ids the page lists for the judged query, in order, showing more until `deep` or the end."""
    page.goto(search_url(judged))
    page.wait_for_selector("body[data-search-ready]")
    page.wait_for_function("() => !document.getElementById('results').hasAttribute('aria-busy')")
    while True:
        ids = page.eval_on_selector_all("#results > li", "items => items.map(item => item.dataset.id)")
        more = page.locator("#more-results")
        if len(ids) >= deep or not more.is_visible() or first_relevant(ids, judged.grades):
            return ids
        more.click()
        page.wait_for_function("n => document.querySelectorAll('#results > li').length > n", arg=len(ids))


def measure(site_url: str, browser, deep: int = 30) -> list[dict]:
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    rows = []
    try:
        for judged in JUDGMENTS:
            ids = ranked_ids(page, judged, deep)
            rows.append({
                "query": judged.query, "lang": judged.lang, "kind": judged.kind,
                "ndcg10": round(ndcg(ids, judged.grades), 3), "first_relevant": first_relevant(ids, judged.grades),
                "top10": ids[:10], "status": page.text_content("#search-status"),
                "correction": page.text_content("#search-correction") if page.is_visible("#search-correction") else "",
            })
    finally:
        context.close()
    return rows


def summary(rows: list[dict]) -> dict:
    mean = statistics.fmean(row["ndcg10"] for row in rows)
    in_top = sum(1 for row in rows if row["first_relevant"] and row["first_relevant"] <= GOAL_FIRST)
    return {"queries": len(rows), "mean_ndcg10": round(mean, 3), "first_relevant_in_top3": in_top,
            "goal_met": mean >= GOAL_NDCG and in_top == len(rows)}


def print_table(rows: list[dict], totals: dict) -> None:
    print(f"{'lang':4} {'kind':12} {'query':24} {'nDCG@10':>7} {'first':>5}  shown")
    for row in rows:
        first = row["first_relevant"] or "-"
        note = row["correction"] or row["status"]
        print(f"{row['lang']:4} {row['kind']:12} {row['query']:24} {row['ndcg10']:7.3f} {first!s:>5}  {note}")
    print(f"\nmean nDCG@10 {totals['mean_ndcg10']:.3f} over {totals['queries']} queries (goal >= {GOAL_NDCG}); "
          f"first relevant in the top {GOAL_FIRST}: {totals['first_relevant_in_top3']}/{totals['queries']}; "
          f"goal {'met' if totals['goal_met'] else 'not met'}")


@contextmanager
def sample_site(site: Path | None) -> Iterator[Path]:
    if site is not None:
        yield site
        return
    from datetime import date

    from insatsbas.build import build

    with tempfile.TemporaryDirectory(prefix="relevance-") as folder:
        out = Path(folder) / "site"
        build(REPO / "catalogue", out, today=date.fromisoformat(TODAY))
        yield out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built sample site (default: build the sample)")
    parser.add_argument("--json", type=Path, help="write the rows and the summary here")
    parser.add_argument("--deep", type=int, default=30, help="look this far for the first relevant result")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sample_site(args.site) as site, served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            rows = measure(url, browser, args.deep)
        finally:
            browser.close()
    totals = summary(rows)
    print_table(rows, totals)
    if args.json:
        args.json.write_text(json.dumps({"summary": totals, "rows": rows}, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return totals


if __name__ == "__main__":
    main()
