"""The clause library and the document definitions, read from files.

A clause is one file per language, ``<root>/<id with dots as folders>.<lang>.md``, with
YAML front matter. Roots are searched in order, so a user's ``--library DIR`` placed
before the built-in library replaces clauses with the same id. Templates are compiled in
one sandboxed Jinja2 environment with ``StrictUndefined`` (:mod:`oidocs.clauses.sandbox`): a
clause can read the deal as plain data but never run code, and a missing name stops the build
instead of printing a blank.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from jinja2 import BaseLoader, StrictUndefined, TemplateSyntaxError, pass_context
from jinja2.runtime import Context

from oidocs.clauses.files import KINDS, ClauseFile, read_clause, read_yaml, tidy_prose
from oidocs.clauses.phrases import PhraseDef, read_phrases
from oidocs.clauses.sandbox import ClauseSandbox, charge, current_budget
from oidocs.content import builtin_root
from oidocs.deal.dealfile import DOCS
from oidocs.errors import ClauseError

__all__ = ["DOCS", "KINDS", "LANGS", "ClauseFile", "DocDef", "Library", "TermDef", "read_clause", "tidy_prose"]

LANGS = ("ja", "en")


@dataclass(frozen=True)
class TermDef:
    """A defined term's wording in one language; ``the`` adds "the" to the English definition.

    ``docs`` holds the wording a document uses instead, as ``(doc, ja, en)``: the document's
    name for itself is 本契約 / "Agreement" everywhere but in the memorandum (本合意書 /
    "Memorandum"), and the shared clauses must say the name of the document they are in.
    """

    key: str
    ja: str
    en: str
    the: bool = True
    docs: tuple[tuple[str, str, str], ...] = ()

    def text(self, lang: str, doc: str | None = None) -> str:
        for name, ja, en in self.docs:
            if name == doc:
                return ja if lang == "ja" else en
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class ArticleSpec:
    """One article or schedule of a document definition: a clause id and the condition that includes it."""

    id: str
    when: str | None = None


@dataclass(frozen=True)
class DocDef:
    """A document definition from ``templates/<doc>.yaml``."""

    doc: str
    titles: dict[str, str]
    preamble: str
    articles: tuple[ArticleSpec, ...]
    closing: str
    schedules: tuple[ArticleSpec, ...]
    file: str


class _TokenSink:
    """Collects the nodes a template emits; finalize replaces each by a marker."""

    OPEN, CLOSE = "\ue000", "\ue001"

    def __init__(self, to_node: Callable[[Any], Any]) -> None:
        self.nodes: list[Any] = []
        self.to_node = to_node
        self.as_is: frozenset[type] = getattr(to_node, "unchanged", frozenset())  # what to_node returns unchanged
        budget = current_budget()  # the rendering's budget, looked up once instead of per printed value
        self.charge = charge if budget is None else budget.charge

    def add(self, value: Any) -> str:
        node = value if type(value) in self.as_is else self.to_node(value)
        if type(node) is tuple:
            return "".join([self._put(part) for part in node])
        self.charge(1 + len(getattr(node, "text", "")))  # _put, written out: most printed values are one node
        self.nodes.append(node)
        return f"\ue000{len(self.nodes) - 1}\ue001"

    def _put(self, node: Any) -> str:
        self.charge(1 + len(getattr(node, "text", "")))
        self.nodes.append(node)
        return f"\ue000{len(self.nodes) - 1}\ue001"


# The sink of the clause being rendered. Not a template variable: a clause must not reach it.
_SINK: contextvars.ContextVar[_TokenSink | None] = contextvars.ContextVar("oidocs_clause_sink", default=None)


@pass_context  # never folded at compile time: every printed value goes to the sink at render time
def _finalize(context: Context, value: Any) -> str:
    sink = _SINK.get()
    if sink is None:  # expression evaluation outside a clause
        return str(value)
    return sink.add(value)


class _Loader(BaseLoader):
    def __init__(self, library: Library) -> None:
        self.library = library

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        clause_id, lang = template.rsplit(":", 1)
        clause = self.library.clause(clause_id, lang)
        return clause.body, clause.file, lambda: True


class Library:
    """Clause files and document definitions from one or more roots (user roots first)."""

    def __init__(self, user_dirs: list[Path] | None = None, base: Path | None = None) -> None:
        base = base or builtin_root()
        self.builtin = base / "clause_library"
        self.templates_dir = base / "templates"
        self.user_dirs = [Path(d) for d in (user_dirs or [])]
        for d in self.user_dirs:
            if not d.is_dir():
                raise ClauseError(file=str(d), message="--library: no such folder")
        self.roots = [*self.user_dirs, self.builtin]
        self._clauses: dict[tuple[str, str], ClauseFile] = {}
        self._docs: dict[str, DocDef] = {}
        self._expressions: dict[str, Callable[..., Any]] = {}
        self._titles: dict[str, Any] = {}
        self._templates: dict[tuple[str, str], Any] = {}  # compiled once per library (Jinja2's own cache is an LRU)
        self._ids: list[str] | None = None

    # --- clauses ------------------------------------------------------------------------

    def clause_path(self, clause_id: str, lang: str) -> tuple[Path, bool] | None:
        """Return the file of ``clause_id`` in ``lang`` and whether it is a user file."""
        rel = Path(*clause_id.split(".")).with_suffix("")
        for root in self.roots:
            path = root / rel.parent / f"{rel.name}.{lang}.md"
            if path.is_file():
                if root != self.builtin:
                    inside(path, root)
                return path, root != self.builtin
        return None

    def clause(self, clause_id: str, lang: str, *, needed_by: str = "") -> ClauseFile:
        """Return the clause ``clause_id`` in ``lang``; raise ClauseError if it is missing or broken."""
        key = (clause_id, lang)
        if key not in self._clauses:
            found = self.clause_path(clause_id, lang)
            if found is None:
                raise ClauseError(file=needed_by or str(self.builtin),
                                  message=f"clause {clause_id!r} has no {lang} file in the clause library")
            self._clauses[key] = read_clause(found[0], lang, user=found[1])
            if self._clauses[key].id != clause_id:
                raise ClauseError(file=str(found[0]), line=2,
                                  message=f"front matter id {self._clauses[key].id!r} does not match the file's place ({clause_id!r})")
        return self._clauses[key]

    def all_clause_ids(self) -> list[str]:
        """Return every clause id found in any root, sorted (the folders are scanned once)."""
        if self._ids is None:
            self._ids = self._scan_ids()
        return self._ids

    def _scan_ids(self) -> list[str]:
        ids = set()
        for root in self.roots:
            for path in root.rglob("*.md"):
                parts = path.name.split(".")
                if len(parts) == 3 and parts[1] in LANGS:
                    rel = path.relative_to(root).with_name(parts[0])
                    ids.add(".".join(rel.parts))
        return sorted(ids)

    def template(self, clause_id: str, lang: str) -> Any:
        """Return the compiled Jinja2 template of a clause."""
        key = (clause_id, lang)
        if key in self._templates:
            return self._templates[key]
        clause = self.clause(clause_id, lang)
        try:
            self._templates[key] = self.env.get_template(f"{clause_id}:{lang}")
            return self._templates[key]
        except TemplateSyntaxError as exc:
            raise ClauseError(file=clause.file, line=exc.lineno, message=f"template error: {exc.message}") from None
        except (SyntaxError, RecursionError, MemoryError) as exc:  # Python's own limits on the compiled code
            why = " ".join(str(getattr(exc, "msg", "") or exc).split())[:80] or type(exc).__name__
            raise ClauseError(file=clause.file, message=f"the clause is nested too deeply to compile ({why}); "
                                                        "use fewer nested brackets, blocks or loops") from None

    @cached_property
    def env(self) -> ClauseSandbox:
        """The one Jinja2 environment: sandboxed, strict, no autoescape, finalize to tokens."""
        return ClauseSandbox(
            loader=_Loader(self),
            bytecode_cache=_bytecode_cache(),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            autoescape=False,
            finalize=_finalize,
            auto_reload=False,
        )

    def expression(self, source: str) -> Callable[..., Any]:
        """Return the compiled ``when`` expression ``source`` (compiled once per library)."""
        if source not in self._expressions:
            self._expressions[source] = self.env.compile_expression(source)
        return self._expressions[source]

    def title(self, source: str, context: dict[str, Any]) -> str:
        """Render a document title of the definition (plain text, or Jinja that words it from the deal).

        A licence is titled by the rights it licenses (特許・ノウハウ, Patent and Software, ...), so
        the document definition may compute its title; deal values come out as plain text.
        """
        if "{" not in source:
            return source
        if source not in self._titles:
            self._titles[source] = self.env.from_string(source)
        return " ".join(self._titles[source].render(**context).split())

    def names(self, context: dict[str, Any]) -> dict[str, Any]:
        """The environment's globals and ``context`` merged: a document's clauses all render on them
        (:meth:`render` with ``merged=True``), so the assembler merges once per document, not per clause."""
        return {**self.env.globals, **context}

    def render(self, template: Any, context: dict[str, Any], to_node: Callable[[Any], Any], *,
               merged: bool = False) -> tuple[str, list[Any]]:
        """Render a clause template; return its text (with node markers) and the nodes it printed.
        ``merged``: ``context`` already holds the environment's globals (from :meth:`names`)."""
        sink = _TokenSink(to_node)
        token = _SINK.set(sink)
        # What Template.render does, with one copy of the names instead of three: the names are
        # shared (a clause's {% set %} writes to its own Context.vars, never to these names).
        names = context if merged else {**self.env.globals, **context}
        try:
            run = self.env.context_class(self.env, names, template.name, template.blocks)
            return self.env.concat(template.root_render_func(run)), sink.nodes
        except Exception:
            self.env.handle_exception()  # re-raised with the clause's own lines in the traceback
        finally:
            _SINK.reset(token)

    # --- terms --------------------------------------------------------------------------

    @cached_property
    def terms(self) -> dict[str, TermDef]:
        """Return every defined term from ``terms.yaml`` files (user roots override)."""
        found: dict[str, TermDef] = {}
        for root in reversed(self.roots):
            in_root: dict[str, TermDef] = {}
            for path in sorted(root.rglob("terms.yaml")):
                if root != self.builtin:
                    inside(path, root)
                data = read_yaml(path)
                if not isinstance(data, dict):
                    raise ClauseError(file=str(path), message="expected a mapping of term keys")
                for key, value in data.items():
                    term = _term(path, key, value)
                    if in_root.get(key, term) != term:
                        raise ClauseError(file=str(path), message=f"term {key!r} is worded differently in another terms.yaml")
                    in_root[key] = term
            found.update(in_root)
        return found

    @cached_property
    def review_words(self) -> dict[str, dict[str, str]]:
        """Return the review sheet's fixed words per language (``templates/review.yaml``)."""
        data = read_yaml(self.templates_dir / "review.yaml")
        if not isinstance(data, dict):
            raise ClauseError(file=str(self.templates_dir / "review.yaml"), message="expected a mapping of languages")
        return {str(lang): {str(k): str(v) for k, v in words.items()} for lang, words in data.items()}

    @cached_property
    def phrases(self) -> dict[str, PhraseDef]:
        """Return the phrase table (``clause_library/phrases.yaml``; a user root's table overrides)."""
        paths = []
        for root in reversed(self.roots):
            path = root / "phrases.yaml"
            if path.is_file():
                if root != self.builtin:
                    inside(path, root)
                paths.append(path)
        return read_phrases(paths)

    @cached_property
    def advice(self) -> dict[str, Any]:
        """Return the advice wording of ``templates/advice.yaml``."""
        data = read_yaml(self.templates_dir / "advice.yaml")
        if not isinstance(data, dict):
            raise ClauseError(file=str(self.templates_dir / "advice.yaml"), message="expected a mapping of rules")
        return data

    # --- document definitions -----------------------------------------------------------

    def document(self, doc: str) -> DocDef:
        """Return the definition of ``doc`` from ``templates/<doc>.yaml``."""
        if doc not in self._docs:
            self._docs[doc] = read_docdef(self.templates_dir / f"{doc}.yaml", doc)
        return self._docs[doc]


