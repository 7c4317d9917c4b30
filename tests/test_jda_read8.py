"""Findings of the eighth lawyer reading on the JDA, read back from the documents, the register and the
review sheet.

Deal I (``kyoto-rakuyo-brandt-en``): Rakuyo, a Kyoto startup (acting_for), and Brandt, a German large
company; a JDA with shared costs (Rakuyo 20, Brandt 80), results owned by Rakuyo, an exclusive field held
by Brandt, Rakuyo's background licensed. Each test fails on the text before its fix.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed, shipped_markdown

DEAL_I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
COSTS = {"ja": "費用の負担", "en": "Costs"}


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()]


def render(deal: object, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8")


def register(path: Path, tmp_path: Path) -> list[list[str]]:
    from conftest import run

    out = tmp_path / "out"
    result = run("pack", "--config", str(path), "--out", str(out), "--force")
    assert result.exit_code == 0, result.output
    text = next(out.glob("*-deadlines.csv")).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


# --- #1: shared costs settled every quarter, advanced to the startup, first budget on signing -------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_shared_costs_are_settled_quarterly_and_the_funder_advances_the_startups_tasks(lang: str) -> None:
    """Deal I: each party paid its own tasks first and the shares were evened out once, 60 days after an
    18-month research, so the startup bearing 20 per cent pre-financed its work and could owe a fifth of
    Brandt's in-house costs. Now the shares are settled every Cost Quarter, Brandt advances at the start
    of each quarter Rakuyo's budgeted costs beyond its share, and Brandt's own costs count only as the
    budget names them."""
    text = " ".join(paragraphs(article_titled(shipped_markdown(DEAL_I, "jda", lang), COSTS[lang])))
    if lang == "en":
        assert "each period of three (3) months counted from the first day of the Research Period" in text
        assert "statement of the Shared Costs it has paid in that Cost Quarter" in text
        assert "Brandt shall pay to Rakuyo in advance, for each Cost Quarter" in text
        assert "Rakuyo’s tasks for that Cost Quarter exceed Rakuyo’s share of them" in text
        assert "costs of each Party’s own personnel, facilities, equipment and overheads form part of them only so far as the budget names them" in text
        assert "Within sixty (60) days after the last day of the Research Period" not in text
    else:
        assert "研究期間の初日から起算して3か月ごとに区分した各期間" in text
        assert "乙は、各精算四半期について、甲の分担業務に係る当該精算四半期の予算上の共同研究費のうち甲の負担割合に相当する額を超える額を" in text
        assert "甲に前払する" in text
        assert "各当事者自身の人件費、施設、設備及び一般管理費は、予算がこれを費目として定める範囲に限り" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_first_budget_is_agreed_on_signing_and_a_foreign_party_gets_no_japanese_fiscal_year(lang: str) -> None:
    """Deal I: the first budget fell due 30 days after signing (2028-01-09), after the research began on
    2028-01-05, and the budget ran by Japanese fiscal years (April to March) with a German party. The first
    budget is now agreed on signing and applies from the research's first day; with a party abroad the
    budget years run twelve months from the research's first day (#15)."""
    text = " ".join(paragraphs(article_titled(shipped_markdown(DEAL_I, "jda", lang), COSTS[lang])))
    if lang == "en":
        assert "April 1 to March 31" not in text
        assert "each budget year (each period of twelve (12) months beginning on the first day of the Research Period" in text
        assert "The budget for the budget year in which the Research Period begins shall be agreed by the Parties completing Schedule 1 when this Agreement is signed" in text
        assert "within thirty (30) days after the date of this Agreement" not in text
    else:
        assert "4月1日から翌年3月31日まで" not in text
        assert "予算年度（研究期間の初日又は毎年のその応当日から始まる各12か月の期間" in text
        assert "研究期間の初日の属する予算年度の予算は、各当事者が本契約の締結の時に別紙1に記入して合意するものとし" in text


def test_a_japanese_pair_keeps_the_fiscal_year(tmp_path: Path) -> None:
    """Both parties in Japan: the budget still runs by fiscal year (April to March)."""
    deal = deal_changed(DEAL_I, tmp_path, parties=[
        {**p, "address": "1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan"} if p["key"] == "brandt" else p
        for p in __import__("yaml").safe_load(DEAL_I.read_text(encoding="utf-8"))["parties"]])
    text = article_titled(render(deal, "jda", "en"), "Costs")
    assert "fiscal year (the period from April 1 to March 31 of the following year" in text


