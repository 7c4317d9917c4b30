"""Bilingual DOCX writer (和英併記): one agreement, two languages side by side.

The body is one table of two columns of equal width, the first language on the left: a row
for the title, one for the preamble, one per article, one for the execution sentence, one for
the date and the signatures, and one per schedule. Both columns come from trees built from the
same document definition, so row N holds 第N条 beside Article N (:func:`pair_parts` checks it).

Labels (第1条, ２, （1）/ Article 1, 2., (a)) are typed from the numbers the transforms
computed, not Word list numbering: two lists running through alternate cells of one table are
fragile in Word and LibreOffice alike, and typed labels keep each row's pair visibly the same.
For the same reason references are plain text here. Each column has its own paragraph styles
(:data:`~oidocs.writers.docx_base.COLUMN_STYLES`): its language's fonts and language tag.
The rest (starting document, fixed-time zip, comments, core properties) is the DOCX writer's.
"""

from __future__ import annotations

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
    Part,
    Preamble,
    Ref,
    Schedule,
    Table,
    Term,
    Text,
    pair_parts,
    walk,
)
from oidocs.writers import RenderOptions, Visitor
from oidocs.writers import docx_xml as X
from oidocs.writers import zipfile_fixed as _zip
from oidocs.writers.docx import _comments_xml, _core_xml, _estimate_pages, _fixed_date, review_comment
from oidocs.writers.docx_base import TEXT_WIDTH, COLUMN_STYLES, COMMENTS_REL, COMMENTS_TYPE, PAGES_MARK, starting_package

COLUMN = TEXT_WIDTH // 2
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


class ColumnWriter(Visitor):
    """Writes the parts of one language's tree as the paragraphs of its column's cells."""

    def __init__(self, document: Document, options: RenderOptions, comments: list[str] | None) -> None:
        self.document = document
        self.options = options
        self.labels = labels_for(document.lang)
        self.styles = COLUMN_STYLES[document.lang]
        self.comments = comments  # None: this column carries no review comments
        self.out: list[str] = []
        self.pending: Preamble | Closing | None = None  # its first paragraph carries its comment

    def cell(self, part: Part) -> str:
        """Return the paragraphs of ``part`` (a cell's content)."""
        self.out = []
        self.dispatch(part)
        return "".join(self.out) or self.p("")

    def p(self, content: str, kind: str = "") -> str:
        return X.paragraph(content, style=self.styles[kind])

    def runs(self, inlines: list[Inline]) -> str:
        highlight = self.options.review
        return "".join(X.run(n.text, highlight=highlight and isinstance(n, Insert)) for n in inlines)

    def annotate(self, part: Part, content: str) -> str:
        """In review mode, hang the clause's provenance comment on ``content`` (left column only)."""
        if self.comments is None or not self.options.review:
            return content
        self.comments.append(review_comment(part))
        return X.comment_range(len(self.comments) - 1, content)

    # --- parts --------------------------------------------------------------------------

    def title(self) -> str:
        return self.p(X.run(self.document.title), "Title")

    def visit_Preamble(self, node: Preamble) -> None:
        self.pending = node

    def visit_Article(self, node: Article) -> None:
        heading = X.run(self.labels.heading(node.label, node.clause.title))
        self.out.append(self.p(self.annotate(node, heading), "Heading"))

    def visit_Closing(self, node: Closing) -> None:
        self.pending = node

    def visit_Schedule(self, node: Schedule) -> None:
        heading = X.run(self.labels.heading(node.label, node.clause.title))
        self.out.append(self.p(self.annotate(node, heading), "Heading"))

    def signatures(self, node: Closing) -> str:
        """The date line, then each signatory: its designation and its labelled rows, one a line."""
        parts = [self.p(X.run(node.date_line))]
        for s in node.signatures:
            parts += [self.p(""), self.p(X.run(s.designation, bold=True))]
            parts += [self.p(X.run(label) + X.tab() + self.runs(value), "Sign") for label, value in s.rows]
        return "".join(parts)

    # --- blocks -------------------------------------------------------------------------

    def visit_Paragraph(self, node: Paragraph) -> object:
        text = self.runs(node.inlines)
        if self.pending is not None:
            text, self.pending = self.annotate(self.pending, text), None
        if node.number:
            if self.document.lang == "ja":
                label = X.run(f"{str(node.number).translate(_FULL_WIDTH)}　")
            else:
                label = X.run(self.labels.paragraph(node.number)) + X.tab()
            self.out.append(self.p(label + text, "Para"))
        else:
            self.out.append(self.p(text))
        gap = "" if self.document.lang == "ja" else X.tab()
        for item in node.items:
            self.out.append(self.p(X.run(item.label) + gap + self.runs(item.inlines), "Item"))
        return self.SKIP

    def visit_Item(self, node: Item) -> None:
        raise AssertionError("items are rendered by visit_Paragraph")

    def visit_Table(self, node: Table) -> object:
        """A table inside an article: one line per row, its first cell followed by the others
        with their headings (試作機完成（目標期日：2027年3月31日）); a table nested in a cell
        would be cramped in half a page and splits the row for readers of the file."""
        heads = ["".join(i.text for i in cell) for cell in node.header]
        ja = self.document.lang == "ja"
        for row in node.rows:
            rest = [X.run(f"{head}：" if ja else f"{head}: ") + self.runs(cell) for head, cell in zip(heads[1:], row[1:])]
            tail = X.run("（") + X.run("、").join(rest) + X.run("）") if ja else \
                X.run(" (") + X.run("; ").join(rest) + X.run(")")
            bullet = X.run("・") if ja else X.run("•") + X.tab()
            self.out.append(self.p(bullet + self.runs(row[0]) + (tail if rest else ""), "Item"))
        return self.SKIP

    def visit_Text(self, node: Text) -> None:
        raise AssertionError("inline nodes are rendered by their block")

    visit_Insert = visit_Ref = visit_Term = visit_Text


