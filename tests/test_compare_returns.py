"""Counterparty returns of our JDA: what the issue sheet says about each, and nothing else.

Each return is our generated JDA (ja or en) edited the way a counterparty edits it in Word:
numbers changed, paragraphs deleted or swapped, an article inserted, deleted, moved or split
(Word renumbers the articles; the cross-reference fields keep their old results until the
next field update, or are updated), a defined term renamed, the signature block or only the
punctuation changed, all at once, a copy saved by LibreOffice, and one with tracked changes
of its own. Each states the facts the sheet must give: which articles changed, were added,
deleted or moved, which playbook rules fire, and nothing else. The redline of every one is
checked with Accept All / Reject All applied here on the XML, and its fields must stay whole.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import ROOT
from oidocs import api

pytest.importorskip("rapidfuzz")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENGINE = all(__import__("importlib").util.find_spec(m) for m in ("python_redlines", "python_redlines_docxodus"))


# --- editing a generated JDA as a counterparty does -------------------------------------------

def _paragraphs(document: Any) -> list[Any]:
    return list(document.paragraphs)


def _is_heading(p: Any) -> bool:
    return p.style.style_id == "Heading1"


def _article(document: Any, heading: str) -> list[Any]:
    """The paragraphs of an article: its heading and everything up to the next heading."""
    paragraphs = _paragraphs(document)
    i = next(n for n, p in enumerate(paragraphs) if _is_heading(p) and p.text.strip("（）() ") == heading)
    out = [paragraphs[i]]
    for p in paragraphs[i + 1:]:
        if _is_heading(p) or not p.text.strip():
            break
        out.append(p)
    return out


def _body(document: Any, heading: str) -> list[Any]:
    """The numbered paragraphs (項, not items) of an article."""
    return [p for p in _article(document, heading)[1:] if p.style.style_id in ("OIParagraph", "OIBody")]


def _containing(document: Any, heading: str, text: str) -> Any:
    """The first paragraph of an article that says ``text``."""
    return next(p for p in _article(document, heading)[1:] if text in p.text)


def _set_text(p: Any, text: str) -> None:
    """Replace a paragraph's runs by one run saying ``text`` (its numbering and style stay)."""
    for child in list(p._p):
        if child.tag != f"{W}pPr":
            p._p.remove(child)
    p.add_run(text)


def _replace(p: Any, old: str, new: str) -> None:
    for r in p.runs:
        if old in r.text:
            r.text = r.text.replace(old, new, 1)
            return
    assert old in p.text, (old, p.text[:60])
    _set_text(p, p.text.replace(old, new, 1))


def _replace_everywhere(document: Any, old: str, new: str) -> None:
    for p in _paragraphs(document):
        for r in p.runs:
            if old in r.text:
                r.text = r.text.replace(old, new)


def _remove(p: Any) -> None:
    p._p.getparent().remove(p._p)


def _copy_after(anchor: Any, template: Any, text: str) -> Any:
    """A new paragraph after ``anchor`` shaped like ``template`` (style, numbering), saying ``text``."""
    from docx.text.paragraph import Paragraph

    new = copy.deepcopy(template._p)
    for child in list(new):
        if child.tag != f"{W}pPr":
            new.remove(child)
    anchor._p.addnext(new)
    paragraph = Paragraph(new, anchor._parent)
    paragraph.add_run(text)
    return paragraph


def _insert_article(document: Any, after: str, heading: str, texts: list[str]) -> None:
    """A new article after article ``after``: Word numbers it and every article after it."""
    last = _article(document, after)[-1]
    head = _article(document, after)[0]
    body = _body(document, after)[0]
    anchor = _copy_after(last, head, f"（{heading}）" if "（" in head.text else f"({heading})")
    for text in texts:
        anchor = _copy_after(anchor, body, text)


def _move_article(document: Any, heading: str, after: str) -> None:
    moving = _article(document, heading)
    anchor = _article(document, after)[-1]._p
    for p in moving:
        anchor.addnext(p._p)
        anchor = p._p


