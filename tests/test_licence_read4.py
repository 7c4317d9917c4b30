"""The licence agreement and the JDA's royalty article after the fourth lawyer reading (read4).

Deal D (tests/review_deals/kansai-helix-field-en.yaml, licence in yen; tests/fixtures/
kansai-helix-frailty-en.yaml, in US dollars): a university, acting, licenses a patent, a PCT
application and know-how exclusively to a Delaware startup on the day the JDA is signed, and owns
the JDA's results with the startup holding an exclusive field. Each test reads the generated
document back as a lawyer would and fails on the drafts before this round.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from oidocs import api
from oidocs.deal.dealfile import parse_deal
from oidocs.deal.model import Deal
from oidocs.deal.yamlsource import load_text

DEAL_D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"
DEAL_D_USD = ROOT / "tests" / "fixtures" / "kansai-helix-frailty-en.yaml"
DEAL_C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
LANGS = ("ja", "en")


def deal(path: Path, **sections: dict[str, Any]) -> Deal:
    """The deal at ``path`` with keys of its sections replaced (``top`` for top-level keys; None removes)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, edit in sections.items():
        section = data if name == "top" else data[name]
        section.update(edit)
        for key in [k for k, v in edit.items() if v is None]:
            del section[key]
    return parse_deal(load_text(yaml.safe_dump(data, allow_unicode=True), path.name))


def article(d: Deal, doc: str, lang: str, clause_id: str) -> str:
    """One article of ``doc`` (heading to the next heading), found by clause id, on one line."""
    text = api.render_document(d, doc, lang=lang, fmt="md").decode("utf-8")
    tree = api.build_document(d, doc, lang)
    found = next((a for a in tree.articles if a.clause.id == clause_id), None)
    assert found is not None, f"the {doc} has no {clause_id} article"
    start = text.index(f"## {found.label}")
    end = text.find("\n## ", start + 1)
    return " ".join((text[start:] if end < 0 else text[start:end]).split())


def document(d: Deal, doc: str, lang: str) -> str:
    return " ".join(api.render_document(d, doc, lang=lang, fmt="md").decode("utf-8").split())


# --- 1. no dead text when the licence ends with the last patent ----------------------------------

@pytest.mark.parametrize("path", [DEAL_D, DEAL_D_USD])
@pytest.mark.parametrize("lang", LANGS)
def test_a_licence_ending_with_the_last_patent_has_no_dead_royalty_or_know_how_text(path: Path, lang: str) -> None:
    d = deal(path)
    consideration = article(d, "licence", lang, "licence.consideration")
    term = article(d, "licence", lang, "licence.term")
    if lang == "ja":
        assert "消滅した日の翌日以後に販売され" not in consideration
        assert "ノウハウは" not in term and "最後に消滅するものが消滅する日まで効力を有する" in term
    else:
        assert "have lapsed as provided in" not in consideration
        assert "know-how when it becomes public" not in term
        assert "until the day on which the last of the patents" in term
    # with a term in years the Agreement outlives the patents, and both provisions work again
    longer = deal(path, licence={"term_years": 10, "royalty": {**yaml.safe_load(path.read_text())["licence"]["royalty"],
                                                                "rate_after_patents_percent": 1}})
    assert ("ノウハウは" in article(longer, "licence", lang, "licence.term")) == (lang == "ja")
    after = article(longer, "licence", lang, "licence.consideration")
    # the lower rate applies wherever no Valid Claim covers the product (read7: country by country)
    assert ("前項の料率に代えて1パーセントの料率" in after) if lang == "ja" else ("at the rate of 1 per cent." in after)


# --- 2. consumption tax for a licensee abroad: only if chargeable ----------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_consumption_tax_is_added_for_a_licensee_abroad_only_if_chargeable(lang: str) -> None:
    abroad = article(deal(DEAL_D), "licence", lang, "licence.reports")
    at_home = article(deal(DEAL_C), "licence", lang, "licence.reports")
    if lang == "ja":
        assert "消費税及び地方消費税の額（課されるときに限る。）を加えて支払う" in abroad
        assert "消費税及び地方消費税の額を加えて支払う" in at_home
    else:
        assert "consumption tax and local consumption tax, if any is chargeable, on any payment" in abroad
        assert "consumption tax and local consumption tax on any payment" in at_home


# --- 5. the JDA's royalty Article names the one party that pays ------------------------------------

@pytest.mark.parametrize("path", [DEAL_D, DEAL_D_USD])
@pytest.mark.parametrize("lang", LANGS)
def test_the_jda_royalty_article_names_the_holder_that_pays(path: Path, lang: str) -> None:
    royalties = article(deal(path), "jda", lang, "ip.royalty_terms")
    if lang == "ja":
        assert "実施料を支払う当事者" not in royalties and "実施料を受" not in royalties.split("次の各号")[0]
        assert "乙は、各報告期間の末日から" in royalties and "報告書を甲に提出し" in royalties
        assert "乙は、実施料の算定の基礎となる帳簿" in royalties
    else:
        assert "Party paying" not in royalties and "Party receiving" not in royalties
        assert "Helix shall submit to the University a report" in royalties
        assert "Helix shall keep the books" in royalties and "The University may, by written notice" in royalties
        assert "requires Helix to withhold tax from royalties under this Article, the Parties shall cooperate" in royalties


