"""Bilingual (和英併記) documents: --lang ja+en / en+ja, one side-by-side DOCX per agreement."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import DEALS, EXAMPLES, run
from oidocs import api

CASES = [(p, doc) for p in EXAMPLES for doc in api.docs_in(api.read_deal(p))]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def rows_of(data: bytes, tmp_path: Path) -> list[list[list[str]]]:
    """The rows of the body's one table as docx2python reads them: [row][cell][paragraph text]."""
    from docx2python import docx2python

    path = tmp_path / "pair.docx"
    path.write_bytes(data)
    with docx2python(path) as d:
        tables = [t for t in d.body if len(t) > 1 or len(t[0]) == 2]
    assert len(tables) == 1, "the body is one two-column table"
    return tables[0]


def _article_number(text: str) -> int | None:
    m = re.match(r"第(\d+)条（|Article (\d+) \(", text)
    return int(m.group(1) or m.group(2)) if m else None


@pytest.mark.parametrize("deal_path, doc", CASES, ids=[f"{p.stem}-{d}" for p, d in CASES])
def test_each_row_pairs_an_article_with_its_translation(tmp_path: Path, deal_path: Path, doc: str) -> None:
    deal = api.read_deal(deal_path)
    pair = api.build_bilingual(deal, doc, "ja+en")
    rows = rows_of(api.render_document(deal, doc, "ja+en", "docx"), tmp_path)
    assert all(len(row) == 2 for row in rows)
    assert rows[0] == [[pair.first.title], [pair.second.title]]
    paired = [(row[0][0], row[1][0]) for row in rows if _article_number(row[0][0])]
    assert [_article_number(a) for a, _ in paired] == list(range(1, len(pair.first.articles) + 1))
    for (ja, en), article in zip(paired, pair.first.articles):
        assert ja.startswith("第") and en.startswith("Article ")
        assert _article_number(ja) == _article_number(en) == article.number
    # paragraph for paragraph (the signature rows differ: English adds signature and date lines)
    for left, right in rows:
        if left[0] != pair.first.closing.date_line:
            assert len([p for p in left if p]) == len([p for p in right if p])


def test_english_first_puts_english_on_the_left(tmp_path: Path) -> None:
    deal = api.read_deal(EXAMPLES[0])
    rows = rows_of(api.render_document(deal, "nda", "en+ja", "docx"), tmp_path)
    assert rows[0] == [["Non-Disclosure Agreement"], ["秘密保持契約書"]]
    assert rows[2][0][0].startswith("Article 1 (") and rows[2][1][0].startswith("第1条（")


@pytest.mark.parametrize("deal_path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_prevailing_language_article_only_in_bilingual_documents(tmp_path: Path, deal_path: Path) -> None:
    deal = api.read_deal(deal_path)
    rows = rows_of(api.render_document(deal, "nda", "ja+en", "docx"), tmp_path)
    prevailing = getattr(deal, "prevailing_language", None) or deal.language
    ja_name, en_name = ("日本語", "Japanese") if prevailing == "ja" else ("英語", "English")
    [row] = [r for r in rows if r[0][0].endswith("（正文）")]
    assert re.match(r"Article \d+ \(Prevailing Language\)", row[1][0])
    assert f"{ja_name}による本文を正文とする" in row[0][1]
    assert f"the {en_name} text is the authentic text" in row[1][1]
    for lang in ("ja", "en"):
        single = api.render_document(deal, "nda", lang, "md").decode()
        assert "正文" not in single and "Prevailing Language" not in single


def test_signatures_and_fonts_per_column(tmp_path: Path) -> None:
    import zipfile

    deal = api.read_deal(EXAMPLES[0])
    data = api.render_document(deal, "nda", "ja+en", "docx")
    rows = rows_of(data, tmp_path)
    closing, signatures = rows[-2], rows[-1]
    assert "本書" in closing[0][0] and "IN WITNESS WHEREOF" in closing[1][0]
    for party in deal.parties:
        assert any(party.name in p for p in signatures[0]) and any(party.name in p for p in signatures[1])
    xml = zipfile.ZipFile(tmp_path / "pair.docx").read("word/document.xml").decode()
    widths = re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)[:2]
    assert widths[0] == widths[1], "columns of equal width"
    assert '<w:tblLayout w:type="fixed"/>' in xml
    assert "<w:cantSplit/>" in xml, "short rows (a heading with a short article) stay on one page"
    styles = zipfile.ZipFile(tmp_path / "pair.docx").read("word/styles.xml").decode()
    ja_style = styles[styles.index('w:styleId="OIColJa"'):][:900]
    en_style = styles[styles.index('w:styleId="OIColEn"'):][:900]
    assert 'w:eastAsia="ＭＳ 明朝"' in ja_style and 'w:eastAsia="ja-JP"' in ja_style
    assert 'w:ascii="Times New Roman"' in en_style and 'w:val="en-GB"' in en_style
    left_cells = re.findall(r'<w:tc>.*?</w:tc>', xml)[::2]
    assert all('OIColEn' not in c for c in left_cells), "the left column is all Japanese styles"


