"""Bilingual DOCX writer (和英併記): one agreement, two languages side by side, as live as the others.

The body is a table of two columns of equal width, the first language on the left, one row per
paragraph (項): a row for the title, one per paragraph of the preamble, one per paragraph of
each article (its heading in the row of its first paragraph, so a heading never stands alone),
one per paragraph of the execution clause (kept with the signatures) and one for the date and
the signatures. Schedules follow after a page break in a table of their own. Both columns
come from trees built from the same document definition, so row N holds the same paragraph in
both languages (:func:`pair_parts` checks the parts; the parity rule the paragraphs).

Each column is a Word list of its own (第%1条 / Article %1, paragraphs, items: the levels of the
monolingual document, unlinked from its styles) and its cross-references are REF fields to
bookmarks on its own headings, so inserting an article in Word renumbers both columns and
their references on a field update, as in the monolingual file.
"""

from __future__ import annotations

from oidocs.document.labels import labels_for
from oidocs.document.tree import (
    Article,
    Bilingual,
    Block,
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
    Text,
    pair_parts,
    text_length,
)
from oidocs.writers import RenderOptions, Visitor
from oidocs.writers import docx_xml as X
from oidocs.writers import zipfile_fixed as _zip
from oidocs.writers.docx import _comments_xml, _core_xml, _estimate_pages, _fixed_date, review_comment
from oidocs.writers.docx_base import (
    COLUMN_STYLES,
    COMMENTS_REL,
    COMMENTS_TYPE,
    PAGES_MARK,
    TEXT_WIDTH,
    article_levels,
    loose_levels,
    starting_package,
)
from oidocs.writers.docx_execution import english_block, keep_with_next, without_seal
from oidocs.writers.docx_package import settings_xml

COLUMN = TEXT_WIDTH // 2
_LIST = (20, 21)  # abstractNum and num ids of the left and right columns' article lists
_LOOSE = (22, 23)  # abstractNum ids of their loose items (a num per group, from 30)
_FIRST_LOOSE_NUM = 30
_BOOKMARK_BASE = (0, 500)  # bookmark ids: articles from here, schedules from here + 400


