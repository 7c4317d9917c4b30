"""The deal file, version 1, as strict pydantic models.

Field names and meanings follow ``shared/spec/deal-file.md`` exactly; keys marked
"oidocs extension" are optional additions documented in ``docs``/``oidocs schema``.
Unknown keys are refused everywhere (``extra="forbid"``) so that a typo never falls
back to a default. Rules that involve several fields are written as field validators
on the field a user must change, so that the error points at that field's line.
Party keys are checked against the party list passed in the validation context
(``{"party_keys": [...]}``), which lets every problem be reported in one pass.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Count = Annotated[int, Field(ge=0)]
Positive = Annotated[int, Field(ge=1)]
Percent = Annotated[int, Field(ge=0, le=100)]


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


def _field_error(field: str, message: str) -> PydanticCustomError:
    """An error raised by a model validator but located at one of its fields."""
    return PydanticCustomError("field_rule", message, {"field": field})


def _differs(value: str, info: ValidationInfo, other: str) -> str:
    """A party key that must name another party than the field ``other`` (performer/client, owner/holder)."""
    if value == info.data.get(other):
        raise PydanticCustomError("same_party", "must differ from {other}", {"other": other})
    return value


def _after_start(end: dt.date, info: ValidationInfo) -> dt.date:
    """An ``end`` date that must come after the ``start`` validated before it."""
    start = info.data.get("start")
    if start is not None and end <= start:
        raise PydanticCustomError("end_before_start", "must be after start ({start})", {"start": str(start)})
    return end


def _sums_to_100(value: dict[str, int] | None, what: str) -> None:
    if value is not None and sum(value.values()) != 100:
        raise PydanticCustomError(
            "sum_100", "{what} must sum to 100 (they sum to {total})",
            {"what": what, "total": sum(value.values())},
        )


class Strict(BaseModel):
    """Base of every deal model: unknown keys are errors, values are frozen after load."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(Strict):
    key: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")] = Field(
        description="How the rest of the file refers to this party: a-z, 0-9 and _, starting with a letter.")
    name: Text = Field(description="Legal name, as it appears in the document.")
    kind: Literal["sme", "startup", "large_company", "university", "research_institute", "other"] = Field(
        "other", description="Drives defaults and advice (a university gets a publication clause).")
    address: Text = Field(description="Registered address.")
    representative: Text = Field(description="Title and name of the signatory.")


class Nda(Strict):
    mutual: bool = Field(True, description="Both parties disclose; when false, `discloser` is required.")
    discloser: PartyKey | None = Field(None, description="The only disclosing party of a one-way NDA.")
    marking: bool = Field(True, description=(
        "true: only information marked or designated confidential is covered (oral disclosures confirmed "
        "in writing within marking_days); false: all information disclosed for the purpose."))
    marking_days: Positive = Field(14, description="Days to confirm an oral disclosure in writing.")
    term_months: Positive = Field(12, description="Term of the agreement in months.")
    survival_months: Count = Field(36, description="How long the obligations outlive the term, in months.")

    @model_validator(mode="after")
    def _discloser_rule(self) -> Nda:
        if not self.mutual and self.discloser is None:
            raise _field_error("discloser", "required when mutual is false: name the disclosing party's key")
        if self.mutual and self.discloser is not None:
            raise _field_error("discloser", "only used when mutual is false; remove it or set mutual: false")
        return self


class Milestone(Strict):
    title: Text = Field(description="What is to be achieved.")
    due: dt.date = Field(description="When (ISO date).")


class Mou(Strict):
    binding: bool = Field(False, description=(
        "false: non-binding except confidentiality, costs, governing law and court, which bind."))
    objectives: Annotated[list[Text], Field(min_length=1)] = Field(description="What the collaboration aims at.")
    roles: Annotated[dict[PartyKey, Text], Field(min_length=1)] = Field(description="Each party's role.")
    milestones: list[Milestone] = Field(default_factory=list, description="Milestones with due dates.")
    meetings: Text | None = Field(None, description="How often progress meetings are held.")
    term_months: Positive = Field(6, description="Term of the memorandum in months.")


class Fee(Strict):
    amount: Count = Field(description="Fee in the currency's whole units (yen).")
    currency: Literal["JPY"] = Field("JPY", description="Currency; JPY.")
    due_days: Count = Field(30, description="Days from invoice to payment.")


