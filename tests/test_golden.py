"""Golden Markdown: every change to the legal text of a shipped deal shows in review.

A failing comparison writes ``<name>.got`` beside the golden file; review the diff and,
if the change is intended, accept it with ``OIDOCS_UPDATE_GOLDEN=1 pytest tests/test_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import DEALS, GOLDEN, ROOT
from oidocs import api

# Two review deals keep golden files too (issue 20, second reading): a startup licensing its background
# technology under a Nagoya court clause (ja), and three parties with a Singapore company, a PoC at a
# customer's plant and electronic signing (en); deal B of the third reading: a startup owning the
# results, a large company's exclusive field left to a licence agreement, an SME's PoC, and a licence (en);
# deals C and D of the third reading: three parties going from a PoC on a host's line straight to a licence
# (ja); a university and a US startup with human data, an exclusive field and a licence (en); the fifth
# reading: an SME's paid PoC for a large manufacturer with joint filing (en), and a university, an SME and a
# startup with an exclusive field and a licence (ja).
REVIEW = [ROOT / "tests" / "review_deals" / name
          for name in ("mirai-toyohashi-bg-ja.yaml", "sakai-veltra-kanto-en.yaml", "kiso-daiwa-hanno-field-en.yaml",
                       "suruga-vision-tokai-licence-ja.yaml", "kansai-helix-field-en.yaml",
                       "nagoya-kiyosu-toyokawa-en.yaml", "fukuoka-univ-three-ja.yaml")]

CASES = []
for deal_path in DEALS + REVIEW:
    deal = api.read_deal(deal_path)
    for doc in api.docs_in(deal):
        # a deal written for side-by-side documents also keeps its bilingual Markdown golden
        langs = ("ja", "en", "ja+en") if deal.prevailing_language != deal.language or "bilingual" in deal_path.stem \
            else ("ja", "en")
        for lang in langs:
            CASES.append((deal_path, doc, lang))


@pytest.mark.parametrize("deal_path, doc, lang", CASES, ids=[f"{p.stem}-{d}-{l}" for p, d, l in CASES])
def test_markdown_matches_golden(deal_path: Path, doc: str, lang: str) -> None:
    deal = api.read_deal(deal_path)
    got = api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")
    golden = GOLDEN / f"{deal_path.stem}-{doc}-{api.file_lang(lang)}.md"
    if os.environ.get("OIDOCS_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with OIDOCS_UPDATE_GOLDEN=1 and review it"
    expected = golden.read_text(encoding="utf-8")
    got_path = golden.with_suffix(".md.got")
    if got != expected:
        got_path.write_text(got, encoding="utf-8")
    elif got_path.exists():
        got_path.unlink()
    assert got == expected, f"{golden.name} differs: compare with {got_path.name}"


def test_no_stale_golden_files() -> None:
    expected = {f"{p.stem}-{d}-{api.file_lang(l)}.md" for p, d, l in CASES}
    present = {p.name for p in GOLDEN.glob("*.md")}
    assert present <= expected, f"golden files without a case: {sorted(present - expected)}"
