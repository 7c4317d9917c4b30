"""Transforms on the assembled tree, run before any writer.

Numbering, cross-references and checks live here so that the DOCX and Markdown writers
cannot disagree: they print the labels computed once.
"""

from __future__ import annotations

import re
from collections import Counter

from oidocs.document.labels import Labels
from oidocs.document.tree import (
    Article,
    Document,
    Inline,
    Insert,
    Item,
    Paragraph,
    Ref,
    Table,
    Term,
    Text,
    walk,
    words,
)
from oidocs.errors import ClauseError

LEFTOVERS = ("{{", "}}", "{%", "%}", "{#", "#}", "\ue000", "\ue001")
_ANY_LEFTOVER = re.compile("|".join(map(re.escape, LEFTOVERS)))


def apply_transforms(document: Document, labels: Labels, source: str) -> None:
    """Number, resolve references, check terms and leftover syntax, then set English quotes."""
    number(document, labels)
    check(document, labels, source)
    if labels.lang == "en":
        typographic_quotes(document)
        sentence_capitals(document)


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


def check(document: Document, labels: Labels, source: str) -> None:
    """In one walk of the tree: resolve references, check terms, refuse leftover template syntax.

    Each check used to walk the tree on its own; the walk is most of their cost. Problems are
    raised in the order the separate checks had: a reference to a missing clause first, then
    the terms, then leftover syntax (each naming the first place in document order).
    """
    targets = _targets(document, labels)
    defined: Counter[str] = Counter()
    used: Counter[str] = Counter()
    where: dict[str, str] = {}
    leftover: ClauseError | None = None
    for part in document.children:
        source = part.clause.source
        texts = []
        for node in words(part):
            kind = type(node)
            if kind is Text:
                texts.append(node.text)
            elif kind is Ref:
                assert isinstance(node, Ref)
                _resolve(node, targets, document, source)
            elif kind is Term:
                assert isinstance(node, Term)
                (defined if node.defining else used)[node.key] += 1
                where.setdefault(node.key, source)
        if leftover is None and _ANY_LEFTOVER.search("\n".join(texts)):  # one scan ("\n" is in no mark)
            leftover = next(filter(None, (_leftover(text, source) for text in texts)))  # the first, as one by one
    _check_terms(defined, used, where, document.lang, source)
    if leftover is not None:
        raise leftover


def resolve_references(document: Document, labels: Labels) -> None:
    """Give each reference the label of its target; a missing target is an error (``amend`` renumbers)."""
    targets = _targets(document, labels)
    for part in document.children:
        for node in walk(part):
            if isinstance(node, Ref):
                _resolve(node, targets, document, part.clause.source)


def _targets(document: Document, labels: Labels) -> dict[str, str]:
    """What a reference to each clause id prints: the article's label, or the schedule's."""
    several = len(document.schedules) > 1
    targets = {a.clause.id: a.label for a in document.articles}
    for a in document.articles:  # its paragraphs: "<id>#n", and "<id>#-1" for the last (unnumbered: the article)
        numbers = [b.number for b in a.blocks if isinstance(b, Paragraph)]
        for n, num in enumerate(numbers, start=1):
            targets[f"{a.clause.id}#{n}"] = labels.paragraph_ref(a.label, num) if num else a.label
        if numbers:
            targets[f"{a.clause.id}#-1"] = targets[f"{a.clause.id}#{len(numbers)}"]
    targets.update({
        s.clause.id: labels.schedule_ref(n if several else None)
        for n, s in enumerate(document.schedules, start=1)
    })
    return targets


def _resolve(node: Ref, targets: dict[str, str], document: Document, source: str) -> None:
    key = f"{node.target}#{node.paragraph}" if node.paragraph else node.target
    if key not in targets:
        what = "a clause" if node.target not in targets else f"a paragraph ({node.paragraph}) of an article"
        raise ClauseError(file=source, message=(
            f"ref({node.target!r}) points at {what} that the {document.doc} document "
            "does not include here; include it or guard the reference with the same condition"))
    node.text = targets[key]
    article = targets.get(node.target, "")
    node.suffix = node.text[len(article):] if node.paragraph and node.text.startswith(article) else ""


