"""Serve a built output folder locally: the static site (a threaded static file server) and Datasette
on the database, with the project's metadata. The site server can write an access log in Combined Log
Format, as nginx and Apache do, so the search statistics can be tried end to end."""

from __future__ import annotations

import functools
import json
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO

from insatsbas.model import Region
from insatsbas.sources.yamlsource import read_document
from insatsbas.urls import DATABASE_NAME

# Package data: what Datasette shows about the tables, and the saved queries.
METADATA = Path(__file__).resolve().parent.parent / "datasette" / "metadata.yml"


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files with the types Pagefind needs (WebAssembly, JavaScript modules)."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
        ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".db": "application/vnd.sqlite3",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def log_field(value: str) -> str:
    """A quoted field as nginx writes it: quotes, backslashes, control characters and bytes beyond ASCII
    as \\xHH (http.server reads the request line and headers as Latin-1, one character a byte)."""
    return "".join(f"\\x{ord(c):02X}" if c in '"\\' or not " " <= c <= "~" else c for c in value)


class AccessLog:
    """Lines written whole by many threads at once, flushed at once (the log is read while serving)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.lock = threading.Lock()

    def write(self, line: str) -> None:
        with self.lock:
            self.stream.write(line)
            self.stream.flush()


class CombinedLogHandler(SiteRequestHandler):
    """Static files, each request written to the server's `access_log` in Combined Log Format (nginx's
    and Apache's `combined`), with the status and the size of the body:

        127.0.0.1 - - [23/Nov/2026:21:30:05 +0100] "GET /sok/logg.gif?q=svenska HTTP/1.1" 200 43 "-" "Mozilla/5.0 ..."
    """

    status: int | str = "-"
    size: str = "-"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.status = getattr(code, "value", code)  # written with the size, once the headers are complete

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.size = value
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        # Logged before the headers go out: once a client has its answer, the line is in the log.
        now = datetime.now().astimezone()
        stamp = f"{now:%d}/{MONTHS[now.month - 1]}/{now:%Y:%H:%M:%S %z}"
        headers = getattr(self, "headers", None)  # None when the request line could not be read
        referer = headers.get("Referer", "-") if headers else "-"
        agent = headers.get("User-Agent", "-") if headers else "-"
        self.server.access_log.write(  # type: ignore[attr-defined]
            f'{self.client_address[0]} - - [{stamp}] "{log_field(self.requestline)}" {self.status} {self.size} '
            f'"{log_field(referer)}" "{log_field(agent)}"\n')
        self.status, self.size = "-", "-"
        super().end_headers()


def site_server(out: Path, host: str = "127.0.0.1", port: int = 8000, *,
                access_log: TextIO | None = None) -> ThreadingHTTPServer:
    """A server for the built site (port 0 picks a free one); call serve_forever() in a thread. With
    `access_log`, every request is written to it in Combined Log Format."""
    handler_class = SiteRequestHandler if access_log is None else CombinedLogHandler
    server = ThreadingHTTPServer((host, port), functools.partial(handler_class, directory=str(out)))
    if access_log is not None:
        server.access_log = AccessLog(access_log)  # type: ignore[attr-defined]
    return server


@contextmanager
def served(out: Path, host: str = "127.0.0.1", port: int = 0, *, access_log: TextIO | None = None) -> Iterator[str]:
    """The built site served in a thread while the block runs; yields its address (tests and benchmarks)."""
    server = site_server(out, host, port, access_log=access_log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def datasette_metadata(region: Region | None = None) -> dict[str, Any]:
    """The package's metadata.yml, titled with the region's name when there is one."""
    metadata = read_document(METADATA).data
    if region is not None:
        metadata["title"] = f"{metadata['title']} {region.in_region_in('sv')}"
    return metadata


def datasette_command(out: Path, host: str, port: int, metadata: Path) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", str(out / DATABASE_NAME), "--host", host,
            "--port", str(port), "--setting", "sql_time_limit_ms", "3000", "--metadata", str(metadata)]


def serve_output(out: Path, *, host: str, datasette_port: int, site_port: int = 8000,
                 region: Region | None = None) -> None:
    server = site_server(out, host, site_port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Webbplatsen: http://{host}:{server.server_address[1]}/", flush=True)
    print(f"Datasette: http://{host}:{datasette_port}/  (Ctrl-C avslutar)", flush=True)
    with tempfile.TemporaryDirectory(prefix="insatsbas-datasette-") as folder:
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(region), ensure_ascii=False), encoding="utf-8")
        datasette = subprocess.Popen(datasette_command(out, host, datasette_port, metadata))
        # A plain `kill` stops Datasette too, as Ctrl-C does, instead of leaving it running without its parent.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        try:
            datasette.wait()
        except KeyboardInterrupt:
            pass
        finally:
            datasette.terminate()
            datasette.wait(timeout=10)
        server.shutdown()
