"""Deal files and sheets are bounded before work: what a file declares or repeats cannot make
oidocs take gigabytes, and what it says cannot drive the terminal.

Every run is a real process under a 2 GB address-space limit that must end within 15 s
(:mod:`bounded`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from bounded import assert_refused, oidocs_bounded
from conftest import ROOT

JA = ROOT / "examples" / "acme-nano-ja.yaml"
TEXT = JA.read_text(encoding="utf-8")
SCOPE = "  scope:\n    - 既存ダクトへの殺菌ユニット組込み試験\n    - 浮遊菌の除去率の測定\n"


def _sheet(path: Path, rows: list[list[str]], dimension: str, extra_rows: str = "") -> Path:
    """An .xlsx of ``rows`` whose sheet declares ``dimension`` (and holds ``extra_rows`` of raw XML)."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info).decode("utf-8")
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>', data)
                data = data.replace("</sheetData>", extra_rows + "</sheetData>")
            new.writestr(info.filename, data)
    return path


def test_an_xlsx_that_declares_every_cell_of_the_sheet_is_read_as_its_real_cells(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "rows.xlsx", [["deal_id"], ["wide-1"]], "A1:XFD1048576")
    assert sheet.stat().st_size < 10_000
    proc = oidocs_bounded("batch", "--base", JA, "--rows", sheet, "--out", tmp_path / "o", "--format", "md",
                          "--jobs", "1", "--quiet")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "o" / "wide-1" / "wide-1-nda-ja.md").is_file()


def test_an_xlsx_with_a_cell_in_the_last_row_is_refused_by_its_row_count(tmp_path: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    sheet = _sheet(tmp_path / "rows.xlsx", [["deal_id"], ["far-1"]], "A1:XFD1048576", far)
    proc = oidocs_bounded("batch", "--base", JA, "--rows", sheet, "--out", tmp_path / "o", "--quiet")
    assert_refused(proc, f"{sheet}:100002: more than 100,000 rows")
    assert not (tmp_path / "o").exists()


def _aliased(copies: int) -> str:
    """A deal whose PoC scope repeats one 200,000-character text ``copies`` times by alias."""
    scope = "  scope: [&big " + "x" * 200_000 + ", " + ", ".join(["*big"] * copies) + "]\n"
    assert SCOPE in TEXT
    return TEXT.replace(SCOPE, scope)


def test_an_aliased_text_is_refused_before_it_is_repeated(tmp_path: Path) -> None:
    deal = tmp_path / "alias.yaml"
    deal.write_text(_aliased(20_000), encoding="utf-8")
    assert deal.stat().st_size < 400_000  # 4 GB of text once repeated
    proc = oidocs_bounded("validate", deal)
    assert_refused(proc, f"{deal}:", "poc.scope.1: YAML aliases (*name) are not supported")


def test_a_batch_goes_on_past_a_deal_with_aliased_text(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    (deals / "a-alias.yaml").write_text(_aliased(20_000).replace("acme-nano-2026", "alias-1"), encoding="utf-8")
    (deals / "b-good.yaml").write_text(TEXT, encoding="utf-8")
    proc = oidocs_bounded("batch", deals, "--out", tmp_path / "o", "--format", "md", "--jobs", "1", "--quiet")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "YAML aliases" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].endswith(f"failed: {deals / 'a-alias.yaml'}")
    assert (tmp_path / "o" / "acme-nano-2026" / "acme-nano-2026-nda-ja.md").is_file()


@pytest.mark.parametrize("where", ["deal key", "csv header"])
def test_escape_sequences_in_outside_text_never_reach_the_terminal(tmp_path: Path, where: str) -> None:
    evil = "x\x1b]0;owned\x07\x1b[2J\u202e"
    if where == "deal key":
        deal = tmp_path / "deal.yaml"
        deal.write_text(TEXT + '"x\\e]0;owned\\a\\e[2J\\u202e": 1\n', encoding="utf-8")
        proc = oidocs_bounded("validate", deal)
    else:
        rows = tmp_path / "rows.csv"
        rows.write_text(f"deal_id,{evil}\nrow-1,1\n", encoding="utf-8")
        proc = oidocs_bounded("batch", "--base", JA, "--rows", rows, "--out", tmp_path / "o", "--quiet")
    assert proc.returncode == 1
    assert "\\x1b]0;owned\\x07\\x1b[2J\\u202e" in proc.stderr, proc.stderr  # named, visibly
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", proc.stderr)


def test_the_readme_states_the_limits_the_code_applies() -> None:
    """README's Security section gives every bound in numbers, as the code has them, and says what
    the cache's digest does and does not protect against."""
    from oidocs import content
    from oidocs.clauses import sandbox
    from oidocs.deal.yamlsource import MAX_DEPTH
    from oidocs.negotiate.numbering import MAX_START
    from oidocs.run.sheets import MAX_CELL, MAX_CELLS, MAX_ROWS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    security = readme[readme.index("## Security"):readme.index("## Library use")]
    sizes = [content.MAX_DEAL_BYTES, content.MAX_SHEET_BYTES, content.MAX_DOCX_BYTES, content.MAX_PLAYBOOK_BYTES,
             content.MAX_PART_BYTES, content.MAX_UNPACKED_BYTES]
    for size in sizes:
        assert f"{size >> 20} MiB" in security, size
    assert f"{content.MAX_CLAUSE_BYTES >> 10} KiB" in security
    numbers = [MAX_ROWS, MAX_CELLS, MAX_CELL, content.MAX_PARTS, content.MAX_RATIO, MAX_START, sandbox.MAX_OPS,
               sandbox.MAX_STRING, sandbox.MAX_ITEMS, sandbox.MAX_DEEP, sandbox.MAX_INT_BITS, MAX_DEPTH]
    for number in numbers:
        assert f"{number:,}" in security, number
    assert f"{sandbox.MAX_SECONDS:g} s" in security
    assert "2 GB" in security and "15 s of CPU" in security
    assert "protects\nagainst damage" in security or "protects against damage" in security
    assert "does not protect against\ntampering" in security or "does not protect against tampering" in security
