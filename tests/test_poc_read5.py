"""The fifth lawyer's reading, deal E (tests/review_deals/nagoya-kiyosu-toyokawa-en.yaml): the PoC's
analysis ban, the parts made from the client's blanks, the client's use of the report it paid for, the
fee's 60-day limit when a large company pays an SME, the fee cap's carve-outs and the sheet's insurance line.

Kiyosu (an SME) machines 300 nozzle bodies from Toyokawa's blanks; Toyokawa (a large company) measures
them in its own lab and pays JPY 8m. Each test reads the generated PoC (or review sheet) back, in both
languages, and fails on the text before the fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, advice_in, article_number, article_titled, shipped_markdown

E = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"

TITLES = {"report": ("本報告書の提出及び検収", "Submission and Acceptance of the Report"),
          "no_analysis": ("解析等の禁止", "No Analysis"), "fee": ("委託料", "Fee"),
          "report_rights": ("本報告書の利用", "Use of the Report"), "liability": ("損害賠償", "Damages"),
          "background": ("背景知的財産権", "Background IP Rights"), "results": ("本成果の帰属", "Ownership of the Results")}


def poc(lang: str, path: Path = E) -> str:
    return shipped_markdown(path, "poc", lang)


def art(text: str, key: str, lang: str) -> str:
    return article_titled(text, TITLES[key][0 if lang == "ja" else 1])


def number(text: str, key: str, lang: str) -> str:
    """The article's reference as the document writes it (第15条 / Article 15)."""
    return article_number(text, TITLES[key][0 if lang == "ja" else 1])


