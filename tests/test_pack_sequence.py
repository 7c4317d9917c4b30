"""A pack is a sequence (spec: deal-file.md, "A pack is a sequence"; lawyer-reading-2 sections 1, 11).

Three deals of our own give one top-level date for NDA, PoC and JDA (ja two parties, en two
parties, ja three parties). Read as the client's lawyer would, their documents must still work
in time: the JDA binds only on the client's notice to proceed, its periods count from the
research, the MOU ends when the JDA takes effect, confidentiality passes from one agreement to
the next without disturbing the earlier one, one announcement rule. The same deals with dates
per document keep that structure where the dates fit and warn where they do not. The review
sheet of every shipped deal speaks to people: no deal-file key or code, and it ends with the
next steps.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DEALS, EXAMPLES, FIXTURES, ROOT, advice_in, run
from oidocs import api
from oidocs.deal.sequence import exclusivity_end, jda_on_notice, research_start

ONE_DATE = {p.name: p for p in FIXTURES if p.name.startswith("seq-onedate-")}
JA, EN, THREE = (ONE_DATE[n] for n in ("seq-onedate-ja.yaml", "seq-onedate-en.yaml", "seq-onedate-three-ja.yaml"))


def _md(deal_path: Path, doc: str, lang: str) -> str:
    return api.render_document(api.read_deal(deal_path), doc, lang=lang, fmt="md").decode("utf-8")


def _article(text: str, title: str) -> str:
    start = text.index(f"（{title}）" if not title.isascii() else f"({title})")
    end = text.find("\n## ", start)
    return text[start:end if end != -1 else None]


def _data(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, data: dict[str, Any], name: str = "deal.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- The legal structure with one date ------------------------------------------------------

@pytest.mark.parametrize("path", [JA, EN, THREE], ids=lambda p: p.stem)
def test_one_date_jda_takes_effect_on_the_notice_to_proceed(path: Path) -> None:
    deal = api.read_deal(path)
    assert deal.date is not None and deal.jda is not None and deal.jda.date is None and deal.poc is not None
    assert jda_on_notice(deal)
    client = api.build_document(deal, "jda", "ja").closing.signatures[
        [p.key for p in deal.parties].index(deal.poc.client)].designation
    ja = _article(_md(path, "jda", "ja"), "有効期間")
    assert f"{client}が本PoC契約に基づき共同研究開発に移行する旨を" in ja and "書面で通知した日（その通知が本契約の締結前にされたときは、本契約の締結の日）から効力を生じ" in ja
    assert "効力を生じることなく失効" in ja, "a JDA the client declines never binds"
    assert "締結の日から効力" not in ja and deal.date.strftime("%Y年%-m月%-d日から効力") not in ja
    en = _article(_md(path, "jda", "en"), "Term")
    assert "shall take effect on the day on which" in en and "lapse without taking effect" in en
    poc = _md(path, "poc", "ja")
    assert "が前項の通知により効力を生じる旨を定めているときは" in poc, "the PoC says the JDA signed with it waits for the notice"


def test_research_background_ip_and_exclusivity_count_from_the_research(tmp_path: Path) -> None:
    deal = api.read_deal(EN)
    # jda.start is after the latest expected decision (2027-08-24), but the notice may still come later
    assert research_start(deal) is None and exclusivity_end(deal) is None
    jda = _md(EN, "jda", "en")
    assert "(or, if this Agreement takes effect after September 1, 2027, from the day it takes effect" in jda
    assert "shall be exclusive from the first day of the Research Period until two (2) years" in jda
    dated = _data(EN)
    dated["jda"].update({"date": dt.date(2027, 8, 30), "effective": dt.date(2027, 9, 1)})
    dated_deal = api.read_deal(_write(tmp_path, dated))
    assert research_start(dated_deal) == dt.date(2027, 9, 1)
    assert exclusivity_end(dated_deal) == dt.date(2029, 8, 31), "two years from the research, not from signature"
    assert "within 30 days of the day on which the Joint Research and Development begins under Article" in jda \
        or "within thirty (30) days of the day on which the Joint Research and Development begins under Article" in jda
    assert "within thirty (30) days of the date of execution of this Agreement" not in jda
    ja = _md(JA, "jda", "ja")
    assert "2027年10月1日から2028年9月30日まで（本契約が2027年10月1日より後に効力を生じたときは、その効力を生じた日から、2028年9月30日の後その遅れた日数を経過した日まで）" in ja
    assert "本共同研究開発の開始日（その開始日の後に取得し、又は本共同研究開発に用いることとした技術情報については、その取得又は決定の日）から30日以内" in ja


def test_the_mou_ends_when_the_jda_takes_effect_not_when_it_is_signed(tmp_path: Path) -> None:
    data = _data(ROOT / "examples" / "acme-nano-ja.yaml")
    for name in ("poc", "jda", "licence"):
        data[name].pop("date", None)
    path = _write(tmp_path, data)
    ja = _article(_md(path, "mou", "ja"), "有効期間")
    assert "共同研究開発に関する契約が当事者間で効力を生じたときは" in ja and "当該契約が効力を生じた日に終了する" in ja
    assert "その締結の時に終了" not in ja
    en = _article(_md(path, "mou", "en"), "Term")
    assert "shall terminate on the day that agreement takes effect" in en


@pytest.mark.parametrize("path", [JA, THREE], ids=lambda p: p.stem)
def test_later_confidentiality_governs_from_its_effective_date_without_disturbing_the_earlier(path: Path) -> None:
    jda = _article(_md(path, "jda", "ja"), "秘密保持")
    assert "本契約の効力発生日以後、本共同研究開発のために開示され、又は使用される限りにおいて" in jda
    assert "本PoC契約の履行を妨げず" in jda and "本契約の締結日以後" not in jda
    poc = _md(path, "poc", "ja")
    assert "本検証のために開示され、又は使用されるものは、本契約の効力発生日以後" in poc
    assert "同日前の行為については、引き続き" in poc
    en = _md(EN, "jda", "en")
    assert "from the date this Agreement takes effect and to the extent it is disclosed or used for the Joint Research" in en
    assert "does not affect the performance of the PoC Agreement" in en


@pytest.mark.parametrize("path", [JA, EN, THREE], ids=lambda p: p.stem)
def test_one_rule_for_announcing_the_collaboration_in_every_document(path: Path) -> None:
    deal = api.read_deal(path)
    lang = deal.language
    for doc in api.docs_in(deal):
        text = _md(path, doc, lang)
        if lang == "ja":
            assert "事実を公表することができる" not in text, doc
            if doc in ("nda", "poc", "jda"):
                assert re.search(r"公表しようとするときは、あらかじめその内容について[^。]*書面による同意を得る", text), doc
        else:
            assert "may announce publicly that" not in text, doc
            if doc in ("nda", "poc", "jda"):
                assert re.search(r"announce[^.]*shall obtain in advance the written consent", text), doc


# --- Checks across the pack ------------------------------------------------------------------

@pytest.mark.parametrize("path", [JA, EN, THREE], ids=lambda p: p.stem)
def test_one_date_packs_warn_that_stages_are_signed_the_same_day(path: Path, tmp_path: Path) -> None:
    result = run("validate", path)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and ": date: warning: the JDA is signed on the same day as the PoC agreement" in warnings[0]
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", warnings[0]), "located at the top-level date"
    assert "1 warning across the pack" in result.output
    strict = run("validate", path, "--strict")
    assert strict.exit_code == 1 and "(an error under --strict)" in strict.stderr
    refused = run("pack", "--config", path, "--out", tmp_path / "o", "--strict")
    assert refused.exit_code == 1 and not (tmp_path / "o").exists()
    sheet = api.render_review(api.read_deal(path)).decode()
    section = sheet[sheet.index("## 書類間の整合性" if "## 書類間の整合性" in sheet else "## Checks across the pack"):]
    section = section[:section.index("\n## ", 3)]
    assert "同じ日" in section or "same day" in section
    assert "矛盾は見つかりませんでした" not in sheet and "No contradiction found" not in sheet


def test_dated_documents_keep_the_structure_where_the_dates_fit(tmp_path: Path) -> None:
    """Per-document dates that fit: the JDA, signed before the decision, still waits for the
    notice (the same Term article), and no warning."""
    data = _data(JA)
    data["poc"]["date"] = dt.date(2027, 4, 20)
    data["jda"]["date"] = dt.date(2027, 9, 10)  # before the decision's last day (2027-10-24)
    path = _write(tmp_path, data)
    assert check_rules(path) == []
    assert _article(_md(path, "jda", "ja"), "有効期間") == _article(_md(JA, "jda", "ja"), "有効期間")
    assert run("validate", path, "--strict").exit_code == 0


def check_rules(path: Path) -> list[str]:
    from oidocs.review.checks import check_pack

    return [f.rule for f in check_pack(api.read_deal(path))]


def test_dated_documents_that_do_not_fit_are_warned(tmp_path: Path) -> None:
    data = _data(JA)
    data["poc"]["date"] = dt.date(2027, 4, 20)
    data["jda"].update({"date": dt.date(2027, 6, 1), "effective": dt.date(2027, 6, 1), "start": dt.date(2027, 7, 1)})
    path = _write(tmp_path, data)
    assert check_rules(path) == ["poc_report_after_research"]
    result = run("validate", path)
    lines = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert any(": jda.start: warning: the report under the PoC agreement falls due on 2027-08-14, after the joint "
               "research starts (2027-07-01)" in line for line in lines), lines
    # its own effective date comes before the decision (2027-10-24): since the seventh reading (deal H)
    # it is a floor, and the JDA waits for the notice to proceed, so the decision can no longer fall
    # after the research starts (tests/test_jda_read7.py)
    term = _article(_md(path, "jda", "ja"), "有効期間")
    assert "書面で通知した日（その通知が本契約の締結前にされたときは、本契約の締結の日）から効力を生じ" in term and "2027年6月1日から効力を生じ" not in term  # signed that day: no floor


def test_an_nda_that_ends_before_the_next_agreement_takes_effect_is_warned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Since the sixth reading (E7) the NDA's term runs to the dated PoC, and the check reads that
    end (nothing to warn: tests/test_review_read6.py); with the bare months it warns, as here."""
    from oidocs.deal.sequence import term_end
    from oidocs.review import checks as checks_module

    data = _data(EN)
    data["nda"] = {"date": dt.date(2026, 1, 10), "term_months": 6}
    path = _write(tmp_path, data)
    assert "nda_ends_before" not in check_rules(path)
    monkeypatch.setattr(checks_module, "nda_end", lambda deal: term_end(dt.date(2026, 1, 10), 6))
    assert "nda_ends_before" in check_rules(path)
    result = run("validate", path)
    assert any(": nda.term_months: warning: the NDA ends on 2026-07-09, before the PoC agreement" in line
               for line in result.stderr.splitlines()), result.stderr