def test_markdown_gives_each_article_in_both_languages_in_turn() -> None:
    deal = api.read_deal(EXAMPLES[0])
    pair = api.build_bilingual(deal, "nda", "ja+en")
    md = api.render_document(deal, "nda", "ja+en", "md").decode()
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    expected = []
    for ja, en in zip(pair.first.articles, pair.second.articles):
        expected += [f"{ja.label}（{ja.clause.title}）", f"{en.label} ({en.clause.title})"]
    assert headings == expected
    assert md.startswith("# 秘密保持契約書 / Non-Disclosure Agreement\n")


def test_pack_writes_bilingual_file_names(tmp_path: Path) -> None:
    result = run("pack", "--config", EXAMPLES[0], "--out", tmp_path, "--lang", "ja+en")
    assert result.exit_code == 0, result.output
    deal = api.read_deal(EXAMPLES[0])
    names = {p.name for p in tmp_path.iterdir()}
    for doc in api.docs_in(deal):
        assert {f"{deal.deal_id}-{doc}-ja-en.docx", f"{deal.deal_id}-{doc}-ja-en.md"} <= names
    assert f"{deal.deal_id}-review-ja-en.md" in names
    result = run("nda", "--config", EXAMPLES[0], "--out", tmp_path, "--lang", "en+ja", "--format", "docx")
    assert result.exit_code == 0 and (tmp_path / f"{deal.deal_id}-nda-en-ja.docx").exists()


def test_review_mode_and_determinism() -> None:
    deal = api.read_deal(EXAMPLES[0])
    plain = api.render_document(deal, "poc", "ja+en", "docx")
    assert plain == api.render_document(deal, "poc", "ja+en", "docx")
    reviewed = api.render_document(deal, "poc", "ja+en", "docx", review=True)
    import io
    import zipfile

    comments = zipfile.ZipFile(io.BytesIO(reviewed)).read("word/comments.xml").decode()
    assert "common.prevailing_language@" in comments


@pytest.mark.soffice
def test_libreoffice_converts_every_article(tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    names: dict[str, Any] = {}
    for deal_path, doc in CASES:
        deal = api.read_deal(deal_path)
        name = f"{deal_path.stem}-{doc}.docx"
        (tmp_path / name).write_bytes(api.render_document(deal, doc, "ja+en", "docx"))
        names[name] = api.build_bilingual(deal, doc, "ja+en")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "txt:Text", "--outdir", str(tmp_path / "txt"), *names], cwd=tmp_path, check=True,
                   capture_output=True, timeout=600)
    for name, pair in names.items():
        text = " ".join((tmp_path / "txt" / name.replace(".docx", ".txt")).read_text(encoding="utf-8-sig").split())
        for tree in (pair.first, pair.second):
            for article in tree.articles:
                assert f"{article.label}" in text, (name, article.label)
                for block in article.blocks:
                    words = " ".join("".join(n.text for n in getattr(block, "inlines", [])).split())
                    assert words in text, (name, article.label, words[:40])


def test_every_shipped_deal_pairs(tmp_path: Path) -> None:
    for deal_path in DEALS:
        deal = api.read_deal(deal_path)
        for doc in api.docs_in(deal):
            pair = api.build_bilingual(deal, doc, "en+ja")
            assert [a.clause.id for a in pair.first.articles] == [a.clause.id for a in pair.second.articles]


def test_readme_commands_make_the_signing_and_bilingual_examples(tmp_path: Path) -> None:
    """The README's commands for the electronic and the bilingual example run as written."""
    import os
    import sys

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Signing, era dates and bilingual documents\n")
    (script,) = re.findall(r"```sh\n(.*?)```", readme[start:readme.index("\n## ", start + 4)], flags=re.S)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    made = {p.name for p in (tmp_path / "drafts").iterdir()}
    assert {"hakata-sensor-2026-poc-ja.docx", "minato-rhein-2027-poc-ja-en.docx",
            "minato-rhein-2027-review-ja-en.md"} <= made
    assert "docs/bilingual-nda-page1.png" in readme and (ROOT / "docs" / "bilingual-nda-page1.png").is_file()


def test_batch_makes_bilingual_packs(tmp_path: Path) -> None:
    bilingual = next(p for p in EXAMPLES if p.name == "minato-rhein-bilingual.yaml")
    result = run("batch", bilingual, "--out", tmp_path, "--lang", "en+ja", "--jobs", "1", "--quiet",
                 "--format", "md")
    assert result.exit_code == 0, result.output
    deal = api.read_deal(bilingual)
    made = {p.name for p in (tmp_path / deal.deal_id).iterdir()}
    assert {f"{deal.deal_id}-{doc}-en-ja.md" for doc in api.docs_in(deal)} <= made
    md = (tmp_path / deal.deal_id / f"{deal.deal_id}-nda-en-ja.md").read_text(encoding="utf-8")
    assert md.index("## Article 1 (") < md.index("## 第1条（") < md.index("## Article 2 (")


def test_a_map_without_english_is_an_error_naming_the_field(tmp_path: Path) -> None:
    bilingual = next(p for p in EXAMPLES if p.name == "minato-rhein-bilingual.yaml")
    text = bilingual.read_text(encoding="utf-8").replace(
        'en: "Minato Optics Co., Ltd."}', "}").replace("name: {ja: 株式会社みなと光学, }", "name: {ja: 株式会社みなと光学}")
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("nda", "--config", path, "--out", tmp_path / "out", "--lang", "ja+en")
    assert result.exit_code == 1 and "parties.0.name" in result.stderr and not (tmp_path / "out").exists()
