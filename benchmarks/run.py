"""Build and search at scale (issue 6): build the generated catalogue, measure, compare with the targets.

    python benchmarks/run.py [--sizes 1000 5000 29000] [--json FILE] [--runs N] [--ingest-lines N]

For each size: the catalogue from benchmarks/generate.py (cached in benchmarks/out/catalogue-N), then
- the full build (`insatsbas.build.build`) in a fresh process, `--runs` times (medians): wall time per
  phase from BuildResult.timings, peak memory, output size and file count;
- the full builds pass `full=True` (a build over a previous output is incremental by default);
- a rebuild after changing one entry: incremental over the last full build's output, with what it
  rendered and reused;
- search in Debian's Chromium (Playwright) on /sok/ served by the project's threaded static server, as
  this machine runs it, then with the CPU throttled 4x ("throttled_"), then also on a mid-range phone's
  network ("phone_"): the time to the first result painted and to the whole result;
- bare Pelican (a minimal theme, one Markdown page per HTML page of our site, with its text) and bare
  Pagefind (the CLI on our site's HTML, index written elsewhere), each in a fresh process;
and once `stats ingest` on a generated access log (benchmarks/ingest_bench.py) and the relevance judgments on
the sample (benchmarks/relevance.py), so a faster search is never bought with worse results. Results go to a
table on stdout and to JSON (default benchmarks/out/results.json).

Throttling: Chromium throttles only a page's main thread (DevTools answers "Operation is only supported for
pages, not workers" for a worker), and Pagefind searches in a web worker when it can. The throttled runs
therefore hide `Worker` from the page, so that Pagefind runs its WebAssembly on the throttled main thread:
the same work, all of it slowed 4x, as on a phone whose every core is that much slower.

Memory is measured without psutil: each measured command runs as a child of this process and os.wait4()
returns its resource usage, whose ru_maxrss is the peak RSS of that process or its largest waited-for
descendant (the kernel keeps the maximum, not a sum). The build process reports its own peak and its
children's (Pagefind) separately; the build's peak is their sum, an upper bound, because the Python
process stays alive (holding the catalogue and the site) while Pagefind runs.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # `python benchmarks/run.py` must use this checkout's insatsbas

OUT = REPO / "benchmarks" / "out"
DEFAULT_SIZES = (1000, 5000)
CHROMIUM = "/usr/bin/chromium"
# The same launch arguments as tests/browser/conftest.py.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
# A word in almost every entry and one in about one in 300 (benchmarks/corpus.py), each followed in the
# same page by a second search of the same kind.
SEARCHES = {"common": ("svenska", "kommun"), "rare": ("simundervisning", "schack")}
SEARCH_TIMEOUT_MS = 300_000
CPU_SLOWDOWN = 4  # a mid-range phone against this machine (Lighthouse's mobile default)
# Lighthouse's "mid-tier mobile" network (Slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), in the
# values it uses for DevTools throttling, which applies them per request.
PHONE_NETWORK = {"offline": False, "latency": 562.5, "downloadThroughput": 1474.56 * 1024 / 8,
                 "uploadThroughput": 607.5 * 1024 / 8}
# Each search setting: the prefix of its keys, the CPU slowdown, the network conditions.
SEARCH_SETTINGS = (("", 1, None), ("throttled_", CPU_SLOWDOWN, None), ("phone_", CPU_SLOWDOWN, PHONE_NETWORK))
HIDE_WORKER = "delete window.Worker;"
HUGO_MS_PER_PAGE = 0.56  # Hugo on the same pages, measured 2026-11-22 on this machine kind (issue 17)
SKIPPED_DIRS = {"pagefind", "data", "whoosh", "theme"}

TARGETS = {  # name: (limit, unit, what); all "at most" except ingest
    "build_seconds": (120.0, "s", "full build"),
    "ms_per_page": (1.5, "ms", "full build per HTML page"),
    "build_over_bare": (1.2, "x", "full build / (bare Pelican + bare Pagefind)"),
    "peak_rss_over_bare_pagefind": (1.0, "x", "build peak memory / bare Pagefind peak memory"),
    "rebuild_seconds": (10.0, "s", "rebuild after changing one entry"),
    "rebuild_published_seconds": (10.0, "s", "rebuild after changing one entry, until the new site is served"),
    "common_first_ms": (300.0, "ms", "first common search"),
    "throttled_common_first_ms": (1000.0, "ms", "first common search, 4x CPU, to the first result painted"),
    "common_second_ms": (300.0, "ms", "second common search"),
    "rare_first_ms": (100.0, "ms", "first rare search"),
    "rare_second_ms": (100.0, "ms", "second rare search"),
    "common_first_kb": (300.0, "KB", "bytes of the first common search"),
    "rare_first_kb": (300.0, "KB", "bytes of the first rare search"),
}
INGEST_TARGET = 100_000.0


# --- processes --------------------------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path = REPO) -> tuple[float, int]:
    """Run `command` to the end; its wall seconds and peak RSS in KB (os.wait4). Raises on failure."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n"
                               f"{errors.read().decode(errors='replace')[-4000:]}")
    return seconds, usage.ru_maxrss


