"""What a lawyer reading the review sheets of the fifth reading found (deals E and F).

Deal E (English): an SME performs a paid PoC for a large manufacturer (acting_for), then a JDA with
joint filing. Deal F (Japanese): a university owns the joint results, an SME holds an exclusive field
and takes a licence, a startup (acting_for) assigns its share. Each test reads the generated sheet
(and the drafts it cites) back, and fails on the sheet as it was before its fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, deal_changed

DEALS = ROOT / "tests" / "review_deals"
DEAL_E = DEALS / "nagoya-kiyosu-toyokawa-en.yaml"
DEAL_F = DEALS / "fukuoka-univ-three-ja.yaml"


_deal = deal_changed  # the deal at a path, with dotted changes written to a copy


def _sheet(path: Path, lang: str | None = None, tmp_path: Path | None = None, **changes: object) -> str:
    from oidocs import api

    return api.render_review(_deal(path, tmp_path, **changes), lang=lang).decode("utf-8")  # type: ignore[arg-type]


def _section(sheet: str, heading: str) -> str:
    """The text of the section whose heading contains ``heading``."""
    for part in re.split(r"^## ", sheet, flags=re.M):
        if heading in part.splitlines()[0]:
            return part
    raise AssertionError(f"no section {heading!r}")


def _markdown(path: Path, doc: str, lang: str) -> str:
    from oidocs import api

    return api.render_document(api.read_deal(path), doc, lang=lang, fmt="md").decode("utf-8")


def _article(markdown: str, label: str) -> str:
    """The text of the article ``label`` (第9条 / Article 9) of a draft."""
    for part in re.split(r"^## ", markdown, flags=re.M):
        if part.startswith((f"{label}（", f"{label} (")):
            return part
    raise AssertionError(f"no {label}")


# 1. The F sheet stated what the documents do not say.

def test_the_startups_sheet_keeps_sole_inventions_with_their_maker() -> None:
    """JDA Art 9 keeps a sole invention with the party that made it; only joint results go to the
    university (Art 10). The sheet said every result belonged to it 'whoever made it'."""
    sheet = _sheet(DEAL_F)
    unfavourable = _section(sheet, "に不利な条項")
    jda = _markdown(DEAL_F, "jda", "ja")
    item = next(line for line in unfavourable.splitlines() if "学校法人筑紫学園に単独で帰属" in line)
    assert "共同成果" in item and "単独発明" in item and "自社に帰属する" in item
    sole = next(label for label in re.findall(r"^## (第\d+条)（単独発明の帰属）", jda, flags=re.M))
    assert "単独発明をした当事者に単独で帰属する" in _article(jda, sole)
    assert f"共同研究開発契約 {sole}" in item
    assert "誰が創出したかを問わず学校法人筑紫学園に帰属する" not in sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_does_not_say_the_jda_grants_an_exclusive_right_it_only_promises(lang: str) -> None:
    """With no price and no royalty_free, the JDA only promises to negotiate a licence agreement,
    and says the exclusive right is not granted by the JDA alone (Art 14(1))."""
    sheet = _sheet(DEAL_F, lang)
    unfavourable = _section(sheet, "に不利な条項" if lang == "ja" else "unfavourable")
    jda = _markdown(DEAL_F, "jda", lang)
    if lang == "ja":
        assert "本契約のみによっては許諾されない" in jda
        assert "5年間の独占的実施権を持つ" not in unfavourable
        item = next(line for line in unfavourable.splitlines() if "独占的な実施許諾契約" in line)
        assert "共同研究開発契約だけでは博多ファインセラミックス株式会社に実施権は許諾されない" in item
        assert "2032-10-31まで" in item
    else:
        assert "holds an exclusive right in the field for 5 years" not in unfavourable
        item = next(line for line in unfavourable.splitlines() if "licence agreement" in line)
        assert "The JDA alone licenses nothing to Hakata" in item or "The JDA alone licenses nothing to" in item
        assert "until 2032-10-31" in item


def test_a_priced_exclusive_right_is_still_said_to_be_held(tmp_path: Path) -> None:
    """When the deal prices the exclusive right, the JDA grants it, and the sheet says so, with its end."""
    sheet = _sheet(DEAL_F, "ja", tmp_path, ip__exclusive_field__royalty_free=True, acting_for="univ")
    unfavourable = _section(sheet, "に不利な条項")
    assert "博多ファインセラミックス株式会社が対象分野で研究期間の初日から5年間（2032-10-31まで）の独占的実施権を持つ" \
        in unfavourable


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_originals_are_counted_per_document(lang: str) -> None:
    """The licence has two parties and says 本書2通; the other documents three. The sheet told the
    reader to make three originals of every document."""
    sheet = _sheet(DEAL_F, lang)
    licence = _markdown(DEAL_F, "licence", lang)
    assert ("本書2通" if lang == "ja" else "in two (2) originals") in licence
    steps = _section(sheet, "次にすること" if lang == "ja" else "Next steps")
    stamps = _section(sheet, "印紙税" if lang == "ja" else "Stamp duty")
    if lang == "ja":
        assert "当事者の数（3通）" not in steps and "本書3通" not in stamps
        expected = "秘密保持契約書、基本合意書、共同研究開発契約書は各3通、特許・ノウハウライセンス契約書は2通"
    else:
        assert "as there are parties (3)" not in steps and "the 3 originals" not in stamps
        expected = ("Non-Disclosure Agreement, Memorandum of Understanding, Joint Research and Development Agreement: 3; "
                    "Patent and Know-How Licence Agreement: 2")
    assert expected in steps and expected in stamps


def test_two_parties_keep_the_one_count() -> None:
    steps = _section(_sheet(DEAL_E), "Next steps")
    assert "as many originals of each document as there are parties (2)" in steps


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_royalty_advice_names_the_deal_option_in_words(lang: str, tmp_path: Path) -> None:
    """The advice said 「deal ファイルに royalty を定める」: a raw key. It names the option as the
    sheet's option table does (deal F without its licence, which since the sixth reading prices
    the right and turns the item into royalty_in_licence)."""
    import yaml

    data = yaml.safe_load(DEAL_F.read_text(encoding="utf-8"))
    data.pop("licence")
    alone = tmp_path / "no-licence.yaml"
    alone.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    advice = _section(_sheet(alone, lang), "留意事項" if lang == "ja" else "Advice")
    assert "royalty を" not in advice and "royalty block" not in advice
    assert ("取引条件の「独占の対価」に" if lang == "ja" else 'under "Price of the exclusive right"') in advice


# 3. E: the NDA ends before the JDA, and the PoC in between does not cover talks on the JDA.

@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_nda_gap_before_the_jda_is_found_although_a_poc_runs_in_between(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The NDA ended 2028-01-11 (Art 13, 12 months); the JDA is signed 2028-03-10. The PoC's
    confidentiality covers only information disclosed in connection with the verification, so it
    does not close the gap; the check stopped at the PoC and the sheet said the dates fit.
    Since the sixth reading (E7) the NDA's text runs to 2028-03-10 and the check reads the same
    end (tests/test_review_read6.py); here its term is the bare months again, as before."""
    import datetime as dt

    from oidocs import api
    from oidocs.deal.sequence import term_end
    from oidocs.review import checks as checks_module

    monkeypatch.setattr(checks_module, "nda_end", lambda deal: term_end(dt.date(2027, 1, 12), 12))

    poc = _markdown(DEAL_E, "poc", "en")
    assert "disclosed by one Party to the other Party in connection with the Verification" in poc
    messages = [p.message for p in api.check_pack(api.read_deal(DEAL_E))]
    assert any("2028-01-11" in m and "2028-03-10" in m and "only information disclosed for the verification" in m
               for m in messages), messages
    checks = _section(_sheet(DEAL_E, lang), "整合性" if lang == "ja" else "Checks across the pack")
    assert ("No contradiction found" if lang == "en" else "矛盾は見つかりませんでした") not in checks
    nda = _markdown(DEAL_E, "nda", lang)
    term = re.search(r"^## ((Article|第)\s?\d+条?) ?[（(](Term|有効期間)", nda, flags=re.M)
    assert term is not None
    words = ("技術検証（PoC）契約の秘密保持は検証のために開示された情報にしか及ばない" if lang == "ja"
             else "the PoC agreement's confidentiality covers only information disclosed for the verification")
    line = next(line for line in checks.splitlines() if words in line)
    assert "2028-01-11" in line and "2028-03-10" in line
    assert f"{'秘密保持契約' if lang == 'ja' else 'NDA'} {term.group(1)}" in line


