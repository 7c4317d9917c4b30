"""Fold the clause library's repeated wording into the phrase table and the shared leans.

Run from the repository (or name the clause library folder):

    python tools/fold_phrases.py [clause_library] [--check]

1. Every exact ``{% if n_parties == 2 %}TWO{% else %}MORE{% endif %}`` in a clause whose two
   wordings are those of an entry of ``phrases.yaml`` in the clause's language becomes
   ``{{ phrase("name") }}`` (where two entries share one language's wording, the first in the
   table wins), so that a lawyer rewords it once in the table.
2. The copied ``{% set lean = ... %}`` lines of NDA and PoC clauses are removed and the clause's
   ``lean`` reads the context's ``nda_lean`` / ``poc_lean`` (computed once in
   ``oidocs/clauses/context.py`` with the same formula).

The output is unchanged (the golden files prove it): a phrase prints the same words as the
inline choice did. The script is idempotent: run it again after other clause changes land.
It then lists inline choices that still occur twice or more and have no table entry, so that
one can be added. ``--check`` changes nothing and exits 1 when a file would change.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from oidocs.clauses.phrases import read_phrases  # noqa: E402

LEANS = {
    "nda_lean": '{% set lean = "" if acting_for is none or nda.mutual else '
                '("discloser" if acting_for == nda.discloser else "recipient") %}',
    "poc_lean": '{% set lean = "performer" if acting_for == poc.performer else '
                '("client" if acting_for == poc.client else "balanced") %}',
}
INLINE = re.compile(r"\{% if n_parties == 2 %\}([^{]{0,80})\{% else %\}([^{]{0,80})\{% endif %\}")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LEAN = re.compile(r"(?<![\w.])lean(?!\w)")


def patterns(library: Path, lang: str) -> dict[str, str]:
    """Return inline choice -> ``{{ phrase("name") }}`` for the entries of the table in ``lang``."""
    found: dict[str, str] = {}
    for name, entry in read_phrases([library / "phrases.yaml"]).items():
        two, more = entry.two[lang], entry.more[lang]
        if entry.counted and two != more:
            found.setdefault(f"{{% if n_parties == 2 %}}{two}{{% else %}}{more}{{% endif %}}",
                             f'{{{{ phrase("{name}") }}}}')
    return found


def fold(text: str, table: dict[str, str]) -> str:
    """Return a clause's text with its phrases and its lean folded."""
    for inline, call in table.items():
        text = text.replace(inline, call)
    for name, line in LEANS.items():
        if line in text:
            text = re.sub(r"^[ \t]*" + re.escape(line) + r"[ \t]*\n", "", text, flags=re.M)
            text = TAG.sub(lambda m, n=name: LEAN.sub(n, m.group(0)), text)  # type: ignore[misc]
    return text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    library = Path(args[0]) if args else ROOT / "clause_library"
    tables = {lang: patterns(library, lang) for lang in ("ja", "en")}
    changed, left = [], Counter()
    for path in sorted(library.rglob("*.md")):
        parts = path.name.split(".")
        if len(parts) != 3 or parts[1] not in tables:
            continue
        text = path.read_text(encoding="utf-8")
        new = fold(text, tables[parts[1]])
        left.update(m.group(0) for m in INLINE.finditer(new))
        if new != text:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(f"{'would fold' if check else 'folded'}: {path.relative_to(library.parent)}")
    for inline, n in left.most_common():
        if n >= 2:
            print(f"still inline {n} times (add an entry to phrases.yaml?): {inline}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
