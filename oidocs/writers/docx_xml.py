"""Raw WordprocessingML that python-docx has no API for, one function per element.

Paragraphs, runs, fields, bookmarks and numbering are written as XML text and parsed once
per document, which is both simpler to read and several times faster than building each
element through python-docx's proxies. Every function escapes its text.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SAFE = re.compile('[^&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*')  # nothing to escape or drop


def xml_text(text: str) -> str:
    """Escape text for an element's content, dropping characters XML 1.0 cannot hold."""
    if _SAFE.fullmatch(text):  # most text needs neither escaping nor dropping: return it as it is
        return text
    return escape(_INVALID_XML.sub("", text), {'"': "&quot;"})


def tab() -> str:
    """A ``w:r`` holding a tab (to the hanging indent after a typed label)."""
    return "<w:r><w:tab/></w:r>"


def run(text: str, *, highlight: bool = False, bold: bool = False) -> str:
    """A ``w:r`` with text; ``highlight`` marks deal text in review mode."""
    props = ""
    if bold or highlight:
        props = "<w:rPr>" + ("<w:b/>" if bold else "") + ('<w:highlight w:val="yellow"/>' if highlight else "") + "</w:rPr>"
    return f'<w:r>{props}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


_RUN_OPEN, _RUN_CLOSE = '<w:r><w:t xml:space="preserve">', "</w:t></w:r>"


def plain_runs(texts: list[str]) -> str:
    """``run(t)`` of each text, joined; the texts are checked for escaping in one scan, not one each."""
    if not texts:
        return ""
    if not _SAFE.fullmatch("".join(texts)):
        return "".join([run(t) for t in texts])
    return _RUN_OPEN + (_RUN_CLOSE + _RUN_OPEN).join(texts) + _RUN_CLOSE


def field(instruction: str, cached: str) -> str:
    """A complex field (``PAGE``, ``NUMPAGES``, ``REF``) whose stored result is ``cached``."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {xml_text(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{xml_text(cached)}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def bookmark(bookmark_id: int, name: str, content: str) -> str:
    """Wrap ``content`` (runs) in a bookmark that REF fields can point at."""
    return (f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{xml_text(name)}"/>{content}'
            f'<w:bookmarkEnd w:id="{bookmark_id}"/>')


def comment_range(comment_id: int, content: str) -> str:
    """Anchor a comment on ``content`` (runs)."""
    return (f'<w:commentRangeStart w:id="{comment_id}"/>{content}<w:commentRangeEnd w:id="{comment_id}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{comment_id}"/></w:r>')


def paragraph(content: str, *, style: str, num_id: int | None = None, level: int = 0,
              keep_next: bool = False, align: str | None = None) -> str:
    """A ``w:p`` with a style id and, for numbered paragraphs, ``w:numPr``."""
    ppr = f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"


def table(rows: list[list[str]], *, style: str = "TableGrid", widths: list[int] | None = None,
          header: bool = False, fixed: bool = False, keep: list[bool] | None = None) -> str:
    """A ``w:tbl``; each cell is given as paragraph XML; widths in twips.

    ``fixed``: the table is as wide as its columns and keeps their widths whatever the text
    (Word and LibreOffice otherwise fit columns to their content). ``keep[r]``: row ``r`` is
    not split across pages.
    """
    cols = len(rows[0]) if rows else 0
    widths = widths or [9000 // max(cols, 1)] * cols
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = []
    for r, row in enumerate(rows):
        props = ("<w:cantSplit/>" if keep and keep[r] else "") + ("<w:tblHeader/>" if header and r == 0 else "")
        trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[c]}" w:type="dxa"/></w:tcPr>{cell}</w:tc>'
            for c, cell in enumerate(row)
        )
        body.append(f"<w:tr>{trpr}{cells}</w:tr>")
    size = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>' if fixed else \
        '<w:tblW w:w="0" w:type="auto"/>'
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/>{size}'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(body)}</w:tbl>')


def indent(left: int, hanging: int, chars: tuple[int, int] | None = None) -> str:
    """A ``w:ind``: ``left`` and ``hanging`` in twips; ``chars`` the same in hundredths of a
    character, which Word uses first (Japanese indents follow the character grid, whatever the
    font size), the twips staying as the fallback for other readers."""
    units = f' w:leftChars="{chars[0]}" w:hangingChars="{chars[1]}"' if chars else ""
    return f'<w:ind w:left="{left}"{units} w:hanging="{hanging}"/>'


def level(ilvl: int, fmt: str, text: str, *, left: int, hanging: int, suffix: str = "tab",
          style: str | None = None, bold: bool = False, chars: tuple[int, int] | None = None) -> str:
    """One ``w:lvl`` of a multilevel list."""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{xml_text(text)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr>{indent(left, hanging, chars)}</w:pPr>{rpr}</w:lvl>')


def abstract_num(abstract_id: int, levels: list[str]) -> str:
    """A ``w:abstractNum`` (multilevel) holding ``levels``."""
    nsid = f"{0x4F490000 + abstract_id:08X}"  # Word matches lists across documents by nsid
    return (f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')


def num(num_id: int, abstract_id: int, restart_level: int | None = None) -> str:
    """A ``w:num`` instance; ``restart_level`` starts that level afresh at 1."""
    override = ""
    if restart_level is not None:
        override = f'<w:lvlOverride w:ilvl="{restart_level}"><w:startOverride w:val="1"/></w:lvlOverride>'
    return f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def body(content: str) -> str:
    """Wrap body content so that it parses with the w namespace bound."""
    return f'<w:body xmlns:w="{W_NS}">{content}</w:body>'
