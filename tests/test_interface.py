"""The deal file's newer keys: text in two languages, courts, per-document dates, prices, sides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run

from oidocs import api
from oidocs.clauses.context import exclusivity_end
from oidocs.deal.dealfile import parse_deal
from oidocs.deal.yamlsource import load_text
from oidocs.errors import DealError

BASE = yaml.safe_load((ROOT / "examples" / "acme-nano-ja.yaml").read_text(encoding="utf-8"))
UNDATED_POC = {k: v for k, v in BASE["poc"].items() if k not in ("date", "effective")}  # dated by the top-level date


def deal_of(data: dict) -> object:
    return parse_deal(load_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "deal.yaml"))


def variant(**changes: object) -> dict:
    data = yaml.safe_load(yaml.safe_dump(BASE, allow_unicode=True))
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
        node[keys[-1]] = value
    return data


def markdown(data: dict, doc: str, lang: str) -> str:
    return api.render_document(deal_of(data), doc, lang, "md").decode("utf-8")  # type: ignore[arg-type]


def test_a_text_map_gives_each_language_its_own_words() -> None:
    data = variant(parties__0__name={"ja": "株式会社アクメ精工", "en": "ACME Seiko Co., Ltd."},
                   purpose={"ja": "空気殺菌装置の共同開発の可否を検討すること",
                            "en": "evaluating a joint development of an air sterilizer"})
    ja, en = markdown(data, "nda", "ja"), markdown(data, "nda", "en")
    assert "株式会社アクメ精工" in ja and "ACME Seiko" not in ja
    assert "ACME Seiko Co., Ltd." in en and "株式会社アクメ精工" not in en
    assert "evaluating a joint development of an air sterilizer" in en


def test_a_text_map_without_the_language_is_an_error_naming_the_field(tmp_path: Path) -> None:
    data = variant(parties__1__representative={"ja": "代表取締役 佐藤 花子"})
    deal_file = tmp_path / "deal.yaml"
    deal_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("nda", "--config", deal_file, "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 1
    assert "parties.1.representative: has no English text (en:)" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert run("nda", "--config", deal_file, "--out", tmp_path / "ja", "--lang", "ja").exit_code == 0


def test_a_bad_text_map_is_reported_at_its_key_without_internal_tags() -> None:
    with pytest.raises(DealError) as err:
        deal_of(variant(purpose={"ja": "目的", "fr": "but"}))
    lines = err.value.lines()
    assert any(line.startswith("deal.yaml:") and ": purpose.fr: unknown key" in line for line in lines), lines
    assert not any("by_language" in line or "plain" in line for line in lines)


@pytest.mark.parametrize("court, lang, expected", [
    ("大阪地方裁判所", "en", "the Osaka District Court"),
    ("Osaka District Court", "ja", "大阪地方裁判所"),
    ("the Intellectual Property High Court", "ja", "知的財産高等裁判所"),
    ("福岡地方裁判所", "ja", "福岡地方裁判所"),
    ("さいたま簡易裁判所", "en", "さいたま簡易裁判所"),  # unknown courts stay as written
])
def test_known_courts_are_written_in_the_documents_language(court: str, lang: str, expected: str) -> None:
    assert expected in markdown(variant(court=court), "nda", lang)


def test_each_document_has_its_own_date_line() -> None:
    data = variant(nda={"date": "2026-11-20"}, mou={**BASE["mou"], "date": "2027-01-05"}, poc=UNDATED_POC)
    deal = deal_of(data)
    nda = api.build_document(deal, "nda", "ja")  # type: ignore[arg-type]
    mou = api.build_document(deal, "mou", "ja")  # type: ignore[arg-type]
    poc = api.build_document(deal, "poc", "ja")  # type: ignore[arg-type]
    assert nda.closing.date_line == "2026年11月20日"
    assert mou.closing.date_line == "2027年1月5日"
    assert poc.closing.date_line == "2026年12月1日"  # no date of its own: the top-level date


def test_effective_date_defaults_to_the_signing_date() -> None:
    deal = deal_of(variant(jda={**BASE["jda"], "date": "2027-05-20", "effective": "2027-06-01"}, poc=UNDATED_POC))
    assert deal.doc_dates("jda") == (dt.date(2027, 5, 20), dt.date(2027, 6, 1))  # type: ignore[attr-defined]
    assert deal.doc_dates("poc") == (dt.date(2026, 12, 1), dt.date(2026, 12, 1))  # type: ignore[attr-defined]
    undated = deal_of({k: v for k, v in BASE.items() if k != "date"})
    assert undated.doc_dates("nda") == (None, None)  # type: ignore[attr-defined]


def test_exclusivity_counts_from_the_first_day_of_the_research() -> None:
    ip = {"model": "exclusive_field", "exclusive_field": {"owner": "nano", "holder": "acme", "field": "空調", "years": 3,
                                                          "royalty_free": True}}
    # no PoC: a JDA effective before a PoC decision would wait for the notice to proceed (undated)
    deal = deal_of(variant(ip=ip, poc=None, jda={**BASE["jda"], "effective": "2027-04-01", "start": "2027-04-01"}))
    assert exclusivity_end(deal) == dt.date(2030, 3, 31)  # type: ignore[arg-type]
    later = deal_of(variant(ip=ip, poc=None, jda={**BASE["jda"], "effective": "2027-04-01", "start": "2027-09-01"}))
    assert exclusivity_end(later) == dt.date(2030, 8, 31), "not spent before the research starts"  # type: ignore[arg-type]
    leap = deal_of(variant(ip=ip, poc=None, jda={**BASE["jda"], "effective": "2028-02-29"}))
    assert exclusivity_end(leap) == dt.date(2031, 2, 27)  # type: ignore[arg-type]


@pytest.mark.parametrize("changes, where, message", [
    ({"acting_for": "bigco"}, "acting_for", "unknown party key"),
    ({"signing": "fax"}, "signing", "must be one of"),
    ({"ip": {"model": "background_licence", "background_licence": {"commercial": "none", "royalty": {"rate_percent": 2}}}},
     "ip.background_licence.royalty", "commercial is none"),
    ({"licence": {"licensor": "nano", "licensee": "acme", "field": "空調",
                  "rights": [{"kind": "patent", "title": "光触媒フィルタ"}]}},
     "licence.royalty", "required unless royalty_free"),
    ({"licence": {"licensor": "nano", "licensee": "nano", "field": "空調", "royalty_free": True,
                  "rights": [{"kind": "patent", "title": "光触媒フィルタ"}]}},
     "licence.licensee", "must differ from licensor"),
    ({"licence": {"licensor": "nano", "licensee": "acme", "field": "空調", "royalty_free": True,
                  "rights": [{"kind": "trade_secret", "title": "x"}]}},
     "licence.rights.0.kind", "must be one of"),
])
def test_new_keys_are_checked(changes: dict, where: str, message: str) -> None:
    with pytest.raises(DealError) as err:
        deal_of(variant(**changes))
    assert any(f": {where}: " in line and message in line for line in err.value.lines()), err.value.lines()


def test_a_priced_licence_and_a_side_validate() -> None:
    deal = deal_of(variant(acting_for="acme", signing="electronic", date_style="japanese", licence={
        "licensor": "nano", "licensee": "acme", "field": {"ja": "業務用空調設備", "en": "commercial air conditioning"},
        "rights": [{"kind": "patent", "title": "光触媒フィルタ", "number": "特許第7123456号"}],
        "royalty": {"upfront": 1000000, "rate_percent": 3.5, "minimum_annual": 500000}}))
    assert deal.acting_for == "acme" and deal.licence.royalty.report_months == 6  # type: ignore[attr-defined]
    assert deal.prevailing_language == "ja"  # type: ignore[attr-defined]
