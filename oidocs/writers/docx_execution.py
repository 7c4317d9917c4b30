"""The execution part of a Word agreement: testimonium, date line and signature blocks, kept together.

A lawyer's first look at a draft goes to its last page: a signature row alone on a page, a
party's block split across two pages, or a page of signatures with no text of the agreement
above them are what a law firm never sends. So everything from the last paragraph of the last
article to the last signature is chained with ``keepNext``, and each block is one table row
that cannot split (``cantSplit``).

Blocks follow each language's practice:

- Japanese: one row per party, stacked (甲, 乙 ...): the designation and the labelled
  particulars (住所・名称・代表者), the seal mark (印) on a right tab stop at the end of the
  representative's line, so that it stands at the same place in every block, each block tall
  enough for a representative's seal;
- English: borderless blocks side by side, two to a row, as law firms set them: the party's
  name in capitals, its address, "By:" on a ruled line with room to sign (on paper; "By:
  (electronic signature)" otherwise), then "Name:" and "Title:". The date is written once,
  above the blocks.
"""

from __future__ import annotations

import re
from typing import Callable

from oidocs.document.labels import Labels
from oidocs.document.tree import Inline, Signatory, Text
from oidocs.writers import docx_xml as X
from oidocs.writers.docx_base import TEXT_WIDTH

Runs = Callable[[list[Inline]], str]

_JA_COLUMNS = [900, TEXT_WIDTH - 900]  # designation, particulars
_JA_LABEL = 1050  # twips: where the particulars start after 住所・名称・代表者 (5 characters)
_JA_SEAL_AT = _JA_COLUMNS[1] - 700  # the seal mark's right edge: the same place in every block
_JA_BLOCK_HEIGHT = 1500  # twips (26 mm): room below the particulars for a representative's seal
_EN_COLUMN = TEXT_WIDTH // 2
_EN_SIGN_LINE = 4000  # twips: where the ruled signature line after "By:" ends
# Words that mark the title part of "Representative Director, Yuki Tanaka" / "Yuki Tanaka, CEO".
_TITLE_WORDS = re.compile(r"\b(director|president|officer|ceo|cto|cfo|coo|manager|chair|chairman|chairperson|"
                          r"dean|professor|head|partner|representative|executive|general|vice|secretary|"
                          r"principal|founder|member|chief|rector|provost)\b", re.IGNORECASE)


def keep_with_next(paragraph_xml: str) -> str:
    """Return a paragraph's XML (as :func:`~oidocs.writers.docx_xml.paragraph` writes it) kept with the next."""
    if not paragraph_xml.startswith("<w:p>") or "<w:keepNext/>" in paragraph_xml or "<w:pStyle " not in paragraph_xml:
        return paragraph_xml
    end = paragraph_xml.index("/>", paragraph_xml.index("<w:pStyle ")) + 2
    return paragraph_xml[:end] + "<w:keepNext/>" + paragraph_xml[end:]


def signature_blocks(signatures: list[Signatory], labels: Labels, runs: Runs) -> str:
    """The signature blocks of ``signatures`` as one table, in the language's layout."""
    if labels.lang == "ja":
        return _japanese_blocks(signatures, runs)
    return _english_blocks(signatures, runs)


def _p(content: str, *, keep: bool, extra: str = "", style: str = "OISignature") -> str:
    """A paragraph of the signature style; ``keep`` chains it to the next one."""
    ppr = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep else "") + extra
    return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"


def without_seal(value: list[Inline], seal: str) -> list[Inline]:
    """The representative's row without the seal mark the tree appended (the seal has its own column)."""
    if seal and value and isinstance(value[-1], Text) and value[-1].text == seal:
        return value[:-1]
    return value


