"""The third lawyers' reading (deals C and D in tests/review_deals/): the sheet must not say the dates fit.

Deal C goes from a PoC straight to a licence, with no JDA; its MOU ran out ten months before the
licence it prepares and the PoC's stand-still lapsed a month before the licence was signed,
yet the review sheet said the documents' dates had no contradiction. Deal D (acting for a
university) had sheet lines that contradicted its own documents: a 90-day publication delay
where the JDA allows 60, know-how "staying licensed" after a licence that ends with the last
patent, and "Office" (of the Japan Patent Office) flagged as an undefined term.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DEALS, ROOT, article_number, article_titled, shipped_markdown
from oidocs import api
from oidocs.deal.sequence import poc_standstill_end, poc_standstill_parties

C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"
NEXT_STEP = "次段階への移行"


def _sheet(path: Path, lang: str | None = None) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


def _checks(path: Path) -> list[str]:
    return [p.message for p in api.check_pack(api.read_deal(path), source_file=str(path))]


def test_an_mou_that_would_end_before_the_licence_it_prepares_now_runs_until_it() -> None:
    """Its six months ran out on 2027-08-31; the term now reaches 60 days past the licence (fourth reading)."""
    messages = _checks(C)
    assert not [m for m in messages if "MOU ends" in m], messages
    sheet = _sheet(C)
    assert "基本合意書が2027-08-31に終了し" not in sheet
    assert "書類間の日付に矛盾は見つかりませんでした" in sheet


def test_with_no_jda_the_mou_ends_when_the_licence_takes_effect() -> None:
    """The MOU prepares the licence (its next-agreements article says so), so the licence takes over from it."""
    for lang, words in (("ja", "実施許諾に関する契約が当事者間で効力を生じたときは"),
                        ("en", "if the licence agreement referred to in Article")):
        term = article_titled(shipped_markdown(C, "mou", lang), "有効期間" if lang == "ja" else "Term")
        assert words in term, term


def test_a_standstill_that_would_lapse_before_the_next_agreement_now_outlasts_it() -> None:
    """Six months after the verification (2028-05-31) fell before the licence (2028-07-01): 60 days past it now."""
    deal = api.read_deal(C)
    assert poc_standstill_end(deal) is not None and poc_standstill_end(deal).isoformat() == "2028-08-30"
    assert not [m for m in _checks(C) if "stand-still" in m]
    assert "スタンドスティル（第三者への実施許諾をしない義務）が遅くとも" not in _sheet(C)


def test_a_standstill_that_outlasts_the_signing_is_not_reported(tmp_path: Path) -> None:
    text = C.read_text(encoding="utf-8").replace("date: 2028-07-01", "date: 2028-05-31")
    assert text != C.read_text(encoding="utf-8")
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    assert not [m for m in _checks(path) if "stand-still" in m]


@pytest.mark.parametrize("deal_path", [p for p in DEALS if "poc:" in p.read_text(encoding="utf-8")],
                         ids=lambda p: p.stem)
def test_the_checks_see_a_standstill_exactly_where_the_poc_has_one(deal_path: Path) -> None:
    """The clause decides in Jinja, the check in Python: both must find the same stand-still and long-stop."""
    deal = api.read_deal(deal_path)
    poc = shipped_markdown(deal_path, "poc", "en")
    long_stop = re.search(r"^\s*- .*the day on which (\w+) \((\d+)\) months have passed since the last day of the", poc,
                          flags=re.M)  # an item of the stand-still's list (the PoC's own long-stop is a sentence)
    assert (long_stop is not None) == (poc_standstill_parties(deal) is not None)
    if long_stop:
        assert int(long_stop.group(2)) == deal.poc.decision_months + 4


def test_the_sheet_gives_the_publication_delay_the_jda_gives() -> None:
    jda = shipped_markdown(D, "jda", "en")
    delay = re.search(r"shall not extend beyond \w+ \((\d+)\) days after the planned date", jda)
    assert delay, "the JDA sets no ceiling on the delay"
    sheet = _sheet(D)
    assert f"up to {delay.group(1)} days' delay for filing" in sheet
    assert "up to 90 days' delay" not in sheet or delay.group(1) == "90"


def test_no_know_how_staying_licensed_when_the_whole_licence_ends_with_the_last_patent() -> None:
    licence = shipped_markdown(D, "licence", "en")
    assert "The licence of the remaining Licensed Rights shall end on the same day." in licence
    assert "stay licensed" not in _sheet(D)


def test_the_japan_patent_office_is_not_an_undefined_term() -> None:
    assert "Japan Patent Office" in shipped_markdown(D, "licence", "en")
    assert '"Office" is capitalised like a defined term' not in _sheet(D)


def _csv(path: Path, lang: str | None = None) -> str:
    files = api.render_calendar(api.read_deal(path), lang=lang)
    return next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig")


def test_the_deadline_register_names_the_stage_the_deal_goes_to() -> None:
    """Deal C goes from the PoC to a licence: the decision, the NDA's reply and the MOU's end say so."""
    rows = _csv(C).splitlines()
    decision = next(r for r in rows if "判断と書面通知の期限" in r)
    assert "実施許諾に移行するか否か" in decision and "共同研究開発" not in decision
    reply = next(r for r in rows if "移行の提案に対する回答期限" in r)
    assert "次の段階（技術検証又は実施許諾）" in reply
    mou_end = next(r for r in rows if "基本合意書の終了日" in r)
    assert "ライセンス契約が効力を生じた日に終了" in mou_end
    standstill = next(r for r in rows if "スタンドスティル" in r)
    # the licence's effective date ends it (read8 #14), the long-stop staying in the rule
    next_step = article_number(api.render_document(api.read_deal(C), "poc", lang="ja", fmt="md").decode("utf-8"), NEXT_STEP)
    assert standstill.startswith("2028-07-01,") and f",{next_step}," in standstill and "ライセンス契約の効力発生日" in standstill
    assert "遅くとも2028-08-30に終了する" in standstill


def test_a_licence_that_ends_with_its_last_patent_is_not_renewed() -> None:
    rows = _csv(D).splitlines()
    end = next(r for r in rows if "Licence Agreement: end of the term" in r)
    assert "if not renewed" not in end and "the last licensed patent or application lapses" in end
    reply = next(r for r in rows if "Reply due to a proposal" in r)
    assert "joint research and development or a licence" in reply and "PoC" not in reply


def test_the_options_table_shows_the_review_period_the_poc_gives() -> None:
    """Acting for the client, the PoC gives 30 days to review the report; the sheet said 10 (the default)."""
    poc = shipped_markdown(C, "poc", "ja")
    assert "本報告書を受領した日から30日以内" in poc
    row = next(r for r in _sheet(C).splitlines() if r.startswith("| 報告書の確認期間（日） |"))
    assert row == "| 報告書の確認期間（日） | 30 | 依頼者側の案として変更 |"


def test_the_options_table_names_licensed_rights_as_people_write_them() -> None:
    row = next(r for r in _sheet(D).splitlines() if r.startswith("| Licensed rights |"))
    assert 'know-how "Volunteer data annotation protocol"' in row and "know\\_how" not in row
    assert 'patent "Method for estimating frailty from gait acceleration signals" (JP 7312345 B2)' in row


@pytest.mark.parametrize("deal_path", DEALS + sorted((ROOT / "tests" / "review_deals").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_no_sheet_names_a_deal_file_key(deal_path: Path) -> None:
    """People read the sheet: 'jda.non_compete is false' is a program's words, not theirs."""
    deal = api.read_deal(deal_path)
    for lang in ("ja", "en"):
        sheet = api.render_review(deal, lang=lang).decode("utf-8")
        keys = set(re.findall(r"\b(?:nda|mou|poc|jda|ip|licence)\\?\.[a-z][a-z_\\]+", sheet))
        assert not keys, keys