def child_build(catalogue: Path, out: Path, report: Path, incremental: bool = False) -> None:
    """Run in a fresh process by measure_build: one build, its timings and peak memory as JSON."""
    from benchmarks.generate import DEFAULT_TODAY
    from insatsbas.build import build
    from insatsbas.sources.problems import CatalogueInvalid
    try:
        result = build(catalogue, out, today=DEFAULT_TODAY, full=not incremental)
    except CatalogueInvalid as invalid:
        sys.exit("\n".join(problem.render("en") for problem in invalid.problems[:20]))
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    report.write_text(json.dumps({"timings": result.timings, "rss_self_kb": own.ru_maxrss,
                                  "rss_children_kb": children.ru_maxrss, "incremental": result.incremental,
                                  "pages_rendered": result.pages_rendered, "pages_reused": result.pages_reused,
                                  "changed_pages": len(result.changed_pages or ()),
                                  "reused_projections": result.reused_projections,
                                  "updated_projections": result.updated_projections,
                                  "entries_read": result.entries_read}), encoding="utf-8")


def measure_build(catalogue: Path, out: Path, *, incremental: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "build.json"
        wall, _ = run_measured([sys.executable, str(Path(__file__).resolve()), "--child-build",
                                str(catalogue), str(out), str(report), *(["--child-incremental"] * incremental)])
        child = json.loads(report.read_text(encoding="utf-8"))
    return build_phases(child["timings"], wall) | {
        key: child[key] for key in ("incremental", "pages_rendered", "pages_reused", "changed_pages",
                                    "reused_projections", "updated_projections", "entries_read")} | {
        "rss_python_mb": child["rss_self_kb"] / 1024,
        "rss_children_mb": child["rss_children_kb"] / 1024,
        "peak_rss_mb": (child["rss_self_kb"] + child["rss_children_kb"]) / 1024,
    }


def build_phases(timings: dict[str, float], wall: float) -> dict[str, float]:
    """The issue's phases from BuildResult.timings; `other` is every other projection and the switch, `tidy`
    the removal of an older build after the switch."""
    from insatsbas.database import PROJECTION
    from insatsbas.staging import TIDY
    database = timings[PROJECTION.label]
    phases = {"load_seconds": timings["read"], "database_seconds": database, "pages_seconds": timings["pages"],
              "search_index_seconds": timings["search index"], "tidy_seconds": timings.get(TIDY, 0.0)}
    phases["other_seconds"] = timings["total"] - sum(phases.values())
    phases["build_seconds"] = timings["total"]
    phases["published_seconds"] = timings["total"] - phases["tidy_seconds"]  # the new output is served
    phases["process_seconds"] = wall  # with interpreter start and imports
    return phases


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]
            if isinstance(runs[0][key], int | float)}


# --- the catalogue, the output, the one-entry change ------------------------------------------------------


def ensure_catalogue(size: int) -> Path:
    from benchmarks.generate import MARKER, generate
    folder = OUT / f"catalogue-{size}"
    marker = folder / MARKER
    if not (marker.is_file() and json.loads(marker.read_text(encoding="utf-8")).get("entries") == size):
        print(f"generating {size} entries into {folder} ...", flush=True)
        generate(size, folder, force=True, jobs=os.cpu_count() or 1)
    return folder


