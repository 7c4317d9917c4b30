"""Word opens every agreement as a current, native document: read from the package's own parts.

Compatibility mode 15 (no "Compatibility Mode" banner), numbering that Word's own tools
continue (a new Heading 1 is the next article), every font declared with its fallback,
clean document properties, typographic quotes in English, items aligned on the character
grid, and the same bytes from run to run.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import DEALS, ROOT
from oidocs import api

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
JDA_DEALS = [p for p in DEALS if "jda" in api.docs_in(api.read_deal(p))]
CASES = [(p, doc, lang) for p in DEALS for doc in api.docs_in(api.read_deal(p)) for lang in ("ja", "en")]


def _package(deal_path: Path, doc: str, lang: str, review: bool = False) -> zipfile.ZipFile:
    data = api.render_document(api.read_deal(deal_path), doc, lang=lang, fmt="docx", review=review)
    return zipfile.ZipFile(io.BytesIO(data))


def _xml(package: zipfile.ZipFile, part: str) -> etree._Element:
    return etree.fromstring(package.read(part))


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_compatibility_mode_is_15_with_no_template_leftovers(lang: str) -> None:
    package = _package(DEALS[0], "nda", lang)
    settings = _xml(package, "word/settings.xml")
    modes = settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS)
    assert modes == ["15"]
    for stale in ("rsids", "proofState", "savePreviewPicture", "attachedTemplate"):
        assert settings.find(_w(stale)) is None, f"settings.xml keeps the template's {stale}"


def test_heading_1_paragraph_and_item_styles_carry_the_article_list() -> None:
    for lang, labels in (("ja", ["第%1条", "%2", "（%3）"]), ("en", ["Article %1", "%2.", "(%3)"])):
        package = _package(DEALS[0], "jda", lang)
        styles, numbering = _xml(package, "word/styles.xml"), _xml(package, "word/numbering.xml")
        document = _xml(package, "word/document.xml")
        heading_num = document.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1']/w:pPr/w:numPr/w:numId/@w:val",
                                     namespaces=NS)
        assert heading_num and len(set(heading_num)) == 1, "every article heading keeps its own w:numPr"
        num_id = heading_num[0]
        abstract = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val", namespaces=NS)[0]
        levels = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl", namespaces=NS)
        for level, (style_id, text) in enumerate(zip(["Heading1", "OIParagraph", "OIItem"], labels)):
            style = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)[0]
            assert style.xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS) == [num_id], style_id
            assert (style.xpath("w:pPr/w:numPr/w:ilvl/@w:val", namespaces=NS) or ["0"]) == [str(level)], style_id
            lvl = levels[level]
            assert lvl.xpath("w:pStyle/@w:val", namespaces=NS) == [style_id], "the level names its style back"
            assert lvl.xpath("w:lvlText/@w:val", namespaces=NS) == [text]
        # a schedule heading is not an article: its style carries no number
        schedule = styles.xpath("w:style[@w:styleId='OISchedule']", namespaces=NS)[0]
        assert not schedule.xpath("w:pPr/w:numPr", namespaces=NS) and not schedule.xpath("w:basedOn[@w:val='Heading1']",
                                                                                          namespaces=NS)


@pytest.mark.parametrize("deal_path, doc, lang", CASES, ids=[f"{p.stem}-{d}-{l}" for p, d, l in CASES])
def test_every_font_used_is_declared_in_the_font_table(deal_path: Path, doc: str, lang: str) -> None:
    package = _package(deal_path, doc, lang, review=True)
    declared = {f.get(_w("name")): f for f in _xml(package, "word/fontTable.xml").iter(_w("font"))}
    used = set()
    for part in package.namelist():
        if part.startswith("word/") and part.endswith(".xml"):
            for rfonts in _xml(package, part).iter(_w("rFonts")):
                used |= {rfonts.get(_w(slot)) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} - {None}
    assert used and used <= set(declared), f"not in fontTable.xml: {used - set(declared)}"
    mincho = declared["ＭＳ 明朝"]
    assert mincho.find(_w("altName")).get(_w("val")) == "MS Mincho"
    assert mincho.find(_w("charset")).get(_w("val")) == "80"
    for name in used:
        assert declared[name].find(_w("panose1")) is not None, f"{name} has no panose"


@pytest.mark.parametrize("deal_path", DEALS[:3], ids=[p.stem for p in DEALS[:3]])
def test_clean_document_properties_and_no_thumbnail(deal_path: Path) -> None:
    deal = api.read_deal(deal_path)
    for lang in ("ja", "en"):
        tree = api.build_document(deal, "nda", lang)
        package = _package(deal_path, "nda", lang)
        names = package.namelist()
        assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n or n.startswith("customXml")]
        rels = package.read("_rels/.rels").decode() + package.read("word/_rels/document.xml.rels").decode()
        assert "thumbnail" not in rels and "stylesWithEffects" not in rels and "customXml" not in rels
        types = package.read("[Content_Types].xml").decode()
        for part in re.findall(r'PartName="/([^"]+)"', types):
            assert part in names, f"content type for a missing part {part}"
        core = package.read("docProps/core.xml").decode()
        prop = lambda tag: re.search(rf"<{tag}[^>]*>([^<]*)</{tag}>", core).group(1)  # noqa: E731
        assert prop("dc:title") == tree.title
        assert prop("dc:subject") == deal.deal_id
        # no invented author or times: Word fills them in when a person saves the draft
        for absent in ("dc:creator", "cp:lastModifiedBy", "lastPrinted", "dcterms:created", "dcterms:modified"):
            assert absent not in core, absent
        assert prop("dc:language") == ("ja-JP" if lang == "ja" else "en-GB")
        app = package.read("docProps/app.xml").decode()
        assert "<Application>oidocs</Application>" in app and "Microsoft" not in app
        assert re.search(r"<AppVersion>\d{1,2}\.\d{4}</AppVersion>", app), "AppVersion must be XX.YYYY"
        for stale in ("<Pages>", "<Words>", "<Characters>", "<Template>", "<TotalTime>"):
            assert stale not in app


@pytest.mark.parametrize("deal_path", DEALS, ids=[p.stem for p in DEALS])
def test_english_text_has_typographic_quotes_deal_text_included(deal_path: Path) -> None:
    deal = api.read_deal(deal_path)
    seen_curly = False
    for doc in api.docs_in(deal):
        # the body (comments quote clause ids and notes for the reviewer, not the agreement)
        texts = [t.text or "" for t in _xml(_package(deal_path, doc, "en", review=True), "word/document.xml").iter(_w("t"))]
        straight = [t for t in texts if '"' in t or "'" in t]
        assert not straight, f"{doc}: straight quotes in {straight[:3]}"
        seen_curly |= any("“" in t for t in texts)
    assert seen_curly, "English agreements define terms in quotes"
    # deal text too: a party name or purpose typed with ' or " prints curled
    if any("'" in v or '"' in v for v in [deal.purpose, *(p.name for p in deal.parties)]):
        md = api.render_document(deal, "nda", lang="en", fmt="md").decode()
        assert "'" not in md and '"' not in md


def test_markdown_and_docx_print_the_same_quotes() -> None:
    deal_path = next(p for p in DEALS if p.name == "bigco-smallworks-en.yaml")
    deal = api.read_deal(deal_path)
    md = api.render_document(deal, "nda", lang="en", fmt="md").decode()
    document = _package(deal_path, "nda", "en").read("word/document.xml").decode()
    assert "(the “Agreement”)" in md and "(the “Agreement”)" in document
    assert "Small Works’ laser" in md and "Small Works’ laser" in document


def test_japanese_items_sit_under_the_paragraph_text_on_the_character_grid() -> None:
    package = _package(DEALS[0], "jda", "ja")
    numbering, document = _xml(package, "word/numbering.xml"), _xml(package, "word/document.xml")
    lvls = {int(l.get(_w("ilvl"))): l for l in numbering.xpath("w:abstractNum[w:lvl/w:pStyle/@w:val='Heading1']/w:lvl",
                                                                 namespaces=NS)}

    def ind(lvl: etree._Element) -> tuple[int, int]:  # in hundredths of a character (Word's own unit)
        e = lvl.find(f"{_w('pPr')}/{_w('ind')}")
        return int(e.get(_w("leftChars"))), int(e.get(_w("hangingChars")))

    # every digit of a label is half-width (第1条, 2, （1）) and no label carries a space
    fmts = [lvls[n].find(_w("numFmt")).get(_w("val")) for n in (0, 1, 2)]
    texts = [lvls[n].find(_w("lvlText")).get(_w("val")) for n in (0, 1, 2)]
    assert fmts == ["decimal"] * 3 and not any("\u3000" in t or " " in t for t in texts)
    # paragraph: its number at the margin, its text one character in (after a tab)
    left, hanging = ind(lvls[1])
    assert left - hanging == 0 and left == 100
    # item: its label starts where the paragraph's text starts; its text hangs 3 characters on
    left, hanging = ind(lvls[2])
    assert left - hanging == 100 and hanging == 300
    # each deeper level starts under its parent's text
    for n in range(3, 6):
        assert ind(lvls[n])[0] - ind(lvls[n])[1] == ind(lvls[n - 1])[0]
    # items have no indent of their own: the same in every article, numbered paragraph or not
    assert not document.xpath("//w:p[w:pPr/w:pStyle/@w:val='OIItem']/w:pPr/w:ind", namespaces=NS)


def _render_in_new_process(out: Path) -> None:
    code = ("import sys; from oidocs import api; d = api.read_deal(sys.argv[1]); "
            "open(sys.argv[2], 'wb').write(api.render_document(d, 'jda', lang='ja', fmt='docx', review=True))")
    subprocess.run([sys.executable, "-c", code, str(DEALS[0]), str(out)], check=True, cwd=ROOT,
                   env={**os.environ, "OIDOCS_NO_CACHE": "1"})


def test_same_bytes_in_two_processes_more_than_two_seconds_apart(tmp_path: Path) -> None:
    _render_in_new_process(tmp_path / "a.docx")
    time.sleep(2.1)  # zip timestamps have a 2-second resolution
    _render_in_new_process(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_an_english_amendment_has_typographic_quotes_too(tmp_path: Path) -> None:
    from oidocs.negotiate.amend import amend_files

    example = ROOT / "examples" / "acme-nano-ja.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(example.read_text(encoding="utf-8").replace("end: 2028-05-31", "end: 2028-11-30"), encoding="utf-8")
    files = amend_files(example, new, "jda", lang="en")
    md = next(v for k, v in files.items() if k.endswith(".md")).decode()
    assert "(the “Original Agreement”)" in md and '"' not in md
