"""Twelfth reading (r2: an exclusive worldwide licence of a university's patent to a startup): the licensor
could abandon a licensed patent after mere consultation and assign it to anyone, the exclusivity (a
contractual one) not binding the acquirer. Now an exclusive licensee may take an assignment of a right the
licensor would abandon, and the licensor assigns or charges the rights only to one bound by the licence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed
from oidocs import api

KOBE = ROOT / "tests" / "fixtures" / "kobe-licence-en.yaml"  # a non-exclusive licence of a patent and know-how
TITLE = {"ja": "保証及びその限界", "en": "Warranties and Their Limits"}


def _warranties(deal: object, lang: str) -> str:
    text = api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")
    return " ".join(article_titled(text, TITLE[lang]).split())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusive_licensee_may_take_over_a_right_the_licensor_would_abandon(lang: str, tmp_path: Path) -> None:
    text = _warranties(deal_changed(KOBE, tmp_path, licence__exclusive=True), lang)
    if lang == "ja":
        assert "乙は、放棄に代えて、当該権利を甲に無償で譲渡する" in text
        assert "第2条に定める第三者への許諾及び自己の実施の制限並びに本条の定めに拘束されることを甲との間で書面により約させなければならない" in text
        assert "その独占性は、当該約定によってのみ取得者を拘束する" in text
    else:
        assert "Coatix shall instead assign that right to Rokko free of charge" in text
        assert "unless the assignee or the secured creditor first agrees in writing with Rokko to be bound" in text
        assert "but its exclusivity binds an acquirer only by that agreement" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_non_exclusive_licence_keeps_consultation_and_binds_the_acquirer_by_law(lang: str) -> None:
    text = _warranties(api.read_deal(KOBE), lang)
    assert ("放棄に代えて" not in text) if lang == "ja" else ("instead assign that right" not in text)
    assert ("特許法第99条" in text and "独占性" not in text) if lang == "ja" else \
        ("Article 99 of the Patent Act" in text and "exclusivity" not in text)
