"""The licence agreement after the seventh lawyer reading (read7), deal G read back.

G: a Japanese university licenses a Singapore company under a Japanese patent and a PCT application in
Singapore, Malaysia, Indonesia and Thailand. #3: the full patent rate was due everywhere as long as the
Japanese patent lived, and the licensor was bound only at the JPO; the rate now turns on a Valid Claim
country by country, the licensor enters the national phase in the Territory or gives 90 days' notice, and
the review sheet and the register say so. Each test reads the generated document back and fails on the
text before this round.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import ROOT, advice_in, article_number, article_titled, deal_changed
from oidocs import api

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
LANGS = ("ja", "en")
TITLES = {"ja": {"consideration": "対価", "definitions": "定義", "prosecution": "出願中の権利の手続"},
          "en": {"consideration": "Consideration", "definitions": "Definitions",
                 "prosecution": "Prosecution of Pending Applications"}}


def _licence(deal: object, lang: str) -> str:
    return api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")  # type: ignore[arg-type]


def _sheet(deal: object, lang: str) -> str:
    return api.render_review(deal, lang=lang).decode("utf-8")  # type: ignore[arg-type]


# --- #3: the patent rate country by country -----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_patent_rate_is_due_only_where_a_valid_claim_covers_the_product(lang: str) -> None:
    text = _licence(api.read_deal(G), lang)
    consideration = article_titled(text, TITLES[lang]["consideration"])
    definitions = article_titled(text, TITLES[lang]["definitions"])
    if lang == "ja":
        assert "全部が" not in consideration  # no longer "when all of the patents have lapsed"
        assert "当該国の有効クレームの範囲に属するものに限り適用する" in consideration
        assert "その他の本製品及び本サービスについては、前項の料率に代えて2パーセントの料率" in consideration
        assert "料率は国ごとに定まる" in consideration
        assert "「有効クレーム」とは、いずれかの国における本許諾権利に含まれる特許権" in definitions
        assert "国際出願日）から5年を経過した後" in definitions
    else:
        assert "all of the patents" not in consideration
        assert "falls within a Valid Claim in that country" in consideration
        assert "For other Licensed Products and Licensed Services the Running Royalty shall be calculated at the rate of " \
            "2 per cent" \
            in consideration
        assert "The rate is thus determined country by country" in consideration
        assert "“Valid Claim” means a claim, in any country, of a patent among the Licensed Rights" in definitions
        assert "not a Valid Claim after five (5) years have passed from the filing date" in definitions


@pytest.mark.parametrize("lang", LANGS)
def test_a_licence_of_patents_alone_charges_nothing_outside_a_valid_claim(lang: str, tmp_path: Path) -> None:
    d = deal_changed(G, tmp_path, licence__rights=[{"kind": "patent", "title": "Sensor", "number": "JP 7456789 B2"}],
                     licence__royalty__rate_after_patents_percent=None, licence__term_years=None)
    consideration = article_titled(_licence(d, lang), TITLES[lang]["consideration"])
    if lang == "ja":
        assert "その他の本製品及び本サービスについては、ランニングロイヤルティを要しない。" in consideration
    else:
        assert "No Running Royalty shall be payable for other Licensed Products and Licensed Services." in consideration


@pytest.mark.parametrize("lang", LANGS)
def test_the_licensor_enters_the_national_phase_in_the_territory_or_gives_notice(lang: str) -> None:
    text = _licence(api.read_deal(G), lang)
    prosecution = article_titled(text, TITLES[lang]["prosecution"])
    consideration = article_number(text, TITLES[lang]["consideration"])
    if lang == "ja":
        assert "本地域に含まれる各国において" in prosecution and "国際出願の国内段階又は広域段階への移行" in prosecution
        assert "その期限の90日前までに乙に書面により通知する" in prosecution
        assert "乙は、自らの費用で、甲の名義により、当該国においてその出願をすることができ" in prosecution
        assert "甲に帰属し、本許諾権利に含まれるもの" in prosecution
        assert f"{consideration}に定めるその他の本製品の料率を適用する" in prosecution
        assert "特許庁又は外国の特許庁" in prosecution
    else:
        assert "in each country of the Territory (or before a regional patent office covering it)" in prosecution
        assert "at least ninety (90) days before the deadline" in prosecution
        assert "Merlion may make the filing in that country itself, in the name of the University and at its own cost" \
            in prosecution
        assert "belong to the University and are part of the Licensed Rights" in prosecution
        assert f"bear the rate for other Licensed Products under {consideration}" in prosecution
        assert "Japan Patent Office or a foreign patent office" in prosecution


@pytest.mark.parametrize("lang", LANGS)
def test_a_japanese_application_licensed_in_japan_needs_no_national_phase(lang: str, tmp_path: Path) -> None:
    d = deal_changed(G, tmp_path, licence__territory="Japan", licence__rights=[
        {"kind": "application", "title": "Drift compensation", "number": "JP 2027-123456"},
        {"kind": "software", "title": "Firmware"}])
    prosecution = article_titled(_licence(d, lang), TITLES[lang]["prosecution"])
    assert ("90日前" not in prosecution) if lang == "ja" else ("ninety (90) days" not in prosecution)
    assert "外国の特許庁" not in prosecution and "foreign patent office" not in prosecution
    assert not advice_in("licence_territory_patents", _sheet(d, lang))
    assert not advice_in("licence_territory_patents_filing", _sheet(d, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheet_asks_where_the_patents_are_when_the_territory_reaches_beyond_japan(lang: str) -> None:
    sheet = _sheet(api.read_deal(G), lang)
    assert advice_in("licence_territory_patents_filing", sheet)
    assert "JP 7456789 B2" in sheet and ("本地域（Singapore" in sheet if lang == "ja" else
                                         "The Territory (Singapore, Malaysia, Indonesia and Thailand)" in sheet)


def test_the_registers_national_phase_row_names_the_licensors_notice() -> None:
    files = api.render_calendar(api.read_deal(G))
    data = next(v for k, v in files.items() if k.endswith(".csv"))
    rows = [r for r in csv.reader(io.StringIO(data.decode("utf-8-sig"))) if any("PCT/JP2027/004321" in c for c in r)]
    assert len(rows) == 1 and "Article 13" in rows[0]
    assert "90 days before the deadline" in rows[0][-1] and "at its own cost" in rows[0][-1]


# --- #14: survival named article by article, each with its period ------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_nda_names_what_survives_and_lets_the_reply_duty_end(lang: str) -> None:
    text = api.render_document(api.read_deal(G), "nda", lang=lang, fmt="md").decode("utf-8")
    term = article_titled(text, "有効期間" if lang == "ja" else "Term")
    next_steps = article_number(text, "技術検証又は実施許諾への移行" if lang == "ja" else "Transition to Technical Verification or Licensing")
    if lang == "ja":
        assert "本契約の規定は、本契約の終了後36か月間" not in term
        assert f"その他の規定（{next_steps}の規定を含む。）は、本契約の終了によりその効力を失う" in term
        assert "第12条の規定：本契約の有効期間中に開示された秘密情報に関し、本契約の終了後36か月間" in term
        assert "：前各号の規定が効力を有する間" in term
    else:
        assert "the provisions of this Agreement shall remain in force" not in term
        assert f"every other provision (including {next_steps}) shall cease to have effect on the termination" in term
        assert "Article 12: as regards Confidential Information disclosed during the term of this Agreement, " \
               "for thirty-six (36) months after the termination" in term
        assert ": for as long as any of the provisions listed in the preceding items remains in force." in term
    items = [line for line in term.splitlines() if line.lstrip().startswith("- ")]
    assert items and not any(next_steps in line for line in items)  # the reply duty is in no survival item


@pytest.mark.parametrize("lang", LANGS)
def test_no_licence_duty_survives_without_limit_of_time(lang: str) -> None:
    text = _licence(api.read_deal(G), lang)
    survival = article_titled(text, "存続条項" if lang == "ja" else "Survival")
    audit = article_number(text, "帳簿の検査" if lang == "ja" else "Books and Audit")
    grant = article_number(text, "実施許諾" if lang == "ja" else "Grant of Licence")
    unlimited = [line for line in survival.splitlines() if ("期間の定めなく" if lang == "ja" else "without limit of time") in line]
    assert len(unlimited) == 1 and grant in unlimited[0] and audit not in unlimited[0]  # only customers' use after the end
    if lang == "ja":
        assert f"{audit}の規定：最後の報告対象期間について同条に定める帳簿その他の記録の保存期間が経過するまで" in survival
        assert "：当該対価の報告及び支払が完了するまで" in survival
        assert "最後のものを引き渡した日から10年を経過するまで" in survival
    else:
        assert f"{audit}: until the period for which the books and other records must be kept under it has passed" in survival
        assert ": until that consideration has been reported and paid in full;" in survival
        assert "until ten (10) years have passed after the last of those Licensed Products was delivered" in survival


# --- #15: drafting ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_english_grant_says_sell_where_the_japanese_says_joto(lang: str) -> None:
    grant = article_titled(_licence(api.read_deal(G), lang), "実施許諾" if lang == "ja" else "Grant of Licence")
    if lang == "ja":
        assert "譲渡し、貸し渡し、輸入し、輸出し" in grant
    else:
        assert "to make, use, sell, lease, import, export and offer to sell or lease" in grant
        assert "assign" not in grant and "Licensed Products sold or leased by Merlion" in grant


@pytest.mark.parametrize("doc", ["nda", "poc", "licence"])
def test_every_party_in_an_english_preamble_has_its_principal_office(doc: str) -> None:
    text = api.render_document(api.read_deal(G), doc, lang="en", fmt="md").decode("utf-8")
    preamble = text.split("\n## ", 1)[0]
    assert "registered address" not in preamble
    assert "Tohoku Kita National University, having its principal office at 2-1-1 Katahira" in preamble
    assert "Merlion Water Analytics Pte. Ltd., having its principal office at 71 Ayer Rajah Crescent" in preamble


@pytest.mark.parametrize("lang", LANGS)
def test_the_royalty_base_covers_services_provided_with_the_licensed_rights(lang: str) -> None:
    text = _licence(api.read_deal(G), lang)
    definitions = article_titled(text, TITLES[lang]["definitions"])
    consideration = article_titled(text, TITLES[lang]["consideration"])
    if lang == "ja":
        assert "「本サービス」とは、本許諾権利を実施し、又は本製品を使用して第三者に提供される役務" in definitions
        assert "第三者に販売し、若しくは提供した本製品又は第三者に提供した本サービスの請求額の総額" in definitions
        assert "正味販売高に4パーセントを乗じた額" in consideration
    else:
        assert "“Licensed Services” means services within the Field that are provided to third parties by practising" \
            in definitions
        assert "for Licensed Products sold or supplied, and Licensed Services provided, to third parties" in definitions
        assert "4 per cent of the Net Sales (the “Running Royalty”)" in consideration
