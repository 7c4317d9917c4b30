"""Read a deal file safely, keeping the line and column of every value.

PyYAML's ``compose()`` builds a node tree without constructing any object, so a tag such
as ``!!python/object`` can never run code: it is refused here by name. Scalars are
resolved with YAML 1.1's safe rules except timestamps, which stay text so that an
impossible date (``2026-13-01``) reaches validation with its position instead of crashing
the loader. Duplicate keys are refused (a second value must not silently win).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from oidocs.deal.messages import say
from oidocs.deal.yamlhints import indent_problems, syntax_problem
from oidocs.errors import DealError, Problem

Path = tuple[str | int, ...]

MAX_DEPTH = 32  # a deal file nests about five levels; deeper is an attack or a mistake

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


class _Loader(_Base):
    """The safe loader (libyaml's when available) whose resolver leaves timestamps as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Source:
    """A loaded YAML document: plain Python data plus a position for every path.

    ``positions[path]`` is the (line, column) of the value at ``path``;
    ``key_positions[path]`` that of the mapping key naming it. Both are 1-based.
    """

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Return the position of ``path``, or of its nearest known ancestor.

        Path parts that are not in the document (pydantic adds class names to the
        location of union members) are skipped; ``key=True`` prefers the key's position.
        """
        known: Path = ()
        for part in path:
            candidate = known + (part,)
            if candidate in self.positions:
                known = candidate
        if key and known in self.key_positions and known == tuple(path):
            return self.key_positions[known]
        pos = self.positions.get(known)
        return pos if pos else (None, None)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """Build a :class:`Problem` located at ``path`` in this file."""
        line, column = self.locate(path, key=key)
        dotted = ".".join(str(p) for p in path)
        return Problem(self.file, line, column, dotted, message)


def load_text(text: str, file: str) -> Source:
    """Parse ``text`` (the contents of ``file``) into a :class:`Source`.

    Raises :class:`DealError` for a syntax error, an unsafe tag, a duplicate key, a
    non-string key, or a document that is not a mapping.
    """
    wide = indent_problems(text, file)
    if wide:  # a full-width space indents as no space at all: the YAML may parse, into the wrong keys
        raise DealError(wide)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        if "nesting depth" in message:  # PyYAML 6.0.4 and later stop deep nesting themselves
            message = f"nested more than {MAX_DEPTH} levels deep; a deal file is much flatter"
            raise DealError([Problem(file, line, col, "", message)]) from None
        raise DealError([syntax_problem(text, file, line, col, message)]) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on bad bytes
        raise DealError([Problem(file, None, None, "", f"invalid YAML: {exc}")]) from None
    except RecursionError:
        raise DealError([Problem(file, None, None, "", f"nested more than {MAX_DEPTH} levels deep")]) from None
    source = Source(file=file, data=None)
    if node is None:
        raise DealError([Problem(file, 1, 1, "", say("yaml_empty"))])
    problems: list[Problem] = []
    source.data = _convert(node, (), source, problems, set())
    if problems:
        raise DealError(problems)
    if not isinstance(source.data, dict):
        raise DealError([source.problem((), say("yaml_not_mapping"))])
    return source


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: yaml.Node, path: Path, source: Source, problems: list[Problem], seen: set[int]) -> Any:
    source.positions[path] = _mark(node)
    if len(path) > MAX_DEPTH:
        line, col = _mark(node)
        problems.append(Problem(source.file, line, col, ".".join(map(str, path[:MAX_DEPTH])) + "...",
                                f"nested more than {MAX_DEPTH} levels deep; a deal file is much flatter"))
        return None
    if id(node) in seen:  # an alias: refused, as it could repeat a value (a list, or a long text) exponentially
        line, col = _mark(node)
        problems.append(Problem(source.file, line, col, ".".join(map(str, path)),
                                "YAML aliases (*name) are not supported; write the values out"))
        return None
    seen.add(id(node))
    if node.tag not in _SAFE_TAGS:
        line, col = _mark(node)
        problems.append(
            Problem(source.file, line, col, ".".join(map(str, path)),
                    f"the YAML tag {node.tag!r} is not allowed; write plain values")
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _mark(key_node)
                problems.append(Problem(source.file, line, col, ".".join(map(str, path)),
                                        "YAML merge keys (<<) are not supported; write the keys out"))
                continue
            key = _convert(key_node, path + ("<key>",), source, problems, seen)
            source.positions.pop(path + ("<key>",), None)
            if isinstance(key, bool) or key is None or isinstance(key, float):
                key = str(key_node.value)
            if isinstance(key, int):
                key = str(key)
            if not isinstance(key, str):
                continue
            if key in result:
                line, col = _mark(key_node)
                problems.append(Problem(source.file, line, col, ".".join(map(str, path + (key,))),
                                        say("yaml_duplicate")))
                continue
            source.key_positions[path + (key,)] = _mark(key_node)
            result[key] = _convert(value_node, path + (key,), source, problems, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), source, problems, seen) for i, child in enumerate(node.value)]
    try:
        return _construct_scalar(node)
    except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError) as exc:
        line, col = _mark(node)
        problems.append(Problem(source.file, line, col, ".".join(map(str, path)), _scalar_problem(node, exc)))
        return None


def _scalar_problem(node: yaml.Node, exc: BaseException) -> str:
    """Say why a scalar could not be read: a number too long, a value its tag does not allow."""
    text = str(node.value)
    shown = repr(text) if len(text) <= 40 else repr(text[:37] + "...")
    if "digits" in str(exc):  # Python's limit on converting long digit strings
        return f"a number of {len(text):,} digits is too long"
    tag = node.tag.rsplit(":", 1)[-1]
    return f"{shown} is not a valid {tag}"


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _construct_scalar(node: yaml.Node) -> Any:
    """Turn one scalar node into its Python value with the safe constructors."""
    value = _CONSTRUCTOR.construct_object(node, deep=True)
    _CONSTRUCTOR.constructed_objects.pop(node, None)  # a shared constructor must not keep nodes alive
    return value



_CUT = re.compile(r"\S( +#\S.*)$")  # a value, one or more spaces, then '#' straight before a word


def comment_cuts(source: Source, text: str) -> list[tuple[Path, int, int, str]]:
    """Values a '#' cut short: ``address: 1 Fusionopolis Way, #20-10`` is read as ``1 Fusionopolis Way,``.

    YAML takes `` #`` as the start of a comment, so the unit number vanishes from every contract
    without a word. A comment written as a comment has a space after '#'; one glued to a word
    after a value on the same line is most likely part of the value. Returns (path, line, column
    of '#', the text cut off) for each text value that lost its tail this way.
    """
    lines = text.splitlines()
    cut_lines = {n + 1: m for n, line in enumerate(lines) if "#" in line and (m := _CUT.search(line))}
    if not cut_lines:
        return []
    found = []
    for path, (line, col) in source.positions.items():
        match = cut_lines.get(line)
        if match is None or not path or lines[line - 1][col - 1:col] in ("'", '"'):
            continue  # a quoted value keeps its '#'
        value: Any = source.data
        for part in path:
            value = value[part]
        tail = match.group(1).strip()
        if isinstance(value, str) and tail not in value:
            found.append((path, line, match.start(1) + match.group(1).index("#") + 1, tail))
    return found
