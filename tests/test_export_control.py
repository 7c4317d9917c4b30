"""Export control (lawyer reading 2, "No export control with a foreign party"): when a party is
abroad, technology given to it leaves Japan and may need a licence under the Foreign Exchange and
Foreign Trade Act, so every agreement that discloses or provides technology carries an article on
it; a deal among parties in Japan has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, docx_paragraphs, run, shipped_markdown

BILINGUAL = ROOT / "examples" / "minato-rhein-bilingual.yaml"   # a German party: NDA, PoC, JDA
KOBE = ROOT / "tests" / "fixtures" / "kobe-licence-en.yaml"      # two parties in Japan: NDA, PoC, licence
ACME = ROOT / "examples" / "acme-nano-ja.yaml"                    # two parties in Japan: all five documents
TITLE = {"ja": "輸出管理", "en": "Export Control"}
# What the article must say, in each language: the Act, the licence before providing, withholding
# without breach, no re-export, end use and end user on request.
WORDS = {
    "ja": ("外国為替及び外国貿易法", "許可又は承認を事前に取得", "違反したことにはならない", "再輸出", "最終用途、最終需要者"),
    "en": ("Foreign Exchange and Foreign Trade Act", "obtain any licence or approval", "shall not be a breach",
           "re-export", "end use and end user"),
}


def _kobe_abroad(tmp_path: Path) -> Path:
    """The Kobe licence deal with the licensor moved to Singapore."""
    text = KOBE.read_text(encoding="utf-8").replace(
        "address: 5-6-7 Umeda, Kita-ku, Osaka", 'address: "1 Fusionopolis Way, #20-10 Connexis, Singapore 138632"')
    assert "Singapore" in text
    path = tmp_path / KOBE.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_with_a_party_abroad_every_technology_document_has_the_export_control_article(tmp_path: Path, lang: str) -> None:
    cases = [(BILINGUAL, doc) for doc in ("nda", "poc", "jda")] + [(_kobe_abroad(tmp_path), doc) for doc in ("nda", "poc", "licence")]
    for deal, doc in cases:
        body = article_titled(shipped_markdown(deal, doc, lang), TITLE[lang])
        for words in WORDS[lang]:
            assert words in body, (deal.name, doc, lang, words)


def test_the_export_control_article_reads_back_from_docx_in_both_languages(tmp_path: Path) -> None:
    result = run("jda", "--config", BILINGUAL, "--out", tmp_path, "--format", "docx", "--lang", "ja+en")
    assert result.exit_code == 0, result.output
    (docx,) = tmp_path.glob("*jda*.docx")
    text = "\n".join(str(p) for p in docx_paragraphs(docx))
    assert "輸出管理" in text and "Export Control" in text
    for lang in ("ja", "en"):
        for words in WORDS[lang]:
            assert words in text, (lang, words)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_with_every_party_in_japan_no_document_has_an_export_control_article(lang: str) -> None:
    for deal, docs in ((ACME, ("nda", "mou", "poc", "jda", "licence")), (KOBE, ("nda", "poc", "licence"))):
        if deal is ACME and lang == "en":
            continue  # a Japanese-only deal file
        for doc in docs:
            text = shipped_markdown(deal, doc, lang)
            assert TITLE[lang] not in text and WORDS[lang][0] not in text, (deal.name, doc, lang)


SURVIVAL = {"ja": "存続条項", "en": "Survival"}
SURVIVES = {"ja": "受領した当事者がこれら又はその複製物を保有する間", "en": "for as long as the Party that received them holds them"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_ban_on_re_export_outlives_the_agreement(tmp_path: Path, lang: str) -> None:
    """What a party abroad received stays under the re-export ban after the PoC, JDA or licence ends:
    each survival article names the export-control article, by its computed number, for as long
    as the recipient holds what it received; a deal among parties in Japan names nothing of it."""
    import re

    for deal, doc in [(BILINGUAL, "poc"), (BILINGUAL, "jda"), (_kobe_abroad(tmp_path), "licence")]:
        text = shipped_markdown(deal, doc, lang)
        number = re.search(r"^## (第\d+条|Article \d+)[（ ]\(?" + TITLE[lang], text, flags=re.M)
        assert number, (deal.name, doc)
        survival = article_titled(text, SURVIVAL[lang])
        assert number.group(1) in survival and SURVIVES[lang] in survival, (deal.name, doc)
    for doc in ("poc", "jda", "licence"):
        assert SURVIVES[lang] not in article_titled(shipped_markdown(ACME, doc, lang), SURVIVAL[lang])
