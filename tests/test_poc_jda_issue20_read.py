"""Issue 20 (third reading, PoC and JDA alignment): the PoC's co-owned results follow the JDA's
joint-filing articles, a signing host's information stays confidential after the PoC ends, the JDA
restricts disclosure to the people who need to know, and a performer's insolvency settles the fee
like its material breach. Each test reads the generated document back in both languages and fails
on the text before the change.
"""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, shipped_markdown

HOKKAI = ROOT / "tests" / "fixtures" / "hokkai-sme-univ-ja.yaml"   # SME (acting) + university, 60/40, compensation
SHIZUOKA = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"  # three parties, 丙 hosts the PoC
ASTER = ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml"  # drafted for the university

TITLES = {"results": ("本成果の帰属", "Ownership of the Results"), "survival": ("存続条項", "Survival"),
          "termination": ("解除", "Termination"), "confidentiality": ("秘密保持", "Confidentiality")}


def art(path: Path, doc: str, key: str, lang: str) -> str:
    return article_titled(shipped_markdown(path, doc, lang), TITLES[key][0 if lang == "ja" else 1])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_have_made_is_only_for_the_co_owners_own_products(lang: str) -> None:
    """(a) As in the JDA: a maker's own practice is never a co-owner's practice."""
    results = art(HOKKAI, "poc", "results", lang)
    if lang == "ja":
        assert "自己が販売し、又は自ら使用する製品を専ら自己に納入させるために第三者に製造させること" in results
        assert "当該第三者が自ら又は自己以外の者のために行う実施を含まない" in results
        assert "自己のために第三者に製造させることを含む" not in results
    else:
        assert "having a third party make products solely for supply to that co-owner, for it to sell or to use itself" in results
        assert "not any practice by that third party for itself or for anyone else" in results
        assert "having a third party manufacture for it" not in results


@pytest.mark.parametrize("path", [HOKKAI, SHIZUOKA, ASTER])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_consent_to_license_co_owned_results_is_not_unreasonably_withheld(path: Path, lang: str) -> None:
    """(b) Consent needed; not unreasonably withheld for a non-exclusive licence, a competitor is a
    good reason, an exclusive licence at discretion (the JDA's licensing Article)."""
    results = art(path, "poc", "results", lang)
    if lang == "ja":
        assert "非独占的な実施又は利用の許諾については、正当な理由なく同意を拒んではならない" in results
        assert "競合する事業を行う者であるときは、同意を拒む正当な理由があるものとし" in results
        assert "独占的な実施又は利用の許諾に同意するか否かは、同意を求められた共有者の裁量による" in results
    else:
        assert "shall not unreasonably withhold its consent to a non-exclusive licence" in results
        assert "carries on a business that competes with a business in which that co-owner practises" in results
        assert "whether to consent to an exclusive licence is at its discretion" in results


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_filing_costs_borne_for_the_university_are_set_off_against_compensation(lang: str) -> None:
    """(c) Drafted for the SME that pays the university's share of the costs and the compensation."""
    hokkai = art(HOKKAI, "poc", "results", lang)
    aster = art(ASTER, "poc", "results", lang)
    if lang == "ja":
        clause = "次項に基づき大学その他これに準ずる機関である共有者に支払うべき補償の額から控除することができ"
    else:
        clause = "off against the compensation that it owes that university or institution under the following paragraph"
    assert clause in hokkai
    assert clause not in aster  # drafted for the university: no set-off, as in the JDA


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_hosts_information_stays_confidential_after_the_poc(lang: str) -> None:
    """Task 2: the site paragraph on the host's information survives for the confidentiality period."""
    survival = art(SHIZUOKA, "poc", "survival", lang)
    if lang == "ja":
        assert re.search(r"従事者が本施設において知り得た情報を秘密情報として取り扱う部分に限る。）の規定は、第\d+条に定める期間に限り", survival)
        assert "設備の停止等により丙が自ら負担する損失" in survival
    else:
        assert "(only as regards treating what the Personnel learn at the Site as Confidential Information) shall remain in force only for the period" in survival
        assert "the loss from stoppages that Party C bears itself" in survival
    # no termination right or duty to provide survives
    assert ("作業時間帯" if lang == "ja" else "Work Windows") not in survival
    assert ("提供する義務を除く" if lang == "ja" else "not any duty to provide") in survival


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_discloses_only_to_people_who_need_to_know_bound_after_they_leave(lang: str) -> None:
    """Task 3: the JDA words it as the PoC and the NDA do."""
    conf = art(HOKKAI, "jda", "confidentiality", lang)
    if lang == "ja":
        assert "従事する自己の役員及び従業員のうち、本目的のために秘密情報を知る必要がある者" in conf
        assert "役員及び従業員については、その退任又は退職後の義務を含む。" in conf
    else:
        assert "engaged in the Joint Research and Development who need to know it for the Purpose" in conf
        assert "for its officers and employees, including after their resignation or retirement" in conf


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_performer_insolvency_settles_the_fee_by_the_work_handed_over(lang: str) -> None:
    """Task 4: the 14-day hand-over applies to every ground of immediate termination too."""
    for path in (HOKKAI, SHIZUOKA):
        termination = art(path, "poc", "termination", lang)
        assert ("乙が本条第2項各号のいずれかに該当したことを理由として本契約が解除されたときは" if lang == "ja"
                else "or because Party B falls under any of the items of the second paragraph of this Article, only the part") in termination
