"""The eighth lawyers' reading, PoC findings (deal I: Rakuyo, a Kyoto startup, verifies its tactile skin on
two of Brandt's gripper units at its own lab, drafted for Rakuyo; deal G: a university's PoC at the plant of
Merlion's customer, drafted for the client Merlion).

#12 (PoC half): Art 17(2)(d) left "damage to tangible property" uncapped, and at Rakuyo's lab the tests
themselves damage Brandt's gripper units and the food items ("less than 1% of items damaged" is a success
criterion). What the Schedule's tests use up or damage when carried out as planned is no damage the
performer answers for; other damage to property stays as it was.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number, article_titled, shipped_markdown
from oidocs import api

I = ROOT / "tests" / "fixtures" / "kyoto-rakuyo-brandt-en.yaml"
G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
DAMAGES = {"en": "Damages", "ja": "損害賠償"}
CARE = {"en": "Standard of Care", "ja": "善管注意義務等"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sheet(path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Notwithstanding the preceding paragraphs, the consumption, wear, damage or destruction of the Client Materials "
           "and any other items used in the tests that results from carrying out the tests as set out in the Schedule "
           "(including destruction in destructive tests and the using up of test items and samples) is not damage for "
           "which Rakuyo is liable, whether or not the success criteria are met, unless it is caused by the wilful "
           "misconduct or gross negligence of Rakuyo."),
    ("ja", "前各項の規定にかかわらず、別紙に定めるとおりに試験を実施したことにより生じた提供資料その他試験に用いた物の消費、摩耗、"
           "損傷又は滅失（破壊試験による滅失及び試験品又は試料の費消を含む。）は、成功基準を満たしたか否かにかかわらず、甲が賠償する"
           "責任を負う損害に当たらない。ただし、甲の故意又は重大な過失によるものについては、この限りでない。")])
def test_items_the_tests_use_up_or_damage_are_not_damage_the_performer_answers_for(lang: str, said: str) -> None:
    """I PoC Art 17: the gripper units and food items worn or broken by the grasp tests are not uncapped property damage;
    damage to property otherwise stays outside the cap."""
    text = _flat(article_titled(shipped_markdown(I, "poc", lang), DAMAGES[lang]))
    assert said in text, text
    assert ("or by damage to tangible property" in text) or ("又は有体物の損壊により生じた損害に係る責任" in text)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "is not damage for which the University is liable, whether or not the success criteria are met, unless the "
           "University failed to carry out those tests with the care required by {care}."),
    ("ja", "甲が賠償する責任を負う損害に当たらない。ただし、甲が{care}に定める注意をもって当該試験を実施しなかったときは、この限りでない。")])
def test_drafted_for_the_client_the_test_wear_rule_needs_the_performers_due_care(lang: str, said: str) -> None:
    """G (for the client, at a third party's plant): the same rule, lost where the university did not test with due care."""
    poc = shipped_markdown(G, "poc", lang)
    care = article_number(poc, CARE[lang])
    assert said.format(care=care) in _flat(article_titled(poc, DAMAGES[lang]))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "are not damage Tohoku Kita National University answers for"), ("ja", "試験で失われてもよい物とその数量")])
def test_the_clients_sheet_says_what_the_tests_may_use_up(lang: str, said: str) -> None:
    """The client's sheet tells it to name in the Schedule what may be lost in the tests; the performer's does not."""
    assert said in _flat(_sheet(G, lang))
    assert "may be lost in the tests" not in _sheet(I, "en")


# --- #3: what the performer fits to the client's materials stays its own, lent until the decision ---
REPORT = {"en": "Submission and Acceptance of the Report", "ja": "本報告書の提出及び検収"}
USE = {"en": "Use of the Report", "ja": "本報告書の利用"}
STEP = {"en": "Moving to the Next Stage", "ja": "次段階への移行"}


