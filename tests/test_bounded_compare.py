"""``oidocs compare`` reads a counterparty's Word file: bounded in bytes, in what its parts unpack
to and in its list counters, and nothing in it (or in its name) acts as Markdown in the sheet.

Every run is a real process under a 2 GB address-space limit that must end within 15 s
(:mod:`bounded`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from bounded import assert_refused, oidocs_bounded, python_bounded
from conftest import ROOT

JA = ROOT / "examples" / "acme-nano-ja.yaml"
ARTICLE_LEVEL = '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>'


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from oidocs import read_deal, render_document

    path = tmp_path_factory.mktemp("ours") / "ours.docx"
    path.write_bytes(render_document(read_deal(JA), "nda", lang="ja", fmt="docx"))
    return path


def _edited(source: Path, target: Path, part: str, edit: object) -> Path:
    """Copy the DOCX ``source`` to ``target`` with ``part`` rewritten by ``edit`` (text -> text)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            new.writestr(info.filename, data)
    return target


def _numbering(ours: Path, tmp_path: Path, start: str, fmt: str) -> Path:
    level = ARTICLE_LEVEL.replace('"1"', f'"{start}"').replace('"decimal"', f'"{fmt}"')
    return _edited(ours, tmp_path / "theirs.docx", "word/numbering.xml",
                   lambda xml: xml.replace(ARTICLE_LEVEL, level, 1))


@pytest.mark.parametrize("which", ["theirs", "playbook"])
def test_a_device_as_input_is_refused_at_once(ours: Path, tmp_path: Path, which: str) -> None:
    args = [ours, "/dev/zero"] if which == "theirs" else [ours, ours, "--playbook", "/dev/zero"]
    proc = oidocs_bounded("compare", *args, "--out", tmp_path / "o")
    assert_refused(proc, "/dev/zero", "not a regular file")
    assert not (tmp_path / "o").exists()


def test_a_part_that_unpacks_to_hundreds_of_megabytes_is_refused_unopened(ours: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "bomb.docx"
    with zipfile.ZipFile(ours) as old, zipfile.ZipFile(theirs, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info.filename, old.read(info))
                continue
            xml = old.read(info)
            end = xml.rindex(b"</w:document>")
            with new.open("word/document.xml", "w", force_zip64=True) as part:  # valid XML: blanks before the end
                part.write(xml[:end])
                blank = b" " * (1 << 20)
                for _ in range(300):
                    part.write(blank)
                part.write(xml[end:])
    assert theirs.stat().st_size < 2 << 20
    proc = oidocs_bounded("compare", ours, theirs, "--out", tmp_path / "o")
    assert_refused(proc, f"{theirs}: part 'word/document.xml' unpacks to", "more than")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("start, fmt", [("2000000000", "upperRoman"), ("1e3", "decimal"), ("-5", "decimal")])
def test_a_list_start_word_would_not_accept_is_a_message(ours: Path, tmp_path: Path, start: str, fmt: str) -> None:
    theirs = _numbering(ours, tmp_path, start, fmt)
    proc = oidocs_bounded("compare", ours, theirs, "--out", tmp_path / "o")
    assert_refused(proc, f"{theirs}: word/numbering.xml: w:start=", "whole number from 0 to 32,767")


def test_articles_numbered_in_kanji_past_one_hundred_are_read(ours: Path, tmp_path: Path) -> None:
    theirs = _numbering(ours, tmp_path, "100", "japaneseCounting")
    proc = python_bounded("import sys\nfrom oidocs.negotiate.reader import read_agreement\n"
                          "print(' '.join(a.label for a in read_agreement(sys.argv[1]).articles[:3]))", theirs)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["第百条", "第百一条", "第百二条"]


def test_a_file_name_cannot_put_html_or_markdown_into_the_sheet(ours: Path, tmp_path: Path) -> None:
    name = "x` <img src=x onerror=alert(1)> `[link](javascript:alert(1))\n# heading.docx"
    theirs = tmp_path / name
    theirs.write_bytes(ours.read_bytes())
    proc = python_bounded(
        "import sys\nfrom oidocs.negotiate.compare import compare_files\n"
        "files = compare_files(sys.argv[1], sys.argv[2], with_redline=False)\n"
        "sys.stdout.write(next(iter(files.values())).decode())", ours, theirs)
    assert proc.returncode == 0, proc.stderr
    sheet = proc.stdout
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(javascript", sheet)  # only escaped: \<img, \](
    assert not any(line.startswith("# heading") for line in sheet.splitlines())
    assert "\\<img src=x onerror=alert(1)\\>" in sheet  # still named, as text
