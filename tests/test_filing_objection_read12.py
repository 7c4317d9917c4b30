"""Twelfth reading r1 (defect 6): under the exclusive-field model the holder could hold up the owner's filing
by a bare objection that the application contains its information. The objection must now identify that
information (the owner removes it and files), and one that does not has no effect."""

from __future__ import annotations

import pytest

from conftest import ROOT, shipped_markdown

KOBA = ROOT / "tests" / "review_deals" / "koba-daito-one-date-ja.yaml"  # exclusive field


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_objection_to_the_owners_filing_must_identify_the_information(lang: str) -> None:
    text = " ".join(shipped_markdown(KOBA, "jda", lang).split())
    assert ("当該情報を特定して書面により異議を述べることができ（当該情報を特定しない異議は、効力を有しない。）" in text) if lang == "ja" \
        else ("it may object in writing, identifying that information, within fourteen (14) days of receiving the notice "
              "(an objection that does not identify it has no effect)" in text)
