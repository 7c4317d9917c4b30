"""Points from the lawyer's review of the PoC, JDA and IP clauses (jda-fixes).

Each test renders a shipped deal and checks wording a client's lawyer would notice; each fails
on the text before the fix.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, article_titled, shipped_markdown

ACME = ROOT / "examples" / "acme-nano-ja.yaml"      # two parties, PoC and JDA, joint filing, each_own costs
HOKKAI = ROOT / "examples" / "hokkai-univ-ja.yaml"  # three parties, background licence (royalty-free)


def test_each_own_cap_is_not_only_the_liable_partys_own_spending() -> None:
    """The cap must not shrink to what a Party that spent little can show it spent. Since the third
    lawyer reading it is not measured by spending at all (an SME cannot operate that); since the fifth,
    a JDA where each bears its own costs has no overall cap unless the deal gives a figure, since what
    passes between such parties is often nil (tests/test_jda_read5.py)."""
    ja = article_titled(shipped_markdown(ACME, "jda", "ja"), "損害賠償及び責任の制限")
    en = article_titled(shipped_markdown(ACME, "jda", "en"), "Damages and Limitation of Liability")
    assert "当事者間で既に支払われた金額及び支払われるべき金額" not in ja and "責任の総額" not in ja
    assert "paid, and are payable, between the Parties" not in en and "total liability" not in en
    assert "the costs that the Party has spent" not in en


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_two_party_jda_has_no_plural_or_consortium_wording(lang: str) -> None:
    text = shipped_markdown(ACME, "jda", lang)
    for phrase in ("複数の当事者", "当該当事者との関係において", "単独で又は共同して",
                   "two or more Parties", "with respect to that Party", "alone or jointly",
                   "the co-owners that file"):
        assert phrase not in text, phrase
    termination = article_titled(text, "解除等" if lang == "ja" else "Termination")
    assert ("相手方に対する書面による通知" if lang == "ja" else "by written notice to the other Party") in termination


def test_two_party_poc_speaks_of_the_other_co_owner() -> None:
    text = shipped_markdown(ACME, "poc", "en")
    assert "the other co-owners" not in text and "among the co-owners" not in text
    assert "the other co-owner" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_three_party_termination_still_operates_against_the_party_concerned(lang: str) -> None:
    termination = article_titled(shipped_markdown(HOKKAI, "jda", lang), "解除等" if lang == "ja" else "Termination")
    assert ("当該当事者との関係において" if lang == "ja" else "with respect to that Party") in termination


def test_royalty_free_background_licence_says_no_consideration_for_the_licence(tmp_path) -> None:
    from oidocs import api

    deal = tmp_path / "deal.yaml"  # the commercial licence is free only when the deal says so
    deal.write_text(HOKKAI.read_text(encoding="utf-8").replace("royalty_free: true", "royalty_free: true\n    commercial: royalty_free"),
                    encoding="utf-8")
    ja = api.render_document(api.read_deal(deal), "jda", lang="ja", fmt="md").decode("utf-8")
    en = api.render_document(api.read_deal(deal), "jda", lang="en", fmt="md").decode("utf-8")
    assert "本成果の実施のための実施許諾についても、対価を要しない" in ja
    assert "実施のための実施も" not in ja
    assert "No consideration shall be payable for the licence for practising the Results" in en


def test_poc_purpose_reads_as_verification_for_the_purpose() -> None:
    ja = shipped_markdown(ACME, "poc", "ja")
    assert "本目的に関する技術的な検証を行うに当たり" in ja and "共同研究開発契約（以下「次段階契約」という。）を締結するか否かを判断" in ja
    assert "本目的に関する共同研究開発に進むか否か" not in ja


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_damages_article_comes_before_the_term_article(lang: str) -> None:
    """JPO model order: termination, damages, then term and survival."""
    text = shipped_markdown(ACME, "jda", lang)
    titles = re.findall(r"^## (?:第\d+条（(.*?)）|Article \d+ \((.*?)\))$", text, flags=re.M)
    order = [ja or en for ja, en in titles]
    damages = "損害賠償及び責任の制限" if lang == "ja" else "Damages and Limitation of Liability"
    term = "有効期間" if lang == "ja" else "Term"
    assert order.index(damages) < order.index(term)


def test_poc_survival_keeps_the_termination_damages_and_fee_settlement_alive() -> None:
    ja = shipped_markdown(ACME, "poc", "ja")
    en = shipped_markdown(ACME, "poc", "en")
    termination_ja = re.search(r"^## (第\d+条)（解除）", ja, flags=re.M)
    termination_en = re.search(r"^## (Article \d+) \(Termination\)", en, flags=re.M)
    assert termination_ja and termination_en
    survival_ja = article_titled(ja, "存続条項")
    survival_en = article_titled(en, "Survival")
    assert f"{termination_ja.group(1)}（損害賠償の請求及び" in survival_ja and "の精算に関する部分に限る。）" in survival_ja
    assert f"{termination_en.group(1)} (only as regards claims for damages and the settlement of the" in survival_en


def test_poc_and_jda_name_the_earlier_agreements_by_their_dates() -> None:
    """The pack makes the NDA (and the PoC agreement): the later agreements name them by date
    instead of saying 'if an NDA has been concluded'."""
    poc_ja, poc_en = shipped_markdown(ACME, "poc", "ja"), shipped_markdown(ACME, "poc", "en")
    jda_ja, jda_en = shipped_markdown(ACME, "jda", "ja"), shipped_markdown(ACME, "jda", "en")
    assert re.search(r"当事者間で\d{4}年\d+月\d+日に締結された本目的に関する秘密保持契約", poc_ja)
    assert re.search(r"non-disclosure agreement concerning the Purpose concluded between the Parties on [A-Z][a-z]+ \d+, \d{4}", poc_en)
    # The JDA's PoC-results article defines the PoC agreement by its date; confidentiality uses that term.
    assert re.search(r"\d{4}年\d+月\d+日付けで締結された技術検証（PoC）契約（以下「本PoC契約」という。）", jda_ja)
    assert re.search(r"\d+日に締結された秘密保持契約及び本PoC契約に基づき", jda_ja)
    assert re.search(r"agreement entered into between the Parties on [A-Z][a-z]+ \d+, \d{4} \(the “PoC Agreement”\)", jda_en)
    assert re.search(r"non-disclosure agreement concluded between the Parties on [A-Z][a-z]+ \d+, \d{4} or under the PoC Agreement", jda_en)
    for text in (poc_ja, jda_ja):
        assert "秘密保持契約（以下「本秘密保持契約」という。）が締結されている場合" not in text
        assert "技術検証契約が締結されている場合" not in text
    assert "has been concluded among the Parties" not in poc_en
    assert "If the Parties entered into a non-disclosure agreement" not in jda_en
