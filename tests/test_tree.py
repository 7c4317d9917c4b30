"""The document tree and its writers: every node type reaches every writer."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import EXAMPLES
from oidocs import api
from oidocs.clauses.library import Library
from oidocs.document import tree
from oidocs.writers import FORMATS, RenderOptions, Visitor, renderer

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
NODE_TYPES = {tree.Document, tree.Preamble, tree.Article, tree.Closing, tree.Schedule, tree.Paragraph, tree.Item,
              tree.Table, tree.Text, tree.Insert, tree.Ref, tree.Term}


def test_the_examples_use_every_node_type() -> None:
    deal = api.read_deal(JA)
    seen = set()
    for doc in api.docs_in(deal):
        seen |= {type(n) for n in tree.walk(api.build_document(deal, doc, "ja"))}
    assert seen == NODE_TYPES


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("review", [False, True])
def test_every_writer_renders_every_document(fmt: str, review: bool) -> None:
    deal = api.read_deal(JA)
    for doc in api.docs_in(deal):
        for lang in ("ja", "en"):
            assert renderer(fmt)(api.build_document(deal, doc, lang), RenderOptions(review=review))


def test_a_writer_refuses_a_node_it_does_not_know() -> None:
    @dataclasses.dataclass
    class Footnote:
        text: str

    with pytest.raises(NotImplementedError, match="cannot render a Footnote"):
        Visitor().dispatch(Footnote("x"))  # type: ignore[arg-type]


def test_dump_shows_numbers_labels_and_references() -> None:
    document = api.build_document(api.read_deal(JA), "nda", "ja")
    dump = tree.dump(document.articles[1])
    version = Library().clause("nda.exclusions", "ja").version
    assert dump.startswith(f"Article 第2条 nda.exclusions@{version}\n")
    assert "Ref nda.definitions -> '第1条'" in dump
    assert "  Paragraph 1\n" in dump and "Item （5）" in dump
