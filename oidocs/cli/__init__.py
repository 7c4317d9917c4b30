"""The command line: a thin layer over :mod:`oidocs.api` (and the run, review and negotiate stages).

``app`` holds the ``oidocs`` group, the one error sink and the shared options; each other
module registers one group of commands on it (``documents``: the agreements, packs and
batches; ``calendar``: the deadline calendar; ``clauses``: browsing and linting clause libraries;
``negotiate``: compare, amend; ``serve``: the web form; ``start``: init, schema).
Command modules import ``app`` and never each other or this package, so there is no cycle.
Heavy modules are imported inside the commands so that ``oidocs --help`` starts fast.
May import: every other oidocs subpackage (lazily).
"""

from oidocs.cli import calendar, clauses, documents, negotiate, serve, start  # noqa: F401  (importing registers the commands)
from oidocs.cli.app import main

__all__ = ["main"]
