"""The MOU's intellectual property Article after the eighth lawyer reading (read8 #9), deal I read back.

Art 8(1) read "Brandt shall be entitled to practise the Results ... exclusively for four (4) years": an
unpriced entitlement, while the PoC and the JDA give an option to negotiate a licence for consideration.
Art 8(2) said "it shall license them" with no clear subject, and "The preceding paragraphs confirm ..." sat
inside paragraph 2. Each test reads the generated MOU back and fails on the text before this round.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed, shipped_markdown
from oidocs import api

I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
IP = {"en": "Intellectual Property", "ja": "知的財産"}


def _paragraphs(text: str, lang: str) -> list[str]:
    return [p for p in article_titled(text, IP[lang]).strip().split("\n\n") if p]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_exclusive_field_is_an_option_to_negotiate_a_licence_for_consideration(lang: str, tmp_path: Path) -> None:
    first = _paragraphs(shipped_markdown(I, "mou", lang), lang)[0]
    if lang == "en":
        assert "shall be entitled to practise" not in first
        assert "Brandt shall have an option to negotiate with Rakuyo, for consideration, an exclusive licence to practise the Results" in first
    else:
        assert "実施することができるものとする" not in first
        assert "甲と交渉して有償で許諾を受ける選択権を有する" in first
    free = deal_changed(I, tmp_path, ip__exclusive_field__royalty_free=True)  # the JDA grants it free: no option
    first = _paragraphs(api.render_document(free, "mou", lang=lang, fmt="md").decode("utf-8"), lang)[0]
    assert ("Rakuyo shall grant Brandt, free of charge, an exclusive licence" in first) if lang == "en" else ("を無償で許諾する" in first)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_background_licensor_is_named_and_the_non_binding_sentence_is_its_own_paragraph(lang: str) -> None:
    paragraphs = _paragraphs(shipped_markdown(I, "mou", lang), lang)
    assert len(paragraphs) == 3, paragraphs
    second, third = paragraphs[1], paragraphs[2]
    if lang == "en":
        assert "it shall license them" not in second
        assert "Rakuyo shall license its Background IP Rights to the extent necessary for using the Results on reasonable terms" in second
        assert "not legally binding" not in second
        assert third.startswith("3. The two preceding paragraphs confirm") and "not legally binding" in third
    else:
        assert "甲は、本成果の利用に必要な範囲の自己の背景知的財産権の実施又は利用を、合理的な条件" in second
        assert "法的拘束力" not in second
        assert third.startswith("3. 前二項は、") and "法的拘束力を有しない" in third