def test_a_sheet_never_says_the_dates_fit_when_a_check_could_not_run(tmp_path: Path) -> None:
    data = _data(EN)
    data.pop("date")
    sheet = api.render_review(api.read_deal(_write(tmp_path, data))).decode()
    assert "No contradiction found" not in sheet
    assert "could not be made, because these documents have no signing date: NDA, PoC agreement, JDA" in sheet


# --- The deadline register -------------------------------------------------------------------

def test_the_register_of_a_one_date_pack_holds_every_dated_duty(tmp_path: Path) -> None:
    assert run("calendar", "--config", THREE, "--out", tmp_path).exit_code == 0
    rows = (tmp_path / "seq-onedate-three-deadlines.csv").read_text(encoding="utf-8-sig")
    for what in ("共同研究開発に移行するか否かの判断", "背景情報の別紙への追加を提案する期限", "改良発明の通知義務",
                 "秘密保持義務の終了日", "移行の提案に対する回答期限"):
        assert what in rows, what
    # the research starts on 2028-01-01 or on the notice to proceed: a rule, not a date
    assert re.search(r",共同研究開発契約書,第\d+条,背景情報の別紙への追加を提案する期限,研究期間の初日から30日以内", rows)


# --- The review sheet, for people ------------------------------------------------------------