def _check_terms(defined: Counter[str], used: Counter[str], where: dict[str, str], lang: str, source: str) -> None:
    """Every defined term is defined once and used at least once; every used term is defined."""
    problems = []
    for key in sorted(set(defined) | set(used)):
        if defined[key] > 1:
            problems.append(f"term {key!r} is defined {defined[key]} times")
        elif defined[key] == 0:
            problems.append(f"term {key!r} is used but never defined (first use: {where[key]})")
        elif used[key] == 0:
            problems.append(f"term {key!r} is defined but never used")
    if problems:
        raise ClauseError(file=source, message=f"{lang}: " + "; ".join(problems))


def _leftover(text: str, source: str) -> ClauseError | None:
    """The error for template syntax or an internal marker left in clause wording, if any."""
    if not _ANY_LEFTOVER.search(text):  # the usual case, in one scan instead of one per mark
        return None
    for mark in LEFTOVERS:
        if mark in text:
            return ClauseError(file=source, message=f"leftover template syntax {mark!r} in the rendered text")
    return None


_OPENS_AFTER = frozenset(" \t\n\u00a0([{<\u2014\u2013-/\u201c\u2018")


def curl(text: str, before: str = "") -> str:
    """Return ``text`` with straight quotes made typographic (“ ” ‘ ’).

    A quote opens after the start of the text, a space, a bracket or a dash, and closes (or
    is an apostrophe: Party A’s) after anything else; ``before`` is the character that
    precedes ``text`` in its paragraph, so that a quote at a node's edge is judged right.
    """
    out = []
    prev = before
    for char in text:
        if char in "\"'":
            opening = prev == "" or prev in _OPENS_AFTER
            char = ("\u201c" if opening else "\u201d") if char == '"' else ("\u2018" if opening else "\u2019")
        out.append(char)
        prev = char
    return "".join(out)


def typographic_quotes(document: Document) -> None:
    """Make every straight quote of an English document typographic, deal text included.

    Clause files keep typing plain ``"`` and ``'``; the deal's own text (names, purpose) is
    set the same way, so that one document never mixes the two styles. Runs across inline
    nodes are read as one text, so a quote that closes in the node after it opened is right.
    """
    def sequence(inlines: list[Inline]) -> None:
        before = ""
        for node in inlines:
            if node.text:
                if not isinstance(node, Ref):
                    node.text = curl(node.text, before)
                before = node.text[-1]

    document.title = curl(document.title)
    for part in document.children:
        part.clause.title = curl(part.clause.title)
        for block in part.children:
            if isinstance(block, Paragraph):
                sequence(block.inlines)
                for item in block.items:
                    sequence(item.inlines)
            elif isinstance(block, Table):
                for row in [block.header, *block.rows]:
                    for cell in row:
                        sequence(cell)
    for signatory in document.closing.signatures:
        for _, value in signatory.rows:
            sequence(value)


# "the" opening a sentence: at the start of a paragraph, or after a full stop that does not end
# an abbreviation ("e.g. a ...").
_THE_AFTER_STOP = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(\.\s+)the\b")
_ENDS_SENTENCE = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.\s+$")


def sentence_capitals(document: Document) -> None:
    """Capitalise a party's short name that begins an English sentence ("The University shall").

    A short name may be written with a lower-case article ("the University") so that it reads
    naturally mid-sentence; clause text puts it at the start of sentences too. Only clause text is
    touched: deal text (a purpose after a colon) keeps its own capitalisation, and an item, which
    continues the sentence of its paragraph, keeps a lower-case start.
    """
    for part in document.children:
        for block in part.children:
            if not isinstance(block, Paragraph):
                continue
            owners: list[Paragraph | Item] = [block, *block.items]
            for owner in owners:
                before = "" if owner is block else "item"
                for node in owner.inlines:
                    if type(node) is Text and node.text:
                        text = _THE_AFTER_STOP.sub(lambda m: m.group(1) + "The", node.text)
                        if (before == "" or _ENDS_SENTENCE.search(before)) and text.startswith("the "):
                            text = "The" + text[3:]
                        node.text = text
                    before += getattr(node, "text", "")
