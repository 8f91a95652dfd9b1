"""The YAML language server that VS Code's YAML extension runs (yaml-language-server, pinned in package.json),
driven over LSP on stdio the way the editor drives it.

The workspace is configured as an editor's VS Code would be: `yaml.schemas` maps the committed JSON Schema
(a path relative to the workspace) to the entry files by glob, and the server pulls that setting with
`workspace/configuration`. Documents are opened one at a time and their published diagnostics returned.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
# What VS Code's settings.json holds for the catalogue: the schema by path, the entries by glob.
SCHEMA_SETTING = {"./schema/insats.schema.json": "catalogue/*/*.yml"}
WAIT_SECONDS = 60  # an upper bound for a stuck server, not a pace: every wait ends on a message


@dataclass(frozen=True)
class Diagnostic:
    line: int  # 1-based, like the command line's messages
    column: int
    message: str
    severity: int  # 1 error, 2 warning, 3 information, 4 hint

    @property
    def is_error(self) -> bool:
        return self.severity == 1


class YamlLanguageServer:
    """One running server over a workspace folder holding schema/ and catalogue/."""

    def __init__(self, workspace: Path, schemas: dict[str, str] | None = None):
        self.workspace = workspace
        self.settings = {"schemas": schemas or SCHEMA_SETTING, "validate": True, "hover": False,
                         "completion": False, "schemaStore": {"enable": False}, "format": {"enable": False}}
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.version = 0
        threading.Thread(target=self._read_messages, daemon=True).start()
        self._initialize()

    # --- JSON-RPC over stdio ----------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read_messages(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def _request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self._wait(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def _notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _wait(self, wanted) -> dict[str, Any]:
        """The next message that `wanted` accepts, answering the server's own requests meanwhile."""
        while True:
            message = self.inbox.get(timeout=WAIT_SECONDS)
            if "method" in message and "id" in message:
                self._answer(message)
            if wanted(message):
                return message

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            result = [self.settings if item.get("section") == "yaml" else {} for item in request["params"]["items"]]
        self._send({"id": request["id"], "result": result})

    # --- the editor's side ----------------------------------------------------------------------

    def _initialize(self) -> None:
        root = self.workspace.as_uri()
        self._request("initialize", {
            "processId": None, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "insatsbas"}],
            "capabilities": {"workspace": {"configuration": True, "workspaceFolders": True,
                                           "didChangeConfiguration": {"dynamicRegistration": True}},
                             "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
        })
        self._notify("initialized", {})
        self._notify("workspace/didChangeConfiguration", {"settings": {}})
        self._wait(lambda m: m.get("method") == "workspace/configuration")

    def diagnostics(self, relative: str, text: str) -> list[Diagnostic]:
        """Open `relative` (a path in the workspace) with `text` and return what the editor would underline."""
        uri = (self.workspace / relative).as_uri()
        self.version += 1
        self._notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml",
                                                               "version": self.version, "text": text}})
        published = self._wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                               and m["params"]["uri"] == uri)
        self._notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return [Diagnostic(d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, d["message"],
                           d.get("severity", 1)) for d in published["params"]["diagnostics"]]

    def close(self) -> None:
        try:
            self._request("shutdown", {})
            self._notify("exit", {})
            self.process.wait(10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
