"""Read any agreement in DOCX into articles: number, heading, paragraphs, items.

The file need not come from oidocs. Three kinds of article start are recognised:
Word numbering (the label 第1条 / Article 1 computed from ``numbering.xml``, as oidocs and
many firms write it), typed numbers (「第1条（目的）」, "Article 1 (Purpose)", "1. Purpose"),
and the Japanese house style with the heading on its own line above the article
(「（目的）」 then 「第1条　…」). Paragraph and item labels (typed or numbered: ２, （1）, ①,
(a)) are kept apart from the text, so that renumbering alone is not a change of wording.
Text inside tracked deletions is left out: a file with tracked changes reads as accepted.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from oidocs.errors import OidocsError
from oidocs.negotiate.docxtext import bookmarks, paragraph_text, resolve_refs
from oidocs.negotiate.numbering import W, Numbering, NumberingError, whole

_NUM = r"[0-9０-９]{1,6}|[一二三四五六七八九十百〇]+"
_JA_ARTICLE = re.compile(rf"^第\s*({_NUM})\s*条(?:の\s*({_NUM}))?(?:[\s　]+|(?=[（(])|$)(.*)$", re.S)
_GAP = 20
_EN_ARTICLE = re.compile(r"^(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE)\s+(\d{1,6})(?:-(\d+)|([A-Z]))?[.:]?\s*(.*)$", re.S)
_EN_NUMBERED_HEADING = re.compile(r"^(\d{1,2})\.\s+([A-Z][^.;:]{0,60})$")
_HEADING_ONLY = re.compile(r"^[（(]([^）()（]{1,80})[）)]$")
_BRACKETED = re.compile(r"^[（(]([^）()（]{1,80})[）)][\s　]*(.*)$", re.S)
_PARA_LABEL = re.compile(r"^([0-9０-９]{1,2})(?:[\s　]+|[.．]\s*)(?=\S)(.*)$", re.S)
_ITEM_LABEL = re.compile(
    r"^([（(](?:[0-9０-９]{1,2}|[a-zA-Zａ-ｚ]|[ア-ンｱ-ﾝ]|[一二三四五六七八九十]{1,2})[)）]|[①-⑳]"
    r"|[一二三四五六七八九十]{1,2}(?=[\s　、])|[a-z][.)](?=\s))[\s　、]*(.*)$", re.S)
_CLOSING = re.compile(
    r"^(以上|上記|本(?:契約|合意|覚書|書|変更契約)[^。]{0,20}(?:成立|締結)を証する|(?i:in witness whereof))")
_TYPED_START = re.compile(rf"^(?:第\s*(?:{_NUM})\s*条|(?:Article|ARTICLE|Section|SECTION|Clause)\s+\d+|\d{{1,2}}\.\s)")
_BULLET = re.compile(r"^[•●■◆◇□▪▫・○◎★☆※▶►➢\-–—*]+[\s　]*(?=\S)")
_COUNTED = re.compile(r"[0-9０-９A-Z一二三四五六七八九十百千a-zＡ-Ｚａ-ｚ①-⑳〇ア-ンｱ-ﾝ]")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


@dataclass
class Para:
    """A paragraph (項) of an article: its label as printed (may be empty), text and items."""

    label: str
    text: str
    items: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [self.text, *(text for _, text in self.items)]


@dataclass
class Art:
    """An article: its number (None when it has none), label as printed, heading, paragraphs."""

    number: int | None
    label: str
    heading: str
    paras: list[Para] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Every paragraph and item text in order, labels left out."""
        return [line for p in self.paras for line in p.lines() if line]

    def text(self) -> str:
        return "\n".join(self.lines())

    def cite(self, lang: str) -> str:
        """How the sheet names it: 第3条（秘密保持） / Article 3 (Confidentiality)."""
        label = self.label or ("—" if self.number is None else str(self.number))
        if not self.heading:
            return label
        return f"{label}（{self.heading}）" if lang == "ja" else f"{label} ({self.heading})"


