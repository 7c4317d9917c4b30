"""The clause library as content: complete in both languages, parallel, every file used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DEALS, as_written
from oidocs import api
from oidocs.clauses.library import LANGS, Library
from oidocs.content import builtin_root
from oidocs.document.tree import Article, Paragraph, Table

LIB = Library()


def test_every_clause_exists_in_both_languages() -> None:
    for clause_id in LIB.all_clause_ids():
        for lang in LANGS:
            clause = LIB.clause(clause_id, lang)
            assert clause.id == clause_id
            assert clause.title and clause.note, f"{clause.file}: a title and a drafting note"


def _shape(article: Article) -> list[object]:
    return [("table", len(b.rows)) if isinstance(b, Table) else len(b.items) for b in article.blocks]


CASES = [(p, d) for p in DEALS for d in api.docs_in(api.read_deal(p))]


@pytest.mark.parametrize("deal_path, doc", CASES, ids=[f"{p.stem}-{d}" for p, d in CASES])
def test_japanese_and_english_are_parallel(deal_path: Path, doc: str) -> None:
    deal = api.read_deal(deal_path)
    ja, en = (api.build_document(deal, doc, lang) for lang in LANGS)
    assert [c.id for c in ja.clauses()] == [c.id for c in en.clauses()]
    for a, b in zip(ja.articles, en.articles):
        assert _shape(a) == _shape(b), f"{a.clause.id}: paragraphs and items differ between ja and en"
    for a, b in zip(ja.children, en.children):
        pa = [len(x.items) for x in a.children if isinstance(x, Paragraph)]
        pb = [len(x.items) for x in b.children if isinstance(x, Paragraph)]
        assert pa == pb, a.clause.id


def test_every_clause_file_is_used_by_a_document() -> None:
    used: set[str] = set()
    for doc in (*api.DOCS, "amendment"):  # the amendment agreement is made by `oidocs amend`
        d = LIB.document(doc)
        used |= {d.preamble, d.closing, *(s.id for s in d.schedules), *(a.id for a in d.articles)}
    assert set(LIB.all_clause_ids()) - used == set()
    assert used - set(LIB.all_clause_ids()) == set()


def test_parallel_for_every_variant_of_the_examples() -> None:
    """Each IP model, one-way and mutual NDAs, binding MOUs, shared costs...: ja and en stay parallel."""
    from oidocs.clauses.lint import sample_deals

    deals = sample_deals(LIB)
    assert len(deals) >= 25
    for deal in deals:
        for doc in api.docs_in(deal):
            ja, en = (api.build_document(deal, doc, lang) for lang in LANGS)
            assert [c.id for c in ja.clauses()] == [c.id for c in en.clauses()]
            for a, b in zip(ja.articles, en.articles):
                assert _shape(a) == _shape(b), (deal.deal_id, doc, a.clause.id)
            if deal.ip is not None and doc == "jda":
                text = api.render_document(deal, doc, lang="en", fmt="md").decode()
                if deal.ip.exclusive_field:
                    assert deal.ip.exclusive_field.field in text
                if deal.ip.joint_filing and not deal.ip.joint_filing.equal:
                    assert all(f"{v} per cent" in text for v in deal.ip.joint_filing.shares.values())


@pytest.mark.parametrize("deal_path, doc", CASES, ids=[f"{p.stem}-{d}" for p, d in CASES])
def test_every_agreement_states_purpose_court_and_parties(deal_path: Path, doc: str) -> None:
    from oidocs.writers.markdown import escape

    from oidocs.deal.localize import localize

    for lang in LANGS:
        deal = localize(api.read_deal(deal_path), lang)  # {ja, en} maps: the text of this language
        text = api.render_document(deal, doc, lang=lang, fmt="md").decode()
        from oidocs.deal.localize import localize, translate_court
        court = translate_court(deal.court, lang) if isinstance(deal.court, str) else None
        court = court or ("東京地方裁判所" if lang == "ja" else "the Tokyo District Court")
        local = localize(deal, lang)
        # The JDA states its own purpose (work on its theme), never the NDA's evaluation purpose;
        # the licence its own (practising the licensed rights in the field).
        if doc == "jda" and local.jda:
            purpose = local.jda.theme
        elif doc == "licence" and local.licence:
            purpose = local.licence.purpose or local.licence.field
        else:
            purpose = deal.purpose
        assert escape(as_written(purpose, lang)) in text and escape(court) in text
        signing = {deal.licence.licensor, deal.licence.licensee} if doc == "licence" and deal.licence else None
        for party in deal.parties:  # a licence between two of three parties names only those two
            if signing is None or party.key in signing:
                assert escape(as_written(party.name, lang)) in text
        for leftover in ("None", "{{", "{%", "\ue000"):
            if leftover not in deal.model_dump_json():  # the injection fixture has them as data
                assert leftover not in text


def test_equal_shares_that_do_not_divide_100_are_written_as_fractions(tmp_path: Path) -> None:
    deal_file = tmp_path / "tri.yaml"
    deal_file.write_text(
        "version: 1\ndeal_id: tri-eq\nparties:\n"
        "  - {key: a, name: A社, address: X, representative: R}\n"
        "  - {key: b, name: B社, address: Y, representative: S}\n"
        "  - {key: c, name: C大学, kind: university, address: Z, representative: T}\n"
        "purpose: 検討\nmou:\n  objectives: [o]\n  roles: {a: x}\n"
        "jda:\n  theme: t\n  roles: {a: [x], b: [y], c: [z]}\n  start: 2027-01-01\n  end: 2027-12-31\n"
        "ip:\n  model: joint_filing\n", encoding="utf-8")
    deal = api.read_deal(deal_file)
    # The built-in clauses agree shares by contribution when the deal sets none (MOU, PoC, JDA);
    # a user's clause library that lists the default equal shares still gets them as fractions.
    base = tmp_path / "content"
    shutil.copytree(builtin_root() / "clause_library", base / "clause_library")
    shutil.copytree(builtin_root() / "templates", base / "templates")
    for lang in ("ja", "en"):
        clause = base / "clause_library" / "mou" / f"ip.{lang}.md"
        clause.write_text(clause.read_text(encoding="utf-8").replace(
            'ip.model == "joint_filing" and jf.equal', "false"), encoding="utf-8")
    listing = Library(base=base)
    for doc in ("mou",):
        ja = api.render_document(deal, doc, lang="ja", fmt="md", library=listing).decode()
        en = api.render_document(deal, doc, lang="en", fmt="md", library=listing).decode()
        assert ja.count("3分の1") == 3 and "34" not in ja
        assert en.count("one third (1/3)") == 3 and "thirty-four" not in en and "34" not in en
    two = api.render_document(api.read_deal(CASES[0][0]), "jda", lang="en", fmt="md").decode()
    assert "Party A: 50 per cent;" in two
