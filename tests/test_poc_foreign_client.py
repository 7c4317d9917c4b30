"""A PoC for a client abroad (seventh reading, deal G: a Japanese university verifies a sensor at a
Singapore plant for a Singapore company): the fee in the client's currency, tax and withholding
stated as a lawyer on either side expects, and liability fitted to work at another's plant."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, article_titled, deal_changed, run

from oidocs import api

DEAL_G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"


def _poc(deal: object, lang: str) -> str:
    return api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8")


def _sheet(deal: object, lang: str = "en") -> str:
    return api.render_review(deal, lang=lang).decode("utf-8")


def test_a_client_abroad_is_billed_in_its_own_currency() -> None:
    """Deal G bills Merlion USD 60,000: the Fee Article states dollars in both languages, never yen."""
    deal = api.read_deal(DEAL_G)
    en = article_titled(_poc(deal, "en"), "Fee")
    assert "USD 60,000" in en and "JPY" not in en
    ja = article_titled(_poc(deal, "ja"), "委託料")
    assert "60,000米ドル" in ja and "円" not in ja.replace("日本円", "")


def test_instalments_of_a_fee_in_dollars_are_in_dollars(tmp_path: Path) -> None:
    """The balanced draft pays in two instalments: each is stated in the fee's currency."""
    deal = deal_changed(DEAL_G, tmp_path, acting_for=None)
    en = article_titled(_poc(deal, "en"), "Fee")
    assert "USD 30,000" in en and en.count("USD 30,000") == 2


def test_the_fee_currency_accepts_the_licence_currencies_and_refuses_others(tmp_path: Path) -> None:
    text = DEAL_G.read_text(encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(text.replace("currency: USD, due_days", "currency: SGD, due_days"), encoding="utf-8")
    assert run("validate", str(good)).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("currency: USD, due_days", "currency: US$, due_days"), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "currency: USD, due_days" in row)
    assert f"{bad}:{line}:" in result.stderr and ": poc.fee.currency: must be one of 'JPY', 'USD'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_schema_offers_the_fee_currencies() -> None:
    from oidocs.deal.schema import deal_schema

    fee = deal_schema()["$defs"]["Fee"]["properties"]["currency"]
    assert fee["default"] == "JPY" and {"JPY", "USD", "SGD"} <= set(fee["enum"])


def test_the_review_sheet_and_stamp_note_state_the_fee_in_its_currency(tmp_path: Path) -> None:
    """On paper the stamp-duty note gives the contract amount as written (USD 60,000) and, not knowing
    its yen value, names no yen band; the options table shows the currency."""
    deal = deal_changed(DEAL_G, tmp_path, signing="paper")
    sheet = _sheet(deal)
    assert "| Fee currency | USD |" in sheet
    stamp = sheet.split("## Stamp duty", 1)[1]
    duty = stamp.split("contract amount of", 1)[1].split("(decided on", 1)[0]
    assert duty.startswith(" USD 60,000 is ") and "exchange rate" in duty and "yen is" not in duty


def _with_client_in_japan(tmp_path: Path) -> object:
    text = DEAL_G.read_text(encoding="utf-8").replace(
        '"71 Ayer Rajah Crescent, #05-12, Singapore 139951"', "1-2-3 Shiba, Minato-ku, Tokyo 105-0014, Japan")
    path = tmp_path / "domestic.yaml"
    path.write_text(text, encoding="utf-8")
    return api.read_deal(path)


def test_a_client_abroad_is_not_billed_japanese_consumption_tax_outright(tmp_path: Path) -> None:
    """Deal G #8: work in Singapore for a Singapore company is often outside Japanese consumption tax
    (or exempt as an export); the Fee is exclusive of taxes and only a tax the law imposes is added."""
    deal = api.read_deal(DEAL_G)
    en = article_titled(_poc(deal, "en"), "Fee")
    assert "together with the consumption tax" not in en and "(excluding consumption tax)" not in en
    assert ("The Fee is stated exclusive of taxes: if consumption tax, local consumption tax or any similar "
            "indirect tax applies to it by law, Merlion shall bear that tax") in en
    ja = article_titled(_poc(deal, "ja"), "委託料")
    assert "消費税及び地方消費税の額を加えた金額" not in ja and "（消費税別）" not in ja
    assert "本委託料は税抜きの額とし、これに消費税及び地方消費税その他これらに類する間接税が法令により課されるときは、乙がその税を負担し" in ja
    domestic = _with_client_in_japan(tmp_path)
    assert "together with the consumption tax and local consumption tax on it" in article_titled(_poc(domestic, "en"), "Fee")
    assert "消費税及び地方消費税の額を加えた金額" in article_titled(_poc(domestic, "ja"), "委託料")


