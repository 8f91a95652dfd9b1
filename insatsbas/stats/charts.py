"""SVG charts with matplotlib: text stays text (svg.fonttype none), output is reproducible.

Figures are made with `matplotlib.figure.Figure` directly, not pyplot, so no GUI backend or global
figure state is involved.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

COLOURS = {"main": "#1f5f8b", "second": "#d9822b", "goal": "#2e7d32"}
STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "insatsbas",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _save(figure: Figure, path: Path) -> Path:
    figure.tight_layout()
    # bbox_inches="tight": the canvas grows to take in the legend above the plot.
    figure.savefig(path, format="svg", metadata={"Date": None, "Creator": "insatsbas"}, bbox_inches="tight")
    return path


def _legend_above(axes) -> None:
    """The legend in one row above the plot, never over a bar or a point (matplotlib's "best" place can
    still cover data: it covered November's bar). tests/browser/test_report_charts.py checks the pixels."""
    handles, labels = axes.get_legend_handles_labels()
    axes.legend(handles, labels, frameon=False, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=len(labels),
                borderaxespad=0)


def bar_chart(path: Path, labels: Sequence[str], values: Sequence[float], *, ylabel: str,
              stacked: Sequence[float] | None = None, stacked_label: str = "", main_label: str = "",
              horizontal: bool = False, goal: float | None = None, goal_label: str = "") -> Path:
    """Bars (optionally a second series stacked on top, and a goal line); saved as SVG at `path`."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8, max(3.0, 0.35 * len(labels) + 1) if horizontal else 3.6))
        axes = figure.subplots()
        positions = range(len(labels))
        draw = axes.barh if horizontal else axes.bar
        draw(positions, values, color=COLOURS["main"], label=main_label or None)
        if stacked is not None:
            if horizontal:
                axes.barh(positions, stacked, left=values, color=COLOURS["second"], label=stacked_label)
            else:
                axes.bar(positions, stacked, bottom=values, color=COLOURS["second"], label=stacked_label)
        if goal is not None:
            line = axes.axvline if horizontal else axes.axhline
            line(goal, color=COLOURS["goal"], linestyle="--", label=goal_label)
        if horizontal:
            axes.set_yticks(list(positions), labels)
            axes.invert_yaxis()
            axes.set_xlabel(ylabel)
        else:
            axes.set_xticks(list(positions), labels, rotation=45 if len(labels) > 6 else 0,
                            ha="right" if len(labels) > 6 else "center")
            axes.set_ylabel(ylabel)
            if goal is None:
                axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        if stacked is not None or goal is not None:
            _legend_above(axes)
        return _save(figure, path)


def line_chart(path: Path, labels: Sequence[str], series: dict[str, Sequence[float]], *, ylabel: str,
               percent: bool = False) -> Path:
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8, 3.6))
        axes = figure.subplots()
        for (label, values), colour in zip(series.items(), (COLOURS["main"], COLOURS["second"]), strict=False):
            axes.plot(list(labels), list(values), marker="o", color=colour, label=label)
        axes.set_ylabel(ylabel)
        axes.set_ylim(bottom=0)
        if percent:
            axes.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        if len(labels) > 6:
            axes.tick_params(axis="x", labelrotation=45)
        _legend_above(axes)
        return _save(figure, path)