class ColumnWriter(Visitor):
    """Writes one language's tree as the cells of its column, one cell per paragraph."""

    def __init__(self, document: Document, options: RenderOptions, comments: list[str] | None, side: int,
                 loose_nums: list[tuple[int, int]]) -> None:
        self.document = document
        self.options = options
        self.labels = labels_for(document.lang)
        self.styles = COLUMN_STYLES[document.lang]
        self.comments = comments  # None: this column carries no review comments
        self.side = side
        self.loose_nums = loose_nums  # shared by both columns: (num id, abstract id)
        tag = document.lang.capitalize()
        self.bookmarks = {a.clause.id: f"_RefOI{tag}{a.number:03d}" for a in document.articles}
        self.bookmarks.update({s.clause.id: f"_RefOI{tag}Schedule{n}" for n, s in enumerate(document.schedules, 1)})
        self.schedule_labels = {s.clause.id: s.label for s in document.schedules}
        self.cells: list[str] = []
        self.head = ""  # a heading waiting for the first paragraph of its part
        self.in_article = False
        self.pending: Part | None = None  # a part whose first paragraph carries its comment

    def part_cells(self, part: Part) -> list[str]:
        """Return the cells of ``part``: one per block, a heading joined to the first."""
        self.cells, self.head = [], ""
        self.dispatch(part)
        if self.head:  # a part with a heading and no paragraph
            self.cells.append(self.head)
        return self.cells

    def p(self, content: str, kind: str = "", *, num: tuple[int, int] | None = None, keep: bool = False) -> str:
        ppr = f'<w:pStyle w:val="{self.styles[kind]}"/>' + ("<w:keepNext/>" if keep else "")
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"

    def cell(self, content: str) -> None:
        self.cells.append(self.head + content)
        self.head = ""

    def runs(self, inlines: list[Inline]) -> str:
        out = []
        highlight = self.options.review
        for node in inlines:
            if isinstance(node, Ref) and node.target in self.schedule_labels:
                label = self.schedule_labels[node.target]
                if node.text.endswith(label):
                    out.append(X.run(node.text[:-len(label)]) + X.field(f"REF {self.bookmarks[node.target]} \\h", label))
                else:
                    out.append(X.run(node.text))
            elif isinstance(node, Ref) and node.target in self.bookmarks:
                cut = len(node.text) - len(node.suffix)  # a paragraph's 第4項 / (4) stays text after the field
                out.append(X.field(f"REF {self.bookmarks[node.target]} \\r \\h", node.text[:cut]))
                if node.suffix:
                    out.append(X.run(node.suffix))
            else:
                out.append(X.run(node.text, highlight=highlight and isinstance(node, Insert)))
        return "".join(out)

    def annotate(self, part: Part, content: str) -> str:
        """In review mode, hang the clause's provenance comment on ``content`` (left column only)."""
        if self.comments is None or not self.options.review:
            return content
        self.comments.append(review_comment(part))
        return X.comment_range(len(self.comments) - 1, content)

    def loose_num(self) -> int:
        num_id = _FIRST_LOOSE_NUM + len(self.loose_nums)
        self.loose_nums.append((num_id, _LOOSE[self.side]))
        return num_id

    # --- parts --------------------------------------------------------------------------

    def title(self) -> str:
        return self.p(X.run(self.document.title), "Title")

    def visit_Preamble(self, node: Preamble) -> None:
        self.in_article, self.pending = False, node

    def visit_Article(self, node: Article) -> None:
        self.in_article = True
        title = X.run(self.labels.heading("", node.clause.title).strip())
        content = X.bookmark(_BOOKMARK_BASE[self.side] + node.number, self.bookmarks[node.clause.id],
                             self.annotate(node, title))
        # no keepNext: the heading shares its row with the first paragraph, and inside a table
        # keepNext would chain the whole row to the next one
        self.head = self.p(content, "Heading", num=(_LIST[self.side], 0))

    def depart_Article(self, node: Article) -> None:
        self.in_article = False

    def visit_Closing(self, node: Closing) -> None:
        self.in_article, self.pending = False, node

    def visit_Schedule(self, node: Schedule) -> None:
        self.in_article = False
        number = self.document.schedules.index(node) + 1
        label = X.bookmark(_BOOKMARK_BASE[self.side] + 400 + number, self.bookmarks[node.clause.id], X.run(node.label))
        self.head = self.p(self.annotate(node, label)) + self.p(X.run(node.clause.title), "Heading")

    def signatures(self, node: Closing) -> str:
        """The date line, then each signatory: in Japanese its designation and labelled rows, one a
        line (the seal mark at the column's edge); in English the law-firm block."""
        parts = [self.p(X.run(node.date_line))]
        if self.document.lang == "en":  # the law-firm block, as in the English document
            for s in node.signatures:
                parts += [self.p(""), english_block(s, self.runs, style=self.styles["Sign"], keep=False)]
            return "".join(parts)
        for s in node.signatures:
            parts += [self.p(""), self.p(X.run(s.designation, bold=True))]
            for label, value in s.rows:
                text = self.runs(without_seal(value, s.seal))
                if s.seal and without_seal(value, s.seal) is not value:  # the seal mark at the column's edge
                    text += X.tab() + X.run(s.seal.strip())
                parts.append(self.p(X.run(label) + X.tab() + text, "Sign"))
        return "".join(parts)

    # --- blocks -------------------------------------------------------------------------

    def visit_Paragraph(self, node: Paragraph) -> object:
        text = self.runs(node.inlines)
        if self.pending is not None:
            text, self.pending = self.annotate(self.pending, text), None
        out = [self.p(text, "Para", num=(_LIST[self.side], 1)) if node.number and self.in_article else self.p(text)]
        if node.items:
            num = (_LIST[self.side], 2) if self.in_article else (self.loose_num(), 0)
            out += [self.p(self.runs(item.inlines), "Item", num=num) for item in node.items]
        self.cell("".join(out))
        return self.SKIP

    def visit_Item(self, node: Item) -> None:
        raise AssertionError("items are rendered by visit_Paragraph")

    def visit_Table(self, node: Table) -> object:
        """A table inside an article: one line per row, its first cell followed by the others
        with their headings (試作機完成（目標期日：2027年3月31日）); a table nested in a cell
        would be cramped in half a page and splits the row for readers of the file."""
        heads = ["".join(i.text for i in cell) for cell in node.header]
        ja = self.document.lang == "ja"
        lines = []
        for row in node.rows:
            rest = [X.run(f"{head}：" if ja else f"{head}: ") + self.runs(cell) for head, cell in zip(heads[1:], row[1:])]
            tail = X.run("（") + X.run("、").join(rest) + X.run("）") if ja else \
                X.run(" (") + X.run("; ").join(rest) + X.run(")")
            bullet = X.run("・") if ja else X.run("•") + X.tab()
            lines.append(self.p(bullet + self.runs(row[0]) + (tail if rest else ""), "Item"))
        self.cell("".join(lines))
        return self.SKIP

    def visit_Text(self, node: Text) -> None:
        raise AssertionError("inline nodes are rendered by their block")

    visit_Insert = visit_Ref = visit_Term = visit_Text


