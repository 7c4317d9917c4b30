"""The preview as HTML: a writer visitor over the document tree, and the review sheet's Markdown.

The preview must show what the DOCX shows (第3条, references as computed by the numbering
transform, defined terms, signatures), so it walks the same tree as the DOCX writer instead of
converting the Markdown. Every piece of text goes through :func:`html.escape`: deal text is
data from a web form and must never become markup. The review sheet exists only as Markdown;
:func:`sheet_html` reads the small subset the sheet writes (headings, paragraphs, lists,
tables, ``**bold**``, ``code``, backslash escapes) and escapes everything else.
"""

from __future__ import annotations

import html
import re

from oidocs.document.labels import labels_for
from oidocs.document.tree import (
    Article,
    Bilingual,
    Closing,
    Document,
    Inline,
    Insert,
    Item,
    Paragraph,
    Preamble,
    Ref,
    Schedule,
    Table,
    Term,
    Text,
    pair_parts,
)
from oidocs.writers import RenderOptions, Visitor


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class HtmlWriter(Visitor):
    """Render one document tree as an HTML fragment (``<article class="doc">``)."""

    def __init__(self, document: Document, options: RenderOptions = RenderOptions()) -> None:
        self.document = document
        self.options = options
        self.labels = labels_for(document.lang)
        self.out: list[str] = []

    def inline(self, inlines: list[Inline]) -> str:
        parts = []
        for node in inlines:
            text = _e(node.text)
            if isinstance(node, Insert):
                parts.append(f'<span class="ins">{text}</span>')
            elif isinstance(node, Ref):
                parts.append(f'<a class="ref" href="#{_e(node.target)}">{text}</a>')
            elif isinstance(node, Term) and node.defining:
                parts.append(f'<span class="term">{text}</span>')
            else:
                parts.append(text)
        return "".join(parts)

    def visit_Document(self, node: Document) -> None:
        self.out.append(f'<h1 class="title">{_e(node.title)}</h1>')

    def visit_Preamble(self, node: Preamble) -> None:
        self.out.append('<section class="preamble">')

    def depart_Preamble(self, node: Preamble) -> None:
        self.out.append("</section>")

    def visit_Article(self, node: Article) -> None:
        heading = self.labels.heading(node.label, node.clause.title)
        self.out.append(f'<section class="article" id="{_e(node.clause.id)}" data-clause="{_e(node.clause.id)}">'
                        f"<h2>{_e(heading)}</h2>")

    def depart_Article(self, node: Article) -> None:
        self.out.append("</section>")

    def visit_Paragraph(self, node: Paragraph) -> object:
        number = f'<span class="pno">{_e(self.labels.paragraph(node.number))}</span> ' if node.number else ""
        self.out.append(f"<p>{number}{self.inline(node.inlines)}</p>")
        if node.items:
            self.out.append('<ol class="items">')
            for item in node.items:
                self.out.append(f'<li><span class="ino">{_e(item.label)}</span> {self.inline(item.inlines)}</li>')
            self.out.append("</ol>")
        return self.SKIP

    def visit_Item(self, node: Item) -> None:
        raise AssertionError("items are rendered by visit_Paragraph")

    def visit_Table(self, node: Table) -> object:
        head = "".join(f"<th>{self.inline(c)}</th>" for c in node.header)
        rows = "".join("<tr>" + "".join(f"<td>{self.inline(c)}</td>" for c in row) + "</tr>" for row in node.rows)
        self.out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        return self.SKIP

    def visit_Closing(self, node: Closing) -> None:
        self.out.append('<section class="closing">')

    def depart_Closing(self, node: Closing) -> None:
        self.out.append(f'<p class="date">{_e(node.date_line)}</p>')
        for s in node.signatures:
            rows = "".join(f"<tr><th>{_e(label)}</th><td>{self.inline(value)}</td></tr>" for label, value in s.rows)
            self.out.append(f'<table class="sign"><caption>{_e(s.designation)}</caption>{rows}</table>')
        self.out.append("</section>")

    def visit_Schedule(self, node: Schedule) -> None:
        heading = self.labels.heading(node.label, node.clause.title)
        self.out.append(f'<section class="schedule" id="{_e(node.clause.id)}"><h2>{_e(heading)}</h2>')

    def depart_Schedule(self, node: Schedule) -> None:
        self.out.append("</section>")

    def visit_Text(self, node: Text) -> None:
        raise AssertionError("inline nodes are rendered by their block")

    visit_Insert = visit_Ref = visit_Term = visit_Text