def test_a_cross_border_fee_has_the_licences_withholding_terms(tmp_path: Path) -> None:
    """Deal G #8: the licence has a withholding paragraph (Art 7(3)), the PoC had none. Where the client
    or the performer is abroad, the PoC's Fee Article now has one in the same words: the client withholds
    only what the law requires, both cooperate on treaty relief, the client hands over the certificate;
    tax still withheld leans with acting_for. Parties both in Japan get no such paragraph."""
    deal = api.read_deal(DEAL_G)
    en = article_titled(_poc(deal, "en"), "Fee")
    assert "Merlion shall not deduct or withhold tax from any payment under this Agreement except as the law requires" in en
    assert "the Parties shall cooperate so that any exemption or reduction available under a tax treaty applies" in en
    assert "Merlion may pay net of that tax" in en  # drafted for Merlion, the payer
    assert "Merlion shall deliver to the University, within thirty (30) days after the payment, the certificate" in en
    ja = article_titled(_poc(deal, "ja"), "委託料")
    assert "源泉徴収その他の税額の控除をしない" in ja and "租税条約による免除又は軽減が適用されるよう協力する" in ja
    assert "源泉徴収税額の証明書" in ja
    for_univ = article_titled(_poc(deal_changed(DEAL_G, tmp_path, acting_for="univ"), "en"), "Fee")
    assert "Merlion shall pay the University such additional amount" in for_univ
    domestic = _with_client_in_japan(tmp_path)
    assert "withhold" not in article_titled(_poc(domestic, "en"), "Fee")
    assert "源泉徴収" not in article_titled(_poc(domestic, "ja"), "委託料")


def test_work_at_a_customers_plant_caps_property_damage_and_excludes_lost_profits(tmp_path: Path) -> None:
    """Deal G #8, Art 17: drafted for Merlion, the University had no exclusion of indirect loss or lost
    profits and unlimited liability for property damage and the host's claims at a petrochemical plant.
    Now property damage and site claims are limited to the insurance figure (JPY 100,000,000: the Fee is
    in dollars, so the cover alone), injury stays unlimited, and consequential loss is excluded except
    wilful misconduct, gross negligence, injury, confidentiality, IP and results, and the host's claims."""
    deal = api.read_deal(DEAL_G)
    en = article_titled(_poc(deal, "en"), "Damages")
    assert "liability for damage caused by death or bodily injury or by damage to tangible property" not in en
    assert ("The total liability of each Party for damage to tangible property and for claims made by the Host or any "
            "other third party in connection with work at the Site shall be limited to JPY 100,000,000") in en
    assert "this limit shall not apply to damage caused by wilful misconduct or gross negligence or to claims for death or bodily injury" in en
    assert "Neither Party shall be liable in connection with this Agreement for indirect loss, loss arising from special circumstances, consequential loss or lost profits" in en
    assert "or for claims made by the Host or any other third party in connection with work at the Site" in en
    ja = article_titled(_poc(deal, "ja"), "損害賠償")
    assert "金100,000,000円（第10条に定める賠償責任保険の1事故当たりのてん補限度額の下限）を上限とする" in ja
    assert "間接損害、特別の事情によって生じた損害、結果的損害及び逸失利益を賠償する責任を負わない" in ja
    # A fee in yen keeps the comparison with the Fee; the performer's own site keeps today's text.
    in_yen = article_titled(_poc(deal_changed(DEAL_G, tmp_path, poc__fee={"amount": 9000000, "currency": "JPY"}), "en"),
                            "Damages")
    assert "limited to the greater of the amount of the Fee and JPY 100,000,000" in in_yen
    at_home = article_titled(_poc(deal_changed(DEAL_G, tmp_path, poc__site="performer"), "en"), "Damages")
    assert "liability for damage caused by death or bodily injury or by damage to tangible property" in at_home
    assert "lost profits" not in at_home


def test_the_sheet_describes_the_site_cap_drafted_for_the_client() -> None:
    """Merlion's sheet no longer says property damage is outside the University's cap."""
    sheet = _sheet(api.read_deal(DEAL_G))
    assert "injury and damage to property). If other loss" not in sheet
    assert "capped for each party at JPY 100,000,000, the limit the Article sets from the minimum insurance cover" in sheet


def test_the_sheet_warns_of_exchange_rates_on_a_fee_in_dollars(tmp_path: Path) -> None:
    """As for a licence priced in dollars, the acting party is told who carries the exchange rate."""
    assert "The Fee is set in USD, so exchange-rate movements" in _sheet(api.read_deal(DEAL_G))
    assert "検証料はUSDで定められており" in _sheet(api.read_deal(DEAL_G), "ja")
    in_yen = deal_changed(DEAL_G, tmp_path, poc__fee={"amount": 9000000, "currency": "JPY"})
    assert "The Fee is set in" not in _sheet(in_yen)
