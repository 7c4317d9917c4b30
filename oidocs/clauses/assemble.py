"""Assemble one agreement: document definition + clauses + deal -> document tree.

The steps are the pipeline of the design: choose the clauses whose condition holds,
render each clause template with the deal as data, parse the tiny clause markup into
blocks, and hand the tree to the transforms (numbering, references, checks).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from oidocs.clauses.context import build_context, to_node
from oidocs.clauses.library import ArticleSpec, ClauseFile, DocDef, Library
from oidocs.clauses.sandbox import budgeted
from oidocs.deal.localize import foreign_address
from oidocs.deal.model import Deal, Party, plain
from oidocs.deal.royalties import income_sharers
from oidocs.document.labels import Labels, labels_for
from oidocs.document.transforms import apply_transforms
from oidocs.document.tree import (
    Article,
    Block,
    Clause,
    Closing,
    Document,
    Inline,
    Item,
    Paragraph,
    Preamble,
    Schedule,
    Signatory,
    Table,
    Text,
)
from oidocs.errors import ClauseError

_TOKEN = re.compile("\ue000(\\d+)\ue001")


def assemble(deal: Deal, doc: str, lang: str, library: Library, *, bilingual: bool = False,
             added_later: frozenset[str] = frozenset()) -> Document:
    """Build the finished (numbered, resolved, checked) tree of ``doc`` in ``lang``.

    ``bilingual``: the tree is one column of a side-by-side document; clauses guarded by
    ``when: bilingual`` (the prevailing-language article) are included. ``added_later``: ids
    of the clauses an amendment adds to the signed agreement (they see ``added_by_amendment``).
    """
    signing = signing_parties(deal, doc)
    # A licence between two of three parties still describes the JDA all of them signed (by their names).
    absent = tuple(plain(p.name) for p in deal.parties if p not in signing.parties)
    sharers = [p for p in deal.parties if p.key in income_sharers(deal)]  # a JDA income share (licence)
    deal = signing
    labels = labels_for(lang, deal.date_style, deal.signing)
    docdef = library.document(doc)
    context = build_context(deal, doc, labels, library, bilingual=bilingual)
    context["added_by_amendment"] = False
    context["absent_parties"] = absent
    context["income_sharers"] = tuple(plain(p.name) if p not in signing.parties else context["party"](p.key).d
                                      for p in sharers)
    render = _Renderer(library, context, lang, added_later)

    articles = [Article(*render.clause(spec.id, "article", reason=_reason(spec.when)))
                for spec in docdef.articles if render.included(spec, docdef)]
    pre_clause, pre_blocks = render.clause(docdef.preamble, "preamble", reason="")
    close_clause, close_blocks = render.clause(docdef.closing, "closing", reason="")
    schedules = [Schedule(*render.clause(spec.id, "schedule", reason=_reason(spec.when)))
                 for spec in docdef.schedules if render.included(spec, docdef)]
    signed, _ = deal.doc_dates(doc)
    document = Document(
        doc=doc,
        lang=lang,
        deal_id=deal.deal_id,
        title=render.title(docdef),
        preamble=Preamble(pre_clause, pre_blocks),
        articles=articles,
        closing=Closing(
            clause=close_clause,
            blocks=close_blocks,
            date_line=labels.date(signed) if signed else labels.blank_date,
            signatures=[signatory(labels.designation(i, p.short_name), p, labels) for i, p in enumerate(deal.parties)],
        ),
        schedules=schedules,
        date_iso=signed.isoformat() if signed else None,
    )
    apply_transforms(document, labels, docdef.file)
    return document


def signing_parties(deal: Deal, doc: str) -> Deal:
    """Return ``deal`` with only the parties to ``doc``: a licence binds its licensor and licensee alone.

    The other documents bind every party of the deal. In a three- or four-party deal the licence
    is between two of them, designated 甲 and 乙 / Party A and Party B in the deal's order, and
    signed by those two only.
    """
    if doc != "licence" or deal.licence is None or len(deal.parties) == 2:
        return deal
    keys = (deal.licence.licensor, deal.licence.licensee)
    return deal.model_copy(update={"parties": [p for p in deal.parties if p.key in keys]})


def signatory(designation: str, party: Party, labels: Labels) -> Signatory:
    """The signature entry of ``party``: deal text as inserts, the language's marks as text."""
    representative: list[Inline] = [to_node(party.representative)]
    seal = "" if foreign_address(str(party.address)) else labels.seal  # a foreign signatory signs by hand
    if seal:
        representative.append(Text(seal))
    rows: list[tuple[str, list[Inline]]] = [
        (labels.sign_address, [to_node(party.address)]),
        (labels.sign_name_by_kind.get(party.kind, labels.sign_name), [to_node(party.name)]),
        (labels.sign_representative, representative),
    ]
    rows += [(label, [Text(line)] if line else []) for label, line in labels.signing_rows]
    return Signatory(designation, rows, name=[to_node(party.name)], address=[to_node(party.address)],
                     representative=[to_node(party.representative)], seal=seal,
                     by_hand=bool(labels.seal or labels.signing_rows))


def _reason(when: str | None) -> str:
    return "always included" if when is None else f"included because {when}"