def test_without_a_large_funder_no_one_advances(tmp_path: Path) -> None:
    """Two startups sharing costs: quarterly settlement, but no advance paragraph."""
    import yaml

    parties = yaml.safe_load(DEAL_I.read_text(encoding="utf-8"))["parties"]
    deal = deal_changed(DEAL_I, tmp_path, parties=[{**p, "kind": "startup"} for p in parties])
    text = article_titled(render(deal, "jda", "en"), "Costs")
    assert "Cost Quarter" in text and "pay to Party" not in text and "in advance, for each Cost Quarter" not in text


def test_the_register_dates_the_first_budget_on_signing_and_each_quarter(tmp_path: Path) -> None:
    """The register row 'first budget 2028-01-09' fell after the research start (2028-01-05); it is now the
    JDA's signing day, and each Cost Quarter's statement has its own row."""
    rows = register(DEAL_I, tmp_path)
    budget = [r for r in rows if "budget for the Shared Costs" in r[3]]
    assert budget and budget[0][0] == "2027-12-10", budget
    quarters = [r[0] for r in rows if "paid in Cost Quarter" in r[3]]
    assert quarters == ["2028-05-04", "2028-08-03", "2028-11-03", "2029-02-03"], quarters
    assert any("Advance of the Shared Costs" in r[3] for r in rows)


def test_the_sheet_flags_the_cash_flow_of_the_party_acted_for(tmp_path: Path) -> None:
    """Acting for Rakuyo, the sheet says when the advance falls due and what Rakuyo still bears; acting for
    Brandt, that Brandt advances before the work is done. The sheet said nothing of the cash flow."""
    import yaml

    from conftest import run

    sheets = {}
    for who in ("rakuyo", "brandt"):
        data = yaml.safe_load(DEAL_I.read_text(encoding="utf-8"))
        data["acting_for"] = who
        path = tmp_path / f"{who}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = run("pack", "--config", str(path), "--out", str(tmp_path / who), "--force")
        assert result.exit_code == 0, result.output
        sheets[who] = next((tmp_path / who).glob("*-review-en.md")).read_text(encoding="utf-8")
    assert "The advance is due 30 days after the invoice you issue at the start of each Cost Quarter" in sheets["rakuyo"]
    assert "At the start of each Cost Quarter you advance the budgeted Shared Costs of the tasks of Rakuyo" in sheets["brandt"]


# --- #12: the JDA's uncapped IP breaches are ownership, assignment, exclusivity and misuse only ------

