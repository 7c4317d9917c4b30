"""How one deal's two royalties fit together: the licence agreement's and the JDA's.

Two rules a clause and the review sheet must read alike, so each is computed once here:

- :func:`minimum_start`: a licence signed before the joint research has produced anything (the
  same day as the JDA, or while its research runs) cannot fairly charge a minimum royalty from its
  own effective date: the minimum then counts from the first sale of a licensed product, or from a
  long-stop date after the research ends if that comes first.
- :func:`royalty_cap`: the holder of the JDA's exclusive field who also takes the licence pays two
  running royalties on one product; unless drafted for the licensor, the licence agreement lowers its
  own rate so that the two together stay under a combined rate (:func:`stacked_royalty` gives the
  figures and the middle-ground credit the review sheet reads).

Both lean with ``acting_for`` (:func:`licence_lean`), as the licence agreement's other open terms do.
Beside them, the licence's terms that its clauses and the review sheet must also read alike
(:func:`licensor_practice`, :func:`sublicence_share_applies`).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from oidocs.deal.model import ACADEMIC_KINDS, Deal
from oidocs.deal.sequence import add_years


def licence_lean(deal: Deal) -> str:
    """Which way the licence agreement leans for ``acting_for``: "licensor", "licensee" or "balanced".

    Terms with no neutral answer (who funds prosecution abroad for an exclusive licensee, who carries
    withholding tax, what the licensor bears when a third party's infringement claim succeeds, when the
    minimum royalty starts, how two royalties on one product combine) read as the acting party's lawyer
    would draft them; a third party or no party gets the middle ground.
    """
    lic, acting = deal.licence, deal.acting_for
    if lic is None or acting is None:
        return "balanced"
    return "licensor" if acting == lic.licensor else "licensee" if acting == lic.licensee else "balanced"


class MinimumStart(NamedTuple):
    """When the first contract year of the minimum royalty begins: the earlier of the first sale (plus
    ``sale_years`` years) and ``long_stop`` (``research_years`` years after the JDA's research ends)."""

    sale_years: int
    research_years: int
    long_stop: dt.date


def minimum_start(deal: Deal) -> MinimumStart | None:
    """Return the later start of the licence's minimum royalty, or None when it counts from the licence's
    effective date (no minimum, no JDA in the pack, or a licence that takes effect after the research).

    Drafted for the licensor (and balanced), the minimum starts at the first sale or one year after the
    JDA's research ends, whichever is earlier: a university needs the floor to keep an exclusive licensee
    diligent, but a floor charged before the research has produced anything to sell would be resisted
    and is hard to defend; a year after the research is time enough to launch. Drafted for the licensee,
    it starts a year after the first sale, or two years after the research, whichever is earlier.
    """
    lic, jda = deal.licence, deal.jda
    if lic is None or jda is None or lic.royalty_free or lic.royalty is None or not lic.royalty.minimum_annual:
        return None
    _, effective = deal.doc_dates("licence")
    if effective is not None and effective > jda.end:
        return None
    sale, research = (1, 2) if licence_lean(deal) == "licensee" else (0, 1)
    return MinimumStart(sale, research, add_years(jda.end, research))


class RoyaltyCap(NamedTuple):
    """The licence's running royalty rate on a product that also bears the JDA's exclusive-field royalty."""

    jda_rate: float
    licence_rate: float
    combined: float  # the two together never exceed this rate
    rate: float  # the licence's rate on such a product (combined - jda_rate, at least 0)


def stacked_royalty(deal: Deal) -> RoyaltyCap | None:
    """Return the two running royalties one product bears and the middle-ground credit, or None.

    Only where the licensor owns the JDA's results and the licensee holds their exclusive field, each with
    a running royalty: then both royalties go to the same party, which can fairly credit one against the
    other. The figures are the middle ground (the higher rate plus half the lower: the owner keeps a
    premium for the second set of rights while the product stays saleable) whatever the lean: the review
    sheet offers them as the fair credit to a licensor whose draft has no cap (:func:`royalty_cap`).

    Where the two royalties go to different parties (the licensee holds the field of results that someone
    other than its licensor owns), None: the licensor cannot credit a royalty it does not receive, and the
    owner of the results, who does receive it, is not bound by the licence agreement; the two are
    ordinary royalty stacking, for the licensee to price in each negotiation. Rates, not amounts, so that
    royalties paid in two currencies combine simply.
    """
    ip, lic = deal.ip, deal.licence
    ef = ip.exclusive_field if ip else None
    if deal.jda is None or ef is None or lic is None or ef.royalty is None or lic.royalty is None or lic.royalty_free:
        return None
    if (lic.licensor, lic.licensee) != (ef.owner, ef.holder):
        return None
    jda_rate, licence_rate = float(ef.royalty.rate_percent), float(lic.royalty.rate_percent)
    high, low = max(jda_rate, licence_rate), min(jda_rate, licence_rate)
    combined = high + low / 2
    return RoyaltyCap(jda_rate, licence_rate, round(combined, 4), round(max(combined - jda_rate, 0.0), 4))


def royalty_cap(deal: Deal) -> RoyaltyCap | None:
    """Return how the licence lowers its royalty on products that also bear the JDA's, or None.

    Leans with ``acting_for`` (:func:`licence_lean`). Drafted for the licensor, None: both royalties go to
    it, nothing in the deal asks for a cap, and a licensor's lawyer would not offer one unasked (the review
    sheet warns that the licensee will ask and gives the fair credit, :func:`stacked_royalty`). Balanced:
    the two together never exceed the higher rate plus half the lower. Drafted for the licensee: never more
    than the higher rate (the licence royalty is in effect credited).
    """
    stack = stacked_royalty(deal)
    lean = licence_lean(deal)
    if stack is None or lean == "licensor":
        return None
    if lean == "balanced":
        return stack
    combined = max(stack.jda_rate, stack.licence_rate)
    return stack._replace(combined=round(combined, 4), rate=round(max(combined - stack.jda_rate, 0.0), 4))


def exclusive_right_granted(deal: Deal) -> bool:
    """Whether the JDA itself grants the exclusive right in the field (the clauses' ``granted``): priced
    or royalty-free. Otherwise it only promises to negotiate a licence agreement, with the request
    deadline and the stand-still that go with that promise (and the licence agreement, not the JDA,
    then prices the results)."""
    ef = deal.ip.exclusive_field if deal.ip else None
    return ef is not None and (ef.royalty_free or ef.royalty is not None)


def income_sharers(deal: Deal) -> tuple[str, ...]:
    """Keys of the parties to whom the JDA pays a share of what the results' owner receives for licensing
    them (the exclusive-field model's income share, ip.exclusive_field.outside): the acting party, when it
    is neither the owner nor the field's holder nor the majority funder and assigns its share to the owner.

    The licence agreement reads it: one royalty for a bundle of rights, some of which may be JDA results,
    leaves such a party's share uncomputable unless the licensor allocates the consideration between the
    results and the other rights and lets that party see the allocation and which rights are results.
    Mirrors the JDA clause's own test, on the whole deal (not only the licence's two signatories).
    """
    ip, jda, acting = deal.ip, deal.jda, deal.acting_for
    ef = ip.exclusive_field if ip else None
    if jda is None or ef is None or acting is None or acting in (ef.owner, ef.holder):
        return ()
    shares = jda.cost_shares or {}
    if shares.get(acting, 0) > 50 and acting != ef.owner:
        return ()
    return (acting,)


def licence_allocates(deal: Deal) -> bool:
    """Whether the licence agreement binds its licensor to allocate its consideration to the JDA results
    (licence.jda_background): a paid licence by the owner of results the JDA does not itself license in the
    exclusive field, with an income sharer. The deadline register dates that duty by the same test."""
    ip, lic = deal.ip, deal.licence
    ef = ip.exclusive_field if ip else None
    if lic is None or lic.royalty_free or ef is None or lic.licensor != ef.owner or not income_sharers(deal):
        return False
    return not exclusive_right_granted(deal)


# A territory written as Japan alone (licence.territory): the patent rate then needs no filing abroad.
JAPAN_TERRITORY = ("Japan", "日本", "日本国", "日本国内")


def territory_beyond_japan(deal: Deal) -> bool:
    """Whether the licence's Territory reaches beyond Japan (worldwide included), in either language of the
    deal: a Japanese patent then leaves part of it uncovered, so the patent rate turns on a Valid Claim in
    each country (licence.consideration) and the review sheet asks where the patents are."""
    lic = deal.licence
    if lic is None:
        return False
    territory = lic.territory
    texts = [territory] if isinstance(territory, str) else [t for t in (territory.ja, territory.en) if t]
    return any(t.strip() not in JAPAN_TERRITORY for t in texts)


def filings_abroad(deal: Deal) -> bool:
    """Whether the licensor of a licensed patent application must file in the countries of the Territory
    (licence.prosecution): an international (PCT) application is licensed, or the Territory reaches beyond
    Japan. Without it a licensor bound only at the JPO lets the rights abroad lapse at the national-phase
    deadline and the licensee pays the patent rate for nothing there (seventh reading, deal G). The clause
    applies it where the licensee does not itself choose and fund the countries."""
    lic = deal.licence
    apps = [r for r in lic.rights if r.kind == "application"] if lic is not None else []
    if not apps:
        return False
    return any("PCT" in str(r.number or "").upper() for r in apps) or territory_beyond_japan(deal)


def licensor_practice(deal: Deal) -> str | None:
    """Whether the licensor itself may practise the licensed rights in the field, as licence.grant says it:
    "yes", "research" (only for its own non-commercial research and education) or "supply" (only for its own
    research and development and to make Licensed Products and parts for the licensee); None without a licence.

    A non-exclusive licence leaves the licensor free to practise (and to license others); an exclusive one
    binds it not to practise unless ``licence.licensor_practises``, except that a university or research
    institute keeps its own non-commercial research and education, and any other licensor keeps its research and
    development and its supply of products and parts to the licensee, as the JDA's exclusive field reserves them
    to the owner (eighth reading, deal I: "no" barred a startup from supplying its own licensee, uncapped). The grant Article and the review
    sheet's options row read this one rule (seventh reading, deal G: the row said "no" while the Article
    said the University may practise the rights itself).
    """
    lic = deal.licence
    if lic is None:
        return None
    if not lic.exclusive or lic.licensor_practises:
        return "yes"
    academic = any(p.key == lic.licensor and p.kind in ACADEMIC_KINDS for p in deal.parties)
    return "research" if academic else "supply"


def sublicence_share_applies(deal: Deal) -> bool:
    """Whether the licence states the licensor's share of sublicence income (licence.sublicence): only a
    paid licence the licensee may sublicense. Otherwise the consideration for a sublicence is agreed when
    the licensor consents to it, and the review sheet says so instead of the share (seventh reading, G)."""
    lic = deal.licence
    return lic is not None and lic.sublicensable and not lic.royalty_free and lic.royalty is not None


FIRST_SALE_YEARS = 3


class FirstSale(NamedTuple):
    """When an exclusive licensee's first commercial sale falls due (licence.diligence): ``due``, the last day
    of ``years`` years counted from the licence's effective date or, when the licence takes effect before
    the pack's joint research ends (``after_research``), from the day after the research period ends."""

    due: dt.date
    years: int
    after_research: bool


def first_sale_due(deal: Deal) -> FirstSale | None:
    """The day by which an exclusive licensee makes its first commercial sale (licence.diligence), or None.

    Only an exclusive licence carries the duty: it shuts the licensor out of the field, and a licensee that
    shelves the technology while paying the minimum would keep it shut (eighth reading, #7). Counted from the
    licence's effective date (``licence.first_sale_years``, three years by default: time to design a product
    in, and short of most exclusive periods), or, for a licence that takes effect while the JDA's research
    still runs, from the research's end, as the minimum royalty's start is (:func:`minimum_start`): nothing
    can be sold before the research has produced it. None when the licence has no dated effective day, and
    the Article then counts the years from the Effective Date in words.
    """
    lic, jda = deal.licence, deal.jda
    if lic is None or not lic.exclusive:
        return None
    _, effective = deal.doc_dates("licence")
    if effective is None:
        return None
    years = lic.first_sale_years or FIRST_SALE_YEARS
    after_research = jda is not None and effective <= jda.end
    start = jda.end + dt.timedelta(days=1) if jda is not None and after_research else effective
    return FirstSale(add_years(start, years) - dt.timedelta(days=1), years, after_research)
