"""``oidocs amend``: an amendment agreement (変更契約書) from two deal files.

The document DOC is built from OLD and from NEW; their articles are paired by clause id (both
trees come from oidocs, so no fuzzy matching is needed). NEW's articles keep OLD's numbers:
an added article takes a branch number after the article before it (第10条の2 / Article
10-2) and a deleted one leaves its number unused, which is how Japanese practice keeps every
other number and cross-reference of the signed agreement valid; NEW's references are resolved
again with those labels before anything is compared. Each article (or schedule) whose
wording differs is restated in full after an instruction from ``clause_library/amendment/``.

The amendment is itself a document tree, numbered and checked by the same transforms and
rendered by the same writers as every agreement.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from oidocs import api
from oidocs.clauses.assemble import parse_body, signatory
from oidocs.clauses.context import Plain, build_context, to_node
from oidocs.clauses.library import Library
from oidocs.deal.localize import localize
from oidocs.deal.model import Deal
from oidocs.document.labels import Labels, labels_for
from oidocs.document.transforms import check, resolve_references, typographic_quotes
from oidocs.document.tree import (
    Article,
    Block,
    Clause,
    Closing,
    Document,
    Inline,
    Insert,
    Paragraph,
    Preamble,
    Ref,
    Schedule,
    Table,
    Term,
    Text,
)
from oidocs.errors import OidocsError
from oidocs.writers import RenderOptions, renderer


def amendment_name(deal_id: str, doc: str, lang: str, fmt: str) -> str:
    """Return the spec's file name: ``{deal_id}-{doc}-amendment-{lang}.{ext}``."""
    return f"{deal_id}-{doc}-amendment-{lang}.{fmt}"


def amend_files(old_file: str | Path, new_file: str | Path, doc: str, *, lang: str | None = None,
                formats: tuple[str, ...] = ("docx", "md"), effective: dt.date | None = None,
                library: Library | None = None) -> dict[str, bytes]:
    """Render the amendment of ``doc`` from OLD to NEW; return file name -> bytes (nothing written)."""
    old, new = api.read_deal(old_file), api.read_deal(new_file)
    check_same_deal(old, new, str(old_file), str(new_file))
    lang = lang or new.language
    tree = build_amendment(old, new, doc, lang, effective=effective, library=library,
                           sources=(str(old_file), str(new_file)))
    return {amendment_name(new.deal_id, doc, lang, fmt): renderer(fmt)(tree, RenderOptions()) for fmt in formats}


def check_same_deal(old: Deal, new: Deal, old_file: str, new_file: str) -> None:
    """Refuse two deal files that are not the same deal between the same parties.

    A party is the same party when its key stays: a new trade name or address is the same
    entity (商号変更), and the amendment names it as it is now.
    """
    if old.deal_id != new.deal_id:
        raise OidocsError(f"{new_file}: deal_id: {new.deal_id!r} is not {old_file}'s {old.deal_id!r}; "
                          "an amendment changes one deal: give the old and new files of the same deal")
    if [p.key for p in old.parties] != [p.key for p in new.parties]:
        raise OidocsError(f"{new_file}: parties: not the parties of {old_file} (keys, in order); "
                          "an amendment is made between the parties to the original agreement (a party "
                          "that only changed its name or address keeps its key)")


def party_changes(old: Deal, new: Deal) -> list[str]:
    """What changed about the parties themselves: "key: name", "key: address", "key: representative"."""
    out = []
    for before, after in zip(old.parties, new.parties):
        for attr in ("name", "address", "representative"):
            if getattr(before, attr) != getattr(after, attr):
                out.append(f"{after.key}: {attr}")
    return out


def _nothing_to_amend(old: Deal, new: Deal, doc: str, before: Document, sources: tuple[str, str]) -> OidocsError:
    """Why there is no amendment: nothing changed, or only a party's name or address (a notice is due)."""
    changed = party_changes(old, new)
    if not changed:
        return OidocsError(f"{sources[1]}: {doc}: the {doc} made from it is the one made from {sources[0]}; "
                           "there is nothing to amend")
    notices = next((a.label for a in before.articles if a.clause.id.endswith(".notices")), "")
    where = f" ({notices} of the {doc})" if notices else ""
    return OidocsError(f"{sources[1]}: parties: only {', '.join(changed)} changed; the wording of the {doc} does "
                       f"not change, so no amendment is needed: the party concerned gives the other parties "
                       f"written notice of the change{where} (a new trade name is the same company, its "
                       "rights and duties under the agreement continue)")