@pytest.mark.parametrize(("lang", "kept", "loan", "ret"), [
    ("en", "the sensors, electronic circuits and other parts, devices and equipment of Rakuyo, and the software (including "
           "firmware) of Rakuyo, that Rakuyo fits to, installs in or builds into the Client Materials or the items referred to "
           "in that paragraph in the course of the Verification (the “Lent Items”) shall remain the property of Rakuyo",
     "Brandt may keep and use the Lent Items, with the items to which they are fitted, free of charge and only for evaluating "
     "the results of the Verification for the Verification Purpose, until the day on which Brandt gives notice of its decision "
     "under {step} or, if it gives no such notice, until the last day of the period set there for that decision (the “Loan "
     "Period”). The software among the Lent Items is provided in object code only",
     "Within thirty (30) days after the Loan Period ends, Brandt shall, as Rakuyo chooses, either allow Rakuyo to remove the "
     "Lent Items or return them to Rakuyo"),
    ("ja", "甲が本検証の過程で提供資料又は同項の物に取り付け、組み込み、又はインストールした甲のセンサー、電子回路その他の部品、装置"
           "及び機器並びに甲のソフトウェア（ファームウェアを含む。）（以下「貸与品」という。）は、取り付け、組み込み、又はインストール"
           "された後も甲の所有に属し",
     "乙は、乙が{step}に基づきその判断を通知した日又はその通知がないときは同条に定める判断の期限の日まで（以下「貸与期間」という。）、"
     "貸与品を、これが取り付けられた物と共に、本検証目的のために本検証の結果を評価する目的に限り、無償で保管し、及び使用することが"
     "できる。貸与品のうちソフトウェアは、オブジェクトコードの形式でのみ提供される",
     "乙は、貸与期間の満了後30日以内に、甲の選択に従い、甲に貸与品を取り外させ、又は貸与品を甲に返還する。")])
def test_the_performers_skin_and_firmware_stay_its_own_lent_until_the_decision(lang: str, kept: str, loan: str, ret: str) -> None:
    """I PoC Art 4(5): Brandt became owner of the gripper prototypes carrying Rakuyo's skin and firmware and kept them
    for ever. Now the fitted parts and software stay Rakuyo's, are lent for the evaluation until Brandt's decision
    (Art 16), then removed or returned at Rakuyo's choice; drafted for Rakuyo, Brandt pays the carriage back."""
    poc = shipped_markdown(I, "poc", lang)
    text = _flat(article_titled(poc, REPORT[lang]))
    step = article_number(poc, STEP[lang])
    for said in (kept, loan.format(step=step), ret):
        assert said in text, text
    assert ("the cost of sending the Lent Items or those items to Rakuyo shall be borne by Brandt" in text
            or "貸与品又は当該物を甲に送付する費用は、乙の負担とする。" in text)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "and the items that belong to it under {report} (and the Lent Items under that Article, only during the Loan Period) "
           "within its own organisation, free of charge, without limit of time"),
    ("ja", "及び{report}により自己の所有となる物（同条に定める貸与品については、貸与期間中に限る。）を、自己の組織内において")])
def test_the_clients_free_evaluation_reaches_the_lent_items_only_while_lent(lang: str, said: str) -> None:
    """I PoC Art 15(3) let Brandt use 'the items delivered to it under Article 4' free and for ever; Art 12(2) lets it
    test the Lent Items only during the loan; both survive the Agreement with Art 4's loan."""
    poc = shipped_markdown(I, "poc", lang)
    report = article_number(poc, REPORT[lang])
    assert said.format(report=report) in _flat(article_titled(poc, USE[lang]))
    no_analysis = _flat(article_titled(poc, "No Analysis" if lang == "en" else "解析等の禁止"))
    assert ("(the Lent Items under " + report + " only during the Loan Period)") in no_analysis or \
        ("（" + report + "に定める貸与品については、貸与期間中に限る。）") in no_analysis
    survival = _flat(article_titled(poc, "Survival" if lang == "en" else "存続条項"))
    assert (report + " (only as regards the ownership and delivery of the items made from the Client Materials and the "
            "ownership, loan, return and purchase of the Lent Items)") in survival or \
        (report + "（提供資料から製作された物の帰属及び引渡し並びに貸与品の帰属、貸与、返還及び買受けに関する部分に限る。）") in survival


