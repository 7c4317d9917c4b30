"""Review-sheet items that name what a term costs a given party, worded for a manager and a lawyer.

From the second lawyer reading (findings 4, 5, 12): a party paying more of the JDA's costs than
it owns of the results; a co-owner left without a licence of a background right that the pack
licenses exclusively to another party; the PoC performer's insurance duty as a cost to price in;
and, drafted for a university, the points its lawyer looks for. Each test reads the sheet back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, advice_in
from oidocs import api

REVIEW = ROOT / "tests" / "review_deals"
ASTER = REVIEW / "aster-univ-mizuho-en.yaml"   # JDA costs 50/10/40, shares 45/35/20, acting for the University
KOBA = REVIEW / "koba-daito-one-date-ja.yaml"  # SME performer at the large client's site, acting for the SME


def _sheet(path: Path, lang: str, tmp_path: Path, edit: Any = None) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if edit:
        edit(data)
    deal = tmp_path / path.name
    deal.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.render_review(api.read_deal(deal), lang=lang).decode("utf-8")


def _item(sheet: str, rule: str) -> str:
    """The advice item of ``rule``: its heading line and its body."""
    titles = yaml.safe_load((ROOT / "templates" / "advice.yaml").read_text(encoding="utf-8"))[rule]["title"]
    for title in titles.values():
        match = re.search(r"^\d+\. \*\*" + re.escape(title) + r"\*\*[^\n]*\n   [^\n]*", sheet, flags=re.M)
        if match:
            return match.group(0)
    raise AssertionError(f"no advice item {rule}")


def _unfavourable(sheet: str) -> str:
    start = sheet.index("に不利な条項\n" if "に不利な条項\n" in sheet else "## Terms unfavourable")
    return sheet[start:sheet.index("\n## ", start + 5)]


RAW_KEY = re.compile(r"\b(?:ip|jda|poc|licence|nda|mou)\.[a-z_]+")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_party_paying_more_of_the_costs_than_it_owns_is_named(lang: str, tmp_path: Path) -> None:
    sheet = _sheet(ASTER, lang, tmp_path)
    item = _item(sheet, "cost_above_ownership")
    assert "Mizuho Plastics Co., Ltd." in item
    assert ("40%を負担するが、共同成果の持分は20%である（全ての当事者が寄与した成果についての持分であり" if lang == "ja"
            else "pays 40 per cent of the shared costs but owns 20 per cent of the joint results (its share of results to which every party contributed") in item
    assert "Aster" not in item  # 50 for 45: within the margin
    assert ("共同研究開発契約 第5条" if lang == "ja" else "JDA Article 5") in item
    assert not RAW_KEY.search(item)
    even = _sheet(ASTER, lang, tmp_path, lambda d: d["jda"].update(cost_shares={"aster": 45, "univ": 35, "mizuho": 20}))
    assert not advice_in("cost_above_ownership", even)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_co_owner_left_out_of_an_exclusive_background_licence_is_named(lang: str, tmp_path: Path) -> None:
    sheet = _sheet(ASTER, lang, tmp_path)
    item = _item(sheet, "background_exclusive_elsewhere")
    assert "Mizuho Plastics Co., Ltd." in item and "Aster Biosensing K.K." in item and "Tohoku Northern University" in item
    assert "JP 7456789" not in item and "Enzyme electrode for lactate detection" in item
    assert ("非独占的な実施許諾" if lang == "ja" else "non-exclusive licence") in item
    assert not RAW_KEY.search(item)
    open_licence = _sheet(ASTER, lang, tmp_path, lambda d: d["licence"].update(exclusive=False, royalty={
        "upfront": 3000000, "rate_percent": 4, "report_months": 6}))
    assert not advice_in("background_exclusive_elsewhere", open_licence)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_performers_site_insurance_is_a_cost_to_price_into_the_fee(lang: str, tmp_path: Path) -> None:
    """a-ja: the SME performs at the large client's site and must insure for 100 million yen at its cost."""
    terms = _unfavourable(_sheet(KOBA, lang, tmp_path))
    assert ("100,000,000円" if lang == "ja" else "JPY 100,000,000") in terms
    assert ("保険料を検証料に織り込んでいるか" if lang == "ja" else "its premium is priced into the fee") in terms
    for_client = _unfavourable(_sheet(KOBA, lang, tmp_path, lambda d: d.update(acting_for="daito")))
    # The client is told the site limit the damages Article now sets (seventh reading, deal G), never to
    # price the performer's premium.
    assert ("保険料を検証料に織り込んでいるか" if lang == "ja" else "its premium is priced into the fee") not in for_client
    assert ("（100,000,000円）が上限" if lang == "ja" else "capped for each party at JPY 100,000,000") in for_client
    at_home = _unfavourable(_sheet(KOBA, lang, tmp_path, lambda d: d["poc"].update(site="performer")))
    assert "100,000,000" not in at_home


def test_the_options_table_names_the_insurance_amount(tmp_path: Path) -> None:
    sheet = _sheet(KOBA, "en", tmp_path)
    assert "| Minimum liability insurance for work at a site (JPY per occurrence) | 100,000,000 |" in sheet
    assert "insurance amount" not in sheet and "100000000" not in sheet


UNIVERSITY = {
    "ja": ("学生その他の雇用関係にない研究者", "が権利（共有持分を含む。）を有する成果に限られ", "ある国で出願しなくても持分は失わない"),
    "en": ("Students and other researchers who are not employees", "may publish only results it owns or co-owns",
           "If it does not file in a country it keeps its share"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_drafted_for_a_university_the_sheet_lists_what_its_lawyer_looks_for(lang: str, tmp_path: Path) -> None:
    """Students and other researchers, publication, non-practice, filing abroad: each cited, no raw keys."""
    terms = _unfavourable(_sheet(ASTER, lang, tmp_path))
    for words in UNIVERSITY[lang]:
        assert words in terms, words
    assert ("共同研究開発契約 第15条" if lang == "ja" else "JDA Article 15") in terms
    assert not RAW_KEY.search(terms), RAW_KEY.search(terms)
    # drafted for the university, the JDA already provides non-practice compensation (its default then)
    assert ("不実施補償の定めがない" not in terms) and "no non-practice compensation is set" not in terms
    for_aster = _unfavourable(_sheet(ASTER, lang, tmp_path, lambda d: d.update(acting_for="aster")))
    assert not any(words in for_aster for words in UNIVERSITY[lang])
