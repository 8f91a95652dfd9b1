"""The web editor for entries: Decap CMS with a configuration generated from the entry schema, the
vocabularies and owners.yml (config.py), writing the catalogue's canonical YAML through our custom format
(theme/editor/insatsbas-yaml.js). page.py writes the page; insatsbas/serve/editor.py runs it on the working copy
(`insatsbas edit`); `published_editor` puts it into a build at /redigera/, editing the git host's repository
through pull requests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from insatsbas.editor.config import Backend, editor_setup
from insatsbas.editor.page import EDITOR_PATH, EditorFiles, write_editor
from insatsbas.model import Catalogue

GITHUB_API = "https://api.github.com"


@dataclass(frozen=True)
class PublishedEditor:
    """The editor in a build: `repo` is OWNER/REPO on GitHub; `auth_url` the OAuth service Decap's GitHub
    login goes through (Decap's default when None)."""

    repo: str
    branch: str = "main"
    auth_url: str | None = None


def write_published_editor(catalogue: Catalogue, out: Path, editor: PublishedEditor,
                           catalogue_folder: str) -> EditorFiles:
    """OUT/redigera/ (raises EditorUnavailable when Decap CMS is not installed)."""
    setup = editor_setup(catalogue.vocabularies, catalogue.owners, catalogue_folder,
                         Backend(repo=editor.repo, branch=editor.branch, auth_url=editor.auth_url))
    return write_editor(out / EDITOR_PATH, setup, connect=[GITHUB_API])
