"""Cross-references between articles: 第8条, Article 8, Articles 18 and 22.

When the counterparty inserts or deletes an article, every later article moves up or down
one number and every cross-reference to it changes with it. That is not a change of
meaning: 「第9条」 in their draft points to the article that is 「第8条」 in ours. The
comparison therefore (1) pairs articles on their text with every reference masked, and (2)
before diffing a pair, writes their references in our numbers, through the pairing
(their article N is our article M). A reference that still differs then points to another
article, which is a real change; one that no longer differs was only renumbered and is
counted once for the sheet.
"""

from __future__ import annotations

import re
from typing import Callable

# Not a statute's article: 特許法第73条, "Article 65(2) of the Copyright Act".
_JA_REF = re.compile(r"(?<![法令則約])第\s*(\d+)\s*条")
_EN_REF = re.compile(r"\b(Articles?|Sections?|Clauses?)(\s+)(\d+(?:\s*(?:,|and|or|to|through|-|–)\s*(?:Article\s+)?\d+)*)(?!\d)"
                     r"(?!(?:\(\w+\))*\s+of\s+(?:the\s+)?(?!this\b|these\b)[A-Z])")
_EN_NUMBER = re.compile(r"\d+")


def mask(text: str) -> str:
    """The text with every article number in a reference replaced by ``#`` (for pairing)."""
    return _rewrite(text, lambda n: "#")


def renumber(text: str, number_map: dict[int, int]) -> tuple[str, int]:
    """Write their references in our numbers; return the text and how many references changed."""
    changed = 0

    def swap(n: str) -> str:
        nonlocal changed
        ours = number_map.get(int(n))
        if ours is None or ours == int(n):
            return n
        changed += 1
        return str(ours)

    return _rewrite(text, swap), changed


def _rewrite(text: str, number: Callable[[str], str]) -> str:
    text = _JA_REF.sub(lambda m: f"第{number(m.group(1))}条", text)

    def english(m: re.Match[str]) -> str:
        return m.group(1) + m.group(2) + _EN_NUMBER.sub(lambda d: number(d.group(0)), m.group(3))

    return _EN_REF.sub(english, text)
