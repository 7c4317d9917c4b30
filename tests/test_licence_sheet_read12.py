"""Twelfth reading (r2): the licensee's item on warranties said the licensor bears costs and damages 'up to
the consideration it has received', while the licence's infringement Article has a university licensor bear
none of them, and a company licensor bear half, up to twelve months' consideration. Each item now says what
its licence says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, deal_changed
from oidocs import api

KOBE = ROOT / "tests" / "fixtures" / "kobe-licence-en.yaml"  # company licensor (Coatix), licensee Rokko


def _sheet(deal: object, lang: str) -> str:
    return api.render_review(deal, lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_licensee_learns_what_a_company_or_a_university_licensor_bears(lang: str, tmp_path: Path) -> None:
    company = _sheet(deal_changed(KOBE, tmp_path, acting_for="rokko"), lang)
    assert ("対応費用と賠償額の2分の1まで（請求前12か月間に受領した対価の総額が限度）" if lang == "ja"
            else "the licensor bears only half of your costs and damages, up to the consideration it received in the twelve months") in company
    parties = api.read_deal(KOBE).model_dump(mode="json")["parties"]
    parties[1]["kind"] = "university"
    university = _sheet(deal_changed(KOBE, tmp_path, acting_for="rokko", parties=parties), lang)
    assert ("対応費用、損害賠償金及び和解金を一切負担せず" if lang == "ja"
            else "it bears none of your costs, damages or settlement amounts") in university
    assert ("2分の1まで" not in university) if lang == "ja" else ("half of your costs" not in university)
