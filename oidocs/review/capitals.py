"""Capitalised words used like defined terms but defined nowhere, in English documents.

In an English contract a capitalised word in mid-sentence reads as a defined term ("the
Licensed Product"); if nothing defines it, the reader cannot tell what it covers. This check
reads the clause wording of the built English drafts (never the deal's own text, which holds
names and places) and flags each run of capitalised words, not at the start of a sentence,
that contains a word found in no defined term of the document, no party designation and no
name on the list of words that are capitalised anyway (``templates/capitalised.yaml``: statutes,
courts, months, "Article"). Erring on the quiet side, a word that appears in any defined term
passes everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from oidocs.content import templates_path
from oidocs.document.tree import Document, Item, Paragraph, Term, Text, walk
from oidocs.review.advice import Finding
from oidocs.review.cite import cite

# A run of capitalised words, with lower-case joiners inside ("Code of Civil Procedure").
_RUN = re.compile(r"\b[A-Z][A-Za-z]*(?:(?:\s+(?:of|and|for|on|the))*\s+[A-Z][A-Za-z]*)*")
_WORD = re.compile(r"[A-Z][A-Za-z]*")
_SENTENCE_END = re.compile(r"(^|[.!?:]\s*|[\"“(]\s*)$")
_HOLE = "\x00"  # where a defined term or deal text stood: neither starts nor continues a run


@lru_cache(maxsize=1)
def allowed_words() -> frozenset[str]:
    """Words that are capitalised without being defined terms (``templates/capitalised.yaml``)."""
    import yaml

    data = yaml.safe_load(templates_path("capitalised.yaml").read_text(encoding="utf-8"))
    return frozenset(w for phrase in data["words"] for w in _WORD.findall(str(phrase)))


def undefined_terms(tree: Document) -> dict[str, list[str]]:
    """Return each undefined capitalised run of an English ``tree`` -> the clause ids using it, in order."""
    if tree.lang != "en":
        return {}
    known = set(allowed_words())
    for node in walk(tree):
        if isinstance(node, Term):
            known.update(_WORD.findall(node.text))
    for sig in tree.closing.signatures:
        known.update(_WORD.findall(sig.designation))
    found: dict[str, list[str]] = {}
    for part in tree.children:
        for node in walk(part):
            if not isinstance(node, (Paragraph, Item)):
                continue
            text = "".join(n.text if isinstance(n, Text) else _HOLE for n in node.inlines)
            for m in _RUN.finditer(text):
                words = list(_WORD.finditer(m.group(0)))
                if _SENTENCE_END.search(text[:m.start()]):
                    words = words[1:]  # the sentence's first word is capitalised anyway
                unknown = [w for w in words if w.group(0) not in known and len(w.group(0)) > 1 and not w.group(0).isupper()]
                if unknown:
                    run = m.group(0)[unknown[0].start():unknown[-1].end()]  # "Licensed Product", not "… for the Purpose"
                    ids = found.setdefault(run, [])
                    if part.clause.id not in ids:
                        ids.append(part.clause.id)
    return found


def undefined_term_findings(trees: list[Document], lang: str) -> list[tuple[Finding, str]]:
    """Advice items (with their citations) for the undefined capitalised terms of the drafts."""
    out = []
    for tree in trees:
        for run, clauses in undefined_terms(tree).items():
            where = cite([tree], clauses, lang) or tree.doc
            out.append((Finding("undefined_term", clauses[0], run, values={"term": run}), where))
    return out

