"""What a reviewing reading of two packs outside the examples found (review helper, 2026-12-04).

The deals in tests/review_deals/ are not shipped fixtures (no golden files): an SME and a large
company with one date for every document, and a three-party university deal in English. Each test
fails on the text before its fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEALS = ROOT / "tests" / "review_deals"
KOBA = DEALS / "koba-daito-one-date-ja.yaml"      # the SME performs the PoC and is acted for
ASTER = DEALS / "aster-univ-mizuho-en.yaml"       # the university performs the PoC and is acted for
ACME = ROOT / "examples" / "acme-nano-ja.yaml"


# the NDA's next-steps article names the stages each deal makes (test_nda_names_only_the_stages_the_deal_makes)
NEXT_STEPS_TITLES = {
    "koba-daito-one-date-ja": {"ja": "技術検証又は共同研究開発への移行",
                               "en": "Transition to Technical Verification or Joint Research and Development"},
    "aster-univ-mizuho-en": {"ja": "技術検証、共同研究開発又は実施許諾への移行",
                             "en": "Transition to Technical Verification, Joint Research and Development or Licensing"},
    "acme-nano-ja": {"ja": "技術検証、共同研究開発又は実施許諾への移行",
                     "en": "Transition to Technical Verification, Joint Research and Development or Licensing"},
}


def _number(text: str, ja: str, en: str) -> str:
    """The citation (第N条 / Article N) of the article titled ``ja`` / ``en`` in ``text``."""
    match = re.search(r"^## (?:第(\d+)条（" + re.escape(ja) + r"）|Article (\d+) \(" + re.escape(en) + r"\))$", text, re.M)
    assert match, (ja, en)
    return f"第{match.group(1)}条" if match.group(1) else f"Article {match.group(2)}"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal", [KOBA, ASTER, ACME], ids=["koba", "aster", "acme"])
def test_nda_undertakes_to_consider_moving_on_never_best_efforts(deal: Path, lang: str) -> None:
    """lawyer-reading-2 §12: the NDA's step towards a PoC or JDA is an undertaking to consider it
    in good faith (検討に努める / reasonable efforts to consider), never best efforts."""
    text = article_titled(shipped_markdown(deal, "nda", lang),
                          NEXT_STEPS_TITLES[deal.stem][lang])
    assert ("最大限努力" if lang == "ja" else "best efforts") not in text
    assert ("移行について誠実に検討するよう努める" if lang == "ja" else "use reasonable efforts to consider in good faith") in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_performer_side_poc_cap_leaves_every_partys_misuse_uncapped(lang: str) -> None:
    """Acting for the performer, the fee cap covers no party's breach of confidentiality or of the
    ban on analysis: a client that misuses the performer's designs is not let off at the amount of the
    fee, and since the twelfth reading neither is the performer (a one-sided carve-out the client
    would strike)."""
    text = shipped_markdown(KOBA, "poc", lang)
    conf = _number(text, "秘密保持", "Confidentiality")
    analysis = _number(text, "解析等の禁止", "No Analysis")
    damages = article_titled(text, "損害賠償" if lang == "ja" else "Damages")
    expected = (f"（3）{conf}、{analysis}、" if lang == "ja"  # the background and results Articles follow
                else f"liability for damage caused by a breach of {conf}, {analysis}, ")
    assert expected in damages, damages
    assert ("乙による" if lang == "ja" else "liability of Party B for damage caused by its breach") not in damages
    three = shipped_markdown(ASTER, "poc", lang)
    assert ("乙以外の当事者による" if lang == "ja" else "liability of any Party other than the University for damage caused by its breach") \
        not in article_titled(three, "損害賠償" if lang == "ja" else "Damages")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal", [KOBA, ASTER], ids=["koba", "aster"])
def test_sole_owners_can_publish_results_once_the_publication_article_lapses(deal: Path, lang: str) -> None:
    """The publication article survives one year, while unpublished results stay deemed
    confidential for years: once publication lapses, a party (a university's papers and theses)
    may publish the results it alone owns without its procedure, never another party's other
    confidential information; co-owned results stay under the procedure (tests/test_jda_lawyer3.py)."""
    text = shipped_markdown(deal, "jda", lang)
    pub = _number(text, "成果の公表", "Publication of Results")
    conf = article_titled(text, "秘密保持" if lang == "ja" else "Confidentiality")
    if lang == "ja":
        assert f"{pub}の規定が効力を失った後は、各当事者は、自己のみが権利を有する本成果を、同条に定める手続によらずに公表することができる。" in conf
        assert "秘密情報（ノウハウを含む。）を公表することができるものではな" in conf  # ない。 or なく、(co-owned results follow)
    else:
        assert f"Once {pub} has ceased to be in effect, each Party may publish Results that it alone owns without following the procedure of that Article" in conf
        assert "(including know-how)" in conf
    survival = article_titled(text, "存続条項" if lang == "ja" else "Survival")
    assert pub in survival


def test_review_sheet_advice_fits_the_pack() -> None:
    """The performer's cap item mentions site claims only when the PoC has a site clause that
    excepts them (client's or a third party's site), and the official title of the government's
    ethical guidelines on research with human subjects is not taken for an undefined term."""
    aster = _review(ASTER, "en")
    cap = next(line for line in aster.splitlines() if "The cap is the whole Fee" in line)
    assert "site" not in cap, cap
    assert "Ethical Guidelines" not in aster.split("## Terms unfavourable")[0], "official title flagged as an undefined term"
    koba = _review(KOBA, "ja")
    cap_ja = next(line for line in koba.splitlines() if "責任の上限は検証料の全額" in line)
    assert "施設での作業に関する第三者からの請求" in cap_ja


def _review(path: Path, lang: str) -> str:
    """The review sheet of the pack of ``path`` in ``lang`` (as `oidocs pack` writes it)."""
    import tempfile

    from conftest import run

    with tempfile.TemporaryDirectory() as out:
        result = run("pack", "--config", str(path), "--out", out, "--format", "md", "--lang", lang)
        assert result.exit_code == 0, result.output
        return next(Path(out).glob("*-review-*.md")).read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", ["poc", "licence"])
def test_short_name_starting_a_sentence_is_capitalised(doc: str) -> None:
    """A short name written "the University" reads "The University shall ..." where it opens a
    sentence, and keeps its lower-case article mid-sentence, in items and in the deal's own text."""
    text = shipped_markdown(ASTER, doc, "en")
    body = text.split("\n## ", 1)[1]
    assert not re.search(r"^\d+\. the University|\. the University", body, re.M), \
        re.findall(r".{40}(?:^\d+\. |\. )the University.{20}", body, re.M)
    assert "The University shall" in body
    assert re.search(r"[a-z,] the University", body)
    if doc == "poc":
        assert ": evaluating a disposable sweat-lactate sensor patch" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_students_count_as_the_universitys_people_in_the_poc(lang: str) -> None:
    """lawyer-reading-2 §6 for the PoC a university performs: students and other researchers
    bound in writing may receive confidential information, and a result of a professor and a
    student is the university's sole result, not a joint one shared with the other parties."""
    text = shipped_markdown(ASTER, "poc", lang)
    conf = article_titled(text, "秘密保持" if lang == "ja" else "Confidentiality")
    results = article_titled(text, "本成果の帰属" if lang == "ja" else "Ownership of the Results")
    if lang == "ja":
        assert "本条に定める義務と同等の義務を書面により課した上で本検証に参加させる学生その他の研究者を含む。" in conf
        assert "書面により約した上で本検証に参加する学生その他の研究者を含む。以下本項において同じ。）のみにより創出された" in results
    else:
        assert "students and other researchers taking part in the Verification whom it has bound in writing" in conf
        assert "students and other researchers taking part in the Verification who have agreed with it in writing" in results
    assert ("学生" if lang == "ja" else "students") not in shipped_markdown(KOBA, "poc", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_university_licensor_keeps_its_own_research_and_education(lang: str) -> None:
    """An exclusive licence from a university that does not practise in the field still leaves it
    free to use its own invention for non-commercial research and education; a company licensor
    gets no such reservation."""
    grant = article_titled(shipped_markdown(ASTER, "licence", lang), "実施許諾" if lang == "ja" else "Grant of Licence")
    assert ("ただし、乙が自らの非営利の研究及び教育のために実施することは、この限りでない。" if lang == "ja"
            else "except for its own non-commercial research and education, which this Agreement does not restrict") in grant
    company = ROOT / "examples" / "acme-nano-ja.yaml"   # a startup's exclusive licence
    assert ("非営利の研究" if lang == "ja" else "non-commercial research") not in shipped_markdown(company, "licence", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_non_binding_memorandum_carries_the_binding_boilerplate(lang: str) -> None:
    """lawyer-reading-2 §12: even a non-binding MOU has anti-social forces, no assignment,
    notices and severability, and its legal-effect article makes them binding."""
    text = shipped_markdown(KOBA, "mou", lang)
    titles = (["反社会的勢力の排除", "権利義務の譲渡等の禁止", "通知", "分離可能性"] if lang == "ja"
              else ["Exclusion of Anti-Social Forces", "No Assignment", "Notices", "Severability"])
    effect = article_titled(text, "法的拘束力" if lang == "ja" else "Legal Effect")
    for title in titles:
        article_titled(text, title)
        assert _number(text, title, title) in effect, (title, effect)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_survival_keeps_no_duty_to_provide_materials(lang: str) -> None:
    """lawyer-reading-2 §5: of the client-materials article only ownership, the measurement data
    and return or destruction outlive the PoC, not the client's duty to provide materials."""
    text = shipped_markdown(KOBA, "poc", lang)
    materials = _number(text, "提供資料", "Client Materials")
    survival = article_titled(text, "存続条項" if lang == "ja" else "Survival")
    # issue 20 finding 7: the survival also keeps who owns the instrument settings and know-how
    assert (f"{materials}（提供資料の所有権、測定データ、甲の技術の信号及び記録並びに用いた機器の設定、ノウハウ等の帰属、提供資料及び測定データの返還及び廃棄並びに甲が保有する試験データの複製に関する部分に限り、提供資料を提供する義務を除く。）" if lang == "ja"
            else f"{materials} (only as regards the ownership of the Client Materials, the Measurement Data, the signals and records of the technology of Party A and the settings and know-how of the equipment used, the return or destruction of the Client Materials and the Measurement Data, and the copy of the test data that Party A keeps, and not any duty to provide Client Materials)") in survival


# The owner-side hold on the exclusive field moved to tests/test_ip_licences.py (issue 20 finding 1:
# the hold starts with the licence agreement, not with the request).


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_poc_filing_costs_of_a_university_fall_on_the_practising_co_owners(lang: str) -> None:
    """The PoC no longer contradicts the JDA: a university co-owner's share of filing costs is
    borne by the co-owners that practise, and repaid only out of licence income."""
    results = article_titled(shipped_markdown(ASTER, "poc", lang), "本成果の帰属" if lang == "ja" else "Ownership of the Results")
    # eleventh reading: worded as the JDA's filing Article (version 7) words it for one company co-owner
    assert ("大学その他これに準ずる機関である共有者が負担すべき費用は、他の共有者が負担する。" if lang == "ja"
            else "the costs that a co-owner that is a university or similar institution would bear shall be borne by the other co-owner.") in results
    assert ("第三者に実施を許諾し、又は自己の持分を譲渡して対価を得たときに限り" if lang == "ja"
            else "for licensing those Intellectual Property Rights to a third party or for assigning its share in them") in results


def test_small_drafting_fixes_of_the_review() -> None:
    """A two-party Japanese PoC names the owner's counterpart (甲は), not 「乙以外の当事者は」; the
    English grant-back reads "for Party A's own business"; a university's students may be named
    among the JDA researchers (they take part under the employee-inventions article)."""
    bigco = ROOT / "examples" / "bigco-smallworks-en.yaml"
    poc = article_titled(shipped_markdown(bigco, "poc", "ja"), "本成果の帰属")
    assert "乙以外の当事者は" not in poc and "乙に帰属する。甲は、" in poc
    grant_back = shipped_markdown(ROOT / "tests" / "fixtures" / "licence-exclusive-ja.yaml", "licence", "en")
    assert "for the own business of" not in grant_back and "for Party A’s own business" in grant_back
    roles = article_titled(shipped_markdown(ASTER, "jda", "en"), "Division of Roles")
    employee = _number(shipped_markdown(ASTER, "jda", "en"), "職務発明等", "Employee Inventions")
    assert f"the students and other researchers who take part in the research under {employee}" in roles
    roles_ja = article_titled(shipped_markdown(ASTER, "jda", "ja"), "役割分担")
    assert "に基づき研究に参加する学生その他の研究者を含む。）のうちから" in roles_ja
