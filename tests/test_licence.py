"""The licence agreement: every JPO model topic, the deal's royalty figures, the rights in the Schedule.

Two deals of our own: an exclusive Japanese licence with an upfront fee, a running royalty and an
annual minimum; a non-exclusive, sublicensable English one. Read back from the DOCX (docx2python)
and from what LibreOffice shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import advice_in, docx_paragraphs, ROOT, run
from oidocs import api
from oidocs.deal.localize import localize
from oidocs.document.labels import labels_for

EXCLUSIVE_JA = ROOT / "tests" / "fixtures" / "licence-exclusive-ja.yaml"
OPEN_EN = ROOT / "tests" / "fixtures" / "licence-open-en.yaml"

# The JPO model licence agreement's topics and the clause that carries each one.
TOPICS = {
    "definitions": "licence.definitions",
    "grant (field, territory, exclusive or not)": "licence.grant",
    "sublicensing": "licence.sublicence",
    "prohibited acts": "licence.prohibited",
    "royalty (upfront, running, minimum)": "licence.consideration",
    "reports, payment and taxes": "licence.reports",
    "audit of books": "licence.audit",
    "no refund": "licence.no_refund",
    "improvements": "licence.improvements",
    "trademarks and marking": "licence.marking",
    "warranties and their limits": "licence.warranties",
    "infringement by and against third parties": "licence.infringement",
    "confidentiality": "licence.confidentiality",
    "term": "licence.term",
    "termination": "licence.termination",
    "sell-off and return of materials": "licence.after_termination",
    "damages": "licence.damages",
    "survival": "licence.survival",
    "governing law and court": "common.jurisdiction",
    "consultation": "common.consultation",
}


def _docx_text(tmp_path: Path, deal_path: Path, lang: str) -> tuple[str, list[str]]:
    """Make the licence as DOCX with the CLI; return its text and its paragraphs (docx2python)."""
    result = run("licence", "--config", deal_path, "--out", tmp_path, "--format", "docx", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    deal = api.read_deal(deal_path)
    path = tmp_path / f"{deal.deal_id}-licence-{lang}.docx"
    pars = ["".join(r.text for r in p.runs) for p in docx_paragraphs(path)]
    return "\n".join(pars), pars


@pytest.mark.parametrize("deal_path, lang", [(EXCLUSIVE_JA, "ja"), (EXCLUSIVE_JA, "en"), (OPEN_EN, "en"),
                                             (OPEN_EN, "ja")])
def test_every_topic_of_the_model_licence_is_an_article(tmp_path: Path, deal_path: Path, lang: str) -> None:
    text, pars = _docx_text(tmp_path, deal_path, lang)
    tree = api.build_document(api.read_deal(deal_path), "licence", lang)
    articles = {a.clause.id: a for a in tree.articles}
    for topic, clause_id in TOPICS.items():
        assert clause_id in articles, f"topic {topic!r} has no article"
        title = articles[clause_id].clause.title
        assert any(p.endswith(title + ("）" if lang == "ja" else ")")) for p in pars), f"no heading for {topic!r}"
    for clause_id in ("common.notices", "common.entire_agreement", "common.amendment", "common.severability"):
        assert clause_id in articles


def test_exclusive_japanese_licence_states_its_price_and_grant_back(tmp_path: Path) -> None:
    text, _ = _docx_text(tmp_path, EXCLUSIVE_JA, "ja")
    deal = localize(api.read_deal(EXCLUSIVE_JA), "ja")
    lic = deal.licence
    assert lic is not None and lic.royalty is not None
    ja = labels_for("ja")
    assert ja.money(lic.royalty.upfront, "JPY") in text                 # 金5,000,000円（消費税別）
    assert ja.percent(lic.royalty.rate_percent) in text                 # 3.5パーセント
    assert lic.royalty.minimum_annual and ja.money(lic.royalty.minimum_annual, "JPY") in text
    assert f"{lic.royalty.report_months}か月ごと" in text
    assert "「正味販売高」とは、" in text and "控除した額をいう。" in text, "the royalty base is defined"
    assert "独占的な通常実施権（契約上の独占的な通常実施権をいい、専用実施権を含まない。）" in text
    assert "非独占的な通常実施権（本地域における本分野での実施を含まない。）を無償で許諾する" in text, \
        "grant-back asked by the deal, only non-exclusive, and not in the licensee's field"
    assert "譲渡" not in text.split("改良技術）")[1].split("商標及び表示")[0].replace("譲渡し、又は担保", ""), \
        "no assignment of improvements"
    assert "源泉徴収" in text and "消費税" in text, "taxes"
    assert "6か月以内に限り" in text, "sell-off period"
    assert lic.field in text and lic.territory in text


def test_non_exclusive_english_licence_may_be_sublicensed(tmp_path: Path) -> None:
    text, _ = _docx_text(tmp_path, OPEN_EN, "en")
    deal = localize(api.read_deal(OPEN_EN), "en")
    lic = deal.licence
    assert lic is not None and lic.royalty is not None
    en = labels_for("en")
    assert "a non-exclusive licence to practise the Licensed Rights" in text
    assert "exclusive licence under contract" not in text
    assert "may, within the scope of the Licence (limited to the Field within the Territory) and by written " \
           "agreement, grant third parties sublicences" in text
    assert f"{en.percent(lic.royalty.rate_percent)} of the Net Sales" in text   # two (2) percent
    assert f"each period of {en.count(lic.royalty.report_months)} months" in text
    assert "an upfront fee of" not in text, "no upfront fee when the deal sets none"
    assert "Minimum Royalty" not in text
    assert f"until {en.count(lic.term_years or 0)} years have passed from the Effective Date" in text
    assert "has no obligation to assign" in text, "no grant-back unless the deal asks"
    assert "the whole world" in text


@pytest.mark.parametrize("deal_path, lang", [(EXCLUSIVE_JA, "ja"), (OPEN_EN, "en")])
def test_the_licensed_rights_are_listed_in_the_schedule(tmp_path: Path, deal_path: Path, lang: str) -> None:
    text, _ = _docx_text(tmp_path, deal_path, lang)
    deal = localize(api.read_deal(deal_path), lang)
    assert deal.licence is not None
    # the schedule's own heading: its label on a line of its own, then its title
    schedule = text[re.search(r"\n(別紙|Schedule)( ?\d+)?\n", text).start():]
    for right in deal.licence.rights:
        assert right.title in schedule
        if right.number:
            assert right.number in schedule
    assert ("別紙に掲げる" if lang == "ja" else "listed in the Schedule") in text, "the definitions point at it"


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_figures_and_the_rights(tmp_path: Path) -> None:
    names = []
    for deal_path, lang in ((EXCLUSIVE_JA, "ja"), (OPEN_EN, "en")):
        assert run("licence", "--config", deal_path, "--out", tmp_path, "--format", "docx").exit_code == 0
        names.append(f"{api.read_deal(deal_path).deal_id}-licence-{lang}.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "txt:Text", "--outdir", str(tmp_path / "txt"), *names],
                   cwd=tmp_path, check=True, capture_output=True, timeout=300)
    ja = (tmp_path / "txt" / names[0].replace(".docx", ".txt")).read_text(encoding="utf-8-sig")
    en = (tmp_path / "txt" / names[1].replace(".docx", ".txt")).read_text(encoding="utf-8-sig")
    assert "金5,000,000円" in ja and "3.5パーセント" in ja and "金2,000,000円" in ja
    assert "特許第7012345号" in ja and "特願2026-123456" in ja and "コーティング膜の焼成条件" in ja
    assert "2 per cent of the Net Sales" in en and "JP 7098765 B2" in en
    assert "Vibration anomaly detection engine v2" in en


def _review(tmp_path: Path, deal_path: Path, edit: dict[str, object]) -> str:
    """The review sheet of ``deal_path`` with ``edit`` merged into its licence section."""
    import yaml

    data = yaml.safe_load(deal_path.read_text(encoding="utf-8"))
    data["licence"].update(edit)
    data["licence"] = {k: v for k, v in data["licence"].items() if v is not None}
    changed = tmp_path / deal_path.name
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run("review", "--config", changed, "--out", tmp_path, "--force").exit_code == 0
    deal = api.read_deal(changed)
    return (tmp_path / f"{deal.deal_id}-review-{deal.language}.md").read_text(encoding="utf-8")


def test_review_sheet_flags_an_exclusive_licence_without_a_minimum(tmp_path: Path) -> None:
    royalty = {"upfront": 0, "rate_percent": 3, "report_months": 6}
    sheet = _review(tmp_path, EXCLUSIVE_JA, {"royalty": royalty})
    tree = api.build_document(api.read_deal(tmp_path / EXCLUSIVE_JA.name), "licence")
    article = next(a.label for a in tree.articles if a.clause.id == "licence.consideration")
    assert advice_in("licence_exclusive_no_minimum", sheet)
    advice_title = "最低実施料のない独占的ライセンス"
    assert f"**{advice_title}**: ライセンス契約 {article}" in sheet, "the advice names document and article"
    assert not advice_in("licence_exclusive_no_minimum", _review(tmp_path, EXCLUSIVE_JA, {})), "a minimum is set"


def test_review_sheet_flags_term_and_grant_back(tmp_path: Path) -> None:
    sheet = _review(tmp_path, OPEN_EN, {"improvements": "grant_back_nonexclusive"})
    assert advice_in("licence_outlives_rights", sheet) and advice_in("licence_grant_back", sheet)
    assert not advice_in("licence_exclusive_no_minimum", sheet), "non-exclusive"
    # Know-how alone has a term in years by rule, and no patent for it to outlive.
    know_how = [{"kind": "know_how", "title": "process parameters"}]
    sheet = _review(tmp_path, OPEN_EN, {"rights": know_how, "term_years": 5})
    assert not advice_in("licence_outlives_rights", sheet)
    assert not advice_in("royalty_base_undefined", sheet), "the built-in definitions define Net Sales"


def test_in_a_three_party_deal_the_licence_binds_licensor_and_licensee_alone(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(EXCLUSIVE_JA.read_text(encoding="utf-8"))
    data["parties"].insert(0, {"key": "univ", "name": "国立大学法人北都大学", "kind": "university",
                               "address": "北海道札幌市北区北八条西五丁目", "representative": "学長 高橋 誠"})
    deal_file = tmp_path / "three.yaml"
    deal_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    deal = api.read_deal(deal_file)
    licence = api.build_document(deal, "licence")
    assert [s.designation for s in licence.closing.signatures] == ["甲", "乙"]
    text = api.render_document(deal, "licence", fmt="md").decode()
    assert "国立大学法人北都大学" not in text
    assert "ヒカリ材料株式会社（以下「甲」という。）及び株式会社金型テクノ（以下「乙」という。）" in text
    assert "甲は、乙に対し" in text, "the licensor, first of the two in the deal, is 甲"
    nda = api.build_document(deal, "nda")
    assert len(nda.closing.signatures) == 3, "the NDA still binds every party"


@pytest.mark.parametrize("side, rule, clause", [("kanagata", "licence_licensee_cap_paid", "licence.damages"),
                                                ("hikari", "licence_licensor_walk_away", "licence.term")])
def test_acting_for_a_side_lists_the_licence_terms_against_it(tmp_path: Path, side: str, rule: str,
                                                              clause: str) -> None:
    deal_file = tmp_path / "deal.yaml"
    deal_file.write_text(EXCLUSIVE_JA.read_text(encoding="utf-8").replace("version: 1\n", f"version: 1\nacting_for: {side}\n"),
                         encoding="utf-8")
    assert run("review", "--config", deal_file, "--out", tmp_path).exit_code == 0
    sheet = (tmp_path / "licence-exclusive-ja-review-ja.md").read_text(encoding="utf-8")
    tree = api.build_document(api.read_deal(deal_file), "licence")
    article = next(a.label for a in tree.articles if a.clause.id == clause)
    from oidocs.review.acting import rules

    words = rules()["rules"][rule]["ja"].split("。")[0][:20]
    assert re.search(rf"\*\*ライセンス契約 {article}\*\*: [^\n]*{re.escape(words)}", sheet), rule
    assert f"({rule})" not in sheet, "no rule codes in the sheet"
