"""The NDA and the MOU read as a lawyer expects for the deal they are made for.

Each test is one finding of the draft review (shared/reference/draft-review.md): wording that
leaked from another situation (all other parties in a two-party contract, a memorandum calling
itself a contract, a PoC promised that the deal does not have, a list of one item), missing
boilerplate, a timeline article that disappears without milestones. Deals are the shipped
examples and fixtures, and variants of them built here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from conftest import DEALS, EXAMPLES, ROOT
from oidocs import api
from oidocs.clauses.library import Library

LANGS = ("ja", "en")
ACME = ROOT / "examples" / "acme-nano-ja.yaml"
HOKKAI = ROOT / "examples" / "hokkai-univ-ja.yaml"
BOILERPLATE = ("common.no_assignment", "common.antisocial", "common.notices", "common.entire_agreement",
               "common.amendment", "common.severability", "common.jurisdiction", "common.consultation")


def md(deal_path: Path, doc: str, lang: str) -> str:
    return api.render_document(api.read_deal(deal_path), doc, lang=lang, fmt="md").decode("utf-8")


def variant(tmp_path: Path, base: Path, change: Callable[[dict[str, Any]], None], name: str = "variant") -> Path:
    """Write a copy of ``base`` changed by ``change`` and return its path."""
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def n_parties(deal_path: Path) -> int:
    return len(api.read_deal(deal_path).parties)


def heading(doc_md: str, title: str) -> str:
    """The article label (第3条 / Article 3) of the article titled ``title``."""
    found = re.search(rf"^## (第\d+条|Article \d+)[（ ]\(?{re.escape(title)}[）)]", doc_md, re.M)
    assert found, f"no article titled {title}"
    return found.group(1)


def title(clause_id: str, lang: str) -> str:
    return Library().clause(clause_id, lang).title


def all_documents(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(name, lang, markdown) of every document each deal makes, in both languages."""
    out = []
    for path in paths:
        deal = api.read_deal(path)
        for doc in api.docs_in(deal):
            for lang in LANGS:
                out.append((f"{path.stem}-{doc}-{lang}", lang, md(path, doc, lang)))
    return out


# --- two parties, three or four parties -------------------------------------------------------

TWO_PARTY = [p for p in DEALS if n_parties(p) == 2 and p.stem != "injection"]
MULTI_PARTY = [p for p in DEALS if n_parties(p) > 2]


@pytest.mark.parametrize("deal_path", TWO_PARTY, ids=[p.stem for p in TWO_PARTY])
@pytest.mark.parametrize("lang", LANGS)
def test_two_party_nda_and_mou_say_the_other_party(deal_path: Path, lang: str) -> None:
    docs = [d for d in api.docs_in(api.read_deal(deal_path)) if d in ("nda", "mou")]
    for doc in docs:
        text = md(deal_path, doc, lang)
        if lang == "ja":
            assert "相手方" in text
            assert "他の全ての当事者" not in text and "他の当事者" not in text, doc
        else:
            assert "the other Party" in text
            for wrong in ("all other Parties", "all the other Parties", "each other Party", "another Party"):
                assert wrong not in text, (doc, wrong)


@pytest.mark.parametrize("deal_path", MULTI_PARTY, ids=[p.stem for p in MULTI_PARTY])
@pytest.mark.parametrize("lang", LANGS)
def test_consortium_counts_the_other_parties_as_third_parties(deal_path: Path, lang: str) -> None:
    rule = ("第三者には、当該義務を負う当事者及び当該義務の履行を求めることができる当事者以外の当事者を含む"
            if lang == "ja" else "a third party includes every Party other than the Party bound by that obligation")
    for doc in [d for d in api.docs_in(api.read_deal(deal_path)) if d in ("nda", "mou")]:
        text = md(deal_path, doc, lang)
        assert rule in text, doc
        assert ("第三者（他の当事者を含む。）" if lang == "ja" else "third party (including another Party)") in text \
            or doc == "mou", "an assignment to another party needs consent too"


@pytest.mark.parametrize("lang", LANGS)
def test_two_party_documents_have_no_consortium_rule(lang: str) -> None:
    text = md(ACME, "nda", lang)
    assert "当事者以外の当事者を含む" not in text and "a third party includes every Party" not in text


# --- the memorandum ---------------------------------------------------------------------------

def _mou_variants(tmp_path: Path) -> list[Path]:
    def binding(d: dict[str, Any]) -> None:
        d["mou"]["binding"] = True

    def bare(d: dict[str, Any]) -> None:
        d["mou"]["milestones"] = []
        d["mou"].pop("meetings", None)
        d.pop("poc", None)
        d.pop("jda", None)

    return [ACME, HOKKAI, variant(tmp_path, ACME, binding, "binding"), variant(tmp_path, ACME, bare, "bare")]


