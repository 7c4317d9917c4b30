"""Eleventh lawyer reading (two-company deal hamana-kestrel-en, three-party deal izumo-kagura-three-ja), PoC:

- report-two §4: the client's free, unlimited internal use of the Report was "to evaluate and decide on its
  own products", a design aid for a competing supplier; now only to evaluate the technology and products
  verified and decide whether to adopt or buy them, never to design a competing one (poc.report_rights).
- report-three PoC 4: the students of a university that is a PoC provider (not performer or client) were not
  its people for receiving information or for its sole results (poc.confidentiality, poc.ip_results).
- report-two #5, report-three PoC 6 and 9: joint results with a provider were shared "by contribution, equal
  until agreed", without the JDA's filing-cost, licensing and first-offer rules; a university assigned
  improvements free (poc.ip_results).
- report-two #1: the output of the performer's equipment installed at the client's site was the client's
  Measurement Data "whoever owns that equipment" (poc.definitions, poc.ip_results).

Each test fails before the change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed

TWO = ROOT / "tests" / "read11_deals" / "hamana-kestrel-two-en.yaml"
THREE = ROOT / "tests" / "read11_deals" / "izumo-kagura-three-ja.yaml"
J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"


def _poc(path: object, lang: str) -> str:
    from oidocs import api

    return api.render_document(api.read_deal(path), "poc", lang=lang, fmt="md").decode("utf-8")


def _article(path: object, lang: str, title: str) -> str:
    return " ".join(article_titled(_poc(path, lang), title).split())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_use_is_for_the_verified_technology_not_a_competing_design(lang: str) -> None:
    body = _article(TWO, lang, {"ja": "本報告書の利用", "en": "Use of the Report"}[lang])
    if lang == "en":
        assert "to evaluate the technology and products that were the subject of the Verification and to decide whether to adopt them in its own products or to procure them" in body
        assert "does not include using them to design or develop, itself or through a third party, any technology or product that competes with the technology or products of Hamana" in body
        assert "to evaluate and decide on its own products" not in body
    else:
        assert "本検証の対象となった技術及び製品の評価並びにこれらを自己の製品に採用し、又は調達することに関する判断のために" in body
        assert "甲の技術又は製品と競合する技術又は製品を自ら又は第三者をして設計し、又は開発するための利用を含まない" in body


def test_report_use_names_the_provider_whose_devices_were_verified() -> None:
    body = _article(J, "ja", "本報告書の利用")
    assert "乙及び丙の技術又は製品と競合する技術又は製品" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_university_providers_students_may_receive_information(lang: str) -> None:
    body = _article(THREE, lang, {"ja": "秘密保持", "en": "Confidentiality"}[lang])
    if lang == "ja":
        assert "大学その他これに準ずる機関である当事者については、本条に定める義務と同等の義務を書面により課した上で本検証に参加させる学生その他の研究者を含む" in body
    else:
        assert "including, for a Party that is a university or similar institution, students and other researchers taking part in the Verification whom it has bound in writing" in body


RESULTS = {"ja": "本成果の帰属", "en": "Ownership of the Results"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_university_providers_joint_results_follow_the_deal_ratio_and_the_co_ownership_rules(lang: str) -> None:
    body = _article(THREE, lang, RESULTS[lang])
    if lang == "ja":
        assert "丙の役員又は従業員（丙については、本成果に係る権利を丙に帰属させることを書面により約した上で本検証に参加する学生その他の研究者を含む。以下本項において同じ。）のみにより創出された" in body
        assert "各当事者が共同研究開発の成果について予定する持分（甲40パーセント、乙40パーセント及び丙20パーセント）を当該共有者の間でその比により按分した割合とする" in body
        assert "前各項の共有に係る知的財産権に関する規定を準用する" in body
        assert "大学その他これに準ずる機関以外の共有者のいずれも当該知的財産権を自ら実施していない間は、これらの共有者がその持分の割合に応じて立て替え" in body
        assert "第三者に実施を許諾し、又は自己の持分を譲渡して対価を得たときに限り" in body
        assert "丙の役員又は従業員が他の当事者の役員又は従業員と共同して創出した本成果に係る知的財産権は、丙及び当該創出に関与した他の当事者の共有とし、その持分は、その創出に対する各共有者の貢献の程度に応じて" not in body
    else:
        assert "students and other researchers taking part in the Verification who have agreed with it in writing that their rights in the Results vest in it; the same applies in the rest of this paragraph) alone shall belong to Party C" in body
        assert "in shares proportionate to the shares that the Parties plan in the results of the joint research and development (Party A 40 per cent, Party B 40 per cent and Party C 20 per cent), as between those co-owners" in body
        assert "apply to those co-owned Intellectual Property Rights mutatis mutandis" in body
        assert "they shall be advanced by those co-owners in proportion to their shares" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_large_client_offers_third_party_manufacture_to_the_sme_performer_first(lang: str) -> None:
    body = _article(TWO, lang, RESULTS[lang])
    if lang == "en":
        assert ("Kestrel shall, before having a third party make any product using Intellectual Property Rights that it co-owns "
                "under this Article with Hamana, first offer its manufacture in writing") in body
        assert "unless Hamana consents in writing" in body
        assert "until three (3) years have passed from the day after the Verification is completed or this Agreement ends" in body
    else:
        assert "乙は、本検証の完了の日又は本契約の終了の日のいずれか早い日の翌日から起算して3年を経過する日までの間は、本条により甲と共有する知的財産権を用いた製品を第三者に製造させようとするときは" in body
        assert "ただし、甲が書面により同意したときは、この限りでない。" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_university_grants_an_option_on_improvements_instead_of_assigning_them_free(lang: str) -> None:
    body = _article(THREE, lang, RESULTS[lang])
    if lang == "ja":
        assert "ただし、大学その他これに準ずる機関である当事者は、その権利又は持分を譲渡することを要しない。" in body
        assert "当該通知の日から6か月間、誠実に協議の上書面により定める対価その他の条件によりその権利又は持分の譲渡又は独占的な実施許諾を受けることを選択する権利を付与し" in body
        assert "乙は、当該当事者がその譲渡した権利に関しその役員又は従業員に支払う相当の利益その他の対価の額を、当該当事者に償還する" in body
        assert "創出者に支払うべき相当の利益" not in body
    else:
        assert "However, a Party that is a university or similar institution need not assign that right or share." in body
        assert "it grants Party B an option, for six (6) months from that notice, to take an assignment of that right or share, or an exclusive licence under it" in body
        assert "Party B shall reimburse that Party for any reasonable compensation or other consideration that it pays its officers or employees" in body



@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_performers_equipment_output_at_the_clients_site_is_its_result_not_measurement_data(lang: str) -> None:
    body = _article(TWO, lang, RESULTS[lang])
    if lang == "en":
        assert ("Notwithstanding Article 9, the signals, alerts, logs and other records generated by the sensors, devices, software, "
                "firmware and other equipment of Hamana installed at the Site for the Verification, and the data and models derived "
                "from them (including those that such equipment generates by measuring or observing the equipment, processes, media "
                "or products at the Site; the “Equipment Output” in this paragraph), are not Measurement Data.") in body
        assert "Equipment Output of the equipment of Hamana shall belong to Hamana as its Results." in body
        assert ("The Measurement Data obtained at the Site are the records of the maintenance, processes and production of its "
                "equipment and other data that Kestrel records or provides itself") in body
        assert "Kestrel may use the Equipment Output belonging to Hamana, free of charge, for the Verification" in body
    else:
        assert "第9条の規定にかかわらず、本検証のために本施設に設置された甲のセンサー、装置、ソフトウェア、ファームウェアその他の機器が生成する信号、警報、ログ" in body
        assert "甲の機器に係る機器出力は、甲の本成果として甲に帰属する。" in body
        rights = article_number(_poc(TWO, "ja"), "本報告書の利用")
        assert f"乙は、甲に帰属する機器出力を、本検証のため、及び{rights}が本報告書と共に引き渡されたデータについて認める範囲及び目的において、無償で利用することができる" in body



def test_subject_data_stay_outside_the_equipment_output(tmp_path: Path) -> None:
    from oidocs import api

    deal = deal_changed(J, tmp_path, poc__human_data=True)
    text = api.render_document(deal, "poc", lang="ja", fmt="md").decode("utf-8")
    body = " ".join(article_titled(text, "本成果の帰属").split())
    assert "生成したものを含み、研究対象者データを除く。以下本項において「機器出力」という。" in body
    assert "提供機器等に係る機器出力は、これを提供した当事者に帰属する" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_client_is_told_the_equipment_output_is_not_its_data(lang: str, tmp_path: Path) -> None:
    from oidocs import api

    deal = deal_changed(TWO, tmp_path, acting_for="kestrel")
    text = api.render_review(deal, lang=lang).decode("utf-8")  # type: ignore[arg-type]
    assert ("本施設での自社の測定データは、自社が自ら記録し、又は提供する保守、工程及び生産の記録等" if lang == "ja"
            else "Your Measurement Data at the Site are the maintenance, process and production records that you record or provide yourself") in text
