"""The seventh lawyers' reading, PoC findings (deal G: a university's PoC at a Singapore client's
customer's plant, then a licence; deal H: three parties, a startup's PoC for an SME, then a JDA).

#2: G's PoC is done at Merlion's customer's plant (poc.site: third_party). Art 9(4)-(5) made only data
measured from the Client Materials Merlion's, so the plant's readings were Results; Art 15(3) forbade
Merlion to show the Report to any third party, the customer that hosted the work included; and the
NDA (Art 3) let nobody outside the parties hear of the sensor, though the Purpose is about customers.

#6: in H's three-party PoC the other parties count as third parties (Art 2(2)) and Art 15(3) forbade
乙 to disclose the Report to any third party: 甲, which must decide on the JDA, could not be shown it.

#13: G PoC Art 19 ended the agreement "sixty (60) days have passed since April 1, 2028, the day on
which the Next Agreement is planned to take effect": a reader had to count the days and look up
another contract; the date itself is now written, the reason beside it. And G's review sheet listed "the PoC stand-still lasts until the next agreement is signed" among
the checks made, although G's PoC has no stand-still.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_number, article_titled, shipped_markdown
from oidocs import api
from oidocs.review.checks import checks_made

G = ROOT / "tests" / "fixtures" / "tohoku-merlion-en.yaml"
H = ROOT / "tests" / "fixtures" / "chubu-mikawa-three-ja.yaml"
HOSTED = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"  # the host (丙) signs the PoC
WITH_STANDSTILL = ROOT / "tests" / "fixtures" / "startup-field-three-en.yaml"
STANDSTILL_LINE = {"en": "the PoC stand-still lasts until the next agreement is signed",
                   "ja": "技術検証のスタンドスティルが次の契約の締結まで続くこと"}


def _sheet(path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_sheet_lists_the_stand_still_check_only_when_the_poc_has_one(lang: str) -> None:
    """G's PoC has no stand-still (no exclusive field, a non-exclusive licence): the list of checks made
    must not claim one was checked; a pack whose PoC carries one still lists it."""
    g = _sheet(G, lang)
    assert ("No contradiction found" in g) or ("矛盾は見つかりませんでした" in g)
    assert STANDSTILL_LINE[lang] not in g
    # that pack's sheet lists what its JDA on notice allows (read11): the checks made are read from checks_made
    assert STANDSTILL_LINE[lang] in checks_made(api.read_deal(WITH_STANDSTILL), lang)


@pytest.mark.parametrize(("lang", "title", "date", "planned"), [
    ("en", "Term", "May 31, 2028", "April 1, 2028"), ("ja", "有効期間", "2028年5月31日", "2028年4月1日")])
def test_the_poc_long_stop_is_a_date_with_its_reason(lang: str, title: str, date: str, planned: str) -> None:
    """G PoC Art 19 names May 31, 2028 (60 days after the licence's planned April 1, 2028), not a count of days."""
    term = article_titled(shipped_markdown(G, "poc", lang), title)
    said = {"en": f"or on {date} (the day on which sixty (60) days have passed since {planned}, the day on which the "
                  "Next Agreement is planned to take effect), whichever is later",
            "ja": f"又は{date}（次段階契約が効力を生じる予定の日である{planned}から60日を経過した日）のいずれか遅い日に終了する"}
    assert said[lang] in " ".join(term.split()), term


@pytest.mark.parametrize(("lang", "title", "said"), [
    ("ja", "本報告書の利用", "前各項及び{conf}の規定にかかわらず、乙は、甲に対し、{step}に基づき次段階契約の締結の可否を検討するために"
                         "必要な範囲で、本報告書及びこれと共に引き渡されたデータを開示することができる。その開示を受けた当事者は、"
                         "これらに含まれる丙の情報を{conf}に従い丙の秘密情報として秘密に保持し、当該検討及び{step}に基づく協議のためにのみ使用する。"),
    ("en", "Use of the Report", "Notwithstanding the preceding paragraphs and {conf}, Party B may disclose the Report and the data "
                                "delivered with it to Party A, to the extent necessary for considering under {step} whether to "
                                "conclude the Next Agreement. Each Party to which they are so disclosed shall keep the information of "
                                "Party C contained in them in confidence as Party C’s Confidential Information under {conf}")])
def test_the_client_may_show_the_report_to_the_other_parties_for_the_next_step(lang: str, title: str, said: str) -> None:
    """H PoC Art 15: 乙 may give 甲 (a party, yet a third party for Art 15(3)) the Report to decide on the JDA."""
    poc = shipped_markdown(H, "poc", lang)
    conf = article_number(poc, "秘密保持" if lang == "ja" else "Confidentiality")
    step = article_number(poc, "次段階への移行" if lang == "ja" else "Moving to the Next Stage")
    assert said.format(conf=conf, step=step) in article_titled(poc, title)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_two_party_poc_has_no_other_party_to_show_the_report_to(lang: str) -> None:
    """With two parties the performer wrote the Report: no paragraph lets the client pass it to an "other Party"."""
    text = article_titled(shipped_markdown(G, "poc", lang), "本報告書の利用" if lang == "ja" else "Use of the Report")
    assert "whether to conclude the Next Agreement" not in text and "締結の可否を検討するために" not in text


@pytest.mark.parametrize(("lang", "title", "site_data", "host_keeps", "old"), [
    ("en", "Client Materials",
     "and the data obtained in the course of the Verification by measuring, observing or recording, at the Site referred to "
     "in Article 10, the equipment, processes, media (such as water or air) or products there (excluding the output of "
     "equipment that the other Party installs at the Site for the Verification, whose ownership Article 15 governs) (the “Measurement Data”), including the raw data that the "
     "measuring equipment outputs, shall belong to Merlion",
     "Data that the Host itself records or provides (including the records of the operation of its equipment and processes) "
     "are not Measurement Data and remain the Host’s",
     "Data that the University obtains otherwise than by measuring or analysing the Client Materials are Results"),
    ("ja", "提供資料",
     "及び本検証の過程で第10条に定める本施設の設備、工程、媒体（水、空気等）又は製品を本施設において測定し、観察し、又は記録して"
     "得られたデータ（測定機器が出力する生データを含み、本検証のために相手方が本施設に設置した機器の出力（その帰属は第15条の定めによる。）を除く。）（以下「測定データ」という。）は、"
     "当該測定機器の所有者にかかわらず、乙に帰属し",
     "設置先が自ら記録し、又は提供するデータ（その設備の運転及び工程の記録を含む。）は、測定データに含まれず、設置先に留保される",
     "甲が提供資料の測定又は分析以外の方法により得たデータは、本成果")])
def test_data_measured_at_the_hosts_plant_are_the_clients_and_the_hosts_own_data_stay_its(
        lang: str, title: str, site_data: str, host_keeps: str, old: str) -> None:
    """G PoC Art 9: the sensors' readings at the customer's cooling tower are Merlion's Measurement Data, not Results."""
    text = " ".join(article_titled(shipped_markdown(G, "poc", lang), title).split())
    assert site_data in text, text
    assert host_keeps in text
    assert old not in text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Merlion may disclose the Report and the data delivered with it to the Host, to the extent necessary for reporting "
           "to the Host on the Verification carried out at the Site and for the Purpose, provided that Merlion has first bound "
           "the Host in writing to obligations of confidentiality, and of use for no other purpose, no less protective than "
           "those under {conf}."),
    ("ja", "乙は、本施設において行われた本検証について設置先に報告し、及び本目的を達するために必要な範囲で、本報告書及びこれと共に"
           "引き渡されたデータを設置先に開示することができる。ただし、乙は、あらかじめ、設置先に対し、{conf}に定めるものと同等以上の"
           "秘密保持義務及び目的外使用の禁止を書面により負わせるものとし")])
