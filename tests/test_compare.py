"""`oidocs compare`: a counterparty's edits in Word become an issue sheet and a redline.

The counterparty's files are made the way a counterparty makes them: our generated DOCX
opened and edited (words changed, a paragraph deleted, a paragraph inserted, an article
deleted so that Word renumbers the rest), or its own form in another house style.
Accept All / Reject All are applied here on the XML, independently of oidocs' own helpers.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import ROOT, run
from oidocs import api

pytest.importorskip("rapidfuzz")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENGINE = all(__import__("importlib").util.find_spec(m) for m in ("python_redlines", "python_redlines_docxodus"))
needs_engine = pytest.mark.skipif(not ENGINE, reason="the compare extra (python-redlines[docxodus]) is not installed")


def _generated(tmp_path: Path, doc: str, lang: str) -> Path:
    deal = api.read_deal(ROOT / "examples" / "acme-nano-ja.yaml")
    path = tmp_path / f"ours-{doc}-{lang}.docx"
    path.write_bytes(api.render_document(deal, doc, lang, "docx"))
    return path


def _edit(src: Path, dst: Path, change: Callable[[Any], None]) -> Path:
    import docx

    document = docx.Document(str(src))
    change(document)
    document.save(str(dst))
    return dst


def _find(document: Any, start: str) -> Any:
    return next(p for p in document.paragraphs if p.text.startswith(start))


def _replace(paragraph: Any, old: str, new: str) -> None:
    for r in paragraph.runs:
        if old in r.text:
            r.text = r.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not in one run of {paragraph.text[:40]!r}")


def _insert_after(paragraph: Any, text: str) -> None:
    new = copy.deepcopy(paragraph._p)
    for r in new.findall(f"{W}r")[1:]:
        new.remove(r)
    paragraph._p.addnext(new)
    new.find(f"{W}r/{W}t").text = text
    for t in new.findall(f"{W}r/{W}t")[1:]:
        t.text = ""


def _delete_article(document: Any, heading: str) -> None:
    """Remove a whole article, heading and paragraphs: Word renumbers the articles after it."""
    paragraphs = document.paragraphs
    i = next(n for n, p in enumerate(paragraphs) if p.style.style_id == "Heading1" and heading in p.text)
    doomed = [paragraphs[i]]
    for p in paragraphs[i + 1:]:
        if p.style.style_id == "Heading1":
            break
        doomed.append(p)
    for p in doomed:
        p._p.getparent().remove(p._p)


def _texts(data: bytes, mode: str | None = None) -> list[str]:
    """Non-empty paragraph texts, after Accept All ("accept") or Reject All ("reject") on the XML."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    deleted, inserted = ("del", "moveFrom"), ("ins", "moveTo")
    gone, kept = {"accept": (deleted, inserted), "reject": (inserted, deleted)}.get(mode or "", ((), ()))
    for tag in gone:
        for el in list(root.iter(f"{W}{tag}")):
            if el.getparent().tag == f"{W}rPr":
                continue  # a paragraph-mark revision: handled below
            el.getparent().remove(el)
    for tag in kept:
        for el in list(root.iter(f"{W}{tag}")):
            parent = el.getparent()
            if parent.tag == f"{W}rPr":
                continue
            for child in list(el):
                el.addprevious(child)
            parent.remove(el)
    texts, carry = [], ""
    for p in root.iter(f"{W}p"):
        text = carry + "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(mark.find(f"{W}{tag}") is not None for tag in gone):
            carry = text  # this paragraph's mark is removed: it runs on into the next
            continue
        carry = ""
        if text.strip():
            texts.append(text.strip())
    return texts


def _counterparty_jda_en(tmp_path: Path) -> tuple[Path, Path]:
    ours = _generated(tmp_path, "jda", "en")

    def change(document: Any) -> None:
        # the JDA takes effect on the notice to proceed and runs to the Research Period's last day (jda.term v5)
        term = next(p for p in document.paragraphs if p.text.startswith("This Agreement") and "last day of the Research Period" in p.text)
        _replace(term, "until the last day of the ", "until November 30, 2027, the last day of the ")
        damages = _find(document, "Neither Party shall be liable to the other Party for damages solely")
        damages._p.getparent().remove(damages._p)
        _insert_after(_find(document, "During the Research Period, the Parties shall hold"),
                      "During the Research Period, no Party shall carry out research competing with the theme.")
        _delete_article(document, "No Warranty")

    return ours, _edit(ours, tmp_path / "jda-returned.docx", change)


