"""The ``oidocs`` command line: a thin layer over :mod:`oidocs.api`.

Commands only declare options and call the library. One error sink (:func:`_run`)
turns every :class:`~oidocs.errors.OidocsError` into lines on standard error and exit
code 1; click reports wrong usage with exit code 2. Heavy modules (python-docx, pydantic,
Jinja2) are imported inside the commands so that ``oidocs --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

import click

EXAMPLE = "examples/acme-nano-ja.yaml"


def _run(action: Callable[[], Any]) -> Any:
    """Run ``action``; print user errors to stderr and exit 1 on any of them."""
    from .errors import OidocsError

    try:
        return action()
    except OidocsError as exc:
        for line in exc.lines():
            click.echo(line, err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted; nothing more was written", err=True)
        sys.exit(130)


def _document_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every document-making command shares (spec: cli.md)."""
    options = [
        click.option("--config", "config", required=True, type=click.Path(dir_okay=False),
                     help="The deal file (YAML)."),
        click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False),
                     help="Folder for the files (created if missing)."),
        click.option("--format", "fmt", type=click.Choice(["docx", "md", "all"]), default="all", show_default=True,
                     help="Which writers run."),
        click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
                     help="Language of the documents [default: the deal's language]."),
        click.option("--force", is_flag=True, help="Replace existing files."),
        click.option("--review", is_flag=True,
                     help="Review mode: deal text highlighted, a comment per clause, drafting notes."),
        click.option("--library", "library", type=click.Path(file_okay=False), default=None,
                     help="A folder of your own clause files that replace built-in ones with the same id."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _formats(fmt: str) -> list[str]:
    return ["docx", "md"] if fmt == "all" else [fmt]


def _library(folder: str | None) -> Any:
    from .library import Library

    return Library(user_dirs=[Path(folder)]) if folder else None


def _make(docs: list[str] | None, config: str, out: str, fmt: str, lang: str | None, force: bool,
          review: bool = False, library: str | None = None) -> None:
    """Render ``docs`` (None: a pack) of the deal in ``config`` and write them all or none."""
    from . import api
    from .output import write_files

    deal = api.read_deal(config)
    lib = _library(library)
    options = {"lang": lang, "formats": _formats(fmt), "review": review, "library": lib, "source_file": config}
    if docs is None:
        files = api.render_pack(deal, **options)
    else:
        files = api.render_files(deal, docs, **options)
    for path in write_files(out, files, force=force):
        click.echo(str(path))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="oidocs", prog_name="oidocs")
def main() -> None:
    """Draft open-innovation agreements from one YAML deal file.

    \b
    An NDA before anything is shown, a memorandum of understanding (基本合意書),
    a paid proof of concept (PoC) and a joint research and development agreement,
    in Japanese and English, as Word (.docx) and Markdown.

    \b
    Example:
      oidocs nda --config examples/acme-nano-ja.yaml --out drafts
    """


def _doc_command(doc: str, summary: str) -> None:
    @main.command(name=doc, help=f"""{summary}

    \b
    Example:
      oidocs {doc} --config {EXAMPLE} --out drafts --lang en

    Writes {{deal_id}}-{doc}-{{lang}}.docx and .md; an existing file is an error unless --force.
    """)
    @_document_options
    def command(config: str, out: str, fmt: str, lang: str | None, force: bool, review: bool,
                library: str | None) -> None:
        _run(lambda: _make([doc], config, out, fmt, lang, force, review, library))


_doc_command("nda", "Make the non-disclosure agreement (秘密保持契約書).")
_doc_command("mou", "Make the memorandum of understanding (基本合意書); needs the mou and ip sections.")
_doc_command("poc", "Make the proof-of-concept agreement (技術検証契約書); needs the poc and ip sections.")
_doc_command("jda", "Make the joint research and development agreement (共同研究開発契約書); needs jda and ip.")


@main.command(help=f"""Make the NDA and every document whose section the deal file has.

\b
Example:
  oidocs pack --config {EXAMPLE} --out drafts

All or nothing: if one document fails, none is written.
""")
@_document_options
def pack(config: str, out: str, fmt: str, lang: str | None, force: bool, review: bool, library: str | None) -> None:
    _run(lambda: _make(None, config, out, fmt, lang, force, review, library))


@main.command(help=f"""Write the review sheet alone: advice, options, clauses, checks.

\b
Example:
  oidocs review --config {EXAMPLE} --out drafts

Writes {{deal_id}}-review-{{lang}}.md.
""")
@click.option("--config", "config", required=True, type=click.Path(dir_okay=False), help="The deal file (YAML).")
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="Language [default: the deal's].")
@click.option("--force", is_flag=True, help="Replace an existing sheet.")
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def review(config: str, out: str, lang: str | None, force: bool, library: str | None) -> None:
    def action() -> None:
        from . import api
        from .output import write_files

        deal = api.read_deal(config)
        lang_ = lang or deal.language
        data = api.render_review(deal, lang=lang_, library=_library(library), source_file=config)
        for path in write_files(out, {api.review_name(deal.deal_id, lang_): data}, force=force):
            click.echo(str(path))
    _run(action)


