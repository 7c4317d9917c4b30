"""Every Word file oidocs makes is valid for Microsoft 365, checked by Microsoft's Open XML SDK.

The SDK runs under Node (``tools/ooxml``: ``@ooxml-tools/validate``, pinned). Starting it
costs seconds and each file a fraction of one, so every file is made first and all are
validated in one go (one node process per CPU, at most two). To cover a new kind of Word file (bilingual, redline, licence, amendment),
add a function yielding ``(file name, bytes)`` to ``MADE``. While iterating on something else,
``-k "not microsoft_365"`` leaves this (slowest) test out; CI always runs it.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, Iterator

from conftest import DEALS, ROOT, ooxml_errors
from oidocs import api


def agreements() -> Iterator[tuple[str, bytes]]:
    """Every document of every shipped deal and fixture, in both languages, plain and for review."""
    for path in DEALS:
        deal = api.read_deal(path)
        for doc in api.docs_in(deal):
            for lang in ("ja", "en"):
                for review in (False, True):
                    data = api.render_document(deal, doc, lang=lang, fmt="docx", review=review)
                    yield f"{path.stem}-{doc}-{lang}{'-review' if review else ''}.docx", data


def bilingual() -> Iterator[tuple[str, bytes]]:
    """Every document side by side: ja+en for review (its markup is the plain file's and more), en+ja plain."""
    for path in DEALS:
        deal = api.read_deal(path)
        for doc in api.docs_in(deal):
            for lang, review in (("ja+en", True), ("en+ja", False)):
                data = api.render_document(deal, doc, lang=lang, fmt="docx", review=review)
                yield f"{path.stem}-{doc}-{api.file_lang(lang)}{'-review' if review else ''}.docx", data


def amendments() -> Iterator[tuple[str, bytes]]:
    """The JDA amendment of the Japanese example (a later end date), in both languages."""
    from oidocs.negotiate.amend import amend_files

    example = ROOT / "examples" / "acme-nano-ja.yaml"
    with tempfile.TemporaryDirectory() as folder:
        new = Path(folder) / "new.yaml"
        new.write_text(example.read_text(encoding="utf-8").replace("end: 2028-05-31", "end: 2028-11-30"),
                       encoding="utf-8")
        for lang in ("ja", "en"):
            yield from amend_files(example, new, "jda", lang=lang, formats=("docx",)).items()


MADE: list[Callable[[], Iterator[tuple[str, bytes]]]] = [agreements, bilingual, amendments]


def _broken_copy(data: bytes, out: Path) -> Path:
    """A copy with an element Word does not know: proves the validator reports what it finds."""
    with zipfile.ZipFile(out, "w") as broken, zipfile.ZipFile(io.BytesIO(data)) as good:
        for info in good.infolist():
            part = good.read(info.filename)
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:body>", b"<w:body><w:p><w:pPr><w:bogus/></w:pPr></w:p>", 1)
            broken.writestr(info.filename, part)
    return out


def test_every_docx_is_valid_for_microsoft_365(tmp_path: Path) -> None:
    paths = []
    for make in MADE:
        for name, data in make():
            path = tmp_path / name
            assert not path.exists(), f"two files named {name}"
            path.write_bytes(data)
            paths.append(path)
    control = _broken_copy(paths[0].read_bytes(), tmp_path / "control-broken.docx")
    results = ooxml_errors([*paths, control])
    assert any("bogus" in e["description"] for e in results.pop(str(control))), "the validator reports errors"
    assert len(results) == len(paths)
    problems = [f"{Path(f).name}: {e['part']} {e['xpath']}: {e['description']}"
                for f, errors in results.items() for e in errors]
    assert not problems, f"{len(problems)} Open XML SDK errors:\n" + "\n".join(problems[:40])
