"""The issue sheet of a comparison: every article paired, each change inline, the findings.

Changes are shown as ``<del>…</del>`` and ``<ins>…</ins>`` rather than ``~~…~~`` and
``**…**``: Markdown's emphasis rules do not open or close next to Japanese punctuation
(「**変更**」 stays literal), while the HTML tags work in every script and read like a
redline. Every piece of document text is escaped, so that nothing in a counterparty's
file acts as Markdown.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from oidocs._version import __version__
from oidocs.clauses.library import tidy_prose
from oidocs.content import templates_path
from oidocs.negotiate.align import INSERTED, MOVED, Change, Loc
from oidocs.negotiate.pairing import CHANGED, ONLY_OURS, ONLY_THEIRS, UNCHANGED, Pair, where
from oidocs.negotiate.reader import Art
from oidocs.negotiate.playbook import Finding
from oidocs.writers.markdown import escape

STATUSES = (UNCHANGED, CHANGED, ONLY_OURS, ONLY_THEIRS)


@lru_cache(maxsize=1)
def sheet_words() -> dict[str, dict[str, str]]:
    """Return the sheet's words per language (``templates/compare.yaml``)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
    data: dict[str, dict[str, str]] = yaml.load(templates_path("compare.yaml").read_text(encoding="utf-8"), Loader=loader)
    return data


def issue_sheet(rows: list[Pair], findings: list[Finding], *, lang: str, ours_name: str, theirs_name: str,
                redline_name: str | None, counts: tuple[int, int], notes: dict[str, int] | None = None) -> bytes:
    """Return the issue sheet as Markdown bytes, in ``lang`` (the language of our document)."""
    w = sheet_words()[lang]
    tally = {s: sum(1 for r in rows if r.status == s and _is_article(r)) for s in STATUSES}
    out = [f"# {w['title']}: {escape(theirs_name)}", "",
           tidy_prose(w["intro"].format(ours=_file(ours_name), theirs=_file(theirs_name), v=__version__)), "",
           w["summary"].format(ours=counts[0], theirs=counts[1], **tally), ""]
    if redline_name:
        out += [w["redline"].format(redline=_file(redline_name)), ""]
        for key in ("fields", "theirs_revisions", "ours_revisions"):
            if (notes or {}).get(key):
                out += [w[f"note_{key}"].format(n=(notes or {})[key]), ""]

    by_row: dict[int, list[int]] = {}
    for n, f in enumerate(findings, start=1):
        by_row.setdefault(id(f.row), []).append(n)
    numbers = {id(r): n for n, r in enumerate((r for r in rows if r.status != UNCHANGED), start=1)}

    out += [f"## {w['articles']}", "",
            f"| {w['n']} | {w['ours']} | {w['theirs']} | {w['status']} | {w['findings']} |", "|---|---|---|---|---|"]
    for row in rows:
        change = f"[{numbers[id(row)]}](#c{numbers[id(row)]})" if id(row) in numbers else ""
        marks = ", ".join(f"[F{n}](#f{n})" for n in by_row.get(id(row), []))
        status = w[row.status] + (w["moved_mark"] if row.moved else "")
        out.append(f"| {change} | {_cite(row, 'ours', lang, w)} | {_cite(row, 'theirs', lang, w)} | "
                   f"{status} | {marks} |")
    out.append("")

    out += [f"## {w['changes']}", "", w["legend"], ""]
    renumbered = sum(r.renumbered for r in rows)
    if renumbered:
        out += [w["renumbered"].format(n=renumbered), ""]
    if not numbers:
        out += [w["no_changes"], ""]
    for row in rows:
        if id(row) not in numbers:
            continue
        n = numbers[id(row)]
        moved = w["moved_mark"] if row.moved else ""
        out += [f'### <a id="c{n}"></a>{n}. {_cite(row, "ours", lang, w)} → {_cite(row, "theirs", lang, w)}{moved}', ""]
        out += [_change(row, change, lang, w) for change in row.changes]
        out.append("")
    out += [f"## {w['playbook']}", ""]
    if not findings:
        out += [w["no_findings"], ""]
    for n, f in enumerate(findings, start=1):
        sep = "／" if lang == "ja" else " / "
        where = f"{w['ours']}: {_cite(f.row, 'ours', lang, w)}{sep}{w['theirs']}: {_cite(f.row, 'theirs', lang, w)}"
        out += [f'{n}. <a id="f{n}"></a>**{escape(f.rule.title)}** ({w[f.rule.severity]}; `{f.rule.id}`)  ',
                f"   {where}  ",
                f"   {w['evidence']}: {escape(f.evidence)}  ",
                f"   {escape(f.rule.advice)}", ""]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _file(name: str) -> str:
    """A file name as code (`name`) when it is safe as one, else escaped: it is outside text."""
    if name.isprintable() and "`" not in name:
        return f"`{name}`"
    return escape(name)


def _is_article(row: Pair) -> bool:
    return not any(a is not None and a.label.startswith("\x00") for a in (row.ours, row.theirs))


def _cite(row: Pair, side: str, lang: str, w: dict[str, Any]) -> str:
    art = row.ours if side == "ours" else row.theirs
    if art is None:
        return "—"
    if art.label.startswith("\x00"):  # the text before or after the articles
        return str(w[art.label[1:]])
    return escape(art.cite(lang))


def _change(row: Pair, change: Change, lang: str, w: dict[str, Any]) -> str:
    """One changed paragraph as a list item: where it is, what happened, the text."""
    at = _where(row.ours, change.ours_at, lang, w) if change.ours_at is not None else ""
    there = _where(row.theirs, change.theirs_at, lang, w) if change.theirs_at is not None else ""
    if change.kind == MOVED and change.elsewhere:  # to or from another article
        side, other = change.elsewhere.split(":", 1)
        place = f"{at} → {escape(other)}{w['theirs_mark']}" if side == "theirs" else \
            f"{escape(other)} → {there}{w['theirs_mark']}"
    elif change.kind == INSERTED or not at:
        place = f"{there}{w['theirs_mark']}"
    elif change.kind == MOVED and there and there != at:
        place = f"{at} → {there}"
    else:
        place = at
    text = _segments(change.segments)
    if change.kind == MOVED:
        plain = "".join(t for _, t in change.segments)
        text = escape(plain if len(plain) <= 60 else plain[:60] + "…")
    return str(w["line"]).format(place=place, kind=w["kind_" + change.kind], text=text)


def _where(art: Art | None, loc: Loc | None, lang: str, w: dict[str, Any]) -> str:
    if art is None:
        return ""
    if art.label.startswith("\x00"):
        return str(w[art.label[1:]])
    return escape(where(art, loc, lang))


def _segments(line: list[tuple[str, str]]) -> str:
    """One changed line: equal text plain, deletions and insertions tagged, all escaped."""
    out = []
    for op, text in line:
        if not text:
            continue
        body = escape(text)
        if op == "=":
            out.append(body)
        else:
            tag = "del" if op == "-" else "ins"
            out.append(f"<{tag}>{body}</{tag}>")
    return "".join(out)
