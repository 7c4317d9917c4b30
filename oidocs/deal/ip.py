"""The intellectual-property and licence sections of the deal file (spec: ``ip``, ``licence``)."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from oidocs.deal.fields import (
    Count,
    DocSection,
    LangText,
    PartyKey,
    Percent,
    Positive,
    Rate,
    Strict,
    Text,
    differs,
    field_error,
    sums_to_100,
)


class JointFiling(Strict):
    shares: dict[PartyKey, Percent] | None = Field(None, description="Co-ownership shares in per cent, summing to 100; equal when absent.")
    third_party_licence: Literal["consent", "free"] = Field("consent", description=(
        "Whether licensing a third party needs the other co-owners' consent (Patent Act art. 73)."))
    costs: Literal["by_share", "equal"] = Field("by_share", description="Filing and maintenance costs.")
    non_practice_compensation: bool = Field(False, description=(
        "oidocs extension: a co-owner that practises compensates a university co-owner that cannot."))
    first_offer_years: Count = Field(3, description=(
        "oidocs extension: where a large company co-owns the results with an SME or a startup, the years after the "
        "research period during which the large company, before having a third party make products with the results, "
        "offers that manufacture to the SME and startup co-owners first (0: no such bound)."))

    @property
    def equal(self) -> bool:
        """True when the deal left the shares out, so that they are equal by default."""
        return "shares" not in self.model_fields_set

    @field_validator("shares")
    @classmethod
    def _shares_sum(cls, shares: dict[str, int] | None) -> dict[str, int] | None:
        sums_to_100(shares, "shares")
        return shares


class Royalty(Strict):
    """The price of a licence: upfront, running royalty on a base, minimum, reports."""

    upfront: Count = Field(0, description="Upfront payment in the currency's whole units (may be 0).")
    rate_percent: Rate = Field(description="Running royalty rate, in per cent of the base.")
    base: Literal["net_sales"] = Field("net_sales", description="What the rate applies to: net_sales.")
    minimum_annual: Count | None = Field(None, description="Minimum royalty per contract year (optional).")
    report_months: Positive = Field(6, description="Royalty reports (and payments) every this many months.")
    currency: Literal["JPY"] = Field("JPY", description="Currency; JPY.")


def _royalty_or_free(royalty_free: bool, royalty: Royalty | None) -> None:
    if royalty_free and royalty is not None:
        raise field_error("royalty", "royalty_and_free")


class ExclusiveField(Strict):
    owner: PartyKey = Field(description="Owns the results.")
    holder: PartyKey = Field(description="Holds the exclusive right; differs from owner.")
    field: LangText = Field(description="The field of exclusive practice.")
    years: Positive = Field(3, description="Exclusivity period in years from the JDA's effective date, non-exclusive after it.")
    territory: LangText = Field("worldwide", description="Territory of the exclusive right.")
    royalty_free: bool = Field(False, description=(
        "The exclusive right is free; when false and no royalty block is given, the JDA gives only an undertaking "
        "to negotiate the licence terms."))
    royalty: Royalty | None = Field(None, description="The price of the exclusive right (as in licence.royalty).")

    _holder_differs = field_validator("holder")(lambda v, info: differs(v, info, "owner"))

    @model_validator(mode="after")
    def _royalty_rule(self) -> ExclusiveField:
        _royalty_or_free(self.royalty_free, self.royalty)
        return self


class BackgroundLicence(Strict):
    licensors: list[PartyKey] | None = Field(None, description="Licensing parties; all parties when absent.")
    exclusive: bool = Field(False, description="Whether the licence is exclusive.")
    royalty_free: bool = Field(True, description=(
        "The licence to carry out the collaboration (the research, the PoC) is free."))
    commercial: Literal["reasonable_terms", "royalty_free", "none"] = Field("reasonable_terms", description=(
        "The licence of background IP needed to practise the results commercially: reasonable_terms (negotiated "
        "within a fixed window, with mediation as the fallback; priced now when a royalty block is given), "
        "royalty_free (free, only when the deal says so) or none."))
    sublicensable: bool = Field(False, description="Whether the licensee may sublicense (group companies and subcontractors).")
    royalty: Royalty | None = Field(None, description="The price of the commercial licence (as in licence.royalty).")

    @model_validator(mode="after")
    def _royalty_rule(self) -> BackgroundLicence:
        # The royalty prices the commercial licence, so it sits with reasonable_terms only; the free
        # research licence (royalty_free) does not make the commercial one free (spec).
        if self.royalty is not None and self.commercial != "reasonable_terms":
            raise field_error("royalty", "royalty_and_commercial", commercial=self.commercial)
        return self

    @field_validator("licensors")
    @classmethod
    def _unique(cls, licensors: list[str] | None) -> list[str] | None:
        if licensors is not None:
            if not licensors:
                raise PydanticCustomError("licensors_empty", "name at least one licensor, or leave the key out for all parties")
            if len(set(licensors)) != len(licensors):
                raise PydanticCustomError("licensors_duplicate", "a party is listed twice")
        return licensors


# ISO 4217 codes a licence may be paid in: the yen and the currencies of Japan's main licensing partners.
# A licence with a foreign payer is often priced in the payer's currency; the agreement states the
# currency and converts sales invoiced in others at a named Japanese bank's TTM (licence.reports).
LicenceCurrency = Literal["JPY", "USD", "EUR", "GBP", "CNY", "KRW", "SGD", "CHF", "AUD", "CAD", "HKD", "TWD"]
LICENCE_CURRENCIES: tuple[str, ...] = get_args(LicenceCurrency)  # the same list, for code that iterates it


class LicenceRoyalty(Royalty):
    """The price of the licence agreement: a royalty block plus the rate once the patents are gone."""

    # Wider than the JDA royalty's JPY on purpose: a licence may be paid from abroad (pydantic allows
    # the override; mypy sees a changed attribute type).
    currency: LicenceCurrency = Field(  # type: ignore[assignment]
        "JPY", description=(
            "Currency of every payment under the licence agreement (ISO 4217): JPY, or USD, EUR, GBP, CNY, KRW, SGD, "
            "CHF, AUD, CAD, HKD or TWD for a payer abroad; amounts are in its whole units."))

    rate_after_patents_percent: Rate | None = Field(None, description=(
        "Running royalty rate for the know-how, software or designs on products and services that no valid "
        "claim of a licensed patent or application covers in the country concerned; without it none is due on them."))
    sublicence_income_percent: Percent = Field(30, description=(
        "With sublicensable: the licensor's share, in per cent, of the upfront, milestone and other non-royalty "
        "income the licensee receives for sublicences."))


# Rights whose lapse ends the royalty (a patent, or an application that may become one).
PATENT_KINDS = ("patent", "application")


class LicensedRight(Strict):
    kind: Literal["patent", "application", "know_how", "software", "design"] = Field(description="What is licensed.")
    title: LangText = Field(description="Title of the patent or application, or a description of the know-how.")
    number: Text | None = Field(None, description="Registration or application number (optional).")


class Licence(DocSection):
    licensor: PartyKey = Field(description="The party that grants the licence.")
    licensee: PartyKey = Field(description="The party that receives it; differs from licensor.")
    rights: Annotated[list[LicensedRight], Field(min_length=1)] = Field(description=(
        "The licensed rights, listed in an appendix."))
    field: LangText = Field(description="Field of use.")
    territory: LangText = Field("worldwide", description="Territory.")
    exclusive: bool = Field(False, description=(
        "An exclusive licence under contract (独占的通常実施権), not a registered 専用実施権."))
    sublicensable: bool = Field(False, description="Whether the licensee may grant sublicences.")
    royalty_free: bool = Field(False, description="The licence is free of charge.")
    royalty: LicenceRoyalty | None = Field(None, description="The price; required unless royalty_free.")
    audit: bool = Field(True, description="The licensor may audit the licensee's books on notice.")
    improvements: Literal["none", "grant_back_nonexclusive"] = Field("none", description=(
        "none: the licensee's improvements stay its own; grant_back_nonexclusive adds a non-exclusive licence back."))
    term_years: Positive | None = Field(None, description=(
        "Term in years, renewed a year at a time unless either party gives notice; until the last licensed "
        "patent expires when absent; required when no patent or application is licensed."))
    licensor_practises: bool = Field(False, description=(
        "With exclusive: whether the licensor itself may practise in the field (stated either way)."))
    first_sale_years: Positive | None = Field(None, description=(
        "oidocs extension, with exclusive only: years from the effective date by which the licensee makes its first "
        "commercial sale of a Licensed Product (3 when absent); missing it lets the licensor end the exclusivity."))
    insurance_amount: Positive | None = Field(None, description=(
        "oidocs extension: the minimum cover per occurrence, in the royalty's currency (yen when free), of the "
        "licensee's product liability insurance; without it the cover is an amount customary for such products."))
    poc_results: bool = Field(False, description=(
        "oidocs extension: whether the licensor's rights in the results of the PoC it performed (its sole results "
        "and its share of joint ones) are licensed too; when false, only the rights listed in rights are licensed."))

    _licensee_differs = field_validator("licensee")(lambda v, info: differs(v, info, "licensor"))

    @model_validator(mode="after")
    def _royalty_rule(self) -> Licence:
        _royalty_or_free(self.royalty_free, self.royalty)
        if not self.royalty_free and self.royalty is None:
            raise field_error("royalty", "royalty_required")
        patents = any(r.kind in PATENT_KINDS for r in self.rights)
        if self.term_years is None and not patents:
            raise field_error("term_years", "licence_term_required")
        if "licensor_practises" in self.model_fields_set and not self.exclusive:
            raise field_error("licensor_practises", "licensor_practises_exclusive_only")
        if self.first_sale_years is not None and not self.exclusive:
            raise field_error("first_sale_years", "first_sale_years_exclusive_only")
        after = self.royalty.rate_after_patents_percent if self.royalty else None
        if after is not None:
            if not patents or all(r.kind in PATENT_KINDS for r in self.rights):
                raise field_error("royalty.rate_after_patents_percent", "rate_after_patents_nothing_left")
            if self.royalty is not None and after > self.royalty.rate_percent:
                raise field_error("royalty.rate_after_patents_percent", "rate_after_patents_too_high",
                                  after=f"{after:g}", rate=f"{self.royalty.rate_percent:g}")
        return self


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
            raise field_error("exclusive_field", "exclusive_field_required")
        if self.model != "joint_filing" and self.joint_filing is not None:
            raise field_error("joint_filing", "block_for_other_model", model=self.model)
        if self.model != "exclusive_field" and self.exclusive_field is not None:
            raise field_error("exclusive_field", "block_for_other_model", model=self.model)
        return self