def render(pair: Bilingual, options: RenderOptions = RenderOptions()) -> bytes:
    """Return the .docx bytes of the bilingual ``pair``; equal pairs give equal bytes."""
    comments: list[str] = []
    left = ColumnWriter(pair.first, options, comments)
    right = ColumnWriter(pair.second, options, None)
    rows = [[left.title(), right.title()]]
    keep = [True]
    for a, b in pair_parts(pair):
        rows.append([left.cell(a), right.cell(b)])
        keep.append(_short(a, pair.first.lang) and _short(b, pair.second.lang))
        if isinstance(a, Closing) and isinstance(b, Closing):
            rows.append([left.signatures(a), right.signatures(b)])
            keep.append(True)
    body = X.table(rows, widths=[COLUMN, COLUMN], fixed=True, keep=keep) + \
        X.paragraph("", style=COLUMN_STYLES[pair.first.lang][""])

    package = starting_package(pair.first.lang)
    pages = 2 * max(_estimate_pages(pair.first), _estimate_pages(pair.second))
    changed = {
        "word/document.xml": package.document_head + body + package.document_tail,
        "word/footer1.xml": package.footer.replace(PAGES_MARK, str(pages)),
        "docProps/core.xml": _core_xml(pair.first, title=f"{pair.first.title} / {pair.second.title}"),
    }
    if comments:
        changed["word/comments.xml"] = _comments_xml(comments, _fixed_date(pair.first))
        changed["word/_rels/document.xml.rels"] = package.rels.replace("</Relationships>", COMMENTS_REL + "</Relationships>")
        changed["[Content_Types].xml"] = package.content_types.replace("</Types>", COMMENTS_TYPE + "</Types>")
    return _zip.write(package.entries, {k: v.encode("utf-8") for k, v in changed.items()})


# About a third of a column page (A4, 10 pt, half the text width): a row shorter than this is
# kept on one page, so a short article never leaves its heading at the foot of a page.
_SHORT_ROW = {"ja": 450, "en": 900}


def _short(part: Part, lang: str) -> bool:
    """Whether ``part`` is short enough to keep its row on one page."""
    chars = sum(len(n.text) for n in walk(part) if isinstance(n, (Text, Insert, Ref, Term)))
    return chars < _SHORT_ROW[lang]
