"""The library API: what the CLI calls, and what a job runner can call without it.

    from oidocs import read_deal, render_document
    deal = read_deal("deal.yaml")
    data = render_document(deal, "nda", lang="en", fmt="docx")   # bytes
    both = render_document(deal, "nda", lang="ja+en", fmt="docx")  # side by side, ja on the left

Everything here is pure: it reads clause files but writes nothing. Writing files (with
the overwrite rules of the CLI) is :mod:`oidocs.output`'s job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from oidocs.clauses.assemble import assemble
from oidocs.clauses.library import Library
from oidocs.deal.dealfile import DOCS, deal_from_dict, docs_in, incomplete_sections, read_deal, require_section
from oidocs.deal.localize import localize
from oidocs.deal.model import Deal, complete
from oidocs.document.tree import Bilingual, Clause, Document, pair_parts
from oidocs.errors import DealError, OidocsError, Problem
from oidocs.writers import FORMATS, RenderOptions, bilingual_renderer, renderer

LANGS = ("ja", "en")
BILINGUAL = ("ja+en", "en+ja")  # one side-by-side document, the first language on the left

__all__ = ["BILINGUAL", "DOCS", "FORMATS", "LANGS", "PackDraft", "build_bilingual", "build_document", "calendar_names",
           "check_pack", "convert_pdfs", "deal_digest", "deal_from_dict", "docs_in", "file_name", "manifest", "render_calendar",
           "prepare_pack", "read_deal", "render_document", "render_files", "render_pack"]

_default_library: Library | None = None


def _library(library: Library | None) -> Library:
    global _default_library
    if library is not None:
        return library
    if _default_library is None:
        _default_library = Library()
    return _default_library


def _ready(deal: Deal) -> Deal:
    """Return ``deal`` with its dependent defaults filled in, however it was made.

    :func:`read_deal` and :func:`deal_from_dict` do this already; a deal made with
    ``Deal.model_validate`` has not, and clauses must never meet a default left unfilled.
    """
    if not isinstance(deal, Deal):
        raise OidocsError(f"expected a Deal (from read_deal or deal_from_dict), got {type(deal).__name__}")
    return deal if deal.prevailing_language is not None else complete(deal)


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in (*LANGS, *BILINGUAL):
        raise OidocsError(f"unknown language {lang!r}; choose one of {', '.join((*LANGS, *BILINGUAL))}")


def check_pack(deal: Deal, *, lang: str | None = None, source_file: str = "<deal>") -> list[Problem]:
    """Return the warnings of the checks across the pack (dates out of order, deadlines outside a term).

    Each is a :class:`~oidocs.errors.Problem` naming the deal value to change (located in
    ``source_file`` when that is a readable deal file). The CLI prints them as warnings and
    ``--strict`` refuses them; ``render_pack(..., strict=True)`` does the same.
    """
    from oidocs.review.checks import pack_problems

    _check_lang(lang)
    return pack_problems(_ready(deal), lang, source_file)


def build_document(deal: Deal, doc: str, lang: str | None = None, *, library: Library | None = None,
                   source_file: str = "<deal>", added_later: frozenset[str] = frozenset()) -> Document:
    """Return the finished document tree of ``doc`` ("nda", "mou", "poc", "jda", "licence") for ``deal``.

    ``added_later``: clause ids an amendment adds to the signed agreement (``oidocs amend``).
    """
    if doc not in DOCS:
        raise OidocsError(f"unknown document {doc!r}; choose one of {', '.join(DOCS)}")
    _check_lang(lang)
    if lang in BILINGUAL:
        raise OidocsError(f"build_document makes one language; for {lang!r} use build_bilingual")
    deal = _ready(deal)
    require_section(deal, doc, source_file)
    lang = lang or deal.language
    return assemble(localize(deal, lang, source_file), doc, lang, _library(library), added_later=added_later)


def build_bilingual(deal: Deal, doc: str, lang: str, *, library: Library | None = None,
                    source_file: str = "<deal>") -> Bilingual:
    """Return both trees of a side-by-side document; ``lang`` is ``ja+en`` or ``en+ja`` (first on the left).

    Both are built with the prevailing-language article; they pair article by article because
    they come from one document definition (:func:`~oidocs.document.tree.pair_parts` checks it).
    """
    if lang not in BILINGUAL:
        raise OidocsError(f"unknown language pair {lang!r}; choose one of {', '.join(BILINGUAL)}")
    if doc not in DOCS:
        raise OidocsError(f"unknown document {doc!r}; choose one of {', '.join(DOCS)}")
    deal = _ready(deal)
    require_section(deal, doc, source_file)
    first, second = lang.split("+")
    lib = _library(library)
    pair = Bilingual(assemble(localize(deal, first, source_file), doc, first, lib, bilingual=True),
                     assemble(localize(deal, second, source_file), doc, second, lib, bilingual=True),
                     prevailing=deal.prevailing_language or deal.language)
    try:
        pair_parts(pair)
    except ValueError as exc:
        raise OidocsError(str(exc)) from None
    return pair


def render_document(deal: Deal, doc: str, lang: str | None = None, fmt: str = "docx", *, review: bool = False,
                    library: Library | None = None) -> bytes:
    """Render one document of a validated deal to bytes (``fmt``: "docx", "md" or "pdf"; ``lang`` may be ``ja+en``).

    A PDF is converted from the DOCX by LibreOffice (an error with install advice without it).
    """
    _check_lang(lang)
    _check_formats([fmt])
    deal = _ready(deal)
    lang = lang or deal.language
    if fmt == "pdf":
        return render_files(deal, [doc], lang=lang, formats=["pdf"], review=review, library=library)[
            file_name(deal.deal_id, doc, lang, "pdf")]
    if lang in BILINGUAL:
        return bilingual_renderer(fmt)(build_bilingual(deal, doc, lang, library=library), RenderOptions(review=review))
    tree = build_document(deal, doc, lang, library=library)
    return renderer(fmt)(tree, RenderOptions(review=review))


def file_name(deal_id: str, doc: str, lang: str, fmt: str) -> str:
    """Return the spec's file name: ``{deal_id}-{doc}-{lang}.{ext}``, ``ja+en`` written ``ja-en``."""
    return f"{deal_id}-{doc}-{file_lang(lang)}.{fmt}"


