"""`insatsbas search`: Whoosh with the current Snowball stemmer, synonyms, translations and corrections."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter

from insatsbas.analysis import stemming_analyzer
from insatsbas.cli import cli
from insatsbas.reader import load_catalogue
from insatsbas.search import Searcher, search_catalogue
from insatsbas.search.index import index_in_memory
from tests.conftest import REPO, SAMPLE, TODAY, VALID_ENTRY

SFI_ENTRY = """\
title: SFI på dagtid
summary: Svenska för nybörjare, fyra förmiddagar i veckan. Du lär dig svenska från grunden.
description: |
  Vi läser svenska i små grupper. Svenska i vardagen, svenska på jobbet och svenska hos läkaren.
status: active
provider: {name: "Huddinge kommun, Vuxenutbildningen", type: kommun}
municipality: huddinge
categories: [sfi]
target_groups: [vuxna]
languages: [sv]
how_to_apply: {referral: self, description: Ansök i e-tjänsten.}
contact: {role: Studievägledare, email: sfi.huddinge@example.org}
last_reviewed: 2026-06-01
reviewed_by: Rektor
"""

SVENSKA_FOR_INVANDRARE = """\
title: Kvällskurs i svenska för invandrare
summary: Svenska för invandrare på kvällstid för dig som arbetar på dagen.
description: |
  Undervisningen följer kursplanen för svenska för invandrare, kurs B till D.
status: active
provider: {name: Botkyrka kommun, type: kommun}
municipality: botkyrka
categories: [sfi]
target_groups: [vuxna]
languages: [sv]
how_to_apply: {referral: self, description: Ansök i e-tjänsten.}
contact: {role: Studievägledare, email: vux.botkyrka@example.org}
last_reviewed: 2026-06-01
reviewed_by: Rektor
translations:
  en:
    title: Evening course in Swedish for immigrants
    summary: Swedish for immigrants in the evening for people who work during the day.
    description: The teaching follows the syllabus, courses B to D.
