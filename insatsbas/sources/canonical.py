"""The one written form of an entry: what `insatsbas format` and the web editor both write, byte for byte.

The form is the catalogue's own, because it reads best in review:

- keys in the order of the entry schema's `properties`, at every level (unknown keys after them, in the
  order they came, so that validation can still name them);
- lists of codes (arrays whose items have an `enum`) and `keywords` in flow style, `[a, b]`; other lists
  in block style, one item a line;
- Markdown (`contentMediaType: text/markdown` in the schema) and every text with a line break as a literal
  block `|`;
- times, telephone numbers and postal codes (the schema patterns in `QUOTED_PATTERNS`) always in double
  quotes; every other text plain when it reads back as the same text under YAML 1.2's core schema, in
  double quotes otherwise;
- characters pasted from Word cleaned from texts as the reader cleans them (`insatsbas.sources.pasted`: a
  non-breaking space becomes a space, invisible ones go; in telephone numbers dashes become hyphens);
- empty values (None, "", [], {}) left out; no comments, no document markers, one final newline, no
  wrapping.

The rules are decided here, once, from the schema: `entry_layout` turns the entry schema into a small JSON
tree (also handed to the editor's JavaScript writer, theme/editor/insatsbas-yaml.js, which applies the same
rules with the `yaml` package), and `styled_node` picks each node's style. PyYAML's emitter does the syntax
and escaping. Text is tidied first, in the same way in both languages (`tidy_text`), so that a literal
block is always possible and both emitters agree on every character they write.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from insatsbas.sources.pasted import clean, is_number_field, replacements
from insatsbas.sources.schema import MARKDOWN, QUOTED_PATTERNS, base_type

Layout = dict[str, Any]

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"

# Text lists that are short words, not sentences: one line reads best.
FLOW_TEXT_LISTS = frozenset({"keywords"})

# --- the layout: what the schema says about how each field is written ----------------------------------


def entry_layout(schema: dict[str, Any]) -> Layout:
    """The writing rules of an entry schema, as plain JSON data (also for the JavaScript writer, which gets the
    pasted characters' replacements here too)."""
    return {**_layout(schema, name=""),
            "pasted": {"text": replacements(), "number": replacements(in_number=True)}}


def _layout(schema: dict[str, Any], name: str) -> Layout:
    kind = base_type(schema)
    if kind == "object":
        layout: Layout = {"kind": "map", "keys": list(schema.get("properties", {}))}
        fields = {key: _layout(sub, key) for key, sub in schema.get("properties", {}).items()}
        if fields:
            layout["fields"] = fields
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            layout["keys"] += [k for k in schema.get("propertyNames", {}).get("enum", []) if k not in layout["keys"]]
            layout["each"] = _layout(extra, "")
        return layout
    if kind == "array":
        items = schema.get("items", {})
        if "enum" in items or name in FLOW_TEXT_LISTS:
            return {"kind": "flow"}
        return {"kind": "list", "items": _layout(items, "")}
    if kind == "string":
        if schema.get("contentMediaType") == MARKDOWN:
            return {"kind": "markdown"}
        if schema.get("pattern") in QUOTED_PATTERNS:
            return {"kind": "quoted", "number": True} if is_number_field((name,)) else {"kind": "quoted"}
    return {"kind": "text"}


TEXT: Layout = {"kind": "text"}


def field_layout(layout: Layout, key: str) -> Layout:
    return layout.get("fields", {}).get(key) or layout.get("each") or TEXT


# --- tidying text -------------------------------------------------------------------------------------

# Line breaks of other systems become "\n"; a tab becomes a space (PyYAML cannot write a tab in a block).
_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
# Characters YAML may not hold unescaped and that no editor means to type: control characters, the byte
# order mark, noncharacters at the end of a plane, and halves of surrogate pairs. Both emitters would
# escape them differently, and the catalogue's reader refuses them anyway.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\U0010ffff]")
# Markdown's hard line break written as two or more trailing spaces: a backslash says the same
# (CommonMark), is what the web editor's Markdown widget writes, and leaves no space before the line end.
_TRAILING_SPACES_BREAK = re.compile(r" {2,}$")


def tidy_text(text: str, markdown: bool = False) -> str:
    """The text as it is written: line breaks "\\n", no tabs or invisible control characters, no spaces at
    the ends of lines, no blank lines at the start or end; text of several lines (and Markdown) ends with one
    line break, other text with none. Only ASCII spaces are trimmed: other spaces (U+00A0 ...) are left for
    the reader's own normalisation to report."""
    text = _INVISIBLE.sub("", _BREAKS.sub("\n", text).replace("\t", " "))
    lines = text.split("\n")
    if markdown:
        lines = [
            _TRAILING_SPACES_BREAK.sub("\\\\", line) if index + 1 < len(lines) and lines[index + 1].strip(" ")
            else line
            for index, line in enumerate(lines)
        ]
    lines = [line.rstrip(" ") for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return ""
    if len(lines) == 1 and not markdown:
        return lines[0].lstrip(" ")
    return "\n".join(lines) + "\n"


def tidy(value: Any, layout: Layout) -> Any:
    """The value with text tidied and empty values (None, "", [], {}) left out, recursively."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            item = tidy(item, field_layout(layout, key))
            if not _is_empty(item):
                kept[key] = item
        return kept
    if isinstance(value, list):
        items_layout = layout.get("items", TEXT)
        return [item for item in (tidy(v, items_layout) for v in value) if not _is_empty(item)]
    if isinstance(value, str):
        return tidy_text(clean(value, in_number=layout.get("number", False)), markdown=layout.get("kind") == "markdown")
    return value


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


# --- styles ------------------------------------------------------------------------------------------

# YAML 1.2 core schema: the plain scalars that are not text.
CORE_NON_TEXT = re.compile(
    r"(?:~|null|Null|NULL)?"
    r"|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# What may stand plain in both PyYAML and `yaml` (the intersection of their rules, kept simple): no
# indicator first, no ": " or " #", no ":" last; in a flow list none of ,?[]{}: at all.
_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_INDICATORS = re.compile(r"[,?\[\]{}:]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def plain_allowed(text: str, in_flow: bool) -> bool:
    return bool(text) and not (
        text[0] in _PLAIN_FIRST or text.startswith("...") or text[-1] in " :" or ": " in text or " #" in text
        or "\n" in text or (in_flow and _FLOW_INDICATORS.search(text)) or CORE_NON_TEXT.fullmatch(text)
    )


def text_style(text: str, kind: str, in_flow: bool) -> str:
    """'' plain, '"' double-quoted, "'" single-quoted, '|' literal block."""
    if "\n" in text and not in_flow:
        return "|"
    if kind != "quoted" and plain_allowed(text, in_flow):
        return ""
    # PyYAML escapes characters beyond U+FFFF inside double quotes (\U0001F600), `yaml` writes them as they
    # are; in single quotes both write them as typed.
    return "'" if _ASTRAL.search(text) else '"'


def number_text(value: int | float) -> str:
    """A number as JavaScript's Number.prototype.toString writes it, which is what the `yaml` package
    writes; an integral float is written as an integer (59.0 -> 59), as JavaScript has one number type."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    if isinstance(value, int):
        return str(value)
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    _, digits_tuple, exponent = Decimal(repr(abs(value))).as_tuple()
    digits = "".join(map(str, digits_tuple)).rstrip("0")
    exponent += len("".join(map(str, digits_tuple))) - len(digits)
    k, n = len(digits), exponent + len(digits)
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = f"{digits[:n]}.{digits[n:]}"
    elif -6 < n <= 0:
        body = "0." + "0" * -n + digits
    else:
        mantissa = digits if k == 1 else f"{digits[0]}.{digits[1:]}"
        body = f"{mantissa}e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return sign + body


# --- nodes and the emitter ------------------------------------------------------------------------------


class _CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema resolution, so that PyYAML's own check agrees with `plain_allowed`."""


for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
):
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), _first)


