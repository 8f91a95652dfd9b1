"""Generated access logs with a known truth, for the ingest tests and the benchmark.

Every line is made from an `Event` that knows what ingest must make of it: the row it must store (built
here from what was planted, not by calling the code under test), or why it must be skipped. The log
mixes the search page's beacons with page and asset requests, bots, malformed lines, queries holding
personal identity numbers, phone numbers and e-mail addresses, mixed case, extra spaces and decomposed
å/ä/ö, the autumn change from summer time, Common as well as Combined Log Format lines, and visitors who
send the very same request in the same second.
"""

from __future__ import annotations

import gzip
import json
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SEED = 20261122

# (query as stored, typical number of results); 0 means the search finds nothing.
QUERIES = [
    ("sfi", 14), ("svenska för invandrare", 9), ("praktik", 11), ("språkcafé", 7), ("bibliotek", 5),
    ("samhällsorientering", 6), ("föräldrastöd", 4), ("läxhjälp", 3), ("komvux", 8), ("bostad", 2),
    ("jobb", 12), ("mentor", 3), ("simskola", 1), ("körkort", 0), ("tandvård", 0), ("svenks", 0),
    ("bibliotk", 0), ("praktk", 0), ("svenskundervisning", 0), ("xyzzy", 0), ("arbetsförmedlingen", 6),
    ("traumavård", 2), ("cykelkurs", 0), ("", 40),
]
QUERY_WEIGHTS = [30, 12, 14, 9, 6, 7, 5, 4, 6, 3, 8, 3, 2, 5, 3, 6, 5, 5, 5, 1, 4, 2, 5, 4]
CORRECTIONS = {"svenks": ("svenska", 12), "bibliotk": ("bibliotek", 5), "praktk": ("praktik", 11)}
MUNICIPALITIES = ["botkyrka", "haninge", "huddinge", "nacka", "nykvarn", "nynashamn", "salem", "sodertalje",
                  "tyreso", "varmdo"]
CATEGORIES = ["sfi", "praktik", "sprakstod", "halsa", "foraldraskap", "fritid"]
ENTRIES = ["huddinge/sfi-studievag-3", "botkyrka/sfi-grund", "haninge/sprakcafe-biblioteket",
           "arbetsformedlingen/praktik", "nacka/foraldrastod", "abf-sodertorn/laxhjalp"]
LANGUAGES = ["sv"] * 7 + ["en"] * 2 + ["ar"] * 2
HUMAN_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
]
BOT_AGENTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
    "curl/8.5.0", "python-requests/2.32.3", "-",
]
PAGES = ["/", "/sok/", "/insats/huddinge/sfi-studievag-3/", "/css/site.css", "/js/sok.js", "/pagefind/pagefind.js",
         "/favicon.ico", "/om/", "/en/", "/ar/"]
MALFORMED = [
    "", "\x00\x01\x02 binary noise", "203.0.113.5 - - [22/Nov/2026:10:15:32 +0100] \"GET /sok/logg.gif?q=sfi",
    "this is not a log line", "203.0.113.5 - - [31/Foo/2026:10:15:32 +0100] \"GET / HTTP/1.1\" 200 12",
    "203.0.113.5 - - [22/Nov/2026:25:15:32 +0100] \"GET /sok/logg.gif?q=sfi HTTP/1.1\" 200 43",
    "203.0.113.5 - - [2026-11-22T10:15:32+01:00] \"GET / HTTP/1.1\" 200 12 \"-\" \"Mozilla/5.0\"",
    "203.0.113.5 - - [22/Nov/2026:10:15:32 +0100] \"GET / HTTP/1.1\" abc 12",
]


@dataclass
class Event:
    line: str
    kind: str  # search, click, other, bot, malformed, invalid
    row: tuple | None = None  # the row ingest must store, without its request key
    planted: list[str] = field(default_factory=list)


