"""The sixth lawyer's reading of the PoC agreement (deal E, tests/review_deals/nagoya-kiyosu-toyokawa-en.yaml,
drafted for the large client Toyokawa with the SME Kiyosu performing; deal C, the host fixture, in Japanese).

C2/E4: the client's use of the Report, data and delivered items, their confidentiality and the ban on analysis
as one rule; E1: a large client no longer takes an SME's improvements of its background free of charge; E2:
the register gives the fee's 60-day limit with its date; E3: items measured at the client's premises come
when the Schedule's method needs them; E6: no "a Party other than Toyokawa" in a two-party agreement.
Each test reads the generated document (or register, or sheet) back and fails on the text before the fix.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, article_number, article_titled, shipped_markdown

E = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"
C = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"

TITLES = {"report": ("本報告書の提出及び検収", "Submission and Acceptance of the Report"),
          "no_analysis": ("解析等の禁止", "No Analysis"), "fee": ("委託料", "Fee"),
          "confidentiality": ("秘密保持", "Confidentiality"),
          "report_rights": ("本報告書の利用", "Use of the Report"), "results": ("本成果の帰属", "Ownership of the Results")}


def poc(lang: str, path: Path = E) -> str:
    return shipped_markdown(path, "poc", lang)


def art(text: str, key: str, lang: str) -> str:
    return " ".join(article_titled(text, TITLES[key][0 if lang == "ja" else 1]).split())


def number(text: str, key: str, lang: str) -> str:
    """The article's reference as the document writes it (第15条 / Article 15)."""
    return article_number(text, TITLES[key][0 if lang == "ja" else 1])


def paragraph(article: str, n: int) -> str:
    """Paragraph ``n`` of a whitespace-joined article body."""
    found = re.search(rf"(?:^| ){n}\. (.*?)(?= {n + 1}\. |$)", article)
    assert found, n
    return found.group(1)


