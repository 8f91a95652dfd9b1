"""Progress for long work: a bar on a terminal, silence with --quiet or when output is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

T = TypeVar("T")


class Progress:
    def __init__(self, enabled: bool | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def step(self, text: str) -> None:
        if self.enabled:
            click.echo(text, err=True)

    def track(self, items: Iterable[T], label: str, length: int | None = None) -> Iterator[T]:
        if not self.enabled:
            yield from items
            return
        with click.progressbar(items, label=label, length=length, file=sys.stderr, show_pos=True) as bar:
            yield from bar


QUIET = Progress(enabled=False)
