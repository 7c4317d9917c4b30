"""A clause rendering's budget: how much work it may do, and for how long (see :mod:`.sandbox`).

Every attribute read, call, loop step and character of output of a clause costs units of the
:class:`Budget` of the rendering under way; past :data:`MAX_OPS` units or :data:`MAX_SECONDS`
of wall time the rendering ends in :class:`BudgetExceeded`.
"""

from __future__ import annotations

import contextvars
import time

MAX_OPS = 2_000_000  # attribute reads, calls, loop steps and output characters of one rendering
MAX_SECONDS = 2.0  # wall-clock limit of one rendering, checked every 1,024 units


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


def current_budget() -> Budget | None:
    """The budget of the rendering under way (None outside one)."""
    return _BUDGET.get()


class budgeted:
    """``with budgeted():`` renders under a fresh :class:`Budget`."""

    def __enter__(self) -> Budget:
        self.budget = Budget()
        self.token = _BUDGET.set(self.budget)
        return self.budget

    def __exit__(self, *exc: object) -> None:
        _BUDGET.reset(self.token)
