"""Serve a built output folder locally: Datasette on the database, with the project's metadata."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from insatsbas.database import DATABASE_NAME

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"


def datasette_command(out: Path, host: str, port: int) -> list[str]:
    command = [sys.executable, "-m", "datasette", "serve", str(out / DATABASE_NAME), "--host", host,
               "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]
    if METADATA.exists():
        command += ["--metadata", str(METADATA)]
    return command


def serve_output(out: Path, *, host: str, datasette_port: int) -> None:
    print(f"Datasette: http://{host}:{datasette_port}/  (Ctrl-C avslutar)", flush=True)
    subprocess.run(datasette_command(out, host, datasette_port), check=False)
