"""VS Code finds the entry schema through the committed .vscode/settings.json (`yaml.schemas` by glob), checked
with the real yaml-language-server from node_modules, spoken to over the Language Server Protocol."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SAMPLE, VALID_ENTRY

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = REPO / ".vscode" / "settings.json"
TIMEOUT = 60


class LanguageServer:
    """A yaml-language-server process and the few LSP messages these tests need."""

    def __init__(self, root: Path, yaml_settings: dict[str, Any]):
        self.settings = yaml_settings
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "workspaceFolders": [{"uri": root.as_uri(), "name": "repo"}],
            "capabilities": {"workspace": {"configuration": True}, "textDocument": {"publishDiagnostics": {}}},
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": yaml_settings}})

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(next(line.split(b":")[1] for line in header.split(b"\r\n")
                              if line.lower().startswith(b"content-length")))
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def wait(self, wanted) -> dict[str, Any]:
        """The next message `wanted` accepts, answering the server's own requests on the way."""
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            if message.get("method") == "workspace/configuration":
                sections = [item.get("section") for item in message["params"]["items"]]
                self._send({"id": message["id"], "result": [self.settings if s == "yaml" else {} for s in sections]})
            elif "method" in message and "id" in message:
                self._send({"id": message["id"], "result": None})
            if wanted(message):
                return message

    def diagnostics(self, path: Path, text: str) -> list[dict[str, Any]]:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        found = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri)
        return found["params"]["diagnostics"]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def server() -> LanguageServer:
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    # VS Code turns "yaml.schemas" into the `yaml` section's `schemas`; the schema store is off here, as
    # nothing beyond 127.0.0.1 can be reached.
    language_server = LanguageServer(REPO, {"schemas": settings["yaml.schemas"], "validate": True,
                                            "schemaStore": {"enable": False}})
    yield language_server
    language_server.close()


def test_an_entry_gets_the_schema_and_its_mistakes_are_marked(server):
    entry = REPO / "catalogue" / "huddinge" / "ett-nytt-sprakcafe.yml"
    assert server.diagnostics(entry, VALID_ENTRY) == []
    mistakes = server.diagnostics(entry.with_name("ett-annat.yml"), VALID_ENTRY.replace("status: active",
                                                                                         "status: aktiv"))
    assert [d["range"]["start"]["line"] for d in mistakes] == [VALID_ENTRY.splitlines().index("status: active")]


def test_a_yaml_entry_gets_the_schema_too(server):
    mistakes = server.diagnostics(REPO / "catalogue" / "huddinge" / "x.yaml", "title: 12\n")
    assert mistakes, "a .yaml entry is not checked against the schema"


@pytest.mark.parametrize("relative", ["vocabularies/languages.yml", "vocabularies/municipalities.yml", "owners.yml",
                                      "synonyms.yml", "newcomers.yml"])
def test_the_catalogues_other_files_do_not_get_the_entry_schema(server, relative):
    # Each of these would be marked all over (no title, unknown fields ...) if the entry schema applied.
    path = SAMPLE / relative
    assert server.diagnostics(path, path.read_text(encoding="utf-8")) == []
