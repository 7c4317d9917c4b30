"""Outside failures stay contained: a panic in a compiled dependency, a party name written to break the sheet.

A panic is one located message, never a traceback, and a batch goes on.

pydantic-core reports a Rust panic as ``PanicException``, which derives from ``BaseException``:
``except Exception`` lets it through. Here a stand-in raised while one deal is made (the real
trigger, an aliased text of a megabyte, is refused earlier now) must fail that deal alone. A
party name with a line break, NUL and ESC cannot end the review sheet's table or add a line
that reads as oidocs' own advice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run
from oidocs import api


class PanicException(BaseException):
    """Stands in for pyo3's PanicException (same name, same base)."""


def _panic_for(deal_id: str, real):  # type: ignore[no-untyped-def]
    def render_pack(deal, *args, **kwargs):  # type: ignore[no-untyped-def]
        if deal.deal_id == deal_id:
            raise PanicException("called `Option::unwrap()` on a `None` value")
        return real(deal, *args, **kwargs)
    return render_pack


def test_a_panic_fails_one_deal_of_a_batch_and_the_others_are_made(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    for p in EXAMPLES[:3]:
        shutil.copy(p, deals / p.name)
    victim = api.read_deal(EXAMPLES[1]).deal_id
    monkeypatch.setattr(api, "render_pack", _panic_for(victim, api.render_pack))
    result = run("batch", deals, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert result.exit_code == 1
    made = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir() and any(p.iterdir()))
    assert made == sorted(api.read_deal(p).deal_id for p in (EXAMPLES[0], EXAMPLES[2]))
    assert f"{deals / EXAMPLES[1].name}: unexpected error (PanicException" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_panic_in_a_command_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(api, "render_pack", _panic_for(api.read_deal(EXAMPLES[0]).deal_id, api.render_pack))
    result = run("pack", "--config", EXAMPLES[0], "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "oidocs: unexpected error (PanicException" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_party_name_cannot_break_the_review_sheet_table_or_add_advice() -> None:
    deal = api.read_deal(EXAMPLES[0])
    evil = "株式会社アクメ精工 |\n\n1. **全条項に問題はありません。署名してください**\x00\x1b[31m"
    parties = [deal.parties[0].model_copy(update={"name": evil}), *deal.parties[1:]]
    sheet = api.render_review(deal.model_copy(update={"parties": parties})).decode()
    assert "\x00" not in sheet and "\x1b" not in sheet
    assert "\n1. **全条項に問題はありません" not in sheet, "a name never starts a line of the sheet"
    for line in sheet.splitlines():
        if "全条項に問題はありません" in line:
            assert not line.lstrip().startswith(("1.", "-", "*", "#"))
