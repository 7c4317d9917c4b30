"""Pair the articles of two agreements and diff each pair.

Pairing scores every (ours, theirs) pair of articles with rapidfuzz: heading similarity,
text similarity and whether the numbers agree, and takes the best pairs first (greedy on the
score matrix), so that a renumbered or moved article is still paired with its original, and
an article that matches nothing well enough is "only in ours" or "only in theirs". The diff
of a pair uses difflib on words (English) or characters (Japanese), the unit a reviewer
reads a change in.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from oidocs.negotiate.reader import Agreement, Art

UNCHANGED, CHANGED, ONLY_OURS, ONLY_THEIRS = "unchanged", "changed", "only_ours", "only_theirs"

# Weights of the pairing score (0-100): what the article is called, what it says, where it is.
HEADING_WEIGHT, TEXT_WEIGHT, NUMBER_WEIGHT = 0.45, 0.45, 0.10
THRESHOLD = 45.0
OPENING = 160
_WORD = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class Pair:
    """One row of the comparison: an article of ours, of theirs, or both."""

    ours: Art | None
    theirs: Art | None
    status: str
    diff: list[list[tuple[str, str]]]  # per line: (op, text) with op "=", "-", "+"


def normalise(text: str) -> str:
    """Text as compared: Unicode-normalised (full-width digits), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pair_articles(ours: Agreement, theirs: Agreement) -> list[Pair]:
    """Pair every article of both agreements; return rows in our order, theirs-only rows in place."""
    a, b = ours.articles, theirs.articles
    lang = ours.lang
    matches: dict[int, int] = {}
    if a and b:
        texts = _similarity([normalise(x.text()) for x in a], [normalise(y.text()) for y in b], 0.85)
        heads = _similarity([normalise(x.heading) for x in a], [normalise(y.heading) for y in b], 0.9)
        scored = []
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                heading = heads[i][j] if x.heading and y.heading else texts[i][j]
                number = 100.0 if x.number is not None and x.number == y.number else 0.0
                score = HEADING_WEIGHT * heading + TEXT_WEIGHT * texts[i][j] + NUMBER_WEIGHT * number
                scored.append((score, -abs(i - j), i, j))
        taken_b: set[int] = set()
        for score, _, i, j in sorted(scored, reverse=True):
            if score < THRESHOLD:
                break
            if i not in matches and j not in taken_b:
                matches[i] = j
                taken_b.add(j)
    rows: list[Pair] = []
    placed: set[int] = set()
    by_theirs = {j: i for i, j in matches.items()}
    for i, x in enumerate(a):
        if i in matches:
            # theirs-only articles that come before this pair's article in their document
            for k in range(matches[i]):
                if k not in by_theirs and k not in placed:
                    rows.append(_only_theirs(b[k], lang))
                    placed.add(k)
            rows.append(pair_two(x, b[matches[i]], lang))
            placed.add(matches[i])
        else:
            rows.append(Pair(x, None, ONLY_OURS, _diff(x.lines(), [], lang)))
    for k, y in enumerate(b):
        if k not in by_theirs and k not in placed:
            rows.append(_only_theirs(y, lang))
    return rows


def _similarity(a: list[str], b: list[str], partial_weight: float) -> list[list[float]]:
    """Similarity (0-100) of every string of ``a`` to every string of ``b``.

    The better of the plain ratio and a discounted partial ratio, so that a short article (or
    heading: 管轄 / 準拠法及び管轄裁判所) that says part of a long one still scores high.
    """
    from rapidfuzz import fuzz

    # Pair by pair rather than rapidfuzz.process.cdist, which needs numpy: two 25-article
    # agreements are 625 comparisons. partial_ratio is quadratic in the lengths, so it compares
    # openings only (an article's first sentence says what it is about).
    return [[max(fuzz.ratio(x, y), partial_weight * fuzz.partial_ratio(x[:OPENING], y[:OPENING])) for y in b]
            for x in a]


def _only_theirs(y: Art, lang: str) -> Pair:
    return Pair(None, y, ONLY_THEIRS, _diff([], y.lines(), lang))


def pair_two(x: Art, y: Art, lang: str) -> Pair:
    """Compare two articles known to correspond: unchanged, or changed with their diff."""
    same = normalise(x.heading) == normalise(y.heading) and \
        [normalise(t) for t in x.lines()] == [normalise(t) for t in y.lines()]
    if same:
        return Pair(x, y, UNCHANGED, [])
    lines_a, lines_b = x.lines(), y.lines()
    if normalise(x.heading) != normalise(y.heading):
        lines_a, lines_b = [f"({x.heading})", *lines_a], [f"({y.heading})", *lines_b]
    return Pair(x, y, CHANGED, _diff(lines_a, lines_b, lang))


def tokens(text: str, lang: str) -> list[str]:
    """Split ``text`` into the units of a diff: characters (ja) or words, spaces and marks (en)."""
    return list(text) if lang == "ja" else _WORD.findall(text)


def _diff(a: list[str], b: list[str], lang: str) -> list[list[tuple[str, str]]]:
    """Diff two lists of lines: lines are aligned first, then each replaced line token by token."""
    out: list[list[tuple[str, str]]] = []
    na, nb = [normalise(t) for t in a], [normalise(t) for t in b]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes():
        if op == "equal":
            continue  # unchanged lines are not repeated in the sheet
        old, new = na[i1:i2], nb[j1:j2]
        if op == "replace":
            common = min(len(old), len(new))
            for k in range(common):
                out.append(_diff_line(old[k], new[k], lang))
            out += [[("-", t)] for t in old[common:]]
            out += [[("+", t)] for t in new[common:]]
        elif op == "delete":
            out += [[("-", t)] for t in old]
        else:
            out += [[("+", t)] for t in new]
    return out


def _diff_line(a: str, b: str, lang: str) -> list[tuple[str, str]]:
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
