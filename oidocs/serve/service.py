"""What the web app does, without the web: YAML text in, problems, HTML or file bytes out.

Kept apart from :mod:`oidocs.serve.app` so that the API's behaviour is plain functions over the
library (the same calls the CLI makes) and the web layer only reads requests and writes
responses. Nothing here touches the disk except LibreOffice's own temporary folder when a PDF
is asked for. Every call takes the deal as YAML text, exactly as a deal file holds it, so that
the form, the YAML view and a saved file are one thing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable

from oidocs.api import BILINGUAL, DOCS, LANGS, build_bilingual, build_document, docs_in, render_files, render_pack
from oidocs.clauses.library import Library
from oidocs.content import MAX_DEAL_BYTES
from oidocs.deal.dealfile import parse_deal
from oidocs.deal.localize import localize
from oidocs.deal.model import Deal
from oidocs.deal.yamlsource import Source, load_text
from oidocs.errors import DealError, OidocsError, Problem

SOURCE = "deal.yaml"  # the name problems carry: the form's deal, never a path on the server
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BadRequest(Exception):
    """A request the API cannot serve (an unknown document, language or format): HTTP 400."""


@dataclass
class Service:
    """The API's operations over one clause library (the built-in one, or ``--library DIR``)."""

    library: Library
    _memo: OrderedDict[tuple[str, ...], Any] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # A keystroke brings every tab up to date: the same text is validated, then each document and
    # the review sheet are made from it. The last few results are kept by the text's digest, so
    # the deal is read and each tree assembled once per keystroke, not once per request. The
    # trees are only read by the writers, so sharing them is safe.
    MEMO = 24

    def _cached(self, key: tuple[str, ...], make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = make()  # an error is raised, not kept
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > self.MEMO:
                self._memo.popitem(last=False)
        return value

    def load(self, text: str) -> tuple[Source, Deal]:
        """Parse and validate ``text``; raise DealError with every problem located in it."""
        _check_size(text)

        def make() -> tuple[Source, Deal]:
            source = load_text(text, SOURCE)
            return source, parse_deal(source)
        found: tuple[Source, Deal] = self._cached(("deal", _digest(text)), make)
        return found

    def _tree(self, text: str, deal: Deal, doc: str, lang: str) -> Any:
        if lang in BILINGUAL:
            return self._cached(("pair", _digest(text), doc, lang), lambda: build_bilingual(
                deal, doc, lang, library=self.library, source_file=SOURCE))
        return self._cached(("tree", _digest(text), doc, lang), lambda: build_document(
            deal, doc, lang, library=self.library, source_file=SOURCE))

    def validate(self, text: str) -> dict[str, Any]:
        """Return ``{"problems": [...], "warnings": [...], "docs": [...]}`` for the deal in ``text``."""
        from oidocs.review.checks import check_pack

        try:
            source, deal = self.load(text)
            first = deal.language
            localize(deal, first, SOURCE)
        except DealError as exc:
            return {"problems": [_problem(p) for p in exc.problems], "warnings": [], "docs": []}
        from oidocs.deal.messages import user_lang

        warnings = []
        for found in check_pack(localize(deal, first, SOURCE)):
            path = tuple(int(p) if p.isdigit() else p for p in found.path.split("."))
            line, column = source.locate(path)
            warnings.append(_problem(Problem(SOURCE, line, column, found.path, found.message(user_lang()))))
        from oidocs.deal.script import foreign_problems, foreign_values  # deal text in the other language's script

        warnings += [_problem(p) for p in foreign_problems(foreign_values(deal, first), source, SOURCE)]
        return {"problems": [], "warnings": warnings, "docs": docs_in(deal), "deal_id": deal.deal_id,
                "language": deal.language}

    def preview(self, text: str, doc: str, lang: str | None) -> str:
        """Return document ``doc`` of the deal as an HTML fragment (deal text escaped)."""
        from oidocs.serve.html import bilingual_html, document_html

        if doc not in DOCS:
            raise BadRequest(f"unknown document {doc!r}; choose one of {', '.join(DOCS)}")
        _, deal = self.load(text)
        lang = _lang(lang, deal)
        tree = self._tree(text, deal, doc, lang)
        return bilingual_html(tree) if lang in BILINGUAL else document_html(tree)

    def review(self, text: str, lang: str | None) -> str:
        """Return the review sheet of the deal's pack as HTML."""
        from oidocs.api import render_review
        from oidocs.serve.html import sheet_html

        _, deal = self.load(text)
        lang = _lang(lang, deal)
        trees = [self._tree(text, deal, doc, lang) for doc in docs_in(deal)]
        if lang in BILINGUAL:
            trees = [pair.first for pair in trees]
        markdown = render_review(deal, lang=lang, library=self.library, trees=trees, source_file=SOURCE)
        return sheet_html(markdown.decode("utf-8"))

    def document(self, text: str, doc: str, lang: str | None, fmt: str) -> tuple[str, bytes]:
        """Return (file name, bytes) of one document as DOCX, Markdown or PDF."""
        if doc not in DOCS:
            raise BadRequest(f"unknown document {doc!r}; choose one of {', '.join(DOCS)}")
        if fmt not in ("docx", "md", "pdf"):
            raise BadRequest(f"unknown format {fmt!r}; choose docx, md or pdf")
        _, deal = self.load(text)
        files = render_files(deal, [doc], lang=_lang(lang, deal), formats=[fmt], library=self.library,
                             source_file=SOURCE)
        return next(iter(files.items()))

    def pack(self, text: str, lang: str | None) -> tuple[str, bytes]:
        """Return (zip name, zip bytes): the pack as ``oidocs pack`` writes it, in a folder named by deal_id."""
        _, deal = self.load(text)
        files = render_pack(deal, lang=_lang(lang, deal), library=self.library, source_file=SOURCE)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                info = zipfile.ZipInfo(f"{deal.deal_id}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        return f"{deal.deal_id}-pack.zip", buffer.getvalue()


def to_data(text: str) -> Any:
    """Return the deal in ``text`` as plain JSON-able data (for the form); raise DealError on bad YAML."""
    _check_size(text)
    return load_text(text, SOURCE).data


def to_yaml(data: Any) -> str:
    """Return ``data`` (from the form) as deal-file YAML: keys in the form's order, dates unquoted."""
    import yaml

    def dates(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: dates(v) for k, v in value.items()}
        if isinstance(value, list):
            return [dates(v) for v in value]
        if isinstance(value, str) and _DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value

    if not isinstance(data, dict):
        raise BadRequest("expected a JSON object: the deal's keys")
    return str(yaml.safe_dump(dates(data), allow_unicode=True, sort_keys=False, default_flow_style=False, width=100))


def _check_size(text: str) -> None:
    """Refuse a deal over what the CLI reads from a deal file (the request's own limit is 10 MB)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DEAL_BYTES:
        raise DealError([Problem(SOURCE, None, None, "",
                                 f"is {size:,} bytes, more than the {MAX_DEAL_BYTES:,} an input file may have")])


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _lang(lang: str | None, deal: Deal) -> str:
    lang = lang or deal.language
    if lang not in (*LANGS, *BILINGUAL):
        raise BadRequest(f"unknown language {lang!r}; choose one of {', '.join((*LANGS, *BILINGUAL))}")
    return lang


def _problem(p: Problem) -> dict[str, Any]:
    return {"line": p.line, "column": p.column, "path": p.path, "message": p.message}


def problems_of(exc: OidocsError) -> list[dict[str, Any]]:
    """Return an error's problems as the API reports them (one without a place for any other error)."""
    if isinstance(exc, DealError):
        return [_problem(p) for p in exc.problems]
    return [{"line": None, "column": None, "path": "", "message": str(exc)}]