def output_size(out: Path) -> dict[str, float]:
    files = [path for path in out.rglob("*") if path.is_file()]
    return {"output_mb": sum(path.stat().st_size for path in files) / 1e6, "output_files": len(files),
            "html_pages": sum(1 for path in files if path.suffix == ".html")}


@contextmanager
def one_entry_changed(catalogue: Path) -> Iterator[Path]:
    """An entry with a sentence added to its description, restored afterwards (the catalogue is a cache)."""
    entry = min(path for path in catalogue.glob("*/*.yml")
                if re.search(r"^description: \|\n", path.read_text(encoding="utf-8"), re.MULTILINE))
    original = entry.read_bytes()
    text = original.decode("utf-8")
    changed = re.sub(r"^(description: \|\n)(\s+)", r"\1\2Uppdaterad i dag.\n\2", text, count=1, flags=re.MULTILINE)
    entry.write_text(changed, encoding="utf-8")
    try:
        yield entry
    finally:
        entry.write_bytes(original)


# --- bare engines -----------------------------------------------------------------------------------


BARE_TEMPLATE = """<!doctype html>
<html lang="{{ page.lang or DEFAULT_LANG }}"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><main><h1>{{ page.title }}</h1>
{{ page.content }}
</main></body></html>
"""
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dd|dt|tr|div|section|article)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
INVISIBLE = re.compile(r"<(script|style|template)\b.*?</\1>", re.IGNORECASE | re.DOTALL)


def page_text(document: str) -> tuple[str, str, str]:
    """Title, language and the visible text of <main> (or <body>) as paragraphs."""
    title = html.unescape(TAG.sub("", (re.search(r"<title>(.*?)</title>", document, re.DOTALL) or ["", ""])[1]))
    lang = (re.search(r'<html[^>]*\blang="([^"]+)"', document) or [None, "sv"])[1]
    main = re.search(r"<main\b.*?</main>", document, re.DOTALL | re.IGNORECASE) or \
        re.search(r"<body\b.*?</body>", document, re.DOTALL | re.IGNORECASE)
    body = BLOCK_END.sub("\n", INVISIBLE.sub("", main[0] if main else document))
    lines = (" ".join(html.unescape(line).split()) for line in TAG.sub(" ", body).splitlines())
    return title.strip() or "Sida", lang, "\n\n".join(line for line in lines if line)


