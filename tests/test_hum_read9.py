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
    company = deal_changed(DEAL_J, tmp_path, poc__performer="zao", poc__client="morimiya", poc__providers=None)
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


# --- #1 and #2: the human-data Article for a study at an employer's site ------------------------

HUMAN = {"ja": "人を対象とする研究及び個人情報の取扱い", "en": "Research Involving Human Subjects and Personal Information"}
EMPLOYER_SITE = {
    "ja": ["乙は、{work}において、人を対象とする研究", "研究計画について自己の倫理審査委員会",
           "甲及び丙は、自己の規程又は適用される法令若しくは指針により自ら審査を受けることが求められる場合を除き、当該研究への参加について当該承認に依拠することができ",
           "研究対象者に対する説明及び研究対象者からの同意の取得は、乙が行う。",
           "研究への参加が任意であり、参加しないこと又は同意を撤回することによって不利益な取扱いを受けないこと",
           "研究対象者の個人情報（研究対象者と符号とを対応させる表その他の特定の個人を識別するための情報を含む。）は、乙が管理する。",
           "個人情報の保護に関する法律第27条第5項第1号に定める委託を乙から受けた者として",
           "乙は、研究対象者を役員又は従業員とする当事者に、当該研究対象者の個人情報の取扱いを委託しない。",
           "研究に参加しなかったこと、同意を撤回したこと又は研究において取得された情報の内容を理由として、その者を解雇し、その他不利益に取り扱わない。",
           "仮名化された情報を勤務の記録その他の情報と照合する等の方法により研究対象者を識別しようとしない。",
           "人事評価、懲戒、配置、賃金その他の雇用に関する判断に用いない。",
           "研究対象者を雇用する者（当事者であるか否かを問わない。）に対し、特定の個人を識別することができる研究対象者ごとの情報を提供せず",
           "本条の規定は、個人に関する情報の取扱い並びに研究対象者の募集及び日程の調整について、本契約の他の規定"],
    "en": ["Where Party B carries out research involving human subjects in the {work}",
           "obtain for its research plan the approval of its ethics committee",
           "any other Party taking part in that research may rely on that approval and need not obtain a further review",
           "Party B shall explain the research to the research subjects and obtain their consent.",
           "that taking part is voluntary and that declining to take part or withdrawing consent will not lead to any disadvantage",
           "Party B shall control the personal information of the research subjects",
           "as a person entrusted by Party B within the meaning of Article 27(5)(i) of the Act on the Protection of Personal Information",
           "Party B shall not entrust the handling of any research subject’s personal information to a Party of which that research subject is an officer or employee.",
           "not dismiss or otherwise treat that person less favourably because that person did not take part in the research or withdrew consent",
           "such as by matching pseudonymised information with working-time records or other information",
           "for personnel evaluation, discipline, assignment, pay or any other decision on employment",
           "No Party shall provide to any employer of research subjects (whether or not a Party) any information on individual research subjects from which a specific individual can be identified",
           "As regards the handling of information about individuals and the recruitment and scheduling of research subjects, this Article prevails over the other provisions of this Agreement"],
}
WORK = {("jda", "ja"): "本共同研究開発", ("poc", "ja"): "本検証", ("jda", "en"): "Joint Research and Development", ("poc", "en"): "Verification"}
GENERAL = {"ja": "各当事者は、{work}において、人を対象とする研究", "en": "Where a Party carries out research involving human subjects in the {work}"}


def human_article(deal: object, doc: str, lang: str) -> str:
    return flat(article_titled(render(deal, doc, lang), HUMAN[lang]))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_jda_studies_the_employers_workers_under_one_review_one_consent_and_safeguards(lang: str, tmp_path: Path) -> None:
    """Deal J's JDA (human data; work at the large company's plant, jda.site): the general Article had each party get its own
    ethics approval, whoever collected obtain consent and any party receive pseudonymised data, with nothing on
    the workers' employer. Now the university runs the study under one review the others rely on, explains and
    obtains consent, controls the data and the key to the codes, the others handle it on its entrustment or get
    pseudonymised data, and the employer neither gets identifiable data nor uses the data on its workers."""
    from oidocs import api

    article = human_article(api.read_deal(DEAL_J), "jda", lang)
    for want in EMPLOYER_SITE[lang]:
        assert want.format(work=WORK[("jda", lang)]) in article, want
    assert GENERAL[lang].format(work=WORK[("jda", lang)]) not in article
    # a JDA whose parties each work at their own premises (no jda.site): the general Article stays
    article = human_article(deal_changed(DEAL_J, tmp_path, jda__site=None), "jda", lang)
    assert GENERAL[lang].format(work=WORK[("jda", lang)]) in article
    assert ("人事評価" not in article) if lang == "ja" else ("personnel evaluation" not in article)
    # the JDA's work at the university's site: the university employs the people measured there, so it is
    # never made the lead holding their data; the Article stays general
    deal = deal_changed(DEAL_J, tmp_path, jda__site="univ")
    assert GENERAL[lang].format(work=WORK[("jda", lang)]) in human_article(deal, "jda", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_poc_measuring_the_clients_workers_protects_them(lang: str, tmp_path: Path) -> None:
    """Deal J's PoC with poc.human_data (the sheet's question answered yes): the same safeguards, run by the
    performer, and the Article prevails over the clause that gives the client the data measured at its Site."""
    article = human_article(deal_changed(DEAL_J, tmp_path, poc__human_data=True), "poc", lang)
    for want in EMPLOYER_SITE[lang]:
        assert want.format(work=WORK[("poc", lang)]) in article, want
    article = human_article(deal_changed(DEAL_J, tmp_path, poc__human_data=True, poc__site="performer"), "poc", lang)
    assert GENERAL[lang].format(work=WORK[("poc", lang)]) in article

