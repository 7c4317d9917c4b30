"""Fourth and fifth readings, the pieces left open (deals C, E and F), read back from the documents.

1. Deal C's PoC stand-still could end only on the client's "no", a missed deadline, the licence
   taking effect or the long-stop: a negotiation that stalled after the client said yes held the
   owner's field until the long-stop. Either of them may now end it by notice that the talks broke
   off, but only after a stated number of days of good-faith talks (the client is not ambushed).
2. An undated MOU in a pack whose later agreements are dated ran "6 months" from nowhere.
3. The JDA named background by one party's notice while its Schedule changed only by agreement.
4. A JDA contributor could not stop the publication of a joint result that reveals its know-how.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, shipped_markdown
from oidocs import api
from oidocs.deal.sequence import poc_standstill_talks_days

C_HOST = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"
C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
E = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"
F = ROOT / "tests" / "review_deals" / "fukuoka-univ-three-ja.yaml"


def _standstill(path: Path, lang: str) -> str:
    text = article_titled(shipped_markdown(path, "poc", lang), "次段階への移行" if lang == "ja" else "Moving to the Next Stage")
    match = re.search(r"^4\. .*?(?=^5\. )", text, flags=re.M | re.S)
    assert match, text
    return match.group(0)


@pytest.mark.parametrize("path", [C_HOST, C], ids=lambda p: p.stem)
def test_the_standstill_ends_when_the_talks_on_the_licence_break_off_after_good_faith_talks(path: Path) -> None:
    """Acting for the licensee (the client), 60 days of talks after its yes; then either may end it by notice."""
    ja = _standstill(path, "ja")
    assert "甲が次段階契約を締結する旨を通知した日から60日以上、甲及び乙が次段階契約の締結に向けて誠実に協議したにもかかわらず" \
           "合意に至らず、その一方が他方に対し当該協議を打ち切る旨を書面により通知したときは、当該通知が他方に到達した日" in ja, ja
    en = _standstill(path, "en")
    assert "for at least sixty (60) days after Party A’s notice that it will conclude the Next Agreement, Party A and Party B " \
           "have negotiated it in good faith without reaching agreement, and either of them notifies the other in writing " \
           "that it breaks off those negotiations" in en, en
    assert "deadline; and" not in en and en.count("; and") == 1


def test_drafted_for_the_owner_the_talks_last_thirty_days(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(C.read_text(encoding="utf-8").replace("acting_for: suruga", "acting_for: vision"), encoding="utf-8")
    assert poc_standstill_talks_days(api.read_deal(path)) == 30
    assert "通知した日から30日以上" in _standstill(path, "ja")
    assert "for at least thirty (30) days after" in _standstill(path, "en")


def _undated_mou(tmp_path: Path) -> Path:
    """Deal C with its MOU's date left blank (filled in at signing); the PoC and the licence stay dated."""
    text = C.read_text(encoding="utf-8").replace("mou:\n  date: 2027-03-01\n", "mou:\n")
    assert text != C.read_text(encoding="utf-8")
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_undated_mou_runs_from_its_signing_until_past_the_dated_licence(tmp_path: Path) -> None:
    """"6か月間" from a blank date could end before the licence of 2028-07-01: it now reaches 60 days past it."""
    path = _undated_mou(tmp_path)
    ja = article_titled(shipped_markdown(path, "mou", "ja"), "有効期間")
    assert "か月間とする" not in ja
    assert ("本合意書は、その締結日から効力を生じ、その有効期間は、同日から6か月を経過する日又は第6条に定める実施許諾に関する契約が"
            "効力を生じる予定の日である令和10年7月1日から60日を経過する日のいずれか遅い日までとする。") in ja, ja
    en = article_titled(shipped_markdown(path, "mou", "en"), "Term")
    assert "shall take effect on the date of its execution and shall remain in force from that date until the later of " \
           "the day on which six (6) months have passed since that date and the day on which sixty (60) days have passed " \
           "since July 1, 2028, the day on which the licence agreement referred to in Article 6 is planned to take effect" in en, en
    sheet = api.render_review(api.read_deal(path), lang="ja").decode("utf-8")
    assert "基本合意書の有効期間（締結日から数えた月数が先に尽きても2028-08-30まで）" in " ".join(sheet.split())


