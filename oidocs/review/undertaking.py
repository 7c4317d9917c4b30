"""The royalty of a licence the JDA only undertakes to negotiate, when the pack's licence prices it.

An exclusive field (or a background licence on reasonable terms) with no royalty in the deal
leaves the JDA with an undertaking to negotiate. When the pack also holds the licence agreement
between the same two parties, that agreement is the one negotiated (licence.jda_background says
so) and it sets the price: the sheet must say that, not that no royalty is set (sixth reading,
F5: "実施料が定められておらず" beside a licence at 3 %).
"""

from __future__ import annotations

from oidocs.deal.background import licensed_background
from oidocs.deal.fields import LangMap
from oidocs.deal.model import Deal, plain
from oidocs.document.labels import labels_for

Row = tuple[str, str, object, tuple[str, ...], dict[str, str]]


def undertaking(deal: Deal, lang: str, path: str, grant: str, option: str, licensors: tuple[str, ...],
                licensee: str | None) -> Row:
    """The finding for an unpriced licence under the JDA at ``path`` (its article: ``grant``).

    ``royalty_in_licence`` (``royalty_in_licence_poc`` when the pack has no JDA, the IP articles then
    being the PoC agreement's) when the pack's licence runs from one of ``licensors`` to ``licensee``
    (any licensee when None) and is priced or royalty-free; else ``royalty_undertaking``.
    """
    lic = deal.licence
    if (lic is None or lic.licensor not in licensors or (licensee is not None and lic.licensee != licensee)
            or (lic.royalty is None and not lic.royalty_free)):
        return ("royalty_undertaking", path, None, (grant,), {"option": option})
    names = {p.key: plain(p.name) for p in deal.parties}
    rule = "royalty_in_licence" if deal.jda is not None else "royalty_in_licence_poc"  # the IP articles' document
    values = {"licensor": names[lic.licensor], "licensee": names[lic.licensee], "price": price(deal, lang)}
    if deal.jda is not None and path.startswith("ip.background_licence"):
        # the JDA's Article on background IP, not on the results: its own line, built from its Schedule (read8 #10)
        rule = "royalty_in_licence_background"
        listed = quoted_titles([r.title for r in licensed_background(deal)], lang)
        values.update(rights=quoted_titles([r.title for r in lic.rights], lang), listed=(
            (f"{listed}が記載されている" if listed else "何も記載されていない") if lang == "ja" else listed or "nothing"))
    return (rule, path, None, (grant, "licence.jda_background", "licence.consideration"), values)


def two_licences(deal: Deal, lang: str) -> list[Row]:
    """The JDA's Schedule lists background rights of the licensor that the pack's licence also licenses.

    The JDA's background Article and the licence's Article on the JDA say which governs (the licence,
    for its rights, field and territory): the sheet says so and what is left to check. Where the
    Schedule lists none of them, there is no second licence to speak of (eighth reading #10: "neither
    says which prevails" beside a Schedule reading "Nothing at signing" and two Articles saying it).
    """
    ip, lic = deal.ip, deal.licence
    bl = ip.background_licence if ip else None
    listed = licensed_background(deal)
    if (bl is None or lic is None or not listed or bl.commercial == "none"
            or lic.licensor not in (bl.licensors or [p.key for p in deal.parties])):
        return []
    names = {p.key: plain(p.name) for p in deal.parties}
    return [("two_licences", "licence.licensor", lic.licensor, ("ip.background_licence.grant", "licence.jda_background"), {
        "licensor": names[lic.licensor], "licensee": names[lic.licensee], "rights": quoted_titles([r.title for r in listed], lang)})]


def quoted_titles(titles: list[str | LangMap], lang: str) -> str:
    """Rights named as the sheet lists them: 「A」、「B」 / "A"; "B"."""
    return "、".join(f"「{plain(t)}」" for t in titles) if lang == "ja" else "; ".join(f'"{plain(t)}"' for t in titles)


def price(deal: Deal, lang: str) -> str:
    """The licence's consideration as its royalty Article states it, in a few words."""
    lic = deal.licence
    assert lic is not None
    ja = lang == "ja"
    if lic.royalty_free or lic.royalty is None:
        return "無償" if ja else "no royalty"
    r = lic.royalty
    money = labels_for(lang).money  # in the licence's own currency (deal G: USD), without the tax words

    def amount(figure: int) -> str:
        return money(figure, r.currency, False).removeprefix("金")

    parts = []
    if r.rate_percent:
        parts.append(f"ランニング・ロイヤルティ{r.rate_percent:g}％" if ja else f"a running royalty of {r.rate_percent:g} per cent")
    if r.upfront:
        parts.append(f"契約一時金{amount(r.upfront)}" if ja else f"an upfront fee of {amount(r.upfront)}")
    if r.minimum_annual:
        parts.append(f"年{amount(r.minimum_annual)}の最低実施料" if ja else f"a minimum of {amount(r.minimum_annual)} a year")
    if not parts:
        return "対価" if ja else "a price"
    return "、".join(parts) if ja else ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
