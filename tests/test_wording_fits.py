"""Small wording a lawyer reading a two-party draft would strike out: consortium phrasing that
leaked into a contract between two parties, and a definition that says 'including' twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DEALS
from oidocs import api
from oidocs.deal.dealfile import docs_in

TWO_PARTY = [p for p in DEALS if len(api.read_deal(p).parties) == 2]
CONSORTIUM_EN = ("Each Party other than", "written replies from the other Party")


@pytest.mark.parametrize("deal_path", TWO_PARTY, ids=lambda p: p.stem)
def test_two_party_documents_have_no_consortium_phrasing(deal_path: Path) -> None:
    deal = api.read_deal(deal_path)
    for doc in docs_in(deal):
        en = api.render_document(deal, doc, lang="en", fmt="md").decode("utf-8")
        for phrase in CONSORTIUM_EN:
            assert phrase not in en, f"{deal_path.stem} {doc}: {phrase}"
        ja = api.render_document(deal, doc, lang="ja", fmt="md").decode("utf-8")
        assert "含むものを含むもの" not in ja, f"{deal_path.stem} {doc}"
