"""Signing practice: electronic execution (電子契約) and era dates (和暦), read back from the DOCX."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import advice_in, EXAMPLES
from oidocs import api
from oidocs.document.labels import era_date, labels_for

ELECTRONIC = next(p for p in EXAMPLES if p.name == "hakata-sensor-ja.yaml")
PAPER = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
WESTERN_YEAR = re.compile(r"(?:19|20)\d\d\s*年")
ERA_DATE = re.compile(r"令和(?:元|\d+)年\d+月\d+日")


def docx_text(tmp_path: Path, data: bytes) -> str:
    """All text of a DOCX as docx2python reads it: body, tables, headers and footers."""
    from docx2python import docx2python

    path = tmp_path / "doc.docx"
    path.write_bytes(data)
    with docx2python(path) as d:
        return d.text


def with_options(path: Path, tmp_path: Path, **keys: str) -> Path:
    """A copy of a shipped deal with top-level keys set (signing, date_style...)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(keys)
    out = tmp_path / path.name
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_electronic_documents_have_the_electronic_execution_clause_and_no_seal(tmp_path: Path, lang: str) -> None:
    deal = api.read_deal(ELECTRONIC)
    assert deal.signing == "electronic"
    for doc in api.docs_in(deal):
        text = docx_text(tmp_path, api.render_document(deal, doc, lang, "docx"))
        if lang == "ja":
            assert "電磁的記録を作成し、各当事者が電子署名を行った上で、各自これを保管する" in text
            assert "書面による原本を作成しない" in text
            assert "記名押印の上" not in text and not re.search(r"本書\d+通", text)
            assert "印" not in "".join(line for line in text.splitlines() if line.startswith("代表者"))
            assert not re.search(r"\s印\s*$", text, flags=re.M), "no seal mark (印) anywhere"
        else:
            assert "as an electronic record, which each Party has signed by electronic signature" in text
            assert "No paper original" in text
            assert "originals by affixing" not in text and "____" not in text


def test_paper_documents_keep_counterparts_and_seals(tmp_path: Path) -> None:
    deal = api.read_deal(PAPER)
    assert deal.signing == "paper"
    text = docx_text(tmp_path, api.render_document(deal, "nda", "ja", "docx"))
    assert re.search(rf"本書{len(deal.parties)}通を作成し、各当事者が記名押印又は署名の上", text)
    assert text.count("印\n") >= len(deal.parties) or len(re.findall(r"\s印", text)) >= len(deal.parties)
    en = docx_text(tmp_path, api.render_document(deal, "nda", "en", "docx"))
    assert "originals by affixing their names and seals or signatures" in en and "By:\t" in en


def test_bilingual_electronic_document_has_no_seal_in_either_column(tmp_path: Path) -> None:
    deal = api.read_deal(ELECTRONIC)
    text = docx_text(tmp_path, api.render_document(deal, "poc", "ja+en", "docx"))
    assert "電子署名" in text and "electronic signature" in text
    assert not re.search(r"\s印\s*$", text, flags=re.M) and "____" not in text


def test_era_dates_everywhere_in_japanese_documents(tmp_path: Path) -> None:
    deal = api.read_deal(ELECTRONIC)
    assert deal.date_style == "japanese"
    for doc in api.docs_in(deal):
        text = docx_text(tmp_path, api.render_document(deal, doc, "ja", "docx"))
        assert not WESTERN_YEAR.search(text), WESTERN_YEAR.search(text)
        assert ERA_DATE.search(text)
        # English ignores the date style
        en = docx_text(tmp_path, api.render_document(deal, doc, "en", "docx"))
        assert re.search(r"\b20\d\d\b", en) and "令和" not in en


def test_era_dates_in_every_document_of_other_deals(tmp_path: Path) -> None:
    """Milestones, periods and schedules of the MOU, PoC and JDA follow the date style too."""
    deal = api.read_deal(with_options(PAPER, tmp_path, date_style="japanese"))
    for doc in api.docs_in(deal):
        text = docx_text(tmp_path, api.render_document(deal, doc, "ja", "docx"))
        own = {m.group(0) for m in WESTERN_YEAR.finditer(deal.model_dump_json())}
        left = [m.group(0) for m in WESTERN_YEAR.finditer(text) if m.group(0) not in own]
        assert not left, (doc, left)
        assert len(ERA_DATE.findall(text)) >= 1


