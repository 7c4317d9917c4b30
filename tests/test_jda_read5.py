"""Findings of the fifth lawyer reading on the JDA's own articles, read back from the documents.

Deal E (``nagoya-kiyosu-toyokawa-en``): an SME and a large manufacturer (acting_for), each bearing its own
costs, results co-owned 50/50. Deal F (``fukuoka-univ-three-ja``): a university owning the joint results, an
SME funding 80 per cent and holding an exclusive field, and a startup (acting_for) funding 20 per cent and
assigning its share. Each test fails on the text before its fix.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEAL_E = ROOT / "tests" / "review_deals" / "nagoya-kiyosu-toyokawa-en.yaml"
DEAL_F = ROOT / "tests" / "review_deals" / "fukuoka-univ-three-ja.yaml"

TITLES = {
    "damages": ("損害賠償及び責任の制限", "Damages and Limitation of Liability"),
    "confidentiality": ("秘密保持", "Confidentiality"),
    "background": ("背景知的財産権の帰属", "Ownership of Background IP Rights"),
    "survival": ("存続条項", "Survival"),
    "joint": ("共同成果の帰属", "Ownership of Joint Results"),
    "outside": ("本分野外における実施等", "Practice outside the Field"),
    "costs": ("費用の負担", "Costs"),
    "publication": ("成果の公表", "Publication of Results"),
}


def jda_article(path, lang: str, key: str) -> str:
    """The body of the JDA article ``key`` of the deal at ``path`` in ``lang``."""
    ja, en = TITLES[key]
    return article_titled(shipped_markdown(path, "jda", lang), ja if lang == "ja" else en)


def paragraphs(body: str) -> list[str]:
    return [p for p in body.strip().split("\n\n") if p]


# --- 1. A cap is never nil by construction ------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_jda_where_each_bears_its_own_costs_has_no_nil_cap(lang: str) -> None:
    """Deal E: nothing passes between the parties, so 'the amounts paid and payable between the
    Parties' capped ordinary negligence at nil (Kiyosu's pilot cell ruining Toyokawa's Materials).
    Without a fixed figure there is no overall cap; direct loss only; injury is carved out."""
    damages = jda_article(DEAL_E, lang, "damages")
    if lang == "ja":
        assert "当事者間で既に支払われた金額" not in damages
        assert "損害賠償責任の総額" not in damages
        assert "前項の規定は、損害が次の各号のいずれかにより生じた場合には、適用しない。" in damages
        assert "人の生命又は身体の侵害" in damages
    else:
        assert "paid, and are payable, between the Parties" not in damages
        assert "total liability" not in damages
        assert "The preceding paragraph shall not apply where the damage is caused by any of the following:" in damages
        assert "the death of, or bodily injury to, any person" in damages


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_party_bearing_no_shared_costs_is_not_capped_at_nil(lang: str) -> None:
    """Deal F: the university bears 0 per cent of the Shared Costs, so a cap of 'what the Party paid
    and must pay' was nil for it. Since the seventh reading (deal H #7) each paying party is capped at
    its own payments, and a party bearing no share (twelfth reading) at what it has received; the cap never
    covers damage to tangible property (the Materials)."""
    damages = jda_article(DEAL_F, lang, "damages")
    cap = [p for p in paragraphs(damages) if ("総額は" in p if lang == "ja" else "total liability" in p)]
    assert len(cap) == 1, damages
    if lang == "ja":
        assert "（共同研究費を負担しない当事者については、同日までに当該当事者が本契約に基づき他の当事者から受けた金額及び同日において受けるべき金額の合計額）を上限とする" in cap[0]
        assert "いずれか多い額" not in cap[0]
        assert "ただし、有体物（本試料等を含む。）の損壊により生じた損害については、この限りでない。" in cap[0]
        assert "前二項の規定は" in damages and "人の生命又は身体の侵害" in damages
    else:
        assert "limited to the total of the amounts that the Party has paid under this Agreement up to the date" in cap[0]
        assert "or, for a Party that bears no share of the Shared Costs, to the total of the amounts that it has received from the other Parties under this Agreement" in cap[0]
        assert "the greater of" not in cap[0]
        assert "This limit shall not apply to liability for loss of or damage to tangible property (including the Materials)." in cap[0]


@pytest.mark.parametrize(("lang", "figure"), [("ja", "金10,000,000円を上限とする"), ("en", "limited to JPY 10,000,000.")])
def test_a_fixed_cap_carries_no_tax_words_and_spares_property(tmp_path, lang: str, figure: str) -> None:
    from oidocs import api

    deal = tmp_path / "deal.yaml"
    deal.write_text(DEAL_E.read_text(encoding="utf-8").replace("jda:\n", "jda:\n  liability_cap: 10000000\n", 1),
                    encoding="utf-8")
    damages = article_titled(api.render_document(api.read_deal(deal), "jda", lang=lang, fmt="md").decode("utf-8"),
                             TITLES["damages"][0 if lang == "ja" else 1])
    assert figure in damages
    assert ("有体物" if lang == "ja" else "tangible property") in damages


@pytest.mark.parametrize(("acting", "listed"), [("kiyosu", True), ("toyokawa", False)])
def test_the_sheet_tells_an_sme_that_its_jda_liability_has_no_cap(tmp_path, acting: str, listed: bool) -> None:
    """Drafted for the SME, the sheet says its JDA liability has no overall cap and how to get one;
    drafted for the large manufacturer it does not (the missing cap does not work against it)."""
    from oidocs import api

    deal = tmp_path / "deal.yaml"
    deal.write_text(DEAL_E.read_text(encoding="utf-8").replace("acting_for: toyokawa", f"acting_for: {acting}"),
                    encoding="utf-8")
    sheet = api.render_review(api.read_deal(deal), lang="en").decode("utf-8")
    assert ("your liability under the JDA has no overall cap" in sheet) is listed


# --- 2. A have-made right the maker can use -------------------------------------------------------

@pytest.mark.parametrize(("path", "lang"), [(DEAL_E, "en"), (DEAL_E, "ja"), (DEAL_F, "ja"), (DEAL_F, "en")])
def test_a_maker_the_ip_articles_allow_may_be_shown_what_it_needs(path, lang: str) -> None:
    """Deal E: a co-owner may have a second-source shop make products for it (Art 12(1)), but co-owned
    Results are confidential (18(6)) and the shop was not among those who may receive them (18(2)).
    The maker is now listed, bound in writing and told only what its work needs."""
    conf = paragraphs(jda_article(path, lang, "confidentiality"))
    carve_outs = conf[1]
    if lang == "ja":
        assert "本成果の実施において第三者に製造させ、又は役務を提供させることができる場合の当該第三者" in carve_outs
        assert "その業務のために知る必要があるものに限り" in carve_outs and "書面により課した者に限る" in carve_outs
    else:
        assert "third parties that make products or perform services for the Party where this Agreement allows" in carve_outs
        assert "only so far as they need to know it for that work" in carve_outs and "in writing" in carve_outs


# --- 3. The background licence duty, bounded --------------------------------------------------------

@pytest.mark.parametrize(("path", "lang"), [(DEAL_E, "en"), (DEAL_E, "ja"), (DEAL_F, "ja"), (DEAL_F, "en")])
def test_the_background_licence_duty_is_bounded_and_respects_earlier_exclusive_licences(path, lang: str) -> None:
    """Art 7(3) forced a licence of a party's background IP 'to practise those Results' for any product
    and let no licence to another stand in its way. Now: only what practising the Results themselves
    needs, within the theme, with the have-made right the licensee has, and a good reason to refuse
    where an exclusive licence granted before the request would be breached."""
    body = paragraphs(jda_article(path, lang, "background"))
    duty = [p for p in body if ("正当な理由なく" in p if lang == "ja" else "without good reason" in p)]
    assert len(duty) == 1, body
    if lang == "ja":
        assert "テーマの範囲内で当該本成果そのものを実施するために必要な範囲に限られ" in duty[0]
        assert "第三者に製造させ、又は役務を提供させることを含む" in duty[0]
        assert "求めを受ける前に他の者に与えた独占的な実施許諾に反することとなる限度で、許諾を拒む正当な理由を有する" in duty[0]
        assert "両者" not in duty[0]
        assert "本契約の締結後に他の者に与えた実施許諾は、本項による許諾を妨げない" not in duty[0]
    else:
        assert "limited to what is necessary to practise those Results themselves within the scope of the theme" in duty[0]
        assert "shall include having third parties make products or perform services for the licensee" in duty[0]
        assert "would breach an exclusive licence that it granted to another person before it received the request" in duty[0]
        assert "No licence granted to any other person after the execution" not in duty[0]


# --- 4. Joint results the owner holds alone stay under the publication procedure -------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_joint_results_owned_by_the_university_stay_under_the_publication_procedure(lang: str) -> None:
    """Deal F: every Joint Result is the university's alone, so one year after the JDA it could publish
    all of them, the startup's contributions included, without notice. The procedure now keeps applying
    to Joint Results until they are published or filed, two years after the JDA at most (read6 D4: not for
    the life of the patents), and any consent needed to publish know-how lasts while it is not public."""
    conf = jda_article(DEAL_F, lang, "confidentiality")
    line = [l for l in jda_article(DEAL_F, lang, "survival").splitlines() if ("第19条の規定：" in l or "Article 19: " in l)]
    assert len(line) == 1
    if lang == "ja":
        assert "共同成果（甲が単独で権利を有するものであっても、他の当事者がその創出に寄与したもの）の公表には、第25条に定めるところにより、引き続き第19条の規定を適用する" in conf
        assert "当事者が自ら権利を有する共同成果の公表に関する部分は、当該共同成果が公表され、又はこれに係る知的財産権の出願がされるまでの間（本契約の終了の日から2年を超えない。）" in line[0]
        assert "同条のうちノウハウの公表に他のいずれかの当事者の同意を要する旨の部分は、当該ノウハウが公知となるまでの間とする" in line[0]
    else:
        assert "continues to apply to the publication of Joint Results (which Party A owns alone but another Party contributed to creating)" in conf
        assert "the provisions on a Party's publishing Joint Results that it owns itself survive until those Joint Results have been published".replace("'", "’") in line[0]


# --- 5. Every contributor hears of a filing, and may object -------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_owner_tells_every_contributor_before_filing_and_each_may_object(lang: str) -> None:
    """Deal F: the university told only the SME before filing a Joint Result, so the startup could see
    its information filed unannounced. Every contributing party is now told 30 days ahead and may
    object within 14 days, as for a Sole Invention."""
    filing = paragraphs(jda_article(DEAL_F, lang, "joint"))[1]
    if lang == "ja":
        assert "出願予定日の30日前までに" in filing
        assert "出願の内容を乙及び当該共同成果の創出に寄与した他の当事者に書面で通知し、その意見を合理的に考慮する" in filing
        assert "通知を受けた日から14日以内に、当該情報を特定して書面により異議を述べることができ" in filing
    else:
        assert "Party A shall notify Party B and each other Party that contributed to creating the Joint Results concerned" in filing
        assert "it may object in writing, identifying that information, within fourteen (14) days of receiving the notice" in filing


# --- 6. An assigning startup shares in what the owner earns --------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_assigning_startup_acted_for_shares_in_the_owners_licence_income(lang: str) -> None:
    """Deal F, drafted for the startup: it assigns its share of every joint result to the university
    and its free licence reaches the Field only after the Exclusive Period, so inside its own market it
    got nothing back. It now receives a share of the owner's income from each right it contributed to,
    in proportion to its contribution (confirmed with the category, or by its share of the inventors)."""
    outside = jda_article(DEAL_F, lang, "outside")
    if lang == "ja":
        assert "甲は、前項の譲渡の対価として、更に、丙がその創出に寄与した共同成果に係る対象知的財産権ごとに" in outside
        assert "当該共同成果の創出への丙の寄与の割合に応じた額を、丙に支払う" in outside
        assert "発明者その他の創作者として表示された者の総数に占める丙に属する者の数の割合" in outside
        assert "60日以内に、その計算書を添えて支払い" in outside
    else:
        assert "Party A shall pay Party C, for each of the Subject IP Rights arising from Joint Results to whose creation Party C contributed" in outside
        assert "proportionate to the contribution of Party C to creating those Joint Results" in outside
    from oidocs import api

    sheet = api.render_review(api.read_deal(DEAL_F), lang=lang).decode("utf-8")
    assert ("寄与の割合に応じた額を受け取る" if lang == "ja" else "in proportion to your contribution") in sheet


def test_an_assigning_party_not_acted_for_gets_no_income_share(tmp_path) -> None:
    from oidocs import api

    deal = tmp_path / "deal.yaml"
    deal.write_text(DEAL_F.read_text(encoding="utf-8").replace("acting_for: qbit", "acting_for: hakata"), encoding="utf-8")
    outside = article_titled(api.render_document(api.read_deal(deal), "jda", lang="ja", fmt="md").decode("utf-8"),
                             TITLES["outside"][0])
    assert "寄与の割合に応じた額" not in outside


@pytest.mark.parametrize("price", ["royalty_free: true", "royalty: {rate_percent: 3}"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_income_share_builds_when_the_jda_itself_grants_the_exclusive_right(tmp_path, lang: str, price: str) -> None:
    """Deal F drafted for the startup, with the JDA granting the exclusive right itself (free, or for a
    royalty): no licence agreement is then contemplated, so the income share may not count what the owner
    receives 'under the Licence Agreement' (the pack stopped: the term was used but never defined); with
    a royalty it counts the consideration the JDA's own article provides."""
    from oidocs import api

    text = DEAL_F.read_text(encoding="utf-8")
    field = "  exclusive_field:\n"
    assert field in text
    deal = tmp_path / "deal.yaml"
    deal.write_text(text.replace(field, f"{field}    {price}\n", 1), encoding="utf-8")
    md = api.render_document(api.read_deal(deal), "jda", lang=lang, fmt="md").decode("utf-8")
    outside = article_titled(md, TITLES["outside"][0 if lang == "ja" else 1])
    share = next(p for p in paragraphs(outside) if ("寄与の割合に応じた額" if lang == "ja" else "contributed, a share") in p)
    assert ("ライセンス契約" not in share and "本実施許諾契約" not in share) if lang == "ja" else "Licence Agreement" not in share
    if "royalty:" in price:
        consideration = re.search(r"^## (?:第(\d+)条（実施の対価）|Article (\d+) \(Consideration for the Licence\))", md, flags=re.M)
        assert consideration, md[:300]
        number = consideration.group(1) or consideration.group(2)
        assert (f"第{number}条に基づくものを含む" if lang == "ja" else f"under Article {number})") in share


