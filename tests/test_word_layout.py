"""Word files a law firm would send: what a lawyer sees first, read from the XML of each file.

The execution part never splits or strands (every paragraph from the last article's text to the
last signature is kept with the next, every signature row is whole), English signature blocks
are borderless and side by side, the seal mark has a column of its own, English text is British,
Japanese indents are in characters, five and more list levels, schedules start their own page
with their own heading, and tables give each column the room its text needs.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import DEALS
from oidocs import api

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CASES = [(p, doc, lang) for p in DEALS for doc in api.docs_in(api.read_deal(p)) for lang in ("ja", "en")]


def _package(deal_path: Path, doc: str, lang: str) -> zipfile.ZipFile:
    data = api.render_document(api.read_deal(deal_path), doc, lang=lang, fmt="docx")
    return zipfile.ZipFile(io.BytesIO(data))


def _xml(package: zipfile.ZipFile, part: str) -> etree._Element:
    return etree.fromstring(package.read(part))


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _execution(body: etree._Element) -> list[etree._Element]:
    """The body's blocks from the agreement's last paragraph to the signature table.

    Counted back from the signature table (the last table before any schedule): the date line,
    the testimonium's paragraphs, the blank lines between, and the article text before them.
    """
    blocks = [b for b in body if b.tag in (_w("p"), _w("tbl"))]
    styles = [b.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for b in blocks]
    end = next((i for i, s in enumerate(styles) if s == "OISchedule"), len(blocks))
    table = max(i for i in range(end) if blocks[i].tag == _w("tbl"))
    texts = ["".join(b.itertext()).strip() for b in blocks]
    # back over: blank, date, blank, the testimonium (one or more paragraphs), blank
    i = table - 1
    while not texts[i]:
        i -= 1
    i -= 1  # the date line
    while not texts[i]:
        i -= 1
    while texts[i] and styles[i] == "OIBody" and styles[i - 1] == "OIBody":
        i -= 1
    i -= 1
    while not texts[i]:
        i -= 1
    return blocks[i:table + 1]


@pytest.mark.parametrize("deal_path, doc, lang", CASES, ids=[f"{p.stem}-{d}-{l}" for p, d, l in CASES])
def test_execution_part_is_kept_together(deal_path: Path, doc: str, lang: str) -> None:
    body = _xml(_package(deal_path, doc, lang), "word/document.xml").find(_w("body"))
    blocks = _execution(body)
    tables = [b for b in blocks if b.tag == _w("tbl")]
    assert len(tables) == 1, "the signature blocks are one table"
    paragraphs = [b for b in blocks if b.tag == _w("p")]
    assert len(paragraphs) >= 3  # the agreement's last paragraph, the testimonium, the date line
    for p in paragraphs:
        assert p.find(f"{_w('pPr')}/{_w('keepNext')}") is not None, etree.tostring(p, encoding="unicode")[:200]
    rows = tables[0].findall(_w("tr"))
    for row in rows:
        assert row.find(f"{_w('trPr')}/{_w('cantSplit')}") is not None, "a party's block never splits"
    for row in rows[:-1]:  # each row is kept with the next, so the blocks stay on one page together
        for p in row.iter(_w("p")):
            assert p.find(f"{_w('pPr')}/{_w('keepNext')}") is not None


def test_english_blocks_are_borderless_side_by_side_with_room_to_sign() -> None:
    deal_path = next(p for p in DEALS if p.name == "bigco-smallworks-en.yaml")
    body = _xml(_package(deal_path, "nda", "en"), "word/document.xml").find(_w("body"))
    table = [b for b in _execution(body) if b.tag == _w("tbl")][0]
    assert table.xpath("w:tblPr/w:tblStyle/@w:val", namespaces=NS) == ["TableNormal"]  # no grid
    assert not table.xpath(".//w:tblBorders|.//w:tcBorders", namespaces=NS)
    rows = table.findall(_w("tr"))
    assert len(rows) == 1 and len(rows[0].findall(_w("tc"))) == 2, "two parties side by side"
    text = [" ".join("".join(p.itertext()).split()) for p in rows[0].iter(_w("p"))]
    assert "BIG MOBILITY CORPORATION" in text and "SMALL WORKS CO., LTD." in text
    assert "Name: Ken Suzuki" in text and "Title: Representative Director and President" in text
    assert not [t for t in text if "____" in t or t.startswith("Date")], "no typed underscores, no date per block"
    by = [p for p in rows[0].iter(_w("p")) if "".join(p.itertext()).startswith("By:")]
    assert len(by) == 2
    for p in by:  # a ruled line (a tab leader, not typed underscores) with room above it
        assert p.xpath("w:pPr/w:tabs/w:tab/@w:leader", namespaces=NS) == ["underscore"]
        assert int(p.xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS)) >= 600


def test_japanese_seal_mark_stands_at_one_place_with_room() -> None:
    body = _xml(_package(DEALS[0], "nda", "ja"), "word/document.xml").find(_w("body"))
    table = [b for b in _execution(body) if b.tag == _w("tbl")][0]
    rows = table.findall(_w("tr"))
    assert len(rows) == 2
    places = set()
    for row in rows:
        sealed = [p for p in row.iter(_w("p")) if "".join(p.itertext()).endswith("印")]
        assert len(sealed) == 1 and "代表取締役" in "".join(sealed[0].itertext())
        runs = sealed[0].findall(_w("r"))
        assert runs[-1].xpath("string(w:t)", namespaces=NS) == "印" and runs[-2].find(_w("tab")) is not None
        places.add(tuple(sealed[0].xpath("w:pPr/w:tabs/w:tab[@w:val='right']/@w:pos", namespaces=NS)))
        assert int(row.xpath("string(w:trPr/w:trHeight/@w:val)", namespaces=NS)) >= 1400  # room for a seal
    assert len(places) == 1 and int(next(iter(places))[0]) >= 6000, "the mark at the same place in every block"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_latin_text_is_british_english(lang: str) -> None:
    package = _package(DEALS[0], "licence", lang)
    styles = _xml(package, "word/styles.xml")
    tag = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
    assert tag.get(_w("val")) == "en-GB" and tag.get(_w("eastAsia")) == "ja-JP"
    assert "en-US" not in package.read("word/styles.xml").decode()
    assert "en-US" not in package.read("word/settings.xml").decode()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_nine_list_levels_each_under_its_parent(lang: str) -> None:
    numbering = _xml(_package(DEALS[0], "jda", lang), "word/numbering.xml")
    lvls = numbering.xpath("w:abstractNum[w:lvl/w:pStyle/@w:val='Heading1']/w:lvl", namespaces=NS)
    assert len(lvls) == 9
    starts = []
    for lvl in lvls:
        assert lvl.xpath("w:lvlText/@w:val", namespaces=NS)[0]
        ind = lvl.find(f"{_w('pPr')}/{_w('ind')}")
        starts.append(int(ind.get(_w("left"))) - int(ind.get(_w("hanging"))))
        if lang == "ja" and lvl.get(_w("ilvl")) != "0":
            assert ind.get(_w("leftChars")) and ind.get(_w("hangingChars")), "Japanese indents in characters"
    assert starts[1:] == sorted(starts[1:]) and len(set(starts[1:])) == 8


def test_footer_tabs_sit_on_the_a4_text_width() -> None:
    styles = _xml(_package(DEALS[0], "nda", "ja"), "word/styles.xml")
    tabs = styles.xpath("w:style[@w:styleId='Footer']/w:pPr/w:tabs/w:tab/@w:pos", namespaces=NS)
    assert tabs == ["4535", "9070"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_schedule_starts_its_own_page_with_its_own_heading(lang: str) -> None:
    body = _xml(_package(DEALS[0], "poc", lang), "word/document.xml").find(_w("body"))
    blocks = [b for b in body if b.tag in (_w("p"), _w("tbl"))]
    styles = [b.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for b in blocks]
    first = styles.index("OISchedule")
    assert "".join(blocks[first - 1].itertext()).strip() or blocks[first - 1].tag == _w("tbl"), \
        "no empty paragraph before the schedule (it breaks the page itself)"
    assert not blocks[first - 1].xpath(".//w:br[@w:type='page']", namespaces=NS)
    styles_xml = _xml(_package(DEALS[0], "poc", lang), "word/styles.xml")
    schedule = styles_xml.xpath("w:style[@w:styleId='OISchedule']", namespaces=NS)[0]
    assert schedule.find(f"{_w('pPr')}/{_w('pageBreakBefore')}") is not None
    assert schedule.find(f"{_w('pPr')}/{_w('outlineLvl')}") is None, "not headed as a further article"
    assert styles[first + 1] == "OIScheduleTitle"


def test_table_columns_follow_their_text_and_cells_use_a_table_style() -> None:
    body = _xml(_package(DEALS[0], "mou", "ja"), "word/document.xml").find(_w("body"))
    tables = [t for t in body.iter(_w("tbl")) if t.xpath("w:tblPr/w:tblStyle/@w:val", namespaces=NS) == ["TableGrid"]]
    assert tables, "the MOU's milestones are a table"
    for table in tables:
        widths = [int(w) for w in table.xpath("w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
        assert len(set(widths)) > 1, "columns are not all of one width"
        cell_styles = set(table.xpath(".//w:p/w:pPr/w:pStyle/@w:val", namespaces=NS))
        assert cell_styles == {"OITableText"}