@dataclass
class Agreement:
    """An agreement read from DOCX: title, text before the articles, articles, text after them."""

    title: str
    lang: str
    preamble: list[str]
    articles: list[Art]
    closing: list[str]


def read_agreement(source: str | Path | bytes, *, name: str = "") -> Agreement:
    """Read a DOCX (path or bytes) into an :class:`Agreement`; a broken file is a user error.

    ``name`` is how an error names the file when ``source`` is bytes.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    name = name or ("<bytes>" if isinstance(source, bytes) else str(source))
    data = source if isinstance(source, bytes) else read_docx(source)
    _check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise OidocsError(f"{name}: not a readable Word (.docx) file ({exc})") from None
    try:
        numbering_xml = document.part.numbering_part.element
    except (NotImplementedError, KeyError):
        numbering_xml = None
    try:
        lines = list(_paragraphs(document, Numbering.read(numbering_xml)))
    except NumberingError as exc:
        raise OidocsError(f"{name}: {exc}") from None
    return _structure(lines)


def read_docx(path: str | Path) -> bytes:
    """Return the bytes of a Word file a user named: a regular file of sensible size (not /dev/zero)."""
    from oidocs.content import MAX_DOCX_BYTES, InputError, read_input

    try:
        return read_input(path, MAX_DOCX_BYTES)
    except InputError as exc:
        raise OidocsError(f"{path}: {exc}") from None


def _check_package(data: bytes, name: str) -> None:
    """Refuse a DOCX whose parts would unpack to more than a document can be, before unpacking any."""
    from oidocs.content import InputError, check_package

    try:
        check_package(data)
    except InputError as exc:
        raise OidocsError(f"{name}: {exc}") from None


@dataclass
class _Line:
    text: str
    label: str = ""
    level: int = -1
    style: str = ""
    marks: tuple[str, ...] = ()  # bookmarks that start in the paragraph


def _paragraphs(document: Any, numbering: Numbering) -> Iterator[_Line]:
    """Yield each body paragraph with its numbering label and style, in reading order.

    Content controls (``w:sdt``) and custom XML wrappers are looked into, not skipped: forms
    often put whole articles inside them. A table row is one line, unless its first cell
    starts an article (a two-column layout: 「第3条（秘密保持）」 | the article's text), when
    each of its paragraphs is a line of its own.
    """
    styles = _style_numbering(document)
    yield from _block(document.element.body, numbering, styles)


def _block(parent: Any, numbering: Numbering, styles: dict[str, tuple[str, int, str]]) -> Iterator[_Line]:
    for child in parent.iterchildren():
        if child.tag == f"{W}p":
            yield _line(child, numbering, styles)
        elif child.tag == f"{W}tbl":
            yield from _table(child, numbering, styles)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _block(child, numbering, styles)


def _table(tbl: Any, numbering: Numbering, styles: dict[str, tuple[str, int, str]]) -> Iterator[_Line]:
    for row in tbl.iter(f"{W}tr"):
        cells = [[_line(p, numbering, styles) for p in cell.iter(f"{W}p")] for cell in row.iter(f"{W}tc")]
        first = " ".join(_join(ln.label, ln.text) for ln in cells[0]).strip() if cells else ""
        if first and _TYPED_START.match(_unbullet(first)):
            yield _Line(first, style="Table")
            for cell in cells[1:]:
                yield from (ln for ln in cell if ln.text)
            continue
        text = " | ".join(t for t in (" ".join(ln.text for ln in cell).strip() for cell in cells) if t)
        if text:
            yield _Line(text, style="Table")


def _style_numbering(document: Any) -> dict[str, tuple[str, int, str]]:
    """Style id -> (numId, level, style name) for styles that carry numbering."""
    out: dict[str, tuple[str, int, str]] = {}
    for style in document.styles.element.iter(f"{W}style"):
        sid = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val") if name_el is not None else ""
        num_id = style.find(f"{W}pPr/{W}numPr/{W}numId")
        ilvl = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
        out[sid] = (num_id.get(f"{W}val") if num_id is not None else "",
                    whole(ilvl.get(f"{W}val"), "w:ilvl") if ilvl is not None else 0, name or "")
    return out


def _line(p: Any, numbering: Numbering, styles: dict[str, tuple[str, int, str]]) -> _Line:
    style_el = p.find(f"{W}pPr/{W}pStyle")
    style = style_el.get(f"{W}val") if style_el is not None else ""
    num_id, level, name = styles.get(style, ("", 0, ""))
    direct = p.find(f"{W}pPr/{W}numPr")
    if direct is not None:
        nid, lvl = direct.find(f"{W}numId"), direct.find(f"{W}ilvl")
        if nid is not None:
            num_id = nid.get(f"{W}val")
        if lvl is not None:
            level = whole(lvl.get(f"{W}val"), "w:ilvl")
    label = numbering.label(num_id, level).strip() if num_id and num_id != "0" else ""
    if label and not _COUNTED.search(label):
        label = ""  # a bullet: it marks the paragraph, it does not number it
    kind = "heading" if name.lower().startswith("heading") or style.lower().startswith("heading") else style
    return _Line(_unbullet(paragraph_text(p).strip()), label, level if label else -1, kind, tuple(bookmarks(p)))


def _unbullet(text: str) -> str:
    """The text without a typed bullet in front (「・第3条」, "● Article 3")."""
    return _BULLET.sub("", text, count=1)


def to_int(text: str) -> int:
    """Return the value of an article number written in digits (any width) or kanji."""
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _article_start(line: _Line, previous: int) -> tuple[int, str, str, str] | None:
    """If ``line`` starts an article, return (number, label, heading, rest of the line)."""
    if line.label and line.level == 0:
        m = _JA_ARTICLE.match(line.label) or _EN_ARTICLE.match(line.label)
        if m or line.style == "heading":
            number = to_int(m.group(1)) if m else previous + 1
            b = _BRACKETED.match(line.text)
            heading, rest = (b.group(1), b.group(2)) if b else (line.text, "")
            if not b and len(line.text) > 60:
                heading, rest = "", line.text
            return number, line.label, heading.strip(), rest.strip()
    if line.level > 0:  # a numbered paragraph or item inside an article: 「第3条の規定により…」
        return None
    m = _JA_ARTICLE.match(line.text)
    if m and _in_sequence(to_int(m.group(1)), previous, _BRACKETED.match(m.group(3)) is not None):
        label = line.text[: m.start(3)].strip()
        b = _BRACKETED.match(m.group(3))
        heading, rest = (b.group(1), b.group(2)) if b else ("", m.group(3))
        return to_int(m.group(1)), label, heading.strip(), rest.strip()
    m = _EN_ARTICLE.match(line.text)
    if m and _in_sequence(int(m.group(1)), previous, m.group(4).startswith("(") or len(m.group(4)) <= 80):
        label = line.text[: m.start(4)].strip().rstrip(".:")
        rest = m.group(4)
        b = _BRACKETED.match(rest)
        if b:
            return int(m.group(1)), label, b.group(1).strip(), b.group(2).strip()
        if len(rest) <= 80 and not rest.endswith("."):
            return int(m.group(1)), label, rest.strip(), ""
        return int(m.group(1)), label, "", rest.strip()
    m = _EN_NUMBERED_HEADING.match(line.text)
    if m and int(m.group(1)) == previous + 1 and (line.style == "heading" or len(line.text) <= 60):
        return int(m.group(1)), f"{m.group(1)}.", m.group(2).strip(), ""
    if line.style == "heading" and line.text and not line.label and previous > 0 and len(line.text) <= 60:
        return previous + 1, "", line.text.strip("（）() "), ""
    return None


def _in_sequence(number: int, previous: int, headed: bool) -> bool:
    """A typed number starts an article when it comes after the last one.

    Forms skip numbers (第7条 then 第10条, articles left out of a model form), so any later
    number within a reasonable gap starts an article; a number that goes back (「第3条の規定」
    inside article 9) never does.
    """
    return previous < number <= previous + (_GAP if headed else _GAP // 2)


def _structure(lines: list[_Line]) -> Agreement:
    lines = [ln for ln in lines if ln.text or ln.label]
    title = ""
    preamble: list[str] = []
    articles: list[Art] = []
    closing: list[str] = []
    targets: dict[str, str] = {}  # bookmark -> label of the article it is in (REF results)
    pending_heading = ""
    in_closing = False
    want_heading = False  # the last article started with a bare label (「第3条」 alone)
    for i, line in enumerate(lines):
        if in_closing:
            closing.append(_join(line.label, line.text))
            continue
        if articles and _CLOSING.match(line.text):
            in_closing = True
            closing.append(line.text)
            continue
        previous = articles[-1].number or 0 if articles else 0
        start = _article_start(line, previous)
        if start is None and _HEADING_ONLY.match(line.text) and not line.label and i + 1 < len(lines):
            following = _article_start(lines[i + 1], previous)
            if following is not None and not following[2]:
                pending_heading = _HEADING_ONLY.match(line.text).group(1)  # type: ignore[union-attr]
                continue
        if start is None and want_heading and not line.label:
            own = _HEADING_ONLY.match(line.text)
            if own or (len(line.text) <= 40 and not line.text.rstrip().endswith(("。", ".", ":", "："))):
                articles[-1].heading = own.group(1) if own else line.text.strip()
                want_heading = False
                continue
        want_heading = False
        if start is not None:
            number, label, heading, rest = start
            art = Art(number, label, heading or pending_heading)
            want_heading = not art.heading and not rest
            pending_heading = ""
            if rest:
                _add_text(art, "", rest, line)
            articles.append(art)
            for mark in line.marks:
                targets[mark] = label
            continue
        if not articles:
            if not title:
                title = line.text
            else:
                preamble.append(_join(line.label, line.text))
            continue
        _add_text(articles[-1], line.label, line.text, line)
    agreement = Agreement(title, "", preamble, articles, closing)
    _resolve(agreement, targets)
    agreement.lang = _language(" ".join([title, *preamble, *(a.text() for a in articles)]))
    return agreement


def _resolve(agreement: Agreement, targets: dict[str, str]) -> None:
    """Print every cross-reference field as Word would after updating fields."""
    def fix(text: str) -> str:
        return resolve_refs(text, targets)

    agreement.title = fix(agreement.title)
    agreement.preamble = [fix(t) for t in agreement.preamble]
    agreement.closing = [fix(t) for t in agreement.closing]
    for art in agreement.articles:
        art.heading = fix(art.heading)
        for para in art.paras:
            para.text = fix(para.text)
            para.items = [(label, fix(text)) for label, text in para.items]


def _add_text(art: Art, label: str, text: str, line: _Line) -> None:
    """Add one line to ``art`` as a new paragraph or as an item of the last paragraph."""
    is_item = line.style == "OIItem" or (bool(label) and line.level >= 2)
    if not label:
        m = _ITEM_LABEL.match(text)
        if m and art.paras:
            label, text, is_item = m.group(1), m.group(2), True
        else:
            p = _PARA_LABEL.match(text)
            if p:
                label, text = p.group(1), p.group(2)
    elif _ITEM_LABEL.match(label) and line.level != 1:
        is_item = True
    text = text.strip()
    if is_item and art.paras:
        art.paras[-1].items.append((label, text))
    else:
        art.paras.append(Para(label, text))


def _join(label: str, text: str) -> str:
    return f"{label} {text}".strip() if label else text


def _language(text: str) -> str:
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return "ja" if cjk * 5 > len(text) else "en"
