"""Markdown writer: for review and version control, one line per paragraph or item.

Articles are ``##`` headings with their computed labels; numbered paragraphs are an
ordered list and items a nested list labelled （1）/(a). Every piece of text is escaped so
that deal text can never become Markdown syntax. In review mode, deal text is wrapped in
``<mark>`` and each clause is preceded by an HTML comment with its id, version, reason
and drafting note.
"""

from __future__ import annotations

import re

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
    Schedule,
    Table,
    Text,
)
from oidocs.writers import RenderOptions, Visitor

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!{}])")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # line breaks, NUL, ESC ...: never in inline text
_PLAIN = re.compile(r"[^\\`*_\[\]<>#|~&!{}\x00-\x1f\x7f-\x9f\u2028\u2029]*")  # neither of the above
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def escape(text: str) -> str:
    """Backslash-escape every character Markdown could read as syntax; control characters become spaces.

    Every caller places the text inside one line (a table cell, a heading, a list item), so a
    line break in outside text (a party's name, a file name) must not end the table or start a
    list item of its own, and NUL or ESC must not reach the file.
    """
    if _PLAIN.fullmatch(text):  # most clause text has nothing to escape: skip both substitutions
        return text
    return _SPECIAL.sub(r"\\\1", _CONTROL.sub(" ", text))


def _guard_start(line: str) -> str:
    """Escape a line start that Markdown would read as a list, rule or heading underline."""
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", line, 1)


class MarkdownWriter(Visitor):
    def __init__(self, document: Document, options: RenderOptions) -> None:
        self.document = document
        self.options = options
        self.labels = labels_for(document.lang)
        self.out: list[str] = []

    # --- helpers ------------------------------------------------------------------------

    def inline(self, inlines: list[Inline]) -> str:
        texts = [node.text for node in inlines]
        joined = "".join(texts)
        if _PLAIN.fullmatch(joined) and not (self.options.review and Insert in map(type, inlines)):
            return joined  # nothing to escape or mark: one scan for the whole paragraph
        parts = []
        for node in inlines:
            text = escape(node.text)
            if isinstance(node, Insert) and self.options.review:
                text = f"<mark>{text}</mark>"
            parts.append(text)
        return "".join(parts)

    def block(self, text: str) -> None:
        self.out.append(text)
        self.out.append("")

    def comment(self, part: Article | Preamble | Closing | Schedule) -> None:
        if not self.options.review:
            return
        c = part.clause
        bits = [f"{c.id}@{c.version}"]
        if c.reason:
            bits.append(c.reason)
        if c.note:
            bits.append(f"note: {c.note}")
        self.block("<!-- " + " | ".join(b.replace("--", "—") for b in bits) + " -->")

    # --- nodes --------------------------------------------------------------------------

    def visit_Document(self, node: Document) -> None:
        self.block(f"# {escape(node.title)}")

    def visit_Preamble(self, node: Preamble) -> None:
        self.comment(node)

    def visit_Article(self, node: Article) -> None:
        self.comment(node)
        self.block(f"## {escape(self.labels.heading(node.label, node.clause.title))}")

    def visit_Paragraph(self, node: Paragraph) -> object:
        text = self.inline(node.inlines)
        indent = ""
        if node.number:
            self.out.append(f"{node.number}. {text}")
            indent = "   "
        else:
            self.out.append(_guard_start(text))
        for item in node.items:
            gap = "" if self.document.lang == "ja" else " "
            self.out.append(f"{indent}- {escape(item.label)}{gap}{self.inline(item.inlines)}")
        self.out.append("")
        return self.SKIP

    def visit_Item(self, node: Item) -> None:  # items are written with their paragraph
        raise AssertionError("items are rendered by visit_Paragraph")

    def visit_Table(self, node: Table) -> object:
        header = "| " + " | ".join(self.inline(c) for c in node.header) + " |"
        rule = "|" + "|".join("---" for _ in node.header) + "|"
        rows = ["| " + " | ".join(self.inline(c) for c in row) + " |" for row in node.rows]
        self.block("\n".join([header, rule, *rows]))
        return self.SKIP

    def visit_Closing(self, node: Closing) -> None:
        self.comment(node)

    def depart_Closing(self, node: Closing) -> None:
        self.block(escape(node.date_line))
        for s in node.signatures:
            rows = [f"| {escape(label)} | {self.inline(value)} |" for label, value in s.rows]
            self.block("\n".join([f"| {escape(s.designation)} | |", "|---|---|", *rows]))

    def visit_Schedule(self, node: Schedule) -> None:
        self.comment(node)
        self.block(f"## {escape(self.labels.heading(node.label, node.clause.title))}")

    def visit_Text(self, node: Text) -> None:
        raise AssertionError("inline nodes are rendered by their block")

    visit_Insert = visit_Ref = visit_Term = visit_Text


def render(document: Document, options: RenderOptions = RenderOptions()) -> bytes:
    """Return the Markdown of ``document`` as UTF-8 bytes ending in one newline."""
    writer = MarkdownWriter(document, options)
    writer.dispatch(document)
    text = "\n".join(writer.out).rstrip("\n") + "\n"
    return text.encode("utf-8")
