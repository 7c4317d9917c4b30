"""The command line as a user meets it: names, formats, languages, overwrite rules, errors."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

from conftest import EXAMPLES, FIXTURES, run

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
ONEWAY = next(p for p in FIXTURES if p.name == "oneway-en.yaml")


def test_nda_writes_docx_and_md_named_by_spec(tmp_path: Path) -> None:
    result = run("nda", "--config", JA, "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "acme-nano-2026-nda-ja.docx", "acme-nano-2026-nda-ja.md"]


def test_format_and_lang_options(tmp_path: Path) -> None:
    assert run("nda", "--config", JA, "--out", tmp_path, "--format", "md", "--lang", "en").exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["acme-nano-2026-nda-en.md"]
    assert (tmp_path / "acme-nano-2026-nda-en.md").read_text(encoding="utf-8").startswith("# Non-Disclosure Agreement")


def test_default_out_is_current_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("nda", "--config", ONEWAY, "--format", "docx").exit_code == 0
    assert (tmp_path / "oneway-2027-nda-en.docx").is_file()


def test_existing_file_survives_without_force(tmp_path: Path) -> None:
    assert run("nda", "--config", JA, "--out", tmp_path).exit_code == 0
    md = tmp_path / "acme-nano-2026-nda-ja.md"
    md.write_text("my edited draft", encoding="utf-8")
    docx = tmp_path / "acme-nano-2026-nda-ja.docx"
    docx.unlink()
    result = run("nda", "--config", JA, "--out", tmp_path)
    assert result.exit_code == 1
    assert f"{md}: exists already; nothing was written" in result.stderr
    assert md.read_text(encoding="utf-8") == "my edited draft"
    assert not docx.exists(), "all or nothing: the missing file is not written either"
    assert not list(tmp_path.glob(".*.tmp"))


def test_force_replaces(tmp_path: Path) -> None:
    md = tmp_path / "acme-nano-2026-nda-ja.md"
    md.write_text("old", encoding="utf-8")
    assert run("nda", "--config", JA, "--out", tmp_path, "--force").exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# 秘密保持契約書")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("nda").exit_code == 2
    assert run("nda", "--config", JA, "--format", "rtf").exit_code == 2
    assert run("nda", "--config", JA, "--lang", "fr").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_help_and_version() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "nda" in result.output and "Example" in result.output
    result = run("nda", "--help")
    assert "--config" in result.output and "oidocs nda --config" in result.output
    result = run("--version")
    assert result.exit_code == 0 and "oidocs" in result.output


def test_deal_text_is_data_not_template(tmp_path: Path) -> None:
    deal = next(p for p in FIXTURES if p.name == "injection.yaml")
    assert run("nda", "--config", deal, "--out", tmp_path).exit_code == 0
    from docx2python import docx2python
    with docx2python(tmp_path / "inject-1-nda-ja.docx") as d:
        text = d.text
    for literal in ("{{ 7*7 }} & <w:p/> *株式会社* #1", "{% raw %}東京都{% endraw %} <b>bold</b> _x_",
                    "{{ deal.purpose }} を検討する{% if true %}こと{% endif %} # * & < >", "{{ court }}地方裁判所",
                    "代表 {# c #} [link](http://x) `code`"):
        assert literal in text
    assert "49" not in text
    md = (tmp_path / "inject-1-nda-ja.md").read_text(encoding="utf-8")
    assert r"\{\{ 7\*7 \}\} \& \<w:p/\> \*株式会社\* \#1" in md
    assert "\n1. not a list" not in md and "\n- not an item" not in md
    assert "<w:p/>" not in md and "<b>" not in md


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_deal_same_bytes_across_processes(tmp_path: Path) -> None:
    outs = []
    for n in range(2):
        out = tmp_path / f"run{n}"
        cmd = [sys.executable, "-m", "oidocs", "nda", "--config", str(JA), "--out", str(out)]
        subprocess.run(cmd, check=True, capture_output=True)
        outs.append(_digest(out))
        if n == 0:
            time.sleep(2.2)  # zip timestamps have a 2-second resolution
    assert outs[0] == outs[1]
    assert len(outs[0]) == 2


def test_every_command_help_shows_an_example() -> None:
    from oidocs.cli import main

    names = [n for n in main.commands if n != "clauses"] + ["clauses list", "clauses show"]
    for name in names:
        result = run(*name.split(), "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.output and "oidocs " in result.output, name


def test_per_user_cache_gives_the_same_bytes_and_can_be_turned_off(tmp_path: Path) -> None:
    import os

    def make(out: str, **env: str) -> dict[str, str]:
        cmd = [sys.executable, "-m", "oidocs", "nda", "--config", str(JA), "--out", str(tmp_path / out)]
        subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, **env})
        return _digest(tmp_path / out)

    cache = tmp_path / "cache"
    cold = make("a", XDG_CACHE_HOME=str(cache))
    kinds = sorted(p.name.split("-")[0] for p in (cache / "oidocs").iterdir())
    assert kinds == ["docx", "jinja"] and any((cache / "oidocs").rglob("*.docx"))
    warm = make("b", XDG_CACHE_HOME=str(cache))
    off = make("c", XDG_CACHE_HOME=str(tmp_path / "none"), OIDOCS_NO_CACHE="1")
    assert cold == warm == off
    assert not (tmp_path / "none").exists()
