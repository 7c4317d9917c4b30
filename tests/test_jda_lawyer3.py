"""Findings of the third lawyer reading of generated JDAs (issue 20), read back from the documents.

Deal A of that reading is ``tests/fixtures/hokkai-sme-univ-ja.yaml``: an SME (acting_for) and a
university, results co-owned 60/40 and filed jointly. Each test fails on the text before its fix.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEAL_A = ROOT / "tests" / "fixtures" / "hokkai-sme-univ-ja.yaml"

TITLES = {
    "confidentiality": ("秘密保持", "Confidentiality"),
    "survival": ("存続条項", "Survival"),
}


def article(path, lang: str, key: str) -> str:
    """The body of the JDA article ``key`` of the deal at ``path`` in ``lang``."""
    ja, en = TITLES[key]
    return article_titled(shipped_markdown(path, "jda", lang), ja if lang == "ja" else en)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_co_owned_results_never_escape_the_publication_procedure(lang: str) -> None:
    """Once the publication article lapses (a year after the end), a co-owner must still not publish
    co-owned results without notice and a chance for the others to file: only results a party owns
    alone go free, and the procedure survives for co-owned results while the rights subsist."""
    conf, survival = article(DEAL_A, lang, "confidentiality"), article(DEAL_A, lang, "survival")
    if lang == "ja":
        assert "自己が権利（共有持分を含む。）を有する本成果を、同条に定める手続によらずに公表" not in conf
        assert "自己のみが権利を有する本成果を、同条に定める手続によらずに公表" in conf
        assert "共有に係る本成果の公表には" in conf
        assert "共有に係る本成果及び相手方のみが権利を有する本成果" in survival
        assert "知的財産権が存続する間" in survival.split("第19条の規定：")[1].split("\n")[0]
    else:
        assert "publish Results that it owns or co-owns without following the procedure" not in conf
        assert "publish Results that it alone owns without following the procedure" in conf
        assert "continues to apply to the publication of co-owned Results" in conf
        line = survival.split("Article 19: ")[1].split("\n")[0]
        assert "co-owned Results and Results owned only by the other Party" in line
        assert "for as long as the Intellectual Property Rights in those Results subsist" in line
