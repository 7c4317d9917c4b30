"""PoC and JDA terms a lawyer would sign (issue 20): the findings of a lawyer's reading of deal "B".

Deal B (tests/fixtures/startup-field-three-en.yaml): a startup owns the results under an exclusive
field held by a large company, and an SME performs the PoC for the large company; the startup takes
no part in the PoC. Each test reads the generated document back, in both languages, and fails on the
text before the fix.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled, shipped_markdown

B = ROOT / "tests" / "fixtures" / "startup-field-three-en.yaml"
BIGCO = ROOT / "examples" / "bigco-smallworks-en.yaml"      # two parties, exclusive field, English
ACME = ROOT / "examples" / "acme-nano-ja.yaml"              # two parties, joint filing, Japanese

TITLES = {"conf": ("秘密保持", "Confidentiality"), "work": ("本検証の実施", "Performance of the Verification"),
          "materials": ("提供資料", "Client Materials"), "site": ("作業場所及び安全", "Place of Work and Safety"),
          "results": ("本成果の帰属", "Ownership of the Results"), "termination": ("解除", "Termination"),
          "next": ("次段階への移行", "Moving to the Next Stage"), "survival": ("存続条項", "Survival")}


def art(path, key: str, lang: str) -> str:
    return article_titled(shipped_markdown(path, "poc", lang), TITLES[key][0 if lang == "ja" else 1])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_consent_to_disclose_is_the_disclosers(lang: str) -> None:
    """Finding 4: in a three-party PoC the consent to pass information on is the discloser's, not everyone's."""
    first = art(B, "conf", lang).split("\n\n")[0]
    if lang == "ja":
        assert "秘密情報を開示した当事者の事前の書面による承諾" in first and "他の当事者の事前" not in first
    else:
        assert "prior written consent of the Party that disclosed it" in first
        assert "consent of the other Parties" not in first


@pytest.mark.parametrize("path", [B, BIGCO, ACME])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_only_people_who_need_to_know_receive_poc_information(path, lang: str) -> None:
    """Finding 6: the NDA's need-to-know limit (and the duty after leaving) is carried into the PoC."""
    second = art(path, "conf", lang).split("\n\n")[1]
    if lang == "ja":
        assert "本検証目的のために秘密情報を知る必要がある自己の役員及び従業員" in second
        assert "退任又は退職後の義務を含む" in second
    else:
        assert "only to those of its officers and employees who need to know it for the Verification Purpose" in second
        assert "including after their resignation or retirement" in second


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_joint_poc_results_are_held_equally_until_shares_are_agreed(lang: str) -> None:
    """Finding 3: joint results of the performer and the client have a fallback share, as in the JDA."""
    text = art(B, "results", lang)
    if lang == "ja":
        assert "持分が定められるまでの間は、各共有者の持分は相等しいものとして取り扱う。" in text
    else:
        assert "Until the shares are agreed, the co-owners shall be treated as holding equal shares." in text


@pytest.mark.parametrize("key", ["work", "materials", "site"])
def test_a_two_party_poc_names_the_performer_and_client_as_the_parties(key: str) -> None:
    """Finding 8: no "Party A and Party B" typed in a two-party English PoC; one phrase (``pair``) names them."""
    en = art(BIGCO, key, "en")
    assert "Party A and Party B" not in en and "Party B and Party A" not in en
    assert "the Parties" in en
    three = art(B, key, "en")
    assert "Party B and Party C" in three        # three parties: the performer and the client by designation
    assert "甲及び乙" in art(ACME, key, "ja")     # Japanese drafting keeps 甲及び乙


