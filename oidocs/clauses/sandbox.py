"""The clause sandbox: what a clause template can reach, and how much work it may do.

A user's clause library (``--library``) is untrusted input, so a clause must not be able to
run code, read files, or stall a batch. Three walls:

- **Plain data.** Clauses never see live objects: :func:`to_plain` turns the validated deal
  into :class:`Record` (attribute access to fields, nothing else), :class:`FrozenMap`
  (read-only mapping), tuples, strings, numbers, booleans and dates. A pydantic model would
  expose methods such as ``parse_raw(..., proto="pickle")``, which unpickles arbitrary data.
- **No methods.** :class:`ClauseSandbox` refuses every attribute whose value is callable,
  except a short list of pure ones (``str.startswith``/``endswith``; ``items``, ``keys``,
  ``values``, ``get`` of a :class:`FrozenMap`) and ``append`` on a list the clause built, keeps Jinja2's refusal of ``_`` names, and
  offers only the filters listed in :data:`FILTERS` and the globals ``range`` and ``namespace``.
  ``include``, ``import`` and ``extends`` are refused: a clause is one file.
- **A budget.** Every attribute read, call, loop step and character of output costs units of
  a per-rendering :class:`Budget`; strings, lists and numbers that operators build are capped
  before they are built. A clause that loops forever or builds a huge string ends in a
  :class:`BudgetExceeded`, which the assembler reports as a ClauseError naming the file.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import time
from collections.abc import Mapping
from typing import Any, Iterable, Iterator

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

MAX_OPS = 2_000_000  # attribute reads, calls, loop steps and output characters of one rendering
CALL_UNITS = 10  # a call (a macro, a helper) costs about ten loop steps
MAX_SECONDS = 2.0  # wall-clock limit of one rendering, checked every 1,024 units
MAX_STRING = 200_000  # characters of a string an operator or helper builds
MAX_ITEMS = 10_000  # entries of a list an operator builds; the largest range()
MAX_INT_BITS = 4_096  # size of an integer an operator builds

FILTERS = ("abs", "capitalize", "count", "d", "default", "first", "int", "last", "length", "list", "lower", "map",
           "max", "min", "reject", "rejectattr", "reverse", "round", "select", "selectattr", "sort", "sum", "title",
           "trim", "unique", "upper")
_SAFE_METHODS = {str: {"startswith", "endswith"}}
_MAP_METHODS = {"items", "keys", "values", "get"}


class BudgetExceeded(Exception):
    """A clause used more than its share of work or output."""


class Budget:
    """The work one clause rendering may do: units, and a wall-clock deadline."""

    __slots__ = ("used", "limit", "deadline")

    def __init__(self, limit: int = MAX_OPS, seconds: float = MAX_SECONDS) -> None:
        self.used = 0
        self.limit = limit
        self.deadline = time.monotonic() + seconds

    def charge(self, units: int) -> None:
        before = self.used
        self.used += units
        if self.used > self.limit:
            raise BudgetExceeded(f"the clause does too much work or makes too much text (over {self.limit:,} "
                                 "steps or characters); is there a loop that never ends?")
        if (before ^ self.used) >> 10 and time.monotonic() > self.deadline:
            raise BudgetExceeded("the clause took too long to render; is there a loop that never ends?")


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("oidocs_clause_budget", default=None)


def charge(units: int = 1) -> None:
    """Charge the current rendering's budget (nothing outside a rendering)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.charge(units)


class budgeted:
    """``with budgeted():`` renders under a fresh :class:`Budget`."""

    def __enter__(self) -> Budget:
        self.budget = Budget()
        self.token = _BUDGET.set(self.budget)
        return self.budget

    def __exit__(self, *exc: object) -> None:
        _BUDGET.reset(self.token)


def check_size(value: Any) -> Any:
    """Refuse a string, list or integer larger than a clause may build; return it otherwise."""
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise BudgetExceeded(f"a string of {len(value):,} characters is longer than a clause may build "
                                 f"({MAX_STRING:,})")
    elif isinstance(value, (list, tuple)):
        if len(value) > MAX_ITEMS:
            raise BudgetExceeded(f"a list of {len(value):,} entries is longer than a clause may build ({MAX_ITEMS:,})")
    elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise BudgetExceeded("a number larger than a clause may build")
    return value


