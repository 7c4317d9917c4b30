"""What the form needs beyond the JSON Schema, read from the starter deal file (``oidocs init``).

The starter is the one place where every key is explained in the user's language and where
each optional section (mou, poc, jda, ip, licence) has sample values, commented out. The form
reuses both rather than repeating them: :func:`samples` uncomments the sections, so that
switching the PoC on fills in a PoC that validates (with the user's party keys put in place
of the sample's), and :func:`hints` maps every key path (``parties.*.name``) to its comment.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from oidocs.deal.starter import starter_yaml
from oidocs.deal.yamlsource import load_text

SECTIONS = ("nda", "mou", "poc", "jda", "ip", "licence")
_SECTION_START = re.compile(r"^# ([a-z_]+):\s*(#.*)?$")
_COMMENT = re.compile(r"\s#\s(.*)$")


def first_content(lang: str) -> str:
    """Return the starter deal as the page's first content: without the editor's ``$schema`` line."""
    return starter_yaml(lang).split("\n", 1)[1]


def _uncommented(lang: str) -> str:
    """Return the starter with every commented-out top-level section switched on."""
    out, inside = [], False
    for line in first_content(lang).splitlines():
        start = _SECTION_START.match(line)
        if start and start.group(1) in SECTIONS:
            inside = True
            out.append(line[2:])
        elif inside and line.startswith("#   "):
            out.append(line[2:])
        else:
            inside = False
            out.append(line)
    return "\n".join(out) + "\n"


@lru_cache(maxsize=2)
def samples(lang: str) -> dict[str, Any]:
    """Return ``{"parties": [keys], "sections": {section: sample data}}`` from the starter in ``lang``."""
    data = load_text(_uncommented(lang), "starter").data
    return {"parties": [p["key"] for p in data["parties"]],
            "sections": {s: data[s] for s in SECTIONS if s in data}}


@lru_cache(maxsize=2)
def hints(lang: str) -> dict[str, str]:
    """Return key path (list indexes as ``*``) -> the starter's comment on that key, in ``lang``."""
    text = _uncommented(lang)
    lines = text.splitlines()
    source = load_text(text, "starter")
    found: dict[str, str] = {}
    for path, (line, _col) in source.key_positions.items():
        comment = _COMMENT.search(lines[line - 1].split(":", 1)[1] if ":" in lines[line - 1] else "")
        if comment:
            dotted = ".".join("*" if isinstance(p, int) else str(p) for p in path)
            found.setdefault(dotted, comment.group(1).strip())
    return found
