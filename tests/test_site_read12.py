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

from conftest import ROOT, article_titled, deal_changed

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