def build_amendment(old: Deal, new: Deal, doc: str, lang: str, *, effective: dt.date | None = None,
                    library: Library | None = None, sources: tuple[str, str] = ("<old>", "<new>")) -> Document:
    """Return the finished tree of the amendment that turns ``doc`` as made from OLD into NEW's."""
    library = library or Library()
    labels = labels_for(lang, new.date_style, new.signing)
    before = api.build_document(old, doc, lang, library=library, source_file=sources[0])
    after = api.build_document(new, doc, lang, library=library, source_file=sources[1])
    added = frozenset(a.clause.id for a in after.articles) - {a.clause.id for a in before.articles}
    if added:  # an added article counts its dates from the amendment, not from the original signing
        after = api.build_document(new, doc, lang, library=library, source_file=sources[1], added_later=added)
    _keep_numbers(before, after, labels)
    changes, quotes = _changes(before, after, labels)
    if not changes:
        raise _nothing_to_amend(old, new, doc, before, sources)

    old_signed, old_effective = old.doc_dates(doc)
    new_signed, new_effective = new.doc_dates(doc)
    signed = new_signed if new_signed != old_signed else None
    if effective is None and new_effective != old_effective:
        effective = new_effective
    docdef = library.document("amendment_mou" if doc == "mou" else "amendment")
    local = localize(new, lang, sources[1])  # clauses and signature blocks see one language
    context = build_context(local, doc, labels, library)
    context.update(original_title=Plain(before.title), original_date=old_signed, changes=changes,
                   amendment_effective=effective)

    def clause(clause_id: str, kind: str) -> tuple[Clause, list[Block]]:
        return _render(library, clause_id, lang, kind, context)

    articles = [Article(*clause(spec.id, "article")) for spec in docdef.articles]
    instructions = [b for b in articles[0].blocks if isinstance(b, Paragraph)]
    if len(instructions) != len(quotes):
        raise OidocsError(f"{articles[0].clause.source}: must make one paragraph per change "
                          f"({len(quotes)} changes, {len(instructions)} paragraphs)")
    articles[0].blocks = [block for p, quote in zip(instructions, quotes) for block in (p, *quote)]
    document = Document(
        doc=f"{doc}-amendment", lang=lang, deal_id=new.deal_id, title=docdef.titles[lang],
        preamble=Preamble(*clause(docdef.preamble, "preamble")),
        articles=articles,
        closing=Closing(*clause(docdef.closing, "closing"),
                        date_line=labels.date(signed) if signed else labels.blank_date,
                        signatures=[signatory(labels.designation(i, p.short_name), p, labels) for i, p in enumerate(local.parties)]),
        date_iso=signed.isoformat() if signed else None,
    )
    _number(document, labels, instructions)
    check(document, labels, docdef.file)  # references resolved, terms and leftovers checked
    if lang == "en":
        typographic_quotes(document)  # as in every English agreement (the quoted articles already are)
    return document


def _render(library: Library, clause_id: str, lang: str, kind: str, context: dict[str, Any]) -> tuple[Clause, list[Block]]:
    """Render one amendment clause with the amendment's own names added to the context."""
    from oidocs.clauses.sandbox import budgeted
    from oidocs.errors import ClauseError

    cf = library.clause(clause_id, lang)
    if cf.kind != kind:
        raise ClauseError(file=cf.file, line=2, message=f"is of kind {cf.kind!r} but is used as {kind!r}")
    try:
        with budgeted():  # a user library's amendment clause is bounded like any other clause
            text, nodes = library.render(library.template(clause_id, lang), context, to_node)
    except Exception as exc:  # noqa: BLE001 - any template failure is the clause file's fault
        raise ClauseError(file=cf.file, message=str(exc) or type(exc).__name__) from None
    return Clause(cf.id, cf.version, cf.title, cf.note, "always included", cf.file, cf.user), \
        parse_body(text, nodes, cf, lang)


def _keep_numbers(before: Document, after: Document, labels: Labels) -> None:
    """Give NEW's articles OLD's labels (branch numbers for added ones) and resolve NEW's references again."""
    old_labels = {a.clause.id: (a.number, a.label) for a in before.articles}
    last, branch = 0, 1
    for article in after.articles:
        if article.clause.id in old_labels:
            last, article.label = old_labels[article.clause.id]
            article.number, branch = last, 1
        else:
            branch += 1
            article.number = last
            article.label = _branch_label(labels, last, branch)
    resolve_references(after, labels)


def _branch_label(labels: Labels, number: int, branch: int) -> str:
    """第10条の2 / Article 10-2: an article inserted after article ``number`` (0: before the first)."""
    base = labels.article(max(number, 1))
    return f"{base}の{branch}" if labels.lang == "ja" else f"{base}-{branch}"


