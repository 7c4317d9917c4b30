"""Reviewer aids: review mode, the review sheet's advice, clause tools and user libraries."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from conftest import advice_in, EXAMPLES, ROOT, run
from oidocs import api
from oidocs.clauses.library import Library

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
EN = next(p for p in EXAMPLES if p.name == "bigco-smallworks-en.yaml")


def test_review_mode_docx_has_a_comment_per_clause_and_highlighted_deal_text(tmp_path: Path) -> None:
    assert run("jda", "--config", JA, "--out", tmp_path, "--review", "--format", "docx").exit_code == 0
    path = tmp_path / "acme-nano-2026-jda-ja.docx"
    from docx2python import docx2python
    with docx2python(path) as d:
        comments = d.comments
    tree = api.build_document(api.read_deal(JA), "jda", "ja")
    clauses = tree.clauses()
    assert len(comments) == len(clauses)
    texts = [c[3] for c in comments]
    for clause, text in zip(clauses, texts):
        assert text.startswith(f"{clause.id}@{clause.version}")
    assert any("included because" in t for t in texts), "the comment says which option chose the clause"
    signed = api.read_deal(JA).doc_dates("jda")[0]
    assert signed is not None
    assert all(c[2] == f"{signed.isoformat()}T00:00:00Z" for c in comments), "fixed comment dates: the JDA's date"
    import zipfile
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    highlighted = re.findall(r'<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">([^<]*)</w:t>', xml)
    assert "光触媒を用いたダクト組込み型空気殺菌ユニットの開発" in highlighted  # the theme, from the deal
    assert "株式会社アクメ精工" in highlighted
    assert not any("本契約" == h for h in highlighted), "clause wording is not highlighted"


def test_review_mode_markdown_marks_inserts_and_notes(tmp_path: Path) -> None:
    assert run("nda", "--config", JA, "--out", tmp_path, "--review", "--format", "md").exit_code == 0
    md = (tmp_path / "acme-nano-2026-nda-ja.md").read_text(encoding="utf-8")
    assert "<mark>株式会社アクメ精工</mark>" in md
    version = Library().clause("nda.definitions", "ja").version
    assert f"<!-- nda.definitions@{version} | always included | note: " in md
    plain = api.render_document(api.read_deal(JA), "nda", fmt="md").decode()
    assert "<mark>" not in plain and "<!--" not in plain


def test_review_output_is_deterministic() -> None:
    deal = api.read_deal(JA)
    one = api.render_document(deal, "poc", fmt="docx", review=True)
    assert one == api.render_document(deal, "poc", fmt="docx", review=True)


def _sheet(tmp_path: Path, deal_text: str, name: str = "deal.yaml") -> str:
    deal = tmp_path / name
    deal.write_text(deal_text, encoding="utf-8")
    result = run("review", "--config", deal, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return next((tmp_path / "out").glob("*-review-*.md")).read_text(encoding="utf-8")


def test_sheet_warns_about_consent_nagoya_court_and_unpaid_poc(tmp_path: Path) -> None:
    text = JA.read_text(encoding="utf-8").replace("court: 東京地方裁判所", "court: 名古屋地方裁判所")
    text = text.replace("amount: 3000000", "amount: 0")
    sheet = _sheet(tmp_path, text)
    assert advice_in("coownership_consent", sheet)
    assert advice_in("ip_court", sheet) and "名古屋地方裁判所" in sheet and "民事訴訟法第6条" in sheet
    assert advice_in("unpaid_poc", sheet)
    assert "`" not in sheet and "ip.joint_filing" not in sheet, "no deal-file key, no code"


def test_sheet_without_those_problems_gives_no_such_advice() -> None:
    sheet = api.render_review(api.read_deal(JA)).decode()
    assert not advice_in("ip_court", sheet) and not advice_in("unpaid_poc", sheet)
    assert advice_in("coownership_consent", sheet)


def test_sheet_other_rules(tmp_path: Path) -> None:
    text = EN.read_text(encoding="utf-8").replace("years: 3", "years: 5").replace(
        "kind: sme", "kind: university").replace("  non_compete: true", "  non_compete: true\n  publication_notice_days: 14")
    text = text.replace("cost_shares: {bigco: 70, smallworks: 30}", "cost_shares: {bigco: 0, smallworks: 100}")
    sheet = _sheet(tmp_path, text)
    for rule in ("stamp_duty", "long_exclusivity", "university_publication", "costs_and_results"):
        assert advice_in(rule, sheet), rule
    assert "5 years" in sheet


def test_sheet_lists_parties_documents_clauses_options_checks() -> None:
    deal = api.read_deal(JA)
    sheet = api.render_review(deal).decode()
    assert "| 甲 | 株式会社アクメ精工 | 中小企業 |" in sheet
    for doc in ("nda", "mou", "poc", "jda"):
        tree = api.build_document(deal, doc, "ja")
        assert f"| {tree.title} | {len(tree.articles)} |" in sheet
        for article in tree.articles:
            assert f"| {article.label} | {article.clause.title} | {article.clause.version} |" in sheet
    assert "| 秘密表示のある情報に限る | はい | 既定 |" in sheet
    assert "| 秘密保持契約の有効期間（月） | 12 | 指定 |" in sheet
    assert "| 成果の帰属の型 | 共同出願 | 指定 |" in sheet, "values as people write them, not joint_filing"
    assert "## 検査" in sheet


def test_pack_writes_review_sheet_and_manifest(tmp_path: Path) -> None:
    assert run("pack", "--config", JA, "--out", tmp_path).exit_code == 0
    import hashlib
    import json
    manifest = json.loads((tmp_path / "acme-nano-2026-manifest.json").read_text(encoding="utf-8"))
    assert [d["doc"] for d in manifest["documents"]] == ["nda", "mou", "poc", "jda", "licence"]
    for doc in manifest["documents"]:
        for f in doc["files"]:
            assert hashlib.sha256((tmp_path / f["name"]).read_bytes()).hexdigest() == f["sha256"]
        assert doc["clauses"][1]["article"] == 1
    assert (tmp_path / "acme-nano-2026-review-ja.md").is_file()


def test_pack_makes_only_the_documents_with_sections(tmp_path: Path) -> None:
    oneway = ROOT / "tests" / "fixtures" / "oneway-en.yaml"
    assert run("pack", "--config", oneway, "--out", tmp_path).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "oneway-2027-deadlines.csv", "oneway-2027-deadlines.ics", "oneway-2027-manifest.json",
        "oneway-2027-nda-en.docx", "oneway-2027-nda-en.md", "oneway-2027-review-en.md"]


def test_clauses_list_and_show() -> None:
    result = run("clauses", "list", "--doc", "nda")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    version = Library().clause("nda.definitions", "ja").version
    assert any(line.startswith(f"nda.definitions\t@{version}\t定義\tnda") for line in lines)
    assert all("nda" in line.split("\t")[3] for line in lines)
    result = run("clauses", "show", "common.jurisdiction", "--lang", "en")
    assert result.exit_code == 0 and "used by: nda, mou, poc, jda" in result.output and "{{ court }}" in result.output
    assert run("clauses", "show", "nda.nothing").exit_code == 1


def _user_library(tmp_path: Path) -> Path:
    lib = tmp_path / "house"
    (lib / "common").mkdir(parents=True)
    for lang, text in (("ja", "本契約に関する一切の紛争は、{{ court }}を第一審の専属的合意管轄裁判所とし、日本法を準拠法とする。"),
                       ("en", "All disputes under this Agreement go to {{ court }} exclusively; Japanese law governs.")):
        (lib / "common" / f"jurisdiction.{lang}.md").write_text(
            f"---\nid: common.jurisdiction\nversion: 7\ntitle: {'管轄' if lang == 'ja' else 'Jurisdiction'}\n"
            f"note: house style\n---\n{text}\n", encoding="utf-8")
    return lib


def test_user_library_overrides_a_clause(tmp_path: Path) -> None:
    lib = _user_library(tmp_path)
    assert run("pack", "--config", JA, "--out", tmp_path / "o", "--library", lib, "--format", "md").exit_code == 0
    nda = (tmp_path / "o" / "acme-nano-2026-nda-ja.md").read_text(encoding="utf-8")
    assert "東京地方裁判所を第一審の専属的合意管轄裁判所とし、日本法を準拠法とする。" in nda
    assert "（管轄）" in nda
    sheet = (tmp_path / "o" / "acme-nano-2026-review-ja.md").read_text(encoding="utf-8")
    assert "| 管轄 | 7 | 利用者ライブラリ |" in sheet
    assert run("lint", "--library", lib).exit_code == 0


def test_broken_user_clause_is_reported_with_file_and_line(tmp_path: Path) -> None:
    lib = _user_library(tmp_path)
    bad = lib / "common" / "jurisdiction.ja.md"
    bad.write_text("---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\n本契約は\n{{ court }\n", encoding="utf-8")
    result = run("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:7: template error")
    assert not (tmp_path / "o").exists()
    lint = run("lint", "--library", lib)
    assert lint.exit_code == 1 and f"{bad}:7: template error" in lint.stderr


def test_user_clause_cannot_escape_the_sandbox(tmp_path: Path) -> None:
    lib = _user_library(tmp_path)
    (lib / "common" / "jurisdiction.ja.md").write_text(
        "---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\n{{ deal.__class__.__mro__ }}\n", encoding="utf-8")
    result = run("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib)
    assert result.exit_code == 1 and "jurisdiction.ja.md:6:" in result.stderr


def test_lint_catches_broken_clauses(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    (lib / "nda").mkdir(parents=True)
    (lib / "nda" / "definitions.ja.md").write_text(textwrap.dedent("""\
        ---
        id: nda.definitions
        version: 2
        title: 定義
        note: x
        ---
        {{ nda.mutal }}と{{ undefined_name }}は{{ ref("nda.nowhere") }}及び{{ term("no_such_term") }}
        """), encoding="utf-8")
    result = run("lint", "--library", lib)
    assert result.exit_code == 1
    err = result.stderr
    assert "definitions.ja.md:7: nda.mutal: the deal model has no key 'mutal' here" in err
    assert "unknown name 'undefined_name'" in err
    assert "ref('nda.nowhere') names no clause" in err
    assert "term('no_such_term') names no term" in err


def test_lint_passes_on_builtin_library() -> None:
    result = run("lint")
    assert result.exit_code == 0, result.stderr
    assert result.output.startswith("ok: ")
