"""DOCX writer: a Word file with real styles, multilevel numbering, fields and bookmarks.

The starting document of each language (page size, fonts, styles, numbering definitions,
footer: :mod:`.docx_base`) is built once per process and kept as bytes; each agreement loads it, writes its
body as WordprocessingML (see :mod:`.docx_xml`), and is saved as a zip whose entries carry
a fixed timestamp, so that the same deal gives the same bytes.

Numbering is Word's own: one multilevel list whose level 0 is the article (第%1条 /
Article %1, on Heading 1 paragraphs, so that the navigation pane lists the articles),
level 1 the paragraph and level 2 the item; every numbered paragraph carries ``w:numPr``.
Cross-references are REF fields to a bookmark on each article heading (and on each
schedule's label: 別紙1 / Schedule 1), storing the computed label as their cached result.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from oidocs.document.labels import labels_for
from oidocs.document.tree import (
    Article,
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
    text_length,
)
from oidocs.writers import RenderOptions, Visitor
from oidocs.writers import docx_xml as X
from oidocs.writers import zipfile_fixed as _zip
from oidocs.writers.docx_execution import keep_with_next, signature_blocks
from oidocs.writers.docx_package import core_xml
from oidocs.writers.docx_base import (
    ARTICLE_LIST,
    COMMENTS_REL,
    COMMENTS_TYPE,
    FALLBACK_DATE,
    LOOSE_ITEMS,
    PAGES_MARK,
    TEXT_WIDTH,
    starting_package,
)


SCHEDULE_BOOKMARKS = 900  # bookmark ids of schedules (articles use their number)


class DocxBodyWriter(Visitor):
    """Collects the body XML of one document and the numbering instances it needs."""

    def __init__(self, document: Document, options: RenderOptions) -> None:
        self.document = document
        self.options = options
        self.labels = labels_for(document.lang)
        self.parts: list[str] = []
        self.extra_nums: list[int] = []
        self.in_article = False
        self.bookmarks = {a.clause.id: f"_RefOI{a.number:03d}" for a in document.articles}
        self.bookmarks.update({s.clause.id: f"_RefOISchedule{n}" for n, s in enumerate(document.schedules, start=1)})
        self.schedule_labels = {s.clause.id: s.label for s in document.schedules}
        # the inline nodes printed as plain runs: deal text is highlighted in review mode
        self.plain_kinds = frozenset({Text, Term} if options.review else {Text, Term, Insert})
        self.comments: list[str] = []
        self.pending: Preamble | Closing | None = None
        self.closing_from = 0  # index in parts of the last paragraph before the execution clause

    def annotate(self, part: Preamble | Article | Closing | Schedule, content: str) -> str:
        """In review mode, hang a comment with the clause's provenance on ``content``."""
        if not self.options.review:
            return content
        self.comments.append(review_comment(part))
        return X.comment_range(len(self.comments) - 1, content)

    def runs(self, inlines: list[Inline]) -> str:
        if self.plain_kinds.issuperset(map(type, inlines)):  # words only (no reference, no marked insert)
            return X.plain_runs([node.text for node in inlines])
        out = []
        for node in inlines:
            if isinstance(node, Ref) and node.target in self.schedule_labels:
                # The bookmark holds the schedule's label (別紙1 / Schedule 1); a lone schedule
                # is referred to as "the Schedule": the words before the label stay text.
                label = self.schedule_labels[node.target]
                if node.text.endswith(label):
                    out.append(X.run(node.text[:-len(label)]))
                    out.append(X.field(f"REF {self.bookmarks[node.target]} \\h", label))
                else:
                    out.append(X.run(node.text))
            elif isinstance(node, Ref) and node.target in self.bookmarks:
                cut = len(node.text) - len(node.suffix)  # a paragraph's 第4項 / (4) stays text after the field
                out.append(X.field(f"REF {self.bookmarks[node.target]} \\r \\h", node.text[:cut]))
                if node.suffix:
                    out.append(X.run(node.suffix))
            else:
                out.append(X.run(node.text, highlight=self.options.review and isinstance(node, Insert)))
        return "".join(out)

    def visit_Document(self, node: Document) -> None:
        self.parts.append(X.paragraph(X.run(node.title), style="Title"))

    def visit_Preamble(self, node: Preamble) -> None:
        self.in_article = False
        self.pending = node

    def visit_Article(self, node: Article) -> None:
        self.in_article = True
        title = self.labels.heading("", node.clause.title).strip()
        content = X.bookmark(node.number, self.bookmarks[node.clause.id], self.annotate(node, X.run(title)))
        self.parts.append(X.paragraph(content, style="Heading1", num_id=ARTICLE_LIST, level=0, keep_next=True))

    def depart_Article(self, node: Article) -> None:
        self.in_article = False

    def visit_Paragraph(self, node: Paragraph) -> object:
        runs = self.runs(node.inlines)
        if self.pending is not None:  # the first paragraph of a preamble or closing carries its comment
            runs, self.pending = self.annotate(self.pending, runs), None
        if node.number:
            self.parts.append(X.paragraph(runs, style="OIParagraph", num_id=ARTICLE_LIST, level=1))
        else:
            self.parts.append(X.paragraph(runs, style="OIBody"))
        if node.items:
            # an item's label sits where a numbered paragraph's text starts, in every article
            if self.in_article:
                num_id, lvl = ARTICLE_LIST, 2
            else:
                num_id, lvl = LOOSE_ITEMS + 1 + len(self.extra_nums), 0
                self.extra_nums.append(num_id)
            for item in node.items:
                self.parts.append(X.paragraph(self.runs(item.inlines), style="OIItem", num_id=num_id, level=lvl))
        return self.SKIP

    def visit_Item(self, node: Item) -> None:
        raise AssertionError("items are rendered by visit_Paragraph")

    def visit_Table(self, node: Table) -> object:
        def cell(inlines: list[Inline], bold: bool = False) -> str:
            content = "".join(X.run(i.text, bold=True) for i in inlines) if bold else self.runs(inlines)
            return X.paragraph(content, style="OITableText")
        rows = [[cell(c, bold=True) for c in node.header]] + [[cell(c) for c in row] for row in node.rows]
        self.parts.append(X.table(rows, header=True, widths=column_widths(node), fixed=True))
        self.parts.append(X.paragraph("", style="OIBody"))
        return self.SKIP

    def visit_Closing(self, node: Closing) -> None:
        # From the last paragraph of the agreement to the last signature, nothing may be left
        # alone at the foot of a page: every paragraph is kept with the next.
        self.in_article = False
        self.pending = node
        self.closing_from = len(self.parts) - 1
        self.parts.append(X.paragraph("", style="OIBody"))

    def depart_Closing(self, node: Closing) -> None:
        self.parts.append(X.paragraph("", style="OIBody"))
        self.parts.append(X.paragraph(X.run(node.date_line), style="OIBody"))
        self.parts.append(X.paragraph("", style="OIBody"))
        self.parts[self.closing_from:] = [keep_with_next(p) for p in self.parts[self.closing_from:]]
        self.parts.append(signature_blocks(node.signatures, self.labels, self.runs))

    def visit_Schedule(self, node: Schedule) -> None:
        self.in_article = False
        number = self.document.schedules.index(node) + 1
        label = X.bookmark(SCHEDULE_BOOKMARKS + number, self.bookmarks[node.clause.id], X.run(node.label))
        self.parts.append(X.paragraph(self.annotate(node, label), style="OISchedule"))
        self.parts.append(X.paragraph(X.run(node.clause.title), style="OIScheduleTitle"))

    def visit_Text(self, node: Text) -> None:
        raise AssertionError("inline nodes are rendered by their block")

    visit_Insert = visit_Ref = visit_Term = visit_Text


