"""The practice Article's new start-at-once paragraph (twelfth reading r2) read 'any of the Parties asks ...
any of the Parties may apply' in two-party JDAs; one counted phrase (any_party_concerned) now says 'either
Party' there and 'any of the Parties concerned' where only some of three or more parties are concerned."""

from __future__ import annotations

from conftest import ROOT, shipped_markdown


def test_two_party_jda_says_either_party_asks_and_applies() -> None:
    text = shipped_markdown(ROOT / "tests" / "fixtures" / "hokkai-sme-univ-ja.yaml", "jda", "en")
    assert "after either Party asks in writing for consultation, either Party may apply" in text
    assert "any of the Parties" not in text
