"""Fixed words per language: designations, number formats, dates, money, joins.

Clause wording lives in ``clause_library/``; this table holds only the words the engine
itself prints around it, so that both languages are formatted in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

_EN_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_ORDINALS = {3: "third", 5: "fifth", 6: "sixth", 7: "seventh", 9: "ninth"}
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]


@dataclass(frozen=True)
class Labels:
    """The words and formats of one language."""

    lang: str
    designations: tuple[str, ...]
    article: Callable[[int], str]
    heading: Callable[[str, str], str]
    paragraph: Callable[[int], str]
    item: Callable[[int], str]
    schedule: Callable[[int | None], str]
    schedule_ref: Callable[[int | None], str]
    paragraph_ref: Callable[[str, int], str]  # (article label, paragraph number): 第7条第4項 / Article 7(4)
    define: Callable[[str, bool], str]
    money: Callable[..., str]  # (amount, currency, tax=True): tax says consumption tax is excluded
    date: Callable[[dt.date], str]
    blank_date: str
    count: Callable[[int], str]
    sign_address: str
    sign_name: str
    sign_name_by_kind: dict[str, str]  # the signatory's kind of body where sign_name does not fit it
    sign_representative: str
    seal: str
    signing_rows: tuple[tuple[str, str], ...]
    percent: Callable[[float], str]
    fraction: Callable[..., str]  # (n, k=1): k n-ths: 3分の1 / one third (1/3); 16分の9 / 9/16
    list_sep: str
    list_last: str
    define_gap: str
    quote: Callable[[str], str]  # a term as a definition names it: 「本成果」とは / "Results" means

    def designation(self, index: int, short_name: str | None = None) -> str:
        """The name a document gives the party at ``index``: 甲 乙 丙 丁 / Party A-D, or in English
        the party's own short name when the deal gives one ("Lumen"), as English practice names parties."""
        return short_name if short_name and self.lang == "en" else self.designations[index]

    def join(self, words: list[str]) -> str:
        """Join words as the language lists them: A、B及びC / A, B and C.

        Where a Japanese item already joins its own words with 及び, the list joins the items with 並びに
        (A及びB並びにC), as Japanese drafting marks the larger join; 「A及びB及びC」 reads as one flat list
        and hides which words belong together (tenth reading: a party's JDA tasks).
        """
        if len(words) <= 1:
            return "".join(words)
        last = self.list_last
        if last == "及び" and any("及び" in _outside_brackets(w) for w in words):
            last = "並びに"
        return self.list_sep.join(words[:-1]) + last + words[-1]


def _outside_brackets(text: str) -> str:
    """``text`` without its bracketed asides （…）, nested ones included: a 及び inside an explanation
    (「特許を受ける権利（…特許権及び…を含む。）」) does not join the item's own words."""
    depth, kept = 0, []
    for ch in text:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(ch)
    return "".join(kept)


def _en_words(n: int) -> str:
    """0-999 in British English words: 30 thirty, 45 forty-five, 120 one hundred and twenty."""
    if n < 20:
        return _EN_NUMBERS[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_NUMBERS[rest]}" if rest else "")
    hundreds, rest = divmod(n, 100)
    return f"{_EN_NUMBERS[hundreds]} hundred" + (f" and {_en_words(rest)}" if rest else "")


def _en_count(n: int) -> str:
    """Every count one way, words then digits: two (2), thirty (30), one hundred and twenty (120)."""
    return f"{_en_words(n)} ({n})" if 0 <= n < 1000 else f"{n:,}"


