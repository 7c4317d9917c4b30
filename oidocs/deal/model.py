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

from pydantic import BaseModel, BeforeValidator, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from oidocs.deal.fields import (
    TEXT_TAGS,
    Count,
    DocSection,
    LangMap,
    LangText,
    NotBool,
    PartyKey,
    site_value,
    Percent,
    Positive,
    Strict,
    after_start,
    plain,
    differs,
    field_error,
    keys_as_map,
    or_key_list,
    providers_outside,
    sums_to_100,
)
from oidocs.deal.ip import (
    BackgroundLicence,
    ExclusiveField,
    Ip,
    JointFiling,
    Licence,
    LicenceCurrency,
    LicensedRight,
    Royalty,
)

__all__ = ["TEXT_TAGS", "BackgroundLicence", "Deal", "DocSection", "ExclusiveField", "Fee", "Ip", "Jda", "JointFiling",
           "LangMap", "LangText", "Licence", "LicensedRight", "Milestone", "Mou", "Nda", "Party", "PartyKey", "Poc",
           "Royalty", "complete", "copy_with", "duplicate_party_keys", "model_in", "party_keys_of", "plain"]


# The kinds of party that are academic: a university or a public research institute (students, degree
# theses, non-practice compensation, indirect costs; the clauses, the register and the sheet all test it).
ACADEMIC_KINDS = ("university", "research_institute")

class Party(Strict):
    key: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")] = Field(
        description="How the rest of the file refers to this party: a-z, 0-9 and _, starting with a letter.")
    name: LangText = Field(description="Legal name, as it appears in the document.")
    kind: Literal["sme", "startup", "large_company", "university", "research_institute", "other"] = Field(
        "other", description="Drives defaults and advice (a university gets a publication clause).")
    address: LangText = Field(description="Registered address.")
    representative: LangText = Field(description="Title and name of the signatory.")
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=40, strip_whitespace=True)] | None = Field(
        None, description=("The party's short defined name in English documents (\"Lumen\"), used instead of "
                           "Party A/B/C/D; Japanese documents keep 甲乙丙丁."))


class Nda(DocSection):
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
            raise field_error("discloser", "discloser_required")
        if self.mutual and self.discloser is not None:
            raise field_error("discloser", "discloser_unused")
        return self


class Milestone(Strict):
    title: LangText = Field(description="What is to be achieved.")
    due: dt.date = Field(description="When (ISO date).")


class Mou(DocSection):
    binding: bool = Field(False, description=(
        "false: non-binding except confidentiality, costs, governing law and court, which bind."))
    objectives: Annotated[list[LangText], Field(min_length=1)] = Field(description="What the collaboration aims at.")
    roles: Annotated[dict[PartyKey, LangText], Field(min_length=1)] = Field(description="Each party's role.")
    milestones: list[Milestone] = Field(default_factory=list, description="Milestones with due dates.")
    meetings: LangText | None = Field(None, description="How often progress meetings are held.")
    term_months: Positive = Field(6, description="Term of the memorandum in months.")


class Fee(Strict):
    amount: Count = Field(description="Fee in the currency's whole units (yen for JPY).")
    # The licence's list (oidocs.deal.ip.LicenceCurrency): a client abroad is billed in its own currency
    # as often as it pays royalties in it (seventh reading, deal G: a Singapore client billed in yen).
    currency: LicenceCurrency = Field("JPY", description=(
        "Currency of the fee (ISO 4217): JPY, or USD, EUR, GBP, CNY, KRW, SGD, CHF, AUD, CAD, HKD or TWD for a client "
        "abroad; the amount is in its whole units."))
    due_days: Count = Field(30, description="Days from invoice to payment.")


