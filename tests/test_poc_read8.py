"""The eighth lawyers' reading, PoC findings (deal I: Rakuyo, a Kyoto startup, verifies its tactile skin on
two of Brandt's gripper units at its own lab, drafted for Rakuyo; deal G: a university's PoC at the plant of
Merlion's customer, drafted for the client Merlion).

#12 (PoC half): Art 17(2)(d) left "damage to tangible property" uncapped, and at Rakuyo's lab the tests
themselves damage Brandt's gripper units and the food items ("less than 1% of items damaged" is a success
criterion). What the Schedule's tests use up or damage when carried out as planned is no damage the
performer answers for; other damage to property stays as it was.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number, article_titled, shipped_markdown
from oidocs import api

I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
DAMAGES = {"en": "Damages", "ja": "損害賠償"}
CARE = {"en": "Standard of Care", "ja": "善管注意義務等"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sheet(path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Notwithstanding the preceding paragraphs, the consumption, wear, damage or destruction of the Client Materials "
           "and any other items used in the tests that results from carrying out the tests as set out in the Schedule "
           "(including destruction in destructive tests and the using up of test items and samples) is not damage for "
           "which Rakuyo is liable, whether or not the success criteria are met, unless it is caused by the wilful "
           "misconduct or gross negligence of Rakuyo."),
    ("ja", "前各項の規定にかかわらず、別紙に定めるとおりに試験を実施したことにより生じた提供資料その他試験に用いた物の消費、摩耗、"
           "損傷又は滅失（破壊試験による滅失及び試験品又は試料の費消を含む。）は、成功基準を満たしたか否かにかかわらず、甲が賠償する"
           "責任を負う損害に当たらない。ただし、甲の故意又は重大な過失によるものについては、この限りでない。")])
def test_items_the_tests_use_up_or_damage_are_not_damage_the_performer_answers_for(lang: str, said: str) -> None:
    """I PoC Art 17: the gripper units and food items worn or broken by the grasp tests are not uncapped property damage;
    damage to property otherwise stays outside the cap."""
    text = _flat(article_titled(shipped_markdown(I, "poc", lang), DAMAGES[lang]))
    assert said in text, text
    assert ("or by damage to tangible property" in text) or ("又は有体物の損壊により生じた損害に係る責任" in text)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "is not damage for which the University is liable, whether or not the success criteria are met, unless the "
           "University failed to carry out those tests with the care required by {care}."),
    ("ja", "甲が賠償する責任を負う損害に当たらない。ただし、甲が{care}に定める注意をもって当該試験を実施しなかったときは、この限りでない。")])
def test_drafted_for_the_client_the_test_wear_rule_needs_the_performers_due_care(lang: str, said: str) -> None:
    """G (for the client, at a third party's plant): the same rule, lost where the university did not test with due care."""
    poc = shipped_markdown(G, "poc", lang)
    care = article_number(poc, CARE[lang])
    assert said.format(care=care) in _flat(article_titled(poc, DAMAGES[lang]))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "are not damage Tohoku Kita National University answers for"), ("ja", "試験で失われてもよい物とその数量")])
def test_the_clients_sheet_says_what_the_tests_may_use_up(lang: str, said: str) -> None:
    """The client's sheet tells it to name in the Schedule what may be lost in the tests; the performer's does not."""
    assert said in _flat(_sheet(G, lang))
    assert "may be lost in the tests" not in _sheet(I, "en")
