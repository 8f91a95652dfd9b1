"""Ingest web-server access logs into stats.db: the search page's beacons, and nothing personal.

The site's search page requests `/sok/logg.gif?q=..&n=..&lang=..&<filters>` when a search settles and
`/sok/klick.gif?q=..&to=<entry id>&pos=<rank>` when a result is clicked; /for-mig/ requests
`/sok/profil.gif?kommun=..&uppehallsstatus=..&lang=..` when it shows a profile, and /lista/
`/sok/lista.gif?antal=..&satt=utskrift|delning&lang=..` when a handout is printed or its link copied
(theme/static/js/beacons.js; the names are insatsbas/urls.py's). Any static web server writes
those requests into its access log; this module reads such logs (Common or Combined Log Format,
plain, gzip or standard input) in chunks of 20,000 lines, in constant memory (a large file's chunks
are parsed by two worker processes while this one inserts), and keeps:

- only beacon requests (GET, answered with 2xx or 3xx) from user agents that are not known bots;
- the time to the minute, in the site's time zone;
- the query, normalised (NFC, lower case, single spaces) and with personal data removed;
- interface language, filters, result count, clicked entry and its rank, each checked against the
  narrow form it must have (anything else is dropped, so no free text enters through them).

It never keeps an IP address or a user agent, and it does not count visitors: the questions the
statistics answer (what do people search for, what do they not find, what do they click) need no
visitor identity, and leaving it out removes a whole class of risk.

Ingesting is idempotent: every row carries a request key (see `schema.py`), inserts skip keys already
present, so the same file ingested twice, or rotated logs that overlap, count each request once. When
several web servers share the traffic, each server's logs are ingested with its own fixed `server` name,
which goes into the key: two servers can log byte-identical lines for two different visitors.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import re
import sys
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from hashlib import blake2b
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote_plus
from zoneinfo import ZoneInfo

from insatsbas import urls
from insatsbas.stats.bots import is_bot
from insatsbas.stats.db import (
    INSERT_CLICK,
    INSERT_HANDOUT,
    INSERT_PROFILE,
    INSERT_SEARCH,
    earlier_ingests,
    finish_ingest,
    forget_ingests,
    insert_new,
    open_stats_db,
    refresh_daily,
    start_ingest,
)
from insatsbas.stats.redact import find_personal_data, redact

SITE_TIMEZONE = ZoneInfo("Europe/Stockholm")
SEARCH_BEACON = urls.url(urls.SEARCH_BEACON)
CLICK_BEACON = urls.url(urls.CLICK_BEACON)
PROFILE_BEACON = urls.url(urls.PROFILE_BEACON)
HANDOUT_BEACON = urls.url(urls.HANDOUT_BEACON)
BEACON_FOLDER = SEARCH_BEACON.rpartition("/")[0] + "/"
FILTERS = urls.TERM_FILTERS
FREE_FILTER = urls.FREE
MAX_QUERY = 200
MAX_RESULTS = 100_000
MAX_POSITION = 10_000
CHUNK_LINES = 20_000
PARALLEL_BYTES = 8 * 1024 * 1024
PARAMETERS = {urls.QUERY, urls.RESULTS, urls.INTERFACE_LANGUAGE, urls.CLICKED_ENTRY, urls.POSITION, urls.CORRECTED,
              *FILTERS, FREE_FILTER, urls.RESIDENCE_STATUS, urls.ENTRIES, urls.HANDOUT_USE}
MAX_HANDOUT_ENTRIES = 500
MAX_PARAMETERS = 40
# The rate rule: a client (address and user agent) with more searches than this in one minute is a script.
# A person's searches settle a second after the last key, so even fast typing stays far below it.
MAX_SEARCHES_PER_MINUTE = 20

# Common and Combined Log Format, as Apache's and nginx's default `common`/`combined` formats write them.
# One compiled expression instead of a library: apachelogs (maintained, MIT) parses the same formats but
# at about 30,000 lines/s here, a third of the required rate, because it converts every field of every
# line; this expression captures only what ingest needs. tests/test_stats_ingest.py checks it against
# apachelogs on the generated test log.
LOG_LINE = re.compile(
    r'\S+ \S+ (?:"[^"]*"|\S+) '
    r'\[(?P<time>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] '
    r'"(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}) (?:\d+|-)'
    r'(?: "[^"\\]*(?:\\.[^"\\]*)*" "(?P<agent>[^"\\]*(?:\\.[^"\\]*)*)")?'
    r"\r?\n?"
)
MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ENTRY_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE = re.compile(r"[a-z]{2,3}")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
TRUE_VALUES = {"1", "true", "ja", "on", "yes"}
FALSE_VALUES = {"0", "false", "nej", "off", "no"}


@dataclass
class SourceReport:
    """What one log (file or standard input) held. Line numbers only: log lines hold IP addresses."""

    source: str
    lines: int = 0
    unparsable: int = 0
    bots: int = 0
    other_requests: int = 0
    invalid_beacons: int = 0
    rate_limited: int = 0
    new_searches: int = 0
    new_clicks: int = 0
    new_profiles: int = 0
    new_handouts: int = 0
    already_counted: int = 0
    unparsable_lines: list[int] = field(default_factory=list)

    def database_row(self) -> dict[str, Any]:
        row = asdict(self)
        del row["unparsable_lines"], row["source"]
        row["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        return row


@dataclass
class IngestReport:
    sources: list[SourceReport]

    def total(self, name: str) -> int:
        return sum(getattr(source, name) for source in self.sources)


def ingest(sources: list[str | Path], db_path: Path, *, stdin: TextIO | io.BufferedIOBase | None = None,
           workers: int | None = None, chunk_lines: int = CHUNK_LINES, server: str = "") -> IngestReport:
    """Ingest every source ("-" is standard input) into stats.db at `db_path`.

    `server` names the web server that wrote the logs, when several do (always the same name for the same
    server, so that its overlapping logs still count each request once); empty for a single server.

    `workers` processes parse a log in parallel (default: two on a machine with two or more cores, for
    files over PARALLEL_BYTES; otherwise this process parses). The result is the same either way.
    """
    db = open_stats_db(db_path)
    reports = []
    try:
        for source in sources:
            name = "-" if str(source) == "-" else Path(source).name
            count = workers if workers is not None else default_workers(source)
            with db.conn, open_log(source, stdin) as stream:
                reports.append(ingest_stream(db, stream, name, workers=count, chunk_lines=chunk_lines,
                                             server=server))
    finally:
        db.close()
    return IngestReport(reports)


def default_workers(source: str | Path) -> int:
    if str(source) == "-" or Path(source).stat().st_size < PARALLEL_BYTES:
        return 1
    return min(2, os.cpu_count() or 1)


@contextmanager
def open_log(source: str | Path, stdin: TextIO | io.BufferedIOBase | None = None) -> Iterator[TextIO]:
    """A text stream of the log, gunzipped when it starts with the gzip magic bytes."""
    if str(source) == "-":
        raw = stdin if stdin is not None else sys.stdin
        binary = getattr(raw, "buffer", raw)
        if not isinstance(binary, io.BufferedReader):
            binary = io.BufferedReader(binary)
        if binary.peek(2)[:2] == b"\x1f\x8b":
            binary = gzip.GzipFile(fileobj=binary)
        yield io.TextIOWrapper(binary, encoding="utf-8", errors="replace")
        return
    path = Path(source)
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as stream:
        yield stream


class ReadUnderAnotherServer(Exception):
    """The log was ingested before under another `--server` name: its requests would count twice."""

    def __init__(self, source: str, server: str, earlier: dict[str, Any]):
        super().__init__(f"{source} was ingested as {earlier['source']} with --server {earlier['server']!r}")
        self.source, self.server, self.earlier = source, server, earlier


FINGERPRINT_LINES = 20
HEX_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def log_fingerprint(head: list[str]) -> str:
    """What tells a log file again, whatever it is called now: a hash of its first FINGERPRINT_LINES
    lines from their time on ("" for an empty file).

    The client addresses before the times are left out, so the fingerprint depends on no IP address.
    Two servers' logs differ in their first lines; a log read while it had fewer lines than that gets
    another fingerprint once it has grown.
    """
    if not any(line.strip() for line in head):
        return ""
    digest = blake2b(digest_size=16)
    for line in head:
        start = line.find(" [")
        digest.update(line[max(start, 0):].rstrip("\r\n").encode() + b"\n")
    # In letters only: a run of hex digits would look like a phone number to anyone checking stats.db.
    return digest.hexdigest().translate(HEX_AS_LETTERS)


def ingest_stream(db, stream: TextIO, name: str, *, workers: int = 1, chunk_lines: int = CHUNK_LINES,
                  server: str = "") -> SourceReport:
    """Ingest one log inside the caller's transaction, chunk by chunk (in worker processes if `workers` > 1).

    Refuses (ReadUnderAnotherServer) a log already ingested under another server name, before adding anything.
    """
    head = list(itertools.islice(stream, FINGERPRINT_LINES))
    fingerprint = log_fingerprint(head)
    for earlier in earlier_ingests(db, fingerprint) if fingerprint else []:
        if (earlier["server"] or "") != server:
            raise ReadUnderAnotherServer(name, server, earlier)
    ingest_id = start_ingest(db, name, server, fingerprint)
    lines = itertools.chain(head, stream)
    report = SourceReport(name)
    days: set[str] = set()
    if workers <= 1:
        for chunk_lines_, first in chunks(lines, chunk_lines):
            merge(db, report, days, parse_chunk(chunk_lines_, first, server), ingest_id)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending: deque[Future[Chunk]] = deque()
            for chunk_lines_, first in chunks(lines, chunk_lines):
                pending.append(pool.submit(parse_chunk, chunk_lines_, first, server))
                if len(pending) >= 2 * workers:  # bounded: memory stays constant however long the log
                    merge(db, report, days, pending.popleft().result(), ingest_id)
            while pending:
                merge(db, report, days, pending.popleft().result(), ingest_id)
    refresh_daily(db, days)
    finish_ingest(db, ingest_id, report.database_row())
    return report


@dataclass
class Forgotten:
    ingests: list[dict[str, Any]]
    rows: dict[str, int]  # by table

    @property
    def searches(self) -> int:
        return self.rows.get("searches", 0)

    @property
    def clicks(self) -> int:
        return self.rows.get("clicks", 0)


def forget(source: str | Path, db_path: Path) -> Forgotten:
    """Take back what ingesting this log added (every ingest of it, under any name): `stats forget FILE`.

    A row belongs to the ingest that first added it; when a later, overlapping log held the same
    request, ingest that log again to count the request back.
    """
    with open_log(source) as stream:
        fingerprint = log_fingerprint(list(itertools.islice(stream, FINGERPRINT_LINES)))
    db = open_stats_db(db_path)
    try:
        with db.conn:
            ingests = earlier_ingests(db, fingerprint) if fingerprint else []
            rows = forget_ingests(db, [row["id"] for row in ingests]) if ingests else {}
    finally:
        db.close()
    return Forgotten(ingests, rows)


@dataclass
class Chunk:
    """What a run of consecutive log lines holds: rows to insert and counts."""

    lines: int
    searches: list[tuple[Any, ...]] = field(default_factory=list)
    clicks: list[tuple[Any, ...]] = field(default_factory=list)
    profiles: list[tuple[Any, ...]] = field(default_factory=list)
    handouts: list[tuple[Any, ...]] = field(default_factory=list)
    days: set[str] = field(default_factory=set)
    unparsable: list[int] = field(default_factory=list)  # line numbers
    bots: int = 0
    other_requests: int = 0
    invalid_beacons: int = 0
    rate_limited: int = 0


def chunks(stream: Iterable[str], size: int) -> Iterator[tuple[list[str], int]]:
    """Runs of about `size` lines, with their first line number, cut only where the minute changes.

    Identical requests share their second, so the same request always lands in one chunk, where
    `request_key` tells identical lines from different clients apart; and a client's searches in one
    minute land in one chunk, where the rate rule counts them.
    """
    lines: list[str] = []
    first = 1
    for line in stream:
        if len(lines) >= size and _minute(line) != _minute(lines[-1]):
            yield lines, first
            first += len(lines)
            lines = []
        lines.append(line)
    if lines:
        yield lines, first


def _minute(line: str) -> str:
    start = line.find(" [")
    return line[start:start + 19] if start >= 0 else ""


def merge(db, report: SourceReport, days: set[str], chunk: Chunk, ingest_id: int) -> None:
    new_searches = insert_new(db, INSERT_SEARCH, ((*row, ingest_id) for row in chunk.searches))
    new_clicks = insert_new(db, INSERT_CLICK, ((*row, ingest_id) for row in chunk.clicks))
    new_profiles = insert_new(db, INSERT_PROFILE, ((*row, ingest_id) for row in chunk.profiles))
    new_handouts = insert_new(db, INSERT_HANDOUT, ((*row, ingest_id) for row in chunk.handouts))
    report.lines += chunk.lines
    report.new_searches += new_searches
    report.new_clicks += new_clicks
    report.new_profiles += new_profiles
    report.new_handouts += new_handouts
    offered = len(chunk.searches) + len(chunk.clicks) + len(chunk.profiles) + len(chunk.handouts)
    report.already_counted += offered - new_searches - new_clicks - new_profiles - new_handouts
    report.unparsable += len(chunk.unparsable)
    report.unparsable_lines += chunk.unparsable[:10 - len(report.unparsable_lines)]
    report.bots += chunk.bots
    report.other_requests += chunk.other_requests
    report.invalid_beacons += chunk.invalid_beacons
    report.rate_limited += chunk.rate_limited
    days |= chunk.days


def parse_chunk(lines: list[str], first_number: int, server: str = "", max_per_minute: int = MAX_SEARCHES_PER_MINUTE,
                ) -> Chunk:
    """Parse consecutive log lines into rows; runs in a worker process for large logs."""
    chunk = Chunk(len(lines))
    window: dict[str, list[str]] = {}
    tables = {SEARCH_BEACON: (search_values, None), CLICK_BEACON: (click_values, chunk.clicks),
              PROFILE_BEACON: (profile_values, chunk.profiles), HANDOUT_BEACON: (handout_values, chunk.handouts)}
    searches: list[tuple[tuple[str, str], tuple[Any, ...]]] = []  # (client key, minute), row
    # Local names: this loop runs once per log line, and local lookups are the cheapest in CPython.
    fullmatch, to_minute = LOG_LINE.fullmatch, local_minute
    for number, line in enumerate(lines, start=first_number):
        match = fullmatch(line)
        if match is None or (minute := to_minute(match["time"])) is None:
            chunk.unparsable.append(number)
            continue
        request, status, agent = match.group("request", "status", "agent")
        if BEACON_FOLDER not in request:
            chunk.other_requests += 1
            continue
        method, _, target = request.partition(" ")
        path, _, query_string = (target.rpartition(" ")[0] or target).partition("?")
        values, table = next((found for beacon, found in tables.items() if path.endswith(beacon)), (None, None))
        if values is None:
            chunk.other_requests += 1
            continue
        if method != "GET" or status[0] not in "23":
            chunk.other_requests += 1
            continue
        if agent is None or is_bot(agent):  # Common Log Format has no user agent: only scripts send that
            chunk.bots += 1
            continue
        stored = values(query_string)
        if stored is None:
            chunk.invalid_beacons += 1
            continue
        row = (minute, request_key(stored[-1], line, match.start("time"), window, server), *stored[:-1])
        if table is None:
            searches.append(((line[:match.start("time")] + agent, minute), row))
        else:
            table.append(row)
    chunk.searches = within_rate(searches, max_per_minute)
    chunk.rate_limited = len(searches) - len(chunk.searches)
    chunk.days = {row[0][:10] for row in (*chunk.searches, *chunk.clicks)}
    return chunk


def within_rate(searches: list[tuple[tuple[str, str], tuple[Any, ...]]], max_per_minute: int) -> list[tuple[Any, ...]]:
    """The search rows of clients that made at most `max_per_minute` searches in the minute.

    A client is its address and user agent together; the key lives only in this chunk's memory (the
    chunk holds whole minutes) and is never stored. A person types, reads and clicks; a client past the
    limit is a script, and all its searches in that minute are dropped.
    """
    per_minute = Counter(key for key, _ in searches)
    return [row for key, row in searches if per_minute[key] <= max_per_minute]


def request_key(row_bits: int, line: str, time_start: int, window: dict[str, list[str]], server: str = "") -> int:
    """A key that is the same for the same request in any log, and depends on no client address.

    `row_bits` (47 bits) hash the stored values only: a hash of the raw query would let anyone holding
    stats.db test guesses of a removed personnummer against it. The line from its timestamp on (time to
    the second, request, status, size, referrer, user agent) adds 16 bits. Lines identical but for the
    client address are numbered in order of first appearance within their chunk of the log (kept only in
    memory; chunks are cut between seconds, and identical lines share their second), so two visitors
    who sent the same request in the same second count twice while the same line read again (an
    overlapping log) does not. A `server` name (empty for one server) tells equal lines of different
    servers' logs apart.
    """
    tail = line[time_start - 1:]
    if not tail.endswith("\n"):  # the last line of a file may lack its newline
        tail += "\n"
    client = line[:time_start - 1]
    clients = window.get(tail)
    if clients is None:
        window[tail] = [client]
        occurrence = 0
    elif client in clients:
        occurrence = clients.index(client)
    else:
        clients.append(client)
        occurrence = len(clients) - 1
    data = tail.encode() if occurrence == 0 else f"{occurrence}\x00{tail}".encode()
    if server:
        data = f"{server}\x01".encode() + data
    line_bits = int.from_bytes(blake2b(data, digest_size=2).digest())
    return row_bits << 16 | line_bits


def value_hash(value: object) -> int:
    """47 bits of a hash of the stored values."""
    return int.from_bytes(blake2b(repr(value).encode(), digest_size=6).digest()) >> 1


@lru_cache(maxsize=4096)
def _local_hour(date_hour: str, offset: str) -> str | None:
    """`22/Nov/2026:10` at `+0100` as `2026-11-22T10` in the site's time zone; None when no such time."""
    try:
        day, month, rest = date_hour.split("/")
        year, hour = rest.split(":")
        sign = -1 if offset[0] == "-" else 1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
        moment = datetime(int(year), MONTHS[month], int(day), int(hour), tzinfo=zone)
    except (KeyError, ValueError):
        return None
    return moment.astimezone(SITE_TIMEZONE).strftime("%Y-%m-%dT%H")


