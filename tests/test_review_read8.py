"""The eighth lawyer reading's findings on the review sheet and the deadline register (10, 11, 14).

Deal I (kyoto-rakuyo-brandt-en, acting for the startup Rakuyo) and other deals, both languages. Each
line is read back from the generated sheet or register and checked against the article it cites or
the value it names, as a reviewer would: the advice that "neither says which prevails" beside a JDA
and licence that both say it, a practice deadline in words the JDA does not use, a licence term the
licence does not have, a stand-still "latest day" the deal already fixes earlier.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT

DEAL_I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
KISO = ROOT / "tests" / "review_deals" / "kiso-daiwa-hanno-field-en.yaml"  # JDA effective before the long-stop
HELIX = ROOT / "tests" / "review_deals" / "helix-orbis-tanaka-en.yaml"  # JDA on the notice to proceed
NAGOYA = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"  # a large co-owner and an SME
MIRAI = ROOT / "tests" / "review_deals" / "mirai-toyohashi-bg-ja.yaml"  # a large co-owner and a startup


def _deal(path: Path) -> object:
    from oidocs import api

    return api.read_deal(path)


def _rows(path: Path, lang: str) -> list[dict[str, str]]:
    from oidocs import api

    files = api.render_calendar(_deal(path), lang=lang)  # type: ignore[arg-type]
    data = next(v for k, v in files.items() if k.endswith(".csv"))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _row(rows: list[dict[str, str]], words: str) -> dict[str, str]:
    found = [r for r in rows if words in r["what"]]
    assert len(found) == 1, f"no single row {words!r}: {[r['what'] for r in rows]}"
    return found[0]


def _markdown(path: Path, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(_deal(path), doc, lang=lang, fmt="md").decode("utf-8")  # type: ignore[arg-type]


def _article(path: Path, doc: str, lang: str, label: str) -> str:
    """The text of the article ``label`` (Article 16 / 第16条) of ``doc``, on one line."""
    for part in re.split(r"^## ", _markdown(path, doc, lang), flags=re.M):
        if part.startswith((f"{label}（", f"{label} (")):
            return " ".join(part.split())
    raise AssertionError(f"no {label} in the {doc}")


def _sheet(path: Path, lang: str) -> str:
    from oidocs import api

    return api.render_review(_deal(path), lang=lang).decode("utf-8")  # type: ignore[arg-type]


STANDSTILL = {"en": ("Stand-still on licensing others", "the day on which the Next Agreement takes effect"),
              "ja": ("スタンドスティル", "効力を生じた日")}


# 14. The stand-still row carries the day the deal fixes: the JDA's effective date ends it (PoC Art 16(4)(b)).

@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path, day", [(DEAL_I, "2028-01-05"), (KISO, "2027-11-01")])
def test_the_standstill_row_ends_on_the_jdas_effective_date(path: Path, day: str, lang: str) -> None:
    rows = _rows(path, lang)
    what, clause_words = STANDSTILL[lang]
    row = _row(rows, what)
    jda_title = "Joint Research and Development Agreement" if lang == "en" else "共同研究開発契約書"
    effective = next(r for r in rows if r["document"] == jda_title and ("effective date" in r["what"] or "効力発生日" in r["what"]))
    assert row["date"] == day == effective["date"]
    assert ("latest day it ends" not in row["what"]) and ("最終期限" not in row["what"])
    assert clause_words in _article(path, "poc", lang, row["article"])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_jda_on_notice_keeps_the_standstill_long_stop(lang: str) -> None:
    row = _row(_rows(HELIX, lang), STANDSTILL[lang][0])
    assert ("the latest day it ends" if lang == "en" else "最終期限") in row["what"]


# 14. The request deadline concerns only the results the pack's licence agreement does not license.

@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_licence_request_row_is_for_results_the_licence_does_not_license(lang: str) -> None:
    rows = _rows(DEAL_I, lang)
    row = _row(rows, "request the licence agreement" if lang == "en" else "締結を求める期限")
    assert row["date"] == "2029-09-30" and "2029-02-15" in row["what"]
    assert ("does not license" if lang == "en" else "許諾していない成果") in row["what"]
    licence_article = _article(DEAL_I, "licence", lang, "Article 7" if lang == "en" else "第7条")
    assert ("not among the Licensed Rights" if lang == "en" else "許諾権利に含まれない") in licence_article
    # a JDA without a licence agreement in the pack keeps the plain row
    plain = _row(_rows(KISO, "en"), "request the licence agreement")
    assert "does not license" not in plain["what"]


# 14. The first-offer period of a large co-owner (ip.joint_filing.first_offer_years) has its row.

@pytest.mark.parametrize("path, lang", [(NAGOYA, "en"), (MIRAI, "ja"), (MIRAI, "en")])
def test_the_first_offer_period_has_a_register_row(path: Path, lang: str) -> None:
    import datetime as dt

    from oidocs.deal.have_made import first_offer
    from oidocs.deal.sequence import add_years

    offer = first_offer(_deal(path))  # type: ignore[arg-type]
    assert offer is not None
    rows = _rows(path, lang)
    row = _row(rows, "to offer" if lang == "en" else "製造を申し出る義務")
    research_end = next(r["date"] for r in rows if r["what"] in ("End of the research period", "研究期間の終了日"))
    assert row["date"] == add_years(dt.date.fromisoformat(research_end), offer.years).isoformat()
    assert (f"{offer.years} years after its last day" if lang == "en" else f"末日から{offer.years}年間") in row["rule"]
    article = _article(path, "jda", lang, row["article"])
    assert ("years after its last day" if lang == "en" else "年間") in article
    assert ("shall first offer that manufacture" if lang == "en" else "その製造を") in article
    assert lang == "en" or "申し出" in article


# 14. The option "rate after the patents lapse" names the Valid Claim rule the licence now applies.

@pytest.mark.parametrize("lang, label", [("en", "rate where no valid claim covers (%)"),
                                         ("ja", "有効クレームの及ばない製品の料率（％）")])
def test_the_rate_option_names_the_valid_claim_rule(lang: str, label: str) -> None:
    sheet = _sheet(DEAL_I, lang)
    assert label in sheet and "rate after the patents lapse" not in sheet and "特許消滅後の料率" not in sheet
    consideration = _markdown(DEAL_I, "licence", lang)
    assert ("Valid Claim" if lang == "en" else "有効クレーム") in consideration


# 10. Each advice and unfavourable line is built from the value or article it cites.

def _items(sheet: str, heading: str) -> list[str]:
    """The numbered items of the section whose heading starts with ``heading``, each with its paragraph."""
    part = next(p for p in re.split(r"^## ", sheet, flags=re.M) if p.startswith(heading))
    return [m.group(0) for m in re.finditer(r"^\d+\. .*(?:\n   .*)?", part, flags=re.M)]


def _cited(item: str, doc: str) -> list[str]:
    """The article labels an item cites in ``doc`` ("JDA" / "共同研究開発契約")."""
    return re.findall(rf"{doc} (Article \d+|第\d+条)", item.split("\n")[0])


ADVICE = {"en": "Advice", "ja": "留意事項"}
UNFAVOURABLE = {"en": "Terms unfavourable", "ja": "Rakuyo Haptics K.K.（甲）に不利な条項"}
JDA = {"en": "JDA", "ja": "共同研究開発契約"}
LICENCE = {"en": "licence agreement", "ja": "ライセンス契約"}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", [DEAL_I, MIRAI])
def test_no_advice_that_neither_licence_says_which_prevails(path: Path, lang: str) -> None:
    """Deal I and MIRAI: the JDA's Schedule lists nothing for the licensor and both agreements say which
    governs: no "two licences ... neither says which prevails" item, whose advice could not be followed."""
    sheet = _sheet(path, lang)
    assert "neither says which prevails" not in sheet and "どちらが優先するかの定めがない" not in sheet
    assert ("Two licences of the same rights" not in sheet) and ("同じ権利の二" not in sheet)
    schedule = _markdown(path, "jda", lang).split("## 別紙" if lang == "ja" else "## Schedule")[-1]
    assert ("Not listed at signing" if lang == "en" else "締結時点で記載なし") in schedule


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_two_licences_of_listed_rights_say_which_one_applies(tmp_path: Path, lang: str) -> None:
    """MIRAI with its licence signed on the JDA's day: the JDA's Schedule lists the licensed patent, and the
    item names it and says what the two cited Articles say (the licence governs in its field and territory)."""
    from conftest import deal_changed
    from oidocs import api

    deal = deal_changed(MIRAI, tmp_path, licence__date="2027-11-01")
    sheet = api.render_review(deal, lang=lang).decode("utf-8")
    item = next(i for i in _items(sheet, ADVICE[lang]) if ("Two licences" in i or "同じ権利の二つ" in i))
    assert "neither says" not in item and "優先するかの定めがない" not in item
    jda = api.render_document(deal, "jda", lang=lang, fmt="md").decode("utf-8")
    schedule = jda.split("## 別紙" if lang == "ja" else "## Schedule")[-1]
    assert "光ファイバー振動検知装置" in item and "光ファイバー振動検知装置" in schedule
    jda_article = _cited(item, JDA[lang])[0]
    licence_article = _cited(item, LICENCE[lang])[0]
    assert ("Separate Licence Agreement" if lang == "en" else "本ライセンス契約") in _article_in(jda, jda_article)
    licence = api.render_document(deal, "licence", lang=lang, fmt="md").decode("utf-8")
    assert ("Joint Research Agreement" if lang == "en" else "共同研究開発契約") in _article_in(licence, licence_article)
    assert ("in its field and territory" if lang == "en" else "分野及び地域") in item


def _article_in(markdown: str, label: str) -> str:
    for part in re.split(r"^## ", markdown, flags=re.M):
        if part.startswith((f"{label}（", f"{label} (")):
            return " ".join(part.split())
    raise AssertionError(f"no {label}")


def _iso(text: str) -> set[str]:
    """Every date written in ``text`` (January 4, 2030 / 2030年1月4日 / 2030-01-04), as YYYY-MM-DD."""
    import datetime as dt

    found = set(re.findall(r"\d{4}-\d{2}-\d{2}", text))
    for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        found.add(dt.date(int(y), int(m), int(d)).isoformat())
    for month, d, y in re.findall(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", text):
        found.add(dt.datetime.strptime(f"{month} {d} {y}", "%B %d %Y").date().isoformat())
    return found


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("acting", ["rakuyo", "brandt"])
def test_the_practice_deadline_is_the_date_the_jda_gives(tmp_path: Path, lang: str, acting: str) -> None:
    """Deal I: JDA Art 12 has Brandt begin practising 'by January 4, 2030'; the sheet said 'within six months
    after the research period ends (at the latest six months before exclusivity ends)'. For either side the
    item now gives the Article's date."""
    from conftest import deal_changed
    from oidocs import api

    deal = deal_changed(DEAL_I, tmp_path, acting_for=acting)
    sheet = api.render_review(deal, lang=lang).decode("utf-8")
    heading = "Terms unfavourable" if lang == "en" else next(
        p for p in re.findall(r"^## (.*に不利な条項)", sheet, flags=re.M))
    jda = api.render_document(deal, "jda", lang=lang, fmt="md").decode("utf-8")
    label = re.search(r"^## (Article \d+|第\d+条)[ （(]+(?:Loss of Exclusivity|独占性の喪失)", jda, flags=re.M).group(1)  # type: ignore[union-attr]
    loss = next(i for i in _items(sheet, heading) if _cited(i, JDA[lang]) == [label])
    article = _article_in(jda, _cited(loss, JDA[lang])[0])
    if acting == "rakuyo":  # the JDA dated: the Article and the item give the same day
        assert "2030-01-04" in _iso(article) and "2030-01-04" in loss
        assert "six months after the research period ends" not in loss and "満了から6か月" not in loss
    else:  # drafted for Brandt the JDA takes effect on its notice: both give the rule, half-way floor included
        assert not _iso(article) - {"2032-01-04"} and not _iso(loss)
        assert ("not before half-way" in loss) if lang == "en" else ("半分より前" in loss)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_exclusive_licence_line_states_the_licences_term(lang: str) -> None:
    """Deal I: the licence runs ten years and renews yearly (its term Article); the sheet said 'until the last
    licensed patent lapses'."""
    sheet = _sheet(DEAL_I, lang)
    item = next(i for i in _items(sheet, UNFAVOURABLE[lang]) if "means nothing" in i or "意味を失う" in i)
    assert "until the last licensed patent lapses" not in item and "最後の許諾特許が消滅するまで" not in item
    assert ("10 years from its effective date, then renewed a year at a time" if lang == "en"
            else "効力発生日から10年。その後は、通知がなければ1年ずつ更新される") in item
    term = _article(DEAL_I, "licence", lang, next(
        label for label in re.findall(r"^## (Article \d+|第\d+条)[（ ]\(?(?:Term|有効期間)", _markdown(DEAL_I, "licence", lang), flags=re.M)))
    assert ("ten (10) years" if lang == "en" else "10年") in term and ("renewed" if lang == "en" else "更新") in term


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", [DEAL_I, MIRAI, NAGOYA, KISO])
def test_no_two_advice_paragraphs_are_the_same(path: Path, lang: str) -> None:
    """Deal I's advice 4 and 5 were one paragraph twice (JDA Art 14, then Art 15)."""
    items = _items(_sheet(path, lang), ADVICE[lang])
    paragraphs = [i.split("\n", 1)[1].strip() for i in items if "\n" in i]
    assert len(paragraphs) == len(set(paragraphs)), [p[:80] for p in paragraphs if paragraphs.count(p) > 1]
    titles = [i.split("**")[1] for i in items]
    assert len(titles) == len(set(titles)) or len(paragraphs) == len(set(paragraphs))