def _update_fields(document: Any, lang: str) -> None:
    """What Word's field update does: each REF result becomes the current label of its article."""
    numbers: dict[str, int] = {}
    n = 0
    for p in _paragraphs(document):
        if _is_heading(p):
            n += 1
            for mark in p._p.iter(f"{W}bookmarkStart"):
                numbers[mark.get(f"{W}name")] = n
    body = document.element.body
    runs = list(body.iter(f"{W}r"))
    k = 0
    while k < len(runs):
        instr = runs[k].find(f"{W}instrText")
        m = re.match(r"\s*REF\s+(\S+)", instr.text or "") if instr is not None else None
        if m and m.group(1) in numbers:
            label = f"第{numbers[m.group(1)]}条" if lang == "ja" else f"Article {numbers[m.group(1)]}"
            k += 1
            while runs[k].find(f"{W}fldChar") is None:
                k += 1
            k += 1  # the separate mark; the result runs follow until the end mark
            first = True
            while runs[k].find(f"{W}fldChar") is None:
                t = runs[k].find(f"{W}t")
                if t is not None:
                    t.text, first = (label if first else ""), False
                k += 1
        k += 1


# --- the returns ------------------------------------------------------------------------------

@dataclass
class Return:
    """One counterparty return and what the sheet must say about it."""

    name: str
    lang: str
    edit: Callable[[Any], None] | None
    changed: set[str] = field(default_factory=set)       # our headings of the articles changed
    only_ours: set[str] = field(default_factory=set)
    only_theirs: set[str] = field(default_factory=set)   # their headings
    moved: set[str] = field(default_factory=set)
    findings: set[str] = field(default_factory=set)
    outside: set[str] = field(default_factory=set)       # preamble / closing changed
    lines: tuple[str, ...] = ()                          # lines the sheet must contain
    renumbered: bool = False
    build: Callable[[Path, Path], Path] | None = None    # instead of edit: make theirs from ours


def _numbers_ja(d: Any) -> None:
    _replace(_containing(d, "研究期間及び進捗報告", "2028年5月31日"), "2028年5月31日", "2028年11月30日")
    _replace(_containing(d, "成果の公表", "30日"), "30日", "60日")


def _deleted_paragraphs_en(d: Any) -> None:
    paras = _body(d, "Confidentiality")
    _remove(paras[2])
    _remove(paras[4])
    _replace(paras[3], "shall not constitute", "shall not be")


def _inserted_article_ja(d: Any) -> None:
    _insert_article(d, "秘密保持", "競業避止", [
        "各当事者は、研究期間中及びその終了後2年間、本共同研究開発のテーマと同一又は類似の研究開発を第三者と行ってはならない。"])
    _update_fields(d, "ja")


def _deleted_article_en(d: Any) -> None:
    for p in _article(d, "No Warranty"):
        _remove(p)


def _moved_article_ja(d: Any) -> None:
    _move_article(d, "秘密保持", "目的")
    _update_fields(d, "ja")


def _split_article_en(d: Any) -> None:
    second = _body(d, "Term")[-1]  # the extension paragraph (the last one)
    text = second.text
    _remove(second)
    _insert_article(d, "Term", "Extension of Term", [text])
    _update_fields(d, "en")


def _renamed_term_ja(d: Any) -> None:
    _replace_everywhere(d, "本共同研究開発", "本件共同開発")


def _swapped_en(d: Any) -> None:
    paras = _body(d, "Research Period and Progress Reports")
    paras[2]._p.addnext(paras[1]._p)


def _signature_ja(d: Any) -> None:
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if "佐藤 花子" in p.text:
                        _replace(p, "佐藤 花子", "鈴木 一郎") if "佐藤 花子" in "".join(r.text for r in p.runs[:1]) \
                            else _set_text(p, p.text.replace("佐藤 花子", "鈴木 一郎"))


def _punctuation_en(d: Any) -> None:
    _replace(_body(d, "Governing Law and Jurisdiction")[1], "Any and all disputes", "Any and all disputes,")


def _width_only_ja(d: Any) -> None:
    _replace(_containing(d, "成果の公表", "30日"), "30", "３０")


