"""Checks across the pack: dates of one document that contradict another's.

Each check fires on a deal built here, names the item as people write it, is a warning on
standard error and in the review sheet, and under --strict refuses the deal (exit 1, nothing
written; in a batch, that deal only). The shipped examples raise none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, run
from oidocs import api
from oidocs.review.checks import add_months, check_pack, term_end

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")


def _deal_data(**sections: Any) -> dict[str, Any]:
    """The acme-nano deal with per-document dates merged into its sections."""
    data = yaml.safe_load(JA.read_text(encoding="utf-8"))
    for name, values in sections.items():
        if isinstance(values, dict) and isinstance(data.get(name), dict):
            data[name].update(values)
        else:
            data[name] = values
    return data


def _write(tmp_path: Path, data: dict[str, Any], name: str = "deal.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _rules(data: dict[str, Any], tmp_path: Path) -> list[str]:
    return [f.rule for f in check_pack(api.read_deal(_write(tmp_path, data)))]


def test_term_end_counts_months_from_the_first_day() -> None:
    assert term_end(dt.date(2026, 12, 1), 6) == dt.date(2027, 5, 31)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


def test_documents_signed_out_of_order(tmp_path: Path) -> None:
    deal = _write(tmp_path, _deal_data(nda={"date": dt.date(2027, 2, 1)}))
    result = run("pack", "--config", deal, "--out", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if "warning:" in l]
    assert any(": mou.date: warning: the MOU is signed on 2026-12-01, before the NDA (signed on 2027-02-01)" in l
               for l in lines), result.stderr
    assert any(": poc.date: warning: the PoC agreement is signed on 2027-01-08, before the NDA" in l for l in lines)
    assert not any("jda.date" in l for l in lines), "the JDA (2027-05-28) comes after the NDA"
    assert (tmp_path / "out" / "acme-nano-2026-nda-ja.md").is_file(), "a warning does not stop the pack"


def test_milestone_outside_the_mou_term_names_the_milestone(tmp_path: Path) -> None:
    data = _deal_data()
    data["mou"]["milestones"].append({"title": "試験導入先の決定", "due": dt.date(2027, 7, 31)})
    deal = _write(tmp_path, data)
    result = run("mou", "--config", deal, "--out", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0
    line = next(l for l in result.stderr.splitlines() if "mou.milestones.2.due" in l)
    assert '"2027-07-31 試験導入先の決定"' in line and "2026-12-01 to 2027-05-31" in line
    assert line.startswith(f"{deal}:"), "located in the deal file: FILE:LINE:COLUMN"
    assert line.split(":")[1].isdigit()
    sheet = api.render_review(api.read_deal(deal)).decode()
    tree = api.build_document(api.read_deal(deal), "mou", "ja")
    label = next(a.label for a in tree.articles if a.clause.id == "mou.milestones")
    assert f"**基本合意書 {label}**: マイルストーン「2027-07-31 試験導入先の決定」" in sheet


def test_milestone_before_the_mou_takes_effect(tmp_path: Path) -> None:
    data = _deal_data(mou={"date": dt.date(2026, 12, 1), "effective": dt.date(2027, 4, 1)})
    assert _rules(data, tmp_path) == ["milestone_outside"]  # 2027-03-31 is before it takes effect


def test_verification_period_before_the_poc_takes_effect(tmp_path: Path) -> None:
    data = _deal_data(poc={"effective": dt.date(2027, 1, 20)})
    deal = _write(tmp_path, data)
    found = check_pack(api.read_deal(deal))
    assert [f.rule for f in found] == ["verification_before_effective"]
    assert found[0].path == "poc.start"
    assert "the verification period (2027-01-10 to 2027-03-31) starts before the PoC agreement takes effect " \
           "(2027-01-20)" == found[0].message("en")


def test_research_period_before_the_jda_takes_effect(tmp_path: Path) -> None:
    data = _deal_data(jda={"date": dt.date(2027, 5, 20), "effective": dt.date(2027, 6, 15)},
                      poc={"decision_months": 1})
    found = check_pack(api.read_deal(_write(tmp_path, data)))
    assert [(f.rule, f.path) for f in found] == [("research_before_effective", "jda.start")]
    assert "研究期間（2027-06-01〜2028-05-31）" in found[0].message("ja")


def test_mou_that_ends_before_the_jda_is_signed(tmp_path: Path) -> None:
    data = _deal_data(jda={"date": dt.date(2027, 6, 1)})
    found = check_pack(api.read_deal(_write(tmp_path, data)))
    assert [(f.rule, f.path) for f in found] == [("mou_ends_before", "mou.term_months")]
    assert found[0].message("en") == "the MOU ends on 2027-05-31, before the JDA it prepares is signed (2027-06-01)"


def test_a_consistent_dated_pack_has_no_finding(tmp_path: Path) -> None:
    data = _deal_data(nda={"date": dt.date(2026, 11, 1)}, mou={"date": dt.date(2026, 12, 1)},
                      poc={"date": dt.date(2027, 1, 8)}, jda={"date": dt.date(2027, 5, 28)})
    deal = _write(tmp_path, data)
    assert check_pack(api.read_deal(deal)) == []
    result = run("pack", "--config", deal, "--out", tmp_path / "out", "--format", "md", "--strict")
    assert result.exit_code == 0 and result.stderr == ""
    sheet = (tmp_path / "out" / "acme-nano-2026-review-ja.md").read_text("utf-8")
    # no warning; the sheet lists only what the JDA on notice allows (read11: the PoC ending before the
    # decision), drafting for a lawyer to weigh rather than a date to correct
    checks = sheet.split("## 書類間の整合性", 1)[1].split("\n## ", 1)[0]
    assert [line[:3] for line in checks.splitlines() if line[:1].isdigit()] == ["1. "], checks
    assert "依頼者の移行の判断の期限" in checks


@pytest.mark.parametrize("command", ["nda", "mou", "poc", "jda", "licence", "pack", "review"])
def test_strict_refuses_and_writes_nothing(tmp_path: Path, command: str) -> None:
    deal = _write(tmp_path, _deal_data(nda={"date": dt.date(2027, 1, 5)}))
    result = run(command, "--config", deal, "--out", tmp_path / "out", "--strict")
    assert result.exit_code == 1
    assert "mou.date: the MOU is signed on 2026-12-01" in result.stderr and "(an error under --strict)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_strict_in_a_batch_fails_that_deal_only(tmp_path: Path) -> None:
    (tmp_path / "deals").mkdir()
    bad = _write(tmp_path / "deals", _deal_data(deal_id="late-nda", nda={"date": dt.date(2027, 1, 5)}), "late.yaml")
    _write(tmp_path / "deals", _deal_data(), "good.yaml")
    result = run("batch", tmp_path / "deals", "--out", tmp_path / "out", "--jobs", "1", "--strict", "--format", "md")
    assert result.exit_code == 1
    assert f"{bad}:" in result.stderr and "(an error under --strict)" in result.stderr
    assert (tmp_path / "out" / "acme-nano-2026").is_dir() and not (tmp_path / "out" / "late-nda").exists()
    loose = run("batch", tmp_path / "deals", "--out", tmp_path / "loose", "--jobs", "1", "--format", "md")
    assert loose.exit_code == 0 and "mou.date: warning:" in loose.stderr
    assert (tmp_path / "loose" / "late-nda").is_dir()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_shipped_examples_raise_no_warning(tmp_path: Path, example: Path) -> None:
    assert check_pack(api.read_deal(example)) == []
    result = run("pack", "--config", example, "--out", tmp_path, "--format", "md", "--strict")
    assert result.exit_code == 0 and result.stderr == ""


def test_readme_shows_the_warnings_the_program_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("$ oidocs pack --config examples/more/acme-late-jda.yaml"):]
    shown = block[:block.index("```")].splitlines()[1:]
    monkeypatch.chdir(ROOT)  # the shipped late-JDA deal, named as the README names it
    result = run("pack", "--config", "examples/more/acme-late-jda.yaml", "--out", tmp_path / "drafts", "--format", "md")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == shown


def test_readme_excerpt_of_the_acting_for_sheet_is_real() -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## Terms unfavourable to Small Works"):]
    block = block[:block.index("```")]
    sheet = api.render_review(api.read_deal(next(p for p in EXAMPLES if p.name == "bigco-smallworks-en.yaml"))).decode()
    for line in block.splitlines():
        assert line.removesuffix("...").rstrip() in sheet, line
