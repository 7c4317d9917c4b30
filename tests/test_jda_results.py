"""The JDA's results, damages, background IP and survival as a second lawyer's reading asks
(lawyer-reading-2, sections 2-6). Each test reads a rendered agreement back and fails on the text
before the fix."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, article_titled, shipped_markdown

ACME = ROOT / "examples" / "acme-nano-ja.yaml"      # two companies, joint filing
HOKKAI = ROOT / "examples" / "hokkai-univ-ja.yaml"  # three parties with a university, background licence

T = {
    "ja": {"conf": "秘密保持", "pub": "成果の公表", "survival": "存続条項"},
    "en": {"conf": "Confidentiality", "pub": "Publication of Results", "survival": "Survival"},
}


def _article(path, lang: str, key: str) -> str:
    return article_titled(shipped_markdown(path, "jda", lang), T[lang][key])


@pytest.mark.parametrize(("lang", "deemed", "old"), [
    ("ja", "これに係る知的財産権を有する当事者（共有に係るものについては、その全ての共有者）の秘密情報とみなして", "秘密情報に当たらず"),
    ("en", "shall be deemed Confidential Information of the Party that holds the Intellectual Property Rights in them",
     "are not Confidential Information"),
])
def test_unpublished_results_are_confidential_to_their_owners(lang: str, deemed: str, old: str) -> None:
    """Results outside confidentiality let a party without rights hand the others' unfiled
    know-how to a third party under its own NDA."""
    conf = _article(ACME, lang, "conf")
    assert deemed in conf
    assert old not in conf


@pytest.mark.parametrize(("lang", "own_only", "consent"), [
    ("ja", "自己が権利（共有持分を含む。）を有する本成果に限り", "当該当事者の事前の書面による同意を得なければ、公表してはならない"),
    ("en", "may publish only Results that it owns or co-owns", "without the prior written consent of that Party"),
])
def test_a_party_publishes_only_results_it_owns_or_co_owns(lang: str, own_only: str, consent: str) -> None:
    for path in (ACME, HOKKAI):
        pub = _article(path, lang, "pub")
        assert own_only in pub
        assert consent in pub
        assert ("ノウハウを含む" if lang == "ja" else "(including know-how)") in pub


@pytest.mark.parametrize(("lang", "ceiling"), [
    ("ja", "公表予定日から90日を超えない期間に限る"),
    ("en", "shall not extend beyond ninety (90) days after the planned date of publication"),
])
def test_the_delay_for_filing_has_a_ceiling(lang: str, ceiling: str) -> None:
    assert ceiling in _article(ACME, lang, "pub")


@pytest.mark.parametrize(("lang", "not_publication", "old"), [
    ("ja", "投資家、金融機関、顧問その他の助言者又は顧客に対する開示は、公表に当たらない", "投資家若しくは顧客に対する説明"),
    ("en", "advisers or customers made after imposing on them in writing duties of confidentiality",
     "presentations to investors or customers"),
])
def test_nda_bound_talks_with_investors_and_customers_are_not_publication(lang: str, not_publication: str,
                                                                          old: str) -> None:
    pub = _article(ACME, lang, "pub")
    assert not_publication in pub
    assert old not in pub
    # and the confidentiality article lets the owner show its own results to them
    assert ("実施許諾の相手方の候補者" if lang == "ja" else "prospective licensees") in _article(ACME, lang, "conf")


@pytest.mark.parametrize(("lang", "closed"), [("ja", "非公開で行わせることができる"), ("en", "examined in a closed session")])
def test_theses_can_be_examined_in_closed_session_only_with_a_university(lang: str, closed: str) -> None:
    assert closed in _article(HOKKAI, lang, "pub")
    assert closed not in _article(ACME, lang, "pub")


@pytest.mark.parametrize(("lang", "pub_period", "forever", "no_right"), [
    ("ja", "の規定：本契約の終了の日から1年間", "期間の定めなく", "解除する権利を除く"),
    ("en", ": for one (1) year after the end of this Agreement", "without limit of time", "not any right to terminate"),
])
def test_survival_names_parts_and_periods(lang: str, pub_period: str, forever: str, no_right: str) -> None:
    """Publication duties do not survive for years; no right to terminate and no duty to disclose
    information or provide materials survives without limit of time."""
    text = shipped_markdown(HOKKAI, "jda", lang)
    survival = article_titled(text, T[lang]["survival"])
    pub_no = re.search(r"^## (?:第(\d+)条（成果の公表）|Article (\d+) \(Publication of Results\))$", text, re.M)
    assert pub_no
    cited = f"第{pub_no.group(1)}条" if lang == "ja" else f"Article {pub_no.group(2)}"
    assert re.search(re.escape(cited) + r"[^\n]*" + re.escape(pub_period), survival), survival
    forever_items = [line for line in survival.splitlines() if forever in line]
    assert len(forever_items) == 1
    term_no = re.search(r"^## (?:第(\d+)条（解除等）|Article (\d+) \(Termination\))$", text, re.M)
    assert term_no
    cited_term = f"第{term_no.group(1)}条" if lang == "ja" else f"Article {term_no.group(2)}"
    assert cited_term + ("（解除又は終了の効果" if lang == "ja" else " (only as regards the effects") in forever_items[0]
    assert no_right in forever_items[0]
    disclosure = "情報を開示し、又は本試料等を提供する義務を除く" if lang == "ja" else "not any duty to disclose information"
    assert disclosure in survival


# --- Damages (lawyer-reading-2 §3) ----------------------------------------------------------

BIGCO = ROOT / "examples" / "bigco-smallworks-en.yaml"  # exclusive right in a field, shared costs, non-compete
DAMAGES = {"ja": "損害賠償及び責任の制限", "en": "Damages and Limitation of Liability"}


@pytest.mark.parametrize(("lang", "ip_breach", "misuse"), [
    ("ja", "本成果に係る権利の帰属若しくは譲渡（第9条及び第10条）又は共有に係る権利の第三者への実施許諾（第13条）に関する定めの違反",
     "本契約が認める範囲を超えて相手方の背景知的財産権、本成果に係る知的財産権又は秘密情報を実施し、又は使用したこと"),
    ("en", "a breach of the provisions on the ownership or assignment of rights in the Results (Article 9 and Article 10) or on licensing co-owned rights to third parties (Article 13)",
     "Confidential Information of the other Party beyond what this Agreement allows"),
])
def test_carve_outs_reach_ip_publication_and_misuse(lang: str, ip_breach: str, misuse: str) -> None:
    """Without these carve-outs, lost profits from a breach of ownership or exclusivity are excluded
    and capped: the IP articles would have no teeth."""
    text = shipped_markdown(ACME, "jda", lang)
    damages = article_titled(text, DAMAGES[lang])
    assert ip_breach in damages
    assert misuse in damages
    pub = re.search(r"^## (?:第(\d+)条（成果の公表）|Article (\d+) \(Publication of Results\))$", text, re.M)
    assert pub
    assert (f"第{pub.group(1)}条の違反" if lang == "ja" else f"Article {pub.group(2)};") in damages


@pytest.mark.parametrize(("lang", "exclusive"), [("ja", "独占的な実施"), ("en", "on exclusive practice")])
def test_carve_outs_name_exclusivity_where_the_deal_has_it(lang: str, exclusive: str) -> None:
    assert exclusive in article_titled(shipped_markdown(BIGCO, "jda", lang), DAMAGES[lang])
    assert exclusive not in article_titled(shipped_markdown(ACME, "jda", lang), DAMAGES[lang])


@pytest.mark.parametrize(("lang", "one_date", "unworkable"), [
    ("ja", "損害の原因となった事由が生じた日までに当該当事者が本契約に基づき支払った金額及び同日において支払うべき金額", "負担し、又は支払うべき金額"),
    ("en", "the amounts that the Party has paid under this Agreement up to the date on which the event that caused the damage occurred and is obliged to pay under it as at that date (including the Shared Costs it has paid",
     "has yet to bear"),
])
def test_shared_cost_cap_is_paid_and_payable_on_one_date(lang: str, one_date: str, unworkable: str) -> None:
    damages = article_titled(shipped_markdown(HOKKAI, "jda", lang), DAMAGES[lang])
    assert one_date in damages
    assert unworkable not in damages


@pytest.mark.parametrize(("lang", "figure"), [("ja", "金10,000,000円"), ("en", "JPY 10,000,000")])
def test_a_fixed_cap_from_the_deal(tmp_path, lang: str, figure: str) -> None:
    from oidocs import api

    deal = tmp_path / "deal.yaml"
    deal.write_text(ACME.read_text(encoding="utf-8").replace("jda:\n", "jda:\n  liability_cap: 10000000\n", 1), encoding="utf-8")
    text = api.render_document(api.read_deal(deal), "jda", lang=lang, fmt="md").decode("utf-8")
    damages = article_titled(text, DAMAGES[lang])
    assert figure in damages
    assert ("帳簿" if lang == "ja" else "books") not in damages


# --- Background IP (lawyer-reading-2 §4) ----------------------------------------------------

BG = {"ja": "背景知的財産権の実施許諾", "en": "Licence of Background IP Rights"}


def _hokkai_with(tmp_path, extra: str, lang: str) -> str:
    from oidocs import api

    deal = tmp_path / "deal.yaml"
    deal.write_text(HOKKAI.read_text(encoding="utf-8").replace("royalty_free: true", "royalty_free: true\n    " + extra),
                    encoding="utf-8")
    return api.render_document(api.read_deal(deal), "jda", lang=lang, fmt="md").decode("utf-8")


@pytest.mark.parametrize(("lang", "window", "fallback", "not_free"), [
    ("ja", "当該求めの日から90日以内に合意に至らないとき", "日本知的財産仲裁センターに調停を申し立てることができ",
     "本成果の実施のための許諾を無償とするものではない"),
    ("en", "If no agreement is reached within ninety (90) days of the request", "mediation at the Japan Intellectual Property Arbitration Center",
     "this does not make any licence for practising the Results free of charge"),
])
def test_commercial_background_licence_is_negotiated_in_a_window_with_a_fallback(lang: str, window: str, fallback: str,
                                                                                 not_free: str) -> None:
    """A free research licence (royalty_free: true) no longer makes the commercial licence free."""
    grant = article_titled(shipped_markdown(HOKKAI, "jda", lang), BG[lang])
    assert window in grant and fallback in grant and not_free in grant
    assert ("対価を要しない" if lang == "ja" else "No consideration shall be payable") not in grant


@pytest.mark.parametrize(("lang", "none"), [
    ("ja", "本成果の実施のための背景知的財産権の実施を許諾せず、いずれの当事者も、その許諾に応じる義務を負わない"),
    ("en", "grants no licence of Background IP Rights for practising the Results, and no Party is obliged to grant one"),
])
def test_commercial_none_grants_and_promises_nothing(tmp_path, lang: str, none: str) -> None:
    grant = article_titled(_hokkai_with(tmp_path, "commercial: none", lang), BG[lang])
    assert none in grant
    assert ("調停" if lang == "ja" else "mediation") not in grant


def test_a_royalty_prices_the_commercial_licence_beside_a_free_research_licence(tmp_path) -> None:
    from oidocs import api
    from oidocs.errors import OidocsError

    royalty = "royalty: {upfront: 0, rate_percent: 2}"
    text = _hokkai_with(tmp_path, royalty, "en")
    assert "shall pay the licensing Party the royalties" in text or "royalties set out in Article" in text
    deal = tmp_path / "bad.yaml"
    deal.write_text(HOKKAI.read_text(encoding="utf-8").replace(
        "royalty_free: true", "royalty_free: true\n    commercial: royalty_free\n    " + royalty), encoding="utf-8")
    with pytest.raises(OidocsError, match="commercial is royalty_free"):
        api.read_deal(deal)


@pytest.mark.parametrize(("lang", "research_use", "schedule"), [
    ("ja", "研究期間中、相手方の背景知的財産権を、本共同研究開発のうち自己の分担業務の遂行のためにのみ、無償で実施することができる",
     "## 別紙（背景知的財産権一覧）"),
    ("en", "During the Research Period, each Party may practise the Background IP Rights of the other Party free of charge",
     "## Schedule (Background IP Rights)"),
])
def test_background_ip_is_free_for_the_research_and_listed_in_a_schedule(lang: str, research_use: str, schedule: str) -> None:
    text = shipped_markdown(ACME, "jda", lang)
    ownership = article_titled(text, "背景知的財産権の帰属" if lang == "ja" else "Ownership of Background IP Rights")
    assert research_use in ownership
    assert ("別紙に記載する" if lang == "ja" else "are listed in the Schedule") in ownership
    assert ("両当事者が書面により合意したときに限り" if lang == "ja" else "written agreement of both Parties") in ownership
    assert schedule in text


@pytest.mark.parametrize(("lang", "limit", "nobody", "old"), [
    ("ja", "通知の日から60日以内に行う", "いずれの当事者も、当該本成果について単独で出願し", "共同成果として取り扱う"),
    ("en", "shall be made within sixty (60) days of the notice", "neither Party shall alone file an application for", "shall be treated as Joint Results"),
])
def test_results_of_open_category_are_filed_by_nobody_until_confirmed(lang: str, limit: str, nobody: str, old: str) -> None:
    for path in (ACME, BIGCO):
        notice = article_titled(shipped_markdown(path, "jda", lang),
                                "成果の通知及び区分の確認" if lang == "ja" else "Notification of Results and Confirmation of Their Category")
        assert limit in notice and nobody in notice
        assert old not in notice


# --- Universities, human data, a funding holder (lawyer-reading-2 §4, §6) -------------------

KAMO = ROOT / "tests" / "fixtures" / "kamo-sleep-univ-ja.yaml"       # startup + university, students, human data
ORION = ROOT / "tests" / "fixtures" / "orion-holder-funds-en.yaml"   # exclusive field, the holder funds 85 %


@pytest.mark.parametrize(("lang", "students"), [
    ("ja", "又は当該当事者との間で第15条に定める合意をした学生その他の者のみにより"),
    ("en", "or by students or other persons who have made with that Party the agreement set out in Article 15,"),
])
def test_students_bound_by_the_agreement_make_sole_results_of_their_university(lang: str, students: str) -> None:
    definitions = article_titled(shipped_markdown(KAMO, "jda", lang), "定義" if lang == "ja" else "Definitions")
    assert students in definitions
    assert "学生" not in article_titled(shipped_markdown(ACME, "jda", "ja"), "定義")


@pytest.mark.parametrize(("lang", "licensing", "costs"), [
    ("ja", "他の共有者の同意を得ることなく、第三者に対し当該共有知的財産権の非独占的な実施又は利用を許諾することができ",
     "大学等である共有者が負担すべき費用は、他の共有者が負担する。"),
    ("en", "grant a third party a non-exclusive licence to practise or use those Jointly Owned IP Rights without the consent of the other co-owner",
     "the costs that a co-owner that is a university or similar institution would bear shall be borne by the other co-owner."),
])
def test_a_university_co_owner_may_license_after_non_practice_and_pays_no_filing_costs(lang: str, licensing: str,
                                                                                       costs: str) -> None:
    text = shipped_markdown(KAMO, "jda", lang)
    assert licensing in text
    assert costs in text
    assert licensing not in shipped_markdown(ACME, "jda", lang)


@pytest.mark.parametrize(("lang", "title", "ethics", "sensitive"), [
    ("ja", "人を対象とする研究及び個人情報の取扱い", "倫理審査委員会その他の審査機関の承認", "要配慮個人情報"),
    ("en", "Research Involving Human Subjects and Personal Information", "approval of its ethics committee",
     "special care-required personal information"),
])
def test_human_data_adds_ethics_consent_and_personal_information(lang: str, title: str, ethics: str, sensitive: str) -> None:
    text = shipped_markdown(KAMO, "jda", lang)
    article = article_titled(text, title)
    assert ethics in article and sensitive in article
    # pseudonymised by coding, not the Act's 仮名加工情報, which may not be provided to a third party
    assert ("符号に置き換える等の仮名化" if lang == "ja" else "pseudonymising it (by replacing names") in article
    number = re.search(r"^## (?:第(\d+)条（" + re.escape(title) + r"）|Article (\d+) \(" + re.escape(title) + r"\))$", text, re.M)
    assert number
    cited = f"第{number.group(1)}条" if lang == "ja" else f"Article {number.group(2)}"
    assert cited in article_titled(text, T[lang]["survival"])
    assert title not in shipped_markdown(HOKKAI, "jda", lang)  # only when the deal says so


@pytest.mark.parametrize(("lang", "funder"), [
    ("ja", "甲は、本共同研究開発の共同研究費の過半を負担し、対象知的財産権に係る自己の権利又は持分を乙に譲渡することに鑑み"),
    ("en", "in view of its bearing more than half of the Shared Costs of the Joint Research and Development and assigning its rights"),
])
def test_a_holder_that_funds_most_of_the_work_keeps_a_licence_for_its_own_use(lang: str, funder: str) -> None:
    outside = article_titled(shipped_markdown(ORION, "jda", lang), "本分野外における実施等" if lang == "ja" else "Practice outside the Field")
    assert funder in outside
    assert ("無償で自ら実施" if lang == "ja" else "royalty-free, non-exclusive licence to practise") in outside
    harbor = ROOT / "tests" / "fixtures" / "harbor-exclusive-en.yaml"  # each party bears its own costs
    other = article_titled(shipped_markdown(harbor, "jda", lang), "本分野外における実施等" if lang == "ja" else "Practice outside the Field")
    assert ("過半を負担" if lang == "ja" else "more than half") not in other


@pytest.mark.parametrize(("lang", "none", "promise"), [
    ("ja", "本成果の事業化のための背景知的財産権の実施又は利用の許諾に応じる義務を負わない", "誠実に交渉する"),
    ("en", "No Party is obliged to grant a licence of its Background IP Rights for the commercialisation", "negotiate such a licence"),
])
def test_poc_promises_no_commercial_background_licence_when_the_deal_has_none(tmp_path, lang: str, none: str,
                                                                            promise: str) -> None:
    from oidocs import api

    deal = tmp_path / "deal.yaml"
    deal.write_text(ACME.read_text(encoding="utf-8").replace(
        "    costs: by_share\n", "    costs: by_share\n  background_licence:\n    commercial: none\n", 1), encoding="utf-8")
    text = api.render_document(api.read_deal(deal), "poc", lang=lang, fmt="md").decode("utf-8")
    background = article_titled(text, "背景知的財産権" if lang == "ja" else "Background IP Rights")
    assert none in background
    assert promise not in background


def test_the_funding_holder_needs_no_separate_licence_for_its_own_practice() -> None:
    outside = article_titled(shipped_markdown(ORION, "jda", "en"), "Practice outside the Field")
    assert "otherwise than by its own practice under this Article, it shall enter into a separate written licence" in outside


@pytest.mark.parametrize(("lang", "research_use"), [
    ("ja", "丙以外の各当事者は、研究期間中、丙の背景知的財産権を、本共同研究開発のうち自己の分担業務の遂行のためにのみ、無償で実施することができる"),
    ("en", "During the Research Period, each Party other than Party C may practise the Background IP Rights of Party C free of charge"),
])
def test_a_party_outside_the_background_licence_still_lets_the_others_use_its_background_ip_for_the_research(
        lang: str, research_use: str) -> None:
    """Hokkai's background licence names only 甲 and 乙 as licensors: 丙's background IP must still be
    usable for the joint research."""
    ownership = article_titled(shipped_markdown(HOKKAI, "jda", lang),
                               "背景知的財産権の帰属" if lang == "ja" else "Ownership of Background IP Rights")
    assert research_use in ownership
