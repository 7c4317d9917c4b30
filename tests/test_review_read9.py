"""The ninth lawyer reading's findings on the review sheet and the deadline register (deal J).

Deal J (zao-morimiya-sensing-ja, acting for the SME 丙): the advice on a party paying more of the
JDA's shared costs than it owns argued for the large company in a sheet drafted for the SME; the
register had the first year's budget only and no ethics approval before research on people. Each
line is read back from the generated sheet or register, with acting_for set to each party in turn.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, article_number

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
NAMES = {"morimiya": "森宮重機株式会社", "univ": "国立大学法人東北青葉大学", "zao": "株式会社蔵王センシング"}


def _deal(tmp_path: Path, edit: Any = None) -> Any:
    from oidocs import api

    data = yaml.safe_load(DEAL_J.read_text(encoding="utf-8"))
    if edit:
        edit(data)
    path = tmp_path / f"{len(list(tmp_path.iterdir()))}-{DEAL_J.name}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.read_deal(path)


def _sheet(deal: Any, lang: str) -> str:
    from oidocs import api

    return api.render_review(deal, lang=lang).decode("utf-8")


def _rows(deal: Any, lang: str) -> list[dict[str, str]]:
    from oidocs import api

    files = api.render_calendar(deal, lang=lang)
    data = next(v for k, v in files.items() if k.endswith(".csv"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


TITLES = {  # the articles the sheet and register cite, found by title (numbers move as articles are added)
    "costs": ("jda", "費用の負担", "Costs"), "people": ("jda", "人を対象とする研究及び個人情報の取扱い",
                                                    "Research Involving Human Subjects and Personal Information"),
    "ownership": ("jda", "共同成果の帰属", "Ownership of Joint Results"),
    "background": ("jda", "背景知的財産権の帰属", "Ownership of Background IP Rights"),
    "jda_confidentiality": ("jda", "秘密保持", "Confidentiality"), "nda_confidentiality": ("nda", "秘密保持義務", "Confidentiality"),
    "grant": ("licence", "実施許諾", "Grant of Licence"),
}


def _art(deal: Any, name: str, lang: str) -> str:
    """How the drafts of ``deal`` number the article ``name`` of TITLES: 第5条 / Article 5."""
    from oidocs import api

    doc, ja, en = TITLES[name]
    return article_number(api.render_document(deal, doc, lang=lang, fmt="md").decode("utf-8"), ja if lang == "ja" else en)


def _item(sheet: str, title: str) -> str:
    match = re.search(r"^\d+\. \*\*" + re.escape(title) + r"\*\*[^\n]*\n   [^\n]*", sheet, flags=re.M)
    assert match, f"no advice item {title!r}"
    return match.group(0)


COST_TITLE = {"ja": "成果の持分を大きく上回る割合の費用を負担する当事者がいる",
              "en": "A party pays a much larger share of the costs than it owns of the results"}
RAISE = {"ja": "持分を引き上げるか", "en": "raising its share of the results"}  # the payer's remedy, as advice


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("acting", ["zao", "univ", "morimiya", None])
def test_the_cost_advice_is_worded_for_the_side_acted_for(lang: str, acting: str | None, tmp_path: Path) -> None:
    deal = _deal(tmp_path, lambda d: d.update(acting_for=acting) if acting else d.pop("acting_for"))
    item = _item(_sheet(deal, lang), COST_TITLE[lang])
    assert ("森宮重機株式会社は共通費用の70%を負担するが、共同成果の持分は40%" if lang == "ja"
            else "森宮重機株式会社 pays 70 per cent of the shared costs but owns 40 per cent") in item
    # the difference funds the party owning more than it pays: the university (0 of the costs, 30 of the results)
    assert ("国立大学法人東北青葉大学（費用0%、持分30%）" if lang == "ja"
            else "国立大学法人東北青葉大学 (0% of the costs, 30% of the results)") in item
    if acting == "morimiya":  # drafted for the payer: it may argue for itself
        assert RAISE[lang] in item
        return
    assert RAISE[lang] not in item
    if acting is None:  # neutral: the parties check the difference together
        assert ("当事者間で確認し" if lang == "ja" else "The parties should check") in item
        assert ("としては" if lang == "ja" else "For ") not in item
        return
    name = NAMES[acting]
    assert (f"{name}としては" if lang == "ja" else f"For {name}, consider holding to the present shares") in item
    assert ("求められることが考えられる" if lang == "ja" else "expect the party paying more to ask") in item


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_later_fiscal_years_budget_is_in_the_register(lang: str, tmp_path: Path) -> None:
    deal = _deal(tmp_path)
    rows = _rows(deal, lang)
    article = _art(deal, "costs", lang)
    words = "年度（" if lang == "ja" else "budget for the Shared Costs of fiscal year"
    later = [r for r in rows if words in r["what"]]
    assert [(r["date"], r["article"]) for r in later] == [("2028-03-31", article), ("2029-03-31", article)]
    assert ("2029年度（2029-04-01から2030-03-31まで）の共同研究費の予算の書面による合意の期限" if lang == "ja"
            else "fiscal year 2029 (2029-04-01 to 2030-03-31)") in later[1]["what"]
    # research ending on 2029-03-31: no budget for the fiscal year beginning the next day
    short = _rows(_deal(tmp_path, lambda d: d["jda"].update(end="2029-03-31")), lang)
    assert [r["date"] for r in short if words in r["what"]] == ["2028-03-31"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_ethics_approval_is_due_before_the_research_on_people(lang: str, tmp_path: Path) -> None:
    word = "倫理審査委員会等の承認" if lang == "ja" else "Approval by the ethics committee"
    deal = _deal(tmp_path)
    rows = [r for r in _rows(deal, lang) if word in r["what"]]
    assert [(r["date"], r["article"]) for r in rows] == [("2028-01-04", _art(deal, "people", lang))]
    both = [r for r in _rows(_deal(tmp_path, lambda d: d["poc"].update(human_data=True)), lang) if word in r["what"]]
    assert [r["date"] for r in both] == ["2027-06-30", "2028-01-04"]
    assert ("検証期間" if lang == "ja" else "verification period") in both[0]["rule"]
    none = [r for r in _rows(_deal(tmp_path, lambda d: d["jda"].update(human_data=False)), lang) if word in r["what"]]
    assert none == []


def _unfavourable(sheet: str) -> list[str]:
    """The numbered lines of the section on terms unfavourable to the side acted for."""
    start = sheet.index("に不利な条項\n" if "に不利な条項\n" in sheet else "## Terms unfavourable")
    return [line for line in sheet[start:sheet.index("\n## ", start + 5)].splitlines() if re.match(r"\d+\. ", line)]


def _line(sheet: str, words: str) -> str | None:
    found = [line for line in _unfavourable(sheet) if words in line]
    assert len(found) <= 1, found
    return found[0] if found else None


COSTS = {"ja": "共同研究費は国立大学法人東北青葉大学の分担業務の費用に限られ", "en": "The Shared Costs are the costs of the tasks of 国立大学法人東北青葉大学 alone"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sme_no_longer_pays_part_of_the_universitys_costs_and_all_its_own(lang: str, tmp_path: Path) -> None:
    """Since read9 #1 (jda.costs v12) the Shared Costs are every party's budgeted tasks, the SME's included:
    the Article no longer says the others' tasks are outside them, so the line drops (its says test)."""
    from oidocs import api

    assert _line(_sheet(_deal(tmp_path), lang), COSTS[lang]) is None
    text = api.render_document(_deal(tmp_path), "jda", lang, "md").decode("utf-8")
    assert ("分担業務に要する費用は、共同研究費に含まれず" if lang == "ja" else "do not form part of the Shared Costs, and") not in text


