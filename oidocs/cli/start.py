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
        # An empty answer comes back as "" (not a silent repeat): the starter says why it asks again.
        return str(click.prompt(prompt, default=default if default is not None else "", show_default=bool(default)))

    def action() -> None:
        import shlex
        from pathlib import Path

        from oidocs.deal import starter
        from oidocs.deal.schema import SCHEMA_FILE
        from oidocs.errors import OidocsError, OutputExistsError
        from oidocs.run.output import write_files

        from oidocs.deal.messages import user_lang

        # The questions speak --lang; what is said outside them (before, and after a plain starter)
        # speaks the user's language (OIDOCS_LANG, the locale).
        t = starter.question_data(lang if interactive else user_lang())
        target = Path(out)
        exists = OidocsError(starter.question_data(user_lang())["err_exists"].format(out=out))
        if target.exists() or target.is_symlink():
            raise exists
        if interactive:
            confirm, choose = starter.prompt_front_end(ask, lang, say=click.echo)
            try:
                text = starter.interactive_deal(ask, confirm, choose, lang, say=click.echo)
            except (click.exceptions.Abort, KeyboardInterrupt, EOFError):  # Ctrl-C, Ctrl-D: stop quietly
                click.echo("", err=True)
                click.echo(t["interrupted"], err=True)
                raise SystemExit(130) from None
        else:
            text = starter.starter_yaml(lang)
        try:
            write_files(target.parent, {target.name: text.encode("utf-8")})
        except OutputExistsError:
            raise exists from None
        deal, schema = shlex.quote(out), shlex.quote(str(target.parent / SCHEMA_FILE))
        click.echo(t["written"].format(out=out, what=t["what_chosen" if interactive else "what_nda"]))
        click.echo(t["next"])
        if not interactive:
            click.echo(t["next_edit"].format(deal=deal))
        click.echo(f"  oidocs validate {deal}")
        click.echo(f"  oidocs pack --config {deal} --out drafts")
        click.echo(t["next_schema"].format(schema=schema))
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
