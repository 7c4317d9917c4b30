"""``oidocs clauses`` and ``oidocs lint``: browsing and checking a clause library."""

from __future__ import annotations

import sys

import click

from oidocs.cli.app import main, run, user_library


@main.group(help="Browse the clause library.")
def clauses() -> None:
    """Browse the clause library."""


@clauses.command(name="list", help="""List clauses: id, version, title, the documents that use them.

\b
Example:
  oidocs clauses list --doc nda
""")
@click.option("--doc", type=click.Choice(["nda", "mou", "poc", "jda", "licence"]), default=None, help="Only this document's.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def clauses_list(doc: str | None, lang: str, library: str | None) -> None:
    def action() -> None:
        from oidocs.clauses.library import Library
        from oidocs.clauses.lint import clause_users

        lib = user_library(library) or Library()
        users = clause_users(lib)
        for clause_id in lib.all_clause_ids():
            docs = users.get(clause_id, [])
            if doc and doc not in docs:
                continue
            cf = lib.clause(clause_id, lang)
            origin = " (user)" if cf.user else ""
            click.echo(f"{clause_id}\t@{cf.version}\t{cf.title}\t{','.join(docs) or '-'}{origin}")
    run(action)


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
        from oidocs.clauses.library import Library
        from oidocs.clauses.lint import clause_users

        lib = user_library(library) or Library()
        cf = lib.clause(clause_id, lang)
        click.echo(f"id: {cf.id}\nversion: {cf.version}\ntitle: {cf.title}\nkind: {cf.kind}")
        click.echo(f"used by: {', '.join(clause_users(lib).get(cf.id, [])) or '-'}\nfile: {cf.file}")
        if cf.note:
            click.echo(f"note: {cf.note}")
        click.echo("")
        click.echo(cf.body.strip("\n"))
    run(action)


@main.command(help="""Check a clause library: both languages, unique ids, references, variables, terms.

\b
Example:
  oidocs lint --library my-clauses

Renders every document for the shipped sample deals in both languages; exit 1 on any problem.
""")
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def lint(library: str | None) -> None:
    def action() -> None:
        from oidocs.clauses.library import Library
        from oidocs.clauses.lint import lint_library

        lib = user_library(library) or Library()
        problems = lint_library(lib)
        for problem in problems:
            click.echo(problem, err=True)
        if problems:
            sys.exit(1)
        click.echo(f"ok: {len(lib.all_clause_ids())} clauses")
    run(action)
