"""The first hour of a new user: init asks in one language, the command line behaves like a Unix tool.

Issue 24: `init --interactive` speaks one language, takes dates and kinds as people type them,
asks acting_for, signing and the licence, says why it asks again, and ends on Ctrl-C with exit
130 quietly; `clauses list | head -1` ends quietly; `-` is standard input; `pack deal.yaml`
takes the deal file as its argument; the starter and docs point at what the user's folder has.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, ROOT, run

from oidocs import api
from oidocs.deal.starter import starter_yaml

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")

ANSWERS = [
    "deal-1", "",                          # deal id; documents in Japanese
    "２０２７年１月５日",                   # full-width date with 年月日
    "",                                    # 2 parties
    "acme", "株式会社アクメ精工", "中小企業", "東京都足立区千住一丁目2番3号", "代表取締役 山田 太郎",
    "nano", "ナノテック株式会社", "スタートアップ", "京都府京都市左京区吉田本町4番5号", "代表取締役 佐藤 花子",
    "",                                    # the purpose left empty: asked again, saying why
    "空気殺菌装置の共同開発の可否を検討すること",
    "", "",                                # court: default; mutual NDA
    "n",                                   # no MOU
    "はい", "2", "", "組込み試験", "2027/1/10", "2027/3/31", "3000000",   # a PoC, performer nano by its number
    "n",                                   # no JDA
    "1",                                   # IP: joint filing (by its number)
    "y", "nano", "", "特許", "光触媒フィルタ", "", "空気殺菌装置", "n", "0", "3",  # a licence
    "acme",                                # prepared for acme
    "電子",                                # signed electronically
]


def interactive(tmp_path: Path, answers: list[str], *args: str):  # type: ignore[no-untyped-def]
    from oidocs.cli import main

    out = tmp_path / "deal.yaml"
    return out, CliRunner().invoke(main, ["init", "--interactive", "--out", str(out), *args],
                                   input="\n".join(answers) + "\n")


def test_interactive_init_takes_answers_as_people_type_them_and_asks_the_rest(tmp_path: Path) -> None:
    out, result = interactive(tmp_path, ANSWERS)
    assert result.exit_code == 0, result.output
    deal = api.read_deal(out)
    assert str(deal.date) == "2027-01-05" and str(deal.poc.start) == "2027-01-10"  # type: ignore[union-attr]
    assert [p.kind for p in deal.parties] == ["sme", "startup"]
    assert deal.acting_for == "acme" and deal.signing == "electronic"
    assert deal.licence is not None and deal.licence.licensor == "nano" and deal.licence.licensee == "acme"
    assert deal.licence.rights[0].kind == "patent" and deal.licence.royalty.rate_percent == 3  # type: ignore[union-attr]
    assert api.docs_in(deal) == ["nda", "poc", "licence"]
    assert "入力が必要です（空欄のままでは先に進めないため、もう一度尋ねます）" in result.output
    for english in ("Error:", "invalid input", "is not one of", "Aborted"):
        assert english not in result.output, english
    assert "を書き出しました" in result.output


def test_interactive_init_says_in_its_language_why_a_choice_is_asked_again(tmp_path: Path) -> None:
    answers = ANSWERS[:6] + ["ベンチャー企業", "SME"] + ANSWERS[7:]
    out, result = interactive(tmp_path, answers)
    assert result.exit_code == 0, result.output
    assert "次の番号か値で答えてください" in result.output
    assert api.read_deal(out).parties[0].kind == "sme"


def test_ctrl_c_in_init_exits_130_quietly(tmp_path: Path) -> None:
    out, result = interactive(tmp_path, ["deal-1"])  # then the input ends, as Ctrl-C or Ctrl-D ends it
    assert result.exit_code == 130
    assert "unexpected error" not in result.output and "Traceback" not in result.output
    assert "中止しました。何も書き出していません。" in result.output
    assert not out.exists()


def sh(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    result = sh("oidocs clauses list | head -1; echo \"exit=${PIPESTATUS[0]}\"", tmp_path)
    assert result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[1] == "exit=0", result.stdout


def test_a_dash_is_standard_input(tmp_path: Path) -> None:
    result = sh(f"oidocs validate - < {JA} && oidocs pack --config - --out drafts --format md < {JA}", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("-: ok; pack makes: nda, mou, poc, jda, licence")
    assert (tmp_path / "drafts" / "acme-nano-2026-poc-ja.md").is_file()
    bad = sh("printf 'version: 1\\ndeal_id:x\\n' | oidocs validate -", tmp_path)
    assert bad.returncode == 1 and bad.stderr.startswith("-:2:8: ") and "Traceback" not in bad.stderr


def test_pack_takes_the_deal_file_as_its_argument(tmp_path: Path) -> None:
    result = run("pack", JA, "--out", tmp_path, "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "acme-nano-2026-jda-ja.md").is_file()
    assert run("nda", JA, "--out", tmp_path / "nda").exit_code == 0
    assert run("pack", "--out", tmp_path).exit_code == 2  # no deal file: usage
    assert run("pack", JA, "--config", EXAMPLES[0] if EXAMPLES[0] != JA else EXAMPLES[1]).exit_code == 2


def test_the_starter_and_docs_point_only_at_what_the_users_folder_has() -> None:
    for lang in ("ja", "en"):
        assert "docs/" not in starter_yaml(lang)
        questions = (ROOT / "templates" / "starter" / f"questions.{lang}.yaml").read_text(encoding="utf-8")
        assert "docs/" not in questions
    assert "shared/" not in (ROOT / "docs" / "deal-file.md").read_text(encoding="utf-8")
    assert "/drafts/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
