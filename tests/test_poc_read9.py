"""The ninth lawyers' reading, PoC finding on the party whose technology is tested (deal J: the university
Tohoku Aoba verifies, at Morimiya's plant and for Morimiya, the wearable heart-rate and movement sensors of the
SME Zao Sensing, drafted for Zao).

The PoC treated Zao as a party with no role in the verification: what its people helped make was assigned free
of charge to the others, the sensors' own output went to Morimiya as measurement data, and nothing said the
sensors lent for the test come back. A party named in ``poc.providers`` now lends its items under an Article of
its own (property kept, object code, no analysis, return within 30 days or purchase at an agreed price), keeps
the signals its devices produce about themselves, keeps what its own people make (joint results shared), answers
for its items' safety, and is named with its items in the Schedule.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed
from oidocs import api
from oidocs.errors import OidocsError

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
ITEMS = {"en": "Provider Items", "ja": "提供機器等"}
RESULTS = {"en": "Ownership of the Results", "ja": "本成果の帰属"}
SURVIVAL = {"en": "Survival", "ja": "存続条項"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _poc(deal, lang: str) -> str:
    return api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["Party C shall lend to Party B, free of charge and for the Verification, the devices, equipment, parts, "
            "software (including firmware) and other items of Party C set out in the Schedule (the “Provider Items”)",
            "The Provider Items shall remain the property of the Party that lent them",
            "or worn by any person, and no other Party acquires them",
            "The software among the Provider Items is provided in object code only",
            "the Party keeping the Provider Items shall return them to the Party that lent them within thirty (30) days",
            "at a price agreed in writing between them; ownership of those Provider Items passes when that price is paid",
            "does not include taking them apart, analysing their circuits, parts or materials, or reading out or analysing "
            "their software"]),
    ("ja", ["丙は、本検証のために、別紙に定める丙の機器、装置、部品、ソフトウェア（ファームウェアを含む。）その他の物"
            "（以下「提供機器等」という。）を、甲、乙及び丙が協議して定める時期及び方法により、乙に無償で貸与する。",
            "又は人に装着された後も、これを貸与した当事者の所有に属し",
            "提供機器等のうちソフトウェアは、オブジェクトコードの形式でのみ提供されるものとし",
            "その日から30日以内に、提供機器等を、これを貸与した当事者に返還する。",
            "書面により合意した価格で買い受けた提供機器等については、返還を要せず、その所有権は、その代金が支払われた時に移転する",
            "提供機器等を分解し、その回路、部品若しくは材料を分析し、又はそのソフトウェアを読み出し、若しくは解析することを含まない。"])])
def test_the_provider_lends_its_items_keeps_them_and_gets_them_back(lang: str, said: list[str]) -> None:
    """J PoC: Zao's sensors are lent for the verification only, stay Zao's when worn, firmware in object code,
    no teardown, back within 30 days unless bought at an agreed price."""
    text = _flat(article_titled(_poc(api.read_deal(J), lang), ITEMS[lang]))
    for words in said:
        assert words in text, words


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["the signals and records that the Provider Items produce about their own state, operation and performance",
            "are neither Measurement Data nor Results; they belong to the Party that lent those Provider Items and shall "
            "be treated as its Confidential Information",
            "or the persons wearing or using the Provider Items (their composition, properties, dimensions, condition and "
            "behaviour, and a person’s heart rate, body movement and other bodily condition), however, are not signals or "
            "records under this paragraph and are governed by {materials}",
            "shall not use them to design or make, or to have a third party design or make, the Provider Items or "
            "anything to replace them"]),
    ("ja", ["提供機器等がその状態、動作及び性能について生成する信号及び記録",
            "測定データ及び本成果に含まれず、当該提供機器等を貸与した当事者に帰属し、その秘密情報として取り扱われる。",
            "又は提供機器等を装着し、若しくは使用する者を記述するもの（その組成、特性、寸法、状態及び挙動並びに人の心拍、体動その他の"
            "生体の状態等）は、本項に定める信号及び記録に含まれず、{materials}の定めるところによる。",
            "提供機器等又はこれに代わる物を設計し、製造し、又は第三者に設計させ、若しくは製造させるために使用してはならない。"])])
def test_the_sensors_own_signals_are_the_providers_and_the_wearers_data_the_clients(lang: str, said: list[str]) -> None:
    """J PoC: the sensors' signals about themselves are Zao's confidential information, not Morimiya's
    Measurement Data; what they say about the workers stays under the materials Article."""
    poc = _poc(api.read_deal(J), lang)
    materials = article_number(poc, {"en": "Client Materials", "ja": "提供資料"}[lang])
    text = _flat(article_titled(poc, ITEMS[lang]))
    for words in said:
        assert words.format(materials=materials) in text, words


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["Party C shall lend its Provider Items in a condition that endangers no person’s life, body or property",
            "Notwithstanding {damages}, the Party that lent Provider Items is liable for damage they cause to another Party "
            "or to a third party (including any person who wore them) only where the damage is caused by a defect in them "
            "or by a cause attributable to that Party (including an error in or omission from that information)"]),
    ("ja", ["丙は、自己の提供機器等を、別紙及び自己が書面により示す使用方法に従って使用される限り人の生命、身体又は財産に危険を及ぼさない状態で貸与し",
            "{damages}の規定にかかわらず、提供機器等を貸与した当事者は、当該提供機器等により他の当事者又は第三者（提供機器等を装着した者を含む。）"
            "に生じた損害については、当該提供機器等の欠陥又は自己の責めに帰すべき事由（当該情報の誤り又は不足を含む。）により生じたときに限り"])])
def test_the_provider_answers_for_its_items_safety(lang: str, said: list[str]) -> None:
    poc = _poc(api.read_deal(J), lang)
    damages = article_number(poc, {"en": "Damages", "ja": "損害賠償"}[lang])
    text = _flat(article_titled(poc, ITEMS[lang]))
    for words in said:
        assert words.format(damages=damages) in text, words


@pytest.mark.parametrize(("lang", "gone", "said"), [
    ("en", "Party C has no role in the Verification",
     "the Intellectual Property Rights in any of the Results created by officers or employees of Party C alone shall "
     "belong to Party C"),
    ("ja", "丙は、本検証において役割を有せず", "丙の役員又は従業員のみにより創出された本成果に係る知的財産権は丙に帰属し")])
def test_the_provider_is_no_party_without_a_role_in_the_results(lang: str, gone: str, said: str) -> None:
    """J PoC results Article: Zao's people's own results are Zao's, joint ones shared; no free assignment."""
    text = _flat(article_titled(_poc(api.read_deal(J), lang), RESULTS[lang]))
    assert gone not in text
    assert said in text
    assert ("shall assign the right or share it acquires" not in text) and ("これにより取得する権利又は持分については" not in text)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "The Provider Items that Party C lends under {items} shall be as follows: - (a) 装着型心拍・体動センサ（20台及び予備2台）"),
    ("ja", "丙が{items}に基づき貸与する提供機器等は、次のとおりとする。 - （1）装着型心拍・体動センサ（20台及び予備2台）")])