def test_blank_date_line_by_era(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(ELECTRONIC.read_text(encoding="utf-8"))
    data["nda"].pop("date")
    path = tmp_path / "undated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    tree = api.build_document(api.read_deal(path), "nda", "ja")
    assert tree.closing.date_line == "令和　　年　　月　　日"


@pytest.mark.parametrize("day, written", [
    (dt.date(2026, 12, 1), "令和8年12月1日"),
    (dt.date(2019, 5, 1), "令和元年5月1日"),
    (dt.date(2019, 4, 30), "平成31年4月30日"),
    (dt.date(2020, 1, 1), "令和2年1月1日"),
    (dt.date(1989, 1, 8), "平成元年1月8日"),
    (dt.date(1989, 1, 7), "昭和64年1月7日"),
])
def test_era_boundaries(day: dt.date, written: str) -> None:
    assert era_date(day) == written
    assert labels_for("ja", "japanese").date(day) == written
    assert labels_for("ja").date(day) == f"{day.year}年{day.month}月{day.day}日"
    assert labels_for("en", "japanese").date(day) == labels_for("en").date(day)


# --- the review sheet ------------------------------------------------------------------------

def sheet(path: Path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode()


def section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 4)
    return text[start:end if end != -1 else None]


@pytest.mark.parametrize("lang, heading", [("ja", "印紙税"), ("en", "Stamp duty")])
def test_paper_review_sheet_has_a_stamp_duty_line_per_document(lang: str, heading: str) -> None:
    from oidocs.review.signing import stamp_duty

    deal = api.read_deal(PAPER)
    part = section(sheet(PAPER, lang), heading)
    lines = [line for line in part.splitlines() if line.startswith("- **")]
    titles = {d: api.build_document(deal, d, lang).title for d in api.docs_in(deal)}
    assert [re.match(r"- \*\*(.+?)\*\*: ", line).group(1) for line in lines] == list(titles.values())  # type: ignore[union-attr]
    nda = next(line for line in lines if line.startswith(f"- **{titles['nda']}**"))
    assert ("課税文書に当たりません" if lang == "ja" else "not a taxable document") in nda
    poc = next(line for line in lines if line.startswith(f"- **{titles['poc']}**"))
    assert ("準委任" in poc) and ("第2号文書" in poc if lang == "ja" else "category 2" in poc)
    duty = f"{stamp_duty(2, deal.poc.fee.amount):,}"  # type: ignore[union-attr]
    assert (f"{duty}円" if lang == "ja" else f"{duty} yen") in poc
    assert ("税理士" in part) and ("要確認" in poc if lang == "ja" else "confirm" in poc)


def test_exclusive_field_jda_may_be_a_category_1_document() -> None:
    bigco = next(p for p in EXAMPLES if p.name == "bigco-smallworks-en.yaml")
    part = section(sheet(bigco, "en"), "Stamp duty")
    jda = next(line for line in part.splitlines() if line.startswith("- **Joint Research and Development Agreement**"))
    assert "may be taxable" in jda and "category 1-1" in jda and "200 yen" in jda


@pytest.mark.parametrize("lang, heading, note", [("ja", "印紙税", "印紙税はかかりません"),
                                                 ("en", "Stamp duty", "no stamp duty is due")])
def test_electronic_review_sheet_says_no_stamp_duty(lang: str, heading: str, note: str) -> None:
    text = sheet(ELECTRONIC, lang)
    part = section(text, heading)
    assert note in part and "- **" not in part
    assert not advice_in("stamp_duty", text), "no advice to put stamps on an electronic contract"
    assert ("| 締結の方法 | 電子契約 |" if lang == "ja" else "| How the documents are signed | electronic signature |") in text
    assert ("| 日付の表記 | 和暦 |" if lang == "ja" else "| Date style | Japanese era |") in text


@pytest.mark.parametrize("amount, duty", [(None, 200), (9_999, 0), (10_000, 200), (1_000_000, 200),
                                          (1_000_001, 400), (3_000_000, 1_000), (5_000_001, 10_000),
                                          (10_000_000_000, 600_000)])
def test_category_2_bands_of_the_stamp_tax_act(amount: int | None, duty: int) -> None:
    from oidocs.review.signing import stamp_duty

    assert stamp_duty(2, amount) == duty


def test_bilingual_sheet_warns_of_japanese_going_into_the_english_column() -> None:
    text = sheet(ELECTRONIC, "ja+en")
    part = section(text, "英語欄に日本語のまま入る値")
    assert "- 当事者1の名称" in part and "- 目的" in part and "- 合意管轄裁判所" not in part  # the court is translated
    assert "`" not in part and "parties.0" not in part, "places named for people, not as deal-file paths"
    bilingual = next(p for p in EXAMPLES if p.name == "minato-rhein-bilingual.yaml")
    assert "英語欄に日本語のまま入る値はありません" in section(sheet(bilingual, "ja+en"), "英語欄に日本語のまま入る値")
    assert "英語欄に日本語のまま入る値" not in sheet(ELECTRONIC, "ja")
