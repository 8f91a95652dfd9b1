"""Serve a built output folder locally: the static site (a threaded static file server) and Datasette
on the database, with the project's metadata."""

from __future__ import annotations

import functools
import signal
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from insatsbas.database import DATABASE_NAME

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files with the types Pagefind needs (WebAssembly, JavaScript modules)."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
        ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".db": "application/vnd.sqlite3",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def site_server(out: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for the built site (port 0 picks a free one); call serve_forever() in a thread."""
    handler = functools.partial(SiteRequestHandler, directory=str(out))
    return ThreadingHTTPServer((host, port), handler)


def datasette_command(out: Path, host: str, port: int) -> list[str]:
    command = [sys.executable, "-m", "datasette", "serve", str(out / DATABASE_NAME), "--host", host,
               "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]
    if METADATA.exists():
        command += ["--metadata", str(METADATA)]
    return command


def serve_output(out: Path, *, host: str, datasette_port: int, site_port: int = 8000) -> None:
    server = site_server(out, host, site_port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Webbplatsen: http://{host}:{server.server_address[1]}/", flush=True)
    print(f"Datasette: http://{host}:{datasette_port}/  (Ctrl-C avslutar)", flush=True)
    datasette = subprocess.Popen(datasette_command(out, host, datasette_port))
    # A plain `kill` should stop Datasette too, not leave it running without its parent.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        datasette.wait()
    except KeyboardInterrupt:
        pass
    finally:
        datasette.terminate()
        datasette.wait(timeout=10)
        server.shutdown()
