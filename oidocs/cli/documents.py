"""Commands that make documents from a deal file: nda, mou, poc, jda, pack, review, batch, validate."""

from __future__ import annotations

import os
import sys

import click

from oidocs.cli.app import (
    EXAMPLE,
    LANG_CHOICES,
    document_options,
    formats,
    main,
    run,
    strict_option,
    user_library,
    warn_or_refuse,
)


def _make(docs: list[str] | None, config: str, out: str, fmt: str, lang: str | None, force: bool,
          review: bool = False, library: str | None = None, strict: bool = False) -> None:
    """Render ``docs`` (None: a pack) of the deal in ``config`` and write them all or none."""
    from oidocs import api
    from oidocs.run.output import write_files

    deal = api.read_deal(config)
    warn_or_refuse(deal, lang, config, strict)
    lib = user_library(library)
    options = {"lang": lang, "formats": formats(fmt), "review": review, "library": lib, "source_file": config}
    if docs is None:
        files = api.render_pack(deal, **options)
    else:
        # A deal that is a licence alone gets its review sheet and deadlines from `oidocs licence`, as from pack.
        alone = docs == ["licence"] and [d for d in api.docs_in(deal) if d != "nda"] == ["licence"]
        files = api.render_files(deal, docs, sheets=alone, **options)
    for path in write_files(out, files, force=force):
        click.echo(str(path))



def _doc_command(doc: str, summary: str, extra: str = "") -> None:
    @main.command(name=doc, help=f"""{summary}

    \b
    Example:
      oidocs {doc} --config {EXAMPLE} --out drafts --lang en

    Writes {{deal_id}}-{doc}-{{lang}}.docx and .md (--format pdf: .pdf, made with
    LibreOffice); an existing file is an error unless --force. --lang ja+en writes one
    side-by-side document, {{deal_id}}-{doc}-ja-en.docx.{extra}
    """)
    @document_options
    def command(config: str, out: str, fmt: str, lang: str | None, force: bool, strict: bool, review: bool,
                library: str | None) -> None:
        run(lambda: _make([doc], config, out, fmt, lang, force, review, library, strict))


_doc_command("nda", "Make the non-disclosure agreement (秘密保持契約書).")
_doc_command("mou", "Make the memorandum of understanding (基本合意書); needs the mou and ip sections.")
_doc_command("poc", "Make the proof-of-concept agreement (技術検証契約書); needs the poc and ip sections.")
_doc_command("jda", "Make the joint research and development agreement (共同研究開発契約書); needs jda and ip.")
_doc_command("licence", "Make the licence agreement (ライセンス契約書); needs the licence section.",
             "\n    For a deal that is a licence alone, also the review sheet\n    {deal_id}-review-{lang}.md and the deadline register {deal_id}-deadlines.ics and .csv.")


@main.command(help=f"""Make the NDA and every document whose section the deal file has.

\b
Example:
  oidocs pack --config {EXAMPLE} --out drafts

All or nothing: if one document fails, none is written.
""")
@document_options
def pack(config: str, out: str, fmt: str, lang: str | None, force: bool, strict: bool, review: bool,
         library: str | None) -> None:
    run(lambda: _make(None, config, out, fmt, lang, force, review, library, strict))


@main.command(help=f"""Write the review sheet alone: advice, options, clauses, checks.

\b
Example:
  oidocs review --config {EXAMPLE} --out drafts

Writes {{deal_id}}-review-{{lang}}.md.
""")
@click.option("--config", "config", required=True, type=click.Path(dir_okay=False), help="The deal file (YAML).")
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder.")
@click.option("--lang", type=click.Choice(LANG_CHOICES), default=None, help="Language [default: the deal's].")
@click.option("--force", is_flag=True, help="Replace an existing sheet.")
@strict_option
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
def review(config: str, out: str, lang: str | None, force: bool, strict: bool, library: str | None) -> None:
    def action() -> None:
        from oidocs import api
        from oidocs.run.output import write_files

        deal = api.read_deal(config)
        lang_ = lang or deal.language
        warn_or_refuse(deal, lang_, config, strict)
        data = api.render_review(deal, lang=lang_, library=user_library(library), source_file=config)
        for path in write_files(out, {api.review_name(deal.deal_id, lang_): data}, force=force):
            click.echo(str(path))
    run(action)


@main.command(help="""Make a pack per deal file, or per CSV row of a base deal, each into {out}/{deal_id}/.

\b
Examples:
  oidocs batch deals/ --out packs
  oidocs batch --base base.yaml --rows partners.csv --out packs --jobs 2

A PATH is a deal file or a folder of *.yaml. A CSV's header names keys by dotted path
(deal_id, parties.1.name, poc.fee.amount; list entries count from 0: parties.1 is the second
party); a list key takes ;-separated values; an empty cell keeps the base value, except a
party's key, name, address or representative and deal_id, which every row must give. Rows are
named by their line in the file (the header is line 1). A bad deal or row never stops the
others; the exit code is 1 if any failed. {out}/batch-report.csv lists each deal's source,
deal id, status (made, skipped, failed) and folder.

\b
A stopped or partly failed batch: run it again with --skip-existing.
Many machines: --shard K/N on each (K = 1..N), e.g. a Slurm array or GNU parallel:
  parallel oidocs batch deals/ --out packs --skip-existing --shard {}/4 ::: 1 2 3 4
""")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", type=click.Path(dir_okay=False), default=None, help="Base deal file for --rows.")
@click.option("--rows", type=click.Path(dir_okay=False), default=None, help="CSV (or .xlsx) of replacements.")
@click.option("--out", "out", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder.")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "pdf", "all"]), default="all", show_default=True,
              help="Which writers run; all is docx and md; pdf needs LibreOffice (one converter per worker).")
