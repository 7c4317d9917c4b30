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


# #2 (two companies JDA Art 5(1)-(2); three parties JDA 第5条1項・5項, 別紙): the Shared Costs were those "in the budget
# agreed", the first year's budget was to be agreed at signing, but no budget was attached; a party funding a share of
# another's in-house costs had no limit but the budget. Now a first-year budget Schedule is completed at signing (by task
# and item, with a university's indirect-cost rate), later years fall back on the last budget per day, and every party's
# own personnel, facilities and overheads count only as the budget names them.
J = FIX / "zao-morimiya-sensing-ja.yaml"
COSTS = {"ja": "費用の負担", "en": "Costs"}
BUDGET = {"ja": "## 別紙1（初年度の予算）", "en": "## Schedule 1 (First-Year Budget)"}


def _schedule(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_first_year_budget_is_a_schedule_completed_at_signing(lang):
    text = _md(deal_changed(J), "jda", lang)
    costs = _flat(article_titled(text, COSTS[lang]))
    budget = _flat(_schedule(text, BUDGET[lang]))
    if lang == "ja":
        assert "研究期間の初日の属する年度の予算は、各当事者が本契約の締結の時に別紙1に記入して合意するものとし" in costs
        assert "その合意が成立するまでの間は、直前に合意された年度の予算を、その1日当たりの額" in costs
        assert "各当事者自身の人件費、施設、設備及び一般管理費は、予算がこれを費目として定める範囲に限り、これに含まれる" in costs
        assert "| 分担業務 | 費目 | 金額（円） |" in budget and "（締結前に記入）" in budget
        assert "| 乙 | （締結前に記入） | （締結前に記入） |" in budget  # the university's indirect-cost rate
    else:
        assert "shall be agreed by the Parties completing Schedule 1 when this Agreement is signed" in costs
        assert "until it is agreed, the budget last agreed continues to apply at its amount per day" in costs
        assert "the costs of each Party’s own personnel, facilities, equipment and overheads form part of them only so far as the budget names them" in costs
        assert "| Party | Task | Item of expenditure | Amount (yen) |" in budget
        assert "The rates of indirect costs are as follows." in budget
    assert ("第5条第2項" if lang == "ja" else "Article 5(2)") in budget


def test_no_budget_schedule_when_each_party_bears_its_own_costs(tmp_path):
    text = _md(deal_changed(J, tmp_path, jda__costs="each_own", jda__cost_shares=None), "jda", "en")
    assert "First-Year Budget" not in text and "## Schedule (Background IP Rights)" in text


def test_two_companies_have_no_indirect_cost_rate():
    budget = _schedule(_md(deal_changed(TWO), "jda", "en"), BUDGET["en"])
    assert "Item of expenditure" in budget and "indirect" not in budget


# #3 (tenth reading, deal J: JDA 第5条 and 第24条2項; no reallocation on exit): costs incurred and committed until a party
# leaves are settled by the shares, advances for work not done are refunded, and with three or more parties the remaining
# parties agree a new budget within 30 days, each free to leave failing agreement.
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_exit_settles_costs_refunds_advances_and_rebudgets(lang):
    costs = _flat(article_titled(_md(deal_changed(J), "jda", lang), COSTS[lang]))
    if lang == "ja":
        assert "その終了の日までに生じた共同研究費及び同日までに予算の範囲内で当事者が発注その他の契約をし、取り消すことができないものは、本条に定める割合により負担し" in costs
        assert "前払金のうち同日までに実施されなかった業務に対応する部分を、これを前払した当事者に返還する" in costs
        assert "残る当事者は、その終了の日から30日以内に、研究期間の残りの期間の予算及び共同研究費の負担割合を書面により合意して定める" in costs
        assert "残る各当事者は、他の残る当事者に対する書面による通知により、自己との関係において本契約を終了させることができ" in costs
    else:
        assert "or ends with respect to one Party by termination under Article" in costs
        assert "refund to the Party that paid them the part of those advances that corresponds to work not carried out by that day" in costs
        assert "the remaining Parties shall agree in writing, within thirty (30) days of the day it so ends, on the budget for the rest" in costs
        assert "each remaining Party may end this Agreement with respect to itself by written notice" in costs


def test_two_parties_settle_on_early_end_without_a_rebudget():
    costs = _flat(article_titled(_md(deal_changed(TWO), "jda", "en"), COSTS["en"]))
    assert "If this Agreement ends before the last day of the Research Period, the Shared Costs incurred up to the day it ends" in costs
    assert "remaining Parties" not in costs


def test_register_dates_the_longstop_and_says_the_research_end_moves():
    from oidocs.calendar.deadlines import deadlines

    deal = deal_changed(TWO)
    trees = [api.build_document(deal, d, "en") for d in ("nda", "poc", "jda") if getattr(deal, d, None) is not None]
    rows = {d.key: d for d in deadlines(deal, trees, "en")}
    assert rows["jda.longstop"].day == dt.date(2027, 10, 23) and "lapses without taking effect" in rows["jda.longstop"].what
    assert rows["jda.end"].rule == "2028-06-30, or as many days later as the JDA takes effect after 2027-07-01"
