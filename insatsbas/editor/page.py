"""The web editor's page folder: our page and scripts from theme/editor/, Decap CMS's bundle and the `yaml`
package's browser build from node_modules (hard-linked where the file system allows, as the build does with
every file it reuses).

    redigera/index.html            the page: setup JSON (configuration + layout), import map, CSP
    redigera/editor.js, setup.js, insatsbas-yaml.js, manual-init.js, editor.css
    redigera/decap/                decap-cms.js, its chunks and WebAssembly (no source maps)
    redigera/yaml/                 node_modules/yaml/browser/dist, what the import map calls `yaml`
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from insatsbas.i18n import N_
from insatsbas.incremental import link_or_copy

# Package data: the editor's own page and scripts.
EDITOR_THEME = Path(__file__).resolve().parent.parent / "theme" / "editor"
EDITOR_PATH = "redigera"
OWN_FILES = ("editor.js", "setup.js", "insatsbas-yaml.js", "swedish.js", "manual-init.js", "accessibility.js",
             "editor.css")
IMPORT_MAP = json.dumps({"imports": {"yaml": "./yaml/index.js"}})
# Where `npm ci` puts the packages; INSATSBAS_NODE_MODULES overrides (a region's repository may keep its own).
NODE_MODULES_ENV = "INSATSBAS_NODE_MODULES"


class EditorUnavailable(Exception):
    """Decap CMS (or the yaml package) is not installed; `message` is a Swedish message id."""

    def __init__(self, missing: Path):
        super().__init__(str(missing))
        self.missing = missing
        self.message = N_("Webbredigeraren behöver {path}, som saknas. Kör `npm ci` i projektmappen "
                          "(det installerar Decap CMS och dess hjälpprogram).")


def node_modules() -> Path:
    """The node_modules folder: $INSATSBAS_NODE_MODULES, or the one in the working folder (where `npm ci` ran)."""
    if os.environ.get(NODE_MODULES_ENV):
        return Path(os.environ[NODE_MODULES_ENV])
    return Path.cwd() / "node_modules"


def decap_dist(modules: Path) -> Path:
    return modules / "decap-cms" / "dist"


def yaml_dist(modules: Path) -> Path:
    return modules / "yaml" / "browser" / "dist"


def check_installed(modules: Path) -> None:
    for needed in (decap_dist(modules) / "decap-cms.js", yaml_dist(modules) / "index.js"):
        if not needed.is_file():
            raise EditorUnavailable(needed)


def content_security_policy(connect: list[str]) -> str:
    """As strict as Decap allows. It needs:
    - style-src 'unsafe-inline': Decap styles itself with Emotion, which adds <style> elements at run time;
    - img-src data: and blob:: its icons are data: URLs, previews of files blob: URLs;
    - connect-src: decap-server on 127.0.0.1 (`insatsbas edit`) or the git host's API (published editor),
      and nothing else: the GitHub backend's status check (www.githubstatus.com) is refused and Decap
      carries on without it;
    - script-src: our files, Decap's bundle and the import map (by its hash), and 'unsafe-eval': Decap checks
      its configuration with Ajv, which compiles each JSON Schema into a function with `new Function`
      (refused without it: "Error compiling schema"). No inline script.
    """
    import_map_hash = base64.b64encode(hashlib.sha256(IMPORT_MAP.encode()).digest()).decode()
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'sha256-{import_map_hash}' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src " + " ".join(["'self'", *connect]),
        "worker-src 'self' blob:",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def setup_json(setup: dict[str, Any]) -> str:
    """The setup as JSON that cannot end its <script> element early."""
    return json.dumps(setup, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c")


@dataclass
class EditorFiles:
    folder: Path
    files: int
    bytes: int


def write_editor(folder: Path, setup: dict[str, Any], connect: list[str], modules: Path | None = None) -> EditorFiles:
    """Write the editor page with its scripts into `folder` (raises EditorUnavailable first when Decap CMS or
    the yaml package is not installed)."""
    modules = modules or node_modules()
    check_installed(modules)
    folder.mkdir(parents=True, exist_ok=True)
    environment = Environment(loader=FileSystemLoader(EDITOR_THEME), autoescape=True, undefined=StrictUndefined,
                              keep_trailing_newline=True)
    page = environment.get_template("index.html").render(
        csp=content_security_policy(connect), import_map=IMPORT_MAP, setup=setup_json(setup))
    (folder / "index.html").write_text(page, encoding="utf-8")
    for name in OWN_FILES:
        link_or_copy(EDITOR_THEME / name, folder / name)
    for source in sorted(decap_dist(modules).iterdir()):
        if source.name == "decap-cms.js" or source.name.endswith((".decap-cms.js", ".wasm")) \
                or source.name == "decap-cms.js.LICENSE.txt":
            link_or_copy(source, folder / "decap" / source.name)
    for source in sorted(yaml_dist(modules).rglob("*")):
        if source.is_file() and source.suffix != ".map":
            link_or_copy(source, folder / "yaml" / source.relative_to(yaml_dist(modules)))
    link_or_copy(modules / "yaml" / "LICENSE", folder / "yaml" / "LICENSE")
    written = [p for p in folder.rglob("*") if p.is_file()]
    return EditorFiles(folder, len(written), sum(p.stat().st_size for p in written))
