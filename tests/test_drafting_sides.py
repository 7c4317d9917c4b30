"""Whose side the drafts take, and wording the pack shares (issue 20, lawyer-reading-2 §§6, 10, 12).

A JDA drafted for a university (``acting_for``) reads as the university's lawyer would draft it;
drafted for the other side, or for nobody, it stays balanced. A university licensor's grant-back
reaches its research in the Field. The NDA names only the stages the deal makes. Joint results
are co-owned by the parties that contributed substantively to creating them, in one wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, article_titled, shipped_markdown
from oidocs import api

FIX = ROOT / "tests" / "fixtures"
EX = ROOT / "examples"
UNIV_SIDE = FIX / "kamo-sleep-univ-side-ja.yaml"    # two parties, drafted for the university, with a licence
BALANCED = FIX / "kamo-sleep-univ-ja.yaml"          # the same deal drafted for nobody
ASTER = ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml"  # three parties, for the university
KOBA = ROOT / "tests" / "review_deals" / "koba-daito-one-date-ja.yaml"  # exclusive field, 日本国及び北米


def _variant(tmp_path: Path, src: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _jda(path: Path, lang: str) -> str:
    return shipped_markdown(path, "jda", lang)


# ---- 2. a university licensor's grant-back reaches its research in the Field -----------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal", [UNIV_SIDE, ASTER], ids=["two", "three"])
def test_a_university_licensors_grant_back_reaches_research_in_the_field(deal: Path, lang: str) -> None:
    body = article_titled(shipped_markdown(deal, "licence", lang), "改良技術" if lang == "ja" else "Improvements")
    d = api.read_deal(deal)
    lr = "乙" if d.parties[1].key == d.licence.licensor else "甲"  # type: ignore[union-attr]
    if lang == "ja":
        assert f"{lr}が自らの非営利の研究及び教育のために実施する場合を除き、本地域における本分野での実施を含まない。" in body
    else:
        name = "the University" if deal == ASTER else "Party B"
        assert f"for {name}’s own non-commercial research and education, in the Field as well as outside it" in body
        assert "except in the Field within the Territory" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_company_licensors_grant_back_stays_outside_the_field(lang: str) -> None:
    body = article_titled(shipped_markdown(FIX / "licence-exclusive-ja.yaml", "licence", lang),
                          "改良技術" if lang == "ja" else "Improvements")
    assert "研究及び教育" not in body and "research and education" not in body
    assert ("本地域における本分野での実施を含まない" if lang == "ja" else "outside the Field within the Territory") in body


# ---- 3. the NDA names only the stages the deal makes ------------------------------------------

STAGES = {  # deal -> the stages it makes after the NDA
    EX / "hakata-sensor-ja.yaml": ["poc"],
    EX / "hokkai-univ-ja.yaml": ["jda"],
    FIX / "licence-open-en.yaml": ["licence"],
    FIX / "kobe-licence-en.yaml": ["poc", "licence"],
    EX / "acme-nano-ja.yaml": ["poc", "jda", "licence"],
    FIX / "oneway-en.yaml": ["poc", "jda"],  # an NDA alone: the usual next stages
}
WORDS = {"ja": {"poc": "技術検証", "jda": "共同研究開発", "licence": "実施許諾"},
         "en": {"poc": "technical verification", "jda": "joint research and development", "licence": "licence"}}
TITLE_WORDS = {"ja": WORDS["ja"], "en": {"poc": "Technical Verification", "jda": "Joint Research and Development",
                                          "licence": "Licensing"}}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal", list(STAGES), ids=[p.stem for p in STAGES])
def test_nda_names_only_the_stages_the_deal_makes(deal: Path, lang: str) -> None:
    import re

    text = shipped_markdown(deal, "nda", lang)
    stages = STAGES[deal]
    sep_last, sep = ("又は", "、") if lang == "ja" else (" or ", ", ")
    words = [TITLE_WORDS[lang][s] for s in stages]
    joined = words[0] if len(words) == 1 else sep.join(words[:-1]) + sep_last + words[-1]
    title = f"{joined}への移行" if lang == "ja" else f"Transition to {joined}"
    body = article_titled(text, title)
    for stage, word in WORDS[lang].items():
        found = re.search(re.escape(word), body, flags=re.I) is not None
        assert found == (stage in stages), (stage, body)


# ---- 4. Japanese: the exclusive field and the PoC schedule read correctly -----------------------

def test_the_exclusive_grant_reads_with_a_territory_joined_by_oyobi() -> None:
    text = _jda(KOBA, "ja")
    assert "協働ロボット用関節ユニットの分野（以下「本分野」という。）において、日本国及び北米（以下「本地域」という。）を対象として" in text
    assert "（以下「本分野」という。）及び" not in text


@pytest.mark.parametrize("deal", [FIX / "kobe-licence-en.yaml", FIX / "sapporo-line-ja.yaml"], ids=["kobe", "sapporo"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_poc_schedule_refers_to_its_criteria_without_a_paragraph_number(deal: Path, lang: str) -> None:
    """The schedule's paragraphs are not numbered: 前項 / "the preceding paragraph" would point nowhere."""
    schedule = shipped_markdown(deal, "poc", lang).split("別紙" if lang == "ja" else "## Schedule")[-1]
    assert ("前記の評価基準の測定方法は" if lang == "ja" else "set out above shall be measured") in schedule
    assert "前項" not in schedule and "preceding paragraph" not in schedule


# ---- 6. one wording for the parties that co-own joint results ---------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_joint_results_are_owned_by_substantive_contribution_in_mou_and_jda(lang: str) -> None:
    """The MOU and the JDA of a three-party deal use the test of joint inventorship (発明の創作に実質的に
    寄与), in the same words, and the JDA's definition of a sole invention uses it too."""
    deal = FIX / "kansai-consortium-ja.yaml"
    wording = "その創出に実質的に寄与した当事者" if lang == "ja" else "the Parties that contributed substantively to creating them"
    for doc in ("mou", "jda"):
        text = shipped_markdown(deal, doc, lang)
        assert wording in text, doc
        assert "contributed to making" not in text and "contributed to creating" not in text
    jda = shipped_markdown(deal, "jda", "en")
    assert "contributed substantively to creating it" in jda and "to making it" not in jda