def _number(n: float) -> str:
    """A rate as people write it: 50, 3.5 (never 50.0)."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _en_item(n: int) -> str:
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"({letters})"


def _ja_define(term: str, the: bool) -> str:
    return f"（以下「{term}」という。）"


def _en_define(term: str, the: bool) -> str:
    return f'(the "{term}")' if the else f'("{term}")'


# Japanese names of the currencies a licence may be paid in (oidocs.deal.ip.LICENCE_CURRENCIES):
# 金5,000,000円 for yen, 100,000米ドル for the others (the code itself in English: USD 100,000).
JA_CURRENCY = {"JPY": "円", "USD": "米ドル", "EUR": "ユーロ", "GBP": "英ポンド", "CNY": "人民元", "KRW": "韓国ウォン",
               "SGD": "シンガポール・ドル", "CHF": "スイス・フラン", "AUD": "豪ドル", "CAD": "カナダ・ドル",
               "HKD": "香港ドル", "TWD": "新台湾ドル"}


def _ja_money(amount: int, currency: str, tax: bool = True) -> str:
    figure = f"金{amount:,}円" if currency == "JPY" else f"{amount:,}{JA_CURRENCY.get(currency, currency)}"
    return figure + ("（消費税別）" if tax else "")


JA = Labels(
    lang="ja",
    designations=("甲", "乙", "丙", "丁"),
    article=lambda n: f"第{n}条",
    heading=lambda label, title: f"{label}（{title}）",
    paragraph=lambda n: str(n),
    item=lambda n: f"（{n}）",
    schedule=lambda n: "別紙" if n is None else f"別紙{n}",
    schedule_ref=lambda n: "別紙" if n is None else f"別紙{n}",
    paragraph_ref=lambda label, n: f"{label}第{n}項",
    define=_ja_define,
    money=_ja_money,
    date=lambda d: f"{d.year}年{d.month}月{d.day}日",
    blank_date="　　　　年　　月　　日",
    count=str,
    sign_address="住所",
    sign_name="名称",
    sign_name_by_kind={},
    sign_representative="代表者",
    seal="　　印",
    signing_rows=(),
    percent=lambda n: f"{_number(n)}パーセント",
    fraction=lambda n, k=1: f"{n}分の{k}",
    list_sep="、",
    list_last="及び",
    define_gap="",
    quote=lambda word: f"「{word}」",
)

EN = Labels(
    lang="en",
    designations=("Party A", "Party B", "Party C", "Party D"),
    article=lambda n: f"Article {n}",
    heading=lambda label, title: f"{label} ({title})",
    paragraph=lambda n: f"{n}.",
    item=_en_item,
    schedule=lambda n: "Schedule" if n is None else f"Schedule {n}",
    schedule_ref=lambda n: "the Schedule" if n is None else f"Schedule {n}",
    paragraph_ref=lambda label, n: f"{label}({n})",
    define=_en_define,
    money=lambda amount, currency, tax=True: f"{currency} {amount:,}" + (" (excluding consumption tax)" if tax else ""),
    date=lambda d: f"{_EN_MONTHS[d.month - 1]} {d.day}, {d.year}",
    blank_date="Date: ____________________",
    count=_en_count,
    sign_address="Address",
    sign_name="Company",
    sign_name_by_kind={"university": "University", "research_institute": "Institute"},
    sign_representative="Name and title",
    seal="",
    signing_rows=(("Signature", "_" * 24),),  # the date is written once, above the blocks
    percent=lambda n: f"{_number(n)} per cent",  # one way for every rate: 50 per cent, 14.6 per cent
    fraction=lambda n, k=1: f"one {_EN_ORDINALS.get(n, str(n) + 'th')} (1/{n})" if k == 1 else f"{k}/{n}",
    list_sep=", ",
    list_last=" and ",
    define_gap=" ",
    quote=lambda word: f'"{word}"',
)

LABELS = {"ja": JA, "en": EN}
DATE_STYLES = ("western", "japanese")

# Japanese eras (元号) by their first day. Reiwa began on 2019-05-01 and Heisei on 1989-01-08
# (the day after Emperor Showa's death); a date before Showa (1926-12-25) keeps the Western year,
# since no agreement drafted today is dated then.
ERAS = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
)


def era_year(d: dt.date) -> str:
    """Return the era and year of ``d``: 令和8年, 令和元年 (the first year of an era), 平成31年."""
    for start, name in ERAS:
        if d >= start:
            year = d.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年"
    return f"{d.year}年"


def era_date(d: dt.date) -> str:
    """Return ``d`` written by era: 令和8年12月1日; 2019-04-30 is 平成31年4月30日."""
    return f"{era_year(d)}{d.month}月{d.day}日"


@lru_cache(maxsize=None)
def labels_for(lang: str, date_style: str = "western", signing: str = "paper") -> Labels:
    """Return the labels of ``lang`` (``ja`` or ``en``) for a deal's date style and signing.

    ``date_style="japanese"`` writes Japanese dates by era (令和8年12月1日, and an era blank
    date line); English has no era dates and ignores it. ``signing="electronic"`` drops the
    seal mark (印) and the wet-ink signature and date lines from the signature block: the
    parties sign the electronic record itself. Both are deal options, so every caller that
    formats a date (clause ``date()``, the date line) or a signature block asks with them.
    """
    labels = LABELS[lang]
    if lang == "ja" and date_style == "japanese":
        labels = replace(labels, date=era_date, blank_date="令和　　年　　月　　日")
    if signing == "electronic":
        labels = replace(labels, seal="", signing_rows=())
    return labels
