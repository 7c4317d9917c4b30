"""What a lawyer reading the review sheets of two more packs found (issue 20).

Deal B (English): a startup (acting_for) owning the results, a large company holding an exclusive
field, an SME performing the PoC for the large company, a JDA and a licence. Deal A (Japanese): an
SME (acting_for) co-owning the results 60/40 with a university. Each test reads the sheet (and the
drafts it cites) back and fails on the sheet before its fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, shipped_markdown

DEALS = ROOT / "tests" / "review_deals"
DEAL_B = DEALS / "helix-orbis-tanaka-en.yaml"
DEAL_A = DEALS / "shinano-univ-joint-ja.yaml"
MIRAI = DEALS / "mirai-toyohashi-bg-ja.yaml"  # background licence by the startup and a licence of its patent


def _sheet(deal: Path, lang: str, text: str | None = None, tmp_path: Path | None = None) -> str:
    from oidocs import api

    if text is not None and tmp_path is not None:
        deal = tmp_path / deal.name
        deal.write_text(text, encoding="utf-8")
    return api.render_review(api.read_deal(deal), lang=lang).decode("utf-8")


def _unfavourable(sheet: str) -> list[str]:
    """The numbered items of the section on terms unfavourable to the side acted for."""
    section = re.split(r"^## ", sheet, flags=re.M)
    part = next(s for s in section if s.startswith(("Terms unfavourable", "信濃精工", "Helix")) or "に不利な条項" in s[:60])
    return [line for line in part.splitlines() if re.match(r"\d+\. ", line)]


def _item(sheet: str, words: str) -> str:
    found = [line for line in _unfavourable(sheet) if words in line]
    assert len(found) == 1, f"no single item saying {words!r} in {_unfavourable(sheet)}"
    return found[0]


def _article_saying(markdown: str, words: str) -> str:
    """The label of the article whose text holds ``words`` (Article 16 / 第16条), read from the draft."""
    for part in re.split(r"^## ", markdown, flags=re.M):
        if words in part:
            return re.match(r"(Article \d+|第\d+条)", part).group(1)  # type: ignore[union-attr]
    raise AssertionError(f"no article says {words!r}")


STANDSTILL = {"en": "shall not grant, or agree to grant, to any third party", "ja": "許諾し、又は許諾を約してはならない"}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_startups_sheet_lists_the_poc_standstill_where_the_poc_says_it(lang: str) -> None:
    """The PoC binds the startup (the owner, with no role in the PoC) not to license its own technology
    in the field until the client decides: the sheet lists it against the startup, citing the article
    that holds the stand-still in the PoC as made."""
    where = _article_saying(shipped_markdown(DEAL_B, "poc", lang), STANDSTILL[lang])
    line = _item(_sheet(DEAL_B, lang), "no role in the PoC, you may not license" if lang == "en" else "技術検証に役割がないにもかかわらず")
    assert ("the technology verified included, stays free" if lang == "en" else "検証の対象の技術を含む。）は制限されない") in line
    assert (f"PoC agreement {where}" if lang == "en" else f"技術検証（PoC）契約 {where}") in line


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_pointer_to_the_notice_to_proceed_follows_the_article_that_holds_it(lang: str, tmp_path: Path) -> None:
    """A JDA taking effect on the client's notice: 'the day exclusivity ends is not yet known' cites the
    PoC article with the decision and the notice (and the stand-still), not the results article."""
    text = DEAL_B.read_text(encoding="utf-8").replace("  effective: 2027-07-15\n", "")
    sheet = _sheet(DEAL_B, lang, text, tmp_path)
    poc = shipped_markdown(DEAL_B, "poc", lang)
    decision = _article_saying(poc, STANDSTILL[lang])
    results = _article_saying(poc, "no right or share in the Results" if lang == "en" else "いかなる権利又は持分も取得しない")
    title = "The day exclusivity ends is not yet known" if lang == "en" else "独占期間の終了日がまだ確定していない"
    line = next(line for line in sheet.splitlines() if title in line)
    assert decision in line and results not in line


def test_every_named_provision_a_sheet_rule_cites_is_carried_by_a_clause() -> None:
    """'@name' in the sheet's rules is found in some clause's front matter (provides:), in both
    languages: a provision renamed or dropped cannot leave a rule citing nothing."""
    cited = set()
    for name in ("advice.yaml", "unfavourable.yaml"):
        cited |= set(re.findall(r'"@([a-z_]+)"', (ROOT / "templates" / name).read_text(encoding="utf-8")))
    assert "standstill" in cited
    provided: dict[str, set[str]] = {"ja": set(), "en": set()}
    for path in (ROOT / "clause_library").rglob("*.md"):
        m = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
        lang = path.name.split(".")[-2]
        if m and lang in provided:
            provided[lang] |= set((yaml.safe_load(m.group(1)) or {}).get("provides") or [])
    assert cited <= provided["ja"] and cited <= provided["en"], cited - provided["ja"] - provided["en"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_startup_is_told_the_poc_results_stay_with_the_performer(lang: str) -> None:
    """The PoC's results rule leaves improvements of the startup's technology with the performer, and
    the JDA's article on PoC results keeps it so: both are listed, each at its own article."""
    sheet = _sheet(DEAL_B, lang)
    poc_results = _article_saying(shipped_markdown(DEAL_B, "poc", lang),
                                  "no right or share in the Results" if lang == "en" else "いかなる権利又は持分も取得しない")
    jda_poc = _article_saying(shipped_markdown(DEAL_B, "jda", lang), "may use the PoC Results free of charge" if lang == "en" else "PoC成果を本共同研究開発の遂行のために無償で利用")
    assert poc_results in _item(sheet, "You have no role in the PoC: of its results" if lang == "en" else "技術検証に役割がないため")
    assert jda_poc in _item(sheet, "does not change who owns" if lang == "en" else "帰属を変えない")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_startup_is_warned_what_declining_to_file_in_a_country_costs_it(lang: str) -> None:
    """JDA Art. 10(4)-type term: where the owner declines to file, the holder practises free in every
    field and alone licenses there; the owner's sheet says so and what to ask for."""
    jda = shipped_markdown(DEAL_B, "jda", lang)
    where = _article_saying(jda, "Helix hereby consents to those licences" if lang == "en" else "その許諾にあらかじめ同意し")
    line = _item(sheet := _sheet(DEAL_B, lang), "in every field" if lang == "en" else "対象分野に限らず")
    assert where in line and ("JDA" in line or "共同研究開発契約" in line)
    assert sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sme_is_told_it_carries_the_universitys_filing_costs(lang: str) -> None:
    """Deal A: the SME bears the university's share of the filing costs, repaid only out of licence
    income (JDA joint filing article, PoC results article); the sheet lists it with the advice."""
    sheet = _sheet(DEAL_A, lang)
    line = _item(sheet, "never repaid" if lang == "en" else "それがなければ償還されない")
    jda = _article_saying(shipped_markdown(DEAL_A, "jda", lang), "out of, and up to" if lang == "en" else "その対価の範囲で")
    poc = _article_saying(shipped_markdown(DEAL_A, "poc", lang), "out of, and up to" if lang == "en" else "その対価の範囲で")
    assert jda in line and poc in line
    # eleventh reading: repayment out of an assignment is in the text now (JDA filing v7, PoC results v21), no longer an ask
    for words in (("non-practice compensation", "cap", "assigning its share") if lang == "en"
                  else ("不実施補償", "上限", "持分の譲渡により対価を得たとき")):
        assert words in line


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_two_licences_of_the_same_rights_are_flagged(lang: str, tmp_path: Path) -> None:
    """The JDA licenses the startup's background IP and its Schedule lists the patent the licence agreement
    licenses (licence signed with the JDA): the sheet says so and which one applies, citing both Articles.
    Signed later, the Schedule lists nothing and there is no such item (read8 #10); nor without a background licence."""
    title = "Two licences of the same rights" if lang == "en" else "同じ権利の二つの実施許諾"
    text = MIRAI.read_text(encoding="utf-8").replace("  date: 2029-04-15", "  date: 2027-11-01", 1)
    sheet = _sheet(MIRAI, lang, text, tmp_path)
    line = next((line for line in sheet.splitlines() if title in line), "")
    assert ("JDA Article" if lang == "en" else "共同研究開発契約 第") in line
    assert ("licence agreement Article 7" if lang == "en" else "ライセンス契約 第7条") in line
    assert title not in _sheet(MIRAI, lang) and title not in _sheet(DEAL_A, lang)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_exclusive_licence_of_the_startups_patent_that_outlasts_the_exclusive_period_is_flagged(lang: str) -> None:
    """Deal B: the JDA's exclusivity over the results ends after 3 years, but the licence agreement gives
    the same company an exclusive licence of the startup's patent until it lapses: listed, citing both."""
    line = _item(_sheet(DEAL_B, lang), "means nothing" if lang == "en" else "意味を失う")
    grant = _article_saying(shipped_markdown(DEAL_B, "licence", lang), "exclusive licence" if lang == "en" else "独占的")
    assert grant in line and ("3 years" in line if lang == "en" else "3年" in line)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_options_table_shows_what_the_poc_applies(lang: str) -> None:
    """Deal A, drafted for the client: the review period the PoC gives (30 days, not the deal's default
    10), the deliverable it names when the deal names none, """
    sheet = _sheet(DEAL_A, lang)
    rows = {cells[0]: cells[1] for cells in (line.strip("| ").split(" | ") for line in sheet.splitlines()
                                              if line.startswith("| ")) if len(cells) > 2}
    review = "報告書の確認期間（日）" if lang == "ja" else "Days to review the report"
    assert rows[review] == "30"
    assert rows["成果物" if lang == "ja" else "Deliverables"] == ("検証報告書" if lang == "ja" else "a verification report")
    poc = shipped_markdown(DEAL_A, "poc", lang)
    assert ("本報告書を受領した日から30日以内にその内容を確認し" if lang == "ja" else "within thirty (30) days") in poc