def document_html(document: Document) -> str:
    """Return ``document`` as an HTML fragment, every text escaped."""
    writer = HtmlWriter(document)
    writer.dispatch(document)
    return f'<article class="doc" lang="{_e(document.lang)}">' + "\n".join(writer.out) + "</article>"


def bilingual_html(pair: Bilingual) -> str:
    """Return a side-by-side document: one table row per part, the first language on the left."""
    left, right = HtmlWriter(pair.first), HtmlWriter(pair.second)
    rows = [f'<tr><td lang="{_e(pair.first.lang)}"><h1 class="title">{_e(pair.first.title)}</h1></td>'
            f'<td lang="{_e(pair.second.lang)}"><h1 class="title">{_e(pair.second.title)}</h1></td></tr>']
    for a, b in pair_parts(pair):
        cells = []
        for writer, part in ((left, a), (right, b)):
            writer.out = []
            writer.dispatch(part)
            cells.append(f'<td lang="{_e(writer.document.lang)}">' + "\n".join(writer.out) + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<article class="doc bilingual"><table class="pair">' + "".join(rows) + "</table></article>"


# --- the review sheet's Markdown subset ---------------------------------------------------

_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#|~&!{}.()+\-=])")
_CODE = re.compile(r"`([^`]*)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ORDERED = re.compile(r"^(\s*)(\d+)\.\s+(.*)$")
_BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")


def _md_inline(text: str) -> str:
    """Escape ``text`` for HTML, then turn the sheet's inline marks into tags."""
    stash: list[str] = []

    def keep(chunk: str) -> str:
        stash.append(chunk)
        return f"\x00{len(stash) - 1}\x00"

    text = _CODE.sub(lambda m: keep("<code>" + _e(_ESCAPED.sub(lambda e: e.group(1), m.group(1))) + "</code>"), text)
    text = _ESCAPED.sub(lambda m: keep(_e(m.group(1))), text)
    text = _e(text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: stash[int(m.group(1))], text)


def _cells(line: str) -> list[str]:
    cells, cell, i = [], "", 0
    body = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            cell += body[i:i + 2]
            i += 2
            continue
        if ch == "|":
            cells.append(cell.strip())
            cell = ""
        else:
            cell += ch
        i += 1
    cells.append(cell.strip())
    return cells


def sheet_html(markdown: str) -> str:
    """Return the review sheet (Markdown as :mod:`oidocs.review.sheet` writes it) as escaped HTML."""
    out: list[str] = []
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{_md_inline(heading.group(2))}</h{level}>")
            i += 1
        elif line.lstrip().startswith("|"):
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            head, body = _cells(rows[0]), [_cells(r) for r in rows[2:]]
            out.append("<table><thead><tr>" + "".join(f"<th>{_md_inline(c)}</th>" for c in head) + "</tr></thead><tbody>"
                       + "".join("<tr>" + "".join(f"<td>{_md_inline(c)}</td>" for c in r) + "</tr>" for r in body)
                       + "</tbody></table>")
        elif _ORDERED.match(line) or _BULLET.match(line):
            i = _list(lines, i, out)
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "|")) \
                    and not _ORDERED.match(lines[i]) and not _BULLET.match(lines[i]):
                para.append(_md_inline(lines[i].rstrip()))
                i += 1
            out.append("<p>" + "<br>".join(para) + "</p>")
    return '<article class="sheet">' + "\n".join(out) + "</article>"


def _list(lines: list[str], i: int, out: list[str]) -> int:
    """Write the list starting at ``lines[i]`` (nested by indentation); return the next line's index."""
    stack: list[tuple[int, str]] = []  # (indent, tag)
    while i < len(lines) and lines[i].strip():
        line = lines[i]
        m = _ORDERED.match(line) or _BULLET.match(line)
        if not m:  # a continuation line (after a hard break) of the current item
            out.append("<br>" + _md_inline(line.strip()))
            i += 1
            continue
        indent, tag = len(m.group(1)), "ol" if _ORDERED.match(line) else "ul"
        text = m.groups()[-1]
        while stack and indent < stack[-1][0]:
            out.append(f"</li></{stack.pop()[1]}>")
        if not stack or indent > stack[-1][0]:
            stack.append((indent, tag))
            out.append(f"<{tag}><li>")
        else:
            out.append("</li><li>")
        out.append(_md_inline(text.rstrip()))
        i += 1
    while stack:
        out.append(f"</li></{stack.pop()[1]}>")
    return i
