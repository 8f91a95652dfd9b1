"""Writing imported entries in the catalogue's one written form (insatsbas/sources/canonical.py), with comments
that mark what an editor must check (`insatsbas format` drops them once the editor is done)."""

from __future__ import annotations

from typing import Any

from insatsbas.sources.canonical import Layout, dump

# Without the schema's layout: keys in the order given, every list in block style.
GENERIC: Layout = {"kind": "map"}


def dump_entry(data: dict[str, Any], comments: dict[str, list[str]] | None = None, header: list[str] = (),
               layout: Layout = GENERIC) -> str:
    """The entry in the canonical form, after `header` comment lines; `comments` puts comment lines above
    top-level fields (to mark values an editor must check)."""
    lines = [f"# {line}" for line in header]
    for line in dump(data, layout).splitlines():
        key = line.split(":", 1)[0] if line[:1].isalpha() else None
        for comment in (comments or {}).get(key, []) if key else []:
            lines.append(f"# {comment}")
        lines.append(line)
    return "\n".join(lines) + "\n"