def _bytecode_cache() -> Any:
    """A per-user cache of compiled clause templates (compiling is most of a cold start).

    Entries are verified and keyed by each clause's source (:func:`oidocs.cache.bytecode_cache`),
    so an edited clause is compiled again; the folder name carries a hash of this module and of
    the sandbox, where the environment's options and generated code are set, and Jinja2's
    version, so changing any of them starts a fresh cache.
    """
    import hashlib

    import jinja2

    from oidocs.cache import bytecode_cache
    from oidocs.clauses import sandbox

    code = Path(__file__).read_bytes() + Path(sandbox.__file__).read_bytes()
    recipe = hashlib.sha256(code + jinja2.__version__.encode()).hexdigest()[:12]
    return bytecode_cache(f"jinja-{recipe}")


def inside(path: Path, root: Path) -> None:
    """Refuse a user's clause file that is a link to a file outside its library folder.

    A library may come from someone else (an archive, a shared folder); a link in it to
    ``~/.ssh/id_rsa`` or another client's deal must not be read into a document or a message.
    """
    try:
        if path.resolve().is_relative_to(root.resolve()):
            return
    except (OSError, RuntimeError):  # a loop of links
        pass
    raise ClauseError(file=str(path), message="is a symbolic link to a file outside the library folder; "
                                              "copy the file into the library instead")


