"""The licence agreement after the sixth lawyer reading (read6): deals C, D and F read back.

C1: the SME licensee of deal C co-owns PoC results with the licensor; the PoC agreement lets it practise
them free, so the licence no longer licenses them (no royalty, no stop at the end) nor bars filing what the
PoC lets it file. D1: drafted for the University licensor, the licence no longer caps its own royalty on
products that also bear the JDA's; the sheet says the licensee will ask and what a fair credit is. F3: the
startup's JDA income share needs the licence's consideration allocated to the rights that are JDA results.
Each test reads the generated document back and fails on the text before this round.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from oidocs import api
from oidocs.deal.royalties import royalty_cap, stacked_royalty
from test_licence_read3 import article, deal

C_FILES = (ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml",
           ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml")
D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"
F = ROOT / "tests" / "review_deals" / "fukuoka-univ-three-ja.yaml"
LANGS = ("ja", "en")


def _sheet(path: Path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


# --- C1: co-owned PoC results stay under the PoC agreement --------------------------------------------

@pytest.mark.parametrize("path", C_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_co_owned_poc_results_the_licensee_may_practise_free_bear_no_royalty_and_survive(path: Path, lang: str) -> None:
    d = deal(path)
    definitions, grant = article(d, lang, "licence.definitions"), article(d, lang, "licence.grant")
    prohibited = article(d, lang, "licence.prohibited")
    if lang == "ja":
        assert "PoC成果に係る乙の権利（他の者と共有する権利については、その持分。" not in definitions
        assert "PoC成果に係る権利のうち本PoC契約に基づき乙が単独で有するもの" in definitions
        assert "甲が本PoC契約に基づき対価を支払うことなく実施することができないものに限り" in definitions
        assert "甲が本PoC契約に基づき対価を支払うことなく実施することができるものは、本許諾権利に含まれない。" in grant
        assert "本契約に基づく対価を要せず、本契約が終了しても、その実施を妨げられず" in grant
        assert "本PoC契約に基づき単独で又は他の者と共同して出願することができる発明についての出願を除く。" in prohibited
    else:
        assert "the rights of Party B in the PoC Results (for rights held jointly" not in definitions
        assert "the rights in the PoC Results that belong to Party B alone under the PoC Agreement" in definitions
        assert "but only those that the PoC Agreement does not allow Party A to practise free of charge" in definitions
        assert "Party A may practise free of charge under the PoC Agreement are not Licensed Rights" in grant
        assert "owes no consideration under this Agreement for that practice, may continue it after this Agreement ends" in grant
        assert "except an application that Party A may file alone or jointly with others under the PoC Agreement" in prohibited


# --- D1: the stack cap leans with acting_for ------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_drafted_for_the_licensor_the_licence_does_not_cap_its_royalty_and_the_sheet_says_why(lang: str) -> None:
    univ = deal(D)
    text = article(univ, lang, "licence.jda_background")
    assert ("1.75パーセント" not in text and "を上限とし" not in text) if lang == "ja" else (
        "shall not exceed 1.75" not in text and "together do not exceed" not in text)
    sheet = _sheet(D, lang)
    if lang == "ja":
        assert "上限を求めてくると見込まれる" in sheet and "合計4.25パーセント" in sheet
    else:
        assert "Expect Helix Gait Analytics, Inc. to ask for a cap on the two together" in sheet
        assert "a fair credit is the higher rate plus half the lower (4.25% in all" in sheet
        assert "rate falling to 1.75% on such products" in sheet
    # balanced: today's rule (4.25 in all); drafted for the licensee: the higher rate only
    balanced, helix = deal(D, top={"acting_for": None}), deal(D, top={"acting_for": "helix"})
    assert royalty_cap(univ) is None and stacked_royalty(univ) is not None
    assert royalty_cap(balanced) is not None and royalty_cap(balanced).combined == 4.25  # type: ignore[union-attr]
    assert royalty_cap(helix) is not None and royalty_cap(helix).combined == 3.0  # type: ignore[union-attr]
    capped = article(balanced, lang, "licence.jda_background")
    assert ("1.75パーセントを上限とし" in capped) if lang == "ja" else ("shall not exceed 1.75 per cent" in capped)


# --- F3: the startup's income share can be computed ----------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_licence_allocates_its_consideration_to_the_jda_results_for_the_contributors_share(lang: str) -> None:
    text = article(deal(F), lang, "licence.jda_background")
    if lang == "ja":
        assert "株式会社キュービットセンシングの求めがあるときは、乙に当該確認を求め、確認した書面の写しを株式会社キュービットセンシングに交付する" in text
        assert "当該成果に当たる本許諾権利の各々とその他の本許諾権利とに、それぞれの価値に応じて合理的に配分し" in text
    else:
        assert "give 株式会社キュービットセンシング a copy of it" in text
        assert "between each of the Licensed Rights that are such results and the other Licensed Rights" in text
    # drafted for the university, the JDA pays no income share: nothing to allocate
    univ = article(deal(F, top={"acting_for": "univ"}), lang, "licence.jda_background")
    assert ("配分し" not in univ) if lang == "ja" else ("allocate the consideration" not in univ)


@pytest.mark.parametrize("lang", LANGS)
def test_the_licensors_sheet_says_which_poc_results_are_licensed(lang: str, tmp_path: Path) -> None:
    """Drafted for the startup licensor, the sheet said all its PoC results (co-owned shares included) were
    licensed; it now says co-owned results the licensee may practise free stay under the PoC agreement."""
    path = tmp_path / "deal.yaml"
    path.write_text(C_FILES[1].read_text(encoding="utf-8").replace("acting_for: suruga", "acting_for: vision"), encoding="utf-8")
    sheet = _sheet(path, lang)
    assert ("実施権者が無償で実施できる共有の成果は、技術検証契約の定めに委ねられ、実施料の対象とならず" in sheet) if lang == "ja" else (
        "Co-owned results the licensee may practise free stay under the PoC agreement, bear no royalty" in sheet)


@pytest.mark.parametrize("lang", LANGS)
def test_the_licensee_may_keep_and_use_the_records_of_co_owned_poc_results_despite_confidentiality(lang: str) -> None:
    """The records came as Technical Materials (the licensor's confidential information, for the Purpose
    only, returned at the end): practising co-owned PoC results needs them after the licence too."""
    d = deal(C_FILES[1])
    tree = api.build_document(d, "licence", lang)
    labels = {a.clause.id: a.label for a in tree.articles}
    grant = article(d, lang, "licence.grant")
    conf, after = (labels["licence.confidentiality"], labels["licence.after_termination"])
    assert (f"{conf}及び{after}の規定にかかわらず、その実施に必要な範囲で本技術資料のうち当該成果の記録を保持し" in grant) if lang == "ja" \
        else (f"notwithstanding {conf} and {after}, may keep and use the records of those results" in grant)


@pytest.mark.parametrize("lang", LANGS)
def test_the_register_dates_the_licensors_allocation_for_the_income_sharer(lang: str) -> None:
    """The startup's share needs the allocation the licence now requires by the first payment: its
    deadline register lists it with the upfront fee (2028-12-31); drafted for the university, no share."""
    def csv(top: dict[str, object] | None = None) -> str:
        files = api.render_calendar(deal(F, top=top), lang=lang)
        return next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8")
    rows = [r for r in csv().splitlines() if ("対価の配分" in r if lang == "ja" else "Allocation of the consideration" in r)]
    assert len(rows) == 1 and rows[0].startswith("2028-12-31,"), rows
    assert "対価の配分" not in csv({"acting_for": "univ"}) and "Allocation of the consideration" not in csv({"acting_for": "univ"})
