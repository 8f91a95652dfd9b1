from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "catalogue"
TODAY = date(2026, 11, 22)
# The web editor's JavaScript packages, installed by `npm ci` here: the commands look for node_modules in the
# working folder, and the tests run many of them in temporary folders.
os.environ.setdefault("INSATSBAS_NODE_MODULES", str(REPO / "node_modules"))

VALID_ENTRY = """\
title: Språkcafé på biblioteket
summary: Öva svenska över en kopp kaffe med frivilliga samtalsvärdar.
description: |
  Varje tisdag träffas vi på biblioteket och pratar svenska i små grupper.
status: active
provider:
  name: Huddinge kommun, biblioteken
  type: kommun
municipality: huddinge
categories: [sprakstod]
target_groups: [vuxna]
languages: [sv]
how_to_apply:
  referral: self
  description: Kom när du vill, ingen anmälan.
contact:
  role: Bibliotekarie
  email: bibliotek.huddinge@example.org
last_reviewed: 2026-06-01
reviewed_by: Bibliotekschef
"""


# A second county for the sample (issue 6's search partitions): Uppsala (Uppsala län, länskod 03), an entry
# only for Uppsala, and one open in Uppsala and Huddinge (two counties: the national partition).
UPPSALA = """\
- slug: uppsala
  name: Uppsala
  code: "0380"
  label: {sv: Uppsala, en: Uppsala, ar: أوبسالا}
"""

UPPSALA_ENTRY = """\
title: {title}
summary: {summary}
description: |
  {description}
status: active
provider:
  name: IK Södertörn
  type: ideell
municipality: uppsala
service_area: {service_area}
categories: [idrott-fritid]
target_groups: [vuxna]
languages: [sv]
how_to_apply:
  referral: self
  description: Kom till simhallen.
contact:
  role: Simlärare
  email: sim.uppsala@example.org
last_reviewed: 2026-06-01
reviewed_by: Badchef
"""

ONLY_UPPSALA = "ik-sodertorn/simundervisning-uppsala"
BOTH_COUNTIES = "ik-sodertorn/sommarsim-familjer"


def add_uppsala(root: Path) -> None:
    """Add Uppsala and its two entries to a copy of the sample catalogue at `root`."""
    vocabulary = root / "vocabularies" / "municipalities.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + UPPSALA, encoding="utf-8")
    write(root / f"{ONLY_UPPSALA}.yml", UPPSALA_ENTRY.format(
        title="Simundervisning i Uppsala", summary="Lär dig simma i Fyrishov.",
        description="Simundervisning för vuxna nybörjare, tio gånger under hösten.", service_area="[]"))
    write(root / f"{BOTH_COUNTIES}.yml", UPPSALA_ENTRY.format(
        title="Sommarsim för nyanlända familjer", summary="Bad och lek för hela familjen under sommarlovet.",
        description="Vi badar tillsammans varje vecka. Barnen kan prova på simundervisning i den grunda bassängen.",
        service_area="[huddinge]"))


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def make_catalogue(tmp_path: Path) -> Callable[..., Path]:
    """A temporary catalogue with the sample's owners and vocabularies and the given entry files."""

    def make(entries: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "catalogue"
        root.mkdir()
        shutil.copytree(SAMPLE / "vocabularies", root / "vocabularies")
        shutil.copy(SAMPLE / "owners.yml", root / "owners.yml")
        shutil.copy(SAMPLE / "region.yml", root / "region.yml")
        for relative, text in (entries or {}).items():
            write(root / relative, text)
        return root

    return make


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue built once for the whole session."""
    from insatsbas.build import build

    out = tmp_path_factory.mktemp("sample") / "output"
    build(SAMPLE, out, today=TODAY)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_datasette(database: Path, metadata: Path, *options: str) -> Iterator[httpx.Client]:
    """A real Datasette process on a free loopback port, and an HTTP client for it. `options` go before the
    database (["-i"] opens it immutable)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", *options, str(database), "-m", str(metadata),
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
    try:
        yield httpx.Client(base_url=base, timeout=10)
    finally:
        process.terminate()
        process.wait(10)
