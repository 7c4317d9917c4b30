"""Run the comparison engine on the stretches that differ, not on the whole agreement.

The engine aligns the whole of both documents, and its time grows faster than their length:
two 256-article agreements take many seconds even when ten paragraphs changed. A
counterparty's return is mostly our text, word for word. So the body elements (paragraphs,
tables, content controls) of both prepared files are aligned first on their exact text
(difflib on one key per element); every stretch that is equal is copied from ours as it is,
and only the stretches that differ go to the engine, in one run: a document made of those
stretches alone, each pair of stretches behind a marker paragraph that both sides share, so
that the engine keeps them apart and the result can be cut again at the markers.

Equal means the same characters in the same elements, so copying ours there gives exactly
their text on Accept All and ours on Reject All. When the result cannot be cut (a marker
missing), the caller runs the engine on the whole documents instead.
"""

from __future__ import annotations

import difflib
import io
import zipfile
from typing import Any, Callable

from oidocs.negotiate.numbering import W
from oidocs.negotiate.prepare import with_document

MARKER = "OIDOCS-STRETCH-"


def by_stretches(ours: bytes, theirs: bytes, engine: Callable[[bytes, bytes], bytes]) -> bytes | None:
    """The redline of two prepared files, the engine run on their differing stretches only.

    ``engine(ours, theirs)`` makes a redline of two whole files. Returns None when the
    stretches cannot be put back together (the caller then runs the engine on everything).
    """
    from lxml import etree

    ours_zip, theirs_zip = zipfile.ZipFile(io.BytesIO(ours)), zipfile.ZipFile(io.BytesIO(theirs))
    ours_root = etree.fromstring(ours_zip.read("word/document.xml"))
    theirs_root = etree.fromstring(theirs_zip.read("word/document.xml"))
    ours_body, ours_tail = _body(ours_root)
    theirs_body, _ = _body(theirs_root)
    keys_a = [_key(el) for el in ours_body]
    keys_b = [_key(el) for el in theirs_body]
    opcodes = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()
    changed = [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in opcodes if op != "equal"]
    if not changed:
        return ours
    reduced_a, reduced_b = [], []
    for k, (i1, i2, j1, j2) in enumerate(changed):
        reduced_a += [_marker(ours_root, k), *ours_body[i1:i2]]
        reduced_b += [_marker(theirs_root, k), *theirs_body[j1:j2]]
    reduced_a.append(_marker(ours_root, len(changed)))
    reduced_b.append(_marker(theirs_root, len(changed)))
    result = engine(_rebuilt(ours_zip, ours_root, reduced_a, ours_tail),
                    _rebuilt(theirs_zip, theirs_root, reduced_b, _body(theirs_root)[1]))
    result_zip = zipfile.ZipFile(io.BytesIO(result))
    result_root = etree.fromstring(result_zip.read("word/document.xml"))
    result_body, result_tail = _body(result_root)
    pieces = _cut(result_body, len(changed))
    if pieces is None:
        return None
    assembled: list[Any] = []
    at = 0
    for (i1, i2, _, _), piece in zip(changed, pieces):
        assembled += ours_body[at:i1]
        assembled += piece
        at = i2
    assembled += ours_body[at:]
    _renumber_revisions(assembled)
    return with_document(result_zip, _with_body(result_root, assembled, result_tail))


def _body(root: Any) -> tuple[list[Any], Any]:
    """The body's block elements, and its final section properties (kept apart)."""
    body = root.find(f"{W}body")
    blocks = [el for el in body if el.tag != f"{W}sectPr"]
    return blocks, body.find(f"{W}sectPr")


def _key(el: Any) -> str:
    """What an element says, exactly: its tag and every text, tab and break in order."""
    parts = [el.tag]
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}p", f"{W}tc", f"{W}instrText"):
        parts.append(node.text or "" if node.tag in (f"{W}t", f"{W}instrText") else node.tag[-3:])
    return "\x00".join(parts)


def _marker(root: Any, k: int) -> Any:
    p = root.makeelement(f"{W}p", {})
    r = p.makeelement(f"{W}r", {})
    t = r.makeelement(f"{W}t", {})
    t.text = f"{MARKER}{k}"
    r.append(t)
    p.append(r)
    return p


def _with_body(root: Any, blocks: list[Any], tail: Any) -> Any:
    import copy

    body = root.find(f"{W}body")
    for el in list(body):
        body.remove(el)
    for el in blocks:
        body.append(copy.deepcopy(el))
    if tail is not None:
        body.append(copy.deepcopy(tail))
    return root


def _rebuilt(source: zipfile.ZipFile, root: Any, blocks: list[Any], tail: Any) -> bytes:
    import copy

    return with_document(source, _with_body(copy.deepcopy(root), blocks, tail))


def _cut(blocks: list[Any], count: int) -> list[list[Any]] | None:
    """The engine's result between markers 0..count, or None if any marker is missing or split."""
    pieces: list[list[Any]] = []
    expected = 0
    current: list[Any] | None = None
    for el in blocks:
        text = "".join(t.text or "" for t in el.iter(f"{W}t")) if el.tag == f"{W}p" else ""
        if text.startswith(MARKER):
            if text != f"{MARKER}{expected}" or any(True for _ in el.iter(f"{W}ins", f"{W}del")):
                return None
            if current is not None:
                pieces.append(current)
            current = []
            expected += 1
            continue
        if current is None:
            return None
        current.append(el)
    if expected != count + 1:
        return None
    return pieces


def _renumber_revisions(blocks: list[Any]) -> None:
    """Give every revision a unique id again (the pieces came from one run, ours' copies have none)."""
    n = 100000  # above any bookmark id of ours: revisions and bookmarks share one id space
    tags = {f"{W}{t}" for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")}
    for block in blocks:
        for el in block.iter():
            if el.tag in tags and el.get(f"{W}id") is not None:
                el.set(f"{W}id", str(n))
                n += 1