def write_bare_project(site: Path, folder: Path) -> int:
    """A Pelican project with one Markdown page per HTML page of `site`, same text, minimal theme."""
    from insatsbas.site import NO_BLOG
    shutil.rmtree(folder, ignore_errors=True)
    pages = folder / "content" / "pages"
    pages.mkdir(parents=True)
    (folder / "theme" / "templates").mkdir(parents=True)
    (folder / "theme" / "static").mkdir()
    (folder / "theme" / "templates" / "page.html").write_text(BARE_TEMPLATE, encoding="utf-8")
    count = 0
    for path in sorted(html_pages(site)):
        title, lang, text = page_text(path.read_text(encoding="utf-8"))
        count += 1
        escaped = re.sub(r"([\\`*_#<>\[\]])", r"\\\1", text)
        (pages / f"p{count}.md").write_text(f"Title: {title}\nSlug: p{count}\nLang: {lang}\n\n{escaped}\n",
                                            encoding="utf-8")
    settings = {**NO_BLOG, "PATH": "content", "THEME": "theme", "PAGE_PATHS": ["pages"], "PAGE_URL": "{slug}/",
                "PAGE_SAVE_AS": "{slug}/index.html", "PAGE_LANG_SAVE_AS": "{slug}/index.html",
                "DEFAULT_LANG": "sv", "SITEURL": "", "TIMEZONE": "Europe/Stockholm",
                "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "DELETE_OUTPUT_DIRECTORY": True}
    (folder / "pelicanconf.py").write_text(
        "".join(f"{key} = {value!r}\n" for key, value in settings.items()), encoding="utf-8")
    return count


def html_pages(site: Path) -> Iterator[Path]:
    for path in site.rglob("*.html"):
        if not SKIPPED_DIRS & set(path.relative_to(site).parts[:1]):
            yield path


def measure_bare(site: Path, folder: Path) -> dict[str, float]:
    pages = write_bare_project(site, folder)
    pelican_seconds, pelican_kb = run_measured(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"], cwd=folder)
    bare_pages = sum(1 for _ in (folder / "output").rglob("*.html"))
    # Pagefind on our HTML (the pages the build indexes), its bundle written outside the site.
    pagefind_seconds, pagefind_kb = run_measured(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(folder / "pagefind"),
         "--silent"])
    return {"bare_markdown_pages": pages, "bare_pelican_pages": bare_pages,
            "bare_pelican_seconds": pelican_seconds, "bare_pelican_rss_mb": pelican_kb / 1024,
            "bare_pagefind_seconds": pagefind_seconds, "bare_pagefind_rss_mb": pagefind_kb / 1024}


# --- search in Chromium -----------------------------------------------------------------------------


WATCH_SEARCH = """() => {
  const input = document.getElementById("q");
  const list = document.getElementById("results");
  const status = document.getElementById("search-status");
  window.__bench = {start: null, painted: null, done: null};
  // A second search in the same page starts with the first one's results in the list: only a new item counts.
  const shownBefore = list.querySelector(":scope > li");
  status.textContent = "";
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") window.__bench.start = performance.now();
  }, {capture: true, once: true});
  // The first result is painted in the frame after it enters the list: the task after that frame's
  // animation callbacks runs once the frame is drawn.
  const afterNextPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    channel.port2.postMessage(null);
  });
  const observer = new MutationObserver(() => {
    const bench = window.__bench;
    if (bench.start === null) return;
    const first = list.querySelector(":scope > li");
    if (bench.painted === null && first && first !== shownBefore) {
      bench.painted = -1;
      afterNextPaint(() => { bench.painted = performance.now(); });
    }
    if (bench.done === null && !list.hasAttribute("aria-busy") && status.textContent.trim()) {
      bench.done = performance.now();
      if (bench.painted === null) bench.painted = bench.done;  // no result to paint
    }
    if (bench.done !== null && bench.painted !== -1) observer.disconnect();
  });
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


class Transfer:
    """Bytes a browser context received (Playwright's request sizes: response headers and encoded body).
    Context-wide, because Pagefind fetches its index from a web worker, which a page's DevTools session
    does not see."""

    def __init__(self, context):
        self.received: list[tuple[str, int]] = []
        context.on("requestfinished", self.finished)

    def finished(self, request) -> None:
        sizes = request.sizes()
        self.received.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def take(self, containing: str = "") -> int:
        return sum(size for url, size in self.received if containing in url)

    def bundles(self) -> list[str]:
        """The search index partitions (/pagefind/<partition>/...) requests went to."""
        found = (re.search(r"/pagefind/([^/]+)/", url) for url, _ in self.received)
        return sorted({match.group(1) for match in found if match})

    def reset(self) -> None:
        self.received.clear()


def timed_search(page, word: str) -> tuple[float, float, int]:
    """Milliseconds from pressing Enter in the search box to the first result painted and to the result list
    and count rendered; the count."""
    page.evaluate(WATCH_SEARCH)
    page.fill("#q", word)
    page.press("#q", "Enter")
    page.wait_for_function("() => window.__bench.done !== null && window.__bench.painted > 0",
                           timeout=SEARCH_TIMEOUT_MS)
    painted, done = page.evaluate("() => [window.__bench.painted - window.__bench.start,"
                                  " window.__bench.done - window.__bench.start]")
    text = page.text_content("#search-status") or ""
    numbers = re.findall(r"\d+", text)  # "Antal träffar för ”svenska”: 952"; "Inga träffar" has none
    return painted, done, int(numbers[-1]) if numbers else 0


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright (the browser tests replace this with their session's browser)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def measure_search(site: Path) -> dict[str, float]:
    from insatsbas.serve import served
    found: dict[str, float] = {}
    with served(site) as url, chromium() as browser:
        for prefix, slowdown, network in SEARCH_SETTINGS:
            for kind, words in SEARCHES.items():
                found |= search_pair(browser, url, kind, words, prefix, slowdown, network)
    return found


def search_pair(browser, url: str, kind: str, words: tuple[str, str], prefix: str = "", slowdown: int = 1,
                network: dict | None = None) -> dict[str, float]:
    """A fresh context: load /sok/, search the first word, then the second in the same page; with the CPU
    `slowdown` and the `network` conditions applied from the start."""
    context = browser.new_context(base_url=url)
    try:
        transfer = Transfer(context)
        page = context.new_page()
        if slowdown > 1 or network:
            throttle(context, page, slowdown, network)
        page.goto("/sok/")
        page.wait_for_selector("body[data-search-ready]", timeout=SEARCH_TIMEOUT_MS)
        loaded_pagefind = transfer.take("/pagefind/")
        bundles_at_load = transfer.bundles()
        result = {f"{prefix}{kind}_page_load_kb": transfer.take() / 1000}
        transfer.reset()
        for order, word in zip(("first", "second"), words, strict=True):
            painted, millis, count = timed_search(page, word)
            page.wait_for_timeout(200)  # let the last loadingFinished events arrive; not part of the time
            searched = transfer.take()
            bundles = transfer.bundles()
            if order == "first":  # everything Pagefind fetched for the first search, from page load on
                searched += loaded_pagefind
                bundles = sorted({*bundles, *bundles_at_load})
            key = f"{prefix}{kind}_{order}"
            result |= search_numbers(key, prefix, painted, millis, count, searched)
            if not prefix:
                # Which partitions of the index the search used (the page says), and which it fetched from.
                partitions = page.evaluate("() => document.body.dataset.searchPartitions || ''").split()
                result |= {f"{key}_word": word, f"{key}_partitions": partitions,
                           f"{key}_bundles_fetched": bundles}
            transfer.reset()
        return result
    finally:
        context.close()


def search_numbers(key: str, prefix: str, painted: float, done: float, count: int,
                   transferred: int) -> dict[str, float]:
    """The unthrottled `_ms` is the whole result (as measured since issue 6), with `_painted_ms` beside it;
    a throttled `_ms` is the first result painted (issue 17), with `_done_ms` beside it."""
    numbers = {f"{key}_kb": transferred / 1000, f"{key}_results": count}
    if prefix:
        return numbers | {f"{key}_ms": painted, f"{key}_done_ms": done}
    return numbers | {f"{key}_ms": done, f"{key}_painted_ms": painted}


def throttle(context, page, slowdown: int, network: dict | None) -> None:
    """Slow the page's CPU by `slowdown` and apply `network`, with Pagefind kept on the throttled main thread
    (see the module's docstring)."""
    context.add_init_script(HIDE_WORKER)
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    if network:
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", network)


# --- stats ingest -----------------------------------------------------------------------------------


def measure_ingest(lines: int) -> dict[str, float]:
    from benchmarks.ingest_bench import generate as generate_log
    from insatsbas.stats.ingest import clear_caches, default_workers, ingest
    log = OUT / f"access-{lines}.log"
    if not (log.is_file() and sum(1 for _ in log.open("rb")) == lines):
        print(f"generating a {lines}-line access log ...", flush=True)
        OUT.mkdir(parents=True, exist_ok=True)
        generate_log(log, lines)
    with tempfile.TemporaryDirectory() as folder:
        clear_caches()
        started = time.perf_counter()
        ingest([log], Path(folder) / "stats.db")
        seconds = time.perf_counter() - started
    return {"ingest_lines": lines, "ingest_workers": default_workers(log), "ingest_seconds": seconds,
            "ingest_lines_per_second": lines / seconds}


# --- relevance ------------------------------------------------------------------------------------


def measure_relevance(site: Path | None) -> dict[str, Any]:
    """benchmarks/relevance.py's judged queries on the sample (built when `site` is None): its summary."""
    from benchmarks import relevance
    from insatsbas.serve import served
    with relevance.sample_site(site) as sample, served(sample) as url, chromium() as browser:
        rows = relevance.measure(url, browser)
    return relevance.summary(rows) | {"below_goal": [
        f"{row['lang']} {row['query']!r}: nDCG@10 {row['ndcg10']:.3f}, first relevant {row['first_relevant']}"
        for row in rows if row["ndcg10"] < relevance.GOAL_NDCG]}


def relevance_missed(summary: dict[str, Any]) -> list[str]:
    if summary["goal_met"]:
        return []
    return [f"relevance: mean nDCG@10 {summary['mean_ndcg10']:.3f} (goal >= 0.9), first relevant result in "
            f"the top 3 for {summary['first_relevant_in_top3']} of {summary['queries']} queries (goal: all)"]


# --- one size ---------------------------------------------------------------------------------------


def measure_size(size: int, runs: int, bare: bool = True) -> dict[str, Any]:
    catalogue = ensure_catalogue(size)
    site = OUT / f"site-{size}"
    builds = []
    for number in range(runs):
        print(f"[{size}] build {number + 1}/{runs} ...", flush=True)
        builds.append(measure_build(catalogue, site))
    result: dict[str, Any] = {"entries": size, "runs": runs, **median_of(builds), **output_size(site)}
    print(f"[{size}] search in Chromium ...", flush=True)
    result |= measure_search(site)
    if bare:
        bare_runs = []
        for number in range(runs):
            print(f"[{size}] bare Pelican and bare Pagefind {number + 1}/{runs} ...", flush=True)
            bare_runs.append(measure_bare(site, OUT / f"bare-{size}"))
        result |= median_of(bare_runs)
    print(f"[{size}] rebuild after changing one entry ...", flush=True)
    with one_entry_changed(catalogue):
        rebuild = measure_build(catalogue, site, incremental=True)
    result["rebuild_seconds"] = rebuild["build_seconds"]
    result["rebuild_incremental"] = rebuild["incremental"]
    result |= {f"rebuild_{key}": rebuild[key] for key in (
        "load_seconds", "database_seconds", "pages_seconds", "search_index_seconds", "other_seconds",
        "published_seconds", "tidy_seconds",
        "pages_rendered", "pages_reused", "changed_pages", "reused_projections", "updated_projections",
        "entries_read")}
    result |= per_page(result)
    if bare:
        result["build_over_bare"] = result["build_seconds"] / (
            result["bare_pelican_seconds"] + result["bare_pagefind_seconds"])
        result["peak_rss_over_bare_pagefind"] = result["peak_rss_mb"] / result["bare_pagefind_rss_mb"]
    return result


def per_page(result: dict[str, Any]) -> dict[str, float]:
    """Milliseconds of build per HTML page, ours and bare Pelican's, beside Hugo's on the same pages."""
    return {"ms_per_page": result["build_seconds"] * 1000 / result["html_pages"],
            "pages_ms_per_page": result["pages_seconds"] * 1000 / result["html_pages"],
            "hugo_ms_per_page": HUGO_MS_PER_PAGE} | ({
            "bare_pelican_ms_per_page": result["bare_pelican_seconds"] * 1000 / result["bare_pelican_pages"]}
            if "bare_pelican_seconds" in result else {})


def missed_targets(result: dict[str, Any]) -> list[str]:
    missed = []
    for key, (limit, unit, what) in TARGETS.items():
        if key not in result:
            continue  # not measured (--no-bare)
        value = result[key]
        if value > limit:
            missed.append(f"{what}: {value:,.2f} {unit}, target <= {limit:g} {unit}: "
                          f"{value - limit:,.2f} {unit} over ({value / limit:.2f}x the target)")
    return missed


def ingest_missed(ingest: dict[str, float]) -> list[str]:
    rate = ingest["ingest_lines_per_second"]
    if rate >= INGEST_TARGET:
        return []
    return [f"stats ingest: {rate:,.0f} lines/s, target >= {INGEST_TARGET:,.0f}: "
            f"{INGEST_TARGET - rate:,.0f} lines/s short ({rate / INGEST_TARGET:.2f}x the target)"]


# --- output -----------------------------------------------------------------------------------------


ROWS = [
    ("load and validate (s)", "load_seconds", "{:.1f}"),
    ("database (s)", "database_seconds", "{:.1f}"),
    ("pages, Pelican, every language (s)", "pages_seconds", "{:.1f}"),
    ("search index, Pagefind (s)", "search_index_seconds", "{:.1f}"),
    ("other projections (s)", "other_seconds", "{:.1f}"),
    ("full build (s)", "build_seconds", "{:.1f}"),
    ("full build per HTML page (ms)", "ms_per_page", "{:.2f}"),
    ("  of which pages, Pelican (ms)", "pages_ms_per_page", "{:.2f}"),
    ("bare Pelican per page (ms)", "bare_pelican_ms_per_page", "{:.2f}"),
    ("Hugo per page, 2026-11-22 (ms)", "hugo_ms_per_page", "{:.2f}"),
    ("bare Pelican (s)", "bare_pelican_seconds", "{:.1f}"),
    ("bare Pagefind (s)", "bare_pagefind_seconds", "{:.1f}"),
    ("build / bare engines", "build_over_bare", "{:.2f}x"),
    ("build peak RSS, Python + child (MB)", "peak_rss_mb", "{:,.0f}"),
    ("  of which Python process (MB)", "rss_python_mb", "{:,.0f}"),
    ("  largest child process (MB)", "rss_children_mb", "{:,.0f}"),
    ("bare Pagefind peak RSS (MB)", "bare_pagefind_rss_mb", "{:,.0f}"),
    ("bare Pelican peak RSS (MB)", "bare_pelican_rss_mb", "{:,.0f}"),
    ("output (MB)", "output_mb", "{:,.0f}"),
    ("output files", "output_files", "{:,}"),
    ("HTML pages", "html_pages", "{:,}"),
    ("one-entry rebuild (s)", "rebuild_seconds", "{:.1f}"),
    ("  until the new site is served (s)", "rebuild_published_seconds", "{:.1f}"),
    ("  then removing the older build (s)", "rebuild_tidy_seconds", "{:.1f}"),
    ("  incremental", "rebuild_incremental", "{}"),
    ("  pages rendered", "rebuild_pages_rendered", "{:,}"),
    ("  pages reused", "rebuild_pages_reused", "{:,}"),
    ("  pages (s)", "rebuild_pages_seconds", "{:.1f}"),
    ("  database (s)", "rebuild_database_seconds", "{:.1f}"),
    ("  search index (s)", "rebuild_search_index_seconds", "{:.1f}"),
    ("  other: HSDS, Whoosh, ... (s)", "rebuild_other_seconds", "{:.1f}"),
    ("'svenska' first search (ms)", "common_first_ms", "{:,.0f}"),
    ("'svenska' first search (KB)", "common_first_kb", "{:,.0f}"),
    ("'kommun' second search (ms)", "common_second_ms", "{:,.0f}"),
    ("'kommun' second search (KB)", "common_second_kb", "{:,.0f}"),
    ("'simundervisning' first search (ms)", "rare_first_ms", "{:,.0f}"),
    ("'simundervisning' first search (KB)", "rare_first_kb", "{:,.0f}"),
    ("'schack' second search (ms)", "rare_second_ms", "{:,.0f}"),
    ("'schack' second search (KB)", "rare_second_kb", "{:,.0f}"),
    ("'svenska' first, painted (ms)", "common_first_painted_ms", "{:,.0f}"),
    ("4x CPU: 'svenska' first, painted (ms)", "throttled_common_first_ms", "{:,.0f}"),
    ("4x CPU: 'svenska' first, whole (ms)", "throttled_common_first_done_ms", "{:,.0f}"),
    ("4x CPU: 'kommun' second (ms)", "throttled_common_second_ms", "{:,.0f}"),
    ("4x CPU: 'simundervisning' first (ms)", "throttled_rare_first_ms", "{:,.0f}"),
    ("phone: 'svenska' first, painted (ms)", "phone_common_first_ms", "{:,.0f}"),
    ("phone: 'simundervisning' first (ms)", "phone_rare_first_ms", "{:,.0f}"),
    ("results: svenska / simundervisning", None, None),
]


def table(results: list[dict[str, Any]]) -> str:
    width = max(len(label) for label, _, _ in ROWS)
    lines = [f"| {'entries':<{width}} | " + " | ".join(f"{r['entries']:>9,}" for r in results) + " |",
             f"|{'-' * (width + 2)}|" + "|".join("-" * 11 for _ in results) + "|"]
    for label, key, form in ROWS:
        if key is None:
            cells = [f"{r['common_first_results']:,} / {r['rare_first_results']:,}" for r in results]
        else:
            cells = [form.format(r[key]) if key in r else "-" for r in results]
        lines.append(f"| {label:<{width}} | " + " | ".join(f"{cell:>9}" for cell in cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "memory_gb": round(memory / 1024 / 1024, 1), "cpu": model,
            "python": platform.python_version(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    global OUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--json", type=Path, default=OUT / "results.json")
    parser.add_argument("--runs", type=int, default=1, help="builds and bare runs per size (medians)")
    parser.add_argument("--ingest-lines", type=int, default=1_000_000)
    parser.add_argument("--no-bare", action="store_true",
                        help="leave out bare Pelican and bare Pagefind (at 29,000 entries in seven languages bare "
                             "Pagefind needs more memory than a 24 GB machine has)")
    parser.add_argument("--relevance-site", type=Path, default=None,
                        help="a built sample for the relevance judgments (default: build the sample)")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for catalogues, sites and bare runs (default benchmarks/out)")
    parser.add_argument("--child-build", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-incremental", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.out is not None:
        OUT = args.out.resolve()
    if args.child_build:
        child_build(*args.child_build, incremental=args.child_incremental)
        return {}
    started = time.perf_counter()
    report: dict[str, Any] = {"machine_at_start": machine(), "memory_measured_with": "os.wait4 ru_maxrss",
                              "rebuild_note": "one-entry rebuild: incremental over the last full build's output",
                              "sizes": []}
    for size in args.sizes:
        report["sizes"].append(measure_size(size, args.runs, bare=not args.no_bare))
    print("stats ingest ...", flush=True)
    report["ingest"] = measure_ingest(args.ingest_lines)
    print("relevance judgments on the sample ...", flush=True)
    report["relevance"] = measure_relevance(args.relevance_site)
    report["machine_at_end"] = machine()
    report["seconds"] = time.perf_counter() - started
    report["missed"] = {str(r["entries"]): missed_targets(r) for r in report["sizes"]}
    report["missed"]["ingest"] = ingest_missed(report["ingest"])
    report["missed"]["relevance"] = relevance_missed(report["relevance"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_report(report)
    return report


def print_report(report: dict[str, Any]) -> None:
    start, end = report["machine_at_start"], report["machine_at_end"]
    print(f"\n{start['nproc']} cores, {start['memory_gb']} GB, {start['cpu']}, Python {start['python']}; "
          f"load average {start['load_average']} at start, {end['load_average']} at end; "
          f"{report['seconds']:.0f} s in all")
    print(table(report["sizes"]))
    for result in report["sizes"]:
        print(f"{result['entries']:,} entries: /sok/ searched the index partitions "
              f"{' '.join(result['common_first_partitions']) or '(none)'}, fetched from "
              f"{' '.join(result['common_first_bundles_fetched']) or '(none)'}")
    ingest = report["ingest"]
    print(f"stats ingest: {ingest['ingest_lines']:,} lines in {ingest['ingest_seconds']:.1f} s, "
          f"{ingest['ingest_lines_per_second']:,.0f} lines/s ({ingest['ingest_workers']} worker(s))")
    for size in report["sizes"]:
        print(f"One-entry rebuild at {size['entries']:,} entries: "
              f"{'incremental' if size['rebuild_incremental'] else 'FULL (no usable previous output)'}, "
              f"{size['rebuild_pages_rendered']:,} pages rendered, {size['rebuild_pages_reused']:,} reused, "
              f"{size['rebuild_changed_pages']:,} changed; reused whole: "
              f"{', '.join(size['rebuild_reused_projections']) or 'nothing'}; updated entry by entry: "
              f"{', '.join(size['rebuild_updated_projections']) or 'nothing'}; entry files read: "
              f"{size['rebuild_entries_read']:,} (the rest from the read cache)")
    relevance = report["relevance"]
    print(f"relevance on the sample: mean nDCG@10 {relevance['mean_ndcg10']:.3f} over {relevance['queries']} "
          f"judged queries, first relevant result in the top 3 for {relevance['first_relevant_in_top3']}")
    for size, missed in report["missed"].items():
        label = {"ingest": "stats ingest", "relevance": "relevance"}.get(size) or f"{int(size):,} entries"
        print(f"\nMissed targets, {label}:" if missed else f"\nAll targets met, {label}.")
        for line in missed:
            print(f"  - {line}")


if __name__ == "__main__":
    main()
