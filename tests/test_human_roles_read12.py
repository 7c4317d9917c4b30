"""Twelfth reading of deal J: the plant owner's JDA task 「評価フィールドの提供及び作業者の協力の調整」 had
it recruit and schedule the very workers the human-data Article protects from their employer (voluntary,
no knowledge of who took part). The Article now leaves recruiting, explaining and scheduling to the
study's lead, limits the employer to informing, admitting and allowing time, lets it receive only the
times away from work (with the person's consent, for managing working time), and prevails over the
roles; the review sheet asks for roles that say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, advice_in, deal_changed
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
RECRUIT = {"ja": "研究対象者の募集、研究についての説明及び測定の日程の調整は乙に委ね",
           "en": "leave the recruitment of research subjects, the explanation of the research to them and the scheduling of their measurements to"}
TIMES = {"ja": "その者が参加のために業務を離れる時間を受領し、勤務時間の管理のためにのみ用いる場合を除く。",
         "en": "it may receive the times that person is away from work for that purpose and use them only to manage working time"}
PREVAILS = {"ja": "研究対象者の募集及び日程の調整について、本契約の他の規定（各当事者の役割分担に関する定めを含む。）に優先する。",
            "en": "and the recruitment and scheduling of research subjects, this Article prevails over the other provisions of this Agreement, including those on the Parties’ roles."}


def _jda(deal: object, lang: str) -> str:
    return api.render_document(deal, "jda", lang=lang, fmt="md").decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_lead_recruits_and_schedules_and_the_article_prevails_over_the_roles(lang: str) -> None:
    text = _jda(api.read_deal(J), lang)
    assert RECRUIT[lang] in text and TIMES[lang] in text and PREVAILS[lang] in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_a_study_at_an_employers_site_the_general_article_has_no_employer_rules(lang: str, tmp_path: Path) -> None:
    text = _jda(deal_changed(J, tmp_path, jda__site=None), lang)
    assert RECRUIT[lang] not in text and PREVAILS[lang] not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_asks_to_reword_a_role_that_has_the_employer_coordinate_its_workers(lang: str, tmp_path: Path) -> None:
    sheet = api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
    assert advice_in("human_data_roles", sheet)
    assert "評価フィールドの提供及び作業者の協力の調整" in sheet
    reworded = deal_changed(J, tmp_path, jda__roles={
        "morimiya": ["評価フィールドの提供", "実証試験の実施"],
        "univ": ["疲労推定アルゴリズムの研究", "研究対象者の募集及び日程の調整"],
        "zao": ["センサの小型化及び装着性の改良"]})
    assert not advice_in("human_data_roles", api.render_review(reworded, lang=lang).decode("utf-8"))
