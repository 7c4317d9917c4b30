"""The deadline register holds the JDA's royalty reports and the PoC's removal of equipment (issue 20).

The JDA's royalty Article (an exclusive field or a background licence priced by a royalty block)
sets reports and payments 30 days after each reporting period counted from the JDA's effective date;
a PoC done at the client's or a third party's site makes the performer remove its equipment and
restore the site within 30 days after the verification. Each row is read back from the CSV written
by ``oidocs calendar`` and checked against the article it cites in the draft.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT, deal_changed, run, shipped_markdown
from oidocs.deal.sequence import jda_on_notice

DEALS = ROOT / "tests" / "review_deals"
DEAL_B = DEALS / "helix-orbis-tanaka-en.yaml"     # JDA dated 2027-07-15 (a floor: before the PoC decision), 6-monthly reports; PoC at the client's site
MIRAI = DEALS / "mirai-toyohashi-bg-ja.yaml"      # background licence with a royalty; JDA on notice; PoC at the client's plant
ACME = ROOT / "examples" / "acme-nano-ja.yaml"     # PoC at the performer's own site


def _rows(config: Path, out: Path) -> list[dict[str, str]]:
    result = run("calendar", "--config", config, "--out", out, "--force")
    assert result.exit_code == 0, result.output
    data = next(out.glob("*-deadlines.csv")).read_bytes()
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _article_saying(markdown: str, words: str) -> str:
    for part in re.split(r"^## ", markdown, flags=re.M):
        if words in part:
            return re.match(r"(Article \d+|第\d+条)", part).group(1)  # type: ignore[union-attr]
    raise AssertionError(f"no article says {words!r}")


def test_the_jda_royalty_reports_are_dated_from_its_effective_date(tmp_path: Path) -> None:
    # the verification ends earlier, so that the decision (2027-07-09 at the latest) comes before the
    # JDA's effective date: otherwise the JDA waits for the notice to proceed (seventh reading, deal H)
    deal = deal_changed(DEAL_B, tmp_path, poc__end="2027-04-15")
    assert not jda_on_notice(deal)
    out = tmp_path / "out"
    rows = [r for r in _rows(tmp_path / DEAL_B.name, out) if r["document"] == "Joint Research and Development Agreement"
            and r["what"].startswith("Royalty report")]
    dated = [r["date"] for r in rows if r["date"]]
    # effective 2027-07-15: periods end 2028-01-14, 2028-07-14, ...; each report 30 days later
    assert dated[:3] == ["2028-02-13", "2028-08-13", "2029-02-13"]
    assert all("(exclusive licence)" in r["what"] for r in rows)
    assert rows[-1]["date"] == "" and "each reporting period of 6 months" in rows[-1]["rule"]
    where = _article_saying(shipped_markdown(DEAL_B, "jda", "en"), "Within thirty (30) days of the end of each reporting period")
    assert {r["article"] for r in rows} == {where}


def test_a_jda_on_notice_gives_its_royalty_reports_by_rule(tmp_path: Path) -> None:
    rows = [r for r in _rows(MIRAI, tmp_path) if r["document"] == "共同研究開発契約書" and ("実施料" in r["what"] or "一時金" in r["what"])]
    assert rows and all(r["date"] == "" for r in rows)
    assert any("最初の販売又は提供から30日以内" in r["rule"] for r in rows)   # the upfront payment
    assert any("6か月ごとの各報告期間の末日から30日以内" in r["rule"] for r in rows)


@pytest.mark.parametrize("config, lang, day", [(DEAL_B, "en", "2027-06-30"), (MIRAI, "ja", "2027-09-30")])
def test_equipment_at_the_site_is_removed_within_30_days_of_the_verification(tmp_path: Path, config: Path, lang: str,
                                                                             day: str) -> None:
    rows = [r for r in _rows(config, tmp_path) if "Site restored" in r["what"] or "原状回復" in r["what"]]
    assert [r["date"] for r in rows] == [day]
    words = "remove that equipment, other than the Lent Items, within thirty (30) days" if lang == "en" else "撤去"
    assert rows[0]["article"] == _article_saying(shipped_markdown(config, "poc", lang), words)


def test_work_at_the_performers_own_site_has_no_removal_row(tmp_path: Path) -> None:
    assert not [r for r in _rows(ACME, tmp_path) if "原状回復" in r["what"]]