# --- 6. the exchange rate and withholding wording is written once for both agreements --------------

def test_the_exchange_rate_and_withholding_wording_is_edited_once_for_licence_and_jda(tmp_path: Path) -> None:
    from oidocs.clauses.library import Library
    d = deal(DEAL_D)
    for lang in LANGS:  # the two agreements already say the same thing in the same words
        licence, jda = article(d, "licence", lang, "licence.reports"), article(d, "jda", lang, "ip.royalty_terms")
        marker = "いずれの場合も、乙は" if lang == "ja" else "In every case Helix shall deliver"
        sentence = licence[licence.index(marker):].split("。" if lang == "ja" else ".")[0]
        assert sentence in jda
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "phrases.yaml").write_text(
        "exchange_rate:\n  ja: '{period}の末日の株式会社みずほ銀行のTTM'\n  en: 'the TTM of Mizuho Bank, Ltd. for the last day of {period}'\n"
        "withholding_certificate:\n  ja: '{payer}は、{recipient}に納税証明書を交付する。'\n  en: '{payer} shall give {recipient} the tax certificate.'\n",
        encoding="utf-8")
    library = Library([lib])
    for doc in ("licence", "jda"):
        en = document_with(d, doc, "en", library)
        ja = document_with(d, doc, "ja", library)
        assert "the TTM of Mizuho Bank, Ltd. for the last day of" in en and "MUFG" not in en
        assert "Helix shall give the University the tax certificate." in en
        assert "の末日の株式会社みずほ銀行のTTM" in ja and "乙は、甲に納税証明書を交付する。" in ja


def document_with(d: Deal, doc: str, lang: str, library: Any) -> str:
    return " ".join(api.render_document(d, doc, lang=lang, fmt="md", library=library).decode("utf-8").split())


def test_a_phrase_slot_the_clause_does_not_fill_stops_the_build(tmp_path: Path) -> None:
    from oidocs.clauses.library import Library
    from oidocs.errors import ClauseError
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "phrases.yaml").write_text("withholding_net:\n  ja: '{payer}{bank}'\n  en: '{payer} {bank}'\n", encoding="utf-8")
    d = deal(DEAL_C)  # drafted for the licensee: tax withheld is paid net
    with pytest.raises(ClauseError, match="bank"):
        api.render_document(d, "licence", lang="en", fmt="md", library=Library([lib]))


# --- 7. drafting: the parties' particulars and a Background IP Schedule that says it is empty ----------

