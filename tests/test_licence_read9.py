"""The licence agreement and the JDA after the ninth lawyer reading (read9), deal J read back.

Deal J: the university (乙, PoC performer) licenses its patent non-exclusively to the large company (甲);
the JDA among 甲, 乙 and the SME 丙 files joint results jointly. Each test reads the generated document
back and fails on the text before this round.

#1: the Licensed Rights are the rights listed and their Foreign Counterparts, defined in short items; the
licensor's PoC results come in only when the deal says so (licence.poc_results), and the definition says that
rights acquired under other agreements or co-owned are not included unless listed.

#2: a university licensor bears none of the licensee's costs of a third party's infringement claim (only
the royalty reduction stays); a non-exclusive licensee has no right to act against infringers, and the
licensor, which need not act, pays for the assistance it asks for.

#3: non-practice. A university licensing non-exclusively keeps its research and education use and the
publication of its results. In the JDA, the university co-owner's clock runs from the earlier of the
right's registration and the day after the research period ends (never before filing); it may then notify,
and after 90 days without practice or a good reason shown it may license a third party non-exclusively
without consent, whether or not non-practice compensation applies; compensation that is not agreed goes to
mediation and then to a fallback amount, so practice is not blocked for good.

#4: the JDA's survival list keeps the IP Articles part by part with a period for each: the rights while
they subsist, the duties to notify results one year after the end (for those obtained by then), third-party
disputes three years (infringement of co-owned results while the rights subsist); no whole Articles for as
long as "the rights they concern" subsist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed, shipped_markdown
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
LANGS = ("ja", "en")
INFRINGEMENT = {"en": "Infringement", "ja": "侵害への対応"}
GRANT = {"en": "Grant of Licence", "ja": "実施許諾"}
LICENSING = {"en": "Licensing to Third Parties and Transfer of Shares", "ja": "第三者への実施許諾及び持分の譲渡"}
PRACTICE = {"en": "Practice of Jointly Owned IP Rights", "ja": "共有知的財産権の実施"}
DEFINITIONS = {"en": "Definitions", "ja": "定義"}
MATERIALS_PROVIDED = {"en": "Provision of Technical Materials", "ja": "技術資料の提供"}
SURVIVAL = {"en": "Survival", "ja": "存続条項"}


def _doc(deal: object, doc: str, lang: str) -> str:
    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


# --- #2: infringement: who pays and who may act --------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_university_licensor_bears_none_of_the_licensees_costs_of_a_claim(lang: str) -> None:
    art = article_titled(shipped_markdown(J, "licence", lang), INFRINGEMENT[lang])
    if lang == "en":
        assert "shall bear one half of the reasonable costs incurred by Party A" not in art
        assert "it bears none of the costs Party A incurs in dealing with the claim" in art
        assert "reduced by one half of those royalties, but not below one half" in art
        assert "Party A has no right itself to warn the third party, or to seek an injunction or damages" in art
        assert "Party B shall bear the reasonable costs Party A incurs in giving that assistance" in art
        assert "(but is not obliged to take any)" in art
    else:
        assert "和解金の2分の1を" not in art
        assert "乙は、甲がその対応に要した費用並びに甲が支払った損害賠償金及び和解金を負担しない。" in art
        assert "その実施料の2分の1に相当する額だけ減額する" in art
        assert "甲は、本許諾権利に基づき自ら当該第三者に対し警告し、又は差止め若しくは損害賠償を請求する権利を有しない。" in art
        assert "甲がその協力に要した合理的な費用（甲の役員及び従業員の人件費を除く。）は、乙が負担する。" in art


@pytest.mark.parametrize("lang", LANGS)
def test_a_company_licensor_still_shares_the_costs_and_an_exclusive_licensee_may_still_act(
        lang: str, tmp_path: Path) -> None:
    company = article_titled(_doc(deal_changed(J, tmp_path, licence__licensor="zao", acting_for=None), "licence", lang),
                             INFRINGEMENT[lang])
    assert ("shall bear one half of the reasonable costs" in company) if lang == "en" else ("和解金の2分の1を" in company)
    assert ("has no right itself to warn the third party" in company) if lang == "en" \
        else ("自ら当該第三者に対し警告し、又は差止め若しくは損害賠償を請求する権利を有しない" in company)
    exclusive = article_titled(_doc(deal_changed(J, tmp_path, licence__exclusive=True), "licence", lang),
                               INFRINGEMENT[lang])
    assert ("has no right itself" not in exclusive) if lang == "en" else ("請求する権利を有しない" not in exclusive)
    assert ("bears none of the costs" in exclusive) if lang == "en" else ("和解金を負担しない" in exclusive)


# --- #4: the JDA's survival of the IP Articles, part by part ---------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_jda_ip_articles_survive_part_by_part_with_periods(lang: str) -> None:
    art = article_titled(shipped_markdown(J, "jda", lang), SURVIVAL[lang])
    if lang == "en":
        assert "Article 8 through Article 18 and Article 23: for as long as the rights that they concern subsist" not in art
        assert ("Article 8 through Article 18 (only the provisions on the ownership, filing, prosecution, maintenance, "
                "practice, licensing and assignment of the rights in the Results") in art
        assert "not those referred to in the next item or those on adding Background Information to Schedule 2" in art
        assert ("on the duties to notify Results and Improvements, to confirm their category and to give notice before "
                "filing for them, only as to those obtained by the end of this Agreement: for one (1) year") in art
        assert "Article 23: for three (3) years after the end of this Agreement" in art
    else:
        assert "第8条から第18条までの規定及び第23条の規定：当該規定の対象となる権利が存続する期間" not in art
        assert ("第8条から第18条まで（本成果及び背景知的財産権に係る権利の帰属、出願、権利化、維持、実施、実施又は利用の許諾"
                "及び譲渡並びにこれらに係る費用及び対価に関する部分に限り、次号に掲げる部分及び背景情報を別紙2に追加する手続に"
                "関する部分を除く。）の規定：当該権利が存続する間。ただし、当該規定に期間の定めがある部分は、その期間") in art
        assert ("本契約の終了の日までに得られた本成果及び改良発明を通知し、その区分を確認し、又はその出願の前に通知する義務に"
                "関する部分：本契約の終了の日から1年間") in art
        assert "第23条の規定：本契約の終了の日から3年間。ただし、共有に係る本成果に係る知的財産権の侵害及びその実施に関する部分は" in art


# --- #3: non-practice: the university's own use, the JDA's clock and the compensation's fallback -------

@pytest.mark.parametrize("lang", LANGS)
def test_a_university_licensing_non_exclusively_keeps_research_education_and_publication(lang: str) -> None:
    grant = article_titled(shipped_markdown(J, "licence", lang), GRANT[lang])
    if lang == "en":
        assert ("Nothing in this Agreement prevents Party B (including its faculty, students and other researchers) from "
                "practising the Licensed Rights for research and education or from publishing the results of that research "
                "(except for disclosing Party A’s Confidential Information)") in grant
    else:
        assert ("本契約のいかなる規定も、乙（その教職員、学生その他の研究者を含む。）が研究及び教育のために本許諾権利を実施し、"
                "並びにその研究の成果を公表すること（甲の秘密情報を開示することを除く。）を妨げない。") in grant


@pytest.mark.parametrize("lang", LANGS)
def test_the_jda_non_practice_clock_starts_at_registration_and_ends_in_a_licence(lang: str, tmp_path: Path) -> None:
    """Ninth reading #3, as the twelfth round restated the clock (tests/test_lic_read12.py): registration, or
    three years after filing if earlier; the research's end only for rights that need no registration."""
    for deal in (api.read_deal(J), deal_changed(J, tmp_path, ip__joint_filing__non_practice_compensation=True)):
        art = article_titled(_doc(deal, "jda", lang), LICENSING[lang])
        if lang == "en":
            assert "within three (3) years of their filing date" not in art
            assert "three (3) years after the day set out below for the kind of right concerned" in art
            assert "the day on which the Jointly Owned IP Rights concerned are registered" in art
            assert "for other rights: the day after the last day of the Research Period" in art
            assert "within ninety (90) days after that notice arrives" in art
            assert "grant a third party a non-exclusive licence to practise or use those Jointly Owned IP Rights without the consent" in art
        else:
            assert "出願の日から3年を経過してもなお" not in art
            assert "次の各号に掲げる区分に応じ当該各号に定める日から起算して3年を経過してもなお" in art
            assert "当該共有知的財産権の設定の登録の日又はその出願の日から起算して3年を経過した日のいずれか早い日" in art
            assert "その他の権利：研究期間の末日（本契約がその前に終了したときは、その終了の日）の翌日" in art
            assert "前項の通知が到達した日から90日以内に" in art
            assert "他の全ての共有者の同意を得ることなく、第三者に対し当該共有知的財産権の非独占的な実施又は利用を許諾することができ" in art