@needs_engine
def test_redline_accept_all_gives_their_text_and_reject_all_ours(tmp_path: Path) -> None:
    ours, theirs = _counterparty_jda_en(tmp_path)
    result = run("compare", ours, theirs, "--out", tmp_path / "out", "--author", "Nano Legal")
    assert result.exit_code == 0, result.stderr
    redline = (tmp_path / "out" / "jda-returned-redline.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml").decode()
    assert 'w:author="Nano Legal"' in xml and "<w:del " in xml and "<w:ins " in xml
    assert _texts(redline, "accept") == _texts(theirs.read_bytes())
    assert _texts(redline, "reject") == _texts(ours.read_bytes())
    # Our numbering stays Word's: the article headings still carry numPr.
    headings = re.findall(r'<w:pStyle w:val="Heading1"\s*/>(?:<w:keepNext\s*/>)?<w:numPr>', xml)
    assert len(headings) == len(_numbers(ours))


@needs_engine
def test_issue_sheet_lists_each_change_and_the_finding_it_triggers(tmp_path: Path) -> None:
    ours, theirs = _counterparty_jda_en(tmp_path)
    assert run("compare", ours, theirs, "--out", tmp_path).exit_code == 0
    sheet = (tmp_path / "jda-returned-compare.md").read_text(encoding="utf-8")
    ours_n = _numbers(ours)
    term, warranty, damages, research = (ours_n["Term"], ours_n["No Warranty"],
                                         ours_n["Damages and Limitation of Liability"],
                                         ours_n["Research Period and Progress Reports"])
    # Renumbered articles are paired with their originals: after No Warranty, theirs is one less.
    assert f"| Article {term} (Term) | Article {term - 1} (Term) | changed |" in sheet
    assert f"| Article {warranty} (No Warranty) | — | only in ours (deleted) |" in sheet
    assert f"| Article {warranty + 1} (Confidentiality) | Article {warranty} (Confidentiality) | unchanged |" in sheet
    assert (f"| Article {damages} (Damages and Limitation of Liability) | "
            f"Article {damages - 1} (Damages and Limitation of Liability) | changed |") in sheet
    assert f"| Article {research} (Research Period and Progress Reports) | Article {research} (" in sheet
    assert "shall remain in effect until <ins>November 30, 2027, </ins>the last day of the Research Period." in sheet
    assert "<del>Neither Party shall be liable to the other Party for damages solely" in sheet
    assert "<ins>During the Research Period, no Party shall carry out research competing with the theme.</ins>" in sheet
    findings = sheet.split("## Findings", 1)[1]
    assert re.search(rf"\*\*Term or survival shortened\*\*.*\n\s+Ours: Article {term} \(Term\) / "
                     rf"Theirs: Article {term - 1} \(Term\)\s+\n\s+Evidence: May 31, 2028 -\\> November 30, 2027",
                     findings)
    assert re.search(rf"\*\*Non-compete, exclusivity or most-favoured terms added\*\*.*\n\s+Ours: Article {research} ",
                     findings)


def _numbers(path: Path) -> dict[str, int]:
    """Article heading -> number, as our generated file has them."""
    from oidocs.negotiate.reader import read_agreement

    return {a.heading: a.number for a in read_agreement(path.read_bytes()).articles if a.number}


@needs_engine
def test_japanese_poc_cap_removed_and_payment_later(tmp_path: Path) -> None:
    ours = _generated(tmp_path, "poc", "ja")

    def change(document: Any) -> None:
        cap = _find(document, "前項の規定にかかわらず、本契約に関して各当事者が負う損害賠償責任の総額")
        cap._p.getparent().remove(cap._p)
        _replace(_find(document, "甲は、前項の請求書に記載された金額"), "30", "90")

    theirs = _edit(ours, tmp_path / "poc-返送.docx", change)
    assert run("compare", ours, theirs, "--out", tmp_path).exit_code == 0
    sheet = (tmp_path / "poc-返送-compare.md").read_text(encoding="utf-8")
    assert "<del>30</del><ins>90</ins>日以内" in sheet  # a number is one token, not digits
    findings = sheet.split("## 指摘事項", 1)[1]
    assert re.search(r"\*\*責任の上限又は免責（間接損害・逸失利益）が削除された\*\*（?.*\n\s+当方: 第\d+条（損害賠償）", findings)
    assert "**支払期限が延ばされた**" in findings and "30日 -\\> 90日" in findings
    redline = (tmp_path / "poc-返送-redline.docx").read_bytes()
    assert _texts(redline, "accept") == _texts(theirs.read_bytes())
    assert _texts(redline, "reject") == _texts(ours.read_bytes())


