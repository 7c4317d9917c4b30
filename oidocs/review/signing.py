"""Review-sheet sections about how the documents are signed: stamp duty, untranslated values.

:func:`stamp_duty_section` gives, on paper, one line per document made: whether it is a
taxable document under the Stamp Tax Act and why, with the duty where the law sets one by
contract value (the table is data: ``templates/stamp_duty.yaml``); electronically, the note
that no duty is due. :func:`untranslated_section` lists, for a side-by-side document, the plain
strings holding Japanese that would be printed as they are in the English column. Wording:
``templates/review_signing.yaml``. Each function returns its section's Markdown lines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from oidocs.content import templates_path
from oidocs.deal.fields import LangMap
from oidocs.deal.model import Deal, plain
from oidocs.document.labels import EN, JA
from oidocs.document.tree import Article, Document, Insert, Ref, Term, Text, walk
from oidocs.review.advice import Finding
from oidocs.review.people import where
from oidocs.writers.markdown import escape

_JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


@lru_cache(maxsize=None)
def _yaml(name: str) -> Any:
    import yaml

    return yaml.safe_load(templates_path(name).read_text(encoding="utf-8"))


def words(lang: str) -> dict[str, str]:
    """The fixed words of these sections in ``lang``, folded to one line each."""
    from oidocs.clauses.library import tidy_prose

    return {k: tidy_prose(str(v)) for k, v in _yaml("review_signing.yaml")[lang].items()}


def stamp_duty(category: int, amount: int | None) -> int:
    """Return the stamp duty in yen on one document of ``category`` (1 or 2) for ``amount``.

    ``amount`` None: the document states no contract amount. Bands from the Stamp Tax Act's
    table of taxable documents, kept in ``templates/stamp_duty.yaml``.
    """
    table = _yaml("stamp_duty.yaml")["categories"][category]
    if amount is None:
        return int(table["no_amount"])
    if amount < table["below_taxable"]:
        return 0
    for band in table["bands"]:
        if band["upto"] is None or amount <= band["upto"]:
            return int(band["tax"])
    raise AssertionError("the last band has no upper bound")


def stamp_duty_section(deal: Deal, trees: list[Document], lang: str) -> list[str]:
    """The stamp duty of each document made (paper), or the note that none is due (electronic)."""
    w = words(lang)
    out = [f"## {w['stamp_duty']}", ""]
    if deal.signing == "electronic":
        return out + [w["electronic"], ""]
    from oidocs.review.next_steps import paper_originals

    out += [paper_originals(trees, lang, w["paper_intro"], w["paper_intro_mixed"]), ""]
    for tree in trees:
        verdict, reason = _document_line(deal, tree, lang, w)
        if reason is not None:
            out.append(f"- **{escape(tree.title)}**: {verdict}{'。' if lang == 'ja' else '. '}"
                       f"{escape(reason)}")
    return out + ["", w["confirm"], ""]


def transfer_articles(tree: Document) -> list[str]:
    """The labels of the articles of ``tree`` whose text obliges a party to transfer IP rights to another.

    Read from the document as built, against the list in ``templates/stamp_duty.yaml``
    (``transfers``): a listed clause counts when the document has it and, where the entry gives
    ``says``, its text contains those words, so the stamp-duty verdict follows what the pack's
    clauses actually say (a co-owner that declines to file keeps its share: no transfer).
    """
    found = []
    for entry in _yaml("stamp_duty.yaml")["transfers"]:
        for article in tree.articles:
            if article.clause.id == entry["clause"] and article.label not in found and _says(article, entry.get("says")):
                found.append(article.label)
    return found


def transfer_advice(deal: Deal, trees: list[Document], lang: str) -> list[tuple[Finding, str]]:
    """The stamp-duty advice item, citing the articles that transfer rights, on paper only.

    An electronic contract bears no stamp duty; a pack whose clauses transfer nothing gets no item.
    """
    from oidocs.review.cite import doc_name

    if deal.signing != "paper":
        return []
    sep = "、" if lang == "ja" else "; "
    where = [f"{doc_name(tree.doc, lang)} {label}" for tree in trees for label in transfer_articles(tree)]
    return [(Finding("stamp_duty", "signing", "paper", ()), sep.join(where))] if where else []


def _says(article: Article, words: dict[str, str] | None) -> bool:
    if not words:
        return True
    text = "".join(n.text for n in walk(article) if isinstance(n, (Text, Insert, Ref, Term)))
    return any(w in text for w in words.values())


def taxable_titles(deal: Deal, trees: list[Document], lang: str) -> list[str]:
    """The titles of the documents that may bear stamp duty on paper (none when signed electronically)."""
    if deal.signing == "electronic":
        return []
    w = words(lang)
    return [tree.title for tree in trees if _document_line(deal, tree, lang, w)[0] == w["may_be_taxable"]]


def _document_line(deal: Deal, tree: Document, lang: str, w: dict[str, str]) -> tuple[str, str | None]:
    """(verdict, reason) for one document; reason None for a document this section does not know."""
    def tax(amount: int) -> str:
        return w["tax"].format(amount=f"{amount:,}") if amount else w["no_tax"]

    sep = "、" if lang == "ja" else ", "
    articles = transfer_articles(tree)
    assignment = w["assignment"].format(articles=sep.join(articles), tax=tax(stamp_duty(1, None))) if articles else ""
    space = "" if lang == "ja" else " "
    if tree.doc in ("nda", "mou", "licence"):
        if assignment:
            return w["may_be_taxable"], w[tree.doc] + space + assignment
        return w["not_taxable"], w[tree.doc]
    if tree.doc == "poc" and deal.poc is not None:
        fee, currency = deal.poc.fee.amount, deal.poc.fee.currency
        deliverables = [plain(d) for d in deal.poc.deliverables] or [
            "検証報告書" if lang == "ja" else "the verification report"]
        amount = f"{fee:,}円" if lang == "ja" and currency == "JPY" else (JA if lang == "ja" else EN).money(fee, currency, False)
        # A fee in another currency counts at its yen value on the day the document is made (the
        # Ministry of Finance's standard or arbitrated rate), which the sheet cannot know: no band named.
        duty = tax(stamp_duty(2, fee)) if currency == "JPY" else w["tax_foreign"]
        reason = w["poc_mandate"] + space + w["poc_work"].format(
            deliverables=("、" if lang == "ja" else "; ").join(deliverables), amount=amount, tax=duty)
        return w["may_be_taxable"], reason + (space + assignment if assignment else "")
    if tree.doc == "jda":
        if assignment:
            return w["may_be_taxable"], w["jda"] + space + assignment
        return w["not_taxable"], w["jda"] + space + w["jda_no_assignment"]
    return "", None


def untranslated_values(deal: Deal) -> list[str]:
    """Return the dotted paths of plain strings holding Japanese in ``deal`` (not yet localized).

    In a side-by-side document such a value is printed as it is in the English column. Court
    names that oidocs translates are left out.
    """
    from oidocs.deal.localize import translate_court

    found: list[str] = []

    def visit(value: Any, path: str) -> None:
        if isinstance(value, LangMap):
            return
        if isinstance(value, str):
            if _JAPANESE.search(value) and not (path == "court" and translate_court(value, "en") != value):
                found.append(path)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name), f"{path}.{name}" if path else name)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                visit(v, f"{path}.{i}")
        elif isinstance(value, dict):
            for k, v in value.items():
                visit(v, f"{path}.{k}")

    visit(deal, "")
    return found


def untranslated_section(paths: list[str], lang: str) -> list[str]:
    """The values that go into the English column of a side-by-side document in Japanese."""
    w = words(lang)
    out = [f"## {w['untranslated']}", ""]
    if not paths:
        return out + [w["no_untranslated"], ""]
    return out + [w["untranslated_intro"], ""] + [f"- {escape(where(p, lang))}" for p in paths] + [""]
