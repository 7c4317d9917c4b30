"""Links planted by someone else never redirect oidocs: a batch does not write a pack through a
linked per-deal folder, and a user's clause library cannot read a file outside itself."""

from __future__ import annotations

from pathlib import Path

from bounded import assert_refused, oidocs_bounded
from conftest import ROOT

JA = ROOT / "examples" / "acme-nano-ja.yaml"
NDA = ROOT / "tests" / "fixtures" / "oneway-en.yaml"  # one short document: a batch of two stays quick


def test_a_batch_does_not_write_through_a_linked_deal_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "oneway-2027").symlink_to(elsewhere)
    other = tmp_path / "other.yaml"
    other.write_text(NDA.read_text(encoding="utf-8").replace("oneway-2027", "other-2027"), encoding="utf-8")
    proc = oidocs_bounded("batch", NDA, other, "--out", out, "--format", "md", "--jobs", "1", "--quiet")
    assert proc.returncode == 1
    assert f"{out / 'oneway-2027'}: is a symbolic link" in proc.stderr, proc.stderr
    assert not list(elsewhere.iterdir())
    assert (out / "other-2027" / "other-2027-nda-en.md").is_file()  # the other deal is made


def test_a_clause_file_linked_from_outside_the_library_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\nid: common.jurisdiction\nversion: 1\ntitle: 秘密\n---\nSECRET-TOKEN-1234\n", encoding="utf-8")
    lib = tmp_path / "lib"
    (lib / "common").mkdir(parents=True)
    (lib / "common" / "jurisdiction.ja.md").symlink_to(secret)
    proc = oidocs_bounded("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib, "--format", "md")
    assert_refused(proc, str(lib / "common" / "jurisdiction.ja.md"), "outside the library folder")
    assert "SECRET-TOKEN" not in proc.stderr
    assert not (tmp_path / "o").exists()


def test_a_link_inside_the_library_still_works(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    (lib / "common").mkdir(parents=True)
    (lib / "shared.md").write_text("---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\nLINKED-CLAUSE-TEXT\n",
                                   encoding="utf-8")
    (lib / "common" / "jurisdiction.ja.md").symlink_to(lib / "shared.md")
    proc = oidocs_bounded("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    assert "LINKED-CLAUSE-TEXT" in (tmp_path / "o" / "acme-nano-2026-nda-ja.md").read_text(encoding="utf-8")