def _everything_ja(d: Any) -> None:
    _numbers_ja(d)
    _replace_everywhere(d, "本共同研究開発", "本件共同開発")
    for p in _article(d, "非保証"):
        _remove(p)
    _insert_article(d, "秘密保持", "競業避止", [
        "各当事者は、研究期間中及びその終了後2年間、本件共同開発のテーマと同一又は類似の研究開発を第三者と行ってはならない。"])
    paras = _body(d, "解除等")
    paras[1]._p.addnext(paras[0]._p)
    _replace(_body(d, "準拠法及び管轄裁判所")[1], "東京地方裁判所", "大阪地方裁判所")


def _court_en(d: Any) -> None:
    _replace(_body(d, "Governing Law and Jurisdiction")[1], "Tokyo District Court", "Osaka District Court")


def _sole_owner_ja(d: Any) -> None:
    _set_text(_body(d, "共同成果の帰属")[0], "共同成果に係る知的財産権は、乙に単独で帰属する。")
    for p in _article(d, "共同成果の帰属"):
        if p.style.style_id == "OIItem":
            _remove(p)


def _shares_ja(d: Any) -> None:
    items = [p for p in _article(d, "共同成果の帰属") if p.style.style_id == "OIItem"]
    _replace(items[0], "50", "10")
    _replace(items[1], "50", "90")


def _cap_lesser_en(d: Any) -> None:
    _replace(_body(d, "Damages and Limitation of Liability")[3], "limited to JPY 10,000,000", "limited to the lesser of JPY 1,000,000 and JPY 10,000,000")


def _deemed_acceptance_en(d: Any) -> None:
    paras = _body(d, "Research Period and Progress Reports")
    _copy_after(paras[-1], paras[-1], "The final report shall be deemed accepted by both Parties unless a Party "
                                      "objects in writing within seven (7) days of receiving it.")


def _improvements_ja(d: Any) -> None:
    paras = _body(d, "改良発明")
    _copy_after(paras[-1], paras[-1], "乙が本成果を改良して得た発明は、甲に無償で譲渡され、甲に帰属する。")


def _mfn_en(d: Any) -> None:
    paras = _body(d, "Costs")
    _copy_after(paras[-1], paras[-1], "Party B shall offer Party A terms no less favourable than those it offers "
                                      "to any other customer for the products based on the Results.")


def _term_later_en(d: Any) -> None:
    # the on-notice JDA's term runs to the Research Period's last day (May 31, 2028; jda.term v5): theirs dates it later
    _replace(_body(d, "Term")[0], "until the last day of the Research Period", "until November 30, 2028")


def _tracked_ja(d: Any) -> None:
    """Their own tracked changes, left unaccepted: a deleted cap paragraph and an inserted word."""
    paragraph = _body(d, "損害賠償及び責任の制限")[3]
    for r in list(paragraph._p.findall(f"{W}r")):
        wrapper = r.makeelement(f"{W}del", {f"{W}id": "901", f"{W}author": "Nano", f"{W}date": "2027-05-01T00:00:00Z"})
        r.addprevious(wrapper)
        wrapper.append(r)
        for t in r.findall(f"{W}t"):
            t.tag = f"{W}delText"
    target = _body(d, "通知")[0]
    run = target.runs[-1]
    ins = run._r.makeelement(f"{W}ins", {f"{W}id": "902", f"{W}author": "Nano", f"{W}date": "2027-05-01T00:00:00Z"})
    new_run = copy.deepcopy(run._r)
    for t in new_run.findall(f"{W}t"):
        t.text = ""
    new_run.findall(f"{W}t")[0].text = "（電子メールによる通知を除く。）"
    ins.append(new_run)
    run._r.addnext(ins)


