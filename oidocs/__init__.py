"""oidocs: open-innovation agreements from one YAML deal file.

Public API (imported lazily, so that the CLI starts fast)::

    from oidocs import read_deal, render_document
    deal = read_deal("deal.yaml")
    docx_bytes = render_document(deal, "nda", lang="ja", fmt="docx")
"""

from __future__ import annotations

from typing import Any

__all__ = ["read_deal", "render_document", "render_files", "render_pack", "build_document", "docs_in", "file_name"]

from oidocs._version import __version__ as __version__  # noqa: E402


def __getattr__(name: str) -> Any:
    if name in __all__:
        from oidocs import api
        return getattr(api, name)
    raise AttributeError(name)
