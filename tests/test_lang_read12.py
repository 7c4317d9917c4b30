"""Twelfth reading, deal text in the other language and the prevailing-language article.

Eleventh reading (deal "two", report-two.md §1 NDA row, §3 item 9): an English deal made in Japanese printed its
purpose, theme, roles and success criterion in English inside the Japanese sentences, silently; and separate
Japanese and English documents said nothing about which version prevails while the sheet's options table read
"Prevailing language: English".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed, run

from oidocs import api

EN_DEAL = ROOT / "tests" / "fixtures" / "seq-onedate-en.yaml"  # two companies, English, PoC and JDA
JA_DEAL = ROOT / "tests" / "fixtures" / "seq-onedate-ja.yaml"


def _line_of(path: Path, start: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def test_japanese_pack_of_an_english_deal_warns_at_each_english_value(tmp_path: Path) -> None:
    result = run("pack", "--config", EN_DEAL, "--lang", "ja", "--out", tmp_path, "--format", "md")
    assert result.exit_code == 0, result.stderr  # a warning, not an error
    err = result.stderr
    line = _line_of(EN_DEAL, "purpose:")
    assert f"{EN_DEAL}:{line}:" in err
    assert "purpose: warning: this text has no Japanese, yet the Japanese documents print it as it is" in err
    assert "`{ja: <the Japanese>, en: <this text>}`" in err  # how to fix it
    assert "jda.theme: warning:" in err and "poc.success_criteria.0: warning:" in err
    assert "jda.roles.tidewater.0: warning:" in err
    assert "parties.0.name" not in err  # a company named in Latin letters is how Japanese contracts name it
    # the documents are still made, with the text as written
    assert (tmp_path / "seq-onedate-en-nda-ja.md").exists()
    # the same deal's English pack has nothing to say
    english = run("pack", "--config", EN_DEAL, "--out", tmp_path / "en", "--format", "md")
    assert english.exit_code == 0 and "warning: this text" not in english.stderr


def test_english_pack_of_a_japanese_deal_warns_at_japanese_values(tmp_path: Path) -> None:
    result = run("pack", "--config", JA_DEAL, "--lang", "en", "--out", tmp_path, "--format", "md")
    assert result.exit_code == 0
    assert (f"{JA_DEAL}:{_line_of(JA_DEAL, 'purpose:')}:" in result.stderr
            and "purpose: warning: this text holds Japanese, yet the English documents print it as it is" in result.stderr)
    assert "parties.0.name: warning: this text holds Japanese" in result.stderr


def test_a_side_by_side_pack_warns_for_its_japanese_column(tmp_path: Path) -> None:
    found = api.check_pack(api.read_deal(EN_DEAL), lang="ja+en", source_file=str(EN_DEAL))
    assert any(p.path == "purpose" and "has no Japanese" in p.message for p in found)


def test_both_languages_given_as_a_map_end_the_warning(tmp_path: Path) -> None:
    deal = deal_changed(EN_DEAL, tmp_path, purpose={
        "ja": "ColdChainの温度予測モデルによりTidewaterの冷蔵倉庫における廃棄を削減できるかを評価すること",
        "en": "evaluating whether ColdChain's temperature prediction models can cut spoilage"})
    paths = [p.path for p in api.check_pack(deal, lang="ja")]
    assert "purpose" not in paths and "jda.theme" in paths


def test_the_message_is_japanese_under_a_japanese_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OIDOCS_LANG", "ja")
    found = api.check_pack(api.read_deal(EN_DEAL), lang="ja", source_file=str(EN_DEAL))
    [purpose] = [p for p in found if p.path == "purpose"]
    assert "日本語の書類の文中にもこのまま" in purpose.message and "{ja: 日本語の文, en: この英文}" in purpose.message


def test_review_sheet_lists_the_english_values_of_a_japanese_pack() -> None:
    sheet = api.render_review(api.read_deal(EN_DEAL), lang="ja").decode()
    section = sheet.split("## 書類の言語で書かれていない値", 1)[1].split("\n## ", 1)[0]
    assert "このままでは署名できません" in section and "{ja: ..., en: ...}" in section
    assert "- 目的: 「evaluating whether ColdChain" in section
    assert "- 各当事者の分担（Tidewater Logistics K.K.）（1）: 「supply of warehouse data」" in section
    english = api.render_review(api.read_deal(EN_DEAL), lang="en").decode()
    assert "Text not in the documents' language" not in english


def _nda(deal: object, lang: str) -> str:
    return api.render_document(deal, "nda", lang, "md").decode()  # type: ignore[arg-type]


def test_separate_versions_each_say_which_prevails_when_the_deal_names_it(tmp_path: Path) -> None:
    deal = deal_changed(EN_DEAL, tmp_path, prevailing_language="en")
    ja, en = _nda(deal, "ja"), _nda(deal, "en")
    assert article_titled(ja, "正文").strip() == (
        "本契約は、日本語版及び英語版により作成し、両版をもって一の契約とする。両版の間に齟齬又は解釈の相違があるときは、英語版が優先する。")
    assert article_titled(en, "Prevailing Language").strip() == (
        "This Agreement is made in a Japanese version and an English version, which together form one agreement. "
        "Where the two versions differ or may be read differently, the English version prevails.")
    # the side-by-side document keeps its authentic-text wording
    both = api.render_document(deal, "nda", "ja+en", "md").decode()
    assert "the English text is the authentic text" in both and "version prevails" not in both
    # the options table's line has an Article behind it
    assert "| 優先する言語 | 英語 |" in api.render_review(deal, lang="ja").decode()


def test_without_it_no_single_language_document_or_sheet_claims_a_prevailing_language(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(EN_DEAL.read_text(encoding="utf-8"))
    for deal in (api.read_deal(EN_DEAL), api.deal_from_dict({**data, "prevailing_language": None})):  # absent or empty
        assert "正文" not in _nda(deal, "ja") and "Prevailing Language" not in _nda(deal, "en")
        sheet = api.render_review(deal, lang="ja").decode()
        assert "優先する言語" not in sheet.split("## 選択項目", 1)[1].split("\n## ", 1)[0]
        # the Japanese version of an English deal: the sheet says how to make each version say which prevails
        note = sheet.split("## 日本語版と英語版", 1)[1].split("\n## ", 1)[0]
        assert "deal ファイルの言語（英語）と異なる言語の版" in note and "優先する言語（日本語又は英語）を指定すると" in note
        assert "## Japanese and English versions" not in api.render_review(deal, lang="en").decode()


def test_the_web_form_warns_too() -> None:
    from oidocs.clauses.library import Library
    from oidocs.serve.service import Service

    text = EN_DEAL.read_text(encoding="utf-8").replace("purpose: evaluating", "purpose: 廃棄削減の評価 evaluating")
    [purpose] = [w for w in Service(Library()).validate(text)["warnings"] if w["path"] == "purpose"]
    assert purpose["line"] == _line_of(EN_DEAL, "purpose:") and "holds Japanese, yet the English documents" in purpose["message"]
