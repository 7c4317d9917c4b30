"""Twelfth reading, JDA IP (own): improvements of a party's background technology are that party's
(read10 report-a next step 1; read11 report-two §3 item 4), and a party that funds the research keeps a
licence for its own use of joint results it did not help create (read10 report-a next step 2; read11
report-three §3 甲 and JDA 8)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import article_titled, deal_changed, shipped_markdown
from oidocs import api

ROOT = Path(__file__).resolve().parent.parent
J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"      # 甲 funds 70, 丙 (acting_for, SME) 30, 乙 university
TWO = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"  # two companies, English, joint filing
FIELD = ROOT / "tests" / "review_deals" / "kiso-daiwa-hanno-field-en.yaml"  # exclusive field
BG = {"ja": "背景知的財産権の改良", "en": "Improvements of Background IP Rights"}
OWNERSHIP = {"ja": "共同成果の帰属", "en": "Ownership of Joint Results"}


def _jda(deal: object, lang: str) -> str:
    return api.render_document(deal, "jda", lang=lang, fmt="md").decode("utf-8")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_improvements_of_a_partys_background_are_its_own_in_every_jda(lang: str) -> None:
    """Deal J has no background-licence model: the SME's sensor improvements made with the others were
    co-owned by contribution. Now they are the SME's, the others assigning free of charge, limited to
    improvements that need the background or that the owner helped make (JFTC IP guidelines)."""
    text = article_titled(shipped_markdown(J, "jda", lang), BG[lang])
    if lang == "ja":
        assert "当該背景知的財産権を実施しなければ実施できないもの又は当該当事者がその創出に実質的に寄与したもの" in text
        assert "いずれの当事者がこれをしたかを問わず、その改良又は変更の対象となった背景知的財産権を有する当事者に単独で帰属する" in text
        assert "これを無償で当該背景知的財産権を有する当事者に譲渡し" in text
        assert "その創出者に支払うべき相当の利益その他の対価を負担する" in text
        assert "他の当事者に帰属する背景改良発明を、本共同研究開発の遂行のためにのみ、無償で実施することができる" in text
        assert "当該背景改良発明の非独占的な通常実施権を、合理的な条件（実施料、報告及び帳簿の監査を含む。）により許諾する" in text
        # drafted for 丙: where 丙 assigns an improvement of another's background, it keeps its own products
        assert "丙が本条の定めにより背景改良発明に係る権利又は持分を譲渡したときは" in text
        assert "丙に対し、当該背景改良発明を自ら実施する" in text and "無償の非独占的な通常実施権を許諾する" in text
    else:
        assert ("either cannot be practised without practising those Background IP Rights or were made with the "
                "substantive contribution of that Party") in text
        assert "shall belong solely to the Party whose Background IP Rights they improve or modify, whichever Party made them" in text
        assert "it shall assign that right or share free of charge to the Party that holds them" in text
        assert "grant it a non-exclusive licence under those Background Improvements on reasonable terms" in text
        assert "Where Party C assigns a right or share in any Background Improvements under this Article" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_two_parties_drafted_for_no_one_get_the_general_rule_only(lang: str, tmp_path: Path) -> None:
    """A two-company deal: the rule reads 'the other Party'; drafted for no one there is no fallback
    licence; beside exclusive_field (whose owner takes every joint result) the Article is not used."""
    text = article_titled(_jda(deal_changed(TWO, tmp_path, acting_for=None), lang), BG[lang])
    assert ("相手方に帰属する背景改良発明を、本共同研究開発の遂行のためにのみ" if lang == "ja"
            else "practise the Background Improvements belonging to the other Party free of charge") in text
    assert ("本条の定めにより背景改良発明に係る権利又は持分を譲渡したときは" if lang == "ja" else "assigns a right or share in any") not in text
    assert BG[lang] not in shipped_markdown(FIELD, "jda", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_funding_party_keeps_a_licence_of_joint_results_it_did_not_help_create(lang: str, tmp_path: Path) -> None:
    """Deal J: 甲 pays 70 per cent, 丙 30; a joint result of 乙 and 丙 left 甲 with research use only.
    Each funder now has a non-exclusive licence for its own products: free for the party drafted for (丙),
    on reasonable terms for the other (甲), whose have-made stays under the first-offer rule."""
    last = article_titled(shipped_markdown(J, "jda", lang), OWNERSHIP[lang]).strip().split("\n\n")[-1]
    if lang == "ja":
        assert last.startswith("4. 前各項に定めるほか、本共同研究開発の費用を負担する当事者（甲及び丙）が共同成果の創出に実質的に寄与しなかったときは")
        assert "当該共同成果を自ら実施する（自己が販売し、又は自ら使用する製品を専ら自己に納入させるために第三者に製造させること" in last
        assert "合理的な条件（実施料、報告及び帳簿の監査を含む。）により許諾するものとし" in last
        assert "ただし、丙に対しては、求めを要することなく、無償で許諾する" in last
        assert "研究期間の満了後も当該共有知的財産権の存続期間中存続し" in last
        assert "甲が本項に基づき第三者に製造させるときは、第13条に定める製造の申出に関する定めを準用する" in last
    else:
        assert "where a Party that bears costs of the Joint Research and Development (Party A and Party C) did not contribute" in last
        assert "To Party C, however, they hereby grant that licence free of charge, without any request" in last
        assert "subsist beyond the Research Period for the life of the Jointly Owned IP Rights concerned" in last
    # drafted for 甲, the large funder: free for 甲, reasonable terms for 丙
    for_a = article_titled(_jda(deal_changed(J, tmp_path, acting_for="morimiya"), lang), OWNERSHIP[lang])
    assert ("ただし、甲に対しては、求めを要することなく、無償で許諾する" if lang == "ja"
            else "To Party A, however, they hereby grant that licence free of charge") in for_a
    # drafted for the university, which pays nothing: reasonable terms for both funders
    for_univ = article_titled(_jda(deal_changed(J, tmp_path, acting_for="univ"), lang), OWNERSHIP[lang])
    assert ("合理的な条件（実施料、報告及び帳簿の監査を含む。）により許諾するものとし" if lang == "ja"
            else "upon its written request, on reasonable terms") in for_univ
    assert ("求めを要することなく" if lang == "ja" else "without any request") not in for_univ
    # two parties: every joint result is made by both, so no such paragraph
    two = article_titled(shipped_markdown(TWO, "jda", lang), OWNERSHIP[lang])
    assert ("費用を負担する当事者" if lang == "ja" else "bears costs of the") not in two


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_review_sheet_says_what_the_funder_keeps(lang: str, tmp_path: Path) -> None:
    """The cost-above-ownership line tells 甲 it holds no share in results it did not help create but has
    a licence for its own products: on request and reasonable terms drafted for 丙, free drafted for 甲."""
    sheet = api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
    assert ("自らの者が創出に寄与しなかった成果には持分がないが、その成果を自社の製品及び役務のために自ら実施する非独占的な通常実施権を合理的な条件で求めることができる）"
            if lang == "ja" else "but may ask for a non-exclusive licence on reasonable terms to practise them itself for its own products and services)") in sheet
    for_a = api.render_review(deal_changed(J, tmp_path, acting_for="morimiya"), lang=lang).decode("utf-8")
    assert ("非独占的な通常実施権を無償で受ける）" if lang == "ja" else "but has a royalty-free, non-exclusive licence to practise them itself for its own products and services)") in for_a
