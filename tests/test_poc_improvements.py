"""The PoC's results article after the fourth reading (deal C): improvements of background IP lean
with ``acting_for``, the host's materials are "Provided Materials", a university with no role in the
PoC brings no university sentences, the host's rule gives no reason, and the stamp-duty note follows
an assignment the PoC actually contains.

Each test reads the generated document (or review sheet) back and fails on the text before the change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, article_titled, shipped_markdown
from oidocs import api

HOST = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"          # 丙 hosts and signs; acting for 甲 (SME)
OUTSIDE = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"  # the same deal, site: third_party
UNIV = ROOT / "tests" / "fixtures" / "poc-univ-no-role-ja.yaml"           # the only university has no PoC role
RESULTS = {"ja": "本成果の帰属", "en": "Ownership of the Results"}


def results(path: Path, lang: str) -> str:
    return article_titled(shipped_markdown(path, "poc", lang), RESULTS[lang])


def variant(tmp_path: Path, path: Path, **changes: Any) -> Path:
    """A copy of the deal file at ``path`` with top-level keys (or ``poc``'s, given as poc_<key>) changed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key.startswith("poc_"):
            data["poc"][key[4:]] = value
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = value
    out = tmp_path / path.name
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_clients_tuning_of_the_performers_software_stays_the_clients(lang: str) -> None:
    """Deal C, drafted for the SME (甲): an improvement of the startup's (乙's) background made by 甲, alone or
    jointly, follows the ordinary rules (甲's, or co-owned 10/17 : 7/17) and 乙 gets a free licence only for
    the verification and the next agreement; only 甲's own background improvements are assigned to 甲."""
    text = results(HOST, lang)
    if lang == "ja":
        assert "いずれの当事者が創出したかにかかわらず、当該当事者に帰属する" not in text
        assert "甲以外の当事者の背景知的財産権の対象を改良し、又は変更した背景改良成果に係る知的財産権は、改良又は変更の対象となった" \
               "背景知的財産権を有する当事者の役員又は従業員のみにより創出されたときは、前各項の規定にかかわらず当該当事者に帰属し、" \
               "その他のときは、その他の本成果と同様に本条の定めるところにより帰属する" in text
        assert "本検証目的のため、次段階契約が締結されたときはその履行のため、及び当該当事者が自らの内部で利用するため（当該知的財産権又はこれを用いた製品若しくは役務を第三者に提供することを除く。）に、当該背景知的財産権とあわせて" in text
        assert "非独占的な許諾を合理的な条件により行うことについて誠実に協議する" in text
        assert "甲の背景知的財産権の対象を改良し、又は変更した背景改良成果に係る知的財産権は、前各項の規定にかかわらず、" \
               "その創出者を問わず、甲に帰属する" in text
        assert "当該当事者が自らの内部で本成果を利用するため（本成果又はこれを用いた製品若しくは役務を第三者に提供することを除く。）" in text
    else:
        assert "shall belong to that Party, whichever Party created them" not in text
        assert "Background Improvements that improve or modify what is covered by the Background IP Rights of a Party other " \
               "than Party A shall belong to that Party where officers or employees of that Party alone created them, " \
               "notwithstanding the preceding paragraphs, and otherwise as this Article provides for other Results" in text
        assert "for the Verification Purpose, for performing the Next Agreement once it is concluded, and for that Party’s own internal use (not for supplying them" in text
        assert "of Party A shall belong to Party A, whoever created them" in text
        assert "for that Party’s own internal use of the Results (not for supplying the Results" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_improvements_lean_with_acting_for(lang: str, tmp_path: Path) -> None:
    """Drafted for the startup (乙, the owner of the software), its improvements are assigned to it whoever
    made them; with no side chosen, the middle ground: nobody assigns, the owner gets a licence for its business."""
    startup = results(variant(tmp_path, HOST, acting_for="vision"), lang)
    neutral = results(variant(tmp_path, HOST, acting_for=None), lang)
    if lang == "ja":
        assert "乙の背景知的財産権の対象を改良し、又は変更した背景改良成果に係る知的財産権は、前各項の規定にかかわらず、その創出者を問わず、乙に帰属する" in startup
        assert "その権利又は持分を無償で乙に譲渡する" in startup
        assert "譲渡" not in neutral.split("「背景改良成果」とは")[1].split("丙は")[0]
        assert "当該背景知的財産権とあわせて当該知的財産権を自ら実施し、又は利用する（自己の事業のために第三者に製造させることを含む。）" in neutral
    else:
        assert "of Party B shall belong to Party B, whoever created them" in startup
        assert "assign that right or share to Party B free of charge" in startup
        assert "assign" not in neutral.split("“Background Improvements” means")[1].split("Party C acquires")[0]
        assert "itself together with those Background IP Rights (including having third parties make products for its own business)" in neutral


def test_the_sheet_says_what_the_improvements_lean_means_for_the_client() -> None:
    for lang, words in (("ja", "次段階契約（実施許諾）で自社が受ける許諾にその実施が含まれることを確認する"),
                        ("en", "check that the licence you take under the next agreement covers it")):
        sheet = api.render_review(api.read_deal(HOST), lang=lang).decode("utf-8")
        assert words in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_host_rule_gives_no_reason(lang: str) -> None:
    text = results(HOST, lang)
    if lang == "ja":
        assert "本検証を実施せず、かつ、その委託もしないため" not in text
        assert "丙は、甲及び乙の役員又は従業員が創出した本成果に係る権利又は持分を、背景改良成果について前各項に定めるものを除き、取得しない。" in text
    else:
        assert "neither carries out nor commissions" not in text
        assert "Party C acquires no right or share in the Results created by the officers or employees of Party A and Party B, " \
               "except as the preceding paragraphs provide for Background Improvements." in text


def test_the_host_and_the_client_provide_provided_materials() -> None:
    """With a host that provides samples too, the defined term is "Provided Materials" (提供資料), defined once
    and used throughout; the client alone still provides "Client Materials"."""
    en = shipped_markdown(HOST, "poc", "en")
    assert "Client Materials" not in en
    assert en.count("(the “Provided Materials”)") == 1 and en.count("Provided Materials") > 8
    assert "Provided Materials" in article_titled(en, "Provided Materials")
    ja = shipped_markdown(HOST, "poc", "ja")
    assert ja.count("（以下「提供資料」という。）") == 1 and "甲又は丙が提供するこれらの資料（以下「提供資料」という。）" in ja
    outside = shipped_markdown(OUTSIDE, "poc", "en")
    assert "Provided Materials" not in outside and outside.count("(the “Client Materials”)") == 1
    assert "Client Materials" in article_titled(outside, "Client Materials")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_university_with_no_role_in_the_poc_brings_no_university_sentences(lang: str, tmp_path: Path) -> None:
    """The results are the SME's and the startup's: no students, no university filing costs, no set-off, no
    non-practice compensation. With the university as the performer, the same sentences are there."""
    words = {"ja": ["大学その他これに準ずる機関", "大学又は研究機関である他の共有者", "補償の額から控除"],
             "en": ["university or similar institution", "university or research institution", "set the amount it has borne"]}[lang]
    text = shipped_markdown(UNIV, "poc", lang)
    assert not [w for w in words if w in text]
    performer = shipped_markdown(variant(tmp_path, UNIV, poc_performer="univ"), "poc", lang)
    assert all(w in performer for w in words)


def test_the_stamp_note_follows_the_assignment_in_the_poc(tmp_path: Path) -> None:
    """The host pack assigns 甲's background improvements to 甲 (第14条5): a paper PoC may be a category 1-1
    document. With no side chosen nothing is assigned, and the note goes."""
    for lang, words in (("ja", "第1号の1文書"), ("en", "category 1-1")):
        host = api.render_review(api.read_deal(HOST), lang=lang).decode("utf-8")
        line = next(x for x in host.splitlines() if x.startswith("- **技術検証（PoC）契約書**") or x.startswith("- **Technical Verification"))
        assert words in line
        neutral = api.render_review(api.read_deal(variant(tmp_path, HOST, acting_for=None)), lang=lang).decode("utf-8")
        line = next(x for x in neutral.splitlines() if x.startswith("- **技術検証（PoC）契約書**") or x.startswith("- **Technical Verification"))
        assert words not in line


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("acting", ["bigco", None])
def test_the_jda_says_no_more_of_the_owners_poc_results_than_the_poc_gives_it(tmp_path: Path, lang: str, acting: str | None) -> None:
    """Deal B (the owner, a startup, has no PoC role): only a PoC drafted for the owner vests in it the
    improvements of its background that the others make. Drafted for the holder (or for no one), the PoC
    leaves those with their makers, so the JDA may not include in the exclusive licence PoC results
    'vested in the owner as improvements made by another Party': it includes what belongs to the owner
    under the PoC agreement, if anything."""
    import yaml

    from conftest import ROOT
    from oidocs import api

    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "startup-field-three-en.yaml").read_text(encoding="utf-8"))
    data.pop("acting_for", None)
    if acting:
        data["acting_for"] = acting
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    jda = api.render_document(api.read_deal(path), "jda", lang, "md").decode("utf-8")
    if lang == "en":
        assert "as improvements of its own background technology made by another Party" not in jda
        assert "the Intellectual Property Rights in the PoC Results, if any, that belong to Party A under the PoC Agreement" in jda
    else:
        assert "甲の背景技術を改良したものとして" not in jda
        assert "本PoC契約に基づき甲に帰属するものがあるときは、当該知的財産権は" in jda
