"""The documentation: a short README with a link for every reader, docs that build strictly with MkDocs and
have a page for each of them, the editors' page made from the site's guide itself, a CLI reference that is
what the commands print, and only commands, options and make targets that exist."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import click
import pytest
from cogapp import Cog

from insatsbas.cli import cli
from tests.conftest import REPO
from tests.guide import GUIDE, guide_text

README = REPO / "README.md"
DOCS = REPO / "docs"
CLI_REFERENCE = DOCS / "cli.md"
README_LIMIT = 8 * 1024

# Each reader's page in the built docs, with its heading.
PAGES = {
    "index.html": "Insatsbas",
    "redaktorer/index.html": "Guide för redaktörer",
    "analysts/index.html": "Analysts",
    "coordinators/index.html": "Coordinators",
    "operators/index.html": "Operators",
    "developers/index.html": "Developers: architecture and tests",
    "developers/incremental/index.html": "The incremental build",
    "developers/site/index.html": "The public site",
    "developers/editing/index.html": "Editing tools",
    "developers/benchmarks/index.html": "Benchmarks",
    "cli/index.html": "CLI reference",
}


class Outline(HTMLParser):
    """The text of a page's h1-h3 headings in order, the attributes of its scripts and stylesheets, and its
    text."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.loaded: list[str] = []
        self.text: list[str] = []
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in {"h1", "h2", "h3"}:
            self._heading = tag
            self.headings.append((tag, ""))
        if tag in {"script", "img", "iframe"} and attributes.get("src"):
            self.loaded.append(attributes["src"])
        if tag == "link" and attributes.get("href") and "stylesheet" in (attributes.get("rel") or ""):
            self.loaded.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)
        self.text.append(data)


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.headings = [(tag, text.replace("¶", "").strip()) for tag, text in parser.headings]
    return parser


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict`, as `make docs` runs it, into a temporary folder."""
    site = tmp_path_factory.mktemp("docs") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(REPO / "mkdocs.yml"),
         "--site-dir", str(site)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return site


# --- the README --------------------------------------------------------------------------------------


def test_readme_is_at_most_8_kb():
    assert len(README.read_bytes()) <= README_LIMIT


def test_readme_starts_with_make_serve_and_make_test():
    first_block = re.search(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL).group(1)
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == ["make serve", "make test"]


def test_readme_links_every_reader_to_a_page_that_exists():
    links = re.findall(r"\]\(([^)#]+)\)", README.read_text(encoding="utf-8"))
    targets = {(REPO / link).resolve() for link in links if not link.startswith("http")}
    assert all(target.exists() for target in targets), [t for t in targets if not t.exists()]
    for page in ("analysts.md", "coordinators.md", "operators.md", "developers/index.md", "cli.md"):
        assert (DOCS / page).resolve() in targets
    assert GUIDE.resolve() in targets


# --- the built docs ----------------------------------------------------------------------------------


def test_docs_build_strictly_with_a_page_for_every_reader_and_the_cli_reference(built_docs):
    for page, heading in PAGES.items():
        assert (built_docs / page).is_file(), page
        assert outline(built_docs / page).headings[0] == ("h1", heading), page


def test_the_cli_reference_has_every_command(built_docs):
    headings = {text for tag, text in outline(built_docs / "cli/index.html").headings if tag == "h2"}
    assert headings == {" ".join(("insatsbas", *path)) for path, _ in commands(cli)}


def test_the_editors_page_is_the_sites_guide_without_its_pelican_header(built_docs):
    page = outline(built_docs / "redaktorer/index.html")
    guide = guide_text()
    guide_headings = [(f"h{len(marks)}", text) for marks, text in re.findall(r"^(##+) (.+)$", guide, re.MULTILINE)]
    content = [heading for heading in page.headings if heading[0] in {"h2", "h3"}]
    assert content[:len(guide_headings)] == guide_headings
    html = (built_docs / "redaktorer/index.html").read_text(encoding="utf-8")
    assert '<div lang="sv">' in html
    header = guide.split("\n\n", 1)[0].splitlines()
    assert [line.split(":", 1)[0] for line in header] == ["Title", "Slug", "Lang", "Summary"]
    text = " ".join(page.text)
    assert not any(line in text for line in header)
    first_paragraph = " ".join(guide.split("\n\n")[1].split())
    assert first_paragraph in " ".join(text.split())


def test_the_docs_hook_and_the_guide_tests_read_the_same_file():
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    assert (REPO / hooks.GUIDE).resolve() == GUIDE.resolve()


def test_the_docs_load_nothing_from_another_host(built_docs):
    for page in built_docs.rglob("*.html"):
        outside = [url for url in outline(page).loaded if re.match(r"(https?:)?//", url)]
        assert not outside, (page, outside)


# --- the CLI reference -------------------------------------------------------------------------------


def commands(group: click.Group, path: tuple[str, ...] = ()):
    context = click.Context(group, info_name="insatsbas")
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def cog_check(page: Path) -> int:
    """`cog --check` (what `make docs-cli` would change): 0 when the page is current."""
    return Cog().main(["cog", "--check", str(page)])


def test_the_cli_reference_is_what_the_commands_print():
    assert cog_check(CLI_REFERENCE) == 0, "docs/cli.md is out of date: run `make docs-cli` and commit it."


def test_the_cli_reference_check_fails_on_a_stale_page(tmp_path):
    stale = tmp_path / "cli.md"
    text = CLI_REFERENCE.read_text(encoding="utf-8")
    stale.write_text(text.replace("Show this message and exit.", "Show this message.", 1), encoding="utf-8")
    assert cog_check(stale) != 0


# --- commands the docs show --------------------------------------------------------------------------


def documented_pages() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md"))]


def shell_lines(markdown: str) -> list[str]:
    """The command lines of the ```sh blocks, continuation lines joined, comments dropped."""
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            command = re.split(r"\s+#\s", " " + line, maxsplit=1)[0].strip()
            lines += [part.strip() for part in re.split(r"&&|;", command) if part.strip()]
    return lines


def insatsbas_invocations() -> list[tuple[str, list[str]]]:
    found = []
    for page in documented_pages():
        for line in shell_lines(page.read_text(encoding="utf-8")):
            words = shlex.split(line)
            if words and Path(words[0]).name == "insatsbas":
                found.append((f"{page.relative_to(REPO)}: {line}", words[1:]))
    return found


def option_names(command: click.Command) -> set[str]:
    context = click.Context(command, info_name="insatsbas")
    names = set(context.help_option_names)
    for parameter in command.get_params(context):
        names |= set(parameter.opts) | set(parameter.secondary_opts)
    return names


def unknown_parts(words: list[str]) -> list[str]:
    """What in an `insatsbas ...` command line is neither a command nor one of its options."""
    command: click.Command = cli
    words = [word.strip("[]") for word in words]
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        sub = command.get_command(click.Context(command), words[0])
        if sub is None:
            return [words[0]]
        command, words = sub, words[1:]
    if isinstance(command, click.Group) and not any(word in ("-h", "--help", "--version") for word in words):
        return ["(a group without a command)"]
    names = option_names(command) | ({"--version"} if command is cli else set())
    return [word for word in words if word.startswith("-") and word != "-" and word.split("=")[0] not in names]


def test_the_docs_show_insatsbas_commands():
    assert len(insatsbas_invocations()) >= 20


@pytest.mark.parametrize("where, words", insatsbas_invocations(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_insatsbas_command_the_docs_show_exists_with_its_options(where, words):
    assert unknown_parts(words) == [], where


def test_a_misspelt_command_or_option_is_caught():
    assert unknown_parts(["stats", "ingets", "access.log"]) == ["ingets"]
    assert unknown_parts(["build", "--editor-repository", "a/b"]) == ["--editor-repository"]
    assert unknown_parts(["review-status", "--owner", "huddinge", "--within", "30"]) == []


def test_every_make_target_the_docs_show_exists():
    targets = set(re.findall(r"^([\w.-]+):", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    shown = {line.split()[1] for page in documented_pages() for line in shell_lines(page.read_text(encoding="utf-8"))
             if line.startswith("make ")}
    assert {"serve", "test", "docs"} <= shown
    assert shown <= targets, shown - targets


@pytest.mark.parametrize("name", ["deploy/nginx/insatsbas.conf", "deploy/logrotate/insatsbas",
                                  "deploy/systemd/insatsbas-stats.service", "deploy/systemd/insatsbas-stats.timer"])
def test_the_operators_deployment_section_shows_the_tested_files_as_they_are(name: str):
    # tests/browser/test_nginx_deployment.py runs these files; the docs must show the same text.
    text = (REPO / name).read_text(encoding="utf-8")
    assert f"\n{text}```\n" in (DOCS / "operators.md").read_text(encoding="utf-8"), f"docs/operators.md differs from {name}"
