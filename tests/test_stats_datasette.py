"""Datasette serves stats.db with stats-metadata.yml, and every canned query runs."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest
import yaml

from insatsbas.stats.ingest import ingest
from tests.conftest import REPO
from tests.logfactory import rotated_scenario
from tests.test_datasette import free_port

METADATA = REPO / "stats-metadata.yml"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("stats-datasette")
    ingest(rotated_scenario(folder, count=3000).files, folder / "stats.db")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(folder / "stats.db"), "-m", str(METADATA),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(base + "/-/versions.json", timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.2)
    yield httpx.Client(base_url=base, timeout=10)
    process.terminate()
    process.wait(10)


@pytest.mark.parametrize("name", list(yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["stats"]["queries"]))
def test_every_canned_query_returns_rows(client, name: str):
    response = client.get(f"/stats/{name}.json", params={"_shape": "array"})
    assert response.status_code == 200, response.text
    assert response.json(), name


def test_zero_result_queries_respect_the_threshold(client):
    rows = client.get("/stats/sokningar_utan_traffar.json", params={"_shape": "array"}).json()
    assert all(row["sökningar"] >= 5 for row in rows)
    assert {"körkort", "cykelkurs"} <= {row["sökord"] for row in rows}


def test_tables_are_described(client):
    metadata = client.get("/-/metadata.json").json()
    assert set(metadata["databases"]["stats"]["tables"]) == {"searches", "clicks", "daily", "ingests"}
