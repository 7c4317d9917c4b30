"""The seventh lawyers' reading, review sheet and register findings: the sheet must never say what
the documents do not (deal G: a university licensing a Singapore company after a PoC, no MOU and no
JDA; deal H: three parties in Japanese, names only in Japanese).

#11: G's "Checks across the pack" said "No contradiction found" and then listed JDA and MOU checks
for a pack with neither.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from oidocs import api
from oidocs.review.checks import pack_docs
from test_golden_review import DEALS

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"

# How each document is named in a "checked" line (its short name or the stem of it).
NAMED = {"en": {"mou": "MOU", "poc": "PoC", "jda": "JDA", "licence": "licence"},
         "ja": {"mou": "基本合意書", "poc": "技術検証", "jda": "共同研究開発", "licence": "ライセンス"}}
NONE_FOUND = {"en": "No contradiction found", "ja": "矛盾は見つかりませんでした"}


def _sheet(path: Path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


def _checked_lines(sheet: str, lang: str) -> list[str]:
    """The bullet lines under the sheet's "no contradiction found" sentence (empty if it is not there)."""
    at = sheet.find(NONE_FOUND[lang])
    if at == -1:
        return []
    block = sheet[at:sheet.index("\n## ", at)]
    return [line for line in block.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_g_lists_no_jda_or_mou_check(lang: str) -> None:
    """G has an NDA, a PoC and a licence: no line of what was checked names a JDA or an MOU."""
    lines = _checked_lines(_sheet(G, lang), lang)
    assert lines, "G's sheet lists the checks made"
    for doc in ("jda", "mou"):
        assert not [line for line in lines if NAMED[lang][doc] in line], f"a {doc} check listed for G: {lines}"


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("deal_path", DEALS, ids=lambda p: p.stem)
def test_each_checked_line_names_only_documents_of_the_pack(deal_path: Path, lang: str) -> None:
    """Every line under "these were checked" names only documents the pack makes (the general rule)."""
    present = set(pack_docs(api.read_deal(deal_path)))
    for line in _checked_lines(_sheet(deal_path, lang), lang):
        absent = [d for d, name in NAMED[lang].items() if d not in present and name in line]
        assert not absent, f"{deal_path.stem}: '{line}' names {absent}, not in the pack"