@main.group(help="Browse the clause library.")
def clauses() -> None:
    """Browse the clause library."""


@clauses.command(name="list", help="""List clauses: id, version, title, the documents that use them.

\b
Example:
  oidocs clauses list --doc nda
""")
@click.option("--doc", type=click.Choice(["nda", "mou", "poc", "jda"]), default=None, help="Only this document's.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def clauses_list(doc: str | None, lang: str, library: str | None) -> None:
    def action() -> None:
        from .library import Library
        from .lint import clause_users

        lib = _library(library) or Library()
        users = clause_users(lib)
        for clause_id in lib.all_clause_ids():
            docs = users.get(clause_id, [])
            if doc and doc not in docs:
                continue
            cf = lib.clause(clause_id, lang)
            origin = " (user)" if cf.user else ""
            click.echo(f"{clause_id}\t@{cf.version}\t{cf.title}\t{','.join(docs) or '-'}{origin}")
    _run(action)


@clauses.command(name="show", help="""Show one clause: its metadata and its text (the template source).

\b
Example:
  oidocs clauses show nda.definitions --lang en
""")
@click.argument("clause_id")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def clauses_show(clause_id: str, lang: str, library: str | None) -> None:
    def action() -> None:
        from .library import Library
        from .lint import clause_users

        lib = _library(library) or Library()
        cf = lib.clause(clause_id, lang)
        click.echo(f"id: {cf.id}\nversion: {cf.version}\ntitle: {cf.title}\nkind: {cf.kind}")
        click.echo(f"used by: {', '.join(clause_users(lib).get(cf.id, [])) or '-'}\nfile: {cf.file}")
        if cf.note:
            click.echo(f"note: {cf.note}")
        click.echo("")
        click.echo(cf.body.strip("\n"))
    _run(action)


@main.command(help="""Check a clause library: both languages, unique ids, references, variables, terms.

\b
Example:
  oidocs lint --library my-clauses

Renders every document for the shipped sample deals in both languages; exit 1 on any problem.
""")
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def lint(library: str | None) -> None:
    def action() -> None:
        from .library import Library
        from .lint import lint_library

        lib = _library(library) or Library()
        problems = lint_library(lib)
        for problem in problems:
            click.echo(problem, err=True)
        if problems:
            sys.exit(1)
        click.echo(f"ok: {len(lib.all_clause_ids())} clauses")
    _run(action)


@main.command(help="""Make a pack per deal file, or per CSV row of a base deal, each into {out}/{deal_id}/.

\b
Examples:
  oidocs batch deals/ --out packs
  oidocs batch --base base.yaml --rows partners.csv --out packs --jobs 2

A PATH is a deal file or a folder of *.yaml. A CSV's header names keys by dotted path
(deal_id, parties.1.name, poc.fee.amount); a list key takes ;-separated values; an empty
cell keeps the base value. A bad deal or row never stops the others; the exit code is 1
if any failed.
""")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", type=click.Path(dir_okay=False), default=None, help="Base deal file for --rows.")
@click.option("--rows", type=click.Path(dir_okay=False), default=None, help="CSV (or .xlsx) of replacements.")
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder.")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "all"]), default="all", show_default=True)
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="Language [default: each deal's].")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--review", is_flag=True, help="Review mode for every document.")
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Parallel processes [default: CPU count].")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch(paths: tuple[str, ...], base: str | None, rows: str | None, out: str, fmt: str, lang: str | None,
          force: bool, review: bool, library: str | None, jobs: int | None, quiet: bool) -> None:
    if bool(paths) == bool(base or rows) or bool(base) != bool(rows):
        raise click.UsageError("give deal files or folders, or --base FILE with --rows FILE.csv")

    def action() -> None:
        from .batch import PackOptions, jobs_from_files, jobs_from_rows, run_batch

        todo = jobs_from_rows(base, rows) if base and rows else jobs_from_files(paths, workers=jobs or os.cpu_count() or 1)
        options = PackOptions(out, tuple(_formats(fmt)), lang, force, review, library)
        show = not quiet and sys.stderr.isatty()
        if show:
            with click.progressbar(length=len(todo), label="packs", file=sys.stderr) as bar:
                result = run_batch(todo, options, workers=jobs, progress=bar.update)
        else:
            result = run_batch(todo, options, workers=jobs)
        for label, problems in result.failed:
            for line in problems:
                click.echo(line, err=True)
        click.echo(result.summary(), err=True)
        _fast_exit(1 if result.failed else 0)
    _run(action)