def file_lang(lang: str) -> str:
    """Return ``lang`` as file names write it: ``ja``, ``en``, ``ja-en``, ``en-ja``."""
    return lang.replace("+", "-")


def render_files(deal: Deal, docs: Iterable[str], *, lang: str | None = None, formats: Iterable[str] = FORMATS,
                 review: bool = False, library: Library | None = None, source_file: str = "<deal>",
                 sheets: bool = False) -> dict[str, bytes]:
    """Render every (doc, format) pair; return file name -> bytes. Nothing is written.

    ``formats`` takes "docx", "md" and "pdf"; PDFs are converted from the DOCX by LibreOffice,
    all in one converter process. ``sheets`` adds the review sheet and the deadline register of
    these documents, as a pack has them (``oidocs licence`` for a deal that is a licence alone).
    """
    _check_lang(lang)
    _check_formats(formats)
    deal = _ready(deal)
    draft = _render(deal, list(docs), lang or deal.language, list(formats), review, library, source_file)
    draft.library, draft.sheets = library, sheets
    return draft.finish(convert_pdfs(draft.pdf_jobs))


def render_pack(deal: Deal, *, lang: str | None = None, formats: Iterable[str] = FORMATS, review: bool = False,
                library: Library | None = None, source_file: str = "<deal>", strict: bool = False) -> dict[str, bytes]:
    """Render the NDA and every document the deal has sections for, plus the review sheet and manifest.

    All documents are rendered before anything is returned, so a failing one means no
    file at all (the caller writes them in one go). ``strict=True`` raises DealError when the
    checks across the pack (:func:`check_pack`) find anything, as ``--strict`` does.
    """
    if strict:
        from oidocs.review.checks import enforce

        enforce(check_pack(deal, lang=lang, source_file=source_file), True)
    draft = prepare_pack(deal, lang=lang, formats=formats, review=review, library=library, source_file=source_file)
    return draft.finish(convert_pdfs(draft.pdf_jobs))


