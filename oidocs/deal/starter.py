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
    """Return the interactive questions and messages in ``lang``."""
    import yaml

    data = yaml.safe_load(templates_path("starter", f"questions.{lang}.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}



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
    return _dump(data, t["made_by"], schema)


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
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", answer):
                raise _Invalid(self.t["err_date"])
            try:
                value = dt.date.fromisoformat(answer)
            except ValueError:
                raise _Invalid(self.t["err_date"]) from None
            if after is not None and value <= after:
                raise _Invalid(self.t["err_after"].format(start=after.isoformat()))
            return value
        return self._until_valid(prompt, "" if optional else None, convert)

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
