"""The seventh lawyers' reading, review sheet and register findings: the sheet must never say what
the documents do not (deal G: a university licensing a Singapore company after a PoC, no MOU and no
JDA; deal H: three parties in Japanese, names only in Japanese).

#11: G's "Checks across the pack" said "No contradiction found" and then listed JDA and MOU checks
for a pack with neither. G's options said "licensor's share of sublicence income (%) | 30" where
licence Art 3(2) leaves the consideration to be agreed at consent, and "Licensor practises in the
field | no" where Art 2(5) says "the University may practise the Licensed Rights itself"; the
unfavourable item on the licence cap said "not less than any upfront fee or minimum royalty" where
Art 21(3) names the upfront fee only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, deal_changed
from oidocs import api
from oidocs.review.checks import checks_made
from oidocs.review.checks import pack_docs
from test_golden_review import DEALS

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"

# How each document is named in a "checked" line (its short name or the stem of it).
NAMED = {"en": {"mou": "MOU", "poc": "PoC", "jda": "JDA", "licence": "licence"},
         "ja": {"mou": "基本合意書", "poc": "技術検証", "jda": "共同研究開発", "licence": "ライセンス"}}
NONE_FOUND = {"en": "No contradiction found", "ja": "矛盾は見つかりませんでした"}


def _sheet(path: Path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


def _checked_lines(sheet: str, lang: str) -> list[str]:
    """The bullet lines under the sheet's "no contradiction found" sentence (empty if it is not there)."""
    at = sheet.find(NONE_FOUND[lang])
    if at == -1:
        return []
    block = sheet[at:sheet.index("\n## ", at)]
    return [line for line in block.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_g_lists_no_jda_or_mou_check(lang: str) -> None:
    """G has an NDA, a PoC and a licence: no line of what was checked names a JDA or an MOU."""
    lines = _checked_lines(_sheet(G, lang), lang)
    assert lines, "G's sheet lists the checks made"
    for doc in ("jda", "mou"):
        assert not [line for line in lines if NAMED[lang][doc] in line], f"a {doc} check listed for G: {lines}"


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("deal_path", DEALS, ids=lambda p: p.stem)
def test_each_checked_line_names_only_documents_of_the_pack(deal_path: Path, lang: str) -> None:
    """Every line under "these were checked" names only documents the pack makes (the general rule)."""
    present = set(pack_docs(api.read_deal(deal_path)))
    for line in _checked_lines(_sheet(deal_path, lang), lang):
        absent = [d for d, name in NAMED[lang].items() if d not in present and name in line]
        assert not absent, f"{deal_path.stem}: '{line}' names {absent}, not in the pack"


def _options(sheet: str) -> dict[str, str]:
    """The options table: label -> value."""
    at = sheet.index("\n## Options\n") if "\n## Options\n" in sheet else sheet.index("\n## 選択項目\n")
    rows = sheet[at:sheet.index("\n## ", at + 3)].splitlines()[4:]
    return {cells[1].strip(): cells[2].strip() for cells in (row.split("|") for row in rows if row.startswith("|"))}


def _article(deal, doc: str, clause: str, lang: str) -> str:
    tree = api.build_document(deal, doc, lang)
    article = next(a for a in tree.articles if a.clause.id == clause)
    text = api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")
    start = text.index(f"\n## {article.label}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


SUBLICENCE_ROW = {"en": "Licence royalty: licensor's share of sublicence income (%)",
                  "ja": "ライセンス契約の実施料：再許諾の一時金等のうち許諾者の取り分（％）"}
PRACTISES_ROW = {"en": "Licensor practises in the field", "ja": "許諾者自身の実施"}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sublicence_share_row_says_what_the_licence_says(lang: str, tmp_path: Path) -> None:
    """G's licence is not sublicensable: Art 3(2) leaves the consideration to be agreed at consent, so the
    row shows that, not the 30 per cent no Article states; a sublicensable licence prints the share and
    the row keeps it."""
    g = api.read_deal(G)
    sub = _article(g, "licence", "licence.sublicence", lang)
    assert "30" not in sub
    row = _options(_sheet(G, lang))[SUBLICENCE_ROW[lang]]
    assert "30" not in row and ("consent" in row if lang == "en" else "承諾" in row), row
    open_ = deal_changed(G, tmp_path, licence__sublicensable=True)
    assert ("30 per cent" in _article(open_, "licence", "licence.sublicence", lang) if lang == "en"
            else "30パーセント" in _article(open_, "licence", "licence.sublicence", lang))
    sheet = api.render_review(open_, lang=lang).decode("utf-8")
    assert _options(sheet)[SUBLICENCE_ROW[lang]] == "30"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_licensor_practice_row_reads_the_grant_article(lang: str, tmp_path: Path) -> None:
    """G's licence is non-exclusive and Art 2 says the University may practise the rights itself: the row
    says yes. An exclusive licence from a university that keeps only its non-commercial research and
    education says that; one that keeps the right to practise says yes."""
    yes = {"en": "yes", "ja": "はい"}[lang]
    grant = _article(api.read_deal(G), "licence", "licence.grant", lang)
    assert ("the University may practise the Licensed Rights itself" in grant if lang == "en" else "自ら" in grant)
    assert _options(_sheet(G, lang))[PRACTISES_ROW[lang]] == yes
    exclusive = deal_changed(G, tmp_path, licence__exclusive=True)
    assert ("non-commercial research and education" in _article(exclusive, "licence", "licence.grant", lang)
            if lang == "en" else "非営利の研究及び教育" in _article(exclusive, "licence", "licence.grant", lang))
    row = _options(api.render_review(exclusive, lang=lang).decode("utf-8"))[PRACTISES_ROW[lang]]
    assert ("non-commercial research and education" in row if lang == "en" else "非営利の研究及び教育" in row), row
    keeps = deal_changed(G, tmp_path, licence__exclusive=True, licence__licensor_practises=True)
    assert _options(api.render_review(keeps, lang=lang).decode("utf-8"))[PRACTISES_ROW[lang]] == yes


def _unfavourable(sheet: str, clause_label: str) -> str:
    return next(line for line in sheet.splitlines() if clause_label in line and line[:1].isdigit()
                and ("cap" in line or "上限" in line))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_licence_cap_item_names_the_floor_the_damages_article_names(lang: str, tmp_path: Path) -> None:
    """Art 21(3) sets the cap at not less than the upfront fee (G has one): the item names the upfront fee
    and not the minimum royalty; with no upfront fee the Article and the item name the minimum royalty."""
    minimum = {"en": "minimum royalty", "ja": "最低実施料"}[lang]
    upfront = {"en": "upfront fee", "ja": "契約一時金"}[lang]
    label = {"en": "licence agreement Article 21", "ja": "ライセンス契約 第21条"}[lang]
    g = api.read_deal(G)
    damages = _article(g, "licence", "licence.damages", lang)
    assert upfront in damages and (minimum not in damages.lower() if lang == "en" else minimum not in damages)
    item = _unfavourable(_sheet(G, lang), label)
    assert upfront in item and minimum not in item, item
    no_fee = deal_changed(G, tmp_path, licence__royalty__upfront=0)
    assert minimum in _article(no_fee, "licence", "licence.damages", lang).lower()
    item = _unfavourable(api.render_review(no_fee, lang=lang).decode("utf-8"), label)
    assert minimum in item and upfront not in item, item


def _register(deal, lang: str) -> list[dict[str, str]]:
    import csv
    import io

    files = api.render_calendar(deal, lang=lang)
    text = files[api.calendar_names(deal.deal_id)[1]].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


WARRANTY_ROW = {"en": "software warranty", "ja": "ソフトウェアの保証期間"}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_register_has_the_end_of_the_software_warranty(lang: str, tmp_path: Path) -> None:
    """G's licence Art 12(2) warrants the programs for twelve months after they are provided (Art 5: within
    30 days after 2028-04-01, so by 2028-05-01): the register says when that period ends, at the latest
    2029-05-01, citing Art 12. A licence of patents alone has no such warranty and no such row."""
    g = api.read_deal(G)
    warranties = _article(g, "licence", "licence.warranties", lang)
    assert ("for twelve (12) months after they are provided" in warranties if lang == "en"
            else "その提供の日から12か月間" in warranties)
    label = next(a.label for a in api.build_document(g, "licence", lang).articles if a.clause.id == "licence.warranties")
    rows = [r for r in _register(g, lang) if WARRANTY_ROW[lang] in r["what"]]
    assert len(rows) == 1, [r["what"] for r in _register(g, lang)]
    assert rows[0]["article"] == label and "2029-05-01" in rows[0]["rule"] and "12" in rows[0]["rule"]
    patents = deal_changed(G, tmp_path, licence__rights=[{"kind": "patent", "title": "Electrochemical sensor",
                                                          "number": "JP 7456789 B2"}],
                           licence__royalty__rate_after_patents_percent=None)
    assert not [r for r in _register(patents, lang) if WARRANTY_ROW[lang] in r["what"]]


ENGLISH_HEADING = {"en": "## Parties in English documents", "ja": "## 英文書類での当事者の表示"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_asks_for_english_names_when_the_parties_have_only_japanese(lang: str) -> None:
    """H's parties are written in Japanese only and have no short_name: its English JDA prints their
    Japanese names and addresses and calls them Party A/B/C. The sheet (in either language) names each
    party and what it lacks, and says how to give the English; G, whose parties are written in English,
    gets no such section."""
    sheet = _sheet(H, lang)
    assert ENGLISH_HEADING[lang] in sheet
    section = sheet[sheet.index(ENGLISH_HEADING[lang]):sheet.index("\n## ", sheet.index(ENGLISH_HEADING[lang]) + 3)]
    for name in ("東陽重工業株式会社", "三河精密加工株式会社", "株式会社ソラビジョン"):
        line = next(line for line in section.splitlines() if line.startswith("| ") and name in line)
        assert ("short name" in line and "address" in line) if lang == "en" else ("略称" in line and "住所" in line), line
    assert "en:" in section and "short_name" in section and "Party A" in section
    english = api.render_document(api.read_deal(H), "jda", lang="en", fmt="md").decode("utf-8")
    assert "Party A" in english and "東陽重工業株式会社" in english  # what the section warns of
    assert ENGLISH_HEADING[lang] not in _sheet(G, lang)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_checks_that_need_the_jda_effective_date_are_not_listed_for_a_jda_on_notice(lang: str) -> None:
    """H's JDA takes effect on the SME's notice to proceed (no date): the research-period and NDA-to-JDA
    checks read that date, so they were not made and are not listed; the PoC's own are. A pack whose JDA
    is dated (deal E) keeps them."""
    research = {"en": "the research period starts after the JDA takes effect",
                "ja": "研究期間が共同研究開発契約の効力発生後に始まること"}[lang]
    nda_next = {"en": "the NDA lasts until the next agreement takes effect",
                "ja": "秘密保持契約が次の契約の効力発生まで続くこと"}[lang]
    nda_poc = {"en": "the NDA lasts until the PoC agreement takes effect",
               "ja": "秘密保持契約が技術検証（PoC）契約の効力発生まで続くこと"}[lang]
    # H's sheet lists what its JDA on notice allows (read11), so the checks made are read from checks_made
    h = [f"- {line}" for line in checks_made(api.read_deal(H), lang)]
    assert h and not [line for line in h if research in line or nda_next in line], h
    assert f"- {nda_poc}" in h
    e = _checked_lines(_sheet(ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml", lang), lang)
    assert f"- {research}" in e and any(nda_next in line for line in e)