def render(document: Document, options: RenderOptions = RenderOptions()) -> bytes:
    """Return the .docx bytes of ``document``; equal trees give equal bytes.

    Only the parts that differ between agreements are written per document (the body,
    numbering instances, the footer's page count, core properties, comments); every other
    part of the starting document is stored already compressed.
    """
    writer = DocxBodyWriter(document, options)
    writer.dispatch(document)
    package = starting_package(document.lang)

    changed = {
        "word/document.xml": package.document_head + "".join(writer.parts) + package.document_tail,
        "docProps/core.xml": _core_xml(document),
    }
    if writer.extra_nums:  # lists outside the articles restart their items; else the starting numbering as it is
        nums = "".join(X.num(n, LOOSE_ITEMS, restart_level=0).replace(f' xmlns:w="{X.W_NS}"', "")
                       for n in writer.extra_nums)
        changed["word/numbering.xml"] = package.numbering.replace("</w:numbering>", nums + "</w:numbering>")
    if writer.comments:
        changed["word/comments.xml"] = _comments_xml(writer.comments, _fixed_date(document))
        changed["word/_rels/document.xml.rels"] = package.rels.replace("</Relationships>", COMMENTS_REL + "</Relationships>")
        changed["[Content_Types].xml"] = package.content_types.replace("</Types>", COMMENTS_TYPE + "</Types>")
    parts: dict[str, bytes | _zip.Entry] = {k: v.encode("utf-8") for k, v in changed.items()}
    parts["word/footer1.xml"] = _footer(document.lang, _estimate_pages(document))
    return _zip.write(package.entries, parts)


