"""Survival articles list the articles they keep alive in the order the document numbers them.

A reader checks a survival list against the contract from top to bottom; an item that jumps
back (…第25条、第27条、第26条…) looks like a typing error and makes the reader doubt the list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DEALS
from oidocs import api
from oidocs.deal.dealfile import docs_in

SURVIVAL = {"ja": "存続条項", "en": "Survival"}


def _survival_items(text: str, lang: str) -> list[str]:
    """Each item (or the single paragraph) of the survival article, if the document has one."""
    found = re.search(rf"^## (?:第\d+条（{SURVIVAL['ja']}）|Article \d+ \({SURVIVAL['en']}\))\n(.*?)(?=^## |\Z)",
                      text, re.M | re.S)
    return [] if not found else [line for line in found.group(1).splitlines() if line.strip()]


@pytest.mark.parametrize("deal_path", DEALS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ("ja", "en"))
def test_survival_lists_articles_in_ascending_order(deal_path: Path, lang: str) -> None:
    deal = api.read_deal(deal_path)
    for doc in docs_in(deal):
        text = api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")
        for line in _survival_items(text, lang):
            listed = re.split(r"：|: |の規定は| shall remain", line)[0]  # the enumeration, not what follows it
            numbers = [int(ja or en) for ja, en in re.findall(r"第(\d+)条|Article (\d+)", listed)]
            assert numbers == sorted(numbers), f"{deal_path.stem} {doc} {lang}: {line[:120]}"
