"""The licence agreement after the eighth lawyer reading (read8), deal I read back.

Deal I: Rakuyo (a Kyoto startup, the client and licensor) grants Brandt (a German manufacturer) an
exclusive, sublicensable licence that implements the JDA's exclusive field. Each test reads the generated
document back and fails on the text before this round.

#2: a licensor that does not practise still keeps its research and its supply of products and parts to the
licensee (as JDA 11(3) reserves); drafted for it, the licensee's have-made does not reach the parts that
practise the licensed rights unless the licensor declines to supply; the uncapped item is only practice
beyond that.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed, shipped_markdown
from oidocs import api

I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
LANGS = ("ja", "en")
GRANT = {"en": "Grant of Licence", "ja": "実施許諾"}
DAMAGES = {"en": "Damages", "ja": "損害賠償"}


def _licence(deal: object, lang: str) -> str:
    return api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")


# --- #2: the licensor's own research and supply survive an exclusive licence ---------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_an_exclusive_licensor_that_does_not_practise_keeps_its_research_and_supply(lang: str) -> None:
    text = shipped_markdown(I, "licence", lang)
    grant = article_titled(text, GRANT[lang])
    if lang == "en":
        assert "except for its own research and development" in grant
        assert "making Licensed Products and their parts and supplying them to Brandt or any Sublicensee" in grant
        assert "Nor shall Rakuyo itself practise the Licensed Rights in the Field within the Territory during the term of this Agreement." not in grant
    else:
        assert "研究開発（第三者への製品の販売及び役務の提供を含まない。）のために実施すること" in grant
        assert "本製品及びその部品を製造し、乙若しくはサブライセンシーに対し、又はその注文に応じて供給すること" in grant
    damages = article_titled(text, DAMAGES[lang])
    assert ("other than practice that it reserves to Rakuyo" in damages) if lang == "en" else ("同条が甲に留保する実施の範囲を超えて" in damages)


@pytest.mark.parametrize("lang", LANGS)
def test_drafted_for_the_licensor_the_licensee_has_core_parts_made_elsewhere_only_if_the_licensor_declines(
        lang: str, tmp_path: Path) -> None:
    grant = article_titled(shipped_markdown(I, "licence", lang), GRANT[lang])
    assert ("may be made by a third party only if Rakuyo, asked in writing to supply them, declines" in grant) if lang == "en" \
        else ("甲がこれを拒んだとき" in grant)
    for_brandt = article_titled(_licence(deal_changed(I, tmp_path, acting_for="brandt"), lang), GRANT[lang])
    assert ("declines" not in for_brandt) if lang == "en" else ("拒んだとき" not in for_brandt)
    assert ("supplying them to Brandt" in for_brandt) if lang == "en" else ("乙若しくはサブライセンシーに対し" in for_brandt)


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheet_says_the_licensor_keeps_research_and_supply(lang: str) -> None:
    from test_review_read7 import PRACTISES_ROW, _options

    row = _options(api.render_review(api.read_deal(I), lang=lang).decode("utf-8"))[PRACTISES_ROW[lang]]
    assert ("research and development and to make and supply" in row) if lang == "en" else ("製造供給" in row), row


# --- #6: the licence the JDA promised carries the JDA's consent to sublicences -------------------------

SUBLICENCE = {"en": "Sublicensing", "ja": "再実施許諾"}


@pytest.mark.parametrize("lang", LANGS)
def test_sublicences_need_the_consent_the_jda_promised(lang: str, tmp_path: Path) -> None:
    """JDA 11(4): the Licence Agreement shall require Rakuyo's prior written consent for any sublicence other
    than have-made; licence Art 7(1) says it is that agreement, so Art 3(1) asks for consent, not notice."""
    text = shipped_markdown(I, "licence", lang)
    first = article_titled(text, SUBLICENCE[lang]).strip().splitlines()[0]
    jda_article = article_number(text, "Relation to the Joint Research and Development Agreement" if lang == "en" else "共同研究開発契約との関係")
    if lang == "en":
        assert "with the prior written consent of Rakuyo, which Rakuyo shall not unreasonably withhold or delay" in first
        assert f"referred to in {jda_article} requires" in first
        assert "shall notify Rakuyo in writing, before granting a sublicence" not in first
    else:
        assert "再許諾には甲の事前の書面による承諾を要し" in first and f"{jda_article}に定める共同研究開発契約" in first
    granted = deal_changed(I, tmp_path, ip__exclusive_field__royalty_free=True)  # the JDA licenses the results itself
    first = article_titled(_licence(granted, lang), SUBLICENCE[lang]).strip().splitlines()[0]
    assert ("before granting a sublicence" in first) if lang == "en" else ("再許諾に先立ち" in first)


# --- #8 and #15: PoC results enter the licence only as the JDA treats them -----------------------------

DEFINITIONS = {"en": "Definitions", "ja": "定義"}
JDA_ARTICLE = {"en": "Relation to the Joint Research and Development Agreement", "ja": "共同研究開発契約との関係"}
PROHIBITED = {"en": "Prohibited Acts", "ja": "禁止事項"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_licensors_own_poc_results_are_not_swept_in_and_joint_ones_follow_the_jda_exclusivity(lang: str) -> None:
    """PoC 16(4) and JDA 17(4) keep what Rakuyo's own people made alone free; the licence took it exclusively
    for its whole term. Now only the PoC results made with Brandt enter, and exclusively only while the
    JDA's field is exclusive (Art 7(2) covers them)."""
    text = shipped_markdown(I, "licence", lang)
    definitions, relation = article_titled(text, DEFINITIONS[lang]), article_titled(text, JDA_ARTICLE[lang])
    if lang == "en":
        assert "the rights in the PoC Results that Rakuyo holds alone" not in definitions
        assert "belong to Rakuyo alone under the PoC Agreement (other than those that its own officers or employees created alone)" in definitions
        assert "(including rights in the PoC Results, which that agreement includes among the rights its exclusive field covers)" in relation
        assert "(for the PoC Results, by the PoC Agreement)" in relation
    else:
        assert "（甲の役員又は従業員のみが創作したものを除く。）" in definitions
        assert "（PoC成果に係る権利であって、同契約がその独占的な実施の権利の対象に含めるものを含む。）" in relation


