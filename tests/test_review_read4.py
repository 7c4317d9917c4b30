"""The fourth lawyers' reading (deals C and D): the deadline register and the review sheet.

The register missed duties a party can lose rights by forgetting: the PoC's own long-stop (deal C,
第19条1), the JDA's confirmation of a result's category (Article 8(3)), the exclusive holder's
annual report on its practice (Article 12(3)) and the end of the publication duties (Article 28(b))
of deal D. Each row cites the article the document was built with, and its figure is the one that
article states.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT, article_number, shipped_markdown
from oidocs import api
from oidocs.clauses.library import Library
from oidocs.deal.sequence import poc_term_end

C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"


def _rows(path: Path, lang: str) -> list[dict[str, str]]:
    """The deadline register's CSV rows, read back as a user's spreadsheet would."""
    files = api.render_calendar(api.read_deal(path), lang=lang)
    text = next(v for k, v in files.items() if k.endswith(".csv")).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _ics(path: Path, lang: str) -> str:
    files = api.render_calendar(api.read_deal(path), lang=lang)
    return next(v for k, v in files.items() if k.endswith(".ics")).decode("utf-8")


def _row(rows: list[dict[str, str]], words: str) -> dict[str, str]:
    found = [r for r in rows if words in r["what"]]
    assert len(found) == 1, (words, [r["what"] for r in rows])
    return found[0]


def _number(path: Path, lang: str, ja: str, en: str) -> str:
    """How the shipped PoC of ``path`` cites its article titled ``ja`` / ``en`` (第19条 / Article 19)."""
    return article_number(shipped_markdown(path, "poc", lang), ja if lang == "ja" else en)


def _article(text: str, label: str) -> str:
    """The body of the article ``label`` (第19条 / Article 8) of a Markdown document."""
    match = re.search(r"^## " + re.escape(label) + r"[（ (].*?\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, label
    return match.group(1)


@pytest.mark.parametrize("lang, words, says", [
    ("ja", "有効期間の最終期限（ロングストップ", "いかなる場合も、検証期間の末日から6か月を経過した日"),
    ("en", "end of the term in any event (long-stop)", "shall in any event end on the day on which six (6) months"),
])
def test_the_register_has_the_pocs_own_long_stop(lang: str, words: str, says: str) -> None:
    """Deal C: the PoC ends in any event on its long-stop (第19条1); the register had no row for it. The day
    is the clause's (sequence.poc_term_end: six months after the verification, or later when the licence
    is planned later), so the row follows the clause when its rule changes."""
    row = _row(_rows(C, lang), words)
    end = poc_term_end(api.read_deal(C))
    assert end is not None and row["date"] == end.isoformat()
    assert row["article"] == _number(C, lang, "有効期間", "Term")
    assert says in _article(shipped_markdown(C, "poc", lang), row["article"])
    assert words in _ics(C, lang).replace("\r\n ", "")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_register_has_the_jdas_category_report_and_publication_duties(lang: str) -> None:
    """Deal D: JDA Article 8(3) (category confirmed within 60 days of the notice), Article 12(3) (the
    exclusive holder reports once a year) and Article 28(b) (publication duties end a year after the JDA)."""
    rows = _rows(D, lang)
    jda = shipped_markdown(D, "jda", lang)
    ja = lang == "ja"
    category = _row(rows, "単独発明か共同成果か" if ja else "sole invention or joint results")
    assert category["article"] == ("第8条" if ja else "Article 8") and category["date"] == ""
    assert ("通知の日から60日以内" if ja else "60 days after the notice") in category["rule"]
    assert ("通知の日から60日以内に行う" if ja else "within sixty (60) days of the notice") in _article(
        jda, category["article"])
    report = _row(rows, "実施の状況の書面による報告" if ja else "report on the status of practice")
    assert report["article"] == ("第12条" if ja else "Article 12")
    assert "2030-05-31" in report["rule"] and ("毎年1回" if ja else "once a year") in report["rule"]
    assert ("毎年1回、その実施の状況" if ja else "status of its practice once a year") in _article(jda, report["article"])
    publication = _row(rows, "公表に関する義務の終了日" if ja else "End of the duties on publication")
    assert publication["article"] == ("第28条" if ja else "Article 28") and publication["date"] == "2030-05-31"
    assert ("終了の日から1年間" if ja else "for one (1) year after the end") in _article(jda, publication["article"])


FILLED_SCHEDULE = """---
id: jda.background_schedule
version: 1
title: Background IP Rights
kind: schedule
---
The {{ term("background_ip") }} of each Party are as follows.

