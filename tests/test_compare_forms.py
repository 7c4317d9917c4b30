"""Counterparty forms in other house styles: every article read, each change in its article.

Two forms built here the way other firms write them: a Japanese model-style contract
(headings on their own line, a bullet typed or Word's before a heading, article numbers with gaps, an
article inside a content control, one laid out as a two-column table) and an English one
("Section N." headings, a section in a content control, a two-column table, tracked changes
of the counterparty left in the file). Each is compared with an edited copy: the sheet must
read every article, put each change under the right article and fire exactly the rules that
apply, and the redline must accept to their text and reject to ours.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from test_compare_returns import ENGINE, W, _apply, _facts, _fields_whole, _texts

pytest.importorskip("rapidfuzz")

JA_ARTICLES: list[tuple[int, str, list[str]]] = [
    (1, "目的", ["本契約は、甲及び乙が共同して行う新素材の研究開発に関する条件を定めることを目的とする。"]),
    (2, "定義", ["本契約において、本発明とは、本研究により得られた発明をいう。"]),
    (3, "秘密保持", ["甲及び乙は、相手方の秘密情報を第三者に開示してはならない。", "２　前項の義務は、本契約終了後3年間存続する。"]),
    (4, "研究の分担", ["甲は材料の設計を、乙は試作及び評価を、それぞれ分担する。"]),
    (5, "費用", ["各自の分担に要する費用は、各自が負担する。"]),
    (6, "報告", ["甲及び乙は、毎月末日までに研究の進捗を相手方に報告する。"]),
    (7, "成果の帰属", ["本発明に係る特許を受ける権利は、甲に帰属する。"]),
    (10, "実施", ["乙は、本発明を、甲の事前の書面による承諾を得て実施することができる。"]),
    (11, "独占", ["乙は、本契約の締結日から3年間、本発明を用いた製品を甲に対してのみ供給する。"]),
    (12, "第三者との共同研究", ["甲及び乙は、相手方の承諾なく、本研究と同一の研究を第三者と行わない。"]),
    (13, "公表", ["甲及び乙は、相手方の承諾を得て、本研究の成果を公表することができる。"]),
    (14, "譲渡禁止", ["甲及び乙は、本契約上の地位を第三者に譲渡してはならない。"]),
    (15, "解除", ["甲又は乙は、相手方が本契約に違反したときは、本契約を解除することができる。"]),
    (16, "損害賠償", ["甲及び乙は、本契約の違反により相手方に生じた損害を賠償する。"]),
    (17, "有効期間", ["本契約の有効期間は、2027年4月1日から2029年3月31日までとする。"]),
    (18, "存続", ["第3条、第7条、第10条及び第16条の規定は、本契約の終了後も効力を有する。"]),
    (19, "反社会的勢力の排除", ["甲及び乙は、自らが反社会的勢力に該当しないことを表明する。"]),
    (20, "協議", ["本契約に定めのない事項は、甲乙協議の上定める。"]),
    (21, "管轄", ["本契約に関する紛争は、東京地方裁判所を第一審の専属的合意管轄裁判所とする。"]),
    (22, "準拠法", ["本契約は、日本法に準拠する。"]),
    (23, "通知", ["本契約に基づく通知は、書面により行う。"]),
    (24, "完全合意", ["本契約は、本件に関する当事者間の完全な合意である。"]),
]


def _sdt(document: Any, paragraphs: list[Any]) -> None:
    """Wrap body paragraphs in a block content control, as form templates do."""
    first = paragraphs[0]._p
    sdt = first.makeelement(f"{W}sdt", {})
    sdt_pr = sdt.makeelement(f"{W}sdtPr", {})
    tag = sdt_pr.makeelement(f"{W}tag", {f"{W}val": "clause"})
    sdt_pr.append(tag)
    content = sdt.makeelement(f"{W}sdtContent", {})
    sdt.append(sdt_pr)
    sdt.append(content)
    first.addprevious(sdt)
    for p in paragraphs:
        content.append(p._p)


def _ja_form(path: Path, edits: dict[int, tuple[str, str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("共同研究契約書")
    document.add_paragraph("新素材株式会社（以下「甲」という。）と株式会社試作工房（以下「乙」という。）は、次のとおり契約を締結する。")
    for number, heading, lines in JA_ARTICLES:
        lines = list(lines)
        if edits and number in edits:
            old, new = edits[number]
            lines = [line.replace(old, new) for line in lines]
        if number == 13:  # two-column layout: label and heading left, text right
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text = f"第{number}条（{heading}）"
            table.cell(0, 1).text = lines[0]
            continue
        made = []
        if number == 3:
            made.append(document.add_paragraph(f"■第{number}条（{heading}）"))  # a typed bullet before the heading
        elif number == 5:
            made.append(document.add_paragraph(f"第{number}条（{heading}）", style="List Bullet"))  # Word's bullet
            made += [document.add_paragraph(line) for line in lines]
            continue
        else:
            made.append(document.add_paragraph(f"（{heading}）"))
        first = lines[0] if number != 3 else lines[0]
        made.append(document.add_paragraph(first if number == 3 else f"第{number}条　{first}"))
        made += [document.add_paragraph(line) for line in lines[1:]]
        if number == 21:
            _sdt(document, made)
    document.add_paragraph("本契約の成立を証するため、本書2通を作成し、甲乙記名押印の上、各1通を保有する。")
    document.save(str(path))
    return path


def test_a_japanese_model_form_is_read_whole_and_each_change_found_in_its_article(tmp_path: Path) -> None:
    from oidocs.negotiate.compare import compare_files
    from oidocs.negotiate.reader import read_agreement

    ours = _ja_form(tmp_path / "form.docx")
    read = read_agreement(ours.read_bytes())
    assert [(a.number, a.heading) for a in read.articles] == [(n, h) for n, h, _ in JA_ARTICLES]
    assert read.articles[2].paras[1].text == "前項の義務は、本契約終了後3年間存続する。"
    theirs = _ja_form(tmp_path / "form-returned.docx", {
        7: ("甲に帰属", "乙に帰属"), 11: ("3年間", "5年間"), 21: ("東京地方裁判所", "大阪地方裁判所"),
        17: ("2029年3月31日", "2029年9月30日")})
    sheet = compare_files(ours, theirs, with_redline=False)["form-returned-compare.md"].decode()
    assert "条項：当方 22 / 相手方 22。" in sheet
    facts = _facts(sheet, "ja")
    assert facts["changed"] == {"成果の帰属", "独占", "管轄", "有効期間"}
    assert facts["only_ours"] == facts["only_theirs"] == facts["moved"] == facts["outside"] == set()
    assert facts["findings"] == {"ip_owner_changed", "exclusivity_or_non_compete_longer", "court_or_law_changed"}
    assert "- **第21条**（変更）: 本契約に関する紛争は、<del>東京地方裁判所</del><ins>大阪地方裁判所</ins>を" in sheet
    assert "根拠: 甲 -\\> 乙" in sheet and "根拠: 3年 -\\> 5年" in sheet


EN_SECTIONS: list[tuple[str, list[str]]] = [
    ("Definitions", ["In this Agreement, “Products” means the sensor modules described in Exhibit A."]),
    ("Supply", ["Supplier shall supply the Products to Buyer in accordance with purchase orders issued by Buyer."]),
    ("Pricing", ["The prices of the Products are set out in Exhibit B.",
                 "Prices are fixed for the first twelve (12) months of the Term."]),
    ("Delivery and Inspection", ["Supplier shall deliver the Products to Buyer's facility in Osaka.",
                                 "Buyer shall inspect the Products within ten (10) days of delivery."]),
    ("Payment", ["Buyer shall pay each invoice within thirty (30) days of receipt."]),
    ("Confidentiality", ["Each party shall keep the other party's Confidential Information confidential for "
                         "three (3) years after the end of this Agreement."]),
    ("Intellectual Property", ["All improvements to the Products made by Supplier shall be owned solely by Supplier."]),
    ("Warranty", ["Supplier warrants that the Products will conform to the specifications for twelve (12) months."]),
    ("Limitation of Liability", ["Each party's total liability shall not exceed the greater of the amounts paid "
                                 "in the preceding twelve (12) months or USD 100,000."]),
    ("Term", ["This Agreement continues for a period of two (2) years from the Effective Date."]),
    ("Governing Law", ["This Agreement is governed by the laws of the State of New York, without regard to "
                       "its conflict of laws rules."]),
    ("General", ["This Agreement is the entire agreement of the parties on its subject matter."]),
]


def _en_form(path: Path, edits: dict[str, tuple[str, str]] | None = None,
             tracked: tuple[str, str] | None = None, added: tuple[str, str] | None = None) -> Path:
    """A US-style supply agreement; ``tracked``: (section, sentence) added as their tracked insertion."""
    import docx

    document = docx.Document()
    document.add_paragraph("SUPPLY AGREEMENT")
    document.add_paragraph("This Supply Agreement is made between Sensorix Inc. (“Supplier”) and Acme Seiko Co., Ltd. (“Buyer”).")
    for n, (heading, lines) in enumerate(EN_SECTIONS, start=1):
        lines = [line.replace(*edits[heading]) if edits and heading in edits else line for line in lines]
        if added and added[0] == heading:
            lines.append(added[1])
        if heading == "Warranty":
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text = f"Section {n}. {heading}"
            table.cell(0, 1).text = lines[0]
            continue
        made = [document.add_paragraph(f"Section {n}. {heading}")]
        made += [document.add_paragraph(f"({chr(96 + k)}) {line}" if len(lines) > 1 else line)
                 for k, line in enumerate(lines, start=1)]
        if heading == "Confidentiality":
            _sdt(document, made)
        if tracked and tracked[0] == heading:
            run = made[-1].runs[-1]._r
            ins = run.makeelement(f"{W}ins", {f"{W}id": "77", f"{W}author": "Sensorix", f"{W}date": "2027-03-01T00:00:00Z"})
            new = copy.deepcopy(run)
            new.find(f"{W}t").text = " " + tracked[1]
            new.find(f"{W}t").set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            ins.append(new)
            run.addnext(ins)
    document.add_paragraph("IN WITNESS WHEREOF, the parties have executed this Agreement.")
    document.save(str(path))
    return path


def test_an_english_form_with_their_tracked_changes_is_read_whole_and_each_change_found(tmp_path: Path) -> None:
    from oidocs.negotiate.compare import compare_files
    from oidocs.negotiate.reader import read_agreement

    ours = _en_form(tmp_path / "supply.docx")
    read = read_agreement(ours.read_bytes())
    assert [a.heading for a in read.articles] == [h for h, _ in EN_SECTIONS]
    theirs = _en_form(tmp_path / "supply-returned.docx",
                      {"Governing Law": ("New York", "Delaware"), "Term": ("two (2) years", "three (3) years"),
                       "Limitation of Liability": ("the greater of", "the lesser of")},
                      tracked=("Delivery and Inspection", "Products not rejected in that period are deemed accepted."),
                      added=("Pricing", "Supplier shall offer Buyer prices no less favourable than those it offers "
                                        "any other customer."))
    sheet = compare_files(ours, theirs, with_redline=False)["supply-returned-compare.md"].decode()
    assert "Articles: ours 12 / theirs 12." in sheet
    facts = _facts(sheet, "en")
    assert facts["changed"] == {"Governing Law", "Term", "Limitation of Liability", "Delivery and Inspection", "Pricing"}
    assert facts["only_ours"] == facts["only_theirs"] == facts["moved"] == facts["outside"] == set()
    assert facts["findings"] == {"court_or_law_changed", "liability_cap_basis_changed", "deemed_acceptance_added",
                                 "non_compete_exclusivity_mfn_added"}
    assert "- **Section 4(b)** (changed): Buyer shall inspect the Products within ten (10) days of delivery.<ins> " in sheet
    assert "- **Section 3(c) (theirs)** (added): <ins>" in sheet
    assert re.search(r"Evidence: the State of New York -\\> the State of Delaware", sheet)


@pytest.mark.skipif(not ENGINE, reason="the compare extra (python-redlines[docxodus]) is not installed")
def test_the_redlines_of_both_forms_accept_to_theirs_and_reject_to_ours(tmp_path: Path) -> None:
    from oidocs.negotiate.redline import change_date, redline

    pairs = [(_ja_form(tmp_path / "a.docx"), _ja_form(tmp_path / "b.docx", {21: ("東京", "大阪"), 11: ("3年間", "5年間")})),
             (_en_form(tmp_path / "c.docx"), _en_form(tmp_path / "d.docx", {"Term": ("two (2)", "three (3)")},
                                                     tracked=("Payment", "Late payments bear interest.")))]
    for ours, theirs in pairs:
        data = redline(ours.read_bytes(), theirs.read_bytes(), author="Them", when=change_date(theirs.read_bytes()))
        accepted, rejected = _apply(data, "accept"), _apply(data, "reject")
        assert _texts(accepted) == _texts(_apply(theirs.read_bytes(), "accept"))
        assert _texts(rejected) == _texts(_apply(ours.read_bytes(), None))
        assert _fields_whole(accepted) and _fields_whole(rejected)