def variant(tmp_path: Path, change: Any, path: Path = E) -> Path:
    deal = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(deal)
    out = tmp_path / f"{len(list(tmp_path.iterdir()))}-{path.name}"
    out.write_text(yaml.safe_dump(deal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def sheet(lang: str, path: Path = E) -> str:
    from oidocs import api

    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


# C2/E4: one rule for the Report, the data and the items ------------------------------------------------

@pytest.mark.parametrize(("path", "lang"), [(E, "en"), (E, "ja"), (C, "ja")])
def test_the_report_rules_agree_on_use_confidentiality_and_testing(path: Path, lang: str) -> None:
    """15(3) freed the use from Art 11's restriction while 15(4) required compliance with the whole of
    Art 11, and 12(2) allowed testing only for the Verification Purpose: now 15(3) lifts the restriction
    on use for its own use only, 15(4) keeps the performer's information confidential and 12(2) allows
    testing for the uses Art 15 permits, never analysis of how the performer made the items."""
    text = poc(lang, path)
    use, ban = art(text, "report_rights", lang), art(text, "no_analysis", lang)
    conf, rights = number(text, "confidentiality", lang), number(text, "report_rights", lang)
    third, fourth = paragraph(use, 3), paragraph(use, 4)
    if lang == "ja":
        assert "使用の制限を受けない" not in use and "の規定を遵守する" not in use
        assert f"この権利に基づく利用には、{conf}に定める目的外使用の禁止を適用しない" in third
        assert "自己の所有となる物（同条に定める貸与品については、貸与期間中に限る。）を、自己の組織内において" in third
        assert f"{conf}が効力を有する間、引き続き" in fourth and "秘密情報とする" in fourth
        assert "同条に定める目的外使用の禁止は、前二項が認める利用を除き、当該情報に適用する" in fourth
        assert f"その他{rights}が認める利用に必要な範囲で" in ban and "どのように製作したかを知るために" in ban
    else:
        assert "is not limited by the restriction on use" not in use and "shall comply with" not in use
        assert f"the restriction on use in {conf} does not apply to the use it permits" in third
        assert "the items that belong to it under" in third
        assert f"remains its Confidential Information for as long as {conf} remains in force" in fourth
        assert "applies to that information except for the uses that the two preceding paragraphs permit" in fourth
        assert f"otherwise to the extent necessary for the uses that {rights} permits" in ban
        assert "analyse those items in order to learn how Kiyosu made them" in ban


# E1: a large client pays for an SME's improvements of its background -------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_large_client_pays_for_the_smes_improvements_of_its_background(lang: str, tmp_path: Path) -> None:
    """14(5) had Kiyosu (an SME) assign to Toyokawa (a large company) free of charge improvements of
    Toyokawa's background, whoever made them. Drafted for the large client, the assignment is now for a
    consideration agreed in good faith, passing on payment; drafted for the SME, or between two large
    companies, the free assignment stays."""
    def improvements(article: str) -> str:  # the paragraph that defines them (eleventh reading added one before it)
        return next(paragraph(article, n) for n in range(1, 12) if "背景改良成果」とは" in paragraph(article, n)
                    or "Background Improvements” means" in paragraph(article, n))

    fifth = improvements(art(poc(lang), "results", lang))
    mine = improvements(art(poc(lang, variant(tmp_path, lambda d: d.update(acting_for="kiyosu"))), "results", lang))
    peers = improvements(art(poc(lang, variant(tmp_path, lambda d: d["parties"][0].update(kind="large_company"))),
                             "results", lang))
    if lang == "ja":
        assert "無償で乙に譲渡" not in fifth
        assert "本委託料とは別に" in fifth and "誠実に協議の上書面により定める対価により、乙に譲渡する" in fifth
        assert "当該対価の支払の時に乙に移転する" in fifth
        assert "無償で甲に譲渡" in mine and "無償で乙に譲渡" in peers
    else:
        assert "assign that right or share to Toyokawa free of charge" not in fifth
        assert "for a consideration, separate from the Fee, that the Parties shall agree in writing, negotiating in good faith" in fifth
        assert "passes to Toyokawa when that consideration is paid" in fifth
        assert "to Kiyosu free of charge" in mine and "to Toyokawa free of charge" in peers


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_warns_the_large_client_of_the_act_and_the_guidelines(lang: str) -> None:
    """The sheet named the SME Entrustment Transactions Act for the fee alone and treated the free
    assignment as a bargaining point; it now says why the drafts pay for the SME's improvements."""
    text = sheet(lang)
    line = next(l for l in text.splitlines() if ("背景改良成果" in l or "Background Improvements" in l))
    assert "中小受託取引適正化法" in line and "知的財産取引に関するガイドライン" in line
    if lang == "ja":
        assert "無償で自社に譲渡され" not in line and "不当な経済上の利益の提供要請" in line
    else:
        assert "assigned to you free of charge" not in line and "unjust demand for economic benefit" in line


# E2: the register's fee rows follow Art 6(4) --------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_register_gives_the_fees_60_day_limit_and_its_date(lang: str, tmp_path: Path) -> None:
    """The register said only '30 days after receipt of the invoice'; Art 6(4) makes Toyokawa pay within 60
    days of receiving the Report (due 2027-10-14), so at the latest on 2027-12-12."""
    from oidocs import api

    path = variant(tmp_path, lambda d: d.update(language=lang))
    deal = api.read_deal(path)
    files = api.render_calendar(deal)
    rows = list(csv.DictReader(io.StringIO(next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig"))))
    fee_article = number(poc(lang, path), "fee", lang)
    latest = [r for r in rows if r["date"] == "2027-12-12"]
    assert len(latest) == 1 and latest[0]["article"] == fee_article
    assert ("60日以内" if lang == "ja" else "within 60 days") in latest[0]["rule"]
    invoice = [r for r in rows if r["article"] == fee_article and not r["date"]]
    assert invoice and all(("60日" if lang == "ja" else "60 days") in r["rule"] for r in invoice)
    assert ("60日以内" if lang == "ja" else "within sixty (60) days") in art(poc(lang, path), "fee", lang)


# E3: items measured at the client's premises ----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_items_the_schedule_measures_at_the_client_arrive_when_needed(lang: str, tmp_path: Path) -> None:
    """The Schedule measures the parts at Toyokawa's metrology lab, but 4(5) delivered them only with the
    Report, which then could not hold those measurements. Without a method the rule is as before."""
    report = paragraph(art(poc(lang), "report", lang), 5)
    plain = paragraph(art(poc(lang, variant(tmp_path, lambda d: d["poc"].pop("method"))), "report", lang), 5)
    if lang == "ja":
        words = "乙の施設において別紙に定める方法により測定し、又は試験する物は、当該方法がこれを必要とする時に、遅くとも検証期間の末日までに引き渡す"
    else:
        words = ("those of them that the methods set out in the Schedule measure or test at the premises of Toyokawa as and "
                 "when those methods need them, and in any event by the last day of the Verification Period")
    assert words in report and words not in plain


# E6: two-party wording -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_two_party_poc_says_the_other_party(lang: str) -> None:
    """14(6)-(7) spoke of 'a Party other than Toyokawa' although Kiyosu is the only other Party; a
    three-party PoC (deal C) keeps naming the party excluded."""
    results = art(poc(lang), "results", lang)
    if lang == "ja":
        assert "乙以外の当事者" not in results and "相手方の背景知的財産権の対象を改良し" in results
    else:
        assert "other than Toyokawa" not in results
        assert "the Background IP Rights of the other Party shall belong to that Party" in results
    assert "甲以外の当事者の背景知的財産権" in art(poc("ja", C), "results", "ja")
