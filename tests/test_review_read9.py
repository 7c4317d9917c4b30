"""The ninth lawyer reading's findings on the review sheet and the deadline register (deal J).

Deal J (zao-morimiya-sensing-ja, acting for the SME 丙): the advice on a party paying more of the
JDA's shared costs than it owns argued for the large company in a sheet drafted for the SME; the
register had the first year's budget only and no ethics approval before research on people. Each
line is read back from the generated sheet or register, with acting_for set to each party in turn.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
NAMES = {"morimiya": "森宮重機株式会社", "univ": "国立大学法人東北青葉大学", "zao": "株式会社蔵王センシング"}


def _deal(tmp_path: Path, edit: Any = None) -> Any:
    from oidocs import api

    data = yaml.safe_load(DEAL_J.read_text(encoding="utf-8"))
    if edit:
        edit(data)
    path = tmp_path / f"{len(list(tmp_path.iterdir()))}-{DEAL_J.name}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.read_deal(path)


def _sheet(deal: Any, lang: str) -> str:
    from oidocs import api

    return api.render_review(deal, lang=lang).decode("utf-8")


def _item(sheet: str, title: str) -> str:
    match = re.search(r"^\d+\. \*\*" + re.escape(title) + r"\*\*[^\n]*\n   [^\n]*", sheet, flags=re.M)
    assert match, f"no advice item {title!r}"
    return match.group(0)


COST_TITLE = {"ja": "成果の持分を大きく上回る割合の費用を負担する当事者がいる",
              "en": "A party pays a much larger share of the costs than it owns of the results"}
RAISE = {"ja": "持分を引き上げるか", "en": "raising its share of the results"}  # the payer's remedy, as advice


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("acting", ["zao", "univ", "morimiya", None])
def test_the_cost_advice_is_worded_for_the_side_acted_for(lang: str, acting: str | None, tmp_path: Path) -> None:
    deal = _deal(tmp_path, lambda d: d.update(acting_for=acting) if acting else d.pop("acting_for"))
    item = _item(_sheet(deal, lang), COST_TITLE[lang])
    assert ("森宮重機株式会社は共通費用の70%を負担するが、共同成果の持分は40%" if lang == "ja"
            else "森宮重機株式会社 pays 70 per cent of the shared costs but owns 40 per cent") in item
    # the difference funds the party owning more than it pays: the university (0 of the costs, 30 of the results)
    assert ("国立大学法人東北青葉大学（費用0%、持分30%）" if lang == "ja"
            else "国立大学法人東北青葉大学 (0% of the costs, 30% of the results)") in item
    if acting == "morimiya":  # drafted for the payer: it may argue for itself
        assert RAISE[lang] in item
        return
    assert RAISE[lang] not in item
    if acting is None:  # neutral: the parties check the difference together
        assert ("当事者間で確認し" if lang == "ja" else "The parties should check") in item
        assert ("としては" if lang == "ja" else "For ") not in item
        return
    name = NAMES[acting]
    assert (f"{name}としては" if lang == "ja" else f"For {name}, consider holding to the present shares") in item
    assert ("求められることが考えられる" if lang == "ja" else "expect the party paying more to ask") in item