@pytest.mark.parametrize("path", [B, BIGCO])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_performers_breach_refunds_only_what_was_not_done(path, lang: str) -> None:
    """Finding 5: no refund of the whole fee on any fault of the performer; the fee for work done stays."""
    text = art(path, "termination", lang)
    if lang == "ja":
        assert "受領済みの本委託料を" not in text and "未払の本委託料を請求することができず" not in text
        assert "その理由を問わず" in text and "これを超えて受領した額" in text
        assert "日以内にその結果（得られたデータ及び中間的な結果を含む。）を書面により" in text and "相殺することができる" in text
    else:
        assert "refund to" in text and "the Fee already received;" not in text
        assert "may not claim any unpaid part of the Fee" not in text
        assert "for whatever reason" in text and "any amount received in excess of that portion" in text
        assert "hands over to" in text and "may set off against that portion any damages" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_stand_still_covers_only_what_the_next_agreement_would_give(lang: str) -> None:
    """Finding 1: the unpaid owner keeps its own technology free; the stand-still is its own paragraph
    and covers the owner's rights in the Results in the field and territory only."""
    paras = art(B, "next", lang).split("\n\n")
    hold = [p for p in paras if ("許諾を約してはならない" if lang == "ja" else "agree to grant") in p]
    assert len(hold) == 1
    hold_text = hold[0]
    assert ("次段階契約が既に締結され" if lang == "ja" else "Where the Next Agreement has been signed") not in hold_text
    assert ("対象技術" if lang == "ja" else "technology to be verified") not in hold_text
    if lang == "ja":
        assert "本成果に係る自己の知的財産権（自己の役員又は従業員のみにより創出されたものを除く。）" in hold_text
        assert "battery packs for electric vehiclesの分野において" in hold_text
        free = paras[paras.index(hold_text) + 1]
        assert "自己の背景知的財産権（本検証において検証した技術に係るものを含む。）を自ら実施し" in free
    else:
        assert "its Intellectual Property Rights in the Results (other than those created by its own" in hold_text
        assert "in the field of battery packs for electric vehicles in Japan" in hold_text
        free = paras[paras.index(hold_text) + 1]
        assert "does not restrict Party A from practising or licensing, to anyone and in any field, its Background IP Rights" in free


@pytest.mark.parametrize("exclusive", [True, False])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_only_an_exclusive_licence_brings_a_stand_still(tmp_path, lang: str, exclusive: bool) -> None:
    """Finding 1: with a licence as the next step, only an exclusive one holds the licensor back, and only
    in the licence's field and territory; a non-exclusive licensee gets no stand-still."""
    src = ROOT / "tests" / "fixtures" / "kobe-licence-en.yaml"
    path = tmp_path / "kobe.yaml"
    path.write_text(src.read_text(encoding="utf-8").replace("exclusive: false", f"exclusive: {str(exclusive).lower()}"),
                    encoding="utf-8")
    text = art(path, "next", lang)
    held = ("許諾を約してはならない" if lang == "ja" else "agree to grant") in text
    assert held == exclusive
    if exclusive:
        assert ("船舶用金具の防食処理の分野において、日本国内を対象として" if lang == "ja"
                else "in the field of anti-corrosion treatment of marine fittings in Japan") in text
        assert ("自己のその他の知的財産権を実施し" if lang == "ja" else "any of its other Intellectual Property Rights") in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_improvements_of_a_partys_technology_go_to_that_party(lang: str) -> None:
    """Finding 2: drafted for the owner, PoC results that improve its background IP are assigned to it, even
    when it has no role in the PoC (the lean of the fourth reading, tests/test_poc_improvements.py); and the JDA names only PoC results that the PoC gives the owner."""
    poc = art(B, "results", lang)
    jda = article_titled(shipped_markdown(B, "jda", lang), "技術検証の成果の取扱い" if lang == "ja" else "Results of the Technical Verification")
    if lang == "ja":
        assert "いずれかの当事者の背景知的財産権の対象を改良し、又は変更したものであって" in poc
        assert "甲の背景知的財産権の対象を改良し、又は変更した背景改良成果に係る知的財産権は、前各項の規定にかかわらず、その創出者を問わず、甲に帰属する" in poc
        assert "その権利又は持分を無償で甲に譲渡する" in poc
        assert "甲は、本検証において役割を有せず、背景改良成果について前各項に定めるものを除き" in poc
        assert "甲の背景技術を改良したものとして本PoC契約に基づき甲に帰属するもの" in jda
        assert "甲に帰属するもの（甲の役員又は従業員のみにより創出されたものを除く。）" not in jda
    else:
        assert "that improve or modify what is covered by the Background IP Rights of a Party" in poc
        assert "of Party A shall belong to Party A, whoever created them" in poc and "assign that right or share to Party A free of charge" in poc
        assert "Party A has no role in the Verification and, except as the preceding paragraphs provide for Background Improvements" in poc
        assert "vests in Party A as improvements of its own background technology made by another Party" in jda
        assert "that belong to Party A under the PoC Agreement" not in jda


