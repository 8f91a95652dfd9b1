"""The incremental build: a manifest of what each output was made from, stored with the output.

The manifest is `OUT/.insatsbas-build.json` (a dot file the site never links). It holds
- `inputs`: one fingerprint of everything every output depends on (the package: code, theme and default
  pages; a region's own templates and pages; the vocabularies, region, synonyms, newcomer figures and
  coordinators, and the versions of the libraries that render). When it differs, the build is a full build;
- `projections`: per projection, the fingerprint of what it was made from: for one reused whole
  (`WholeProjection`) the catalogue's data; for one updated entry by entry (`EntryProjection`: database,
  HSDS, Whoosh) what every entry shares (owners, region ...), beside `entries`;
- `entries`: each published entry's fingerprint, to tell which entries changed since (a draft's id is in
  no file of the output);
- `pages`: every HTML file of the site, with the fingerprint of what it shows, or null for a page that
  is always rendered (start, search, list, /for-mig/, 404 and the content pages).

Every projection plugs into a build the same way (`Projection`): it declares the folders it is made from
besides the package (`sources`, part of `inputs`) and, given the build's `BuildRun` (the previous output,
the manifest being written, the fingerprints computed once), decides itself what it reuses. A
`WholeProjection` is reused whole when the catalogue's data is unchanged; an `EntryProjection` updates a copy
of its previous output for the entries that changed; the site reuses page by page.

The manifest is written into the staging folder last, so it is swapped in together with the output it
describes. A missing, foreign or unreadable manifest means a full build. Fingerprints are SHA-256 over
`repr()` of the frozen model objects: deterministic, and covering every field whether or not a template
uses it today.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Protocol

from insatsbas.model import Catalogue, Intervention
from insatsbas.progress import Progress

MANIFEST_NAME = ".insatsbas-build.json"
MANIFEST_FORMAT = 2
PACKAGE_DIR = Path(__file__).resolve().parent
# Files of the code, the theme and the hand-written pages; a change to any of them is a full build.
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".po", ".md", ".cfg", ".json", ".svg", ".png", ".ico", ".txt"}
# Libraries whose version can change a byte of the output.
RENDERING_LIBRARIES = ("pelican", "jinja2", "markdown", "nh3", "babel", "markupsafe", "sqlite-utils",
                       "whoosh-reloaded", "pagefind", "pystemmer")


def digest(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else repr(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def source_fingerprint(folders: tuple[Path, ...]) -> str:
    """Every file in the folders, and the rendering libraries' versions. Not cached: a few hundred small
    files take milliseconds, and a long-running process may see the theme change."""
    h = hashlib.sha256()
    for position, folder in enumerate(folders):
        h.update(f"{position}\x00".encode())
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                h.update(path.relative_to(folder).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    for name in RENDERING_LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name}={version}\x00".encode())
    return h.hexdigest()


def inputs_fingerprint(catalogue: Catalogue, sources: tuple[Path, ...] = (), *, code: str | None = None) -> str:
    """What every output shows: the package (code, theme, default pages), the projections' other `sources`
    (a region's templates and pages), vocabularies, region, synonyms, newcomers, coordinators. `code` is
    `source_fingerprint((PACKAGE_DIR, *sources))` when the caller has computed it already."""
    code = code or source_fingerprint((PACKAGE_DIR, *sources))
    return digest(MANIFEST_FORMAT, code, catalogue.vocabularies,
                  catalogue.region, catalogue.synonyms, catalogue.newcomers, catalogue.coordinators)


def entry_fingerprint(catalogue: Catalogue, entry: Intervention) -> str:
    """An entry with its owner (name, contact, review interval): what its pages show of the catalogue,
    apart from the inputs every page shows (and from where the catalogue folder is). The review date is in it; whether it has passed is not (that
    depends on the day of the build, and pages add it)."""
    return digest(replace(entry, source=Path(entry.source).name), catalogue.owners[entry.owner])


def shared_fingerprint(catalogue: Catalogue, inputs: str) -> str:
    """What every entry's rows share apart from the day of the build: the `inputs_fingerprint` and the
    catalogue without its entries (owners, region ...)."""
    return digest(inputs, replace(catalogue, interventions=(), as_of=None))


def catalogue_fingerprint(shared: str, entries: dict[str, str]) -> str:
    """The whole catalogue apart from the day of the build (no projection but the site depends on it), from
    the `shared_fingerprint` and the entries' fingerprints the build has already computed."""
    return digest(shared, sorted(entries.items()))


@dataclass
class Manifest:
    inputs: str
    projections: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str | None] = field(default_factory=dict)
    entries: dict[str, str] = field(default_factory=dict)

    def write(self, out: Path) -> None:
        data = {"format": MANIFEST_FORMAT, "inputs": self.inputs, "projections": dict(sorted(self.projections.items())),
                "entries": dict(sorted(self.entries.items())), "pages": dict(sorted(self.pages.items()))}
        (out / MANIFEST_NAME).write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, out: Path) -> Manifest | None:
        """The manifest of a previous build, or None when there is none or it cannot be trusted."""
        try:
            data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
            if data.get("format") != MANIFEST_FORMAT:
                return None
            inputs, projections, pages, entries = data["inputs"], data["projections"], data["pages"], data["entries"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not (isinstance(inputs, str) and isinstance(projections, dict) and isinstance(pages, dict)
                and isinstance(entries, dict)
                and all(isinstance(v, str) for v in (*projections.values(), *entries.values()))
                and all(v is None or isinstance(v, str) for v in pages.values())):
            return None
        return cls(inputs, projections, pages, entries)


@dataclass
class Previous:
    """The output a build replaces, when its manifest says it was made from the same inputs."""

    out: Path
    manifest: Manifest

    @classmethod
    def of(cls, out: Path, inputs: str) -> Previous | None:
        manifest = Manifest.read(out) if out.is_dir() else None
        if manifest is None or manifest.inputs != inputs:
            return None
        return cls(out, manifest)

    def page(self, path: str, fingerprint: str) -> Path | None:
        """The previous file for a page made from the same fingerprint, if it is still there."""
        if self.manifest.pages.get(path) != fingerprint:
            return None
        source = self.out / path
        return source if source.is_file() else None

    def projection(self, name: str, fingerprint: str) -> bool:
        return self.manifest.projections.get(name) == fingerprint


@dataclass
class BuildRun:
    """What one build hands every projection, and what the projections report back to it."""

    previous: Previous | None
    manifest: Manifest
    entries: dict[str, str]
    """Each entry's fingerprint (`entry_fingerprint`), computed once for every projection."""
    data: str
    """The catalogue's fingerprint apart from the day of the build (`catalogue_fingerprint`)."""
    progress: Progress
    shared: str = ""
    """What every entry shares (`shared_fingerprint`): an `EntryProjection` made from another is written whole."""
    published: dict[str, str] = field(default_factory=dict)
    """The published entries' fingerprints: what the projections that hold every entry hold, and what the
    manifest records (an entry that is not published is named in no file of the output)."""
    reused: list[str] = field(default_factory=list)
    """Projections taken whole from the previous output."""
    updated: list[str] = field(default_factory=list)
    """Projections updated entry by entry on a copy of the previous output."""
    pages_rendered: int = 0
    pages_reused: int = 0
    changed_pages: frozenset[str] | None = None
    """Site-relative paths of pages written with other bytes, added or removed (None: no previous build)."""

    def reuse_whole(self, name: str, fingerprint: str, outputs: tuple[str, ...], stage: Path) -> bool:
        """Link `outputs` from the previous output into `stage` when the projection `name` made them from the
        same `fingerprint`, and record the fingerprint in the new manifest either way; False when they must be
        written again."""
        self.manifest.projections[name] = fingerprint
        previous = self.previous
        if previous is None or not previous.projection(name, fingerprint):
            return False
        if not all((previous.out / output).exists() for output in outputs):
            return False
        for output in outputs:
            link_tree(previous.out / output, stage / output)
        self.reused.append(name)
        return True


    def entry_changes(self, name: str, fingerprint: str, outputs: tuple[str, ...]) -> EntryChanges | None:
        """The entries changed since the previous output, when the projection `name` made its `outputs` there
        from the same shared `fingerprint`; None when they must be written whole. Records the fingerprint
        either way (the manifest has the published entries' from the start)."""
        self.manifest.projections[name] = fingerprint
        previous = self.previous
        if previous is None or not previous.projection(name, fingerprint):
            return None
        if not all((previous.out / output).exists() for output in outputs):
            return None
        before = previous.manifest.entries
        changed = frozenset(key for key, value in self.published.items() if before.get(key) != value)
        return EntryChanges(previous.out, changed, frozenset(before.keys() - self.published.keys()))


@dataclass(frozen=True)
class EntryChanges:
    """What an `EntryProjection` updates: the entries added or changed (`changed`, by id) and those removed,
    relative to the previous output at `previous`."""

    previous: Path
    changed: frozenset[str]
    removed: frozenset[str]

    @property
    def touched(self) -> frozenset[str]:
        """Every id whose rows in the previous output are no longer right."""
        return self.changed | self.removed

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)


