"""The deadline register of the fifth reading's packs, read back from the CSV against the drafts.

Deal F (ja): a row for the licensee's choice of countries cited licence Art 14, which (territory
Japan only) has no such text; the text paraphrased the JDA wrongly. Rows were missing for the JDA's
request deadline, its stand-still, the licence's 90-day notice before abandoning a right and its
sublicence copy. Deal E (en): the JDA's duties that run from an event had no rows. Each row is
checked against the article it cites, as a reader of the register would.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT, deal_changed

DEALS = ROOT / "tests" / "review_deals"
DEAL_E = DEALS / "nagoya-kiyosu-toyokawa-en.yaml"
DEAL_F = DEALS / "fukuoka-univ-three-ja.yaml"


_deal = deal_changed  # the deal at a path, with dotted changes written to a copy


def _rows(deal: object) -> list[dict[str, str]]:
    from oidocs import api

    files = api.render_calendar(deal)  # type: ignore[arg-type]
    data = next(v for k, v in files.items() if k.endswith(".csv"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _article(deal: object, doc: str, label: str) -> str:
    from oidocs import api

    markdown = api.render_document(deal, doc, fmt="md").decode("utf-8")  # type: ignore[arg-type]
    for part in re.split(r"^## ", markdown, flags=re.M):
        if part.startswith((f"{label}（", f"{label} (")):
            return " ".join(part.split())
    raise AssertionError(f"no {label} in the {doc}")


def _row(rows: list[dict[str, str]], words: str) -> dict[str, str]:
    found = [r for r in rows if words in r["what"]]
    assert len(found) == 1, f"no single row {words!r}: {[r['what'] for r in rows]}"
    return found[0]


# 2. The phantom row: licence Art 14 has no choice of countries when the territory is Japan alone.

def test_no_licence_row_for_a_choice_of_countries_the_licence_does_not_make() -> None:
    deal = _deal(DEAL_F)
    rows = _rows(deal)
    licence_rows = [r for r in rows if r["document"] == "特許・ノウハウライセンス契約書"]
    assert not [r for r in licence_rows if "対象国の選択" in r["what"] or "許諾地域から外れる" in r["rule"]]
    prosecution = next(r["article"] for r in licence_rows if "審査請求" in r["what"])
    assert "選択しなかった国" not in _article(deal, "licence", prosecution)
    # the choice the pack does make is the JDA's, and a country not chosen becomes non-exclusive there
    row = _row(rows, "費用を負担する国の回答（独占権者）")
    assert row["document"] == "共同研究開発契約書" and "非独占となる" in row["rule"]
    article = _article(deal, "jda", row["article"])
    assert "当該期限の2か月前までに" in article and "非独占的なものとなり" in article


@pytest.mark.parametrize("territory, acting", [("日本", "univ"), ("日本", "hakata"), ("日本", "qbit"),
                                               ("日本及び米国", "hakata"), ("日本及び米国", "qbit"),
                                               ("日本及び米国", "univ")])
def test_the_licence_countries_row_is_there_exactly_when_the_article_says_it(
        tmp_path: Path, territory: str, acting: str) -> None:
    deal = _deal(DEAL_F, tmp_path, licence__territory=territory, acting_for=acting)
    rows = [r for r in _rows(deal) if "対象国の選択" in r["what"]]
    from oidocs import api

    says = "選択しなかった国" in api.render_document(deal, "licence", fmt="md").decode("utf-8")  # type: ignore[arg-type]
    assert bool(rows) == says
    if rows:
        assert "選択しなかった国" in _article(deal, "licence", rows[0]["article"])


# 5. Rows by rule for the duties that run from an event, each where its article says it.

def test_the_jda_request_deadline_and_stand_still_are_in_the_register() -> None:
    deal = _deal(DEAL_F)
    rows = _rows(deal)
    request = _row(rows, "実施許諾契約の締結を求める期限")
    assert request["date"] == "2029-09-30"  # the research ends 2029-03-31
    assert "研究期間の満了の日から6か月以内に" in _article(deal, "jda", request["article"])
    standstill = _row(rows, "実施許諾契約の交渉中")
    assert "90日を限度" in standstill["rule"]
    assert "その日から90日を限度とする" in _article(deal, "jda", standstill["article"])


def test_a_jda_that_grants_the_right_has_no_request_deadline_or_stand_still(tmp_path: Path) -> None:
    deal = _deal(DEAL_F, tmp_path, ip__exclusive_field__royalty_free=True, acting_for="univ")
    rows = _rows(deal)
    assert not [r for r in rows if "実施許諾契約の締結を求める期限" in r["what"] or "交渉中" in r["what"]]


def test_the_holders_stand_still_is_six_months(tmp_path: Path) -> None:
    deal = _deal(DEAL_F, tmp_path, acting_for="hakata")
    row = _row(_rows(deal), "実施許諾契約の交渉中")
    assert "6か月を限度" in row["rule"] and "6か月を限度" in _article(deal, "jda", row["article"])
    owner = _deal(DEAL_F, tmp_path, acting_for="univ")  # drafted for the owner: no stand-still
    assert not [r for r in _rows(owner) if "交渉中" in r["what"]]


def test_the_licences_abandonment_notice_and_sublicence_copy_are_in_the_register(tmp_path: Path) -> None:
    deal = _deal(DEAL_F)
    rows = _rows(deal)
    abandon = _row(rows, "許諾権利を放棄する旨")
    assert "90日前まで" in abandon["rule"]
    assert "放棄しようとするときは、その90日前までに" in _article(deal, "licence", abandon["article"])
    copy = _row(rows, "再許諾契約の写し")
    assert "30日以内" in copy["rule"]
    assert "契約の締結後30日以内にその契約書の写し" in _article(deal, "licence", copy["article"])
    closed = _deal(DEAL_F, tmp_path, licence__sublicensable=False, licence__royalty__sublicence_income_percent=None)
    assert not [r for r in _rows(closed) if "再許諾契約の写し" in r["what"]]


def test_the_jdas_event_duties_of_deal_e_are_in_the_register() -> None:
    deal = _deal(DEAL_E)
    rows = _rows(deal)
    for what, rule, says in (
            ("planned filing for a sole invention", "30 days before the planned filing date",
             "no later than thirty (30) days before the planned filing date"),
            ("not filing, prosecuting or maintaining co-owned results", "60 days before the time limit",
             "no later than sixty (60) days before the time limit"),
            ("request for consent to license co-owned results", "30 days after receiving the request",
             "reply within thirty (30) days of receiving the request")):
        row = _row(rows, what)
        assert row["date"] == "" and rule in row["rule"]
        assert says in _article(deal, "jda", row["article"]), what


def test_the_owners_filing_notice_and_the_startups_income_share_are_in_the_register(tmp_path: Path) -> None:
    """JDA 10(2): the owner notifies a planned filing 30 days ahead (objection within 14 days); drafted for
    the startup that assigns its share, 13(5) pays it a share of the owner's licence income within 60 days."""
    deal = _deal(DEAL_F)
    rows = _rows(deal)
    filing = _row(rows, "共同成果の出願予定")
    assert "30日前まで" in filing["rule"] and "14日以内" in filing["rule"]
    article = _article(deal, "jda", filing["article"])
    assert "出願予定日の30日前までに" in article and "通知を受けた日から14日以内に、当該情報を特定して書面により異議を述べる" in article
    share = _row(rows, "寄与の割合に応じた額の支払")
    assert "60日以内" in share["rule"]
    assert "当該対価を受領した日から60日以内に" in _article(deal, "jda", share["article"])
    for acting in ("hakata", "univ"):  # the holder and the owner: no such payment in their drafts
        other = _deal(DEAL_F, tmp_path, acting_for=acting)
        assert not [r for r in _rows(other) if "寄与の割合に応じた額の支払" in r["what"]]
        from oidocs import api

        assert "当該対価を受領した日から60日以内に" not in api.render_document(
            other, "jda", fmt="md").decode("utf-8")  # type: ignore[arg-type]