def _forbidden(deal_path: Path) -> set[str]:
    """Deal-file keys, party keys, fixed values and codes that a reader should never meet."""
    from oidocs.clauses.library import Library
    from oidocs.review.acting import rules
    from oidocs.review.sheet import options

    deal = api.read_deal(deal_path)
    found = {path for path, _, _ in options(deal) if "." in path or "_" in path}
    found |= {part for path, _, _ in options(deal) for part in path.split(".") if "_" in part}
    found |= {v for _, v, _ in options(deal) if isinstance(v, str) and re.fullmatch(r"[a-z]+_[a-z_]+", v)}
    names = " ".join(str(p.name).lower() for p in deal.parties)
    found |= {p.key for p in deal.parties if len(p.key) > 3 and p.key not in names}
    found |= set(rules()["rules"]) | {r for r in Library().advice if "_" in r}
    found |= {f"{d}.{c}" for d in ("nda", "mou", "poc", "jda", "licence", "ip", "common") for c in ("preamble", "term")}
    return found | {"Triggered by", "契機", "`"}


@pytest.mark.parametrize("deal_path", DEALS, ids=lambda p: p.stem)
def test_no_sheet_shows_a_key_or_code_and_each_ends_with_next_steps(deal_path: Path) -> None:
    deal = api.read_deal(deal_path)
    for lang in ("ja", "en"):
        try:
            sheet = api.render_review(deal, lang=lang).decode()
        except Exception:  # a deal with text in one language only
            continue
        body = sheet.split("\n", 1)[1]  # the title names the deal by its id
        for word in sorted(_forbidden(deal_path)):
            hit = re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", body, flags=re.I)
            assert hit is None, (lang, word, body[max(0, hit.start() - 80):hit.end() + 40])
        last = sheet[sheet.rindex("\n## "):]
        assert last.startswith("\n## 次にすること" if lang == "ja" else "\n## Next steps"), lang
        assert ("原本" in last or "電子署名" in last) if lang == "ja" else ("originals" in last or "electronic" in last)
        assert ("弁護士がまず確認する箇所" if lang == "ja" else "What a lawyer should read first") in last