def _japanese_blocks(signatures: list[Signatory], runs: Runs) -> str:
    rows = []
    for n, s in enumerate(signatures):
        keep = n < len(signatures) - 1
        designation = _p(X.run(s.designation, bold=True), keep=keep)
        lines = []
        for label, value in s.rows:
            text = runs(without_seal(value, s.seal))
            if s.seal and value is not without_seal(value, s.seal):  # the seal mark, on a tab at the block's edge
                text += X.tab() + X.run(s.seal.strip())
            lines.append(_p(X.run(label) + X.tab() + text, keep=keep, extra=(
                f'<w:tabs><w:tab w:val="left" w:pos="{_JA_LABEL}"/><w:tab w:val="right" w:pos="{_JA_SEAL_AT}"/>'
                f'</w:tabs><w:ind w:left="{_JA_LABEL}" w:hanging="{_JA_LABEL}"/>')))
        rows.append([designation, "".join(lines)])
    return _table(rows, _JA_COLUMNS, valign=["top", "top"], height=_JA_BLOCK_HEIGHT)


def split_representative(text: str) -> tuple[str, str]:
    """Split "Representative Director, Yuki Tanaka" into (name, title); (text, "") when unsure.

    The deal gives the signatory as one string; law firms print the name and the title on
    lines of their own. The part after (or before) the last comma that reads as a title goes
    to "Title:"; a string with no such part stays whole on the "Name:" line.
    """
    if "," not in text:
        return text, ""
    first, last = (part.strip() for part in text.rsplit(",", 1))
    if _TITLE_WORDS.search(first) and not _TITLE_WORDS.search(last):
        return last, first
    if _TITLE_WORDS.search(last) and not _TITLE_WORDS.search(first):
        return first, last
    return text, ""


def english_block(s: Signatory, runs: Runs, *, style: str = "OISignature", keep: bool = True) -> str:
    """One English signature block: NAME IN CAPITALS, address, By: (a ruled line), Name:, Title:."""
    name = "".join(i.text for i in s.name)
    signer, title = split_representative("".join(i.text for i in s.representative))
    if s.by_hand:
        by = _p(X.run("By:") + X.tab(), keep=keep, style=style, extra=(
            f'<w:tabs><w:tab w:val="left" w:leader="underscore" w:pos="{_EN_SIGN_LINE}"/></w:tabs>'
            '<w:spacing w:before="720" w:after="60"/>'))
    else:
        by = _p(X.run("By:\u00a0(electronic signature)"), keep=keep, style=style,
                extra='<w:spacing w:before="240" w:after="60"/>')
    return "".join([
        _p(X.run(name.upper(), bold=True), keep=keep, style=style),
        _p(runs(s.address), keep=keep, style=style),
        by,
        _p(X.run("Name:\u00a0" + signer), keep=keep, style=style),
        _p(X.run("Title:\u00a0" + title), keep=keep, style=style),
    ])


def _english_blocks(signatures: list[Signatory], runs: Runs) -> str:
    cells = [english_block(s, runs) for s in signatures]
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append(_p("", keep=False))
    # the last row's paragraphs end the chain
    rows[-1] = [cell.replace("<w:keepNext/>", "") for cell in rows[-1]]
    return _table(rows, [_EN_COLUMN, _EN_COLUMN], valign=["top", "top"], height=None)


def _table(rows: list[list[str]], widths: list[int], *, valign: list[str], height: int | None) -> str:
    """A borderless table of whole rows: no row splits across pages; widths fixed."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = []
    for row in rows:
        trpr = "<w:cantSplit/>" + (f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>' if height else "")
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[c]}" w:type="dxa"/><w:vAlign w:val="{valign[c]}"/></w:tcPr>{cell}</w:tc>'
            for c, cell in enumerate(row))
        body.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{cells}</w:tr>")
    margins = '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>' \
              '<w:bottom w:w="240" w:type="dxa"/><w:right w:w="120" w:type="dxa"/></w:tblCellMar>'
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableNormal"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/>{margins}<w:tblLook w:val="0000"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>")
