"""The package tree shows the pipeline: stages as subpackages, no cycles, small modules, no prose in code."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "oidocs"

# What each part of the package may import (besides itself and the standard library). The
# order is the data's path: deal -> clauses -> document -> writers, with review, negotiate,
# run and cli beside or on top. Kept here as data so that a new edge is a visible decision.
BASE = {"oidocs.errors", "oidocs._version", "oidocs.content", "oidocs.cache"}
ALLOWED: dict[str, set[str]] = {
    "oidocs.errors": set(),
    "oidocs._version": set(),
    "oidocs.content": {"oidocs.errors"},
    "oidocs.cache": {"oidocs._version"},
    "oidocs.document": {"oidocs.errors"},
    "oidocs.deal": {"oidocs.errors", "oidocs.content"},
    "oidocs.clauses": BASE | {"oidocs.deal", "oidocs.document"},
    "oidocs.writers": BASE | {"oidocs.document"},
    "oidocs.review": BASE | {"oidocs.deal", "oidocs.clauses", "oidocs.document", "oidocs.writers"},
    "oidocs.calendar": BASE | {"oidocs._version", "oidocs.deal", "oidocs.clauses", "oidocs.document", "oidocs.review"},
    "oidocs.api": BASE | {"oidocs.deal", "oidocs.clauses", "oidocs.document", "oidocs.writers", "oidocs.review",
                          "oidocs.calendar"},
    "oidocs.negotiate": BASE | {"oidocs.api", "oidocs.deal", "oidocs.clauses", "oidocs.document", "oidocs.writers",
                                "oidocs.review"},
    "oidocs.serve": BASE | {"oidocs.api", "oidocs.deal", "oidocs.clauses", "oidocs.document", "oidocs.writers",
                            "oidocs.review"},
    "oidocs.run": BASE | {"oidocs.api", "oidocs.deal", "oidocs.clauses", "oidocs.document", "oidocs.writers",
                          "oidocs.review", "oidocs.negotiate"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every oidocs module that ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("oidocs")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("oidocs") and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in modules else node.module)
    return {m for m in found if m in modules}


def _part(module: str) -> str:
    """The part of the package a module belongs to (its subpackage, or itself at the top)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_the_pipeline_stages_are_subpackages_with_their_rules() -> None:
    subpackages = [p.parent for p in PACKAGE.glob("*/__init__.py")]
    assert len(subpackages) >= 4
    for folder in subpackages:
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "May import" in doc, f"{folder.name}/__init__.py must say what it holds and may import"


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, f"split these modules along what they do: {long}"


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    state: dict[str, int] = {}

    def visit(node: str, chain: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = chain[chain.index(nxt):] + [nxt] if nxt in chain else [node, nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, chain + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_each_part_imports_only_what_its_docstring_allows() -> None:
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        part = _part(name)
        if part not in ALLOWED:
            continue  # the top package and the CLI may import anything
        for target in _imports(path, modules):
            if _part(target) != part and _part(target) not in ALLOWED[part]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_no_japanese_document_text_in_python_strings() -> None:
    """Wording is content (clause_library/, templates/): at most a few words of Japanese in code."""
    run = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]{13,}")
    found = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and run.search(node.value):
                found.append(f"{name}:{node.lineno}: {run.search(node.value).group()}")  # type: ignore[union-attr]
    assert not found, found


def test_every_python_package_is_in_the_wheel() -> None:
    packages = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    for init in PACKAGE.rglob("__init__.py"):
        assert _module_name(init) in packages, f"{_module_name(init)} is missing from [tool.setuptools] packages"
