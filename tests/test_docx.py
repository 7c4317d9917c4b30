"""The Word file read back with docx2python and as raw XML: what a Word user would see."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import DEALS, as_written, docx_paragraphs
from oidocs import api

NDA_CASES = [(p, lang) for p in DEALS for lang in ("ja", "en")]


def render(tmp_path: Path, deal_path: Path, lang: str, doc: str = "nda") -> tuple[Path, object]:
    deal = api.read_deal(deal_path)
    out = tmp_path / f"{doc}-{lang}.docx"
    out.write_bytes(api.render_document(deal, doc, lang=lang, fmt="docx"))
    return out, api.build_document(deal, doc, lang)


def text_of(par: object) -> str:
    return "".join(r.text for r in par.runs)  # type: ignore[attr-defined]


@pytest.mark.parametrize("deal_path, lang", NDA_CASES, ids=[f"{p.stem}-{l}" for p, l in NDA_CASES])
def test_articles_are_word_numbered_headings(tmp_path: Path, deal_path: Path, lang: str) -> None:
    path, tree = render(tmp_path, deal_path, lang)
    pars = docx_paragraphs(path)
    headings = [p for p in pars if p.style == "Heading1" and p.list_position[1]]
    assert [p.list_position[1] for p in headings] == [[n] for n in range(1, len(tree.articles) + 1)]
    assert len({p.list_position[0] for p in headings}) == 1, "all articles are in one Word list"
    for heading, article in zip(headings, tree.articles):
        assert text_of(heading).endswith(article.clause.title + ("）" if lang == "ja" else ")"))
    # every numbered paragraph and item sits below its article in the same list
    for p in pars:
        if p.style in ("OIParagraph", "OIItem") and p.list_position[0] == headings[0].list_position[0]:
            assert len(p.list_position[1]) == (2 if p.style == "OIParagraph" else 3)


@pytest.mark.parametrize("deal_path, lang", NDA_CASES, ids=[f"{p.stem}-{l}" for p, l in NDA_CASES])
def test_text_names_every_party_purpose_and_court(tmp_path: Path, deal_path: Path, lang: str) -> None:
    path, _ = render(tmp_path, deal_path, lang)
    from oidocs.deal.localize import localize

    deal = localize(api.read_deal(deal_path), lang)  # {ja, en} maps: the text of this language
    from docx2python import docx2python
    with docx2python(path) as d:
        text = d.text
    from oidocs.writers.docx_execution import split_representative
    for party in deal.parties:
        name, address, representative = (" ".join(as_written(v, lang).split())
                                          for v in (party.name, party.address, party.representative))
        assert name in text and address in text
        if lang == "en":  # the signature block: NAME IN CAPITALS, "Name:" and "Title:" on lines of their own
            signer, title = split_representative(representative)
            assert name.upper() in text and f"Name:\xa0{signer}" in text and f"Title:\xa0{title}" in text
        else:
            assert representative in text
    assert " ".join(as_written(deal.purpose, lang).split()) in text
    # a court oidocs knows is written in the document's language (a Japanese court in English and back)
    from oidocs.deal.localize import translate_court
    court = translate_court(deal.court, lang) if isinstance(deal.court, str) else None
    assert (court or ("東京地方裁判所" if lang == "ja" else "the Tokyo District Court")) in text
    for leftover in ("{{", "{%", "None", "\ue000"):
        if leftover not in deal.model_dump_json():
            assert leftover not in text


def test_core_properties_footer_and_page(tmp_path: Path) -> None:
    path, tree = render(tmp_path, DEALS[0], "ja")
    from docx2python import docx2python
    with docx2python(path) as d:
        props = d.core_properties
        footer = d.footer
    assert props["title"] == "秘密保持契約書"
    assert props["identifier"] == "acme-nano-2026"
    # no made-up creation time (the signing date is not when the draft was made), no author
    assert not props.get("created") and not props.get("modified") and not props.get("creator")
    footer_text = "".join(str(x) for x in footer)
    assert re.search(r"1 / \d+", footer_text)
    xml = zipfile.ZipFile(path).read("word/footer1.xml").decode()
    assert "PAGE" in xml and "NUMPAGES" in xml
    document_xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'w:w="11906"' in document_xml and 'w:h="16838"' in document_xml  # A4


def test_japanese_fonts_have_no_theme_override(tmp_path: Path) -> None:
    path, _ = render(tmp_path, DEALS[0], "ja")
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    defaults = styles[styles.index("<w:docDefaults>"): styles.index("</w:docDefaults>")]
    assert 'w:eastAsia="ＭＳ 明朝"' in defaults
    assert "Theme=" not in styles and "w:cstheme" not in styles


def test_numbering_definitions(tmp_path: Path) -> None:
    for lang, article, para in (("ja", "第%1条", "%2"), ("en", "Article %1", "%2.")):
        path, _ = render(tmp_path, DEALS[0], lang)
        numbering = zipfile.ZipFile(path).read("word/numbering.xml").decode()
        assert f'w:lvlText w:val="{article}"' in numbering
        assert f'w:lvlText w:val="{para}"' in numbering
        document_xml = zipfile.ZipFile(path).read("word/document.xml").decode()
        numbered = re.findall(r'<w:pStyle w:val="(Heading1|OIParagraph|OIItem)"/>(<w:keepNext/>)?(<w:numPr>)?', document_xml)
        assert numbered
        for style, _, numpr in numbered:
            if style in ("OIParagraph", "OIItem"):
                assert numpr, f"{style} paragraph without w:numPr"


def test_references_are_ref_fields_with_cached_labels(tmp_path: Path) -> None:
    path, tree = render(tmp_path, DEALS[0], "ja")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    refs = re.findall(r"REF (_RefOI\d+) \\r \\h.*?<w:t xml:space=\"preserve\">([^<]*)</w:t>", xml)
    assert refs, "the NDA refers to its definitions article"
    bookmarks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="(_RefOI\d+)"', xml))
    assert len(bookmarks) == len(tree.articles)
    labels = {f"_RefOI{a.number:03d}": a.label for a in tree.articles}
    for name, cached in refs:
        assert name in bookmarks
        assert cached == labels[name]


def test_signature_block(tmp_path: Path) -> None:
    path, _ = render(tmp_path, DEALS[0], "ja")
    from docx2python import docx2python
    with docx2python(path) as d:
        text = d.text
    assert "代表取締役 山田 太郎" in text and "印" in text
    assert "2026年12月1日" in text
    path, _ = render(tmp_path, next(p for p in DEALS if p.name == "oneway-en.yaml"), "en")
    with docx2python(path) as d:
        text = d.text
    assert text.count("Date: ____") == 1  # no date in the deal: one blank date line, none per block
    assert "By:\t" in text and "Name:\xa0" in text and "Title:\xa0" in text
