"""PoC results belong to the parties that take part, and one results rule runs through the MOU, the
PoC and the JDA (lawyer reading after phase 2, findings 1 and 6).

Each test reads the rendered agreements back (Markdown, and the Word file through docx2python)
and fails on the text before the change: a party with no role in the PoC co-owned 20 per cent of
its results, and under an exclusive field the MOU and the PoC gave the owner even the other
party's sole results while the JDA left them with their maker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, docx_paragraphs, shipped_markdown
from oidocs import api

ASTER = ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml"   # Mizuho: no role in the PoC
AOBA = ROOT / "tests" / "fixtures" / "aoba-trial-three-ja.yaml"         # 丙 (the SME): no role in the PoC
KOBA = ROOT / "tests" / "review_deals" / "koba-daito-one-date-ja.yaml"  # exclusive field, owner 甲 performs
ACME = ROOT / "examples" / "acme-nano-ja.yaml"                          # two parties, joint filing

RESULTS = {"ja": "本成果の帰属", "en": "Ownership of the Results"}


def poc_results(path: Path, lang: str) -> str:
    return article_titled(shipped_markdown(path, "poc", lang), RESULTS[lang])


@pytest.mark.parametrize(("lang", "shares", "outsider"), [
    ("en", ["Aster: 56.25 per cent", "the University: 43.75 per cent"],
     # issue 20 finding 2: save the improvements of its own technology that the results Article assigns to it
     "Mizuho has no role in the Verification and, except as the preceding paragraphs provide for Background Improvements, acquires no right or share in the Results"),
    ("ja", ["甲：56.25パーセント", "乙：43.75パーセント"], "丙は、本検証において役割を有せず"),
])
def test_a_party_with_no_role_in_the_poc_owns_none_of_its_results(lang: str, shares: list[str], outsider: str) -> None:
    """Mizuho neither performs nor commissions the verification: the joint results are the
    University's and Aster's, in the deal's 45/35 re-based between them, and Mizuho gets nothing."""
    text = poc_results(ASTER, lang)
    if lang == "ja":  # the Japanese PoC names the parties 甲 乙 丙
        assert "甲及び乙の共有とする" in text
    else:
        assert "co-owned by Aster and the University in the shares below, which are in the ratio of the shares that the Parties plan" in text
    for line in shares:
        assert line in text
    assert outsider in text
    assert ("丙：" if lang == "ja" else "Mizuho: 20") not in text
    assert ("20パーセント" if lang == "ja" else "20 per cent") not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_filings_are_notified_between_the_participants_and_co_owners_are_two(lang: str) -> None:
    text = poc_results(AOBA, lang)
    if lang == "ja":
        assert "甲及び乙は、本成果について特許出願その他の出願をしようとするときは、事前に他方に書面により通知する。" in text
        assert "甲：62.5パーセント" in text and "乙：37.5パーセント" in text
    else:
        assert "Party A and Party B shall each notify the other in writing in advance before filing" in text
        assert "the prior written consent of the other co-owner." in text and "the other co-owners" not in text
        assert "Party A: 62.5 per cent" in text and "Party B: 37.5 per cent" in text


def test_the_word_file_carries_the_participants_shares(tmp_path: Path) -> None:
    deal = api.read_deal(AOBA)
    path = tmp_path / "poc.docx"
    path.write_bytes(api.render_document(deal, "poc", lang="ja", fmt="docx"))
    text = "\n".join(str(p) for p in docx_paragraphs(path))
    assert "甲：62.5パーセント" in text and "乙：37.5パーセント" in text
    assert "丙は、本検証において役割を有せず" in text
    assert "丙：20パーセント" not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_two_party_poc_keeps_the_deals_shares(lang: str) -> None:
    """With two parties both take part: nothing is re-based and no party is left out."""
    text = poc_results(ACME, lang)
    assert ("役割を有せず" if lang == "ja" else "no role in the Verification") not in text


