"""Name the usual YAML slips at the line where they are, with the fix.

PyYAML reports where parsing broke, which for a missing space after a colon or a full-width
colon is the line *after* the slip, and in words only a programmer reads ("could not find
expected ':'"). People who type deal files in a Japanese editor make a handful of slips over
and over: a tab or a full-width space (U+3000) as indentation, a full-width colon after a key,
no space after the colon, a colon and a space inside a value. This module finds the slip on
or before the broken line and words it from ``templates/messages.yaml``.
"""

from __future__ import annotations

import re

from oidocs.deal.messages import say
from oidocs.errors import Problem

_KEY = r"(?P<indent>[ \t\u3000]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_.]*)"
_WIDE_COLON = re.compile(_KEY + r"[ \t]*\uff1a")
_NO_SPACE = re.compile(_KEY + r":(?=[^\s:/])")
_COLON_IN_VALUE = re.compile(_KEY + r":[ \t]+(?P<value>[^\"'\s#][^#]*?):(?:[ \t]|$)")


def indent_problems(text: str, file: str) -> list[Problem]:
    """Every line indented with a full-width space (it parses, but into keys nobody wrote)."""
    problems = []
    for n, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        if "\u3000" in indent:
            problems.append(Problem(file, n, indent.index("\u3000") + 1, "", say("yaml_wide_space")))
    return problems


def syntax_problem(text: str, file: str, line: int | None, column: int | None, detail: str) -> Problem:
    """Return the problem to report for a YAML syntax error PyYAML saw at ``line``:``column``.

    The nearest slip on the broken line or the two before it wins (it is the cause); without one, the
    parser's own words are kept, with the general advice.
    """
    lines = text.splitlines()
    last = min(line or len(lines), len(lines))
    for n in range(last, max(0, last - 3), -1):  # the parser stops at most a line or two after the slip
        found = _slip(lines[n - 1])
        if found:
            col, message = found
            return Problem(file, n, col, "", message)
    return Problem(file, line, column, "", say("yaml_invalid", detail=detail))


def _slip(line: str) -> tuple[int, str] | None:
    """The column and message of a slip on ``line``, or None."""
    indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
    if "\t" in indent:
        return indent.index("\t") + 1, say("yaml_tab")
    match = _WIDE_COLON.match(line)
    if match:
        return match.end(), say("yaml_wide_colon", key=match["key"])
    match = _NO_SPACE.match(line)
    if match:
        return match.end("key") + 1, say("yaml_no_space", key=match["key"])
    match = _COLON_IN_VALUE.match(line)
    if match:
        return match.start("value") + 1, say("yaml_colon_in_value", key=match["key"])
    return None
