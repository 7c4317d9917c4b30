"""Bilingual (和英併記) documents: --lang ja+en / en+ja, one side-by-side DOCX per agreement."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import DEALS, EXAMPLES, run
from oidocs import api

CASES = [(p, doc) for p in EXAMPLES for doc in api.docs_in(api.read_deal(p))]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


@dataclass
class Para:
    """One paragraph of a cell as Word holds it: style, list (num id, level), text, REF fields."""

    style: str
    num: tuple[int, int] | None
    text: str
    refs: list[str]
    keep: bool
    typed: str  # the text outside fields: what a person typed, not a REF's result


def _para(p: Any) -> Para:
    num_id = p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)
    level = p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS)
    text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
    refs = [" ".join(i.text.split()) for i in p.iter(f"{{{W}}}instrText") if "REF" in (i.text or "")]
    typed, depth = [], 0
    for r in p.iter(f"{{{W}}}r"):
        kind = r.xpath("string(w:fldChar/@w:fldCharType)", namespaces=NS)
        depth += {"begin": 1, "end": -1}.get(kind, 0)
        if not depth and not kind:
            typed.append("".join(t.text or "" for t in r.iter(f"{{{W}}}t")))
    return Para(p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS), (int(num_id), int(level)) if num_id else None,
                text, refs, p.find("w:pPr/w:keepNext", NS) is not None, "".join(typed))


def tables_of(data: bytes) -> list[list[list[list[Para]]]]:
    """The body's tables: [table][row][cell][paragraph]."""
    import io
    import zipfile

    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(f"{{{W}}}body")
    return [[[[_para(p) for p in tc.iter(f"{{{W}}}p")] for tc in tr.findall("w:tc", NS)] for tr in tbl.findall("w:tr", NS)]
            for tbl in body.findall("w:tbl", NS)]


def rows_of(data: bytes) -> list[list[list[Para]]]:
    """The rows of the body's main table (the schedules have a table of their own)."""
    return tables_of(data)[0]


def lists_of(data: bytes) -> dict[int, list[str]]:
    """Each list (num id) of the numbering part with its level texts."""
    import io
    import zipfile

    from lxml import etree

    numbering = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml"))
    abstracts = {a.get(f"{{{W}}}abstractNumId"): a.xpath("w:lvl/w:lvlText/@w:val", namespaces=NS)
                 for a in numbering.findall("w:abstractNum", NS)}
    return {int(n.get(f"{{{W}}}numId")): abstracts[n.xpath("string(w:abstractNumId/@w:val)", namespaces=NS)]
            for n in numbering.findall("w:num", NS)}


# an article of this agreement typed as text (a statute's article, 特許法第73条 / Article 73 of the
# Patent Act, is the law's own number and stays typed)
_ARTICLE_LIKE = re.compile(r"(法)?第\d+条|Article \d+(?:\(\d+\)|, paragraph \d+)?( of the)?")


def typed_article(text: str) -> bool:
    """Whether ``text`` types an article number of this agreement (not a statute's)."""
    return any(not (m.group(1) or m.group(2)) for m in _ARTICLE_LIKE.finditer(text))


@pytest.mark.parametrize("deal_path, doc", CASES, ids=[f"{p.stem}-{d}" for p, d in CASES])
def test_each_row_pairs_a_paragraph_with_its_translation(deal_path: Path, doc: str) -> None:
    deal = api.read_deal(deal_path)
    pair = api.build_bilingual(deal, doc, "ja+en")
    data = api.render_document(deal, doc, "ja+en", "docx")
    rows = rows_of(data)
    lists = lists_of(data)
    assert all(len(row) == 2 for row in rows)
    assert [rows[0][0][0].text, rows[0][1][0].text] == [pair.first.title, pair.second.title]
    # every article heading is a Word list paragraph (level 0) of its column's own list; none is typed
    headings = [(row[0][0], row[1][0]) for row in rows if row[0][0].num and row[0][0].num[1] == 0]
    assert len(headings) == len(pair.first.articles) == len(pair.second.articles)
    left_list, right_list = headings[0][0].num[0], headings[0][1].num[0]
    assert left_list != right_list, "one list per column"
    assert lists[left_list][0] == "第%1条" and lists[right_list][0] == "Article %1"
    for (ja, en), article in zip(headings, pair.first.articles):
        assert ja.num == (left_list, 0) and en.num == (right_list, 0)
        if article is not pair.first.articles[-1]:  # the last one is kept with the execution clause
            assert not ja.keep and not en.keep, "in a table keepNext would chain the row to the next"
        assert ja.text == f"（{article.clause.title}）"
    for row in rows:
        for side, cell in enumerate(row):
            for para in cell:
                assert not typed_article(para.typed), para.text
                if para.num and para.num[0] in (left_list, right_list):
                    assert para.num[0] == (left_list, right_list)[side], "a column numbers only in its own list"
    # one row per paragraph: the same numbered paragraphs and items on both sides of every row
    for left, right in rows[:-1]:
        assert [p.num[1] if p.num else None for p in left] == [p.num[1] if p.num else None for p in right]
        assert sum(1 for p in left if p.num and p.num[1] == 1) <= 1, "at most one numbered paragraph per row"


