"""The Whoosh index: a projection of the catalogue's published entries, built into OUT/whoosh/.

Swedish title, summary, description and keywords are stemmed with the current Snowball algorithm; each
translation language gets its own field with its own stemmer; `spelling` keeps the Swedish words
unstemmed for the spelling corrector; `open_to` holds the municipalities whose residents may take part.
The catalogue's synonyms are written beside the index (synonyms.json), so a search with a built index
expands them exactly as a search of the catalogue would.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.index import Index

from insatsbas.analysis import plain_analyzer, stemming_analyzer
from insatsbas.incremental import EntryChanges, EntryProjection
from insatsbas.model import Catalogue, Intervention, Synonyms
from insatsbas.progress import QUIET, Progress

INDEX_FOLDER = "whoosh"
SYNONYMS_JSON = "synonyms.json"
SWEDISH_FIELDS = {"title": 3.0, "keywords": 2.0, "summary": 1.5, "description": 1.0}
TRANSLATED_BOOST = 1.0
PARALLEL_FROM = 1000  # entries


def translated_field(language: str) -> str:
    return f"text_{language}"


def index_schema(languages: list[str]) -> Schema:
    swedish = stemming_analyzer("sv")
    fields = {
        "id": ID(stored=True, unique=True),
        "title": TEXT(analyzer=swedish, stored=True),
        "summary": TEXT(analyzer=swedish, stored=True),
        "description": TEXT(analyzer=swedish),
        "keywords": TEXT(analyzer=swedish),
        "spelling": TEXT(analyzer=plain_analyzer(), spelling=True),
        "open_to": KEYWORD(commas=True, stored=True),
        "municipality": STORED(),
    }
    for language in languages:
        fields[translated_field(language)] = TEXT(analyzer=stemming_analyzer(language))
    return Schema(**fields)


def translation_languages(catalogue: Catalogue) -> list[str]:
    return sorted({code for entry in catalogue.published() for code in entry.translations})


def document(entry: Intervention) -> dict[str, str]:
    keywords = ", ".join(entry.keywords)
    fields = {
        "id": entry.id,
        "title": entry.title,
        "summary": entry.summary,
        "description": entry.description,
        "keywords": keywords,
        "spelling": "\n".join((entry.title, entry.summary, entry.description, keywords)),
        "open_to": ",".join(entry.open_to),
        "municipality": entry.municipality,
    }
    for code, translation in entry.translations.items():
        fields[translated_field(code)] = "\n".join((translation.title, translation.summary, translation.description))
    return fields


def write_index(catalogue: Catalogue, storage_or_folder: Path | RamStorage, progress: Progress = QUIET) -> Index:
    """Index every published entry into a folder (created) or into memory."""
    schema = index_schema(translation_languages(catalogue))
    if isinstance(storage_or_folder, Path):
        storage_or_folder.mkdir(parents=True, exist_ok=True)
        index = whoosh_index.create_in(str(storage_or_folder), schema)
        save_synonyms(catalogue.synonyms, storage_or_folder / SYNONYMS_JSON)
    else:
        index = storage_or_folder.create_index(schema)
    entries = list(catalogue.published())
    parallel = isinstance(storage_or_folder, Path)  # worker processes write segments to disk, not to memory
    writer = index.writer(**(parallel_writer_options(len(entries)) if parallel else {}))
    for entry in progress.track(entries, "Sökindex"):
        writer.add_document(**document(entry))
    writer.commit()
    return index


def parallel_writer_options(entries: int) -> dict[str, object]:
    """Whoosh indexes in pure Python; on a large catalogue worker processes (one per core, fed by this one)
    cut the wall time. Each writes its own segment, and searches read them together. A small catalogue is
    faster in one process."""
    processes = min(2, os.cpu_count() or 1)
    if entries < PARALLEL_FROM or processes < 2:
        return {}
    return {"procs": processes, "multisegment": True, "limitmb": 128}


def search_index_projection(catalogue: Catalogue, out: Path, progress: Progress) -> None:
    write_index(catalogue, out / INDEX_FOLDER, progress)


def update_index(catalogue: Catalogue, out: Path, changes: EntryChanges, progress: Progress = QUIET) -> None:
    """A copy of the previous index with the changed entries' documents deleted (`delete_by_term` on the
    unique id) and the published ones among them added again: the same stored fields and postings as a
    full build. A deleted document stays in its segment, marked deleted, until Whoosh merges that segment;
    until then the term statistics used for ranking still count it (docs/developers/incremental.md)."""
    folder = out / INDEX_FOLDER
    # A copy, not links: the writer's lock file is opened for writing in place.
    shutil.copytree(changes.previous / INDEX_FOLDER, folder)
    index = whoosh_index.open_dir(str(folder))
    writer = index.writer()
    for entry_id in sorted(changes.touched):
        writer.delete_by_term("id", entry_id)
    for entry in catalogue.published():
        if entry.id in changes.changed:
            writer.add_document(**document(entry))
    writer.commit()
    index.close()


# Build projection: OUT/whoosh/, updated entry by entry; written whole when the translation languages (the
# schema's fields) or anything every entry shares changed.
PROJECTION = EntryProjection("search_index", "Sökindex (Whoosh)", (INDEX_FOLDER,), search_index_projection,
                             update_index, translation_languages)


def save_synonyms(synonyms: Synonyms, path: Path) -> None:
    data = {"groups": [list(group) for group in synonyms.groups], "misspellings": synonyms.misspellings}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def load_synonyms(path: Path) -> Synonyms:
    if not path.exists():
        return Synonyms()
    data = json.loads(path.read_text(encoding="utf-8"))
    return Synonyms(tuple(tuple(group) for group in data["groups"]), dict(data["misspellings"]))


def open_built_index(folder: Path) -> tuple[Index, Synonyms] | None:
    """The index a build wrote into `folder`, with its synonyms; None when there is none."""
    if not folder.is_dir() or not whoosh_index.exists_in(str(folder)):
        return None
    return whoosh_index.open_dir(str(folder)), load_synonyms(folder / SYNONYMS_JSON)


def index_in_memory(catalogue: Catalogue) -> tuple[Index, Synonyms]:
    return write_index(catalogue, RamStorage()), catalogue.synonyms
