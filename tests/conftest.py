"""Shared helpers: paths of shipped deal files, a CLI runner, and DOCX read-back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))
DEALS = EXAMPLES + FIXTURES
GOLDEN = ROOT / "tests" / "golden"


def run(*args: str) -> Result:
    """Run the oidocs CLI in-process and return click's result (stdout and stderr apart)."""
    from oidocs.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def docx_paragraphs(path: Path) -> list[Any]:
    """Return docx2python's paragraphs of the document body, in order."""
    from docx2python import docx2python

    with docx2python(path) as d:
        return list(_flatten(d.document_pars))


def _flatten(tree: Any) -> Any:
    """docx2python nests paragraphs in tables, rows and cells; yield them in order."""
    if isinstance(tree, list):
        for child in tree:
            yield from _flatten(child)
    else:
        yield tree


@pytest.fixture
def deal_copy(tmp_path: Path):
    """Copy a shipped deal file into tmp_path, so a test may edit it."""
    def copy(name: str) -> Path:
        src = next(p for p in DEALS if p.name == name)
        dst = tmp_path / name
        shutil.copy(src, dst)
        return dst
    return copy