"""

SWIMMING = """\
title: Simskola för vuxna
summary: Lär dig simma i en trygg grupp med kvinnliga simlärare.
description: Tio tillfällen i simhallen.
status: active
provider: {name: Haninge kommun, type: kommun}
municipality: haninge
categories: [idrott-fritid]
target_groups: [vuxna]
languages: [sv]
how_to_apply: {referral: self, description: Anmäl dig på plats.}
contact: {role: Simlärare, email: sim.haninge@example.org}
last_reviewed: 2026-06-01
reviewed_by: Badchef
"""

SFI_SYNONYMS = "synonyms:\n  - [sfi, svenska för invandrare, svenskundervisning]\n"


@pytest.fixture
def entries() -> dict[str, str]:
    return {
        "huddinge/sfi-dagtid.yml": SFI_ENTRY,
        "huddinge/sprakcafe-biblioteket.yml": VALID_ENTRY,
        "botkyrka/sfi-kvall.yml": SVENSKA_FOR_INVANDRARE,
        "haninge/simskola.yml": SWIMMING,
    }


def searcher_for(root: Path) -> Searcher:
    return Searcher(*index_in_memory(load_catalogue(root, today=TODAY)))


def ids(text: str, searcher: Searcher, **options) -> set[str]:
    return {hit.id for hit in search_catalogue(text, searcher, **options).hits}


def test_current_snowball_stems_what_whooshs_old_stemmer_leaves_alone():
    old = [t.text for t in (RegexTokenizer() | LowercaseFilter() | StemFilter(lang="sv"))("biblioteket huset")]
    new = [t.text for t in stemming_analyzer("sv")("biblioteket huset")]
    assert old == ["biblioteket", "huset"]
    assert new == ["bibliotek", "hus"]


def test_every_inflection_lands_on_one_stem():
    stems = {t.text for t in stemming_analyzer("sv")("kurs kursen kurser kurserna")}
    assert len(stems) == 1


def test_bibliotek_finds_an_entry_that_only_says_biblioteket(make_catalogue, entries):
    searcher = searcher_for(make_catalogue(entries))
    assert ids("bibliotek", searcher) == {"huddinge/sprakcafe-biblioteket"}


def test_synonyms_find_sfi_entries_by_any_of_their_names(make_catalogue, entries):
    searcher = searcher_for(make_catalogue({**entries, "synonyms.yml": SFI_SYNONYMS}))
    both = {"huddinge/sfi-dagtid", "botkyrka/sfi-kvall"}
    assert ids("sfi", searcher) == both
    assert ids("svenska för invandrare", searcher) == both
    assert ids("Svenskundervisning", searcher) == both


def test_a_search_that_failed_finds_its_entries_once_the_synonym_is_added(make_catalogue, entries):
    root = make_catalogue(entries)
    assert ids("svenskundervisning", searcher_for(root), typos=False) == set()
    (root / "synonyms.yml").write_text(SFI_SYNONYMS, encoding="utf-8")
    assert ids("svenskundervisning", searcher_for(root)) == {"huddinge/sfi-dagtid", "botkyrka/sfi-kvall"}


def test_translated_texts_are_searched_with_their_own_stemmer(make_catalogue, entries):
    searcher = searcher_for(make_catalogue(entries))
    assert ids("immigrants evening", searcher) == {"botkyrka/sfi-kvall"}


def test_the_municipality_filter_keeps_entries_open_to_its_residents(make_catalogue, entries):
    searcher = searcher_for(make_catalogue({**entries, "synonyms.yml": SFI_SYNONYMS}))
    assert ids("sfi", searcher, municipality="huddinge") == {"huddinge/sfi-dagtid"}


def test_a_typo_is_corrected_to_the_catalogues_frequent_word(make_catalogue, entries):
    searcher = searcher_for(make_catalogue(entries))
    result = search_catalogue("svenks", searcher)
    assert result.searched == "svenska"
    assert result.corrected
    assert {"huddinge/sfi-dagtid", "botkyrka/sfi-kvall"} <= {hit.id for hit in result.hits}


def test_a_known_misspelling_is_searched_as_the_word_it_stands_for(make_catalogue, entries):
    root = make_catalogue({**entries, "synonyms.yml": "misspellings:\n  simskolla: simskola\n"})
    result = search_catalogue("simskolla", searcher_for(root), typos=False)
    assert result.searched == "simskola"
    assert [hit.id for hit in result.hits] == ["haninge/simskola"]


def test_nonsense_finds_nothing(make_catalogue, entries):
    assert ids("xyzzyq", searcher_for(make_catalogue(entries))) == set()


def test_the_sample_build_has_an_index_that_finds_sfi(sample_build: Path):
    searcher = Searcher.from_output(sample_build, SAMPLE)
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    sfi = {entry.id for entry in catalogue.published() if "sfi" in entry.categories}
    for text in ("sfi", "svenska för invandrare", "svenskundervisning"):
        found = ids(text, searcher, limit=50)
        assert found & sfi, text
        top = [hit.id for hit in search_catalogue(text, searcher, limit=3).hits]
        assert all(hit in sfi for hit in top), (text, top)


def test_search_command_prints_json(make_catalogue, entries, tmp_path: Path):
    root = make_catalogue({**entries, "synonyms.yml": SFI_SYNONYMS})
    result = CliRunner().invoke(cli, ["search", "svenskundervisning", "--json", "--catalogue", str(root),
                                      "--out", str(tmp_path / "no-build")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {hit["id"] for hit in data["hits"]} == {"huddinge/sfi-dagtid", "botkyrka/sfi-kvall"}
    assert data["hits"][0]["path"].startswith("/insats/")


def test_search_command_says_when_it_shows_a_correction(make_catalogue, entries, tmp_path: Path):
    root = make_catalogue(entries)
    result = CliRunner().invoke(cli, ["search", "svenks", "--catalogue", str(root), "--out", str(tmp_path / "x")])
    assert result.exit_code == 0
    assert "Visar resultat för «svenska» (du sökte på «svenks»)." in result.output


def test_search_command_refuses_an_unknown_municipality(make_catalogue, entries, tmp_path: Path):
    root = make_catalogue(entries)
    result = CliRunner().invoke(cli, ["search", "sfi", "--kommun", "stockholm", "--catalogue", str(root),
                                      "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "Okänd kommun «stockholm»" in result.output


def test_search_runs_without_any_warning(make_catalogue, entries, tmp_path: Path):
    """Warnings as errors, and bytecode compiled afresh so that compile-time warnings would show too."""
    root = make_catalogue({**entries, "synonyms.yml": SFI_SYNONYMS})
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache"), "PYTHONWARNINGS": "error"}
    completed = subprocess.run(
        [sys.executable, "-W", "error", "-m", "insatsbas", "search", "sfi", "--catalogue", str(root),
         "--out", str(tmp_path / "no-build")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert "SFI på dagtid" in completed.stdout


def test_an_index_written_by_two_processes_finds_the_same_as_one(tmp_path: Path, monkeypatch):
    from insatsbas.search import index as search_index

    catalogue = load_catalogue(SAMPLE, today=TODAY)
    single = Searcher(*index_in_memory(catalogue))
    monkeypatch.setattr(search_index, "PARALLEL_FROM", 0)
    # Two processes even on a one-core machine, where the build itself would use one.
    monkeypatch.setattr(search_index.os, "cpu_count", lambda: 2)
    assert search_index.parallel_writer_options(1)["procs"] == 2
    parallel_index = search_index.write_index(catalogue, tmp_path / "whoosh")
    assert len(parallel_index._segments()) >= 2, "each process wrote its own segment"
    parallel = Searcher(parallel_index, catalogue.synonyms)

    def ranking(text: str, searcher: Searcher) -> list[tuple[float, str]]:
        # Equal scores may come in either order (Whoosh breaks ties by document number, which differs).
        return sorted((-round(hit.score, 6), hit.id) for hit in search_catalogue(text, searcher, limit=200).hits)

    for text in ("sfi", "svenska", "simning", "föräldrar", "praktik", "bibliotk", "läxhjälp arabiska"):
        expected = ranking(text, single)
        assert expected, text
        assert ranking(text, parallel) == expected, text
