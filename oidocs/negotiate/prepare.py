"""Make two DOCX files safe to hand to the comparison engine.

Two things in real returns make a redline wrong, and both are fixed on copies of the files,
never on the user's:

* cross-reference fields (REF, PAGEREF, NOTEREF). When an article is inserted or deleted,
  their results differ between the two files, and the engine then splits a field's begin,
  separate and end marks between inserted and deleted runs: a field that never ends (Word
  and LibreOffice show nothing after it), or a result made of two fields' pieces. Each such
  field is replaced by its result as plain text, in both files; the issue sheet says so,
  because the reader must update the references of the final draft in Word.
* tracked changes already in a file. The engine compares the text it finds, so a return
  with its own unaccepted revisions would make a redline of revisions inside revisions. The
  copy of each file has them accepted (deletions removed, insertions kept, formatting
  changes dropped): the redline compares the texts both sides see, and Accept All gives
  their text as they would accept it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from oidocs.negotiate.numbering import W

_FLATTENED = re.compile(r"^\s*(REF|PAGEREF|NOTEREF)\b", re.I)
_REMOVED = ("del", "moveFrom", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
_UNWRAPPED = ("ins", "moveTo")
_FORMAT_CHANGES = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                   "tblGridChange", "numberingChange", "tblPrExChange")


@dataclass
class Prepared:
    """A copy ready for the engine and what was done to it."""

    data: bytes
    fields: int = 0      # cross-reference fields replaced by their text
    revisions: int = 0   # tracked changes accepted


def prepare(data: bytes) -> Prepared:
    """Return a copy of a DOCX with its tracked changes accepted and its REF fields flattened."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    revisions = _accept(root)
    fields = _flatten(root)
    if not revisions and not fields:
        return Prepared(data)
    return Prepared(with_document(source, root), fields, revisions)


def with_document(source: zipfile.ZipFile, root: Any) -> bytes:
    """The package ``source`` with ``word/document.xml`` replaced by ``root``, every other part as it was."""
    from lxml import etree

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "word/document.xml":
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, body)
    return out.getvalue()


def _accept(root: Any) -> int:
    """Accept every tracked change in place; return how many there were."""
    count = 0
    for p in list(root.iter(f"{W}p")):  # a deleted paragraph mark: the paragraph runs on into the next
        mark = p.find(f"{W}pPr/{W}rPr/{W}del")
        if mark is None:
            continue
        count += 1
        following = p.getnext()
        if following is not None and following.tag == f"{W}p":
            anchor = following.find(f"{W}pPr")
            for child in [c for c in p if c.tag != f"{W}pPr"][::-1]:
                if anchor is not None:
                    anchor.addnext(child)
                else:
                    following.insert(0, child)
            p.getparent().remove(p)
        else:
            mark.getparent().remove(mark)
    for row in list(root.iter(f"{W}tr")):
        if row.find(f"{W}trPr/{W}del") is not None:
            row.getparent().remove(row)
            count += 1
    for tag in _REMOVED:
        for el in list(root.iter(f"{W}{tag}")):
            if el.getparent() is not None:
                count += tag in ("del", "moveFrom")
                el.getparent().remove(el)
    for tag in _UNWRAPPED:
        for el in list(root.iter(f"{W}{tag}")):
            parent = el.getparent()
            if parent is None:
                continue
            count += 1
            if parent.tag in (f"{W}rPr", f"{W}trPr", f"{W}tcPr"):  # a marker: the mark or row was inserted
                parent.remove(el)
                continue
            for child in list(el):
                el.addprevious(child)
            parent.remove(el)
    for tag in _FORMAT_CHANGES:
        for el in list(root.iter(f"{W}{tag}")):
            count += 1
            el.getparent().remove(el)
    return count


def _flatten(root: Any) -> int:
    """Replace every cross-reference field by the runs of its result; return how many."""
    count = 0
    for simple in list(root.iter(f"{W}fldSimple")):
        if _FLATTENED.match(simple.get(f"{W}instr") or ""):
            for child in list(simple):
                simple.addprevious(child)
            simple.getparent().remove(simple)
            count += 1
    stack: list[dict[str, Any]] = []
    for run in list(root.iter(f"{W}r")):
        char = run.find(f"{W}fldChar")
        instr = run.find(f"{W}instrText")
        kind = char.get(f"{W}fldCharType") if char is not None else None
        if kind == "begin":
            stack.append({"instr": "", "marks": [run], "result": False})
        elif stack and instr is not None and not stack[-1]["result"]:
            stack[-1]["instr"] += instr.text or ""
            stack[-1]["marks"].append(run)
        elif kind == "separate" and stack:
            stack[-1]["result"] = True
            stack[-1]["marks"].append(run)
        elif kind == "end" and stack:
            field = stack.pop()
            field["marks"].append(run)
            if _FLATTENED.match(field["instr"]):
                count += 1
                for mark in field["marks"]:
                    _drop_field_parts(mark)
    return count


def _drop_field_parts(run: Any) -> None:
    """Remove a run's field marks and instruction; the run goes if nothing else is left in it."""
    for el in list(run):
        if el.tag in (f"{W}fldChar", f"{W}instrText"):
            run.remove(el)
    if all(el.tag == f"{W}rPr" for el in run) and run.getparent() is not None:
        run.getparent().remove(run)