class Poc(Strict):
    performer: PartyKey = Field(description="The party that carries out the verification.")
    client: PartyKey = Field(description="The party that commissions and pays for it.")
    scope: Annotated[list[Text], Field(min_length=1)] = Field(description="The verification work.")
    deliverables: list[Text] = Field(default_factory=list, description="Deliverables; a verification report when empty.")
    success_criteria: list[Text] = Field(default_factory=list, description="Criteria of success.")
    start: dt.date = Field(description="Start of the verification (ISO date).")
    end: dt.date = Field(description="End of the verification (ISO date), after start.")
    fee: Fee = Field(description="The fee for the verification.")
    report_days: Positive = Field(14, description="oidocs extension: days after the end by which the report is due.")
    acceptance_days: Positive = Field(10, description=(
        "oidocs extension: days after delivery after which the report is deemed accepted without a specific objection."))
    decision_months: Positive = Field(2, description=(
        "oidocs extension: months after acceptance within which the parties decide on joint development."))
    confidentiality_years: Positive = Field(5, description="oidocs extension: years confidentiality survives.")

    _client_differs = field_validator("client")(lambda v, info: _differs(v, info, "performer"))

    _end_after_start = field_validator("end")(lambda v, info: _after_start(v, info))


class Jda(Strict):
    theme: Text = Field(description="The research and development theme.")
    roles: Annotated[dict[PartyKey, Annotated[list[Text], Field(min_length=1)]], Field(min_length=1)] = Field(
        description="Each party's tasks.")
    start: dt.date = Field(description="Start of the joint development (ISO date).")
    end: dt.date = Field(description="End of the joint development (ISO date), after start.")
    costs: Literal["each_own", "shared"] = Field("each_own", description="Who bears the costs.")
    cost_shares: dict[PartyKey, Percent] | None = Field(None, description="Percentages summing to 100, with costs: shared.")
    publication_notice_days: Count = Field(30, description="Prior written notice before publishing results, in days.")
    non_compete: bool = Field(False, description="No competing development during the term.")
    confidentiality_years: Positive = Field(5, description="oidocs extension: years confidentiality survives.")

    _end_after_start = field_validator("end")(lambda v, info: _after_start(v, info))

    @field_validator("cost_shares")
    @classmethod
    def _shares_sum(cls, shares: dict[str, int] | None) -> dict[str, int] | None:
        _sums_to_100(shares, "cost shares")
        return shares

    @model_validator(mode="after")
    def _shares_with_shared(self) -> Jda:
        if self.costs == "shared" and self.cost_shares is None:
            raise _field_error("cost_shares", "required when costs is shared: give each party's percentage")
        if self.costs == "each_own" and self.cost_shares is not None:
            raise _field_error("cost_shares", "only used when costs is shared; remove it or set costs: shared")
        return self


class JointFiling(Strict):
    shares: dict[PartyKey, Percent] | None = Field(None, description="Co-ownership shares in percent, summing to 100; equal when absent.")
    third_party_licence: Literal["consent", "free"] = Field("consent", description=(
        "Whether licensing a third party needs the other co-owners' consent (Patent Act art. 73)."))
    costs: Literal["by_share", "equal"] = Field("by_share", description="Filing and maintenance costs.")
    non_practice_compensation: bool = Field(False, description=(
        "oidocs extension: a co-owner that practises compensates a university co-owner that cannot."))

    @property
    def equal(self) -> bool:
        """True when the deal left the shares out, so that they are equal by default."""
        return "shares" not in self.model_fields_set

    @field_validator("shares")
    @classmethod
    def _shares_sum(cls, shares: dict[str, int] | None) -> dict[str, int] | None:
        _sums_to_100(shares, "shares")
        return shares


class ExclusiveField(Strict):
    owner: PartyKey = Field(description="Owns the results.")
    holder: PartyKey = Field(description="Holds the exclusive right; differs from owner.")
    field: Text = Field(description="The field of exclusive practice.")
    years: Positive = Field(3, description="Exclusivity period in years, non-exclusive after it.")
    territory: Text = Field("worldwide", description="Territory of the exclusive right.")

    _holder_differs = field_validator("holder")(lambda v, info: _differs(v, info, "owner"))


class BackgroundLicence(Strict):
    licensors: list[PartyKey] | None = Field(None, description="Licensing parties; all parties when absent.")
    exclusive: bool = Field(False, description="Whether the licence is exclusive.")
    royalty_free: bool = Field(True, description="Royalty-free, or royalties agreed in good faith.")
    sublicensable: bool = Field(False, description="Whether the licensee may sublicense (group companies and subcontractors).")

    @field_validator("licensors")
    @classmethod
    def _unique(cls, licensors: list[str] | None) -> list[str] | None:
        if licensors is not None:
            if not licensors:
                raise PydanticCustomError("empty", "name at least one licensor, or leave the key out for all parties")
            if len(set(licensors)) != len(licensors):
                raise PydanticCustomError("duplicate", "a party is listed twice")
        return licensors


