"""Numbered appendices (別紙1 / Schedule 1): computed numbers, references, conditions, Word bookmarks."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES
from oidocs import api
from oidocs.clauses.library import Library
from oidocs.content import builtin_root
from oidocs.writers import RenderOptions, renderer

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
TEAM = {
    "ja": "---\nid: poc.team\nversion: 1\ntitle: 体制\nkind: schedule\n---\n"
          "{{ ref(\"poc.schedule\") }}の検証は、次の者が担当する。\n- {{ party(poc.performer).d }}の研究員\n",
    "en": "---\nid: poc.team\nversion: 1\ntitle: Team\nkind: schedule\n---\n"
          "The verification under {{ ref(\"poc.schedule\") }} is carried out by the following:\n"
          "- researchers of {{ party(poc.performer).d }}\n",
}


def library_with_team(tmp_path: Path, when: str) -> Library:
    """A copy of the built-in content whose PoC has a second schedule under ``when``."""
    base = tmp_path / "content"
    shutil.copytree(builtin_root() / "clause_library", base / "clause_library")
    shutil.copytree(builtin_root() / "templates", base / "templates")
    for lang, text in TEAM.items():
        (base / "clause_library" / "poc" / f"team.{lang}.md").write_text(text, encoding="utf-8")
    poc = base / "templates" / "poc.yaml"
    poc.write_text(poc.read_text(encoding="utf-8").replace(
        "  - poc.schedule\n", f"  - poc.schedule\n  - id: poc.team\n    when: {when}\n"), encoding="utf-8")
    return Library(base=base)


@pytest.mark.parametrize("lang, labels, ref", [("ja", ["別紙1", "別紙2"], "別紙1"),
                                               ("en", ["Schedule 1", "Schedule 2"], "Schedule 1")])
def test_several_schedules_are_numbered_and_referred_to_by_number(tmp_path: Path, lang: str, labels: list[str],
                                                                   ref: str) -> None:
    deal = api.read_deal(JA)
    tree = api.build_document(deal, "poc", lang, library=library_with_team(tmp_path, "poc.performer"))
    assert [s.label for s in tree.schedules] == labels
    md = renderer("md")(tree, RenderOptions()).decode()
    assert re.search(rf"^## {labels[1]}", md, flags=re.M)
    # articles and the second schedule refer to the first by its number
    assert md.count(ref) > 3
    lone = "別紙" if lang == "ja" else "the Schedule"
    assert f"{lone}に" not in md and f"{lone} " not in md.replace(ref, "")


def test_a_schedule_left_out_by_its_condition_leaves_the_lone_schedule_unnumbered(tmp_path: Path) -> None:
    deal = api.read_deal(JA)
    tree = api.build_document(deal, "poc", "ja", library=library_with_team(tmp_path, "false"))
    assert [s.label for s in tree.schedules] == ["別紙"]
    assert "別紙1" not in renderer("md")(tree, RenderOptions()).decode()


def test_word_references_to_schedules_are_fields_to_their_label(tmp_path: Path) -> None:
    deal = api.read_deal(JA)
    tree = api.build_document(deal, "poc", "en", library=library_with_team(tmp_path, "true"))
    xml = zipfile.ZipFile(io.BytesIO(renderer("docx")(tree, RenderOptions()))).read("word/document.xml").decode()
    assert re.search(r'<w:bookmarkStart w:id="\d+" w:name="_RefOISchedule2"/><w:r><w:t xml:space="preserve">'
                     r"Schedule 2</w:t></w:r><w:bookmarkEnd", xml)
    assert "REF _RefOISchedule1 \\h" in xml
    # a lone schedule keeps "the" outside the field, so Word's update shows "the Schedule"
    tree = api.build_document(deal, "poc", "en")
    xml = zipfile.ZipFile(io.BytesIO(renderer("docx")(tree, RenderOptions()))).read("word/document.xml").decode()
    assert re.search(r">the </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
                     r"xml:space=\"preserve\"> REF _RefOISchedule1 \\h </w:instrText>", xml)
