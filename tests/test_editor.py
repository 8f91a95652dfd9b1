"""The web editor without a browser: the generated Decap configuration, the page, the build's /redigera/,
and `insatsbas edit` starting and stopping decap-server. (tests/browser/test_editor.py drives it.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from insatsbas.build import build
from insatsbas.cli import cli
from insatsbas.editor import PublishedEditor
from insatsbas.editor.config import Backend, editor_config, editor_setup
from insatsbas.serve.editor import catalogue_sources
from insatsbas.sources.canonical import entry_layout
from insatsbas.sources.schema import entry_schema
from tests.conftest import REPO, SAMPLE, TODAY
from tests.test_editor_format import HARNESS
from tests.test_incremental import assert_same_output, change_entry

EDITOR = PublishedEditor("region-stockholm/insatsbas")


@pytest.fixture(scope="module")
def sources():
    return catalogue_sources(SAMPLE)


@pytest.fixture(scope="module")
def config(sources) -> dict[str, Any]:
    vocabularies, owners = sources
    return editor_config(vocabularies, owners, "catalogue", Backend(repo="region-stockholm/insatsbas"))


def by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


# --- the configuration ---------------------------------------------------------------------------


def test_one_collection_per_owner_folder_writing_the_catalogues_format(config, sources):
    _, owners = sources
    assert [c["name"] for c in config["collections"]] == list(owners)
    haninge = collection(config, "haninge")
    assert haninge["label"] == "Haninge kommun"
    assert haninge["folder"] == "catalogue/haninge" and haninge["create"] is True
    assert haninge["extension"] == "yml" and haninge["format"] == "insatsbas-yaml"
    assert config["locale"] == "sv" and config["load_config_file"] is False
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def test_the_published_editor_makes_pull_requests_on_main(config):
    assert config["backend"] == {"name": "github", "repo": "region-stockholm/insatsbas", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in config


def test_the_local_editor_uses_decap_server(sources):
    vocabularies, owners = sources
    local = editor_config(vocabularies, owners, "catalogue", Backend(local="http://127.0.0.1:9/api/v1"))
    assert local["local_backend"] == {"url": "http://127.0.0.1:9/api/v1", "allowed_hosts": ["127.0.0.1"]}
    assert local["backend"]["name"] == "proxy" and "publish_mode" not in local


def test_fields_follow_the_canonical_key_order_at_every_level(config, sources):
    vocabularies, _ = sources
    layout = entry_layout(entry_schema(vocabularies))

    def check(fields: list[dict[str, Any]], layout: dict[str, Any]) -> None:
        assert [f["name"] for f in fields] == [k for k in layout["keys"] if k in by_name(fields)]
        for field in fields:
            sub = layout.get("fields", {}).get(field["name"]) or layout.get("each") or {}
            sub = sub.get("items", sub)
            if "fields" in field and sub.get("kind") == "map":
                check(field["fields"], sub)

    fields = collection(config, "haninge")["fields"]
    assert [f["name"] for f in fields] == layout["keys"]
    check(fields, layout)


def test_selects_show_swedish_labels_and_store_codes(config):
    fields = by_name(collection(config, "haninge")["fields"])
    categories = fields["categories"]
    assert categories["widget"] == "select" and categories["multiple"] is True and categories["min"] == 1
    assert {"label": "Språkstöd och språkcaféer", "value": "sprakstod"} in categories["options"]
    assert {"label": "Dari", "value": "prs"} in fields["languages"]["options"]
    assert fields["status"]["options"][0] == {"label": "Pågår", "value": "active"}
    assert "multiple" not in fields["status"]
    referral = by_name(fields["how_to_apply"]["fields"])["referral"]
    assert {"label": "Via handläggare", "value": "caseworker"} in referral["options"]
    days = by_name(by_name(fields["schedule"]["fields"])["hours"]["fields"])["days"]
    assert days["multiple"] is True and days["options"][0] == {"label": "Måndag", "value": "mon"}


def test_a_new_entry_starts_with_its_owner_as_provider_and_today_as_review_date(config):
    fields = by_name(collection(config, "haninge")["fields"])
    assert fields["municipality"]["default"] == "haninge"
    assert by_name(fields["provider"]["fields"])["name"]["default"] == "Haninge kommun"
    assert by_name(fields["provider"]["fields"])["type"]["default"] == "kommun"
    assert "default" not in by_name(collection(config, "ik-sodertorn")["fields"])["municipality"]
    reviewed = fields["last_reviewed"]
    assert reviewed["widget"] == "datetime" and reviewed["default"] == "{{now}}"
    assert reviewed["format"] == reviewed["date_format"] == "YYYY-MM-DD" and reviewed["time_format"] is False


def test_times_phones_and_postal_codes_are_checked_with_swedish_messages(config):
    fields = by_name(collection(config, "haninge")["fields"])
    hours = by_name(by_name(fields["schedule"]["fields"])["hours"]["fields"])
    pattern, message = hours["opens"]["pattern"]
    assert hours["opens"]["widget"] == "string"
    assert re.fullmatch(pattern, "09:30") and not re.fullmatch(pattern, "9.30")
    assert message == "Skriv tiden som TT:MM, till exempel 09:30."
    assert "telefonnummer" in by_name(fields["contact"]["fields"])["phone"]["pattern"][1]
    assert "postnumret" in by_name(fields["locations"]["fields"])["postal_code"]["pattern"][1]


def test_descriptions_get_the_markdown_editor(config):
    fields = by_name(collection(config, "haninge")["fields"])
    assert fields["description"]["widget"] == "markdown"
    english = by_name(by_name(fields["translations"]["fields"])["en"]["fields"])
    assert english["description"]["widget"] == "markdown"
    assert by_name(fields["how_to_apply"]["fields"])["description"]["widget"] == "text"


def test_required_and_optional_as_in_the_schema_with_its_hints(config, sources):
    vocabularies, _ = sources
    schema = entry_schema(vocabularies)
    fields = by_name(collection(config, "haninge")["fields"])
    for name, field in fields.items():
        assert (field.get("required", True) is True) == (name in schema["required"]), name
        assert field["label"] == schema["properties"][name]["title"]
        assert field["hint"] == schema["properties"][name]["description"]
    contact = by_name(fields["contact"]["fields"])
    # Where the schema asks YAML writers for quotes, the form shows the example instead.
    assert contact["phone"]["hint"] == contact["phone"]["pattern"][1]
    assert "required" not in contact["role"] and contact["email"]["required"] is False
    assert fields["eligibility"]["collapsed"] is True and fields["contact"]["collapsed"] is False


def test_one_folded_group_per_translation_language_labelled_in_swedish(config, sources):
    vocabularies, _ = sources
    translations = by_name(collection(config, "haninge")["fields"])["translations"]
    groups = translations["fields"]
    assert [g["name"] for g in groups] == [code for code in vocabularies.languages if code != "sv"]
    assert [g["label"] for g in groups[:3]] == ["Engelska", "Arabiska", "Dari"]
    assert all(g["collapsed"] is True and g["required"] is False for g in groups)
    # Decap refuses to save an empty optional group with required fields (decap-cms#7748): validate checks.
    assert all(f.get("required") is False for g in groups for f in g["fields"])


def test_the_page_builds_the_same_configuration_in_javascript(sources):
    vocabularies, owners = sources
    backend = Backend(repo="region-stockholm/insatsbas")
    setup = editor_setup(vocabularies, owners, "catalogue", backend)
    done = subprocess.run(["node", str(HARNESS)], input=json.dumps({"layout": {}, "cases": [
        {"op": "expand", "setup": setup}]}), capture_output=True, text=True, check=True, cwd=REPO)
    [answer] = json.loads(done.stdout)
    assert answer["config"] == editor_config(vocabularies, owners, "catalogue", backend)
    assert len(json.dumps(setup)) < len(json.dumps(answer["config"])) / 5  # the fields are given once


# --- the page in the build -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_with_editor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("editor") / "output"
    result = build(SAMPLE, out, today=TODAY, editor=EDITOR)
    assert result.editor is not None and result.editor_unavailable is None
    return out


def test_the_editor_page_is_not_indexed_and_carries_its_setup(built_with_editor):
    page = (built_with_editor / "redigera" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "data-pagefind" not in page
    setup = json.loads(re.search(r'<script type="application/json" id="insatsbas-editor">(.*?)</script>', page,
                                 re.DOTALL).group(1))
    assert setup["config"]["backend"]["repo"] == "region-stockholm/insatsbas"
    assert setup["layout"]["keys"][0] == "title"


def test_the_editor_pages_policy_allows_exactly_its_import_map_and_the_git_hosts_api(built_with_editor):
    page = (built_with_editor / "redigera" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    policy = policy.replace("&#39;", "'")
    import_map = re.search(r'<script type="importmap">(.*?)</script>', page, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(import_map.encode()).digest()).decode()
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == f"'self' 'sha256-{digest}' 'unsafe-eval'"
    assert directives["connect-src"] == "'self' https://api.github.com"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_no_public_page_links_to_the_editor_and_search_does_not_index_it(built_with_editor):
    for page in built_with_editor.rglob("*.html"):
        if "redigera" not in page.relative_to(built_with_editor).parts:
            assert not re.search(r"""(href|src|action)=["'][^"']*/redigera""", page.read_text(encoding="utf-8")), page
    indexed = b"".join(p.read_bytes() for p in (built_with_editor / "pagefind").rglob("*.json"))
    assert b"redigera" not in indexed


def test_the_editor_brings_decap_without_source_maps_and_the_yaml_browser_build(built_with_editor):
    folder = built_with_editor / "redigera"
    assert (folder / "decap" / "decap-cms.js").is_file() and (folder / "yaml" / "index.js").is_file()
    assert not list(folder.rglob("*.map"))
    assert not (folder / "decap" / "cms.js").exists()  # Decap ships the same bundle twice; one is enough
    sizes = {part: sum(p.stat().st_size for p in (folder / part).rglob("*") if p.is_file())
             for part in ("decap", "yaml")}
    own = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    print(f"\n/redigera/: Decap {sizes['decap']:,} bytes, yaml {sizes['yaml']:,} bytes, our page and scripts "
          f"{own:,} bytes")
    assert own < 100_000


def test_an_incremental_build_with_the_editor_equals_a_full_one(built_with_editor, tmp_path):
    catalogue, out = tmp_path / "catalogue", tmp_path / "output"
    shutil.copytree(SAMPLE, catalogue)
    shutil.copytree(REPO / "pages", tmp_path / "pages")  # the region's pages beside it, as in the repository
    shutil.copytree(built_with_editor, out)
    change_entry(catalogue)
    result = build(catalogue, out, today=TODAY, editor=EDITOR)
    build(catalogue, tmp_path / "full", today=TODAY, full=True, editor=EDITOR)
    assert result.incremental
    assert_same_output(out, tmp_path / "full")


def test_without_decap_installed_the_build_leaves_the_editor_out_and_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("INSATSBAS_NODE_MODULES", str(tmp_path / "no-node-modules"))
    result = CliRunner().invoke(cli, ["build", "--catalogue", str(SAMPLE), "--out", str(tmp_path / "out"),
                                      "--today", "2026-11-22", "--quiet", "--editor-repo", "region/insatsbas"])
    assert result.exit_code == 0, result.output
    assert "Webbredigeraren togs inte med i bygget." in result.output
    assert "Kör `npm ci` i projektmappen" in result.output
    assert (tmp_path / "out" / "index.html").is_file() and not (tmp_path / "out" / "redigera").exists()


# --- insatsbas edit ---------------------------------------------------------------------------------


def port_open(url: str) -> bool:
    host, port = re.match(r"http://([\d.]+):(\d+)", url).groups()
    with socket.socket() as s:
        return s.connect_ex((host, int(port))) == 0


def test_edit_serves_the_editor_and_stops_decap_server_when_it_ends(tmp_path):
    repository = tmp_path / "repo"
    shutil.copytree(SAMPLE, repository / "catalogue")
    process = subprocess.Popen(
        [sys.executable, "-m", "insatsbas", "edit", "--no-browser", "--port", "0", "--decap-port", "0",
         "--catalogue", "catalogue"], cwd=repository, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        assert first.startswith("Webbredigeraren: http://127.0.0.1:"), first + process.stderr.read()
        url = first.split()[1]
        page = httpx.get(url, timeout=10).text
        api = json.loads(re.search(r'id="insatsbas-editor">(.*?)</script>', page, re.DOTALL).group(1))
        decap = api["config"]["local_backend"]["url"]
        assert decap.startswith("http://127.0.0.1:") and port_open(decap)
        # decap-server answers Decap's first question with the folder it serves.
        info = httpx.post(decap, json={"action": "info"}, timeout=10).json()
        assert info["repo"] == "repo" and info["type"] == "local_fs"
        assert httpx.get(url + "decap/decap-cms.js", timeout=10).status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    assert not port_open(decap)
    assert not port_open(url)
