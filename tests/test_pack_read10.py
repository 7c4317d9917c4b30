"""Drafting points from the tenth reading of deal J (tests/fixtures/zao-morimiya-sensing-ja.yaml).

- NDA term Article: the general provisions survive "while the provisions of the preceding items" survive;
  with one item before them the Japanese said 前各号 (the preceding items) of a single item (前号).
- MOU's licence paragraph promised to negotiate a licence of the licensor's rights in the PoC's results
  although the pack's licence agreement licenses them only with ``licence.poc_results`` (licence read9 #1):
  the MOU may not plan what the licence it prepares excludes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TERM = {"ja": "有効期間", "en": "Term"}
NEXT = {"ja": "今後の契約", "en": "Subsequent Agreements"}


def render(deal: object, kind: str, lang: str) -> str:
    return api.render_document(deal, kind, lang=lang, fmt="md").decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_general_provisions_survive_with_the_one_item_before_them(lang: str) -> None:
    term = article_titled(render(api.read_deal(J), "nda", lang), TERM[lang])
    if lang == "ja":
        assert "の規定：前号の規定が効力を有する間" in term and "前各号" not in term
    else:
        assert "for as long as the provisions listed in the preceding item remain in force" in term


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_with_a_party_abroad_there_are_two_items_before_them(lang: str, tmp_path: Path) -> None:
    deal = deal_changed(ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml")
    term = article_titled(render(deal, "nda", lang), TERM[lang])
    if lang == "ja":
        assert "の規定：前各号の規定が効力を有する間" in term
    else:
        assert "for as long as any of the provisions listed in the preceding items remains in force" in term


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_mou_plans_the_poc_results_only_where_the_licence_includes_them(lang: str, tmp_path: Path) -> None:
    words = "技術検証（PoC）の成果に係る" if lang == "ja" else "rights in the results of the technical verification"
    without = article_titled(render(api.read_deal(J), "mou", lang), NEXT[lang])
    assert ("特許第7345678号" in without) and words not in without
    with_results = article_titled(render(deal_changed(J, tmp_path, licence__poc_results=True), "mou", lang), NEXT[lang])
    assert words in with_results


# The review sheet's options table named two JDA keys by their raw names ('site', 'insurance amount').

def _label_misses(node: object, path: str, labels: dict[str, object], misses: set[str]) -> None:
    from oidocs.review.people import label

    if not isinstance(node, dict):
        return
    for key, value in node.items():
        dotted = f"{path}.{key}" if path else str(key)
        if dotted in {"version", "deal_id", "parties"} or dotted in labels:
            continue
        if isinstance(value, dict):
            _label_misses(value, dotted, labels, misses)
        elif label(dotted, "en") == str(key).replace("_", " "):
            misses.add(dotted)


def test_every_key_the_shipped_deals_set_has_a_name_on_the_sheet() -> None:
    import yaml

    from oidocs.review.people import words

    labels = words()["labels"]
    misses: set[str] = set()
    for path in [*(ROOT / "tests" / "fixtures").glob("*.yaml"), *(ROOT / "examples").glob("*.yaml"),
                 *(ROOT / "tests" / "review_deals").glob("*.yaml")]:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue  # the deliberately broken fixtures
        _label_misses(data, "", labels, misses)
    assert not misses


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_jda_site_rows_are_named_in_words(lang: str) -> None:
    sheet = api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
    assert "| site |" not in sheet and "| insurance amount |" not in sheet
    assert ("| 共同研究開発の作業を行う施設の当事者 |" if lang == "ja" else "| Party whose site hosts the JDA's work |") in sheet


# Deal J's licensee uses the university's patented method in its own plants, the deal's main use: with a
# royalty on Net Sales to third parties only, the university earned nothing beyond the upfront payment.

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_own_use_of_the_licensed_products_and_services_counts_in_net_sales(lang: str) -> None:
    text = render(api.read_deal(J), "licence", lang)
    definitions = article_titled(text, "定義" if lang == "ja" else "Definitions")
    net_sales = next(line for line in definitions.splitlines() if ("「正味販売高」" in line or "“Net Sales”" in line))
    if lang == "ja":
        assert ("本製品を販売せずに自ら使用し（試験、評価又は研究開発のための使用を除く。）、又は第三者に提供すれば本サービスと"
                "なる役務を自己の事業のために自ら行うときは、当該使用又は役務は、その使用を始めた時又は役務を行った時に、独立した第三者との通常の取引における価格") in net_sales
    else:
        assert ("without selling them (other than for testing, evaluation or research and development), or performs for its "
                "own business services that would be") in net_sales
        assert ("deemed sold or provided to a third party, when the use begins or the services are performed, at the "
                "price charged in ordinary arm’s-length transactions") in net_sales


# The JDA (signed 2027-12-20) cited 'the licence agreement dated 2028-03-10' as if it existed; the licence's
# ban on filing the licensor's know-how excepted only the PoC (described as a two-party PoC with the
# licensor) and so could block the licensee's joint filings under the JDA.

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_licence_signed_after_the_jda_is_cited_as_planned(lang: str, tmp_path: Path) -> None:
    text = render(api.read_deal(J), "jda", lang)
    if lang == "ja":
        assert "実施許諾契約であって令和10年3月10日に締結することが予定されているもの（以下「本ライセンス契約」という。）が締結され、" \
               "効力を生じたときは、その日以後" in text
        assert "令和10年3月10日付けの実施許諾契約" not in text
        assert "別途締結を予定する実施許諾契約により甲にも実施を許諾する予定" in text
    else:
        assert "If the licence agreement to be entered into on March 10, 2028 under which Party B licenses Party A" in text
        assert "is entered into, then from the day on which it takes effect, as between Party B and Party A" in text
        assert "To be licensed also to Party A under a separate licence agreement to be entered into" in text
    before = render(deal_changed(J, tmp_path, licence__date="2027-12-20", licence__effective="2028-01-05"), "jda", lang)
    assert ("令和9年12月20日付けの実施許諾契約" if lang == "ja" else "the licence agreement dated December 20, 2027") in before


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_know_how_filing_ban_excepts_filings_under_the_jda(lang: str, tmp_path: Path) -> None:
    text = render(api.read_deal(J), "licence", lang)
    if lang == "ja":
        assert "（乙が当事者である技術検証（PoC）契約に基づき甲が単独で又は他の者と共同して出願することができる発明についての出願並びに" \
               "乙が当事者である共同研究開発契約に基づき甲が単独で又は他の者と共同して出願することができる発明についての出願を除く。）" in text
    else:
        assert "(except an application that Party A may file alone or jointly with others under the technical verification " \
               "(proof of concept) agreement to which Party B is a party and an application that Party A may file alone or " \
               "jointly with others under the joint research and development agreement to which Party B is a party)" in text
    no_jda = render(deal_changed(J, tmp_path, jda=None, ip=None), "licence", lang)
    assert ("共同研究開発契約に基づき甲が" if lang == "ja" else "joint research and development agreement to which") not in no_jda


# 「評価フィールドの提供及び作業者の協力の調整及び実証試験の実施」: a task that joins its own words with 及び,
# listed with another by 及び again, hides which words belong together; Japanese drafting joins the items by 並びに.

def test_a_list_whose_items_join_words_with_oyobi_is_joined_by_narabini() -> None:
    text = render(api.read_deal(J), "jda", "ja")
    assert "甲：評価フィールドの提供及び作業者の協力の調整並びに実証試験の実施" in text
    assert "調整及び実証試験の実施" not in text
    plain = render(api.read_deal(J), "nda", "ja")
    assert "甲、乙及び丙" in plain  # items without 及び keep 及び
