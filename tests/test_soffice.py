"""LibreOffice, a real word processor, opens every example and shows articles 1..N in order."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DEALS
from oidocs import api

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.soffice

if SOFFICE is None and os.environ.get("CI"):
    raise RuntimeError("CI must have LibreOffice: .ci/run installs libreoffice-writer-nogui")


def _cases() -> list[tuple[Path, str, str]]:
    cases = []
    for path in DEALS:
        deal = api.read_deal(path)
        for doc in api.docs_in(deal):
            cases.append((path, doc, deal.language))
    cases += [(p, "nda", "en" if api.read_deal(p).language == "ja" else "ja") for p in DEALS]
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Convert every case's DOCX to text with one soffice call."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("soffice")
    names = []
    for path, doc, lang in CASES:
        deal = api.read_deal(path)
        name = f"{path.stem}-{doc}-{lang}.docx"
        (work / name).write_bytes(api.render_document(deal, doc, lang=lang, fmt="docx"))
        names.append(name)
    profile = work / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "txt:Text",
         "--outdir", str(work / "txt"), *names],
        cwd=work, check=True, capture_output=True, timeout=600,
    )
    return {n: (work / "txt" / n.replace(".docx", ".txt")).read_text(encoding="utf-8-sig") for n in names}


@pytest.mark.parametrize("path, doc, lang", CASES, ids=[f"{p.stem}-{d}-{l}" for p, d, l in CASES])
def test_libreoffice_shows_articles_in_order(converted: dict[str, str], path: Path, doc: str, lang: str) -> None:
    text = converted[f"{path.stem}-{doc}-{lang}.docx"]
    tree = api.build_document(api.read_deal(path), doc, lang)
    pattern = r"^\s*第(\d+)条\s*（" if lang == "ja" else r"^\s*Article (\d+)\s*\("
    numbers = [int(n) for n in re.findall(pattern, text, flags=re.M)]
    assert numbers == list(range(1, len(tree.articles) + 1))
    for article in tree.articles:
        assert article.clause.title in text
    # Articles of statutes (著作権法第65条, Article 65(2) of the Copyright Act, Article 187 of the Patent
    # Act) are not references.
    refs = re.findall(r"(?<!法)第(\d+)条" if lang == "ja" else r"Article (\d+)(?!\(\d+\) of| of the [A-Z]|-\d+ of the [A-Z])", text)
    assert all(1 <= int(n) <= len(tree.articles) for n in refs), "every reference points at an existing article"