FIXED = {"ja": "どの当事者が創出に関与したかを問わず", "en": "whoever took part in making it"}


OWNERSHIP_CLAUSE = {  # an ownership Article of a user's library giving every party listed its fixed share of every joint result
    "ja": "---\nid: ip.joint_filing.ownership\nversion: 1\ntitle: 共同成果の帰属\n---\n"
          "{% set owners = parties | selectattr('key', 'in', ip.joint_filing.shares) | list %}"
          "{{ term('joint_results') }}に係る{{ term('ip_rights') }}{{ define('joint_ip') }}は、"
          "{{ join(owners | map(attribute='d') | list) }}の共有とし、その持分は、次の各号に定める割合とする。\n"
          "{% for p in owners %}\n- {{ p.d }}：{{ share(p.key) }}\n{% endfor %}\n",
    "en": "---\nid: ip.joint_filing.ownership\nversion: 1\ntitle: Ownership of Joint Results\n---\n"
          "{% set owners = parties | selectattr('key', 'in', ip.joint_filing.shares) | list %}"
          "{{ term('ip_rights') }} in {{ term('joint_results') }} {{ define('joint_ip') }} shall be co-owned by "
          "{{ join(owners | map(attribute='d') | list) }} in the following shares:\n"
          "{% for p in owners %}\n- {{ p.d }}: {{ share(p.key) }};\n{% endfor %}\n",
}


