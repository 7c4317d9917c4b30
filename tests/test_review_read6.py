"""The sixth lawyers' reading: sheet lines that said less, or other, than the documents.

C3: the host's item said it held nothing of the PoC's results, though PoC Art 14 gives it what
its own people make. C4: the options table gave the MOU "6 months" while the MOU runs to a date.
C5: the client's fee item said the fee fell due on acceptance (it is 30 days after the invoice).
F5: "no royalty is set" beside the pack's own licence at 3 %. E7: the NDA ended two months before
the JDA it leads to, and only the check said so. Read4 item 3: a host drafted as a third party was
flagged on the sheet with its deal-file key, and nothing was printed on the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, run, shipped_markdown
from oidocs import api

HOSTED = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"
C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
E = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"
F = ROOT / "tests" / "review_deals" / "fukuoka-univ-three-ja.yaml"


def _sheet(path: Path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


def _item(sheet: str, title: str) -> str:
    """The advice item headed ``title`` with its text (the line after the heading)."""
    lines = sheet.splitlines()
    at = next(i for i, line in enumerate(lines) if f"**{title}**" in line)
    return lines[at] + "\n" + lines[at + 1]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_hosts_item_says_what_the_poc_gives_the_host(lang: str) -> None:
    """PoC Art 14 gives the host what its own people make alone and a share of what they make with others."""
    poc = shipped_markdown(HOSTED, "poc", lang)
    sheet = _sheet(HOSTED, lang)
    if lang == "ja":
        assert "丙の役員又は従業員のみにより創出された本成果に係る知的財産権は丙に帰属し" in poc
        item = _item(sheet, "作業場所を提供する当事者は自らの者が創出した技術検証の成果にだけ権利を持つ")
        assert "東海オートモーティブ株式会社の者だけで創出した成果は東海オートモーティブ株式会社に帰属" in item
        assert "創出への貢献に応じた持分" in item and "（35 : 50）" in item
        assert "は技術検証の成果には持分を持たない" not in sheet
    else:
        assert "Notwithstanding the preceding paragraphs (except as they provide for Background Improvements), however" in poc
        item = _item(sheet, "The party hosting the PoC holds only the PoC results its own people help create")
        assert "Results made by the people of 東海オートモーティブ株式会社 alone, however, belong to" in item
        assert "in shares by contribution" in item
        assert "holds no share in the PoC's results" not in sheet
    assert "共有の持分を持つ当事者が技術検証の成果には持分を持たない" not in _sheet(HOSTED, "ja")


def test_a_party_with_no_role_and_no_site_still_takes_nothing() -> None:
    """Deal C as first read (site at a third party's): the non-host outsider's item is unchanged."""
    assert "**共有の持分を持つ当事者が技術検証の成果には持分を持たない**" in _sheet(C, "ja")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_options_table_gives_the_term_the_mou_states(lang: str) -> None:
    """The MOU runs to 2028-08-30 (60 days past the licence); the table said 6 months."""
    mou = shipped_markdown(HOSTED, "mou", lang)
    sheet = _sheet(HOSTED, lang)
    if lang == "ja":
        assert "令和10年8月30日" in mou
        assert "| 基本合意書の有効期間（月） | 6（後の契約の予定日に合わせて2028-08-30まで延長） | 指定 |" in sheet
    else:
        assert "August 30, 2028" in mou
        assert "| MOU term (months) | 6 (extended to 2028-08-30 to reach a later agreement) | set |" in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_clients_fee_item_says_when_the_fee_falls_due(lang: str) -> None:
    """PoC Art 6: invoiced after acceptance, paid within 30 days of receiving the invoice."""
    fee = article_titled(shipped_markdown(HOSTED, "poc", lang), "委託料" if lang == "ja" else "Fee")
    sheet = _sheet(HOSTED, lang)
    if lang == "ja":
        assert "請求書を受領した日から30日以内" in fee
        assert "その受領から30日以内に支払う" in sheet and "により支払期限が到来し" not in sheet
    else:
        assert "thirty (30) days" in fee
        assert "falls due 30 days after the invoice is received" in sheet
        assert "The fee falls due on acceptance of the Report" not in sheet


def test_the_sme_fee_item_gives_both_limits() -> None:
    """A large client paying an SME: 30 days from the invoice, and in any case 60 days from the Report."""
    sheet = _sheet(E, "en")
    assert "falls due 30 days after the invoice is received, but in any case must be paid in full within 60 days" in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_royalty_item_sees_the_packs_licence(lang: str) -> None:
    """F: the JDA prices nothing, but the pack's licence (licence Art 7) sets 3 %."""
    sheet = _sheet(F, lang)
    if lang == "ja":
        assert "実施料が定められておらず" not in sheet
        item = _item(sheet, "共同研究開発契約は実施料を定めていないが、本書類一式のライセンス契約がその対価を定めている")
        assert "ランニング・ロイヤルティ3％" in item and "ライセンス契約 第7条" in item
    else:
        assert "No royalty is set, so the document only gives an undertaking to negotiate" not in sheet
        item = _item(sheet, "The JDA sets no royalty, but the licence agreement in this pack sets the price")
        assert "a running royalty of 3 per cent" in item


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_nda_runs_until_the_jda_it_leads_to_takes_effect(lang: str) -> None:
    """E: NDA from 2027-01-12 for 12 months, JDA from 2028-03-10: the NDA now states that day."""
    term = article_titled(shipped_markdown(E, "nda", lang), "有効期間" if lang == "ja" else "Term")
    if lang == "ja":
        assert "同日から2028年3月10日（甲及び乙の間で検討されている共同研究開発契約の効力発生予定日）まで" in term
    else:
        assert ("from that date until March 10, 2028, the day on which the agreement on joint research and "
                "development under consideration between the Parties is planned to take effect") in term
    assert not [p for p in api.check_pack(api.read_deal(E), source_file=str(E)) if "NDA" in p.message]
    row = "| 秘密保持契約の有効期間（月） | 12（後の契約の予定日に合わせて2028-03-10まで延長） |" if lang == "ja" else \
        "| NDA term (months) | 12 (extended to 2028-03-10 to reach a later agreement) |"
    assert row in _sheet(E, lang)
    csv = next(v for k, v in api.render_calendar(api.read_deal(E)).items() if k.endswith(".csv")).decode("utf-8")
    assert "2028-03-10,Non-Disclosure Agreement,Article 13,Non-Disclosure Agreement: end of the term" in csv


def test_an_nda_whose_months_reach_the_later_agreements_is_unchanged() -> None:
    """Deal C's NDA (18 months) is not extended: its term still counts months."""
    term = article_titled(shipped_markdown(HOSTED, "nda", "ja"), "有効期間")
    assert "18か月間" in term and "効力発生予定日" not in term


def test_a_host_drafted_as_a_third_party_is_printed_by_validate_with_its_name() -> None:
    """Read4 item 3: the warning reaches standard error, and neither it nor the sheet names the key."""
    result = run("validate", C)
    assert "names the premises of 東海オートモーティブ株式会社" in result.stderr
    assert "set the place of work to 東海オートモーティブ株式会社" in result.stderr
    for lang in ("ja", "en"):
        sheet = _sheet(C, lang)
        assert "（tokai）" not in sheet and "(tokai)" not in sheet and "キー（" not in sheet
    assert "取引条件の作業場所を東海オートモーティブ株式会社とすると" in _sheet(C, "ja")
    assert "names the premises" not in run("validate", HOSTED).stderr


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_licence_priced_in_dollars_under_a_poc_without_a_jda_is_described_as_it_is(lang: str) -> None:
    """Seventh reading, deal G (a university licensing a Singapore company, PoC then licence, no JDA):
    the sheet said "The JDA sets no royalty" in a pack with no JDA, and priced the licence's USD 25,000
    upfront fee and USD 10,000 minimum in yen. The undertaking to negotiate is the PoC agreement's, and
    the figures are in the licence's own currency."""
    from oidocs import api

    deal = api.read_deal(ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml")
    assert deal.jda is None and deal.licence is not None and deal.licence.royalty.currency == "USD"
    sheet = api.render_review(deal, lang=lang).decode("utf-8")
    if lang == "ja":
        assert "技術検証（PoC）契約は実施料を定めていないが" in sheet and "共同研究開発契約は実施料を定めていない" not in sheet
        assert "契約一時金25,000米ドル、年10,000米ドルの最低実施料" in sheet and "25,000円" not in sheet
    else:
        assert "The PoC agreement sets no royalty, but" in sheet and "The JDA sets no royalty" not in sheet
        assert "an upfront fee of USD 25,000 and a minimum of USD 10,000 a year" in sheet and "JPY 25,000" not in sheet
