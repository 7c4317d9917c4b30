"""Suits on patent rights go to the Tokyo or Osaka District Court (Code of Civil Procedure art. 6).

A court clause naming another district court keeps it for every other dispute and sends patent
suits (royalty claims under a licence included) to the court the law assigns by the chosen
court's region; common abbreviations (東京地裁, 福岡地裁) name the same courts. Every document
shares the clause, the licence included; the review sheet names the right fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled
from oidocs import api

HAKATA = ROOT / "examples" / "hakata-sensor-ja.yaml"   # court: 福岡地方裁判所, NDA + PoC
LICENCE = ROOT / "tests" / "fixtures" / "licence-open-en.yaml"


def _deal(tmp_path: Path, source: Path, court: str) -> Path:
    text = source.read_text(encoding="utf-8")
    import re

    text = re.sub(r"^court: .*$", f"court: {court}", text, flags=re.M)
    out = tmp_path / source.name
    out.write_text(text, encoding="utf-8")
    return out


def _court_article(path: Path, doc: str, lang: str) -> str:
    md = api.render_document(api.read_deal(path), doc, lang=lang, fmt="md").decode("utf-8")
    return article_titled(md, "準拠法及び管轄裁判所" if lang == "ja" else "Governing Law and Jurisdiction")


@pytest.mark.parametrize("doc", ["nda", "poc"])
def test_fukuoka_keeps_its_court_and_sends_patent_suits_to_osaka(doc: str) -> None:
    ja = _court_article(HAKATA, doc, "ja")
    en = _court_article(HAKATA, doc, "en")
    assert "福岡地方裁判所を第一審の専属的合意管轄裁判所とする。ただし、民事訴訟法第6条第1項に規定する特許権等に関する訴え" in ja
    assert "実施又は利用の許諾に基づく対価の支払を求める訴えを含む。）については、大阪地方裁判所を第一審" in ja
    assert "exclusive jurisdiction of the Fukuoka District Court as the court of first instance. However," in en
    assert "Article 6, paragraph 1 of the Code of Civil Procedure" in en
    assert "consideration for a licence of any of those rights) shall be submitted to the exclusive jurisdiction of the Osaka District Court" in en


@pytest.mark.parametrize("court, patent", [("札幌地方裁判所", "the Tokyo District Court"), ("函館地裁", "the Tokyo District Court"),
                                           ("名古屋地裁", "the Tokyo District Court"), ("広島地裁", "the Osaka District Court"),
                                           ("Sendai District Court", "the Tokyo District Court")])
def test_licence_under_a_regional_court_sends_royalty_and_patent_suits_to_the_art6_court(tmp_path: Path, court: str,
                                                                                          patent: str) -> None:
    en = _court_article(_deal(tmp_path, LICENCE, court), "licence", "en")
    assert f"shall be submitted to the exclusive jurisdiction of {patent} as the court of first instance." in en
    assert en.count("exclusive jurisdiction") == 2


@pytest.mark.parametrize("court", ["東京地裁", "大阪地裁", "東京地方裁判所", "Osaka District Court", "the Tokyo District Court"])
def test_tokyo_and_osaka_in_any_spelling_need_no_split(tmp_path: Path, court: str) -> None:
    path = _deal(tmp_path, HAKATA, court)
    ja = _court_article(path, "poc", "ja")
    en = _court_article(path, "poc", "en")
    assert "ただし" not in ja and "However" not in en
    assert ("東京地方裁判所を第一審" in ja) or ("大阪地方裁判所を第一審" in ja)  # the abbreviation in its full name
    assert "地裁" not in ja


def test_review_names_the_split_and_the_one_court_fix(tmp_path: Path) -> None:
    ja = api.render_review(api.read_deal(_deal(tmp_path, HAKATA, "福岡地裁"))).decode()
    assert "特許権等に関する訴え（実施許諾の対価を求める訴えを含む。）を福岡地方裁判所の所在地について同条が定める大阪地方裁判所に" in ja
    assert "大阪地方裁判所を管轄裁判所に指定する" in ja
    en = api.render_review(api.read_deal(_deal(tmp_path, HAKATA, "福岡地裁")), lang="en").decode()
    assert "keeps the Fukuoka District Court for every other dispute" in en and "name the Osaka District Court" in en


def test_review_of_an_unplaceable_court_says_how_to_fix_it(tmp_path: Path) -> None:
    ja = api.render_review(api.read_deal(_deal(tmp_path, HAKATA, "博多簡易裁判所"))).decode()
    assert "管轄条項は特許に関する訴えを振り分けていない" in ja and "西日本であれば大阪地方裁判所" in ja


def test_every_known_district_court_has_its_patent_court() -> None:
    """Each district court in templates/courts.yaml is placed in a circuit (the prefecture table)."""
    import yaml

    from oidocs.deal.localize import patent_court

    courts = yaml.safe_load((ROOT / "templates" / "courts.yaml").read_text(encoding="utf-8"))
    for entry in courts:
        if entry["ja"].endswith("地方裁判所") and entry["ja"] not in ("東京地方裁判所", "大阪地方裁判所"):
            assert patent_court(entry["ja"], "ja") in ("東京地方裁判所", "大阪地方裁判所"), entry["ja"]
