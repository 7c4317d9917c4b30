"""Eleventh reading (two-party deal in English, three-party deal in Japanese): the review sheet and
the deadline register say only what the deal's documents contain.

- Next steps: the JDA's effective date starts the research period, the background-information
  deadline and, only where the JDA has one, the exclusive period ("exclusivity" was named in deals
  without it).
- Two-party sheets speak of "the other co-owner" and "the other party" (the clause library's counted
  phrases), and the first-offer option names the co-owners as the deal has them.
- The options table shows a prevailing language only when a document has the Article (side by side).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TWO_F = ROOT / "tests" / "read11_deals" / "hamana-kestrel-two-en.yaml"
THREE_F = ROOT / "tests" / "read11_deals" / "izumo-kagura-three-ja.yaml"
EXCLUSIVE = ROOT / "tests" / "fixtures" / "startup-field-three-en.yaml"


def sheet(path: Path, lang: str, **kw: object) -> str:
    return api.render_review(api.read_deal(path), lang=lang, **kw).decode("utf-8")  # type: ignore[arg-type]


def step(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if words in line)


@pytest.mark.parametrize(("lang", "words", "counted"), [
    ("en", "record its date", "the research period and the identification of background information count from it"),
    ("ja", "その日付を記録", "研究期間及び背景情報の特定期限はその日から数えます"),
])
def test_notice_step_names_no_exclusivity_in_a_deal_without_it(lang: str, words: str, counted: str) -> None:
    line = step(sheet(TWO_F, lang), words)
    assert counted in line
    assert "exclusivity" not in line and "独占期間" not in line


def test_notice_step_keeps_exclusivity_where_the_jda_has_it() -> None:
    text = sheet(EXCLUSIVE, "en")
    if "record its date" not in text:
        pytest.skip("this deal's JDA does not take effect on a notice")
    assert "and exclusivity count from it" in step(text, "record its date")


@pytest.mark.parametrize(("lang", "title", "plural"), [
    ("en", "needs the consent of the other co-owner**", "co-owners' consent"),
])
def test_two_party_sheet_speaks_of_the_other_co_owner(lang: str, title: str, plural: str) -> None:
    text = sheet(TWO_F, lang)
    assert title in text
    assert plural not in text
    assert "no other party objects" not in text and "no objection from the other party" in text
    assert "SME and startup co-owners" not in text
    assert "in which Kestrel Motors K.K. offers Hamana Precision Co., Ltd. the manufacture" in text


def test_three_party_sheet_keeps_the_plural() -> None:
    text = sheet(THREE_F, "en")
    assert "needs the consent of all the other co-owners**" in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_prevailing_language_only_with_the_article(lang: str) -> None:
    row = "| Prevailing language |" if lang == "en" else "| 優先する言語 |"
    assert row not in sheet(TWO_F, lang)
    assert row in sheet(TWO_F, f"{lang}+{'ja' if lang == 'en' else 'en'}")


# Finding 3: the non-practice item cited the practice Article (第13条) and proposed letting the university
# license, which the licensing Article (第14条3-4項) already does; the filing-cost item cited a PoC
# Article that has no university rule where the university only provides items.

LICENSING = {"ja": "第三者への実施許諾及び持分の譲渡", "en": "Licensing to Third Parties and Transfer of Shares"}
PRACTICE = {"ja": "共有知的財産権の実施", "en": "Practice of Jointly Owned IP Rights"}


@pytest.mark.parametrize(("lang", "says", "not_says"), [
    ("ja", "通知から90日以内に実施が始まらず", "第三者への実施許諾を認めるかのいずれかを協議"),
    ("en", "within 90 days of that", "or freedom for the university to\nlicense third parties"),
])
def test_non_practice_item_cites_and_describes_the_licensing_article(lang: str, says: str, not_says: str) -> None:
    from conftest import article_number, shipped_markdown

    jda = shipped_markdown(THREE_F, "jda", lang)
    name = "共同研究開発契約 " if lang == "ja" else "JDA "
    licensing, practice = (name + article_number(jda, t[lang]) for t in (LICENSING, PRACTICE))  # computed, never typed
    text = sheet(THREE_F, lang)
    title = ("大学が共有する成果の不実施補償はなく" if lang == "ja" else "No compensation for a university co-owner that does not practise;")
    line = step(text, title)
    assert line.endswith(f"**: {licensing}  ")
    body = text.split(line, 1)[1].split("\n")[1]
    assert " ".join(says.split()) in " ".join(body.split()) and not_says not in body
    assert practice not in line


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_filing_cost_item_cites_the_poc_that_now_carries_the_rule_for_a_university_provider(lang: str) -> None:
    text = sheet(THREE_F, lang)
    words = "山陰大学の持分に応じた出願" if lang == "ja" else "in the costs of filing, prosecuting and maintaining"
    line = step(text, words)
    # The PoC's results Article now carries the university's filing-cost rule where the university is a provider
    # (poc.ip_results v21, read11 report-three PoC 6), so the item cites it again, truly.
    assert ("技術検証（PoC）契約" in line.split("**: ")[0]) or ("PoC agreement" in line.split("**: ")[0])
    assert ("持分の譲渡により対価を得たとき" if lang == "ja" else "licensing a third party or assigning its share") in line


# Finding 4: "no contradiction found" although the PoC ends (on acceptance) before the client's decision is due
# and the JDA takes effect on a notice under it. (A JDA taking effect before it is signed: main's jda.term v5 now
# has a notice before signing take effect on signing, so the dates no longer allow it and nothing is found.)

def checks(text: str, lang: str) -> str:
    head = "## Checks across the pack" if lang == "en" else "## 書類間の整合性"
    return text.split(head, 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(("lang", "poc_ends"), [
    ("en", "the PoC agreement ends when the report is accepted (2027-10-09 at the latest), before the client's decision "
           "whether to proceed is due (2027-12-09)"),
    ("ja", "技術検証（PoC）契約は報告書の検収の日（遅くとも2027-10-09）に終了し、依頼者の移行の判断の期限（2027-12-09）より前に終わる"),
])
def test_the_sheet_finds_the_poc_ending_before_the_decision(lang: str, poc_ends: str) -> None:
    from conftest import article_number, shipped_markdown

    term = article_number(shipped_markdown(TWO_F, "poc", lang), "Term" if lang == "en" else "有効期間")  # computed, never typed
    cited = f"PoC agreement {term}" if lang == "en" else f"技術検証（PoC）契約 {term}"
    found = checks(sheet(TWO_F, lang), lang)
    assert "No contradiction found" not in found and "矛盾は見つかりませんでした" not in found
    assert " ".join(poc_ends.split()) in " ".join(found.split()) and f"**{cited}**" in found
    assert "before it is signed" not in found and "締結前の日に遡って" not in found


def test_no_finding_where_the_dates_do_not_allow_it(tmp_path: Path) -> None:
    from conftest import deal_changed
    from oidocs.review.checks import check_pack, sheet_checks

    assert [f.rule for f in sheet_checks(api.read_deal(TWO_F))] == ["poc_ends_before_decision"]
    dated = deal_changed(TWO_F, tmp_path, jda__date="2028-01-10", jda__start="2028-02-01")  # signed after the decision: not on notice
    assert [f.rule for f in sheet_checks(dated)] == []
    assert check_pack(api.read_deal(TWO_F)) == []  # drafting for the lawyer, not a warning of `pack`


# Finding 5: dated rows the register lacked, computed from the deal as the Articles count.

def register(path: Path, lang: str) -> list[list[str]]:
    import csv
    import io

    files = api.render_calendar(api.read_deal(path), lang=lang)
    text = next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


def dated(rows: list[list[str]], words: str) -> list[str]:
    return [r[0] for r in rows if words in r[3]]


def test_two_party_register_dates_the_loan_the_site_and_confidentiality() -> None:
    rows = register(TWO_F, "en")
    assert dated(rows, "Review of (objection to) the verification report due") == ["2027-10-09"]
    assert dated(rows, "End of the Loan Period of the Lent Items") == ["2027-12-09"]  # the decision deadline
    assert dated(rows, "Lent Items removed or returned") == ["2028-01-08"]  # 30 days after it
    assert dated(rows, "Equipment removed from the Site and the Site restored (each party") == ["2029-04-30"]
    assert [r[4] for r in rows if "Site restored (each party" in r[3]][0].endswith(
        "(later by as many days as the research period starts after 2027-12-01)")  # the JDA on notice: its end moves
    assert dated(rows, "Technical Verification (Proof of Concept) Agreement: end of confidentiality") == ["2032-10-09"]
    assert dated(rows, "budget for the Shared Costs of fiscal year 2028") == ["2028-03-31"]
    assert dated(rows, "handed over in writing after a termination") == [""]  # an event: by its rule
    assert [r[4] for r in rows if "handed over in writing" in r[3]] == ["within 14 days after the termination"]
    assert not dated(rows, "university co-owner may give notice")  # no university


def test_three_party_register_dates_the_universitys_non_practice_notice_and_each_budget() -> None:
    rows = register(THREE_F, "ja")
    assert dated(rows, "大学等である共有者が、登録を要しない共有の成果（著作権等）の不実施を理由に") == ["2033-01-01"]
    assert dated(rows, "貸与品の取外し又は返還の期限") == ["2028-02-23"]
    assert dated(rows, "技術検証（PoC）契約書に基づく秘密保持義務の終了日") == ["2032-11-24"]
    assert dated(rows, "の共同研究費の予算の書面による合意の期限") == ["2028-03-31", "2029-03-31"]
    assert dated(rows, "検証報告書の確認（異議）期限") == ["2027-11-24"]


def test_no_site_removal_row_without_a_jda_site(tmp_path: Path) -> None:
    from conftest import deal_changed

    deal = deal_changed(TWO_F, tmp_path, jda__site=None)
    files = api.render_calendar(deal, lang="en")
    text = next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig")
    assert "Equipment removed from the Site and the Site restored (each party" not in text