def _fast_exit(code: int) -> None:
    """End a batch without tearing down the interpreter (a tenth of a second on 100 deals).

    Every file is written and closed by now; only the streams need flushing. Inside a test
    runner (which replaces ``sys.stdout``) it exits the ordinary way.
    """
    if sys.stdout is not sys.__stdout__ or sys.stderr is not sys.__stderr__:
        if code:
            sys.exit(code)
        return
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)


@main.command(help="""Check deal files; write nothing.

\b
Example:
  oidocs validate examples/*.yaml
""")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files: tuple[str, ...]) -> None:
    def action() -> None:
        from . import api
        from .errors import DealError

        failed = False
        for file in files:
            try:
                deal = api.read_deal(file)
            except DealError as exc:
                failed = True
                for line in exc.lines():
                    click.echo(line, err=True)
                continue
            click.echo(f"{file}: ok; pack makes: {', '.join(api.docs_in(deal))}")
        if failed:
            sys.exit(1)
    _run(action)


# ---- Starting a deal: init and schema (the first ten minutes) -------------------------------


@main.command(name="init", help="""Write a starter deal file, every key commented, or ask for the terms.

\b
Example:
  oidocs init --lang en --out deal.yaml
  oidocs init --interactive

The starter validates as it is and makes the NDA; remove the "# " in front of the mou, poc,
jda and ip sections to make those documents too. An existing file is never replaced.
""")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True,
              help="Language of the comments, the questions and the documents.")
@click.option("--out", "out", default="deal.yaml", show_default=True, type=click.Path(dir_okay=False),
              help="The deal file to write; never replaced.")
@click.option("--interactive", "-i", is_flag=True, help="Ask for the deal's terms instead of writing sample values.")
def init_command(lang: str, out: str, interactive: bool) -> None:
    def ask(prompt: str, default: str | None = None) -> str:
        return str(click.prompt(prompt, default=default, show_default=bool(default)))

    def confirm(prompt: str, default: bool = False) -> bool:
        return click.confirm(prompt, default=default)

    def choose(prompt: str, choices: list[str], default: str | None = None) -> str:
        return str(click.prompt(prompt, type=click.Choice(choices), default=default, show_choices=True))

    def action() -> None:
        import shlex
        from pathlib import Path

        from . import starter
        from .errors import OidocsError, OutputExistsError
        from .output import write_files
        from .schema import SCHEMA_FILE

        target = Path(out)
        exists = OidocsError(f"{out}: exists already; nothing was written (choose another --out, or move the file away)")
        if target.exists() or target.is_symlink():
            raise exists
        if interactive:
            text = starter.interactive_deal(ask, confirm, choose, lang, say=click.echo)
        else:
            text = starter.starter_yaml(lang)
        try:
            write_files(target.parent, {target.name: text.encode("utf-8")})
        except OutputExistsError:
            raise exists from None
        deal, schema = shlex.quote(out), shlex.quote(str(target.parent / SCHEMA_FILE))
        what = "the NDA" if not interactive else "the documents you chose"
        click.echo(f"{out}: written; as it is, it makes {what}.")
        click.echo("Next:")
        if not interactive:
            click.echo(f"  edit {deal} (every key is explained in its comments)")
        click.echo(f"  oidocs validate {deal}")
        click.echo(f"  oidocs pack --config {deal} --out drafts")
        click.echo(f"  oidocs schema --out {schema}    # completion and checks in editors (line 1 points at it)")
    _run(action)


@main.command(name="schema", help="""Print the deal file's JSON Schema (draft 2020-12), or write it to FILE.

\b
Example:
  oidocs schema --out deal.schema.json

Editors with yaml-language-server (e.g. VS Code's YAML extension) then complete and check a
deal file whose first line is `# yaml-language-server: $schema=deal.schema.json`, as
`oidocs init` writes it. Rules across keys (dates in order, known party keys, shares summing
to 100) are checked by `oidocs validate` only.
""")
@click.option("--out", "out", default=None, type=click.Path(dir_okay=False),
              help="Write the schema to FILE instead of standard output.")
@click.option("--force", is_flag=True, help="Replace FILE when it exists with other content.")
def schema_command(out: str | None, force: bool) -> None:
    def action() -> None:
        import json
        from pathlib import Path

        from .output import write_files
        from .schema import deal_schema

        text = json.dumps(deal_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if out is None:
            click.echo(text, nl=False)
            return
        target, data = Path(out), text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            click.echo(f"{out}: up to date")
            return
        write_files(target.parent, {target.name: data}, force=force)
        click.echo(out)
    _run(action)


if __name__ == "__main__":  # pragma: no cover
    main()
