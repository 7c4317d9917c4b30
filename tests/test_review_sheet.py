"""The review sheet as a reviewer reads it: every advice item cites document and article, values
read as people write them, party kinds in the sheet's language, and the advice a lawyer
found missing (art. 73 in a co-owned PoC, a default court far from every party, the end of
exclusivity, a licence with no price)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import advice_in, EXAMPLES
from oidocs import api
from oidocs.clauses.context import exclusivity_end
from oidocs.review.checks import check_words

BY_NAME = {p.name: p for p in EXAMPLES}
JA = BY_NAME["acme-nano-ja.yaml"]
EN = BY_NAME["bigco-smallworks-en.yaml"]
POC_ONLY = BY_NAME["hakata-sensor-ja.yaml"]


def _data(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _sheet(data: dict[str, Any], tmp_path: Path, lang: str | None = None) -> str:
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.render_review(api.read_deal(path), lang=lang).decode()


def _section(sheet: str, heading: str) -> str:
    start = sheet.index(f"## {heading}\n")
    end = sheet.find("\n## ", start + 3)
    return sheet[start:end if end != -1 else None]


def _advice_items(sheet: str) -> list[str]:
    body = _section(sheet, "留意事項" if "## 留意事項" in sheet else "Advice")
    return re.findall(r"^\d+\. .*$", body, flags=re.M)


def _label(deal_path: Path, doc: str, clause: str, lang: str = "ja") -> str:
    tree = api.build_document(api.read_deal(deal_path), doc, lang)
    return next(a.label for a in tree.articles if a.clause.id == clause)


_DOCS = "|".join(re.escape(n) for lang in ("ja", "en") for n in check_words()["docs"][lang].values())
CITATION = re.compile(rf"\*\*: (?:(?:{_DOCS}) (?:第\d+条|Article \d+)(?:、|; )?)+\s*$")


def _every_item_cites(sheet: str) -> None:
    items = _advice_items(sheet)
    for item in items:
        assert CITATION.search(item), f"advice without document and article: {item}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_advice_item_names_document_and_article(example: Path) -> None:
    _every_item_cites(api.render_review(api.read_deal(example)).decode())


def test_every_advice_item_cites_even_when_many_rules_fire(tmp_path: Path) -> None:
    data = _data(EN)
    data["ip"]["exclusive_field"]["years"] = 5
    data["parties"][1]["kind"] = "university"
    data["jda"]["publication_notice_days"] = 14
    data["jda"]["cost_shares"] = {"bigco": 0, "smallworks": 100}
    data["nda"]["survival_months"] = 12
    data["court"] = "Nagoya District Court"
    data["poc"]["fee"]["amount"] = 0
    sheet = _sheet(data, tmp_path)
    items = _advice_items(sheet)
    assert len(items) >= 8
    _every_item_cites(sheet)
    survival = next(i for i in items if advice_in("short_survival", i))
    assert f"NDA {_label(EN, 'nda', 'nda.term', 'en')}" in survival


def test_co_owned_poc_gets_article_73_advice_citing_the_poc_article() -> None:
    sheet = api.render_review(api.read_deal(POC_ONLY)).decode()
    item = next(i for i in _advice_items(sheet) if advice_in("coownership_consent", i))
    assert item.endswith(f": 技術検証（PoC）契約 {_label(POC_ONLY, 'poc', 'poc.ip_results')}  ")
    assert "第73条" in _section(sheet, "留意事項")


def test_poc_results_co_owned_by_contribution_get_article_73_advice_too(tmp_path: Path) -> None:
    data = _data(POC_ONLY)
    data["ip"] = {"model": "background_licence"}  # no model allocating results: joint creations co-owned
    item = next(i for i in _advice_items(_sheet(data, tmp_path)) if advice_in("coownership_consent", i))
    assert "技術検証（PoC）契約 第" in item
    data["ip"] = {"model": "joint_filing", "joint_filing": {"third_party_licence": "free"}}
    assert not any(advice_in("coownership_consent", i) for i in _advice_items(_sheet(data, tmp_path)))


def _kyushu(data: dict[str, Any]) -> dict[str, Any]:
    data["parties"][0]["address"] = "福岡県福岡市博多区博多駅前三丁目4番5号"
    data["parties"][1]["address"] = "熊本県熊本市中央区手取本町1番1号"
    data.pop("court", None)
    return data


def test_default_court_far_from_every_party_is_advised(tmp_path: Path) -> None:
    sheet = _sheet(_kyushu(_data(JA)), tmp_path)
    item = next(i for i in _advice_items(sheet) if advice_in("court_far", i))
    assert f"秘密保持契約 {_label(JA, 'nda', 'common.jurisdiction')}" in item
    text = _section(sheet, "留意事項")
    assert "福岡地方裁判所、熊本地方裁判所" in text and "大阪地方裁判所の専属管轄" in text


def test_default_court_far_from_english_addresses(tmp_path: Path) -> None:
    data = _data(EN)
    data["parties"][0]["address"] = "1-1 Tenjin, Chuo-ku, Fukuoka"
    data["parties"][1]["address"] = "2-2 Hakata-ekimae, Hakata-ku, Fukuoka"
    data.pop("court")
    text = _section(_sheet(data, tmp_path), "Advice")
    assert advice_in("court_far", text) and "the Fukuoka District Court" in text


def test_no_court_advice_when_a_party_is_near_or_the_court_is_chosen(tmp_path: Path) -> None:
    data = _kyushu(_data(JA))
    data["parties"][1]["address"] = "東京都足立区千住一丁目2番3号"
    assert not advice_in("court_far", _sheet(data, tmp_path))
    data = _kyushu(_data(JA))
    data["court"] = "福岡地方裁判所"
    assert not advice_in("court_far", _sheet(data, tmp_path))
    data = _kyushu(_data(JA))
    data["parties"][1]["address"] = "熊本市中央区手取本町1番1号"  # prefecture not written: no guess
    assert not advice_in("court_far", _sheet(data, tmp_path))


def test_sheet_states_the_day_exclusivity_ends(tmp_path: Path) -> None:
    data = _data(EN)
    data["jda"]["effective"], data["jda"]["start"] = dt.date(2027, 10, 1), dt.date(2027, 10, 2)
    path = tmp_path / "dated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    deal = api.read_deal(path)
    end = exclusivity_end(deal)
    assert end is not None
    sheet = api.render_review(deal).decode()
    item = next(i for i in _advice_items(sheet) if advice_in("exclusivity_end", i))
    assert f"JDA {_label(EN, 'jda', 'ip.exclusive_field.licence', 'en')}" in item
    assert f"ends on {end.isoformat()}" in sheet
    data = _data(EN)
    data["jda"]["effective"] = dt.date(2027, 9, 1)
    assert "ends on 2030-08-31" in _sheet(data, tmp_path)
    data = _data(EN)
    for section in (data, data["jda"]):
        for key in ("date", "effective"):
            section.pop(key, None)
    assert advice_in("exclusivity_end_undated", _sheet(data, tmp_path))


def test_licence_without_a_price_is_flagged_as_an_undertaking(tmp_path: Path) -> None:
    data = _data(EN)
    assert data["ip"]["exclusive_field"].get("royalty") is None
    sheet = _sheet(data, tmp_path)
    item = next(i for i in _advice_items(sheet) if advice_in("royalty_undertaking", i))
    assert f"JDA {_label(EN, 'jda', 'ip.exclusive_field.consideration', 'en')}" in item
    data["ip"]["exclusive_field"]["royalty_free"] = True
    assert not advice_in("royalty_undertaking", _sheet(data, tmp_path))


def test_japanese_sheet_shows_kinds_in_japanese_and_values_as_written(tmp_path: Path) -> None:
    data = _data(JA)
    data["mou"]["milestones"].append({"title": "試験導入先の決定", "due": dt.date(2027, 2, 28)})
    sheet = _sheet(data, tmp_path)
    parties = _section(sheet, "当事者")
    assert "| 中小企業 |" in parties and "| スタートアップ |" in parties and "| sme |" not in parties
    assert "2027-02-28 試験導入先の決定" in sheet
    assert "| 各当事者の役割 | 株式会社アクメ精工: 精密加工技術の提供及び試作機の製作、ナノテック株式会社: " in sheet
    assert "| 各当事者の分担 | 株式会社アクメ精工: 筐体及び気流設計、試作機の製作、" in sheet
    english = _sheet(data, tmp_path, lang="en")
    assert "| SME |" in english and "| Startup |" in english


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_sheet_never_shows_program_output(example: Path) -> None:
    deal = api.read_deal(example)
    for lang in ("ja", "en"):
        try:
            sheet = api.render_review(deal, lang=lang).decode()
        except Exception:  # a deal with text in one language only
            continue
        for leak in ("datetime.date(", "title='", "due=", '{"', "LangMap", "None"):
            assert leak not in sheet, (leak, lang)


def _acting(data: dict[str, Any], who: str, tmp_path: Path, lang: str | None = None) -> tuple[str, list[str]]:
    """The section on terms unfavourable to ``who``, and (where, rule) of each rule the sheet shows.

    The sheet names no rule (no codes for people): a rule counts as shown when its citation and
    its wording, as the rules compute them, are an item of the section."""
    from oidocs.clauses.library import Library
    from oidocs.deal.localize import localize
    from oidocs.review.acting import unfavourable

    data["acting_for"] = who
    sheet = _sheet(data, tmp_path, lang)
    heading = next(line for line in sheet.splitlines() if line.startswith("## ") and ("不利な条項" in line or "unfavourable" in line))
    body = _section(sheet, heading[3:])
    deal = api.read_deal(tmp_path / "deal.yaml")
    lang = lang or deal.language
    trees = [api.build_document(deal, d, lang) for d in api.docs_in(deal)]
    found = unfavourable(localize(deal, lang), trees, lang, Library())
    items = [(u.where, u.rule) for u in found if f"**{u.where}**: " in body and u.text[:40] in body]
    assert len(items) == len(re.findall(r"^\d+\. ", body, flags=re.M)), body
    assert not re.search(r"\*\* \(\w+\)", body), "no rule codes"
    return body, items


def test_acting_for_the_poc_client_lists_its_unfavourable_terms(tmp_path: Path) -> None:
    body, items = _acting(_data(JA), "acme", tmp_path)
    assert "株式会社アクメ精工（甲）に不利な条項" in body
    rules = {rule: where for where, rule in items}
    for rule, clause in (("poc_fee_client", "poc.fee"), ("poc_acceptance_client", "poc.report"),
                         ("poc_cap_client", "poc.liability")):
        assert rules[rule] == f"技術検証（PoC）契約 {_label(JA, 'poc', clause)}", rule
    # the JDA's practice Article gives a have-made right, so the item says consent is not needed for it
    assert f"共同研究開発契約 {_label(JA, 'jda', 'ip.joint_filing.licensing')}" in rules["coownership_consent_have_made"]
    assert not any(r.startswith("poc_") and r.endswith("performer") for r in rules)


def test_acting_for_the_performer_lists_the_other_side_of_the_poc(tmp_path: Path) -> None:
    _, items = _acting(_data(JA), "nano", tmp_path, lang="en")
    rules = [rule for _, rule in items]
    assert {"poc_fee_performer", "poc_acceptance_performer", "poc_cap_performer"} <= set(rules)
    assert not any(r.endswith("_client") for r in rules)


def test_acting_for_the_holder_or_the_owner_of_an_exclusive_field(tmp_path: Path) -> None:
    body, items = _acting(_data(EN), "bigco", tmp_path)
    rules = {rule: where for where, rule in items}
    assert set(rules) >= {"results_to_other", "non_compete", "cost_sharing"}
    assert "exclusivity_to_other" not in rules
    assert rules["non_compete"] == f"JDA {_label(EN, 'jda', 'jda.non_compete', 'en')}"
    assert "Small Works Co., Ltd." in body and "70%" in body
    body, items = _acting(_data(EN), "smallworks", tmp_path)
    rules = {rule: where for where, rule in items}
    assert "exclusivity_promised_owner" in rules and "results_to_other" not in rules and "cost_sharing" not in rules
    # no price and not free: the JDA only promises to negotiate the licence agreement (fifth reading)
    assert "The JDA alone licenses nothing to Big Mobility Corporation" in body
    assert "for 3 years from the first day of the research period" in body


def test_acting_for_the_recipient_of_a_one_way_nda(tmp_path: Path) -> None:
    from conftest import FIXTURES

    data = _data(next(p for p in FIXTURES if p.name == "oneway-en.yaml"))
    body, items = _acting(data, "buyer", tmp_path)
    assert [rule for _, rule in items] == ["one_way_nda"]
    assert "protects only the information of Kobayashi Precision Co., Ltd." in body
    data["nda"]["survival_months"] = 12
    _, items = _acting(data, "maker", tmp_path)
    assert [rule for _, rule in items] == ["short_survival"]


def test_university_publication_is_unfavourable_to_the_company_side(tmp_path: Path) -> None:
    _, items = _acting(_data(BY_NAME["hokkai-univ-ja.yaml"]), "toho", tmp_path)
    rules = {rule for _, rule in items}
    assert "university_publication" in rules and "cost_sharing" in rules  # toho pays 60% of three
    _, items = _acting(_data(BY_NAME["hokkai-univ-ja.yaml"]), "univ", tmp_path)
    assert "university_publication" not in {rule for _, rule in items}


def test_without_acting_for_the_sheet_is_balanced_and_addresses_all_parties() -> None:
    sheet = api.render_review(api.read_deal(JA)).decode()
    assert "## 当事者の立場" in sheet and "すべての当事者に向けた" in sheet
    assert "不利な条項" not in sheet


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_jpo_topic_is_present_or_left_out_with_a_reason(example: Path) -> None:
    from oidocs.review.topics import coverage

    deal = api.read_deal(example)
    for doc in api.docs_in(deal):
        tree = api.build_document(deal, doc, "ja")
        cov = coverage(tree, "ja")
        assert cov is not None and cov.present, doc
        assert all(reason for _, reason in cov.left_out), (doc, cov.left_out)


def test_topics_section_says_why_a_topic_is_left_out_and_flags_one_without_reason(tmp_path: Path) -> None:
    from oidocs.review.topics import coverage, topics_section

    data = _data(EN)
    data["jda"]["non_compete"] = False
    sheet = _sheet(data, tmp_path)
    section = _section(sheet, "Topics of the JPO model contracts")
    assert "non-compete (left out: No non-compete is set (the deal does not choose one)" in section
    tree = api.build_document(api.read_deal(EN), "nda", "en")
    tree.articles = [a for a in tree.articles if a.clause.id != "nda.reverse_engineering"]
    cov = coverage(tree, "en")
    assert cov is not None and ("no reverse engineering", None) in cov.left_out
    assert "**no reverse engineering: not covered and no reason given" in "\n".join(topics_section([tree], "en"))


def _english_with_user_clause(tmp_path: Path, sentence: str) -> str:
    lib = tmp_path / "lib" / "nda"
    lib.mkdir(parents=True)
    for lang, text in (("en", sentence), ("ja", "受領者は、秘密情報を複製する場合、その複製物を秘密情報として扱う。")):
        (lib / f"copies.{lang}.md").write_text(
            f"---\nid: nda.copies\nversion: 9\ntitle: Copies\n---\n{text}\n", encoding="utf-8")
    from oidocs.clauses.library import Library

    library = Library(user_dirs=[tmp_path / "lib"])
    return api.render_review(api.read_deal(EN), lang="en", library=library).decode()


def test_undefined_capitalised_term_in_an_english_document_is_flagged(tmp_path: Path) -> None:
    sheet = _english_with_user_clause(
        tmp_path, "Each Party may copy the information only to evaluate the Licensed Product for the Purpose.")
    item = next(i for i in _advice_items(sheet) if advice_in("undefined_term", i))
    assert item.endswith(f": NDA {_label(EN, 'nda', 'nda.copies', 'en')}  ")
    assert '"Licensed Product" is capitalised like a defined term' in sheet
    assert "Purpose" not in item and "Each" not in item


def test_no_false_positive_on_sentence_starts_statutes_and_defined_terms(tmp_path: Path) -> None:
    sheet = _english_with_user_clause(
        tmp_path, "Copies are subject to the Unfair Competition Prevention Act. When a Party copies the "
                  "Confidential Information under Article 3, it marks the copies (see Schedule 1) by 1 April.")
    assert not advice_in("undefined_term", sheet)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_shipped_english_drafts_use_no_undefined_capitalised_term(example: Path) -> None:
    from oidocs.review.capitals import undefined_terms

    deal = api.read_deal(example)
    for doc in api.docs_in(deal):
        assert undefined_terms(api.build_document(deal, doc, "en")) == {}, doc


def test_a_university_co_owner_without_non_practice_compensation_is_advised(tmp_path: Path) -> None:
    hokkai = BY_NAME["hokkai-univ-ja.yaml"]
    data = _data(hokkai)
    data["ip"] = {"model": "joint_filing"}
    sheet = _sheet(data, tmp_path)
    # the licensing Article lets the university license after non-practice: the item cites it (read11)
    item = next(i for i in _advice_items(sheet) if advice_in("university_non_practice_licensing", i))
    assert item.endswith(f": 共同研究開発契約 {_label(tmp_path / 'deal.yaml', 'jda', 'ip.joint_filing.licensing')}  ")
    data["ip"] = {"model": "joint_filing", "joint_filing": {"non_practice_compensation": True}}
    assert not advice_in("university_non_practice", _sheet(data, tmp_path))
    assert not advice_in("university_non_practice_licensing", _sheet(data, tmp_path))
    for party in data["parties"]:  # no academic party: no such advice
        party["kind"] = "sme" if party["kind"] in ("university", "research_institute") else party["kind"]
    data["ip"] = {"model": "joint_filing"}
    assert not advice_in("university_non_practice", _sheet(data, tmp_path))
