"""Remember what was computed from one frozen deal, so that a pack computes it once, not per document.

A pack builds five agreements (ten in two languages) from the same validated deal; each used to
resolve the deal's text maps to its language and turn the deal into a clause's plain data again.
Deal models are frozen (:class:`oidocs.deal.fields.Model`), so a result computed from one deal
object stays right for as long as that object lives. The memo is keyed by the object's identity
and holds the object itself (an id is reused only after its object is gone, and a held object is
never gone), and keeps the last few entries only, so a batch's memory stays flat.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Generic, Hashable, TypeVar

T = TypeVar("T")


class IdentityMemo(Generic[T]):
    """The last ``size`` results of ``compute(obj, *key)``, found by ``obj``'s identity and ``key``."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[Hashable, ...], tuple[object, T]] = OrderedDict()

    def get(self, obj: object, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
        """Return the remembered result for ``obj`` and ``key``, or compute, remember and return it."""
        slot = (id(obj), *key)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] is obj:
            self._entries.move_to_end(slot)
            return entry[1]
        value = compute()  # an exception is not remembered: the next call raises it again
        self._entries[slot] = (obj, value)
        self._entries.move_to_end(slot)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return value