@pytest.mark.parametrize("lang", LANGS)
def test_memorandum_never_calls_itself_a_contract(tmp_path: Path, lang: str) -> None:
    for path in _mou_variants(tmp_path):
        text = md(path, "mou", lang)
        if lang == "ja":
            assert "本合意書" in text and "本契約" not in text, path.stem
        else:
            assert "this Memorandum" in text and "this Agreement" not in text and '"Agreement"' not in text, path.stem


@pytest.mark.parametrize("lang", LANGS)
def test_memorandum_without_milestones_still_sets_the_timeline(tmp_path: Path, lang: str) -> None:
    path = variant(tmp_path, ACME, lambda d: d["mou"].update(milestones=[]))
    text = md(path, "mou", lang)
    schedule = heading(text, title("mou.milestones", lang))
    meetings = heading(text, title("mou.meetings", lang))
    body = text.split(f"## {schedule}", 1)[1].split("\n## ", 1)[0]
    assert meetings in body, "the timeline is set at the progress meetings"
    assert ("有効期間内" if lang == "ja" else "within the term of this Memorandum") in body
    assert "|" not in body, "no empty milestone table"


@pytest.mark.parametrize("lang", LANGS)
def test_memorandum_promises_only_the_agreements_the_deal_has(tmp_path: Path, lang: str) -> None:
    poc_words = ("技術検証", "PoC") if lang == "ja" else ("technical verification", "PoC", "proof of concept")
    jda_words = ("共同研究開発",) if lang == "ja" else ("joint research and development",)
    text = md(HOKKAI, "mou", lang)  # a JDA, no PoC
    assert not any(w in text for w in poc_words)
    assert any(w in text for w in jda_words)

    def no_later(d: dict[str, Any]) -> None:
        d.pop("poc"), d.pop("jda")
        d["mou"]["milestones"] = []
    text = md(variant(tmp_path, ACME, no_later), "mou", lang)
    assert not any(w in text for w in poc_words + jda_words)
    assert ("正式な契約" if lang == "ja" else "definitive agreements") in text

    def poc_only(d: dict[str, Any]) -> None:
        d.pop("jda")
        d["mou"]["milestones"] = []
    text = md(variant(tmp_path, ACME, poc_only, "poc-only"), "mou", lang)
    assert not any(w in text for w in jda_words), "no JDA promised"
    assert any(w in text for w in poc_words)


@pytest.mark.parametrize("lang", LANGS)
def test_non_binding_memorandum_binds_its_amendment_article(lang: str) -> None:
    text = md(ACME, "mou", lang)
    amendment = heading(text, title("common.amendment", lang))
    effect = heading(text, title("mou.legal_effect", lang))
    body = text.split(f"## {effect}", 1)[1].split("\n## ", 1)[0]
    assert amendment in body
    assert f"（{title('common.entire_agreement', lang)}）" not in text and \
        f"({title('common.entire_agreement', 'en')})" not in text


# --- boilerplate ------------------------------------------------------------------------------