@dataclass
class PackDraft:
    """A pack rendered but for its PDFs, so that a batch can convert many packs' PDFs in one go.

    ``files`` holds every file in order, a PDF as ``None`` until :meth:`finish` gets it;
    ``pdf_jobs`` the DOCX to convert per PDF name.
    """

    deal: Deal
    lang: str
    trees: list[Document]
    files: dict[str, bytes | None]
    pdf_jobs: dict[str, Any]
    library: Library | None = None
    pack: bool = False
    source_file: str = "<deal>"
    sheets: bool = False  # the review sheet and deadline register without a manifest (one document's command)

    def finish(self, pdfs: dict[str, bytes]) -> dict[str, bytes]:
        """Return every file, with the PDFs from ``pdfs`` (name -> bytes) and, for a pack, sheet and manifest."""
        files = {name: data if data is not None else pdfs[name] for name, data in self.files.items()}
        if self.pack or self.sheets:
            files[review_name(self.deal.deal_id, self.lang)] = render_review(
                self.deal, lang=self.lang, library=self.library, trees=self.trees)
            files.update(render_calendar(self.deal, lang=self.lang, library=self.library, trees=self.trees))
        if self.pack:
            files[f"{self.deal.deal_id}-manifest.json"] = manifest(self.deal, self.lang, self.trees, files,
                                                                    source=_deal_file(self.source_file))
        return files


def prepare_pack(deal: Deal, *, lang: str | None = None, formats: Iterable[str] = FORMATS, review: bool = False,
                 library: Library | None = None, source_file: str = "<deal>") -> PackDraft:
    """Render a pack's documents; the PDFs (if asked) are left for :func:`convert_pdfs` and ``finish``."""
    _check_lang(lang)
    _check_formats(formats)
    deal = _ready(deal)
    incomplete = incomplete_sections(deal, source_file)
    if incomplete:  # a poc without ip: the user wants a PoC; leaving it out silently is wrong
        raise DealError(incomplete)
    lang = lang or deal.language
    draft = _render(deal, docs_in(deal), lang, list(formats), review, library, source_file)
    draft.library, draft.pack, draft.source_file = library, True, source_file
    return draft


def convert_pdfs(jobs: dict[str, Any]) -> dict[str, bytes]:
    """Convert the DOCX of ``jobs`` (PDF name -> job) to PDF in one LibreOffice process."""
    if not jobs:
        return {}
    from oidocs.writers import pdf

    return pdf.convert(jobs)


def review_name(deal_id: str, lang: str) -> str:
    """Return the review sheet's file name: ``{deal_id}-review-{lang}.md`` (``ja-en`` for a bilingual pack)."""
    return f"{deal_id}-review-{file_lang(lang)}.md"


def render_review(deal: Deal, *, lang: str | None = None, library: Library | None = None,
                  trees: list[Document] | None = None, source_file: str = "<deal>") -> bytes:
    """Return the review sheet of ``deal`` (for the documents a pack makes) as Markdown bytes."""
    from oidocs.review.sheet import review_sheet

    lang = lang or deal.language
    if trees is None:
        if lang in BILINGUAL:
            trees = [build_bilingual(deal, d, lang, library=library, source_file=source_file).first
                     for d in docs_in(deal)]
        else:
            trees = [build_document(deal, d, lang, library=library, source_file=source_file) for d in docs_in(deal)]
    # A bilingual pack's sheet is written in its first language.
    first = lang.split("+")[0]
    from oidocs.review.english import english_gaps
    from oidocs.review.foreign import foreign_values
    from oidocs.review.signing import untranslated_values

    untranslated = untranslated_values(deal) if lang in BILINGUAL else None  # both read the deal before localize
    return review_sheet(localize(deal, first, source_file), trees, first, _library(library), untranslated=untranslated,
                        english=english_gaps(deal), foreign=foreign_values(deal, lang))


def _render(deal: Deal, docs: list[str], lang: str, formats: list[str], review: bool, library: Library | None,
            source_file: str) -> PackDraft:
    files: dict[str, bytes | None] = {}
    pdf_jobs: dict[str, Any] = {}
    _check_formats(formats)
    if "pdf" in formats:
        from oidocs.writers import pdf

        pdf.find_soffice()  # no converter: say so before any work is done
    trees = []
    options = RenderOptions(review=review)
    for doc in docs:
        pair = build_bilingual(deal, doc, lang, library=library, source_file=source_file) \
            if lang in BILINGUAL else None
        tree = pair.first if pair else build_document(deal, doc, lang, library=library, source_file=source_file)
        trees.append(tree)

        def write(fmt: str) -> bytes:
            return bilingual_renderer(fmt)(pair, options) if pair else renderer(fmt)(tree, options)

        docx: bytes | None = None
        for fmt in formats:
            name = file_name(deal.deal_id, doc, lang, fmt)
            if fmt == "pdf":
                from oidocs.writers import pdf

                docx = docx or write("docx")
                pdf_jobs[name] = pdf.job_for(tree, docx)
                files[name] = None
            else:
                files[name] = write(fmt)
                if fmt == "docx":
                    docx = files[name]
    return PackDraft(deal, lang, trees, files, pdf_jobs)


