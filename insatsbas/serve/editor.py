"""`insatsbas edit`: the web editor on the working copy. decap-server (Decap's local backend, file-system mode:
no git needed) reads and writes the folder that holds the catalogue, and a static server serves the editor
page; both listen on 127.0.0.1 only, and decap-server stops with the command."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import socket
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from insatsbas.editor.config import Backend, editor_setup, repository_of, repository_path
from insatsbas.editor.page import EDITOR_PATH, EditorUnavailable, node_modules, write_editor
from insatsbas.reader import read_owners, read_vocabularies
from insatsbas.serve import site_server
from insatsbas.sources.problems import Problem, ProblemsFound

READY_LINE = "Decap CMS Proxy Server listening on"
START_TIMEOUT = 60


class CatalogueUnreadable(ProblemsFound):
    """The vocabularies or owners.yml have errors, so no form can be made; `problems` says which."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems, "the vocabularies or owners.yml")


class DecapServerFailed(Exception):
    def __init__(self, output: str):
        super().__init__(output)
        self.output = output


@dataclass
class LocalEditor:
    url: str
    decap_server: str
    repository: Path


def catalogue_sources(catalogue_dir: Path):
    """The vocabularies and owners, the only parts of the catalogue the form is made from (an entry with
    errors must not keep the editor from opening: it is where the editor fixes it)."""
    problems: list[Problem] = []
    vocabularies = read_vocabularies(catalogue_dir, problems)
    owners = read_owners(catalogue_dir, vocabularies, problems) if vocabularies else None
    if vocabularies is None or owners is None or any(p.is_error for p in problems):
        raise CatalogueUnreadable(problems)
    return vocabularies, owners[0]


@contextmanager
def decap_server(repository: Path, host: str, port: int, modules: Path) -> Iterator[str]:
    """decap-server in file-system mode on host:port, until the block ends; yields its API address."""
    script = modules / "decap-server" / "dist" / "index.js"
    if not script.is_file():
        raise EditorUnavailable(script)
    env = {**os.environ, "PORT": str(port), "BIND_HOST": host, "GIT_REPO_DIRECTORY": str(repository),
           "MODE": "fs", "LOG_LEVEL": "info"}
    process = subprocess.Popen(["node", str(script)], cwd=repository, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def read_output() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read_output, daemon=True).start()
    seen: list[str] = []
    try:
        while True:
            try:
                line = lines.get(timeout=START_TIMEOUT)
            except queue.Empty:
                raise DecapServerFailed("".join(seen) or "decap-server did not start") from None
            if line is None:
                raise DecapServerFailed("".join(seen))
            seen.append(line)
            if READY_LINE in line:
                break
        yield f"http://{host}:{port}/api/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def local_editor(catalogue_dir: Path, *, host: str = "127.0.0.1", port: int = 0, decap_port: int = 0,
                 modules: Path | None = None) -> Iterator[LocalEditor]:
    """decap-server and the editor page, both on `host`, until the block ends; port 0 picks a free port."""
    modules = modules or node_modules()
    vocabularies, owners = catalogue_sources(catalogue_dir)
    repository, folder = repository_of(catalogue_dir), repository_path(catalogue_dir)
    decap_port = decap_port or free_port(host)
    origin = f"http://{host}:{decap_port}"
    setup = editor_setup(vocabularies, owners, folder, Backend(local=f"{origin}/api/v1"))
    with tempfile.TemporaryDirectory(prefix="insatsbas-edit-") as temporary:
        write_editor(Path(temporary) / EDITOR_PATH, setup, connect=[origin], modules=modules)
        with decap_server(repository, host, decap_port, modules) as api:
            server = site_server(Path(temporary), host, port)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            try:
                yield LocalEditor(f"http://{host}:{server.server_address[1]}/{EDITOR_PATH}/", api, repository)
            finally:
                server.shutdown()
                server.server_close()
                thread.join()


def serve_editor(catalogue_dir: Path, announce: Callable[[str], None], **options: Any) -> None:
    """Run the local editor until Ctrl-C or SIGTERM, calling `announce` with its address once it is ready."""
    # SIGTERM stops it as Ctrl-C does: decap-server and the page server are stopped on the way out.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with local_editor(catalogue_dir, **options) as editor:
        announce(editor.url)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]
