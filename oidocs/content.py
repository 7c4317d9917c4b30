"""Where the shipped content lives: the clause library, the document definitions, starter text.

Content is what a lawyer edits without touching Python. A source checkout (or an editable
install) keeps ``clause_library/`` and ``templates/`` at the top of the repository; a wheel
installs them inside the package. Every stage that reads shipped content asks here, so that
the two layouts are known in one place. Imports only :mod:`oidocs.errors`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from oidocs.errors import ClauseError


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    """Return the folder holding ``clause_library/`` and ``templates/``."""
    package = Path(__file__).resolve().parent
    for base in (package.parent, package):
        if (base / "clause_library").is_dir() and (base / "templates").is_dir():
            return base
    raise ClauseError(file=str(package), message="the built-in clause library is missing from this installation")


def templates_path(*parts: str) -> Path:
    """Return a path inside the shipped ``templates/`` folder."""
    return builtin_root().joinpath("templates", *parts)
