"""Page-level reuse for the site: a fingerprint per catalogue page from exactly what the page shows, and the
previous build's file taken (hard link) instead of rendering when the fingerprint is unchanged.

What a page shows, beyond the inputs every page shows (code, theme and translations, vocabularies,
synonyms: `inputs_fingerprint`):
- every page: its language, the page size and the eligibility bands (they are the entry pages' filters,
  and they depend on the limits the whole published catalogue uses);
- an entry page: the entry and its owner (`entry_fingerprint`) and whether its review is overdue on the day
  of the build;
- a browse page: its term, label, page number, page count and total, and the same for each entry it lists.
Pages that show the whole catalogue (start, search, list, /for-mig/, 404) and Pelican's content pages are
always rendered; the manifest records them with no fingerprint.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from insatsbas.incremental import Manifest, Previous, digest, entry_fingerprint, inputs_fingerprint, link_or_copy
from insatsbas.model import Catalogue, Intervention
from insatsbas.site.views import SiteView


@dataclass
class Rendering:
    """What one language's run rendered and took from the previous build: small, so a worker process
    sends it back cheaply."""

    pages: dict[str, str | None]
    written: list[str]
    rendered: int
    reused: int


@dataclass
class SiteIncrement:
    """One build's reuse of the previous site: what it takes, what it renders, what changed."""

    previous: Previous | None = None
    manifest: Manifest = field(default_factory=lambda: Manifest(""))
    entries: dict[str, str] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0
    root: Path | None = None
    changed_pages: frozenset[str] | None = None
    # What the pages are made from besides the package (a region's templates and pages).
    sources: tuple[Path, ...] = ()
    _written: list[str] = field(default_factory=list)
    _views: dict[str, str] = field(default_factory=dict)

    def for_language(self) -> SiteIncrement:
        """A copy for one language's run (possibly in another process) that records only that run."""
        rendering = copy.copy(self)
        rendering.manifest = Manifest(self.manifest.inputs)
        rendering.rendered = rendering.reused = 0
        rendering._written = []
        return rendering

    def result(self) -> Rendering:
        return Rendering(self.manifest.pages, self._written, self.rendered, self.reused)

    def absorb(self, rendering: Rendering) -> None:
        self.manifest.pages.update(rendering.pages)
        self._written += rendering.written
        self.rendered += rendering.rendered
        self.reused += rendering.reused

    def start(self, catalogue: Catalogue, root: Path) -> None:
        self.catalogue, self.root = catalogue, root
        if not self.manifest.inputs:
            self.manifest.inputs = inputs_fingerprint(catalogue, self.sources)

    # --- fingerprints --------------------------------------------------------------------------

    def view_fingerprint(self, view: SiteView) -> str:
        if view.lang not in self._views:
            self._views[view.lang] = digest(self.manifest.inputs, view.lang, view.data.page_size, view.data.scales)
        return self._views[view.lang]

    def entry(self, view: SiteView, entry: Intervention) -> tuple[str, bool]:
        if entry.id not in self.entries:
            self.entries[entry.id] = entry_fingerprint(view.catalogue, entry)
        return self.entries[entry.id], view.review_overdue(entry)

    def page_fingerprint(self, view: SiteView, template: str, path: str, variables: dict) -> str | None:
        """What the page shows, or None for a page that is always rendered."""
        if template == "entry":
            return digest(self.view_fingerprint(view), template, path, self.entry(view, variables["entry"]))
        if template == "browse":
            shown = {key: value for key, value in variables.items() if key not in {"entries", "facet"}}
            return digest(self.view_fingerprint(view), template, path, variables["facet"].key, sorted(shown.items()),
                          [self.entry(view, entry) for entry in variables["entries"]])
        return None

    # --- reuse and records ---------------------------------------------------------------------

    def site_path(self, file: Path) -> str:
        return Path(file).resolve().relative_to(self.root.resolve()).as_posix()

    def reuse(self, path: str, fingerprint: str | None) -> bool:
        """Take the page from the previous build if it was made from the same fingerprint."""
        if fingerprint is None or self.previous is None:
            return False
        source = self.previous.page(path, fingerprint)
        if source is None:
            return False
        link_or_copy(source, self.root / path)
        self.manifest.pages[path] = fingerprint
        self.reused += 1
        return True

    def will_render(self, path: str, fingerprint: str | None) -> None:
        self.manifest.pages[path] = fingerprint

    def written(self, file: Path) -> None:
        """Pelican wrote an HTML file (a catalogue page or a content page)."""
        path = self.site_path(file)
        self.manifest.pages.setdefault(path, None)
        self._written.append(path)
        self.rendered += 1

    def find_changed_pages(self) -> frozenset[str] | None:
        """Site-relative paths of HTML files written with other bytes than the previous build's, added or
        removed; None when there is no previous build (everything is new). Call when every page is written."""
        if self.previous is None:
            self.changed_pages = None
        else:
            changed = {path for path in self._written if not same_file(self.previous.out / path, self.root / path)}
            removed = set(self.previous.manifest.pages) - set(self.manifest.pages)
            self.changed_pages = frozenset(changed | removed)
        return self.changed_pages


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False
