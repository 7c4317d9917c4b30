"""The seventh lawyers' reading, IP findings of deal H (a large company 甲, an SME 乙 acted for and a
startup 丙; a PoC by the startup for the SME, then a JDA with joint results 40/40/20).

#5: the JDA's practice Article let 甲 have any third party (乙's competitors) make products with the
co-owned results for supply to it, free. A large-company co-owner now first offers that manufacture to
its SME and startup co-owners during the research and for ip.joint_filing.first_offer_years after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed
from oidocs import api

H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"
NO_LARGE = ROOT / "examples" / "acme-nano-ja.yaml"  # an SME and a startup co-own: nobody offers
PRACTICE = {"ja": "共有知的財産権の実施", "en": "Practice of Jointly Owned IP Rights"}


def _doc(deal, doc: str, lang: str) -> str:
    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


def _sheet(deal, lang: str) -> str:
    return api.render_review(deal, lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_large_co_owner_offers_manufacture_to_the_sme_and_startup_before_a_third_party(lang: str) -> None:
    """H JDA Art 12: 甲 offers the manufacture to 乙 and 丙 first, for three years after the research,
    and may go elsewhere only on terms no better for the third party; drafted for 乙 it names them."""
    practice = article_titled(_doc(api.read_deal(H), "jda", lang), PRACTICE[lang])
    if lang == "ja":
        assert "甲は、研究期間中及びその末日の翌日から起算して3年間は" in practice
        assert "その製造を乙及び丙に申し出なければならない" in practice
        assert "申出を受けた日から30日以内" in practice
        assert "申出の条件より当該第三者に有利でない条件で" in practice
        assert "当該第三者の名称及び製造の条件" in practice  # drafted for the SME
        assert "各共有者が前各項に定めるところにより" in practice  # the copyright paragraph follows both
    else:
        assert "for three (3) years after its last day, before Party A has a third party make any product" in practice
        assert "first offer that manufacture to Party B and Party C in writing" in practice
        assert "within thirty (30) days after receiving the offer" in practice
        assert "on terms no more favourable to that third party than those offered" in practice
        assert "the name of any third party that it has had make a product" in practice
        assert "as provided in the preceding paragraphs" in practice


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_drafted_for_the_large_company_the_offer_is_answered_in_two_weeks(lang: str, tmp_path: Path) -> None:
    """Drafted for 甲 the smaller co-owners have 14 days to accept and 甲 names no third party; its sheet
    lists the bound as a term working against it."""
    deal = deal_changed(H, tmp_path, acting_for="toyo")
    practice = article_titled(_doc(deal, "jda", lang), PRACTICE[lang])
    assert ("申出を受けた日から14日以内" if lang == "ja" else "within fourteen (14) days after receiving the offer") in practice
    assert ("当該第三者の名称" if lang == "ja" else "the name of any third party") not in practice
    sheet = _sheet(deal, lang)
    assert ("株式会社ソラビジョンに書面で製造を申し出なければならない" if lang == "ja"
            else "you must offer 三河精密加工株式会社 and 株式会社ソラビジョン the manufacture") in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_shows_the_period_and_flags_an_unbounded_have_made_right(lang: str, tmp_path: Path) -> None:
    """The period is an option of the sheet; set to 0 the paragraph goes and the sheet drafted for the
    SME says that 甲 may have its competitors make the products free."""
    sheet = _sheet(api.read_deal(H), lang)
    label = ("三河精密加工株式会社及び株式会社ソラビジョンに製造を申し出る期間" if lang == "ja"
             else "offers 三河精密加工株式会社 and 株式会社ソラビジョン the manufacture")  # the co-owners by name (read11)
    assert label in sheet
    assert ("研究期間の終了後3年で終わり" if lang == "ja" else "ends 3 years after the research") in sheet
    off = deal_changed(H, tmp_path, ip__joint_filing__first_offer_years=0)
    practice = article_titled(_doc(off, "jda", lang), PRACTICE[lang])
    assert ("申し出なければならない" if lang == "ja" else "first offer that manufacture") not in practice
    flagged = _sheet(off, lang)
    assert ("第三者（自社の競合先を含む。）に製造させて自社に納入させることができ" if lang == "ja"
            else "may have a third party (your competitors included) make products") in flagged


def test_without_a_large_co_owner_nobody_offers_and_the_sheet_lists_no_period() -> None:
    """An SME and a startup co-owning: the have-made right stays as it was and the option is not listed."""
    deal = api.read_deal(NO_LARGE)
    assert "申し出なければならない" not in article_titled(_doc(deal, "jda", "ja"), PRACTICE["ja"])
    assert "中小企業等に製造を申し出る期間" not in _sheet(deal, "ja")


# #9: the JDA Schedule named the procedure for additions by the Article's subject, and an objection
# left the proposer with nothing but a veto to negotiate against.

BACKGROUND = {"ja": "背景知的財産権の帰属", "en": "Ownership of Background IP Rights"}
SHORT = ROOT / "tests" / "fixtures" / "seq-onedate-three-ja.yaml"  # a background-licence JDA: the procedure is 7(2)


@pytest.mark.parametrize("path", [H, SHORT])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_schedule_and_the_definitions_cite_the_paragraph_of_the_addition_procedure(path: Path, lang: str) -> None:
    """The Schedule, the definition of Background Information and the PoC-results Article cite the
    background Article's last paragraph by its computed number (第7条第4項 / Article 7(4) in H)."""
    jda = _doc(api.read_deal(path), "jda", lang)
    article = article_number(jda, BACKGROUND[lang])
    body = article_titled(jda, BACKGROUND[lang])
    last = body.strip().split("\n\n")[-1]
    n = int(last.split(".", 1)[0])
    cited = f"{article}第{n}項" if lang == "ja" else f"{article}({n})"
    schedule = jda.split("## 別紙" if lang == "ja" else "## Schedule")[-1]
    assert cited in schedule
    assert ("背景知的財産権の帰属に関する条" if lang == "ja" else "the Article on the ownership") not in schedule
    assert jda.count(cited) >= 3  # the definition and the PoC-results Article too (H has a PoC)
    if path == H:
        assert cited == ("第7条第4項" if lang == "ja" else "Article 7(4)")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_objected_background_item_goes_to_mediation_and_stays_the_proposers(lang: str) -> None:
    """The 30-day proposal and 30-day objection stay; after 30 days without agreement the proposer may go
    to mediation, and the unlisted item stays its holder's, outside the licences of the Article."""
    body = article_titled(_doc(api.read_deal(H), "jda", lang), BACKGROUND[lang])
    if lang == "ja":
        assert "提案の受領の日から30日以内に" in body
        assert "異議の受領の日から30日以内に合意に至らないときは、提案をした当事者は、日本知的財産仲裁センターに調停を申し立てることができ" in body
        assert "別紙2に記載されていないことのみを理由として本成果とされ、又は他の当事者に帰属するものとされることはない" in body
        assert "当該技術情報について本条による実施の許諾を受けず" in body
    else:
        assert "within thirty (30) days of receiving it" in body
        assert "the proposing Party may refer the matter to mediation at the Japan Intellectual Property Arbitration Center" in body
        assert "merely because it is not listed in Schedule 2" in body
        assert "shall have no licence of it under this Article" in body