class Ip(Strict):
    model: Literal["joint_filing", "exclusive_field", "background_licence"] = Field(
        description="How the results (foreground IP) are owned.")
    joint_filing: JointFiling | None = Field(None, description="Terms of the joint_filing model.")
    exclusive_field: ExclusiveField | None = Field(None, description="Terms of the exclusive_field model.")
    background_licence: BackgroundLicence | None = Field(None, description=(
        "Terms of the background_licence model; beside another model it adds a licence of background IP."))

    @model_validator(mode="after")
    def _blocks_match_model(self) -> Ip:
        if self.model == "exclusive_field" and self.exclusive_field is None:
            raise _field_error("exclusive_field", "required when model is exclusive_field (owner, holder, field)")
        if self.model != "joint_filing" and self.joint_filing is not None:
            raise _field_error("joint_filing", f"given, but model is {self.model}; remove it or change model")
        if self.model != "exclusive_field" and self.exclusive_field is not None:
            raise _field_error("exclusive_field", f"given, but model is {self.model}; remove it or change model")
        return self


class Deal(Strict):
    """A deal file, version 1, with every default filled in by :func:`complete`."""

    version: Literal[1] = Field(description="The deal file format version: 1.")
    deal_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] = Field(
        description="1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit; names output files.")
    language: Literal["ja", "en"] = Field("ja", description="Language of the documents; --lang overrides it.")
    date: dt.date | None = Field(None, description="Effective date; a blank date line when absent.")
    parties: Annotated[list[Party], Field(min_length=2, max_length=4)] = Field(
        description="2 to 4 parties; their order gives 甲乙丙丁 / Party A-D.")
    purpose: Text = Field(description="What the disclosure and the collaboration are for.")
    governing_law: Literal["japan"] = Field("japan", description="Governing law: japan.")
    court: Text | None = Field(None, description="Court with exclusive jurisdiction of first instance; Tokyo District Court when absent.")
    nda: Nda = Field(default_factory=Nda, description="Terms of the NDA.")
    mou: Mou | None = Field(None, description="Terms of the memorandum of understanding.")
    poc: Poc | None = Field(None, description="Terms of the proof-of-concept agreement.")
    jda: Jda | None = Field(None, description="Terms of the joint research and development agreement.")
    ip: Ip | None = Field(None, description="How intellectual property is owned and licensed.")

    @field_validator("parties")
    @classmethod
    def _unique_keys(cls, parties: list[Party]) -> list[Party]:
        keys = [p.key for p in parties]
        if len(set(keys)) != len(keys):
            raise PydanticCustomError("duplicate_party", "party keys must be unique")
        return parties


def duplicate_party_keys(data: Any) -> list[int]:
    """Return the indexes of parties whose key an earlier party already uses."""
    seen: set[str] = set()
    found = []
    for i, key in enumerate(_raw_keys(data) or []):
        if key is None:
            continue
        if key in seen:
            found.append(i)
        seen.add(key)
    return found


def _raw_keys(data: Any) -> list[str | None] | None:
    parties = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(parties, list):
        return None
    return [p.get("key") if isinstance(p, dict) else None for p in parties]


def party_keys_of(data: Any) -> list[str] | None:
    """Return the party keys in raw deal data, for the validation context (None if unreadable)."""
    parties = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(parties, list):
        return None
    keys = [p["key"] for p in parties if isinstance(p, dict) and isinstance(p.get("key"), str)]
    return list(dict.fromkeys(keys))


def complete(deal: Deal) -> Deal:
    """Fill the defaults that depend on other fields (equal shares, all licensors).

    After this a clause never meets ``None`` where the spec promises a default. Filled-in
    values still count as defaults (``model_fields_set`` is kept), so the review sheet can
    tell a user's choice from a default.
    """
    keys = [p.key for p in deal.parties]
    ip = deal.ip
    if ip is None:
        return deal
    updates: dict[str, Any] = {}
    if ip.model == "joint_filing":
        jf = ip.joint_filing or JointFiling()
        if jf.shares is None:
            base, rest = divmod(100, len(keys))
            jf = _fill(jf, shares={k: base + (1 if i < rest else 0) for i, k in enumerate(keys)})
        updates["joint_filing"] = jf
    bl = ip.background_licence
    if ip.model == "background_licence" and bl is None:
        bl = BackgroundLicence()
    if bl is not None:
        updates["background_licence"] = bl if bl.licensors is not None else _fill(bl, licensors=keys)
    return _fill(deal, ip=_fill(ip, **updates))


def _fill(model: Any, **values: Any) -> Any:
    """Copy ``model`` with ``values`` filled in, without marking them as set by the user."""
    copy = model.model_copy(update=values)
    object.__setattr__(copy, "__pydantic_fields_set__", set(model.model_fields_set))
    return copy


def model_in(annotation: Any) -> type[BaseModel] | None:
    """Return the deal model class inside a field annotation (Optional, list, Annotated), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = model_in(arg)
        if found:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and hasattr(annotation, "__metadata__"):
        return model_in(origin)
    return None