@pytest.mark.parametrize("lang", LANGS)
def test_non_practice_compensation_not_agreed_goes_to_mediation_then_a_fallback(lang: str, tmp_path: Path) -> None:
    deal = deal_changed(J, tmp_path, ip__joint_filing__non_practice_compensation=True)
    art = article_titled(_doc(deal, "jda", lang), PRACTICE[lang])
    if lang == "en":
        assert "may apply to the Japan Intellectual Property Arbitration Center for mediation" in art
        assert ("multiplied by the royalty rate usually paid for a non-exclusive licence of technology of the same kind "
                "and by the share of Party B") in art
        assert "and may then begin commercial practice" not in art  # read12: it may begin at once
    else:
        assert "書面により協議を求めた日から90日以内に合意に至らないときは" in art
        assert "日本知的財産仲裁センターに調停を申し立てることができ、その申立ての日から180日以内に合意に至らないときは" in art
        assert "同種の技術の非独占的な実施許諾において通常支払われる実施料の率を乗じ、これに乙の持分の割合を乗じた額とし" in art
        assert "その後、商業的な実施を開始することができる" not in art  # read12: it may begin at once


# --- #1: the Licensed Rights are those listed, in short items ------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_licensed_rights_are_the_listed_rights_and_their_foreign_counterparts_only(lang: str, tmp_path: Path) -> None:
    text = shipped_markdown(J, "licence", lang)
    definitions = article_titled(text, DEFINITIONS[lang])
    if lang == "en":
        assert "PoC Results" not in text and "PoC Agreement" not in text
        assert "“Licensed Rights” means the patents of Party B listed in the Schedule and the Foreign Counterparts." in definitions
        assert ("rights that Party B has acquired under any other agreement, or that it co-owns with others, are not "
                "included unless listed in the Schedule") in definitions
        assert "“Foreign Counterparts” means applications filed outside Japan that share a priority basis" in definitions
        assert "rights of the same kind outside Japan" not in definitions
    else:
        assert "PoC成果" not in text and "本PoC契約" not in text
        assert "「本許諾権利」とは、別紙に掲げる乙の特許権及び対応外国権利をいう。" in definitions
        assert "乙が他の契約に基づき取得し、又は他の者と共有する権利は、別紙に掲げない限り、これに含まれない。" in definitions
        assert "「対応外国権利」とは、別紙に掲げる権利に係る出願と優先権の主張の基礎を共通にし" in definitions
        assert "日本国外における同種の権利" not in definitions
    opted = article_titled(_doc(deal_changed(J, tmp_path, licence__poc_results=True), "licence", lang), DEFINITIONS[lang])
    if lang == "en":
        assert "the patents of Party B listed in the Schedule, the Foreign Counterparts and the PoC Licensed Rights." in opted
        assert "“PoC Licensed Rights” means the rights in the PoC Results that belong to Party B alone" in opted
    else:
        assert "別紙に掲げる乙の特許権、対応外国権利及びPoC許諾権利をいう。" in opted
        assert "「PoC許諾権利」とは、PoC成果に係る権利のうち本PoC契約に基づき乙が単独で有するもの" in opted