# 11. What a lawyer reads first, and the MOU's line among the checks across the pack.

TITLES = {"costs": ("Costs", "費用の負担"), "outside": ("Practice outside the Field", "本分野外における実施等"),
          "materials": ("Client Materials", "提供資料"), "results": ("Ownership of the Results", "本成果の帰属")}
DOC_NAMES = {"poc": ("PoC agreement", "技術検証（PoC）契約"), "jda": ("JDA", "共同研究開発契約")}


def _label(markdown: str, title: str) -> str:
    """The computed label (Article 5 / 第5条) of the article titled ``title``."""
    found = re.search(rf"^## (Article \d+) \({re.escape(title)}\)|^## (第\d+条)（{re.escape(title)}）", markdown, flags=re.M)
    assert found, title
    return found.group(1) or found.group(2)


def _read_first(sheet: str) -> list[str]:
    line = next(x for x in sheet.splitlines() if "What a lawyer should read first" in x or "弁護士がまず確認する箇所" in x)
    return re.split(r"; |、", line.split(": ", 1)[-1].split("：", 1)[-1].rstrip("。."))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("acting, costs, outside", [("rakuyo", True, True), ("brandt", True, False)])
def test_the_read_first_list_has_the_articles_that_bind_the_client(tmp_path: Path, lang: str, acting: str,
                                                                   costs: bool, outside: bool) -> None:
    """Deal I: the list had neither the PoC's materials/data Article nor the JDA's costs Article (Rakuyo pays
    20 per cent and is advanced the rest) nor its outside-field licence (out of Rakuyo's results to Brandt)."""
    from conftest import deal_changed
    from oidocs import api

    deal = deal_changed(DEAL_I, tmp_path, acting_for=acting)
    first = _read_first(api.render_review(deal, lang=lang).decode("utf-8"))
    i = 0 if lang == "en" else 1
    poc = api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8")
    jda = api.render_document(deal, "jda", lang=lang, fmt="md").decode("utf-8")
    for key, doc, markdown, wanted in (("materials", "poc", poc, True), ("results", "poc", poc, True),
                                       ("costs", "jda", jda, costs), ("outside", "jda", jda, outside)):
        cited = f"{DOC_NAMES[doc][i]} {_label(markdown, TITLES[key][i])}"
        assert (cited in first) == wanted, (key, cited, first)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path, agreement, day, prepared", [
    (DEAL_I, "jda", "2028-01-05", ("poc", "jda")),
    (ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml", "licence", "2028-07-01", ("poc", "licence")),
    (NAGOYA, "jda", "2028-03-10", ("poc", "jda"))])
