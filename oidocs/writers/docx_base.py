"""The starting Word document of each language, built once with python-docx.

Page size, fonts, styles, the multilevel numbering definitions and the footer live here;
:func:`starting_package` splits the result into compressed parts and the few texts that each
agreement changes, so that :mod:`oidocs.writers.docx` writes only a body per agreement. The
bytes are cached per user (:mod:`oidocs.cache`), keyed by this module's code, so a warm start
never imports python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from oidocs.writers import docx_xml as X
from oidocs.writers import zipfile_fixed as _zip
from oidocs.writers.docx_package import prune_styles, tidy

ARTICLE_LIST = 10  # abstractNum and num id of the article/paragraph/item list
LOOSE_ITEMS = 11  # abstractNum id of items outside articles (a new num per group)
FALLBACK_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
TEXT_WIDTH = 9070  # twips between the margins of the A4 page (210 mm - 2 x 25 mm)
ITEM_HANGING = {"ja": 630, "en": 426}  # twips from an item's label to its text: 3 characters at 10.5 pt / 0.3 in
# The styles the writer uses; every other style of python-docx's template is dropped.
STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Footer", "Title", "Heading1",
          "OISchedule", "OIScheduleTitle", "OITableText", "OIBody", "OIParagraph", "OIItem", "OISignature", "CommentText", "CommentReference"}

_FONTS = {
    "ja": {"ascii": "Century", "hAnsi": "Century", "eastAsia": "ＭＳ 明朝", "cs": "Times New Roman", "size": 21},
    "en": {"ascii": "Times New Roman", "hAnsi": "Times New Roman", "eastAsia": "ＭＳ 明朝", "cs": "Times New Roman",
           "size": 22},
}


# --- the starting document of a language ---------------------------------------------------

@lru_cache(maxsize=None)
def base_document(lang: str) -> bytes:
    """Return the starting .docx of ``lang``, from the per-user cache when it is there.

    The cache key hashes the code that builds it and python-docx's version, so a change to
    either builds it anew; building needs python-docx, reading it from the cache does not.
    """
    import hashlib
    from importlib.metadata import version

    from oidocs import cache

    from oidocs.writers import docx_package

    recipe = hashlib.sha256(b"".join(Path(m.__file__).read_bytes() for m in (X, docx_package)  # type: ignore[arg-type]
                                     ) + Path(__file__).read_bytes())
    recipe.update(f"{version('python-docx')}:{lang}".encode())
    key = f"start-{lang}-{recipe.hexdigest()[:20]}.docx"
    data = cache.read("docx", key)
    if data is None:
        data = build_base_document(lang)
        cache.write("docx", key, data)
    return data


def build_base_document(lang: str) -> bytes:
    """Build the starting .docx of ``lang``: A4, fonts, styles, numbering, footer fields."""
    from docx import Document as new_document
    from docx.oxml import parse_xml
    from docx.shared import Mm

    doc = new_document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(30), Mm(25)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    _set_styles(doc.styles.element, lang, parse_xml)
    _set_numbering(doc.part.numbering_part.element, lang, parse_xml)
    footer_p = section.footer.paragraphs[0]._p
    footer_p.getparent().replace(footer_p, parse_xml(X.body(X.paragraph(
        X.field("PAGE", "1") + X.run(" / ") + X.field("NUMPAGES", "1"), style="Footer", align="center")))[0])
    for name in list(section._sectPr.attrib):  # the template's revision ids
        del section._sectPr.attrib[name]
    buf = io.BytesIO()
    doc.save(buf)
    archive = zipfile.ZipFile(buf)
    parts = tidy({info.filename: archive.read(info.filename) for info in archive.infolist()}, lang)
    return _zip.write(tuple(_zip.entry(name, data) for name, data in parts.items()), {})


def _w(name: str) -> str:
    return f"{{{X.W_NS}}}{name}"


def _set_styles(styles: Any, lang: str, parse_xml: Any) -> None:
    fonts = _FONTS[lang]
    for rfonts in styles.iter(_w("rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rfonts.attrib.pop(_w(attr), None)
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    rfonts = defaults.find(_w("rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(_w(slot), fonts[slot])
    for tag in ("sz", "szCs"):
        defaults.find(_w(tag)).set(_w("val"), str(fonts["size"]))
    lang_el = defaults.find(_w("lang"))
    # Latin text is British English in both languages (licence, organised, practise: Word's
    # en-US proofing underlines them); Japanese text is tagged by the East Asian slot.
    lang_el.set(_w("val"), "en-GB")
    lang_el.set(_w("eastAsia"), "ja-JP")
    spacing = styles.find(f"{_w('docDefaults')}/{_w('pPrDefault')}/{_w('pPr')}/{_w('spacing')}")
    spacing.set(_w("after"), "0")
    spacing.set(_w("line"), "320")
    footer = styles.find(f"{_w('style')}[@{_w('styleId')}='Footer']/{_w('pPr')}/{_w('tabs')}")
    if footer is not None:  # the template's tab stops are for US Letter (4680, 9360)
        for tab, pos in zip(footer, (TEXT_WIDTH // 2, TEXT_WIDTH)):
            tab.set(_w("pos"), str(pos))
    for style_id in ("Title", "Heading1"):
        old = styles.find(f"{_w('style')}[@{_w('styleId')}='{style_id}']")
        styles.remove(old)
    size = fonts["size"]
    styles.append(parse_xml(_style("Title", "Title", """
        <w:pPr><w:keepNext/><w:spacing w:before="0" w:after="360"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>""", ui=10)))
    # Heading 1, OI Paragraph and OI Item carry the article list's levels 0-2 (and the list's
    # levels name them back): a heading or paragraph typed in Word continues the numbering.
    heading = f"""<w:keepNext/><w:keepLines/>{{numpr}}<w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="0"/>
        </w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>"""
    styles.append(parse_xml(_style("Heading1", "heading 1", "<w:pPr>" + heading.format(numpr=_numpr(0)), ui=9)))
    # A schedule starts a page of its own: its label (別紙1 / Schedule 1) on the first line,
    # then its title centred, as an attachment is headed, not as a further article.
    styles.append(parse_xml(_style("OISchedule", "OI Schedule", """
        <w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="0" w:after="120"/></w:pPr>""", ui=9,
        next="OIScheduleTitle")))
    styles.append(parse_xml(_style("OIScheduleTitle", "OI Schedule Title", f"""
        <w:pPr><w:keepNext/><w:spacing w:before="0" w:after="240"/><w:jc w:val="center"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="{int(str(size)) + 4}"/><w:szCs w:val="{int(str(size)) + 4}"/></w:rPr>""", ui=9)))
    styles.append(parse_xml(_style("OITableText", "OI Table Text", """
        <w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>""")))
    styles.append(parse_xml(_style("OIBody", "OI Body", """
        <w:pPr><w:spacing w:after="60"/><w:jc w:val="both"/></w:pPr>""")))
    styles.append(parse_xml(_style("OIParagraph", "OI Paragraph", f"""
        <w:pPr>{_numpr(1)}<w:spacing w:after="60"/><w:jc w:val="both"/></w:pPr>""", based="OIBody", next="OIParagraph")))
    styles.append(parse_xml(_style("OIItem", "OI Item", f"""
        <w:pPr>{_numpr(2)}<w:spacing w:after="30"/><w:jc w:val="both"/></w:pPr>""", based="OIBody", next="OIItem")))
    styles.append(parse_xml(_style("OISignature", "OI Signature", """
        <w:pPr><w:spacing w:after="0"/></w:pPr>""")))
    for column in _column_styles():
        styles.append(parse_xml(column))
    styles.append(parse_xml(_style("CommentText", "annotation text", """
        <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>""", ui=99)))
    styles.append(parse_xml(
        f'<w:style xmlns:w="{X.W_NS}" w:type="character" w:styleId="CommentReference">'
        '<w:name w:val="annotation reference"/><w:uiPriority w:val="99"/>'
        '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'))
    prune_styles(styles, STYLES | {i for ids in COLUMN_STYLES.values() for i in ids.values()})


# Styles of the columns of a bilingual (ja+en) document: each language in its own fonts and
# language tag, at a size that suits a half-width column; numbers and indents come from each
# column's own list. No keepNext in the styles: inside a table it keeps whole rows together;
# the writer sets it where rows must stay together (the testimonium and the signatures).
COLUMN_STYLES = {lang: {part: f"OICol{lang.capitalize()}{part}" for part in ("", "Title", "Heading", "Para", "Item",
                                                                            "Sign")}
                 for lang in ("ja", "en")}


def _column_styles() -> list[str]:
    out = []
    for lang, ids in COLUMN_STYLES.items():
        fonts = _FONTS[lang]
        tag = "en-GB"  # Latin text of either column; Japanese text takes the eastAsia tag
        jc = "both" if lang == "ja" else "left"
        line = '<w:spacing w:after="40" w:line="300" w:lineRule="auto"/>' if lang == "ja" else '<w:spacing w:after="40"/>'
        name = {"ja": "Japanese", "en": "English"}[lang]
        out.append(_style(ids[""], f"OI Column {name}", f"""
            <w:pPr>{line}<w:jc w:val="{jc}"/></w:pPr>
            <w:rPr><w:rFonts w:ascii="{fonts['ascii']}" w:hAnsi="{fonts['hAnsi']}" w:eastAsia="{fonts['eastAsia']}"
              w:cs="{fonts['cs']}"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{tag}" w:eastAsia="ja-JP"/>
            </w:rPr>"""))
        out.append(_style(ids["Title"], f"OI Column {name} Title", """
            <w:pPr><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr>
            <w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>""", based=ids[""]))
        out.append(_style(ids["Heading"], f"OI Column {name} Heading", """
            <w:pPr><w:spacing w:before="60" w:after="40"/><w:jc w:val="left"/></w:pPr>
            <w:rPr><w:b/></w:rPr>""", based=ids[""]))
        # paragraphs and items take their indents from their list level (numPr), as in the
        # monolingual document
        out.append(_style(ids["Para"], f"OI Column {name} Paragraph", "", based=ids[""]))
        out.append(_style(ids["Item"], f"OI Column {name} Item", "", based=ids[""]))
        out.append(_style(ids["Sign"], f"OI Column {name} Signature",
                          '<w:pPr><w:tabs><w:tab w:val="left" w:pos="1300"/><w:tab w:val="right" w:pos="4200"/></w:tabs>'
                          '<w:spacing w:after="0"/><w:ind w:left="1300" w:hanging="1300"/><w:jc w:val="left"/>'
                          '</w:pPr>', based=ids[""]))
    return out


def _numpr(level: int) -> str:
    ilvl = f'<w:ilvl w:val="{level}"/>' if level else ""
    return f'<w:numPr>{ilvl}<w:numId w:val="{ARTICLE_LIST}"/></w:numPr>'


def _style(style_id: str, name: str, props: str, *, based: str = "Normal", ui: int = 20, next: str = "OIBody") -> str:
    return (f'<w:style xmlns:w="{X.W_NS}" w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="{based}"/><w:next w:val="{next}"/><w:uiPriority w:val="{ui}"/><w:qFormat/>'
            f"{props}</w:style>")


# The article list's levels below the article: label format, label text and, per language,
# where the label starts and how far its text hangs after it. Japanese follows the statute
# hierarchy (第1条, 2, （1）, ア, （ア）) with every digit half-width, so that 第1条, 2 and
# （1） print their numbers alike and a cross-reference never carries a label's spacing;
# English runs Article 1, 2., (a), (i), (A). Nine levels are defined so that Tab on the
# deepest item Word offers still lands on a level with a label.
CHAR = 210  # one full-width character at 10.5 pt, in twips
_JA_LEVELS = [("decimal", "%2", 0, 1), ("decimal", "（%3）", 1, 3), ("aiueoFullWidth", "%4", 4, 1),
              ("aiueoFullWidth", "（%5）", 5, 3), ("decimal", "%6", 8, 1), ("decimal", "（%7）", 9, 3),
              ("aiueoFullWidth", "%8", 12, 1), ("aiueoFullWidth", "（%9）", 13, 3)]
_EN_STEP = 425  # 0.3 inch
_EN_LEVELS = [("decimal", "%2.", 0), ("lowerLetter", "(%3)", 1), ("lowerRoman", "(%4)", 2),
              ("upperLetter", "(%5)", 3), ("decimal", "(%6)", 4), ("lowerLetter", "%7)", 5),
              ("lowerRoman", "%8)", 6), ("upperLetter", "%9)", 7)]
LEVEL_STYLES = {1: "OIParagraph", 2: "OIItem"}


def article_levels(lang: str, *, styled: bool = True) -> list[str]:
    """The nine ``w:lvl`` of the article list of ``lang``: article, paragraph, item and deeper.

    ``styled`` links levels 0-2 to Heading 1, OI Paragraph and OI Item (the monolingual
    document, where typing a heading in Word continues the list); a column of a bilingual
    document numbers its paragraphs directly instead.
    """
    style = (lambda n: {0: "Heading1", **LEVEL_STYLES}.get(n)) if styled else (lambda n: None)
    if lang == "ja":
        levels = [X.level(0, "decimal", "第%1条", left=0, hanging=0, suffix="nothing", style=style(0), bold=True)]
        for n, (fmt, text, start, hang) in enumerate(_JA_LEVELS, start=1):
            levels.append(X.level(n, fmt, text, left=(start + hang) * CHAR, hanging=hang * CHAR, style=style(n),
                                  chars=(100 * (start + hang), 100 * hang)))
        return levels
    levels = [X.level(0, "decimal", "Article %1", left=0, hanging=0, suffix="space", style=style(0), bold=True)]
    for n, (fmt, text, depth) in enumerate(_EN_LEVELS, start=1):
        levels.append(X.level(n, fmt, text, left=(depth + 1) * _EN_STEP, hanging=_EN_STEP, style=style(n)))
    return levels


def loose_levels(lang: str) -> list[str]:
    """The one level of items outside articles (a preamble's or a schedule's lists)."""
    if lang == "ja":
        return [X.level(0, "decimal", "（%1）", left=3 * CHAR, hanging=3 * CHAR, chars=(300, 300))]
    item = ITEM_HANGING["en"]
    return [X.level(0, "lowerLetter", "(%1)", left=item, hanging=item)]


def _set_numbering(numbering: Any, lang: str, parse_xml: Any) -> None:
    """Replace the template's lists by the article list and the list of loose items.

    Japanese indents are given in characters (``leftChars``): a paragraph's text starts one
    character in, after its number; an item's label sits under that text and the item's text
    hangs three characters further; each deeper level starts under its parent's text.
    """
    for old in [*numbering.iter(_w("abstractNum")), *numbering.iter(_w("num"))]:
        numbering.remove(old)
    for abstract in (X.abstract_num(ARTICLE_LIST, article_levels(lang)), X.abstract_num(LOOSE_ITEMS, loose_levels(lang))):
        numbering.append(parse_xml(abstract))
    numbering.append(parse_xml(X.num(ARTICLE_LIST, ARTICLE_LIST)))


# --- one agreement ------------------------------------------------------------------------


PAGES_MARK = "\ue002PAGES\ue002"
COMMENTS_REL = ('<Relationship Id="rIdOIComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/comments" Target="comments.xml"/>')
COMMENTS_TYPE = ('<Override PartName="/word/comments.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')


@dataclass(frozen=True)
class StartingPackage:
    """The starting document of a language, split for fast per-document writing."""

    entries: tuple[_zip.Entry, ...]
    document_head: str
    document_tail: str
    numbering: str
    footer: str
    rels: str
    content_types: str


@lru_cache(maxsize=None)
def starting_package(lang: str) -> StartingPackage:
    """Split the starting .docx of ``lang`` into compressed parts and editable texts."""
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(base_document(lang)))
    texts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    document = texts["word/document.xml"].decode("utf-8")
    body_open = document.index("<w:body>") + len("<w:body>")
    sect = document.index("<w:sectPr")
    footer = texts["word/footer1.xml"].decode("utf-8")
    marker = footer.rindex("NUMPAGES")
    cached = footer.index("<w:t xml:space=\"preserve\">1</w:t>", marker)
    footer = footer[:cached] + footer[cached:].replace(">1</w:t>", f">{PAGES_MARK}</w:t>", 1)
    return StartingPackage(
        entries=tuple(_zip.entry(name, data) for name, data in texts.items()),
        document_head=document[:body_open],
        document_tail=document[sect:],
        numbering=texts["word/numbering.xml"].decode("utf-8"),
        footer=footer,
        rels=texts["word/_rels/document.xml.rels"].decode("utf-8"),
        content_types=texts["[Content_Types].xml"].decode("utf-8"),
    )

