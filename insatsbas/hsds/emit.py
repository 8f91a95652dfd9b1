"""Writing catalogue entries as YAML that the strict reader reads back unchanged.

PyYAML's safe dumper quotes every string that YAML 1.1 would read as something else (`0126`, `10:30`,
`no`, dates), which is a superset of what `yamlsource` types, so every text stays text. Multi-line text
is written as a literal block, as editors write descriptions.
"""

from __future__ import annotations

from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/insats.schema.json"


class EntryDumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line strings as `|` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


EntryDumper.add_representer(str, _represent_text)
# The catalogue reader never reads a date as anything but text, so dates need no quotes (as editors write them).
EntryDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def dump_entry(data: dict[str, Any], comments: dict[str, list[str]] | None = None, header: list[str] = ()) -> str:
    """The entry as YAML: the schema line, `header` comment lines, then the fields; `comments` puts
    comment lines above top-level fields (to mark values an editor must check)."""
    body = yaml.dump(data, Dumper=EntryDumper, allow_unicode=True, sort_keys=False, width=1_000_000,
                     default_flow_style=False)
    lines = [SCHEMA_LINE, *(f"# {line}" for line in header)]
    for line in body.splitlines():
        key = line.split(":", 1)[0] if line[:1].isalpha() else None
        for comment in (comments or {}).get(key, []) if key else []:
            lines.append(f"# {comment}")
        lines.append(line)
    return "\n".join(lines) + "\n"
