"""The building blocks of the deal models: value types, shared rules, the strict base.

Field types (free text in one or two languages, counts, party keys), the rules several
models share (two fields naming different parties, an end after a start, shares summing
to 100) and :class:`DocSection`, the dates and purpose every document section carries.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Union

from pydantic import (
    AfterValidator,
    BeforeValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError



def _no_bool(value: Any) -> Any:
    """Refuse true/false (and YAML 1.1's yes/no/on/off) where a number belongs: pydantic would take it as 1/0."""
    if isinstance(value, bool):
        raise PydanticCustomError("bool_for_number", "expected a number, got {value}",
                                  {"value": str(value).lower()})
    return value


NotBool = BeforeValidator(_no_bool)
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Count = Annotated[int, NotBool, Field(ge=0)]
Positive = Annotated[int, NotBool, Field(ge=1)]
Percent = Annotated[int, NotBool, Field(ge=0, le=100)]
Rate = Annotated[float, NotBool, Field(gt=0, le=100)]


def _known_party(value: str, info: ValidationInfo) -> str:
    keys = (info.context or {}).get("party_keys")
    if keys is not None and value not in keys:
        known = ", ".join(keys) if keys else "none defined"
        raise PydanticCustomError(
            "unknown_party", "unknown party key {value}; the parties are: {known}",
            {"value": repr(value), "known": known},
        )
    return value


PartyKey = Annotated[str, AfterValidator(_known_party)]

SITE_WORDS = ("performer", "client", "third_party")


def site_value(value: str, info: ValidationInfo) -> str:
    """``poc.site``: one of :data:`SITE_WORDS` or a party key (the party hosting the work at its premises).

    The performer's or the client's own key means the same as ``performer`` or ``client`` and is
    stored as that word, so every clause meets one spelling; any other party key names a host that
    signs the PoC (spec: deal-file.md, ``poc.site``). Anything else is an error listing both kinds.
    """
    if value in SITE_WORDS:
        return value
    for word in ("performer", "client"):
        if value == info.data.get(word):
            return word
    keys = (info.context or {}).get("party_keys")
    if keys is not None and value not in keys:
        raise PydanticCustomError(
            "unknown_site", "must be performer, client, third_party or a party key; got {value}; the parties are: {known}",
            {"value": repr(value), "known": ", ".join(keys) if keys else "none defined"},
        )
    return value


def field_error(field: str, rule: str, **values: str) -> PydanticCustomError:
    """An error raised by a model validator but located at one of its fields.

    ``rule`` is the message's key in ``templates/messages.yaml`` (worded in the user's language
    when reported); the English wording is the error's own message.
    """
    from oidocs.deal.messages import say

    return PydanticCustomError("field_rule", say(rule, "en", **values).replace("{", "{{").replace("}", "}}"),
                               {"field": field, "rule": rule, **values})


def differs(value: str, info: ValidationInfo, other: str) -> str:
    """A party key that must name another party than the field ``other`` (performer/client, owner/holder)."""
    if value == info.data.get(other):
        raise PydanticCustomError("same_party", "must differ from {other}", {"other": other})
    return value


def keys_as_map(value: Any) -> Any:
    """``poc.providers`` written as a list of party keys: each key with no items listed (the Schedule then
    describes the items in general words); a mapping is kept as written."""
    if isinstance(value, list) and all(isinstance(k, str) for k in value):
        return {k: [] for k in value}
    return value


def or_key_list(schema: dict[str, Any]) -> None:
    """JSON schema of ``poc.providers``: the mapping, or the shorter list of party keys that
    :func:`keys_as_map` accepts (the field's own words stay on top)."""
    kept: dict[str, Any] = {k: schema.pop(k) for k in ("title", "description", "default") if k in schema}
    mapping = dict(schema)
    schema.clear()
    schema.update(kept, anyOf=[mapping, {"type": "array", "items": {"type": "string", **mapping.get("propertyNames", {})}}])


def providers_outside(value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
    """``poc.providers``: parties other than the performer (its own technology is its Lent Items) and the
    client (it provides Client Materials, not technology under test)."""
    for key in value:
        for other in ("performer", "client"):
            if key == info.data.get(other):
                raise PydanticCustomError("same_party", "must differ from {other}", {"other": other})
    return value


def after_start(end: dt.date, info: ValidationInfo) -> dt.date:
    """An ``end`` date that must come after the ``start`` validated before it."""
    start = info.data.get("start")
    if start is not None and end <= start:
        raise PydanticCustomError("end_before_start", "must be after start ({start})", {"start": str(start)})
    return end


def sums_to_100(value: dict[str, int] | None, what: str) -> None:
    if value is not None and sum(value.values()) != 100:
        raise PydanticCustomError(
            "sum_100", "{what} must sum to 100 (they sum to {total})",
            {"what": what, "total": sum(value.values())},
        )


class Strict(BaseModel):
    """Base of every deal model: unknown keys are errors, values are frozen after load.

    ``cache_strings=False``: pydantic-core otherwise keeps the strings it validated in a cache of
    up to 16,384 entries; a batch worker validates thousands of deals whose strings never repeat,
    so the cache only grew its memory (issue 27: memory flat from 100 to 10,000 deals).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, cache_strings=False)


class LangMap(Strict):
    """A free-text value written per language, ``{ja: ..., en: ...}``; resolved before clauses see it."""

    ja: Text | None = Field(None, description="The Japanese text.")
    en: Text | None = Field(None, description="The English text.")

    @model_validator(mode="after")
    def _not_empty(self) -> LangMap:
        if self.ja is None and self.en is None:
            raise PydanticCustomError("empty_text_map", "give the text in ja, en or both")
        return self


# Tags of the two forms of a free-text value; dealfile drops them from error paths.
TEXT_TAGS = ("plain", "by_language")


def _text_form(value: Any) -> str:
    return "by_language" if isinstance(value, (dict, LangMap)) else "plain"


LangText = Annotated[
    Union[Annotated[Text, Tag("plain")], Annotated[LangMap, Tag("by_language")]],
    Discriminator(_text_form),
]
"""Free text: a plain string used in every language, or a ``{ja, en}`` map (spec: Text in two languages)."""


def plain(value: str | LangMap) -> str:
    """Return a free-text value of a localized deal (see :mod:`oidocs.deal.localize`) as its string."""
    if isinstance(value, LangMap):
        raise TypeError("a {ja, en} text map reached a stage that needs one language; localize the deal first")
    return value


class DocSection(Strict):
    """The keys every document section shares: its own dates and purpose (spec: Dates and purpose)."""

    date: dt.date | None = Field(None, description=(
        "The day this document is signed; the top-level date when absent (a blank date line when neither is given)."))
    effective: dt.date | None = Field(None, description=(
        "The day this document takes effect (its term counts from it); its signing date when absent."))
    purpose: LangText | None = Field(None, description=(
        "This document's purpose; the NDA, MOU and PoC default to the top-level purpose, the JDA to carrying out "
        "the joint work on its theme and using the results as its IP articles allow, the licence to practising "
        "the licensed rights in the field."))