def _libreoffice(ours: Path, dst: Path) -> Path:
    """Their copy is ours opened and saved by LibreOffice, nothing edited."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = dst.parent / "lo"
    subprocess.run([soffice, f"-env:UserInstallation=file://{dst.parent / 'profile'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(ours)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(dst.parent)})
    (out / ours.name).rename(dst)
    return dst


RETURNS = [
    Return("numbers-ja", "ja", _numbers_ja, changed={"研究期間及び進捗報告", "成果の公表"},
           lines=("- **第4条第1項**（変更）: ", "<del>2028年5月31日</del><ins>2028年11月30日</ins>",
                  "<del>30</del><ins>60</ins>日")),
    Return("deleted-paragraphs-en", "en", _deleted_paragraphs_en, changed={"Confidentiality"},
           lines=("- **Article 19(3)** (deleted)", "- **Article 19(5)** (deleted)",
                  "- **Article 19(4)** (changed): The following information shall not <del>constitute</del><ins>be</ins>")),
    Return("inserted-article-ja", "ja", _inserted_article_ja, only_theirs={"競業避止"},
           findings={"non_compete_exclusivity_mfn_added"}, renumbered=True),
    # Their survival list still cites the deleted article's number (a stale field): in our numbers
    # that is the next article, a real change the sheet must show.
    Return("deleted-article-en", "en", _deleted_article_en, only_ours={"No Warranty"}, changed={"Survival"},
           renumbered=True, lines=("Article <del>18</del><ins>19</ins>, Article 23",)),
    Return("moved-article-ja", "ja", _moved_article_ja, moved={"秘密保持"}, renumbered=True),
    Return("split-article-en", "en", _split_article_en, changed={"Term"}, only_theirs={"Extension of Term"},
           renumbered=True, lines=("- **Article 25(3) → Article 26 (theirs)** (moved): If the Research Period",)),
    # the word is also in the Background IP Schedule's closing sentence (after the signatures, jda.background_schedule v8)
    Return("renamed-term-ja", "ja", _renamed_term_ja, changed={"*本共同研究開発"}, outside={"closing"}),
    Return("swapped-paragraphs-en", "en", _swapped_en, changed={"Research Period and Progress Reports"},
           lines=("- **Article 4(3) → Article 4(2)** (moved)",)),
    Return("signature-ja", "ja", _signature_ja, outside={"closing"}),
    Return("punctuation-en", "en", _punctuation_en, changed={"Governing Law and Jurisdiction"},
           lines=("Any and all disputes<ins>,</ins>",)),
    Return("width-only-ja", "ja", _width_only_ja),
    Return("everything-ja", "ja", _everything_ja,
           changed={"*本共同研究開発", "研究期間及び進捗報告", "成果の公表", "解除等", "準拠法及び管轄裁判所", "存続条項"},
           only_ours={"非保証"}, only_theirs={"競業避止"}, renumbered=True, outside={"closing"},
           findings={"non_compete_exclusivity_mfn_added", "court_or_law_changed"}),
    Return("court-en", "en", _court_en, changed={"Governing Law and Jurisdiction"}, findings={"court_or_law_changed"}),
    Return("sole-owner-ja", "ja", _sole_owner_ja, changed={"共同成果の帰属"},
           findings={"ip_ownership_one_party", "ip_owner_changed"}),
    Return("shares-ja", "ja", _shares_ja, changed={"共同成果の帰属"}, findings={"ip_owner_changed"},
           lines=("根拠: 甲50 / 乙50 -\\> 甲10 / 乙90", "- **第10条第1項第1号**（変更）: 甲：<del>50</del><ins>10</ins>パーセント")),
    Return("cap-lesser-en", "en", _cap_lesser_en, changed={"Damages and Limitation of Liability"},
           findings={"liability_cap_basis_changed"}),
    Return("deemed-acceptance-en", "en", _deemed_acceptance_en, changed={"Research Period and Progress Reports"},
           findings={"deemed_acceptance_added"}),
    Return("improvements-ja", "ja", _improvements_ja, changed={"改良発明"},
           findings={"improvement_assignment_added", "ip_ownership_one_party"}),
    Return("mfn-en", "en", _mfn_en, changed={"Costs"}, findings={"non_compete_exclusivity_mfn_added"}),
    Return("term-later-en", "en", _term_later_en, changed={"Term"}),
    Return("tracked-changes-ja", "ja", _tracked_ja, changed={"損害賠償及び責任の制限", "通知"},
           findings={"liability_cap_removed"}),
    Return("libreoffice-en", "en", None, build=_libreoffice),
]


# --- reading the sheet back ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def jda(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("jda")
    # the shipped deal with a fixed JDA cap: with each party bearing its own costs the JDA has no
    # overall cap unless the deal gives a figure, and these returns edit and delete that cap
    text = (ROOT / "examples" / "acme-nano-ja.yaml").read_text(encoding="utf-8")
    capped = text.replace("  costs: each_own\n", "  costs: each_own\n  liability_cap: 10000000\n", 1)
    assert capped != text
    (folder / "acme-nano-capped.yaml").write_text(capped, encoding="utf-8")
    deal = api.read_deal(folder / "acme-nano-capped.yaml")
    out = {}
    for lang in ("ja", "en"):
        out[lang] = folder / f"jda-{lang}.docx"
        out[lang].write_bytes(api.render_document(deal, "jda", lang, "docx"))
    return out


def _make(case: Return, ours: Path, tmp_path: Path) -> Path:
    import docx

    theirs = tmp_path / f"{case.name}.docx"
    if case.build is not None:
        return case.build(ours, theirs)
    document = docx.Document(str(ours))
    assert case.edit is not None
    case.edit(document)
    document.save(str(theirs))
    return theirs


def _facts(sheet: str, lang: str) -> dict[str, set[str]]:
    """What the sheet's table says: headings per status, moved articles, rules that fired."""
    from oidocs.negotiate.sheet import sheet_words

    w = sheet_words()[lang]
    status_of = {w[s]: s for s in ("unchanged", "changed", "only_ours", "only_theirs")}
    table = sheet.split(f"## {w['articles']}", 1)[1].split(f"## {w['changes']}", 1)[0]
    facts: dict[str, set[str]] = {k: set() for k in ("changed", "only_ours", "only_theirs", "moved", "outside")}
    for cells in (row.split(" | ") for row in table.splitlines() if row.startswith("| ") and " | " in row):
        if len(cells) < 5 or cells[1] in (w["ours"], "---"):
            continue
        ours, theirs, status = cells[1], cells[2], cells[3]
        moved = status.endswith(w["moved_mark"].strip())
        status = status_of.get(status.replace(w["moved_mark"], "").replace(w["moved_mark"].strip(), "").strip())
        if status is None:
            continue

        def heading(cite: str) -> str:
            m = re.search(r"[（(](.*)[）)]$", cite)
            return m.group(1) if m else cite

        if ours in (w["preamble"], w["closing"]):
            if status != "unchanged":
                facts["outside"].add("preamble" if ours == w["preamble"] else "closing")
            continue
        if status == "changed":
            facts["changed"].add(heading(ours))
        elif status == "only_ours":
            facts["only_ours"].add(heading(ours))
        elif status == "only_theirs":
            facts["only_theirs"].add(heading(theirs))
        if moved:
            facts["moved"].add(heading(ours))
    facts["findings"] = set(re.findall(r"; `([a-z_]+)`\)", sheet.split(f"## {w['playbook']}", 1)[1]))
    return facts


