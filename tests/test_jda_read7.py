"""Seventh reading, deal H (a large company, an SME acted for and a startup; NDA, MOU, PoC by the
startup for the SME, JDA 40/40/20 with shared costs): the JDA's findings, read back from the
generated documents, register and review sheet.

#1: a JDA whose own effective date falls before the PoC decision is due waits for the client's
notice to proceed (its date is a floor), in Japanese (deal H) and in English (a two-party deal).
#12: the register gives the MOU's end as the MOU words it (the JDA taking effect ends it).
#7: with shared costs, each party's liability cap is what it has paid and must pay, not the budget.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import ROOT, article_number, article_titled, deal_changed, run
from oidocs import api
from oidocs.deal.sequence import jda_notice_floor, jda_on_notice, poc_decision_due, research_start

H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"
KIYOSU = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"


def _md(deal: object, doc: str, lang: str) -> str:
    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


def _rows(path: Path, tmp_path: Path, lang: str | None = None) -> list[str]:
    args = ["calendar", "--config", str(path), "--out", str(tmp_path)] + (["--lang", lang] if lang else [])
    assert run(*args).exit_code == 0
    csv = next(tmp_path.glob("*-deadlines.csv"))
    return csv.read_text(encoding="utf-8-sig").splitlines()


# --- #1: the SME is not bound to the JDA before its PoC decision -------------------------------

def test_h_jda_dated_before_the_decision_waits_for_the_smes_notice(tmp_path: Path) -> None:
    deal = api.read_deal(H)
    assert deal.jda is not None and deal.jda.effective == dt.date(2027, 10, 1)
    assert poc_decision_due(deal) == dt.date(2027, 11, 13) and jda_on_notice(deal)
    assert jda_notice_floor(deal) == dt.date(2027, 10, 1) and research_start(deal) is None
    term = article_titled(_md(deal, "jda", "ja"), "有効期間")
    assert "乙が本PoC契約に基づき共同研究開発に移行する旨を甲及び丙に書面で通知した日（その通知が本契約の締結前にされたときは、本契約の締結の日）又は令和9年10月1日のいずれか遅い日から効力を生じ" in term
    assert "効力を生じることなく失効" in term, "the SME's no (or its silence) leaves no JDA"
    assert "本契約は、令和9年10月1日から効力を生じ" not in term
    poc = article_titled(_md(deal, "poc", "ja"), "次段階への移行")
    assert "次段階契約がそれより後の効力発生日を定めているときは、その日" in poc
    # the register: the JDA's start is a rule, not 2027-10-01
    rows = _rows(H, tmp_path)
    effective = next(r for r in rows if "共同研究開発契約書の効力発生日" in r)
    assert effective.startswith(",") and "移行する旨を書面で通知した日" in effective and "2027-10-01より前には効力を生じない" in effective
    assert not any(r.startswith("2027-10-01,共同研究開発契約書,第4条,研究期間の開始日") for r in rows)
    # the sheet says it plainly, and no longer tells the user to drop the date
    sheet = api.render_review(deal).decode()
    assert "共同研究開発契約に記載された効力発生日（2027-10-01）は下限にすぎません" in sheet
    assert "判断期限（遅くとも2027-11-13。同契約の締結から30日以内の通知は期限後でも有効）までに通知しないときは効力を生じず" in sheet
    assert "効力発生日の指定をやめれば" not in sheet
    assert run("validate", str(H), "--strict").exit_code == 0


def test_english_two_party_jda_dated_before_the_decision_waits_for_the_notice(tmp_path: Path) -> None:
    base = api.read_deal(KIYOSU)
    assert not jda_on_notice(base), "signed and effective after the decision: it binds on its date"
    deal = deal_changed(KIYOSU, tmp_path, jda__date="2027-12-01", jda__effective="2028-01-05", jda__start="2028-01-05")
    due = poc_decision_due(deal)
    assert due is not None and dt.date(2028, 1, 5) < due and jda_on_notice(deal)
    term = article_titled(_md(deal, "jda", "en"), "Term")
    assert "shall take effect on the day on which" in term and "but in no case before January 5, 2028" in term
    assert "Toyokawa notifies Kiyosu in writing, under the PoC Agreement, that it will proceed" in term
    assert "shall lapse without taking effect, and neither Party shall be liable to the other" in term
    assert "any other Party" not in term and "take effect on January 5, 2028 and" not in term
    poc = article_titled(_md(deal, "poc", "en"), "Moving to the Next Stage")
    assert ", or on any later day the Next Agreement sets for it to take effect." in poc
    sheet = api.render_review(deal, lang="en").decode()
    assert "The effective date written in the JDA (2028-01-05) is only the earliest day it can take effect" in sheet
    # without a date of its own after signing, no floor is written
    plain = deal_changed(KIYOSU, tmp_path, jda__date="2027-12-01", jda__start="2028-01-05")
    assert jda_on_notice(plain) and jda_notice_floor(plain) is None
    assert "the later of" not in article_titled(_md(plain, "jda", "en"), "Term")


# --- #12: the MOU ends when the JDA takes effect, and the register says so ----------------------

def test_h_register_gives_the_mou_end_as_its_text_does(tmp_path: Path) -> None:
    """MOU Art 10(2) ends the MOU on the day the JDA takes effect; H's JDA now waits for the notice,
    so the register gives the rule and the latest day, not 2027-12-14 and 2030-12-14 as dates."""
    rows = _rows(H, tmp_path / "ja")
    assert not any(r.startswith(("2027-12-14,基本合意書", "2030-12-14,基本合意書")) for r in rows), rows
    assert ",基本合意書,第10条,基本合意書の終了日,2027-12-14（有効期間の満了日）又は共同研究開発契約が効力を生じた日のいずれか早い日" in rows
    assert ",基本合意書,第10条,基本合意書に基づく秘密保持義務の終了日,基本合意書の終了から36か月（遅くとも2030-12-14）" in rows
    en = _rows(H, tmp_path / "en", "en")
    assert (",Memorandum of Understanding,Article 10,Memorandum of Understanding: end,"
            "the earlier of 2027-12-14 (the end of its term) and the day the JDA takes effect") in en


def test_a_jda_dated_within_the_mou_term_ends_the_mou_that_day_in_the_register(tmp_path: Path) -> None:
    # two parties, English: the JDA signed (and effective) 2028-03-10 after the decision, the MOU's term to 2028-05-09
    rows = _rows(KIYOSU, tmp_path)
    assert "2028-03-10,Memorandum of Understanding,Article 10,Memorandum of Understanding: end,ends on the day the JDA takes effect" in rows
    assert "2031-03-10,Memorandum of Understanding,Article 10,Memorandum of Understanding: end of confidentiality,36 months after the MOU ends" in rows
    assert not any(r.startswith(("2028-05-09,Memorandum", "2031-05-09,Memorandum")) for r in rows)


# --- #7: with shared costs, each party's cap is what it has paid and must pay --------------------

def test_h_cap_is_each_partys_own_payments_not_the_whole_budget(tmp_path: Path) -> None:
    deal = api.read_deal(H)
    ja = article_titled(_md(deal, "jda", "ja"), "損害賠償及び責任の制限")
    assert ("損害の原因となった事由が生じた日までに当該当事者が本契約に基づき支払った金額及び同日において支払うべき金額"
            "（共同研究費のうち当該当事者が支払ったもの（予算に定める自己の分担業務のために自ら支出したものを含み、") in ja
    assert "いずれか多い額" not in ja and "共同研究費の総額" not in ja, "乙 (30%) no longer answers for the whole budget"
    # the carve-outs stay
    assert "有体物（本試料等を含む。）の損壊により生じた損害については、この限りでない" in ja
    text = _md(deal, "jda", "ja")
    for words in ("故意又は重大な過失", "人の生命又は身体の侵害", f"{article_number(text, '秘密保持')}又は", "帰属若しくは譲渡"):
        assert words in ja, words
    en = article_titled(_md(deal, "jda", "en"), "Damages and Limitation of Liability")
    assert ("shall be limited to the total of the amounts that the Party has paid under this Agreement up to the date on which "
            "the event that caused the damage occurred and is obliged to pay under it as at that date (including the Shared "
            "Costs it has paid, among them those it has itself spent on its own tasks under the budget") in en
    assert "the greater of" not in en and "wilful misconduct or gross negligence" in en
    # the sheet says what it means for the SME acted for
    sheet = api.render_review(deal).decode()
    assert "自社の責任は、自社が負担する分（共同研究費の30パーセント）のうちその日までに支払い、又は支払うべき額までに限られる" in sheet
    assert "負担割合の小さい当事者から" in sheet
    assert "Your own liability is limited to the part of your share (30 per cent of the shared costs)" in \
        api.render_review(deal, lang="en").decode()


def test_a_party_bearing_no_share_is_capped_at_the_shared_costs_and_a_figure_wins(tmp_path: Path) -> None:
    free = deal_changed(H, tmp_path, jda__cost_shares={"toyo": 70, "mikawa": 30, "sora": 0})
    ja = article_titled(_md(free, "jda", "ja"), "損害賠償及び責任の制限")
    assert "（共同研究費を負担しない当事者については、同日までに当該当事者が本契約に基づき他の当事者から受けた金額及び同日において受けるべき金額の合計額）" in ja
    en = article_titled(_md(free, "jda", "en"), "Damages and Limitation of Liability")
    assert "or, for a Party that bears no share of the Shared Costs, to the total of the amounts that it has received" in en
    fixed = deal_changed(H, tmp_path, jda__liability_cap=20_000_000)
    ja = article_titled(_md(fixed, "jda", "ja"), "損害賠償及び責任の制限")
    assert "損害賠償責任の総額は、金20,000,000円を上限とする" in ja and "支払った金額" not in ja
    assert "共同研究費の30パーセント" not in api.render_review(fixed).decode()