def _library_with(tmp_path: Path, clause: str, texts: dict[str, str]) -> Any:
    """The built-in library with ``clause`` (jda/costs, ip/joint_filing/ownership) replaced by ``texts`` per language."""
    from oidocs.clauses.library import Library
    from oidocs.content import builtin_root

    base = tmp_path / f"content-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(builtin_root() / "clause_library", base / "clause_library")
    shutil.copytree(builtin_root() / "templates", base / "templates")
    for code, text in texts.items():
        (base / "clause_library" / f"{clause}.{code}.md").write_text(text, encoding="utf-8")
    return Library(base=base)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_fixed_shares_give_a_party_a_share_of_results_it_did_not_make(lang: str, tmp_path: Path) -> None:
    """Deal J's Article 10 as the ninth reading read it (甲40・乙30・丙30 of every joint result, kept here in a user
    library): the line names the parties that own a share of results they did not help make."""
    from oidocs import api

    fixed = _library_with(tmp_path, "ip/joint_filing/ownership", OWNERSHIP_CLAUSE)
    deal = _deal(tmp_path)
    line = _line(api.render_review(deal, lang=lang, library=fixed).decode("utf-8"), FIXED[lang])
    jda = api.render_document(deal, "jda", lang=lang, fmt="md", library=fixed).decode("utf-8")
    assert line is not None and ("共同研究開発契約 " if lang == "ja" else "JDA ") + article_number(
        jda, "共同成果の帰属" if lang == "ja" else "Ownership of Joint Results") in line
    assert ("森宮重機株式会社（40%）及び国立大学法人東北青葉大学（30%）は、自らが関与していない成果にも" if lang == "ja"
            else "森宮重機株式会社 (40%) and 国立大学法人東北青葉大学 (30%) each own their share even of results they did not help make") in line
    # two co-owners: a joint result is always made by both, and no share goes to a party that took no part
    two = _deal(tmp_path, lambda d: d["ip"]["joint_filing"].update(shares={"morimiya": 50, "zao": 50}))
    assert _line(api.render_review(two, lang=lang, library=fixed).decode("utf-8"), FIXED[lang]) is None
    # shares agreed per result by contribution: no fixed share at all
    agreed = _deal(tmp_path, lambda d: d["ip"]["joint_filing"].pop("shares"))
    assert _line(_sheet(agreed, lang), FIXED[lang]) is None


