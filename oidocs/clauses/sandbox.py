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

from collections.abc import Mapping
from types import CodeType, FunctionType
from typing import Any, Callable, Iterable, Iterator

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, operators
from jinja2.exceptions import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

from oidocs.clauses.budget import (  # noqa: F401  (MAX_OPS, MAX_SECONDS: the limits, named here too)
    _BUDGET, MAX_OPS, MAX_SECONDS, BudgetExceeded, budgeted, charge, current_budget)
from oidocs.clauses.plain import LEAVES, FrozenMap, Nodes, Record, to_plain
from oidocs.document.tree import Insert, Ref, Table, Term, Text

__all__ = ["BudgetExceeded", "ClauseSandbox", "FrozenMap", "Nodes", "Record", "budgeted", "charge", "check_size", "current_budget",
           "deep_size", "leaf_text", "to_plain", "trust_helpers"]

CALL_UNITS = 10  # a call (a macro, a helper) costs about ten loop steps
MAX_STRING = 200_000  # characters of a string an operator or helper builds
MAX_ITEMS = 10_000  # entries of a list an operator builds; the largest range()
MAX_INT_BITS = 4_096  # size of an integer an operator builds
MAX_DEEP = 100_000  # entries a comparison, test or filter may walk through nested lists (shared ones each time)
MARKERS = ("\ue000", "\ue001")  # private-use characters the engine marks printed values with

FILTERS = ("abs", "capitalize", "count", "d", "default", "first", "int", "last", "length", "list", "lower", "map",
           "max", "min", "reject", "rejectattr", "reverse", "round", "select", "selectattr", "sort", "title",
           "trim", "unique", "upper")  # not sum: sum(start=[]) joins lists without any bound
_SAFE_METHODS = {str: {"startswith", "endswith"}}
_MAP_METHODS = {"items", "keys", "values", "get"}


def check_size(value: Any) -> Any:
    """Refuse a string, list or integer larger than a clause may build; return it otherwise."""
    if type(value) in _UNSIZED:  # what most helpers return (a term, a reference): nothing to measure
        return value
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


def deep_size(value: Any, limit: int = MAX_DEEP) -> int:
    """Count the entries reachable from ``value`` as ``==``, ``in`` or ``sort`` would walk them, and charge them.

    A list that holds itself, or ten thousand references to a list of ten thousand, is small in
    memory but takes minutes to compare inside one C call, where no time limit can be checked;
    so the walk stops, and the clause with it, past ``limit`` entries (each reference counted).
    """
    if type(value) in _FLAT:  # most compared values are one word or number: one entry, as the walk counts it
        charge(1)
        return 1
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            raise BudgetExceeded(f"a value nested or repeated beyond {limit:,} entries is more than a clause may "
                                 "compare, test or sort")
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, Record):
            stack.extend(item._fields.values())
    charge(count)
    return count


_FLAT = frozenset({str, int, float, bool, type(None)})  # exactly these types (a subclass takes the long way)
_UNSIZED, _NO_FIELD = frozenset({Text, Insert, Ref, Term, Table}), object()  # what helpers make: check_size passes them

_HELPER_CODE: set[CodeType] = set()


def trust_helpers(factory: Callable[..., Any]) -> None:
    """Mark the functions defined inside ``factory`` (oidocs' clause helpers) as safe to call directly.

    Only the code of these nested functions is trusted: a clause cannot make a function of its
    own (a macro is a :class:`jinja2.runtime.Macro`), so a clause can reach the fast path of
    :meth:`ClauseSandbox.call` only through the helpers it is given.
    """
    stack = [factory.__code__]
    while stack:
        code = stack.pop()
        for const in code.co_consts:
            if isinstance(const, CodeType):
                _HELPER_CODE.add(const)
                stack.append(const)


def leaf_text(value: Any, what: str) -> str:
    """``str(value)`` of a word a clause prints or joins: text, a number, a date; never a list or mapping.

    ``str()`` of a list writes out everything it holds, so ``[s] * 10000`` of a long ``s`` would
    be gigabytes of text before any bound could look at it.
    """
    if not isinstance(value, LEAVES):
        raise BudgetExceeded(f"{what} takes text, numbers and dates, not {_kind(value)}; "
                             "print the entries one by one, or join() a list of words")
    return str(value)


def _kind(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (Mapping, Record)):
        return "a mapping"
    return f"a {type(value).__name__}"


# --- the environment ---------------------------------------------------------------------------

def _bounded_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > MAX_ITEMS:
        raise BudgetExceeded(f"range() of {len(numbers):,} numbers is larger than a clause may use ({MAX_ITEMS:,})")
    for n in numbers:
        charge()
        yield n