def local_minute(stamp: str) -> str | None:
    """`22/Nov/2026:10:15:32 +0100` as the minute in the site's time zone, `2026-11-22T10:15`.

    Cached by the hour (a log has far fewer hours than minutes); the zone's changes between summer and
    winter time fall on whole hours, so minutes and seconds carry over unchanged. None for a time that
    does not exist.
    """
    minutes, seconds, offset = stamp[15:17], stamp[18:20], stamp[21:26]
    if minutes > "59" or seconds > "60" or offset[3:5] != "00":
        return None if minutes > "59" or seconds > "60" else _exact_minute(stamp)
    hour = _local_hour(stamp[:14], offset)
    return f"{hour}:{minutes}" if hour else None


def _exact_minute(stamp: str) -> str | None:
    """The rare offset that is not a whole hour (+0530): converted minute by minute."""
    hour = _local_hour(stamp[:14], stamp[21:24] + "00")
    if hour is None:
        return None
    sign = -1 if stamp[21] == "-" else 1
    moment = datetime.fromisoformat(f"{hour}:{stamp[15:17]}") - sign * timedelta(minutes=int(stamp[24:26]))
    return moment.strftime("%Y-%m-%dT%H:%M")


def beacon_parameters(query_string: str) -> dict[str, list[str]] | None:
    """The beacon's parameters that ingest reads, still URL-encoded (the cleaning functions decode them,
    and cache their answers by the encoded value); None for a query string no beacon would send."""
    if query_string.count("&") >= MAX_PARAMETERS:
        return None
    params: dict[str, list[str]] = {}
    for pair in query_string.split("&"):
        key, _, value = pair.partition("=")
        if key in PARAMETERS:
            params.setdefault(key, []).append(value)
    return params


