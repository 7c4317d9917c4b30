"""Stamp duty on the review sheet follows what the pack's clauses say.

The advice heading used to say that duty is due while the stamp-duty section said to confirm;
and the verdict was taken from the IP model, so a JDA that forced a declining co-owner to assign
its share was "not a taxable document". Now the sheet finds the articles that oblige a party to
transfer rights (``templates/stamp_duty.yaml``: transfers) in the documents made, and the heading,
the advice and the section all say "may be taxable: confirm" for those documents alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, article_number
from oidocs import api

REVIEW = ROOT / "tests" / "review_deals"
ASTER = REVIEW / "aster-univ-mizuho-en.yaml"   # joint filing: no term assigns anything
KOBA = REVIEW / "koba-daito-one-date-ja.yaml"  # exclusive field: Daito assigns its share to Kobayashi

CONFIRM = {"ja": "要確認", "en": "confirm"}


def _number(path: Path, doc: str, lang: str, ja: str, en: str) -> str:
    """How the document ``doc`` made from ``path`` in ``lang`` cites its Article titled ``ja`` / ``en``."""
    text = api.render_document(api.read_deal(path), doc, lang=lang, fmt="md").decode("utf-8")
    return article_number(text, ja if lang == "ja" else en)


def _sheet(path: Path, lang: str, tmp_path: Path, **changes: object) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        data.pop(key)
    deal = tmp_path / path.name
    deal.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.render_review(api.read_deal(deal), lang=lang).decode("utf-8")


def _stamp_item(sheet: str) -> tuple[str, str]:
    """The stamp-duty advice item: (heading with its citation, body)."""
    match = re.search(r"^\d+\. (\*\*[^\n]*(?:印紙税|stamp duty)[^\n]*)\n   ([^\n]*)", sheet, flags=re.M)
    assert match, "no stamp-duty advice item"
    return match.group(1), match.group(2)


def _stamp_line(sheet: str, title: str) -> str:
    section = sheet[sheet.index("## 印紙税" if "## 印紙税" in sheet else "## Stamp duty"):]
    return next(line for line in section.splitlines() if line.startswith(f"- **{title}**"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_stamp_duty_heading_says_what_its_body_says(lang: str, tmp_path: Path) -> None:
    """Heading and body both say: may be taxable, confirm with a tax adviser; none when signed electronically."""
    heading, body = _stamp_item(_sheet(KOBA, lang, tmp_path))
    assert CONFIRM[lang] in heading
    assert "印紙税がかかる" not in heading
    assert ("税理士" if lang == "ja" else "tax accountant") in body
    assert ("電子契約で締結する場合は印紙税はかからない" if lang == "ja" else "an electronic contract never bears stamp duty") in body
    assert "当たる。" not in body  # never "is taxable" as a flat statement
    jda = _stamp_line(_sheet(KOBA, lang, tmp_path), "共同研究開発契約書" if lang == "ja" else "Joint Research and Development Agreement")
    assert CONFIRM[lang] in jda


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_stamp_duty_verdict_follows_the_articles_that_transfer_rights(lang: str, tmp_path: Path) -> None:
    """The exclusive-field pack: the JDA's results article and the PoC's (the others vest the results in the
    owner) are cited, in the advice and on each document's line; in the joint-filing pack a declining
    co-owner keeps its share, and its JDA is cited for the free assignment of Background Improvements."""
    koba = _sheet(KOBA, lang, tmp_path)
    heading, _ = _stamp_item(koba)
    poc_results = _number(KOBA, "poc", lang, "本成果の帰属", "Ownership of the Results")
    jda_results = _number(KOBA, "jda", lang, "共同成果の帰属", "Ownership of Joint Results")
    label = {"ja": (f"技術検証（PoC）契約 {poc_results}", f"共同研究開発契約 {jda_results}"),
             "en": (f"PoC agreement {poc_results}", f"JDA {jda_results}")}[lang]
    assert all(c in heading for c in label), heading
    poc = _stamp_line(koba, "技術検証（PoC）契約書" if lang == "ja" else "Technical Verification (Proof of Concept) Agreement")
    assert ("第1号の1文書" if lang == "ja" else "category 1-1") in poc
    aster = _sheet(ASTER, lang, tmp_path)
    heading, _ = _stamp_item(aster)  # the PoC's party with no role assigns what its people contribute
    aster_results = _number(ASTER, "poc", lang, "本成果の帰属", "Ownership of the Results")
    assert (f"技術検証（PoC）契約 {aster_results}" if lang == "ja" else f"PoC agreement {aster_results}") in heading
    # the JDA's Background Improvements Article (read12): the others assign their rights or shares in
    # improvements of a party's background IP to it free of charge, so the JDA on paper is cited too
    improvements = _number(ASTER, "jda", lang, "背景知的財産権の改良", "Improvements of Background IP Rights")
    assert (f"共同研究開発契約 {improvements}" if lang == "ja" else f"JDA {improvements}") in heading
    jda = _stamp_line(aster, "共同研究開発契約書" if lang == "ja" else "Joint Research and Development Agreement")
    assert CONFIRM[lang] in jda


def test_no_stamp_duty_advice_when_signed_electronically(tmp_path: Path) -> None:
    sheet = _sheet(KOBA, "ja", tmp_path, signing="electronic")
    assert "権利を譲渡させる条項" not in sheet