def variant(tmp_path: Path, change: Any) -> Path:
    """Deal E with ``change(deal)`` applied, written to tmp_path."""
    deal = yaml.safe_load(E.read_text(encoding="utf-8"))
    change(deal)
    out = tmp_path / "deal-e.yaml"
    out.write_text(yaml.safe_dump(deal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def sheet(lang: str, path: Path = E) -> str:
    from oidocs import api

    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_client_may_measure_what_it_receives_but_the_ban_stays(lang: str) -> None:
    """Defect 1: the Schedule measures at Toyokawa's lab, but Art 12(1) forbade Toyokawa to analyse
    anything Kiyosu provided (only Kiyosu was exempt)."""
    text = art(poc(lang), "no_analysis", lang)
    if lang == "ja":
        assert "乙が本契約に基づき甲から引渡しを受けた本報告書、データ、部品、試作品その他の物" in text
        assert "を、別紙に定める方法により本検証目的に必要な範囲で" in text
        assert "検査し、測定し、及び試験すること" in text
        assert "開示又は提供をした当事者の事前の書面による承諾を得ることなく" in text
    else:
        assert ("nor prevent Toyokawa from inspecting the Report, data, parts, prototypes and other items that Kiyosu "
                "delivers to it under this Agreement") in text
        assert ("and measuring and testing them, by the methods set out in the "
                "Schedule to the extent necessary for the Verification Purpose") in text
        assert "without the prior written consent of the Party that disclosed or provided it" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_parts_made_from_the_clients_blanks_are_its_own_and_come_with_the_report(lang: str) -> None:
    """Defect 2: the 300 machined parts were no deliverable, and Art 9 kept only the blanks (Civil Code
    art. 246 could give the parts to the machinist)."""
    text = poc(lang)
    report = art(text, "report", lang)
    results = number(text, "results", lang)
    if lang == "ja":
        assert "甲が本検証の過程で提供資料から製作した部品、試作品その他の物（次項により甲に留保されるものを除く。）は、その加工の価値にかかわらず、製作された時から乙の所有とし" in report
        assert "本報告書と共に乙に引き渡す" in report and f"{results}の定めによる" in report
    else:
        assert ("Parts, prototypes and other tangible items that Kiyosu makes from the Client Materials in the course of the "
                "Verification (other than what the following paragraph keeps for Kiyosu) shall belong to Toyokawa from the time "
                "they are made, whatever the value of the work "
                "done on them") in report
        assert "deliver them (other than those consumed in the Verification) to Toyokawa together with the Report" in report
        assert f"embodied in those items shall be governed by {results}" in report


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_client_may_use_the_report_it_paid_for_even_without_a_jda(lang: str, tmp_path: Path) -> None:
    """Defect 3: Toyokawa paid JPY 8m but could use the Report only for the Verification Purpose. For the
    client its own products' use of what was verified; eleventh reading: never a competing design outside a client-side draft."""
    client = art(poc(lang), "report_rights", lang)
    performer = art(poc(lang, variant(tmp_path, lambda d: d.update(acting_for="kiyosu"))), "report_rights", lang)
    if lang == "ja":
        assert "次段階契約の締結の有無にかかわらず、本報告書、これと共に引き渡されたデータ及び" in client
        assert "自己の所有となる物（同条に定める貸与品については、貸与期間中に限る。）を、自己の組織内において" in client
        assert ("本検証の対象となった技術及び製品の評価並びにこれらを自己の製品の設計、開発若しくは製造において採用し、又は調達することに関する"
                "判断のために、無償かつ期間の制限なく利用することができる") in client
        # eleventh reading (report-two §4): a performer-side draft rules out designing a competing product
        assert "本検証の対象となった技術及び製品の評価並びにこれらを自己の製品に採用し、又は調達することに関する判断のために" in performer
        assert "と競合する技術又は製品を自ら又は第三者をして設計し、又は開発するための利用を含まない" in performer
        assert "競合する" not in client
        assert "第三者に開示してはならず" in client
    else:
        assert "may use the Report, the data delivered with it and the items that belong to it under" in client
        assert ("within its own organisation, free of charge, without "
                "limit of time and whether or not the Next Agreement is concluded") in client
        assert ("to evaluate the technology and products that were the subject of the Verification and to decide whether to "
                "adopt them in the design, development or manufacture of its own products or to procure them") in client
        assert "to decide whether to adopt them in its own products or to procure them" in performer
        assert "That use does not include using them to design or develop" in performer and "competes" not in client
        assert "does not permit Toyokawa to disclose the Report, that data or those items to any third party" in client


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_large_company_pays_an_sme_within_60_days_of_receipt(lang: str, tmp_path: Path) -> None:
    """Defect 7 of the reading: invoice after acceptance, then 30 days, can pass the 60 days from receipt
    that the SME Entrustment Transactions Act allows. Only a large client paying an SME gets the paragraph
    and the sheet's advice."""
    fee, review = art(poc(lang), "fee", lang), sheet(lang)
    def both_large(d: dict[str, Any]) -> None:
        d["parties"][0]["kind"] = "large_company"
    other = variant(tmp_path, both_large)
    plain_fee, plain_review = art(poc(lang, other), "fee", lang), sheet(lang, other)
    if lang == "ja":
        says = "本報告書（第4条によりこれと共に引き渡される物があるときは、その物を含む。）を受領した日から起算して60日以内に、本報告書の検収及び請求書の受領の有無にかかわらず"
        assert "中小受託取引適正化法" in review
    else:
        says = ("within sixty (60) days counted from and including the day on which it receives the Report (and any "
                "items to be delivered with it under Article 4), whether or not the Report has been accepted")
        assert "SME Entrustment Transactions Act (中小受託取引適正化法" in review
    assert says in fee and says not in plain_fee
    assert advice_in("poc_sme_entrustment", review) and not advice_in("poc_sme_entrustment", plain_review)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("acting", ["toyokawa", "kiyosu"])
def test_breach_of_the_results_articles_is_outside_the_fee_cap(lang: str, acting: str, tmp_path: Path) -> None:
    """Defect 8: the PoC's cap (the Fee) covered a breach of the background and results Articles (an
    unconsented licence of co-owned results, a refused assign-back); the JDA carves them out."""
    text = poc(lang, variant(tmp_path, lambda d: d.update(acting_for=acting)))
    damages = art(text, "liability", lang)
    background, results = number(text, "background", lang), number(text, "results", lang)
    if lang == "ja":
        assert f"、{background}若しくは{results}（本成果に係る権利の帰属、譲渡及び実施許諾に関する定めを含む。）の違反" in damages
        assert "本成果に係る知的財産権の本契約で認められた範囲を超える実施若しくは使用" in damages
    else:
        assert f", {background} or {results} (including the provisions on the ownership, assignment and licensing" in damages
        assert ("beyond what this Agreement allows, the Background IP Rights or Confidential Information of the other "
                "Party or the Intellectual Property Rights of the other Party in the Results") in damages


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_lists_the_insurance_figure_only_where_an_article_states_it(lang: str, tmp_path: Path) -> None:
    """Sheet defect: E's options listed a JPY 100m minimum insurance that no PoC article contains (the work
    is at Kiyosu's own plant). At the client's site the Place of Work Article states it, and so does the sheet."""
    label = "作業場所での賠償責任保険の最低額" if lang == "ja" else "Minimum liability insurance for work at a site"
    figure = "100,000,000"
    assert figure not in poc(lang) and label not in sheet(lang)
    at_client = variant(tmp_path, lambda d: d["poc"].update(site="client"))
    assert figure in poc(lang, at_client) and label in sheet(lang, at_client)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_clients_unfavourable_fee_item_follows_the_60_day_paragraph(lang: str, tmp_path: Path) -> None:
    """The sheet told Toyokawa that the fee 'falls due on acceptance of the Report'; with the 60-day
    paragraph it falls due within 60 days of receipt, accepted or not. Between two large companies the
    old item stays."""
    def both_large(d: dict[str, Any]) -> None:
        d["parties"][0]["kind"] = "large_company"
    # sixth reading (C5): the items say when the fee falls due as Article 6 does (days after the invoice)
    on_acceptance = "日以内に支払う（遅れれば年14.6％の遅延損害金）" if lang == "ja" else "after the invoice is received (late payment"
    sixty = "の受領から60日以内に全額を支払わなければならず" if lang == "ja" else "in any case must be paid in full within 60 days of receiving the Report"
    review, plain_review = sheet(lang), sheet(lang, variant(tmp_path, both_large))
    assert sixty in review and on_acceptance not in review
    assert on_acceptance in plain_review and sixty not in plain_review