@dataclass
class Scenario:
    files: list[Path]  # in the order to ingest them
    events: dict[Path, list[Event]]
    planted: set[str]
    ips: set[str]

    def unique(self, kind: str) -> dict[str, Event]:
        return {e.line: e for events in self.events.values() for e in events if e.kind == kind}


def personnummer(rng: random.Random) -> str:
    year = rng.randint(1940, 2008)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28) + (60 if rng.random() < 0.3 else 0)  # samordningsnummer adds 60 to the day
    digits = f"{rng.randint(0, 9999):04d}"
    century = rng.random() < 0.5
    separator = rng.choice(["-", "-", "", "+"] if not century else ["-", ""])
    date_part = f"{year:04d}{month:02d}{day:02d}" if century else f"{year % 100:02d}{month:02d}{day:02d}"
    return f"{date_part}{separator}{digits}"


def phone_number(rng: random.Random) -> str:
    last = rng.randint(5, 99)
    return rng.choice([
        f"070-174 06 {last:02d}", f"070174060{last % 10}", f"+46 70 174 06 {last:02d}", f"08-465 004 {last:02d}",
        f"+4684650040{last % 10}", f"031-390 06 {last:02d}", f"0046 70 174 06 {last:02d}", f"(08) 465 004 {last:02d}",
    ])


def email_address(rng: random.Random) -> str:
    name = rng.choice(["anna.svensson", "mohammed.ali", "fatima.hassan", "erik.lind", "sara_berg"])
    return f"{name}{rng.randint(1, 99)}@{rng.choice(['example.org', 'example.com', 'exempel.se'])}"


def personal_value(rng: random.Random) -> str:
    return rng.choice([personnummer, personnummer, phone_number, email_address])(rng)


def messy(text: str, rng: random.Random) -> str:
    """How people type: capitals, extra spaces, å/ä/ö as decomposed characters."""
    if rng.random() < 0.2:
        text = text.upper()
    elif rng.random() < 0.2:
        text = text.capitalize()
    if rng.random() < 0.2:
        text = "  " + text.replace(" ", "   ") + " "
    if rng.random() < 0.3:
        text = unicodedata.normalize("NFD", text)
    return text


def clf_time(moment: datetime) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    offset = moment.strftime("%z")
    return f"{moment.day:02d}/{months[moment.month - 1]}/{moment.year}:{moment:%H:%M:%S} {offset}"


def log_line(ip: str, moment: datetime, target: str, agent: str | None, *, status: int = 200, method: str = "GET",
             referer: str = "https://insatsbas.example.org/sok/") -> str:
    head = f'{ip} - - [{clf_time(moment)}] "{method} {target} HTTP/1.1" {status} {43 if status == 200 else 0}'
    if agent is None:
        return head
    return f'{head} "{referer}" "{agent}"'


def filters_for(rng: random.Random) -> tuple[list[tuple[str, str]], dict]:
    params: list[tuple[str, str]] = []
    stored: dict = {}
    if rng.random() < 0.45:
        chosen = sorted(rng.sample(MUNICIPALITIES, rng.choice([1, 1, 1, 2])))
        params += [("kommun", m) for m in chosen]
        stored["kommun"] = chosen
    if rng.random() < 0.2:
        category = rng.choice(CATEGORIES)
        params.append(("kategori", category))
        stored["kategori"] = [category]
    if rng.random() < 0.1:
        params.append(("avgiftsfri", "1"))
        stored["avgiftsfri"] = True
    return params, stored


class EventMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def ip(self) -> str:
        rng = self.rng
        if rng.random() < 0.15:
            return f"2001:db8:{rng.randint(0, 0xffff):x}::{rng.randint(1, 0xffff):x}"
        return f"{rng.choice([198, 203, 192])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def query(self) -> tuple[str, str, int, list[str]]:
        """(typed query, stored query, personal data removed, planted values)."""
        rng = self.rng
        stored, _ = rng.choices(QUERIES, QUERY_WEIGHTS)[0]
        if rng.random() < 0.06:
            value = personal_value(rng)
            if not stored or rng.random() < 0.3:
                return value, "[borttaget]", 1, [value]
            typed = f"{value} {messy(stored, rng)}" if rng.random() < 0.5 else f"{messy(stored, rng)} {value}"
            return typed, stored, 1, [value]
        return messy(stored, rng), stored, 0, []

    def search(self, moment: datetime, ip: str, agent: str | None) -> Event:
        rng = self.rng
        typed, stored, removed, planted = self.query()
        lang = rng.choice(LANGUAGES)
        filter_params, filters = filters_for(rng)
        # The catalogue does not change between two searches: the same query and filters find as much.
        results = dict(QUERIES)[stored] if stored in dict(QUERIES) else rng.randint(1, 20)
        if results and filters:
            results = max(1, results * 2 // (2 + len(filter_params)))
        corrected = None
        if stored in CORRECTIONS and rng.random() < 0.5:
            corrected, results = CORRECTIONS[stored]
        params = [("q", typed), ("n", str(results)), ("lang", lang), *filter_params]
        if corrected:
            params.append(("corrected", corrected))
        stored_results: int | None = results
        if rng.random() < 0.01:
            value = personnummer(rng).replace("-", "").replace("+", "")
            params[1] = ("n", value)
            planted.append(value)
            stored_results = None
        if rng.random() < 0.01:
            value = phone_number(rng)
            params.append(("kommun", value))
            planted.append(value)
        if rng.random() < 0.01:
            value = personal_value(rng)
            params[2] = ("lang", value)
            planted.append(value)
            lang = None
        referer = "https://insatsbas.example.org/sok/"
        if planted and rng.random() < 0.5:
            referer += "?" + urlencode({"q": typed})
        target = "/sok/logg.gif?" + urlencode(params, quote_via=quote)
        row = (moment.strftime("%Y-%m-%dT%H:%M"), stored, removed, corrected, lang,
               json.dumps(filters, sort_keys=True, separators=(",", ":"), ensure_ascii=False), stored_results)
        return Event(log_line(ip, moment, target, agent, referer=referer), "search", row, planted)

    def click(self, moment: datetime, ip: str, agent: str | None) -> Event:
        rng = self.rng
        typed, stored, removed, planted = self.query()
        entry, position = rng.choice(ENTRIES), rng.randint(1, 10)
        params = [("q", typed), ("to", entry), ("pos", str(position))]
        if rng.random() < 0.02:
            value = personnummer(rng)
            params[1] = ("to", value)
            planted.append(value)
            line = log_line(ip, moment, "/sok/klick.gif?" + urlencode(params, quote_via=quote), agent)
            return Event(line, "invalid", None, planted)
        if rng.random() < 0.01:
            line = log_line(ip, moment, "/sok/klick.gif?" + urlencode(params[:1], quote_via=quote), agent)
            return Event(line, "invalid")
        row = (moment.strftime("%Y-%m-%dT%H:%M"), stored, removed, entry, position)
        target = "/sok/klick.gif?" + urlencode(params, quote_via=quote)
        return Event(log_line(ip, moment, target, agent), "click", row, planted)

    def event(self, moment: datetime) -> list[Event]:
        rng = self.rng
        roll = rng.random()
        ip = self.ip()
        agent = None if rng.random() < 0.05 else rng.choice(HUMAN_AGENTS)
        if roll < 0.02:
            return [Event(rng.choice(MALFORMED), "malformed")]
        if roll < 0.07:
            bot = rng.choice(BOT_AGENTS)
            target = rng.choice(["/sok/logg.gif?q=sfi&n=14&lang=sv", "/sok/klick.gif?q=sfi&to=a/b&pos=1", "/"])
            return [Event(log_line(ip, moment, target, bot), "bot" if "gif" in target else "other")]
        if roll < 0.25:
            status = rng.choice([200, 200, 200, 304, 404])
            return [Event(log_line(ip, moment, rng.choice(PAGES), agent, status=status), "other")]
        if roll < 0.26:
            # Beacons the server did not answer, or not a GET: not counted.
            target = "/sok/logg.gif?q=sfi&n=3&lang=sv"
            if rng.random() < 0.5:
                return [Event(log_line(ip, moment, target, agent, status=500), "other")]
            return [Event(log_line(ip, moment, target, agent, method="HEAD"), "other")]
        if roll < 0.78:
            event = self.search(moment, ip, agent)
            if rng.random() < 0.01:
                # Another visitor sends exactly the same request in the same second: two searches.
                twin = Event(event.line.replace(ip, self.ip(), 1), "search", event.row, event.planted)
                return without_agent_a_bot([event, twin], agent)
            return without_agent_a_bot([event], agent)
        return without_agent_a_bot([self.click(moment, ip, agent)], agent)


def without_agent_a_bot(beacons: list[Event], agent: str | None) -> list[Event]:
    """A beacon line without a user-agent field (Common Log Format) is a bot's: only scripts omit it."""
    return beacons if agent is not None else [Event(event.line, "bot") for event in beacons]


def events(rng: random.Random, start: datetime, end: datetime, count: int) -> Iterator[Event]:
    """About `count` events spread evenly from `start` to `end` (aware datetimes), in time order."""
    maker = EventMaker(rng)
    step = (end - start) / count
    moment = start
    for _ in range(count):
        moment = moment + step * rng.uniform(0.2, 1.8)
        local = moment.astimezone(STOCKHOLM).replace(microsecond=0)
        yield from maker.event(local)


def write_log(path: Path, lines: list[str]) -> Path:
    text = "".join(f"{line}\n" for line in lines).encode("utf-8")
    path.write_bytes(gzip.compress(text, mtime=0) if path.suffix == ".gz" else text)
    return path


def rotated_scenario(folder: Path, *, seed: int = SEED, count: int = 11_000) -> Scenario:
    """Four rotated logs over three months, the older two gzipped, with overlaps between neighbours.

    The ingest order also reads access.log.1 twice, as a second run over the same file would.
    """
    rng = random.Random(seed)
    start = datetime(2026, 9, 1, 5, 0, tzinfo=UTC)
    end = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
    all_events = list(events(rng, start, end, count))
    n = len(all_events)
    cuts = [(0, n * 30 // 100), (n * 28 // 100, n * 60 // 100), (n * 60 // 100, n * 85 // 100),
            (n * 83 // 100, n)]
    names = ["access.log.3.gz", "access.log.2.gz", "access.log.1", "access.log"]
    per_file = {folder / name: all_events[a:b] for name, (a, b) in zip(names, cuts, strict=True)}
    for path, file_events in per_file.items():
        write_log(path, [e.line for e in file_events])
    files = list(per_file)
    files.append(folder / "access.log.1")
    planted = {value for e in all_events for value in e.planted}
    ips = {e.line.split(" ", 1)[0] for e in all_events if e.kind in ("search", "click")}
    return Scenario(files, per_file, planted, ips)


def search_line(moment: datetime, query: str, results: int, *, lang: str = "sv", kommun: str | None = None,
                corrected: str | None = None, ip: str = "203.0.113.10") -> str:
    """One search beacon as a browser would send it (for small hand-made logs)."""
    params = [("q", query), ("n", str(results)), ("lang", lang)]
    if kommun:
        params.append(("kommun", kommun))
    if corrected:
        params.append(("corrected", corrected))
    return log_line(ip, moment, "/sok/logg.gif?" + urlencode(params, quote_via=quote), HUMAN_AGENTS[0])


def click_line(moment: datetime, query: str, entry: str, position: int, *, ip: str = "203.0.113.10") -> str:
    params = [("q", query), ("to", entry), ("pos", str(position))]
    return log_line(ip, moment, "/sok/klick.gif?" + urlencode(params, quote_via=quote), HUMAN_AGENTS[0])