def decode(value: str) -> str:
    return unquote_plus(value, errors="replace") if "%" in value or "+" in value else value


@lru_cache(maxsize=65536)
def search_values(query_string: str) -> tuple[Any, ...] | None:
    """What a search beacon's query string stores (query, personal data removed, corrected query,
    language, filters, result count), then the hash of those values. Cached: searches recur all day."""
    params = beacon_parameters(query_string)
    if params is None:
        return None
    query, removed = clean_query(first(params, urls.QUERY) or "")
    corrected_raw = first(params, urls.CORRECTED)
    corrected = clean_query(corrected_raw)[0] if corrected_raw else None
    filters = clean_filters(tuple((name, tuple(params.get(name, ()))) for name in (*FILTERS, FREE_FILTER)))
    values = (query, removed, corrected, clean_language(first(params, urls.INTERFACE_LANGUAGE)), filters,
              clean_number(first(params, urls.RESULTS), 0, MAX_RESULTS))
    return (*values, value_hash(values))


@lru_cache(maxsize=65536)
def click_values(query_string: str) -> tuple[Any, ...] | None:
    """What a click beacon's query string stores (query, personal data removed, entry id, rank), then
    the hash of those values."""
    params = beacon_parameters(query_string)
    if params is None:
        return None
    query, removed = clean_query(first(params, urls.QUERY) or "")
    entry_id = decode(first(params, urls.CLICKED_ENTRY) or "")
    if len(entry_id) > 120 or not ENTRY_ID.fullmatch(entry_id) or find_personal_data(entry_id):
        return None
    values = (query, removed, entry_id, clean_number(first(params, urls.POSITION), 1, MAX_POSITION))
    return (*values, value_hash(values))


