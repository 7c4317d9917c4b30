"""Points from the final lawyer's read of the acme-nano pack (final-read).

Each test renders a shipped deal and checks wording a client's lawyer would notice; each fails
on the text before the fix.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, article_titled, shipped_markdown

ACME = ROOT / "examples" / "acme-nano-ja.yaml"  # two parties, NDA, MOU, PoC, JDA and a paid licence
KANSAI = ROOT / "tests" / "fixtures" / "kansai-consortium-ja.yaml"  # SME, university, large company


@pytest.mark.parametrize(("lang", "title", "term", "loose"), [
    ("ja", "秘密保持", "本PoC契約", "技術検証契約"),
    ("en", "Confidentiality", "PoC Agreement", "technical verification agreement"),
])
def test_jda_confidentiality_names_the_poc_by_its_defined_term(lang: str, title: str, term: str, loose: str) -> None:
    """The JDA defines the PoC agreement once (its PoC-results article); the confidentiality
    article must then use that term, not a second, looser name for the same contract."""
    text = shipped_markdown(ACME, "jda", lang)
    heading = re.search(r"^## (?:第\d+条（" + re.escape(title) + r"）|Article \d+ \(" + re.escape(title) + r"\))$", text, flags=re.M)
    assert heading and term in text[:heading.start()]  # defined before the confidentiality article
    confidentiality = article_titled(text, title)
    assert term in confidentiality
    assert loose not in confidentiality


def test_licence_damages_cites_the_two_preceding_paragraphs_in_kanji() -> None:
    """Japanese drafting writes 前二項 (as the PoC and JDA do); 前2項 mixed in one pack reads as a slip."""
    damages = article_titled(shipped_markdown(ACME, "licence", "ja"), "損害賠償")
    assert "前二項の規定" in damages
    assert "前2項" not in damages


@pytest.mark.parametrize(("lang", "schedule", "survival", "report", "kept"), [
    ("ja", "研究期間及び進捗報告", "存続条項", "最終報告書", "（最終報告書の作成に関する部分に限る。）"),
    ("en", "Research Period and Progress Reports", "Survival", "final report", " (only as regards the final report)"),
])
def test_jda_final_report_due_after_the_end_survives(lang: str, schedule: str, survival: str, report: str, kept: str) -> None:
    """The JDA asks for a final report within 30 days after it ends; unless that paragraph survives,
    the duty lapses with the agreement the moment it falls due."""
    text = shipped_markdown(ACME, "jda", lang)
    schedule_article = article_titled(text, schedule)
    assert report in schedule_article
    number = re.search(r"^## (?:第(\d+)条（" + re.escape(schedule) + r"）|Article (\d+) \(" + re.escape(schedule) + r"\))$",
                       text, flags=re.M)
    assert number
    cited = f"第{number.group(1)}条" if lang == "ja" else f"Article {number.group(2)}"
    assert cited + kept in article_titled(text, survival)


KANSAI = ROOT / "tests" / "fixtures" / "kansai-consortium-ja.yaml"  # three parties, joint filing, no shares given


@pytest.mark.parametrize(("lang", "title", "contribution", "flat"), [
    ("ja", "知的財産", "貢献の程度に応じて", "3分の1"),
    ("en", "Intellectual Property", "each co-owner’s contribution", "one third"),
])
def test_mou_without_shares_does_not_promise_equal_thirds(lang: str, title: str, contribution: str, flat: str) -> None:
    """The deal gives no shares: the JDA then sets them by contribution, so the MOU before it must
    not state a flat equal split (the default the lawyers' review names as hurting a party)."""
    ip = article_titled(shipped_markdown(KANSAI, "mou", lang), title)
    assert contribution in ip
    assert flat not in ip
    jda = shipped_markdown(KANSAI, "jda", lang)
    assert ("貢献の程度に応じて" if lang == "ja" else "according to the extent of each co-owner’s contribution") in jda


def test_two_party_poc_materials_are_agreed_between_the_parties() -> None:
    """'among the Parties' reads as three or more; the acme-nano PoC has two."""
    materials = article_titled(shipped_markdown(ACME, "poc", "en"), "Client Materials")
    assert "consultation between the Parties" in materials  # the two that hand over and use them (phrase 'pair')
    assert "among the Parties" not in materials


@pytest.mark.parametrize("lang, stop", [("ja", "当該実施の開始の時から支払う"), ("en", "(non-practice compensation) from the beginning of that practice")])
def test_non_practice_compensation_is_owed_from_the_start_of_commercial_practice(lang: str, stop: str) -> None:
    """The co-owners may practise before the price is agreed (read12 r2 #4: a bar on selling held a product up),
    but the compensation runs from the first day of practice, so the university loses nothing by the wait."""
    practice = article_titled(shipped_markdown(KANSAI, "jda", lang), "共有知的財産権の実施" if lang == "ja" else
                              "Practice of Jointly Owned IP Rights")
    assert stop in practice
