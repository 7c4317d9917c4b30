"""Commands of the negotiation round: compare a counterparty's draft, amend a signed agreement."""

from __future__ import annotations

from typing import Any

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
@click.option("--formatting", is_flag=True,
              help="Show formatting-only differences (fonts, spacing) in the redline too; off by default, "
                   "because a file saved by another word processor differs in every paragraph.")
def compare(ours: str, theirs: str, out: str, force: bool, author: str, playbook: str | None,
            formatting: bool) -> None:
    def action() -> None:
        from oidocs.negotiate.compare import compare_files
        from oidocs.run.output import write_files

        files = compare_files(ours, theirs, author=author, playbook=playbook, formatting=formatting)
        for path in write_files(out, files, force=force):
            click.echo(str(path))
    run(action)


@main.command(help=f"""Make an amendment agreement (変更契約書) to document DOC as made from OLD, into NEW's.

\b
Example:
  oidocs amend --from signed.yaml --to {EXAMPLE} --doc jda --effective 2027-10-01 --out drafts

Writes {{deal_id}}-{{doc}}-amendment-{{lang}}.docx and .md: the original named by title, parties
and date; each changed article restated in full (articles added or deleted); the effective
date (--effective, else NEW's date for the document); everything else unchanged. Refused
(exit 1) when the two files differ in deal_id or parties, or when DOC does not change.
""")
@click.option("--from", "old", required=True, type=click.Path(dir_okay=False), help="The deal file the signed document was made from.")
@click.option("--to", "new", required=True, type=click.Path(dir_okay=False), help="The deal file as it now stands.")
@click.option("--doc", required=True, type=click.Choice(["nda", "mou", "poc", "jda", "licence"]), help="The document amended.")
@click.option("--effective", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day the amendment takes effect (YYYY-MM-DD).")
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the files (created if missing).")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "all"]), default="all", show_default=True,
              help="Which writers run.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Language of the amendment [default: the deal's language].")
@click.option("--force", is_flag=True, help="Replace existing files.")
def amend(old: str, new: str, doc: str, effective: Any, out: str, fmt: str, lang: str | None, force: bool) -> None:
    def action() -> None:
        from oidocs.negotiate.amend import amend_files
        from oidocs.run.output import write_files

        files = amend_files(old, new, doc, lang=lang, formats=tuple(formats(fmt)),
                            effective=effective.date() if effective else None)
        click.echo(f"warning: {new}: each changed article is restated as oidocs makes it from the deal file, "
                   "not from the signed DOCX: check it against the signed text, where wording negotiated "
                   "before signing may differ (oidocs compare SIGNED.docx the amended draft shows where)",
                   err=True)
        for path in write_files(out, files, force=force):
            click.echo(str(path))
    run(action)
