"""The SQLite projection: tables, keys, text that stays text, full-text search, safe HTML, atomic builds."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from insatsbas.build import READ_CACHE, build
from insatsbas.cli import cli
from insatsbas.sources.problems import CatalogueInvalid
from insatsbas.staging import cache_file
from tests.conftest import TODAY, VALID_ENTRY


@pytest.fixture(scope="module")
def db(sample_build):
    return sqlite_utils.Database(sample_build / "insatsbas.db")


def test_at_least_120_active_interventions(db):
    assert db.execute("SELECT count(*) FROM interventions WHERE status='active'").fetchone()[0] >= 120


def test_municipality_codes_are_four_digit_text(db):
    rows = dict(db.execute("SELECT slug, code FROM municipalities").fetchall())
    assert rows["huddinge"] == "0126"
    assert rows["varmdo"] == "0120"
    assert db.execute("SELECT count(*) FROM municipalities WHERE typeof(code) != 'text'").fetchone()[0] == 0


def test_phone_numbers_and_postal_codes_are_text(db):
    assert db.execute("SELECT count(*) FROM contacts WHERE phone IS NOT NULL AND typeof(phone) != 'text'"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM locations WHERE postal_code IS NOT NULL AND typeof(postal_code) != 'text'"
                      ).fetchone()[0] == 0


def test_normalised_tables_exist_with_foreign_keys_that_hold(db):
    expected = {"interventions", "organisations", "owners", "municipalities", "categories", "target_groups",
                "languages", "locations", "contacts", "translations", "intervention_categories",
                "intervention_target_groups", "intervention_languages", "intervention_service_area"}
    assert expected <= set(db.table_names())
    keys = {(fk.column, fk.other_table) for fk in db["interventions"].foreign_keys}
    assert {("owner", "owners"), ("organisation", "organisations"), ("municipality", "municipalities")} <= keys
    assert {fk.other_table for fk in db["intervention_categories"].foreign_keys} == {"interventions", "categories"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_service_area_always_includes_the_home_municipality(db):
    missing = db.execute("""
        SELECT id FROM interventions i WHERE NOT EXISTS (
          SELECT 1 FROM intervention_service_area a WHERE a.intervention_id = i.id AND a.municipality = i.municipality)
    """).fetchall()
    assert missing == []


def test_fts_keeps_a_ring_and_diaeresis_apart(make_catalogue, tmp_path):
    root = make_catalogue({
        "huddinge/a.yml": VALID_ENTRY.replace("Varje tisdag", "Vi lär oss om hälsa. Varje tisdag"),
        "huddinge/b.yml": VALID_ENTRY.replace("Varje tisdag", "Vi läser om halsband. Varje tisdag"),
    })
    build(root, tmp_path / "out", today=TODAY)
    db = sqlite_utils.Database(tmp_path / "out" / "insatsbas.db")
    hits = [row["id"] for row in db["interventions"].search("hälsa")]
    assert hits == ["huddinge/a"]
    assert [row["id"] for row in db["interventions"].search("halsband")] == ["huddinge/b"]


def test_fts_finds_swedish_words_in_the_sample(db):
    hits = [row["id"] for row in db["interventions"].search("SFI")]
    assert len(hits) >= 5


def test_markdown_is_rendered_and_sanitised(make_catalogue, tmp_path):
    hostile = VALID_ENTRY.replace(
        "  Varje tisdag träffas vi på biblioteket och pratar svenska i små grupper.\n",
        "  Varje **tisdag**. <script>alert('x')</script>\n"
        "  <img src=x onerror=\"alert(1)\"> [klicka](javascript:alert(1)) [bra](https://example.org/a)\n",
    )
    root = make_catalogue({"huddinge/a.yml": hostile})
    build(root, tmp_path / "out", today=TODAY)
    html = sqlite_utils.Database(tmp_path / "out" / "insatsbas.db")["interventions"].get("huddinge/a")[
        "description_html"]
    assert "<strong>tisdag</strong>" in html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert 'href="https://example.org/a"' in html


def test_failed_build_leaves_previous_output_untouched(make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY})
    out = tmp_path / "out"
    build(root, out, today=TODAY)
    before = (out / "insatsbas.db").read_bytes()
    (root / "huddinge" / "b.yml").write_text(VALID_ENTRY.replace("status: active", "status: aktiv"), encoding="utf-8")
    with pytest.raises(CatalogueInvalid):
        build(root, out, today=TODAY)
    assert (out / "insatsbas.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.builds", "catalogue", "out"]
    assert sorted((tmp_path / ".out.builds").iterdir()) == [out.resolve(), cache_file(out, READ_CACHE)], \
        "only the build that is served, and the read cache"


def test_build_failing_midway_leaves_previous_output_untouched(make_catalogue, tmp_path, monkeypatch):
    from insatsbas import build as build_module
    from insatsbas.incremental import WholeProjection

    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY})
    out = tmp_path / "out"
    build(root, out, today=TODAY)
    before = (out / "insatsbas.db").read_bytes()

    def broken(catalogue, stage, progress):
        (stage / "half-written.html").write_text("...")
        raise OSError("disk full")

    every = build_module.projections
    monkeypatch.setattr(build_module, "projections",
                        lambda overrides: [*every(overrides), WholeProjection("trasig", "Trasig", (), broken)])
    with pytest.raises(OSError):
        build(root, out, today=TODAY)
    assert (out / "insatsbas.db").read_bytes() == before
    assert not (out / "half-written.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.builds", "catalogue", "out"]
    assert sorted((tmp_path / ".out.builds").iterdir()) == [out.resolve(), cache_file(out, READ_CACHE)], \
        "only the build that is served, and the read cache"


def test_build_command_exits_1_and_builds_nothing_on_errors(make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY.replace("title:", "titel:")})
    result = CliRunner().invoke(cli, ["build", "--catalogue", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Okänt fält «titel»" in result.output
    assert "Inget byggdes" in result.output
    assert not (tmp_path / "out").exists()


def test_build_py_is_the_same_as_insatsbas_build(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    out = tmp_path / "out"
    subprocess.run([sys.executable, "build.py", "--out", str(out), "--quiet"], cwd=REPO, check=True)
    with sqlite3.connect(out / "insatsbas.db") as connection:
        assert connection.execute("SELECT count(*) FROM interventions").fetchone()[0] >= 120


def test_progress_is_silent_when_not_a_terminal(make_catalogue, tmp_path):
    root = make_catalogue({"huddinge/a.yml": VALID_ENTRY})
    result = CliRunner().invoke(cli, ["build", "--catalogue", str(root), "--out", str(tmp_path / "out"),
                                      "--today", TODAY.isoformat()])
    assert result.exit_code == 0
    assert result.output.strip() == f"Byggt: 1 insatser i {tmp_path / 'out'} (0 varningar)."
    quiet = CliRunner().invoke(cli, ["build", "--catalogue", str(root), "--out", str(tmp_path / "out"), "-q",
                                     "--today", TODAY.isoformat()])
    assert quiet.output == ""