@pytest.mark.parametrize("deal_path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("lang", LANGS)
def test_every_contract_carries_the_boilerplate(deal_path: Path, lang: str) -> None:
    for doc in api.docs_in(api.read_deal(deal_path)):
        if doc == "mou":
            continue
        text = md(deal_path, doc, lang)
        for clause_id in BOILERPLATE:
            heading(text, title(clause_id, lang))


# --- lists, percentages, one-way NDA, universities --------------------------------------------

ITEM = re.compile(r"^\s*- ")


def _intro_item_counts(text: str) -> list[tuple[str, int]]:
    """Each paragraph that introduces a list of items, with the number of items after it
    (a 次の各号 paragraph that is followed by none is reported too)."""
    out = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        intro = "次の各号" in line or line.rstrip().endswith((":", "次のとおりとする。"))
        if intro and not ITEM.match(line):
            n = 0
            for after in lines[i + 1:]:
                if ITEM.match(after):
                    n += 1
                elif after.strip():
                    break
            out.append((line, n))
    return out


def test_no_list_of_one_item(tmp_path: Path) -> None:
    def single(d: dict[str, Any]) -> None:
        d["mou"]["objectives"] = d["mou"]["objectives"][:1]
        first = next(iter(d["mou"]["roles"]))
        d["mou"]["roles"] = {first: d["mou"]["roles"][first]}
    paths = DEALS + [variant(tmp_path, ACME, single, "single")]
    for name, lang, text in all_documents(paths):
        mine = "-nda-" in name or "-mou-" in name
        for line, n in _intro_item_counts(text):
            if "次の各号" in line or (mine and n):
                assert n >= 2, f"{name}: {line[:60]}… introduces {n} item(s)"


@pytest.mark.parametrize("lang", LANGS)
def test_one_percentage_style(lang: str) -> None:
    text = md(ACME, "mou", lang)  # shares of 50 and 50
    assert re.search(r"50パーセント" if lang == "ja" else r"\b50 per cent", text)
    assert "%" not in text and "％" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_one_way_nda_says_whose_information_it_protects(lang: str) -> None:
    path = ROOT / "tests" / "fixtures" / "oneway-en.yaml"
    text = md(path, "nda", lang)
    amendment = heading(text, title("common.amendment", lang))
    definitions = text.split("\n## ", 2)[1]
    assert amendment in definitions, "the recipient's own disclosures wait for a mutual NDA"
    assert ("受領者が開示者に開示する情報を秘密として保護するものではない" if lang == "ja"
            else "does not protect as confidential any information that the Receiving Party discloses") in definitions
    mutual = md(ACME, "nda", lang).split("\n## ", 2)[1]
    assert amendment not in mutual


@pytest.mark.parametrize("lang", LANGS)
def test_no_university_wording_without_a_university(lang: str) -> None:
    for path in (ACME, ROOT / "examples" / "bigco-smallworks-en.yaml", ROOT / "tests" / "fixtures" / "oneway-en.yaml"):
        for doc in [d for d in api.docs_in(api.read_deal(path)) if d in ("nda", "mou")]:
            text = md(path, doc, lang)
            for word in ("大学", "学生", "University", "university", "student", "the Company"):
                assert word not in text, (path.stem, doc, word)


@pytest.mark.parametrize("lang", LANGS)
def test_university_students_may_receive_under_written_duties(lang: str) -> None:
    """Students take part in university research but are not employees: without this, telling
    them would breach the NDA. The sentence joins the need-to-know paragraph (no new paragraph)."""
    word = "学生" if lang == "ja" else "students"
    with_univ = md(ROOT / "tests" / "fixtures" / "three-parties-ja.yaml", "nda", lang)
    without = md(ACME, "nda", lang)
    assert word in with_univ and word not in without
    article = lambda text: text.split(f"({title('nda.confidentiality', 'en')})" if lang == "en"
                                      else f"（{title('nda.confidentiality', 'ja')}）", 1)[1].split("\n## ", 1)[0]
    assert article(with_univ).count("\n\n") == article(without).count("\n\n")


# --- dates, purpose and the side acted for ----------------------------------------------------

ONEWAY = ROOT / "tests" / "fixtures" / "oneway-en.yaml"


def _article(text: str, clause_id: str, lang: str) -> str:
    label = heading(text, title(clause_id, lang))
    return text.split(f"## {label}", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_terms_count_from_each_documents_effective_date(tmp_path: Path, lang: str) -> None:
    import datetime as dt
    from oidocs.document.labels import LABELS

    def dated(d: dict[str, Any]) -> None:
        d["nda"]["date"] = "2026-11-20"
        d["nda"]["effective"] = "2026-11-01"
        d["mou"]["date"] = "2026-12-10"
    path = variant(tmp_path, ACME, dated)
    nda_term = _article(md(path, "nda", lang), "nda.term", lang)
    mou_term = _article(md(path, "mou", lang), "mou.term", lang)
    label = LABELS[lang].date
    assert label(dt.date(2026, 11, 1)) in nda_term and label(dt.date(2026, 11, 20)) not in nda_term
    assert label(dt.date(2026, 12, 10)) in mou_term, "the MOU's effective date defaults to its own signing date"
    undated = _article(md(ONEWAY, "nda", lang), "nda.term", lang)
    assert ("本契約の締結日から" if lang == "ja" else "from the date of its execution") in undated


@pytest.mark.parametrize("lang", LANGS)
def test_each_document_states_its_own_purpose(tmp_path: Path, lang: str) -> None:
    def own(d: dict[str, Any]) -> None:
        d["nda"]["purpose"] = "ダクト用殺菌ユニットの技術情報の評価"
        d["mou"]["purpose"] = "殺菌ユニットの共同開発に向けた協業"
    path = variant(tmp_path, ACME, own)
    assert "ダクト用殺菌ユニットの技術情報の評価" in md(path, "nda", lang).split("\n## ", 1)[0]
    assert "殺菌ユニットの共同開発に向けた協業" in md(path, "mou", lang).split("\n## ", 1)[0]
    assert "空気殺菌装置の共同開発の可否を検討すること" in md(ACME, "nda", lang).split("\n## ", 1)[0]


def _one_way_for(tmp_path: Path, side: str | None) -> Path:
    def acting(d: dict[str, Any]) -> None:
        if side:
            d["acting_for"] = side
    return variant(tmp_path, ONEWAY, acting, f"oneway-{side}")


@pytest.mark.parametrize("lang", LANGS)
def test_one_way_nda_leans_for_the_side_acted_for(tmp_path: Path, lang: str) -> None:
    """Acting for the discloser (maker): trade secrets survive while secret, the recipient
    admits irreparable harm, independent development is narrow. Acting for the recipient
    (buyer): independent development stays free, backups may be kept. Neither: balanced."""
    balanced = md(_one_way_for(tmp_path, None), "nda", lang)
    discloser = md(_one_way_for(tmp_path, "maker"), "nda", lang)
    recipient = md(_one_way_for(tmp_path, "buyer"), "nda", lang)
    trade_secret = "営業秘密" if lang == "ja" else "trade secret"
    harm = "回復することのできない損害" if lang == "ja" else "cannot be remedied by monetary compensation"
    free = "制限するものではない" if lang == "ja" else "Nothing in this Agreement restricts"
    backups = "バックアップ" if lang == "ja" else "backups"
    assert trade_secret in _article(discloser, "nda.term", lang)
    assert harm in discloser
    for text in (balanced, recipient):
        assert trade_secret not in _article(text, "nda.term", lang) and harm not in text
    for word in (free, backups):
        assert word in recipient and word not in balanced and word not in discloser
    assert len(_article(discloser, "nda.exclusions", lang)) > len(_article(balanced, "nda.exclusions", lang))
    efforts = "検討するよう努める" if lang == "ja" else "use reasonable efforts to consider"
    assert efforts in balanced and efforts in discloser and efforts not in recipient


@pytest.mark.parametrize("lang", LANGS)
def test_mutual_nda_stays_balanced_whoever_is_acted_for(tmp_path: Path, lang: str) -> None:
    path = variant(tmp_path, ACME, lambda d: d.update(acting_for="nano"))
    assert md(path, "nda", lang) == md(ACME, "nda", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_memorandum_names_the_licence_agreement_only_when_the_deal_has_one(tmp_path: Path, lang: str) -> None:
    word = "実施又は利用を許諾する契約" if lang == "ja" else "would grant Party B an exclusive licence, for consideration, to practise or use"
    assert api.read_deal(ACME).licence is not None
    assert word.replace("Party B", "Party A") in _article(md(ACME, "mou", lang), "mou.next_agreements", lang)
    without = variant(tmp_path, ACME, lambda d: d.pop("licence"), "no-licence")
    assert "許諾する契約" not in md(without, "mou", lang) and "would grant Party" not in md(without, "mou", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_memorandum_names_the_nda_of_the_pack_by_its_date(tmp_path: Path, lang: str) -> None:
    """The MOU's confidentiality article points at the NDA actually signed (by its date), lets the
    collaboration use what it covers, and drops the interim duty 'until the NDA is concluded';
    with no NDA date, or an NDA signed after the MOU, the interim duty stays."""
    import datetime as dt
    from oidocs.document.labels import LABELS

    label = LABELS[lang].date
    interim = "が締結されるまでの間" if lang == "ja" else "Until the NDA is concluded"
    dated = variant(tmp_path, ACME, lambda d: d["nda"].update(date="2026-11-20"), "dated")
    article = _article(md(dated, "mou", lang), "mou.confidentiality", lang)
    assert label(dt.date(2026, 11, 20)) in article and interim not in article
    assert ("本協業のために使用" if lang == "ja" else "for the Collaboration shall be deemed use") in article
    later = variant(tmp_path, ACME, lambda d: d["nda"].update(date="2027-01-20"), "later")
    article = _article(md(later, "mou", lang), "mou.confidentiality", lang)
    assert label(dt.date(2027, 1, 20)) not in article and interim in article


@pytest.mark.parametrize("lang", LANGS)
def test_memorandum_applies_a_one_way_nda_to_both_sides(tmp_path: Path, lang: str) -> None:
    """A one-way NDA protects one side only; the MOU applies it to the other side's information too."""
    def one_way(d: dict[str, Any]) -> None:
        d["nda"].update(mutual=False, discloser="nano")
    path = variant(tmp_path, ACME, one_way)
    article = _article(md(path, "mou", lang), "mou.confidentiality", lang)
    assert ("準用する" if lang == "ja" else "mutatis mutandis") in article
    assert ("準用する" if lang == "ja" else "mutatis mutandis") not in _article(md(ACME, "mou", lang), "mou.confidentiality", lang)


def test_two_party_english_says_between() -> None:
    """'among the Parties' is for three or more; two parties consult between themselves."""
    for doc in ("nda", "mou"):
        text = md(ACME, doc, "en")
        assert "among the Parties" not in text, doc
    assert "among the Parties" in md(HOKKAI, "mou", "en")
