"""The library API: what the CLI calls, and what a job runner can call without it.

    from oidocs import read_deal, render_document
    deal = read_deal("deal.yaml")
    data = render_document(deal, "nda", lang="en", fmt="docx")   # bytes

Everything here is pure: it reads clause files but writes nothing. Writing files (with
the overwrite rules of the CLI) is :mod:`oidocs.output`'s job.
"""

from __future__ import annotations

from typing import Iterable

from oidocs.clauses.assemble import assemble
from oidocs.clauses.library import DOCS, Library
from oidocs.deal.dealfile import needed_sections, read_deal, require_section
from oidocs.deal.model import Deal
from oidocs.document.tree import Clause, Document
from oidocs.errors import OidocsError
from oidocs.writers import FORMATS, RenderOptions, renderer

__all__ = ["DOCS", "FORMATS", "build_document", "docs_in", "file_name", "manifest", "read_deal", "render_document",
           "render_files", "render_pack"]

_default_library: Library | None = None


def _library(library: Library | None) -> Library:
    global _default_library
    if library is not None:
        return library
    if _default_library is None:
        _default_library = Library()
    return _default_library


def build_document(deal: Deal, doc: str, lang: str | None = None, *, library: Library | None = None,
                   source_file: str = "<deal>") -> Document:
    """Return the finished document tree of ``doc`` ("nda", "mou", "poc", "jda") for ``deal``."""
    if doc not in DOCS:
        raise OidocsError(f"unknown document {doc!r}; choose one of {', '.join(DOCS)}")
    require_section(deal, doc, source_file)
    return assemble(deal, doc, lang or deal.language, _library(library))


def render_document(deal: Deal, doc: str, lang: str | None = None, fmt: str = "docx", *, review: bool = False,
                    library: Library | None = None) -> bytes:
    """Render one document of a validated deal to bytes (``fmt``: "docx" or "md")."""
    tree = build_document(deal, doc, lang, library=library)
    return renderer(fmt)(tree, RenderOptions(review=review))


def file_name(deal_id: str, doc: str, lang: str, fmt: str) -> str:
    """Return the spec's file name: ``{deal_id}-{doc}-{lang}.{ext}``."""
    return f"{deal_id}-{doc}-{lang}.{fmt}"


def docs_in(deal: Deal) -> list[str]:
    """Return the documents a pack of ``deal`` makes: the NDA and each one whose sections are present."""
    return [d for d in DOCS if all(getattr(deal, s) is not None for s in needed_sections(d))]


def render_files(deal: Deal, docs: Iterable[str], *, lang: str | None = None, formats: Iterable[str] = FORMATS,
                 review: bool = False, library: Library | None = None, source_file: str = "<deal>",
                 ) -> dict[str, bytes]:
    """Render every (doc, format) pair; return file name -> bytes. Nothing is written."""
    return _render(deal, list(docs), lang or deal.language, list(formats), review, library, source_file)[0]


def render_pack(deal: Deal, *, lang: str | None = None, formats: Iterable[str] = FORMATS, review: bool = False,
                library: Library | None = None, source_file: str = "<deal>") -> dict[str, bytes]:
    """Render the NDA and every document the deal has sections for, plus the manifest.

    All documents are rendered before anything is returned, so a failing one means no
    file at all (the caller writes them in one go).
    """
    lang = lang or deal.language
    files, trees = _render(deal, docs_in(deal), lang, list(formats), review, library, source_file)
    files[review_name(deal.deal_id, lang)] = render_review(deal, lang=lang, library=library, trees=trees)
    files[f"{deal.deal_id}-manifest.json"] = manifest(deal, lang, trees, files)
    return files


def review_name(deal_id: str, lang: str) -> str:
    """Return the review sheet's file name: ``{deal_id}-review-{lang}.md``."""
    return f"{deal_id}-review-{lang}.md"


def render_review(deal: Deal, *, lang: str | None = None, library: Library | None = None,
                  trees: list[Document] | None = None, source_file: str = "<deal>") -> bytes:
    """Return the review sheet of ``deal`` (for the documents a pack makes) as Markdown bytes."""
    from oidocs.review.sheet import review_sheet

    lang = lang or deal.language
    if trees is None:
        trees = [build_document(deal, d, lang, library=library, source_file=source_file) for d in docs_in(deal)]
    return review_sheet(deal, trees, lang, _library(library))


def _render(deal: Deal, docs: list[str], lang: str, formats: list[str], review: bool, library: Library | None,
            source_file: str) -> tuple[dict[str, bytes], list[Document]]:
    files: dict[str, bytes] = {}
    trees = []
    for doc in docs:
        tree = build_document(deal, doc, lang, library=library, source_file=source_file)
        trees.append(tree)
        for fmt in formats:
            files[file_name(deal.deal_id, doc, lang, fmt)] = renderer(fmt)(tree, RenderOptions(review=review))
    return files, trees


def manifest(deal: Deal, lang: str, trees: list[Document], files: dict[str, bytes]) -> bytes:
    """Return the pack manifest: every file with its sha256, the clauses used, the oidocs version."""
    import hashlib
    import json

    from oidocs._version import __version__

    documents = []
    for tree in trees:
        prefix = f"{deal.deal_id}-{tree.doc}-{lang}."
        documents.append({
            "doc": tree.doc,
            "title": tree.title,
            "articles": len(tree.articles),
            "files": [
                {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                for name, data in files.items() if name.startswith(prefix)
            ],
            "clauses": [
                {"id": c.id, "version": c.version, **({"article": a} if a else {})}
                for c, a in _clause_articles(tree)
            ],
        })
    data = {"oidocs": __version__, "deal_id": deal.deal_id, "language": lang, "documents": documents}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _clause_articles(tree: Document) -> list[tuple[Clause, int]]:
    numbers = {a.clause.id: a.number for a in tree.articles}
    return [(c, numbers.get(c.id, 0)) for c in tree.clauses()]
