"""Word's list numbering, computed as a reader sees it: 第1条, Article 2, （3）, ①.

A DOCX stores list labels as rules (``word/numbering.xml``: a format and a text such as
``第%1条`` per level) and counters that Word runs while laying out the page; the text of a
numbered paragraph does not contain its label. A reader that wants article numbers of a
Word-numbered agreement (oidocs' own among them) has to run the counters itself. This
module does that for the formats contracts use; any other (iroha, aiueo ...) counts in decimal,
which still gives each article its number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MAX_START = 32_767  # the largest list start Word accepts
MAX_LEVEL = 8  # list levels are 0 to 8


class NumberingError(ValueError):
    """A numbering value Word would not accept (``w:start="1e3"``, ``w:ilvl="99"``)."""


def whole(value: str | None, what: str, high: int = MAX_LEVEL) -> int:
    """Return ``value`` as a whole number from 0 to ``high``; anything else is a :class:`NumberingError`.

    A counterparty's file is untrusted: a start of two billion would otherwise make labels of
    millions of characters, and a level of 99 point past the nine counters.
    """
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 6 or int(text) > high:
        raise NumberingError(f"word/numbering.xml: {what}={str(value)[:20]!r} is not a whole number from 0 to {high:,}")
    return int(text)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_KANJI = "〇一二三四五六七八九"


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _kanji(n: int) -> str:
    """Japanese counting: 十, 二十一, 百五, 千二百三十四; from ten thousand on, 万 groups."""
    if n < 10:
        return _KANJI[n]
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        return _kanji(high) + "万" + (_kanji(low) if low else "")
    out = ""
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, unit)
        if digit:
            out += ("" if digit == 1 else _KANJI[digit]) + mark
    return out + (_KANJI[n] if n else "")


def format_number(n: int, fmt: str) -> str:
    """Return ``n`` in Word's number format ``fmt`` (``decimal``, ``decimalEnclosedCircle`` ...)."""
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("japaneseCounting", "ideographTraditional", "chineseCounting", "japaneseDigitalTenThousand"):
        return _kanji(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """The numbering rules of one DOCX and the counters run so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)   # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)             # numId -> abstractNumId
    counters: dict[str, list[int]] = field(default_factory=dict)          # abstract (or numId) -> counts

    @classmethod
    def read(cls, numbering_xml: Any | None) -> Numbering:
        """Read the rules from the parsed ``w:numbering`` element (None: a file without lists)."""
        self = cls()
        if numbering_xml is None:
            return self
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in numbering_xml.iter(f"{W}abstractNum"):
            abstracts[abstract.get(f"{W}abstractNumId")] = {
                whole(lvl.get(f"{W}ilvl", "0"), "w:ilvl"): _read_level(lvl) for lvl in abstract.iter(f"{W}lvl")}
        for num in numbering_xml.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            abstract_id = ref.get(f"{W}val") if ref is not None else ""
            levels = dict(abstracts.get(abstract_id, {}))
            restarted = False
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = whole(override.get(f"{W}ilvl", "0"), "w:ilvl")
                start = override.find(f"{W}startOverride")
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels[ilvl] = _read_level(lvl)
                    restarted = True
                elif start is not None and ilvl in levels:
                    base = levels[ilvl]
                    levels[ilvl] = _Level(base.fmt, base.text, whole(start.get(f"{W}val", "1"), "w:startOverride",
                                                                     MAX_START))
                    restarted = True
            self.levels[num_id] = levels
            # Lists that share an abstract definition count on together unless one restarts.
            self.abstract_of[num_id] = f"n{num_id}" if restarted else f"a{abstract_id}"
        return self

    def label(self, num_id: str, ilvl: int) -> str:
        """Count one more paragraph at (``num_id``, ``ilvl``) and return its label."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        key = self.abstract_of[num_id]
        counts = self.counters.setdefault(key, [0] * 9)
        if counts[ilvl] == 0:
            counts[ilvl] = levels[ilvl].start - 1
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = levels[ilvl].text
        for n in range(9, 0, -1):
            token = f"%{n}"
            if token in text:
                level = levels.get(n - 1, _Level())
                value = counts[n - 1] or level.start
                text = text.replace(token, format_number(value, level.fmt))
        return text


def _read_level(lvl: Any) -> _Level:
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    start = lvl.find(f"{W}start")
    return _Level(
        fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
        text.get(f"{W}val", "") if text is not None else "",
        whole(start.get(f"{W}val", "1"), "w:start", MAX_START) if start is not None else 1,
    )