def _expected_changed(case: Return, ours: Path) -> set[str]:
    """Headings named, plus every article whose text has a word marked ``*word``."""
    from oidocs.negotiate.reader import read_agreement

    out = {h for h in case.changed if not h.startswith("*")}
    words = [h[1:] for h in case.changed if h.startswith("*")]
    if words:
        for art in read_agreement(ours.read_bytes()).articles:
            if any(word in art.text() or word in art.heading for word in words) and art.heading not in case.only_ours:
                out.add(art.heading)
    return out


@pytest.mark.parametrize("case", RETURNS, ids=[c.name for c in RETURNS])
def test_the_sheet_states_what_the_counterparty_changed_and_nothing_else(case: Return, jda: dict[str, Path],
                                                                       tmp_path: Path) -> None:
    from oidocs.negotiate.compare import compare_files

    ours = jda[case.lang]
    theirs = _make(case, ours, tmp_path)
    sheet = compare_files(ours, theirs, with_redline=False)[f"{theirs.stem}-compare.md"].decode()
    facts = _facts(sheet, case.lang)
    assert facts["changed"] == _expected_changed(case, ours)
    assert facts["only_ours"] == case.only_ours
    assert facts["only_theirs"] == case.only_theirs
    assert facts["moved"] == case.moved
    assert facts["outside"] == case.outside
    assert facts["findings"] == case.findings
    for line in case.lines:
        assert line in sheet, line
    note = "point to the same article" if case.lang == "en" else "同じ条を指している"
    assert (note in sheet) == case.renumbered


# --- the redline of every return ----------------------------------------------------------------

