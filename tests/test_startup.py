"""``oidocs --help`` starts as fast as the interpreter allows: the stored help is click's, to the byte.

oidocs.launch answers ``oidocs --help`` from oidocs/_helptext.py without importing click or any
command (click alone costs more than starting Python). These tests keep that text equal to what
click prints and regenerate it: ``OIDOCS_UPDATE_GOLDEN=1 python -m pytest tests/test_startup.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

STORED = ROOT / "oidocs" / "_helptext.py"
HEADER = ('"""The top-level ``oidocs --help`` as click prints it at width 78 (generated: do not edit).\n\n'
          'Regenerate: OIDOCS_UPDATE_GOLDEN=1 python -m pytest tests/test_startup.py\n"""\n\n')
CLICK = "from oidocs.cli import main; main(prog_name={prog!r})"
FAST = "import sys; sys.argv[0] = 'oidocs'; from oidocs.launch import main; main()"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "OIDOCS_UPDATE_GOLDEN")}
    return {**env, "PYTHONIOENCODING": "utf-8", **extra}


def _out(*args: str, cwd: Path = ROOT, **env: str) -> str:
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, encoding="utf-8",
                            env=_env(**env), cwd=cwd, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _source(text: str) -> str:
    lines = "".join(f"    {line!r}\n" for line in text.splitlines(keepends=True))
    return HEADER + f"HELP = (\n{lines})\n"


def test_the_stored_help_is_what_click_prints() -> None:
    printed = _out("-c", CLICK.format(prog="oidocs"), "--help", COLUMNS="80")
    if os.environ.get("OIDOCS_UPDATE_GOLDEN"):
        STORED.write_text(_source(printed), encoding="utf-8")
    from oidocs._helptext import HELP

    assert HELP == printed, "the commands' help changed: OIDOCS_UPDATE_GOLDEN=1 python -m pytest tests/test_startup.py"
    assert STORED.read_text(encoding="utf-8") == _source(printed)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_oidocs_help_prints_what_click_prints_without_loading_it(flag: str, tmp_path: Path) -> None:
    """The console script's path and ``python -m oidocs``: the same text as click's, click never imported."""
    for columns in ("80", "200"):
        fast = _out("-X", "importtime", "-c", FAST + "; print(sorted(sys.modules), file=sys.stderr)", flag,
                    COLUMNS=columns)
        assert fast == _out("-c", CLICK.format(prog="oidocs"), flag, COLUMNS=columns)
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "oidocs", flag], capture_output=True,
                            text=True, encoding="utf-8", env=_env(COLUMNS="100"), cwd=tmp_path, timeout=120)
    assert result.returncode == 0
    assert result.stdout == _out("-c", CLICK.format(prog="python -m oidocs"), flag, COLUMNS="100")
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    heavy = {"click", "jinja2", "pydantic", "yaml", "docx", "importlib.metadata", "oidocs.cli", "typing"}
    assert "oidocs.launch" in imported and not heavy & imported, heavy & imported


def test_a_narrow_terminal_and_every_other_command_go_to_click() -> None:
    narrow = _out("-c", FAST, "--help", COLUMNS="60")
    assert narrow == _out("-c", CLICK.format(prog="oidocs"), "--help", COLUMNS="60")
    assert "Draft open-innovation agreements from one YAML deal\n  file." in narrow  # wrapped at 58
    sub = _out("-c", FAST, "nda", "--help", COLUMNS="80")
    assert sub.startswith("Usage: oidocs nda [OPTIONS]") and "--config" in sub
    assert _out("-c", FAST, "--version").startswith("oidocs, version ")