@lru_cache(maxsize=None)
def _footer(lang: str, pages: int) -> _zip.Entry:
    """The footer with ``pages`` as NUMPAGES' cached value, compressed once per page count (a few per process)."""
    package = starting_package(lang)
    return _zip.entry("word/footer1.xml", package.footer.replace(PAGES_MARK, str(pages)).encode("utf-8"))



def column_widths(table: Table, total: int = TEXT_WIDTH) -> list[int]:
    """Widths that follow what each column holds: a number column stays narrow, text gets the room.

    Each column is weighed by its longest cell (header included), between a floor that fits a
    short label and a ceiling, and the weights share the text width.
    """
    def length(inlines: list[Inline]) -> int:
        return sum(len(i.text) for i in inlines)
    rows = [table.header, *table.rows]
    weights = [min(max(max(length(row[c]) for row in rows if c < len(row)), 4), 40)
               for c in range(len(table.header))]
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _core_xml(document: Document, title: str | None = None) -> str:
    """The core properties; ``title`` replaces the document's (a bilingual file names both)."""
    return core_xml(title=title or document.title, deal_id=document.deal_id, doc=document.doc, lang=document.lang)


def _comments_xml(comments: list[str], when: dt.datetime) -> str:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    body = []
    anchor = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
    for n, text in enumerate(comments):
        paragraphs = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{anchor if i == 0 else ""}{X.run(line)}</w:p>'
            for i, line in enumerate(text.split("\n"))
        )
        body.append(f'<w:comment w:id="{n}" w:author="oidocs" w:date="{stamp}" w:initials="OI">{paragraphs}</w:comment>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:comments xmlns:w="{X.W_NS}">{"".join(body)}</w:comments>')


def review_comment(part: Preamble | Article | Closing | Schedule) -> str:
    """The provenance comment of a clause: id@version, why it is there, the drafting note."""
    c = part.clause
    text = f"{c.id}@{c.version}"
    if c.reason:
        text += f" — {c.reason}"
    if c.note:
        text += f"\n{c.note}"
    return text


def _fixed_date(document: Document) -> dt.datetime:
    if document.date_iso:
        return dt.datetime.fromisoformat(document.date_iso).replace(tzinfo=dt.timezone.utc)
    return FALLBACK_DATE


def _estimate_pages(document: Document) -> int:
    """A page count to store as NUMPAGES' cached value (Word and LibreOffice recompute it)."""
    chars = text_length(document)
    per_page = 1100 if document.lang == "ja" else 3000
    return max(1, math.ceil(chars / per_page) + 1)