def _changes(before: Document, after: Document, labels: Labels) -> tuple[list[dict[str, Any]], list[list[Block]]]:
    """Return the changes in the original's order (for the template) and the new wording of each."""
    old = {a.clause.id: a for a in before.articles}
    new = {a.clause.id: a for a in after.articles}
    changes: list[dict[str, Any]] = []
    quotes: list[list[Block]] = []
    previous = ""
    order = [a.clause.id for a in after.articles]
    order += [cid for cid in old if cid not in new]
    order.sort(key=lambda cid: (old[cid].number if cid in old else new[cid].number, cid not in old))
    for cid in order:
        if cid in old and cid in new:
            if _flat(old[cid]) != _flat(new[cid]):
                changes.append({"kind": "replace", "label": Plain(new[cid].label), "title": Plain(new[cid].clause.title)})
                quotes.append(_quote(new[cid], labels))
            previous = new[cid].label
        elif cid in new:
            changes.append({"kind": "add", "label": Plain(new[cid].label), "after": Plain(previous) if previous else "",
                            "title": Plain(new[cid].clause.title)})
            quotes.append(_quote(new[cid], labels))
            previous = new[cid].label
        else:
            changes.append({"kind": "delete", "label": Plain(old[cid].label), "title": Plain(old[cid].clause.title)})
            quotes.append([])
    changes, quotes = _schedules(before, after, labels, changes, quotes)
    return changes, quotes


def _schedules(before: Document, after: Document, labels: Labels, changes: list[dict[str, Any]],
               quotes: list[list[Block]]) -> tuple[list[dict[str, Any]], list[list[Block]]]:
    old = {s.clause.id: s for s in before.schedules}
    for s in after.schedules:
        if s.clause.id in old and _flat(old[s.clause.id]) != _flat(s):
            changes.append({"kind": "replace", "label": Plain(s.label), "title": Plain(s.clause.title)})
            quotes.append(_quote(s, labels))
    return changes, quotes


def _flat(part: Article | Schedule) -> list[Any]:
    """What an article says: its title and every paragraph, item and table cell as text."""
    out: list[Any] = [part.clause.title]
    for block in part.blocks:
        if isinstance(block, Paragraph):
            out.append((_text(block.inlines), [_text(i.inlines) for i in block.items]))
        else:
            out.append([[_text(c) for c in row] for row in [block.header, *block.rows]])
    return out


def _text(inlines: list[Inline]) -> str:
    return "".join(node.text for node in inlines)


def _quote(part: Article | Schedule, labels: Labels) -> list[Block]:
    """The new wording of an article as unnumbered paragraphs with typed labels (it is a quotation)."""
    gap = "　" if labels.lang == "ja" else " "
    out: list[Block] = [Paragraph([Text(labels.heading(part.label, part.clause.title))])]
    for block in part.blocks:
        if isinstance(block, Table):
            out.append(Table([_plain(c) for c in block.header], [[_plain(c) for c in row] for row in block.rows]))
            continue
        label = labels.paragraph(block.number) + gap if block.number else ""
        out.append(Paragraph([Text(label), *_plain(block.inlines)] if label else _plain(block.inlines)))
        out += [Paragraph([Text(item.label + ("" if labels.lang == "ja" else " ")), *_plain(item.inlines)])
                for item in block.items]
    return out


def _plain(inlines: list[Inline]) -> list[Inline]:
    """Quoted wording: references and terms become the text they printed (they belong to the original)."""
    return [node if isinstance(node, (Text, Insert)) and not isinstance(node, (Ref, Term)) else Text(node.text)
            for node in inlines]


def _number(document: Document, labels: Labels, instructions: list[Paragraph]) -> None:
    """Number the amendment's own articles and paragraphs; quoted wording keeps its typed labels."""
    for n, article in enumerate(document.articles, start=1):
        article.number, article.label = n, labels.article(n)
        own = instructions if n == 1 else [b for b in article.blocks if isinstance(b, Paragraph)]
        for m, paragraph in enumerate(own, start=1):
            paragraph.number = m if len(own) > 1 else 0
        mine = {id(p) for p in own}
        for paragraph in (b for b in article.blocks if isinstance(b, Paragraph) and id(b) not in mine):
            paragraph.number = 0
        for paragraph in own:
            for k, item in enumerate(paragraph.items, start=1):
                item.label = labels.item(k)
    for part in (document.preamble, document.closing):
        for block in part.blocks:
            if isinstance(block, Paragraph):
                block.number = 0

