"""Tenth reading of deal J (report-a fix 4): the JDA's Schedule of Background IP Rights says
「締結時点でなし」 / "Nothing at signing" for the SME whose sensors and firmware the PoC tests and the JDA
builds on, while the licensor's row is filled (so the item for an all-empty Schedule stays silent). The
review sheet now names each party that brings its own technology (the PoC's performer or a provider, or
the side acted for) whose row lists nothing, cites the Schedule and the background IP Article, and says
to list its patents, software and know-how before signing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, deal_changed
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TITLE = {"ja": "自らの技術を持ち込む当事者の背景知的財産権が別紙に記載されていない",
         "en": "A party that brings its own technology lists no Background IP Rights in the Schedule"}


def _items(sheet: str, lang: str) -> list[str]:
    """Each sheet item with this title: its heading line and its advice line."""
    lines = sheet.splitlines()
    return [lines[i] + "\n" + lines[i + 1] for i, line in enumerate(lines) if f"**{TITLE[lang]}**" in line]


def _sheet(deal: object, lang: str) -> str:
    return api.render_review(deal, lang=lang).decode("utf-8")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang, cited, says", [
    ("ja", "共同研究開発契約 別紙2、共同研究開発契約 第8条",
     ["株式会社蔵王センシングはPoCに機器、ソフトウェア、材料、手法等を提供する当事者であり",
      "自社（丙）の欄は「締結時点で記載なし」", "自社の特許及び出願（名称と番号）、ソフトウェア（ファームウェアを含む。）並びにノウハウ",
      "取引条件ファイルには背景知的財産権を記載する項目がまだない"]),
    ("en", "JDA Schedule 2; JDA Article 8",
     ["is a party that provides equipment, software, materials or methods for the PoC and the party these drafts are prepared for",
      "your row (Party C) of the JDA's Schedule of Background IP Rights says it is not listed at signing",
      "identify your patents and applications (title and number), software (firmware included) and know-how",
      "The deal file has no key for listing background IP yet"]),
])
def test_deal_j_sheet_names_the_sme_whose_row_is_empty(lang: str, cited: str, says: list[str]) -> None:
    """Only 丙 (provider, acted for): 乙's row is filled by the licence, 甲 brings no tested technology."""
    items = _items(_sheet(api.read_deal(J), lang), lang)
    assert len(items) == 1, items
    assert items[0].split("\n")[0].endswith(f"**: {cited}  ")
    for words in says:
        assert words in items[0]


@pytest.mark.parametrize("lang, other, own", [
    ("ja", "株式会社蔵王センシングに特許及び出願（名称と番号）", "自社（甲）の欄は「締結時点で記載なし」"),
    ("en", "ask 株式会社蔵王センシング to identify its patents", "your row (Party A) of the JDA's Schedule"),
])
def test_worded_for_another_side_acted_for(lang: str, other: str, own: str, tmp_path: Path) -> None:
    """Drafted for 甲, the item for 丙 (a provider) asks it to list its background, and 甲's own empty row
    (the side acted for) gets its own item, worded for 甲."""
    items = _items(_sheet(deal_changed(J, tmp_path, acting_for="morimiya"), lang), lang)
    assert len(items) == 2, items
    assert own in items[0] and other in items[1]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_absent_when_the_condition_does_not_hold(lang: str, tmp_path: Path) -> None:
    """丙 neither provides PoC equipment nor is acted for: its empty row gives no item."""
    deal = deal_changed(J, tmp_path, acting_for=None, poc__providers=None)
    assert _items(_sheet(deal, lang), lang) == []


def _filled(lang: str) -> str:
    """The Schedule as a firm's own library fills it in: every party's rights listed."""
    a, b, c = ("甲", "乙", "丙") if lang == "ja" else ("Party A", "Party B", "Party C")
    return (f"---\nid: jda.background_schedule\nversion: 99\ntitle: Background IP Rights\nkind: schedule\n---\n"
            f'{{{{ table(["Party", "Title", "Number", "Remarks"], [["{a}", "Press control", "JP 1", ""], '
            f'["{b}", "Fatigue model", "JP 2", ""], ["{c}", "Wearable sensor firmware", "JP 3", ""]]) }}}}\n')


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_absent_when_the_row_is_filled(lang: str, tmp_path: Path) -> None:
    """A library whose Schedule lists 丙's rights gives no item."""
    from oidocs.clauses.library import Library

    user = tmp_path / "clauses"
    (user / "jda").mkdir(parents=True)
    (user / "jda" / f"background_schedule.{lang}.md").write_text(_filled(lang), encoding="utf-8")
    sheet = api.render_review(api.read_deal(J), lang=lang, library=Library([user])).decode("utf-8")
    assert _items(_sheet(api.read_deal(J), lang), lang)  # the built-in Schedule still gives it
    assert _items(sheet, lang) == []
