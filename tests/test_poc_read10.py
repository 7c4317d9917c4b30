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
