"""oidocs calendar: every dated obligation as an iCalendar file a calendar program imports, and a CSV sheet.

The .ics file is parsed with the icalendar library (a real client's parser), its dates checked
against the shipped example's own dates, and a second run must give the same UIDs and bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from conftest import ROOT, run
from oidocs import api

icalendar = pytest.importorskip("icalendar")

EXAMPLE = ROOT / "examples" / "acme-nano-ja.yaml"


def _calendar(out: Path, config: Path = EXAMPLE, *args: str) -> tuple[bytes, bytes]:
    result = run("calendar", "--config", config, "--out", out, *args)
    assert result.exit_code == 0, result.stderr
    deal = api.read_deal(config)
    return ((out / f"{deal.deal_id}-deadlines.ics").read_bytes(), (out / f"{deal.deal_id}-deadlines.csv").read_bytes())


def _events(ics: bytes) -> list[object]:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


def _by_day(ics: bytes) -> dict[dt.date, list[str]]:
    days: dict[dt.date, list[str]] = {}
    for ev in _events(ics):
        days.setdefault(ev.decoded("DTSTART"), []).append(str(ev.get("SUMMARY")))  # type: ignore[attr-defined]
    return days


def test_the_calendar_holds_the_dates_of_the_example(tmp_path: Path) -> None:
    ics, _ = _calendar(tmp_path)
    deal = api.read_deal(EXAMPLE)
    days = _by_day(ics)
    assert deal.poc and deal.jda and deal.mou and deal.licence
    signed_nda, _ = deal.doc_dates("nda")
    assert signed_nda and "秘密保持契約書の締結日" in days[signed_nda]
    assert any("検証期間の開始日" == s for s in days[deal.poc.start])
    assert any("検証期間の終了日" == s for s in days[deal.poc.end])
    assert any(s.startswith("検証報告書") for s in days[deal.poc.end + dt.timedelta(days=deal.poc.report_days)])
    for milestone in deal.mou.milestones:
        assert any(str(milestone.title) in s for s in days[milestone.due])
    # the JDA is signed before the PoC decision: its research starts on jda.start or the notice to proceed
    assert not any("研究期間の開始日" == s for s in days.get(deal.jda.start, []))
    assert any("研究期間の終了日" == s for s in days[deal.jda.end])
    # a term of 12 months counted from 2026-12-01 (its first day) ends on 2027-11-30
    assert any("有効期間の満了日" in s for s in days[dt.date(2027, 11, 30)])
    licence_signed, _ = deal.doc_dates("licence")
    assert licence_signed and "特許・ノウハウライセンス契約書の締結日" in days[licence_signed]
    assert any("第1回の実施報告" in s for s in days[dt.date(2027, 12, 30)]), "report 30 days after the first half-year"
    for ev in _events(ics):
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")  # type: ignore[attr-defined]
        assert type(start) is dt.date and end == start + dt.timedelta(days=1), "one all-day event"
        assert str(ev.get("UID")).endswith("@oidocs")  # type: ignore[attr-defined]


def test_each_event_names_its_document_and_article(tmp_path: Path) -> None:
    ics, _ = _calendar(tmp_path)
    deal = api.read_deal(EXAMPLE)
    licence = api.build_document(deal, "licence")
    reports = next(a.label for a in licence.articles if a.clause.id == "licence.reports")
    descriptions = [str(ev.get("DESCRIPTION")) for ev in _events(ics)]  # type: ignore[attr-defined]
    assert any(d.startswith(f"{licence.title} {reports}: 第1回の実施報告") for d in descriptions)
    mou = api.build_document(deal, "mou")
    milestones = next(a.label for a in mou.articles if a.clause.id == "mou.milestones")
    assert any(d.startswith(f"{mou.title} {milestones}: マイルストーン") for d in descriptions)


def test_a_second_run_gives_the_same_uids_and_bytes(tmp_path: Path) -> None:
    first = _calendar(tmp_path / "one")
    second = _calendar(tmp_path / "two")
    assert first == second, "byte-identical .ics and .csv"
    uids = [str(ev.get("UID")) for ev in _events(first[0])]  # type: ignore[attr-defined]
    assert len(uids) == len(set(uids)), "one UID per deadline"


def test_a_changed_date_keeps_the_event_uid(tmp_path: Path) -> None:
    changed = tmp_path / "deal.yaml"
    changed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("end: 2028-05-31", "end: 2028-09-30"),
                       encoding="utf-8")
    old = {str(ev.get("SUMMARY")): (str(ev.get("UID")), ev.decoded("DTSTART"))  # type: ignore[attr-defined]
           for ev in _events(_calendar(tmp_path / "old")[0])}
    new = {str(ev.get("SUMMARY")): (str(ev.get("UID")), ev.decoded("DTSTART"))  # type: ignore[attr-defined]
           for ev in _events(_calendar(tmp_path / "new", changed)[0])}
    assert old["研究期間の終了日"][0] == new["研究期間の終了日"][0], "re-importing updates the same event"
    assert new["研究期間の終了日"][1] == dt.date(2028, 9, 30)


def test_the_file_follows_rfc_5545_line_rules(tmp_path: Path) -> None:
    ics, _ = _calendar(tmp_path, EXAMPLE, "--lang", "en")
    assert ics.endswith(b"\r\n") and b"\n" not in ics.replace(b"\r\n", b"")
    lines = ics.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), "folded at 75 octets"
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"
    for line in lines:
        line.decode("utf-8")  # no character split across a fold
    summaries = [str(ev.get("SUMMARY")) for ev in _events(ics)]  # type: ignore[attr-defined]
    assert "Non-Disclosure Agreement: signing date" in summaries


def test_the_sheet_lists_rules_for_dates_that_depend_on_an_event(tmp_path: Path) -> None:
    _, sheet = _calendar(tmp_path)
    rows = list(csv.DictReader(io.StringIO(sheet.decode("utf-8-sig"))))
    assert list(rows[0]) == ["date", "document", "article", "what", "rule"]
    deal = api.read_deal(EXAMPLE)
    assert deal.poc
    fee = next(r for r in rows if r["what"] == "委託料の支払期限")
    assert fee["date"] == "" and fee["rule"] == f"請求書の受領日から{deal.poc.fee.due_days}日以内"
    poc = api.build_document(deal, "poc")
    assert fee["article"] == next(a.label for a in poc.articles if a.clause.id == "poc.fee")
    assert any(r["what"] == "成果の公表の事前通知" and r["rule"] for r in rows)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and len(dated) == len(_events(_calendar(tmp_path / "again")[0]))


def test_pack_writes_the_calendar_and_lists_it_in_the_manifest(tmp_path: Path) -> None:
    assert run("pack", "--config", EXAMPLE, "--out", tmp_path, "--format", "md").exit_code == 0
    deal = api.read_deal(EXAMPLE)
    manifest = json.loads((tmp_path / f"{deal.deal_id}-manifest.json").read_text(encoding="utf-8"))
    names = [f["name"] for f in manifest["calendar"]]
    assert names == [f"{deal.deal_id}-deadlines.ics", f"{deal.deal_id}-deadlines.csv"]
    assert all((tmp_path / n).is_file() for n in names)


def test_text_with_commas_semicolons_and_backslashes_comes_back_as_written(tmp_path: Path) -> None:
    title = r"Pilot, phase 1; site A\B — 試作機の据付けと性能確認を含む長い名称のマイルストーン"
    deal_file = tmp_path / "deal.yaml"
    deal_file.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "{title: 技術検証（PoC）の完了, due: 2027-03-31}", '{title: "' + title.replace("\\", "\\\\") + '", due: 2027-03-31}'),
        encoding="utf-8")
    ics, _ = _calendar(tmp_path / "out", deal_file)
    assert b"Pilot\\, phase 1\\; site A\\\\B" in ics.replace(b"\r\n ", b""), "escaped as RFC 5545 TEXT"
    summaries = [str(ev.get("SUMMARY")) for ev in _events(ics)]  # type: ignore[attr-defined]
    assert f"マイルストーンの期限：{title}" in summaries


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_dated_duty_of_the_pack_is_in_the_register(tmp_path: Path) -> None:
    """The PoC decision, background-IP identification, improvement notices, the end of each
    confidentiality duty and the reply the NDA asks for (lawyer-reading-2 section 11)."""
    ics, table = _calendar(tmp_path, ROOT / "examples" / "bigco-smallworks-en.yaml")
    rows = {r["what"].split(" (")[0]: r for r in _rows(table)}
    decision = rows["Decision whether to proceed to joint research and development, notified in writing"]
    # report due 2027-06-14, ten days' review, two months to decide
    assert decision["date"] == "2027-08-24" and decision["rule"] == "2 months after acceptance of the report"
    assert rows["Background information to be proposed for the Schedule"]["rule"].startswith(
        "30 days after the first day of the research period")
    assert rows["Last day of the duty to notify improvements"]["date"] == "2029-06-30"
    assert rows["Joint Research and Development Agreement: end of confidentiality"]["date"] == "2033-06-30"
    ends = [r for r in _rows(table) if "end of confidentiality" in r["what"]]
    assert {r["document"] for r in ends} == {"Non-Disclosure Agreement", "Joint Research and Development Agreement",
                                              "Technical Verification (Proof of Concept) Agreement"}
    assert rows["Reply due to a proposal to move on to a PoC or joint research and development"]["rule"] == (
        "2 months after receipt of the written proposal")
    effective = rows["Joint Research and Development Agreement: effective date"]
    assert effective["date"] == "" and "written notice that it will proceed" in effective["rule"]
    assert rows["End of the exclusive period"]["date"] == "", "counted from the research, not yet dated"
    summaries = [str(ev.get("SUMMARY")) for ev in _events(ics)]  # type: ignore[attr-defined]
    assert any(s.startswith("Decision whether to proceed") for s in summaries)
