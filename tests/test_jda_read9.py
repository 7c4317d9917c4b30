"""The ninth lawyers' reading, JDA and NDA findings (deal J: 森宮重機, a large company paying 70% of the JDA's
shared costs; 東北青葉大学, the university; 蔵王センシング, the SME acted for, paying 30%).

#1: the shared costs were the university's tasks alone; they are now every party's budgeted tasks, each party
paying its share of the whole: the university's part advanced by half year against its invoice, its indirect
costs a rate within the budget; the other parties' tasks netted out every Cost Quarter against records, the
large company advancing the SME's budget beyond the SME's share.

#2: the JDA's Schedule was empty although the pack's licence licenses the university's patent to the large
company; it now lists it, the background Article relates the licence and the JDA, and the other parties get a
licence on request on terms no less favourable than the licence's (a default, not a lean).

#3: the large company might pass the other parties' information to all its affiliates whoever the drafts
were for. Drafted for another party, only affiliates named in writing in advance to the party whose
information it is; drafted for the large company (or no one), every affiliate that needs to know, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
NDA_CONF = {"ja": "秘密保持義務", "en": "Confidentiality"}
JDA_CONF = {"ja": "秘密保持", "en": "Confidentiality"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _md(deal, doc: str, lang: str) -> str:
    return api.render_document(deal, doc, lang, "md").decode("utf-8")


NAMED = {
    ("nda", "ja"): "であって、あらかじめ開示者に書面によりその名称を通知したものの役員及び従業員のうち本目的のために秘密情報を知る必要がある者に対しても",
    ("nda", "en"): "of those of its affiliates (companies that control it, that it controls or that are under common control with "
                   "it, control meaning the holding of more than half of the voting rights) that it has named to the Disclosing "
                   "Party in writing in advance, who need to know it for the Purpose,",
    ("jda", "ja"): "であって、あらかじめ当該秘密情報を開示した当事者に書面によりその名称を通知したものの役員及び従業員のうち、"
                   "本目的のために秘密情報を知る必要がある者（当該当事者が本条に定める義務と同等の義務を書面により課した者に限る。）",
    ("jda", "en"): "that it has named in writing in advance to the Party that disclosed that Confidential Information, who need "
                   "to know it for the Purpose, provided that it has bound them in writing to obligations equivalent to those "
                   "under this Article;",
}
WIDE = {
    ("nda", "ja"): "自己の関係会社（自己を支配し、自己が支配し、又は自己と共通の支配下にある会社をいい、支配とは議決権の過半数を保有することをいう。）"
                   "の役員及び従業員のうち本目的のために秘密情報を知る必要がある者に対しても",
    ("nda", "en"): "to the officers and employees of its affiliates (companies that control it, that it controls or that are "
                   "under common control with it, control meaning the holding of more than half of the voting rights) who "
                   "need to know it for the Purpose,",
    ("jda", "ja"): "自己の関係会社（自己を支配し、自己が支配し、又は自己と共通の支配下にある会社をいい、支配とは議決権の過半数を保有することをいう。）"
                   "の役員及び従業員のうち、本目的のために秘密情報を知る必要がある者",
    ("jda", "en"): "the officers and employees of its affiliates (companies that control it, that it controls or that are under "
                   "common control with it, control meaning the holding of more than half of the voting rights) who need to "
                   "know it for the Purpose;",
}


@pytest.mark.parametrize("doc", ["nda", "jda"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_for_the_sme_the_large_company_tells_only_affiliates_it_has_named(doc: str, lang: str) -> None:
    text = _flat(article_titled(_md(api.read_deal(J), doc, lang), (NDA_CONF if doc == "nda" else JDA_CONF)[lang]))
    assert _flat(NAMED[doc, lang]) in text
    assert _flat(WIDE[doc, lang]) not in text


@pytest.mark.parametrize("doc", ["nda", "jda"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("acting", ["morimiya", None])
def test_for_the_large_company_or_no_one_every_affiliate_that_needs_to_know(doc: str, lang: str, acting: str | None,
                                                                              tmp_path: Path) -> None:
    deal = deal_changed(J, tmp_path, acting_for=acting)
    text = _flat(article_titled(_md(deal, doc, lang), (NDA_CONF if doc == "nda" else JDA_CONF)[lang]))
    assert _flat(WIDE[doc, lang]) in text
    assert "named" not in text and "名称を通知した" not in text


# --- #1: the shared costs are every party's budgeted tasks; each pays its share of the whole -----------

COSTS = {"ja": "費用の負担", "en": "Costs"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_shared_costs_reach_every_partys_budgeted_tasks_with_the_indirect_costs_as_a_rate(lang: str) -> None:
    """Art 5 defined the shared costs as the university's direct costs only, 甲 and 丙 bearing their own
    tasks: 森宮's 70 per cent never reached 蔵王's tasks while 蔵王 pre-paid 30 per cent of the university's
    costs plus overheads. The pool is now whatever the budget lists for any party's tasks, the university's
    indirect costs a rate within the budget, never charged on top."""
    text = _flat(article_titled(_md(api.read_deal(J), "jda", lang), COSTS[lang]))
    if lang == "ja":
        assert "甲及び丙の分担業務に要する費用は、共同研究費に含まれず" not in text
        assert ("本共同研究開発の実施に直接要する費用であって、本条の規定により合意した予算に定めるもの（予算がいずれの当事者の分担業務について"
                "定めるものであるかを問わない。）及び乙の分担業務に係る当該費用に乙の規程に基づき予算に定める率を乗じて算定した間接経費") in text
        assert "乙は、その率により算定した額を超えて、又は共同研究費とは別に、間接経費を他の当事者に請求しない" in text
    else:
        assert "do not form part of the Shared Costs, and each of those Parties bears the costs of its own tasks" not in text
        assert ("set out in the budget agreed under this Article (whichever Party’s tasks the budget sets them out for), together with "
                "the indirect costs of Party B calculated on such costs of its own tasks at the rate that the budget states") in text
        assert "Party B shall not charge the other Parties any indirect costs beyond the amount calculated at that rate or in addition to the Shared Costs" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_university_is_paid_by_half_year_and_the_others_net_out_quarterly_with_the_large_companys_advance(lang: str) -> None:
    """The university's part is advanced half a fiscal year at a time against its invoice (no longer a year
    up front) and refunded after the research; 甲 and 丙 pay their own tasks first and net out every Cost
    Quarter against statements with supporting documents, 甲 advancing 70 per cent of 丙's budget each
    quarter."""
    text = _flat(article_titled(_md(api.read_deal(J), "jda", lang), COSTS[lang]))
    if lang == "ja":
        assert "各年度分を一括して" not in text
        assert ("乙の分担業務に係る共同研究費（間接経費を含む。以下本項において同じ。）は、甲及び丙が、各自の負担割合に相当する額を、予算に定める時期"
                "及び回数に従い（定めがないときは、各年度の4月1日から9月30日まで及び10月1日から翌年3月31日までの各期間") in text
        assert "乙の請求書を受領した日から30日以内に乙に前払する" in text
        assert "甲及び丙は、それぞれ、自己の分担業務に係る共同研究費（乙の分担業務に係るものを除く。以下この項及び次項において同じ。）を、まず自ら支払い" in text
        assert "証憑を付して他の当事者に交付し" in text
        assert "甲は、各精算四半期について、丙の分担業務に係る当該精算四半期の予算上の共同研究費のうち丙の負担割合に相当する額を超える額を" in text
    else:
        assert "in one payment for each fiscal year" not in text
        assert ("Party A and Party C shall each pay to Party B in advance its share of the Shared Costs of the tasks of Party B (indirect "
                "costs included; the same applies in this paragraph) in the instalments and at the times that the budget sets or, failing "
                "that, for each half of each fiscal year (April 1 to September 30 and October 1 to March 31;") in text
        assert "Party A and Party C shall each pay the Shared Costs of its own tasks (in this paragraph and the next, the Shared Costs other than those of the tasks of Party B) in the first instance" in text
        assert "Party A shall pay to Party C in advance, for each Cost Quarter, the amount by which the budgeted Shared Costs of Party C’s tasks" in text


def test_the_register_lists_the_universitys_half_year_advances_the_quarters_and_both_settlements() -> None:
    import csv
    import io

    files = api.render_calendar(api.read_deal(J))
    rows = list(csv.DictReader(io.StringIO(next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig"))))
    whats = [r["what"] for r in rows if r["article"] == "第5条"]
    assert any(w.startswith("大学等の分担業務に係る共同研究費の前払") for w in whats), whats
    assert any(w.startswith("第1精算四半期") for w in whats) and any(w.startswith("精算四半期ごとの共同研究費の前払") for w in whats), whats
    settled = [r["what"] for r in rows if r["date"] == "2030-05-30" and r["article"] == "第5条"]
    assert len(settled) == 2, settled


# --- #2: the licensed patent is the licensor's background; the licence and the JDA relate; same terms ---

BACKGROUND = {"ja": "背景知的財産権の帰属", "en": "Ownership of Background IP Rights"}
RELATION = {
    "ja": "乙が甲に対し別紙2に記載する乙の背景知的財産権の実施を許諾する実施許諾契約であって令和10年3月10日に締結することが予定されているもの"
          "（以下「本ライセンス契約」という。）が締結され、効力を生じたときは、その日以後、乙と甲との間においては、本ライセンス契約が許諾する背景知的財産権の本ライセンス契約が定める分野及び地域における"
          "実施（本成果の実施を含む。）は、本ライセンス契約の定めるところによるものとし、甲は、これについて前項の規定による許諾を求めることを要しない。"
          "本ライセンス契約は、研究期間中、本共同研究開発の遂行のために本条の規定により無償で実施することを妨げず、これについて対価を生じさせない。",
    "en": "If the licence agreement to be entered into on March 10, 2028 under which Party B licenses Party A to practise Background IP "
          "Rights of Party B listed in Schedule 2 (the “Separate Licence Agreement”) is entered into, then from the day on which it "
          "takes effect, as between Party B and Party A, the "
          "practice of the Background IP Rights it licenses in the field and territory it sets out (the practice of the Results included) "
          "shall be governed by the Separate Licence Agreement,",
}
SAME_TERMS = {
    "ja": "丙が前項の規定により当該背景知的財産権の許諾を求めたときは、乙は、本ライセンス契約が定める分野及び地域の範囲内においては、"
          "本ライセンス契約の条件（実施料その他の対価、報告及び帳簿の監査を含む。）より不利でない条件により許諾するものとし、求めをした当事者が"
          "本ライセンス契約と同一の条件を受け入れるときは、前項に定める協議及び調停の手続によらずに、直ちにこれを許諾する。",
    "en": "If Party C requests a licence of those Background IP Rights under the preceding paragraph, Party B shall grant it, within the "
          "field and territory set out in the Separate Licence Agreement, on terms no less favourable to the requesting Party than those of "
          "the Separate Licence Agreement (including royalties and other consideration, reports and the audit of books), and, if the "
          "requesting Party accepts the same terms as those of the Separate Licence Agreement, shall grant it at once",
}


def _schedule(text: str) -> str:
    return text[text.rindex("\n## "):]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_universitys_licensed_patent_is_its_background_and_the_others_get_the_same_terms(lang: str) -> None:
    """The JDA's Schedule was empty although the pack's licence, signed during the research, licenses the
    university's granted patent to 甲. It now lists the patent as 乙's; Article 8 says the licence governs its
    field and territory between 乙 and 甲, research use stays free, and 丙, which needs the patent to sell the
    system developed together, gets a licence on request on terms no less favourable than 甲's."""
    text = _md(api.read_deal(J), "jda", lang)
    row = "| 乙 | 生体信号に基づく疲労度推定方法及び装置 | 特許第7345678号 |" if lang == "ja" else "| Party B | 生体信号に基づく疲労度推定方法及び装置 | 特許第7345678号 |"
    assert row in _schedule(text)
    article = _flat(article_titled(text, BACKGROUND[lang]))
    assert _flat(RELATION[lang]) in article
    assert _flat(SAME_TERMS[lang]) in article


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_licence_signed_after_the_research_or_of_exclusive_field_results_lists_nothing(lang: str, tmp_path: Path) -> None:
    """A licence signed after the research may license its results: nothing is listed and the Article keeps
    no paragraph on it. Deal I's exclusive-field owner licenses a PCT application filed during the research:
    still not listed."""
    late = deal_changed(J, tmp_path, licence__date="2030-06-01", licence__effective="2030-07-01")
    text = _md(late, "jda", lang)
    assert "特許第7345678号" not in _schedule(text)
    assert ("本ライセンス契約" if lang == "ja" else "Separate Licence Agreement") not in text
    deal_i = _md(api.read_deal(ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"), "jda", lang)
    assert "PCT/JP2028/004321" not in _schedule(deal_i) and "JP 7401234 B2" not in _schedule(deal_i)
