"""oidocs: open-innovation agreements from one YAML deal file.

Public API (imported lazily, so that the CLI starts fast)::

    from oidocs import read_deal, render_document
    deal = read_deal("deal.yaml")
    docx_bytes = render_document(deal, "nda", lang="ja", fmt="docx")

    from oidocs import DealError, deal_from_dict, check_pack, render_pack
    deal = deal_from_dict(row, source="rows.csv:3")   # a mapping: a sheet row, a web form
    warnings = check_pack(deal)                        # the checks across the pack
    files = render_pack(deal, strict=True)             # raises DealError on any warning

Every error a user can cause is an :class:`OidocsError` (a :class:`DealError` lists its
:class:`Problem` items, each with file, line, column, path and message).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would slow `oidocs --help`
if TYPE_CHECKING:
    from typing import Any

__all__ = ["read_deal", "deal_from_dict", "check_pack", "render_document", "render_files", "render_pack",
           "build_document", "docs_in", "file_name",
           "OidocsError", "DealError", "Problem", "OutputExistsError", "ClauseError"]

_ERRORS = {"OidocsError", "DealError", "Problem", "OutputExistsError", "ClauseError"}

from oidocs._version import __version__ as __version__  # noqa: E402


def __getattr__(name: str) -> Any:
    if name in _ERRORS:
        from oidocs import errors
        return getattr(errors, name)
    if name in __all__:
        from oidocs import api
        return getattr(api, name)
    raise AttributeError(name)
