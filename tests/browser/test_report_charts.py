"""The report's charts as a reader sees them: rendered by Chromium, measured in pixels. Every series shown in a
legend must have a visible swatch: a patch of the series' colour standing on its own on the background, not
merged into a bar or a line of the plot (as the legend's "Utan träffar" swatch once sat on November's bar)."""

from __future__ import annotations

import io
from collections import deque
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure
from PIL import Image

from insatsbas.reader import load_catalogue
from insatsbas.stats.charts import COLOURS
from insatsbas.stats.ingest import ingest
from insatsbas.stats.report import write_report
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import SAMPLE, TODAY
from tests.logfactory import rotated_scenario

MAIN, SECOND = (tuple(int(COLOURS[name][i:i + 2], 16) for i in (1, 3, 5)) for name in ("main", "second"))
LEGENDS = {"sokningar-per-manad.svg": [MAIN, SECOND], "andelar-per-manad.svg": [MAIN, SECOND]}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("charts")
    ingest(rotated_scenario(folder, count=3000).files, folder / "stats.db")
    return write_report(folder / "stats.db", load_catalogue(SAMPLE, today=TODAY), folder / "out").parent


def rendered(browser, svg: Path) -> Image.Image:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.goto(svg.as_uri())
    png = page.locator("svg").screenshot()
    context.close()
    return Image.open(io.BytesIO(png)).convert("RGB")


def close(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def components(image: Image.Image, colour: tuple[int, int, int]) -> list[tuple[int, int, int, int, int]]:
    """Connected patches of `colour`: (left, top, right, bottom, pixel count)."""
    width, height = image.size
    pixels = image.load()
    seen: set[tuple[int, int]] = set()
    found = []
    for y in range(height):
        for x in range(width):
            if (x, y) in seen or not close(pixels[x, y], colour):
                continue
            queue, box, count = deque([(x, y)]), [x, y, x, y], 0
            seen.add((x, y))
            while queue:
                px, py = queue.popleft()
                count += 1
                box = [min(box[0], px), min(box[1], py), max(box[2], px), max(box[3], py)]
                for nx, ny in ((px + 1, py), (px - 1, py), (px, py + 1), (px, py - 1)):
                    if 0 <= nx < width and 0 <= ny < height and (nx, ny) not in seen and close(pixels[nx, ny], colour):
                        seen.add((nx, ny))
                        queue.append((nx, ny))
            found.append((*box, count))
    return found


def visible_swatches(image: Image.Image, colour: tuple[int, int, int]) -> list[tuple[int, ...]]:
    """Legend-sized patches of the colour whose surroundings (2 px around) are all background."""
    pixels = image.load()
    width, height = image.size
    swatches = []
    for left, top, right, bottom, count in components(image, colour):
        if not (6 <= right - left + 1 <= 60 and 2 <= bottom - top + 1 <= 24 and count >= 12):
            continue
        ring = [(x, y) for x in range(left - 2, right + 3) for y in range(top - 2, bottom + 3)
                if not (left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1)]
        if all(0 <= x < width and 0 <= y < height and min(pixels[x, y]) >= 235 for x, y in ring):
            swatches.append((left, top, right, bottom))
    return swatches


@pytest.mark.parametrize("chart", sorted(LEGENDS))
def test_every_series_in_a_legend_has_a_visible_swatch(browser, report: Path, chart: str):
    image = rendered(browser, report / chart)
    SCREENSHOTS.mkdir(exist_ok=True)
    image.save(SCREENSHOTS / f"statistik-{chart[:-4]}.png")
    for colour in LEGENDS[chart]:
        assert visible_swatches(image, colour), f"{chart}: no visible legend swatch in {colour}"


def test_the_measurement_finds_a_swatch_hidden_by_a_bar(browser, tmp_path: Path):
    # The failure this guards against, drawn on purpose: the legend inside the plot, over the last bar.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure = Figure(figsize=(4, 3))
        axes = figure.subplots()
        axes.bar(range(3), [5, 5, 5], color=COLOURS["main"], label="Med träffar")
        axes.bar(range(3), [2, 2, 6], bottom=[5, 5, 5], color=COLOURS["second"], label="Utan träffar")
        axes.set_ylim(0, 11)
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(0.75, 0.95), handlelength=0.8)
        figure.savefig(tmp_path / "covered.svg", format="svg")
    image = rendered(browser, tmp_path / "covered.svg")
    assert visible_swatches(image, SECOND) == []
