"""The eighth lawyer reading's findings on the review sheet and the deadline register (10, 11, 14).

Deal I (kyoto-rakuyo-brandt-en, acting for the startup Rakuyo) and other deals, both languages. Each
line is read back from the generated sheet or register and checked against the article it cites or
the value it names, as a reviewer would: the advice that "neither says which prevails" beside a JDA
and licence that both say it, a practice deadline in words the JDA does not use, a licence term the
licence does not have, a stand-still "latest day" the deal already fixes earlier.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT

DEAL_I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
KISO = ROOT / "tests" / "review_deals" / "kiso-daiwa-hanno-field-en.yaml"  # JDA effective before the long-stop
HELIX = ROOT / "tests" / "review_deals" / "helix-orbis-tanaka-en.yaml"  # JDA on the notice to proceed
NAGOYA = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"  # a large co-owner and an SME
MIRAI = ROOT / "tests" / "review_deals" / "mirai-toyohashi-bg-ja.yaml"  # a large co-owner and a startup


def _deal(path: Path) -> object:
    from oidocs import api

    return api.read_deal(path)


def _rows(path: Path, lang: str) -> list[dict[str, str]]:
    from oidocs import api

    files = api.render_calendar(_deal(path), lang=lang)  # type: ignore[arg-type]
    data = next(v for k, v in files.items() if k.endswith(".csv"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _row(rows: list[dict[str, str]], words: str) -> dict[str, str]:
    found = [r for r in rows if words in r["what"]]
    assert len(found) == 1, f"no single row {words!r}: {[r['what'] for r in rows]}"
    return found[0]


def _markdown(path: Path, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(_deal(path), doc, lang=lang, fmt="md").decode("utf-8")  # type: ignore[arg-type]


def _article(path: Path, doc: str, lang: str, label: str) -> str:
    """The text of the article ``label`` (Article 16 / 第16条) of ``doc``, on one line."""
    for part in re.split(r"^## ", _markdown(path, doc, lang), flags=re.M):
        if part.startswith((f"{label}（", f"{label} (")):
            return " ".join(part.split())
    raise AssertionError(f"no {label} in the {doc}")


def _sheet(path: Path, lang: str) -> str:
    from oidocs import api

    return api.render_review(_deal(path), lang=lang).decode("utf-8")  # type: ignore[arg-type]


STANDSTILL = {"en": ("Stand-still on licensing others", "the day on which the Next Agreement takes effect"),
              "ja": ("スタンドスティル", "効力を生じた日")}


# 14. The stand-still row carries the day the deal fixes: the JDA's effective date ends it (PoC Art 16(4)(b)).

@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path, day", [(DEAL_I, "2028-01-05"), (KISO, "2027-11-01")])
def test_the_standstill_row_ends_on_the_jdas_effective_date(path: Path, day: str, lang: str) -> None:
    rows = _rows(path, lang)
    what, clause_words = STANDSTILL[lang]
    row = _row(rows, what)
    jda_title = "Joint Research and Development Agreement" if lang == "en" else "共同研究開発契約書"
    effective = next(r for r in rows if r["document"] == jda_title and ("effective date" in r["what"] or "効力発生日" in r["what"]))
    assert row["date"] == day == effective["date"]
    assert ("latest day it ends" not in row["what"]) and ("最終期限" not in row["what"])
    assert clause_words in _article(path, "poc", lang, row["article"])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_jda_on_notice_keeps_the_standstill_long_stop(lang: str) -> None:
    row = _row(_rows(HELIX, lang), STANDSTILL[lang][0])
    assert ("the latest day it ends" if lang == "en" else "最終期限") in row["what"]


# 14. The request deadline concerns only the results the pack's licence agreement does not license.

@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_licence_request_row_is_for_results_the_licence_does_not_license(lang: str) -> None:
    rows = _rows(DEAL_I, lang)
    row = _row(rows, "request the licence agreement" if lang == "en" else "締結を求める期限")
    assert row["date"] == "2029-09-30" and "2029-02-15" in row["what"]
    assert ("does not license" if lang == "en" else "許諾していない成果") in row["what"]
    licence_article = _article(DEAL_I, "licence", lang, "Article 7" if lang == "en" else "第7条")
    assert ("not among the Licensed Rights" if lang == "en" else "許諾権利に含まれない") in licence_article
    # a JDA without a licence agreement in the pack keeps the plain row
    plain = _row(_rows(KISO, "en"), "request the licence agreement")
    assert "does not license" not in plain["what"]


# 14. The first-offer period of a large co-owner (ip.joint_filing.first_offer_years) has its row.

@pytest.mark.parametrize("path, lang", [(NAGOYA, "en"), (MIRAI, "ja"), (MIRAI, "en")])
def test_the_first_offer_period_has_a_register_row(path: Path, lang: str) -> None:
    import datetime as dt

    from oidocs.deal.have_made import first_offer
    from oidocs.deal.sequence import add_years

    offer = first_offer(_deal(path))  # type: ignore[arg-type]
    assert offer is not None
    rows = _rows(path, lang)
    row = _row(rows, "to offer" if lang == "en" else "製造を申し出る義務")
    research_end = next(r["date"] for r in rows if r["what"] in ("End of the research period", "研究期間の終了日"))
    assert row["date"] == add_years(dt.date.fromisoformat(research_end), offer.years).isoformat()
    assert (f"{offer.years} years after its last day" if lang == "en" else f"末日から{offer.years}年間") in row["rule"]
    article = _article(path, "jda", lang, row["article"])
    assert ("years after its last day" if lang == "en" else "年間") in article
    assert ("shall first offer that manufacture" if lang == "en" else "その製造を") in article
    assert lang == "en" or "申し出" in article


# 14. The option "rate after the patents lapse" names the Valid Claim rule the licence now applies.

@pytest.mark.parametrize("lang, label", [("en", "rate where no valid claim covers (%)"),
                                         ("ja", "有効クレームの及ばない製品の料率（％）")])
def test_the_rate_option_names_the_valid_claim_rule(lang: str, label: str) -> None:
    sheet = _sheet(DEAL_I, lang)
    assert label in sheet and "rate after the patents lapse" not in sheet and "特許消滅後の料率" not in sheet
    consideration = _markdown(DEAL_I, "licence", lang)
    assert ("Valid Claim" if lang == "en" else "有効クレーム") in consideration