UNLISTED = {"ja": "にのみ許諾しているが、共同研究開発契約の別紙（背景知的財産権）には当該権利が記載されていない",
            "en": "and the JDA's Schedule of Background IP Rights does not list it"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_universitys_licensed_patent_is_not_in_the_jda_schedule(lang: str, tmp_path: Path) -> None:
    # deal J as it is: the licence, signed during the research, licenses a granted patent, which the JDA's
    # Schedule now lists as the university's background (read9 #2 of the JDA), so there is nothing to say
    assert _line(_sheet(_deal(tmp_path), lang), UNLISTED[lang]) is None
    # a licence signed after the research may license its results: its patent is not listed, and the line says so
    deal = _deal(tmp_path, lambda d: d["licence"].update(date="2030-06-01", effective="2030-07-01"))
    line = _line(_sheet(deal, lang), UNLISTED[lang])
    background, grant = _art(deal, "background", lang), _art(deal, "grant", lang)
    assert line is not None
    assert (f"共同研究開発契約 {background}、共同研究開発契約 別紙2、ライセンス契約 {grant}" if lang == "ja"
            else f"JDA {background}; JDA Schedule 2; licence agreement {grant}") in line
    assert ("国立大学法人東北青葉大学の「生体信号に基づく疲労度推定方法及び装置」を森宮重機株式会社にのみ許諾" if lang == "ja"
            else '"生体信号に基づく疲労度推定方法及び装置" of 国立大学法人東北青葉大学 to 森宮重機株式会社 alone') in line
    # drafted for the licensee, the line is not about its own licence
    licensee = _deal(tmp_path, lambda d: d["licence"].update(date="2030-06-01", effective="2030-07-01") or d.update(acting_for="morimiya"))
    assert _line(_sheet(licensee, lang), UNLISTED[lang]) is None


AFFILIATES = {"ja": "の全ての役員及び従業員に開示できる", "en": "of any of its affiliates"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_large_company_telling_every_affiliate_is_listed(lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # drafted for the SME, the confidentiality Articles let the large company tell only affiliates named in advance
    assert _line(_sheet(_deal(tmp_path), lang), AFFILIATES[lang]) is None
    monkeypatch.setattr("oidocs.clauses.context.affiliate_lean", lambda deal: "wide")  # the Articles as before read9
    deal = _deal(tmp_path)
    line = _line(_sheet(deal, lang), AFFILIATES[lang])
    nda, jda = _art(deal, "nda_confidentiality", lang), _art(deal, "jda_confidentiality", lang)
    assert line is not None
    assert (f"秘密保持契約 {nda}、共同研究開発契約 {jda}" if lang == "ja" else f"NDA {nda}; JDA {jda}") in line
    assert ("森宮重機株式会社は、株式会社蔵王センシングから開示を受けた秘密情報を" if lang == "ja"
            else "森宮重機株式会社 may disclose the confidential information of 株式会社蔵王センシング") in line


def test_every_rule_with_a_side_has_a_wording_for_the_other_side() -> None:
    from oidocs.review.sides import SIDES

    texts = yaml.safe_load((ROOT / "templates" / "advice.yaml").read_text(encoding="utf-8"))
    for rule in [*SIDES, "cost_above_ownership"]:
        assert set(texts[rule]["advice_other"]) == {"ja", "en"}, rule


SIDED = [  # deal, rule, a party the remedy serves, a party it does not
    (ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml", "long_exclusivity", "rakuyo", "brandt"),
    (ROOT / "tests" / "fixtures" / "licence-application-ja.yaml", "licence_exclusive_no_minimum", "tohoku", "aoba"),
    (ROOT / "tests" / "review_deals" / "aster-univ-mizuho-en.yaml", "background_exclusive_elsewhere", "mizuho", "aster"),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("path", "rule", "served", "other"), SIDED)
def test_one_sided_advice_is_worded_for_the_side_acted_for(path: Path, rule: str, served: str, other: str, lang: str,
                                                             tmp_path: Path) -> None:
    from oidocs import api

    texts = yaml.safe_load((ROOT / "templates" / "advice.yaml").read_text(encoding="utf-8"))[rule]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = {}
    for acting in (served, other, None):
        if acting:
            data["acting_for"] = acting
        else:
            data.pop("acting_for", None)
        copy = tmp_path / f"{acting}-{path.name}"
        copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        items[acting] = _item(api.render_review(api.read_deal(copy), lang=lang).decode("utf-8"), texts["title"][lang])
    asked = "求められ" if lang == "ja" else "ask"  # what the served side may ask for, told to the other side
    assert asked in items[other] and asked not in items[served] and asked not in items[None]
    assert items[served] == items[None]  # the remedy's own wording, for its side and for no one


COSTS_CLAUSE = {  # a costs Article of a user's library that leaves the named parties' own tasks outside the Shared Costs
    "ja": "---\nid: jda.costs\nversion: 1\ntitle: 費用の負担\n---\n{{ term(\"joint_research\") }}のうち乙の分担業務に要する費用"
          "{{ define(\"shared_costs\") }}は、甲が70パーセント、丙が30パーセントを負担する。\n\n"
          "{{ outside }}の分担業務に要する費用は、{{ term(\"shared_costs\") }}に含まれず、各自が負担する。\n",
    "en": "---\nid: jda.costs\nversion: 1\ntitle: Costs\n---\nThe costs of the tasks of Party B in the {{ term(\"joint_research\") }}"
          "{{ define(\"shared_costs\") }} are borne 70 per cent by Party A and 30 per cent by Party C.\n\n"
          "The costs of the tasks of {{ outside }} do not form part of the {{ term(\"shared_costs\") }}, and each bears its own.\n",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("names_sme", [True, False])
def test_the_university_only_costs_line_reads_whom_the_article_leaves_out(lang: str, names_sme: bool, tmp_path: Path) -> None:
    """A library keeping the Shared Costs to the university's tasks: the line is shown while the sentence leaving
    tasks outside them names the SME (甲及び丙 / Party A and Party C), and drops when it names the large company only."""
    from oidocs import api

    outside = {"ja": "甲及び丙" if names_sme else "甲", "en": "Party A and Party C" if names_sme else "Party A"}
    library = _library_with(tmp_path, "jda/costs", {code: COSTS_CLAUSE[code].replace("{{ outside }}", outside[code])
                                                    for code in ("ja", "en")})
    sheet = api.render_review(_deal(tmp_path), lang=lang, library=library).decode("utf-8")
    assert (_line(sheet, COSTS[lang]) is not None) == names_sme


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_unpaid_poc_advice_is_worded_for_the_client_too(lang: str, tmp_path: Path) -> None:
    title = yaml.safe_load((ROOT / "templates" / "advice.yaml").read_text(encoding="utf-8"))["unpaid_poc"]["title"][lang]

    def item(acting: str) -> str:
        return _item(_sheet(_deal(tmp_path, lambda d: d["poc"]["fee"].update(amount=0) or d.update(acting_for=acting)), lang), title)

    performer, client = item("univ"), item("morimiya")  # the university performs, the large company commissions
    assert ("対価を定めることを検討する" if lang == "ja" else "Consider a fee that covers the cost") in performer
    assert ("検証を行う当事者から対価を求められたときに応じられる額" if lang == "ja"
            else "what fee your side could agree to if the performer asks for one") in client
