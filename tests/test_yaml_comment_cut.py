"""A value cut short by YAML's comment sign: ``address: 1 Fusionopolis Way, #20-10`` loses its unit
number in every contract. oidocs warns at the value, names what was cut, and says how to keep it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
ADDRESS = "東京都足立区千住一丁目2番3号"


def _deal(tmp_path: Path, address_line: str) -> Path:
    text = JA.read_text(encoding="utf-8")
    assert f"address: {ADDRESS}\n" in text
    deal = tmp_path / "deal.yaml"
    deal.write_text(text.replace(f"address: {ADDRESS}\n", address_line + "\n", 1), encoding="utf-8")
    return deal


def _line_of(deal: Path, needle: str) -> int:
    return next(n for n, line in enumerate(deal.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_value_cut_by_a_comment_sign_is_a_located_warning(tmp_path: Path) -> None:
    deal = _deal(tmp_path, f"address: {ADDRESS} #501")
    result = run("nda", "--config", deal, "--out", tmp_path / "o", "--format", "md")
    assert result.exit_code == 0
    line = _line_of(deal, "#501")
    assert f"{deal}:{line}:" in result.stderr and "parties.0.address" in result.stderr and "'#501'" in result.stderr
    assert "quotes" in result.stderr
    assert "#501" not in next((tmp_path / "o").glob("*.md")).read_text(encoding="utf-8")  # what YAML did


def test_strict_refuses_it_and_writes_nothing(tmp_path: Path) -> None:
    deal = _deal(tmp_path, f"address: {ADDRESS} #501")
    result = run("nda", "--config", deal, "--out", tmp_path / "o", "--format", "md", "--strict")
    assert result.exit_code == 1 and "'#501'" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("line", [f'address: "{ADDRESS} #501"', f"address: {ADDRESS}  # head office",
                                  f"address: {ADDRESS}#501"])
def test_a_quoted_value_or_a_real_comment_is_left_alone(tmp_path: Path, line: str) -> None:
    deal = _deal(tmp_path, line)
    result = run("validate", deal)
    assert result.exit_code == 0 and "comment" not in result.stderr


def test_no_shipped_deal_file_trips_it() -> None:
    deals = [*EXAMPLES, *sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))]
    for deal in deals:
        assert "YAML reads" not in run("validate", deal).stderr, deal