class Projection(Protocol):
    """One output of the build, written from the checked catalogue into the staging folder. It declares what
    it is made from besides the package (`sources`) and decides what of the previous output it reuses."""

    name: str
    """Its key in the manifest and in `BuildResult.reused_projections`."""
    label: str
    """What the progress line and the timings call it."""

    def sources(self) -> tuple[Path, ...]: ...

    def write(self, catalogue: Catalogue, out: Path, run: BuildRun) -> None: ...


@dataclass(frozen=True)
class WholeProjection:
    """A projection that any change of the catalogue's data rewrites whole (its engine writes one file or one
    index): when the data is unchanged (a change of --today, say), its `outputs` are taken from the previous
    output. Its fingerprint is the catalogue's data (`BuildRun.data`)."""

    name: str
    label: str
    outputs: tuple[str, ...]
    writer: Callable[[Catalogue, Path, Progress], None]

    def sources(self) -> tuple[Path, ...]:
        return ()

    def write(self, catalogue: Catalogue, out: Path, run: BuildRun) -> None:
        if not run.reuse_whole(self.name, run.data, self.outputs, out):
            self.writer(catalogue, out, run.progress)


@dataclass(frozen=True)
class EntryProjection:
    """A projection that holds every entry in one file or index, but can update a copy of its previous output
    entry by entry (`updater`, given the `EntryChanges`). It is written whole (`writer`) when anything the
    entries share changed: the shared fingerprint (`BuildRun.shared`) and the projection's own `shared` part
    of the catalogue (the Whoosh schema's languages, say). With no entry changed, its outputs are linked."""

    name: str
    label: str
    outputs: tuple[str, ...]
    writer: Callable[[Catalogue, Path, Progress], None]
    updater: Callable[[Catalogue, Path, EntryChanges, Progress], None]
    shared: Callable[[Catalogue], object] = lambda catalogue: ()

    def sources(self) -> tuple[Path, ...]:
        return ()

    def write(self, catalogue: Catalogue, out: Path, run: BuildRun) -> None:
        changes = run.entry_changes(self.name, digest(run.shared, self.shared(catalogue)), self.outputs)
        if changes is None:
            self.writer(catalogue, out, run.progress)
        elif not changes:
            for output in self.outputs:
                link_tree(changes.previous / output, out / output)
            run.reused.append(self.name)
        else:
            self.updater(catalogue, out, changes, run.progress)
            run.updated.append(self.name)


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link (nothing writes into an output file after it is written, so the previous output stays as
    it was), or a copy where the file system cannot link."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def link_tree(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, copy_function=_link_or_copy_str, dirs_exist_ok=True)
    else:
        link_or_copy(source, target)


def _link_or_copy_str(source: str, target: str) -> None:
    link_or_copy(Path(source), Path(target))