# #10: the startup's position. The PoC's joint-result shares came from the later stage's shares without
# saying so; a model trained on the others' data was joint, and co-owners could sell co-owned software.

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_poc_says_where_its_shares_come_from(lang: str) -> None:
    """H PoC Art 14(2): 乙 2/3 and 丙 1/3 are the ratio of their planned JDA shares (40 : 20), stated."""
    results = article_titled(_doc(api.read_deal(H), "poc", lang), "本成果の帰属" if lang == "ja" else "Ownership of the Results")
    if lang == "ja":
        assert "これらの持分は、各当事者が共同研究開発の成果について予定する持分のうち乙及び丙の持分（乙40パーセント及び丙20パーセント）の比による。" in results
        assert "乙：3分の2" in results
    else:
        assert "in the ratio of the shares that the Parties plan for Party B and Party C in the results of the joint research and development (Party B 40 per" in results


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_drafted_for_the_startup_its_model_improvements_stay_its_own_and_co_owned_software_is_not_resold(
        lang: str, tmp_path: Path) -> None:
    """Drafted for 丙 (the startup): its own improvements of its background programs and model structures
    are its Sole Inventions (trained parameters excepted); free use of co-owned software excludes stand-alone
    sale; the sheet says so. Drafted for 乙 (H as shipped) none of it appears."""
    sole = {"ja": "単独発明の帰属", "en": "Ownership of Sole Inventions"}
    words = {"ja": ("丙が、自己の背景情報に含まれるプログラム又は学習モデルの構造", "学習済みのパラメータについては、この限りでない",
                    "それ自体を独立の製品", "単独発明は他の当事者の業務から独立してなされたものに限られるため"),
             "en": ("Where Party C improves a computer program, or the structure of a learning model", "this does not apply to the trained parameters",
                    "as a product in itself", "A Sole Invention must be made independently of the other parties' work")}[lang]
    startup = deal_changed(H, tmp_path, acting_for="sora")
    jda = _doc(startup, "jda", lang)
    assert words[0] in article_titled(jda, sole[lang]) and words[1] in article_titled(jda, sole[lang])
    assert words[2] in article_titled(jda, PRACTICE[lang])
    assert words[3] in _sheet(startup, lang)
    sme = _doc(api.read_deal(H), "jda", lang)
    assert words[0] not in sme and words[2] not in sme
    assert words[3] not in _sheet(api.read_deal(H), lang)
