"""A batch as a legal-operations engineer runs 200 of them: rows checked once, resumable, shardable.

Spec (cli.md): --skip-existing skips a deal whose complete pack is in --out (its manifest
matches); --shard K/N makes the K-th of N equal shares by a stable order. Issue 24: empty
identity cells are errors, a misspelt header is one error at rows.csv:1, base-file warnings
are printed once at the base file, a `;` list works whether or not the base has the list,
Excel's "1,000,000" is a number, a report CSV lists row -> deal_id -> status -> folder.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import yaml
from conftest import EXAMPLES, FIXTURES, ROOT, run

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
LATE = ROOT / "examples" / "more" / "acme-late-jda.yaml"


def packs(folder: Path) -> dict[str, str]:
    """Every file of every pack folder under ``folder`` (reports left out) -> sha256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.parent != folder}


def deals_folder(tmp_path: Path) -> Path:
    deals = tmp_path / "deals"
    deals.mkdir()
    for p in EXAMPLES + FIXTURES:
        shutil.copy(p, deals / p.name)
    return deals


def report(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_three_shards_make_every_pack_exactly_once_and_equal_an_unsharded_run(tmp_path: Path) -> None:
    deals = deals_folder(tmp_path)
    assert run("batch", deals, "--out", tmp_path / "all", "--jobs", "1").exit_code == 0
    whole = packs(tmp_path / "all")
    made: list[str] = []
    union: dict[str, str] = {}
    for k in (1, 2, 3):
        out = tmp_path / f"shard{k}"
        result = run("batch", deals, "--out", out, "--jobs", "1", "--shard", f"{k}/3")
        assert result.exit_code == 0, result.stderr
        folders = [p.name for p in out.iterdir() if p.is_dir()]
        assert folders, f"shard {k} of 3 made nothing"
        made += folders
        union.update(packs(out))
        rows = report(out / f"batch-report-{k}-of-3.csv")
        assert sorted(r["deal_id"] for r in rows) == sorted(folders)
    assert len(made) == len(set(made)) == len({p.split("/")[0] for p in whole})  # each pack exactly once
    assert union == whole  # byte for byte
    # Into one shared --out, as array jobs on a shared disk do: the same packs, one report per shard.
    for k in (1, 2, 3):
        assert run("batch", deals, "--out", tmp_path / "shared", "--shard", f"{k}/3").exit_code == 0
    assert packs(tmp_path / "shared") == whole


def test_a_bad_shard_is_a_usage_error(tmp_path: Path) -> None:
    for bad in ("0/3", "4/3", "1-3", "x"):
        result = run("batch", JA, "--out", tmp_path, "--shard", bad)
        assert result.exit_code == 2, (bad, result.output)


def test_a_rerun_skips_complete_packs_and_makes_the_rest(tmp_path: Path) -> None:
    deals = deals_folder(tmp_path)
    out = tmp_path / "out"
    assert run("batch", deals, "--out", out, "--jobs", "1").exit_code == 0
    whole = packs(out)
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    again = run("batch", deals, "--out", out, "--jobs", "1")  # without --skip-existing: one line a deal
    assert again.exit_code == 1
    exists = [line for line in again.stderr.splitlines() if "holds files of this pack already" in line]
    assert len(exists) == len(folders)
    lines = [line for line in again.stderr.strip().splitlines() if ": warning: " not in line]  # dates across a pack
    assert len(lines) == len(folders) + 1  # those lines and the summary
    shutil.rmtree(folders[0])  # never made (the batch was stopped before it)
    result = run("batch", deals, "--out", out, "--jobs", "1", "--skip-existing")
    assert result.exit_code == 0, result.stderr
    assert f"1 made, {len(folders) - 1} skipped (complete already), 0 failed" in result.stdout
    assert packs(out) == whole
    statuses = {r["deal_id"]: r["status"] for r in report(out / "batch-report.csv")}
    assert statuses[folders[0].name] == "made" and list(statuses.values()).count("skipped") == len(folders) - 1
    # A pack whose files no longer match its manifest, or whose deal changed, is not complete.
    first = folders[1]
    docx = next(first.glob("*.docx"))
    docx.write_bytes(b"edited by hand")
    result = run("batch", deals, "--out", out, "--jobs", "1", "--skip-existing")
    assert result.exit_code == 1 and f"{first}: holds files of this pack already" in result.stderr


def test_rows_report_names_row_deal_status_and_folder(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("deal_id,parties.1.name,poc.fee.amount\n"
                    "r-1,甲野株式会社,\"1,000,000\"\n"
                    "r-2,,500000\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", "--base", JA, "--rows", rows, "--out", out, "--jobs", "1")
    assert result.exit_code == 1
    lines = report(out / "batch-report.csv")
    assert [(r["source"], r["deal_id"], r["status"], r["folder"]) for r in lines] == [
        (f"{rows}:2", "r-1", "made", "r-1"), (f"{rows}:3", "", "failed", "")]
    assert "parties.1.name: empty" in lines[1]["note"]
    assert "金1,000,000円" in (out / "r-1" / "r-1-poc-ja.md").read_text(encoding="utf-8")  # Excel's "1,000,000"
    assert "1 made, 0 skipped (complete already), 1 failed; report: " in result.stdout


def test_a_misspelt_header_is_one_error_at_line_1(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("deal_id,parties.1.nmae,poc.fee.amount\n" + "".join(f"m-{i},X社,100\n" for i in range(50)),
                    encoding="utf-8")
    result = run("batch", "--base", JA, "--rows", rows, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"{rows}:1: parties.1.nmae: unknown key; did you mean `parties.1.name`?"]
    assert not (tmp_path / "out").exists()


def test_a_list_cell_works_whether_or_not_the_base_has_the_list(tmp_path: Path) -> None:
    data = yaml.safe_load(JA.read_text(encoding="utf-8"))
    del data["poc"]["deliverables"]
    base = tmp_path / "base.yaml"
    base.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("deal_id,poc.deliverables\nl-1,検証報告書A;測定データB\n", encoding="utf-8")
    result = run("batch", "--base", base, "--rows", rows, "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    poc = (tmp_path / "out" / "l-1" / "l-1-poc-ja.md").read_text(encoding="utf-8")
    assert "検証報告書A" in poc and "測定データB" in poc and "検証報告書A;測定データB" not in poc


def test_base_file_warnings_are_printed_once_at_the_base_file(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("deal_id\n" + "".join(f"w-{i}\n" for i in range(4)), encoding="utf-8")
    result = run("batch", "--base", LATE, "--rows", rows, "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert warnings and all(line.startswith(f"{LATE}:") for line in warnings), warnings
    assert len(warnings) == len(set(warnings))
    assert str(rows) not in result.stderr


def test_the_manifest_lists_the_review_sheet_and_the_deal_files_hash(tmp_path: Path) -> None:
    assert run("pack", "--config", JA, "--out", tmp_path).exit_code == 0
    manifest = json.loads((tmp_path / "acme-nano-2026-manifest.json").read_text(encoding="utf-8"))
    review = tmp_path / "acme-nano-2026-review-ja.md"
    assert manifest["review"] == {"name": review.name, "sha256": hashlib.sha256(review.read_bytes()).hexdigest(),
                                  "bytes": review.stat().st_size}
    assert manifest["deal_file"] == {"name": JA.name, "sha256": hashlib.sha256(JA.read_bytes()).hexdigest()}
    assert len(manifest["deal_sha256"]) == 64
