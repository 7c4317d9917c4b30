"""Golden review sheets and deadline registers: every change to what the sheet or the register says shows in review.

The review sheet advises a lawyer and the register (CSV) dates the duties; both are read as text
and kept here beside the documents' golden files, in ``tests/golden/review/``, for the review
deals of the readings (C to H at least) in both languages. A failing comparison writes
``<name>.got`` beside the golden file; read the diff and, if every change is intended, accept it with
``OIDOCS_UPDATE_GOLDEN=1 python -m pytest -q tests/test_golden_review.py`` (the same switch as
:mod:`test_golden`).

The sheet names the oidocs version that made it; the golden file holds ``{version}`` there, so a
release does not rewrite every sheet. Nothing else on the sheet or in the CSV depends on the run
(the register's dates come from the deal, never the clock).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import GOLDEN, ROOT
from oidocs import api
from oidocs._version import __version__

REVIEW_GOLDEN = GOLDEN / "review"

# Deals A to H of the readings: the review deals kept in test_golden (A, B, C, D, E, F and the second
# reading's two) and the seventh reading's G (English, two parties, no MOU or JDA) and H (Japanese,
# three parties, names only in Japanese), and the eighth reading's I (English, a startup and a German
# manufacturer), and the ninth reading's J (a large company funding 70%, a university running the PoC on
# human data at the large company's plant, the SME whose sensors are tested, acted for).
DEALS = [ROOT / "tests" / "review_deals" / name
         for name in ("mirai-toyohashi-bg-ja.yaml", "sakai-veltra-kanto-en.yaml", "kiso-daiwa-hanno-field-en.yaml",
                      "suruga-vision-tokai-licence-ja.yaml", "kansai-helix-field-en.yaml",
                      "nagoya-kiyosu-toyokawa-en.yaml", "fukuoka-univ-three-ja.yaml")] \
    + [ROOT / "tests" / "fixtures" / name for name in ("tohoku-merlion-en.yaml", "chubu-mikawa-three-ja.yaml",
                                                         "kyoto-rakuyo-brandt-en.yaml",
                                                         "zao-morimiya-sensing-ja.yaml", "izumo-kagura-three-ja.yaml")]

CASES = [(deal, kind, lang) for deal in DEALS for kind in ("review", "deadlines") for lang in ("ja", "en")]


def _made(deal_path: Path, kind: str, lang: str) -> tuple[str, bytes]:
    """The golden file's name and the bytes oidocs makes now (the sheet with its version masked)."""
    deal = api.read_deal(deal_path)
    if kind == "review":
        text = api.render_review(deal, lang=lang, source_file=str(deal_path)).decode("utf-8")
        return f"{deal_path.stem}-review-{lang}.md", text.replace(f"oidocs {__version__}", "oidocs {version}", 1).encode()
    files = api.render_calendar(deal, lang=lang, source_file=str(deal_path))
    return f"{deal_path.stem}-deadlines-{lang}.csv", files[api.calendar_names(deal.deal_id)[1]]


@pytest.mark.parametrize("deal_path, kind, lang", CASES, ids=[f"{p.stem}-{k}-{l}" for p, k, l in CASES])
def test_review_and_register_match_golden(deal_path: Path, kind: str, lang: str) -> None:
    name, got = _made(deal_path, kind, lang)
    golden = REVIEW_GOLDEN / name
    if os.environ.get("OIDOCS_UPDATE_GOLDEN"):
        REVIEW_GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(got)
    assert golden.exists(), f"no golden file {golden.name}: run with OIDOCS_UPDATE_GOLDEN=1 and review it"
    got_path = golden.with_name(golden.name + ".got")
    if got != golden.read_bytes():
        got_path.write_bytes(got)
    elif got_path.exists():
        got_path.unlink()
    assert got == golden.read_bytes(), f"{golden.name} differs: compare with {got_path.name}"


def test_no_stale_review_golden_files() -> None:
    expected = {_name(p, k, l) for p, k, l in CASES}
    present = {p.name for p in REVIEW_GOLDEN.glob("*") if not p.name.endswith(".got")}
    assert present <= expected, f"golden files without a case: {sorted(present - expected)}"


def _name(deal_path: Path, kind: str, lang: str) -> str:
    return f"{deal_path.stem}-{kind}-{lang}." + ("md" if kind == "review" else "csv")