def test_a_us_party_with_a_remark_after_its_country_is_abroad() -> None:
    """Deal D's Helix is '…, San Francisco, CA 94114, USA (a Delaware corporation)': the bracketed
    remark hid the country, so the pack had no export-control article for technology sent to the US."""
    for doc in ("nda", "jda", "licence"):
        text = shipped_markdown(D, doc, "en")
        assert re.search(r"^## Article \d+ \(Export Control\)", text, flags=re.M), doc
    assert "Export control" in _sheet(D) or "export control" in _sheet(D)


def test_an_address_oidocs_cannot_place_is_asked_about(tmp_path: Path) -> None:
    text = D.read_text(encoding="utf-8").replace(
        "2261 Market Street, Suite 4100, San Francisco, CA 94114, USA (a Delaware corporation)",
        "Musterstrasse 1, 80331 Munich")
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    sheet = _sheet(path)
    assert "**A party's address does not say whether it is in Japan or abroad**" in sheet
    assert "The address of Helix Gait Analytics, Inc. does not say" in sheet
    assert "does not say whether it is in Japan or abroad" not in _sheet(D)


@pytest.mark.parametrize("deal_path", DEALS + sorted((ROOT / "tests" / "review_deals").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_shipped_address_is_placed(deal_path: Path) -> None:
    """Japanese addresses in English ('…, Minato-ku, Tokyo', '…, Yokohama') are in Japan: no false question."""
    from oidocs.deal.localize import unplaced_parties

    unplaced = [p.key for p in unplaced_parties(api.read_deal(deal_path))]
    assert unplaced == (["b"] if deal_path.name == "injection.yaml" else [])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_personal_data_sent_abroad_follow_article_28(lang: str) -> None:
    """Deal D: volunteers' gait data go to a US startup; the JDA had no rule on data leaving Japan."""
    human = article_titled(shipped_markdown(D, "jda", lang),
                           "人を対象とする研究及び個人情報の取扱い" if lang == "ja"
                           else "Research Involving Human Subjects and Personal Information")
    if lang == "ja":
        assert "日本国外に所在する当事者に提供し" in human and "同法第28条に従い" in human
        assert "事前の書面による承諾を得ることなく、当該情報を他の国に移転し" in human
    else:
        assert "to a Party located outside Japan" in human and "as Article 28 of that Act requires" in human
        assert "shall not transfer that information to any other country" in human
    # the chain of 'the preceding paragraph' still reaches the recipient's duties before the new paragraphs
    paragraphs = [p for p in human.split("\n\n") if p.strip()]
    assert ("提供を受けた当事者は" if lang == "ja" else "A Party that receives information under the preceding paragraph") \
        in paragraphs[3]


def test_no_transfer_abroad_paragraph_when_every_party_is_in_japan() -> None:
    aster = ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml"
    text = shipped_markdown(aster, "jda", "en")
    assert "Research Involving Human Subjects" in text
    assert "Party located outside Japan" not in text


def test_the_sheet_flags_stacked_royalties_and_personal_data_going_abroad() -> None:
    sheet = _sheet(D)
    item = sheet[sheet.index("**Two running royalties on one product**"):].split("\n\n")[0].split("\n")[1]
    assert "the exclusive field under the JDA (2.5%)" in item and "the licence agreement's royalty (3%)" in item
    assert "**Research subjects' personal data go abroad**: JDA Article" in sheet
    aster = _sheet(ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml")
    assert "personal data go abroad" not in aster and "Two running royalties" not in aster


def test_the_licensees_cap_item_names_what_the_licence_keeps_outside_the_cap() -> None:
    """The licence now keeps title warranties and licensing others in the exclusive field outside the
    cap; the sheet still told the licensee to ask for that, and said it defended claims at its own cost."""
    licence = shipped_markdown(C, "licence", "en")
    assert "has granted no conflicting licence or other right" in licence
    lines = _sheet(C, "en").splitlines()
    cap = next(line for line in lines if "The licensor's liability is capped" in line)
    assert "warranties of title, of its power to license and of no conflicting grant" in cap
    assert "licensing others in the exclusive field and territory fall outside the cap" in cap
    assert "Consider excluding breach of its warranties from the cap" not in cap
    claims = next(line for line in lines if "freedom from third-party rights is warranted" in line)
    assert "at your own cost" not in claims and "up to the consideration it received in the twelve months before the claim" in claims


def test_the_sheet_lists_what_the_third_readings_licence_terms_put_on_each_side() -> None:
    """The licence now carries a product indemnity and insurance (licensee), prosecution costs in the
    countries an exclusive licensee chooses, a foreign currency, and the licensor's PoC results."""
    licensee = _sheet(C, "en")
    assert "your indemnity of the licensor against third-party product-liability and regulatory claims is not capped" \
        in licensee
    licensor = _sheet(ROOT / "tests" / "fixtures" / "kansai-helix-frailty-en.yaml", "en")
    assert "The consideration is set in USD" in licensor
    assert "| Product liability insurance (per occurrence) | 5,000,000 | set |" in licensor
    assert "| Licence royalty: currency | USD | set |" in licensor
    assert "| Price of the exclusive right: currency | JPY |" in licensor  # two royalties, told apart



def test_a_licensor_that_performed_the_poc_is_told_its_poc_results_are_licensed(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(C.read_text(encoding="utf-8").replace("acting_for: suruga", "acting_for: vision"), encoding="utf-8")
    sheet = _sheet(path, "en")
    assert "Your rights in the results of the PoC you performed" in sheet and ", licensed exclusively" in sheet
    assert "Your rights in the results of the PoC you performed" not in _sheet(C, "en")


def test_the_co_ownership_advice_speaks_to_every_co_owner() -> None:
    """Deal C's SME holds the largest share (50 %): advice aimed at 'the smaller party' missed it."""
    for lang, words in (("ja", "持分の大小を問わず"), ("en", "whatever the size of its share")):
        sheet = _sheet(C, lang)
        assert words in sheet and "規模の小さい当事者" not in sheet and "the smaller party" not in sheet


def test_the_sheet_names_the_host_and_flags_the_share_it_does_not_get() -> None:
    """Deal C with its host named (poc.site: tokai): the sheet printed 'tokai' and kept silent that the
    host's 15 % under the deal (and the MOU) gives it nothing of the PoC's results."""
    hosted = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"
    ja, en = _sheet(hosted, "ja"), _sheet(hosted, "en")
    assert "| 検証の場所 | 東海オートモーティブ株式会社 | 指定 |" in ja
    results = article_number(api.render_document(api.read_deal(hosted), "poc", lang="ja", fmt="md").decode("utf-8"), "本成果の帰属")
    assert f"**作業場所を提供する当事者は自らの者が創出した技術検証の成果にだけ権利を持つ**: 基本合意書 第8条、技術検証（PoC）契約 {results}" in ja
    assert "東海オートモーティブ株式会社（15％）も共有者" in ja and "（35 : 50）" in ja
    assert "**The party hosting the PoC holds only the PoC results its own people help create**" in en
    assert "A co-owner under the deal takes no share" not in _sheet(D, "en")


def test_a_host_party_drafted_as_a_third_party_is_flagged() -> None:
    """Deal C as first read (poc.site: third_party) names the large company's line in its scope: the
    PoC treats a signatory as an outsider; the sheet must say so and how to fix it."""
    sheet = _sheet(C, "en")
    assert "**The site's owner is a party but is drafted as a third party**" in sheet
    assert "set the place of work in the deal file to 東海オートモーティブ株式会社 itself" in sheet
    assert "drafted as a third party" not in _sheet(ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml", "en")


def test_the_clients_cap_item_for_a_hosted_poc_says_what_the_poc_caps() -> None:
    """With a host, damage to property at the site is capped (the greater of fee and insurance) and the
    cap binds the client too; the sheet said property damage was outside the cap."""
    sheet = _sheet(ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml", "ja")
    item = next(line for line in sheet.splitlines() if "損害賠償責任は、物の損壊（施設の設備の損壊を含む。）" in line)
    assert "（100,000,000円）が上限" in item and "自社が負う責任も同じ額まで" in item
    assert "人身損害及び物の損壊を除く" not in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_standstill_before_a_licence_names_the_rights_it_protects(lang: str) -> None:
    """'the rights in the technology to be verified as set out in the Schedule that the next agreement
    would license' covered nothing certain: the Schedule lists tasks, and no licence exists yet."""
    text = shipped_markdown(ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml", "poc", lang)
    standstill = next(line for line in text.splitlines() if "許諾を約してはならない" in line or "or agree to grant" in line)
    assert "特許第7234567号" in standstill and "VS-Inspect" in standstill
    assert ("本成果に係る自己の知的財産権" if lang == "ja" else "its Intellectual Property Rights in the Results") in standstill
    assert ("対象技術" if lang == "ja" else "technology to be verified") not in standstill


def test_the_licensor_is_asked_for_an_insurance_figure_and_the_sheet_says_which_stages_may_share_a_day() -> None:
    """Deal D (yen): 'an amount customary for products of that kind' cannot be enforced; and the sheet's
    'no stages signed the same day' read as false where the JDA and the licence share 2027-05-15."""
    sheet = _sheet(D, "en")
    assert "The licensee's product liability insurance has no stated amount" in sheet
    # the JDA and the licence may share a day; the licence outlasting the JDA's exclusive period is no
    # contradiction either, its JDA Article making results exclusive only while that period runs
    checks = sheet[sheet.index("## Checks across the pack"):sheet.index("## Stamp duty")]
    assert "No contradiction found" in checks and "exclusive until" not in checks
    usd = _sheet(ROOT / "tests" / "fixtures" / "kansai-helix-frailty-en.yaml", "en")
    assert "has no stated amount" not in usd


def test_the_register_has_the_licensees_choice_of_countries_and_the_insurance_duty() -> None:
    """Deal D: a PCT application licensed exclusively; missing the choice of countries loses them."""
    path = ROOT / "tests" / "fixtures" / "kansai-helix-frailty-en.yaml"
    rows = _csv(path).splitlines()
    countries = next(r for r in rows if "Countries for foreign filings and national-phase entries chosen" in r)
    prosecution = article_number(shipped_markdown(path, "licence", "en"), "Prosecution of Pending Applications")
    assert f",{prosecution}," in countries and "2 months before each deadline" in countries
    assert any("End of the duty to keep product liability insurance" in r and "3 years after" in r for r in rows)


def test_the_register_holds_the_licences_event_duties() -> None:
    """Deal C's licence: improvement notices, the licensor's notice before abandoning an application (when
    one is licensed), the books kept for 3 years, confidentiality for 5 years after the end."""
    rows = _csv(ROOT / "tests" / "fixtures" / "kansai-helix-frailty-en.yaml").splitlines()
    for words in ("Outline of each improvement notified in writing", "Notice of not requesting examination",
                  "End of keeping the books and records", "5 years after this Agreement ends"):
        row = next((r for r in rows if words in r), None)
        assert row is not None and "Article" in row, words
