"""The ninth lawyers' reading, JDA and NDA findings (deal J: 森宮重機, a large company paying 70% of the JDA's
shared costs; 東北青葉大学, the university; 蔵王センシング, the SME acted for, paying 30%).

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
