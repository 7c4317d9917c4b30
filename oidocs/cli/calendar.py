"""The calendar command: every dated obligation of a deal as {deal_id}-deadlines.ics and .csv."""

from __future__ import annotations

import click

from oidocs.cli.app import EXAMPLE, main, run, user_library


@main.command(help=f"""Write every dated obligation of the deal as a calendar and a sheet.

\b
Example:
  oidocs calendar --config {EXAMPLE} --out drafts

Writes {{deal_id}}-deadlines.ics (one all-day event per deadline; importing a later
calendar of the same deal updates its events) and {{deal_id}}-deadlines.csv (every
deadline with its document and article, and the rule when its date depends on an event).
""")
@click.option("--config", "config", required=True, type=click.Path(dir_okay=False), help="The deal file (YAML).")
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="Language [default: the deal's].")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def calendar(config: str, out: str, lang: str | None, force: bool, library: str | None) -> None:
    def action() -> None:
        from oidocs import api
        from oidocs.run.output import write_files

        deal = api.read_deal(config)
        files = api.render_calendar(deal, lang=lang, library=user_library(library), source_file=config)
        for path in write_files(out, files, force=force):
            click.echo(str(path))
    run(action)
