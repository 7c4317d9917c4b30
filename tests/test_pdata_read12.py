"""Eleventh lawyer reading (two-company deal hamana-kestrel-en, three-party deal izumo-kagura-three-ja), PoC:

- report-two §4: the client's free, unlimited internal use of the Report was "to evaluate and decide on its
  own products", a design aid for a competing supplier; now only to evaluate the technology and products
  verified and decide whether to adopt or buy them, never to design a competing one (poc.report_rights).
- report-three PoC 4: the students of a university that is a PoC provider (not performer or client) were not
  its people for receiving information or for its sole results (poc.confidentiality, poc.ip_results).
- report-two #5, report-three PoC 6 and 9: joint results with a provider were shared "by contribution, equal
  until agreed", without the JDA's filing-cost, licensing and first-offer rules; a university assigned
  improvements free (poc.ip_results).
- report-two #1: the output of the performer's equipment installed at the client's site was the client's
  Measurement Data "whoever owns that equipment" (poc.definitions, poc.ip_results).

Each test fails before the change.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled

TWO = ROOT / "tests" / "deals_read11" / "hamana-kestrel-en.yaml"
THREE = ROOT / "tests" / "deals_read11" / "izumo-kagura-three-ja.yaml"
J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"


def _poc(path: object, lang: str) -> str:
    from oidocs import api

    return api.render_document(api.read_deal(path), "poc", lang=lang, fmt="md").decode("utf-8")


def _article(path: object, lang: str, title: str) -> str:
    return " ".join(article_titled(_poc(path, lang), title).split())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_use_is_for_the_verified_technology_not_a_competing_design(lang: str) -> None:
    body = _article(TWO, lang, {"ja": "本報告書の利用", "en": "Use of the Report"}[lang])
    if lang == "en":
        assert "to evaluate the technology and products that were the subject of the Verification and to decide whether to adopt them in its own products or to procure them" in body
        assert "does not include using them to design or develop, itself or through a third party, any technology or product that competes with the technology or products of Hamana" in body
        assert "to evaluate and decide on its own products" not in body
    else:
        assert "本検証の対象となった技術及び製品の評価並びにこれらを自己の製品に採用し、又は調達することに関する判断のために" in body
        assert "甲の技術又は製品と競合する技術又は製品を自ら又は第三者をして設計し、又は開発するための利用を含まない" in body


def test_report_use_names_the_provider_whose_devices_were_verified() -> None:
    body = _article(J, "ja", "本報告書の利用")
    assert "乙及び丙の技術又は製品と競合する技術又は製品" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_university_providers_students_may_receive_information(lang: str) -> None:
    body = _article(THREE, lang, {"ja": "秘密保持", "en": "Confidentiality"}[lang])
    if lang == "ja":
        assert "大学その他これに準ずる機関である当事者については、本条に定める義務と同等の義務を書面により課した上で本検証に参加させる学生その他の研究者を含む" in body
    else:
        assert "including, for a Party that is a university or similar institution, students and other researchers taking part in the Verification whom it has bound in writing" in body
