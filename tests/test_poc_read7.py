"""The seventh lawyers' reading, PoC findings (deal G: a university's PoC at a Singapore client's
customer's plant, then a licence; deal H: three parties, a startup's PoC for an SME, then a JDA).

#13: G's review sheet listed "the PoC stand-still lasts until the next agreement is signed" among
the checks made, although G's PoC has no stand-still.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
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
