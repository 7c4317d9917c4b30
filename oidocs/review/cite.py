"""Where a clause sits in the drafts: "共同研究開発契約 第12条" / "JDA Article 12".

Article numbers are computed when a document is assembled (conditions drop clauses), so a
finding about a clause is cited from the built trees, never from a typed number. A clause that
several documents carry (the jurisdiction article) is cited in each of them.

A rule may cite a named provision instead of a clause id: ``@standstill`` is whichever article
says, in its front matter (``provides: [standstill]``), that it carries the stand-still. The name
travels with the wording, so a term moved to another clause is still cited where it now stands
(a rule listing the old clause id pointed at an article that no longer held it).
"""

from __future__ import annotations

from typing import Iterable

from oidocs.document.tree import Article, Document, Insert, Ref, Schedule, Term, Text, walk
from oidocs.review.checks import check_words


def doc_name(doc: str, lang: str) -> str:
    """Return a document's short name in ``lang`` (``templates/checks.yaml``: docs)."""
    return str(check_words()["docs"][lang].get(doc, doc))


def locations(trees: list[Document], clause_ids: Iterable[str], docs: Iterable[str] | None = None
              ) -> list[tuple[str, str]]:
    """Return (doc, article or schedule label) for each of ``clause_ids`` in ``trees``, in pack order.

    An id ``@name`` stands for every article carrying the named provision. ``docs`` limits the
    search to those documents.
    """
    wanted = list(dict.fromkeys(clause_ids))
    only = set(docs) if docs is not None else None
    found: list[tuple[str, str]] = []
    for tree in trees:
        if only is not None and tree.doc not in only:
            continue
        parts: list[Article | Schedule] = [*tree.articles, *tree.schedules]
        labels = {p.clause.id: p.label for p in parts}
        for name in wanted:
            if name.startswith("@"):
                hits = [p.label for p in parts if name[1:] in p.clause.provides]
            else:
                hits = [labels[name]] if name in labels else []
            found += [(tree.doc, label) for label in hits if (tree.doc, label) not in found]
    return found


def cite(trees: list[Document], clause_ids: Iterable[str], lang: str, docs: Iterable[str] | None = None) -> str:
    """Return the citations of ``clause_ids`` as one string ("" when none is in the drafts)."""
    sep = "、" if lang == "ja" else "; "
    return sep.join(f"{doc_name(doc, lang)} {label}" for doc, label in locations(trees, clause_ids, docs))


def articles_say(trees: list[Document], clause_ids: Iterable[str], words: str) -> bool:
    """Whether every article made from ``clause_ids`` holds ``words`` (and at least one is made).

    A sheet item may depend on what the drafts say rather than on the deal: the advice to seek
    consent for subcontracted manufacture is moot where the practice article already gives a
    have-made right (read from the documents as built, as the stamp-duty verdict reads transfers).
    """
    wanted = set(clause_ids)
    texts = ["".join(n.text for n in walk(a) if isinstance(n, (Text, Insert, Ref, Term)))
             for t in trees for a in t.articles if a.clause.id in wanted]
    return bool(texts) and all(words in text for text in texts)
