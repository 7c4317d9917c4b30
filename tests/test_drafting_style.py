"""Drafting a lawyer notices at first reading (lawyer-reading-2 §10, §12, and acting_for in the IP articles).

English: short defined names, particulars in the preamble, two-party words, one way of writing
counts and rates, a university's signature block. Japanese: 「…」とは、…をいう。 definitions, one
wording of dissolution and of dishonoured bills in every document. acting_for leans the
exclusive-field articles too. Each test fails on the text before the change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, article_titled, shipped_markdown
from oidocs import api

ACME = ROOT / "examples" / "acme-nano-ja.yaml"
BIGCO = ROOT / "examples" / "bigco-smallworks-en.yaml"     # exclusive field, drafted for the owner
HARBOR = ROOT / "tests" / "fixtures" / "harbor-exclusive-en.yaml"
FOUR = ROOT / "tests" / "fixtures" / "four-parties-en.yaml"   # a research institute among four
KOBE = ROOT / "tests" / "fixtures" / "kobe-licence-en.yaml"   # short names Rokko and Coatix

DEALS = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))


def test_short_names_replace_party_letters_in_english_only() -> None:
    en = shipped_markdown(KOBE, "poc", "en")
    assert "(“Rokko”)" in en and "(“Coatix”)" in en and "Party A" not in en and "Party B" not in en
    assert "| Rokko | |" in en
    ja = shipped_markdown(KOBE, "poc", "ja")
    assert "（以下「甲」という。）" in ja and "Rokko”" not in ja


def test_short_names_must_differ(tmp_path: Path) -> None:
    text = KOBE.read_text(encoding="utf-8").replace("short_name: Coatix", "short_name: rokko")
    deal = tmp_path / "deal.yaml"
    deal.write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match="short names must differ"):
        api.read_deal(deal)


def test_english_preamble_gives_each_partys_particulars() -> None:
    en = shipped_markdown(KOBE, "nda", "en")
    assert ("Rokko Metal Works Co., Ltd., having its principal office at 2-3-4 Minatojima, Chuo-ku, Kobe, Hyogo, "
            "represented by Representative Director Yuki Mori (“Rokko”)") in en


@pytest.mark.parametrize("path", [p for p in DEALS + sorted((ROOT / "tests" / "review_deals").glob("*.yaml"))
                                  if len(api.read_deal(p).parties) == 2], ids=lambda p: p.stem)
def test_two_party_documents_have_no_multi_party_words(path: Path) -> None:
    deal = api.read_deal(path)
    for doc in api.docs_in(deal):
        text = api.render_document(deal, doc, lang="en", fmt="md").decode("utf-8")
        for words in ("No Party", "no Party", "any Party", "Any other Party", "any other Party", "the Parties concerned",
                      "among the Parties"):
            assert words not in text, (doc, words)
        ja = api.render_document(deal, doc, lang="ja", fmt="md").decode("utf-8")
        for words in ("その他の当事者", "関係する当事者", "他の各当事者", "以外の各当事者", "他のいずれかの当事者"):
            assert words not in ja, (doc, words)


def test_counts_and_rates_are_written_one_way() -> None:
    en = shipped_markdown(BIGCO, "nda", "en")
    assert "for twenty-four (24) months" in en and "within fourteen (14) days" in en
    assert not re.search(r"\b\d+ (days|months|years)\b", en.split("| Party A")[0].split("| Big Mobility")[0])
    poc = shipped_markdown(ACME, "poc", "en")
    assert "14.6 per cent a year" in poc and "percent" not in poc


def test_a_research_institute_signs_as_an_institute() -> None:
    en = shipped_markdown(FOUR, "nda", "en")
    block = en[en.index("Gamma Institute of Technology |") - 200:]
    assert "| Institute | Gamma Institute of Technology |" in en
    assert "| Company | Gamma Institute of Technology |" not in block


@pytest.mark.parametrize("doc", ["poc", "jda", "licence"])
def test_dissolution_and_dishonoured_bills_read_the_same_everywhere(doc: str) -> None:
    text = shipped_markdown(ACME, doc, "ja")
    assert "解散（合併による場合を除く。）の決議をしたとき" in text
    assert "振り出し、又は引き受けた手形若しくは小切手が不渡り" in text
    assert "漏洩" not in text
    en = shipped_markdown(ACME, doc, "en")
    assert "resolves to dissolve (except for a dissolution by merger)" in en and "drawn or accepted by it" in en


def test_poc_definitions_read_as_definitions() -> None:
    ja = article_titled(shipped_markdown(ACME, "poc", "ja"), "定義")
    assert "「本成果」とは、本検証の実施の過程で得られた" in ja and "括弧内に示す用語" not in ja
    assert "次の各号に掲げる用語の意義は、当該各号に定めるところによる。" in ja
    assert "技術的成果及び本検証の成果として創作された" in ja  # 並びに only joins the larger groups
    en = article_titled(shipped_markdown(ACME, "poc", "en"), "Definitions")
    assert "“Results” means inventions" in en and "shown in parentheses" not in en


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_exclusive_field_leans_for_the_holder_and_for_the_owner(tmp_path: Path, lang: str) -> None:
    title = "独占性の喪失" if lang == "ja" else "Loss of Exclusivity"
    owner_side = article_titled(shipped_markdown(HARBOR, "jda", lang), title)
    assert ("合理的な努力" if lang == "ja" else "reasonable efforts to practise") in owner_side
    holder = tmp_path / "holder.yaml"
    holder.write_text(HARBOR.read_text(encoding="utf-8").replace("acting_for: lumen", "acting_for: harbor"), encoding="utf-8")
    holder_side = article_titled(shipped_markdown(holder, "jda", lang), title)
    assert ("90日以内" if lang == "ja" else "within ninety (90) days") in holder_side
    assert ("合理的な努力" if lang == "ja" else "reasonable efforts to practise") not in holder_side
    sheet = api.render_review(api.read_deal(holder), lang=lang).decode()
    assert ("90日以内に実施" if lang == "ja" else "within 90 days of the owner's request") in sheet


def test_a_foreign_partys_signature_block_has_no_seal_mark() -> None:
    ja = shipped_markdown(ROOT / "examples" / "minato-rhein-bilingual.yaml", "nda", "ja")
    assert "| 代表者 | 代表取締役 小林 健一　　印 |" in ja          # the Japanese party seals
    assert "| 代表者 | 代表取締役 アンナ・ヴェーバー |" in ja        # the German party signs, no 印
