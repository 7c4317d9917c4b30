"""`oidocs amend`: an amendment agreement cites exactly the articles that change, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, docx_paragraphs, run
from oidocs import api
from oidocs.document.labels import labels_for

EXAMPLE = ROOT / "examples" / "acme-nano-ja.yaml"


def _deal_pair(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Path, Path]:
    """The example as signed (old.yaml) and the same deal with ``edits`` applied (new.yaml)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    old = tmp_path / "old.yaml"
    old.write_text(text, encoding="utf-8")
    for before, after in edits:
        assert before in text, before
        text = text.replace(before, after)
    new = tmp_path / "new.yaml"
    new.write_text(text, encoding="utf-8")
    return old, new


def _articles(path: Path, doc: str, lang: str, ids: list[str]) -> list[str]:
    """The labels of the articles ``ids`` in ``doc`` as made from ``path``."""
    tree = api.build_document(api.read_deal(path), doc, lang)
    labels = {a.clause.id: a.label for a in tree.articles}
    return [labels[i] for i in ids]


END_AND_NOTICE = (("end: 2028-05-31", "end: 2028-11-30"), ("publication_notice_days: 30", "publication_notice_days: 60"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_changed_end_date_and_notice_period_cite_exactly_the_changed_articles(tmp_path: Path, lang: str) -> None:
    old, new = _deal_pair(tmp_path, *END_AND_NOTICE)
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--lang", lang, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "out" / f"acme-nano-2026-jda-amendment-{lang}.md").read_text(encoding="utf-8")
    # acme-nano's JDA takes effect on the notice to proceed: its term runs to the Research Period's last day
    # (jda.term v5), so only the research period Article states the end date
    expected = _articles(old, "jda", lang, ["jda.schedule", "jda.publication"])
    signed = labels_for(lang).date(api.read_deal(old).doc_dates("jda")[0])  # the original's own date
    if lang == "ja":
        cited = re.findall(r"原契約(第\d+条)を次のとおり改める。", md)
        assert md.startswith("# 変更契約書\n")
        assert f"{signed}付けで甲及び乙の間で締結した共同研究開発契約書（以下「原契約」という。）" in md
        assert "2028年11月30日" in md and "公表予定日の60日前まで" in md
        assert "本変更契約は、本変更契約の締結日から効力を生ずる。" in md
        assert "原契約の規定のうち本変更契約により変更されないものは、引き続きその効力を有する。" in md
        assert "代表取締役 山田 太郎　　印" in md  # paper signing: names and seals
    else:
        cited = re.findall(r"(Article \d+) of the Original Agreement is amended to read as follows\.", md)
        assert f"the Joint Research and Development Agreement made between Party A and Party B on {signed}" in md
        assert "no later than sixty (60) days before the planned date of publication" in md
        assert "shall remain in full force and effect" in md
    assert cited == expected
    # Each restated article is given in full under its original number: heading and every paragraph.
    new_tree = api.build_document(api.read_deal(new), "jda", lang)
    term = next(a for a in new_tree.articles if a.clause.id == "jda.schedule")
    heading = f"{expected[0]}（{term.clause.title}）" if lang == "ja" else f"{expected[0]} ({term.clause.title})"
    assert f"\n{heading}\n" in md
    docx = [p for p in docx_paragraphs(tmp_path / "out" / f"acme-nano-2026-jda-amendment-{lang}.docx")]
    texts = [("".join(p.run_strings)) for p in docx]
    assert texts[0] == ("変更契約書" if lang == "ja" else "Amendment Agreement")
    assert heading in texts


def test_effective_date_from_the_option_and_electronic_signing(tmp_path: Path) -> None:
    old, new = _deal_pair(tmp_path, *END_AND_NOTICE, ("date: 2026-12-01\n", "date: 2026-12-01\nsigning: electronic\n"))
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--effective", "2027-10-01", "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "acme-nano-2026-jda-amendment-ja.md").read_text(encoding="utf-8")
    assert "本変更契約は、2027年10月1日から効力を生ずる。" in md
    assert "電子署名" in md and "印" not in md.split("## 第3条", 1)[1].split("\n\n", 3)[-1].replace("印紙", "")


def test_an_article_added_takes_a_branch_number_and_one_deleted_keeps_the_others(tmp_path: Path) -> None:
    old, new = _deal_pair(tmp_path, ("costs: each_own", "costs: each_own\n  non_compete: true"))
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "added")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "added" / "acme-nano-2026-jda-amendment-ja.md").read_text(encoding="utf-8")
    (before,) = _articles(old, "jda", "ja", ["jda.publication"])
    assert re.findall(r"原契約(第\d+条)の次に次の1条を加える。", md) == [before]
    title = next(a.clause.title for a in api.build_document(api.read_deal(new), "jda", "ja").articles
                 if a.clause.id == "jda.non_compete")
    assert f"\n{before}の2（{title}）\n" in md
    # every other article, and every reference, is as signed; the damages article alone also changes,
    # since a breach of the new restriction is carved out of the limits of liability (and the
    # two changes make two separate instructions)
    (damages,) = _articles(old, "jda", "ja", ["jda.damages"])
    assert re.findall(r"原契約(第\d+条)を次のとおり改める。", md) == [damages]

    result = run("amend", "--from", new, "--to", old, "--doc", "jda", "--lang", "en", "--out", tmp_path / "deleted")
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "deleted" / "acme-nano-2026-jda-amendment-en.md").read_text(encoding="utf-8")
    (gone,) = _articles(new, "jda", "en", ["jda.non_compete"])
    assert f"{gone} (Restriction on Competing Research and Development) of the Original Agreement is deleted; " \
        "the numbers of the Articles after it do not change." in md


def test_refuses_another_deal_other_parties_or_no_change(tmp_path: Path) -> None:
    old, new = _deal_pair(tmp_path, ("deal_id: acme-nano-2026", "deal_id: acme-nano-2027"))
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{new}: deal_id: 'acme-nano-2027' is not {old}'s 'acme-nano-2026'")

    # another party (a key that is not the original's); a new name alone is the same party (test_amend_cases)
    old, new = _deal_pair(tmp_path)
    new.write_text(re.sub(r"\bnano\b(?!-)", "kyoto", old.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("amend", "--from", old, "--to", new, "--doc", "jda", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{new}: parties: not the parties of {old}")

    old, new = _deal_pair(tmp_path, ("end: 2028-05-31", "end: 2028-11-30"))
    result = run("amend", "--from", old, "--to", new, "--doc", "nda", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "nda: the nda made from it is the one made from" in result.stderr
    assert not (tmp_path / "out").exists()
