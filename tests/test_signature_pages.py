"""No stranded signature: LibreOffice lays out every shipped agreement and the execution page holds together.

For every shipped example, every document it makes, in Japanese, in English and side by side:
the page with the testimonium (…の成立を証するため / IN WITNESS WHEREOF) also holds the last
article of the agreement and every party's whole signature block after it. A signature row
alone on a page, a block split over two pages or a page of signatures with no text of the
agreement fails here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES
from oidocs import api
from oidocs.deal.localize import localize

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.soffice

if (SOFFICE is None or PDFTOTEXT is None) and os.environ.get("CI"):
    raise RuntimeError("CI must have LibreOffice and poppler-utils: .ci/run installs them")

CASES = [(p, doc, lang) for p in EXAMPLES for doc in api.docs_in(api.read_deal(p)) for lang in ("ja", "en", "ja+en")]
TESTIMONIUM = {"ja": "の成立を証するため", "en": "IN WITNESS WHEREOF"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every case as a PDF made by one soffice call, read back page by page."""
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("needs LibreOffice and poppler-utils (CI installs both)")
    work = tmp_path_factory.mktemp("pages")
    names = []
    for path, doc, lang in CASES:
        name = f"{path.stem}-{doc}-{lang.replace('+', '-')}.docx"
        (work / name).write_bytes(api.render_document(api.read_deal(path), doc, lang=lang, fmt="docx"))
        names.append(name)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work / "pdf"), *names], cwd=work, check=True, capture_output=True, timeout=900)
    out = {}
    for name in names:
        text = subprocess.run([PDFTOTEXT, str(work / "pdf" / name.replace(".docx", ".pdf")), "-"], check=True,
                              capture_output=True, text=True).stdout
        out[name] = text.split("\f")
    return out


@pytest.mark.parametrize("path, doc, lang", CASES, ids=[f"{p.stem}-{d}-{l}" for p, d, l in CASES])
def test_execution_page_holds_the_last_article_and_every_block(pages: dict[str, list[str]], path: Path, doc: str,
                                                               lang: str) -> None:
    deal = api.read_deal(path)
    doc_pages = [_squash(p) for p in pages[f"{path.stem}-{doc}-{lang.replace('+', '-')}.docx"]]
    for one in lang.split("+"):
        marker = _squash(TESTIMONIUM[one])
        found = [i for i, page in enumerate(doc_pages) if marker in page]
        assert len(found) == 1, f"the testimonium ({one}) is on one page"
        page = doc_pages[found[0]]
        tree = api.build_document(deal, doc, one)
        last = tree.articles[-1]
        assert _squash(last.clause.title) in page[:page.index(marker)], \
            f"the last article ({last.label}) is on the signature page"
        after = page[page.index(marker):]
        signing = localize(deal, one)
        for party in signing.parties:
            if doc == "licence" and deal.licence and party.key not in (deal.licence.licensor, deal.licence.licensee):
                continue
            for value in (party.name, party.representative):
                assert _squash(str(value)) in after or _squash(str(value).split(",")[-1]) in after, \
                    f"{value} signs on the same page"