def test_the_schedule_names_the_provider_and_its_items(lang: str, said: str) -> None:
    poc = _poc(api.read_deal(J), lang)
    items = article_number(poc, ITEMS[lang])
    schedule = _flat(poc.split("## 別紙" if lang == "ja" else "## Schedule", 1)[1])
    assert said.format(items=items) in schedule
    survival = _flat(article_titled(poc, SURVIVAL[lang]))
    assert items in survival


def test_keys_alone_leave_the_items_to_be_agreed(tmp_path) -> None:
    """``poc.providers: [zao]``: the same Article, and the Schedule has the items agreed in writing."""
    poc = _flat(_poc(deal_changed(J, tmp_path, poc__providers=["zao"]), "ja"))
    assert "その品目及び数量は、甲、乙及び丙が本検証の開始前に書面により合意して定める。" in poc
    assert "## 第10条（提供機器等）" in _poc(deal_changed(J, tmp_path, poc__providers=["zao"]), "ja")


def test_without_providers_the_third_party_keeps_no_role(tmp_path) -> None:
    """Without the key the PoC is as before: no Provider Items Article, the third party has no role."""
    poc = _poc(deal_changed(J, tmp_path, poc__providers=None), "ja")
    assert "（提供機器等）" not in poc and "提供機器等" not in poc
    assert "丙は、本検証において役割を有せず" in _flat(article_titled(poc, RESULTS["ja"]))


@pytest.mark.parametrize(("providers", "words"), [(["morimiya"], "client"), (["univ"], "performer"),
                                                  ({"nobody": []}, "unknown party key")])
def test_a_provider_is_a_party_other_than_the_client_and_the_performer(tmp_path, providers, words: str) -> None:
    with pytest.raises(OidocsError) as raised:
        deal_changed(J, tmp_path, poc__providers=providers)
    assert words in str(raised.value)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "国立大学法人東北青葉大学 must give you a copy of the parts of the Report about your items"),
    ("ja", "本報告書のうち機器等に関する部分の写しと、試験データを集計し又は個人を識別できないよう加工したものの引渡しを国立大学法人東北青葉大学から受け")])
