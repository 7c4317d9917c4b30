"""A user's first deal file: a commented starter, or one built from a few questions.

:func:`starter_yaml` returns a deal file that shows every key of version 1 (and the
oidocs extension keys), each with its meaning, default and allowed values in a comment.
The optional sections (``mou``, ``poc``, ``jda``, ``ip`` and the IP model blocks) are
commented out with a leading ``# `` so that the file validates as it is and makes an NDA;
removing the ``# `` of a whole block (an editor's toggle-comment does it) turns the block
on. Blocks nested in a commented block carry a second ``# ``, one level deeper.

:func:`interactive_deal` asks for the required terms through three callables, so that it
runs under click's prompts, in a test, or behind any other front end, and returns a deal
file that validates. Values are written by ``yaml.safe_dump``, so a name such as
``yes``, ``#1`` or ``{{ x }}`` stays text.

The words themselves are content, not code: the commented starters are
``templates/starter/deal.{ja,en}.yaml`` and the questions and messages
``templates/starter/questions.{ja,en}.yaml``, which a lawyer or translator edits freely.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Callable

from oidocs.content import templates_path
from oidocs.deal.schema import SCHEMA_FILE
from oidocs.errors import OidocsError

LANGS = ("ja", "en")
KINDS = ("sme", "startup", "large_company", "university", "research_institute", "other")
IP_MODELS = ("joint_filing", "exclusive_field", "background_licence")
PARTY_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
DEAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# Words that YAML 1.1 reads as a boolean or null when written unquoted: a party key spelt so
# would turn `performer: no` into `performer: false` in a hand-edited file.
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
MAX_TRIES = 10


def schema_line(schema: str = SCHEMA_FILE) -> str:
    """Return the first line that points yaml-language-server at the deal file's schema."""
    return f"# yaml-language-server: $schema={schema}\n"


def starter_yaml(lang: str, schema: str = SCHEMA_FILE) -> str:
    """Return the commented starter deal file in ``lang`` (``ja`` or ``en``).

    ``schema`` is the path or URL written on the ``$schema=`` line (by default
    ``deal.schema.json`` beside the deal file, as ``oidocs schema --out`` writes it).
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return schema_line(schema) + templates_path("starter", f"deal.{lang}.yaml").read_text(encoding="utf-8")


def _questions(lang: str) -> dict[str, str]:
    """Return the interactive questions and messages in ``lang`` (the words; tables are left out)."""
    return {k: str(v) for k, v in question_data(lang).items() if isinstance(v, str)}


def question_data(lang: str) -> dict[str, Any]:
    """Return ``templates/starter/questions.{lang}.yaml`` as written (words, answer words, aliases)."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(templates_path("starter", f"questions.{lang}.yaml").read_text(encoding="utf-8"))
    return data


def prompt_front_end(ask: Ask, lang: str, say: Callable[[str], None]) -> tuple[Confirm, Choose]:
    """Return ``confirm`` and ``choose`` built on ``ask`` alone, worded in ``lang``.

    A terminal front end's own yes/no and choice prompts answer in English and repeat a
    question silently; these say in the question's language why they ask again, and take an
    answer as people type it: a number from the list, the value, or a word such as 中小企業
    for ``sme`` (``aliases`` in the questions file), in any width or case.
    """
    data = question_data(lang)
    t = _questions(lang)
    aliases = {_fold(k): str(v) for k, v in (data.get("aliases") or {}).items()}
    yes, no = {_fold(w) for w in data.get("yes_words", [])}, {_fold(w) for w in data.get("no_words", [])}

    def confirm(prompt: str, default: bool = False) -> bool:
        for _ in range(MAX_TRIES):
            answer = _fold(ask(f"{prompt} [{t['yes_no']}]", "y" if default else "n"))
            if answer in yes:
                return True
            if answer in no:
                return False
            say(f"! {t['err_yes_no']}")
        raise OidocsError(t["err_tries"])

    def choose(prompt: str, choices: list[str], default: str | None = None) -> str:
        numbered = not any(c.isdigit() for c in choices)  # a count is typed as itself, not as its number
        listed = ", ".join(f"{i}: {c}" if numbered else c for i, c in enumerate(choices, start=1))
        for _ in range(MAX_TRIES):
            answer = _fold(ask(f"{prompt} ({listed})", default or ""))
            found = _pick(answer, choices, aliases)
            if found is not None:
                return found
            say(f"! {t['err_required'] if not answer else t['err_choice'].format(choices=listed)}")
        raise OidocsError(t["err_tries"])

    return confirm, choose


def _fold(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text or "")).casefold().split())


def _pick(answer: str, choices: list[str], aliases: dict[str, str]) -> str | None:
    for choice in choices:
        if answer == choice.casefold() or answer == choice.casefold().replace("_", " "):
            return choice
    if answer.isdigit() and 1 <= int(answer) <= len(choices) and not any(c.isdigit() for c in choices):
        return choices[int(answer) - 1]
    alias = aliases.get(answer)
    return alias if alias in choices else None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_date(answer: str) -> dt.date | None:
    """A date as people type it: 2027-01-05, 2027/1/5, 2027.1.5, 2027年1月5日 (full-width digits too); else None."""
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", answer).strip())
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None



