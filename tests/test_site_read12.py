"""Twelfth lawyer reading (read11 reports two and three): work at a party's site, its insurance and the caps.

- JDA damages: damage to the host's plant and third-party claims from site work were uncapped for the
  visiting party, while the PoC capped the same risk at the insurance minimum; a university bearing no
  share was capped at the whole of the shared costs, above the SME paying 30 per cent.
- JDA site: a two-company JDA spoke of students and teaching staff and of "Each Party other than Kestrel
  that is not a university or research institute"; the university's liability insurance read as optional.
- PoC: the site Article's removal deadline contradicted the Lent Items loan; a provider was capped at the
  Fee it never receives, and the performer-side carve-outs reached only the client's breaches.

Each test fails on the text before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
SITE = {"ja": "施設における作業及び安全", "en": "Work and Safety at the Site"}
DAMAGES = {"ja": "損害賠償及び責任の制限", "en": "Damages and Limitation of Liability"}


def flat(text: str) -> str:
    return " ".join(text.split())


def render(deal: object, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


TWO_COMPANIES = """
version: 1
deal_id: two-companies-site
language: ja
acting_for: sme
parties:
  - {key: big, name: 大手機械株式会社, kind: large_company, address: 東京都千代田区丸の内一丁目1番1号, representative: 代表取締役 山田 一郎}
  - {key: sme, name: 株式会社小型軸受, kind: sme, address: 静岡県浜松市中区佐鳴台二丁目14番, representative: 代表取締役 森 健太}
purpose: 小型軸受のトルク検知軸受による組立ラインの摩耗監視の可否を検討すること
nda: {date: 2027-05-10, mutual: true, term_months: 12, survival_months: 36}
poc:
  date: 2027-07-01
  performer: sme
  client: big
  site: client
  scope: [大手機械の湖西工場のプレスへの軸受6個の取付け]
  deliverables: [検証報告書]
  start: 2027-07-15
  end: 2027-09-15
  fee: {amount: 2500000, currency: JPY, due_days: 30}
jda:
  date: 2027-11-20
  theme: 組立ラインのトルク監視システム
  roles: {sme: [軸受及びセンサの設計], big: [ラインへの組込み]}
  start: 2027-12-01
  end: 2029-03-31
  costs: shared
  cost_shares: {sme: 30, big: 70}
  site: big
ip:
  model: joint_filing
  joint_filing: {shares: {sme: 50, big: 50}, third_party_licence: consent, costs: by_share}
