"""The ``oidocs`` command line: a thin layer over :mod:`oidocs.api`.

Commands only declare options and call the library. One error sink (:func:`_run`)
turns every :class:`~oidocs.errors.OidocsError` into lines on standard error and exit
code 1; click reports wrong usage with exit code 2. Heavy modules (python-docx, pydantic,
Jinja2) are imported inside the commands so that ``oidocs --help`` starts fast.
"""

from __future__ import annotations

import sys
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
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _formats(fmt: str) -> list[str]:
    return ["docx", "md"] if fmt == "all" else [fmt]


def _make(docs: list[str] | None, config: str, out: str, fmt: str, lang: str | None, force: bool) -> None:
    from . import api
    from .output import write_files

    deal = api.read_deal(config)
    if docs is None:
        files = api.render_pack(deal, lang=lang, formats=_formats(fmt), source_file=config)
    else:
        files = api.render_files(deal, docs, lang=lang, formats=_formats(fmt), source_file=config)
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
    def command(config: str, out: str, fmt: str, lang: str | None, force: bool) -> None:
        _run(lambda: _make([doc], config, out, fmt, lang, force))


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
def pack(config: str, out: str, fmt: str, lang: str | None, force: bool) -> None:
    _run(lambda: _make(None, config, out, fmt, lang, force))


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


if __name__ == "__main__":  # pragma: no cover
    main()