def test_an_nda_that_outlasts_the_jdas_start_is_no_finding(tmp_path: Path) -> None:
    from oidocs.review.checks import check_pack

    deal = _deal(DEAL_E, tmp_path, nda__term_months=15)
    assert not [f for f in check_pack(deal) if f.rule.startswith("nda_ends")]  # type: ignore[arg-type]


# 4. F: the licence runs 10 years; the JDA's exclusive period ends 2032-10-31. The licence makes
# results exclusive only while the JDA's period runs (Art 7), so only a licence ending before it clashes.

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_licence_outlasting_the_exclusive_period_is_no_contradiction_where_it_follows_the_jda(lang: str) -> None:
    licence = " ".join(_markdown(DEAL_F, "licence", "ja").split())
    assert "効力発生日から起算して10年を経過する日まで効力を有する" in licence
    assert "独占的である間（遅くとも2032年10月31日まで）に限り独占的なものとし、その後は非独占的なものとする" in licence
    checks = _section(_sheet(DEAL_F, lang), "整合性" if lang == "ja" else "Checks across the pack")
    assert "2038-11-30" not in checks
    assert ("矛盾は見つかりませんでした" if lang == "ja" else "No contradiction found") in checks
    assert ("- 独占的なライセンス契約が、共同研究開発契約の独占期間が終わるまで続くこと" if lang == "ja"
            else "- an exclusive licence lasts until the JDA's exclusive period ends") in checks


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_no_contradiction_line_lists_the_checks_one_a_line(lang: str) -> None:
    """The reader found 「同じ日の締結（秘密保持契約及びライセンス契約を除く。）」 inside one long parenthesis
    unreadable to a manager: the sheet now says what was checked, one check a line, in plain words."""
    checks = _section(_sheet(DEAL_F, lang), "整合性" if lang == "ja" else "Checks across the pack")
    items = [line for line in checks.splitlines() if line.startswith("- ")]
    # F has no PoC: the PoC's checks are not listed (seventh reading: a check is listed only for the documents it reads)
    assert len(items) == 7
    assert "（締結の順序、同じ日の締結（" not in checks and "(signing order, stages signed" not in checks
    assert ("- 秘密保持契約が次の契約の効力発生まで続くこと" if lang == "ja"
            else "- the NDA lasts until the next agreement takes effect") in items


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_licence_ending_before_the_exclusive_period_is_a_finding(tmp_path: Path, lang: str) -> None:
    """A 3-year licence (to 2031-11-30) would take the holder's exclusivity away before 2032-10-31."""
    from oidocs.review.checks import check_pack

    short = _deal(DEAL_F, tmp_path, licence__term_years=3)
    assert [f.rule for f in check_pack(short) if f.rule.startswith("licence_excl")] \
        == ["licence_exclusive_short_of_field"]  # type: ignore[attr-defined]
    sheet = _sheet(DEAL_F, lang, tmp_path, licence__term_years=3)
    checks = _section(sheet, "整合性" if lang == "ja" else "Checks across the pack")
    licence = _markdown(tmp_path / DEAL_F.name, "licence", "ja")
    term = re.search(r"^## (第\d+条)（有効期間）", licence, flags=re.M).group(1)  # type: ignore[union-attr]
    cited = f"ライセンス契約 {term}" if lang == "ja" else f"licence agreement Article {term[1:-1]}"
    line = next(line for line in checks.splitlines() if "2031-11-30" in line)
    assert "2032-10-31" in line and cited in line
    assert ("成果か背景技術かを確認" if lang == "ja" else "Confirm whether they are results or background technology") in line
    ending = _deal(DEAL_F, tmp_path, licence__term_years=4, licence__date="2028-11-01")
    assert not [f for f in check_pack(ending) if f.rule.startswith("licence_excl")]  # type: ignore[arg-type]


