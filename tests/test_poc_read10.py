"""Findings of the tenth lawyer reading on people measured in a PoC (``poc.human_data: true``) at the
client's or a third party's site, and on the JDA's human-data Article.

Deal J (``zao-morimiya-sensing-ja``): the university 乙 measures 甲's workers at 甲's plant with 丙's
sensors. Each test fails on the text before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
SURVIVAL = {"ja": "存続条項", "en": "Survival"}


def render(deal: object, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


def j2(tmp_path: Path) -> object:
    """Deal J as the lawyers read it (pack J2): the PoC, too, measures people."""
    return deal_changed(DEAL_J, tmp_path, poc__human_data=True)


def flat(text: str) -> str:
    return " ".join(text.split())


# --- #3: the employee safeguards outlive the deletion of the data -------------------------------

@pytest.mark.parametrize("doc", ["poc", "jda"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_employee_safeguards_survive_without_limit(doc: str, lang: str, tmp_path: Path) -> None:
    """Deal J read 10: PoC Art 22 and JDA Art 27(3) kept the human-data Article alive only until the data
    were returned or deleted, so the bar on using the study for evaluations or re-identifying workers lapsed
    with deletion. The employer's duties now survive without limit of time."""
    surv = flat(article_titled(render(j2(tmp_path), doc, lang), SURVIVAL[lang]))
    if lang == "ja":
        assert "研究対象者である役員又は従業員を保護するためにその者を役員又は従業員とする当事者が従う事項" in surv
        assert "期間の定めなく" in surv
    else:
        assert "to protect research subjects who are its officers or employees" in surv
        assert "without limit of time" in surv


def test_no_unlimited_survival_without_employees_measured(tmp_path: Path) -> None:
    """A PoC at the performer's own site has no employer duties, so nothing survives without limit."""
    deal = deal_changed(DEAL_J, tmp_path, poc__human_data=True, poc__site="performer")
    surv = flat(article_titled(render(deal, "poc", "en"), SURVIVAL["en"]))
    assert "without limit of time" not in surv


# --- #1: the people measured are not the client's measurement data -------------------------------

MATERIALS = {"ja": "提供資料", "en": "Client Materials"}
PROVIDER = {"ja": "提供機器等", "en": "Provider Items"}
CONFIDENTIALITY = {"ja": "秘密保持", "en": "Confidentiality"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_data_about_people_measured_are_the_leads_research_data(lang: str, tmp_path: Path) -> None:
    """Deal J read 10: PoC Art 9(4) made everything measured at the client's plant the client's
    measurement data, confidential to it and returnable on its demand, and Art 10(5) sent the workers'
    heart rate and movement there, so the employer owned its own workers' biometric data. Data about the
    people measured are now Subject Data managed by the performer under the human-data Article; the
    employer gets statistics or pseudonymised results only, the provider pseudonymised device data."""
    text = render(j2(tmp_path), "poc", lang)
    mats, prov = flat(article_titled(text, MATERIALS[lang])), flat(article_titled(text, PROVIDER[lang]))
    conf = flat(article_titled(text, CONFIDENTIALITY[lang]))
    if lang == "ja":
        assert "（以下「研究対象者データ」という。）は、測定データ及び本成果のいずれにも含まれず、乙が、研究対象者の同意の範囲内で" in mats
        assert "研究対象者を雇用する当事者が受領することができるのは、統計的に処理され、又は仮名化された結果" in mats
        assert "提供機器等を貸与した当事者が受領することができるのは、研究対象者の同意の範囲内で仮名化された" in mats
        assert "（測定データを含み、研究対象者データを除く。）の複製一部" in mats
        assert "その値であって研究対象者を記述するものは、第9条に定める研究対象者データとする。" in prov
        assert "研究対象者データは、他の当事者が提供を受けたものを含め、乙の秘密情報とし、その返還及び削除については" in conf
    else:
        assert "(the “Subject Data”) are neither Measurement Data nor Results; Party B shall manage them" in mats
        assert "a Party that employs research subjects may receive only results that have been statistically processed or pseudonymised" in mats
        assert "(the Measurement Data included, but not the Subject Data)" in mats
        assert "the values in them that describe research subjects are Subject Data as defined in Article 9" in prov
        assert "Subject Data, including those provided to the other Parties, are Party B’s Confidential Information" in conf


def test_no_subject_data_where_the_poc_measures_no_people(tmp_path: Path) -> None:
    """Without poc.human_data the materials Article keeps its form: no Subject Data."""
    from oidocs import api

    assert "研究対象者データ" not in render(api.read_deal(DEAL_J), "poc", "ja")
