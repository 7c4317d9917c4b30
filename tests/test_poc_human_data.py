"""A PoC with trials on people gets the JDA's article on ethics review, consent and personal
information (``poc.human_data``), from the one wording both documents share, and the review sheet
asks about it when the JDA handles human data but the PoC, which plainly tests on people, does not
(lawyer reading after phase 2, finding 3). Each test fails on the text before the change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, advice_in, article_titled, docx_paragraphs, shipped_markdown
from oidocs import api

ASTER = ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml"  # on-skin trials with ten volunteers
AOBA = ROOT / "tests" / "fixtures" / "aoba-trial-three-ja.yaml"        # poc.human_data: true
TITLE = {"ja": "人を対象とする研究及び個人情報の取扱い", "en": "Research Involving Human Subjects and Personal Information"}
MUST = {
    "ja": ["倫理審査委員会その他の審査機関の承認を得て", "他の当事者への提供その他必要な事項についての同意", "要配慮個人情報",
           "符号に置き換える等の仮名化により", "安全管理のために必要かつ適切な措置", "漏えい、滅失若しくは毀損", "研究対象者が同意を撤回した場合を含む。",
           "本検証目的"],
    "en": ["approval of its ethics committee", "to the provision of the samples or information to the other Parties",
           "special care-required personal information", "replacing names and other descriptions with codes",
           "keep it secure", "leaked, lost or damaged", "including where a research subject withdraws consent",
           "Verification Purpose"],
}


def _deal(tmp_path: Path, human: bool | None, scope: list[str] | None = None) -> Path:
    data = yaml.safe_load(ASTER.read_text(encoding="utf-8"))
    if human is not None:
        data["poc"]["human_data"] = human
    if scope is not None:
        data["poc"]["scope"] = scope
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_human_data_adds_ethics_consent_and_personal_information(tmp_path: Path, lang: str) -> None:
    text = article_titled(shipped_markdown(_deal(tmp_path, True), "poc", lang), TITLE[lang])
    for words in MUST[lang]:
        assert words in text, words
    survival = article_titled(shipped_markdown(_deal(tmp_path, True), "poc", lang), "存続条項" if lang == "ja" else "Survival")
    assert ("返還又は削除が完了するまでの間" if lang == "ja" else "until the information it concerns has been returned or deleted") in survival


def test_the_word_file_has_the_article(tmp_path: Path) -> None:
    deal = api.read_deal(_deal(tmp_path, True))
    path = tmp_path / "poc.docx"
    path.write_bytes(api.render_document(deal, "poc", lang="en", fmt="docx"))
    text = "\n".join(str(p) for p in docx_paragraphs(path))
    assert TITLE["en"] in text and "approval of its ethics committee" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_poc_human_data_the_poc_has_no_such_article(lang: str) -> None:
    assert TITLE[lang] not in shipped_markdown(ASTER, "poc", lang)
    assert TITLE[lang] in shipped_markdown(ASTER, "jda", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_and_jda_print_one_wording(lang: str) -> None:
    """The PoC's article is the JDA's: the same paragraphs but for the name of the work and of its purpose."""
    md = {doc: article_titled(shipped_markdown(AOBA, doc, lang), TITLE[lang]) for doc in ("poc", "jda")}
    swap = [("本検証目的", "本目的"), ("本検証", "本共同研究開発")] if lang == "ja" else \
        [("Verification Purpose", "Purpose"), ("Verification", "Joint Research and Development")]
    poc = md["poc"]
    for a, b in swap:
        poc = poc.replace(a, b)
    # the JDA alone adds the end of the agreement as the latest time to delete
    jda = md["jda"].replace("、本契約が終了したとき", "").replace(", when this Agreement ends", "")
    assert re.sub(r"\s+", " ", poc) == re.sub(r"\s+", " ", jda)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_review_sheet_asks_about_a_poc_that_tests_on_people(tmp_path: Path, lang: str) -> None:
    def sheet(path: Path) -> str:
        return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")

    text = sheet(ASTER)  # volunteers in the PoC, human data in the JDA, none in the PoC
    assert advice_in("poc_human_data", text)
    assert ("“volunteer”" if lang == "en" else "「volunteer」") in text or "volunteer" in text
    assert "poc.human_data" not in text  # a manager reads the option by its label, not the deal key
    assert not advice_in("poc_human_data", sheet(_deal(tmp_path, True)))  # the deal says yes: nothing to ask
    assert not advice_in("poc_human_data", sheet(_deal(tmp_path, None, ["lactate response of printed electrodes"])))
