"""Hostile catalogue files: each gives one positioned Swedish error through `insatsbas validate`, never a
traceback, a flood of messages or an unbounded time. benchmarks/hostile_files.py measures the time and peak
memory of each (the numbers are printed there, not asserted here)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from insatsbas.cli import cli
from tests.conftest import VALID_ENTRY

FILE = "huddinge/sprakcafe.yml"


def nested_block_lists(depth: int) -> str:
    return "funding:\n" + "".join("  " * level + "-\n" for level in range(depth))


def alias_bomb() -> str:
    """Nine levels of nine aliases each: 387,420,489 strings once expanded."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# (file text, line, column or None, what the message says)
HOSTILE = {
    "deep_flow_nesting": (VALID_ENTRY + "funding: " + "[" * 3000 + "]" * 3000 + "\n", 21, None,
                          "nivåer inuti varandra"),
    "deep_block_nesting": (VALID_ENTRY + "funding:\n  " + "- " * 3000 + "x\n", 22, None, "nivåer inuti varandra"),
    "deep_indented_nesting": (VALID_ENTRY + nested_block_lists(400), 53, None, "nivåer inuti varandra"),
    "deep_mapping_nesting": (VALID_ENTRY + "provider_x: " + "{a: " * 3000 + "}" * 3000 + "\n", 21, None,
                             "nivåer inuti varandra"),
    "merge_key": (VALID_ENTRY.replace("provider:\n", "provider:\n  <<: {name: A, type: kommun}\n"), 7, 3,
                  "Sammanslagning med << används inte"),
    "merge_key_with_anchor": ("base: &base {type: kommun}\n" + VALID_ENTRY.replace("provider:\n", "provider:\n  <<: *base\n"),
                              1, 7, "Ankare och alias"),
    "list_as_key": ("? [title, summary]\n: Två fält\n" + VALID_ENTRY, 1, 3, "En nyckel måste vara ett enkelt ord"),
    "group_as_key": ("{title: A}: B\n" + VALID_ENTRY, 1, 1, "En nyckel måste vara ett enkelt ord"),
    "alias_bomb": (alias_bomb() + VALID_ENTRY, 1, 5, "Ankare och alias"),
    "list_of_100000_items": (VALID_ENTRY.replace("languages: [sv]", "languages: [" + ",".join(["s"] * 100_000) + "]"),
                             12, 12, "fler än 1000 värden"),
    "group_of_20000_keys": (VALID_ENTRY + "extra: {" + ",".join(f"k{i}: 1" for i in range(20_000)) + "}\n",
                             21, 8, "fler än 1000 värden"),
    "single_line_of_1_mb": (VALID_ENTRY.replace("summary: Öva", "summary: " + "x" * 1024 * 1024 + " Öva"), 1, 1,
                            "högst 256 kB"),
    "single_line_of_250_kb": (VALID_ENTRY.replace("summary: Öva", "summary: " + "x" * 250_000 + " Öva"), 2, None,
                              "högst 300"),
}

PROBLEM = re.compile(r"(?P<file>.+\.yml):(?P<line>\d+):(?P<column>\d+): fel: (?P<message>.+)")


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_a_hostile_file_gives_one_positioned_swedish_error_and_no_traceback(make_catalogue, case):
    text, line, column, message = HOSTILE[case]
    root = make_catalogue({FILE: text})

    result = CliRunner().invoke(cli, ["validate", "--catalogue", str(root), "--today", "2026-11-22"])

    assert result.exit_code == 1, result.output[-2000:]
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    problems = [PROBLEM.fullmatch(row) for row in result.output.splitlines() if PROBLEM.fullmatch(row)]
    assert len(problems) == 1, result.output[-2000:]
    assert problems[0]["file"].endswith(FILE)
    assert int(problems[0]["line"]) == line
    if column is not None:
        assert int(problems[0]["column"]) == column
    assert message in problems[0]["message"]
    assert "1 fel och 0 varningar" in result.output