class Poc(DocSection):
    performer: PartyKey = Field(description="The party that carries out the verification.")
    client: PartyKey = Field(description="The party that commissions and pays for it.")
    scope: Annotated[list[LangText], Field(min_length=1)] = Field(description="The verification work.")
    deliverables: list[LangText] = Field(default_factory=list, description="Deliverables; a verification report when empty.")
    success_criteria: list[LangText] = Field(default_factory=list, description="Criteria of success.")
    start: dt.date = Field(description="Start of the verification (ISO date).")
    end: dt.date = Field(description="End of the verification (ISO date), after start.")
    fee: Fee = Field(description="The fee for the verification.")
    report_days: Positive = Field(14, description="oidocs extension: days after the end by which the report is due.")
    acceptance_days: Positive = Field(10, description=(
        "oidocs extension: days after delivery after which the report is deemed accepted without a specific objection."))
    decision_months: Positive = Field(2, description=(
        "oidocs extension: months after acceptance within which the parties decide on joint development."))
    confidentiality_years: Positive = Field(5, description="oidocs extension: years confidentiality survives.")
    site: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)] = Field("performer", description=(
        "Where the verification work is done: performer (the performer's site), client (the client's), third_party "
        "(an outside host's: a customer's building, a production line), or the key of a party that hosts the work "
        "at its premises and signs as the host (grants access, gives its rules, keeps its information as its own); "
        "drives consents, installation and removal, restoration, safety, insurance and liability."))
    method: list[LangText] | LangText | None = Field(None, description=(
        "How each success criterion is measured; the review sheet asks for it when criteria are given without it."))
    insurance_amount: Positive = Field(100_000_000, description=(
        "oidocs extension: the minimum cover per occurrence, in yen, of the liability insurance for work at a site."))
    human_data: bool = Field(False, description=(
        "The verification uses people or data about them (trials on volunteers, health, biometrics): adds the "
        "JDA's article on ethics review, consent and the handling of personal information."))
    providers: Annotated[dict[PartyKey, list[LangText]], BeforeValidator(keys_as_map)] = Field(
        default_factory=dict, json_schema_extra=or_key_list, description=(
            "oidocs extension: the parties, neither performer nor client, whose technology, equipment or software the "
            "verification tests (each key, or each key with the list of the items it supplies): their items stay theirs, "
            "are lent for the verification only and returned, are not analysed; their devices' own signals are theirs; "
            "their people's results are theirs, joint ones shared; the Schedule names them and their items."))

    _client_differs = field_validator("client")(lambda v, info: differs(v, info, "performer"))

    _providers_take_no_role = field_validator("providers")(lambda v, info: providers_outside(v, info))

    _end_after_start = field_validator("end")(lambda v, info: after_start(v, info))

    _site_word_or_party = field_validator("site")(lambda v, info: site_value(v, info))


class Jda(DocSection):
    theme: LangText = Field(description="The research and development theme.")
    roles: Annotated[dict[PartyKey, Annotated[list[LangText], Field(min_length=1)]], Field(min_length=1)] = Field(
        description="Each party's tasks.")
    start: dt.date = Field(description="Start of the joint development (ISO date).")
    end: dt.date = Field(description="End of the joint development (ISO date), after start.")
    costs: Literal["each_own", "shared"] = Field("each_own", description="Who bears the costs.")
    cost_shares: dict[PartyKey, Percent] | None = Field(None, description="Percentages summing to 100, with costs: shared.")
    publication_notice_days: Count = Field(30, description="Prior written notice before publishing results, in days.")
    non_compete: bool = Field(False, description="No competing development during the term.")
    confidentiality_years: Positive = Field(5, description="oidocs extension: years confidentiality survives.")
    human_data: bool = Field(False, description=(
        "The research uses data about people (health, biometrics, behaviour): adds an article on ethics review, "
        "consent and the handling of personal information."))
    liability_cap: Positive | None = Field(None, description=(
        "oidocs extension: a fixed cap on each party's liability, in yen; without it, what the party has paid and must "
        "pay by the date of the event (shared costs; what it has received for a party bearing no share), or "
        "no overall cap (each bears its own)."))
    site: PartyKey | None = Field(None, description=(
        "oidocs extension: the key of the party at whose premises (a plant, a laboratory) the other parties' people "
        "do part of the joint work: adds an article on its rules, safety, equipment, access and insurance; none when "
        "each party works at its own premises."))
    insurance_amount: Positive = Field(100_000_000, description=(
        "oidocs extension: the minimum cover per occurrence, in yen, of the liability insurance that every visiting "
        "party carries for work at the site (jda.site)."))

    _end_after_start = field_validator("end")(lambda v, info: after_start(v, info))

    @field_validator("cost_shares")
    @classmethod
    def _shares_sum(cls, shares: dict[str, int] | None) -> dict[str, int] | None:
        sums_to_100(shares, "cost shares")
        return shares

    @model_validator(mode="after")
    def _shares_with_shared(self) -> Jda:
        if self.costs == "shared" and self.cost_shares is None:
            raise field_error("cost_shares", "cost_shares_required")
        if self.costs == "each_own" and self.cost_shares is not None:
            raise field_error("cost_shares", "cost_shares_unused")
        return self


