"""Findings of the ninth lawyer reading on people measured in a PoC and a JDA at an employer's site.

Deal J (``zao-morimiya-sensing-ja``): the university 乙 runs a PoC at the large company 甲's plant
(``poc.site: client``) in which consenting workers wear the SME 丙's heart-rate and movement sensors and
report their fatigue; ``jda.human_data: true``. Each test fails on the text before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
SITE = {"ja": "作業場所及び安全", "en": "Place of Work and Safety"}


def render(deal: object, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


# --- #3: the performer's people are not the plant's workers -------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_performers_people_include_its_students_and_are_not_called_workers(lang: str, tmp_path: Path) -> None:
    """Deal J: Article 10(1) defined 「作業者」 as 乙's officers and employees only, though a university's
    students work on the PoC, while the Schedule (the deal's own scope) calls the plant's workers measured
    作業者. The performer's people are now 「従事者」 / the "Personnel", a university performer's bound students
    and researchers included, and the defined term for them never meets the subjects' word."""
    from oidocs import api

    text = render(api.read_deal(DEAL_J), "poc", lang)
    site = flat(article_titled(text, SITE[lang]))
    if lang == "ja":
        assert ("乙又はその再委託先の役員又は従業員（乙については、本検証に参加させる学生その他の研究者であって、"
                "乙が本契約に基づき自己が負う義務と同等の義務を書面により課したものを含む。）（以下「従事者」という。）") in site
        assert "「作業者」" not in text and "従事者の本施設への立入り" in site
        assert "学生教育研究災害傷害保険" in site
    else:
        assert ("Officers or employees of Party B or of its subcontractors (including, for Party B, the students and other "
                "researchers taking part in the Verification on whom it has imposed in writing obligations equivalent to its "
                "own under this Agreement) (the “Personnel”)") in site
        assert "Workers" not in text and "the access of the Personnel to the Site" in site
        assert "accident insurance for injury suffered during work at the Site" in site
    # a company performer's people are its officers and employees, as before
    company = deal_changed(DEAL_J, tmp_path, poc__performer="zao", poc__client="morimiya")
    site = flat(article_titled(render(company, "poc", lang), SITE[lang]))
    assert ("学生その他の研究者" not in site) if lang == "ja" else ("students" not in site)


# --- #1: the review sheet asks about people measured in the PoC --------------------------------

def sheet(deal: object, lang: str) -> str:
    from oidocs import api

    return api.render_review(deal, lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_asks_about_workers_wearing_sensors_in_the_poc(lang: str) -> None:
    """Deal J: the PoC's scope and method (workers wearing heart-rate and movement sensors, reporting their
    fatigue) matched none of the words that show people in the PoC, so the sheet never asked for
    poc.human_data although the JDA handles human data."""
    from oidocs import api
    from conftest import advice_in

    text = sheet(api.read_deal(DEAL_J), lang)
    assert advice_in("poc_human_data", text)
    assert ("人を対象とする試験（「作業者」）" if lang == "ja" else 'tests on people ("作業者")') in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_asks_about_a_poc_at_the_clients_site_under_a_jda_with_human_data(lang: str, tmp_path: Path) -> None:
    """Without any such word, a PoC done at the client's (or a third party's) site under a JDA that handles
    human data is asked about too: the people who work there may be the ones measured. At the performer's own
    site, and once the deal says whether the PoC involves people, nothing is asked."""
    from conftest import advice_in

    neutral = {"poc__scope": ["組立ラインでのセンサの動作確認"], "poc__success_criteria": ["データ欠損率5%以下"],
               "poc__method": "4週間の連続記録による方法"}
    text = sheet(deal_changed(DEAL_J, tmp_path, **neutral), lang)
    assert advice_in("poc_human_data", text)
    assert ("技術検証は森宮重機株式会社の施設で行われるため、そこで働く人が測定の対象となるおそれがありますが" if lang == "ja"
            else "the PoC is carried out at 森宮重機株式会社's site, where the people who work there may be the ones measured") in text
    third = sheet(deal_changed(DEAL_J, tmp_path, poc__site="third_party", **neutral), lang)
    assert "第三者の施設で行われる" in third if lang == "ja" else "carried out at a third party's site" in third
    assert not advice_in("poc_human_data", sheet(deal_changed(DEAL_J, tmp_path, poc__site="performer", **neutral), lang))
    assert not advice_in("poc_human_data", sheet(deal_changed(DEAL_J, tmp_path, poc__human_data=True), lang))