# The minimum royalty of a licence signed before the research ends (deal D): no row from the signing day.

DEAL_D = DEALS / "kansai-helix-field-en.yaml"


def test_the_minimum_royalty_rows_follow_the_licences_later_start(tmp_path: Path) -> None:
    """Deal D's licence is signed with the JDA (2027-05-15), and its Article 6 starts the contract years
    at the first sale or a year after the research ends, whichever is earlier: the register dated the
    first shortfall a year after signing, when no minimum runs. It now states the rule with the long-stop
    the licence names, and dates each shortfall only at the latest (long-stop + n years, + 60 days)."""
    import datetime as dt

    deal = _deal(DEAL_D)
    rows = _rows(deal)
    minimum = [r for r in rows if "Minimum royalty" in r["what"] or "minimum royalty" in r["what"]]
    article = _article(deal, "licence", next(r["article"] for r in minimum))
    named = re.search(r"or, if earlier, from (\w+ \d+, \d{4})", article)
    assert named, article[:400]
    long_stop = dt.datetime.strptime(named.group(1), "%B %d, %Y").date()
    start = _row(rows, "First contract year of the minimum royalty begins")
    assert long_stop.isoformat() in start["rule"] and "first sale" in start["rule"]
    dated = [r for r in minimum if r["date"]]
    assert dated and all("at the latest" in r["what"] for r in dated)
    first = dt.date.fromisoformat(dated[0]["date"])
    assert first == long_stop.replace(year=long_stop.year + 1) - dt.timedelta(days=1) + dt.timedelta(days=60)
    assert "within 60 days" in start["rule"] and "within 60 days" in article.replace("sixty (60)", "60")
    # a licence that takes effect after the research keeps its plain contract years from the effective date
    later = _deal(DEAL_D, tmp_path, licence__date="2030-06-01", licence__effective="2030-06-01")
    plain = [r for r in _rows(later) if "inimum royalty" in r["what"]]
    assert plain[0]["date"] == "2031-07-30" and not any("at the latest" in r["what"] for r in plain)
