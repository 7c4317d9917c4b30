"""The text of a Word paragraph as a reader sees it, fields and tracked changes included.

Two things make a paragraph's text more than its ``w:t`` runs:

* tracked changes: text inside ``w:del`` / ``w:moveFrom`` is left out and text inside
  ``w:ins`` / ``w:moveTo`` kept, so a file with tracked changes reads as if all were accepted;
* fields: a cross-reference (``REF _Ref… \\r``) shows its last computed result, which Word
  updates only when asked. A counterparty who deletes an article sees the list numbering
  move at once while the cross-references keep the old numbers until the next update. The
  reader marks each REF result with the bookmark it points to, so that the agreement can
  print the reference as Word would after an update (the label of the bookmarked article);
  a bookmark that is not an article keeps the cached result. Field instructions are never
  text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from oidocs.negotiate.numbering import W

# A REF result in a paragraph's text: \x01 bookmark \x02 cached result \x03
REF_MARK = re.compile("\x01([^\x02]*)\x02([^\x03]*)\x03")
_FIELD_REF = re.compile(r"^\s*REF\s+(\S+)", re.I)


def paragraph_text(p: Any) -> str:
    """The accepted text of paragraph ``p``, REF results marked (see :data:`REF_MARK`)."""
    state = _State()
    _walk(p, state, deleted=False)
    return unicodedata.normalize("NFC", "".join(state.out))


def bookmarks(p: Any) -> list[str]:
    """The names of the bookmarks that start in paragraph ``p``."""
    return [b.get(f"{W}name") or "" for b in p.iter(f"{W}bookmarkStart")]


def resolve_refs(text: str, targets: dict[str, str]) -> str:
    """Replace each marked REF result by the label of its target, else by its cached result."""
    return REF_MARK.sub(lambda m: targets.get(m.group(1), m.group(2)), text)


def strip_refs(text: str) -> str:
    """The text with every REF mark replaced by its cached result."""
    return REF_MARK.sub(lambda m: m.group(2), text)


class _State:
    """Where the walk is in the (possibly nested) complex fields of one paragraph."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack: list[dict[str, Any]] = []  # open fields: instr text, in result?, start in out

    def text(self, value: str) -> None:
        if self.stack and not self.stack[-1]["result"]:
            return  # between begin and separate: the instruction's own runs
        self.out.append(value)


def _walk(el: Any, state: _State, deleted: bool) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in (f"{W}del", f"{W}moveFrom"):
            _walk(child, state, True)
        elif tag == f"{W}fldChar":
            _field_char(child.get(f"{W}fldCharType"), state)
        elif tag == f"{W}instrText":
            if state.stack and not state.stack[-1]["result"]:
                state.stack[-1]["instr"] += child.text or ""
        elif tag == f"{W}fldSimple":
            state.stack.append({"instr": child.get(f"{W}instr") or "", "result": True, "start": len(state.out)})
            _walk(child, state, deleted)
            _close(state)
        elif tag in (f"{W}t", f"{W}delText"):
            if not deleted and tag == f"{W}t":
                state.text(child.text or "")
        elif tag in (f"{W}tab", f"{W}br"):
            if not deleted:
                state.text(" ")
        elif tag in (f"{W}pPr", f"{W}rPr", f"{W}sdtPr"):
            continue
        else:
            _walk(child, state, deleted)


def _field_char(kind: str | None, state: _State) -> None:
    if kind == "begin":
        state.stack.append({"instr": "", "result": False, "start": len(state.out)})
    elif kind == "separate" and state.stack:
        state.stack[-1]["result"] = True
        state.stack[-1]["start"] = len(state.out)
    elif kind == "end" and state.stack:
        _close(state)


def _close(state: _State) -> None:
    field = state.stack.pop()
    m = _FIELD_REF.match(field["instr"])
    if m is None:
        return
    cached = "".join(state.out[field["start"]:])
    del state.out[field["start"]:]
    state.out.append(f"\x01{m.group(1)}\x02{cached}\x03")
