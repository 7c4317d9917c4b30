"""The negotiation playbook: rules a lawyer keeps as data, run on each pair of articles.

The rules live in ``templates/playbook.yaml`` (or a file given with ``--playbook``); this
module only reads them, checks them (a broken rule names its file and rule id) and applies
the five kinds of test they can hold (see the file's header). A finding cites the article
on both sides, so that the reviewer can find it in either document.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oidocs.clauses.library import tidy_prose
from oidocs.content import templates_path
from oidocs.errors import ClauseError
from oidocs.negotiate.pairing import UNCHANGED, Pair
from oidocs.negotiate.reader import Art

SEVERITIES = ("high", "medium", "low")
LANGS = ("ja", "en")
_KEYS = {"id", "severity", "title", "where", "added", "removed", "changed", "compare", "within", "advice"}

_UNIT_DAYS = {"日": 1, "営業日": 1, "週": 7, "週間": 7, "か月": 30, "ヶ月": 30, "ケ月": 30, "カ月": 30, "箇月": 30,
              "月": 30, "年": 365, "day": 1, "week": 7, "month": 30, "year": 365}
_PERIOD = re.compile(r"(\d+)\)?\s*(営業日|日|週間|週|か月|ヶ月|ケ月|カ月|箇月|年(?!\d)|(?:business |calendar )?"
                     r"(day|week|month|year)s?\b)", re.I)
_JA_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_EN_DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+(\d{1,2}),\s*(\d{4})")
_SENTENCE = re.compile(r"(?<=[。．])|(?<=\.)\s+|\n")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


@dataclass(frozen=True)
class Rule:
    """One playbook rule, compiled for one language."""

    id: str
    severity: str
    title: str
    advice: str
    where: tuple[re.Pattern[str], ...]
    added: tuple[re.Pattern[str], ...]
    removed: tuple[re.Pattern[str], ...]
    changed: tuple[re.Pattern[str], ...]
    compare: str | None
    within: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Finding:
    """A rule that fired on one row of the comparison."""

    rule: Rule
    row: Pair
    evidence: str


def load_playbook(lang: str, path: str | Path | None = None) -> list[Rule]:
    """Read and compile the playbook's rules for ``lang``; a broken rule is a :class:`ClauseError`."""
    import yaml

    from oidocs.content import MAX_PLAYBOOK_BYTES, InputError, read_input

    file = Path(path) if path else templates_path("playbook.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = read_input(file, MAX_PLAYBOOK_BYTES).decode("utf-8")
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            raise ClauseError(file=str(file), message="YAML aliases (*name) are not supported; write the rules out")
        data = yaml.load(text, Loader=loader)
    except InputError as exc:
        raise ClauseError(file=str(file), message=f"cannot read the playbook ({exc})") from None
    except UnicodeDecodeError:
        raise ClauseError(file=str(file), message="not UTF-8 text; save the playbook as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ClauseError(file=str(file), line=mark.line + 1 if mark else None,
                          message=f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ClauseError(file=str(file), message="a playbook is a mapping with a list under 'rules'")
    rules = []
    seen: set[str] = set()
    for n, raw in enumerate(data["rules"]):
        rules.append(_rule(raw, n, lang, str(file)))
        if rules[-1].id in seen:
            raise ClauseError(file=str(file), message=f"rules.{n}: id {rules[-1].id!r} is used twice")
        seen.add(rules[-1].id)
    return rules


def _rule(raw: Any, n: int, lang: str, file: str) -> Rule:
    def fail(message: str) -> ClauseError:
        return ClauseError(file=file, message=f"rules.{n}: {message}")

    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise fail("each rule is a mapping with an 'id'")
    unknown = set(raw) - _KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}; a rule takes {', '.join(sorted(_KEYS))}")
    if raw.get("severity") not in SEVERITIES:
        raise fail(f"severity must be one of {', '.join(SEVERITIES)}")
    if raw.get("compare") not in (None, "shorter", "longer"):
        raise fail("compare must be 'shorter' or 'longer'")

    def words(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, dict) or not all(isinstance(value.get(la), str) for la in LANGS):
            raise fail(f"{key} needs ja and en text")
        return tidy_prose(str(value[lang]))

    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            raise fail(f"{key} maps a language to a list of patterns")
        out = []
        for source in value.get(lang, []):
            try:
                out.append(re.compile(str(source), re.I))
            except re.error as exc:
                raise fail(f"{key}.{lang}: bad pattern {source!r}: {exc}") from None
        return tuple(out)

    if raw.get("compare") is None and not any(raw.get(k) for k in ("added", "removed", "changed")):
        raise fail("a rule needs at least one test: added, removed, changed or compare")
    return Rule(raw["id"], raw["severity"], words("title"), words("advice"), patterns("where"), patterns("added"),
                patterns("removed"), patterns("changed"), raw.get("compare"), patterns("within"))


def apply_playbook(rules: list[Rule], rows: list[Pair]) -> list[Finding]:
    """Return every finding, row by row in document order, rules in file order."""
    found = []
    ends_ours = _period_ends("\n".join(_full(r.ours) for r in rows))
    ends_theirs = _period_ends("\n".join(_full(r.theirs) for r in rows))
    for row in rows:
        if row.status == UNCHANGED:
            continue
        ours, theirs = _resolve_ends(_full(row.ours), ends_ours), _resolve_ends(_full(row.theirs), ends_theirs)
        headings = " ".join(a.heading for a in (row.ours, row.theirs) if a is not None)
        for rule in rules:
            if rule.where and not any(p.search(headings) for p in rule.where):
                continue
            evidence = _test(rule, ours, theirs)
            if evidence is not None:
                found.append(Finding(rule, row, evidence))
    return found


def _full(art: Art | None) -> str:
    if art is None:
        return ""
    return unicodedata.normalize("NFKC", f"{art.heading}\n{art.text()}")


def _test(rule: Rule, ours: str, theirs: str) -> str | None:
    """Return what made ``rule`` fire (a matched word or the periods), or None."""
    for p in rule.added:
        if len(p.findall(theirs)) > len(p.findall(ours)):
            return "+" + _first(p, theirs)
    for p in rule.removed:
        if len(p.findall(ours)) > len(p.findall(theirs)):
            return "-" + _first(p, ours)
    for p in rule.changed:
        before, after = _values(p, ours), _values(p, theirs)
        if before and before != after:
            return f"{' / '.join(before)} -> {' / '.join(after) or '—'}"
    if rule.compare:
        ours, theirs = _sentences(ours, rule.within), _sentences(theirs, rule.within)
        for kind in (_periods, _dates):
            for (b, b_text), (a, a_text) in zip(kind(ours), kind(theirs)):
                if (a < b) if rule.compare == "shorter" else (a > b):
                    return f"{b_text} -> {a_text}"
    return None


_DATE = "(?:" + "|".join(re.sub(r"[(](?!\?)", "(?:", p.pattern) for p in (_EN_DATE, _JA_DATE)) + ")"
# a period defined with its dates: 'from June 1, 2027 to May 31, 2028 ... (the "Research Period")',
# 「2027年6月1日から2028年5月31日まで…（以下「研究期間」という。）」
_PERIOD_DEFINED = (re.compile(rf"from {_DATE} to (?P<end>{_DATE})[^“”\"\n]{{0,400}}?\(the [“\"](?P<name>[^”\"]{{1,40}}Period)[”\"]\)"),
                   re.compile(rf"{_DATE}から(?P<end>{_DATE})まで[^「」\n]{{0,300}}?（以下「(?P<name>[^」]{{1,20}}期間)」"))


def _period_ends(text: str) -> dict[str, str]:
    """Each defined period's last day as the text states it: {"Research Period": "May 31, 2028"}."""
    out: dict[str, str] = {}
    for p in _PERIOD_DEFINED:
        for m in p.finditer(text):
            out.setdefault(m.group("name"), m.group("end"))
    return out


def _resolve_ends(text: str, ends: dict[str, str]) -> str:
    """Write the date in for 'the last day of the Research Period' / 「研究期間の末日」, so that a term
    running to that day compares with one that names a date (a date set beside it is kept instead)."""
    for name, end in ends.items():
        text = re.sub(rf"(?:(?P<date>{_DATE}),\s*)?the last day of the {re.escape(name)}",
                      lambda m: m.group("date") or end, text)
        text = re.sub(rf"(?:(?P<date>{_DATE})[、，]?)?{re.escape(name)}の末日", lambda m: m.group("date") or end, text)
    return text


def _sentences(text: str, within: tuple[re.Pattern[str], ...]) -> str:
    """The sentences of ``text`` that a rule's ``within`` patterns name.

    All of it when the rule has none, or when the heading (the first line) matches one: an
    article headed 「独占」 is about exclusivity in every sentence.
    """
    heading = text.split("\n", 1)[0]
    if not within or any(p.search(heading) for p in within):
        return text
    return "\n".join(s for s in _SENTENCE.split(text) if any(p.search(s) for p in within))


def _first(p: re.Pattern[str], text: str) -> str:
    m = p.search(text)
    return m.group(0) if m else ""


def _values(p: re.Pattern[str], text: str) -> list[str]:
    """Every value the pattern names, in the order of the text, each once (a court, an owner, a share)."""
    out: list[str] = []
    for m in p.finditer(text):
        value = " ".join("".join(g for g in m.groups() if g).split() if m.groups() else m.group(0).split())
        if value not in out:
            out.append(value)
    return out


def _periods(text: str) -> list[tuple[int, str]]:
    """Every period (N days, months, years) as days; the parts of a date are not periods."""
    text = _EN_DATE.sub(" ", _JA_DATE.sub(" ", text))
    out = []
    for m in _PERIOD.finditer(text):
        unit = (m.group(3) or m.group(2)).lower()
        out.append((int(m.group(1)) * _UNIT_DAYS.get(unit, 1), m.group(0).strip(") ")))
    return out


def _dates(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _JA_DATE.finditer(text):
        out.append((_ordinal(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.group(0)))
    for m in _EN_DATE.finditer(text):
        out.append((_ordinal(int(m.group(3)), _MONTHS.index(m.group(1).lower()) + 1, int(m.group(2))), m.group(0)))
    return out


def _ordinal(year: int, month: int, day: int) -> int:
    try:
        return dt.date(year, month, day).toordinal()
    except ValueError:
        return 0
