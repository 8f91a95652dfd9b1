"""The package as another region gets it: a wheel, installed (not editable) into a fresh virtualenv, builds a
catalogue that lives in a folder of its own outside this repository, with nothing of the repository but a
copy of its catalogue. The site (in every language, with its search bundles), the Whoosh index and the
database come out as complete as the repository's own build, and the region's templates/ and pages/ beside
its catalogue override the package's.

The virtualenv is made once per session. So that it takes seconds, not minutes, it borrows the libraries
this test run has installed (a .pth file naming their folder: pip does not install them again), while the
wheel itself is installed from the file with --no-index --no-deps; `pip check` then confirms that every
dependency the wheel declares is there."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from insatsbas.reader import load_catalogue
from insatsbas.urls import LANGUAGES, language_prefix
from tests.conftest import REPO, SAMPLE, TODAY, write

PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
# Pagefind names its files by content hashes and writes filter maps in a random order, and Whoosh names its
# segment randomly: their files are compared by what they hold, everything else by name.
RANDOMLY_NAMED = ("pagefind/", "whoosh/")
# What only the repository's build has on purpose: none of its files (the region's pages replace the
# package's pages of the same names).
ONLY_IN_THE_REPOSITORY: set[str] = set()


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **options)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed; its bin/ folder."""
    started = time.perf_counter()
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "insatsbas", source / "insatsbas", ignore=shutil.ignore_patterns("__pycache__"))
    run([*PIP, "wheel", "--no-deps", "--quiet", "--wheel-dir", str(root / "dist"), str(source)])
    wheel = next((root / "dist").glob("insatsbas-*.whl"))
    venv = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    site_packages = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site_packages / "borrowed-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run([*PIP, "--python", str(python), "install", "--no-index", "--no-deps", "--quiet", str(wheel)])
    run([*PIP, "--python", str(python), "check"])
    print(f"\nwheel {wheel.name}: {wheel.stat().st_size:,} bytes; built and installed in "
          f"{time.perf_counter() - started:.1f} s")
    return venv / "bin"


@pytest.fixture(scope="session")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A region's folder outside the repository: only a copy of the sample catalogue."""
    folder = tmp_path_factory.mktemp("region")
    shutil.copytree(SAMPLE, folder / "catalogue")
    return folder


@pytest.fixture(scope="session")
def region_build(installed: Path, region: Path) -> Path:
    started = time.perf_counter()
    run([str(installed / "insatsbas"), "build", "--catalogue", "catalogue", "--out", "out", "--today",
         TODAY.isoformat(), "--quiet"], cwd=region, env={"PATH": str(installed), "HOME": str(region)})
    print(f"\nthe installed package built the region's catalogue in {time.perf_counter() - started:.1f} s")
    return region / "out"


def test_the_wheel_holds_the_theme_the_default_pages_and_datasettes_metadata(installed):
    wheel = next(installed.parent.parent.glob("dist/insatsbas-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("insatsbas/theme/templates/base.html", "insatsbas/theme/static/js/search.js",
                 "insatsbas/theme/translations/ar/LC_MESSAGES/messages.po", "insatsbas/theme/editor/index.html",
                 "insatsbas/content/pages/om.md", "insatsbas/content/pages/redaktorer.md",
                 "insatsbas/datasette/metadata.yml", "insatsbas/datasette/stats-metadata.yml",
                 "insatsbas/locale/en/LC_MESSAGES/insatsbas.po", "insatsbas/editing/templates/reminder/email.txt",
                 "insatsbas/stats/templates/statistik.html"):
        assert name in names, name
    assert not any(name.startswith(("catalogue/", "pages/", "tests/")) for name in names)


def test_the_installed_package_runs_from_the_virtualenv_not_from_the_repository(installed):
    where = run([str(installed / "python"), "-c", "import insatsbas; print(insatsbas.__file__)"], cwd=installed).stdout
    assert Path(where.strip()).is_relative_to(installed.parent) and not Path(where.strip()).is_relative_to(REPO)


def listing(out: Path) -> set[str]:
    return {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()
            and not path.relative_to(out).as_posix().startswith(RANDOMLY_NAMED)}


def bundles(out: Path) -> dict[str, dict[str, int]]:
    """Each Pagefind bundle's pages per language."""
    return {entry.parent.name: {lang: index["page_count"] for lang, index in
                                json.loads(entry.read_text(encoding="utf-8"))["languages"].items()}
            for entry in (out / "pagefind").glob("*/pagefind-entry.json")}


def test_the_installed_package_builds_a_complete_site_database_and_search_index(region_build, sample_build):
    assert listing(region_build) == listing(sample_build) - ONLY_IN_THE_REPOSITORY
    for lang in ("", "en/", "ar/"):
        for page in ("index.html", "sok/index.html", "for-mig/index.html", "om/index.html", "redaktorer/index.html"):
            assert (region_build / lang / page).is_file(), lang + page
    assert bundles(region_build) == bundles(sample_build) and sum(bundles(region_build)["lan-01"].values()) > 300
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    published = sum(1 for _ in catalogue.published())
    with whoosh_index.open_dir(str(region_build / "whoosh")).searcher() as searcher:
        assert searcher.doc_count() == published
    with sqlite3.connect(region_build / "insatsbas.db") as db:
        assert db.execute("select count(*) from interventions").fetchone()[0] == len(list(catalogue.published()))
        assert db.execute("select count(*) from interventions_fts where interventions_fts match 'svenska'").fetchone()[0]
    home = (region_build / "index.html").read_text(encoding="utf-8")
    assert "<title>Hitta insatser för nyanlända – Insatsbas Södertörn</title>" in home  # the region's name
    assert "Om Insatsbas" in (region_build / "om" / "index.html").read_text(encoding="utf-8")


def test_the_installed_command_searches_the_build(installed, region, region_build):
    found = run([str(installed / "insatsbas"), "search", "sfi", "--out", "out", "--json"], cwd=region,
                env={"PATH": str(installed), "HOME": str(region)}).stdout
    assert json.loads(found)["hits"]


def test_a_regions_templates_and_pages_beside_its_catalogue_override_the_packages(installed, region, region_build,
                                                                                  tmp_path):
    folder = tmp_path / "region"
    shutil.copytree(region / "catalogue", folder / "catalogue")
    write(folder / "templates" / "base.html", '{% extends "!theme/base.html" %}{% block head %}'
          '<meta name="region" content="{{ site.region_name }}">{% endblock %}')
    write(folder / "pages" / "om.md", "Title: Om katalogen här\nSlug: om\nLang: sv\n\nVår egen sida om katalogen.\n")
    write(folder / "pages" / "kontakt.md", "Title: Kontakt\nSlug: kontakt\nLang: sv\n\nSkriv till oss.\n")
    run([str(installed / "insatsbas"), "build", "--catalogue", "catalogue", "--out", "out", "--today",
         TODAY.isoformat(), "--quiet"], cwd=folder, env={"PATH": str(installed), "HOME": str(folder)})
    out = folder / "out"
    assert '<meta name="region" content="Södertörn">' in (out / "index.html").read_text(encoding="utf-8")
    assert '<meta name="region" content="سودرتورن">' in (out / "ar" / "sok" / "index.html").read_text(encoding="utf-8")
    assert "Vår egen sida om katalogen." in (out / "om" / "index.html").read_text(encoding="utf-8")
    assert "Skriv till oss." in (out / "en" / "kontakt" / "index.html").read_text(encoding="utf-8")
    assert listing(out) == listing(region_build) | {f"{language_prefix(lang).lstrip('/')}kontakt/index.html"
                                                    for lang in LANGUAGES}
