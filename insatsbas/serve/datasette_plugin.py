"""The project's Datasette plugin (pluggy hooks; registered as the `insatsbas` entry point of the `datasette`
group, so every Datasette installed with the package loads it, `insatsbas serve` and the production setup alike).

- `stem_sv(text)` and `fts_sv(text)` SQL functions: the Swedish Snowball stems the database's full-text index
  holds beside the text (the same stemmer as the Whoosh index), and a search expression built from a visitor's
  words that is always valid FTS5 (every word quoted, so `c++` or an unclosed quote is no error) and finds a
  word or its stem ("svensk" finds what "svenska" finds).
- The search box of `interventions` searches that way, and without a sort order its page is the saved query
  `sok`, in order of relevance.
- The saved queries' inputs are checked before they run: a municipality, language, target group or residence
  status by its code, short name or label in any case ("Haninge", "0136", "arabiska"); a date as ÅÅÅÅ-MM-DD;
  ages and months as whole numbers. Anything else is refused with a message on the page, never 0 rows.
- A rebuild swaps the output folder: each request compares the database file's inode with the one Datasette
  opened, and opens the new file when it changed, so Datasette never serves a previous build.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import Database
from datasette.database import connections as thread_connections
from datasette.utils import escape_fts
from datasette.utils.asgi import Response

from insatsbas.analysis import stem_sv
from insatsbas.urls import DATABASE_NAME

DATABASE = PurePosixPath(DATABASE_NAME).stem
SEARCH_TABLE = "interventions"
SEARCH_QUERY = "sok"

ASGIApp = Callable[[dict[str, Any], Callable[..., Awaitable[Any]], Callable[..., Awaitable[Any]]], Awaitable[None]]


def fts_sv(text: str | None) -> str:
    """A visitor's words as an FTS5 expression that cannot be a syntax error: the words as written, or
    their Swedish stems (matched in any column, the stems column included)."""
    words = escape_fts(text or "")
    if not words:
        return '""'
    stems = escape_fts(stem_sv(text) or "")
    return f"({words}) OR ({stems})" if stems and stems != words else words


@hookimpl
def prepare_connection(conn: Any) -> None:
    conn.create_function("stem_sv", 1, stem_sv, deterministic=True)
    conn.create_function("fts_sv", 1, fts_sv, deterministic=True)


# --- a rebuild swaps the database file --------------------------------------------------------------


def file_identity(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:  # between the two renames of a swap
        return None
    return status.st_dev, status.st_ino


def file_databases(datasette: Any) -> list[Database]:
    return [db for db in datasette.databases.values() if db.path and not db.is_memory]


@hookimpl
def startup(datasette: Any) -> None:
    datasette._insatsbas_opened = {db.name: file_identity(db.path) for db in file_databases(datasette)}


class ReopenedDatabase(Database):
    """A database file opened again after a swap. Datasette keeps each worker thread's connection under the
    database's name, so this one keeps its connections under the name and the file's identity instead:
    otherwise the threads would go on reading the old file."""

    def __init__(self, datasette: Any, path: str, is_mutable: bool, identity: tuple[int, int]):
        super().__init__(datasette, path=path, is_mutable=is_mutable)
        self.identity = identity

    async def execute_fn(self, fn: Callable[[Any], Any]) -> Any:
        if self.ds.executor is None:
            return await super().execute_fn(fn)
        key = f"{self.name}@{self.identity[0]}:{self.identity[1]}"

        def in_thread() -> Any:
            conn = getattr(thread_connections, key, None)
            if not conn:
                conn = self.connect()
                self.ds._prepare_connection(conn, self.name)
                setattr(thread_connections, key, conn)
            return fn(conn)

        return await asyncio.get_running_loop().run_in_executor(self.ds.executor, in_thread)


def reopen_swapped(datasette: Any) -> None:
    """Open a database again when its path now names another file (a rebuild swapped the output folder).
    A file reused unchanged by an incremental build is a hard link, the same inode, and stays open. The
    connections of the file before the previous one are closed (the previous one may still be answering)."""
    opened: dict[str, tuple[int, int] | None] = getattr(datasette, "_insatsbas_opened", {})
    retired: list[Database] = getattr(datasette, "_insatsbas_retired", [])
    for db in file_databases(datasette):
        now = file_identity(db.path)
        if now is None or opened.get(db.name) == now:
            continue
        if db.name in opened:
            if isinstance(datasette.inspect_data, dict):
                datasette.inspect_data.pop(db.name, None)  # table counts of the old file
            name, route = db.name, db.route
            datasette.remove_database(name)
            datasette.add_database(ReopenedDatabase(datasette, db.path, db.is_mutable, now), name=name, route=route)
            for old in [r for r in retired if r.name == name]:
                old.close()
                retired.remove(old)
            retired.append(db)
        opened[db.name] = now
    datasette._insatsbas_opened, datasette._insatsbas_retired = opened, retired


# --- the saved queries' inputs ------------------------------------------------------------------------


class Refusal(ValueError):
    """An input a saved query cannot answer, with the message shown on the page."""


@dataclass(frozen=True)
class Vocabulary:
    table: str
    columns: tuple[str, ...]
    what: str  # "en kommun": what the value should have been, with its article
    examples: str


VOCABULARIES = {
    "kommun": Vocabulary("municipalities", ("slug", "name", "code", "label_sv", "label_en", "label_ar"),
                         "en kommun", "0136, Haninge eller haninge"),
    "sprak": Vocabulary("languages", ("slug", "native", "label_sv", "label_en", "label_ar"), "ett språk",
                        "ar, arabiska eller Arabic"),
    "malgrupp": Vocabulary("target_groups", ("slug", "label_sv", "label_en", "label_ar"), "en målgrupp",
                           "kvinnor eller Kvinnor"),
    "status": Vocabulary("residence_statuses", ("slug", "label_sv", "label_en", "label_ar"), "en uppehållsstatus",
                         "asylsokande eller Asylsökande"),
}
WHOLE_NUMBERS = {"alder": "Åldern", "manader": "Antalet månader"}
DATES = {"datum": "Datumet"}
GENDERS = {"women": "women", "kvinnor": "women", "kvinna": "women", "men": "men", "män": "men", "man": "men"}


def folded(value: str) -> str:
    return " ".join(value.split()).casefold()


async def aliases(db: Database, vocabulary: Vocabulary) -> dict[str, str]:
    """Every code, short name and label of a vocabulary, case-folded, to the term's short name."""
    cache: dict[str, dict[str, str]] = db.__dict__.setdefault("_insatsbas_aliases", {})
    if vocabulary.table not in cache:
        rows = await db.execute(f"select {', '.join(vocabulary.columns)} from {vocabulary.table}")
        found: dict[str, str] = {}
        for row in rows:
            for value in row:
                if value:
                    found.setdefault(folded(str(value)), row["slug"])
        cache[vocabulary.table] = found
    return cache[vocabulary.table]