@pytest.mark.parametrize(("lang", "longer", "carriage"), [
    ("en", "(or, where that notice is that Merlion will conclude the Next Agreement, until the day on which the Next Agreement "
           "takes effect or three (3) months have passed since that notice, whichever is earlier)",
     "and shall bear the cost of transporting the Lent Items and those items both ways"),
    ("ja", "（乙が次段階契約を締結する旨を通知したときは、次段階契約が効力を生じた日又は当該通知から3か月を経過した日のいずれか早い日）",
     "貸与品及び当該物の往復の輸送の費用は、甲の負担とする。")])
def test_drafted_for_the_client_the_loan_runs_into_the_negotiations_and_the_performer_pays_carriage(
        lang: str, longer: str, carriage: str) -> None:
    """G (drafted for the client Merlion): the loan lasts while the Next Agreement is negotiated, up to three months,
    and the University bears the transport both ways; deal I (for the performer) has neither."""
    text = _flat(article_titled(shipped_markdown(G, "poc", lang), REPORT[lang]))
    assert longer in text and carriage in text, text
    mine = _flat(article_titled(shipped_markdown(I, "poc", lang), REPORT[lang]))
    assert "three (3) months have passed since that notice" not in mine and "当該通知から3か月" not in mine


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "stay its property (the Lent Items); only what is made from your materials becomes yours"),
    ("ja", "自社の所有となるのは自社の資料から製作された物に限られる")])
def test_the_clients_sheet_says_the_fitted_parts_must_go_back(lang: str, said: str) -> None:
    """Merlion's sheet warns that the performer's fitted parts go back after the decision unless it buys them."""
    assert said in _flat(_sheet(G, lang))
    assert "(the Lent Items)" not in _flat(_sheet(I, "en"))


# --- #4: Measurement Data do not swallow the performer's own sensor output ---
MATERIALS = {"en": "Client Materials", "ja": "提供資料"}
OWN_SIGNALS = {
    "en": "the signals and records that the sensors, devices, software and other technology of {p} (including the technology "
          "verified in the Verification and the Lent Items) produce about their own state, operation and performance, such as "
          "their output signals, detection results, response times, accuracy and errors, are not Measurement Data, even where "
          "they are produced while that technology holds, touches or senses the Client Materials",
    "ja": "{p}のセンサー、装置、ソフトウェアその他の技術（本検証の対象となる技術及び貸与品を含む。）がその状態、動作及び性能について"
          "生成する信号及び記録（出力信号、検出結果、応答時間、精度、エラー等）は、当該技術が提供資料を把持し、これに接触し、又は"
          "これを感知する間に生成されたものであっても、測定データに含まれない"}
RESULTS = {"en": "those signals and records, and the data derived from them, are Results governed by {r}. Values derived from "
                 "them that describe the Client Materials themselves (such as their composition, properties, dimensions and "
                 "condition, and the forces, movements and other behaviour of their mechanisms) remain Measurement Data.",
           "ja": "これらの信号及び記録並びにこれらから派生したデータは、本成果として{r}の定めに従う。ただし、これらから導かれた値であって"
                 "提供資料自体を記述するもの（その組成、特性、寸法及び状態並びにその機構の力、動きその他の挙動等）は、測定データとする。"}
