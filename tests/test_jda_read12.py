"""The eleventh lawyers' reading (read11), JDA findings on its effect, budget and exit.

#1 (two companies, JDA Art 25; three parties, JDA 第25条1項): a JDA signed before the client's go decision took
effect on the notice to proceed, which might come before the JDA was signed (effect before signature) or after
the PoC's window had closed (a JDA lapsing at birth), and the client's option had no last day. It now takes
effect on the later of signing and the notice, a notice within 30 days after signing suffices, and without the
notice by a fixed day (60 days after the decision is due at the latest) it lapses; a late start moves the end of
the research period by as many days.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, article_titled, deal_changed
from oidocs import api
from oidocs.deal.sequence import jda_notice_longstop, poc_decision_due

FIX = ROOT / "tests" / "fixtures"
TWO = ROOT / "examples" / "bigco-smallworks-en.yaml"  # two companies, shared costs, the JDA on notice
THREE = FIX / "chubu-mikawa-three-ja.yaml"  # three parties, a university, the JDA on notice with a floor
TERM = {"ja": "有効期間", "en": "Term"}
PERIOD = {"ja": "研究期間及び進捗報告", "en": "Research Period and Progress Reports"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _md(deal, doc: str, lang: str) -> str:
    return api.render_document(deal, doc, lang, "md").decode("utf-8")


def test_longstop_is_sixty_days_after_the_latest_decision():
    deal = deal_changed(TWO)
    assert jda_notice_longstop(deal) == poc_decision_due(deal) + dt.timedelta(days=60)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_takes_effect_no_earlier_than_signing_and_lapses_at_a_fixed_day(lang):
    deal = deal_changed(TWO)
    term = _flat(article_titled(_md(deal, "jda", lang), TERM[lang]))
    if lang == "ja":
        assert "（その通知が本契約の締結前にされたときは、本契約の締結の日）から効力を生じ、研究期間の末日まで有効とする" in term
        assert "本契約の締結の日から30日以内にされた当該通知は、本PoC契約に定める判断の期間の経過後にされたものであっても、その効力を有する" in term
        assert "2027年10月23日までに前項の通知がされないときは、本契約は、同日の経過をもって、効力を生じることなく失効する" in term
    else:
        assert "(or, if that notice is given before this Agreement is signed, on the day it is signed)" in term
        assert "shall remain in effect until the last day of the Research Period" in term
        assert ("Such a notice given within thirty (30) days after the day this Agreement is signed shall have effect "
                "even if the period set in the PoC Agreement for the decision has passed") in term
        assert "if that notice has not been given by October 23, 2027, this Agreement shall lapse without taking effect" in term


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_research_period_end_moves_with_a_late_start(lang):
    text = _md(deal_changed(TWO), "jda", lang)
    period = _flat(article_titled(text, PERIOD[lang]))
    if lang == "ja":
        assert "その効力を生じた日から、2028年6月30日の後その遅れた日数を経過した日まで" in period
    else:
        assert "from the day it takes effect to the day falling as many days after" in period


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_says_the_same_about_the_signed_jda(lang):
    poc = _flat(_md(deal_changed(TWO), "poc", lang))
    if lang == "ja":
        assert "その通知が次段階契約の締結前にされたときは、その締結の日" in poc
        assert "2027年10月23日までに通知をしないときは、次段階契約は、効力を生じない" in poc
    else:
        assert "(or, if that notice is given before the Next Agreement is signed, on the day it is signed)" in poc
        assert "or gives no notice by October 23, 2027" in poc


def test_three_parties_with_a_floor_keep_the_floor():
    term = _flat(article_titled(_md(deal_changed(THREE), "jda", "ja"), TERM["ja"]))
    assert "本契約の締結の日）又は令和9年10月1日のいずれか遅い日から効力を生じ" in term
    assert "令和10年1月12日までに前項の通知がされないときは" in term


def test_review_sheet_and_calendar_give_the_longstop():
    deal = deal_changed(TWO)
    text = api.render_review(deal, lang="en").decode("utf-8")
    assert "lapses without that notice by 2027-10-23" in _flat(text)
