"""The licence agreement after a lawyer's review: software rights, damages, applications, wording.

Each test reads the Markdown a user gets for our two licence deals (an exclusive Japanese licence
of a patent, a patent application and know-how; a non-exclusive English licence of software and a
patent) and would fail on the text before the review.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from oidocs import api

EXCLUSIVE_JA = ROOT / "tests" / "fixtures" / "licence-exclusive-ja.yaml"
OPEN_EN = ROOT / "tests" / "fixtures" / "licence-open-en.yaml"


def _article(deal_path: Path, lang: str, clause_id: str) -> str:
    """Return the text of one article of the licence agreement (heading and paragraphs)."""
    deal = api.read_deal(deal_path)
    text = api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")
    tree = api.build_document(deal, "licence", lang)
    titles = [a.clause.title for a in tree.articles]
    ids = [a.clause.id for a in tree.articles]
    i = ids.index(clause_id)
    start = text.index(titles[i] + ("）" if lang == "ja" else ")"))
    end = text.index(titles[i + 1] + ("）" if lang == "ja" else ")"), start) if i + 1 < len(ids) else len(text)
    return text[start:end]


SOFTWARE_GRANT = {"ja": ("複製し、翻案し、及び頒布する", "公衆送信"),
                  "en": ("reproduce, adapt and distribute", "transmission")}
OBJECT_CODE = {"ja": ("オブジェクトコード", "ソースコードは"), "en": ("object code", "source code is included only if")}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_software_right_lets_the_licensee_copy_adapt_and_distribute_the_programs(lang: str) -> None:
    grant = _article(OPEN_EN, lang, "licence.grant")
    materials = _article(OPEN_EN, lang, "licence.materials")
    assert all(words in grant for words in SOFTWARE_GRANT[lang]), grant
    assert all(words in materials for words in OBJECT_CODE[lang]), "object code always, source code only if agreed"
    # A deal with no software right keeps the patent-only grant.
    assert not any(words in _article(EXCLUSIVE_JA, lang, "licence.grant") for words in SOFTWARE_GRANT[lang])
    assert not any(words in _article(EXCLUSIVE_JA, lang, "licence.materials") for words in OBJECT_CODE[lang])


DAMAGES = {
    "ja": {"indirect": ("間接的な損害", "逸失利益"), "mutual": "甲及び乙は", "cap": "いずれか多い額を上限とする",
           "floor": "契約一時金の額",
           "carve_outs": ("故意又は重大な過失", "義務の違反による責任", "範囲を超えて", "遅延損害金の支払")},
    "en": {"indirect": ("indirect loss", "lost profits"), "mutual": "neither Party A nor Party B",
           "cap": "shall not exceed the greater of", "floor": "the amount of the upfront fee",
           "carve_outs": ("wilful misconduct or gross negligence", "breach of the obligations under",
                          "beyond the scope of the Licence", "late payment charges")},
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_damages_are_limited_for_both_parties_with_a_floor_and_carve_outs(lang: str) -> None:
    words = DAMAGES[lang]
    damages = _article(EXCLUSIVE_JA, lang, "licence.damages")
    tree = api.build_document(api.read_deal(EXCLUSIVE_JA), "licence", lang)
    confidentiality = next(a for a in tree.articles if a.clause.id == "licence.confidentiality")
    assert all(w in damages for w in words["indirect"]), "indirect loss and lost profits are excluded"
    assert words["mutual"] in damages, "the exclusion binds both Parties"
    assert words["cap"] in damages and words["floor"] in damages, "the cap has the upfront fee as its floor"
    assert all(w in damages for w in words["carve_outs"]), damages
    assert confidentiality.label in damages, "the confidentiality carve-out cites its article"
    # A royalty-only deal with no upfront fee or minimum gets no invented figure, and so no cap.
    open_damages = _article(OPEN_EN, lang, "licence.damages")
    assert words["cap"] not in open_damages and all(w in open_damages for w in words["indirect"])


PROVISIONAL = {"ja": ("仮通常実施権（特許法第34条の3）", "特許権の設定の登録があったときは"),
               "en": ("provisional non-exclusive licence", "When a patent is registered")}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_patent_application_gets_a_provisional_licence_that_becomes_the_licence(lang: str) -> None:
    grant = _article(EXCLUSIVE_JA, lang, "licence.grant")
    assert all(words in grant for words in PROVISIONAL[lang]), grant
    assert not any(words in _article(OPEN_EN, lang, "licence.grant") for words in PROVISIONAL[lang]), \
        "no provisional licence when the deal lists no application"
    assert ("本地域における本分野において" if lang == "ja" else "in the Field within the Territory") in grant


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_survival_keeps_entire_agreement_amendment_and_severability(lang: str) -> None:
    tree = api.build_document(api.read_deal(EXCLUSIVE_JA), "licence", lang)
    labels = {a.clause.id: a.label for a in tree.articles}
    survival = _article(EXCLUSIVE_JA, lang, "licence.survival")
    for clause_id in ("common.entire_agreement", "common.amendment", "common.severability"):
        assert labels[clause_id] in survival, clause_id


def test_having_products_made_is_a_separate_statement_not_an_exception() -> None:
    ja = _article(EXCLUSIVE_JA, "ja", "licence.sublicence")
    en = _article(EXCLUSIVE_JA, "en", "licence.sublicence")
    assert "なお、" in ja and "ただし、" not in ja.split("再許諾も終了する。")[1]
    assert "For the avoidance of doubt" in en


@pytest.mark.parametrize("deal_path", [EXCLUSIVE_JA, OPEN_EN])
def test_english_licence_calls_a_party_a_party(deal_path: Path) -> None:
    import re
    text = api.render_document(api.read_deal(deal_path), "licence", lang="en", fmt="md").decode("utf-8")
    assert not re.findall(r"(?<!third )(?<!third-)(?<!proceedings as a )\bparty\b", text), "lower-case 'party' for a Party"
    assert not re.findall(r"\bthe other\b(?! Party)(?! provisions)(?! \w+ (?:information|result|public|money))", text)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusive_licensor_grants_no_provisional_licence_to_others(lang: str) -> None:
    words = ("仮専用実施権", "仮通常実施権の許諾を含む") if lang == "ja" else (
        "(including a provisional one)", "(including by a provisional non-exclusive licence)")
    assert all(w in _article(EXCLUSIVE_JA, lang, "licence.grant") for w in words)
