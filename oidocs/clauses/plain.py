"""Plain data: the deal as a clause sees it, with no object that has methods.

A pydantic model would expose methods such as ``parse_raw(..., proto="pickle")``, which
unpickles arbitrary data, so :func:`to_plain` turns the validated deal into :class:`Record`
(attribute access to fields, nothing else), :class:`FrozenMap` (a read-only mapping), tuples,
strings, numbers, booleans and dates before any clause sees it (:mod:`oidocs.clauses.sandbox`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Iterator

class Record:
    """Frozen named fields read as attributes (``poc.fee.amount``) or items; no public methods."""

    __slots__ = ("_fields",)
    _fields: dict[str, Any]

    def __init__(self, fields: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_fields", dict(fields))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._fields[name]

    def __contains__(self, name: object) -> bool:
        return name in self._fields

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and other._fields == self._fields

    def __hash__(self) -> int:
        return hash(tuple(self._fields))

    def __repr__(self) -> str:
        return "Record(" + ", ".join(self._fields) + ")"


class FrozenMap(Mapping[Any, Any]):
    """A read-only mapping (party key -> value); ``items``, ``keys``, ``values``, ``get`` work."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[Any, Any]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)


class Nodes(tuple[Any, ...]):
    """A sequence of inline nodes printed one after another (``parties_intro``)."""


LEAVES = (str, int, float, bool, dt.date, type(None))


def to_plain(value: Any) -> Any:
    """Return ``value`` as plain data a clause may see; refuse (TypeError) anything else.

    Pydantic models become :class:`Record` of their fields and own properties, dicts :class:`FrozenMap`, lists
    tuples. Functions are refused here: helpers are added to the context beside the data.
    """
    if isinstance(value, LEAVES):
        return value
    if isinstance(value, (Record, FrozenMap)):
        return value
    if isinstance(value, Nodes):
        return Nodes(to_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return tuple(to_plain(v) for v in value)
    if isinstance(value, Mapping):
        return FrozenMap({k: to_plain(v) for k, v in value.items()})
    fields = getattr(type(value), "model_fields", None)  # a pydantic model
    if isinstance(fields, dict):
        names = [*fields, *_properties(type(value))]  # a cached list: never changed here
        return Record({name: to_plain(getattr(value, name)) for name in names})
    raise TypeError(f"{type(value).__name__} is not plain data and cannot be shown to a clause")


_PROPERTIES: dict[type, list[str]] = {}


def _properties(cls: type) -> list[str]:
    """The public properties a deal model defines itself (``JointFiling.equal``), not pydantic's (found once per class)."""
    if cls in _PROPERTIES:
        return _PROPERTIES[cls]
    from pydantic import BaseModel

    names: list[str] = []
    for klass in cls.__mro__:
        if klass is BaseModel:
            break
        names += [n for n, v in vars(klass).items() if isinstance(v, property) and not n.startswith("_")]
    _PROPERTIES[cls] = names
    return names