# --- 8. Wording that fits three parties ----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_only_other_party_is_named_not_described(lang: str) -> None:
    """Deal F 13(3): 「甲及び乙以外の当事者」 / 'any Party other than Party A and Party B' where only 丙 is meant."""
    outside = jda_article(DEAL_F, lang, "outside")
    if lang == "ja":
        assert "甲及び乙以外の当事者" not in outside
        assert "丙が対象知的財産権を次項に定める場合以外に実施しようとするときは" in outside
    else:
        assert "other than Party A and Party B" not in outside
        assert "If Party C wishes to practise the Subject IP Rights" in outside


# --- 7. The licence does not assert what the deal does not say ---------------------------------------

def licence_article(path, lang: str, ja: str, en: str) -> str:
    return article_titled(shipped_markdown(path, "licence", lang), ja if lang == "ja" else en)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_licence_does_not_deny_that_its_rights_may_be_jda_results(lang: str) -> None:
    """Deal F: the licence said it licensed no JDA result, though 特願2028-012345 was filed mid-research
    on the JDA's theme. So far as a licensed right is a result, the licence is now the JDA's licence
    agreement for the field, exclusive only while the JDA keeps the field exclusive, and the rights the
    JDA gives the startup (and the SME) are untouched; the parties confirm which rights are results."""
    rel = licence_article(DEAL_F, lang, "共同研究開発契約との関係", "Relation to the Joint Research and Development Agreement")
    if lang == "ja":
        assert "成果に係る知的財産権の実施を許諾するものではなく" not in rel
        assert "に基づく共同研究開発の成果に係る知的財産権に当たるものについては、本契約は、本分野かつ本地域において、本共同研究開発契約が定める、当該成果を一定の分野において独占的に実施する権利の実施許諾契約とし" in rel
        assert "独占的である間（遅くとも2032年10月31日まで）に限り独占的なものとし、その後は非独占的なものとする" in rel
        assert "株式会社キュービットセンシング又は乙に本契約によらずに与える当該成果についての実施権その他の権利" in rel
        assert "いずれが当該成果に当たるかを書面により確認する" in rel
    else:
        assert "licenses no intellectual property rights in the results" not in rel
        assert "this Agreement is, in the Field within the Territory, the licence agreement for an exclusive right" in rel
        assert "(until October 31, 2032 at the latest), and non-exclusive after that" in rel
        assert "confirm in writing which of the Licensed Rights are such results" in rel


