"""The phrase table: wording that depends on the number of parties, edited once for every clause."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, run
from oidocs import api
from oidocs.clauses.library import LANGS, Library
from oidocs.clauses.lint import lint_library
from oidocs.deal.localize import localize

LIB = Library()
TWO = ROOT / "examples" / "acme-nano-ja.yaml"
HOKKAI = ROOT / "examples" / "hokkai-univ-ja.yaml"  # three parties
ONEWAY = ROOT / "tests" / "fixtures" / "oneway-en.yaml"
CLAUSE = "---\nid: common.jurisdiction\nversion: 1\ntitle: 合意管轄\nnote: test\n---\n"


def _fold_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fold_phrases", ROOT / "tools" / "fold_phrases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _user_library(tmp_path: Path, body: str | None = None, phrases: str | None = None) -> Path:
    lib = tmp_path / "lib"
    (lib / "common").mkdir(parents=True)
    if body is not None:
        (lib / "common" / "jurisdiction.ja.md").write_text(CLAUSE + body + "\n", encoding="utf-8")
    if phrases is not None:
        (lib / "phrases.yaml").write_text(phrases, encoding="utf-8")
    return lib


def test_every_entry_has_both_languages_and_the_counted_ones_both_forms() -> None:
    table = LIB.phrases
    counted = [p for p in table.values() if p.counted]
    assert len(counted) >= 10
    for p in table.values():
        for lang in LANGS:
            assert lang in p.two and lang in p.more, p.name
    for p in counted:
        for lang in LANGS:
            assert p.two[lang].strip() and p.more[lang].strip(), (p.name, lang)
        assert p.two["en"] != p.more["en"] or p.two["ja"] != p.more["ja"], f"{p.name}: two and more are the same"
    assert table["other_party"].text("ja", 2) == "相手方"
    assert table["other_party"].text("ja", 3) == "他の当事者"
    assert table["other_party"].text("en", 2) == "the other Party"
    assert table["other_party"].text("en", 4) == "the other Parties"


def test_a_phrase_without_its_multi_party_form_is_a_located_error(tmp_path: Path) -> None:
    lib = _user_library(tmp_path, "{{ court }}", "other_party:\n  ja: {two: 相手方}\n  en: {two: x, more: y}\n")
    result = run("nda", "--config", TWO, "--out", tmp_path / "o", "--library", lib)
    assert result.exit_code == 1
    assert result.stderr.startswith(str(lib / "phrases.yaml")), result.stderr
    assert "other_party" in result.stderr and "more" in result.stderr
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_an_unknown_phrase_is_an_error_at_the_clause_line(tmp_path: Path) -> None:
    lib = _user_library(tmp_path, "甲及び乙は、\n{{ phrase(\"no_such_phrase\") }}との紛争について合意する。")
    result = run("nda", "--config", TWO, "--out", tmp_path / "o", "--library", lib)
    assert result.exit_code == 1, result.output
    clause = lib / "common" / "jurisdiction.ja.md"
    assert result.stderr.startswith(f"{clause}:8:"), result.stderr
    assert "no_such_phrase" in result.stderr
    problems = lint_library(Library([lib]))
    assert any(p.startswith(f"{clause}:8:") and "no_such_phrase" in p for p in problems), problems


def test_a_phrase_is_fixed_text_never_marked_as_deal_text(tmp_path: Path) -> None:
    lib = _user_library(tmp_path, "各当事者は、{{ phrase(\"other_party\") }}と協議し、{{ court }}を管轄裁判所とする。")
    deal = api.read_deal(TWO)
    text = api.render_document(deal, "nda", "ja", fmt="md", review=True, library=Library([lib])).decode()
    line = next(x for x in text.splitlines() if "と協議し" in x)
    assert "各当事者は、相手方と協議し、<mark>" in line, line  # the court is deal text, the phrase is not


def test_a_users_phrase_table_rewords_every_preamble(tmp_path: Path) -> None:
    """One entry changed in the table changes every document that uses it (NDA and PoC here)."""
    lib = _user_library(tmp_path, phrases="parties_defined:\n  ja: （以下、総称して「両当事者」という。）\n"
                                           "  en: ' (together the \"Sides\")'\n")
    deal = api.read_deal(TWO)
    library = Library([lib])
    for doc in ("nda", "poc"):
        assert "（以下、個別に又は総称して「当事者」という。）" in api.render_document(deal, doc, "ja", fmt="md").decode()
        text = api.render_document(deal, doc, "ja", fmt="md", library=library).decode()
        assert "（以下、総称して「両当事者」という。）" in text, doc
        assert "個別に又は総称して" not in text


@pytest.mark.parametrize("path, acting, nda_lean, poc_lean", [
    (TWO, None, "", "balanced"),  # mutual NDA; a PoC drafted for nobody
    (TWO, "acme", "", "client"),
    (TWO, "nano", "", "performer"),
    (ONEWAY, None, "", None),  # no PoC in the deal
    (ONEWAY, "maker", "discloser", None),
    (ONEWAY, "buyer", "recipient", None),
])
def test_the_leans_are_computed_once_for_every_clause(path: Path, acting: str | None, nda_lean: str,
                                                     poc_lean: str | None) -> None:
    from oidocs.clauses.context import build_context
    from oidocs.document.labels import labels_for

    deal = api.read_deal(path).model_copy(update={"acting_for": acting})
    ctx = build_context(localize(deal, "en"), "nda", labels_for("en"), LIB)
    assert (ctx["nda_lean"], ctx["poc_lean"]) == (nda_lean, poc_lean)


def test_no_clause_copies_the_lean_formula() -> None:
    copied = [p for p in (ROOT / "clause_library").rglob("*.md") if "{% set lean" in p.read_text(encoding="utf-8")]
    assert copied == []


def test_the_fold_tool_folds_once_and_lists_what_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tool = _fold_tool()
    lib = tmp_path / "clause_library"
    (lib / "nda").mkdir(parents=True)
    shutil.copy(ROOT / "clause_library" / "phrases.yaml", lib / "phrases.yaml")
    inline = "{% if n_parties == 2 %}相手方{% else %}他の当事者{% endif %}"
    odd = "{% if n_parties == 2 %}甲{% else %}乙{% endif %}"
    clause = lib / "nda" / "x.ja.md"
    clause.write_text(f"---\nid: nda.x\n---\n{tool.LEANS['nda_lean']}\n{inline}に{odd}{odd}。\n"
                      "{% if lean == \"discloser\" %}開示{% endif %}\n", encoding="utf-8")
    assert tool.main([str(lib), "--check"]) == 1
    assert tool.main([str(lib)]) == 0
    folded = clause.read_text(encoding="utf-8")
    assert folded == (f"---\nid: nda.x\n---\n{{{{ phrase(\"other_party\") }}}}に{odd}{odd}。\n"
                      "{% if nda_lean == \"discloser\" %}開示{% endif %}\n")
    assert f"still inline 2 times (add an entry to phrases.yaml?): {odd}" in capsys.readouterr().out
    assert tool.main([str(lib), "--check"]) == 0
    assert clause.read_text(encoding="utf-8") == folded


@pytest.mark.parametrize("path, lang, default, marker", [
    (TWO, "ja", "相手方", "【相手】"),
    (TWO, "en", "the other Party", "the Counterparty"),
    (HOKKAI, "ja", "他の当事者", "【他者】"),
])
def test_one_entry_rewords_every_clause_that_uses_it(tmp_path: Path, path: Path, lang: str, default: str,
                                                     marker: str) -> None:
    """Reworded once in the table, other_party changes in every document: each of its uses, nothing else."""
    lib = _user_library(tmp_path, phrases="other_party:\n  ja: {two: 【相手】, more: 【他者】}\n"
                                           "  en: {two: the Counterparty, more: the Counterparties}\n")
    deal = api.read_deal(path)
    library = Library([lib])
    changed = 0
    for doc in ("nda", "jda"):
        before = api.render_document(deal, doc, lang, fmt="md").decode()
        after = api.render_document(deal, doc, lang, fmt="md", library=library).decode()
        assert marker not in before
        assert after.count(marker) >= 1, doc
        assert after.count(marker) == before.count(default) - after.count(default), doc
        assert after.replace(marker, default) == before, doc
        changed += 1
    assert changed == 2


def test_no_clause_spells_out_a_phrase_of_the_table() -> None:
    """Every inline two/more choice whose wording is a table entry's is folded (tools/fold_phrases.py)."""
    assert _fold_tool().main([str(ROOT / "clause_library"), "--check"]) == 0
