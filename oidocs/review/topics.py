"""The JPO model contracts' topics, checked per document made.

``templates/topics.yaml`` lists, per document, the topics a complete agreement covers and the
clauses that cover each. The built drafts say which clauses a document carries (conditions
have dropped the others), so a topic is present when one of its clauses is in the document.
A topic left out is listed with the reason the data gives for leaving it out consciously; one
left out without a reason is shown as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from oidocs.content import templates_path
from oidocs.document.tree import Document
from oidocs.review.cite import doc_name
from oidocs.writers.markdown import escape


@dataclass(frozen=True)
class Coverage:
    """The topics of one document: how many, which present, which left out (with reason or None)."""

    doc: str
    total: int
    present: list[str]
    left_out: list[tuple[str, str | None]]


@lru_cache(maxsize=1)
def topics() -> dict[str, Any]:
    """Return ``templates/topics.yaml``."""
    import yaml

    data = yaml.safe_load(templates_path("topics.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and "words" in data
    return data


def coverage(tree: Document, lang: str) -> Coverage | None:
    """Return the topic coverage of ``tree`` (None for a document the data has no topics for)."""
    entries = topics().get(tree.doc)
    if not entries:
        return None
    used = {c.id for c in tree.clauses()}
    present: list[str] = []
    left_out: list[tuple[str, str | None]] = []
    for entry in entries:
        name = str(entry["topic"][lang])
        if used.intersection(entry["clauses"]):
            present.append(name)
        else:
            reason = entry.get("reason")
            left_out.append((name, str(reason[lang]) if reason else None))
    return Coverage(tree.doc, len(entries), present, left_out)


def topics_section(trees: list[Document], lang: str) -> list[str]:
    """The section listing, per document, the topics covered and each one left out, with why."""
    from oidocs.clauses.library import tidy_prose

    words = topics()["words"][lang]
    out = [f"## {words['title']}", "", words["intro"], ""]
    for tree in trees:
        cov = coverage(tree, lang)
        if cov is None:
            continue
        out.append("- " + escape(words["count"].format(doc=doc_name(tree.doc, lang), total=cov.total,
                                                       present=len(cov.present))))
        for topic, reason in cov.left_out:
            line = (words["left_out"].format(topic=topic, reason=tidy_prose(reason)) if reason
                    else words["missing"].format(topic=topic))
            out.append(f"  - {escape(line)}" if reason else f"  - **{escape(line)}**")
    out.append("")
    return out
