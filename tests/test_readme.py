"""The README cannot rot: its set-up and quick-start commands are run as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(section: str) -> list[str]:
    """Return the ```sh blocks of a README section."""
    start = README.index(f"## {section}\n")
    end = README.find("\n## ", start + 4)
    body = README[start:end if end != -1 else None]
    return re.findall(r"```sh\n(.*?)```", body, flags=re.S)


def shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_set_up_has_the_two_commands() -> None:
    install, tests = blocks("Set up")
    assert "pip install" in install and "oidocs nda --config examples/" in install
    example = re.search(r"--config (examples/\S+)", install).group(1)  # type: ignore[union-attr]
    assert (ROOT / example).is_file()
    assert "python -m pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci and "python -m pytest -q" in tests


def test_set_up_generation_runs_as_written(tmp_path: Path) -> None:
    install = blocks("Set up")[0]
    generate = install.strip().split(" && ")[-1]  # the install steps are what .ci/run does
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    result = shell(generate, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "drafts" / "acme-nano-2026-nda-ja.docx").is_file()


def test_quick_start_runs_as_written(tmp_path: Path) -> None:
    (script,) = blocks("Quick start")
    result = shell(script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "deal.yaml").is_file() and (tmp_path / "deal.schema.json").is_file()
    assert any(p.suffix == ".docx" for p in (tmp_path / "drafts").iterdir())


def test_batch_examples_run(tmp_path: Path) -> None:
    first = blocks("Batch")[0].splitlines()[0]
    (tmp_path / "examples").mkdir()
    for p in (ROOT / "examples").glob("*.yaml"):
        shutil.copy(p, tmp_path / "examples" / p.name)
    result = shell(first, tmp_path)
    assert result.returncode == 0, result.stderr
    made = [p for p in (tmp_path / "packs").iterdir() if p.is_dir()]  # beside them: batch-report.csv
    assert len(made) == len(list((ROOT / "examples").glob("*.yaml")))


def test_ci_runs_every_readme_block_in_a_fresh_clone() -> None:
    """tools/run_readme.py (run by .ci/run) runs each sh block; the set-up steps are .ci/run's own."""
    import importlib.util

    assert "python tools/run_readme.py" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    spec = importlib.util.spec_from_file_location("run_readme", ROOT / "tools" / "run_readme.py")
    runner = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(runner)  # type: ignore[union-attr]
    found = runner.blocks(README)
    assert len(found) == len(re.findall(r"^```sh$", README, flags=re.M)) >= 8
    set_up = runner.runnable(blocks("Set up")[0])
    assert set_up.strip() == "oidocs nda --config examples/acme-nano-ja.yaml --out drafts"
    install = blocks("Set up")[0]
    assert "pip install . &&" in install and "[test]" not in install, "the user set-up installs the package alone"
    assert "git clone" in install
    for _, script in found:  # every command names only shipped files
        for path in re.findall(r"\b(examples/\S+\.(?:yaml|csv|docx))", script):
            assert (ROOT / path).is_file(), path
