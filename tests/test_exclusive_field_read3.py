"""The exclusive field after the third lawyers' reading (deal D: a university owns, a US startup holds).

The owner filed and maintained at its own cost rights only the holder could use; the non-practice
trigger counted one year from the end of the research, the very day exclusivity ended, so it could
never fire. Each test reads the generated JDA back, in both languages.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import DEALS, ROOT, article_titled, shipped_markdown
from oidocs import api
from oidocs.deal.sequence import exclusivity_end, practice_due

D = ROOT / "tests" / "review_deals" / "kansai-helix-field-en.yaml"
REVIEW = sorted((ROOT / "tests" / "review_deals").glob("*.yaml"))


def _article(path: Path, lang: str, ja: str, en: str) -> str:
    return article_titled(shipped_markdown(path, "jda", lang), ja if lang == "ja" else en)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_holder_funds_prosecution_in_the_countries_it_chooses(lang: str) -> None:
    text = _article(D, lang, "共同成果の帰属", "Ownership of Joint Results")
    if lang == "en":
        assert "in its own name and at its own cost" not in text
        assert "Helix shall reimburse the University for the costs of filing, prosecuting and maintaining" in text
        assert "Japan included, that Helix chooses" in text  # drafted for the owner: no Japan carve-out
        assert "the right of Helix to practise the rights concerned shall from then on be non-exclusive" in text
        assert "consult Helix before responding to an office action" in text
        assert "failing which it shall be deemed not to have chosen it" in text
        assert "otherwise than in a country that Helix has not chosen, or has stopped funding, under the preceding paragraph" in text
    else:
        assert "自己の名義及び費用により行う" not in text
        assert "日本を含め、乙が選択する各国" in text or "日本を含め、" in text
        assert "償還する" in text and "非独占的なものとなり" in text
        assert "拒絶理由通知への応答" in text
        assert "回答がないときは、当該国を選択しなかったものとみなす" in text
        assert "前項により乙が選択しなかった国及び乙が費用の償還をやめた国を除く" in text


def test_drafted_for_the_holder_it_funds_half_abroad_and_the_owner_keeps_japan(tmp_path: Path) -> None:
    src = D.read_text(encoding="utf-8").replace("acting_for: univ", "acting_for: helix")
    path = tmp_path / "d.yaml"
    path.write_text(src, encoding="utf-8")
    en = _article(path, "en", "", "Ownership of Joint Results")
    assert "reimburse the University for one half of the costs" in en
    assert "in each country other than Japan that Helix chooses" in en
    assert "the costs in Japan shall be borne by the University" in en
    ja = _article(path, "ja", "共同成果の帰属", "")
    assert "の2分の1を" in ja and "日本における費用は" in ja


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_non_practice_trigger_falls_inside_the_exclusivity(lang: str) -> None:
    text = _article(D, lang, "独占性の喪失", "Loss of Exclusivity")
    if lang == "en":
        assert "year after the expiry of the Research Period" not in text
        assert "by November 30, 2029, or, having begun" in text  # six months after the research, before 2030-05-31
    else:
        assert "研究期間の満了後" not in text
        assert "2029年11月30日までに" in text


@pytest.mark.parametrize("path", DEALS + REVIEW, ids=lambda p: p.stem)
def test_every_shipped_trigger_date_is_before_exclusivity_ends(path: Path) -> None:
    deal = api.read_deal(path)
    if deal.ip is None or deal.ip.exclusive_field is None or exclusivity_end(deal) is None:
        return
    due, end = practice_due(deal), exclusivity_end(deal)
    assert due is not None and end is not None and due < end - dt.timedelta(days=150), (due, end)
    if deal.jda is not None and deal.jda.end < end:
        assert due > deal.jda.end, (due, deal.jda.end)  # never while the research is still making the results


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_royalties_from_a_payer_abroad_state_the_yen_the_rate_and_the_withholding_tax(lang: str) -> None:
    """Same wording as the licence's reports Article, so deal D's two agreements pay alike."""
    text = _article(D, lang, "実施料", "Royalties")
    licence = shipped_markdown(D, "licence", lang)
    if lang == "en":
        assert "Royalties shall be paid in Japanese yen." in text
        assert "telegraphic transfer middle rate (TTM) quoted by MUFG Bank, Ltd." in text
        assert "telegraphic transfer middle rate (TTM) quoted by MUFG Bank, Ltd." in licence
        assert "cooperate so that any exemption or reduction available under a tax treaty applies" in text
        assert "the certificate of the tax withheld issued by the tax authority" in text
        assert "such additional amount that the University receives, after the withholding" in text  # the payer named (read4)
    else:
        assert "実施料は、日本円で支払う。" in text
        assert "株式会社三菱UFJ銀行の対顧客電信売買相場の仲値（TTM）" in text
        assert "株式会社三菱UFJ銀行の対顧客電信売買相場の仲値（TTM）" in licence
        assert "租税条約による免除又は軽減が適用されるよう協力する" in text
        assert "源泉徴収税額の証明書" in text and "上乗せして支払う" in text


def test_drafted_for_the_payer_royalties_are_paid_net_and_in_japan_nothing_is_added(tmp_path: Path) -> None:
    src = D.read_text(encoding="utf-8").replace("acting_for: univ", "acting_for: helix")
    path = tmp_path / "d.yaml"
    path.write_text(src, encoding="utf-8")
    en = _article(path, "en", "", "Royalties")
    assert "may pay net of that tax" in en and "such additional amount" not in en
    japan = D.read_text(encoding="utf-8").replace(
        "2261 Market Street, Suite 4100, San Francisco, CA 94114, USA (a Delaware corporation)", "1-2-3 Marunouchi, Chiyoda-ku, Tokyo")
    path.write_text(japan, encoding="utf-8")
    assert "TTM" not in _article(path, "en", "", "Royalties")
    assert "TTM" not in _article(path, "ja", "実施料", "")


B = ROOT / "tests" / "review_deals" / "kiso-daiwa-hanno-field-en.yaml"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_party_that_assigns_and_holds_no_field_keeps_a_free_licence_outside_the_field(lang: str) -> None:
    """Deal B: the SME (Hanno) assigns its share of the results to the owner (Kiso) and got nothing back."""
    text = _article(B, lang, "本分野外における実施等", "Practice outside the Field")
    if lang == "en":
        assert ("Hanno shall have a royalty-free, non-exclusive licence to practise the Subject IP Rights itself "
                "in any field other than the Field") in text
        assert "including having third parties manufacture" not in text  # drafted for the owner: own practice only
    else:
        assert "丙は、対象知的財産権に係る自己の権利又は持分を甲に譲渡することに鑑み" in text
        assert "無償で自ら実施することができる非独占的な通常実施権を有する" in text


def test_drafted_for_the_assigning_party_its_licence_reaches_the_field_after_exclusivity(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(B.read_text(encoding="utf-8").replace("acting_for: kiso", "acting_for: hanno"), encoding="utf-8")
    en = _article(path, "en", "", "Practice outside the Field")
    assert "(including having third parties manufacture products or provide services for its own business)" in en
    assert "after the Exclusive Period, also in the Field within the Territory" in en
    ja = _article(path, "ja", "本分野外における実施等", "")
    assert "独占期間の経過後は、本分野かつ本地域においても、同様とする。この通常実施権は" in ja


def _sheet(path: Path, lang: str) -> str:
    return api.render_review(api.read_deal(path), lang=lang).decode("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_owners_sheet_lists_the_holders_free_licence_outside_the_field(lang: str) -> None:
    """Deal D, drafted for the university: JDA Art. 13(3) gives Helix a free licence in every other field."""
    sheet = _sheet(D, lang)
    art = re.search(r"(?:JDA Article |共同研究開発契約 ?第)(\d+)", next(
        line for line in sheet.splitlines() if ("royalty-free, non-exclusive licence to practise the results itself" in line
                                                or "成果を無償で自ら実施（製造委託を含む。）できる" in line)))
    jda = shipped_markdown(D, "jda", lang)
    title = "本分野外における実施等" if lang == "ja" else "Practice outside the Field"
    heading = re.search(r"^## (?:第(\d+)条（" + title + r"）|Article (\d+) \(" + title + r"\))", jda, flags=re.M)
    assert art and heading and art.group(1) == (heading.group(1) or heading.group(2))
    if lang == "en":
        assert "trade it for named fields or products" in sheet  # read8 #5: the draft already ends it with exclusivity
        assert "one year after the research" not in sheet and "for a year after the research period" not in sheet
    else:
        assert "分野又は製品の限定" in sheet and "研究期間の満了後、正当な理由なく1年間" not in sheet


def test_the_holders_sheet_names_the_prosecution_costs_and_the_dated_trigger(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(D.read_text(encoding="utf-8").replace("acting_for: univ", "acting_for: helix"), encoding="utf-8")
    sheet = _sheet(path, "en")
    assert "you reimburse Kansai National University half of the filing, prosecution and maintenance costs" in sheet
    # the day the loss Article prints (read8 #10: the sheet gave the rule beside a dated Article)
    from oidocs import api
    from oidocs.deal.sequence import practice_due

    due = practice_due(api.read_deal(path))
    assert due is not None and f"begun practising in the field (prototypes and preparing sales count) by {due.isoformat()}" in sheet


def test_the_owners_sheet_in_deal_b_lists_the_assigning_partys_free_licence() -> None:
    assert "Any party other than Daiwa Motors Corporation that assigns its share of the results keeps a royalty-free" in _sheet(B, "en")


def test_the_deadline_register_dates_the_start_of_practice(tmp_path: Path) -> None:
    out = tmp_path / "out"
    from conftest import run
    result = run("pack", "--config", str(D), "--out", str(out), "--format", "md", "--force")
    assert result.exit_code == 0, result.output
    csv = next(out.glob("*-deadlines.csv")).read_text(encoding="utf-8")
    assert "2029-11-30,Joint Research and Development Agreement,Article 12,The exclusive holder must have begun practising" in csv
