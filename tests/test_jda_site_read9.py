"""Ninth lawyer reading, deal J: the JDA had no Article on work at another party's premises.

Deal J (``zao-morimiya-sensing-ja``): 森宮重機 (甲, large company) gives the field of the study, its
assembly plant, where the university's (乙) researchers and students and the SME's (丙) people work and
the workers wear the SME's sensors. The PoC already had its Place of Work and Safety (poc.site); the JDA
had nothing on the host's rules, induction, students' insurance, equipment and restoration, access to
the host's systems, and its damages Article left injury and damage at the plant uncapped with no duty
to insure. ``jda.site`` names the host. Each test fails on the text before the fix.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed, run

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
SITE = {"ja": "施設における作業及び安全", "en": "Work and Safety at the Site"}
DAMAGES = {"ja": "損害賠償及び責任の制限", "en": "Damages and Limitation of Liability"}
SURVIVAL = {"ja": "存続条項", "en": "Survival"}


def flat(text: str) -> str:
    return " ".join(text.split())


def render(deal: object, lang: str) -> str:
    from oidocs import api

    return api.render_document(deal, "jda", lang=lang, fmt="md").decode("utf-8")


def deal_j(tmp_path: Path | None = None, **changes: object) -> object:
    return deal_changed(DEAL_J, tmp_path, **changes)


def test_the_host_gives_its_rules_safety_information_and_an_induction_and_answers_for_its_plant_and_workers() -> None:
    ja = flat(article_titled(render(deal_j(), "ja"), SITE["ja"]))
    assert "甲の施設（建物、生産ラインその他の設備を含む。）（以下「本施設」という。）において本共同研究開発の作業を行うもの（以下「立入者」という。）" in ja
    assert "甲があらかじめ書面により示した安全衛生、入退室、情報セキュリティその他の本施設の規則及び本施設における甲の安全に関する指示を遵守させ" in ja
    assert "本施設への最初の立入りの前に甲が行う安全教育を受けさせ" in ja
    assert "自己の役員及び従業員（本共同研究開発の試験に協力する者を含む。）の安全衛生について、自らの責任を負う" in ja
    assert "甲は、立入者に対し直接指揮命令を行わない" in ja
    en = flat(article_titled(render(deal_j(), "en"), SITE["en"]))
    assert "shall have them attend the safety induction that Party A gives before their first entry to the Site" in en
    assert "Party A remains responsible for the management of the buildings and equipment of the Site and for the safety " \
           "and health of its own officers and employees (including those who take part in the tests" in en


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_visitors_reach_the_hosts_systems_only_as_agreed_and_remove_their_equipment(lang: str) -> None:
    text = flat(article_titled(render(deal_j(), lang), SITE[lang]))
    if lang == "ja":
        assert "甲の情報システム、ネットワーク、生産設備及び工程には、甲と事前に書面により合意した範囲及び方法でのみアクセスし" in text
        assert "30日以内に当該機器を撤去し、本施設を原状（通常の使用による損耗及び書面により合意した変更を除く。）に回復する" in text
    else:
        assert "information systems, networks, production equipment and processes of Party A only to the extent and in the " \
               "manner agreed in writing in advance with Party A" in text
        assert "shall remove that equipment and restore the Site to its original condition" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sme_insures_its_liability_and_the_university_its_students(lang: str) -> None:
    text = flat(article_titled(render(deal_j(), lang), SITE[lang]))
    if lang == "ja":
        assert "甲以外の各当事者は、自己の立入者又は前項の機器が" in text
        assert "賠償責任保険（てん補限度額が1事故当たり金100,000,000円以上のもの。" in text
        assert "学生その他自己と雇用関係にない者を、その本施設への最初の立入りの前に、学生教育研究災害傷害保険及びその付帯賠償責任保険" in text
    else:
        assert "Each Party other than Party A shall, at its own cost, maintain liability insurance" in text
        assert "with a limit of not less than JPY 100,000,000 per occurrence" in text
        assert "covered by personal accident insurance for students in education and research and the liability insurance attached to it" in text


def test_a_host_university_receiving_companies_asks_no_students_insurance_and_the_amount_is_the_deals(tmp_path: Path) -> None:
    deal = deal_j(tmp_path, jda__site="univ", jda__insurance_amount=300_000_000)
    text = flat(article_titled(render(deal, "ja"), SITE["ja"]))
    assert "乙の施設" in text and "学生教育研究災害傷害保険" not in text
    assert "1事故当たり金300,000,000円以上" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_damages_article_caps_the_hosts_property_at_the_site_cap_and_keeps_injury_outside(lang: str) -> None:
    md = render(deal_j(), lang)
    text = flat(article_titled(md, DAMAGES[lang]))
    if lang == "ja":
        assert "本施設における有体物（本施設における甲の建物、設備その他の財産及び本試料等を含む。）の損壊により生じた損害" in text
        assert "逸失利益（本施設の設備の停止又は遅延による生産又は販売の減少に伴う逸失利益を含む。）" in text
        assert "人の生命又は身体の侵害" in text
    else:
        assert "(including the buildings, equipment and other property of Party A at the Site and the Materials there)" in text
        assert "lost profits (including profits lost through reduced production or sales caused by a stoppage" in text
    survival = flat(article_titled(md, SURVIVAL[lang]))
    assert article_number(md, SITE[lang]) in survival


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_site_work_the_jda_has_no_such_article_and_its_damages_are_unchanged(tmp_path: Path, lang: str) -> None:
    md = render(deal_j(tmp_path, jda__site=None), lang)
    assert SITE[lang] not in md
    damages = flat(article_titled(md, DAMAGES[lang]))
    assert "本施設" not in damages and "Site" not in damages
    assert ("有体物（本試料等を含む。）" if lang == "ja" else "(including the Materials).") in damages
    assert damages != flat(article_titled(render(deal_j(), lang), DAMAGES[lang]))  # only site work changes it


def test_an_unknown_host_is_an_error_at_its_line(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    text = DEAL_J.read_text(encoding="utf-8").replace("  site: morimiya\n", "  site: tohoku\n")
    deal.write_text(textwrap.dedent(text), encoding="utf-8")
    line = text.splitlines().index("  site: tohoku") + 1
    result = run("validate", deal)
    assert result.exit_code == 1
    assert f"{deal}:{line}:9: jda.site: unknown party key 'tohoku'; the parties are: morimiya, univ, zao" in result.stderr, result.stderr


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_host_may_turn_away_a_visitor_who_breaks_its_rules_and_keeps_its_claim_for_what_visitors_cause(lang: str) -> None:
    text = flat(article_titled(render(deal_j(), lang), SITE[lang]))
    if lang == "ja":
        assert "甲は、当該規則又は指示に違反した立入者に対し、本施設への立入りを拒み、又は退去を求めることができる。" in text
        assert "各当事者が自己の立入者又は機器（自己が提供した本試料等を含む。）に起因する損害について負う責任を妨げない" in text
    else:
        assert "Party A may refuse entry to the Site to, or require to leave it, any of the Site Personnel who breach" in text
        assert "This does not affect the liability of any Party for damage caused by its Site Personnel or by its equipment" in text


# --- the review sheet asks when the deal suggests site work but jda.site is not set ----------------

def sheet(deal: object, lang: str) -> str:
    from oidocs import api

    return api.render_review(deal, lang=lang).decode("utf-8")


NO_SITE_TITLE = {"ja": "共同研究開発の作業をする施設の条がない", "en": "No Article on work at a party's site in the JDA"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_asks_about_the_plant_when_the_poc_was_there_and_the_jda_has_no_site(lang: str, tmp_path: Path) -> None:
    text = sheet(deal_j(tmp_path, jda__site=None), lang)
    assert NO_SITE_TITLE[lang] in text
    assert ("技術検証は森宮重機株式会社の施設で行われており、共同研究開発の作業も森宮重機株式会社の施設で行われる可能性がある" if lang == "ja"
            else "The PoC was carried out at the premises of 森宮重機株式会社, so the joint research may also be done at the premises of 森宮重機株式会社") in flat(text)
    assert NO_SITE_TITLE[lang] not in sheet(deal_j(), lang)  # answered: jda.site is set


def test_without_a_poc_the_tasks_naming_the_field_raise_the_question(tmp_path: Path) -> None:
    text = flat(sheet(deal_j(tmp_path, jda__site=None, poc=None), "ja"))
    assert "森宮重機株式会社の分担に「評価フィールド」とあり" in text
