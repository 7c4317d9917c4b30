"""`oidocs amend` in the cases a signed agreement really changes: an article added with other
changes, a memorandum amended, a non-compete added after signing, a party that moved or took a
new trade name; and the warning that the wording restated comes from the deal file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run

from test_amend import _deal_pair as _pair

NON_COMPETE_AND_END = (("  publication_notice_days: 30", "  publication_notice_days: 30\n  non_compete: true"),
                       ("  end: 2028-05-31", "  end: 2028-11-30"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_added_article_and_a_later_change_make_one_amendment(tmp_path: Path, lang: str) -> None:
    old, new = _pair(tmp_path, *NON_COMPETE_AND_END)
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--lang", lang, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "out" / f"acme-nano-2026-jda-amendment-{lang}.md").read_text(encoding="utf-8")
    if lang == "ja":
        assert re.search(r"原契約第\d+条の次に次の1条を加える。", md)
        assert "2028年11月30日" in md
        # the carve-out counts from the amendment, not from the original signing (its 30 days are over)
        assert "この条を加える変更契約の効力発生日の前から実施している研究開発であって、同日から30日以内に" in md
        assert "本契約の締結前から実施している研究開発" not in md
    else:
        assert re.search(r"The following Article is inserted after Article \d+ of the Original Agreement\.", md)
        assert "November 30, 2028" in md
        assert "since before the effective date of the amendment that added this Article" in md
        assert "since before the execution of this Agreement" not in md


def test_the_warning_says_the_wording_comes_from_the_deal_file(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, ("  end: 2028-05-31", "  end: 2028-11-30"))
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "from the deal file, not from the signed DOCX" in " ".join(result.stderr.split())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_memorandum_is_amended_by_an_amendment_to_the_memorandum(tmp_path: Path, lang: str) -> None:
    old, new = _pair(tmp_path, ("小型の空気殺菌ユニットを試作すること", "小型の空気殺菌ユニットを2台試作すること"))
    result = run("amend", "--from", old, "--to", new, "--doc", "mou", "--lang", lang, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "out" / f"acme-nano-2026-mou-amendment-{lang}.md").read_text(encoding="utf-8")
    if lang == "ja":
        assert md.startswith("# 変更合意書\n") and "変更契約" not in md
        assert "基本合意書（以下「原合意書」という。）" in md and re.search(r"原合意書第\d+条を次のとおり改める。", md)
    else:
        assert md.startswith("# Amendment to the Memorandum of Understanding\n")
        assert "(the “Original Memorandum”)" in md and "amendment agreement" not in md


def test_an_address_change_alone_needs_a_notice_not_an_amendment(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, ("東京都足立区千住一丁目2番3号", "東京都千代田区丸の内一丁目1番1号"))
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "only acme: address changed" in result.stderr and "written notice of the change" in result.stderr
    assert re.search(r"\(第\d+条 of the jda\)", result.stderr)
    assert "nothing to amend" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_new_trade_name_is_the_same_party(tmp_path: Path) -> None:
    renamed = ("name: 株式会社アクメ精工", "name: 株式会社アクメ精工ホールディングス")
    old, new = _pair(tmp_path, renamed)
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "only acme: name changed" in result.stderr and "same company" in result.stderr
    assert "not the parties" not in result.stderr
    old, new = _pair(tmp_path, renamed, ("  end: 2028-05-31", "  end: 2028-11-30"))
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "out" / "acme-nano-2026-jda-amendment-ja.md").read_text(encoding="utf-8")
    assert md.count("株式会社アクメ精工ホールディングス") >= 2  # the preamble and the signature block


def test_another_party_is_still_refused(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    new.write_text(re.sub(r"\bacme\b(?!-)", "other", old.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "not the parties of" in result.stderr