{{ table(["Party", "Title", "Registration or application number", "Remarks"], [["the University", "Gait model", "JP 7312345 B2", ""]]) }}
"""


def test_a_schedule_of_background_ip_listing_nothing_is_advised_on(tmp_path: Path) -> None:
    """Deal D: the JDA's Schedule of Background IP Rights is signed listing nothing, so nothing is
    background IP and the licences of it may reach nothing; the sheet said nothing. A schedule that
    lists a right (a firm's own clause library) gets no such item. Without the licence of the same day
    (whose patents the Schedule now lists by itself, test_jda_read6), the Schedule lists nothing again."""
    import yaml

    data = yaml.safe_load(D.read_text(encoding="utf-8"))
    data.pop("licence")
    alone = tmp_path / D.name
    alone.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    deal = api.read_deal(alone)
    for lang, title, where, words in (
            ("en", "The Schedule of Background IP Rights lists nothing", "JDA Article 7",
             "fall outside the licences of background IP"),
            ("ja", "背景知的財産権の別紙に何も記載されていない", "共同研究開発契約 第7条",
             "背景知的財産権の実施の許諾（自己の分担業務のための無償の実施、成果を実施するための許諾）の対象から外れる")):
        sheet = api.render_review(deal, lang=lang).decode("utf-8")
        advice = sheet.split("\n## ")[3]
        assert advice.startswith("Advice" if lang == "en" else "留意事項"), advice[:20]
        assert f"**{title}**: {where}" in advice and words in advice
    user = tmp_path / "clauses"
    (user / "jda").mkdir(parents=True)
    (user / "jda" / "background_schedule.en.md").write_text(FILLED_SCHEDULE, encoding="utf-8")
    filled = api.render_review(deal, lang="en", library=Library([user])).decode("utf-8")
    assert "The Schedule of Background IP Rights lists nothing" not in filled


HOST = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"


def _section(sheet: str, starts: str) -> str:
    return next(part for part in sheet.split("\n## ") if part.startswith(starts))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_says_what_the_hosted_pocs_cap_covers_and_who_insures(lang: str) -> None:
    """Deal C (host): 第17条3 caps property damage, stoppages of the site's equipment and third-party
    claims at the greater of fee and insurance, binding the client too, while only the performer must
    insure; the sheet spoke of 'damage at the site' and said nothing of stoppages or insurance."""
    sheet = api.render_review(api.read_deal(HOST), lang=lang).decode("utf-8")
    ja = lang == "ja"
    damages = _number(HOST, lang, "損害賠償", "Damages")
    item = next(line for line in sheet.splitlines() if damages in line
                and ("100,000,000円" if ja else "JPY 100,000,000") in line)
    for words in (("物の損壊（施設の設備の損壊を含む。）、施設の設備の停止又は遅延", "自社が負う責任も同じ額まで",
                   "賠償責任保険を付す義務は株式会社ビジョンセンスにしかなく", "東海オートモーティブ株式会社が負担する")
                  if ja else
                  ("damage to property (the site's equipment included), stoppage or delay of the site's equipment",
                   "your own liability for damage at the site is limited to the same amount",
                   "only 株式会社ビジョンセンス must carry liability insurance", "borne by 東海オートモーティブ株式会社")):
        assert words in item, words
    poc = _article(shipped_markdown(HOST, "poc", lang), damages)
    assert ("設備の停止又は遅延" if ja else "stoppage or delay") in poc


def test_the_performers_cap_item_for_a_hosted_poc_names_stoppages(tmp_path: Path) -> None:
    """The rules read the clause's own value (poc_host): acting for the performer of a hosted PoC, the
    item names what 第17条3 caps, as for the client."""
    deal = tmp_path / "deal.yaml"
    deal.write_text(HOST.read_text(encoding="utf-8").replace("acting_for: suruga", "acting_for: vision"),
                    encoding="utf-8")
    sheet = api.render_review(api.read_deal(deal), lang="ja").decode("utf-8")
    item = next(line for line in sheet.splitlines() if "責任の上限は検証料の全額" in line)
    assert "施設の設備の停止又は遅延" in item and "東海オートモーティブ株式会社が負担する" in item


@pytest.mark.parametrize("lang, words", [
    ("ja", "{results}は、他の当事者に生じた特許権等や著作権（プログラム等）を一方の当事者に移転させる定めを含むため、"
           "無体財産権の譲渡に関する契約書（第1号の1文書）に当たりえます"),
    ("en", "{results} obliges a party to transfer to another patents or other rights"),
])
def test_the_hosted_pocs_stamp_duty_names_the_free_assignment_of_improvements(lang: str, words: str) -> None:
    """Deal C (host, paper): 第14条5 still has improvements of a party's background IP assigned to it free;
    the third_party sheet named category 1-1 (through 第14条6), the host sheet had dropped it."""
    sheet = api.render_review(api.read_deal(HOST), lang=lang).decode("utf-8")
    stamp = _section(sheet, "印紙税" if lang == "ja" else "Stamp duty")
    poc = next(line for line in stamp.splitlines()
               if line.startswith("- **") and ("PoC" in line or "Proof of Concept" in line))
    results = _number(HOST, lang, "本成果の帰属", "Ownership of the Results")
    assert words.format(results=results) in poc
    # drafted for 甲, the improvements of 甲's own background IP are assigned to 甲 (the lean of test_poc_improvements)
    assert ("その権利又は持分を無償で甲に譲渡" if lang == "ja" else "assign that right or share to Party A free of charge") in \
        _article(shipped_markdown(HOST, "poc", lang), results)


@pytest.mark.parametrize("lang, words", [
    ("en", "The licence agreement is signed on the same day as the JDA (2027-05-15)"),
    ("ja", "ライセンス契約は共同研究開発契約と同じ日（2027-05-15）に締結される"),
])
def test_the_no_contradiction_line_names_the_documents_signed_the_same_day(lang: str, words: str) -> None:
    """Deal D: 'no contradiction (stages signed the same day, the NDA and the licence excepted)' read as
    saying no two documents share a day, while the JDA and the licence are both signed 2027-05-15."""
    sheet = api.render_review(api.read_deal(D), lang=lang).decode("utf-8")
    checks = _section(sheet, "Checks across the pack" if lang == "en" else "書類間の整合性")
    assert words in checks
    other = api.render_review(api.read_deal(HOST), lang=lang).decode("utf-8")
    assert "same day as" not in other and "と同じ日（" not in other


@pytest.mark.parametrize("lang, words", [
    ("en", "The Parties shall not disclose under this Agreement any personal information within the meaning of "
           "the Act on the Protection of Personal Information"),
    ("ja", "個人情報の保護に関する法律に定める個人情報（研究の対象者及びその候補者に関する情報を含む。）を、"
           "その取扱い（利用目的、安全管理のための措置並びに返還及び削除の方法を含む。）について両当事者があらかじめ"
           "書面により合意した場合を除き、本契約に基づき開示しないものとする"),
])
def test_an_nda_before_research_on_people_keeps_personal_information_out_until_agreed(lang: str, words: str) -> None:
    """Deal D's JDA does research with volunteers (jda.human_data): the NDA before it let any information
    be disclosed, personal data included, with no agreed handling. A deal without human data is unchanged."""
    definitions = _article(shipped_markdown(D, "nda", lang), "第1条" if lang == "ja" else "Article 1")
    assert words in definitions
    assert ("返還し、又は削除する" if lang == "ja" else "return or delete it as the Disclosing Party instructs") in definitions
    assert ("個人情報" if lang == "ja" else "personal information") not in shipped_markdown(C, "nda", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_coownership_item_says_what_the_pocs_consent_rule_already_gives(lang: str) -> None:
    """Deal C (host): the item told the client to ask for consent 'not to be withheld unreasonably' for
    subcontracted manufacture, which 第14条4 already gives (and have-made is the co-owner's own practice)."""
    sheet = api.render_review(api.read_deal(HOST), lang=lang).decode("utf-8")
    ja = lang == "ja"
    results = _number(HOST, lang, "本成果の帰属", "Ownership of the Results")
    item = next(line for line in sheet.splitlines() if ("同意が必要である（特許法第73条）" if ja else "(Patent Act art. 73)") in line
                and results in line)
    for words in (("30日以内に回答され、正当な理由なく拒まれない", "実施の条により同意なくできる")
                  if ja else ("answered within 30 days and may not be withheld without good reason",
                              "already allowed without consent by the practice Article")):
        assert words in item, words
    assert ("製造委託先や事業の承継先への許諾について、事前の同意又は同意を不合理に拒まない旨" if ja
            else "a promise not to withhold it unreasonably") not in item
    poc = _article(shipped_markdown(HOST, "poc", lang), results)
    assert ("正当な理由なく同意を拒んではならない" if ja else "shall not unreasonably withhold") in poc


def test_a_two_party_sheet_speaks_of_the_other_party() -> None:
    """Deal D has two parties; the publication item said 'the others may ask for up to 60 days' delay'."""
    sheet = api.render_review(api.read_deal(D), lang="en").decode("utf-8")
    item = next(line for line in sheet.splitlines() if "delay for filing" in line)
    assert "the other party may ask for up to 60 days' delay" in item and "the others" not in item


def test_a_poc_without_a_consent_rule_is_not_said_to_have_one() -> None:
    """Under the background-licence model the JDA's licensing article has the consent rule but the PoC's
    results article does not: each gets the item that says what it says."""
    path = ROOT / "tests" / "review_deals" / "mirai-toyohashi-bg-ja.yaml"
    sheet = api.render_review(api.read_deal(path), lang="ja").decode("utf-8")
    items = [line for line in sheet.splitlines() if "特許法第73条）" in line and line[:1].isdigit()]
    jda = next(i for i in items if "共同研究開発契約" in i)
    poc = next(i for i in items if "技術検証（PoC）契約" in i)
    assert "正当な理由なく拒まれない" in jda and "技術検証（PoC）契約" not in jda
    assert "技術検証契約は同意の与え方（回答期限、拒める場合）を定めていない" in poc
    assert "正当な理由なく同意を拒んではならない" in _article(shipped_markdown(path, "jda", "ja"), jda.split("**")[1].split()[-1])
    assert "正当な理由なく同意を拒んではならない" not in _article(shipped_markdown(path, "poc", "ja"),
                                                          poc.split("**")[1].split()[-1])


@pytest.mark.parametrize("lang, words, rule", [
    ("en", "National or regional phase of PCT/JP2026/012345 due", "between 2027-07-01 and 2029-06-30: ask the licensor"),
    ("ja", "PCT/JP2026/012345の国内移行", "期限は2027-07-01から2029-06-30までの間となる。許諾者に優先日を確認し"),
])
def test_the_register_has_the_pct_national_phase_and_asks_for_the_priority_date(lang: str, words: str, rule: str) -> None:
    """Deal D licenses PCT/JP2026/012345 exclusively: its 30-month deadline (the licence's maintenance Article) may fall in
    2027, and a missed date loses the rights abroad; the register had no row and no request for the date."""
    row = _row(_rows(D, lang), words)
    # the row cites the licence Article that holds the PCT duty (numbered as rendered; checked below)
    assert re.fullmatch(r"第\d+条" if lang == "ja" else r"Article \d+", row["article"]) and row["date"] == ""
    assert rule in row["rule"]
    assert ("優先日から30か月" if lang == "ja" else "thirty (30) months from the priority date") in _article(
        shipped_markdown(D, "licence", lang), row["article"])
