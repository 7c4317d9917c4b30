"""Batch packs: good and bad deals together, CSV rows, parallel runs give the same bytes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from conftest import EXAMPLES, FIXTURES, as_written, run

from oidocs import api

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_good_and_bad_deals_in_one_batch(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    for p in EXAMPLES + [f for f in FIXTURES if f.name == "oneway-en.yaml"]:
        shutil.copy(p, deals / p.name)
    (deals / "broken.yaml").write_text("version: 1\ndeal_id: x\nparties: []\npurpse: y\n", encoding="utf-8")
    shutil.copy(JA, deals / "zz-duplicate.yaml")
    result = run("batch", deals, "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    made = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir())
    from oidocs import api
    good = EXAMPLES + [f for f in FIXTURES if f.name == "oneway-en.yaml"]
    assert made == sorted(api.read_deal(p).deal_id for p in good)
    err = result.stderr
    assert f"{deals / 'broken.yaml'}:4:1: purpse: unknown key; did you mean `purpose`?" in err
    assert f"{deals / 'broken.yaml'}:3:10: parties: needs at least 2 entries (has 0)" in err
    assert f"{deals / 'zz-duplicate.yaml'}: deal_id: 'acme-nano-2026' is already used by {deals / 'acme-nano-ja.yaml'}" in err
    assert err.strip().splitlines()[-1].startswith(f"made {len(good)}, failed 2, ")


def test_pack_folder_contents(tmp_path: Path) -> None:
    assert run("batch", JA, "--out", tmp_path, "--jobs", "1").exit_code == 0
    names = sorted(p.name for p in (tmp_path / "acme-nano-2026").iterdir())
    expected = sorted([f"acme-nano-2026-{d}-ja.{e}" for d in ("nda", "mou", "poc", "jda", "licence") for e in ("docx", "md")]
                      + ["acme-nano-2026-manifest.json", "acme-nano-2026-review-ja.md",
                         "acme-nano-2026-deadlines.ics", "acme-nano-2026-deadlines.csv"])
    assert names == expected


def test_csv_rows_one_bad_cell(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_bytes("\ufeffdeal_id,parties.1.name,poc.fee.amount,poc.scope\n"
                     "p-1,甲野株式会社,1000000,試験A;試験B\n"
                     "p-2,乙野株式会社,abc,\n"
                     "p-3,丙野株式会社,500000,\n"
                     "p-4,,500000,\n".encode("utf-8"))
    result = run("batch", "--base", JA, "--rows", rows, "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{rows}:3: poc.fee.amount: write the amount in digits only" in result.stderr
    assert f"{rows}:5: parties.1.name: empty; write it in every row" in result.stderr  # never the base's name
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == ["p-1", "p-3"]
    poc = (tmp_path / "out" / "p-1" / "p-1-poc-ja.md").read_text(encoding="utf-8")
    assert "金1,000,000円（消費税別）" in poc and "試験A" in poc and "試験B" in poc
    nda = (tmp_path / "out" / "p-1" / "p-1-nda-ja.md").read_text(encoding="utf-8")
    assert "甲野株式会社" in nda and "ナノテック株式会社" not in nda
    p3 = (tmp_path / "out" / "p-3" / "p-3-poc-ja.md").read_text(encoding="utf-8")
    base_scope = api.read_deal(JA).poc.scope[0]  # type: ignore[union-attr]
    assert as_written(str(base_scope), "ja") in p3, "an empty cell (not a party's identity) keeps the base value"


def test_csv_unknown_column(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("deal_id,parties.5.name\nq-1,X\n", encoding="utf-8")
    result = run("batch", "--base", JA, "--rows", rows, "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{rows}:2: parties.5.name: no list entry 5 in the base deal" in result.stderr


def test_jobs_two_gives_the_same_bytes_as_jobs_one(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    for p in EXAMPLES + FIXTURES:
        shutil.copy(p, deals / p.name)
    assert run("batch", deals, "--out", tmp_path / "one", "--jobs", "1").exit_code == 0
    assert run("batch", deals, "--out", tmp_path / "two", "--jobs", "2").exit_code == 0
    one, two = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert one == two and len(one) > 20


def test_no_progress_output_when_not_a_terminal(tmp_path: Path) -> None:
    result = run("batch", JA, "--out", tmp_path, "--jobs", "1")
    assert result.exit_code == 0
    assert result.stdout.startswith("1 made, 0 skipped (complete already), 0 failed; report: ")  # no bar
    assert result.stderr.strip().startswith("made 1, failed 0, ")


def test_usage() -> None:
    assert run("batch").exit_code == 2
    assert run("batch", JA, "--base", JA).exit_code == 2


def test_library_api_renders_bytes() -> None:
    from oidocs import read_deal, render_document

    deal = read_deal(JA)
    data = render_document(deal, "poc", lang="en", fmt="md")
    assert data.startswith(b"# ") and "JPY 3,000,000 (excluding consumption tax)".encode() in data
    assert render_document(deal, "nda", fmt="docx")[:2] == b"PK"


def test_xlsx_rows(tmp_path: Path) -> None:
    import pytest
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["deal_id", "parties.1.name", "poc.start"])
    sheet.append(["x-1", "エックス株式会社", "2027-01-11"])
    sheet.append(["x-2", "ワイ株式会社", "2027-02-30"])
    book.save(tmp_path / "rows.xlsx")
    result = run("batch", "--base", JA, "--rows", tmp_path / "rows.xlsx", "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{tmp_path / 'rows.xlsx'}:3: poc.start: not a valid date ('2027-02-30')" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == ["x-1"]
    assert "エックス株式会社" in (tmp_path / "out" / "x-1" / "x-1-nda-ja.md").read_text(encoding="utf-8")


def test_batch_as_a_process_flushes_and_exits_with_the_right_code(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "oidocs", "batch", str(JA), str(bad), "--out", str(tmp_path / "o"), "--jobs", "2"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{bad}:1:1: deal_id: required key is missing" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("made 1, failed 1, ")
    assert len(list((tmp_path / "o" / "acme-nano-2026").iterdir())) == 14
    ok = subprocess.run(cmd[:-4] + ["--out", str(tmp_path / "o2"), "--jobs", "2"], capture_output=True, text=True)
    assert ok.returncode == 1  # the same bad file again
    good = subprocess.run([sys.executable, "-m", "oidocs", "batch", str(JA), "--out", str(tmp_path / "o3")],
                          capture_output=True, text=True)
    assert good.returncode == 0 and good.stderr.startswith("made 1, failed 0, ")


def test_batch_with_review_and_user_library(tmp_path: Path) -> None:
    lib = tmp_path / "house" / "common"
    lib.mkdir(parents=True)
    for lang, text in (("ja", "協議は{{ court }}で行う。"), ("en", "Consult at {{ court }}.")):
        (lib / f"consultation.{lang}.md").write_text(
            f"---\nid: common.consultation\nversion: 3\ntitle: X\nnote: house\n---\n{text}\n", encoding="utf-8")
    result = run("batch", JA, "--out", tmp_path / "o", "--jobs", "1", "--review", "--format", "md",
                 "--library", tmp_path / "house")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "o" / "acme-nano-2026" / "acme-nano-2026-jda-ja.md").read_text(encoding="utf-8")
    assert "協議は<mark>東京地方裁判所</mark>で行う。" in md
    assert "<!-- common.consultation@3 | always included | note: house -->" in md
