"""Twelfth round of lawyer findings on the background IP and co-owned-results licensing Articles
(read10 report-a fixes 4, 5 and 7, report-b fix 2; read11 report-two 'JDA Art 8(3)', report-three JDA 3, 5, 6).

1. The duty to license Background IP Rights for practising the Results (ip.background_ip) lasted as long as
   the right and reached any use: requests are now limited to the Research Period and three years after it,
   the licence to the requesting party's own practice (no sublicence), and having a third party make products
   of the kind the holder makes with that background only within the first-offer period and procedure of the
   practice Article, or with the holder's consent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed, shipped_markdown

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"    # large company, university, SME (first offer)
ACME = ROOT / "examples" / "acme-nano-ja.yaml"                            # SME and startup: no first offer
MINATO = ROOT / "examples" / "minato-rhein-bilingual.yaml"       # SME and large company, two parties
BACKGROUND = {"ja": "背景知的財産権の帰属", "en": "Ownership of Background IP Rights"}


def background(deal: object, lang: str) -> str:
    return article_titled(shipped_markdown(deal, "jda", lang), BACKGROUND[lang])  # type: ignore[arg-type]


@pytest.mark.parametrize(("deal", "lang", "window", "own", "have_made"), [
    (DEAL_J, "ja", "研究期間中及びその末日（本契約がその前に終了したときは、その終了の日）の翌日から起算して3年以内にされた書面による求めに応じ",
     "求めをした当事者が自ら当該本成果を実施するためのものであって、再実施を許諾する権利を含まず",
     "同種の製品を第三者に製造させることは、第13条により実施権者が当該当事者にその製造を申し出なければならない期間内にその定めに従ってするとき、又は当該当事者が書面により同意したときに限り、含まれる"),
    (DEAL_J, "en", "upon its written request made during the Research Period or within three (3) years after the day following its last day",
     "The licence shall be for the requesting Party’s own practice of those Results, with no right to grant sublicences",
     "is included only when done within the period in which, and in accordance with the procedure by which, Article 13 requires the licensee to offer that manufacture to that Party first, or with that Party’s written consent"),
    (MINATO, "en", "upon its written request made during the Research Period or within three (3) years after",
     "with no right to grant sublicences", "Article 12 requires the licensee to offer that manufacture to that Party first, or with that Party’s written consent"),
    (ACME, "ja", "研究期間中及びその末日（本契約がその前に終了したときは、その終了の日）の翌日から起算して3年以内にされた書面による求め",
     "再実施を許諾する権利を含まず", "同種の製品を第三者に製造させることは、当該当事者が書面により同意したときに限り、含まれる"),
])
def test_the_background_licence_is_requested_in_a_window_for_own_use_and_the_holders_products(
        deal: object, lang: str, window: str, own: str, have_made: str) -> None:
    text = background(deal, lang)
    assert window in text and own in text and have_made in text


# 3. The university's licence after non-practice (ip.joint_filing.licensing).
LICENSING = {"ja": "第三者への実施許諾及び持分の譲渡", "en": "Licensing to Third Parties and Transfer of Shares"}
KANSAI = ROOT / "tests" / "fixtures" / "kansai-consortium-ja.yaml"     # drafted for the university, three parties
HOKKAI = ROOT / "tests" / "fixtures" / "hokkai-sme-univ-ja.yaml"       # drafted for the SME, university and SME


def licensing(deal: object, lang: str) -> str:
    return article_titled(shipped_markdown(deal, "jda", lang), LICENSING[lang])  # type: ignore[arg-type]


@pytest.mark.parametrize(("deal", "lang", "shared"), [
    (DEAL_J, "ja", "許諾により得た実施料その他の対価は、許諾に直接要した合理的な費用を控除し、第12条に定める費用の償還に充てた後、各共有者の持分の割合に応じて分配するものとし、当該大学等である共有者は、他の共有者に帰属する額を、その受領の日から60日以内に支払い"),
    (DEAL_J, "en", "after deduction of the reasonable costs directly incurred in granting it and the reimbursement of costs provided for in Article 12, be shared among the co-owners in proportion to their shares"),
    (HOKKAI, "en", "after deduction of the reasonable costs directly incurred in granting it and the reimbursement of costs provided for in Article 11, be shared between the co-owners in proportion to their shares"),
])
def test_income_from_the_universitys_licence_after_non_practice_is_shared_by_shares(deal: object, lang: str, shared: str) -> None:
    text = licensing(deal, lang)
    assert shared in text
    assert "当該大学等である共有者に帰属する。" not in text and "belong to it." not in text


@pytest.mark.parametrize(("lang", "keeps", "plan"), [
    ("ja", "許諾により得た対価は、第11条に定める費用の償還に充てた後、当該大学等である共有者に帰属する。", "当該通知が到達した日から起算して1年以内の時期に限る。"),
    ("en", "The consideration received for the licence shall, after the reimbursement of costs provided for in Article 11, belong to it.", "(no later than one (1) year after the notice arrives)"),
])
def test_drafted_for_the_university_it_keeps_the_income_and_plans_run_a_year(lang: str, keeps: str, plan: str) -> None:
    text = licensing(KANSAI, lang)
    assert keeps in text and plan in text
    assert "持分の割合に応じて分配" not in text and "in proportion to their shares;" not in text


@pytest.mark.parametrize(("deal", "lang", "plan", "limits"), [
    (DEAL_J, "ja", "他の共有者が、当該期間内に、当該共有知的財産権の実施の内容及び実施を開始する予定の時期（当該通知が到達した日から起算して2年以内の時期に限る。）を記載した書面による計画を他の全ての共有者に示し、その計画に従って実施の準備をしているときは、その予定の時期が経過するまでの間、実施しないことについての正当な理由があるものとする。",
     "同一の共有知的財産権について一度示された計画の予定の時期が経過した後は、新たな計画を示しても、正当な理由があるものとはされない"),
    (DEAL_J, "en", "A co-owner has good reason not to practise them until the planned start of practice has passed if, within that period, it shows all the other co-owners a written plan stating how it will practise those Jointly Owned IP Rights and when it plans to begin (no later than two (2) years after the notice arrives)",
     "once the planned start shown in one plan for the same Jointly Owned IP Rights has passed, showing a new plan is not a good reason either"),
])
def test_preparation_under_a_written_plan_stops_the_clock_once(deal: object, lang: str, plan: str, limits: str) -> None:
    text = licensing(deal, lang)
    assert plan in text and limits in text
    assert "実施の準備をしていることのみでは、正当な理由に当たらない" not in text
    assert "preparing to practise them is not on its own a good reason" not in text


@pytest.mark.parametrize(("deal", "lang", "offer", "elect", "after"), [
    (DEAL_J, "ja", "前項の規定により第三者に許諾をする前に、許諾の相手方の事業の分野、許諾の範囲及び条件（実施料その他の対価を含む。）を書面により他の共有者に示す。",
     "他の共有者のいずれも、その受領の日から30日以内に書面により申し出て、当該第三者に代えて",
     "申出の日から60日以内に契約が成立しなかったときに限り、その後1年以内に、示した条件より当該第三者に有利でない条件で、許諾をすることができる"),
    (HOKKAI, "ja", "許諾の相手方の事業の分野、許諾の範囲及び条件（実施料その他の対価を含む。）を書面により他の共有者に示す。",
     "他の共有者は、その受領の日から30日以内に書面により申し出て", "申出をした共有者との間で当該契約の締結について誠実に協議し、当該第三者に許諾してはならない"),
    (DEAL_J, "en", "shall show the other co-owners in writing the field of business of the licensee, the scope of the licence and its terms",
     "any other co-owner may, by written notice, elect to enter, in place of that third party, into an agreement",
     "the electing co-owner (or, if more than one elects, the one of them it chooses) and shall not grant that licence"),
])
def test_the_other_co_owners_have_a_first_refusal_before_the_university_licenses(
        deal: object, lang: str, offer: str, elect: str, after: str) -> None:
    text = licensing(deal, lang)
    assert offer in text and elect in text and after in text


@pytest.mark.parametrize(("lang", "clock"), [
    ("ja", "- （1）特許権その他の設定の登録を要する権利：当該共有知的財産権の設定の登録の日又はその出願の日から起算して3年を経過した日のいずれか早い日"),
    ("en", "- (a) for patent rights and other rights that require registration: the earlier of the day on which the Jointly Owned IP Rights concerned are registered and the day on which three (3) years have passed since their filing date"),
])
def test_the_waiting_period_runs_from_registration_capped_at_three_years_after_filing(lang: str, clock: str) -> None:
    text = licensing(DEAL_J, lang)
    assert clock in text
    assert "いずれか早い日（その日が当該共有知的財産権の出願の日より前であるときは、出願の日）" not in text


@pytest.mark.parametrize(("lang", "says"), [
    ("ja", "同意なく非独占的に許諾できるのは、他の共有者のいずれも、設定の登録の日（出願から3年を経過した日が先に来るときはその日。著作権等は研究期間の終了の翌日）から3年間実施せず"),
    ("en", "may grant a non-exclusive licence without it only when none of them has practised for three years from registration (or from three years after filing, if that comes first"),
])
def test_the_universitys_sheet_describes_the_licence_after_non_practice_as_drafted(lang: str, says: str, tmp_path: Path) -> None:
    from oidocs import api

    deal = deal_changed(KANSAI, tmp_path, ip__joint_filing__non_practice_compensation=False)
    sheet = api.render_review(deal, lang=lang).decode("utf-8")
    assert says in sheet
    assert "出願から3年間実施しない場合に限り同意を不合理に拒めない" not in sheet and "three years from filing" not in sheet


# 2. The Schedule of Background IP Rights when a party, or every party, lists nothing (jda.background_schedule).
TWO_EN = ROOT / "tests" / "fixtures" / "seq-onedate-en.yaml"    # two companies, English, nothing listed


def schedule(deal: object, lang: str) -> str:
    md = shipped_markdown(deal, "jda", lang)  # type: ignore[arg-type]
    return md[md.index("背景知的財産権一覧）" if lang == "ja" else "(Background IP Rights)"):]


@pytest.mark.parametrize(("lang", "rows", "says"), [
    ("ja", ["| 甲 | 締結時点で記載なし | — | — |", "| 丙 | 締結時点で記載なし | — | — |"],
     ["本契約の締結時点における各当事者の背景知的財産権は、次のとおりとする。",
      "甲及び丙は、本契約の締結時点において、本別紙に背景知的財産権を記載していない。各当事者は、第8条第5項に定める提案及び異議の手続により、本共同研究開発の開始日",
      "から30日以内に、自己の技術情報の本別紙への追加を提案することができ"]),
    ("en", ["| Party A | Not listed at signing | — | — |", "| Party C | Not listed at signing | — | — |"],
     ["No Background IP Rights of Party A and Party C are listed in this Schedule at the execution of this Agreement.",
      "Each Party may, by the procedure of proposal and objection set out in Article 8(5), propose that technical information of its own be added to this Schedule within thirty (30) days of the day on which the Joint Research and Development begins"]),
])
def test_an_empty_row_is_stated_with_the_way_to_add_to_it(lang: str, rows: list[str], says: list[str]) -> None:
    text = schedule(DEAL_J, lang)
    for words in rows + says:
        assert words in text, words
    assert "締結時点でなし" not in text and "Nothing at signing" not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_schedule_listing_nothing_says_so_before_its_table(lang: str) -> None:
    text = schedule(TWO_EN, lang)
    head = text.split("|", 1)[0]
    if lang == "ja":
        assert "本契約の締結時点において、いずれの当事者も、本別紙に背景知的財産権を記載していない。" in head
        assert "次のとおりとする" not in head
        assert "本別紙への追加を提案することができ" in text
    else:
        assert "At the execution of this Agreement, neither Party lists any Background IP Rights in this Schedule." in head
        assert "are as follows" not in head
        assert "propose that technical information of its own be added to this Schedule within thirty (30) days" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_still_sees_the_empty_schedule(lang: str) -> None:
    from oidocs import api

    sheet = api.render_review(api.read_deal(TWO_EN), lang=lang).decode("utf-8")
    assert ("背景知的財産権の別紙に何も記載されていない" if lang == "ja" else "The Schedule of Background IP Rights lists nothing") in sheet


@pytest.mark.parametrize(("lang", "row"), [
    ("ja", "2033-03-31,共同研究開発契約書,第8条,成果の実施に必要な他の当事者の背景知的財産権の実施許諾を求めることができる期間の末日,研究期間中及びその末日の翌日から3年以内"),
    ("en", "2033-03-31,Joint Research and Development Agreement,Article 8,Last day to request a licence of another party's Background IP Rights needed to practise the Results,\"during the research period and within 3 years after its last day"),
])
def test_the_register_dates_the_end_of_the_background_licence_window(lang: str, row: str, tmp_path: Path) -> None:
    from conftest import run

    result = run("pack", "--config", DEAL_J, "--out", tmp_path, "--format", "md", "--lang", lang)
    assert result.exit_code == 0, result.output
    csv = next(tmp_path.glob("*-deadlines.csv")).read_text(encoding="utf-8")
    assert row in csv, [line for line in csv.splitlines() if "2033" in line]
