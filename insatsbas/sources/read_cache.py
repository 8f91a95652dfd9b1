"""What reading each entry file gave, kept between builds and keyed by the file's content, so a build after a
one-entry edit parses and checks one file instead of every file.

An entry's outcome (its model object and its problems) depends on the file's bytes, on its place in the
catalogue (its owner and slug) and on a context shared by every entry: the code (the caller's fingerprint of
it, `incremental.source_fingerprint` in a build), the vocabularies, the owners and the day of the build. The cache is one pickle holding the context's digest and,
per (path in the catalogue, SHA-256 of the bytes), the outcome; a different context empties it. It is written beside the
builds, never into the published output: entries that are drafts are read too.

A cache file that cannot be read (missing, foreign, truncated, written by other code) is an empty cache.
Only the package itself writes this file, with `os.replace` so a killed build never leaves half of one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1


def context_digest(code: str, *parts: object) -> str:
    """The digest of what every entry's outcome depends on besides its own file: the `code`'s fingerprint and
    `parts` (repr of frozen objects)."""
    digest = hashlib.sha256(code.encode())
    for part in parts:
        digest.update(b"\x00" + repr(part).encode("utf-8"))
    return digest.hexdigest()


Key = tuple[str, str]


@dataclass
class Stored:
    """One file's outcome, and values computed from it later (`ReadCache.derived`)."""

    outcome: Any
    derived: dict[str, str] = field(default_factory=dict)


@dataclass
class ReadCache:
    """Outcomes by (path, content digest). `found` is what the previous build left; `kept` is what this read
    used or added: the cache the next build gets, so files that are gone drop out."""

    context: str
    found: dict[Key, Stored] = field(default_factory=dict)
    kept: dict[Key, Stored] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _added_derived: bool = False
    _by_object: dict[int, Stored] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path, context: str) -> ReadCache:
        try:
            with path.open("rb") as file:
                stored = pickle.load(file)
            if stored["format"] == CACHE_FORMAT and stored["context"] == context:
                return cls(context, dict(stored["outcomes"]))
        except Exception:  # noqa: BLE001 - an unreadable cache is an empty one, whatever the reason
            pass
        return cls(context)

    @staticmethod
    def key(path: str, content: bytes) -> Key:
        """A file by its place in the catalogue (`path`, relative to the catalogue folder) and its bytes."""
        return path, hashlib.sha256(content).hexdigest()

    def outcome(self, key: Key, read: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
        """The outcome stored under `key`, or `read()`'s, which is stored. An outcome is a tuple whose first
        item is the object `derived` values belong to (an entry, or None)."""
        stored = self.found.get(key)
        if stored is None:
            self.misses += 1
            stored = Stored(read())
        else:
            self.hits += 1
        self.kept[key] = stored
        if stored.outcome[0] is not None:
            self._by_object[id(stored.outcome[0])] = stored
        return stored.outcome

    def derived(self, owner: object, name: str, compute: Callable[[], str]) -> str:
        """A value computed from an object this cache gave (an entry's fingerprint), kept with its outcome."""
        stored = self._by_object.get(id(owner))
        if stored is None:
            return compute()
        if name not in stored.derived:
            stored.derived[name] = compute()
            self._added_derived = True
        return stored.derived[name]

    @property
    def changed(self) -> bool:
        return self.misses > 0 or self._added_derived or self.kept.keys() != self.found.keys()

    def save(self, path: Path) -> None:
        """Write what this read used, in one rename; nothing when it is the cache that was loaded."""
        if not self.changed:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            pickle.dump({"format": CACHE_FORMAT, "context": self.context, "outcomes": self.kept}, file,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)


@dataclass
class CacheFile:
    """The cache at `path` for the code whose fingerprint is `code`, opened by the reader with the rest of the
    context and saved by the caller after the read. A `fresh` one starts empty (a full build reads every file,
    and leaves the cache for the next build)."""

    path: Path
    code: str
    fresh: bool = False
    cache: ReadCache | None = None

    def open(self, *context: object) -> ReadCache:
        digest = context_digest(self.code, *context)
        self.cache = ReadCache(digest) if self.fresh else ReadCache.load(self.path, digest)
        return self.cache

    def derived(self, owner: object, name: str, compute: Callable[[], str]) -> str:
        return self.cache.derived(owner, name, compute) if self.cache is not None else compute()

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save(self.path)