def _binop_size(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before computing it; charge what it builds."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
                limit = MAX_STRING if isinstance(seq, str) else MAX_ITEMS
                if len(seq) * max(n, 0) > limit:
                    raise BudgetExceeded("repeating a string or list this many times is more than a clause may build")
                charge(len(seq) * max(n, 0))
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise BudgetExceeded("a number larger than a clause may build")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(right) * max(left.bit_length(), 1) > MAX_INT_BITS:
            raise BudgetExceeded("a number larger than a clause may build")
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        limit = MAX_STRING if isinstance(left, str) else MAX_ITEMS
        if len(left) + len(right) > limit:
            raise BudgetExceeded("joining these is more than a clause may build")
        charge(len(left) + len(right))
    elif operator == "%" and isinstance(left, str):
        raise BudgetExceeded("string formatting with % is not available in a clause")


def _charged(func: Any) -> Any:
    """A filter or test that charges the entries it walks and the size of what it returns."""
    import functools

    @functools.wraps(func)  # keeps jinja_pass_arg: pass_context / pass_environment still apply
    def charged(*args: Any, **kwargs: Any) -> Any:
        for arg in args:
            if isinstance(arg, (list, tuple, dict, FrozenMap, Record)):
                deep_size(arg)
        result = check_size(func(*args, **kwargs))
        if isinstance(result, (str, list, tuple)):
            charge(len(result))
        return result
    return charged


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

    def visit_Output(self, node: nodes.Output, frame: Any) -> None:  # a statement's constant text charged at once
        size = sum(len(child.data) for child in node.nodes if isinstance(child, nodes.TemplateData))
        if size:
            self.writeline(f"environment.sandbox_text({size})")
        super().visit_Output(node, frame)

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        text = "".join(map(str, group))
        if MARKERS[0] in text or MARKERS[1] in text:  # refused when the clause reaches it, as any error
            return f"environment.sandbox_marked({text!r})"
        return repr(text)

    def _output_child_pre(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        self.write(finalize.src)  # no str() around the finalize hook (always set, no autoescape): it returns text

    def _output_child_post(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        self.write(")")

    def visit_Compare(self, node: nodes.Compare, frame: Any) -> None:
        self.write("(environment.sandbox_compared(")
        self.visit(node.expr, frame)
        self.write(")")
        for op in node.ops:
            self.visit(op, frame)
        self.write(")")

    def visit_Operand(self, node: nodes.Operand, frame: Any) -> None:
        self.write(f" {operators[node.op]} environment.sandbox_compared(")
        self.visit(node.expr, frame)
        self.write(")")

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
        self.filters = {name: _charged(self.filters[name]) for name in FILTERS}
        self.tests = {name: _charged(test) for name, test in self.tests.items()}
        self.globals.clear()
        self.globals.update(range=_bounded_range, namespace=Namespace)

    # what a clause may reach
    def wrap_str_format(self, value: Any) -> None:
        """No ``str.format``/``format_map``: Jinja2 3.1.5+ hands out its own wrapper of them before
        :meth:`is_safe_attribute` is asked, and ``'{:>3000000000}'.format('')`` builds 3 GB at once."""
        return None

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if type(obj).__module__ == "oidocs.document.tree":  # what a helper returned (a table) is printed, not edited
            return False
        if not callable(value):
            return True
        if isinstance(obj, FrozenMap):
            return attr in _MAP_METHODS
        return any(isinstance(obj, kind) and attr in names for kind, names in _SAFE_METHODS.items())

    def getattr(self, obj: Any, attribute: str) -> Any:
        charge()
        if type(obj) is Record and attribute[:1] != "_":  # a deal field (most reads): what the long way returns
            value = obj._fields.get(attribute, _NO_FIELD)
            if value is not _NO_FIELD and not callable(value):
                return value
        if type(obj) is list and attribute == "append":  # a list the clause made itself (deal lists are tuples)
            return _Append(obj)
        if type(obj).__module__ == "oidocs.document.tree":
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        charge()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = _BUDGET.get()
        if budget is not None:
            budget.charge(CALL_UNITS)
        if type(__obj) is FunctionType and __obj.__code__ in _HELPER_CODE:
            # One of oidocs' own helpers (a closure of build_context): safe to call, and it takes
            # no context, so Jinja2's checks and argument injection are skipped (most calls).
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                result = __obj(*args, **kwargs)
                return result if type(result) in _UNSIZED else check_size(result)
            except StopIteration:  # as Context.call: a helper's StopIteration must not end the clause's generator
                return __self.undefined("value was undefined because a callable raised a StopIteration exception")
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        charge()
        _binop_size(operator, left, right)
        return super().call_binop(context, operator, left, right)

    # hooks of the generated code
    def sandbox_text(self, size: int) -> None:
        """Charge the constant text an output statement prints (checked for markers when compiled)."""
        budget = _BUDGET.get()
        if budget is not None:
            budget.charge(size)

    def sandbox_marked(self, text: str) -> str:
        raise BudgetExceeded("the clause contains U+E000 or U+E001, private-use characters oidocs uses "
                             "internally; delete them")

    def sandbox_compared(self, value: Any) -> Any:
        deep_size(value)
        return value

    def sandbox_concat(self, parts: tuple[Any, ...]) -> str:
        texts = [leaf_text(p, "~") for p in parts]
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

