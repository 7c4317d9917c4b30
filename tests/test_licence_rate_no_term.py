"""A know-how rate where no Valid Claim covers the product, in a licence that runs until its last patent lapses.

The licence charges its patent rate country by country (a Valid Claim in the country of manufacture or sale)
and a lower rate on other Licensed Products. That lower rate matters during the licence, in countries the
patents never reached, whether or not the licence has a term in years; it used to be refused unless
``licence.term_years`` was given, so a licensor of a Japanese patent and know-how, licensing across Asia
until the patent lapses, could not charge for the know-how outside Japan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed
from oidocs import api

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
TITLES = {"ja": ("対価", "有効期間"), "en": ("Consideration", "Term")}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_know_how_rate_applies_where_no_valid_claim_covers_without_a_term_in_years(
        lang: str, tmp_path: Path) -> None:
    deal = deal_changed(G, tmp_path, licence__term_years=None)
    text = api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")
    consideration, term = (article_titled(text, title) for title in TITLES[lang])
    if lang == "ja":
        assert "その他の本製品及び本サービスについては、前項の料率に代えて2パーセントの料率によりランニングロイヤルティを算定する。" \
            in consideration
        assert "最後に消滅するものが消滅する日まで効力を有する" in term
    else:
        assert "For other Licensed Products and Licensed Services the Running Royalty shall be calculated at the " \
               "rate of 2 per cent." in consideration
        assert "remain in effect until the day on which the last of the patents and rights to obtain patents " \
               "among the Licensed Rights lapses" in term
