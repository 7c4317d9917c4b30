"""Whose side an advice item's remedy serves, so that the sheet words it for the side acted for.

Much advice names a remedy that helps some parties only: a fee for the PoC helps the performer, a
longer publication notice the company, a minimum royalty the licensor. Written once, such an item
argues for those parties whoever the drafts are for (ninth reading, deal J: a sheet drafted for the
SME advised raising the large company's share). :func:`favours` names the parties each rule's remedy
serves; the sheet then shows the rule's ``advice_other`` wording (what those parties may ask for, and
how the side acted for answers) when the drafts are prepared for another party, and its ``advice``
otherwise (``advice_favoured`` too where the neutral wording differs: :func:`wording`).
"""

from __future__ import annotations

from typing import Any, Callable

from oidocs.deal.model import ACADEMIC_KINDS, Deal


def _keys(deal: Deal, but: Any = None) -> tuple[str, ...]:
    return tuple(p.key for p in deal.parties if p.key != but)


# rule -> the parties its remedy serves, from the deal (only called when the rule fired)
SIDES: dict[str, Callable[[Deal], tuple[str, ...]]] = {
    "unpaid_poc": lambda d: (d.poc.performer,) if d.poc else (),
    "university_publication": lambda d: tuple(p.key for p in d.parties if p.kind not in ACADEMIC_KINDS),
    "costs_and_results": lambda d: _keys(d, d.ip.exclusive_field.owner if d.ip and d.ip.exclusive_field else None),
    "one_sided_ownership": lambda d: _keys(d, d.ip.exclusive_field.owner if d.ip and d.ip.exclusive_field else None),
    "long_exclusivity": lambda d: _keys(d, d.ip.exclusive_field.holder if d.ip and d.ip.exclusive_field else None),
    "licence_exclusive_no_minimum": lambda d: _keys(d, d.licence.licensee if d.licence else None),
    "background_exclusive_elsewhere": lambda d: _keys(d, None) if d.licence is None else tuple(
        k for k in _keys(d) if k not in (d.licence.licensor, d.licence.licensee)),
    "royalty_free_startup": lambda d: tuple(p.key for p in d.parties if p.kind == "startup"),
    "royalty_free_startup_default": lambda d: tuple(p.key for p in d.parties if p.kind == "startup"),
}


def favours(deal: Deal, rule: str, given: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The parties the remedy of ``rule`` serves: ``given`` (computed with the finding), else :data:`SIDES`."""
    return given or (SIDES[rule](deal) if rule in SIDES else ())


def wording(deal: Deal, rule: str, texts: dict[str, Any], given: tuple[str, ...] = ()) -> str:
    """The key of the wording to show: ``advice_other`` when the drafts are prepared for a party the remedy
    does not serve, ``advice_favoured`` (where the rule has one) when for one it serves, else ``advice``."""
    sides = favours(deal, rule, given)
    if not sides or deal.acting_for is None:
        return "advice"
    key = "advice_favoured" if deal.acting_for in sides else "advice_other"
    return key if key in texts else "advice"