class _Renderer:
    """Renders clause templates of one document in one language."""

    def __init__(self, library: Library, context: dict[str, Any], lang: str,
                 added_later: frozenset[str] = frozenset()) -> None:
        self.library = library
        self.context = context
        self.lang = lang
        self.added_later = added_later
        self.names = library.names(context)  # merged once: every clause of the document renders on them

    def included(self, spec: ArticleSpec, docdef: DocDef) -> bool:
        """Whether an article or schedule of the definition is in this document (its ``when`` holds)."""
        return spec.when is None or self.condition(spec.when, docdef)

    def title(self, docdef: DocDef) -> str:
        """The document's title in this language, worded from the deal where the definition says so."""
        try:
            with budgeted():
                return self.library.title(docdef.titles[self.lang], self.context)
        except Exception as exc:  # a user's definition may be wrong: say where, never a traceback
            raise ClauseError(file=docdef.file, message=f"title: {_describe(exc)}") from None

    def condition(self, expression: str, docdef: DocDef) -> bool:
        """Evaluate a ``when`` expression of the document definition."""
        try:
            with budgeted():
                return bool(self.library.expression(expression)(**self.context))
        except Exception as exc:  # whatever the expression raised, it is the definition's fault
            raise ClauseError(file=docdef.file, message=f"when: {expression!r}: {_describe(exc)}") from None

    def clause(self, clause_id: str, kind: str, *, reason: str) -> tuple[Clause, list[Block]]:
        """Render one clause; return its provenance and its blocks."""
        cf = self.library.clause(clause_id, self.lang)
        if cf.kind != kind:
            raise ClauseError(file=cf.file, line=2, message=f"is of kind {cf.kind!r} but is used as {kind!r}")
        template = self.library.template(clause_id, self.lang)
        try:
            with budgeted():
                names = {**self.names, "added_by_amendment": True} if clause_id in self.added_later \
                    else self.names
                text, nodes = self.library.render(template, names, to_node, merged=True)
        except Exception as exc:  # a clause may be a user's: whatever it raised is reported, never a traceback
            raise ClauseError(file=cf.file, line=_template_line(cf), message=_describe(exc)) from None
        title = cf.title
        if "{" in title:  # a heading may name what the deal makes (the NDA's next stages), worded like a title
            try:
                with budgeted():
                    title = self.library.title(title, self.context)
            except Exception as exc:
                raise ClauseError(file=cf.file, line=2, message=f"title: {_describe(exc)}") from None
        provenance = Clause(cf.id, cf.version, title, cf.note, reason, cf.file, cf.user, cf.provides)
        return provenance, parse_body(text, nodes, cf, self.lang)


def _template_line(cf: ClauseFile) -> int | None:
    """Return the clause line being rendered when the current exception was raised."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == cf.file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _describe(exc: BaseException) -> str:
    """One line saying what went wrong, without Python's internals where a user would not know them."""
    if isinstance(exc, RecursionError):
        return "a macro calls itself without end"
    if isinstance(exc, MemoryError):
        return "out of memory while rendering"
    text = " ".join(str(exc).split())[:300] or type(exc).__name__
    if isinstance(exc, KeyError):
        text = f"unknown key {text}"
    elif isinstance(exc, ArithmeticError):
        text = f"arithmetic error: {text}"
    return text


def parse_body(text: str, nodes: list[Any], cf: ClauseFile, lang: str) -> list[Block]:
    """Parse rendered clause markup: blank lines part paragraphs, ``- `` lines are items."""
    joiner = "" if lang == "ja" else " "
    tables = Table in map(type, nodes)  # whether a line may hold a table at all
    blocks: list[Block] = []
    current: Paragraph | None = None
    target: Paragraph | Item | None = None
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            current = target = None
            continue
        if line.startswith("- "):
            if current is None:
                raise ClauseError(file=cf.file, message=f"an item has no paragraph above it: {line[:40]!r}")
            target = Item(_inlines(line[2:].strip(), nodes, cf, tables))
            current.items.append(target)
            continue
        inlines = _inlines(line, nodes, cf, tables)
        if tables and len(inlines) == 1 and isinstance(inlines[0], Table):
            blocks.append(inlines[0])
            current = target = None
            continue
        if target is None:
            current = target = Paragraph(inlines)
            blocks.append(current)
        else:
            target.inlines.extend([Text(joiner), *inlines] if joiner else inlines)
    return blocks


def _inlines(line: str, nodes: list[Any], cf: ClauseFile, tables: bool) -> list[Any]:
    if "\ue000" not in line:  # fixed wording only
        return [Text(line)]
    pieces = _TOKEN.split(line)  # text, node index, text, node index, ..., text
    out: list[Any] = [Text(pieces[0])] if pieces[0] else []
    for i in range(1, len(pieces), 2):
        index = int(pieces[i])
        if index >= len(nodes):  # a marker the clause did not print: only the engine may write one
            raise ClauseError(file=cf.file, message="the clause contains U+E000 or U+E001, private-use characters "
                                                    "oidocs uses internally; delete them")
        out.append(nodes[index])
        if pieces[i + 1]:
            out.append(Text(pieces[i + 1]))
    if tables and len(out) > 1 and any(isinstance(n, Table) for n in out):
        raise ClauseError(file=cf.file, message="a table() must stand alone in its paragraph")
    return out
