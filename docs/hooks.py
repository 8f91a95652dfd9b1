"""MkDocs hooks (mkdocs.yml `hooks:`): the editors' page of these docs is the site's editors' guide itself,
one file for both.

The guide is a Pelican page that starts with `Title:`, `Slug:`, `Lang:` and `Summary:` lines. MkDocs reads
those as MultiMarkdown meta-data, as Pelican does, so they never show; the hook adds the file to the docs as
`redaktorer.md`, puts its title on top as a heading (the site's template does that there) and marks the text
with its language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

# The site's guide, relative to mkdocs.yml: the one line to change if the page moves.
GUIDE = "insatsbas/content/pages/redaktorer.md"
PAGE = "redaktorer.md"


def guide_path(config) -> Path:
    return Path(config.config_file_path).parent / GUIDE


def on_files(files: Files, config) -> Files:
    files.append(File.generated(config, PAGE, abs_src_path=str(guide_path(config))))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    meta = page.meta  # the guide's Pelican header: Title, Slug, Lang, Summary (keys in lower case)
    return f'# {meta["title"]}\n\n<div lang="{meta["lang"]}" markdown>\n\n{markdown}\n\n</div>\n'


def on_serve(server, config, builder):
    server.watch(str(guide_path(config)))
    return server