def _check_formats(formats: Iterable[str]) -> None:
    """Refuse an unknown format (or a bare string where a list belongs) with the choices, not a KeyError."""
    if isinstance(formats, str):
        raise OidocsError(f"formats takes a list of formats, e.g. [{formats!r}]; got the string {formats!r}")
    unknown = [f for f in formats if f not in (*FORMATS, "pdf")]
    if unknown:
        raise OidocsError(f"unknown format {unknown[0]!r}; choose docx, md or pdf")


def deal_digest(deal: Deal) -> str:
    """Return the sha256 of the deal as validated (canonical JSON, defaults filled in).

    The same for a deal file, a sheet row or a dict that say the same thing, and different as
    soon as one value differs: ``batch --skip-existing`` compares it to the manifest's.
    """
    import hashlib
    import json

    data = _ready(deal).model_dump(mode="json")
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _deal_file(source_file: str) -> tuple[str, bytes] | None:
    """The deal file's name and bytes, when ``source_file`` is one (not a row label or ``<deal>``)."""
    import os

    from oidocs.content import MAX_DEAL_BYTES, InputError, read_input

    if not os.path.isfile(source_file):
        return None
    try:
        return os.path.basename(source_file), read_input(source_file, MAX_DEAL_BYTES)
    except InputError:
        return None


def manifest(deal: Deal, lang: str, trees: list[Document], files: dict[str, bytes],
             source: tuple[str, bytes] | None = None) -> bytes:
    """Return the pack manifest: every file with its sha256 (review sheet and calendar included), the
    clauses used, the oidocs version, the deal's digest and, when made from a file, that file's sha256."""
    import hashlib
    import json

    from oidocs._version import __version__

    documents = []
    for tree in trees:
        prefix = f"{deal.deal_id}-{tree.doc}-{file_lang(lang)}."
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
    calendar = [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                for name, data in files.items() if name in calendar_names(deal.deal_id)]
    review = [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
              for name, data in files.items() if name == review_name(deal.deal_id, lang)]
    data = {"oidocs": __version__, "deal_id": deal.deal_id, "language": lang, "deal_sha256": deal_digest(deal),
            **({"deal_file": {"name": source[0], "sha256": hashlib.sha256(source[1]).hexdigest()}} if source else {}),
            "documents": documents, **({"review": review[0]} if review else {}),
            **({"calendar": calendar} if calendar else {})}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def calendar_names(deal_id: str) -> tuple[str, str]:
    """Return the deadline calendar's file names: ``{deal_id}-deadlines.ics`` and ``.csv``."""
    return f"{deal_id}-deadlines.ics", f"{deal_id}-deadlines.csv"


def render_calendar(deal: Deal, *, lang: str | None = None, library: Library | None = None,
                    trees: list[Document] | None = None, source_file: str = "<deal>") -> dict[str, bytes]:
    """Return the deadline calendar of the documents a pack of ``deal`` makes: .ics and .csv bytes by name.

    Article numbers come from the document trees (built here unless ``trees`` of the same
    language are given); a bilingual pack's calendar is in its first language.
    """
    from oidocs.calendar.deadlines import calendar_words, deadlines
    from oidocs.calendar.ics import render_ics
    from oidocs.calendar.table import render_csv

    lang = (lang or deal.language).split("+")[0]
    if trees is None or any(t.lang != lang for t in trees):
        trees = [build_document(deal, d, lang, library=library, source_file=source_file) for d in docs_in(deal)]
    items = deadlines(localize(deal, lang, source_file), trees, lang)
    signed = [s for s in (deal.doc_dates(t.doc)[0] for t in trees) if s]
    stamp = max(signed) if signed else dt.date(2000, 1, 1)  # from the deal, never the clock
    name = calendar_words()[lang]["name"].format(deal_id=deal.deal_id)
    ics, csv = calendar_names(deal.deal_id)
    return {ics: render_ics(deal.deal_id, name, items, stamp), csv: render_csv(items)}


def _clause_articles(tree: Document) -> list[tuple[Clause, int]]:
    numbers = {a.clause.id: a.number for a in tree.articles}
    return [(c, numbers.get(c.id, 0)) for c in tree.clauses()]