@pytest.mark.parametrize("doc", ["licence", "jda", "nda"])
def test_the_preamble_gives_a_foreign_company_a_principal_office_and_each_signatory_as_its_officer(doc: str) -> None:
    text = document(deal(DEAL_D), doc, "en")
    assert "Kansai National University, having its principal office at 1-1 Yamadaoka" in text
    assert "represented by its President, Makoto Ishida (“the University”)" in text
    assert "Helix Gait Analytics, Inc., having its principal office at 2261 Market Street" in text
    assert "represented by its Chief Executive Officer, Daniel Reyes (“Helix”)" in text
    assert "represented by President," not in text and "registered address" not in text  # one style (read7)
    # a signatory written name first is not "its Kenichi Kobayashi"
    named = deal(DEAL_D, top={"parties": [{**yaml.safe_load(DEAL_D.read_text())["parties"][0],
                                            "representative": "Makoto Ishida, President"},
                                           yaml.safe_load(DEAL_D.read_text())["parties"][1]]})
    assert "represented by Makoto Ishida, President (“the University”)" in document(named, doc, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_background_ip_schedule_says_none_at_signing_and_how_to_add(lang: str) -> None:
    text = api.render_document(deal(DEAL_D), "jda", lang=lang, fmt="md").decode("utf-8")
    schedule = text[text.rindex("\n## "):]
    if lang == "ja":
        # the University's row lists the patents licensed the same day (test_jda_read6); Helix has none
        assert "| 甲 | 締結時点で記載なし | — | — |" not in schedule and "| 乙 | 締結時点で記載なし | — | — |" in schedule
        assert "第7条第5項に定める提案及び異議の手続により" in schedule and "本別紙への追加を提案することができ" in schedule  # read9: the licence paragraph is 7(4)
    else:
        assert "| the University | Not listed at signing | — | — |" not in schedule
        assert "| Helix | Not listed at signing | — | — |" in schedule
        assert "by the procedure of proposal and objection set out in Article 7(5), propose that technical information of its own be added to this Schedule" in schedule
    assert "|  |  |  |" not in schedule


# --- 3. a licence signed with the JDA charges no minimum before anything can be sold ----------------

@pytest.mark.parametrize("path", [DEAL_D, DEAL_D_USD])
@pytest.mark.parametrize("lang", LANGS)
def test_the_minimum_royalty_starts_at_the_first_sale_or_a_year_after_the_research(path: Path, lang: str) -> None:
    text = article(deal(path), "licence", lang, "licence.consideration")
    if lang == "ja":
        assert "効力発生日から起算して1年ごとの各期間" not in text
        assert "本製品が最初に販売され、又は提供された日と2030年5月31日" in text
        assert "研究期間の末日の1年後の日）とのいずれか早い日から起算して1年ごとの各期間（以下「契約年度」という。）" in text
        assert "最初の契約年度が始まる前の期間については、最低実施料を要しない" in text
    else:
        assert "each period of one year from the Effective Date" not in text
        assert ("from the day on which Licensed Products are first sold or supplied or, if earlier, from May 31, 2030 "
                "(the first anniversary of the last day of the research period") in text
        assert "no Minimum Royalty is payable for any time before the first Contract Year begins" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_minimum_royalty_start_leans_with_acting_for_and_needs_a_licence_before_the_research_ends(lang: str) -> None:
    for_helix = article(deal(DEAL_D, top={"acting_for": "helix"}), "licence", lang, "licence.consideration")
    later = article(deal(DEAL_D, licence={"date": "2029-07-01"}), "licence", lang, "licence.consideration")
    if lang == "ja":
        assert "提供された日の1年後の日と2031年5月31日" in for_helix and "末日の2年後の日" in for_helix
        assert "効力発生日から起算して1年ごとの各期間" in later and "最初に販売され" not in later
    else:
        assert "from the first anniversary of the day on which Licensed Products are first sold" in for_helix
        assert "May 31, 2031 (the second anniversary" in for_helix
        assert "each period of one year from the Effective Date" in later and "first sold" not in later


# --- 4. the two royalties on one product are capped, and the sheet says so --------------------------

@pytest.mark.parametrize("path", [DEAL_D, DEAL_D_USD])
@pytest.mark.parametrize("lang", LANGS)
def test_the_licence_caps_the_jda_and_licence_royalties_on_one_product(path: Path, lang: str) -> None:
    # balanced (drafted for the licensor there is no cap since the sixth reading: test_licence_read6)
    text = article(deal(path, top={"acting_for": None}), "licence", lang, "licence.jda_background")
    if lang == "ja":
        assert "2.5パーセントの実施料が課される本製品については、ランニングロイヤルティの料率は1.75パーセントを上限とし" in text
        assert "両契約に基づく実施料の合計額が当該本製品の正味販売高の4.25パーセントを超えないようにする" in text
    else:
        assert "also bear the running royalty of 2.5 per cent payable under the Joint Research Agreement" in text
        assert "the rate of the Running Royalty shall not exceed 1.75 per cent" in text
        assert "together do not exceed 4.25 per cent of their Net Sales" in text
    # drafted for the licensee, the licence royalty is in effect credited: the two never exceed the higher rate
    helix = article(deal(path, top={"acting_for": "helix"}), "licence", lang, "licence.jda_background")
    assert ("0.5パーセントを上限" in helix and "3パーセントを超えない" in helix) if lang == "ja" else \
        ("shall not exceed 0.5 per cent" in helix and "do not exceed 3 per cent" in helix)


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheets_stacked_royalty_item_gives_the_cap_the_licence_sets(lang: str) -> None:
    balanced = deal(DEAL_D, top={"acting_for": None})  # the cap is in the text only when not drafted for the licensor
    sheet = api.render_review(balanced, lang=lang).decode("utf-8")
    title = "一つの製品に二つのランニングロイヤルティ" if lang == "ja" else "Two running royalties on one product"
    item = " ".join(sheet[sheet.index(title):].split("\n\n")[0].split())
    licence = api.build_document(balanced, "licence", lang)
    label = next(a.label for a in licence.articles if a.clause.id == "licence.jda_background")
    assert label in item
    if lang == "ja":
        assert "1.75パーセントに下げ" in item and "4.25パーセント以下" in item
    else:
        assert "lowers its own rate on such products to 1.75%" in item and "do not exceed 4.25%" in item
        assert "Cap the combined rate" not in item


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheet_says_the_know_how_licence_ends_with_the_last_patent(lang: str) -> None:
    """Why Art 6(3) and the know-how lapse went (item 1): the sheet tells both sides what it means."""
    sheet = api.render_review(deal(DEAL_D), lang=lang).decode("utf-8")
    assert ("ノウハウのライセンスも最後の特許とともに終わる" if lang == "ja" else "The know-how licence ends with the last patent") in sheet
    longer = deal(DEAL_D, licence={"term_years": 10})
    assert "know-how licence ends with the last patent" not in api.render_review(longer, lang="en").decode("utf-8")
