"""The editors' guide (insatsbas/content/pages/redaktorer.md) read as the tests follow it: its code blocks, its example
entry, its mistakes, and the new entry its web-editor steps create."""

from __future__ import annotations

import re

from tests.conftest import REPO

GUIDE = REPO / "insatsbas" / "content" / "pages" / "redaktorer.md"


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def code_blocks(markdown: str) -> list[tuple[str, str]]:
    return re.findall(r"^```(\w*)\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL)


def section(heading: str) -> str:
    """The text under a `## ` heading, up to the next one."""
    return guide_text().split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def web_editor_new_entry() -> tuple[str, str, str]:
    """The example of the web editor's steps: (the collection the editor picks, the title typed, the file the
    guide says it becomes)."""
    steps = section("Ändra i webbredigeraren")
    collection = re.search(r"Välj din organisation under \*\*Samlingar\*\*, till exempel \*(.+?)\*", steps).group(1)
    title, path = re.search(r"\*([^*]+)\*\s+blir\s+`([^`]+)`", steps).groups()
    return collection, title, path


def shell_commands(heading: str) -> list[str]:
    """The commands of the shell blocks under a heading, without their comments."""
    return [line.split("  #", 1)[0].strip()
            for language, block in code_blocks(section(heading)) if language == "sh"
            for line in block.splitlines() if line.strip()]