# ---------------------------------------------------------------------------------------------
# The questions


Ask = Callable[..., str]
Confirm = Callable[..., bool]
Choose = Callable[..., str]


_LABELS = {"ja": ("甲", "乙", "丙", "丁"), "en": ("A", "B", "C", "D")}


class _Invalid(Exception):
    """An answer that breaks a rule; its message is shown before asking again."""


def interactive_deal(ask: Ask, confirm: Confirm, choose: Choose, lang: str, *,
                     say: Callable[[str], None] | None = None, schema: str = SCHEMA_FILE) -> str:
    """Ask for a deal's required terms and return its YAML text (which validates).

    The front end supplies three callables:

    - ``ask(prompt, default)`` returns a line of text (``default`` is a string, or None
      when an answer is required);
    - ``confirm(prompt, default)`` returns a bool;
    - ``choose(prompt, choices, default)`` returns one of ``choices``.

    ``lang`` (``ja`` or ``en``) is the language of the questions and the default language of
    the documents. An invalid answer is explained (through ``say``, or in front of the
    repeated question) and asked again; after :data:`MAX_TRIES` invalid answers in a row
    an :class:`~oidocs.errors.OidocsError` is raised.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    t = _questions(lang)
    q = _Questions(ask, choose, t, say)
    if say is not None:
        say(t["intro"])

    data: dict[str, Any] = {"version": 1}
    data["deal_id"] = q.text(t["deal_id"], check=_check_deal_id(t))
    doc_lang = choose(t["language"], list(LANGS), lang)
    data["language"] = doc_lang
    date = q.date(t["date"], optional=True)
    if date is not None:
        data["date"] = date

    count = int(choose(t["count"], ["2", "3", "4"], "2"))
    labels = _LABELS[lang]
    parties: list[dict[str, Any]] = []
    keys: list[str] = []
    for i in range(count):
        label = labels[i]
        key = q.text(t["key"].format(label=label), check=_check_party_key(t, keys))
        keys.append(key)
        parties.append({
            "key": key,
            "name": q.text(t["name"].format(label=label)),
            "kind": choose(t["kind"].format(label=label), list(KINDS), "other"),
            "address": q.text(t["address"].format(label=label)),
            "representative": q.text(t["representative"].format(label=label)),
        })
    data["parties"] = parties
    data["purpose"] = q.text(t["purpose"])
    data["court"] = q.text(t["court"], default=_questions(doc_lang)["court_default"])

    if not confirm(t["mutual"], True):
        data["nda"] = {"mutual": False, "discloser": choose(t["discloser"], keys, keys[0])}

    def who(i: int) -> str:
        return t["party"].format(label=labels[i]) + f" ({keys[i]})"

    if confirm(t["want_mou"], False):
        data["mou"] = {
            "objectives": q.items(t["objectives"]),
            "roles": {k: q.text(t["mou_role"].format(label=who(i))) for i, k in enumerate(keys)},
        }
    if confirm(t["want_poc"], False):
        performer = choose(t["performer"], keys, keys[-1])
        others = [k for k in keys if k != performer]
        client = choose(t["client"], others, others[0])
        scope = q.items(t["scope"])
        start = q.date(t["poc_start"])
        end = q.date(t["poc_end"], after=start)
        data["poc"] = {"performer": performer, "client": client, "scope": scope, "start": start, "end": end,
                       "fee": {"amount": q.amount(t["amount"]), "currency": "JPY"}}
    if confirm(t["want_jda"], False):
        theme = q.text(t["theme"])
        roles = {k: q.items(t["jda_role"].format(label=who(i))) for i, k in enumerate(keys)}
        start = q.date(t["jda_start"])
        data["jda"] = {"theme": theme, "roles": roles, "start": start, "end": q.date(t["jda_end"], after=start)}

    if any(s in data for s in ("mou", "poc", "jda")):
        model = choose(t["ip_model"], list(IP_MODELS), "joint_filing")
        ip: dict[str, Any] = {"model": model}
        if model == "exclusive_field":
            owner = choose(t["owner"], keys, keys[0])
            others = [k for k in keys if k != owner]
            ip["exclusive_field"] = {
                "owner": owner,
                "holder": choose(t["holder"], others, others[0]),
                "field": q.text(t["field"]),
            }
        data["ip"] = ip
    if confirm(t["want_licence"], False):
        data["licence"] = _licence(q, confirm, choose, t, keys)
    acting = choose(t["acting_for"], ["none", *keys], "none")
    if acting != "none":
        data["acting_for"] = acting
    signing = choose(t["signing"], ["paper", "electronic"], "paper")
    if signing != "paper":
        data["signing"] = signing
    return _dump(data, t["made_by"], schema)


def _licence(q: _Questions, confirm: Confirm, choose: Choose, t: dict[str, str], keys: list[str]) -> dict[str, Any]:
    """Ask for a licence: who grants it to whom, one right, the field, the price (or none), a term when needed."""
    licensor = choose(t["licensor"], keys, keys[-1])
    others = [k for k in keys if k != licensor]
    licence: dict[str, Any] = {"licensor": licensor, "licensee": choose(t["licensee"], others, others[0])}
    kind = choose(t["right_kind"], ["patent", "application", "know_how", "software", "design"], "patent")
    right: dict[str, Any] = {"kind": kind, "title": q.text(t["right_title"])}
    number = q.text(t["right_number"], default="-")
    if number != "-":
        right["number"] = number
    licence["rights"] = [right]
    licence["field"] = q.text(t["licence_field"])
    if confirm(t["royalty_free"], False):
        licence["royalty_free"] = True
    else:
        licence["royalty"] = {"upfront": q.amount(t["upfront"]), "rate_percent": q.number(t["rate_percent"])}
    if kind not in ("patent", "application"):
        licence["term_years"] = q.whole(t["term_years"])
    return licence


def _dump(data: dict[str, Any], header: str, schema: str) -> str:
    """Return ``data`` as a deal file with the schema line; raise if it would not validate."""
    import yaml

    from oidocs.deal.dealfile import parse_deal
    from oidocs.deal.yamlsource import load_text

    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096)
    text = schema_line(schema) + header + "\n" + body
    parse_deal(load_text(text, "<interactive>"))  # a bug here must not reach the user's disk
    return text


class _Questions:
    """Asks again until an answer passes its check."""

    def __init__(self, ask: Ask, choose: Choose, t: dict[str, str], say: Callable[[str], None] | None) -> None:
        self.ask, self.choose, self.t, self.say = ask, choose, t, say

    def _until_valid(self, prompt: str, default: str | None, convert: Callable[[str], Any]) -> Any:
        shown = prompt
        for _ in range(MAX_TRIES):
            answer = self.ask(shown, default)
            try:
                return convert("" if answer is None else str(answer).strip())
            except _Invalid as exc:
                if self.say is not None:
                    self.say(f"! {exc}")
                else:
                    shown = f"! {exc} {prompt}"
        raise OidocsError(self.t["err_tries"])

    def text(self, prompt: str, *, default: str | None = None, check: Callable[[str], None] | None = None) -> str:
        def convert(answer: str) -> str:
            if not answer:
                raise _Invalid(self.t["err_required"])
            if check is not None:
                check(answer)
            return answer
        return self._until_valid(prompt, default, convert)

    def items(self, prompt: str) -> list[str]:
        def convert(answer: str) -> list[str]:
            items = [s.strip() for s in re.split(r"[;；]", answer) if s.strip()]
            if not items:
                raise _Invalid(self.t["err_list"])
            return items
        return self._until_valid(prompt, None, convert)

    def date(self, prompt: str, *, optional: bool = False, after: dt.date | None = None) -> dt.date | None:
        def convert(answer: str) -> dt.date | None:
            answer = unicodedata.normalize("NFKC", answer)
            if not answer:
                if optional:
                    return None
                raise _Invalid(self.t["err_required"])
            value = parse_date(answer)
            if value is None:
                raise _Invalid(self.t["err_date"])
            if after is not None and value <= after:
                raise _Invalid(self.t["err_after"].format(start=after.isoformat()))
            return value
        return self._until_valid(prompt, "" if optional else None, convert)

    def number(self, prompt: str) -> float | int:
        """A rate in percent: above 0, at most 100."""
        def convert(answer: str) -> float | int:
            answer = unicodedata.normalize("NFKC", answer).rstrip("%").strip()
            try:
                value = float(answer)
            except ValueError:
                raise _Invalid(self.t["err_rate"]) from None
            if not 0 < value <= 100:
                raise _Invalid(self.t["err_rate"])
            return int(value) if value.is_integer() else value
        return self._until_valid(prompt, None, convert)

    def whole(self, prompt: str) -> int:
        """A count of years: a whole number, 1 or more."""
        def convert(answer: str) -> int:
            answer = unicodedata.normalize("NFKC", answer).strip()
            if not answer.isdigit() or int(answer) < 1:
                raise _Invalid(self.t["err_years"])
            return int(answer)
        return self._until_valid(prompt, None, convert)

    def amount(self, prompt: str) -> int:
        def convert(answer: str) -> int:
            answer = unicodedata.normalize("NFKC", answer).replace(",", "").replace("_", "")
            answer = re.sub(r"\s*(円|yen|JPY)$", "", answer, flags=re.IGNORECASE)
            if not answer.isdigit():
                raise _Invalid(self.t["err_amount"])
            return int(answer)
        return self._until_valid(prompt, None, convert)


def _check_deal_id(t: dict[str, str]) -> Callable[[str], None]:
    def check(value: str) -> None:
        if not DEAL_ID.fullmatch(value):
            raise _Invalid(t["err_deal_id"])
    return check


def _check_party_key(t: dict[str, str], taken: list[str]) -> Callable[[str], None]:
    def check(value: str) -> None:
        if not PARTY_KEY.fullmatch(value):
            raise _Invalid(t["err_key"])
        if value in YAML_WORDS:
            raise _Invalid(t["err_key_word"].format(value=value))
        if value in taken:
            raise _Invalid(t["err_key_dup"].format(value=value))
    return check
