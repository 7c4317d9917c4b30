"""Inside a pair of articles: which paragraph became which, and what changed in it.

Paragraphs (and items) are paired by what they say, not by where they stand: identical ones
first, in order (difflib's matching blocks); an identical one out of that order was moved;
the rest by similarity (the best pairs first, above :data:`SIMILAR`), so that deleting two
paragraphs next to an edited one does not report the edited one as deleted. What is left is
deleted (only ours) or inserted (only theirs).

A paired paragraph that changed is diffed token by token: words, spaces and marks in
English; in Japanese a date (2028年5月31日), a number (30, 1,000,000), a run of katakana or
of kanji (a name, a defined term) is one token and anything else one character, so that
「30日」 -> 「90日」 reads as 30 -> 90, not as 3 -> 9.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

CHANGED_LINE, DELETED, INSERTED, MOVED = "changed", "deleted", "inserted", "moved"
SIMILAR = 55.0  # rapidfuzz ratio (0-100) above which two paragraphs are one paragraph edited

Loc = tuple[int, int]  # (paragraph, item): paragraph 1-based (0: the heading), item 0: the paragraph's own text

_EN_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_JA_TOKEN = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日|\d[\d,.]*|[A-Za-z]+|[ァ-ヺー]+|[一-龯々〆ヵヶ]+|\s+|.", re.S)


@dataclass
class Change:
    """One changed paragraph (or item, or heading) of a pair of articles."""

    kind: str                          # changed | deleted | inserted | moved
    ours_at: Loc | None
    theirs_at: Loc | None
    segments: list[tuple[str, str]]    # (op, text), op "=", "-", "+"
    elsewhere: str = ""                # a paragraph moved from or to another article: where
    key: float = field(default=0.0, repr=False)  # sort position in our order


def normalise(text: str) -> str:
    """Text as compared: Unicode-normalised (full-width digits), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def tokens(text: str, lang: str) -> list[str]:
    """Split ``text`` into the units of a diff (see the module's docstring)."""
    return (_JA_TOKEN if lang == "ja" else _EN_TOKEN).findall(text)


def align(ours: list[tuple[Loc, str]], theirs: list[tuple[Loc, str]], lang: str) -> list[Change]:
    """The changes between two lists of (location, text), in our order.

    Texts are compared normalised (full-width digits, spaces) and shown as written.
    """
    from rapidfuzz import fuzz

    a, b = [normalise(t) for _, t in ours], [normalise(t) for _, t in theirs]
    raw_a, raw_b = [" ".join(t.split()) for _, t in ours], [" ".join(t.split()) for _, t in theirs]
    partner: dict[int, int] = {}
    kinds: dict[int, str] = {}
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            partner[block.a + k] = block.b + k
    taken = set(partner.values())
    # identical text elsewhere: moved
    free_b: dict[str, list[int]] = {}
    for j, text in enumerate(b):
        if j not in taken:
            free_b.setdefault(text, []).append(j)
    for i, text in enumerate(a):
        if i not in partner and free_b.get(text):
            j = free_b[text].pop(0)
            partner[i], kinds[i] = j, MOVED
            taken.add(j)
    # similar text: edited
    scored = sorted(((fuzz.ratio(a[i], b[j]), -abs(i - j), i, j) for i in range(len(a)) if i not in partner
                     for j in range(len(b)) if j not in taken), reverse=True)
    for score, _, i, j in scored:
        if score < SIMILAR:
            break
        if i not in partner and j not in taken:
            partner[i], kinds[i] = j, CHANGED_LINE
            taken.add(j)
    changes: list[Change] = []
    for i, j in partner.items():
        if kinds.get(i) == MOVED:
            changes.append(Change(MOVED, ours[i][0], theirs[j][0], [("=", raw_b[j])], key=i))
        elif kinds.get(i) == CHANGED_LINE:
            changes.append(Change(CHANGED_LINE, ours[i][0], theirs[j][0], diff_line(raw_a[i], raw_b[j], lang), key=i))
    for i in range(len(a)):
        if i not in partner:
            changes.append(Change(DELETED, ours[i][0], None, [("-", raw_a[i])], key=i))
    by_b = {j: i for i, j in partner.items()}
    for j in range(len(b)):
        if j not in taken:
            before = [by_b[k] for k in range(j) if k in by_b]
            changes.append(Change(INSERTED, None, theirs[j][0], [("+", raw_b[j])], key=(max(before) if before else -1) + 0.5))
    changes.sort(key=lambda c: (c.key, c.kind != DELETED))
    return changes


def diff_line(a: str, b: str, lang: str) -> list[tuple[str, str]]:
    """The token diff of one paragraph edited: equal, deleted and inserted segments."""
    ta, tb = tokens(a, lang), tokens(b, lang)
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("=", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("-", "".join(ta[i1:i2])))
        if j2 > j1:
            segments.append(("+", "".join(tb[j1:j2])))
    return segments