DAMAGES = {"ja": "損害賠償及び責任の制限", "en": "Damages and Limitation of Liability"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_late_notice_under_the_ip_articles_is_not_uncapped(lang: str) -> None:
    """Deal I: the cap and the lost-profit exclusion fell away for 'a breach of Article 7 through Article
    18', so a late notice of an Improvement (Art 18(2)) or of employee-invention steps (Art 16) carried
    Brandt's lost profits. Only the ownership and assignment articles and the exclusive licence are named
    now, by computed reference, and notices, reports and consultation under them are excepted."""
    text = shipped_markdown(DEAL_I, "jda", lang)
    damages = article_titled(text, DAMAGES[lang])
    sole, owner = article_number(text, "単独発明の帰属" if lang == "ja" else "Ownership of Sole Inventions"), \
        article_number(text, "共同成果の帰属" if lang == "ja" else "Ownership of Joint Results")
    exclusive = article_number(text, "分野別の独占的実施権" if lang == "ja" else "Exclusive Right to Practise in the Field")
    improvements = article_number(text, "改良発明" if lang == "ja" else "Improvements")
    if lang == "en":
        assert " through " not in damages
        assert (f"a breach of the provisions on the ownership or assignment of rights in the Results ({sole} and {owner}) "
                f"or on exclusive practice ({exclusive}), other than a delay or failure in giving a notice or report, or in "
                "consulting, that those provisions require") in damages
    else:
        assert "までの規定の違反" not in damages
        assert (f"本成果に係る権利の帰属若しくは譲渡（{sole}及び{owner}）又は独占的な実施（{exclusive}）に関する定めの違反"
                "（これらの定めが求める通知若しくは報告又は協議の遅滞又は懈怠を除く。）") in damages
    assert improvements not in damages


# --- #13: the background licence follows the deal's licensors ---------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_only_the_listed_licensors_owe_a_commercial_background_licence(lang: str) -> None:
    """Deal I names Rakuyo alone as licensor (ip.background_licence.licensors), yet Art 7(3) made Brandt
    grant Rakuyo a licence of its background on reasonable terms and 'not refuse without good reason'.
    Only the listed licensors license now; the free use for the research during the Research Period
    stays mutual."""
    text = shipped_markdown(DEAL_I, "jda", lang)
    body = " ".join(paragraphs(article_titled(text, "背景知的財産権の帰属" if lang == "ja" else "Ownership of Background IP Rights")))
    if lang == "en":
        assert "During the Research Period, Rakuyo may practise the Background IP Rights of Brandt free of charge" in body
        assert "cannot practise them without practising the Background IP Rights of Brandt" not in body
        assert "shall not refuse to do so without good reason" not in body
    else:
        assert "甲は、研究期間中、乙の背景知的財産権を" in body
        assert "乙の背景知的財産権を実施しなければ" not in body


def test_the_sheet_says_the_other_parties_give_research_use_only() -> None:
    """The choice is stated in the sheet's options beside the licensing parties."""
    from oidocs import api

    sheet = api.render_review(api.read_deal(DEAL_I)).decode("utf-8")
    assert "Licensing parties (the others allow only free use for the research during the Research Period and owe no commercial licence)" in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("doc", ["nda", "jda"])
def test_a_large_company_may_tell_its_affiliates_who_need_to_know(doc: str, lang: str) -> None:
    """NDA 3(2) and JDA 20(2) allowed disclosure to a party's own officers and employees only: Brandt, a
    GmbH in a group, could not evaluate with its parent. A large company may now disclose to its
    affiliates' officers and employees who need to know for the Purpose, bound alike; the startup gains
    no such right (it has no group to consult). Drafted for Rakuyo, only the affiliates Brandt has named in
    advance (ninth reading #3, tests/test_jda_read9.py)."""
    text = shipped_markdown(DEAL_I, doc, lang)
    title = {"nda": {"ja": "秘密保持義務", "en": "Confidentiality"}, "jda": {"ja": "秘密保持", "en": "Confidentiality"}}[doc][lang]
    body = " ".join(paragraphs(article_titled(text, title)))
    if lang == "en":
        lead = "Where the Receiving Party is Brandt, it may also disclose" if doc == "nda" else "(b) in the case of Brandt, the officers and employees of those of its affiliates"
        assert lead in body
        assert "companies that control it, that it controls or that are under common control with it" in body
        assert "Rakuyo, the officers and employees of its affiliates" not in body
    else:
        lead = "受領者が乙であるときは、受領者は、自己の関係会社" if doc == "nda" else "乙については、自己の関係会社"
        assert lead in body


# --- #5: the funder's free licence outside the Field, drafted for the owner ------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_funders_free_licence_outside_the_field_ends_with_exclusivity_for_the_owner(lang: str, tmp_path: Path) -> None:
    """Deal I, drafted for Rakuyo (the owner): Brandt's royalty-free licence in every other field ran 'for
    the life of the Subject IP Rights', the funder's maximum. It now lasts until the Exclusive Period
    ends, then Rakuyo licenses on reasonable terms with a royalty; drafted for Brandt, the old term stays."""
    title = "本分野外における実施等" if lang == "ja" else "Practice outside the Field"
    owner = " ".join(paragraphs(article_titled(shipped_markdown(DEAL_I, "jda", lang), title)))
    holder = " ".join(paragraphs(article_titled(render(deal_changed(DEAL_I, tmp_path, acting_for="brandt"), "jda", lang), title)))
    if lang == "en":
        assert "This licence shall subsist until the Exclusive Period ends" in owner
        assert "Rakuyo shall, upon the written request of Brandt, grant it a non-exclusive licence to continue that practice on reasonable terms (including a royalty)" in owner
        assert "for the life of the Subject IP Rights" not in owner
        assert "This licence shall subsist for the life of the Subject IP Rights" in holder
    else:
        assert "この通常実施権は、独占期間の満了まで存続し" in owner
        assert "合理的な条件（実施料を含む。）により当該実施を継続するための非独占的な通常実施権を許諾する" in owner
        assert "この通常実施権は、対象知的財産権の存続期間中存続し" in holder


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_sole_invention_is_tested_by_contribution_to_its_characteristic_features(lang: str) -> None:
    """Deal I Art 2(f): 'independently of the work of the other Party ... contributed substantively' made
    nearly every improvement Rakuyo made on Brandt's grippers a Joint Result. The definition now states the
    joint-inventorship test: a contribution to the characteristic features, supplying information,
    materials, data or funds, running tests or assisting under direction not being one."""
    text = " ".join(paragraphs(article_titled(shipped_markdown(DEAL_I, "jda", lang), "定義" if lang == "ja" else "Definitions")))
    if lang == "en":
        assert "independently of the work of" not in text
        assert ("contributed substantively to creating it, that is, to creating its characteristic features (providing "
                "information, materials, facilities, data or funds, carrying out tests or measurements, or assisting under "
                "another person’s direction is not by itself such a contribution)") in text
    else:
        assert "業務から独立してなされたもの" not in text
        assert "すなわちその特徴的部分の創作に寄与していないものをいい" in text
