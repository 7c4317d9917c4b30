"""Untrusted deal files, sheets and options: a message naming the file, the documented exit code,
no traceback, and in a batch every good deal still made."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run

BASE = ROOT / "examples" / "acme-nano-ja.yaml"
TEXT = BASE.read_text(encoding="utf-8")

# name -> (deal text, what the message says); each is a deal file an attacker or a careless user could send
BAD_DEALS = {
    "long_number": (TEXT.replace("version: 1", "version: " + "9" * 6000, 1), "3:10: version: a number of 6,000 digits"),
    "deep_list": (TEXT + "extra: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 32 levels deep"),
    "bool_maybe": (TEXT.replace("version: 1", "version: !!bool maybe", 1), "3:10: version: 'maybe' is not a valid bool"),
    "int_twelve": (TEXT.replace("version: 1", "version: !!int twelve", 1), "3:10: version: 'twelve' is not a valid int"),
    "version_true": (TEXT.replace("version: 1", "version: true", 1), "version: expected a number, got true"),
    "amount_yes": (TEXT.replace("amount: 3000000", "amount: yes", 1), "poc.fee.amount: expected a number, got true"),
    "object_tag": (TEXT.replace("version: 1", "version: !!python/object/apply:os.system ['true']", 1),
                   "is not allowed; write plain values"),
}


def _subprocess(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "oidocs", *map(str, args)], capture_output=True, text=True,
                          timeout=120, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize("name", sorted(BAD_DEALS))
def test_a_hostile_deal_file_gets_a_located_message(tmp_path: Path, name: str) -> None:
    text, expected = BAD_DEALS[name]
    deal = tmp_path / f"{name}.yaml"
    deal.write_text(text, encoding="utf-8")
    result = run("pack", "--config", deal, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{deal}:") and expected in result.stderr, result.stderr
    assert not (tmp_path / "o").exists()


def test_a_batch_makes_every_good_deal_whatever_the_bad_ones_hold(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    for example in EXAMPLES:
        (deals / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    for name, (text, _) in BAD_DEALS.items():
        (deals / f"bad-{name}.yaml").write_text(text, encoding="utf-8")
    (deals / "bad-binary.yaml").write_bytes(b"\xff\xfe\x00not text")
    (deals / "bad-device.yaml").symlink_to("/dev/zero")
    proc = _subprocess("batch", deals, "--out", tmp_path / "out", "--jobs", "2", "--quiet")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    bad = sorted(p.name for p in deals.glob("bad-*.yaml"))
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"made {len(EXAMPLES)}, failed {len(bad)}, ")
    for name in bad:
        assert str(deals / name) in summary
    assert "is not a regular file" in proc.stderr and "not UTF-8 text" in proc.stderr
    assert len(list((tmp_path / "out").glob("*/*-manifest.json"))) == len(EXAMPLES)


def test_config_from_a_device_is_refused_at_once(tmp_path: Path) -> None:
    result = run("nda", "--config", "/dev/zero", "--out", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("/dev/zero: is not a regular file")


def test_an_output_folder_name_too_long_is_a_message(tmp_path: Path) -> None:
    out = tmp_path / ("x" * 300)
    proc = _subprocess("nda", "--config", BASE, "--out", out)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "cannot create the output folder (File name too long)" in proc.stderr


def test_a_clause_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    lib = tmp_path / "lib" / "common"
    lib.mkdir(parents=True)
    clause = lib / "jurisdiction.ja.md"
    clause.write_bytes("---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\n本契約\n".encode() + b"\x82\xa0\n")
    result = run("nda", "--config", BASE, "--out", tmp_path / "o", "--library", tmp_path / "lib")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{clause}:7: not UTF-8 text")


def test_jobs_beyond_four_per_cpu_is_a_usage_error(tmp_path: Path) -> None:
    result = run("batch", BASE, "--out", tmp_path, "--jobs", str((os.cpu_count() or 1) * 4 + 1))
    assert result.exit_code == 2 and "at most" in result.stderr


# --- sheets ----------------------------------------------------------------------------------------

def _rows(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_header_cell_with_spaces_is_trimmed_not_ignored(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "rows.csv", "deal_id, poc.fee.amount \nrow-1,1234567\n")
    result = run("batch", "--base", BASE, "--rows", rows, "--out", tmp_path / "o", "--format", "md", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert "金1,234,567円" in (tmp_path / "o" / "row-1" / "row-1-poc-ja.md").read_text(encoding="utf-8")


def test_a_column_named_twice_is_refused_by_name(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "rows.csv", "deal_id,poc.fee.amount,poc.fee.amount\nrow-1,1,2\n")
    result = run("batch", "--base", BASE, "--rows", rows, "--out", tmp_path / "o", "--quiet")
    assert result.exit_code == 1
    assert f"{rows}:1: poc.fee.amount: column 3 repeats the name of column 2" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_huge_cell_fails_its_row_only(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "rows.csv", f"deal_id,parties.0.name\nrow-1,{'x' * 200_000}\nrow-2,株式会社二\n")
    result = run("batch", "--base", BASE, "--rows", rows, "--out", tmp_path / "o", "--format", "md", "--quiet")
    assert result.exit_code == 1
    assert f"{rows}:2: parties.0.name: 200,000 characters" in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith(f"failed: {rows}:2")
    assert (tmp_path / "o" / "row-2" / "row-2-manifest.json").exists()


def test_true_where_a_number_belongs_is_refused_in_a_sheet(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "rows.csv", "deal_id,poc.fee.amount\nrow-1,true\n")
    result = run("batch", "--base", BASE, "--rows", rows, "--out", tmp_path / "o", "--quiet")
    assert result.exit_code == 1 and f"{rows}:2: poc.fee.amount:" in result.stderr


def test_a_corrupt_xlsx_is_a_message(tmp_path: Path) -> None:
    rows = tmp_path / "rows.xlsx"
    rows.write_bytes(b"PK\x03\x04 this is not really a workbook" * 10)
    result = run("batch", "--base", BASE, "--rows", rows, "--out", tmp_path / "o", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{rows}: not a readable .xlsx workbook")


def test_an_xlsx_formula_without_a_saved_result_fails_its_row_not_the_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["deal_id", "poc.fee.amount"])
    book.active.append(["row-1", "=1000*2"])  # openpyxl saves no result: as if never opened in Excel
    book.active.append(["row-2", 2000])
    rows = tmp_path / "rows.xlsx"
    book.save(rows)
    result = run("batch", "--base", BASE, "--rows", rows, "--out", tmp_path / "o", "--quiet")
    assert result.exit_code == 1
    assert f"{rows}:2: poc.fee.amount: cell B2 holds a formula whose result was never saved" in result.stderr
    assert not (tmp_path / "o" / "row-1").exists()
    assert (tmp_path / "o" / "row-2" / "row-2-manifest.json").exists()


# --- signals -----------------------------------------------------------------------------------------

def test_sigterm_stops_a_batch_with_143_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    for i in range(60):
        (deals / f"d{i:03}.yaml").write_text(TEXT.replace("deal_id: acme-nano-2026", f"deal_id: d{i:03}"),
                                             encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "oidocs", "batch", str(deals), "--out", str(out), "--jobs", "2",
                             "--quiet"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("*/*-manifest.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "terminated" in err
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]
    for folder in (f for f in out.iterdir() if f.is_dir()):  # a pack is there whole or not at all
        assert (folder / f"{folder.name}-manifest.json").exists()
