"""Bilingual Markdown writer: each part of the agreement in both languages, one after the other.

The title names both languages; then the preamble, every article, the closing with its
signatures and every schedule, each first in the first language and then in the second,
written by the one-language :class:`~oidocs.writers.markdown.MarkdownWriter` (same escaping,
same review marks), so a reviewer reads 第N条 and Article N together.
"""

from __future__ import annotations

from oidocs.document.tree import Bilingual, pair_parts
from oidocs.writers import RenderOptions
from oidocs.writers.markdown import MarkdownWriter, escape


def render(pair: Bilingual, options: RenderOptions = RenderOptions()) -> bytes:
    """Return the Markdown of the bilingual ``pair`` as UTF-8 bytes ending in one newline."""
    left = MarkdownWriter(pair.first, options)
    right = MarkdownWriter(pair.second, options)
    out = [f"# {escape(pair.first.title)} / {escape(pair.second.title)}", ""]
    for a, b in pair_parts(pair):
        for writer, part in ((left, a), (right, b)):
            writer.out = []
            writer.dispatch(part)
            out += writer.out
    text = "\n".join(out).rstrip("\n") + "\n"
    return text.encode("utf-8")