def _apply(data: bytes, mode: str | None) -> Any:
    """The document XML after Accept All ("accept"), Reject All ("reject") or as it is (None)."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    deleted, inserted = ("del", "moveFrom"), ("ins", "moveTo")
    gone, kept = {"accept": (deleted, inserted), "reject": (inserted, deleted)}.get(mode or "", ((), ()))
    for tag in gone:
        for el in list(root.iter(f"{W}{tag}")):
            if el.getparent().tag != f"{W}rPr":
                el.getparent().remove(el)
    for tag in kept:
        for el in list(root.iter(f"{W}{tag}")):
            if el.getparent().tag == f"{W}rPr":
                continue
            for child in list(el):
                el.addprevious(child)
            el.getparent().remove(el)
    if mode:
        for el in list(root.iter(f"{W}rPrChange", f"{W}pPrChange")):
            el.getparent().remove(el)
        for p in list(root.iter(f"{W}p")):  # a removed paragraph mark joins the paragraph to the next
            mark = p.find(f"{W}pPr/{W}rPr")
            if mark is not None and any(mark.find(f"{W}{tag}") is not None for tag in gone):
                following = p.getnext()
                if following is not None and following.tag == f"{W}p":
                    ppr = following.find(f"{W}pPr")
                    for child in [c for c in p if c.tag != f"{W}pPr"][::-1]:
                        (ppr.addnext(child) if ppr is not None else following.insert(0, child))
                p.getparent().remove(p)
    return root


def _texts(root: Any) -> list[str]:
    texts = []
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")).strip()
        if text:
            texts.append(text)
    return texts


def _fields_whole(root: Any) -> bool:
    """Every complex field opens, separates at most once, and closes, in order (nested allowed)."""
    stack: list[str] = []
    for el in root.iter(f"{W}fldChar"):
        kind = el.get(f"{W}fldCharType")
        if kind == "begin":
            stack.append("begin")
        elif kind == "separate":
            if not stack or stack[-1] != "begin":
                return False
            stack[-1] = "separate"
        elif kind == "end":
            if not stack:
                return False
            stack.pop()
    return not stack


@pytest.mark.skipif(not ENGINE, reason="the compare extra (python-redlines[docxodus]) is not installed")
@pytest.mark.parametrize("case", RETURNS, ids=[c.name for c in RETURNS])
def test_the_redline_accepts_to_theirs_rejects_to_ours_and_keeps_fields_whole(case: Return, jda: dict[str, Path],
                                                                             tmp_path: Path) -> None:
    from oidocs.negotiate.redline import change_date, redline

    ours = jda[case.lang]
    theirs = _make(case, ours, tmp_path)
    data = redline(ours.read_bytes(), theirs.read_bytes(), author="Nano Legal", when=change_date(theirs.read_bytes()))
    accepted, rejected = _apply(data, "accept"), _apply(data, "reject")
    assert _texts(accepted) == _texts(_apply(theirs.read_bytes(), "accept"))
    assert _texts(rejected) == _texts(_apply(ours.read_bytes(), None))
    for name, root in (("ours", _apply(ours.read_bytes(), None)), ("theirs", _apply(theirs.read_bytes(), "accept")),
                       ("redline", _apply(data, None)), ("accepted", accepted), ("rejected", rejected)):
        assert _fields_whole(root), name
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "rPrChange" not in xml and "pPrChange" not in xml  # formatting is not a revision unless asked


@pytest.mark.soffice
@pytest.mark.skipif(not ENGINE, reason="the compare extra (python-redlines[docxodus]) is not installed")
def test_formatting_differences_are_revisions_only_when_asked(jda: dict[str, Path], tmp_path: Path) -> None:
    from conftest import run

    ours = jda["en"]
    theirs = _libreoffice(ours, tmp_path / "saved.docx")
    for flag, shown in (((), False), (("--formatting",), True)):
        out = tmp_path / ("with" if shown else "without")
        assert run("compare", ours, theirs, "--out", out, *flag).exit_code == 0
        data = (out / "saved-redline.docx").read_bytes()
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert ("rPrChange" in xml or "pPrChange" in xml) == shown
        assert _texts(_apply(data, "accept")) == _texts(_apply(theirs.read_bytes(), "accept"))
        assert _texts(_apply(data, "reject")) == _texts(_apply(ours.read_bytes(), None))
