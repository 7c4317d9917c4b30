"""The seventh lawyers' reading, PoC findings (deal G: a university's PoC at a Singapore client's
customer's plant, then a licence; deal H: three parties, a startup's PoC for an SME, then a JDA).

#13: G PoC Art 19 ended the agreement "sixty (60) days have passed since April 1, 2028, the day on
which the Next Agreement is planned to take effect": a reader had to count the days and look up
another contract; the date itself is now written, the reason beside it. And G's review sheet listed "the PoC stand-still lasts until the next agreement is signed" among
the checks made, although G's PoC has no stand-still.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled, shipped_markdown
from oidocs import api

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"
WITH_STANDSTILL = ROOT / "tests" / "fixtures" / "startup-field-three-en.yaml"
STANDSTILL_LINE = {"en": "the PoC stand-still lasts until the next agreement is signed",
                   "ja": "技術検証のスタンドスティルが次の契約の締結まで続くこと"}


def _sheet(path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sheet_lists_the_stand_still_check_only_when_the_poc_has_one(lang: str) -> None:
    """G's PoC has no stand-still (no exclusive field, a non-exclusive licence): the list of checks made
    must not claim one was checked; a pack whose PoC carries one still lists it."""
    g = _sheet(G, lang)
    assert ("No contradiction found" in g) or ("矛盾は見つかりませんでした" in g)
    assert STANDSTILL_LINE[lang] not in g
    assert STANDSTILL_LINE[lang] in _sheet(WITH_STANDSTILL, lang)


@pytest.mark.parametrize(("lang", "title", "date", "planned"), [
    ("en", "Term", "May 31, 2028", "April 1, 2028"), ("ja", "有効期間", "2028年5月31日", "2028年4月1日")])
def test_the_poc_long_stop_is_a_date_with_its_reason(lang: str, title: str, date: str, planned: str) -> None:
    """G PoC Art 19 names May 31, 2028 (60 days after the licence's planned April 1, 2028), not a count of days."""
    term = article_titled(shipped_markdown(G, "poc", lang), title)
    said = {"en": f"or on {date} (the day on which sixty (60) days have passed since {planned}, the day on which the "
                  "Next Agreement is planned to take effect), whichever is later",
            "ja": f"又は{date}（次段階契約が効力を生じる予定の日である{planned}から60日を経過した日）のいずれか遅い日に終了する"}
    assert said[lang] in " ".join(term.split()), term
