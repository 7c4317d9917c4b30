"""Findings of the tenth lawyer reading on people measured in a PoC (``poc.human_data: true``) at the
client's or a third party's site, and on the JDA's human-data Article.

Deal J (``zao-morimiya-sensing-ja``): the university 乙 measures 甲's workers at 甲's plant with 丙's
sensors. Each test fails on the text before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
SURVIVAL = {"ja": "存続条項", "en": "Survival"}
HUMAN = {"ja": "人を対象とする研究及び個人情報の取扱い", "en": "Research Involving Human Subjects and Personal Information"}


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


# --- #2: the PoC waits for the ethics approval and the head of institution's permission ---------

HUMAN = {"ja": "人を対象とする研究及び個人情報の取扱い", "en": "Research Involving Human Subjects and Personal Information"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_starts_only_after_approval_and_permission_with_a_long_stop(lang: str, tmp_path: Path) -> None:
    """Deal J read 10: PoC Art 14(1) needed only the committee's approval before the research, ten days
    after signing, with no head-of-institution permission, no condition on the start and no long stop.
    The Verification now starts only after the approval and the permission are notified, the period moves
    with a late notice, and any party may terminate without liability 60 days after the planned start."""
    art = flat(article_titled(render(j2(tmp_path), "poc", lang), HUMAN[lang]))
    if lang == "ja":
        assert "の承認及び当該研究の実施についての自己の研究機関の長の許可を得て" in art
        assert "本検証は、乙が当該通知をした日以後に限り開始するものとし" in art
        assert "検証期間は、当該通知の日の翌日から開始し、その終期は、開始が遅れた日数だけ繰り下げられる" in art
        assert ("令和9年7月1日から60日を経過する日までに当該通知がされないときは、いずれかの当事者は、他の当事者に書面により"
                "通知して本契約を解除することができ、いずれの当事者も、当該解除について他の当事者に対し責任を負わない。") in art
    else:
        assert "and the permission of the head of its institution to carry out that research" in art
        assert "The Verification shall start only on or after the day on which Party B gives that notice" in art
        assert "the Verification Period shall start on the day after the notice" in art
        assert ("If the notice has not been given by the day on which sixty (60) days have passed from July 1, 2027, any Party "
                "may terminate this Agreement by written notice to the other Parties, and no Party shall be liable") in art


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_research_on_people_starts_only_after_approval_and_permission(lang: str) -> None:
    """Deal J read 10: the JDA's human-data Article (Art 21) now also requires the head of institution's
    permission, and research on people starts only after both are notified."""
    from oidocs import api

    art = flat(article_titled(render(api.read_deal(DEAL_J), "jda", lang), HUMAN[lang]))
    if lang == "ja":
        assert "自己の研究機関の長の許可を得て" in art
        assert "本共同研究開発のうち人を対象とする研究は、乙が当該通知をした日以後に限り開始する。" in art
        assert "60日" not in art
    else:
        assert "the permission of the head of its institution" in art
        assert "Research involving human subjects in the Joint Research and Development shall start only on or after the day on which Party B gives that notice." in art


@pytest.mark.parametrize(("lang", "row"), [
    ("ja", "2027-08-30,技術検証（PoC）契約書,{human},人を対象とする研究の承認及び研究機関の長の許可の通知の最終期限"),
    ("en", "2027-08-30,Technical Verification (Proof of Concept) Agreement,{human},\"Long stop for notice of the ethics approval")])
def test_the_register_dates_the_ethics_long_stop(tmp_path: Path, lang: str, row: str) -> None:
    """The long stop is a register row: 60 days from the planned start of 2027-07-01."""
    from conftest import run

    deal = tmp_path / "j2.yaml"
    deal.write_text(DEAL_J.read_text(encoding="utf-8").replace("  site: client\n", "  site: client\n  human_data: true\n", 1),
                    encoding="utf-8")
    out = tmp_path / lang
    run("pack", "--config", str(deal), "--out", str(out), "--format", "md", "--lang", lang)
    csv = next(out.glob("*deadlines.csv")).read_text(encoding="utf-8-sig")
    human = article_number(render(deal_changed(deal), "poc", lang), HUMAN[lang])
    assert row.format(human=human) in csv


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_clients_own_use_of_the_report_stays_within_the_consent(lang: str, tmp_path: Path) -> None:
    """PoC Art 17(3) let the employer use 'the data delivered with' the report without time limit; what
    derives from Subject Data is now usable only as the materials and human-data Articles permit, and the
    Subject Data part of the materials Article survives with them."""
    text = render(j2(tmp_path), "poc", lang)
    rights = flat(article_titled(text, {"ja": "本報告書の利用", "en": "Use of the Report"}[lang]))
    surv = flat(article_titled(text, SURVIVAL[lang]))
    if lang == "ja":
        materials, human = (article_number(text, t) for t in ("提供資料", HUMAN["ja"]))
        assert f"研究対象者データに由来する情報は、{materials}及び{human}が認める範囲及び目的においてのみ利用することができ" in rights
        assert "測定データ、研究対象者データ、乙の技術の信号及び記録" in surv
    else:
        assert "Information derived from Subject Data contained in or delivered with the Report may be used only" in rights
        assert "the Measurement Data, the Subject Data, the signals and records" in surv
