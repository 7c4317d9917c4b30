"""``oidocs init`` and ``oidocs schema``: a newcomer's first deal file and editor support."""

from __future__ import annotations

import click

from oidocs.cli.app import main, run


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

        from oidocs.deal import starter
        from oidocs.deal.schema import SCHEMA_FILE
        from oidocs.errors import OidocsError, OutputExistsError
        from oidocs.run.output import write_files

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
    run(action)


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

        from oidocs.deal.schema import deal_schema
        from oidocs.run.output import write_files

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
    run(action)