@pytest.mark.parametrize(("lang", "mou_rule", "poc_sole", "poc_joint"), [
    ("ja", "一の当事者が単独で創出したものは当該当事者に帰属し、各当事者が共同して創出したものは甲に帰属する",
     "一の当事者の役員又は従業員のみにより創出されたものであって、相手方の役員又は従業員がその創出に実質的に寄与していないものに係る知的財産権は、当該当事者に帰属する。",
     "前項に定めるもの以外の本成果に係る知的財産権は、その創出に寄与した当事者にかかわらず、甲に帰属する。"),
    ("en", "shall belong to the Party that created them alone where one Party created them alone, and to Party A where they were created jointly",
     "created by the officers or employees of one Party alone, without any substantive contribution by the officers or employees of the other Party, shall belong to that Party.",
     "other than those referred to in the preceding paragraph shall belong to Party A, regardless of which Party contributed to creating them."),
])
def test_exclusive_field_mou_and_poc_follow_the_jdas_results_rule(lang: str, mou_rule: str, poc_sole: str,
                                                                 poc_joint: str) -> None:
    """The JDA leaves sole results with their maker and gives the joint results to the owner; the
    MOU and the PoC said the owner takes everything, whoever made it."""
    mou = article_titled(shipped_markdown(KOBA, "mou", lang), "知的財産" if lang == "ja" else "Intellectual Property")
    assert mou_rule in mou
    poc = poc_results(KOBA, lang)
    assert poc_sole in poc and poc_joint in poc
    assert ("これを創出した当事者にかかわらず" if lang == "ja" else "regardless of which Party created them") not in poc
    jda = shipped_markdown(KOBA, "jda", lang)
    sole = article_titled(jda, "単独発明の帰属" if lang == "ja" else "Ownership of Sole Inventions")
    assert ("当該単独発明をした当事者に単独で帰属する" if lang == "ja" else "shall belong solely to the Party") in sole
    # the holder's exclusive right in the JDA covers the PoC's joint results, not the owner's sole ones
    assert ("（甲の役員又は従業員のみにより創出されたものを除く。）" if lang == "ja"
            else "other than those created by its own officers or employees alone") in jda


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_exclusive_field_poc_names_the_territory_of_the_right_to_negotiate(lang: str) -> None:
    poc = poc_results(KOBA, lang)
    assert ("日本国及び北米を対象として" if lang == "ja" else "and the territory of 日本国及び北米") in poc


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_only_the_participants_settle_the_client_materials_and_the_work_is_not_the_outsiders(lang: str) -> None:
    """Mizuho had a say in when Aster hands its materials to the University, and the English PoC said
    all the Parties carry out the verification."""
    md = shipped_markdown(ASTER, "poc", lang)
    materials = article_titled(md, "提供資料" if lang == "ja" else "Client Materials")
    assert ("甲及び乙が協議して定める時期及び方法" if lang == "ja"
            else "determined through consultation between Aster and the University.") in materials
    work = article_titled(md, "本検証の実施" if lang == "ja" else "Performance of the Verification")
    assert ("甲及び乙の書面による合意によってのみ" if lang == "ja" else "only by written agreement of Aster and the University.") in work
    site = article_titled(md, "作業場所及び安全" if lang == "ja" else "Place of Work and Safety")
    assert ("甲及び乙は、当該作業に先立ち" if lang == "ja" else "Aster and the University shall, before that work") in site
    if lang == "en":
        conf = article_titled(md, "Confidentiality")
        assert "announce publicly that the Verification is being carried out" in conf
        assert "the Parties are carrying out" not in conf


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_for_a_party_with_no_role_in_the_poc_does_not_give_it_poc_co_ownership(tmp_path: Path, lang: str) -> None:
    """Drafted for Mizuho (no role in the PoC, not a party to the licence): the sheet is made (it
    stopped with StopIteration) and its co-ownership item cites the JDA, not the PoC's results."""
    import yaml

    data = yaml.safe_load(ASTER.read_text(encoding="utf-8"))
    data["acting_for"] = "mizuho"
    path = tmp_path / "mizuho.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    sheet = api.render_review(api.read_deal(path), lang=lang).decode("utf-8")
    mine = sheet.split("## ")[[i for i, s in enumerate(sheet.split("## ")) if "Mizuho Plastics" in s.split("\n")[0]][0]]
    # the JDA's practice article (its have-made right) and its licensing article
    jda13 = ("1. **共同研究開発契約 第12条、共同研究開発契約 第13条**: 共有の成果" if lang == "ja"
             else "1. **JDA Article 12; JDA Article 13**: Licensing co-owned results")
    assert jda13 in mine, mine
    poc14 = "技術検証（PoC）契約 第14条" if lang == "ja" else "PoC agreement Article 14"
    assert poc14 not in mine
    univ = api.render_review(api.read_deal(ASTER), lang=lang).decode("utf-8")
    assert poc14 in univ.split("## ")[[i for i, s in enumerate(univ.split("## ")) if "Tohoku Northern" in s.split("\n")[0]][0]]