def test_values_read_as_people_write_them(tmp_path: Path) -> None:
    sheet = api.render_review(api.read_deal(JA)).decode()
    assert "| 成果の帰属の型 | 共同出願 | 指定 |" in sheet and "joint_filing" not in sheet
    assert "| 検証を行う当事者 | 株式会社ヒカリセンシング | 指定 |" in sheet
    assert "| 委託料 | 2,000,000 | 指定 |" in sheet
    en = api.render_review(api.read_deal(EN)).decode()
    assert "| How results are owned | exclusive right in a field | set |" in en


def test_next_steps_name_the_notice_originals_and_stamps() -> None:
    sheet = api.render_review(api.read_deal(EN)).decode()
    steps = sheet[sheet.index("## Next steps"):]
    assert "The JDA takes effect on the day Tidewater Logistics K.K. gives written notice" in steps
    assert "as many originals of each document as there are parties (2)" in steps
    assert "Revenue stamps:" in steps and "Joint Research and Development Agreement" in steps
    electronic = next(p for p in EXAMPLES if p.name == "hakata-sensor-ja.yaml")
    assert "電子署名" in api.render_review(api.read_deal(electronic)).decode().split("## 次にすること")[1]


def test_a_royalty_free_default_that_commits_a_startup_is_flagged(tmp_path: Path) -> None:
    data = _data(THREE)
    data["parties"][0]["kind"] = "startup"
    sheet = api.render_review(api.read_deal(_write(tmp_path, data))).decode()
    assert advice_in("royalty_free_startup_default", sheet)
    assert "瀬戸セラミックス株式会社の背景知財は、共同研究開発のために他の当事者へ無償で許諾される" in sheet
    data["ip"]["background_licence"] = {"royalty_free": False, "royalty": {"upfront": 0, "rate_percent": 2}}
    sheet = api.render_review(api.read_deal(_write(tmp_path, data, "paid.yaml"))).decode()
    assert not advice_in("royalty_free_startup_default", sheet) and not advice_in("royalty_free_startup", sheet)


@pytest.mark.parametrize("lang, ends", [("en", "the day on which the Next Agreement takes effect"),
                                        ("ja", "次段階契約が効力を生じた日")])
def test_the_poc_stand_still_runs_until_the_jda_takes_effect_not_until_it_is_signed(lang: str, ends: str) -> None:
    # one date: the JDA is signed with the PoC and waits for the notice to proceed; a stand-still
    # that ended on signing would end the day it began and leave the field open meanwhile
    deal = api.read_deal(EN)
    assert jda_on_notice(deal)
    poc = _md(EN, "poc", lang)
    assert ends in poc
    assert "Next Agreement is concluded;" not in poc and "次段階契約が締結された日" not in poc