@pytest.mark.parametrize("path", [E, F], ids=lambda p: p.stem)
def test_background_is_identified_by_one_rule_proposal_objection_and_the_schedule(path: Path) -> None:
    """Fifth reading A9: background named by one party's notice (definitions) beside a Schedule that changed
    only by agreement. Now the definition points at the Schedule, the Background article holds the one rule
    (proposal within 30 days, objection within 30 days, the Schedule as amended governs) and the Schedule's
    closing line cites that article and paragraph by computed numbers (seventh reading: a citation by subject
    alone left a lawyer to find the paragraph)."""
    lang = "en" if path == E else "ja"
    jda = shipped_markdown(path, "jda", lang)
    schedule = jda[jda.rindex("\n## "):]
    title = "Ownership of Background IP Rights" if lang == "en" else "背景知的財産権の帰属"
    paragraphs = re.findall(r"^\d+\. (.*)$", article_titled(jda, title), flags=re.M)
    proposal = next(i for i, text in enumerate(paragraphs, 1) if "propose in writing" in text or "書面により提案" in text)
    number = article_number(jda, title)
    cited = f"{number}({proposal})" if lang == "en" else f"{number}第{proposal}項"
    assert re.findall(r"Article \d+(?:\(\d+\))?|第\d+条(?:第\d+項)?", schedule) == [cited], schedule
    if lang == "en":
        assert "identifies in writing to" not in jda and "may be added to the Schedule only by the written agreement" not in jda
        assert re.search(r"“Background Information” means .* and that is listed in the Schedule, as information to be used "
                         r"for the Joint Research and Development, by the procedure of proposal and objection set out in "
                         rf"{re.escape(cited)};", jda)
        article = article_titled(jda, "Ownership of Background IP Rights")
        assert "propose in writing to the other Party that technical information of its own" in article
        assert "Unless a Party receiving the proposal objects to it in writing, giving its reasons, within thirty (30) days " \
               "of receiving it, that information shall be added to the Schedule on the expiry of that period" in article
        assert "Background Information and Background IP Rights shall be as listed in the Schedule as amended under this " \
               "paragraph." in article
        assert f"by the procedure of proposal and objection set out in {cited}, propose that technical information" in schedule
    else:
        assert "書面により他の当事者に対して特定したもの" not in jda and "書面による合意によって本別紙に追加することができる" not in jda
        assert re.search(r"「背景情報」とは、.*であって、本共同研究開発に用いるものとして、" + cited + r"に定める提案及び異議の手続により"
                         r"別紙2?に記載されたものをいう。", jda)  # 別紙2 beside a budget Schedule (shared costs)
        article = article_titled(jda, "背景知的財産権の帰属")
        assert re.search("30日以内に、本共同研究開発に用いる自己の技術情報を特定して、その別紙2?への追加を他の当事者に書面により提案することができる", article)
        assert "提案の受領の日から30日以内に、これを受けた当事者から理由を示した書面による異議が述べられないときは" in article
        assert "異議が述べられたときは、全ての当事者が書面により合意したときに限り追加される" in article
        assert f"{cited}に定める提案及び異議の手続により" in schedule and "本別紙への追加を提案することができ" in schedule


@pytest.mark.parametrize("path", [F, E], ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_contributor_may_have_its_background_know_how_taken_out_of_a_publication_whoever_owns_the_result(
        path: Path, lang: str) -> None:
    """Fifth reading, deal F: the startup assigns its joint results to the university, so it could ask to delete only
    'its' Confidential Information from a publication of results built on its algorithm, not its background know-how."""
    article = article_titled(shipped_markdown(path, "jda", lang), "成果の公表" if lang == "ja" else "Publication of Results")
    if lang == "ja":
        assert "公表の内容に含まれ、又は公表の内容から推知される自己の秘密情報及び自己の背景情報に含まれるノウハウの削除" \
               "（当該本成果に係る権利の有無を問わない。）" in article, article
        assert "及びその背景情報に含まれるノウハウ（いずれの当事者が権利を有する本成果に含まれるかを問わない。）は、" \
               "当該当事者の事前の書面による同意を得なければ、公表してはならない" in article
    else:
        assert "delete any of its Confidential Information, and any know-how in its Background Information, contained in " \
               "the publication or derivable from it, whether or not it holds any right in the Results concerned" in article
        assert "or know-how in its Background Information, whoever owns the Results in which it is contained, without the " \
               "prior written consent of that Party" in article
