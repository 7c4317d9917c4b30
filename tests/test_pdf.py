"""--format pdf: LibreOffice turns the DOCX into a PDF a reader can open, fonts embedded, one converter per run."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run
from oidocs import api

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
EXAMPLE = ROOT / "examples" / "acme-nano-ja.yaml"

needs_soffice = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                   reason="needs LibreOffice and poppler-utils (CI installs both)")


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.soffice
@needs_soffice
def test_nda_as_pdf_shows_the_first_article_with_fonts_embedded(tmp_path: Path) -> None:
    result = run("nda", "--config", EXAMPLE, "--format", "pdf", "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    deal = api.read_deal(EXAMPLE)
    pdf = tmp_path / f"{deal.deal_id}-nda-{deal.language}.pdf"
    assert [p.name for p in tmp_path.iterdir()] == [pdf.name], "pdf alone: no DOCX or Markdown left beside it"
    assert pdf.read_bytes().startswith(b"%PDF-")
    first = api.build_document(deal, "nda").articles[0]
    text = "".join(_pdf_text(pdf).split())
    assert f"{first.label}（{first.clause.title}）" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, "the PDF uses fonts"
    emb = fonts.splitlines()[0].index("emb")
    assert all(row[emb:emb + 3].strip() == "yes" for row in rows), f"every font is embedded:\n{fonts}"

    again = tmp_path / "again"
    assert run("nda", "--config", EXAMPLE, "--format", "pdf", "--out", again).exit_code == 0
    assert (again / pdf.name).read_bytes() == pdf.read_bytes(), "the same deal gives the same PDF bytes"


@pytest.mark.soffice
@needs_soffice
def test_pack_as_pdf_lists_the_pdfs_in_its_manifest(tmp_path: Path) -> None:
    assert run("pack", "--config", EXAMPLE, "--format", "pdf", "--out", tmp_path).exit_code == 0
    deal = api.read_deal(EXAMPLE)
    manifest = json.loads((tmp_path / f"{deal.deal_id}-manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"]:
        names = [f["name"] for f in entry["files"]]
        assert names == [f"{deal.deal_id}-{entry['doc']}-{deal.language}.pdf"]
        assert (tmp_path / names[0]).is_file()


@pytest.mark.soffice
@needs_soffice
def test_batch_as_pdf_starts_one_converter_not_one_per_document(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from oidocs.writers import pdf

    calls: list[list[str]] = []
    real = subprocess.run

    def counting(command: list[str], **kwargs: object) -> object:
        calls.append(command)
        return real(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(pdf.subprocess, "run", counting)
    result = run("batch", *EXAMPLES, "--format", "pdf", "--out", tmp_path, "--jobs", "1", "--quiet")
    assert result.exit_code == 0, result.stderr
    made = sorted(tmp_path.glob("*/*.pdf"))
    expected = sum(len(api.docs_in(api.read_deal(p))) for p in EXAMPLES)
    assert len(made) == expected > len(EXAMPLES)
    assert len(calls) == 1, "one LibreOffice process converts every document of the batch"


def test_without_libreoffice_pdf_is_refused_with_install_advice(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    from oidocs.writers import pdf

    monkeypatch.setattr(pdf, "_MAC_SOFFICE", str(empty / "soffice"))
    out = tmp_path / "out"
    result = run("nda", "--config", EXAMPLE, "--format", "pdf", "--out", out)
    assert result.exit_code == 1
    assert "LibreOffice" in result.stderr and "apt-get install libreoffice-writer-nogui" in result.stderr
    assert "brew install" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists(), "nothing is written"