# 6. E: the advice to seek consent for subcontracted manufacture, which JDA Art 12(1) already allows.

@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_consent_advice_follows_the_have_made_right_the_jda_gives(lang: str) -> None:
    sheet = _sheet(DEAL_E, lang)
    jda = _markdown(DEAL_E, "jda", lang)
    practice = re.search(r"^## ((Article |第)\d+条?) ?[（(](Practice of Jointly Owned IP Rights|共有知的財産権の実施)",
                         jda, flags=re.M)
    assert practice is not None
    label = practice.group(1)
    have_made = "having a third party make products" if lang == "en" else "第三者に製造させ"
    assert have_made in _article(jda, label)
    unfavourable = _section(sheet, "unfavourable" if lang == "en" else "に不利な条項")
    advice = _section(sheet, "Advice" if lang == "en" else "留意事項")
    assert "for subcontracted manufacture and a sale of the business" not in unfavourable
    assert "製造委託先や事業の承継先への許諾" not in unfavourable
    assert "This can block outsourced manufacturing" not in advice and "製造委託、M" not in advice
    item = next(line for line in unfavourable.splitlines() if "73" in line)
    cited = f"JDA {label}" if lang == "en" else f"共同研究開発契約 {label}"
    assert cited in item
    assert ("already allowed without consent by the practice Article" if lang == "en"
            else "実施の条により同意なくできる") in item