async def checked_value(db: Database, name: str, value: str) -> str:
    """The value a saved query's SQL expects for parameter `name`, or Refusal."""
    if not value.strip():
        return ""
    if name in VOCABULARIES:
        vocabulary = VOCABULARIES[name]
        slug = (await aliases(db, vocabulary)).get(folded(value))
        if slug is None:
            raise Refusal(f"”{value}” är inte {vocabulary.what} i katalogen. Ange kod, kortnamn eller namn, "
                          f"till exempel {vocabulary.examples}.")
        return slug
    if name in DATES:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise ValueError(value)
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise Refusal(f"{DATES[name]} ”{value}” är inte ett datum i formen ÅÅÅÅ-MM-DD, till exempel "
                          "2026-12-31. Lämna fältet tomt för i dag.") from None
    if name in WHOLE_NUMBERS:
        if not value.strip().isdigit():
            raise Refusal(f"{WHOLE_NUMBERS[name]} ”{value}” är inte ett heltal. Skriv till exempel 30, eller "
                          "lämna fältet tomt.")
        return str(int(value.strip()))
    if name == "kon":
        if folded(value) not in GENDERS:
            raise Refusal(f"Könet ”{value}” känns inte igen. Skriv women eller men (kvinnor eller män), eller "
                          "lämna fältet tomt.")
        return GENDERS[folded(value)]
    return value


CHECKED = {*VOCABULARIES, *WHOLE_NUMBERS, *DATES, "kon"}


async def checked_query_string(datasette: Any, query: str, params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    db = datasette.get_database(DATABASE)
    return [(name, await checked_value(db, name, value) if name in CHECKED else value) for name, value in params]


async def refusal_response(datasette: Any, request_path: str, message: str) -> Response:
    if request_path.endswith(".json"):
        return Response.json({"ok": False, "error": message, "status": 400}, status=400)
    html = await datasette.render_template("error.html", {"ok": False, "error": message, "status": 400,
                                                          "title": "Frågan kan inte besvaras"})
    return Response.html(html, status=400)


def search_parameters(params: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """A table search by words as a safe FTS5 expression that finds stems too (None: leave it as asked)."""
    if dict(params).get("_searchmode") == "raw" or "_search" not in dict(params):
        return None
    return [(name, fts_sv(value) if name == "_search" else value) for name, value in params
            if name != "_searchmode"] + [("_searchmode", "raw")]


def relevance_redirect(path: str, params: list[tuple[str, str]]) -> Response | None:
    """The table's HTML page searched without a sort order: the saved query `sok`, best match first."""
    names = {name for name, _ in params}
    if path.endswith((".json", ".csv")) or names != {"_search"}:
        return None
    return Response.redirect(f"/{DATABASE}/{SEARCH_QUERY}?" + urlencode({"q": dict(params)["_search"]}))


async def rewritten(datasette: Any, scope: dict[str, Any]) -> dict[str, Any] | Response:
    """The request with checked inputs, a response that refuses it, or a redirect."""
    parts = scope["path"].strip("/").split("/")
    if len(parts) != 2 or parts[0] != DATABASE or DATABASE not in datasette.databases:
        return scope
    target = parts[1].removesuffix(".json").removesuffix(".csv")
    params = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
    if target == SEARCH_TABLE:
        redirect = relevance_redirect(scope["path"], params)
        if redirect is not None:
            return redirect
        searched = search_parameters(params)
        return scope if searched is None else {**scope, "query_string": urlencode(searched).encode()}
    queries = (datasette.metadata("queries", database=DATABASE) or {})
    if target not in queries:
        return scope
    try:
        checked = await checked_query_string(datasette, target, params)
    except Refusal as refusal:
        return await refusal_response(datasette, scope["path"], str(refusal))
    return {**scope, "query_string": urlencode(checked).encode()}


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    def wrap(app: ASGIApp) -> ASGIApp:
        async def checked_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope.get("method") == "GET":
                reopen_swapped(datasette)
                outcome = await rewritten(datasette, scope)
                if isinstance(outcome, Response):
                    await outcome.asgi_send(send)
                    return
                scope = outcome
            await app(scope, receive, send)

        return checked_app

    return wrap