def test_the_providers_sheet_lists_what_stays_against_it(lang: str, said: str) -> None:
    """J's sheet (drafted for Zao) names the Provider Items Article and what is left to negotiate."""
    sheet = _flat(api.render_review(api.read_deal(J), lang=lang).decode("utf-8"))
    assert said in sheet
    assert ("A party providing items, materials or methods for the PoC holds only" in sheet) or ("検証に機器、材料、手法等を提供する当事者は自らの者が創出した" in sheet)


@pytest.mark.parametrize(("lang", "lasting", "limited"), [
    ("en", "{items} (only as regards the ownership, return and purchase of the Provider Items, the costs and the loss of or "
           "damage to them, the signals and records they produce, their safety and liability for them, and the delivery, use "
           "and confidentiality of the parts of the Report and the data copied to the Party that lent them)",
     "{items} (only as regards the ban on analysis and the limits on using information) and {analysis} shall remain in "
     "force only for the period set out in {conf}"),
    ("ja", "{items}（提供機器等の所有権、返還及び買受け、費用及び滅失又は損傷の負担、信号及び記録の帰属、安全及び損害賠償並びに"
           "本報告書の写し及びデータの複製の引渡し、利用及び秘密保持に関する部分に限る。）",
     "{items}（解析の禁止及び情報の使用の制限に関する部分に限る。）及び{analysis}の規定は、{conf}に定める期間に限り")])
def test_the_ban_on_analysis_and_the_use_limits_last_as_long_as_confidentiality(lang: str, lasting: str, limited: str) -> None:
    """J PoC Survival: ownership, return and the signals survive; the bans on analysis and on other uses of
    the provider's information end with confidentiality, as the ban on analysis does for every party."""
    poc = _poc(api.read_deal(J), lang)
    refs = {"items": article_number(poc, ITEMS[lang]), "conf": article_number(poc, {"en": "Confidentiality", "ja": "秘密保持"}[lang]),
            "analysis": article_number(poc, {"en": "No Analysis", "ja": "解析等の禁止"}[lang])}
    text = _flat(article_titled(poc, SURVIVAL[lang]))
    assert lasting.format(**refs) in text
    assert limited.format(**refs) in text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "if you will need the items longer, for your decision on the next stage or further trials on site, agree in "
           "writing before the verification period ends a longer loan or a price for buying them"),
    ("ja", "次段階の判断や現場での追加試験のために長く使う予定があれば貸与期間の延長又は買い受ける価格を、検証期間の終了前に書面で合意する")])
def test_the_clients_sheet_says_the_tested_items_go_back(tmp_path, lang: str, said: str) -> None:
    """Drafted for Morimiya, the sheet says Zao's sensors are lent for the verification only and come back."""
    deal = deal_changed(J, tmp_path, acting_for="morimiya")
    sheet = _flat(api.render_review(deal, lang=lang).decode("utf-8"))
    assert said in sheet
    assert said not in _flat(api.render_review(api.read_deal(J), lang=lang).decode("utf-8"))


@pytest.mark.parametrize(("lang", "row"), [
    ("en", "2027-10-30,Technical Verification (Proof of Concept) Agreement,{items},Provider Items returned (unless bought; "
           "data recorded in them erased first)"),
    ("ja", "2027-10-30,技術検証（PoC）契約書,{items},提供機器等の返還の期限（買い受けたものを除く。記録された測定データ等は返還の前に消去する）")])
def test_the_register_dates_the_return_of_the_provider_items(tmp_path, lang: str, row: str) -> None:
    """J's deadline register: Zao's sensors are due back 30 days after the verification period (2027-09-30)."""
    from conftest import run

    out = tmp_path / lang
    run("pack", "--config", str(J), "--out", str(out), "--format", "md", "--lang", lang)
    csv = next(out.glob("*deadlines.csv")).read_text(encoding="utf-8-sig")
    items = article_number(_poc(api.read_deal(J), lang), ITEMS[lang])
    assert row.format(items=items) in csv


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "PoC agreement {materials}; PoC agreement {items}; PoC agreement {results}"),
    ("ja", "技術検証（PoC）契約 {materials}、技術検証（PoC）契約 {items}、技術検証（PoC）契約 {results}")])
def test_a_lawyer_reads_the_provider_items_article_first(lang: str, said: str) -> None:
    """J's sheet: 'What a lawyer should read first' names the Provider Items Article beside the materials and
    results Articles (whose side is acted for does not matter: every party holds or lends the items)."""
    sheet = api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
    poc = _poc(api.read_deal(J), lang)
    items, materials, results = (article_number(poc, t) for t in (
        ITEMS[lang], {"ja": "提供資料", "en": "Client Materials"}[lang], {"ja": "本成果の帰属", "en": "Ownership of the Results"}[lang]))
    first = [line for line in sheet.splitlines() if "弁護士がまず確認する箇所" in line or "What a lawyer should read first" in line]
    assert first and said.format(items=items, materials=materials, results=results) in first[0], first
