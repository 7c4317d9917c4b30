"""The licence agreement after a lawyer's review: software rights, damages, applications, wording.

Each test reads the Markdown a user gets for our two licence deals (an exclusive Japanese licence
of a patent, a patent application and know-how; a non-exclusive English licence of software and a
patent) and would fail on the text before the review.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from oidocs import api

EXCLUSIVE_JA = ROOT / "tests" / "fixtures" / "licence-exclusive-ja.yaml"
OPEN_EN = ROOT / "tests" / "fixtures" / "licence-open-en.yaml"


def _article(deal_path: Path, lang: str, clause_id: str) -> str:
    """Return the text of one article of the licence agreement (heading and paragraphs)."""
    deal = api.read_deal(deal_path)
    text = api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")
    tree = api.build_document(deal, "licence", lang)
    titles = [a.clause.title for a in tree.articles]
    ids = [a.clause.id for a in tree.articles]
    i = ids.index(clause_id)
    start = text.index(titles[i] + ("）" if lang == "ja" else ")"))
    end = text.index(titles[i + 1] + ("）" if lang == "ja" else ")"), start) if i + 1 < len(ids) else len(text)
    return text[start:end]


SOFTWARE_GRANT = {"ja": ("複製し、翻案し、及び頒布する", "公衆送信"),
                  "en": ("reproduce, adapt and distribute", "transmission")}
OBJECT_CODE = {"ja": ("オブジェクトコード", "ソースコードは"), "en": ("object code", "source code is included only if")}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_software_right_lets_the_licensee_copy_adapt_and_distribute_the_programs(lang: str) -> None:
    grant = _article(OPEN_EN, lang, "licence.grant")
    materials = _article(OPEN_EN, lang, "licence.materials")
    assert all(words in grant for words in SOFTWARE_GRANT[lang]), grant
    assert all(words in materials for words in OBJECT_CODE[lang]), "object code always, source code only if agreed"
    # A deal with no software right keeps the patent-only grant.
    assert not any(words in _article(EXCLUSIVE_JA, lang, "licence.grant") for words in SOFTWARE_GRANT[lang])
    assert not any(words in _article(EXCLUSIVE_JA, lang, "licence.materials") for words in OBJECT_CODE[lang])
