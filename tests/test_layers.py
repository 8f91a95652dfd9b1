"""The package's layers point down (pyproject.toml's import-linter contracts, run by `lint-imports`), an added
upward import breaks them, there is no import cycle (imports inside functions included), and only click's
entry point ends the process."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGE = REPO / "insatsbas"


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """`lint-imports` with the repository's contracts, on the package found first on the path from `root`."""
    return subprocess.run([str(LINT_IMPORTS), str(REPO / "pyproject.toml"), "--no-cache"],
                          cwd=root, env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)},
                          capture_output=True, text=True, timeout=300)


def test_the_layer_contracts_are_kept():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(PACKAGE, root / "insatsbas", ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.mark.parametrize(("module", "imported", "broken", "summary"), [
    # The reader importing a projection, inside a function as the old cycles were hidden.
    ("reader.py", "from insatsbas.site import write_site", "insatsbas.reader -> insatsbas.site", "1 kept, 1 broken"),
    # A projection importing another projection.
    ("database.py", "from insatsbas.search.index import index_in_memory", "insatsbas.database -> insatsbas.search",
     "1 kept, 1 broken"),
    # Shared code importing the site, which imports it (incremental.py did, for the theme's folder): a cycle too.
    ("incremental.py", "from insatsbas.site import THEME_DIR", "insatsbas.incremental -> insatsbas.site",
     "0 kept, 2 broken"),
])
def test_an_upward_import_breaks_the_layers(package_copy, module, imported, broken, summary):
    path = package_copy / "insatsbas" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + f"\n\ndef upward():\n    {imported}\n", encoding="utf-8")
        result = lint_imports(package_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert f"Contracts: {summary}." in result.stdout
    assert broken in result.stdout.replace("\n", " ")


def test_no_module_imports_one_that_imports_it_back():
    """No cycle in the graph of the package's modules, counting every import anywhere in a module."""
    graph = grimp.build_graph("insatsbas", exclude_type_checking_imports=False)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(imported=module, importer=imported):
                cycles.append((module, imported))
    assert cycles == []


def exits(path: Path) -> list[str]:
    """`sys.exit(...)`, `exit(...)`, `quit(...)` and `raise SystemExit` in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        call = node.func if isinstance(node, ast.Call) else None
        if isinstance(call, ast.Attribute) and call.attr == "exit" and getattr(call.value, "id", "") == "sys" \
                or isinstance(call, ast.Name) and call.id in {"exit", "quit"}:
            found.append(f"{path.relative_to(REPO)}:{node.lineno}")
        if isinstance(node, ast.Raise) and "SystemExit" in ast.unparse(node.exc or ast.Constant(None)):
            found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_only_clicks_entry_point_ends_the_process():
    assert [found for path in sorted(PACKAGE.rglob("*.py")) for found in exits(path)] == []
    assert exits(REPO / "benchmarks" / "run.py")  # the check finds what it looks for