# --- 8. The licence names every party to the JDA it relies on -----------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_licence_describes_the_three_party_jda_with_all_its_parties(lang: str) -> None:
    """Deal F licence 第2条4項 and 第7条: 「甲及び乙が当事者である…共同研究開発契約」 misdescribed a
    three-party JDA. The party that does not sign the licence is named."""
    text = shipped_markdown(DEAL_F, "licence", lang)
    if lang == "ja":
        assert "甲及び乙が当事者である" not in text
        assert text.count("甲、乙及び株式会社キュービットセンシングが当事者である2027年10月20日付けの共同研究開発契約") >= 2
    else:
        assert "to which both Party A and Party B are parties" not in text and "to which Party A and Party B are parties" not in text
        assert text.count("dated October 20, 2027 to which Party A, Party B and 株式会社キュービットセンシング are parties") >= 2


# --- 9. Shared costs that fund a university: payee, timing, indirect costs, refund ----------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_shared_costs_say_whom_to_pay_when_with_indirect_costs_and_what_comes_back(lang: str) -> None:
    """Deal F 第5条 gave shares only (甲 0 / 乙 80 / 丙 20): no payee, no timing, no 間接経費, no refund,
    so the startup's 20 per cent was open-ended. The university's budgeted costs and its indirect costs
    are now paid to it by 乙 and 丙 in proportion, on its invoice, and unspent funds come back (read9 #1:
    in advance by half year, the indirect costs a rate within the budget)."""
    costs = jda_article(DEAL_F, lang, "costs")
    if lang == "ja":
        assert "甲の分担業務に係る共同研究費（間接経費を含む。以下本項において同じ。）は、乙及び丙が、各自の負担割合に相当する額を" in costs
        assert "甲の請求書を受領した日から30日以内に甲に前払する" in costs
        assert "前払をした各当事者に対し、その前払額のうち、甲の分担業務に係る現に支出された共同研究費にその負担割合を乗じた額を超える部分を返還する" in costs
    else:
        assert "Party B and Party C shall each pay to Party A in advance its share of the Shared Costs of the tasks of Party A" in costs
        assert "the indirect costs of Party A calculated on such costs of its own tasks at the rate that the budget states under its rules" in costs
        assert "refund to each Party that paid them the part of its advances that exceeds its share" in costs


def test_costs_each_party_bears_have_no_payment_mechanics() -> None:
    costs = jda_article(DEAL_E, "en", "costs")
    assert "invoice" not in costs and "indirect costs" not in costs


# --- Report A10: co-owned know-how ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_co_owned_know_how_is_published_only_with_the_other_co_owners_consent(lang: str) -> None:
    """Deal E: either co-owner could publish co-owned Results after 60 days' notice, and the other could
    only ask to delete 'its' Confidential Information, unclear for co-owned process know-how. Know-how
    in co-owned Results now needs the other co-owner's consent."""
    first = paragraphs(jda_article(DEAL_E, lang, "publication"))[0]
    assert ("共有に係る本成果に含まれるノウハウは、他の共有者の事前の書面による同意を得なければ、公表してはならない" if lang == "ja"
            else "Know-how forming part of co-owned Results may be published only with the prior written consent of the other co-owner") in first
