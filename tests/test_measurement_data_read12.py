"""Twelfth reading (deal r1, and the eleventh's two-company deal): the Measurement Data definition still
counted 'the output of the equipment installed at the Site' as the client's 'whoever owns that equipment',
while the results Article made the performer's installed equipment's output its own Results: two Articles
gave the same data to two owners. The definition now leaves out what a party other than the client installs,
pointing to the results Article.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number
from oidocs import api

KOBE = ROOT / "tests" / "fixtures" / "kobe-licence-en.yaml"  # PoC at the client's plant, two parties


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_measurement_data_leave_the_performers_installed_equipment_to_the_results_article(lang: str) -> None:
    text = api.render_document(api.read_deal(KOBE), "poc", lang=lang, fmt="md").decode("utf-8")
    results = article_number(text, "本成果の帰属" if lang == "ja" else "Ownership of the Results")
    if lang == "ja":
        assert f"相手方が本施設に設置した機器の出力（その帰属は{results}の定めによる。）を除く。" in text
        assert "本施設に設置された機器の出力を含む" not in text
    else:
        assert f"excluding the output of equipment that the other Party installs at the Site for the Verification, whose ownership {results} governs" in text
        assert "including the output of the equipment installed" not in text
