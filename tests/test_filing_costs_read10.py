"""Tenth reading of deal J, fix 12: who bears a university co-owner's filing costs.

The Article on joint filing and costs put a university's share of the costs on 'the other co-owner
that itself practises the right': at filing nobody practises yet, and with two practising co-owners
the split was undefined. Now the non-university co-owners advance it by their shares until one of
them practises, then those that practise bear it by their shares among themselves, with a settlement
of what was advanced; the university repays out of licence or assignment income only, and filing
beyond the first country needs the payers' consent. With one other co-owner the text stays simple."""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"     # university + two companies
TWO = ROOT / "tests" / "fixtures" / "kamo-sleep-univ-ja.yaml"             # university + one company
FILING = {"ja": "共同出願及び費用", "en": "Joint Filing and Costs"}


def filing(deal: object, lang: str) -> str:
    return article_titled(shipped_markdown(deal, "jda", lang), FILING[lang])  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "advance", "practise", "settle"), [
    ("ja", "大学等以外の共有者のいずれも当該共有知的財産権を自ら実施していない間は、大学等以外の共有者がその持分の割合に応じて立て替え",
     "自ら実施する大学等以外の共有者がその間の持分の割合に応じて負担する",
     "それまでに立て替え又は負担された当該費用を、その時に自ら実施する大学等以外の共有者がその間の持分の割合に応じて負担することとなるよう、関係する共有者の間で精算する"),
    ("en", "for as long as none of the co-owners that are not universities or similar institutions practises the Jointly Owned IP Rights concerned itself, they shall be advanced by those co-owners in proportion to their shares",
     "they shall be borne by those of them that practise them in proportion to their shares as between themselves",
     "those costs advanced or borne until then shall be settled among the co-owners concerned"),
])
def test_several_co_owners_advance_then_practising_ones_bear_with_a_settlement(lang: str, advance: str, practise: str, settle: str) -> None:
    text = filing(DEAL_J, lang)
    assert advance in text and practise in text and settle in text
    assert "自ら実施する他の共有者が負担し" not in text and "those of the other co-owners that practise" not in text


@pytest.mark.parametrize(("deal", "lang", "consent", "repay"), [
    (DEAL_J, "ja", "最初に出願する国以外の国における出願は、当該国において当該費用を負担することとなる各共有者の書面による同意を得て行う",
     "第三者に実施を許諾し、又は自己の持分を譲渡して対価を得たときに限り、その対価の範囲で、当該費用を負担した各共有者にその負担した額に応じて償還する"),
    (TWO, "ja", "最初に出願する国以外の国における出願は、当該国において当該費用を負担することとなる各共有者の書面による同意を得て行う",
     "第三者に実施を許諾し、又は自己の持分を譲渡して対価を得たときに限り、その対価の範囲で、他の共有者が負担した当該費用を償還する"),
    (DEAL_J, "en", "An application in any country other than the country of first filing requires the written consent of each co-owner that would bear those costs in that country",
     "only out of, and up to, any consideration it receives for licensing those Jointly Owned IP Rights to a third party or for assigning its share in them"),
    (TWO, "en", "An application in any country other than the country of first filing requires the written consent of each co-owner that would bear those costs in that country",
     "shall reimburse the other co-owner for those costs only out of, and up to, any consideration it receives for licensing those Jointly Owned IP Rights to a third party or for assigning its share in them"),
])
def test_payers_consent_to_further_countries_and_assignment_income_repays(deal: object, lang: str, consent: str, repay: str) -> None:
    text = filing(deal, lang)
    assert consent in text and repay in text


@pytest.mark.parametrize(("lang", "simple", "gone"), [
    ("ja", "大学等である共有者が負担すべき費用は、他の共有者が負担する。", "立て替え"),
    ("en", "the costs that a co-owner that is a university or similar institution would bear shall be borne by the other co-owner.", "where it practises"),
])
def test_with_one_other_co_owner_it_simply_bears_the_universitys_share(lang: str, simple: str, gone: str) -> None:
    text = filing(TWO, lang)
    assert simple in text and gone not in text.split(simple)[1].split("\n")[0]
