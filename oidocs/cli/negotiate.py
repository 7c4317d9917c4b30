"""Commands of the negotiation round: compare a counterparty's draft, amend a signed agreement."""

from __future__ import annotations

import click

from oidocs.cli.app import EXAMPLE, formats, main, run


@main.command(help="""Compare our draft with the counterparty's: an issue sheet and a redline.

\b
Example:
  oidocs compare drafts/acme-nano-2026-jda-ja.docx returned/jda-nano-edits.docx --out review

Any two Word files (ours need not come from oidocs). Writes {THEIRS stem}-compare.md (every
article paired, each change inline, the playbook's findings) and {THEIRS stem}-redline.docx
(ours with their changes as tracked changes: Accept All gives theirs, Reject All ours).
The redline needs the optional extra: pip install 'oidocs[compare]'. Differences are not
errors: the exit code is 0.
""")
@click.argument("ours", type=click.Path(dir_okay=False))
@click.argument("theirs", type=click.Path(dir_okay=False))
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the files (created if missing).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--author", default="Counterparty", show_default=True, help="Author of the tracked changes.")
@click.option("--playbook", type=click.Path(dir_okay=False), default=None,
              help="Your playbook (YAML, the shape of templates/playbook.yaml) instead of the built-in one.")
def compare(ours: str, theirs: str, out: str, force: bool, author: str, playbook: str | None) -> None:
    def action() -> None:
        from oidocs.negotiate.compare import compare_files
        from oidocs.run.output import write_files

        files = compare_files(ours, theirs, author=author, playbook=playbook)
        for path in write_files(out, files, force=force):
            click.echo(str(path))
    run(action)