def test_the_jda_keeps_the_owners_joint_poc_results_when_the_owner_took_part() -> None:
    """Finding 2's other case: an owner that performed the PoC keeps the JDA's wording on the PoC results it holds."""
    jda = article_titled(shipped_markdown(BIGCO, "jda", "en"), "Results of the Technical Verification")
    assert "that belong to Party B under the PoC Agreement, other than those created by its own officers or employees alone" in jda


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_owners_review_sheet_describes_the_new_poc_terms(lang: str) -> None:
    """Findings 1 and 2 seen from the startup's review sheet: the stand-still no longer takes its own
    technology, and improvements of its technology come to it; the sheet must not say otherwise."""
    from oidocs import api

    sheet = api.render_review(api.read_deal(ROOT / "tests" / "review_deals" / "helix-orbis-tanaka-en.yaml"),
                              lang=lang).decode("utf-8")
    if lang == "ja":
        assert "自社の技術を含む。）に係る知的財産権を" not in sheet and "自社の技術を改良するものであっても" not in sheet
        assert "自社の技術は自由に使え" in sheet or "背景知的財産権（検証の対象の技術を含む。）は制限されない" in sheet
        assert "無償で自社に譲渡される" in sheet
    else:
        assert "your own technology included" not in sheet and "even where it improves your technology" not in sheet
        # the startup has no role in this PoC: its item says its background IP, the technology verified included, stays free
        assert "your own technology stays free" in sheet or "the technology verified included, stays free" in sheet
        assert "assigned to you free of charge" in sheet


@pytest.mark.parametrize("path", [B, BIGCO, ACME])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_who_owns_the_measurement_data_and_the_instrument_settings(path, lang: str) -> None:
    """Finding 7: raw data measured from the client's samples are the client's whoever owns the instrument;
    the performer's instrument settings and know-how stay its own; other data follow the results rule."""
    text = art(path, "materials", lang)
    if lang == "ja":
        assert "（測定機器が出力する生データを含む。）" in text and "当該測定機器の所有者にかかわらず" in text
        assert "機器の設定、校正値及び測定条件" in text and "に留保される" in text
        assert "以外の方法により得たデータは、本成果として" in text
    else:
        assert "including the raw data that the measuring equipment outputs" in text and "whoever owns that equipment" in text
        assert "settings, calibration values and measurement conditions of the equipment" in text
        assert "otherwise than by measuring or analysing the Client Materials are Results" in text
    survival = art(path, "survival", lang)
    assert ("用いた機器の設定、ノウハウ等の帰属" if lang == "ja" else "the settings and know-how of the equipment used") in survival


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_improvement_rule_has_no_multi_party_words_in_a_two_party_poc(lang: str) -> None:
    """The improvement paragraph of a two-party PoC speaks of the other Party (相手方), not 'any other Party'."""
    text = art(BIGCO, "results", lang)
    para = next(p for p in text.split("\n\n") if ("背景知的財産権の対象を改良し" if lang == "ja" else "improve or modify") in p)
    if lang == "ja":
        assert "相手方がこれについて権利又は持分を取得したときは" in para and "他のいずれかの当事者" not in para
    else:
        assert "Where the other Party acquires a right or share in them" in para and "Any other Party" not in para
