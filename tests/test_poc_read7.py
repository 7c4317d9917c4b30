"""The seventh lawyers' reading, PoC findings (deal G: a university's PoC at a Singapore client's
customer's plant, then a licence; deal H: three parties, a startup's PoC for an SME, then a JDA).

#6: in H's three-party PoC the other parties count as third parties (Art 2(2)) and Art 15(3) forbade
乙 to disclose the Report to any third party: 甲, which must decide on the JDA, could not be shown it.

#13: G PoC Art 19 ended the agreement "sixty (60) days have passed since April 1, 2028, the day on
which the Next Agreement is planned to take effect": a reader had to count the days and look up
another contract; the date itself is now written, the reason beside it. And G's review sheet listed "the PoC stand-still lasts until the next agreement is signed" among
the checks made, although G's PoC has no stand-still.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number, article_titled, shipped_markdown
from oidocs import api

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"
WITH_STANDSTILL = ROOT / "tests" / "fixtures" / "startup-field-three-en.yaml"
STANDSTILL_LINE = {"en": "the PoC stand-still lasts until the next agreement is signed",
                   "ja": "技術検証のスタンドスティルが次の契約の締結まで続くこと"}


def _sheet(path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sheet_lists_the_stand_still_check_only_when_the_poc_has_one(lang: str) -> None:
    """G's PoC has no stand-still (no exclusive field, a non-exclusive licence): the list of checks made
    must not claim one was checked; a pack whose PoC carries one still lists it."""
    g = _sheet(G, lang)
    assert ("No contradiction found" in g) or ("矛盾は見つかりませんでした" in g)
    assert STANDSTILL_LINE[lang] not in g
    assert STANDSTILL_LINE[lang] in _sheet(WITH_STANDSTILL, lang)


@pytest.mark.parametrize(("lang", "title", "date", "planned"), [
    ("en", "Term", "May 31, 2028", "April 1, 2028"), ("ja", "有効期間", "2028年5月31日", "2028年4月1日")])
def test_the_poc_long_stop_is_a_date_with_its_reason(lang: str, title: str, date: str, planned: str) -> None:
    """G PoC Art 19 names May 31, 2028 (60 days after the licence's planned April 1, 2028), not a count of days."""
    term = article_titled(shipped_markdown(G, "poc", lang), title)
    said = {"en": f"or on {date} (the day on which sixty (60) days have passed since {planned}, the day on which the "
                  "Next Agreement is planned to take effect), whichever is later",
            "ja": f"又は{date}（次段階契約が効力を生じる予定の日である{planned}から60日を経過した日）のいずれか遅い日に終了する"}
    assert said[lang] in " ".join(term.split()), term


@pytest.mark.parametrize(("lang", "title", "said"), [
    ("ja", "本報告書の利用", "前各項及び{conf}の規定にかかわらず、乙は、甲に対し、{step}に基づき次段階契約の締結の可否を検討するために"
                         "必要な範囲で、本報告書及びこれと共に引き渡されたデータを開示することができる。その開示を受けた当事者は、"
                         "これらに含まれる丙の情報を{conf}に従い丙の秘密情報として秘密に保持し、当該検討及び{step}に基づく協議のためにのみ使用する。"),
    ("en", "Use of the Report", "Notwithstanding the preceding paragraphs and {conf}, Party B may disclose the Report and the data "
                                "delivered with it to Party A, to the extent necessary for considering under {step} whether to "
                                "conclude the Next Agreement. Each Party to which they are so disclosed shall keep the information of "
                                "Party C contained in them in confidence as Party C’s Confidential Information under {conf}")])
def test_the_client_may_show_the_report_to_the_other_parties_for_the_next_step(lang: str, title: str, said: str) -> None:
    """H PoC Art 15: 乙 may give 甲 (a party, yet a third party for Art 15(3)) the Report to decide on the JDA."""
    poc = shipped_markdown(H, "poc", lang)
    conf = article_number(poc, "秘密保持" if lang == "ja" else "Confidentiality")
    step = article_number(poc, "次段階への移行" if lang == "ja" else "Moving to the Next Stage")
    assert said.format(conf=conf, step=step) in article_titled(poc, title)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_two_party_poc_has_no_other_party_to_show_the_report_to(lang: str) -> None:
    """With two parties the performer wrote the Report: no paragraph lets the client pass it to an "other Party"."""
    text = article_titled(shipped_markdown(G, "poc", lang), "本報告書の利用" if lang == "ja" else "Use of the Report")
    assert "whether to conclude the Next Agreement" not in text and "締結の可否を検討するために" not in text
