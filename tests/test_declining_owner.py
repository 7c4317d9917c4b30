"""A party that does not file or maintain results in a country keeps what it owns there.

The JDA's joint-filing and exclusive-field articles and the PoC's results article used to make
an owner or co-owner that declines a country hand its right there to the other party for
nothing (a royalty-free licence back at most). Now it keeps title, the other party may file at
its own cost and alone licenses there, and the declining party shares the licence income; how
far that goes leans for the party oidocs drafts for (``acting_for``). Each test reads the
rendered agreement back.
"""

from __future__ import annotations

import re

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, article_titled
from oidocs import api

REVIEW = ROOT / "tests" / "review_deals"
ASTER = REVIEW / "aster-univ-mizuho-en.yaml"   # joint filing 45/35/20, acting for the University
KOBA = REVIEW / "koba-daito-one-date-ja.yaml"  # exclusive field owned by the SME, acting for it

TITLES = {
    "filing": {"ja": "共同出願及び費用", "en": "Joint Filing and Costs"},
    "poc": {"ja": "本成果の帰属", "en": "Ownership of the Results"},
    "ef": {"ja": "共同成果の帰属", "en": "Ownership of Joint Results"},
}


def _article(path: Path, doc: str, lang: str, key: str, tmp_path: Path, **changes: Any) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for k, v in changes.items():
        if v is None:
            data.pop(k, None)
        else:
            data[k] = v
    deal_path = tmp_path / path.name
    deal_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = api.render_document(api.read_deal(deal_path), doc, lang=lang, fmt="md").decode("utf-8")
    return " ".join(article_titled(text, TITLES[key][lang]).split())


FORCED = {"ja": ("持分を、", "無償で譲渡", "非独占的な通常実施権を有する"),
          "en": ("shall assign its share", "free of charge. In that case", "royalty-free, non-exclusive licence")}
KEEPS = {"ja": "自己の持分を保持", "en": "shall keep its share"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_co_owner_that_declines_a_country_in_the_jda_keeps_its_share(lang: str, tmp_path: Path) -> None:
    """JDA joint filing (b-en, Art. 11(3)): no forced assignment; the others file at their cost,
    alone license there and share the income after their costs; nobody must assign a share."""
    art = _article(ASTER, "jda", lang, "filing", tmp_path)
    assert not any(old in art for old in FORCED[lang]), art
    assert KEEPS[lang] in art
    assert ("全ての共有者の名義で" if lang == "ja" else "in the names of all the co-owners") in art
    assert ("全ての共有者の間でその持分の割合に応じて分配する" if lang == "ja"
            else "be shared among all the co-owners in proportion to their shares") in art
    assert ("持分の譲渡を義務付けるものではなく" if lang == "ja" else "obliges no co-owner to assign its share") in art


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_co_owner_that_declines_a_country_in_the_poc_keeps_its_share(lang: str, tmp_path: Path) -> None:
    """PoC joint filing (b-en, Art. 14(3)): the same rule as the JDA's, in one sentence."""
    art = _article(ASTER, "poc", lang, "poc", tmp_path)
    # the filing paragraph only: the Background Improvements paragraphs grant royalty-free licences of their own
    filing = next(p for p in re.split(r" (?=\d+\. )", art) if KEEPS[lang] in p)
    assert not any(old in filing for old in FORCED[lang]), filing
    assert ("持分の譲渡を義務付けられず" if lang == "ja" else "is not obliged to assign its share") in filing


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusive_field_owner_that_declines_a_country_keeps_the_right(lang: str, tmp_path: Path) -> None:
    """JDA exclusive field (a-ja, 第10条3項): the holder used to take the owner's right there free of
    charge; now it files in the owner's name at its cost and pays the owner half the licence income."""
    art = _article(KOBA, "jda", lang, "ef", tmp_path)
    assert not any(old in art for old in FORCED[lang]), art
    assert ("甲は、当該権利を保持し" if lang == "ja" else "Party A shall keep the right") in art
    assert ("甲の名義で" if lang == "ja" else "in the name of Party A") in art
    assert ("控除した額の2分の1" if lang == "ja" else "one half of any consideration") in art


RESUME = {"ja": "再開することができる", "en": "resume the procedures in that country itself"}
REJOIN = {"ja": "再び加わることができる", "en": "take part again in the procedures"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_exclusive_field_rule_leans_for_the_party_drafted_for(lang: str, tmp_path: Path) -> None:
    """Drafted for the owner it may take the procedures back; for the holder it gets a quarter of
    the income and no way back; for nobody, half and no way back."""
    owner = _article(KOBA, "jda", lang, "ef", tmp_path)
    holder = _article(KOBA, "jda", lang, "ef", tmp_path, acting_for="daito")
    neutral = _article(KOBA, "jda", lang, "ef", tmp_path, acting_for=None)
    assert RESUME[lang] in owner
    assert RESUME[lang] not in holder and RESUME[lang] not in neutral
    assert ("4分の1" if lang == "ja" else "one quarter of any consideration") in holder
    assert ("控除した額の2分の1" if lang == "ja" else "one half of any consideration") in neutral


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_joint_filing_rule_leans_for_the_party_drafted_for(lang: str, tmp_path: Path) -> None:
    """A university or smaller co-owner (the one that cannot fund filings abroad) may rejoin; a
    large-company co-owner that takes a country over pays the decliner half its share."""
    univ = _article(ASTER, "jda", lang, "filing", tmp_path)
    assert REJOIN[lang] in univ
    large = tmp_path / "large.yaml"
    data = yaml.safe_load(ASTER.read_text(encoding="utf-8"))
    data["parties"][2]["kind"] = "large_company"
    large.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for doc, key in (("jda", "filing"), ("poc", "poc")):
        filer = _article(large, doc, lang, key, tmp_path, acting_for="mizuho")
        assert REJOIN[lang] not in filer
        assert ("2分の1" if lang == "ja" else "one half of the amount corresponding to") in filer
        neutral = _article(ASTER, doc, lang, key, tmp_path, acting_for=None)
        assert REJOIN[lang] not in neutral and "2分の1" not in neutral and "one half" not in neutral
