"""Datasette serves stats.db with stats-metadata.yml, and every canned query runs."""

from __future__ import annotations

import pytest
import yaml

from insatsbas.stats.ingest import ingest
from tests.conftest import REPO, running_datasette
from tests.logfactory import rotated_scenario

METADATA = REPO / "insatsbas" / "datasette" / "stats-metadata.yml"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("stats-datasette")
    ingest(rotated_scenario(folder, count=3000).files, folder / "stats.db")
    with running_datasette(folder / "stats.db", METADATA) as stats_client:
        yield stats_client


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
    assert set(metadata["databases"]["stats"]["tables"]) == {"searches", "clicks", "profiles", "handouts", "daily",
                                                             "ingests"}