"""


def two_companies(tmp_path: Path) -> object:
    """Two companies: 甲 the large host, 乙 the SME that works at its plant (report two's shape)."""
    from oidocs import api

    path = tmp_path / "two.yaml"
    path.write_text(TWO_COMPANIES, encoding="utf-8")
    return api.read_deal(path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_caps_damage_at_the_site_at_the_greater_of_the_cap_and_the_insurance(lang: str) -> None:
    text = flat(article_titled(render(deal_changed(DEAL_J), "jda", lang), DAMAGES[lang]))
    if lang == "ja":
        assert "本施設における有体物（本施設における甲の建物、設備その他の財産及び本試料等を含む。）の損壊により生じた損害及び" in text
        assert "1事故につき、前項に定める額（同項の日における額とする。）と金100,000,000円（" in text
        assert "のいずれか多い額を上限とする" in text
        assert "有体物（本試料等を含む。）の損壊により生じた損害（次項に定める損害を除く。）については、この限りでない" in text
        assert "前三項の規定は、損害が次の各号のいずれかにより生じた場合には、適用しない。 - （1）故意又は重大な過失" in text
        assert "生産又は販売の減少に伴う逸失利益を含む。）を含まない" in text
    else:
        assert "shall be limited, for each occurrence, to the greater of the amount set out in the preceding paragraph " \
               "(as at the date referred to there) and JPY 100,000,000" in text
        assert "other than the damage referred to in the following paragraph" in text
        assert "The three preceding paragraphs shall not apply where the damage is caused by any of the following: " \
               "- (a) wilful misconduct or gross negligence" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_cap_counts_own_spending_and_a_nonpayer_is_capped_at_what_it_received(lang: str) -> None:
    text = flat(article_titled(render(deal_changed(DEAL_J), "jda", lang), DAMAGES[lang]))
    if lang == "ja":
        assert "予算に定める自己の分担業務のために自ら支出したものを含み、他の当事者から前払又は精算として受けた額を除く。" in text
        assert "共同研究費を負担しない当事者については、同日までに当該当事者が本契約に基づき他の当事者から受けた金額及び" \
               "同日において受けるべき金額の合計額" in text
        assert "各当事者が本契約に基づき負担し、又は負担すべき共同研究費の総額" not in text
    else:
        assert "among them those it has itself spent on its own tasks under the budget, less any amount that another " \
               "Party has advanced or reimbursed to it for them" in text
        assert "for a Party that bears no share of the Shared Costs, to the total of the amounts that it has received " \
               "from the other Parties under this Agreement" in text


def test_jda_without_a_site_keeps_property_damage_outside_the_cap(tmp_path: Path) -> None:
    text = flat(article_titled(render(deal_changed(DEAL_J, tmp_path, jda__site=None), "jda", "en"), DAMAGES["en"]))
    assert "This limit shall not apply to liability for loss of or damage to tangible property (including the Materials)." in text
    assert "for each occurrence" not in text
    assert "those it has itself spent on its own tasks under the budget" in text
    assert "The two preceding paragraphs shall not apply" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_two_company_jda_site_names_the_visitor_and_has_no_student_wording(lang: str, tmp_path: Path) -> None:
    text = flat(article_titled(render(two_companies(tmp_path), "jda", lang), SITE[lang]))
    if lang == "ja":
        for gone in ("学生", "教員", "大学又は研究機関"):
            assert gone not in text
        assert "乙は、自己の立入者（自己と雇用関係にない者を含む。）に" in text
        assert "乙は、自己の立入者又は前項の機器が本施設において相手方その他の第三者の生命、身体又は財産に与えた損害を" \
               "てん補する賠償責任保険" in text
        assert "甲は、付合その他の事由によりその所有権を取得しない" in text
    else:
        for gone in ("student", "teaching staff", "university", "Each Party other than"):
            assert gone not in text
        assert "Party B shall, at its own cost, maintain liability insurance covering death, bodily injury and damage " \
               "to property caused at the Site" in text
        assert "Party B shall install its own equipment at the Site" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_visiting_party_insures_the_university_through_its_staff_and_students_cover(lang: str) -> None:
    text = flat(article_titled(render(deal_changed(DEAL_J), "jda", lang), SITE[lang]))
    if lang == "ja":
        assert "甲以外の各当事者は、自己の立入者又は前項の機器が" in text
        assert "大学又は研究機関である当事者については、自己の教職員の教育研究活動について付保する賠償責任保険又は" \
               "これと同等以上の補償制度を含む。" in text
        assert "大学又は研究機関である当事者は、さらに、自己の立入者のうち学生その他自己と雇用関係にない者を" in text
        assert "大学又は研究機関でないもの" not in text
    else:
        assert "Each Party other than Party A shall, at its own cost, maintain liability insurance" in text
        assert "(for a university or research institute, including the liability insurance that it carries for the " \
               "education and research of its staff, or a compensation scheme no less protective)" in text
        assert "that is not a university or research institute" not in text


POC_SITE = {"ja": "作業場所及び安全", "en": "Place of Work and Safety"}
POC_REPORT = {"ja": "本報告書の提出及び検収", "en": "Submission and Acceptance of the Report"}
POC_DAMAGES = {"ja": "損害賠償", "en": "Damages"}
PROVIDER = {"ja": "提供機器等", "en": "Provider Items"}
# the Articles whose breach no cap limits: confidentiality, no analysis, background IP, results
CARVED = ({"ja": "秘密保持", "en": "Confidentiality"}, {"ja": "解析等の禁止", "en": "No Analysis"},
          {"ja": "背景知的財産権", "en": "Background IP Rights"}, {"ja": "本成果の帰属", "en": "Ownership of the Results"})


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_lent_items_at_the_site_follow_one_timetable_and_stay_the_performers(lang: str, tmp_path: Path) -> None:
    md = render(two_companies(tmp_path), "poc", lang)
    site = flat(article_titled(md, POC_SITE[lang]))
    report = flat(article_titled(md, POC_REPORT[lang]))
    if lang == "ja":
        assert "30日以内に当該機器（貸与品を除く。）を撤去し" in site
        assert "貸与品である機器は、第4条第7項に定める期限までに取り外し、又は返還を受け" in site
        assert "乙の所有に属し、甲は、付合その他の事由によりその所有権を取得しない" in site
        assert "前項の撤去及び原状回復（本施設にある貸与品については、その取外し又は返還及びその後の原状回復）の完了まで維持し" in site
        assert "提供資料、同項の物又は本施設の設備に取り付け、組み込み、又はインストールした乙のセンサー" in report
        assert "本検証の完了後貸与期間の満了までの間、甲は、自己の危険において貸与品を使用するものとし" in report
        assert "ただし、人の生命若しくは身体の侵害又は乙の故意若しくは重大な過失により生じた損失については、この限りでない。" in report
        assert "本施設の設備に取り付けられた貸与品は、乙が取り外し、第10条の定めるところにより本施設を原状に回復する" in report
    else:
        assert "shall remove that equipment, other than the Lent Items, within thirty (30) days" in site
        assert "equipment that is among the Lent Items shall be removed or returned by the time set in Article 4(7)" in site
        assert "remains the property of Party B even when fixed to or connected with the buildings or equipment of the Site, " \
               "and Party A does not acquire it" in site
        assert "(for the Lent Items at the Site, their removal or return and the restoration after it) are completed" in site
        assert "the items referred to in that paragraph or the equipment of the Site in the course of the Verification" in report
        assert "From the completion of the Verification until the end of the Loan Period, Party A uses the Lent Items at its " \
               "own risk" in report


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_site_cap_reaches_lent_items_at_the_site_during_the_loan(lang: str, tmp_path: Path) -> None:
    text = flat(article_titled(render(two_companies(tmp_path), "poc", lang), POC_DAMAGES[lang]))
    if lang == "ja":
        assert "第三者から受けた請求（本検証の完了後貸与期間の満了までの間に本施設にある貸与品により生じたものを含む。）について" \
               "負う損害賠償責任の総額は" in text
    else:
        assert "(including damage and claims arising from the Lent Items at the Site after the completion of the " \
               "Verification and until the end of the Loan Period) shall be limited to" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_carve_outs_reach_every_partys_breach_in_the_performers_draft(lang: str, tmp_path: Path) -> None:
    """The two-company deal is drafted for the SME performer (acting_for): its own breach of confidentiality or
    of the IP articles is no longer capped at the Fee while the client's is not."""
    md = render(two_companies(tmp_path), "poc", lang)
    text = flat(article_titled(md, POC_DAMAGES[lang]))
    a, b, c, d = (article_number(md, t[lang]) for t in CARVED)
    if lang == "ja":
        assert "甲による第" not in text
        assert f"- （3）{a}、{b}、{c}若しくは{d}（本成果に係る権利の帰属、譲渡及び実施許諾に関する定めを含む。）の違反" in text
        assert f"又は{a}、{b}、{c}若しくは{d}の違反により生じた損害に係る責任については、この限りでない" in text
    else:
        assert "liability of Party A for damage caused by its breach" not in text
        assert f"- (c) liability for damage caused by a breach of {a}, {b}, {c} or {d}" in text
        assert f"or for damage caused by a breach of {a}, {b}, {c} or {d}." in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_provider_is_not_capped_at_the_fee_it_never_receives(lang: str) -> None:
    md = render(deal_changed(DEAL_J), "poc", lang)
    damages = flat(article_titled(md, POC_DAMAGES[lang]))
    provider = flat(article_titled(md, PROVIDER[lang]))
    if lang == "ja":
        assert "提供機器等を貸与した当事者（本委託料を受け取らない。）は、本契約に関し、債務不履行、不法行為その他請求原因の" \
               "いかんを問わず、次の各号に掲げる損害に限り、他の当事者に対し、これを賠償する責任を負う。" \
               "これらの損害には、本条に定める上限を適用しない。" in damages
        assert "- （2）自己の過失による人の生命又は身体の侵害により生じた損害" in damages
        assert f"その責任の範囲は、{article_number(md, POC_DAMAGES[lang])}第6項の定めるところによる" in provider
        assert "本委託料の額を上限とする" not in provider
    else:
        assert "a Party that lent Provider Items, which receives no part of the Fee, shall be liable to the other Parties " \
               "in connection with this Agreement, whether based on default, tort or any other cause of action, only for " \
               "the following damage, to which no limit in this Article applies" in damages
        assert f"and then only to the extent set out in {article_number(md, POC_DAMAGES[lang])}(6)" in provider
        assert "is limited to the amount of the Fee" not in provider


def test_the_providers_sheet_describes_its_new_liability() -> None:
    from oidocs import api

    deal = deal_changed(DEAL_J)
    ja = api.render_review(deal).decode()
    assert "自社は委託料を受け取らないため、損害賠償責任は、自社の故意・重過失による損害、自社の過失による人身損害" in ja
    assert "その総額は委託料の額が上限となる" not in ja
    en = api.render_review(deal, lang="en").decode()
    assert "As you receive no part of the Fee, you answer only for your wilful misconduct or gross negligence" in en