# --- plain data --------------------------------------------------------------------------------

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


_LEAVES = (str, int, float, bool, dt.date, type(None))


def to_plain(value: Any) -> Any:
    """Return ``value`` as plain data a clause may see; refuse (TypeError) anything else.

    Pydantic models become :class:`Record` of their fields and own properties, dicts :class:`FrozenMap`, lists
    tuples. Functions are refused here: helpers are added to the context beside the data.
    """
    if isinstance(value, _LEAVES):
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
        names = [*fields, *_properties(type(value))]
        return Record({name: to_plain(getattr(value, name)) for name in names})
    raise TypeError(f"{type(value).__name__} is not plain data and cannot be shown to a clause")


def _properties(cls: type) -> list[str]:
    """The public properties a deal model defines itself (``JointFiling.equal``), not pydantic's."""
    from pydantic import BaseModel

    names: list[str] = []
    for klass in cls.__mro__:
        if klass is BaseModel:
            break
        names += [n for n, v in vars(klass).items() if isinstance(v, property) and not n.startswith("_")]
    return names


# --- the environment ---------------------------------------------------------------------------

def _bounded_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > MAX_ITEMS:
        raise BudgetExceeded(f"range() of {len(numbers):,} numbers is larger than a clause may use ({MAX_ITEMS:,})")
    for n in numbers:
        charge()
        yield n


def _binop_size(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before computing it."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
                limit = MAX_STRING if isinstance(seq, str) else MAX_ITEMS
                if len(seq) * max(n, 0) > limit:
                    raise BudgetExceeded("repeating a string or list this many times is more than a clause may build")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise BudgetExceeded("a number larger than a clause may build")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(right) * max(left.bit_length(), 1) > MAX_INT_BITS:
            raise BudgetExceeded("a number larger than a clause may build")
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        limit = MAX_STRING if isinstance(left, str) else MAX_ITEMS
        if len(left) + len(right) > limit:
            raise BudgetExceeded("joining these is more than a clause may build")
    elif operator == "%" and isinstance(left, str):
        raise BudgetExceeded("string formatting with % is not available in a clause")


class _Append:
    """``rows.append(x)`` on a list a clause built (``{% set _ = rows.append(...) %}``), capped in length."""

    __slots__ = ("_items",)

    def __init__(self, items: list[Any]) -> None:
        self._items = items

    def __call__(self, item: Any) -> None:
        if len(self._items) >= MAX_ITEMS:
            raise BudgetExceeded(f"a list of more than {MAX_ITEMS:,} entries is longer than a clause may build")
        self._items.append(item)


class _Generator(CodeGenerator):
    """Generated code that charges the budget for constant text and checks ``~`` joins."""

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.sandbox_text({super()._output_const_repr(group)})"

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.sandbox_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class ClauseSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, narrowed to plain data, a few pure methods, and a work budget."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: self.filters[name] for name in FILTERS}
        self.globals.clear()
        self.globals.update(range=_bounded_range, namespace=Namespace)

    # what a clause may reach
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value):
            return True
        if isinstance(obj, FrozenMap):
            return attr in _MAP_METHODS
        return any(isinstance(obj, kind) and attr in names for kind, names in _SAFE_METHODS.items())

    def getattr(self, obj: Any, attribute: str) -> Any:
        charge()
        if type(obj) is list and attribute == "append":  # a list the clause made itself (deal lists are tuples)
            return _Append(obj)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        charge()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        charge(CALL_UNITS)
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        charge()
        _binop_size(operator, left, right)
        return super().call_binop(context, operator, left, right)

    # hooks of the generated code
    def sandbox_text(self, text: str) -> str:
        charge(len(text))
        return text

    def sandbox_concat(self, parts: tuple[Any, ...]) -> str:
        texts = [str(p) for p in parts]
        total = sum(map(len, texts))
        charge(total)
        if total > MAX_STRING:
            raise BudgetExceeded(f"a string of {total:,} characters is longer than a clause may build "
                                 f"({MAX_STRING:,})")
        return "".join(texts)

    def sandbox_iter(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            charge()
            yield item

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            raise TemplateSyntaxError(f"{type(node).__name__.lower()} is not available in a clause: "
                                      "a clause is one file", node.lineno, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("sandbox_iter"), [loop.iter], [], None, None,
                                   lineno=loop.lineno)
        return tree

