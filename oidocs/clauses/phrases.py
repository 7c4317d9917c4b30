"""The phrase table (``clause_library/phrases.yaml``): wording a lawyer edits once for every clause.

Clauses repeat short phrases whose wording depends on the number of parties (相手方 / 他の当事者,
"the other Party" / "the other Parties", "between" / "among"). Each lives once in the table,
with its two-party and its multi-party wording in both languages, and a clause prints it with
``phrase("other_party")``. The engine's own fixed phrases (around the parties in a preamble)
live in the same table with one wording per language.

A user's ``--library`` may carry its own ``phrases.yaml``: its entries replace the built-in
ones of the same name, so a firm rewords a phrase in every clause at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oidocs.clauses.files import read_yaml
from oidocs.errors import ClauseError

LANGS = ("ja", "en")
FORMS = ("two", "more")


@dataclass(frozen=True)
class PhraseDef:
    """One entry of the phrase table: its wording per language, for two parties and for more."""

    name: str
    two: dict[str, str]
    more: dict[str, str]
    counted: bool  # worded by the number of parties (``two``/``more``), not one wording per language

    def text(self, lang: str, n_parties: int = 2) -> str:
        """Return the wording in ``lang`` for a deal of ``n_parties`` parties."""
        return (self.two if n_parties == 2 else self.more)[lang]


def read_phrases(paths: list[Path]) -> dict[str, PhraseDef]:
    """Read the phrase tables ``paths`` in order; an entry of a later table replaces an earlier one."""
    found: dict[str, PhraseDef] = {}
    for path in paths:
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise ClauseError(file=str(path), message="expected a mapping of phrase names")
        for name, value in data.items():
            found[str(name)] = _entry(path, str(name), value)
    return found


def _entry(path: Path, name: str, value: Any) -> PhraseDef:
    """Check one entry: ``{ja: text, en: text}`` or ``{ja: {two: text, more: text}, en: {...}}``."""
    shape = (f"phrase {name!r} needs ja and en wording, each either one text or "
             "{two: <for two parties>, more: <for three or more>}")
    if not isinstance(value, dict) or set(value) != set(LANGS):
        raise ClauseError(file=str(path), message=shape)
    if all(isinstance(value[lang], str) for lang in LANGS):
        words = {lang: str(value[lang]) for lang in LANGS}
        return PhraseDef(name, words, words, counted=False)
    if all(isinstance(value[lang], dict) and set(value[lang]) == set(FORMS)
           and all(isinstance(value[lang][f], str) and value[lang][f].strip() for f in FORMS) for lang in LANGS):
        return PhraseDef(name, {lang: value[lang]["two"] for lang in LANGS},
                         {lang: value[lang]["more"] for lang in LANGS}, counted=True)
    raise ClauseError(file=str(path), message=shape)