def test_the_mou_line_says_when_the_mou_ends(path: Path, agreement: str, day: str, prepared: tuple[str, ...],
                                            lang: str) -> None:
    """Deal I: 'the MOU lasts until the agreements it prepares are signed' while it ends on 2028-01-05, before the
    licence it also prepares is signed (2029-02-15). The line now names the agreements compared and the day
    the MOU's register row gives as its end."""
    sheet = _sheet(path, lang)
    checks = sheet[sheet.index("## Checks across the pack" if lang == "en" else "## 書類間の整合性"):]
    assert "agreements it prepares" not in checks and "それが準備する契約" not in checks
    line = next(x for x in checks.splitlines() if x.startswith(("- the MOU lasts", "- 基本合意書が")))
    names = {"poc": ("PoC agreement", "技術検証（PoC）契約"), "jda": ("JDA", "共同研究開発契約"),
             "licence": ("licence agreement", "ライセンス契約")}
    i = 0 if lang == "en" else 1
    assert all(names[d][i] in line for d in prepared) and day in line
    assert (f"the day the {names[agreement][0]} takes effect" if lang == "en" else f"{names[agreement][1]}が効力を生じる日") in line
    rows = _rows(path, lang)
    mou_end = next(r for r in rows if r["what"] in ("Memorandum of Understanding: end", "基本合意書の終了日"))
    assert mou_end["date"] == day