def _house_style_jda(path: Path) -> Path:
    """A Japanese JDA in another firm's style: heading lines above typed 第N条 bodies, ① items."""
    import docx

    document = docx.Document()
    document.add_paragraph("共同研究開発契約書")
    document.add_paragraph("ナノテック株式会社（以下「甲」という。）と株式会社アクメ精工（以下「乙」という。）は、"
                           "共同研究開発に関し、以下のとおり契約を締結する。")
    articles = [
        ("目的", ["甲及び乙は、空気殺菌装置の共同開発を目的として、本契約に従い共同研究開発を行う。"]),
        ("定義", ["本契約において用いる用語の意義は、次のとおりとする。", "①　本成果とは、本研究により得られた一切の技術的成果をいう。",
                 "②　本発明とは、本成果のうち特許を受けることができるものをいう。"]),
        ("成果の帰属", ["本成果に係る知的財産権は、甲に単独で帰属する。"]),
        ("秘密保持", ["甲及び乙は、相手方から開示された秘密情報を第三者に開示してはならない。",
                   "２　前項の義務は、本契約終了後1年間存続する。"]),
        ("競業避止", ["乙は、本契約の有効期間中、本研究と同一又は類似の研究開発を第三者と行ってはならない。"]),
        ("有効期間", ["本契約の有効期間は、2027年6月1日から2028年3月31日までとする。"]),
        ("管轄", ["本契約に関する紛争は、大阪地方裁判所を第一審の専属的合意管轄裁判所とする。"]),
    ]
    for n, (heading, lines) in enumerate(articles, start=1):
        document.add_paragraph(f"（{heading}）")
        document.add_paragraph(f"第{n}条　{lines[0]}")
        for line in lines[1:]:
            document.add_paragraph(line)
    document.add_paragraph("本契約の成立を証するため、本書2通を作成し、甲乙記名押印の上、各1通を保有する。")
    document.save(str(path))
    return path


def test_generated_jda_against_another_house_style_pairs_or_lists_every_article(tmp_path: Path) -> None:
    from oidocs.negotiate.compare import compare_files
    from oidocs.negotiate.reader import read_agreement

    ours = _generated(tmp_path, "jda", "ja")
    theirs = _house_style_jda(tmp_path / "nano-jda.docx")
    read = read_agreement(theirs.read_bytes())
    assert [(a.number, a.heading) for a in read.articles][:2] == [(1, "目的"), (2, "定義")]
    assert read.articles[1].paras[0].items == [("①", "本成果とは、本研究により得られた一切の技術的成果をいう。"),
                                               ("②", "本発明とは、本成果のうち特許を受けることができるものをいう。")]
    sheet = compare_files(ours, theirs, with_redline=False)["nano-jda-compare.md"].decode()
    table = sheet.split("## 条項の対応", 1)[1].split("## 変更箇所", 1)[0]
    ours_cited = re.findall(r"^\| [^|]* \| (第\d+条（[^|]*）|—) \|", table, re.M)
    theirs_cited = re.findall(r"^\| [^|]* \| [^|]* \| (第\d+条（[^|]*）|—) \|", table, re.M)
    assert len([c for c in ours_cited if c != "—"]) == len(read_agreement(ours.read_bytes()).articles) > 25
    assert sorted(c for c in theirs_cited if c != "—") == sorted(f"第{n}条（{a.heading}）"
                                                            for n, a in enumerate(read.articles, start=1))
    for heading in ("目的", "定義", "秘密保持", "有効期間"):
        assert re.search(rf"\| 第\d+条（{heading}） \| 第\d+条（{heading}） \| 変更あり \|", table), heading
    assert "| — | 第5条（競業避止） | 相手方のみ（追加） |" in table
    findings = sheet.split("## 指摘事項", 1)[1]
    for title in ("成果の知的財産権が一方当事者の単独帰属に変更された", "管轄裁判所又は準拠法が変更された",
                  "競業避止・独占・最恵待遇の義務が加えられた", "有効期間又は存続期間が短縮された"):
        assert f"**{title}**" in findings, title


def test_compare_refuses_a_file_that_is_not_docx(tmp_path: Path) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip")
    ours = _generated(tmp_path, "nda", "en")
    result = run("compare", ours, bad, "--out", tmp_path / "out")
    assert result.exit_code == 1
    if ENGINE:
        assert result.stderr.startswith(f"{bad}: not a readable Word (.docx) file")
    assert not (tmp_path / "out").exists()


def test_compare_without_the_engine_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name.startswith("python_redlines") else real(name, *a))
    ours = _generated(tmp_path, "nda", "en")
    result = run("compare", ours, ours, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "pip install 'oidocs[compare]'" in result.stderr
    assert not (tmp_path / "out").exists()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.soffice
@needs_engine
def test_the_redline_opens_in_libreoffice(tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    ours, theirs = _counterparty_jda_en(tmp_path)
    assert run("compare", ours, theirs, "--out", tmp_path / "out").exit_code == 0
    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "txt:Text",
                    "--outdir", str(tmp_path / "txt"), str(tmp_path / "out" / "jda-returned-redline.docx")],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    text = (tmp_path / "txt" / "jda-returned-redline.txt").read_text(encoding="utf-8-sig")
    assert "Article 1" in text and "(Term)" in text
    assert "November 30, 2027" in text  # LibreOffice shows the tracked insertion
