"""Findings of the sixth lawyer reading on the JDA's costs, survival and Schedule, read back from the documents.

Deal D (``kansai-helix-field-en``): a university (acting_for) bearing 20 per cent of the shared costs, Helix
80; the University owns the results, Helix holds an exclusive field; a licence of two University patents
signed the same day. Deal F (``fukuoka-univ-three-ja``): a university with 0 per cent, an SME with 80 and a
startup with 20; a licence signed after the JDA. Each test fails on the text before its fix.
"""

from __future__ import annotations

import csv
import re
import io
from pathlib import Path

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEAL_D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"
DEAL_F = ROOT / "tests" / "review_deals" / "fukuoka-univ-three-ja.yaml"
COSTS = {"ja": "費用の負担", "en": "Costs"}
SURVIVAL = {"ja": "存続条項", "en": "Survival"}


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()]


# --- D2 / F2: what the shared costs are, who pays whom, and the first year's budget -------------

@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", [DEAL_D, DEAL_F])
def test_the_shared_costs_are_what_the_budget_lists_and_no_one_pays_for_anothers_tasks_beyond_it(
        path: Path, lang: str) -> None:
    """D: the University bore 20 per cent of 'the costs directly required for carrying out the research',
    Helix's machine learning and cloud included, with no way to pay them; F: the startup bore 20 per cent
    of 乙's mass-production prototypes. Since the ninth reading (#1, deal J: the university's tasks alone
    left the SME carrying its own development) the pool is what the budget, agreed in writing by every
    party, lists for any party's tasks, with a way to pay each part; costs it does not name, staff costs
    included, stay with whoever incurs them, and no party bears another's costs beyond the budget without
    consent."""
    costs = paragraphs(article_titled(shipped_markdown(path, "jda", lang), COSTS[lang]))
    first, text = costs[0], " ".join(costs)
    if lang == "en":
        assert "set out in the budget" in first and "(whichever Party" in first, first
        assert "that the budget does not name as items of expenditure) shall be borne by the Party that incurs them" in text
        assert "beyond its share of the amounts in the budget without its own prior written consent" in text
    else:
        assert "予算に定めるもの（予算がいずれの当事者の分担業務について定めるものであるかを問わない。）" in first, first
        assert "予算が費目として定めていない各当事者の役員及び従業員の人件費を含む。）は、これを支出した当事者が負担する" in text
        assert "自己の事前の書面による同意がない限り、予算に定める額のうち自己の負担割合に相当する額を超えて" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", [DEAL_D, DEAL_F])
def test_the_first_years_budget_is_agreed_at_signing_and_the_refund_is_the_overpayment(path: Path, lang: str) -> None:
    """'For each fiscal year, before that year begins' had passed for the first year at signing: the first
    year's budget is agreed on signing or within 30 days, later years before they begin, and the payment
    fallback no longer runs from a day already gone. The refund is what a payer paid above its share of
    what was spent, so the University's own 20 per cent is not refunded to Helix."""
    text = " ".join(paragraphs(article_titled(shipped_markdown(path, "jda", lang), COSTS[lang])))
    if lang == "en":
        assert "before that year begins)" not in text
        assert "shall be agreed by the Parties completing Schedule 1 when this Agreement is signed, and applies from the first day of the Research Period" in text  # read8 #1: on signing
        assert "refund to each Party that paid them the part of its advances that exceeds its share of the Shared Costs of the tasks of" in text  # read9 #1
    else:
        assert "各会計年度の開始前に当該年度分を" not in text
        assert "各当事者が本契約の締結の時に別紙1に記入して合意するものとし、研究期間の初日から適用する" in text  # read8 #1: on signing
        assert "前払をした各当事者に対し、その前払額のうち、甲の分担業務に係る現に支出された共同研究費にその負担割合を乗じた額を超える部分を返還する" in text  # read9 #1


