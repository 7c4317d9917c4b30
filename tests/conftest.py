"""Shared helpers: paths of shipped deal files, a CLI runner, and DOCX read-back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))
DEALS = EXAMPLES + FIXTURES
GOLDEN = ROOT / "tests" / "golden"
OOXML_TOOL = ROOT / "tools" / "ooxml"  # the pinned Open XML SDK validator (package.json, validate.mjs)
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def run(*args: str) -> Result:
    """Run the oidocs CLI in-process and return click's result (stdout and stderr apart)."""
    from oidocs.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def as_written(text: str, lang: str) -> str:
    """Deal text as an agreement in ``lang`` prints it: English documents curl its quotes (’ “ ”)."""
    from oidocs.document.transforms import curl

    return curl(text) if lang == "en" else text


def docx_paragraphs(path: Path) -> list[Any]:
    """Return docx2python's paragraphs of the document body, in order."""
    from docx2python import docx2python

    with docx2python(path) as d:
        return list(_flatten(d.document_pars))


def _flatten(tree: Any) -> Any:
    """docx2python nests paragraphs in tables, rows and cells; yield them in order."""
    if isinstance(tree, list):
        for child in tree:
            yield from _flatten(child)
    else:
        yield tree


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages follow the locale (spec: cli.md); tests read them in English unless they set OIDOCS_LANG."""
    monkeypatch.setenv("OIDOCS_LANG", "en")


@pytest.fixture
def deal_copy(tmp_path: Path):
    """Copy a shipped deal file into tmp_path, so a test may edit it."""
    def copy(name: str) -> Path:
        src = next(p for p in DEALS if p.name == name)
        dst = tmp_path / name
        shutil.copy(src, dst)
        return dst
    return copy


def ooxml_errors(paths: list[Path]) -> dict[str, list[dict[str, str]]]:
    """Validate .docx files with Microsoft's Open XML SDK (Microsoft 365 rules).

    Returns each file's errors (id, description, part, xpath). The files are shared between
    one node process per CPU (at most two): starting the SDK costs seconds, each file a
    fraction of one. Without node or the pinned package (``cd tools/ooxml && npm ci``) the
    calling test is skipped, with the reason shown; in CI (``CI`` set) it fails instead.
    """
    node = shutil.which("node")
    missing = ("node is not installed" if node is None else
               "the validator is not installed: cd tools/ooxml && npm ci"
               if not (OOXML_TOOL / "node_modules" / "@ooxml-tools" / "validate").is_dir() else None)
    if missing:
        (pytest.fail if IN_CI else pytest.skip)(f"Open XML SDK validation: {missing}")
    assert node is not None
    shares = min(2, os.cpu_count() or 1, len(paths)) or 1
    runs = [subprocess.Popen([node, "validate.mjs", *(str(p.resolve()) for p in paths[i::shares])], cwd=OOXML_TOOL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(shares)]
    results: dict[str, list[dict[str, str]]] = {}
    for run in runs:
        out, err = run.communicate(timeout=1200)
        assert run.returncode == 0, err
        results.update(json.loads(out))
    return results


def shipped_markdown(path: Path, doc: str, lang: str) -> str:
    """Return the Markdown of document ``doc`` of the deal file at ``path``, in ``lang``."""
    from oidocs import api

    return api.render_document(api.read_deal(path), doc, lang=lang, fmt="md").decode("utf-8")


def article_titled(text: str, title: str) -> str:
    """Return the body of the Markdown article headed ``title`` (up to the next heading); fail when absent."""
    import re

    match = re.search(r"^## (?:第\d+条（" + re.escape(title) + r"）|Article \d+ \(" + re.escape(title) + r"\))\n(.*?)(?=^## |\Z)",
                      text, flags=re.M | re.S)
    assert match, f"no article titled {title!r}"
    return match.group(1)


def deal_changed(path: Path, tmp_path: Path | None = None, **changes: object) -> Any:
    """Read the deal at ``path``, with dotted ``changes`` (``a__b`` for ``a.b``; ``None`` removes the key)
    written to a copy in ``tmp_path`` first."""
    import yaml

    from oidocs import api

    if not changes:
        return api.read_deal(path)
    assert tmp_path is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        *head, last = dotted.split("__")
        node = data
        for key in head:
            node = node[key]
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    copy = tmp_path / path.name  # a later variant in the same folder gets a numbered name
    if copy.exists():
        copy = tmp_path / f"{len(list(tmp_path.iterdir()))}-{path.name}"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.read_deal(copy)


def article_number(text: str, title: str) -> str:
    """Return how the Markdown document cites the article headed ``title``: 第14条 or Article 14."""
    import re

    match = re.search(r"^## (第\d+条)（" + re.escape(title) + r"）|^## (Article \d+) \(" + re.escape(title) + r"\)",
                      text, flags=re.M)
    assert match, f"no article titled {title!r}"
    return match.group(1) or match.group(2)


def advice_in(rule: str, text: str) -> bool:
    """Whether the advice ``rule`` (templates/advice.yaml) is in the review-sheet ``text``, found by its
    title in either language: the sheet names advice for people, never by its code."""
    import yaml

    titles = yaml.safe_load((ROOT / "templates" / "advice.yaml").read_text(encoding="utf-8"))[rule]["title"]
    return any(f"**{t}**" in text for t in titles.values())
