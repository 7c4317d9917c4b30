"""What the second reviewing reading of two packs outside the examples found (review helper, issue 20).

(c) a startup (acting_for) licensing its background technology to a listed manufacturer, a paid PoC at
the manufacturer's plant, a JDA, a licence and a court in Nagoya (Japanese); (d) a Japanese SME
(acting_for), a Singapore startup and a Japanese large company, a PoC at a customer's power plant,
joint filing with free licensing, electronic signing (English). Each test fails on the text before
its fix; the documents are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEALS = ROOT / "tests" / "review_deals"
MIRAI = DEALS / "mirai-toyohashi-bg-ja.yaml"      # the startup performs the PoC at the client's plant
SAKAI = DEALS / "sakai-veltra-kanto-en.yaml"      # the SME performs the PoC at a customer's plant
SAPPORO = ROOT / "tests" / "fixtures" / "sapporo-line-ja.yaml"   # no side taken, third-party site


def _damages(deal: Path, lang: str) -> str:
    return article_titled(shipped_markdown(deal, "poc", lang), "損害賠償" if lang == "ja" else "Damages")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal", [MIRAI, SAKAI], ids=["client-site", "third-party-site"])
def test_performer_at_a_plant_is_not_liable_for_lost_production_without_limit(deal: Path, lang: str) -> None:
    """Acting for the performer working at another's plant: lost profits and consequential loss (a
    stopped line) are excluded, and damage to property and site claims are limited to the greater of
    the fee and the insurance the performer must carry; injury stays unlimited."""
    text = _damages(deal, lang)
    if lang == "ja":
        assert "逸失利益（生産設備その他の設備の停止により生じた損害を含む。）を賠償する責任を負わない" in text
        assert "のいずれか多い額を上限とする" in text and "金100,000,000円（第10条に定める賠償責任保険" in text
        assert "人の生命又は身体の侵害により生じた損害に係る責任" in text
        assert "人の生命若しくは身体の侵害又は有体物の損壊により生じた損害に係る責任" not in text
    else:
        assert "lost profits (including loss caused by the stoppage of a production line or other facility)" in text
        assert "shall be limited to the greater of the amount of the Fee and JPY 100,000,000" in text
        assert "liability for damage caused by death or bodily injury;" in text
        assert "death or bodily injury or by damage to tangible property" not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_poc_drafted_for_no_side_keeps_property_damage_outside_the_cap(lang: str) -> None:
    """A balanced draft keeps property damage and site claims outside the Fee cap (lawyer-reading-2 §3),
    limited to the insurance figure since the seventh reading (deal G: a performer at another's plant is no
    longer uncapped); injury stays unlimited, and the exclusion of lost profits spares the site claims."""
    text = _damages(SAPPORO, lang)
    assert ("人の生命又は身体の侵害により生じた損害に係る責任" if lang == "ja" else "death or bodily injury;") in text
    assert ("金200,000,000円（第10条に定める賠償責任保険の1事故当たりのてん補限度額の下限）のいずれか多い額を上限とする"
            if lang == "ja" else "the greater of the amount of the Fee and JPY 200,000,000") in text
    assert ("第三者から受けた請求（前項の定めるところによる。）に係る責任については、この限りでない" if lang == "ja"
            else "or for claims made by the Host or any other third party in connection with work at the Site") in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_performers_sheet_names_the_site_limit_and_the_insurance_to_price_in(lang: str) -> None:
    from oidocs import api

    sheet = api.render_review(api.read_deal(SAKAI), lang=lang).decode()
    assert ("（100,000,000円）まで負い" if lang == "ja" else "(JPY 100,000,000)") in sheet
    assert ("保険料を検証料に織り込んでいるか" if lang == "ja" else "its premium is priced into the fee") in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_foreign_party_brings_export_control_and_enforcement_advice(lang: str) -> None:
    """Coating technology going to a Singapore company: the sheet asks for an export-control
    classification and an export-control article, and where a Japanese judgment can be enforced;
    a deal between Japanese companies gets no such item."""
    from oidocs import api

    sheet = api.render_review(api.read_deal(SAKAI), lang=lang).decode()
    assert ("外国為替及び外国貿易法" if lang == "ja" else "Foreign Exchange and Foreign Trade Act") in sheet
    assert "Veltra Surface Technologies Pte. Ltd." in sheet.split("外国為替" if lang == "ja" else "Foreign Exchange")[0]
    domestic = api.render_review(api.read_deal(MIRAI), lang=lang).decode()
    assert ("外国為替及び外国貿易法" if lang == "ja" else "Foreign Exchange and Foreign Trade Act") not in domestic


def test_an_address_ending_in_a_postal_code_is_still_abroad() -> None:
    """"…, Singapore 138632" names Singapore: its signatory signs without a seal mark on paper."""
    from oidocs.deal.localize import foreign_address

    assert foreign_address("1 Fusionopolis Way, #20-10 Connexis, Singapore 138632")
    assert not foreign_address("2-5-8 Mikunigaoka, Sakai-ku, Sakai, Osaka, Japan 590-0028")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_priced_commercial_licence_is_not_called_free(lang: str) -> None:
    """The startup chose a free licence for the research only and priced the commercial licence
    (JDA royalty article): the sheet must not say that its technology is licensed free."""
    from oidocs import api

    sheet = api.render_review(api.read_deal(MIRAI), lang=lang).decode()
    assert ("スタートアップの技術が無償で許諾されている" if lang == "ja" else "A startup's technology is licensed free") not in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_options_table_gives_shares_by_contribution_when_the_deal_sets_none(lang: str) -> None:
    """Joint filing without `shares`: the documents share each right by contribution (equal only
    until agreed), so the options table must not claim fixed equal shares (34/33/33)."""
    from oidocs import api

    row = next(line for line in api.render_review(api.read_deal(SAKAI), lang=lang).decode().splitlines()
               if line.startswith("| 共有持分 |" if lang == "ja" else "| Co-ownership shares |"))
    assert ("貢献度に応じて" if lang == "ja" else "by contribution") in row
    assert "34" not in row and "33" not in row