def _term(path: Path, key: Any, value: Any) -> TermDef:
    if not isinstance(value, dict) or not isinstance(value.get("ja"), str) or not isinstance(value.get("en"), str):
        raise ClauseError(file=str(path), message=f"term {key!r} needs ja and en wording")
    docs = value.get("in", {})
    if not isinstance(docs, dict) or not all(
        isinstance(w, dict) and isinstance(w.get("ja"), str) and isinstance(w.get("en"), str) for w in docs.values()
    ):
        raise ClauseError(file=str(path), message=f"term {key!r}: 'in' maps a document to its ja and en wording")
    return TermDef(
        key=str(key), ja=value["ja"], en=value["en"], the=bool(value.get("en_the", True)),
        docs=tuple((str(d), w["ja"], w["en"]) for d, w in sorted(docs.items())),
    )


def read_docdef(path: Path, doc: str) -> DocDef:
    """Read and check a document definition."""
    if not path.is_file():
        raise ClauseError(file=str(path), message=f"no document definition for {doc!r}")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ClauseError(file=str(path), message="expected a mapping")
    try:
        titles = data["title"]
        assert isinstance(titles, dict) and all(isinstance(titles.get(lang), str) for lang in LANGS)
        return DocDef(
            doc=doc, titles=titles, preamble=str(data["preamble"]), articles=_specs(data["articles"]),
            closing=str(data["closing"]), schedules=_specs(data.get("schedules") or ()),
            file=str(path),
        )
    except (KeyError, AssertionError, TypeError):
        raise ClauseError(file=str(path), message=(
            "a document definition has title (ja, en), preamble, articles (ids or {id, when}), closing, "
            "and optional schedules (ids or {id, when})")) from None


def _specs(entries: Any) -> tuple[ArticleSpec, ...]:
    """Read a list of clause ids or ``{id, when}`` maps (articles and schedules alike)."""
    assert isinstance(entries, (list, tuple))
    specs = []
    for entry in entries:
        if isinstance(entry, str):
            specs.append(ArticleSpec(entry))
        else:
            assert isinstance(entry, dict) and set(entry) <= {"id", "when"}
            when = entry.get("when")
            specs.append(ArticleSpec(str(entry["id"]), None if when is None else str(when)))
    return tuple(specs)
