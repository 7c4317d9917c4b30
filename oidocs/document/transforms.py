"""Transforms on the assembled tree, run before any writer.

Numbering, cross-references and checks live here so that the DOCX and Markdown writers
cannot disagree: they print the labels computed once.
"""

from __future__ import annotations

from collections import Counter

from oidocs.document.labels import Labels
from oidocs.document.tree import (
    Article,
    Document,
    Insert,
    Paragraph,
    Ref,
    Term,
    Text,
    walk,
)
from oidocs.errors import ClauseError

LEFTOVERS = ("{{", "}}", "{%", "%}", "{#", "#}", "\ue000", "\ue001")


def apply_transforms(document: Document, labels: Labels, source: str) -> None:
    """Number, resolve references, and check terms and leftover syntax, in that order."""
    number(document, labels)
    resolve_references(document, labels)
    check_terms(document, source)
    check_leftovers(document)


def number(document: Document, labels: Labels) -> None:
    """Number articles 1..N, paragraphs within articles of more than one, and items."""
    for n, article in enumerate(document.articles, start=1):
        article.number = n
        article.label = labels.article(n)
    for part in document.children:
        paragraphs = [b for b in part.children if isinstance(b, Paragraph)]
        numbered = isinstance(part, Article) and len(paragraphs) > 1
        for n, paragraph in enumerate(paragraphs, start=1):
            paragraph.number = n if numbered else 0
            for m, item in enumerate(paragraph.items, start=1):
                item.label = labels.item(m)
    several = len(document.schedules) > 1
    for n, schedule in enumerate(document.schedules, start=1):
        schedule.label = labels.schedule(n if several else None)


def resolve_references(document: Document, labels: Labels) -> None:
    """Give each reference the label of its target; a missing target is an error."""
    several = len(document.schedules) > 1
    targets = {a.clause.id: a.label for a in document.articles}
    targets.update({
        s.clause.id: labels.schedule_ref(n if several else None)
        for n, s in enumerate(document.schedules, start=1)
    })
    for part in document.children:
        for node in walk(part):
            if isinstance(node, Ref):
                if node.target not in targets:
                    raise ClauseError(file=part.clause.source, message=(
                        f"ref({node.target!r}) points at a clause that the {document.doc} document "
                        "does not include here; include it or guard the reference with the same condition"))
                node.text = targets[node.target]


def check_terms(document: Document, source: str) -> None:
    """Every defined term is defined once and used at least once; every used term is defined."""
    defined: Counter[str] = Counter()
    used: Counter[str] = Counter()
    where: dict[str, str] = {}
    for part in document.children:
        for node in walk(part):
            if isinstance(node, Term):
                (defined if node.defining else used)[node.key] += 1
                where.setdefault(node.key, part.clause.source)
    problems = []
    for key in sorted(set(defined) | set(used)):
        if defined[key] > 1:
            problems.append(f"term {key!r} is defined {defined[key]} times")
        elif defined[key] == 0:
            problems.append(f"term {key!r} is used but never defined (first use: {where[key]})")
        elif used[key] == 0:
            problems.append(f"term {key!r} is defined but never used")
    if problems:
        raise ClauseError(file=source, message=f"{document.lang}: " + "; ".join(problems))


def check_leftovers(document: Document) -> None:
    """No template syntax or internal markers may survive in clause wording."""
    for part in document.children:
        for node in walk(part):
            if isinstance(node, Text) and not isinstance(node, Insert):
                for mark in LEFTOVERS:
                    if mark in node.text:
                        raise ClauseError(file=part.clause.source,
                                          message=f"leftover template syntax {mark!r} in the rendered text")
