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


# ---- 1. acting_for a university reaches the JDA and its IP articles -------------------------------

UNIV_JDA = {
    "ja": {
        "publication": ["通知を受けた日から30日以内に", "公表予定日から60日を超えない期間に限る。",
                        "公表の延期は、一の公表について一回に限り",
                        "学術上の公表の可否、時期及び方法は、乙が単独で決定する",
                        "学生が乙の定める期限までに学位論文を提出し"],
        "practice": ["乙の選択により、当該実施により得る収入", "実施1年ごとの定額"],
        "licensing": ["次の各号に掲げる区分に応じ当該各号に定める日から起算して3年を経過してもなお", "許諾により得た対価は、第11条に定める費用の償還に充てた後、当該大学等である共有者に帰属する。"],
        "no_warranty": ["乙は、本共同研究開発により本目的が達成されること", "乙に故意又は重大な過失がある場合に限り、責任を負う"],
        "academic_use": ["全ての本成果（相手方のみが権利を有するもの及び共有に係るものを含む。）を自己の研究及び教育"],
    },
    "en": {
        "publication": ["within thirty (30) days of receiving the notice", "beyond sixty (60) days after the planned date",
                        "A postponement may be required only once for each publication",
                        "Party B alone shall decide whether, when and in what form to publish academically",
                        "prevent a student taking part in the Joint Research and Development from submitting a degree thesis"],
        "practice": ["either as a percentage of the income that it derives from that practice",
                     "or as a fixed sum for each year of practice, as Party B chooses"],
        "licensing": ["three (3) years after the day set out below for the kind of right concerned", "after the reimbursement of costs provided for in Article 11, belong to it."],
        "no_warranty": ["Party B makes no warranty that the Joint Research and Development will achieve the Purpose",
                        "only where the damage is caused by the wilful misconduct or gross negligence of Party B"],
        "academic_use": ["practise and use all the Results (including those in which the other Party alone holds the rights, "
                         "and those that are co-owned) for its own research and education"],
    },
}
TITLES = {
    "publication": ("成果の公表", "Publication of Results"),
    "practice": ("共有知的財産権の実施", "Practice of Jointly Owned IP Rights"),
    "licensing": ("第三者への実施許諾及び持分の譲渡", "Licensing to Third Parties and Transfer of Shares"),
    "no_warranty": ("非保証", "No Warranty"),
    "academic_use": ("研究及び教育のための利用", "Research and Education Use"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_jda_drafted_for_the_university_leans_its_way(lang: str) -> None:
    """Drafted for the university: a short review and a firm, single postponement; the university alone
    decides on academic publication once confidential information and filings are protected; theses
    go in on time; non-practice compensation as a share of income or a yearly sum, and the right to
    license after non-practice as well; no warranty of results, liability for them only for wilful
    misconduct or gross negligence; free research and education use of every result."""
    text = _jda(UNIV_SIDE, lang)
    for key, phrases in UNIV_JDA[lang].items():
        body = article_titled(text, TITLES[key][0 if lang == "ja" else 1])
        for phrase in phrases:
            assert phrase in body, (key, phrase)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_university_lean_reaches_a_three_party_deal(lang: str) -> None:
    text = _jda(ASTER, lang)
    body = article_titled(text, TITLES["academic_use"][0 if lang == "ja" else 1])
    assert ("他のいずれかの当事者のみが権利を有するもの" if lang == "ja" else "another Party alone holds the rights") in body
    practice = article_titled(text, TITLES["practice"][0 if lang == "ja" else 1])
    assert ("の選択により" if lang == "ja" else "as the University chooses") in practice


STANDALONE = {"ja": "ただし、この利用には、当該著作物（これを複製し、又は翻案したものを含む。）を、それ自体を独立の製品（他の製品又は役務に組み込まれないソフトウェア製品をいう。）として第三者に販売し、又は頒布することを含まない。",
              "en": ", but not selling or distributing that work (or any reproduction or adaptation of it) to third parties as a product in itself (a software product not built into another product or service)"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_other_side_of_a_university_deal_stays_balanced(tmp_path: Path, lang: str) -> None:
    """Drafting for the startup leaves the university articles balanced, as for nobody (the filing
    article leans its own way for a co-owner that may decline a country: filing_lean)."""
    startup_side = _variant(tmp_path, BALANCED, "startup-side.yaml", lambda d: d.update(acting_for="kamo"))
    balanced = _jda(BALANCED, lang)
    startup = _jda(startup_side, lang)
    for ja, en in TITLES.values():
        title = ja if lang == "ja" else en
        if title not in ("研究及び教育のための利用", "Research and Education Use"):
            # read7 #10: drafted for the startup, the co-owners' free use of co-owned software leaves out its
            # stand-alone sale; nothing else of these articles moves
            leaned = article_titled(startup, title).replace(STANDALONE[lang], "")
            assert leaned == article_titled(balanced, title), title
    assert "研究及び教育のための利用" not in startup and "Research and Education Use" not in startup
    assert "研究及び教育のための利用" not in balanced and "Research and Education Use" not in balanced
    assert "公表予定日から90日" in balanced or "ninety (90) days after the planned date" in balanced


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_explicit_no_to_non_practice_compensation_is_kept(tmp_path: Path, lang: str) -> None:
    """The university side makes compensation the default; a deal that says false keeps it out."""
    def no_npc(d: dict) -> None:  # type: ignore[type-arg]
        d["ip"]["joint_filing"]["non_practice_compensation"] = False
    path = _variant(tmp_path, UNIV_SIDE, "no-npc.yaml", no_npc)
    practice = article_titled(_jda(path, lang), TITLES["practice"][0 if lang == "ja" else 1])
    assert ("不実施補償" not in practice) if lang == "ja" else ("non-practice compensation" not in practice)


def test_the_review_sheet_does_not_ask_for_compensation_the_university_side_already_has() -> None:
    """The advice to add non-practice compensation fires for a balanced university deal only."""
    from oidocs.review.advice import findings

    assert "university_non_practice" in {f.rule for f in findings(api.read_deal(BALANCED), "en")}
    assert "university_non_practice" not in {f.rule for f in findings(api.read_deal(UNIV_SIDE), "en")}


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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_poc_names_joint_owners_as_the_mou_and_jda_do(lang: str) -> None:
    """A two-party PoC's joint results are co-owned in the words the MOU and the JDA use (phrases.yaml
    ``contributing_parties``), not by a looser "contributed to creating" test of its own."""
    poc = shipped_markdown(FIX / "kobe-licence-en.yaml", "poc", lang)
    wording = "の本成果に係る知的財産権は、各当事者の共有とし" if lang == "ja" else "shall be co-owned by the Parties, in shares"
    assert wording in poc
    assert "その創出に寄与した当事者" not in poc and "contributed to creating them" not in poc