@pytest.mark.parametrize("lang", LANGS)
def test_no_joint_poc_results_are_described_where_the_poc_gives_them_all_to_the_licensor(lang: str) -> None:
    """PoC 14(2) gives every joint result to Rakuyo: the licence spoke of rights Rakuyo holds jointly that
    Brandt may practise free, and of applications Brandt may file jointly, which this PoC never creates."""
    text = shipped_markdown(I, "licence", lang)
    grant, prohibited = article_titled(text, GRANT[lang]), article_titled(text, PROHIBITED[lang])
    definitions = article_titled(text, DEFINITIONS[lang])
    if lang == "en":
        assert "holds jointly with others" not in grant + definitions
        assert "file alone or jointly with others under the PoC Agreement" not in prohibited
        assert "except an application for PoC Results that belong to Brandt under the PoC Agreement" in prohibited
    else:
        assert "他の者と共有するもの" not in grant + definitions
        assert "PoC契約に基づき単独で又は他の者と共同して出願" not in prohibited  # (the JDA's filings are excepted apart)
        assert "PoC）契約に基づき乙が単独で" not in prohibited
        assert "（PoC成果のうち本PoC契約に基づき乙に帰属するものについての出願" in prohibited


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheet_describes_the_poc_results_the_licence_takes(lang: str) -> None:
    sheet = api.render_review(api.read_deal(I), lang=lang).decode("utf-8")
    if lang == "en":
        assert "that you hold alone are among the licensed rights" not in sheet
        assert "(other than what your own people made alone) are among the licensed rights, licensed exclusively only while the JDA" in sheet
    else:
        assert "その分野が独占的である間に限り独占的に許諾される" in sheet


# --- #7: an exclusive licence carries commercialisation duties ----------------------------------------

DILIGENCE = {"en": "Commercialisation", "ja": "事業化"}


@pytest.mark.parametrize("lang", LANGS)
def test_an_exclusive_licensee_must_sell_by_a_date_report_yearly_or_lose_exclusivity(lang: str) -> None:
    """Licence 2(1) and 19: exclusive, worldwide, ten years renewable, and nothing to do but pay the minimum.
    Now a first commercial sale by 2032-03-31 (three years from 2029-04-01), a yearly report, and, drafted for
    Rakuyo, non-exclusivity after notice and 30 days if the date is missed or the minimum unpaid."""
    text = shipped_markdown(I, "licence", lang)
    body = article_titled(text, DILIGENCE[lang])
    grant = article_number(text, GRANT[lang])
    if lang == "en":
        assert "shall make the first commercial sale of Licensed Products by March 31, 2032" in body
        assert "shall report to Rakuyo in writing on its commercialisation" in body
        assert "or has not paid the Minimum Royalty in full when due" in body
        assert "within thirty (30) days after that notice reaches it, Rakuyo may, by a further written notice, make the Licence non-exclusive" in body
        assert f"the undertakings of Rakuyo in {grant} that make the Licence exclusive no longer apply" in body
    else:
        assert "2032年3月31日（効力発生日から3年を経過する日）までに、本製品の最初の商業的な販売をしなければならない" in body
        assert "30日以内にその不履行を是正しないときは、甲は、乙に対する書面による通知により、その通知が到達した日から本実施権を非独占的なものとすることができる" in body


@pytest.mark.parametrize("lang", LANGS)
def test_drafted_for_the_licensee_the_first_sale_duty_is_softer_and_the_key_sets_the_years(lang: str, tmp_path: Path) -> None:
    d = deal_changed(I, tmp_path, acting_for="brandt", licence__first_sale_years=5)
    body = article_titled(_licence(d, lang), DILIGENCE[lang])
    if lang == "en":
        assert "by March 31, 2034 (the last day of five (5) years from the Effective Date)" in body
        assert "without justifiable cause" in body and "consult in good faith" in body and "ninety (90) days" in body
    else:
        assert "2034年3月31日" in body and "正当な理由なく" in body and "誠実に協議し" in body and "90日" in body
    non_exclusive = deal_changed(I, tmp_path, licence__exclusive=False, licence__licensor_practises=None)
    assert DILIGENCE[lang] not in "\n".join(l for l in _licence(non_exclusive, lang).splitlines() if l.startswith("## "))


def test_first_sale_years_needs_an_exclusive_licence(tmp_path: Path) -> None:
    from oidocs.errors import DealError

    with pytest.raises(DealError) as info:  # the CLI message names the key
        deal_changed(I, tmp_path, licence__exclusive=False, licence__licensor_practises=None, licence__first_sale_years=2)
    assert "first_sale_years" in str(info.value)


@pytest.mark.parametrize("lang", LANGS)
def test_the_register_dates_the_first_commercial_sale(lang: str) -> None:
    from oidocs import api as _api

    d = _api.read_deal(I)
    csv = _api.render_calendar(d, lang=lang)[_api.calendar_names(d.deal_id)[1]].decode("utf-8")
    row = next(line for line in csv.splitlines() if ("First commercial sale" in line or "最初の商業的な販売" in line))
    assert row.startswith("2032-03-31,")
    assert ("Yearly commercialisation report" in csv) if lang == "en" else ("事業化の状況の年次報告" in csv)