COPY = {"en": "provided, however, that {p} may keep one copy of the data obtained in the tests of the Verification (the Measurement "
              "Data included{host}) to the extent that it needs them to improve its own technology, and may use that copy free of "
              "charge within its own organisation for that purpose only. {P} shall keep the Measurement Data in that copy in "
              "confidence as the Confidential Information of {c} for as long as it holds them, notwithstanding the period set out "
              "in {conf}, shall not disclose them to any third party",
        "ja": "ただし、{p}は、自己の技術の改良に必要な範囲で、本検証の試験で得られたデータ（測定データを含{host}。）の複製一部を保有し、"
              "当該目的のためにのみ自己の組織内において無償で利用することができる。この場合において、{p}は、当該複製に含まれる測定データを、"
              "{conf}に定める期間にかかわらず、これを保有する間、{c}の秘密情報として秘密に保持し、第三者に開示せず"}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_performers_sensor_output_is_its_result_not_the_clients_measurement_data(lang: str) -> None:
    """I PoC Art 9(4)-(6): the output of Rakuyo's tactile skin in 500 grasps by Brandt's grippers could be read as data
    'obtained by measuring ... the Client Materials', Brandt's and to be deleted. Now the skin's own signals and what is
    derived from them are Rakuyo's Results; values describing Brandt's materials stay Brandt's; Rakuyo keeps a copy of
    the test data to improve its technology, Brandt's part confidential while held."""
    poc = shipped_markdown(I, "poc", lang)
    text = _flat(article_titled(poc, MATERIALS[lang]))
    p, c = ("Rakuyo", "Brandt") if lang == "en" else ("甲", "乙")
    results = article_number(poc, "Ownership of the Results" if lang == "en" else "本成果の帰属")
    conf = article_number(poc, "Confidentiality" if lang == "en" else "秘密保持")
    assert OWN_SIGNALS[lang].format(p=p) + ("; " if lang == "en" else "。") in text, text
    assert RESULTS[lang].format(r=results) in text
    assert COPY[lang].format(p=p, P=p, c=c, conf=conf, host="" if lang == "en" else "む") in text
    survival = _flat(article_titled(poc, "Survival" if lang == "en" else "存続条項"))
    assert ("the signals and records of the technology of Rakuyo" in survival) or ("甲の技術の信号及び記録" in survival)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_at_the_hosts_plant_the_sites_records_stay_the_clients_measurement_data(lang: str) -> None:
    """G (at Merlion's customer's plant, drafted for Merlion): the seventh reading's site rule holds, the sensors'
    readings of the plant stay Merlion's; only the university's own operation and performance data are its Results,
    and its copy of the test data leaves out the Host's own data."""
    poc = shipped_markdown(G, "poc", lang)
    text = _flat(article_titled(poc, MATERIALS[lang]))
    p, c = ("the University", "Merlion") if lang == "en" else ("甲", "乙")
    conf = article_number(poc, "Confidentiality" if lang == "en" else "秘密保持")
    if lang == "en":
        assert OWN_SIGNALS["en"].format(p=p) + ", except the records of the equipment, processes, media or products at the " \
            "Site that are Measurement Data under that paragraph;" in text, text
        assert "installs at the Site for the Verification, whose ownership Article 15 governs) (the “Measurement Data”)" in text
        assert COPY["en"].format(p=p, P="The University", c=c, conf=conf, host=", but not the Host’s data referred to above") in text
    else:
        assert OWN_SIGNALS["ja"].format(p=p) + "（同項により測定データとなる本施設の設備、工程、媒体又は製品の記録を除く。）" in text, text
        assert COPY["ja"].format(p=p, P=p, c=c, conf=conf, host="み、本条に定める設置先のデータを除く") in text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "only data describing your materials themselves (composition, properties, dimensions, the forces and movements of "
           "their mechanisms) are your Measurement Data"),
    ("ja", "自社の測定データとなるのは自社の資料自体を記述するデータ")])
def test_the_clients_sheet_says_which_data_stay_its_own(lang: str, said: str) -> None:
    """Merlion's sheet says where the line runs and that the university keeps a copy; Rakuyo's (the performer) does not."""
    assert said in _flat(_sheet(G, lang))
    assert "are your Measurement Data" not in _flat(_sheet(I, "en"))