def _rows(left: ColumnWriter, right: ColumnWriter, a: Part, b: Part) -> list[tuple[list[str], bool]]:
    """The rows of a pair of parts: (cells, keep the row on one page)."""
    cells_a, cells_b = left.part_cells(a), right.part_cells(b)
    blank = (left.p(""), right.p(""))
    n = max(len(cells_a), len(cells_b))
    cells_a += [blank[0]] * (n - len(cells_a))
    cells_b += [blank[1]] * (n - len(cells_b))
    blocks_a = _blocks(a)
    return [([x, y], _short(blocks_a[i] if i < len(blocks_a) else None, left.document.lang))
            for i, (x, y) in enumerate(zip(cells_a, cells_b))]


def _blocks(part: Part) -> list[Block]:
    return list(part.children)


def render(pair: Bilingual, options: RenderOptions = RenderOptions()) -> bytes:
    """Return the .docx bytes of the bilingual ``pair``; equal pairs give equal bytes."""
    comments: list[str] = []
    loose: list[tuple[int, int]] = []
    left = ColumnWriter(pair.first, options, comments, 0, loose)
    right = ColumnWriter(pair.second, options, None, 1, loose)
    body: list[tuple[list[str], bool]] = [([left.title(), right.title()], True)]
    schedules: list[tuple[list[str], bool]] = []
    for a, b in pair_parts(pair):
        rows = _rows(left, right, a, b)
        if isinstance(a, Closing) and isinstance(b, Closing):
            # the agreement's last paragraph and the execution clause are kept with the signatures
            body[-1] = ([keep_with_next_all(c) for c in body[-1][0]], body[-1][1])
            rows = [([keep_with_next_all(c) for c in cells], True) for cells, _ in rows]
            rows.append(([left.signatures(a), right.signatures(b)], True))
        (schedules if isinstance(a, Schedule) else body).extend(rows)
    content = _table(body)
    if schedules:
        content += '<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/></w:pPr>' \
                   '<w:r><w:br w:type="page"/></w:r></w:p>' + _table(schedules)
    content += X.paragraph("", style=COLUMN_STYLES[pair.first.lang][""])

    package = starting_package(pair.first.lang)
    pages = 2 * max(_estimate_pages(pair.first), _estimate_pages(pair.second))
    changed = {
        "word/document.xml": package.document_head + content + package.document_tail,
        "word/numbering.xml": _numbering(package.numbering, pair, loose),
        "word/settings.xml": settings_xml(pair.first.lang).replace("doNotCompress", "compressPunctuation"),
        "word/footer1.xml": package.footer.replace(PAGES_MARK, str(pages)),
        "docProps/core.xml": _core_xml(pair.first, title=f"{pair.first.title} / {pair.second.title}"),
    }
    if comments:
        changed["word/comments.xml"] = _comments_xml(comments, _fixed_date(pair.first))
        changed["word/_rels/document.xml.rels"] = package.rels.replace("</Relationships>", COMMENTS_REL + "</Relationships>")
        changed["[Content_Types].xml"] = package.content_types.replace("</Types>", COMMENTS_TYPE + "</Types>")
    return _zip.write(package.entries, {k: v.encode("utf-8") for k, v in changed.items()})


def keep_with_next_all(cell: str) -> str:
    """Every paragraph of a cell kept with the next (the row stays with the row after it)."""
    return "".join(keep_with_next(p + "</w:p>") for p in cell.split("</w:p>") if p)


def _table(rows: list[tuple[list[str], bool]]) -> str:
    return X.table([cells for cells, _ in rows], widths=[COLUMN, COLUMN], fixed=True, keep=[k for _, k in rows])


def _numbering(base: str, pair: Bilingual, loose: list[tuple[int, int]]) -> str:
    """The starting numbering plus each column's article list and its groups of loose items."""
    ns = f' xmlns:w="{X.W_NS}"'
    abstracts = "".join(X.abstract_num(i, levels).replace(ns, "") for i, levels in (
        (_LIST[0], article_levels(pair.first.lang, styled=False)),
        (_LIST[1], article_levels(pair.second.lang, styled=False)),
        (_LOOSE[0], loose_levels(pair.first.lang)), (_LOOSE[1], loose_levels(pair.second.lang))))
    nums = "".join(X.num(i, i).replace(ns, "") for i in _LIST)
    nums += "".join(X.num(n, a, restart_level=0).replace(ns, "") for n, a in loose)
    first_num = base.index("<w:num ")
    return base[:first_num] + abstracts + base[first_num:].replace("</w:numbering>", nums + "</w:numbering>")


# About a third of a column page (A4, 10 pt, half the text width): a row shorter than this is
# kept on one page; a longer paragraph may break across pages.
_SHORT_ROW = {"ja": 450, "en": 900}


def _short(block: Block | None, lang: str) -> bool:
    """Whether ``block`` is short enough to keep its row on one page."""
    if block is None:
        return True
    chars = text_length(block)
    return chars < _SHORT_ROW[lang]