def test_the_client_may_show_the_report_to_the_host_of_the_site(lang: str, said: str) -> None:
    """G PoC Art 15: Merlion may show its customer, the Host, the results of the work done at its plant."""
    poc = shipped_markdown(G, "poc", lang)
    conf = article_number(poc, "秘密保持" if lang == "ja" else "Confidentiality")
    assert said.format(conf=conf) in article_titled(poc, "本報告書の利用" if lang == "ja" else "Use of the Report")


@pytest.mark.parametrize(("lang", "title", "said"), [
    ("en", "Confidentiality", "the Receiving Party may disclose Confidential Information, to the extent necessary for the "
                              "Purpose, to the third party designated by Merlion at whose facility the technical verification "
                              "(proof of concept) concerning the Purpose is to be carried out, provided that it has first bound "
                              "that third party in writing"),
    ("ja", "秘密保持義務", "受領者は、乙が指定する第三者であって、その施設において本目的に係る技術検証（PoC）が行われるものに対し、"
                        "本目的のために必要な範囲で、秘密情報を開示することができる。ただし、受領者は、あらかじめ、当該第三者に対し"
                        "本契約に基づき自己が負う義務と同等以上の秘密保持義務")])
def test_the_nda_lets_the_parties_talk_to_the_customer_that_will_host_the_poc(lang: str, title: str, said: str) -> None:
    """G NDA Art 3: the Purpose is about Merlion's customers; the one that hosts the PoC may be told, bound alike.
    An NDA whose deal does the PoC elsewhere (H: at the client's own line) has no such recipient."""
    assert said in article_titled(shipped_markdown(G, "nda", lang), title)
    h = shipped_markdown(H, "nda", lang)
    assert "at whose facility" not in h and "その施設において" not in h


@pytest.mark.parametrize(("lang", "title", "said"), [
    ("en", "Provided Materials", "The Measurement Data concerning Provided Materials provided by Party C, and those obtained at "
                                 "the Site otherwise than from Provided Materials, shall be held jointly by Party A and Party C"),
    ("ja", "提供資料", "丙が提供した提供資料に係る測定データ及び本施設において提供資料以外のものから得られた測定データは、甲及び丙が共同して保有し")])
def test_a_signing_hosts_site_data_are_held_with_the_client_not_results(lang: str, title: str, said: str) -> None:
    """The same gap where the host signs: what the sensors read at its line was a Result, not Measurement Data."""
    text = " ".join(article_titled(shipped_markdown(HOSTED, "poc", lang), title).split())
    assert said in text, text
    assert "Data, other than the Measurement Data, that Party B obtains" in text or "測定データ以外のものは、本成果" in text