# --- D4: the owner's notice before publishing its own joint results is bounded -------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_owners_notice_before_publishing_its_joint_results_does_not_last_for_the_patents_life(lang: str) -> None:
    """D: the University had to give 45 days' notice and accept delays before publishing its own Joint
    Results for as long as the patents subsist. That part now ends once the results are published or
    filed, two years after the JDA at the latest; results owned by another party keep the longer rule."""
    survival = article_titled(shipped_markdown(DEAL_D, "jda", lang), SURVIVAL[lang])
    item = next(line for line in survival.splitlines() if ("year after the end" in line or "年間。ただし" in line))
    if lang == "en":
        assert "publishing Joint Results and" not in item
        assert "Joint Results that it owns itself survive until those Joint Results have been published or an " \
               "application" in item and "no longer than two (2) years after the end of this Agreement" in item
        assert "owned only by the other Party (unless publicly known) survive for as long as" in item
    else:
        assert "共同成果及び" not in item
        assert "自ら権利を有する共同成果の公表に関する部分は、当該共同成果が公表され、又はこれに係る知的財産権の出願がされる" \
               "までの間（本契約の終了の日から2年を超えない。）" in item


# --- D5: the licensed patents are the licensor's background ------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_schedule_lists_the_patents_licensed_the_same_day_as_the_universitys_background(lang: str) -> None:
    """D: the Schedule said 'Nothing at signing' for the University while the licence signed the same day
    licenses JP 7312345 B2 and PCT/JP2026/012345; they are listed, know-how is not, and Helix's row stays."""
    md = shipped_markdown(DEAL_D, "jda", lang)
    schedule = md[md.index("背景知的財産権一覧" if lang == "ja" else "(Background IP Rights)"):]
    rows = [r for r in schedule.splitlines() if r.startswith("| ")]
    univ = "甲" if lang == "ja" else "the University"
    assert any(r.startswith(f"| {univ} |") and "JP 7312345 B2" in r for r in rows), rows
    assert any(r.startswith(f"| {univ} |") and "PCT/JP2026/012345" in r for r in rows), rows
    assert not any(r.startswith(f"| {univ} |") and ("Not listed at signing" in r or "締結時点で記載なし" in r) for r in rows)
    assert not any("annotation" in r.casefold() for r in rows)


def test_a_licence_signed_after_the_jda_is_not_background() -> None:
    """F: the licence of 2028-12-01 licenses 特願2028-012345, filed during the research (a result, not
    background): the Schedule keeps 'nothing at signing' for 甲."""
    md = shipped_markdown(DEAL_F, "jda", "ja")
    assert "特願2028-012345" not in md[md.index("背景知的財産権一覧"):]


def test_the_sheet_no_longer_calls_the_schedule_empty() -> None:
    """D: with the licensed patents listed, the sheet's 'lists nothing' advice would be wrong."""
    from oidocs import api

    sheet = api.render_review(api.read_deal(DEAL_D)).decode("utf-8")
    assert "Schedule of Background IP Rights lists nothing" not in sheet


# --- D6 / F: the register's rows for the budget and the settlement --------------------------------

def _rows(path: Path) -> list[dict[str, str]]:
    from oidocs import api

    files = api.render_calendar(api.read_deal(path))
    data = next(v for k, v in files.items() if k.endswith(".csv"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("path, settle, budget", [(DEAL_D, "2029-07-30", "2027-05-15"),
                                                  (DEAL_F, "2029-05-30", "2027-10-20")])
def test_the_register_dates_the_budget_and_the_settlement_and_refund(path: Path, settle: str, budget: str) -> None:
    """The settlement and refund fall 60 days after the research period (Art 5(3)); the first year's
    budget on the JDA's date (read8 #1: no longer 30 days after it); both rows cite the costs article."""
    rows = _rows(path)
    costs = article_titled(shipped_markdown(path, "jda", "ja" if path == DEAL_F else "en"),
                           COSTS["ja" if path == DEAL_F else "en"])
    assert costs
    settlement = [r for r in rows if r["date"] == settle and ("精算" in r["what"] or "Settlement" in r["what"])
                  and ("大学等" in r["what"] or "university" in r["what"])]  # read9 #1: the others' true-up is its own row
    first = [r for r in rows if r["date"] == budget and ("予算" in r["what"] or "budget" in r["what"])]
    assert len(settlement) == 1 and len(first) == 1, [r["what"] for r in rows]
    assert settlement[0]["article"] == first[0]["article"] == ("第5条" if path == DEAL_F else "Article 5")
