"""``oidocs compare``: read two agreements, pair and diff their articles, run the playbook,
and make the issue sheet and the redline. Pure: returns file name -> bytes, writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from oidocs.negotiate.pairing import Pair, pair_two, pair_articles
from oidocs.negotiate.playbook import apply_playbook, load_playbook
from oidocs.negotiate.reader import Agreement, Art, read_agreement
from oidocs.negotiate.sheet import issue_sheet


def compare_names(theirs: str | Path) -> tuple[str, str]:
    """Return the spec's file names: ``{THEIRS stem}-compare.md`` and ``{THEIRS stem}-redline.docx``."""
    stem = Path(theirs).stem
    return f"{stem}-compare.md", f"{stem}-redline.docx"


def compare_files(ours_path: str | Path, theirs_path: str | Path, *, author: str = "Counterparty",
                  playbook: str | Path | None = None, with_redline: bool = True,
                  formatting: bool = False) -> dict[str, bytes]:
    """Compare OURS and THEIRS (DOCX paths); return the issue sheet and (unless told not to) the redline.

    ``formatting``: show formatting-only differences in the redline as revisions too.
    """
    from oidocs.negotiate.prepare import prepare
    from oidocs.negotiate.redline import change_date, redline_prepared, require_engine

    if with_redline:
        require_engine()  # before any work: a missing extra must not cost the user a wait
    ours_bytes, theirs_bytes = _read(ours_path), _read(theirs_path)
    ours = read_agreement(ours_bytes, name=str(ours_path))
    theirs = read_agreement(theirs_bytes, name=str(theirs_path))
    rows = compare_agreements(ours, theirs)
    rules = load_playbook(ours.lang, playbook)
    findings = apply_playbook(rules, rows)
    sheet_name, redline_name = compare_names(theirs_path)
    ready = (prepare(ours_bytes), prepare(theirs_bytes)) if with_redline else None
    notes = {"fields": sum(r.fields for r in ready), "ours_revisions": ready[0].revisions,
             "theirs_revisions": ready[1].revisions} if ready else {}
    files = {sheet_name: issue_sheet(rows, findings, lang=ours.lang, ours_name=Path(ours_path).name,
                                     theirs_name=Path(theirs_path).name,
                                     redline_name=redline_name if with_redline else None,
                                     counts=(len(ours.articles), len(theirs.articles)), notes=notes)}
    if ready:
        files[redline_name] = redline_prepared(ready[0].data, ready[1].data, author=author,
                                               when=change_date(theirs_bytes), formatting=formatting)
    return files


def compare_agreements(ours: Agreement, theirs: Agreement) -> list[Pair]:
    """Every row of the comparison: the preamble, each article (paired or alone), the closing."""
    numbers: dict[int, int] = {}  # their article numbers in ours: a Schedule's references follow a moved article
    articles = pair_articles(ours, theirs, numbers)
    return [pair_two(_part(ours, "preamble"), _part(theirs, "preamble"), ours.lang, numbers), *articles,
            pair_two(_part(ours, "closing"), _part(theirs, "closing"), ours.lang, numbers)]


def _part(agreement: Agreement, which: str) -> Art:
    """The text before (title and preamble) or after the articles, as a pseudo-article."""
    from oidocs.negotiate.reader import Para

    lines = [agreement.title, *agreement.preamble] if which == "preamble" else agreement.closing
    return Art(None, "\x00" + which, "", [Para("", line) for line in lines if line])


def _read(path: str | Path) -> bytes:
    """A DOCX named on the command line, bounded in size (read_agreement then checks its parts)."""
    from oidocs.negotiate.reader import read_docx

    return read_docx(path)