@pytest.mark.parametrize("deal_path, doc", CASES[:6], ids=[f"{p.stem}-{d}" for p, d in CASES[:6]])
def test_cross_references_are_ref_fields_in_both_columns(deal_path: Path, doc: str) -> None:
    import io
    import zipfile

    deal = api.read_deal(deal_path)
    pair = api.build_bilingual(deal, doc, "ja+en")
    data = api.render_document(deal, doc, "ja+en", "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    bookmarks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    ids = re.findall(r'w:bookmarkStart w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids)), "bookmark ids are unique"
    refs = [para.refs for table in tables_of(data) for row in table for cell in row for para in cell]
    left = [r for row in refs for r in row if "_RefOIJa" in r]
    right = [r for row in refs for r in row if "_RefOIEn" in r]
    from oidocs.document.tree import Ref, walk
    count = sum(1 for n in walk(pair.first) if isinstance(n, Ref))
    assert len(left) == len(right) == count
    for r in left + right:
        assert r.split()[1] in bookmarks


def test_english_first_puts_english_on_the_left() -> None:
    deal = api.read_deal(EXAMPLES[0])
    data = api.render_document(deal, "nda", "en+ja", "docx")
    rows = rows_of(data)
    lists = lists_of(data)
    assert [rows[0][0][0].text, rows[0][1][0].text] == ["Non-Disclosure Agreement", "秘密保持契約書"]
    first = next(row for row in rows if row[0][0].num and row[0][0].num[1] == 0)
    assert lists[first[0][0].num[0]][0] == "Article %1" and lists[first[1][0].num[0]][0] == "第%1条"
    assert first[0][0].text.startswith("(") and first[1][0].text.startswith("（")


@pytest.mark.parametrize("deal_path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_prevailing_language_article_in_bilingual_documents_and_stated_versions(deal_path: Path) -> None:
    deal = api.read_deal(deal_path)
    rows = rows_of(api.render_document(deal, "nda", "ja+en", "docx"))
    prevailing = getattr(deal, "prevailing_language", None) or deal.language
    ja_name, en_name = ("日本語", "Japanese") if prevailing == "ja" else ("英語", "English")
    [row] = [r for r in rows if r[0][0].text.endswith("（正文）")]
    assert row[1][0].text == "(Prevailing Language)"
    assert f"{ja_name}による本文を正文とする" in row[0][1].text
    assert f"the {en_name} text is the authentic text" in row[1][1].text
    for lang in ("ja", "en"):
        single = api.render_document(deal, "nda", lang, "md").decode()
        if "prevailing_language" in deal.model_fields_set:  # separate versions: each says which prevails
            assert (f"{ja_name}版が優先する" if lang == "ja" else f"the {en_name} version prevails") in single
        else:
            assert "正文" not in single and "Prevailing Language" not in single


def test_signatures_and_fonts_per_column(tmp_path: Path) -> None:
    import zipfile

    deal = api.read_deal(EXAMPLES[0])
    data = api.render_document(deal, "nda", "ja+en", "docx")
    (tmp_path / "pair.docx").write_bytes(data)
    rows = rows_of(data)
    closing, signatures = rows[-2], rows[-1]
    assert "本書" in closing[0][0].text and "IN WITNESS WHEREOF" in closing[1][0].text
    assert all(p.keep for cell in closing for p in cell), "the testimonium is kept with the signatures"
    for party in deal.parties:
        assert any(party.name in p.text for p in signatures[0])
        assert any(party.name.upper() == p.text for p in signatures[1]), "the English column's law-firm block"
    assert sum(1 for p in signatures[1] if p.text.startswith("By:")) == len(deal.parties)
    xml = zipfile.ZipFile(tmp_path / "pair.docx").read("word/document.xml").decode()
    widths = re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)[:2]
    assert widths[0] == widths[1], "columns of equal width"
    assert '<w:tblLayout w:type="fixed"/>' in xml
    rows_xml = re.findall(r"<w:tr>.*?</w:tr>", xml)
    assert "<w:cantSplit/>" in rows_xml[-1] and "<w:cantSplit/>" in rows_xml[-2]
    styles = zipfile.ZipFile(tmp_path / "pair.docx").read("word/styles.xml").decode()
    ja_style = styles[styles.index('w:styleId="OIColJa"'):][:900]
    en_style = styles[styles.index('w:styleId="OIColEn"'):][:900]
    assert 'w:eastAsia="ＭＳ 明朝"' in ja_style and 'w:eastAsia="ja-JP"' in ja_style
    assert 'w:line="300"' in ja_style, "the Japanese column has its own line spacing"
    assert 'w:ascii="Times New Roman"' in en_style and 'w:val="en-GB"' in en_style
    left_cells = re.findall(r'<w:tc>.*?</w:tc>', xml)[::2]
    assert all('OIColEn' not in c for c in left_cells), "the left column is all Japanese styles"
    settings = zipfile.ZipFile(tmp_path / "pair.docx").read("word/settings.xml").decode()
    assert '<w:characterSpacingControl w:val="compressPunctuation"/>' in settings


def test_schedules_follow_in_a_table_of_their_own_after_a_page_break() -> None:
    import io
    import zipfile

    deal = api.read_deal(EXAMPLES[0])
    data = api.render_document(deal, "poc", "ja+en", "docx")
    tables = tables_of(data)
    assert len(tables) == 2
    schedule = tables[1]
    assert schedule[0][0][0].text == "別紙" and schedule[0][1][0].text == "Schedule"
    lists = lists_of(data)
    assert all(not p.num or lists[p.num[0]][0] not in ("第%1条", "Article %1")
               for row in schedule for cell in row for p in cell), "a schedule is not a further article"
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    between = xml[xml.index("</w:tbl>"):xml.index("<w:tbl>", xml.index("</w:tbl>"))]
    assert '<w:br w:type="page"/>' in between


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