class Deal(Strict):
    """A deal file, version 1, with every default filled in by :func:`complete`."""

    version: Annotated[Literal[1], NotBool] = Field(description="The deal file format version: 1.")
    deal_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] = Field(
        description="1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit; names output files.")
    language: Literal["ja", "en"] = Field("ja", description="Language of the documents; --lang overrides it.")
    date: dt.date | None = Field(None, description=(
        "Signing (and effective) date of every document that gives none of its own; a blank date line when absent."))
    parties: Annotated[list[Party], Field(min_length=2, max_length=4)] = Field(
        description="2 to 4 parties; their order gives 甲乙丙丁 / Party A-D.")
    purpose: LangText = Field(description="What the disclosure and the collaboration are for.")
    governing_law: Literal["japan"] = Field("japan", description="Governing law: japan.")
    court: LangText | None = Field(None, description="Court with exclusive jurisdiction of first instance; Tokyo District Court when absent.")
    nda: Nda = Field(default_factory=Nda, description="Terms of the NDA.")
    mou: Mou | None = Field(None, description="Terms of the memorandum of understanding.")
    poc: Poc | None = Field(None, description="Terms of the proof-of-concept agreement.")
    jda: Jda | None = Field(None, description="Terms of the joint research and development agreement.")
    ip: Ip | None = Field(None, description="How intellectual property is owned and licensed.")
    licence: Licence | None = Field(None, description="Terms of a patent and know-how licence agreement.")
    acting_for: PartyKey | None = Field(None, description=(
        "The party whose side the drafts are prepared for; balanced defaults when absent."))
    signing: Literal["paper", "electronic"] = Field("paper", description=(
        "paper: counterparts with names and seals; electronic: an electronic record signed by electronic signature."))
    date_style: Literal["western", "japanese"] = Field("western", description=(
        "japanese: dates in Japanese documents by era (令和8年12月1日); English ignores it."))
    prevailing_language: Literal["ja", "en"] | None = Field(None, description=(
        "Which language version prevails: given, every document (Japanese, English or side by side) says the agreement "
        "is made in Japanese and English and that this version prevails; absent, only a side-by-side document says so, "
        "with the deal's language."))

    def section(self, doc: str) -> DocSection | None:
        """Return the section of document ``doc`` (``nda``, ``mou``, ``poc``, ``jda``, ``licence``), or None."""
        value = getattr(self, doc)
        return value if isinstance(value, DocSection) else None

    def doc_dates(self, doc: str) -> tuple[dt.date | None, dt.date | None]:
        """Return ``(signed, effective)`` of document ``doc``: its own dates, else the top-level date."""
        section = self.section(doc)
        signed = (section.date if section else None) or self.date
        effective = (section.effective if section else None) or signed
        return signed, effective

    @field_validator("parties")
    @classmethod
    def _unique_keys(cls, parties: list[Party]) -> list[Party]:
        keys = [p.key for p in parties]
        if len(set(keys)) != len(keys):
            raise PydanticCustomError("duplicate_party", "party keys must be unique")
        shorts = [p.short_name.casefold() for p in parties if p.short_name]
        if len(set(shorts)) != len(shorts):  # two parties called "Lumen" could not be told apart
            raise PydanticCustomError("duplicate_short_name", "short names must differ from party to party")
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
    """Fill the defaults that depend on other fields (equal shares, all licensors, non-practice
    compensation when the drafts are prepared for a university or research institute).

    After this a clause never meets ``None`` where the spec promises a default. Filled-in
    values still count as defaults (``model_fields_set`` is kept), so the review sheet can
    tell a user's choice from a default.
    """
    keys = [p.key for p in deal.parties]
    if deal.prevailing_language is None:  # written empty or left out: a default either way (language_versions)
        deal = copy_with(deal, prevailing_language=deal.language)
        object.__setattr__(deal, "__pydantic_fields_set__", deal.model_fields_set - {"prevailing_language"})
    ip = deal.ip
    if ip is None:
        return deal
    updates: dict[str, Any] = {}
    if ip.model == "joint_filing":
        jf = ip.joint_filing or JointFiling()
        acting = next((p for p in deal.parties if p.key == deal.acting_for), None)
        if acting is not None and acting.kind in ACADEMIC_KINDS \
                and "non_practice_compensation" not in jf.model_fields_set:
            jf = copy_with(jf, non_practice_compensation=True)  # a university's side: 不実施補償 by default
        if jf.shares is None:
            base, rest = divmod(100, len(keys))
            jf = copy_with(jf, shares={k: base + (1 if i < rest else 0) for i, k in enumerate(keys)})
        updates["joint_filing"] = jf
    bl = ip.background_licence
    if ip.model == "background_licence" and bl is None:
        bl = BackgroundLicence()
    if bl is not None:
        updates["background_licence"] = bl if bl.licensors is not None else copy_with(bl, licensors=keys)
    return copy_with(deal, ip=copy_with(ip, **updates))


def language_versions(deal: Deal) -> bool:
    """Whether the deal says which language version prevails (``prevailing_language`` written in the file): the
    agreement is then made in a Japanese and an English version, and each single-language document says which
    prevails as a side-by-side one does (eleventh reading, deal "two": separate versions said nothing)."""
    return "prevailing_language" in deal.model_fields_set


def copy_with(model: Any, **values: Any) -> Any:
    """Copy ``model`` with ``values`` filled in, without marking them as set by the user.

    The review sheet tells a user's choice from a default by ``model_fields_set``; every
    value oidocs computes (defaults that depend on other fields, one language's text) keeps it.
    """
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