@lru_cache(maxsize=4096)
def profile_values(query_string: str) -> tuple[Any, ...] | None:
    """What a /for-mig/ profile beacon stores (municipality, status, language), then their hash. Nothing else
    is read from it: an age or months in Sweden sent along are ignored, never stored."""
    params = beacon_parameters(query_string)
    if params is None:
        return None
    municipality = decode(first(params, urls.MUNICIPALITY) or "")
    status = decode(first(params, urls.RESIDENCE_STATUS) or "")
    if not all(len(value) <= 60 and SLUG.fullmatch(value) and not find_personal_data(value)
               for value in (municipality, status)):
        return None
    values = (municipality, status, clean_language(first(params, urls.INTERFACE_LANGUAGE)))
    return (*values, value_hash(values))


@lru_cache(maxsize=4096)
def handout_values(query_string: str) -> tuple[Any, ...] | None:
    """What a handout beacon stores (number of entries, printed or shared, language), then their hash."""
    params = beacon_parameters(query_string)
    if params is None:
        return None
    entries = clean_number(first(params, urls.ENTRIES), 1, MAX_HANDOUT_ENTRIES)
    use = first(params, urls.HANDOUT_USE)
    if entries is None or use not in urls.HANDOUT_USES:
        return None
    values = (entries, use, clean_language(first(params, urls.INTERFACE_LANGUAGE)))
    return (*values, value_hash(values))


