"""Pair the articles of two agreements, then their paragraphs, and say what changed.

Articles are paired on what they say with every cross-reference number masked (see
:mod:`oidocs.negotiate.refs`), in three passes that each take only what the previous left:
identical text; the same heading; then candidates that share rare words (English) or
character pairs (Japanese) with the article, scored with rapidfuzz on heading, text and
number, best pairs first. Each article is scored against a handful of candidates, not against
every article of the other side, so a 256-article pair costs about as much per article as a
25-article one. A pair whose order differs from the order of the rest was moved.

Inside a pair, their references are written in our numbers first (their 第9条 is our 第8条),
so that renumbering alone is no change; paragraphs are then aligned by
:func:`oidocs.negotiate.align.align`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from oidocs.negotiate.align import Change, Loc, align, normalise
from oidocs.negotiate.reader import Agreement, Art
from oidocs.negotiate.refs import mask, renumber

UNCHANGED, CHANGED, ONLY_OURS, ONLY_THEIRS = "unchanged", "changed", "only_ours", "only_theirs"

# Weights of the pairing score (0-100): what the article is called, what it says, where it is.
HEADING_WEIGHT, TEXT_WEIGHT, NUMBER_WEIGHT = 0.45, 0.45, 0.10
THRESHOLD = 45.0
OPENING = 160
CANDIDATES = 8
_WORD = re.compile(r"[A-Za-z]{4,}")

__all__ = ["CHANGED", "ONLY_OURS", "ONLY_THEIRS", "UNCHANGED", "Pair", "normalise", "pair_articles", "pair_two"]


@dataclass
class Pair:
    """One row of the comparison: an article of ours, of theirs, or both."""

    ours: Art | None
    theirs: Art | None
    status: str
    changes: list[Change] = field(default_factory=list)
    moved: bool = False      # paired, but in another place among the articles
    renumbered: int = 0      # references that differ only because articles were renumbered


def pair_articles(ours: Agreement, theirs: Agreement, number_map: dict[int, int] | None = None) -> list[Pair]:
    """Pair every article of both agreements; return rows in our order, theirs-only rows in place.

    ``number_map``, when given, is filled with their article numbers mapped to ours, so that the text
    outside the articles (a Schedule citing 第7条第4項) is read in our numbers too."""
    a, b = ours.articles, theirs.articles
    lang = ours.lang
    matches = _match(a, b)
    number_map = {} if number_map is None else number_map
    for i, j in matches.items():
        ours_n, theirs_n = a[i].number, b[j].number
        if ours_n is not None and theirs_n is not None:
            number_map[theirs_n] = ours_n
    moved = _moved(matches)
    rows: list[Pair] = []
    placed: set[int] = set()
    by_theirs = {j: i for i, j in matches.items()}
    for i, x in enumerate(a):
        if i in matches:
            for k in range(matches[i]):  # theirs-only articles before this pair's article
                if k not in by_theirs and k not in placed:
                    rows.append(pair_two(None, b[k], lang))
                    placed.add(k)
            row = pair_two(x, b[matches[i]], lang, number_map)
            row.moved = i in moved
            rows.append(row)
            placed.add(matches[i])
        else:
            rows.append(pair_two(x, None, lang))
    rows += [pair_two(None, y, lang) for k, y in enumerate(b) if k not in by_theirs and k not in placed]
    _cross_article_moves(rows, lang)
    return rows


def _match(a: list[Art], b: list[Art]) -> dict[int, int]:
    """Index of ours -> index of theirs for every article paired."""
    from rapidfuzz import fuzz

    texts_a = [mask(normalise(x.text())) for x in a]
    texts_b = [mask(normalise(y.text())) for y in b]
    matches: dict[int, int] = {}
    # 1. identical text (and heading), in order
    exact: dict[tuple[str, str], list[int]] = {}
    for j, y in enumerate(b):
        exact.setdefault((normalise(y.heading), texts_b[j]), []).append(j)
    for i, x in enumerate(a):
        same = exact.get((normalise(x.heading), texts_a[i]))
        if same and texts_a[i]:
            matches[i] = same.pop(0)
    taken = set(matches.values())
    # 2. the same heading, said once on each side, and text not unrelated
    heads_a = _unique_headings(a, set(matches))
    heads_b = _unique_headings(b, taken)
    for head, i in heads_a.items():
        twin = heads_b.get(head)
        if twin is not None and fuzz.ratio(texts_a[i][:OPENING * 4], texts_b[twin][:OPENING * 4]) >= 25:
            matches[i] = twin
            taken.add(twin)
    # 3. candidates sharing rare features, scored
    rest_a = [i for i in range(len(a)) if i not in matches]
    rest_b = [j for j in range(len(b)) if j not in taken]
    if not rest_a or not rest_b:
        return matches
    index: dict[str, list[int]] = {}
    features_b = {j: _features(texts_b[j] + " " + normalise(b[j].heading)) for j in rest_b}
    for j, feats in features_b.items():
        for f in feats:
            index.setdefault(f, []).append(j)
    common = max(4, len(rest_b) // 5)
    scored = []
    for i in rest_a:
        votes: dict[int, int] = {}
        for f in _features(texts_a[i] + " " + normalise(a[i].heading)):
            posting = index.get(f, ())
            if len(posting) <= common:
                for j in posting:
                    votes[j] = votes.get(j, 0) + 1
        candidates = set(sorted(votes, key=lambda j: (-votes[j], j))[:CANDIDATES])
        candidates |= {j for j in rest_b if b[j].number is not None and b[j].number == a[i].number}
        for j in candidates:
            scored.append((_score(a[i], b[j], texts_a[i], texts_b[j]), -abs(i - j), i, j))
    for score, _, i, j in sorted(scored, reverse=True):
        if score < THRESHOLD:
            break
        if i not in matches and j not in taken:
            matches[i] = j
            taken.add(j)
    return matches


def _unique_headings(arts: list[Art], skip: set[int]) -> dict[str, int]:
    seen: dict[str, list[int]] = {}
    for i, art in enumerate(arts):
        if art.heading:
            seen.setdefault(normalise(art.heading), []).append(i)
    return {h: ix[0] for h, ix in seen.items() if len(ix) == 1 and ix[0] not in skip}


def _features(text: str) -> set[str]:
    """What a candidate must share: words of four letters or more, or character pairs (Japanese)."""
    words = {w.lower() for w in _WORD.findall(text)}
    if len(words) >= 5:
        return words
    return {text[k:k + 2] for k in range(len(text) - 1) if not text[k:k + 2].isspace()}


def _score(x: Art, y: Art, text_x: str, text_y: str) -> float:
    """Heading, text and number similarity of two articles (0-100)."""
    from rapidfuzz import fuzz

    def similar(p: str, q: str, partial: float) -> float:
        return max(fuzz.ratio(p, q), partial * fuzz.partial_ratio(p[:OPENING], q[:OPENING]))

    text = similar(text_x, text_y, 0.85)
    heading = similar(normalise(x.heading), normalise(y.heading), 0.9) if x.heading and y.heading else text
    number = 100.0 if x.number is not None and x.number == y.number else 0.0
    return HEADING_WEIGHT * heading + TEXT_WEIGHT * text + NUMBER_WEIGHT * number


def _moved(matches: dict[int, int]) -> set[int]:
    """Ours' indexes of the pairs outside the longest run in the same order on both sides."""
    order = [matches[i] for i in sorted(matches)]
    ours_index = sorted(matches)
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(order)
    for k, j in enumerate(order):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
        back[k] = tail_at[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(ours_index[k])
        k = back[k]
    return {i for i in matches if i not in keep}


def units(art: Art | None) -> list[tuple[Loc, str]]:
    """Every paragraph and item of an article with its location (the heading is added by the caller)."""
    if art is None:
        return []
    out: list[tuple[Loc, str]] = []
    for p, para in enumerate(art.paras, start=1):
        if para.text:
            out.append(((p, 0), para.text))
        out += [((p, k), text) for k, (_, text) in enumerate(para.items, start=1) if text]
    return out


def pair_two(x: Art | None, y: Art | None, lang: str, number_map: dict[int, int] | None = None) -> Pair:
    """Compare two articles known to correspond (either may be missing): status and changes."""
    if y is None:
        return Pair(x, None, ONLY_OURS, align(units(x), [], lang))
    if x is None:
        return Pair(None, y, ONLY_THEIRS, align([], units(y), lang))
    renumbered = 0
    theirs = units(y)
    if number_map:
        rewritten = []
        for loc, text in theirs:
            text, n = renumber(text, number_map)
            rewritten.append((loc, text))
            renumbered += n
        theirs = rewritten
    ours = units(x)
    if normalise(x.heading) != normalise(y.heading):
        ours, theirs = [((0, 0), x.heading), *ours], [((0, 0), y.heading), *theirs]
    changes = align(ours, theirs, lang)
    return Pair(x, y, CHANGED if changes else UNCHANGED, changes, renumbered=renumbered)


def _cross_article_moves(rows: list[Pair], lang: str) -> None:
    """A paragraph deleted in one article and inserted, word for word, in another was moved."""
    from oidocs.negotiate.align import DELETED, INSERTED, MOVED

    inserted: dict[str, list[tuple[Pair, Change]]] = {}
    for row in rows:
        for change in row.changes:
            if change.kind == INSERTED:
                inserted.setdefault(normalise(change.segments[0][1]), []).append((row, change))
    for row in rows:
        for change in row.changes:
            if change.kind != DELETED or not inserted.get(normalise(change.segments[0][1])):
                continue
            target, other = inserted[normalise(change.segments[0][1])].pop(0)
            if target is row or target.theirs is None or row.ours is None:
                continue
            change.kind, other.kind = MOVED, MOVED
            change.elsewhere = "theirs:" + where(target.theirs, other.theirs_at, lang)
            other.elsewhere = "ours:" + where(row.ours, change.ours_at, lang)
            change.theirs_at = other.theirs_at


def where(art: Art, loc: Loc | None, lang: str) -> str:
    """第18条第2項第1号 / Article 18(2)(a): an article and, if it has several, the paragraph."""
    label = art.label or art.heading or ""
    if loc is None or loc[0] == 0:
        return label
    para, item = loc
    several = len(art.paras) > 1
    if lang == "ja":
        return label + (f"第{para}項" if several else "") + (f"第{item}号" if item else "")
    text = label + (f"({para})" if several else "")
    if item:
        printed = art.paras[para - 1].items[item - 1][0].strip("()（） .")
        text += f"({printed or item})"
    return text