@click.option("--lang", type=click.Choice(LANG_CHOICES), default=None, help="Language [default: each deal's].")
@click.option("--force", is_flag=True, help="Replace existing files.")
@strict_option
@click.option("--review", is_flag=True, help="Review mode for every document.")
@click.option("--library", "library", type=click.Path(file_okay=False), default=None, help="Your clause folder.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, callback=lambda ctx, param, value: _jobs(value),
              help="Parallel processes [default: CPU count; at most CPU count x 4].")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--skip-existing", is_flag=True,
              help="Skip a deal whose complete pack is in --out already (its manifest matches): re-run a stopped "
                   "or partly failed batch without --force.")
@click.option("--shard", default=None, metavar="K/N", callback=lambda ctx, param, value: _shard(value),
              help="Make only the K-th of N equal shares of the deals (a stable order), for array jobs or GNU parallel.")
def batch(paths: tuple[str, ...], base: str | None, rows: str | None, out: str, fmt: str, lang: str | None,
          force: bool, strict: bool, review: bool, library: str | None, jobs: int | None, quiet: bool,
          skip_existing: bool, shard: tuple[int, int] | None) -> None:
    if bool(paths) == bool(base or rows) or bool(base) != bool(rows):
        raise click.UsageError("give deal files or folders, or --base FILE with --rows FILE.csv")
    if skip_existing and force:
        raise click.UsageError("--skip-existing and --force contradict each other; choose one")

    def action() -> None:
        from oidocs.errors import shown
        from oidocs.run.batch import PackOptions, run_batch
        from oidocs.run.jobs import jobs_from_files, jobs_from_rows
        from oidocs.run.report import BatchReport

        known: frozenset[tuple[str, str]] = frozenset()
        if base and rows:
            known = _base_warnings(base, lang, strict)
            todo = jobs_from_rows(base, rows, shard)
        else:
            todo = jobs_from_files(paths, shard=shard)
        options = PackOptions(out, tuple(formats(fmt)), lang, force, review, library, strict, skip_existing, known)
        show = not quiet and sys.stderr.isatty()
        with BatchReport(out, shard) as report:  # rows written as deals are done: nothing kept per deal
            if show:
                with click.progressbar(length=len(todo), label="packs", file=sys.stderr) as bar:
                    result = run_batch(todo, options, workers=jobs, progress=bar.update, report=report)
            else:
                result = run_batch(todo, options, workers=jobs, report=report)
            for label, lines in result.warned:
                for line in lines:
                    click.echo(shown(line), err=True)
            for label, problems in result.failed:
                for line in problems:
                    click.echo(shown(line), err=True)
            click.echo(result.summary(), err=True)
            written = report.finish()
        click.echo(f"{len(result.made)} made, {len(result.skipped)} skipped (complete already), "
                   f"{len(result.failed)} failed; report: {written}")
        _fast_exit(1 if result.failed else 0)
    run(action)


def _base_warnings(base: str, lang: str | None, strict: bool) -> frozenset[tuple[str, str]]:
    """The checks across the pack of a --rows batch's base deal: printed once, at the base file.

    Under --strict they stop the batch (every row would fail with them). Returned as (path,
    message) so that each row reports only the findings its own cells cause.
    """
    from oidocs import api
    from oidocs.review.checks import enforce

    found = api.check_pack(api.read_deal(base), lang=lang, source_file=base)
    for line in enforce(found, strict):
        click.echo(line, err=True)
    return frozenset((p.path, p.message) for p in found)


def _shard(value: str | None) -> tuple[int, int] | None:
    """``--shard K/N``: 1 <= K <= N, else a usage error (exit 2)."""
    if value is None:
        return None
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter(f"{value!r}: write K/N, e.g. 2/4 (the 2nd of 4 shares)", param_hint="'--shard'") from None
    if not 1 <= k <= n:
        raise click.BadParameter(f"{value!r}: K must be between 1 and N", param_hint="'--shard'")
    return k, n


def _jobs(value: int | None) -> int | None:
    """``--jobs`` above CPU count x 4 is a usage error (exit 2): it only adds memory and contention."""
    from oidocs.run.pool import max_jobs

    if value is not None and value > max_jobs():
        raise click.BadParameter(f"at most {max_jobs()} on this machine (CPU count x 4)", param_hint="'--jobs'")
    return value


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


@main.command(help="""Check deal files and the dates across each pack; write nothing.

Warnings from the checks across the pack (stages signed the same day or out of order, a PoC
report due after the joint research starts...) go to standard error; --strict makes them errors.

\b
Example:
  oidocs validate examples/*.yaml --strict
""")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@strict_option
def validate(files: tuple[str, ...], strict: bool) -> None:
    def action() -> None:
        from oidocs import api
        from oidocs.deal.dealfile import incomplete_sections
        from oidocs.errors import DealError, shown
        from oidocs.review.checks import enforce, pack_problems

        failed = False
        for file in files:
            try:
                deal = api.read_deal(file)
                incomplete = incomplete_sections(deal, file)
                if incomplete:
                    raise DealError(incomplete)
                warnings = enforce(pack_problems(deal, None, file), strict)
            except DealError as exc:
                failed = True
                for line in exc.lines():
                    click.echo(shown(line), err=True)
                continue
            for line in warnings:
                click.echo(shown(line), err=True)
            found = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'} across the pack" if warnings else "ok"
            click.echo(f"{file}: {found}; pack makes: {', '.join(api.docs_in(deal))}")
        if failed:
            sys.exit(1)
    run(action)