def first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


@lru_cache(maxsize=65536)
def clean_query(raw: str) -> tuple[str, int]:
    """The normalised query without personal data, and 1 when something personal was removed."""
    raw = decode(raw)
    text = unicodedata.normalize("NFC", raw[:1000])
    if len(raw) > 1000:
        # A cut may split a number into a piece the detectors no longer recognise: drop the last word.
        text = text.rsplit(None, 1)[0] if " " in text.strip() else ""
    text = " ".join(CONTROL.sub(" ", text).lower().split())
    redacted = redact(text)
    text = redacted.text
    if len(text) > MAX_QUERY:
        text = text[:MAX_QUERY].rsplit(" ", 1)[0]
    return text, int(redacted.removed)


@lru_cache(maxsize=256)
def clean_language(raw: str | None) -> str | None:
    if raw is None:
        return None
    value = decode(raw).strip().lower()
    return value if LANGUAGE.fullmatch(value) else None


@lru_cache(maxsize=4096)
def clean_filters(given: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The active filters as canonical JSON: term lists by filter name, and avgiftsfri as a boolean."""
    values = {name: [decode(value) for value in raw] for name, raw in given}
    filters: dict[str, Any] = {}
    for name in FILTERS:
        terms = sorted({term for value in values.get(name, ()) for term in value.split(",")
                        if len(term) <= 60 and SLUG.fullmatch(term) and not find_personal_data(term)})
        if terms:
            filters[name] = terms
    free = (values.get(FREE_FILTER) or ("",))[0].strip().lower()
    if free in TRUE_VALUES:
        filters[FREE_FILTER] = True
    elif free in FALSE_VALUES:
        filters[FREE_FILTER] = False
    return json.dumps(filters, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def clean_number(raw: str | None, low: int, high: int) -> int | None:
    if raw is not None and "%" in raw:
        raw = decode(raw)
    if raw is None or not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        return None
    value = int(raw)
    return value if low <= value <= high else None


def clear_caches() -> None:
    """Forget the cached answers (they hold raw queries, in memory only); for benchmarks and tests."""
    for cached in (search_values, click_values, profile_values, handout_values, clean_query, clean_filters, clean_language, _local_hour, redact,
                   is_bot):
        cached.cache_clear()
