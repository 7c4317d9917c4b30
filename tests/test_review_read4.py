"""The fourth lawyers' reading (deals C and D): the deadline register and the review sheet.

The register missed duties a party can lose rights by forgetting: the PoC's own long-stop (deal C,
第19条1), the JDA's confirmation of a result's category (Article 8(3)), the exclusive holder's
annual report on its practice (Article 12(3)) and the end of the publication duties (Article 28(b))
of deal D. Each row cites the article the document was built with, and its figure is the one that
article states.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT, shipped_markdown
from oidocs import api
from oidocs.clauses.library import Library
from oidocs.deal.sequence import poc_term_end

C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"


def _rows(path: Path, lang: str) -> list[dict[str, str]]:
    """The deadline register's CSV rows, read back as a user's spreadsheet would."""
    files = api.render_calendar(api.read_deal(path), lang=lang)
    text = next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _ics(path: Path, lang: str) -> str:
    files = api.render_calendar(api.read_deal(path), lang=lang)
    return next(v for k, v in files.items() if k.endswith(".ics")).decode("utf-8")


def _row(rows: list[dict[str, str]], words: str) -> dict[str, str]:
    found = [r for r in rows if words in r["what"]]
    assert len(found) == 1, (words, [r["what"] for r in rows])
    return found[0]


def _article(text: str, label: str) -> str:
    """The body of the article ``label`` (第19条 / Article 8) of a Markdown document."""
    match = re.search(r"^## " + re.escape(label) + r"[（ (].*?\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, label
    return match.group(1)


@pytest.mark.parametrize("lang, words, says", [
    ("ja", "有効期間の最終期限（ロングストップ", "いかなる場合も、検証期間の末日から6か月を経過した日"),
    ("en", "end of the term in any event (long-stop)", "shall in any event end on the day on which six (6) months"),
])
def test_the_register_has_the_pocs_own_long_stop(lang: str, words: str, says: str) -> None:
    """Deal C: the PoC ends in any event on its long-stop (第19条1); the register had no row for it. The day
    is the clause's (sequence.poc_term_end: six months after the verification, or later when the licence
    is planned later), so the row follows the clause when its rule changes."""
    row = _row(_rows(C, lang), words)
    end = poc_term_end(api.read_deal(C))
    assert end is not None and row["date"] == end.isoformat()
    assert row["article"] == ("第19条" if lang == "ja" else "Article 19")
    assert says in _article(shipped_markdown(C, "poc", lang), row["article"])
    assert words in _ics(C, lang).replace("\r\n ", "")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_register_has_the_jdas_category_report_and_publication_duties(lang: str) -> None:
    """Deal D: JDA Article 8(3) (category confirmed within 60 days of the notice), Article 12(3) (the
    exclusive holder reports once a year) and Article 28(b) (publication duties end a year after the JDA)."""
    rows = _rows(D, lang)
    jda = shipped_markdown(D, "jda", lang)
    ja = lang == "ja"
    category = _row(rows, "単独発明か共同成果か" if ja else "sole invention or joint results")
    assert category["article"] == ("第8条" if ja else "Article 8") and category["date"] == ""
    assert ("通知の日から60日以内" if ja else "60 days after the notice") in category["rule"]
    assert ("通知の日から60日以内に行う" if ja else "within sixty (60) days of the notice") in _article(
        jda, category["article"])
    report = _row(rows, "実施の状況の書面による報告" if ja else "report on the status of practice")
    assert report["article"] == ("第12条" if ja else "Article 12")
    assert "2030-05-31" in report["rule"] and ("毎年1回" if ja else "once a year") in report["rule"]
    assert ("毎年1回、その実施の状況" if ja else "status of its practice once a year") in _article(jda, report["article"])
    publication = _row(rows, "公表に関する義務の終了日" if ja else "End of the duties on publication")
    assert publication["article"] == ("第28条" if ja else "Article 28") and publication["date"] == "2030-05-31"
    assert ("終了の日から1年間" if ja else "for one (1) year after the end") in _article(jda, publication["article"])


FILLED_SCHEDULE = """---
id: jda.background_schedule
version: 1
title: Background IP Rights
kind: schedule
---
The {{ term("background_ip") }} of each Party are as follows.

{{ table(["Party", "Title", "Registration or application number", "Remarks"], [["the University", "Gait model", "JP 7312345 B2", ""]]) }}
"""


def test_a_schedule_of_background_ip_listing_nothing_is_advised_on(tmp_path: Path) -> None:
    """Deal D: the JDA's Schedule of Background IP Rights is signed listing nothing, so nothing is
    background IP and the licences of it may reach nothing; the sheet said nothing. A schedule that
    lists a right (a firm's own clause library) gets no such item."""
    deal = api.read_deal(D)
    for lang, title, where, words in (
            ("en", "The Schedule of Background IP Rights lists nothing", "JDA Article 7",
             "fall outside the licences of background IP"),
            ("ja", "背景知的財産権の別紙に何も記載されていない", "共同研究開発契約 第7条",
             "背景知的財産権の実施の許諾（自己の分担業務のための無償の実施、成果を実施するための許諾）の対象から外れる")):
        sheet = api.render_review(deal, lang=lang).decode("utf-8")
        advice = sheet.split("\n## ")[3]
        assert advice.startswith("Advice" if lang == "en" else "留意事項"), advice[:20]
        assert f"**{title}**: {where}" in advice and words in advice
    user = tmp_path / "clauses"
    (user / "jda").mkdir(parents=True)
    (user / "jda" / "background_schedule.en.md").write_text(FILLED_SCHEDULE, encoding="utf-8")
    filled = api.render_review(deal, lang="en", library=Library([user])).decode("utf-8")
    assert "The Schedule of Background IP Rights lists nothing" not in filled
