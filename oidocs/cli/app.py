"""The ``oidocs`` command group and what every command shares.

This module imports no command module: the commands live in sibling modules that import
the group from here and register on it; :mod:`oidocs.cli` imports them all.

Commands only declare options and call the library. One error sink (:func:`_run`)
turns every :class:`~oidocs.errors.OidocsError` into lines on standard error and exit
code 1; click reports wrong usage with exit code 2. Heavy modules (python-docx, pydantic,
Jinja2) are imported inside the commands so that ``oidocs --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import click

EXAMPLE = "examples/acme-nano-ja.yaml"
LANG_CHOICES = ["ja", "en", "ja+en", "en+ja"]  # spec: cli.md, --lang


def run(action: Callable[[], Any]) -> Any:
    """Run ``action``: the one error sink of every command.

    User errors print their lines to stderr, exit 1. Ctrl-C exits 130 and SIGTERM 143, after
    every ``finally`` ran (nothing half-written stays). Any other exception is a bug or an input
    that slipped past every check: one line on stderr, exit 1, never a traceback (unless
    ``OIDOCS_DEBUG=1``).
    """
    import os

    from oidocs.errors import OidocsError, shown, unexpected
    from oidocs.run.pool import Terminated, handle_sigterm

    restore = handle_sigterm()
    try:
        return action()
    except OidocsError as exc:
        for line in exc.lines():
            click.echo(shown(line), err=True)
        sys.exit(exc.exit_code)
    except Terminated:
        click.echo("terminated; nothing more was written", err=True)
        sys.exit(143)
    except (KeyboardInterrupt, click.exceptions.Abort):  # Ctrl-C, also at a prompt (click says Abort)
        click.echo("interrupted; nothing more was written", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `oidocs clauses list | head -1`: the reader has what it wanted
        quiet_stdout()
        sys.exit(0)
    except (click.exceptions.Exit, click.ClickException, SystemExit):
        raise
    except BaseException as exc:
        if os.environ.get("OIDOCS_DEBUG") or not unexpected(exc):
            raise
        text = shown(" ".join(str(exc).split())[:200])
        click.echo(f"oidocs: unexpected error ({type(exc).__name__}{': ' + text if text else ''}); "
                   "nothing more was written (OIDOCS_DEBUG=1 shows the details; please report it)", err=True)
        sys.exit(1)
    finally:
        restore()


def quiet_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit raises nothing more."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


strict_option = click.option(
    "--strict", is_flag=True,
    help="Warnings from the checks across the pack (dates out of order, deadlines outside a term) become "
         "errors: exit 1, nothing written.")


def warn_or_refuse(deal: Any, lang: str | None, source_file: str, strict: bool) -> None:
    """Run the checks across the pack: print each as a warning, or under ``strict`` refuse (exit 1)."""
    from oidocs.errors import shown
    from oidocs.review.checks import enforce, pack_problems

    for line in enforce(pack_problems(deal, lang, source_file), strict):
        click.echo(shown(line), err=True)


def document_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every document-making command shares (spec: cli.md)."""
    options = [
        click.argument("deal_file", required=False, type=click.Path(dir_okay=False), metavar="[DEAL.yaml]"),
        click.option("--config", "config", default=None, type=click.Path(dir_okay=False),
                     help="The deal file (YAML); or give it as the argument; - reads standard input."),
        click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False),
                     help="Folder for the files (created if missing)."),
        click.option("--format", "fmt", type=click.Choice(["docx", "md", "pdf", "all"]), default="all",
                     show_default=True, help="Which writers run; all is docx and md; pdf needs LibreOffice."),
        click.option("--lang", type=click.Choice(LANG_CHOICES), default=None,
                     help="Language of the documents; ja+en / en+ja: one side-by-side (和英併記) document "
                          "per agreement, the first language on the left [default: the deal's language]."),
        click.option("--force", is_flag=True, help="Replace existing files."),
        strict_option,
        click.option("--review", is_flag=True,
                     help="Review mode: deal text highlighted, a comment per clause, drafting notes."),
        click.option("--library", "library", type=click.Path(file_okay=False), default=None,
                     help="A folder of your own clause files that replace built-in ones with the same id."),
    ]
    import functools

    @functools.wraps(func)
    def command(*args: Any, deal_file: str | None = None, config: str | None = None, **kwargs: Any) -> Any:
        return func(*args, config=one_deal_file(deal_file, config), **kwargs)

    for option in reversed(options):
        command = option(command)
    return command


def one_deal_file(argument: str | None, config: str | None) -> str:
    """The deal file given as the argument or as ``--config`` (one of them; ``-`` is standard input)."""
    if argument and config and argument != config:
        raise click.UsageError(f"two deal files given ({argument} and --config {config}); give one")
    if not (argument or config):
        raise click.UsageError("give the deal file: oidocs pack deal.yaml (or --config deal.yaml; - reads standard input)")
    return str(argument or config)


def formats(fmt: str) -> list[str]:
    """Return the writers a ``--format`` value runs (``all`` is DOCX and Markdown, as the spec says)."""
    return ["docx", "md"] if fmt == "all" else [fmt]


def user_library(folder: str | None) -> Any:
    from oidocs.clauses.library import Library

    return Library(user_dirs=[Path(folder)]) if folder else None


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
