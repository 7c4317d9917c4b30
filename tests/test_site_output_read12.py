"""Twelfth reading, a PoC on a customer's production line: nothing said who owns what the line makes while
the performer's devices are fitted to it, whether it may be shipped, who answers to the customer's buyers
for it, or that the visitors follow the plant's hygiene and contamination rules and take nothing away.
The PoC now has an Article on Output Made During the Verification whenever the work is done away from
the performer's premises; it survives the PoC for rights, the disclaimer and third-party claims.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed
from oidocs import api

FIX = ROOT / "tests" / "fixtures"
TITLE = {"ja": "検証中の生産品等", "en": "Output Made During the Verification"}
SURVIVAL = {"ja": "存続条項", "en": "Survival"}


def _poc(deal: object, lang: str) -> str:
    return api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_output_of_the_clients_line_is_the_clients_to_ship_and_answer_for(lang: str) -> None:
    text = _poc(api.read_deal(FIX / "kobe-licence-en.yaml"), lang)
    body = article_titled(text, TITLE[lang])
    if lang == "ja":
        assert "所有権その他の権利を取得しない" in body and "自己の品質基準に基づく検査を経て、自己の責任において決定する" in body
        assert "品質、性能又は安全性について保証しない" in body and "自己の責任と費用においてこれを処理する" in body
        assert "異物の混入及び汚染の防止" in body and "から持ち出さない" in body
    else:
        assert "shall acquire no ownership or other right" in body and "after inspecting it to its own quality standards" in body
        assert "shall give no warranty as to the quality, performance or safety" in body
        assert "prevention of foreign matter and contamination" in body and "without the prior written consent of" in body
    assert article_number(text, TITLE[lang]) in article_titled(text, SURVIVAL[lang])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_poc_at_the_performers_own_premises_has_no_such_article(lang: str, tmp_path) -> None:
    text = _poc(deal_changed(FIX / "kobe-licence-en.yaml", tmp_path, poc__site="performer"), lang)
    assert TITLE[lang] not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_at_a_third_partys_site_the_client_decides_with_the_host(lang: str) -> None:
    body = article_titled(_poc(api.read_deal(FIX / "sapporo-line-ja.yaml"), lang), TITLE[lang])
    assert ("設置先と協議の上" in body) if lang == "ja" else ("in consultation with the Host" in body)


def test_in_a_three_party_poc_every_visitor_is_bound_and_any_ones_breach_counts() -> None:
    body = article_titled(_poc(api.read_deal(FIX / "chubu-mikawa-three-ja.yaml"), "ja"), TITLE["ja"])
    head = body.split("は、", 1)[0]
    assert "及び" in head  # both other parties named
    assert "以外の当事者による" in body