class CanonicalDumper(yaml.emitter.Emitter, yaml.serializer.Serializer, _CoreResolver):
    """PyYAML's emitter and serializer over ready-made nodes; sequences are indented under their key."""

    def __init__(self, stream: Any, **_options: Any):
        yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True, indent=2, width=sys.maxsize,
                                      line_break="\n")
        yaml.serializer.Serializer.__init__(self, explicit_start=False, explicit_end=False)
        _CoreResolver.__init__(self)

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _resolved_tag(text: str) -> str:
    return _CoreResolver().resolve(ScalarNode, text, (True, False))


def styled_node(value: Any, layout: Layout, in_flow: bool = False) -> Node:
    """The YAML node of a tidied value, every scalar with its style chosen by the rules above."""
    if isinstance(value, dict):
        keys = [k for k in layout.get("keys", []) if k in value] + [k for k in value if k not in layout.get("keys", [])]
        pairs = [(_key_node(key), styled_node(value[key], field_layout(layout, key))) for key in keys]
        return MappingNode(MAP, pairs, flow_style=False)
    if isinstance(value, list):
        flow = layout.get("kind") == "flow" and all(_fits_flow(item) for item in value)
        items_layout = TEXT if flow else layout.get("items", TEXT)
        return SequenceNode(SEQ, [styled_node(item, items_layout, flow) for item in value], flow_style=flow)
    if isinstance(value, bool):
        return ScalarNode("tag:yaml.org,2002:bool", "true" if value else "false", style=None)
    if isinstance(value, int | float):
        text = number_text(value)
        return ScalarNode(_resolved_tag(text), text, style=None)
    text = str(value)
    style = text_style(text, layout.get("kind", "text"), in_flow)
    return ScalarNode(STR, text, style=style or None)


def _key_node(key: str) -> ScalarNode:
    return ScalarNode(STR, key, style=text_style(key, "text", in_flow=True) or None)


def _fits_flow(item: Any) -> bool:
    return not isinstance(item, dict | list) and not (isinstance(item, str) and "\n" in item)


def dump(data: dict[str, Any], layout: Layout) -> str:
    """The canonical text of an entry's data (as the reader returns it)."""
    value = tidy(data, layout)
    return yaml.serialize(styled_node(value, layout), Dumper=CanonicalDumper) if value else ""


def comment_lines(text: str) -> int:
    """How many lines of a YAML text hold a comment: a `#` at a line's start or after a space, outside any
    scalar, as PyYAML's scanner sees the scalars (the text must be readable YAML)."""
    scalars = [(token.start_mark.index, token.end_mark.index)
               for token in yaml.scan(text, Loader=yaml.BaseLoader) if isinstance(token, yaml.ScalarToken)]
    lines: set[int] = set()
    for found in re.finditer(r"(?:^|(?<=[ \t]))#", text, flags=re.MULTILINE):
        if not any(start <= found.start() < end for start, end in scalars):
            lines.add(text.count("\n", 0, found.start()))
    return len(lines)
