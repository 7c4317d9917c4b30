"""British spelling in every English text oidocs writes or ships (lawyer-reading-2 §10).

The English agreements are drafted in British English: -ise, not -ize; "licence" the noun and
"license" the verb; "practise" the verb; "per cent"; "programme" except a computer program. The
test reads the rendered English documents and review sheets of every shipped deal, and the English
content a lawyer edits (clauses, phrases, terms, templates, starter deal file and questions).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DEALS, ROOT
from oidocs import api

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
# -ize words; a few are spelt with z in British English too
IZE = re.compile(r"\b[A-Za-z]+i[sz](?:e|es|ed|ing|ation|ations)\b")
IZE_OK = {"size", "sizes", "sized", "seize", "seizes", "seized", "prize", "prizes", "capsize", "maize", "baize"}
AMERICAN = {  # American form -> the British one
    r"\bcent(?:er|ers|ered)\b(?<!Arbitration Center)": "centre",
    r"\bcolor(?:s|ed)?\b": "colour",
    r"\b(?:un)?favor(?:s|ed|able|ably|ite)?\b": "favour",
    r"\bhonor(?:s|ed)?\b": "honour",
    r"\blabor\b": "labour",
    r"\bbehavior(?:s)?\b": "behaviour",
    r"\b(?:defense|offense|pretense)s?\b": "defence, offence, pretence",
    r"\banalyz(?:e|es|ed|ing)\b": "analyse",
    r"\bfulfill(?:s|ment)?\b": "fulfil, fulfilment",
    r"\benroll(?:s|ment)?\b": "enrol, enrolment",
    r"\binstallments?\b": "instalment",
    r"\b(?:catalog|dialog)s?\b": "catalogue, dialogue",
    r"\b(?:cancel|model|label|travel|counsel)(?:ed|ing|or)\b": "doubled l (cancelled, modelling, labelled)",
    r"\bgray\b": "grey",
    r"\b(?:toward|afterward)\b": "towards, afterwards",
    r"\bpercent\b(?!\()": "per cent",
    r"\b(?:a|an|the|this|that|such|any|each|its|their|no|exclusive|non-exclusive|royalty-free|free)\s+licenses?\b":
        "licence (the noun)",
    r"\blicenses?\s+(?:agreement|fee|grant|term|period)s?\b": "licence (the noun)",
    r"\b(?:to|may|shall|will|not|must|cannot)\s+licence\b(?![.\w])": "license (the verb)",
    r"\blicenc(?:ed|ing)\b": "licensed, licensing",
    r"\b(?:to|may|shall|will|not|must|cannot)\s+practice\b": "practise (the verb)",
    r"\bpractic(?:ed|ing)\b": "practised, practising",
}
PATTERNS = [(re.compile(p, re.I), fix) for p, fix in AMERICAN.items()]
COMPUTER = re.compile(r"software|computer|object code|copyright|source code|programs embedded", re.I)


def american(text: str) -> list[str]:
    """Return each American spelling in ``text`` with a little context and the British form."""
    found = []
    for para in re.split(r"\n\s*\n", text):
        for m in IZE.finditer(para):
            if m.group(0).lower() not in IZE_OK and "iz" in m.group(0).lower():
                found.append(f"{m.group(0)!r} (-ise)")
        for pattern, fix in PATTERNS:
            for m in pattern.finditer(para):
                found.append(f"{m.group(0)!r} -> {fix}: …{para[max(0, m.start() - 40):m.end() + 20]}…")
        if not COMPUTER.search(para):
            found += [f"{m.group(0)!r} -> programme: …{para[max(0, m.start() - 40):m.end() + 20]}…"
                      for m in re.finditer(r"\bprograms?\b", para, re.I)]
    return found


def test_the_checker_knows_both_spellings() -> None:
    """The word list finds American forms and lets the British ones through."""
    assert american("The parties shall organize a license agreement and practice the invention; 50 percent.")
    assert not american("The Parties shall organise a licence agreement and practise the invention; 50 per cent. "
                        "Party A may license Party B. The object code of the programs. Japan Intellectual "
                        "Property Arbitration Center. The size of the prize.")
    assert american("a training program for staff")


ENGLISH = [(p, d) for p in DEALS for d in api.docs_in(api.read_deal(p))]


@pytest.mark.parametrize("deal_path, doc", ENGLISH, ids=[f"{p.stem}-{d}" for p, d in ENGLISH])
def test_english_documents_use_british_spelling(deal_path: Path, doc: str) -> None:
    text = api.render_document(api.read_deal(deal_path), doc, lang="en", fmt="md").decode("utf-8")
    found = american(text)
    assert not found, found


@pytest.mark.parametrize("deal_path", DEALS, ids=[p.stem for p in DEALS])
def test_english_review_sheets_use_british_spelling(deal_path: Path) -> None:
    text = api.render_review(api.read_deal(deal_path), lang="en").decode("utf-8")
    found = american(text)
    assert not found, found


def _english_strings(node: Any, key: str = "") -> list[str]:
    """English strings in a content YAML file: values with no Japanese, not regular expressions."""
    if isinstance(node, dict):
        return [s for k, v in node.items() if k != "ja" for s in _english_strings(v, str(k))]
    if isinstance(node, list):
        return [s for v in node for s in _english_strings(v, key)]
    if isinstance(node, str) and not CJK.search(node) and key not in ("patterns", "en_patterns") \
            and not re.search(r"\\[dswWb]|\(\?:", node):
        return [node]
    return []


CONTENT = sorted(ROOT.glob("clause_library/**/*.en.md")) + sorted(ROOT.glob("clause_library/**/*.yaml")) \
    + sorted(ROOT.glob("templates/**/*.yaml"))


@pytest.mark.parametrize("path", CONTENT, ids=[str(p.relative_to(ROOT)) for p in CONTENT])
def test_english_content_files_use_british_spelling(path: Path) -> None:
    """Clauses (their notes too), phrases, terms, templates, messages; the English starter deal file
    and questions are read whole, comments included (a user reads them first)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md" or path.name.endswith(".en.yaml"):
        texts = [raw]
    else:
        texts = _english_strings(yaml.safe_load(raw))
    found = [hit for t in texts for hit in american(t)]
    assert not found, found


def _help_texts() -> list[tuple[str, str]]:
    """(command, its full --help text) for oidocs and every command and sub-command under it."""
    import click

    from oidocs.cli.app import main

    out: list[tuple[str, str]] = []

    def visit(command: click.Command, path: list[str]) -> None:
        with click.Context(command, info_name=" ".join(path), terminal_width=200) as ctx:
            out.append((" ".join(path), command.get_help(ctx)))
        if isinstance(command, click.Group):
            for name in sorted(command.commands):
                visit(command.commands[name], [*path, name])

    visit(main, ["oidocs"])
    return out


def test_cli_help_uses_british_spelling() -> None:
    """What ``--help`` prints for every command and option is English a user reads first."""
    found = [f"{command}: {hit}" for command, text in _help_texts() for hit in american(text)]
    assert not found, found


def test_the_json_schema_uses_british_spelling() -> None:
    """The titles and descriptions of ``oidocs schema`` (what an editor shows beside each key)."""
    import json

    from oidocs.deal.schema import deal_schema

    texts: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            texts.extend(str(node[k]) for k in ("title", "description") if isinstance(node.get(k), str))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(json.loads(json.dumps(deal_schema())))
    found = [hit for t in texts for hit in american(t)]
    assert not found, found
